from pathlib import Path

import pytest

from curriculum.chunking import split_sections
from curriculum.loaders import LoaderError, load_file
from tests.helpers import make_docx, make_pdf


def test_markdown_sections_keep_their_heading_path(tmp_path: Path) -> None:
    doc = tmp_path / "rakk.md"
    doc.write_text("# Vereringe\n\nSissejuhatus.\n\n## Süda\n\nSüda pumpab verd.\n\n### Kojad\n\nSüdamel on neli kambrit.\n\n## Veresooned\n\nArterid viivad verd südamest eemale.\n", encoding="utf-8")
    title, sections = load_file(doc)
    assert title == "Vereringe"
    assert [(s.section, s.text) for s in sections] == [
        ("Vereringe", "Sissejuhatus."),
        ("Vereringe > Süda", "Süda pumpab verd."),
        ("Vereringe > Süda > Kojad", "Südamel on neli kambrit."),
        ("Vereringe > Veresooned", "Arterid viivad verd südamest eemale."),
    ]


def test_html_headings_become_sections_and_scripts_are_dropped(tmp_path: Path) -> None:
    doc = tmp_path / "x.html"
    doc.write_text("<html><head><title>Laulupidu</title><script>alert(1)</script></head><body>"
                   "<h1>Laulupidu</h1><p>Esimene laulupidu toimus 1869.</p><h2>Tartu</h2><ul><li>Tartus.</li></ul>"
                   "</body></html>", encoding="utf-8")
    title, sections = load_file(doc)
    assert title == "Laulupidu"
    assert sections[0].section == "Laulupidu" and "1869" in sections[0].text
    assert sections[1].section == "Laulupidu > Tartu" and sections[1].text == "Tartus."
    assert all("alert" not in s.text for s in sections)


def test_docx_heading_styles_become_sections(tmp_path: Path) -> None:
    doc = make_docx(tmp_path / "x.docx", [(1, "Happed"), (None, "Happed on ained."), (2, "Alused"),
                                           (None, "Alused neutraliseerivad happeid.")])
    title, sections = load_file(doc)
    assert title == "Happed"
    assert [(s.section, s.text) for s in sections] == [
        ("Happed", "Happed on ained."), ("Happed > Alused", "Alused neutraliseerivad happeid.")]


def test_pdf_sections_are_pages(tmp_path: Path) -> None:
    doc = make_pdf(tmp_path / "x.pdf", [("Page one", "Alpha text."), ("Page two", "Beta text."),
                                        ("Page three", "Gamma text.")])
    _, sections = load_file(doc)
    assert [s.page for s in sections] == [1, 2, 3]
    assert "Beta" in sections[1].text and "Beta" not in sections[0].text


def test_a_pdf_title_comes_from_its_metadata_else_its_first_heading(tmp_path: Path) -> None:
    titled = make_pdf(tmp_path / "a.pdf", [("1 Eesti järved", "Peipsi järv.")], title="Eesti järved ja jõed")
    assert load_file(titled)[0] == "Eesti järved ja jõed"
    untitled = make_pdf(tmp_path / "1_eesti_jarved.pdf", [("1 Eesti järved", "Peipsi järv on suur.")])
    assert load_file(untitled)[0] == "Eesti järved"  # the heading a reader sees, without its chapter number


def test_chunks_never_cross_pages(tmp_path: Path) -> None:
    body = " ".join(f"Sentence {i} on this page." for i in range(60))
    doc = make_pdf(tmp_path / "x.pdf", [("One", "Uno. " + body), ("Two", "Dos. " + body)])
    _, sections = load_file(doc)
    chunks = split_sections("k", sections, chunk_size=300, chunk_overlap=40)
    assert {c.page for c in chunks} == {1, 2}
    for chunk in chunks:
        assert chunk.text in sections[chunk.page - 1].text
    assert len({c.chunk_id for c in chunks}) == len(chunks)


@pytest.mark.parametrize("name,content,message", [
    ("notes.xlsx", b"PK\x03\x04", "unsupported file type '.xlsx'"),
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "broken.pdf"),
    ("broken.docx", b"not a zip", "cannot be read as DOCX"),
    ("empty.md", b"   \n\n", "no text found"),
])
def test_bad_files_raise_a_clear_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoaderError) as info:
        load_file(path)
    assert message in str(info.value)
    assert name in str(info.value)


def test_text_in_legacy_baltic_encoding_is_read(tmp_path: Path) -> None:
    path = tmp_path / "vana.txt"
    path.write_bytes("Šokolaad ja žürii õpivad.".encode("cp1257"))
    _, sections = load_file(path)
    assert sections[0].text == "Šokolaad ja žürii õpivad."
