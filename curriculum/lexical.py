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

from curriculum.language import STOPWORDS

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
        if (len(word) < 2 and not word.isdigit()) or word in STOPWORDS:
            continue
        lang = "ru" if _CYRILLIC.search(word) else (language if language in ("et", "en") else "et")
        out.append(_stem(word, lang))
        if len(word) > _PREFIX + 1:
            out.append("~" + word[:_PREFIX])
    return out


def query_words(text: str) -> list[tuple[str, ...]]:
    """For each content word of a question, its index terms under every plausible language."""
    words = []
    for word in _TOKEN.findall(text.lower()):
        variants = tuple(dict.fromkeys(tokenize(word, "et") + tokenize(word, "en")))
        if variants and variants not in words:
            words.append(variants)
    return words


def query_terms(text: str) -> list[str]:
    """Index terms of a question under every plausible language (deduplicated, order kept)."""
    return list(dict.fromkeys(term for variants in query_words(text) for term in variants))


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

    def coverage(self, words: Sequence[tuple[str, ...]], i: int) -> float:
        """Share of the question's informative words (idf-weighted) that document ``i`` contains.

        A word unknown to the corpus gets the highest idf, so a question in another language
        than the corpus has low coverage even when one of its words happens to match.
        """
        if not words:
            return 0.0
        top = max(self._idf.values(), default=1.0)
        total = matched = 0.0
        for variants in words:
            weight = max((self._idf.get(v, top) for v in variants), default=top)
            total += weight
            if any(v in self._tf[i] for v in variants):
                matched += weight
        return matched / total if total else 0.0

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
