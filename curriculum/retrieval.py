"""Hybrid retrieval: dense (Chroma) + BM25 (stemmed), fused with reciprocal rank fusion."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from curriculum.embedders import Embedder
from curriculum.lexical import BM25Index, query_terms, tokenize
from curriculum.store import CurriculumStore, StoredChunk

RRF_K = 60


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


class _LexicalCache:
    """One BM25 index per locale, rebuilt when the store's revision changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[int, list[StoredChunk], BM25Index]] = {}

    def get(self, store: CurriculumStore, locale: str) -> tuple[list[StoredChunk], BM25Index]:
        revision = store.revision(locale)
        with self._lock:
            cached = self._cache.get(locale)
            if cached is not None and cached[0] == revision:
                return cached[1], cached[2]
            chunks = store.all_chunks(locale)
            index = BM25Index([tokenize(_index_text(c), str(c.metadata.get("language") or "et")) for c in chunks])
            self._cache[locale] = (revision, chunks, index)
            return chunks, index


def _index_text(chunk: StoredChunk) -> str:
    meta = chunk.metadata
    return " ".join(str(x) for x in (meta.get("title"), meta.get("section"), chunk.text) if x)


def _matches(meta: dict[str, Any], subject: str | None, grade: int | None) -> bool:
    return (subject is None or meta.get("subject") == subject) and (grade is None or meta.get("grade") == grade)


class HybridRetriever:
    """Finds the curriculum chunks most relevant to a question, across languages."""

    def __init__(self, store: CurriculumStore, embedder: Embedder, *, candidates: int = 40) -> None:
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self._lexical = _LexicalCache()

    def retrieve(
        self, question: str, locale: str, *, k: int = 5, subject: str | None = None, grade: int | None = None,
        query_embedding: np.ndarray | None = None,
    ) -> Retrieval:
        embedding = query_embedding if query_embedding is not None else self.embedder.embed_query(question)
        dense = self.store.query(locale, embedding, self.candidates, where=build_where(subject, grade))
        chunks, index = self._lexical.get(self.store, locale)
        allowed = None
        if subject is not None or grade is not None:
            allowed = {i for i, c in enumerate(chunks) if _matches(c.metadata, subject, grade)}
        lexical = index.search(query_terms(question), self.candidates, allowed) if len(index) else []

        fused: dict[str, float] = {}
        by_id: dict[str, StoredChunk] = {}
        dense_scores: dict[str, float] = {}
        lexical_scores: dict[str, float] = {}
        for rank, (chunk, similarity) in enumerate(dense):
            fused[chunk.chunk_id] = fused.get(chunk.chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
            by_id[chunk.chunk_id] = chunk
            dense_scores[chunk.chunk_id] = similarity
        for rank, (i, score) in enumerate(lexical):
            chunk = chunks[i]
            fused[chunk.chunk_id] = fused.get(chunk.chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
            by_id.setdefault(chunk.chunk_id, chunk)
            lexical_scores[chunk.chunk_id] = score
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        results = []
        for chunk_id, score in ranked:
            chunk = by_id[chunk_id]
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
