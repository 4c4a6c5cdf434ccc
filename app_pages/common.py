"""Shared, cached services, session-state keys and the role check for the Streamlit pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from tutor.accounts import MIN_PASSWORD, ROLES, Accounts, PermissionDenied, UserRecord, require_role
from tutor.accounts import TEACHING as TEACHING  # the pages import their role sets (with ADMIN) from here
from tutor.browser_session import SESSION_COOKIE, SignInTickets, routes_mounted, session_url, signout_url
from tutor.config import Settings
from tutor.curriculum_admin import CurriculumAdmin
from tutor.documents import Documents
from tutor.first_run import FirstRunCode
from tutor.history import History
from tutor.i18n import UI, ui
from tutor.pipeline import Tutor
from tutor.review import Review
from tutor.signin_throttle import DEVICE_COOKIE, UNKNOWN_CLIENT, Client
from tutor.turns import Turns

# Streamlit draws captions and quoted passages in a faded grey: 3.8:1 on white, under WCAG's 4.5:1 for
# normal text (axe's color-contrast rule, tests/e2e/test_journeys.py). A darker grey gives 7:1.
ACCESSIBLE_CSS = ("<style>[data-testid=stCaptionContainer], [data-testid=stCaptionContainer] p, "
                  "[data-testid=stMarkdownContainer] blockquote, [data-testid=stMarkdownContainer] blockquote p "
                  "{color: #55534f !important; opacity: 1 !important;}</style>")

# Session state keys, named in one place.
LOCALE = "locale"
LANGUAGE = "language"
TOKEN = "session_token"  # the sign-in session token (only its hash is in the database)
COOKIE_TICKET = "session_cookie_ticket"  # the one-time ticket for the cookie route after a sign-in
REJECTED_COOKIE = "session_cookie_rejected"
RETENTION_CHECKED = "retention_checked"
CONVERSATION = "conversation_id"  # absent: open the newest conversation; None: a new one
FLASH = "flash_messages"  # confirmations kept until the next run shows them (they survive st.rerun)
LANGUAGE_LOADED = "language_loaded"  # the user's saved language was applied to this session
LANGUAGE_CHOSEN = "language_chosen"  # the language was picked on the sign-in page: it becomes the saved one
SHOW_ILLUSTRATIVE = "show_illustrative"  # the administrator's setting: pupils may pick illustrative profiles
SIGN_IN_LANGUAGES = ("et", "ru", "en")
ADMIN = ("admin",)


@dataclass(frozen=True)
class Services:
    tutor: Tutor
    accounts: Accounts
    tickets: SignInTickets
    history: History
    curriculum: CurriculumAdmin
    first_run: FirstRunCode
    review: Review
    turns: Turns
    documents: Documents


@st.cache_resource(show_spinner="Loading the tutor…")
def _services(_settings: Settings, configuration: str) -> Services:
    """One tutor (embedder, store, guard, backend) and its app services per server process and configuration."""
    from tutor.services import Services as Parts  # the composition root shared with the CLI

    parts = Parts(_settings)
    return Services(parts.tutor, parts.accounts, SignInTickets(parts.accounts.sessions), parts.history,
                    CurriculumAdmin(parts.ingestor, parts.database), FirstRunCode(parts.database),
                    Review(parts.database), parts.turns, parts.documents)


def services() -> Services:
    settings = Settings()  # cheap; keyed by the whole configuration, so a changed home or backend gets its own
    return _services(settings, settings.model_dump_json())


def get_tutor() -> Tutor:
    return services().tutor


def get_accounts() -> Accounts:
    return services().accounts


def get_tickets() -> SignInTickets:
    return services().tickets


def get_history() -> History:
    return services().history


def get_turns() -> Turns:
    return services().turns


def get_curriculum_admin() -> CurriculumAdmin:
    return services().curriculum


def get_documents() -> Documents:
    return services().documents


def get_first_run() -> FirstRunCode:
    return services().first_run


def get_review() -> Review:
    return services().review


def students_in_view(user: UserRecord) -> set[int] | None:
    """Whose messages ``user`` reviews: a teacher their classes' pupils, an administrator everyone (None)."""
    return None if user.role == "admin" else get_accounts().classes.students_of(user.id)


def without_students(t: UI, students: set[int] | None) -> bool:
    """True (and says so) when a teacher has no pupils in any class yet, so a review page has nothing to show."""
    if students is not None and not students:
        st.info(t._("You have no students yet: an administrator adds you and your students to a class."))
        return True
    return False


def enabled_locales(tutor: Tutor) -> list[str]:
    """Enabled, valid profiles; read on every rerun, so an admin's toggle applies at once.

    A broken installed profile is skipped here (and reported in the admin area), never fatal.
    """
    return tutor.profiles.enabled_ids()


def pupil_locales(tutor: Tutor, user: UserRecord) -> list[str]:
    """The profiles ``user`` may pick in the chat: pupils do not see illustrative examples (a sketch for
    other countries) unless an administrator shows them."""
    locales = enabled_locales(tutor)
    if user.role != "student" or (tutor.database is not None
                                  and tutor.database.get_setting(SHOW_ILLUSTRATIVE) == "1"):
        return locales
    real = [i for i in locales if not tutor.profiles.get(i).illustrative]
    return real or locales


def default_locale(tutor: Tutor, locales: list[str]) -> str:
    """The administrator's default profile when it is enabled, else Estonia, else the first enabled one."""
    chosen = tutor.database.default_profile() if tutor.database is not None else None
    if chosen in locales:
        return str(chosen)
    return "ee" if "ee" in locales else locales[0]


def session_locale(tutor: Tutor) -> str | None:
    locales = enabled_locales(tutor)
    if not locales:
        return None
    current = st.session_state.get(LOCALE)
    return current if current in locales else default_locale(tutor, locales)


def session_ui(tutor: Tutor) -> UI:
    """The UI language chosen in this session (sign-in page or chat sidebar) under the active profile."""
    locale = session_locale(tutor)
    language = st.session_state.get(LANGUAGE)
    if locale is None:
        return ui(language if language in SIGN_IN_LANGUAGES else "en")
    profile = tutor.profiles.get(locale)
    if language not in profile.languages and language not in SIGN_IN_LANGUAGES:
        language = profile.default_language
    return ui(language, profile.babel_locale)


def apply_saved_language(user: UserRecord) -> None:
    """Once per browser session: the language this user chose last, or the one just picked at sign-in
    (which then becomes their saved choice)."""
    if st.session_state.get(LANGUAGE_LOADED):
        return
    st.session_state[LANGUAGE_LOADED] = True
    if st.session_state.pop(LANGUAGE_CHOSEN, False) and st.session_state.get(LANGUAGE):
        get_accounts().preferences.set_language(user, st.session_state[LANGUAGE])
        return
    saved = get_accounts().preferences.language(user.id)
    if saved:
        st.session_state[LANGUAGE] = saved


def save_language(user: UserRecord) -> None:
    """on_change of a language picker: keep the choice for this user's next visit."""
    language = st.session_state.get(LANGUAGE)
    if language:
        get_accounts().preferences.set_language(user, language)


def flash(kind: str, text: str) -> None:
    """Keep a confirmation (``success``, ``info``, ``warning``, ``error``) until the next run shows it, so it
    survives the ``st.rerun()`` that follows an action."""
    st.session_state.setdefault(FLASH, []).append((kind, text))


def show_flashed() -> None:
    """Show, once, the confirmations kept by :func:`flash` (called by app.py before the page runs)."""
    for kind, text in st.session_state.pop(FLASH, []):
        {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}[kind](text)


def request_client() -> Client:
    """This browser as the sign-in throttle sees it: its IP address and its device cookie.

    Behind a reverse proxy on the same host, uvicorn takes the address from X-Forwarded-For.
    """
    try:
        return Client.of(st.context.ip_address, st.context.cookies.get(DEVICE_COOKIE))
    except Exception:  # no browser behind this run (AppTest, bare mode)
        return UNKNOWN_CLIENT


def _cookie_token() -> str | None:
    """The session token the browser sent in its cookie (read once per browser tab)."""
    try:
        token = st.context.cookies.get(SESSION_COOKIE)
    except Exception:  # no browser behind this run (AppTest, bare mode)
        return None
    if not isinstance(token, str) or not token:
        return None
    return token if token != st.session_state.get(REJECTED_COOKIE) else None


def start_session(user: UserRecord) -> None:
    """Sign ``user`` in to this tab, and (under ``localtutor serve``) ask for the HttpOnly cookie that
    keeps the sign-in across reloads: :func:`remember_session` sends the browser for it."""
    token = get_accounts().sessions.create(user)
    st.session_state[TOKEN] = token
    if routes_mounted():
        st.session_state[COOKIE_TICKET] = get_tickets().issue(token)


def remember_session() -> None:
    """Send the browser once to the cookie route with the one-time ticket of a fresh sign-in.

    The route sets the session cookie (HttpOnly, SameSite=Strict) and brings the browser back, so
    the token is never in the page; see tutor/browser_session.py.
    """
    ticket = st.session_state.pop(COOKIE_TICKET, None)
    if ticket:
        _navigate(session_url(ticket))


def _navigate(url: str) -> None:
    """Send the browser to ``url`` on this server: the message st.login and st.logout use to leave the app."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    if context is None:
        return
    message = ForwardMsg()
    message.auth_redirect.url = url
    context.enqueue(message)


def signed_in_user() -> UserRecord | None:
    """The user of this browser session, resolved through Accounts on every rerun.

    The token comes from this tab's session state, or from the session cookie after a reload.
    An expired, ended or disabled session clears the token, so the app shows the sign-in page.
    """
    token = st.session_state.get(TOKEN)
    from_cookie = False
    if not token:
        token, from_cookie = _cookie_token(), True
        if not token:
            return None
    user = get_accounts().sessions.resolve(token)
    if user is not None and from_cookie:
        st.session_state[TOKEN] = token
    if user is None:
        if from_cookie:
            st.session_state[REJECTED_COOKIE] = token  # do not look it up on every rerun
            return None
        st.session_state.pop(TOKEN, None)
        _forget_session()
    return user


def _forget_session() -> None:
    """After a session ended: drop the open conversation, and the identity provider's sign-in, whose
    cookie must not sign the user straight back in."""
    st.session_state.pop(CONVERSATION, None)
    st.session_state.pop(LANGUAGE_LOADED, None)
    if sso_configured() and st.user.is_logged_in:
        st.logout()


def current_user(*roles: str) -> tuple[UserRecord, UI]:
    """The signed-in user when their role is one of ``roles`` (all roles when none given).

    Called at the top of every page: otherwise a localized error is shown and the page stops, so a
    page reached by URL or a stale link does nothing for the wrong role.
    """
    tutor = get_tutor()
    t = session_ui(tutor)
    user = signed_in_user()
    try:
        require_role(user, *(roles or ROLES))
    except PermissionDenied:
        if user is None:
            st.error(t._("Please sign in first."))
        else:
            st.error(t._("You are not allowed to open this page."))
        st.stop()
    assert user is not None
    return user, t


def guarded(t: UI, user: UserRecord, roles: tuple[str, ...], action: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``action`` only after re-checking the role (the session may have changed since the page loaded).

    Returns the action's result, or None after showing a localized error.
    """
    fresh = signed_in_user()
    try:
        require_role(fresh, *roles)
        if fresh is None or fresh.id != user.id:
            raise PermissionDenied("the session changed")
    except PermissionDenied:
        st.error(t._("You are not allowed to do this."))
        return None
    return action(*args, **kwargs)


def permitted(t: UI, user: UserRecord, roles: tuple[str, ...], action: Any, *args: Any, **kwargs: Any) -> bool:
    """:func:`guarded` for an action that returns nothing: True when it ran."""
    ran = False

    def run() -> None:
        nonlocal ran
        action(*args, **kwargs)
        ran = True

    guarded(t, user, roles, run)
    return ran


def passage_label(t: UI, number: int, source: str, page: int | None, section: str | None) -> str:
    """"[n] source · page N · section": how a cited or retrieved passage is named everywhere."""
    where = [source]
    if page:
        where.append(t._("page {page}").format(page=t.number(page)))
    if section:
        where.append(section)
    return f"[{number}] " + " · ".join(where)


def password_help(t: UI) -> str:
    """The password policy in one sentence, under every field that sets a password."""
    return t.ngettext("At least {n} character, and not easy to guess: no common password, name or simple "
                      "pattern. A phrase of several unrelated words is long and easy to remember.",
                      "At least {n} characters, and not easy to guess: no common password, name or simple "
                      "pattern. A phrase of several unrelated words is long and easy to remember.",
                      MIN_PASSWORD).format(n=t.number(MIN_PASSWORD))


def role_label(t: UI, role: str) -> str:
    _ = t._
    return {"student": _("student"), "teacher": _("teacher"), "admin": _("administrator")}.get(role, role)


def sso_configured() -> bool:
    """Whether the operator configured Streamlit's OIDC sign-in (an ``[auth]`` table in secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def sign_out() -> None:
    """End the session in the database and forget it here; the cookie route then removes the cookie."""
    token = st.session_state.pop(TOKEN, None)
    get_accounts().sessions.end(token)
    st.session_state[REJECTED_COOKIE] = token
    _forget_session()
    if routes_mounted():
        _navigate(signout_url())


def confirmed(t: UI, key: str, label: str, question: str) -> bool:
    """A button that asks "are you sure?" before a destructive action; True once confirmed."""
    where = st
    flag = f"confirm-{key}"
    if where.button(label, key=key):
        st.session_state[flag] = True
    if not st.session_state.get(flag):
        return False
    where.warning(question)
    yes, no = where.columns(2)
    if yes.button(t._("Yes, delete"), key=f"{key}-yes", type="primary"):
        st.session_state.pop(flag, None)
        return True
    if no.button(t._("Cancel"), key=f"{key}-no"):
        st.session_state.pop(flag, None)
        st.rerun()
    return False


def reason_label(t: UI, reason: str) -> str:
    _ = t._
    return {"wrong": _("The answer is wrong"), "unsafe": _("The answer is unsafe"),
            "over_refused": _("It refused a fair question"), "missing_banner": _("A notice was missing"),
            "other": _("Something else")}.get(reason, reason)
