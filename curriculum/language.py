"""A tiny offline language guesser for the languages the tutor serves (et, ru, en).

Good enough to pick a stemmer and the answer language; it never leaves the machine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOPWORDS: dict[str, frozenset[str]] = {
    "et": frozenset(
        "ja on ei et see mis kui ka oli mida kes kus kuidas miks millal mille milline millised olla "
        "seda selle need nende oma või aga kas siis veel ning nii nagu mitte üks kõik ta tema nad "
        "meie teie sa sina ma mina oled olen oma mis on kelle mitu palju kuna sest".split()
    ),
    "en": frozenset(
        "the and is are was were of to in what who how why when which does do did a an for with on "
        "that this it be by from as at or not can you i my me your there their has have".split()
    ),
    "ru": frozenset(
        "и в не на что как это кто где когда почему какой какая какие был была было есть для с по "
        "из от до я ты он она они мы вы его её их или но а ли же чем зачем сколько".split()
    ),
}


# Function words of every served language, dropped by the lexical ranker: English "on" or
# "in" would otherwise match the Estonian words "on" (is) and "in" everywhere.
STOPWORDS: frozenset[str] = frozenset().union(*_STOPWORDS.values())


def detect_language(text: str, default: str = "et") -> str:
    """Return ``'et'``, ``'ru'`` or ``'en'`` for ``text`` (``default`` when unsure)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return default
    cyrillic = sum(1 for w in words if re.search(r"[\u0400-\u04FF]", w))
    if cyrillic * 2 >= len(words):
        return "ru"
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPWORDS.items() if lang != "ru"}
    scores["et"] += 2 * sum(1 for w in words if re.search(r"[õäöüšž]", w))
    if re.search(r"\b\w+(?:ga|st|sse|lt|le|ks|tud|mine|dega)\b", text.lower()):
        scores["et"] += 1
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0:
        return default
    if scores["et"] == scores["en"]:
        return default if default in ("et", "en") else "et"
    return best


def localized(texts: Mapping[str, str], lang: str, *fallbacks: str) -> str:
    """The one language-fallback rule for localized texts (``{et: ..., ru: ..., en: ...}`` maps).

    ``lang`` itself, then its base language (``et`` for ``et_EE`` or ``et-EE``), then each of
    ``fallbacks`` in order (a profile's default language), then English, then any text there is.
    """
    for key in (lang, re.split(r"[-_]", lang, maxsplit=1)[0], *fallbacks, "en"):
        if texts.get(key):
            return texts[key]
    return next((text for text in texts.values() if text), "")
