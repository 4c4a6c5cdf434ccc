"""The curriculum vector store: one Chroma collection per locale.

Embedded ``PersistentClient`` under the home directory by default; ``CHROMA_HOST`` switches
to a Chroma server (``HttpClient``) with no other change. We always pass our own vectors,
so Chroma's default embedding function (which downloads a model) is never used.

Replacing a document is atomic for readers although Chroma has no transactions: the new
chunks are written next to the old ones under their own content hash, then one update of the
collection's metadata (``doc:<source>`` -> content hash) makes them the visible version, and
only then are the old chunks deleted. Every read filters on the visible hashes, so a process
killed at any point leaves the old or the new version of a document, never a mix; chunks left
behind are invisible and deleted by the document's next ingest. (Two processes replacing the same
document at the same moment are not coordinated; the app serialises its own uploads.)
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

COLLECTION_PREFIX = "curriculum_"
ACTIVE = "doc:"  # collection metadata: doc:<source> -> the content hash readers see
VERSIONED = "versioned"  # set once the collection has ACTIVE pointers (older stores show every chunk)
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
        # The collection handle the last snapshot() read, reused by the reads of the same question:
        # fetching a handle costs ~10 ms once a collection's metadata names hundreds of documents.
        self._handles: dict[str, Any] = {}
        self._documents: dict[str, tuple[tuple[str, int], tuple[DocumentInfo, ...]]] = {}  # per (id, revision)

    # -- collections -----------------------------------------------------------------
    def _collection(self, locale: str, *, create: bool) -> Any | None:
        name = collection_name(locale)
        with self._lock:
            if create:
                collection = self._client.get_or_create_collection(
                    name,
                    embedding_function=None,
                    metadata={"hnsw:space": "cosine", "embedder": self._embedder_name,
                              "dimension": self._dimension, "revision": 0, VERSIONED: 1},
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

    def snapshot(self, locale: str) -> tuple[int, dict[str, str] | None]:
        """The revision and the visible version of each document (source -> content hash), read together.

        ``(-1, {})`` when the locale has no collection; the map is None for a store written before
        versions, where every chunk is visible. Readers that keep an index (curriculum.index_cache)
        update it from the difference between two snapshots instead of reading every chunk again.
        """
        collection = self._collection(locale, create=False)
        if collection is None:
            self._handles.pop(locale, None)
            return -1, {}
        self._handles[locale] = collection
        return int((collection.metadata or {}).get("revision", 0)), self._active(collection)

    def _read_handle(self, locale: str) -> Any | None:
        """The handle of the last snapshot (for reads that do not need fresh metadata), else a fresh one."""
        return self._handles.get(locale) or self._collection(locale, create=False)

    def _with_handle(self, locale: str, read: Any) -> Any:
        """``read(collection)`` on the cached handle; once more on a fresh one if that failed (dropped?)."""
        collection = self._read_handle(locale)
        if collection is None:
            return None
        try:
            return read(collection)
        except Exception:
            self._handles.pop(locale, None)
            collection = self._collection(locale, create=False)
            return None if collection is None else read(collection)

    def chunks_of_versions(self, locale: str, content_hashes: Sequence[str]) -> Iterator[list[StoredChunk]]:
        """Every stored chunk of the given document versions (visible or not: the caller chose them),
        in batches of a few documents, so a reader indexing 100,000 chunks never holds all their texts."""
        collection = self._collection(locale, create=False)
        if collection is None or not content_hashes:
            return
        hashes = sorted(set(content_hashes))
        for start in range(0, len(hashes), 20):  # keeps each $in small for Chroma's SQL
            yield self._read(collection, {"content_hash": {"$in": hashes[start:start + 20]}})

    def chunks_by_id(self, locale: str, ids: Sequence[str]) -> dict[str, StoredChunk]:
        """The chunks with these ids that still exist (id -> chunk)."""
        if not ids:
            return {}
        got = self._with_handle(locale, lambda c: c.get(ids=list(ids), include=["documents", "metadatas"]))
        if got is None:
            return {}
        rows = zip(got.get("ids") or [], got.get("documents") or [], got.get("metadatas") or [], strict=True)
        return {cid: StoredChunk(cid, text or "", dict(meta or {})) for cid, text, meta in rows}

    def _set_metadata(self, collection: Any, updates: dict[str, Any], removed: Sequence[str] = ()) -> None:
        """One atomic update of the collection's metadata, counting a new revision."""
        fresh = self._client.get_collection(collection.name, embedding_function=None)  # another process may have written
        metadata = {k: v for k, v in (fresh.metadata or {}).items() if not k.startswith("hnsw:") and k not in removed}
        metadata.update(updates)
        metadata["revision"] = int(metadata.get("revision", 0)) + 1
        collection.modify(metadata=metadata)

    def _active(self, collection: Any) -> dict[str, str] | None:
        """source -> visible content hash; None for a store written before versions (every chunk visible)."""
        metadata = collection.metadata or {}
        if not metadata.get(VERSIONED):
            return None
        return {k[len(ACTIVE):]: str(v) for k, v in metadata.items() if k.startswith(ACTIVE)}

    def _visible(self, collection: Any, where: dict[str, Any] | None) -> tuple[bool, dict[str, Any] | None]:
        """Whether anything is visible, and ``where`` narrowed to the visible versions."""
        active = self._active(collection)
        if active is None:
            return True, where
        if not active:
            return False, where
        clause = {"content_hash": {"$in": sorted(set(active.values()))}}
        return True, clause if where is None else {"$and": [where, clause]}

    def _ensure_versioned(self, collection: Any) -> None:
        """Point every document of an older store at its newest version (one metadata update)."""
        if self._active(collection) is not None:
            return
        newest: dict[str, tuple[str, str]] = {}
        for chunk in self._chunks(collection, None):
            source, at = str(chunk.metadata["source"]), str(chunk.metadata.get("ingested_at", ""))
            if source not in newest or at > newest[source][1]:
                newest[source] = (str(chunk.metadata.get("content_hash", "")), at)
        self._set_metadata(collection, {VERSIONED: 1, **{ACTIVE + s: h for s, (h, _at) in newest.items()}})

    def count(self, locale: str) -> int:
        """How many chunks readers see."""
        return len(self.all_chunks(locale))

    def drop_locale(self, locale: str) -> None:
        with self._lock:
            self._handles.pop(locale, None)
            if self._collection(locale, create=False) is not None:
                self._client.delete_collection(collection_name(locale))

    # -- documents -------------------------------------------------------------------
    def document_hash(self, locale: str, source: str) -> str | None:
        """The content hash of the visible version of ``source``, or None when there is none."""
        collection = self._collection(locale, create=False)
        if collection is None:
            return None
        active = self._active(collection)
        if active is not None:
            return active.get(source)
        found = collection.get(where={"source": source}, include=["metadatas"], limit=1)
        metadatas = found.get("metadatas") or []
        return str(metadatas[0]["content_hash"]) if metadatas else None

    def replace_document(
        self, locale: str, source: str, ids: Sequence[str], texts: Sequence[str],
        embeddings: np.ndarray, metadatas: Sequence[dict[str, Any]],
    ) -> None:
        """Swap a document's chunks atomically for readers: write the new version, make it visible, drop the old.

        Every chunk in ``metadatas`` carries the new version's ``content_hash``.
        """
        if embeddings.shape != (len(ids), self._dimension):
            raise StoreError(f"embedding shape {embeddings.shape} does not match {len(ids)} chunks x {self._dimension}")
        version = str(metadatas[0]["content_hash"]) if metadatas else ""
        with self._lock:
            collection = self._collection(locale, create=True)
            self._ensure_versioned(collection)
            for start in range(0, len(ids), 1000):
                end = start + 1000
                collection.upsert(
                    ids=list(ids[start:end]), documents=list(texts[start:end]),
                    embeddings=embeddings[start:end].tolist(), metadatas=list(metadatas[start:end]),
                )
            self._set_metadata(collection, {ACTIVE + source: version})  # the moment readers switch
            self._delete_hidden(collection, source, keep=version)

    def discard_hidden(self, locale: str, source: str) -> None:
        """Delete what an interrupted replace of ``source`` left behind (chunks readers do not see)."""
        with self._lock:
            collection = self._collection(locale, create=False)
            active = None if collection is None else self._active(collection)
            if collection is not None and active is not None and source in active:
                self._delete_hidden(collection, source, keep=active[source])

    def _delete_hidden(self, collection: Any, source: str, keep: str | None) -> None:
        """Delete the chunks of ``source`` that readers do not see (older or unfinished versions)."""
        where: dict[str, Any] = {"source": source}
        if keep is not None:
            where = {"$and": [where, {"content_hash": {"$ne": keep}}]}
        hidden = collection.get(where=where, include=[]).get("ids") or []
        if hidden:
            collection.delete(ids=hidden)

    def delete_document(self, locale: str, source: str) -> int:
        """Remove every chunk of ``source``; returns how many readers saw."""
        with self._lock:
            collection = self._collection(locale, create=False)
            if collection is None:
                return 0
            visible = len(self._chunks(collection, {"source": source}))
            self._ensure_versioned(collection)
            self._set_metadata(collection, {}, removed=[ACTIVE + source])
            self._delete_hidden(collection, source, keep=None)
            return visible

    def documents(self, locale: str) -> list[DocumentInfo]:
        """The visible documents of a locale, with their chunk counts.

        Kept per collection revision: the chat page asks on every script run, and reading every
        chunk's metadata costs seconds at the whole curriculum's size. Every write counts a new
        revision in the collection's metadata, so this holds across processes (replicas, a worker).
        """
        revision, active = self.snapshot(locale)
        collection = self._handles.get(locale)
        if collection is None:
            return []
        key = (str(collection.id), revision)  # a dropped and re-made collection has a new id
        known = self._documents.get(locale)
        if active is not None and known is not None and known[0] == key:
            return list(known[1])
        infos: dict[str, DocumentInfo] = {}
        counts: dict[str, int] = {}
        for meta in self._metadatas(collection):
            source = str(meta["source"])
            counts[source] = counts.get(source, 0) + 1
            if source not in infos:
                infos[source] = DocumentInfo(
                    source=source, title=str(meta.get("title") or source), subject=meta.get("subject"),
                    grade=meta.get("grade"), language=meta.get("language"),
                    content_hash=str(meta.get("content_hash", "")), ingested_at=str(meta.get("ingested_at", "")),
                    uploader=meta.get("uploader"), chunks=0,
                )
        out = sorted((replace(d, chunks=counts[d.source]) for d in infos.values()), key=lambda d: d.source)
        if active is not None:
            self._documents[locale] = (key, tuple(out))
        return out

    def document_chunks(self, locale: str, source: str) -> list[StoredChunk]:
        chunks = [c for c in self.all_chunks(locale, where={"source": source})]
        return sorted(chunks, key=lambda c: int(c.metadata.get("chunk_index", 0)))

    def all_chunks(self, locale: str, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        """Every chunk readers see (the visible version of each document), optionally filtered."""
        collection = self._collection(locale, create=False)
        if collection is None:
            return []
        return self._chunks(collection, where)

    def _chunks(self, collection: Any, where: dict[str, Any] | None) -> list[StoredChunk]:
        anything, where = self._visible(collection, where)
        if not anything:
            return []
        return self._read(collection, where)

    def _metadatas(self, collection: Any) -> Iterator[dict[str, Any]]:
        """The metadata of every visible chunk, read in pages without the texts."""
        anything, where = self._visible(collection, None)
        offset, page = 0, 5000
        while anything:
            metadatas = collection.get(where=where, include=["metadatas"], limit=page, offset=offset)["metadatas"] or []
            yield from (dict(meta or {}) for meta in metadatas)
            if len(metadatas) < page:
                return
            offset += page

    def _read(self, collection: Any, where: dict[str, Any] | None) -> list[StoredChunk]:
        """Every chunk matching ``where``, read in pages."""
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

    def nearest(self, locale: str, embedding: np.ndarray, n: int) -> list[tuple[str, float]]:
        """Ids and cosine similarities of the ``n`` nearest stored chunks, visible or not, best first.

        No metadata filter: Chroma answers a filtered query by scanning its metadata (measured here:
        ~1 s at 100,000 chunks for the visible-versions filter, ~15 ms without), so a caller that
        knows which chunks are visible (curriculum.index_cache) asks for a few more and filters itself.
        """
        # No count() first: Chroma returns fewer than n when it has fewer, and counting costs ~0.5 s
        # at 100,000 chunks.
        got = self._with_handle(locale, lambda c: c.query(query_embeddings=[embedding.tolist()], n_results=n,
                                                          include=["distances"]))
        if got is None or not got["ids"]:
            return []
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(got["ids"][0], got["distances"][0], strict=True)]

    def query(
        self, locale: str, embedding: np.ndarray, n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[StoredChunk, float]]:
        """Nearest chunks by cosine similarity (1 - distance), best first."""
        collection = self._collection(locale, create=False)
        if collection is None:
            return []
        total = collection.count()
        anything, where = self._visible(collection, where)
        if total == 0 or not anything:
            return []
        got = collection.query(
            query_embeddings=[embedding.tolist()], n_results=min(n, total), where=where,
            include=["documents", "metadatas", "distances"],
        )
        rows = zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0], strict=True)
        return [(StoredChunk(cid, text or "", dict(meta or {})), 1.0 - float(dist)) for cid, text, meta, dist in rows]
