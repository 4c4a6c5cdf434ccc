"""Hybrid retrieval: dense (Chroma) + BM25 (stemmed), fused with reciprocal rank fusion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from curriculum.embedders import Embedder, capabilities_of
from curriculum.index_cache import IndexCache, LocaleIndex
from curriculum.lexical import query_words
from curriculum.store import CurriculumStore

RRF_K = 60
POOL_FACTOR = 2  # dense candidates asked of Chroma per candidate kept (see HybridRetriever._dense)


@dataclass(frozen=True)
class RetrievedChunk:
    chunk_id: str
    text: str
    source: str
    page: int | None
    section: str | None
    title: str
    metadata: dict[str, Any]
    score: float  # fused reciprocal-rank score (higher is better)
    dense_score: float | None  # cosine similarity with the question, when the dense ranker found it
    lexical_score: float | None


@dataclass(frozen=True)
class Retrieval:
    chunks: list[RetrievedChunk]
    query_embedding: np.ndarray  # shared with the guard so the question is embedded once


def build_where(subject: str | None = None, grade: int | None = None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if subject:
        clauses.append({"subject": subject})
    if grade is not None:
        clauses.append({"grade": int(grade)})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


MIN_BACKGROUND = 20


class HybridRetriever:
    """Finds the curriculum chunks most relevant to a question, across languages."""

    def __init__(self, store: CurriculumStore, embedder: Embedder, *, candidates: int = 40) -> None:
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self._index = IndexCache()

    def retrieve(
        self, question: str, locale: str, *, k: int = 5, subject: str | None = None, grade: int | None = None,
        query_embedding: np.ndarray | None = None,
    ) -> Retrieval:
        embedding = query_embedding if query_embedding is not None else self.embedder.embed_query(question)
        built = self._index.get(self.store, locale)
        baseline = self._baseline(built.background, embedding)
        dense = self._dense(locale, embedding, built, baseline, subject, grade)
        words = query_words(question)
        lexical = built.search(words, self.candidates, subject, grade)

        fused: dict[str, float] = {}
        dense_scores: dict[str, float] = {}
        lexical_scores: dict[str, float] = {}
        for rank, (chunk_id, similarity) in enumerate(dense):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
            dense_scores[chunk_id] = similarity
        for rank, (chunk_id, hit) in enumerate(lexical):
            # Weighted by how much of the question the chunk covers: one shared word ("base")
            # must not outweigh a passage that the dense ranker found about the whole question.
            fused[chunk_id] = fused.get(chunk_id, 0.0) + hit.coverage / (RRF_K + rank + 1)
            lexical_scores[chunk_id] = hit.score
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
        # Texts are read for the few chunks returned only. One deleted since the index was updated
        # is skipped.
        by_id = self.store.chunks_by_id(locale, [chunk_id for chunk_id, _ in ranked[: 2 * k]])
        results: list[RetrievedChunk] = []
        for chunk_id, score in ranked:
            chunk = by_id.get(chunk_id)
            if chunk is None:
                continue
            if len(results) == k:
                break
            meta = chunk.metadata
            page = meta.get("page")
            results.append(RetrievedChunk(
                chunk_id=chunk_id, text=chunk.text, source=str(meta.get("source")),
                page=int(page) if isinstance(page, int) and page > 0 else None,
                section=meta.get("section") or None, title=str(meta.get("title") or meta.get("source")),
                metadata=meta, score=round(score, 6), dense_score=dense_scores.get(chunk_id),
                lexical_score=lexical_scores.get(chunk_id),
            ))
        return Retrieval(results, embedding)

    def _baseline(self, background: dict[str, np.ndarray], embedding: np.ndarray) -> dict[str, float]:
        """The question's typical similarity to unrelated passages, per passage language.

        Measured on a sample of the corpus when it is big enough; a small corpus falls back
        to the embedder's published typical similarity (if it has one).
        """
        fallback = capabilities_of(self.embedder).typical_similarity
        out: dict[str, float] = {}
        for language, vectors in background.items():
            if len(vectors) >= MIN_BACKGROUND:
                out[language] = float(np.median(vectors @ embedding))
            elif fallback is not None:
                out[language] = float(fallback)
        return out

    def _dense(self, locale: str, embedding: np.ndarray, built: LocaleIndex, baseline: dict[str, float],
               subject: str | None, grade: int | None) -> list[tuple[str, float]]:
        """Dense candidates ``(chunk id, cosine)``, ranked fairly across the corpus languages.

        Chroma is asked without a metadata filter, for a pool a few times larger than needed, and the
        pool is narrowed with the lexical index's snapshot (visible versions, subject, grade): a
        filtered Chroma query scans metadata and costs ~1 s at 100,000 chunks. Only when the pool
        holds too few matches (a narrow filter) does a filtered query run.

        A multilingual embedder gives same-language pairs a higher baseline similarity
        (measured here: an English question scores ~0.02 higher against any English text
        than against Estonian text, an Estonian one ~0.06), so an English question over a
        mostly-Estonian corpus is pulled towards whatever English document exists. Each
        candidate is ranked by its similarity minus the question's median similarity to a
        sample of chunks in the candidate's language; the raw cosine stays the dense score.
        """
        pool = self.store.nearest(locale, embedding, POOL_FACTOR * self.candidates)
        found = [(cid, sim, lang) for cid, sim in pool if (lang := built.language_of(cid, subject, grade)) is not None]
        if len(found) < self.candidates and len(pool) == POOL_FACTOR * self.candidates:
            found = self._filtered(locale, embedding, self.candidates, built, subject, grade, None)
        found = found[: self.candidates]
        if len(built.background) < 2:
            return [(cid, sim) for cid, sim, _ in found]
        present = {lang for _, _, lang in found}
        # A language can be crowded out of the pool entirely; ask for its best too.
        for language in sorted(set(baseline) - present):
            found += self._filtered(locale, embedding, 10, built, subject, grade, language)
        adjusted = sorted(found, key=lambda t: -(t[1] - baseline.get(t[2], 0.0)))
        return [(cid, sim) for cid, sim, _ in adjusted[: self.candidates]]

    def _filtered(self, locale: str, embedding: np.ndarray, n: int, built: LocaleIndex, subject: str | None,
                  grade: int | None, language: str | None) -> list[tuple[str, float, str]]:
        """The slow path: a Chroma query with a metadata filter."""
        where = build_where(subject, grade)
        if language is not None:
            clause = {"language": language}
            where = clause if where is None else {"$and": [where, clause]}
        return [(c.chunk_id, sim, lang) for c, sim in self.store.query(locale, embedding, n, where=where)
                if (lang := built.language_of(c.chunk_id, subject, grade)) is not None]
