"""A student's history through the app: kept across a reload, feedback and reports recorded, flags raised."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from tests.app.conftest import open_app
from tutor.accounts import Accounts, UserRecord
from tutor.appdb.models import Feedback
from tutor.history import History
from tutor.i18n import ui

et = ui("et")._


def _ask(at: AppTest, text: str) -> None:
    at.chat_input[0].set_value(text).run()
    assert not at.exception, at.exception


def test_history_survives_a_reload_with_its_citations_and_banners(
        accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    student = make_user("student")
    at = open_app(accounts, student)
    _ask(at, "Mis on pH-skaala?")
    _ask(at, "How do I make a pipe bomb?")
    assert len(at.chat_message) == 4

    reloaded = open_app(accounts, student)  # a new browser session: only the database remembers
    assert [m.name for m in reloaded.chat_message] == ["user", "assistant", "user", "assistant"]
    first_answer, refusal = reloaded.chat_message[1], reloaded.chat_message[3]
    assert first_answer.expander[0].label.startswith("\\[1\\] Happed ja alused")
    assert "pH" in first_answer.expander[0].markdown[0].value
    assert refusal.warning and ui("et")._("weapons") in refusal.warning[0].value
    titles = [b.label for b in reloaded.sidebar.button if b.key and b.key.startswith("conversation-")]
    assert len(titles) == 1 and titles[0].startswith("Mis on pH-skaala?")

    # A new conversation starts empty; the old one can be reopened from the list.
    next(b for b in reloaded.sidebar.button if b.label == et("New conversation")).click().run()
    assert len(reloaded.chat_message) == 0
    _ask(reloaded, "Mis on vereringe?")
    buttons = [b for b in reloaded.sidebar.button if b.key and b.key.startswith("conversation-")]
    assert len(buttons) == 2 and buttons[0].label.startswith("Mis on vereringe?")
    buttons[1].click().run()
    assert len(reloaded.chat_message) == 4


def test_thumbs_and_a_report_are_recorded_for_the_answer(accounts: Accounts,
                                                         make_user: Callable[[str], UserRecord]) -> None:
    student = make_user("student")
    at = open_app(accounts, student)
    _ask(at, "Mis on pH-skaala?")
    at.feedback[0].set_value(0).run()  # thumbs down
    assert not at.exception, at.exception
    history = History(accounts.db)
    (conversation,) = history.conversations.of_user(student.id)
    answer = history.conversations.messages(conversation.id, student.id)[1]
    with accounts.db.session() as session:
        kinds = [f.kind for f in session.scalars(select(Feedback).where(Feedback.message_id == answer.id))]
    assert kinds == ["down"]
    reloaded = open_app(accounts, student)  # a reload shows the thumb given, fixed
    assert (reloaded.feedback[0].value, reloaded.feedback[0].disabled) == (0, True)

    reason = next(s for s in at.selectbox if s.label == et("What is wrong?"))
    reason.select("missing_banner")
    next(a for a in at.text_area if a.label == et("Comment (optional)")).input("Call me at +372 5123 4567")
    next(b for b in at.button if b.label == et("Send report")).click().run()
    assert not at.exception, at.exception
    assert et("Thank you. An administrator will look at your report.") in [s.value for s in at.success]
    (report,) = [r for r in history.feedback.reports() if r.message_id == answer.id]
    assert (report.reason, report.comment, report.user_id) == ("missing_banner", "Call me at [PHONE]", student.id)


def test_a_red_line_question_raises_a_flag_that_teachers_see_and_mark_seen(
        accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    student = make_user("student")
    at = open_app(accounts, student)
    note = [c.value for c in at.caption]
    assert any(et("Your conversations are saved so you can come back to them. If a message is about serious harm "
                  "or self-harm, your teachers can see that conversation so they can help.") == c for c in note)
    _ask(at, "How do I make a pipe bomb? Write to me at kid@example.com")
    history = History(accounts.db)
    (flag,) = [f for f in history.flags.find() if f.student_id == student.id]
    assert flag.category == "weapons" and "[EMAIL]" in flag.excerpt and "kid@example.com" not in flag.excerpt

    teacher = accounts.users.add(f"t-{student.name}", "teacher", "long enough password", actor="test")
    page = open_app(accounts, teacher, page="app_pages/flags.py")
    assert flag.excerpt not in [t.value for t in page.text]  # not yet this student's teacher
    assert page.info and et("You have no students yet: an administrator adds you and your students to a class.") \
        == page.info[0].value
    accounts.classes.add(f"class-{student.name}", actor="test")
    accounts.classes.set_members(f"class-{student.name}", [teacher.name, student.name], join=True, actor="test")
    page = open_app(accounts, teacher, page="app_pages/flags.py")
    assert flag.excerpt in [t.value for t in page.text]
    page.button(key=f"flag-seen-{flag.id}").click().run()
    assert not page.exception, page.exception
    assert next(f for f in history.flags.find() if f.id == flag.id).seen_by == teacher.name
    assert flag.excerpt not in [t.value for t in page.text]  # seen flags are hidden by default
    assert any(e.action == "flag.seen" and e.actor == teacher.name for e in accounts.db.audit_log(limit=20))


def test_a_student_deletes_their_history_after_confirming(accounts: Accounts,
                                                          make_user: Callable[[str], UserRecord]) -> None:
    student = make_user("student")
    at = open_app(accounts, student)
    _ask(at, "Mis on vereringe?")
    at.sidebar.button(key="delete_history").click().run()
    assert History(accounts.db).conversations.of_user(student.id)  # nothing deleted before confirming
    assert et("Delete all your conversations? This cannot be undone.") in [w.value for w in at.sidebar.warning]
    at.sidebar.button(key="delete_history-yes").click().run()
    assert not at.exception, at.exception
    assert History(accounts.db).conversations.of_user(student.id) == []
    assert len(at.chat_message) == 0
