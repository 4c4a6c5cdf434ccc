"""Generated from the rule files: every example a rule carries is a test of that rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from guardrails.rules import RuleError, load_rules

RULES = load_rules()
MUST = [pytest.param(r, t, id=f"{r.id}:{t[:40]}") for r in RULES for t in r.must_match]
MUST_NOT = [pytest.param(r, t, id=f"{r.id}:{t[:40]}") for r in RULES for t in r.must_not_match]


@pytest.mark.parametrize(("rule", "text"), MUST)
def test_rule_catches_its_examples(rule, text: str) -> None:
    assert rule.matches(text)


@pytest.mark.parametrize(("rule", "text"), MUST_NOT)
def test_rule_leaves_its_neighbours_to_the_model(rule, text: str) -> None:
    assert not rule.matches(text)


def test_every_language_has_crisis_rules_and_instruction_overrides() -> None:
    for suffix in ("en", "et", "ru"):
        ids = {r.id for r in RULES if r.file.startswith(f"{suffix}.yaml")}
        cats = {r.category for r in RULES if r.file.startswith(f"{suffix}.yaml")}
        assert {"self_harm", "prompt_injection", "sexual_content"} <= cats, (suffix, ids)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- id: x\n  category: weapons\n  checkpoints: [input]\n  pattern: 'a'\n  must_match: [a]\n", "must not"),
        ("- id: x\n  category: nonsense\n  checkpoints: [input]\n  pattern: 'a'\n  must_match: [a]\n  must_not_match: [b]\n",
         "not a policy category"),
        ("- id: x\n  category: weapons\n  checkpoints: [input]\n  pattern: '('\n  must_match: [a]\n  must_not_match: [b]\n",
         "invalid"),
        ("- id: x\n  category: weapons\n  checkpoints: [everywhere]\n  pattern: 'a'\n  must_match: [a]\n  must_not_match: [b]\n",
         "checkpoints"),
    ],
)
def test_a_broken_rule_file_fails_loudly_naming_the_rule(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "xx.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(RuleError, match=message) as err:
        load_rules(tmp_path)
    assert "xx.yaml" in str(err.value)
