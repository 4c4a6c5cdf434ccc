"""BM25 over stemmed tokens, with Snowball stemmers for Estonian, Russian and English.

Estonian is highly inflected ("fotosünteesi", "fotosünteesiks", ...), so exact-token BM25
misses most matches; the Snowball Estonian stemmer folds case endings. Latin-script query
tokens are stemmed both as Estonian and as English, because a query's language is not
always the documents' language.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
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
    out: list[str] = []
    for word in _TOKEN.findall(text.lower()):
        out.extend(_word_tokens(word, language))
    return out


@lru_cache(maxsize=500_000)
def _word_tokens(word: str, language: str) -> tuple[str, ...]:
    """One word's index terms (cached: indexing 100,000 chunks meets the same words millions of times)."""
    if (len(word) < 2 and not word.isdigit()) or word in STOPWORDS:
        return ()
    lang = "ru" if _CYRILLIC.search(word) else (language if language in ("et", "en") else "et")
    stem = _stem(word, lang)
    return (stem, "~" + word[:_PREFIX]) if len(word) > _PREFIX + 1 else (stem,)


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


@dataclass(frozen=True)
class LexicalHit:
    slot: int
    score: float
    coverage: float  # idf-weighted share of the question's words that the document contains


class BM25Index:
    """Okapi BM25 that documents are added to and removed from in place, never rebuilt.

    Each document gets a slot. Postings are compact arrays (4-byte slot + 2-byte term frequency per
    occurrence of a term in a document), so 100,000 curriculum chunks take tens of MB, not the
    hundreds a ``Counter`` per document would. A removed document only clears its ``alive`` flag;
    document frequencies are counted over live slots when a term is scored, and the arrays are
    compacted once most slots are dead. Scoring is vectorised per query term with numpy.

    Not thread-safe: the caller serialises updates and searches (curriculum.index_cache does).
    """

    def __init__(self, k1: float = 1.4, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._terms: dict[str, int] = {}
        self._slots: list[array[int]] = []  # per term id: slots containing it (ascending)
        self._freqs: list[array[int]] = []  # per term id: the term's frequency in each of those slots
        self._lengths = array("f")
        self._alive = bytearray()
        self._live = 0
        self._live_length = 0.0

    def __len__(self) -> int:
        return self._live

    @property
    def slots(self) -> int:
        """Slots handed out so far, live or dead (the size of per-slot arrays kept beside the index)."""
        return len(self._alive)

    def add(self, tokens: Sequence[str]) -> int:
        """Index one document; returns its slot."""
        slot = len(self._alive)
        terms, slots, freqs = self._terms, self._slots, self._freqs  # locals: this loop runs millions of times
        for term, tf in Counter(tokens).items():
            term_id = terms.get(term)
            if term_id is None:
                term_id = terms[term] = len(slots)
                slots.append(array("i"))
                freqs.append(array("H"))
            slots[term_id].append(slot)
            freqs[term_id].append(tf if tf < 65535 else 65535)
        self._lengths.append(len(tokens))
        self._alive.append(1)
        self._live += 1
        self._live_length += len(tokens)
        return slot

    def remove(self, slot: int) -> None:
        """Forget the document in ``slot`` (its slot is not reused)."""
        if not self._alive[slot]:
            return
        self._alive[slot] = 0
        self._live -= 1
        self._live_length -= self._lengths[slot]

    def memory_bytes(self) -> int:
        """What the index holds in memory (arrays, term dictionary), for the benchmarks."""
        arrays = sum(a.buffer_info()[1] * a.itemsize + 64 for a in (*self._slots, *self._freqs))
        terms = sys.getsizeof(self._terms) + sum(sys.getsizeof(t) for t in self._terms)
        lists = sys.getsizeof(self._slots) + sys.getsizeof(self._freqs)
        return arrays + terms + lists + len(self._lengths) * 4 + len(self._alive)

    def dead_share(self) -> float:
        return 1 - self._live / len(self._alive) if self._alive else 0.0

    def compacted(self) -> tuple[BM25Index, dict[int, int]]:
        """A copy without dead slots, and the old slot -> new slot map (for the caller's slot arrays)."""
        alive = np.frombuffer(bytes(self._alive), dtype=np.uint8).astype(bool)
        new_of_old = np.cumsum(alive) - 1
        fresh = BM25Index(self.k1, self.b)
        for term, term_id in self._terms.items():
            slots = np.asarray(self._slots[term_id], dtype=np.int32)
            keep = alive[slots]
            if not keep.any():
                continue
            fresh._terms[term] = len(fresh._slots)
            fresh._slots.append(array("i", new_of_old[slots[keep]].astype(np.int32).tobytes()))
            fresh._freqs.append(array("H", np.asarray(self._freqs[term_id], dtype=np.uint16)[keep].tobytes()))
        fresh._lengths = array("f", np.asarray(self._lengths, dtype=np.float32)[alive].tobytes())
        fresh._alive = bytearray(b"\x01" * int(alive.sum()))
        fresh._live, fresh._live_length = self._live, self._live_length
        return fresh, {int(old): int(new_of_old[old]) for old in np.flatnonzero(alive)}

    def _idf(self, df: int) -> float:
        return math.log(1 + (self._live - df + 0.5) / (df + 0.5))

    def _postings(self, term: str, live: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Live slots containing ``term`` and the term's frequency in each (copies, so the arrays may grow)."""
        term_id = self._terms.get(term)
        if term_id is None:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        slots = np.array(self._slots[term_id], dtype=np.int32)
        freqs = np.array(self._freqs[term_id], dtype=np.float32)
        keep = live[slots]
        return slots[keep], freqs[keep]

    def search(self, words: Sequence[tuple[str, ...]], n: int, allowed: np.ndarray | None = None) -> list[LexicalHit]:
        """Up to ``n`` hits, best first, for a question given as words with their term variants.

        ``allowed`` is a boolean array over slots (subject/grade filters); idf always describes the
        whole live corpus.
        """
        if not self._live or not words:
            return []
        live = np.frombuffer(bytes(self._alive), dtype=np.uint8).astype(bool)
        lengths = np.frombuffer(bytes(self._lengths), dtype=np.float32)
        average = (self._live_length / self._live) or 1.0
        postings: dict[str, tuple[np.ndarray, np.ndarray, float]] = {}
        for term in dict.fromkeys(t for variants in words for t in variants):
            slots, freqs = self._postings(term, live)
            idf = self._idf(len(slots)) if len(slots) else 0.0
            if allowed is not None and len(slots):
                keep = allowed[slots]
                slots, freqs = slots[keep], freqs[keep]
            postings[term] = (slots, freqs, idf)
        scores = np.zeros(len(live), dtype=np.float64)
        for slots, freqs, idf in postings.values():
            if len(slots):
                norm = freqs + self.k1 * (1 - self.b + self.b * lengths[slots] / average)
                scores[slots] += idf * freqs * (self.k1 + 1) / norm
        candidates = np.flatnonzero(scores)
        if not len(candidates):
            return []
        if len(candidates) > n:
            candidates = candidates[np.argpartition(-scores[candidates], n - 1)[:n]]
        candidates = candidates[np.lexsort((candidates, -scores[candidates]))]
        coverage = self._coverage(words, postings, candidates)
        return [LexicalHit(int(s), float(scores[s]), c) for s, c in zip(candidates, coverage, strict=True)]

    def _coverage(self, words: Sequence[tuple[str, ...]], postings: dict[str, tuple[np.ndarray, np.ndarray, float]],
                  candidates: np.ndarray) -> list[float]:
        """Share of the question's informative words (idf-weighted) that each candidate contains.

        A word unknown to the corpus weighs as much as the rarest word (found in one document), so a
        question in another language than the corpus has low coverage even when one of its words
        happens to match.
        """
        rarest = self._idf(1)
        total = 0.0
        matched = np.zeros(len(candidates), dtype=np.float64)
        # Membership through one reusable mask over the slots: np.isin sorts a common word's whole
        # posting list for every question (~4 ms of ~30 at 100,000 chunks).
        mask = np.zeros(len(self._alive), dtype=bool)
        for variants in words:
            weight = max((postings[v][2] if postings[v][2] else rarest for v in variants), default=rarest)
            total += weight
            has = np.zeros(len(candidates), dtype=bool)
            for v in variants:
                slots = postings[v][0]
                mask[slots] = True
                has |= mask[candidates]
                mask[slots] = False
            matched += weight * has
        return (matched / total).tolist() if total else [0.0] * len(candidates)
