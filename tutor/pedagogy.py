"""Recognise homework-style requests, so a Socratic profile gives hints, not finished work."""

from __future__ import annotations

import re

_HOMEWORK = re.compile(
    r"\b(solve|calculate|compute|write (me |my )?(an? |the )?(essay|composition|report|answer)|do my (homework|assignment)|"
    r"answers? (to|for) (the |my )?(exercise|task|worksheet|homework|test)|"
    r"lahenda|arvuta|kirjuta (mulle |minu )?(essee|kirjand|referaat|vastus)|tee (minu |mu )?kodutöö|"
    r"реши|вычисли|посчитай|напиши (мне |за меня )?(сочинение|эссе|реферат|ответ)|сделай (мою |мне )?домашн)",
    re.IGNORECASE,
)


def is_homework(text: str) -> bool:
    """True when ``text`` asks the tutor to do a task rather than explain something."""
    return bool(_HOMEWORK.search(text))
