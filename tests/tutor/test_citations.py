"""A citation's source and page must be exactly where the quoted text is."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import make_pdf
from tutor.config import Settings
from tutor.pipeline import Tutor
from tutor.services import build_tutor

PAGES = [
    ("Chapter 1: Tides", "Tides are caused mainly by the gravitational pull of the Moon on the oceans. "
     "Most coasts see two high tides and two low tides every day."),
    ("Chapter 2: Volcanoes", "A volcano forms where molten rock called magma rises through the crust. "
     "When magma reaches the surface it is called lava, and it cools into basalt."),
    ("Chapter 3: Glaciers", "Glaciers are slow rivers of ice that carve U-shaped valleys. "
     "During the last ice age, glaciers covered the whole territory of Estonia."),
    ("Chapter 4: Deserts", "Deserts receive less than 250 millimetres of rain a year. "
     "The Sahara is the largest hot desert on Earth."),
]


@pytest.fixture(scope="module")
def pdf_tutor(tmp_path_factory: pytest.TempPathFactory) -> tuple[Tutor, Path]:
    home = tmp_path_factory.mktemp("pdfhome")
    pdf = make_pdf(home / "earth_science.pdf", PAGES, title="Earth science")
    decoy = home / "decoy.md"
    decoy.write_text("# Volcanoes in fiction\n\nIn the novel, a dragon sleeps inside a volcano.", encoding="utf-8")
    tutor = build_tutor(Settings(home=home))
    from curriculum.ingest import Ingestor

    results = Ingestor(tutor.store, tutor.embedder).ingest_paths([pdf, decoy], "global")
    assert all(r.ok for r in results)
    return tutor, pdf


@pytest.mark.parametrize("question,page", [
    ("What is lava and what does it cool into?", 2),
    ("What causes the tides?", 1),
    ("Did glaciers cover Estonia during the ice age?", 3),
    ("How much rain does a desert get?", 4),
])
def test_each_cited_page_contains_the_quoted_text(pdf_tutor: tuple[Tutor, Path], question: str, page: int) -> None:
    tutor, pdf = pdf_tutor
    answer = tutor.ask(question, "global")
    assert answer.decision == "answer"
    assert answer.citations, answer.text
    first = answer.citations[0]
    assert (first.source, first.page) == ("earth_science.pdf", page)
    reader = PdfReader(str(pdf))
    for citation in answer.citations:
        if citation.source != "earth_science.pdf":
            continue
        page_text = " ".join((reader.pages[citation.page - 1].extract_text() or "").split())
        assert " ".join(citation.text.split()) in page_text
        # and the quoted sentence in the answer is on the page it cites
    quoted = [line[2:].rsplit(" [", 1)[0] for line in answer.text.splitlines() if line.startswith("> ")]
    assert quoted
    cited_pages = " ".join(
        " ".join((reader.pages[c.page - 1].extract_text() or "").split())
        for c in answer.citations if c.source == "earth_science.pdf"
    )
    assert " ".join(quoted[0].split()) in cited_pages
