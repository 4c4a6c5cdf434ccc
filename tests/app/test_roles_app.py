"""Sign-in, first run, and every role boundary, through the real app (AppTest) on the seeded home."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.common import TOKEN
from tests.app.conftest import APP, PASSWORD, home_accounts, open_app, page_text, unique
from tutor.accounts import AccountLocked, Accounts, UserRecord
from tutor.first_run import FirstRunCode
from tutor.history import History
from tutor.i18n import ui

PAGES = Path(APP).parent / "app_pages"
TEACHER_PAGES = ["curriculum.py", "flags.py", "reports.py", "gaps.py"]
ADMIN_PAGES = ["admin_profiles.py", "admin_dashboards.py", "admin_audit.py", "admin_users.py", "admin_retention.py"]
et = ui("et")._


def button(at: AppTest, label: str):  # noqa: ANN201 - AppTest's Button
    return next(b for b in at.button if b.label == label)


def sign_in_form(at: AppTest, name: str, password: str, lang: str = "et") -> AppTest:
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    return button(at, ui(lang)._("Sign in")).click().run()


def open_page_file(accounts: Accounts, user: UserRecord | None, page: str) -> AppTest:
    """Run one page's script on its own, as if reached by URL: only its own check stands in the way."""
    at = AppTest.from_file(str(PAGES / page), default_timeout=120)
    if user is not None:
        at.session_state[TOKEN] = accounts.sessions.create(user)
    at.run()
    assert not at.exception, at.exception
    return at


def assert_no_actions(at: AppTest) -> None:
    assert not at.button and not at.toggle and not at.file_uploader and not at.text_input
    assert not at.get("download_button") and not at.get("arrow_data_frame") and not at.chat_input


# -- sign-in --------------------------------------------------------------------------------------
def test_without_a_session_only_the_localized_sign_in_page_shows(
        accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    make_user("student")  # not the first run
    at = open_app(accounts, None)
    assert [t.value for t in at.title] == [et("Sign in to your tutor")]
    assert [w.label for w in at.text_input] == [et("User name"), et("Password")]
    assert not at.chat_input and not at.sidebar.button
    with pytest.raises(ValueError):
        at.switch_page("app_pages/chat.py")  # not even registered before sign-in
    at.selectbox[0].select("ru").run()
    assert [t.value for t in at.title] == [ui("ru")._("Sign in to your tutor")]


def test_wrong_password_is_refused_with_a_localized_message(accounts: Accounts,
                                                            make_user: Callable[[str], UserRecord]) -> None:
    user = make_user("student")
    at = open_app(accounts, None)
    at.selectbox[0].select("ru").run()
    sign_in_form(at, user.name, "wrong password!", lang="ru")
    assert [e.value for e in at.error] == [ui("ru")._("Wrong user name or password.")]
    assert not at.chat_input and TOKEN not in at.session_state


def test_a_locked_account_is_told_how_long_to_wait(accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    user = make_user("student")
    for _ in range(5):  # LOCALTUTOR_LOGIN_MAX_FAILURES
        try:
            accounts.sign_in.authenticate(user.name, "wrong password!")
        except AccountLocked:
            break
        except Exception:  # noqa: BLE001 - InvalidCredentials until the lock starts
            pass
    at = open_app(accounts, None)
    sign_in_form(at, user.name, PASSWORD)  # even the right password waits for the lock
    t = ui("et", "et_EE")
    expected = t.ngettext("Too many failed sign-ins. Try again in {n} minute.",
                          "Too many failed sign-ins. Try again in {n} minutes.", 1).format(n="1")
    assert [e.value for e in at.error] == [expected]
    assert not at.chat_input


def test_sign_in_opens_the_tutor_and_sign_out_ends_the_session(accounts: Accounts,
                                                               make_user: Callable[[str], UserRecord]) -> None:
    user = make_user("teacher")
    at = open_app(accounts, None)
    sign_in_form(at, user.name.upper(), PASSWORD)  # names are case-insensitive
    assert not at.exception, at.exception
    assert at.chat_input, "the tutor opens after signing in"
    token = at.session_state[TOKEN]
    assert accounts.sessions.resolve(token) == user
    assert et("Signed in as {name} ({role})").format(name=user.name, role=et("teacher")) in [
        c.value for c in at.sidebar.caption]
    button(at, et("Sign out")).click().run()
    assert [t.value for t in at.title] == [et("Sign in to your tutor")]
    assert accounts.sessions.resolve(token) is None


def test_an_ended_session_goes_back_to_sign_in(accounts: Accounts, signed_in: Callable[..., AppTest]) -> None:
    at = signed_in("student")
    assert at.chat_input
    accounts.sessions.end(at.session_state[TOKEN])  # e.g. expired, or the password was changed
    at.run()
    assert not at.chat_input and [t.value for t in at.title] == [et("Sign in to your tutor")]


def _first_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> tuple[AppTest, str]:
    """A fresh machine (no users, no curriculum): the first-run form, and the setup code from the server log."""
    monkeypatch.setenv("LOCALTUTOR_HOME", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    with caplog.at_level(logging.WARNING, logger="localtutor"):
        at.run()
    assert not at.exception, at.exception
    codes = [m.group(0) for r in caplog.records if (m := re.search(r"(?:[0-9A-Z]{4}-){4}[0-9A-Z]{4}", r.getMessage()))]
    assert len(codes) == 1, "the server log shows one setup code"
    return at, codes[0]


def _fill_first_run(at: AppTest, code: str, name: str, password: str, again: str) -> AppTest:
    for widget, value in zip(at.text_input, (code, name, password, again), strict=True):
        widget.input(value)
    return button(at, et("Create administrator")).click().run()


def test_first_run_creates_the_first_administrator_with_the_setup_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    at, code = _first_run(tmp_path, monkeypatch, caplog)
    assert [t.value for t in at.title] == [et("Welcome to localtutor")]
    assert [w.label for w in at.text_input][0] == et("Setup code from the server log")
    assert code not in page_text(at) and code.replace("-", "") not in page_text(at)
    _fill_first_run(at, "0000-0000-0000-0000-0000", "Principal", "a long password", "a long password")
    assert [e.value for e in at.error] == [et("That is not the setup code. Copy it from the server log, where the "
                                              "server printed it when it started.")]
    assert code not in page_text(at).replace("0000-0000-0000-0000-0000", "")
    _fill_first_run(at, code, "Principal", "a long password", "a different one")
    assert [e.value for e in at.error] == [et("The passwords do not match.")]
    _fill_first_run(at, code.lower(), "Principal", "password1234", "password1234")
    assert [e.value for e in at.error] == [et("This password is too easy to guess (a common password, a name or a "
                                              "simple pattern). Use a longer phrase of several unrelated words.")]
    _fill_first_run(at, code.lower(), "Principal", "a long password", "a long password")  # case does not matter
    assert not at.exception, at.exception
    accounts = home_accounts(tmp_path)
    (admin,) = accounts.users.all()
    assert (admin.name, admin.role) == ("principal", "admin")
    assert accounts.sessions.resolve(at.session_state[TOKEN]) == admin
    at.switch_page("app_pages/admin_users.py").run()  # signed in as the new administrator
    assert not at.exception and not at.error
    assert not FirstRunCode(accounts.db).verify(code), "the code expires once an administrator exists"


# -- navigation and page checks per role -----------------------------------------------------------
def test_a_student_sees_only_tutor_and_rules(signed_in: Callable[..., AppTest]) -> None:
    at = signed_in("student")
    for page in TEACHER_PAGES + ADMIN_PAGES:
        with pytest.raises(ValueError, match="Known pages"):
            at.switch_page(f"app_pages/{page}")
    at.switch_page("app_pages/transparency.py").run()
    assert not at.exception and not at.error


@pytest.mark.parametrize("page", TEACHER_PAGES + ADMIN_PAGES)
def test_a_student_reaching_a_teacher_or_admin_page_gets_an_error_and_no_actions(
        page: str, accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    at = open_page_file(accounts, make_user("student"), page)
    assert [e.value for e in at.error] == [et("You are not allowed to open this page.")]
    assert_no_actions(at)


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_a_teacher_cannot_open_admin_pages(page: str, accounts: Accounts,
                                           make_user: Callable[[str], UserRecord]) -> None:
    at = open_page_file(accounts, make_user("teacher"), page)
    assert [e.value for e in at.error] == [et("You are not allowed to open this page.")]
    assert_no_actions(at)


def test_nobody_signed_in_cannot_open_any_page(accounts: Accounts) -> None:
    at = open_page_file(accounts, None, "admin_users.py")
    assert [e.value for e in at.error] == [et("Please sign in first.")]
    assert_no_actions(at)


def test_a_teacher_has_curriculum_and_flags_but_no_admin_pages(signed_in: Callable[..., AppTest]) -> None:
    at = signed_in("teacher")
    for page in ADMIN_PAGES:
        with pytest.raises(ValueError, match="Known pages"):
            at.switch_page(f"app_pages/{page}")
    at.switch_page("app_pages/curriculum.py").run()
    assert not at.exception and not at.error and at.file_uploader
    at.switch_page("app_pages/flags.py").run()
    assert not at.exception and not at.error


def test_an_admin_opens_every_page(signed_in: Callable[..., AppTest]) -> None:
    at = signed_in("admin")
    for page in TEACHER_PAGES + ADMIN_PAGES + ["transparency.py", "chat.py"]:
        at.switch_page(f"app_pages/{page}").run()
        assert not at.exception, (page, at.exception)
        assert not at.error, (page, [e.value for e in at.error])


def test_a_demoted_teacher_loses_the_flags_page_at_the_next_click(
        accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    history = History(accounts.db)
    student = make_user("student")
    flag = history.flags.add(student.id, "weapons", f"flag for {unique('x')}", locale="ee")
    teacher = make_user("teacher")
    school_class = accounts.classes.add(unique("class"), actor="test").name
    accounts.classes.set_members(school_class, [teacher.name, student.name], join=True, actor="test")
    at = open_app(accounts, teacher, page="app_pages/flags.py")
    assert flag.excerpt in [t.value for t in at.text]
    accounts.users.set_role(teacher.name, "student", actor="test")  # demoted while the page is open
    at.button(key=f"flag-seen-{flag.id}").click().run()
    assert not at.exception
    assert not [b for b in at.button if b.key == f"flag-seen-{flag.id}"] and at.chat_input  # back to the tutor
    assert not next(f for f in history.flags.find() if f.id == flag.id).seen


def test_an_action_callback_rechecks_the_role_before_it_runs(
        accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    make_user("admin")  # so that the other one can be demoted
    admin = make_user("admin")
    at = open_app(accounts, admin, page="app_pages/admin_profiles.py")
    switch = at.button(key="profile-switch-lv")
    assert switch.label == et("Switch off")
    accounts.users.set_role(admin.name, "teacher", actor="test")
    switch.click().run()  # the button's callback runs before any page code
    assert et("You are not allowed to do this.") in [e.value for e in at.error]
    state = accounts.db.profile_states().get("lv")
    assert state is None or state.enabled
    assert not [e for e in accounts.db.audit_log(limit=20) if e.actor == admin.name and e.action.startswith("profile.")]


AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "localtutor",
        "client_secret": "s", "server_metadata_url": "https://idp.example.ee/.well-known/openid-configuration"}


def _with_sso(user: dict[str, object]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["auth"] = AUTH
    at.user = user  # what a real server's st.user holds (AppTest's secrets do not reach st.user)
    at.run()
    assert not at.exception, at.exception
    return at


def test_single_sign_on_is_offered_only_when_the_operator_configured_it(
        make_user: Callable[[str], UserRecord]) -> None:
    make_user("student")  # past the first run: the sign-in page
    plain = AppTest.from_file(APP, default_timeout=120)
    plain.run()
    sso_label = ui("et")._("Sign in with your school account")
    assert sso_label not in [b.label for b in plain.button]
    configured = _with_sso({"is_logged_in": False})
    assert sso_label in [b.label for b in configured.button]
    assert [ti.label for ti in configured.text_input][:1] == [ui("et")._("User name")]  # passwords still work


def test_a_user_signed_in_at_the_identity_provider_gets_an_account_and_a_session(
        accounts: Accounts, make_user: Callable[[str], UserRecord]) -> None:
    make_user("student")
    email = f"{unique('kati')}@kool.ee"
    at = _with_sso({"is_logged_in": True, "email": email, "groups": ["7B"]})
    assert at.chat_input, "signed in: the tutor is shown"
    account = accounts.users.get(email)
    assert account is not None and account.role == "student" and not account.has_password
    assert any(e.action == "user.add" and e.actor == "sso" and e.target == email for e in accounts.db.audit_log(50))
