"""Every rejection rule of the profile format, one fixture file each, with the exact error."""

from __future__ import annotations

from pathlib import Path

import pytest

from locale_profiles import ProfileError, ProfileRegistry, load_profile
from locale_profiles.registry import SHIPPED_DIR

INVALID = Path(__file__).resolve().parents[1] / "fixtures" / "profiles" / "invalid"

CASES = {
    "unknown_key": "field 'colour': rule broken: unknown key",
    "missing_translation": "field 'additions[museum-tip].text': rule broken: missing translation for listed "
                           "language 'et'",
    "withholds_crisis_help": "field 'omissions[no-helplines].match': rule broken: '116 111' targets "
                             "safety-critical information",
    "omits_red_line_category": "field 'omissions[hide-self-harm].category': rule broken: 'self_harm' is a "
                               "global guardrail category",
    "weakens_category": "field 'guardrails.extra_categories': rule broken: a profile may add restrictions but "
                        "never disable or weaken a global category",
    "disables_category": "field 'guardrails.extra_categories': rule broken",
    "adds_category": "field 'guardrails.extra_categories': rule broken: the guard cannot apply profile "
                     "categories ('gambling'); restrict local content with 'omissions'",
    "residency_conflict": "field 'data_residency.local_endpoints_only': rule broken",
    "bad_pedagogy": "field 'pedagogy.style': rule broken: Input should be 'socratic' or 'direct'",
    "not_a_mapping": "a profile must be a YAML mapping",
}


def test_every_invalid_fixture_has_a_case() -> None:
    assert sorted(p.stem for p in INVALID.glob("*.yaml")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_invalid_profile_is_rejected_naming_file_field_and_rule(name: str) -> None:
    path = INVALID / f"{name}.yaml"
    with pytest.raises(ProfileError) as info:
        load_profile(path, endpoint_is_local=False)
    message = str(info.value)
    assert message.startswith(str(path))
    assert CASES[name] in message


def test_weakening_names_the_category() -> None:
    with pytest.raises(ProfileError, match="weapons"):
        load_profile(INVALID / "weakens_category.yaml")


def test_residency_is_fine_with_a_local_endpoint() -> None:
    assert load_profile(INVALID / "residency_conflict.yaml", endpoint_is_local=True).data_residency.local_endpoints_only


@pytest.mark.parametrize("path", sorted(SHIPPED_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_profiles_are_valid(path: Path) -> None:
    assert load_profile(path, endpoint_is_local=False).id == path.stem


def test_a_broken_installed_profile_does_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "zz.yaml").write_text("id: zz\nname: {en: Z}\n", encoding="utf-8")
    registry = ProfileRegistry(tmp_path)
    entries = {e.id: e for e in registry.entries()}
    assert entries["zz"].enabled is False and "required field is missing" in (entries["zz"].error or "")
    assert {"ee", "global"} <= set(registry.enabled_ids())


def test_the_empty_guardrails_field_of_older_profiles_still_loads(tmp_path: Path) -> None:
    older = tmp_path / "ee.yaml"
    older.write_text((SHIPPED_DIR / "ee.yaml").read_text(encoding="utf-8") + "guardrails: {extra_categories: []}\n",
                     encoding="utf-8")
    assert load_profile(older).id == "ee"
