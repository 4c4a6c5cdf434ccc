"""Text normalisation that defeats cheap obfuscation before the lexicons look at a message.

Two views are produced: ``fold`` (Unicode NFKC, case, invisible characters, homoglyphs inside
mixed-script words) keeps the text readable; ``deobfuscate`` additionally undoes leetspeak and
letter-spacing tricks ("k i l l", "k.i.l.l", "b0mb"). Lexicons match against both.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and bidi control characters used to split trigger words invisibly.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e"), None)

# Cyrillic letters that look like Latin ones and vice versa; applied only inside mixed-script words
# so that genuine Russian text is left alone.
_CYR_TO_LAT = str.maketrans("асеорхуікмтвнјѕ", "aceopxyikmtbhjs")
_LAT_TO_CYR = str.maketrans("aceopxyk", "асеорхук")
_HAS_CYR = re.compile(r"[\u0400-\u04ff]")
_HAS_LAT = re.compile(r"[a-z]")
_WORD = re.compile(r"[^\W_]+(?:[@$][^\W_]*)*", re.UNICODE)

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_LEET_TOKEN = re.compile(r"\b(?=[\w@$!]*[a-zäöüõšž])(?=[\w@$!]*[0134579@$!])[\w@$!]{3,}\b")
# Single letters separated by spaces, dots, dashes or underscores: "k i l l", "b.o.m.b".
_SPACED = re.compile(r"\b(?:\w[ .\-_*]){2,}\w\b")


def _fix_mixed_script(match: re.Match[str]) -> str:
    word = match.group(0)
    cyr, lat = bool(_HAS_CYR.search(word)), bool(_HAS_LAT.search(word))
    if not (cyr and lat):
        return word
    n_cyr = len(_HAS_CYR.findall(word))
    n_lat = len(_HAS_LAT.findall(word))
    return word.translate(_LAT_TO_CYR) if n_cyr > n_lat else word.translate(_CYR_TO_LAT)


def fold(text: str) -> str:
    """NFKC, drop invisible characters, casefold, repair homoglyphs in mixed-script words, squeeze spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    text = _WORD.sub(_fix_mixed_script, text)
    return re.sub(r"\s+", " ", text).strip()


def _unleet(match: re.Match[str]) -> str:
    token = match.group(0)
    # Numbers with a unit ("5kg", "10th") are not leetspeak: require a letter before a digit.
    if re.fullmatch(r"\d+[a-z]{1,3}", token):
        return token
    return token.translate(_LEET)


def deobfuscate(folded: str) -> str:
    """Undo leetspeak and letter spacing on already folded text."""
    text = _LEET_TOKEN.sub(_unleet, folded)
    return _SPACED.sub(lambda m: re.sub(r"[ .\-_*]", "", m.group(0)), text)


def views(text: str) -> tuple[str, ...]:
    """The distinct normalised views of ``text`` that detectors should scan."""
    folded = fold(text)
    deob = deobfuscate(folded)
    return (folded,) if deob == folded else (folded, deob)
