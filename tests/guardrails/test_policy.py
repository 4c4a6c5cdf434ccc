"""The policy is validated data; locale profiles can add restrictions but never weaken one."""

from __future__ import annotations

from pathlib import Path

import pytest

import guardrails
from guardrails import PolicyError, PolicyWeakeningError, check_profile_restrictions, load_policy
from guardrails.policy import DEFAULT_POLICY_PATH


def test_bundled_policy_covers_the_red_lines_and_platform_rules() -> None:
    policy = load_policy()
    assert policy.version
    for cid in ("violence", "weapons", "cbrn_weapons", "terrorism", "persecution", "mass_surveillance",
                "manipulation", "privacy", "sexual_content", "hate_harassment", "self_harm",
                "illegal_drugs", "cybercrime_fraud"):
        cat = policy.category(cid)
        assert {"et", "ru", "en"} <= set(cat.explanation)
    assert policy.category("self_harm").action.value == "safe_complete"


@pytest.mark.parametrize(
    ("entry", "rule"),
    [
        ({"id": "violence", "action": "safe_complete"}, "weaker"),
        ({"id": "self_harm", "action": "allow"}, "weaker"),
        ({"id": "weapons", "enabled": False}, "disable"),
        ({"id": "privacy", "disabled": True}, "disable"),
        ({"id": "minor_safety", "audiences": []}, "narrow"),
    ],
)
def test_profile_cannot_weaken_a_global_category(entry: dict, rule: str) -> None:
    with pytest.raises(PolicyWeakeningError) as exc:
        check_profile_restrictions([entry])
    assert entry["id"] in str(exc.value) and rule in str(exc.value)


def test_profile_may_add_or_strengthen() -> None:
    check_profile_restrictions(
        [{"id": "gambling", "action": "refuse"}, {"id": "self_harm", "action": "refuse"}, {"id": "violence"}]
    )


def test_invalid_policy_fails_loudly_naming_file_and_field(tmp_path: Path) -> None:
    text = DEFAULT_POLICY_PATH.read_text(encoding="utf-8").replace("action: refuse", "action: allow", 1)
    bad = tmp_path / "policy.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError) as exc:
        load_policy(bad)
    assert str(bad) in str(exc.value) and "violence" in str(exc.value) and "action" in str(exc.value)


def test_unknown_policy_key_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "policy.yaml"
    bad.write_text(DEFAULT_POLICY_PATH.read_text(encoding="utf-8") + "\nswitch_off_filters: true\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="switch_off_filters"):
        load_policy(bad)


def test_public_api_is_explicit() -> None:
    for name in guardrails.__all__:
        assert hasattr(guardrails, name)


def test_profile_entry_with_unknown_action_is_rejected() -> None:
    with pytest.raises(PolicyError, match="maybe"):
        check_profile_restrictions([{"id": "gambling", "action": "maybe"}])
