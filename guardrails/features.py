"""What the guard's models see of a text: a spelling-robust character view, hashed n-grams, windows.

The character view folds case, strips diacritics and writes Cyrillic in Latin letters, so that
"põrgu" and "porgu", and "бомба" and "bomba", share their n-grams: pupils write Estonian without
diacritics and Russian in Latin letters. Hashing is our own (a polynomial
hash over code points, in numpy), so training and inference agree without scikit-learn at run time.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

import numpy as np

from guardrails.normalize import deobfuscate, fold

NGRAM_BITS = 18
NGRAM_DIM = 1 << NGRAM_BITS
_CHAR_NS = (2, 3, 4, 5)
_MASK = np.uint64((1 << 64) - 1)
_PRIME = np.uint64(1_000_003)
_MIX = np.uint64(0x9E3779B97F4A7C15)

# Russian as pupils type it in Latin letters (a common informal scheme; ambiguous letters pick the
# most frequent spelling: "ж" zh, "х" h, "щ" sch, "ы" y).
_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "e", "ґ": "g",
})
# Latin spellings of Russian that the scheme above does not produce but pupils use ("kh", "shch").
_LATIN_VARIANTS = ((re.compile(r"shch"), "sch"), (re.compile(r"kh"), "h"))
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_REPEAT = re.compile(r"(.)\1{2,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ET_LETTERS = re.compile(r"[õäöüšž]")

_TRANSLIT_RU = frozenset(
    "kak chto pochemu zachem skolko mne menya ya ty on ona oni my vy eto etot tak ne net da ili no "
    "esli chtoby mozhno nado hochu hochesh sdelat kogda gde kto kakoi kakaya pomogi pozhaluista "
    "ochen uzhe eshe tozhe vse vsyo vsem menja tebe sebya nikto nichego bolshe luchshe".split()
)
_ET_WORDS = frozenset(
    "ja on ei et see mis kui ka oli mida kes kus kuidas miks millal milline olla seda selle need "
    "oma voi aga kas siis veel ning nii nagu mitte koik ta tema nad meie teie sa sina ma mina "
    "oled olen palju kuna sest mul sul tahan saan pean ytle yles mingi nagu tana homme".split()
)
_EN_WORDS = frozenset(
    "the and is are was were of to in what who how why when which does do did a an for with on "
    "that this it be by from as at or not can you i my me your there their has have".split()
)


def char_view(text: str) -> str:
    """Case-folded, de-obfuscated, diacritic-free, Latin-script text with single spaces."""
    folded = deobfuscate(fold(text)).translate(_TRANSLIT)
    decomposed = unicodedata.normalize("NFD", folded)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for pattern, repl in _LATIN_VARIANTS:
        plain = pattern.sub(repl, plain)
    plain = _REPEAT.sub(r"\1\1", _NON_WORD.sub(" ", plain))
    return plain.strip()


def guess_language(text: str) -> str:
    """'et', 'ru' or 'en' (Russian in Latin letters counts as Russian); 'other' when nothing fits."""
    if _CYRILLIC.search(text):
        letters = sum(ch.isalpha() for ch in text) or 1
        if len(_CYRILLIC.findall(text)) * 3 >= letters:
            return "ru"
    words = char_view(text).split()
    if not words:
        return "other"
    scores = {
        "et": sum(w in _ET_WORDS for w in words) + 2 * len(_ET_LETTERS.findall(text.casefold())),
        "ru": sum(w in _TRANSLIT_RU for w in words) + (3 if _CYRILLIC.search(text) else 0),
        "en": sum(w in _EN_WORDS for w in words),
    }
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else "other"


def _char_hashes(view: str) -> np.ndarray:
    codes = np.frombuffer(f" {view} ".encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    out = []
    for n in _CHAR_NS:
        if len(codes) < n:
            continue
        h = np.full(len(codes) - n + 1, np.uint64(n), dtype=np.uint64)
        for j in range(n):
            h = h * _PRIME + codes[j : len(codes) - n + 1 + j]
        out.append(h)
    if not out:
        return np.zeros(0, dtype=np.uint64)
    h = np.concatenate(out) * _MIX
    return h ^ (h >> np.uint64(29))


def _word_hashes(view: str) -> np.ndarray:
    words = view.split()
    keys = [f"w {w}" for w in words] + [f"b {a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return np.array([zlib.crc32(k.encode()) for k in keys], dtype=np.uint64) * _MIX


def ngram_vector(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Hashed character 2-5-grams and word uni/bigrams of the character view, as (indices, values).

    Values are log(1 + count), L2-normalised; indices are unique and sorted.
    """
    view = char_view(text)
    hashes = np.concatenate([_char_hashes(view), _word_hashes(view)])
    if hashes.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    buckets = (hashes >> np.uint64(64 - NGRAM_BITS)).astype(np.int64)
    index, counts = np.unique(buckets, return_counts=True)
    values = np.log1p(counts).astype(np.float32)
    values /= np.linalg.norm(values) or 1.0
    return index, values


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def windows(text: str, size: int = 400) -> list[str]:
    """Consecutive pieces of at most about ``size`` characters, cut at sentence ends where possible.

    A harmful request at the end of a long paste lands in a window of its own neighbourhood,
    instead of being averaged away over the whole text.
    """
    text = text.strip()
    if len(text) <= size:
        return [text] if text else []
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        while len(sentence) > size:  # a run-on sentence: cut at a space
            cut = sentence.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        if sentence:
            pieces.append(sentence)
    out: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + 1 + len(piece) > size:
            out.append(current)
            current = piece
        else:
            current = f"{current} {piece}".strip()
    if current:
        out.append(current)
    return out
