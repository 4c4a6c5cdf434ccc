"""What the pupil reads: the sentence that answers, from the right passage, never a sentence about
something else. Each case uploads a small page of its own, so the facts are known and nearby
distractors (another lake, the other kind of vessel, a review question) are in the same passage."""

from __future__ import annotations

import pytest

from curriculum.ingest import Ingestor
from tutor.config import Settings
from tutor.pipeline import Tutor

PAGES = {
    "rannikujarved.md": """# Eesti suuremad järved

Peipsi järv on Eesti suurim järv, selle pindala on umbes 3555 km², millest Eestile kuulub umbes pool.
Peipsi keskmine sügavus on vaid 7 meetrit.

Pihkva järv asub Peipsist lõunas ja on sellega ühendatud Lämmijärve kaudu.

Ülemiste järv on Tallinna joogivee peamine allikas. Ülemiste järve pindala on umbes 9,6 km² ja see asub
linna lõunaosas.

## Kontrolli end

1. Kui suur on Ülemiste järve pindala?
2. Miks on Peipsi järv madal?
""",
    "solmed.md": """# Sõlmed ja närvid

Sümpaatiline närvisüsteem valmistab keha ette pingutuseks: süda lööb kiiremini ja pupillid laienevad.
Parasümpaatiline närvisüsteem seevastu rahustab keha: südame löögisagedus aeglustub ja seedimine kiireneb.

Närviimpulss liigub mööda närvikiudu elektrilise signaalina.
""",
    "eepos.md": """# Soome eepos

Kalevala on Soome rahvuseepos, mis põhineb karjala ja soome rahvalauludel. Eepos ilmus esmakordselt 1835. aastal.
Selle koostas arst ja keeleteadlane Elias Lönnrot, kes kogus rahvalaule Karjalas mitmel reisil.
Kalevala peategelane on tark laulik Väinämöinen.
""",
}


@pytest.fixture(scope="module")
def page_tutor(settings: Settings, tutor: Tutor, tmp_path_factory: pytest.TempPathFactory) -> Tutor:
    root = tmp_path_factory.mktemp("pages")
    ingestor = Ingestor(tutor.store, tutor.embedder)
    for name, text in PAGES.items():
        (root / name).write_text(text, encoding="utf-8")
        assert ingestor.ingest_file(root / name, "answerstest").ok
    (root / "profiles").mkdir()
    (root / "profiles" / "answerstest.yaml").write_text(
        "id: answerstest\nname: {et: Vastuste test, ru: Тест ответов, en: Answers test}\nlanguages: [et, ru, en]\n"
        "babel_locale: et\n", encoding="utf-8")
    return Tutor(settings, embedder=tutor.embedder, store=tutor.store, backend=tutor.backend, guard=tutor.guard,
                 profiles=type(tutor.profiles)(root))


@pytest.mark.parametrize(("question", "fact", "other"), [
    ("Kui suur on Ülemiste järve pindala?", "9,6 km²", "3555"),
    ("ylemiste jarve pindala", "9,6 km²", "3555"),  # typed without diacritics, y for ü
    ("kui sygav on peipsi keskmiselt", "7 meetrit", "9,6"),
    ("How large is lake Ülemiste?", "9,6 km²", "3555"),
])
def test_the_figure_of_the_thing_asked_about_not_of_its_neighbour(page_tutor: Tutor, question: str, fact: str,
                                                                   other: str) -> None:
    answer = page_tutor.ask(question, "answerstest")
    assert answer.citations and answer.citations[0].source == "rannikujarved.md"
    text = answer.text
    assert fact in text
    assert other not in text.split(fact)[0]  # the neighbour's figure does not come first


def test_a_review_question_is_never_quoted_as_the_answer(page_tutor: Tutor) -> None:
    answer = page_tutor.ask("Miks on Peipsi järv madal?", "answerstest")
    assert "> 2. Miks on Peipsi järv madal?" not in answer.text
    assert "Miks on Peipsi järv madal? [" not in answer.text


def test_a_comparison_keeps_each_property_with_its_own_subject(page_tutor: Tutor) -> None:
    answer = page_tutor.ask("Mis vahe on sümpaatilisel ja parasümpaatilisel närvisüsteemil?", "answerstest")
    text = answer.text
    assert "rahustab" in text and "pingutuseks" in text
    for line in text.splitlines():  # no quoted line gives one system's effect to the other
        if "rahustab" in line:
            assert "Parasümpaatiline" in line or "seevastu" in line


_WHO_OPEN = pytest.mark.xfail(strict=True, reason="open: the ranker prefers sentences that name the question's "
                                                 "subject over the one that names the person for these wordings")


@pytest.mark.parametrize("question", [pytest.param("Kes koostas Kalevala?", marks=_WHO_OPEN),
                                      pytest.param("kes kalevala koostas", marks=_WHO_OPEN),
                                      pytest.param("Who compiled the Kalevala?", marks=_WHO_OPEN),
                                      "Кто составил Калевалу?"])
def test_who_did_it_quotes_the_sentence_that_names_the_person(page_tutor: Tutor, question: str) -> None:
    answer = page_tutor.ask(question, "answerstest")
    assert answer.citations and answer.citations[0].source == "eepos.md"
    assert "Lönnrot" in answer.text


@pytest.mark.parametrize(("question", "fact", "source"), [
    ("kogda vpervye vyshla kalevala", "1835", "eepos.md"),
    ("kakaja srednjaja glubina ozera pejpsi", "7 meetrit", "rannikujarved.md"),
])
def test_russian_typed_in_latin_letters_is_answered_in_russian(page_tutor: Tutor, question: str, fact: str,
                                                                source: str) -> None:
    answer = page_tutor.ask(question, "answerstest")
    assert answer.citations and answer.citations[0].source == source
    assert fact in answer.text
    assert answer.language == "ru"


@pytest.mark.parametrize(("question", "lang"), [("Mis on tuletis?", "et"), ("Что такое производная?", "ru"),
                                                ("What is a derivative in maths?", "en")])
def test_a_question_the_pages_do_not_cover_is_not_found_in_the_pupils_language(page_tutor: Tutor, question: str,
                                                                              lang: str) -> None:
    answer = page_tutor.ask(question, "answerstest")
    assert answer.citations == ()
    assert answer.language == lang
