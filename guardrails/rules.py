"""The rule core: precise patterns, kept as data with examples (``guardrails/rules/*.yaml``).

Rules decide only what must never be wrong (instruction overrides, crisis phrases, sexual content
with minors, named weapon and agent syntheses). They match the spelling-robust view of a text
(``features.char_view``), so one pattern covers diacritics or none, Cyrillic or Latin letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from guardrails.features import char_view

RULES_DIR = Path(__file__).with_name("rules")
CHECKPOINTS = ("input", "chunk", "output")


class RuleError(ValueError):
    """A rule file is invalid; the message names the file and the rule."""


@dataclass(frozen=True)
class Rule:
    """One precise pattern with the examples that define it."""

    id: str
    category: str
    checkpoints: tuple[str, ...]
    pattern: re.Pattern[str]
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]
    file: str

    def matches(self, text: str) -> bool:
        """True when the pattern is found in the spelling-robust view of ``text``."""
        return self.pattern.search(char_view(text)) is not None


@dataclass(frozen=True)
class RuleHit:
    """A rule that fired on a text."""

    rule: str
    category: str


def _rule(entry: object, where: str, categories: frozenset[str]) -> Rule:
    if not isinstance(entry, dict):
        raise RuleError(f"{where}: each rule must be a mapping")
    unknown = set(entry) - {"id", "category", "checkpoints", "pattern", "must_match", "must_not_match"}
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {sorted(unknown)}")
    rid = str(entry.get("id") or "")
    where = f"{where} ({rid or 'no id'})"
    if not rid:
        raise RuleError(f"{where}: a rule needs an id")
    if entry.get("category") not in categories:
        raise RuleError(f"{where}: category {entry.get('category')!r} is not a policy category")
    checkpoints = tuple(entry.get("checkpoints") or ())
    if not checkpoints or set(checkpoints) - set(CHECKPOINTS):
        raise RuleError(f"{where}: checkpoints must be a non-empty list of {CHECKPOINTS}")
    must, must_not = tuple(entry.get("must_match") or ()), tuple(entry.get("must_not_match") or ())
    if not must or not must_not:
        raise RuleError(f"{where}: a rule needs examples that must match and examples that must not")
    try:
        pattern = re.compile(str(entry["pattern"]))
    except (KeyError, re.error) as exc:
        raise RuleError(f"{where}: pattern missing or invalid ({exc})") from exc
    return Rule(rid, str(entry["category"]), checkpoints, pattern, must, must_not, where.split(" ")[0])


def load_rules(folder: Path = RULES_DIR, categories: frozenset[str] | None = None) -> tuple[Rule, ...]:
    """Every rule of every ``*.yaml`` in ``folder``, validated (ids unique, examples on both sides)."""
    if categories is None:
        from guardrails.policy import default_policy

        categories = frozenset(default_policy().ids)
    rules: list[Rule] = []
    for path in sorted(folder.glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(entries, list):
            raise RuleError(f"{path.name}: expected a list of rules")
        rules += [_rule(e, f"{path.name}[{i}]", categories) for i, e in enumerate(entries)]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"{rule.file}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    return tuple(rules)


class RuleSet:
    """The loaded rules, grouped by checkpoint."""

    def __init__(self, rules: tuple[Rule, ...] | None = None) -> None:
        self.rules = rules if rules is not None else _default_rules()

    def match(self, text: str, checkpoint: str) -> list[RuleHit]:
        """The rules of ``checkpoint`` that fire on ``text`` (in file order)."""
        view = char_view(text)
        return [RuleHit(r.id, r.category) for r in self.rules
                if checkpoint in r.checkpoints and r.pattern.search(view)]


@lru_cache(maxsize=1)
def _default_rules() -> tuple[Rule, ...]:
    return load_rules()
