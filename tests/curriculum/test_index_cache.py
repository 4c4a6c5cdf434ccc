"""The lexical index follows the store incrementally: a change reads only the documents that changed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from curriculum.index_cache import IndexCache
from curriculum.lexical import BM25Index, query_words, tokenize
from curriculum.store import CurriculumStore, StoredChunk, make_client

DIM = 8
TEXTS = {
    "rabad.md": ["Rabad on märgalad, kus kasvab turbasammal.", "Raba talletab süsinikku turbas."],
    "happed.md": ["Happed muudavad sinise lakmuse punaseks.", "Alused muudavad punase lakmuse siniseks."],
    "vesi.md": ["Vesi keeb merepinnal saja kraadi juures.", "Jää sulab null kraadi juures."],
}


class CountingStore(CurriculumStore):
    """The real store, counting how many chunks the index reads."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.read: list[str] = []

    def all_chunks(self, locale: str, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        chunks = super().all_chunks(locale, where)
        self.read += [c.chunk_id for c in chunks]
        return chunks

    def chunks_of_versions(self, locale: str, content_hashes: Any) -> Iterator[list[StoredChunk]]:
        for batch in super().chunks_of_versions(locale, content_hashes):
            self.read += [c.chunk_id for c in batch]
            yield batch


def _put(store: CurriculumStore, source: str, texts: list[str], subject: str = "science") -> None:
    version = hashlib.sha256((source + "".join(texts)).encode()).hexdigest()
    ids = [f"tst/{source}/{version}#{i}" for i in range(len(texts))]
    vectors = np.random.default_rng(len(texts)).normal(size=(len(texts), DIM)).astype(np.float32)
    metas = [{"source": source, "content_hash": version, "language": "et", "subject": subject, "chunk_index": i}
             for i in range(len(texts))]
    store.replace_document("tst", source, ids, texts, vectors, metas)


@pytest.fixture()
def store(tmp_path: Path) -> CountingStore:
    store = CountingStore(make_client(tmp_path / "chroma"), "fake", DIM)
    for source, texts in TEXTS.items():
        _put(store, source, texts)
    return store


def _sources(cache: IndexCache, store: CurriculumStore, question: str, **filters: Any) -> list[str]:
    hits = cache.get(store, "tst").search(query_words(question), 10, **filters)
    return [chunk_id.split("/")[1] for chunk_id, _ in hits]


def test_an_upload_reads_only_the_new_document(store: CountingStore) -> None:
    cache = IndexCache()
    assert _sources(cache, store, "lakmuse") == ["happed.md", "happed.md"]
    assert len(store.read) == 6
    store.read.clear()
    _put(store, "kivid.md", ["Graniit on tardkivim.", "Lubjakivi tekkis meres."])
    assert _sources(cache, store, "graniit") == ["kivid.md"]
    assert len(store.read) == 2  # the new document only, not the whole corpus


def test_a_replaced_or_deleted_document_leaves_the_index(store: CountingStore) -> None:
    cache = IndexCache()
    assert _sources(cache, store, "turbasammal") == ["rabad.md"]
    _put(store, "rabad.md", ["Rabad on soode liik."])
    assert _sources(cache, store, "turbasammal") == []
    assert _sources(cache, store, "soode") == ["rabad.md"]
    store.delete_document("tst", "rabad.md")
    assert _sources(cache, store, "soode") == []
    assert len(cache.get(store, "tst")) == 4


def test_a_change_made_by_another_process_is_seen(store: CountingStore, tmp_path: Path) -> None:
    cache = IndexCache()
    assert _sources(cache, store, "graniit") == []
    other = CurriculumStore(make_client(tmp_path / "chroma"), "fake", DIM)  # another writer, same store
    _put(other, "kivid.md", ["Graniit on tardkivim."])
    assert _sources(cache, store, "graniit") == ["kivid.md"]


def test_filters_apply_to_lexical_hits(store: CountingStore) -> None:
    _put(store, "keemia.md", ["Lakmuse värv näitab happeid."], subject="chemistry")
    cache = IndexCache()
    assert _sources(cache, store, "lakmuse", subject="chemistry") == ["keemia.md"]
    assert sorted(_sources(cache, store, "lakmuse", subject="science")) == ["happed.md", "happed.md"]


def _scores(index: BM25Index, question: str) -> list[tuple[int, float, float]]:
    return [(h.slot, round(h.score, 9), round(h.coverage, 9)) for h in index.search(query_words(question), 10)]


def test_removing_documents_scores_as_an_index_built_without_them() -> None:
    docs = [text for texts in TEXTS.values() for text in texts]
    grown = BM25Index()
    for text in docs:
        grown.add(tokenize(text, "et"))
    for slot in (0, 1):
        grown.remove(slot)
    fresh = BM25Index()
    for text in docs[2:]:
        fresh.add(tokenize(text, "et"))
    for question in ("lakmus punaseks", "kraadi juures", "turbasammal"):
        assert [(s - 2, sc, c) for s, sc, c in _scores(grown, question)] == _scores(fresh, question)
    compacted, new_of_old = grown.compacted()
    assert new_of_old == {old: old - 2 for old in range(2, len(docs))}
    for question in ("lakmus punaseks", "kraadi juures"):
        assert _scores(compacted, question) == _scores(fresh, question)
