"""Text normalisation that defeats cheap obfuscation before the lexicons look at a message.

Two views are produced: ``fold`` (Unicode NFKC, case, invisible characters, homoglyphs inside
mixed-script words) keeps the text readable; ``deobfuscate`` additionally undoes leetspeak and
letter-spacing tricks ("k i l l", "k.i.l.l", "b0mb"). Lexicons match against both.
"""

from __future__ import annotations

import base64
import binascii
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


# ------------------------------------------------------------------------------ hidden text
# A request can be hidden from the model by encoding it: base64, ROT13, or written backwards. The
# model cannot learn to read those, so the guard decodes them and judges the decoded text as well
# (the riskier reading counts). Each decoder accepts only output that reads as language, so an
# ordinary message is never judged by a garbled "decoding" of itself.
_B64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_VOWELS = set("aeiouyäöüõ")
_LATIN_WORD = re.compile(r"[a-z]{2,}")
_CYR_WORD = re.compile(r"[\u0430-\u044f\u0451]{2,}")
# Russian words do not begin with these letters; a backwards Russian word often does ("ьтитсарыв").
_NO_RU_START = set("ьъы")
_ROT13 = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                       "nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM")
_LATIN_RUN = re.compile(r"(?:\b[A-Za-z]{2,}\b[\s,.?!]*){3,}")  # three or more Latin words in a row
_SEGMENT = re.compile(r"[.,:;!?\n]")


def _reads_as_text(text: str) -> bool:
    letters = [c for c in text.lower() if c.isalpha()]
    if len(letters) < 8 or " " not in text.strip():
        return False
    printable = sum(c.isprintable() or c in "\n\t" for c in text) / len(text)
    latin = [c for c in letters if "a" <= c <= "z" or c in "äöüõ"]
    vowel_share = _vowel_share(latin) if latin else 0.4
    return printable > 0.97 and 0.28 <= vowel_share <= 0.65


def _vowel_share(words: list[str]) -> float:
    letters = "".join(words)
    return sum(c in _VOWELS for c in letters) / len(letters) if letters else 0.0


def _decoded_base64(run: str) -> str | None:
    try:
        decoded = base64.b64decode(run + "=" * (-len(run) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if _reads_as_text(decoded) and sum(c.isalpha() for c in decoded) >= 0.6 * len(decoded):
        return decoded
    return None


def unwrap_base64(text: str) -> str:
    """``text`` with every base64 run that decodes to words replaced by its decoding: the model
    judges what the message says, not how a block of code looks ("decode this: aG93IHRv..." is
    "decode this: how to ...", and a harmless decoding is a harmless message)."""
    return _B64.sub(lambda m: _decoded_base64(m.group(0)) or m.group(0), text)


def hidden_texts(text: str) -> list[str]:
    """Readings of ``text`` that an encoding hid, judged besides the text itself: Latin text whose
    ROT13 reads as language while the text itself does not, and Russian written backwards."""
    found: list[str] = []
    # Ordinary et/en/Latin-letter Russian keeps about 35-45 % vowels; ROT13 turns a, e, i, o, u into
    # n, r, v, b, h, so an encoded request has few vowels and its decoding the usual share.
    for run in _LATIN_RUN.findall(text):
        decoded = run.translate(_ROT13)
        if _vowel_share(_LATIN_WORD.findall(run.lower())) < 0.26 and \
                _vowel_share(_LATIN_WORD.findall(decoded.lower())) >= 0.33:
            found.append(decoded.strip())
    for segment in _SEGMENT.split(text.lower()):
        cyr = _CYR_WORD.findall(segment)
        if len(cyr) >= 3 and any(len(w) >= 3 and w[0] in _NO_RU_START for w in cyr):
            found.append(" ".join(w[::-1] for w in reversed(cyr)))
    return found
