"""Prompt-injection and jailbreak patterns in many languages.

In a student message an injection is refused; in a curriculum chunk (quoted data with no
authority) the instruction-like sentences are neutralised and reported, never followed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from guardrails.detectors import HARD, CheckPoint, Signal

NAME = "injection"
CHECK_POINTS = (CheckPoint.INPUT, CheckPoint.CHUNK)
CATEGORIES = ("prompt_injection",)
LANGUAGES = ("en", "et", "ru", "de", "fi", "fr", "es", "lv", "lt", "uk", "pl")

_PRIOR = r"(?:all |any |the |your |my )?(?:previous|prior|above|earlier|preceding|former|initial|original|system|old)"
_RULES = r"(?:instructions?|prompts?|rules|directions|guidelines|context|messages|commands|tasks|orders|programming|restrictions)"

_PATTERNS: tuple[str, ...] = (
    # English
    rf"\b(?:ignore|disregard|forget|override|bypass|skip|drop|delete|abandon)\b.{{0,25}}\b{_PRIOR}\b.{{0,20}}\b{_RULES}\b",
    r"\b(?:ignore|disregard|forget|bypass)\b.{0,12}\b(?:all|your|the|any|these)\b.{0,12}\b(?:rules|instructions|guidelines|restrictions|filters|safety)\b",
    r"\b(?:new|updated|real|actual) (?:instructions?|system prompt|rules?)\s*:",
    r"\byou are now\b.{0,40}\b(?:dan|unfiltered|jailbroken|evil|without (?:any )?(?:rules|restrictions|limits|filters)|free from|no longer bound)\b",
    r"\b(?:do anything now|developer mode|jailbreak(?:ed)?|dan mode|god mode)\b",
    r"\b(?:reveal|print|show|repeat|output|tell me|display|leak)\b.{0,25}\b(?:system prompt|hidden (?:instructions|prompt)|initial (?:instructions|prompt)|your (?:instructions|prompt|rules))\b",
    r"(?:^|\n)\s*(?:system|admin|assistant|developer)\s*:\s*(?:ignore|you are|new|override|disable|the admin)",
    r"\b(?:pretend|act as if|imagine) (?:you have|there (?:is|are)) no (?:rules|content policy|restrictions|filters|guidelines)\b",
    r"\b(?:disable|turn off|switch off|remove)\b.{0,15}\b(?:your )?(?:safety|content) (?:filters?|rules|guidelines|policy)\b",
    r"\binstead(?:,)? (?:of answering|you (?:must|should|will))\b.{0,40}\b(?:say|write|output|tell|send)\b",
    # Estonian
    r"\b(?:unusta|ignoreeri|eira|jäta kõrvale|tühista|ära arvesta)\b.{0,25}\b(?:kõik |oma |varasemad |eelnevad |eelmised |senised |eespool )*(?:juhised|juhiseid|juhendid|juhiseid|reeglid|reegleid|käsud|käske|korraldused|piirangud|piiranguid|instruktsioonid)\b",
    r"\b(?:sa oled nüüd|nüüdsest oled sa|nüüdsest oled)\b.{0,40}\b(?:piiranguteta|reegliteta|dan|vaba)\b|\bnäita (?:oma )?(?:süsteemiviipa|süsteemi juhiseid|varjatud juhiseid)\b",
    # Russian / Ukrainian
    r"\b(?:игнорируй|игнорировать|забудь|забыть|отмени|не обращай внимания на|проигнорируй|пренебреги)\b.{0,25}\b(?:все |свои |предыдущие |прежние |прошлые |вышеуказанные |системные )*(?:инструкции|инструкций|указания|правила|команды|ограничения|промпт)\b",
    r"\b(?:теперь ты|ты теперь|отныне ты)\b.{0,40}\b(?:без ограничений|без правил|dan|свободен)\b|\b(?:покажи|выведи|раскрой)\b.{0,20}\b(?:системный промпт|скрытые инструкции|свои инструкции)\b",
    r"\b(?:ігноруй|забудь)\b.{0,25}\b(?:попередні |усі |всі )*(?:інструкції|правила|вказівки)\b",
    # German, Finnish, French, Spanish, Latvian, Lithuanian, Polish
    r"\b(?:ignoriere|vergiss|missachte)\b.{0,25}\b(?:alle |die |deine |vorherigen |bisherigen |obigen )*(?:anweisungen|instruktionen|regeln|befehle|aufgaben|vorgaben)\b",
    r"\b(?:unohda|ohita|älä välitä)\b.{0,25}\b(?:kaikki |aiemmat |edelliset )*(?:ohjeet|ohjeita|säännöt)\b",
    r"\b(?:ignore[zr]?|oublie[zr]?)\b.{0,25}\b(?:toutes |les |tes |vos |précédentes )*(?:instructions|consignes|règles)\b",
    r"\b(?:ignora|olvida|olvídate de)\b.{0,25}\b(?:todas |las |tus |anteriores )*(?:instrucciones|reglas|indicaciones)\b",
    r"\b(?:ignorē|aizmirsti)\b.{0,25}\b(?:visas |iepriekšējās )*(?:instrukcijas|norādes|noteikumus)\b",
    r"\b(?:ignoruok|pamiršk)\b.{0,25}\b(?:visas |ankstesnes )*(?:instrukcijas|nurodymus|taisykles)\b",
    r"\b(?:zignoruj|ignoruj|zapomnij)\b.{0,25}\b(?:wszystkie |poprzednie |wcześniejsze )*(?:instrukcje|polecenia|zasady)\b",
)
_COMPILED = tuple(re.compile(p, re.MULTILINE) for p in _PATTERNS)

# Sentence-ish spans, so that a chunk keeps its teaching content and loses only the injected part.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*\n?|\n")


def detect(views: tuple[str, ...]) -> list[Signal]:
    """A hard ``prompt_injection`` signal for each pattern found in any normalised view."""
    found: list[Signal] = []
    for text in views:
        for pattern in _COMPILED:
            if m := pattern.search(text):
                found.append(Signal(NAME, "prompt_injection", HARD, m.group(0)))
    return list(dict.fromkeys(found))


def neutralise(text: str, is_injection: Callable[[str], bool]) -> tuple[str, bool]:
    """Replace each instruction-like sentence of ``text`` with a marker; return (text, changed)."""
    out: list[str] = []
    changed = False
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if sentence.strip() and is_injection(sentence):
            changed = True
            out.append("[removed: instruction-like text in source material] " + ("\n" if sentence.endswith("\n") else ""))
        else:
            out.append(sentence)
    return "".join(out), changed

