"""A citation opens the document's original (a PDF at the cited page) when it is kept, in the reader's language;
without an original, or when it is withheld from pupils, the stored passages and a note say so."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.common import get_curriculum_admin, services
from tests.app.conftest import nodes, open_app, unique
from tutor.accounts import Accounts, PermissionDenied, UserRecord
from tutor.i18n import ui

et = ui("et")._


def elements(at: AppTest, kind: str) -> list[object]:
    return [n for n in nodes(at) if getattr(n, "type", None) == kind]


def ask_and_open(at: AppTest, question: str, cited: str) -> AppTest:
    """Ask, then open the first citation whose label contains ``cited`` with its button."""
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    labels = [e.label for e in at.chat_message[-1].expander]
    assert any(cited in label for label in labels), labels
    next(e for e in at.chat_message[-1].expander if cited in e.label).button[0].click().run()
    assert not at.exception, at.exception
    return at


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.fixture()
def teacher(make_user: Callable[[str], UserRecord]) -> UserRecord:
    return make_user("teacher")


@pytest.fixture()
def upload(teacher: UserRecord) -> Iterator[Callable[[str, str], str]]:
    """Add a text document to the Estonian curriculum (deleted afterwards)."""
    names: list[str] = []

    def add(stem: str, text: str) -> str:
        name = unique(stem) + ".txt"
        [result] = get_curriculum_admin().upload(teacher, [(name, text.encode())], "ee")
        assert result.status == "added", result
        names.append(name)
        return name

    yield add
    for name in names:
        get_curriculum_admin().delete(teacher, "ee", name)


def test_a_pupil_opens_a_cited_pdf_as_its_page_with_the_text_and_the_file(
        accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    at = open_app(accounts, make_user("student"))
    at.sidebar.selectbox[0].select("global").run()
    ask_and_open(at, "How do I find 30% of 80?", "Percentages · page 2")
    [image] = elements(at, "image")
    assert image.proto.imgs[0].alt == "Page 2 of Percentages"  # the page itself, named for a screen reader
    [page] = [s for s in at.selectbox if s.label == "Page"]
    assert page.value == 2 and page.options[1] == "page 2 of 3"  # every page of the file, the cited one chosen
    assert any("30% of 80" in i.value for i in at.info)  # the page's text, the cited passage marked
    [download] = elements(at, "download_button")
    assert download.proto.label.startswith("Download the original file (") and download.proto.ignore_rerun
    assert "The passage is on page 2." in captions(at)


def test_a_document_without_its_original_shows_its_passages_and_says_so_in_the_pupils_language(
        accounts: Accounts, make_user: Callable[[str], UserRecord], upload: Callable[[str, str], str]) -> None:
    name = upload("kolkaluik", "Kolkaluiged pesitsevad Matsalu lahe roostikus ja toituvad veetaimedest.")
    shutil.rmtree(services().documents.originals._dir("ee", name))  # as if added before originals were kept
    at = open_app(accounts, make_user("student"))
    ask_and_open(at, "Kus pesitsevad kolkaluiged?", name.split(".")[0].split("-")[-1])
    assert any("Kolkaluiged pesitsevad" in i.value for i in at.info)
    assert not elements(at, "download_button") and not elements(at, "image")
    assert et("The original file of this document is not kept (it was added before originals were kept, or it is "
              "too large): these are its passages as the tutor stores them.") in captions(at)
    assert "original file" not in captions(at)  # said in Estonian, the pupil's language


def test_an_original_with_personal_data_is_for_teachers_only(
        accounts: Accounts, make_user: Callable[[str], UserRecord], teacher: UserRecord,
        upload: Callable[[str, str], str]) -> None:
    name = upload("merikotkas", "Merikotkas pesitseb Läänemere rannikul. Vaatlustest teata: linnud@example.com.")
    needle = name.split(".")[0].split("-")[-1]
    pupil = ask_and_open(open_app(accounts, make_user("student")), "Kus pesitseb merikotkas?", needle)
    assert not elements(pupil, "download_button")
    assert et("The original file is shown only to teachers, because personal data was removed from this "
              "document: these are its passages as the tutor stores them.") in captions(pupil)
    assert "linnud@example.com" not in str([i.value for i in pupil.info])
    own = ask_and_open(open_app(accounts, teacher), "Kus pesitseb merikotkas?", needle)
    [download] = elements(own, "download_button")
    assert download.proto.label.startswith(et("Download the original file ({size})").split("(")[0])


def test_a_pupil_may_open_only_documents_of_a_curriculum_they_can_see(
        make_user: Callable[[str], UserRecord]) -> None:
    documents = services().documents
    pupil = make_user("student")
    assert documents.open(pupil, "global", "maths_percentages.pdf", ["global"]).state == "shown"
    with pytest.raises(PermissionDenied):
        documents.open(pupil, "global", "maths_percentages.pdf", ["ee"])
    with pytest.raises(PermissionDenied):
        documents.open(None, "global", "maths_percentages.pdf", ["global"])


def test_deleting_a_document_deletes_its_original(teacher: UserRecord) -> None:
    name = unique("kustuta") + ".txt"
    get_curriculum_admin().upload(teacher, [(name, b"Kustutatav dokument rabadest.")], "ee")
    folder = services().documents.originals._dir("ee", name)
    assert any(folder.iterdir())
    get_curriculum_admin().delete(teacher, "ee", name)
    assert not folder.exists()
