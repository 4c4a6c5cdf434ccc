"""The same store code against a real Chroma server (`chroma run`), as a multi-server deployment uses it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from curriculum.ingest import Ingestor
from curriculum.retrieval import HybridRetriever
from curriculum.store import CurriculumStore, make_client
from tests.services import chroma_missing
from tests.services import chroma_server as start_chroma
from tutor.config import Settings
from tutor.pipeline import Tutor
from tutor.services import build_tutor


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    if chroma_missing():
        pytest.skip(chroma_missing() or "")
    with start_chroma(tmp_path_factory.mktemp("chroma-server")) as port:
        yield port


def test_ingest_replace_delete_and_retrieve_through_a_chroma_server(chroma_server: int, tutor: Tutor,
                                                                    tmp_path: Path) -> None:
    store = CurriculumStore(make_client(tmp_path, "127.0.0.1", chroma_server), tutor.embedder.name,
                            tutor.embedder.dimension)
    ingestor = Ingestor(store, tutor.embedder)
    bogs = tmp_path / "rabad.md"
    bogs.write_text("# Rabad\n\nRabad on märgalad, kus turbasammal kasvab ja turvas koguneb aastatuhandeid.",
                    encoding="utf-8")
    sea = tmp_path / "meri.md"
    sea.write_text("# Läänemeri\n\nLäänemeri on riimveeline sisemeri, mille soolsus on väike.", encoding="utf-8")
    assert all(r.ok for r in ingestor.ingest_paths([bogs, sea], "srv"))
    hits = HybridRetriever(store, tutor.embedder).retrieve("Kuidas tekib turvas?", "srv", k=2).chunks
    assert hits[0].source == "rabad.md"
    sea.write_text("# Läänemeri\n\nLäänemeres elab viigerhüljes.", encoding="utf-8")
    assert ingestor.ingest_file(sea, "srv").status == "replaced"
    assert [c.text for c in store.document_chunks("srv", "meri.md")] == ["Läänemeres elab viigerhüljes."]
    store.delete_document("srv", "rabad.md")
    assert [d.source for d in store.documents("srv")] == ["meri.md"]


def test_tutor_uses_the_server_named_by_chroma_host(chroma_server: int, tutor: Tutor, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(chroma_server))
    settings = Settings(home=tmp_path)
    remote = build_tutor(settings)
    doc = tmp_path / "vereringe.md"
    doc.write_text("# Vereringe\n\nSüda pumpab verd ja vereringe viib hapnikku kõikidesse elunditesse.",
                   encoding="utf-8")
    assert Ingestor(remote.store, remote.embedder).ingest_file(doc, "ee").ok
    hits = remote.retriever.retrieve("Mis on vereringe ülesanne?", "ee", k=3).chunks
    assert hits and hits[0].source == "vereringe.md"  # found through the server
    assert not (tmp_path / "chroma").exists()  # nothing was written to a local store
