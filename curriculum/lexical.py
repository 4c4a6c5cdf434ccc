"""BM25 over stemmed tokens, with Snowball stemmers for Estonian, Russian and English.

Estonian is highly inflected ("fotosünteesi", "fotosünteesiks", ...), so exact-token BM25
misses most matches; the Snowball Estonian stemmer folds case endings. Latin-script query
tokens are stemmed both as Estonian and as English, because a query's language is not
always the documents' language.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMERS = {
    "et": snowballstemmer.stemmer("estonian"),
    "en": snowballstemmer.stemmer("english"),
    "ru": snowballstemmer.stemmer("russian"),
}
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@lru_cache(maxsize=300_000)
def _stem(word: str, language: str) -> str:
    return str(_STEMMERS[language].stemWord(word))


_PREFIX = 6


def tokenize(text: str, language: str) -> list[str]:
    """Lower-cased, stemmed tokens; Cyrillic words always use the Russian stemmer.

    Long words also yield a 6-character prefix token: Snowball leaves many Estonian
    inflections apart ("fotosüntees" vs "fotosünteesi"), and prefix truncation is a
    well-known remedy for Finnic languages.
    """
    out = []
    for word in _TOKEN.findall(text.lower()):
        if len(word) < 2 and not word.isdigit():
            continue
        lang = "ru" if _CYRILLIC.search(word) else (language if language in ("et", "en") else "et")
        out.append(_stem(word, lang))
        if len(word) > _PREFIX + 1:
            out.append("~" + word[:_PREFIX])
    return out


def query_terms(text: str) -> list[str]:
    """Stems of a question under every plausible language (deduplicated, order kept)."""
    terms: list[str] = []
    for lang in ("et", "en"):
        for term in tokenize(text, lang):
            if term not in terms:
                terms.append(term)
    return terms


class BM25Index:
    """Okapi BM25 over pre-tokenised documents."""

    def __init__(self, documents: Sequence[list[str]], k1: float = 1.4, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._tf = [Counter(doc) for doc in documents]
        self._len = [len(doc) for doc in documents]
        self._avg = (sum(self._len) / len(self._len)) if self._len else 0.0
        df: Counter[str] = Counter()
        for tf in self._tf:
            df.update(tf.keys())
        n = len(documents)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self._postings: dict[str, list[int]] = {}
        for i, tf in enumerate(self._tf):
            for term in tf:
                self._postings.setdefault(term, []).append(i)

    def __len__(self) -> int:
        return len(self._tf)

    def search(self, terms: Sequence[str], n: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """Return up to ``n`` ``(document index, score)`` pairs, best first."""
        scores: dict[int, float] = {}
        for term in set(terms):
            idf = self._idf.get(term)
            if idf is None:
                continue
            for i in self._postings[term]:
                if allowed is not None and i not in allowed:
                    continue
                tf = self._tf[i][term]
                norm = tf + self.k1 * (1 - self.b + self.b * self._len[i] / (self._avg or 1.0))
                scores[i] = scores.get(i, 0.0) + idf * tf * (self.k1 + 1) / norm
        return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
