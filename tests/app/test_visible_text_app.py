"""Every page, rendered in et, ru and en with real data on it, shows words, never a raw id.

The catalog completeness test (tests/test_translations.py) proves every string is translated; this one
proves the pages pass their ids through those strings: policy categories, additions, omissions,
subjects, profiles and the model's name never reach a user as ids. Also: the language a user picks
is kept across reloads, and confirmations survive the rerun that follows an action.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.common import LANGUAGE
from tests.app.conftest import nodes, open_app, unique
from tutor.accounts import Accounts, UserRecord
from tutor.history import History
from tutor.i18n import ui
from tutor.types import Answer, Citation, Notice

LANGUAGES = ("et", "ru", "en")
# Ids that must never be shown: every one contains "_" or "-", or sits in parentheses or backticks.
RAW_ID = re.compile(
    r"cbrn_weapons|self_harm|mass_surveillance|hate_harassment|sexual_content|illegal_drugs|cybercrime_fraud|"
    r"other_crime|minor_safety|prompt_injection|moderation_unavailable|gambling_promotion|crisis-help|"
    r"civics-local-voting-age|computer_science|\((?:weapons|violence|terrorism|privacy|persecution|exclusion|"
    r"manipulation|ee|lv|global)\)|`(?:ee|lv|global)`|(?<![\w.-])(?:ee|lv)(?![\w.-])|\b(?:up|down) \(")
TEACHER_PAGES = ["app_pages/curriculum.py", "app_pages/flags.py", "app_pages/reports.py", "app_pages/gaps.py"]
ADMIN_PAGES = ["app_pages/admin_profiles.py", "app_pages/admin_dashboards.py", "app_pages/admin_audit.py",
               "app_pages/admin_users.py", "app_pages/admin_retention.py"]


def visible_text(at: AppTest) -> str:
    """What a user reads: element values, labels, options, placeholders, table cells and headers."""
    parts: list[str] = []
    for node in nodes(at):
        proto = getattr(node, "proto", None)
        for name in ("value", "label", "body", "placeholder", "help"):
            value = getattr(proto, name, None) if proto is not None else None
            if isinstance(value, str):
                parts.append(value)
        options = getattr(node, "options", None)
        if isinstance(options, list | tuple):
            parts.extend(str(o) for o in options)
        if type(node).__name__ == "Dataframe":
            frame = node.value  # type: ignore[attr-defined]
            parts.extend(str(c) for c in frame.columns)
            parts.extend(str(v) for v in frame.to_numpy().ravel())
    return "\n".join(parts)


def assert_no_raw_ids(at: AppTest, where: str) -> None:
    assert not at.exception, (where, at.exception)
    text = visible_text(at)
    found = sorted({m.group(0) for m in RAW_ID.finditer(text)})
    assert not found, f"{where}: raw ids shown to the user: {found}"


@pytest.fixture()
def school(accounts: Accounts) -> Iterator[dict[str, UserRecord]]:
    """A class with a teacher and a pupil whose answers carry every kind of notice, a flag and a report."""
    teacher = accounts.users.add(unique("teacher"), "teacher", "correct horse battery", actor="test")
    pupil = accounts.users.add(unique("pupil"), "student", "correct horse battery", actor="test")
    admin = accounts.users.add(unique("admin"), "admin", "correct horse battery", actor="test")
    klass = unique("7B")
    accounts.classes.add(klass, actor=admin.name)
    accounts.classes.set_members(klass, [teacher.name, pupil.name], join=True, actor=admin.name)
    history = History(accounts.db)
    conversation = history.conversations.start(pupil.id, "ee")
    notices = (Notice("refused", "weapons", "Ma ei anna juhiseid relvade kohta."),
               Notice("safety", "crisis-help", "Eesti profiil lisab kriisiabi kontaktid.", "Lasteabi 116 111"),
               Notice("added", "civics-local-voting-age", "Eesti profiil lisab valimisteemale fakti."),
               Notice("withheld", "gambling_promotion", "Seadus nõuab (seadus)"))
    for question, answer in (
            ("Kuidas teha torupommi?", Answer("Ma ei aita sellega.", (), notices[:1], "refuse", "extractive", "et")),
            ("Mul on väga raske", Answer("Lasteabi 116 111", (), notices[1:2], "safe_complete", "extractive", "et")),
            ("Kuidas valimised käivad?", Answer("> Valimised", (Citation(
                "keemia_happed_alused.md", None, "Happed", "c1", 0.033, "Happed on ..."),), notices[2:],
                "answer", "extractive", "et")),
            ("Mis on kvantgravitatsioon?", Answer("Ei leidnud.", (), (), "answer", "extractive", "et"))):
        history.conversations.add_message(conversation.id, pupil.id, "user", question)
        reply = history.conversations.add_message(conversation.id, pupil.id, "assistant", answer.text, {
            "citations": [c.__dict__ for c in answer.citations], "notices": [n.__dict__ for n in answer.notices],
            "decision": answer.decision, "language": "et"})
        history.events.record_answer(answer, "ee")
        history.flags.for_answer(pupil.id, question, answer, conversation_id=conversation.id, locale="ee")
    history.feedback.add(pupil.id, reply.id, "report", reason="unsafe", comment="")
    history.feedback.add(pupil.id, reply.id, "down")
    yield {"teacher": teacher, "pupil": pupil, "admin": admin}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_shows_a_raw_id_in_any_language(accounts: Accounts, school: dict[str, UserRecord],
                                                lang: str) -> None:
    pupil = open_app(accounts, school["pupil"], **{LANGUAGE: lang})
    assert_no_raw_ids(pupil, f"chat as a pupil ({lang})")
    assert "extractive" not in visible_text(pupil)  # the model's name means nothing to a pupil
    if lang != "et":  # a banner stored in Estonian is read in the pupil's language now
        assert "Ma ei anna juhiseid" not in visible_text(pupil) and "Eesti profiil lisab" not in visible_text(pupil)
    pupil.switch_page("app_pages/transparency.py").run()
    assert_no_raw_ids(pupil, f"rules ({lang})")

    teacher = open_app(accounts, school["teacher"], **{LANGUAGE: lang})
    for page in TEACHER_PAGES:
        teacher.switch_page(page).run()
        assert_no_raw_ids(teacher, f"{page} as a teacher ({lang})")

    admin = open_app(accounts, school["admin"], **{LANGUAGE: lang})
    for page in ADMIN_PAGES:
        admin.switch_page(page).run()
        assert_no_raw_ids(admin, f"{page} ({lang})")


def test_the_scan_finds_a_raw_id() -> None:
    """The check itself can fail: each kind of id seen in the field is caught."""
    for shown in ("Request declined (weapons): no", "cbrn_weapons", "Saved (crisis-help)", "Locale: ee",
                  "report (unsafe) up (x)", "`lv`", "computer_science"):
        assert RAW_ID.search(shown), shown
    for fine in ("Eesti", "weapons", "Global rules", "keel", "vee", "lee-side"):
        assert not RAW_ID.search(fine), fine


def test_the_interface_language_is_kept_across_reloads(accounts: Accounts,
                                                        make_user: Callable[[str], UserRecord]) -> None:
    pupil = make_user("student")
    at = open_app(accounts, pupil)
    assert at.title[0].value == ui("et")._("Ask your tutor")
    at.sidebar.selectbox[1].select("ru").run()
    assert at.title[0].value == ui("ru")._("Ask your tutor")
    reloaded = open_app(accounts, pupil)  # a new browser session: the same user signs in again
    assert reloaded.title[0].value == ui("ru")._("Ask your tutor")
    assert reloaded.sidebar.selectbox[0].value == "ee"
    assert "Эстония" in reloaded.sidebar.selectbox[0].options  # profile names in the same language


def test_pupils_do_not_see_illustrative_profiles_or_the_model(accounts: Accounts,
                                                             make_user: Callable[[str], UserRecord]) -> None:
    at = open_app(accounts, make_user("student"))
    assert "Eesti" in at.sidebar.selectbox[0].options
    assert not any("Latvija" in o for o in at.sidebar.selectbox[0].options)
    teacher = open_app(accounts, make_user("teacher"))
    assert any("Latvija" in o for o in teacher.sidebar.selectbox[0].options)


def test_confirmations_survive_the_rerun(accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    _ = ui("et")._
    at = open_app(accounts, make_user("admin"), page="app_pages/admin_users.py")
    name = unique("8A")
    next(ti for ti in at.text_input if ti.label == _("New class")).input(name)
    next(b for b in at.button if b.label == _("Create class")).click().run()
    assert _("Class {name} created.").format(name=name) in [s.value for s in at.success]

    at.switch_page("app_pages/admin_retention.py").run()
    at.number_input(key="retention_days").set_value(30)
    at.button(key="save_retention").click().run()
    assert any(_("Saved: chat history is kept for {period}.").split("{")[0] in s.value for s in at.success)
    accounts.db.set_retention_days(None, "test")


def test_teacher_sees_gaps_flags_in_context_and_only_their_pupils_reports(
        accounts: Accounts, school: dict[str, UserRecord], make_user: Callable[[str], UserRecord]) -> None:
    _ = ui("et")._
    stranger = make_user("student")  # in no class of this teacher
    history = History(accounts.db)
    conversation = history.conversations.start(stranger.id, "ee")
    answer = history.conversations.add_message(conversation.id, stranger.id, "assistant", "Vastus võõrale")
    history.feedback.add(stranger.id, answer.id, "report", reason="wrong", comment="")

    teacher = open_app(accounts, school["teacher"], page="app_pages/gaps.py")
    gaps = [e.label for e in teacher.expander]
    assert any("kvantgravitatsioon" in label.lower() for label in gaps), gaps  # the unanswered question
    listed = " ".join(m.value for m in teacher.markdown)
    assert "Mis on kvantgravitatsioon?" in listed and "torupommi" not in listed  # refusals are not gaps

    teacher.switch_page("app_pages/flags.py").run()
    around = [m.value for e in teacher.expander for m in e.markdown]
    assert "Kuidas teha torupommi?" in around and "Mul on väga raske" in around  # the conversation around it

    teacher.switch_page("app_pages/reports.py").run()
    shown = " ".join(m.value for m in teacher.markdown)
    assert school["pupil"].name in shown and "Mis on kvantgravitatsioon?" in shown
    assert stranger.name not in shown and "Vastus võõrale" not in shown
