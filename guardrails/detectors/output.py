"""Patterns for generated answers: operational harmful content that must not reach a student.

Answers about history or science name weapons and drugs all the time, so these patterns look for
instructions (quantities, steps, synthesis routes, methods of self-harm), not for topics.
"""

from __future__ import annotations

import re

from guardrails.detectors import HARD, CheckPoint, Signal

NAME = "output"
CHECK_POINTS = (CheckPoint.OUTPUT,)
LANGUAGES = ("en", "et", "ru")

_STEP = r"(?:step \d|first,|then,|next,|\b1\.|samm \d|esiteks|шаг \d|сначала)"

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("weapons", rf"{_STEP}.{{0,200}}\b(?:pipe|fuse|detonator|shrapnel|nails|gunpowder|ammonium nitrate|acetone peroxide|tatp|black powder|nitroglycerin)\b.{{0,120}}\b(?:pack|fill|seal|attach|ignite|detonate|mix)\b"),
    ("weapons", r"\b(?:to make|to build|making|building) (?:a |the )?(?:pipe )?bomb\b.{0,40}\b(?:you(?:'ll)? need|take|mix|combine|fill)\b"),
    ("cbrn_weapons", r"\b(?:synthesi[sz]e|synthesis of|produce|precursors? for)\b.{0,60}\b(?:sarin|vx|tabun|soman|novichok|ricin|mustard gas)\b.{0,120}\b(?:react|mix|heat|distil|combine|yield)\b"),
    ("illegal_drugs", rf"{_STEP}.{{0,200}}\b(?:pseudoephedrine|red phosphorus|lithium strips|anhydrous ammonia|coca paste|baking soda)\b.{{0,120}}\b(?:heat|cook|mix|dissolve|extract)\b"),
    ("self_harm", r"\b(?:the (?:most )?(?:effective|painless|quickest|easiest) way to (?:kill yourself|end your life|die))\b|\b(?:you could|you can|try to) (?:cut|hurt|starve|hang) yourself\b"),
    ("self_harm", r"\b(?:lethal dose|fatal dose)\b.{0,40}\b(?:is|would be|about)\b.{0,20}\d"),
    ("cybercrime_fraud", r"\b(?:import pynput|keyboard\.on_press|setwindowshookex)\b.{0,400}\b(?:send|post|smtp|requests\.)\b|\bencrypt(?:s|ing)? (?:all )?(?:the )?(?:victim'?s? )?files\b.{0,80}\b(?:ransom|bitcoin)\b"),
)
_COMPILED = tuple((cat, re.compile(p, re.DOTALL)) for cat, p in _PATTERNS)
CATEGORIES = tuple(sorted({c for c, _ in _PATTERNS}))


def detect(views: tuple[str, ...]) -> list[Signal]:
    """Hard signals for operational harmful content in an answer."""
    found: list[Signal] = []
    for text in views:
        for cat, pattern in _COMPILED:
            if m := pattern.search(text):
                found.append(Signal(NAME, cat, HARD, m.group(0)[:80]))
    return list(dict.fromkeys(found))
