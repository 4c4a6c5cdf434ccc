"""The only page before sign-in: choose a language, sign in (or create the first administrator)."""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    LANGUAGE,
    LANGUAGE_CHOSEN,
    SIGN_IN_LANGUAGES,
    get_accounts,
    get_first_run,
    get_tutor,
    password_help,
    request_client,
    session_locale,
    sso_configured,
    start_session,
)
from tutor.accounts import (
    MIN_PASSWORD,
    AccountError,
    AccountLocked,
    AuthError,
    PermissionDenied,
    require_role,
)
from tutor.first_run import announce
from tutor.i18n import UI, ui

tutor = get_tutor()
accounts = get_accounts()
locale = session_locale(tutor)
profile = tutor.profiles.get(locale) if locale else None
if st.session_state.get(LANGUAGE) not in SIGN_IN_LANGUAGES:
    default = profile.default_language if profile else "en"
    st.session_state[LANGUAGE] = default if default in SIGN_IN_LANGUAGES else "en"
language = st.selectbox("Language / Keel / Язык", SIGN_IN_LANGUAGES, key=LANGUAGE,
                        format_func=lambda code: ui(code).locale.display_name or code,
                        on_change=lambda: st.session_state.update({LANGUAGE_CHOSEN: True}))
t = ui(language, profile.babel_locale if profile else "")
_ = t._


def sign_in_as(t: UI, user) -> None:  # noqa: ANN001 - a UserRecord
    try:
        require_role(user, "student", "teacher", "admin")
    except PermissionDenied:
        st.error(t._("This account is disabled. Ask an administrator."))
        return
    start_session(user)
    st.rerun()


def first_run_problem(t: UI, code: str) -> str:
    _ = t._
    if code == "short_password":
        return t.ngettext("The password must have at least {n} character.",
                          "The password must have at least {n} characters.", MIN_PASSWORD).format(n=t.number(MIN_PASSWORD))
    if code == "weak_password":
        return _("This password is too easy to guess (a common password, a name or a simple pattern). Use a "
                 "longer phrase of several unrelated words.")
    return _("Use 1 to 128 letters, digits or . _ @ + - in the user name.")


def first_run(t: UI) -> None:
    _ = t._
    codes = get_first_run()
    announce(codes.issue(replace=False))  # a server started with `localtutor serve` printed one already
    st.title(_("Welcome to localtutor"))
    st.info(_("No account exists yet. Create the first administrator: this account can then add teachers "
              "and students and manage the tutor. You need the one-time setup code printed in the server log "
              "(or create the administrator on the server: `localtutor users add NAME --role admin`)."))
    with st.form("first_admin"):
        code = st.text_input(_("Setup code from the server log"), type="password")
        name = st.text_input(_("User name"))
        password = st.text_input(_("Password"), type="password", help=password_help(t))
        again = st.text_input(_("Password again"), type="password")
        submitted = st.form_submit_button(_("Create administrator"), type="primary")
    if not submitted:
        return
    if accounts.users.all():  # someone else finished the first run meanwhile
        st.error(_("An administrator already exists. Sign in instead."))
        return
    if not codes.verify(code):
        st.error(_("That is not the setup code. Copy it from the server log, where the server printed it "
                   "when it started."))
        return
    if password != again:
        st.error(_("The passwords do not match."))
        return
    try:
        user = accounts.users.add(name, "admin", password, actor=name.strip().lower() or "first-run")
    except AccountError as exc:
        st.error(first_run_problem(t, exc.code))
        return
    codes.clear()
    sign_in_as(t, user)


def sign_in(t: UI) -> None:
    _ = t._
    st.title(_("Sign in to your tutor"))
    with st.form("sign_in"):
        name = st.text_input(_("User name"))
        password = st.text_input(_("Password"), type="password")
        submitted = st.form_submit_button(_("Sign in"), type="primary")
    if submitted:
        try:
            user = accounts.sign_in.authenticate(name, password, request_client())
        except AccountLocked as exc:
            minutes = max(1, -(-int(exc.retry_after.total_seconds()) // 60))
            st.error(t.ngettext("Too many failed sign-ins. Try again in {n} minute.",
                                "Too many failed sign-ins. Try again in {n} minutes.", minutes)
                     .format(n=t.number(minutes)))
        except AuthError:
            st.error(_("Wrong user name or password."))
        else:
            sign_in_as(t, user)
    if sso_configured():
        sso(t)


def sso(t: UI) -> None:
    _ = t._
    st.divider()
    if not st.user.is_logged_in:
        st.button(_("Sign in with your school account"), on_click=st.login)
        return
    settings = tutor.settings
    try:
        user = accounts.sso.sign_in(st.user.to_dict(), claim=settings.sso_role_claim, role_map=settings.sso_role_map,
                                    default_role=settings.sso_default_role or None)
    except (PermissionDenied, AccountError):
        st.error(_("Your school account has no access to this tutor. Ask an administrator."))
        st.button(_("Sign out of the school account"), on_click=st.logout)
        return
    sign_in_as(t, user)


if accounts.users.all():
    sign_in(t)
else:
    first_run(t)
