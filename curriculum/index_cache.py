"""Per-locale lexical (BM25) index and language background samples, kept up to date incrementally.

The first question after start reads every visible chunk once. After that, a change of the store's
revision (an upload, a replace, a delete, by this process or another one sharing the store) is
applied as a difference: the store's snapshot names the visible version of each document, so only
the chunks of versions that appeared are read and tokenised, and the slots of versions that
disappeared are dropped. A store written before document versions existed has no such map and is
read whole on each change, as before.
"""

from __future__ import annotations

import sys
import threading
from array import array
from dataclasses import dataclass, field

import numpy as np

from curriculum.lexical import BM25Index, LexicalHit, tokenize
from curriculum.store import CurriculumStore, StoredChunk

BACKGROUND_SAMPLE = 200
RESAMPLE_GROWTH = 0.2  # resample a language's background when its size moved by more than this share
COMPACT_DEAD_SHARE = 0.5
NO_GRADE = -1


def index_text(chunk: StoredChunk) -> str:
    """What the lexical ranker sees of a chunk: its title and section heading, then its text."""
    meta = chunk.metadata
    return " ".join(str(x) for x in (meta.get("title"), meta.get("section"), chunk.text) if x)


@dataclass
class LocaleIndex:
    """One locale's lexical index, its slots' ids and filter fields, and the background samples.

    Only ids and a few metadata fields are kept per chunk, not their text: retrieval reads the few
    chunks it returns from the store.
    """

    revision: int = -2
    versions: dict[str, str] | None = None  # source -> visible content hash at ``revision``
    bm25: BM25Index = field(default_factory=BM25Index)
    ids: list[str] = field(default_factory=list)  # slot -> chunk id ("" once removed)
    slot_of: dict[str, int] = field(default_factory=dict)  # live chunk id -> slot
    languages: list[str] = field(default_factory=list)
    subjects: array[int] = field(default_factory=lambda: array("h"))  # slot -> code in ``subject_codes``
    grades: array[int] = field(default_factory=lambda: array("h"))
    subject_codes: dict[str, int] = field(default_factory=dict)
    slots_of_version: dict[str, list[int]] = field(default_factory=dict)
    background: dict[str, np.ndarray] = field(default_factory=dict)  # language -> sample of its vectors
    _sampled: dict[str, tuple[int, frozenset[str]]] = field(default_factory=dict)  # language -> (size, ids)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __len__(self) -> int:
        return len(self.bm25)

    def add(self, chunks: list[StoredChunk]) -> None:
        for chunk in chunks:
            meta = chunk.metadata
            language = str(meta.get("language") or "")
            slot = self.bm25.add(tokenize(index_text(chunk), language or "et"))
            assert slot == len(self.ids)
            self.ids.append(chunk.chunk_id)
            self.slot_of[chunk.chunk_id] = slot
            self.languages.append(language)
            subject = meta.get("subject")
            self.subjects.append(self.subject_codes.setdefault(str(subject), len(self.subject_codes)) if subject else -1)
            grade = meta.get("grade")
            self.grades.append(int(grade) if isinstance(grade, int) else NO_GRADE)
            self.slots_of_version.setdefault(str(meta.get("content_hash", "")), []).append(slot)

    def remove_version(self, content_hash: str) -> None:
        for slot in self.slots_of_version.pop(content_hash, []):
            self.bm25.remove(slot)
            self.slot_of.pop(self.ids[slot], None)
            self.ids[slot] = ""

    def compact(self) -> None:
        """Drop dead slots once they are most of the index, so memory follows the live corpus."""
        if self.bm25.slots < 1000 or self.bm25.dead_share() < COMPACT_DEAD_SHARE:
            return
        self.bm25, new_of_old = self.bm25.compacted()
        order = sorted(new_of_old, key=new_of_old.__getitem__)
        self.ids = [self.ids[old] for old in order]
        self.languages = [self.languages[old] for old in order]
        self.subjects = array("h", (self.subjects[old] for old in order))
        self.grades = array("h", (self.grades[old] for old in order))
        self.slots_of_version = {h: [new_of_old[s] for s in slots] for h, slots in self.slots_of_version.items()}
        self.slot_of = {chunk_id: slot for slot, chunk_id in enumerate(self.ids)}

    def allowed(self, subject: str | None, grade: int | None) -> np.ndarray | None:
        """Boolean mask over slots for the subject/grade filters (None: no filter)."""
        if subject is None and grade is None:
            return None
        mask = np.ones(len(self.ids), dtype=bool)
        if subject is not None:
            code = self.subject_codes.get(subject, -2)
            mask &= np.asarray(self.subjects, dtype=np.int16) == code
        if grade is not None:
            mask &= np.asarray(self.grades, dtype=np.int16) == int(grade)
        return mask

    def language_of(self, chunk_id: str, subject: str | None = None, grade: int | None = None) -> str | None:
        """The language of a live chunk that passes the filters; None when it is hidden, gone or filtered out.

        Dense candidates come from an unfiltered nearest-neighbour query and are checked here, against
        the same snapshot as the lexical hits.
        """
        slot = self.slot_of.get(chunk_id)
        if slot is None:
            return None
        if subject is not None and self.subjects[slot] != self.subject_codes.get(subject, -2):
            return None
        if grade is not None and self.grades[slot] != int(grade):
            return None
        return self.languages[slot]

    def search(self, words: list[tuple[str, ...]], n: int, subject: str | None = None,
               grade: int | None = None) -> list[tuple[str, LexicalHit]]:
        """Lexical hits as ``(chunk id, hit)``, best first."""
        with self.lock:
            hits = self.bm25.search(words, n, self.allowed(subject, grade))
            return [(self.ids[hit.slot], hit) for hit in hits]

    def refresh_background(self, store: CurriculumStore, locale: str) -> None:
        """Keep a sample of each language's chunk vectors (for the question's baseline similarity).

        A language is sampled again only when a sampled chunk was removed or the language grew or
        shrank by more than a fifth, so a small upload costs no embeddings read.
        """
        by_language: dict[str, list[str]] = {}
        for chunk_id, language in zip(self.ids, self.languages, strict=True):
            if chunk_id:
                by_language.setdefault(language, []).append(chunk_id)
        for language in set(self.background) - set(by_language):
            del self.background[language]
            del self._sampled[language]
        rng = np.random.default_rng(0)
        for language, ids in by_language.items():
            sampled = self._sampled.get(language)
            if sampled is not None:
                size, sample_ids = sampled
                if abs(len(ids) - size) <= RESAMPLE_GROWTH * size and sample_ids <= set(ids):
                    continue
            sample = sorted(rng.choice(ids, size=min(BACKGROUND_SAMPLE, len(ids)), replace=False).tolist())
            self.background[language] = store.embeddings(locale, sample)
            self._sampled[language] = (len(ids), frozenset(sample))


class IndexCache:
    """The locales' indexes of one retriever, each brought up to the store's revision when used."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._indexes: dict[str, LocaleIndex] = {}

    def get(self, store: CurriculumStore, locale: str) -> LocaleIndex:
        revision, versions = store.snapshot(locale)
        with self._lock:
            index = self._indexes.get(locale)
            if index is not None and index.revision == revision:
                return index
            if index is None or versions is None or index.versions is None:
                index = self._build(store, locale, revision, versions)
            else:
                with index.lock:
                    self._update(store, locale, index, revision, versions)
            index.refresh_background(store, locale)
            self._indexes[locale] = index
            return index

    @staticmethod
    def _build(store: CurriculumStore, locale: str, revision: int, versions: dict[str, str] | None) -> LocaleIndex:
        """Read every visible chunk (the first use, or a store without document versions)."""
        index = LocaleIndex(revision=revision, versions=versions)
        if versions is None:
            index.add(store.all_chunks(locale))
        else:
            for batch in store.chunks_of_versions(locale, list(versions.values())):
                index.add(batch)
        return index

    @staticmethod
    def _update(store: CurriculumStore, locale: str, index: LocaleIndex, revision: int,
                versions: dict[str, str]) -> None:
        """Apply what changed between the index's snapshot and this one."""
        before, after = set((index.versions or {}).values()), set(versions.values())
        for content_hash in before - after:
            index.remove_version(content_hash)
        for batch in store.chunks_of_versions(locale, sorted(after - before)):
            index.add(batch)
        index.compact()
        index.revision, index.versions = revision, dict(versions)


def memory_bytes(index: LocaleIndex) -> int:
    """What one locale's index holds in memory: the BM25 arrays, chunk ids, filters, background vectors."""
    ids = sys.getsizeof(index.ids) + sum(sys.getsizeof(i) for i in index.ids)
    lookup = sys.getsizeof(index.slot_of)
    fields = sys.getsizeof(index.languages) + len(index.subjects) * 2 + len(index.grades) * 2
    background = sum(v.nbytes for v in index.background.values())
    return index.bm25.memory_bytes() + ids + lookup + fields + background
