"""Secure defaults as a user meets them in the app (AppTest on the seeded home)."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from tests.app.conftest import PASSWORD, open_app
from tutor.accounts import Accounts, InvalidCredentials, UserRecord
from tutor.i18n import ui

et = ui("et")._


def form_button(at: AppTest, label: str):  # noqa: ANN201 - AppTest's Button
    return next(b for b in at.button if b.label == label)


def test_an_admin_resets_a_password_on_the_users_page(accounts: Accounts,
                                                      make_user: Callable[[str], UserRecord]) -> None:
    student, admin = make_user("student"), make_user("admin")
    token = accounts.create_session(student)
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
    assert accounts.resolve_session(token) is None
    assert accounts.authenticate(student.name, "sinine rong sõidab tartusse").id == student.id
    try:
        accounts.authenticate(student.name, PASSWORD)
        raise AssertionError("the old password still works")
    except InvalidCredentials:
        pass
    entry = accounts.db.audit_log(limit=1)[0]
    assert (entry.actor, entry.action, entry.target) == (admin.name, "user.password", student.name)
