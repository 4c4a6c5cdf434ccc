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
    r"\b(?:ignore|disregard|forget)\b (?:what|everything|anything|all)(?: (?:that|which))?(?: (?:the system|the developers?|you|i|we|they|it|has|have|was|were|been|previously|earlier|before|above))* (?:(?:told|said|instructed|asked|given|written|discussed|mentioned)\b|(?:above|before|earlier|previously)\b(?!\s+(?:the|a|an|this|that|these|those|\d)))",
    r"\byou are now\b.{0,40}\b(?:dan|unfiltered|jailbroken|evil|without (?:any )?(?:rules|restrictions|limits|filters)|free from|no longer bound)\b",
    r"\b(?:do anything now|developer mode|jailbreak(?:ed)?|dan mode|god mode)\b",
    # A persona "without rules" (en/et/ru): "you are my evil AI without rules", "ты мой злой ИИ без правил".
    r"\b(?:ai|a\.i\.|assistant|bot|chatbot|model|tutor)\b.{0,25}\b(?:without|with no|no) (?:any )?(?:rules|restrictions|limits|filters|censorship|morals|ethics)\b"
    r"|\b(?:tehisintellekt\w*|tehisaru\w*|robot\w*|assistent\w*|bott?\w*)\b.{0,25}\b(?:reegliteta|piiranguteta|ilma tsensuurita)\b"
    r"|(?:\bии\b|ассистент\w*|бот\w*|нейросет\w*)\b.{0,25}\bбез (?:правил|ограничений|цензуры|морали)\b",
    r"\b(?:reveal|print|show|repeat|output|tell me|display|leak)\b.{0,25}\b(?:system prompt|hidden (?:instructions|prompt)|initial (?:instructions|prompt)|your (?:instructions|prompt|rules))\b",
    r"(?:^|\n)\s*(?:system|admin|assistant|developer)\s*:\s*(?:ignore|you are|new|override|disable|the admin)",
    r"\b(?:pretend|act as if|imagine) (?:you have|there (?:is|are)) no (?:rules|content policy|restrictions|filters|guidelines)\b",
    r"\b(?:disable|turn off|switch off|remove)\b.{0,15}\b(?:your )?(?:safety|content) (?:filters?|rules|guidelines|policy)\b",
    r"\binstead(?:,)? (?:of answering|you (?:must|should|will))\b.{0,40}\b(?:say|write|output|tell|send)\b",
    # Estonian
    r"\b(?:unusta|ignoreeri|eira|jäta kõrvale|tühista|ära arvesta)\b.{0,25}\b(?:kõik |oma |varasemad |eelnevad |eelmised |senised |eespool )*(?:juhised|juhiseid|juhendid|juhiseid|reeglid|reegleid|käsud|käske|korraldused|piirangud|piiranguid|instruktsioonid)\b",
    r"\b(?:unusta|eira|ignoreeri)\b (?:kõik|see|seda),? (?:mis|mida)?\s?(?:sulle |sinule )?(?:eespool|eelnevalt|varem|enne|öeldi|kirjutati|räägiti|õpetati)",
    r"\b(?:sa oled nüüd|nüüdsest oled sa|nüüdsest oled)\b.{0,40}\b(?:piiranguteta|reegliteta|dan|vaba)\b|\bnäita (?:oma )?(?:süsteemiviipa|süsteemi juhiseid|varjatud juhiseid)\b",
    # Russian / Ukrainian
    r"\b(?:игнорируй|игнорировать|забудь|забыть|отмени|не обращай внимания на|проигнорируй|пренебреги)\b.{0,25}\b(?:все |свои |предыдущие |прежние |прошлые |вышеуказанные |системные )*(?:инструкции|инструкций|указания|правила|команды|ограничения|промпт)\b",
    r"\b(?:забудь|игнорируй|не обращай внимания на)\b (?:всё|все|то),? (?:что )?(?:тебе )?(?:выше|ранее|раньше|сказали|говорили|написано|написали|было сказано)",
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

# Words that address the model or talk about its behaviour. In a document, only sentences with such a
# cue are embedded and compared with injected-instruction and exercise-instruction references
# (``EmbeddingClassifier.injection_margin``): paraphrases are caught without embedding every sentence,
# and "Solve the exercise" / "Lahenda ülesanne" never reach the semantic check.
_MODEL_CUE = re.compile(
    r"\b(?:ai|a\.i\.|artificial intelligence|assistant|chat ?bot|bot|language model|llm|gpt|model|tutor|system|"
    r"you are|you're|your (?:answers?|responses?|repl(?:y|ies)|output|instructions|rules|guidelines|task|role|"
    r"programming|policy|configuration|prompt|constraints|guidance|directions)|from now on|from this point|henceforth|"
    r"ignore|disregard|forget|override|bypass|pretend|reveal|no longer|whoever (?:is )?(?:reading|summari[sz]ing|processing))\b"
    r"|\b(?:tehisintellekt\w*|tehisaru\w*|keelemudel\w*|assistent\w*|juturobot\w*|vestlusrobot\w*|robot\w*|edaspidi|"
    r"nüüdsest|sinu (?:vastus\w*|ülesan\w*|reegl\w*|juhis\w*|juhtnöör\w*|seadistus\w*|piirang\w*)|vastates|unusta\w*|"
    r"ignoreeri\w*|eira|ära järgi|ei kehti|piiranguteta|avalda\w*)"
    r"|(?:искусственн\w* интеллект\w*|\bии\b|ассистент\w*|нейросет\w*|языков\w* модел\w*|чат-?бот\w*|\bбот\w*|"
    r"отныне|с этого момента|\bтво(?:й|я|ё|е|и|его|ей|их)\b|отвечай|игнорируй|забудь|не действуют|без ограничений|раскрой)"
    r"|\b(?:ki|ab sofort|vorgaben|anweisungen|assistent)\b"
)


def addresses_model(views: tuple[str, ...]) -> bool:
    """True when a sentence talks to or about the model (a cue for the semantic injection check)."""
    return any(_MODEL_CUE.search(text) for text in views)


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

