"""The curriculum vector store: one Chroma collection per locale.

Embedded ``PersistentClient`` under the home directory by default; ``CHROMA_HOST`` switches
to a Chroma server (``HttpClient``) with no other change. We always pass our own vectors,
so Chroma's default embedding function (which downloads a model) is never used.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

COLLECTION_PREFIX = "curriculum_"
_LOCALE_ID = re.compile(r"^[a-z][a-z0-9_-]{1,40}$")


class StoreError(RuntimeError):
    """The store cannot serve a request; the message says what to do."""


@dataclass(frozen=True)
class StoredChunk:
    chunk_id: str
    text: str
    metadata: dict[str, Any]


@dataclass(frozen=True)
class DocumentInfo:
    source: str
    title: str
    subject: str | None
    grade: int | None
    language: str | None
    content_hash: str
    ingested_at: str
    uploader: str | None
    chunks: int


def collection_name(locale: str) -> str:
    if not _LOCALE_ID.match(locale):
        raise StoreError(f"invalid locale id '{locale}': use lower-case letters, digits, '-' or '_' (2-41 chars)")
    return f"{COLLECTION_PREFIX}{locale}"


def make_client(chroma_path: Path, host: str | None = None, port: int = 8000) -> Any:
    """Create a Chroma client with telemetry off: a server client when ``host`` is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(chroma_path), settings=settings)


class CurriculumStore:
    """Chunks of every locale's curriculum, with their embeddings and citation metadata."""

    def __init__(self, client: Any, embedder_name: str, dimension: int) -> None:
        self._client = client
        self._embedder_name = embedder_name
        self._dimension = dimension
        self._lock = threading.RLock()

    # -- collections -----------------------------------------------------------------
    def _collection(self, locale: str, *, create: bool) -> Any | None:
        name = collection_name(locale)
        with self._lock:
            if create:
                collection = self._client.get_or_create_collection(
                    name,
                    embedding_function=None,
                    metadata={"hnsw:space": "cosine", "embedder": self._embedder_name,
                              "dimension": self._dimension, "revision": 0},
                )
            else:
                try:
                    collection = self._client.get_collection(name, embedding_function=None)
                except Exception:  # chromadb raises NotFoundError/ValueError depending on the client
                    return None
        built_with = (collection.metadata or {}).get("embedder")
        if built_with and built_with != self._embedder_name:
            raise StoreError(
                f"the '{locale}' curriculum was embedded with '{built_with}', but this installation uses "
                f"'{self._embedder_name}'; set LOCALTUTOR_EMBEDDER={built_with} or re-ingest the curriculum "
                f"after `localtutor reset --locale {locale}`"
            )
        return collection

    def locales(self) -> list[str]:
        names = [c if isinstance(c, str) else c.name for c in self._client.list_collections()]
        return sorted(n[len(COLLECTION_PREFIX):] for n in names if n.startswith(COLLECTION_PREFIX))

    def revision(self, locale: str) -> int:
        """A number that changes whenever the locale's chunks change (for cache keys)."""
        collection = self._collection(locale, create=False)
        if collection is None:
            return -1
        return int((collection.metadata or {}).get("revision", 0))

    def _bump(self, collection: Any) -> None:
        metadata = {k: v for k, v in (collection.metadata or {}).items() if not k.startswith("hnsw:")}
        metadata["revision"] = int(metadata.get("revision", 0)) + 1
        collection.modify(metadata=metadata)

    def count(self, locale: str) -> int:
        collection = self._collection(locale, create=False)
        return 0 if collection is None else int(collection.count())

    def drop_locale(self, locale: str) -> None:
        with self._lock:
            if self._collection(locale, create=False) is not None:
                self._client.delete_collection(collection_name(locale))

    # -- documents -------------------------------------------------------------------
    def document_hash(self, locale: str, source: str) -> str | None:
        collection = self._collection(locale, create=False)
        if collection is None:
            return None
        found = collection.get(where={"source": source}, include=["metadatas"], limit=1)
        metadatas = found.get("metadatas") or []
        return str(metadatas[0]["content_hash"]) if metadatas else None

    def replace_document(
        self, locale: str, source: str, ids: Sequence[str], texts: Sequence[str],
        embeddings: np.ndarray, metadatas: Sequence[dict[str, Any]],
    ) -> None:
        """Atomically-as-possible swap a document's chunks: add the new ones, then drop the old ones."""
        if embeddings.shape != (len(ids), self._dimension):
            raise StoreError(f"embedding shape {embeddings.shape} does not match {len(ids)} chunks x {self._dimension}")
        with self._lock:
            collection = self._collection(locale, create=True)
            old = collection.get(where={"source": source}, include=[])
            old_ids = set(old.get("ids") or [])
            for start in range(0, len(ids), 1000):
                end = start + 1000
                collection.upsert(
                    ids=list(ids[start:end]), documents=list(texts[start:end]),
                    embeddings=embeddings[start:end].tolist(), metadatas=list(metadatas[start:end]),
                )
            stale = sorted(old_ids - set(ids))
            if stale:
                collection.delete(ids=stale)
            self._bump(collection)

    def delete_document(self, locale: str, source: str) -> int:
        """Remove every chunk of ``source``; returns how many were removed."""
        with self._lock:
            collection = self._collection(locale, create=False)
            if collection is None:
                return 0
            ids = collection.get(where={"source": source}, include=[]).get("ids") or []
            if ids:
                collection.delete(ids=ids)
                self._bump(collection)
            return len(ids)

    def documents(self, locale: str) -> list[DocumentInfo]:
        infos: dict[str, DocumentInfo] = {}
        for chunk in self.all_chunks(locale):
            meta = chunk.metadata
            source = str(meta["source"])
            known = infos.get(source)
            if known is not None:
                infos[source] = DocumentInfo(**{**known.__dict__, "chunks": known.chunks + 1})
                continue
            infos[source] = DocumentInfo(
                source=source, title=str(meta.get("title") or source), subject=meta.get("subject"),
                grade=meta.get("grade"), language=meta.get("language"),
                content_hash=str(meta.get("content_hash", "")), ingested_at=str(meta.get("ingested_at", "")),
                uploader=meta.get("uploader"), chunks=1,
            )
        return sorted(infos.values(), key=lambda d: d.source)

    def document_chunks(self, locale: str, source: str) -> list[StoredChunk]:
        chunks = [c for c in self.all_chunks(locale, where={"source": source})]
        return sorted(chunks, key=lambda c: int(c.metadata.get("chunk_index", 0)))

    def all_chunks(self, locale: str, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        collection = self._collection(locale, create=False)
        if collection is None:
            return []
        out: list[StoredChunk] = []
        offset, page = 0, 5000
        while True:
            got = collection.get(where=where, include=["documents", "metadatas"], limit=page, offset=offset)
            ids = got.get("ids") or []
            for cid, text, meta in zip(ids, got.get("documents") or [], got.get("metadatas") or [], strict=True):
                out.append(StoredChunk(cid, text or "", dict(meta or {})))
            if len(ids) < page:
                return out
            offset += page

    def embeddings(self, locale: str, ids: Sequence[str]) -> np.ndarray:
        """Stored vectors of ``ids`` (in that order)."""
        collection = self._collection(locale, create=False)
        if collection is None or not ids:
            return np.zeros((0, self._dimension), dtype=np.float32)
        got = collection.get(ids=list(ids), include=["embeddings"])
        by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
        return np.asarray([by_id[i] for i in ids], dtype=np.float32)

    def query(
        self, locale: str, embedding: np.ndarray, n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[StoredChunk, float]]:
        """Nearest chunks by cosine similarity (1 - distance), best first."""
        collection = self._collection(locale, create=False)
        if collection is None:
            return []
        total = collection.count()
        if total == 0:
            return []
        got = collection.query(
            query_embeddings=[embedding.tolist()], n_results=min(n, total), where=where,
            include=["documents", "metadatas", "distances"],
        )
        rows = zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0], strict=True)
        return [(StoredChunk(cid, text or "", dict(meta or {})), 1.0 - float(dist)) for cid, text, meta, dist in rows]
