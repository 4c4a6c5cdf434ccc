"""Recognise homework-style requests, so a Socratic profile gives hints, not finished work.

A request stays homework across turns: once a student has asked the tutor to solve or write
something, pressure in the next turns ("just give me the answer", "my teacher said it's fine",
"I've been stuck for hours") does not turn the tutor into an answer key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HOMEWORK = re.compile(
    r"\b(solve|calculate|compute|write (me |my )?(an? |the )?(essay|composition|report|answer)|do my (homework|assignment)|"
    r"answers? (to|for) (the |my )?(exercise|task|worksheet|homework|test)|"
    r"lahenda|arvuta|kirjuta (mulle |minu )?(essee|kirjand|referaat|vastus)|tee (minu |mu )?kodutöö|"
    r"реши|вычисли|посчитай|напиши (мне |за меня )?(сочинение|эссе|реферат|ответ)|сделай (мою |мне )?домашн)",
    re.IGNORECASE,
)

# Pressure to hand over the finished work, in et/ru/en.
_PRESSURE = re.compile(
    r"(just|simply|please) (give|tell|show|write)|(give|tell|show) me the (answer|solution|result)|final answer|"
    r"ignore (the |all |your |any )?(previous|above|earlier|prior|rules|instructions)|teacher (said|says|allowed|lets)|"
    r"stuck|for hours|it'?s (fine|allowed|ok)|i give up|"
    r"(anna|ütle|näita) (mulle )?(lihtsalt )?(vastus|lahendus|tulemus)|lihtsalt (ütle|anna|kirjuta)|õige vastus|"
    r"õpetaja (ütles|lubas|lubab)|tunde|jänni|ei saa aru|ignoreeri|unusta (eelmised|varasemad|reeglid)|"
    r"(дай|скажи|покажи|напиши) (мне )?(просто )?(ответ|решение|результат)|просто (скажи|дай|напиши)|"
    r"учитель (сказал|разрешил|разрешает)|час(а|ов)|застрял|игнорируй|забудь (предыдущие|правила|инструкции)",
    re.IGNORECASE,
)

MAX_PRESSURE_TURNS = 10  # how far back a chain of pressure turns is followed


def continued_request(text: str, history: Sequence[tuple[str, str]] = ()) -> str | None:
    """The earlier homework request that ``text`` presses for (see the module docstring), if any.

    ``history`` holds the earlier ``(role, text)`` turns, oldest first.
    """
    if _HOMEWORK.search(text) or not _PRESSURE.search(text):
        return None
    for role, earlier in reversed(history[-2 * MAX_PRESSURE_TURNS:]):
        if role != "user":
            continue
        if _HOMEWORK.search(earlier):
            return earlier
        if not _PRESSURE.search(earlier):
            return None  # the student moved on to another topic in between
    return None


def is_homework(text: str, history: Sequence[tuple[str, str]] = ()) -> bool:
    """True when ``text``, read in its conversation, asks the tutor to do a task rather than explain."""
    return bool(_HOMEWORK.search(text)) or continued_request(text, history) is not None


# A sentence that states a result ("x = 5", "Vastus: ...") hands a homework task over.
_RESULT = re.compile(r"(?<![a-zа-яё])[a-zа-яё]\s*=\s*[-−]?\d|\b(vastus|answer|ответ)\s*:", re.IGNORECASE)


def states_result(sentence: str) -> bool:
    """True for a worked-solution sentence that a Socratic tutor should not quote for homework."""
    return bool(_RESULT.search(sentence))


# A question that cannot stand alone: "Aga miks?", "А почему?", "and after that?", "seleta lihtsamalt".
_FOLLOW_UP = re.compile(
    r"^\s*(?:(?:aga|ja|a|а|и|но|and|but|so|ok|okei|hmm)\b[\s,]*)?"
    r"(?:miks|kuidas|mis edasi|ja siis|mida see tähendab|seleta (?:lihtsamalt|veel|täpsemalt)|too näide|"
    r"почему|зачем|как|а дальше|что дальше|а потом|объясни (?:проще|подробнее)|приведи пример|"
    r"why|how|and then|after that|what next|what happened next|explain (?:simpler|more)|give an example|"
    r"pochemu|a dalshe)\b"
    r"(?:[\s,]+(?:is|was|that|this|it|so|then|do|does|they|happened|next|nii|see|seda|on|oli|siis|veel|edasi|juhtus|"
    r"juhtub|это|так|было|именно|тогда|потом|oni|eto|tak))*\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def follow_up_of(text: str, history: Sequence[tuple[str, str]] = ()) -> str | None:
    """The earlier question that a short follow-up ("Aga miks?", "А почему?") continues, if any."""
    if not _FOLLOW_UP.match(text) or len(text.split()) > 6:
        return None
    for role, earlier in reversed(history):
        if role == "user" and not _FOLLOW_UP.match(earlier):
            return earlier
    return None
