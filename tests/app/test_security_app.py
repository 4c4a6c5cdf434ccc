"""Secure defaults as a user meets them in the app (AppTest on the seeded home)."""

from __future__ import annotations

import re
from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from app_pages.common import get_curriculum_admin
from app_pages.safe_markdown import inert_markdown
from tests.app.conftest import PASSWORD, open_app, unique
from tutor.accounts import Accounts, InvalidCredentials, UserRecord
from tutor.history import History
from tutor.i18n import ui

et = ui("et")._


def form_button(at: AppTest, label: str):  # noqa: ANN201 - AppTest's Button
    return next(b for b in at.button if b.label == label)


def test_an_admin_resets_a_password_on_the_users_page(accounts: Accounts,
                                                      make_user: Callable[[str], UserRecord]) -> None:
    student, admin = make_user("student"), make_user("admin")
    token = accounts.sessions.create(student)
    at = open_app(accounts, admin, page="app_pages/admin_users.py")

    def reset(password: str) -> None:
        at.selectbox(key="reset_user").select(student.name)
        for label in ("New password", "New password again"):
            next(w for w in at.text_input if w.label == et(label)).input(password)
        form_button(at, et("Set the new password")).click().run()
        assert not at.exception, at.exception

    reset("password1234")
    assert [e.value for e in at.error] == [et("This change is not possible: {reason}").format(
        reason=et("the password is too easy to guess (a common password, a name or a simple pattern)"))]
    reset("sinine rong sõidab tartusse")
    assert [s.value for s in at.success] == [et("The password of {name} was changed.").format(name=student.name)]
    assert accounts.sessions.resolve(token) is None
    assert accounts.sign_in.authenticate(student.name, "sinine rong sõidab tartusse").id == student.id
    try:
        accounts.sign_in.authenticate(student.name, PASSWORD)
        raise AssertionError("the old password still works")
    except InvalidCredentials:
        pass
    entry = accounts.db.audit_log(limit=1)[0]
    assert (entry.actor, entry.action, entry.target) == (admin.name, "user.password", student.name)


def test_upload_results_are_localized_plain_audited_and_never_render_a_file_name_as_markup(
        accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    teacher = make_user("teacher")
    at = open_app(accounts, teacher, page="app_pages/curriculum.py")
    at.selectbox(key="curriculum_locale").select("lv").run()
    hostile = f"<img src=x onerror=alert(1)>{unique('n')}.md"
    document = ("# Fotosüntees\n\nTaimed teevad valgusest suhkrut. ![x](http://evil.example/p.png)\n"
                "<script>alert(1)</script>\n\nAutor: mari.tamm@kool.ee\n").encode()
    at.file_uploader[0].set_value([(hostile, document, "text/markdown"),
                                   ("broken.pdf", b"not a pdf", "application/pdf"),
                                   ("empty.txt", b"  \n\n", "text/plain")])
    form_button(at, et("Add to the curriculum")).click().run()
    assert not at.exception, at.exception
    t = ui("et", "et_EE")
    try:
        name = inert_markdown(hostile)
        assert [s.value for s in at.success] == [et("{name}: added, {passages}.").format(
            name=name, passages=t.ngettext("{n} passage", "{n} passages", 1).format(n="1"))]
        assert name.startswith("\\<img")  # shown as text, never as an element
        warnings = [w.value for w in at.warning]
        assert et("{name}: removed because pupils' browsers must not load or run anything from a passage: "
                  "{items}. The text around them was kept.").format(
            name=name, items=t.list([t.ngettext("{n} image", "{n} images", 1).format(n="1"),
                                     t.ngettext("{n} script", "{n} scripts", 1).format(n="1")])) in warnings
        assert et("{name}: personal data found and replaced by placeholders such as [EMAIL] in the stored "
                  "passages ({kinds}). Students will not see it.").format(
            name=name, kinds=et("e-mail addresses")) in warnings
        errors = [e.value for e in at.error]
        assert errors == [
            et("{name}: not added. {error}").format(name="broken.pdf", error=et(
                "The file could not be read: it may be damaged, or its content does not match its type. Open "
                "it, save it again and upload the new copy.")),
            et("{name}: not added. {error}").format(name="empty.txt", error=et(
                "No text was found in it. A scanned PDF needs text recognition (OCR) before it can be added."))]
        assert not any(word in " ".join(errors) for word in ("Error", "Exception", "/tmp", "localtutor-upload"))
        failed = [(e.action, e.target, e.detail) for e in accounts.db.audit_log(limit=10)
                  if e.actor == teacher.name and e.action == "curriculum.upload_failed"]
        assert sorted(failed) == [("curriculum.upload_failed", "lv/broken.pdf", "unreadable"),
                                  ("curriculum.upload_failed", "lv/empty.txt", "no_text")]
        stored = " ".join(c.text for c in get_curriculum_admin().store.document_chunks("lv", hostile))
        assert "mari.tamm@kool.ee" not in stored and "evil.example" not in stored and "[EMAIL]" in stored
    finally:
        get_curriculum_admin().store.delete_document("lv", hostile)


UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*[\[<]")  # a [ or < that Markdown would read as syntax


def assert_inert(markdown: str) -> None:
    assert not UNESCAPED.search(markdown), f"renders as Markdown syntax: {markdown!r}"


def test_a_pupils_markdown_image_and_html_are_shown_as_text(accounts: Accounts,
                                                            make_user: Callable[[str], UserRecord]) -> None:
    question = "Mis on pH-skaala? ![x](http://evil.example/p.png) <img src=x onerror=alert(1)> [vajuta](javascript:alert(2))"
    at = open_app(accounts, make_user("student"))
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    asked = at.chat_message[0].markdown[0].value
    assert_inert(asked)
    assert asked.replace("\\", "") == question  # every character is still there to read
    for element in at.chat_message[1].markdown:
        assert_inert(element.value)
    at.run()  # the stored conversation, rendered again
    assert_inert(at.chat_message[0].markdown[0].value)


def test_a_passage_with_markdown_images_and_links_is_cited_as_text(accounts: Accounts,
                                                                   make_user: Callable[[str], UserRecord]) -> None:
    teacher = make_user("teacher")
    name = unique("kuu") + ".txt"  # plain text is stored as it is: only the rendering can keep it inert
    passage = ("Kuu faasid tekivad, sest Kuu tiirleb ümber Maa ja Päike valgustab eri osa. "
               "![faasid](http://evil.example/moon.png) Vaata [pilti](http://evil.example/x) <b>kohe</b>.")
    get_curriculum_admin().upload(teacher, [(name, passage.encode())], "ee")
    try:
        at = open_app(accounts, teacher)
        at.chat_input[0].set_value("Miks tekivad Kuu faasid?").run()
        assert not at.exception, at.exception
        cited = [e for e in at.chat_message[1].expander if name.split(".")[0].split("-")[-1] in e.label]
        assert cited, [e.label for e in at.chat_message[1].expander]
        assert_inert(cited[0].label)
        text = cited[0].markdown[0].value
        assert "evil.example" in text  # shown, as text
        assert_inert(text)
        assert_inert(at.chat_message[1].markdown[0].value)
    finally:
        get_curriculum_admin().store.delete_document("ee", name)


def test_a_too_long_question_is_refused_at_once_and_not_stored(accounts: Accounts,
                                                               make_user: Callable[[str], UserRecord]) -> None:
    student = make_user("student")
    at = open_app(accounts, student)
    at.chat_input[0].set_value("Miks? " * 700).run()  # 4,200 characters
    assert not at.exception, at.exception
    t = ui("et", "et_EE")
    assert [e.value for e in at.error] == [et(
        "Your question is too long ({n} characters). Questions can have at most {limit} characters: shorten it, "
        "or ask about one part at a time.").format(n=t.number(4200), limit=t.number(4000))]
    assert not at.chat_message
    assert History(accounts.db).conversations.of_user(student.id) == []
