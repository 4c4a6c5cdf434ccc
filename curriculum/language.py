"""A tiny offline language guesser for the languages the tutor serves (et, ru, en).

Good enough to pick a stemmer and the answer language; it never leaves the machine.
"""

from __future__ import annotations

import os
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

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


LANGS: tuple[str, ...] = ("et", "ru", "en")
MODEL_PATH = Path(__file__).resolve().parent / "data" / "language.npz"
DIM_BITS = 18
DIM = 1 << DIM_BITS
_CHAR_NS = (1, 2, 3, 4)
_SPACES = re.compile(r"[\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")


def features(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Hashed character n-grams (1-4, inside words padded with spaces) and words, L2-normalised counts."""
    view = _SPACES.sub(" ", text.casefold()).strip()[:2000]
    keys: list[int] = []
    for word in view.split():
        padded = f" {word} "
        keys.append(zlib.crc32(("w" + word).encode()))
        for n in _CHAR_NS:
            keys.extend(zlib.crc32(padded[i : i + n].encode()) for i in range(len(padded) - n + 1))
    if not keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx, counts = np.unique(np.array(keys, dtype=np.int64) & (DIM - 1), return_counts=True)
    values = np.log1p(counts).astype(np.float32)
    return idx, values / np.linalg.norm(values)


@lru_cache(maxsize=1)
def _model() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    with np.load(MODEL_PATH) as data:
        return data["weights"].astype(np.float32), data["bias"], tuple(str(x) for x in data["langs"])


@lru_cache(maxsize=4096)
def detect_language(text: str, default: str = "et") -> str:
    """Return ``'et'``, ``'ru'`` or ``'en'`` for ``text`` (``default`` when unsure).

    A logistic model over character n-grams trained on pupils' messages (``python -m
    curriculum.train_language``): Estonian without diacritics and Russian typed in Latin letters
    ("skolko ostrovov v estonii") are recognised as what they are.
    """
    idx, values = features(text)
    if not len(idx):
        return default
    weights, bias, langs = _model()
    scores = values @ weights[idx] + bias
    probs = np.exp(scores - scores.max())
    probs /= probs.sum()
    best = int(np.argmax(probs))
    return langs[best] if probs[best] >= 0.5 else default


def latin_russian(text: str) -> bool:
    """Russian typed in Latin letters ("kak sdelat domashku"): mostly Latin letters, detected as Russian."""
    letters = text.casefold()
    return len(_LATIN.findall(letters)) > 2 * len(_CYRILLIC.findall(letters)) and detect_language(text, default="") == "ru"


def searchable(text: str) -> str:
    """The text as the embedding model reads it best: Russian typed in Latin letters in Cyrillic."""
    return to_cyrillic(text) if latin_russian(text) else text


# Pupils' Latin spellings of Russian; at each position the first that fits wins, so longer spellings
# come first and ambiguous letters take the commonest reading ("ij" is "ий" unless a vowel follows).
_TO_CYRILLIC = (
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
    ("ya", "я"), ("ja", "я"), ("yu", "ю"), ("ju", "ю"), ("yo", "ё"), ("jo", "ё"), ("ye", "е"), ("je", "е"),
    ("iy(?![aeiouy])", "ий"), ("ij(?![aeiouy])", "ий"), ("yj(?![aeiouy])", "ый"), ("y", "ы"), ("j", "й"),
    ("'", "ь"), ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("x", "кс"), ("q", "к"),
)
_TO_CYRILLIC_RE = re.compile("|".join(f"({latin})" for latin, _ in _TO_CYRILLIC))
_VOWEL_Y = re.compile(r"(?<=[аеёиоуыэюя])ы(?![аеёиоуыэюя])")
_WORD_OR_OTHER = re.compile(r"[A-Za-z']+|[^A-Za-z']+")


def to_cyrillic(text: str) -> str:
    """Russian typed in Latin letters written in Cyrillic, for the embedding model ("skolko" -> "сколько").

    Words in capitals (DNK, ID) and words with digits stay as typed; "y" after a vowel is "й" ("kakoy").
    """
    out = []
    for part in _WORD_OR_OTHER.findall(text):
        if not part[0].isalpha() and part[0] != "'" or (len(part) > 1 and part.isupper()):
            out.append(part)
            continue
        word = _TO_CYRILLIC_RE.sub(lambda m: _TO_CYRILLIC[(m.lastindex or 1) - 1][1], part.lower())
        out.append(_VOWEL_Y.sub("й", word))
    return "".join(out)


_FOLD = str.maketrans("õäöüšžy", "oaouszu")
_MARKED = re.compile("[õäöüšž]")
_LATIN_WORD = re.compile(r"[a-zõäöüšž]+")


def with_diacritics(text: str, sources: Iterable[str]) -> str:
    """Estonian typed without õ ä ö ü (or with y for ü) respelt after the words of ``sources``.

    "mitu bitti on yhes baidis" becomes "mitu bitti on ühes baidis" when a source says "ühes". A word
    is respelt from a source word with the same letters but for the marks, or from the longest such
    word sharing all but its last three letters (the ending may differ: "tylitses", "tülitsesid"); a
    word the sources also spell without marks stays as typed.
    """
    plain: set[str] = set()
    marked: dict[str, Counter[str]] = {}
    for source in sources:
        for word in _LATIN_WORD.findall(source.casefold()):
            if _MARKED.search(word):
                marked.setdefault(word.translate(_FOLD)[:3], Counter())[word] += 1
            else:
                plain.add(word)
    if not marked:
        return text

    def respell(match: re.Match[str]) -> str:
        typed = match.group(0)
        word = typed.casefold()
        if _MARKED.search(word) or len(word) < 3 or word in plain:
            return typed
        folded = word.translate(_FOLD)
        best, shared = None, max(3, len(folded) - 3)
        for candidate, _ in marked.get(folded[:3], Counter()).most_common():
            common = len(os.path.commonprefix([folded, candidate.translate(_FOLD)]))
            if common >= shared and _MARKED.search(candidate[:common]):
                best, shared = candidate, common + (common == len(folded))
        if best is None:
            return typed
        out = best[: min(shared, len(word))] + word[min(shared, len(word)) :]
        return out[:1].upper() + out[1:] if typed[:1].isupper() else out

    return _LATIN_WORD.sub(respell, text) if not _CYRILLIC.search(text) else text


def localized(texts: Mapping[str, str], lang: str, *fallbacks: str) -> str:
    """The one language-fallback rule for localized texts (``{et: ..., ru: ..., en: ...}`` maps).

    ``lang`` itself, then its base language (``et`` for ``et_EE`` or ``et-EE``), then each of
    ``fallbacks`` in order (a profile's default language), then English, then any text there is.
    """
    for key in (lang, re.split(r"[-_]", lang, maxsplit=1)[0], *fallbacks, "en"):
        if texts.get(key):
            return texts[key]
    return next((text for text in texts.values() if text), "")
