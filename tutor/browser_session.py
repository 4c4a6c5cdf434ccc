"""The sign-in cookie, set by the server as HttpOnly so that no script in the page can read it.

A Streamlit script talks to the browser over a WebSocket and cannot set an HTTP header. So after
a sign-in the app issues a one-time ticket (valid :data:`TICKET_TTL`, only its hash stored) and
sends the browser to ``/_localtutor/session?ticket=...``, a route mounted next to the app through
Streamlit's ``st.App``. The route swaps the ticket for a fresh session, sets it in an HttpOnly,
SameSite=Strict cookie (``Secure`` over https) and sends the browser back to the app, which reads
the cookie with ``st.context.cookies`` on every new connection. ``/_localtutor/signout`` removes it.
The same route gives the browser a device cookie, so the sign-in throttle knows it next time.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, select

from tutor.accounts import Accounts, Sessions, UserRecord
from tutor.accounts.sessions import token_hash
from tutor.appdb.models import SignInTicket
from tutor.clock import utc
from tutor.signin_throttle import DEVICE_COOKIE, Client

SESSION_COOKIE = "localtutor_session"
SESSION_PATH = "_localtutor/session"
SIGNOUT_PATH = "_localtutor/signout"
TICKET_TTL = timedelta(seconds=60)
DEVICE_MAX_AGE = timedelta(days=365)
_mounted: list[bool] = []  # the routes exist in this process (served by asgi.py, not bare `streamlit run`)


class SignInTickets:
    """One-time tickets from a session token in the app to a session cookie in the browser."""

    def __init__(self, sessions: Sessions, *, ttl: timedelta = TICKET_TTL) -> None:
        self.sessions = sessions
        self.ttl = ttl

    def issue(self, token: str) -> str:
        """A ticket for the session ``token`` (which the route will end and replace)."""
        ticket = secrets.token_urlsafe(32)
        now = self.sessions.now()
        with self.sessions.db.session() as session, session.begin():
            session.execute(delete(SignInTicket).where(SignInTicket.expires_at < now))
            session.add(SignInTicket(ticket_hash=token_hash(ticket), session_hash=token_hash(token),
                                     expires_at=now + self.ttl))
        return ticket

    def redeem(self, ticket: str) -> tuple[UserRecord, str] | None:
        """The user and a new session token for a live, unused ticket; None otherwise. A ticket works once."""
        with self.sessions.db.session() as session, session.begin():
            row = session.scalar(select(SignInTicket).where(SignInTicket.ticket_hash == token_hash(ticket)))
            if row is None:
                return None
            session.delete(row)
        if utc(row.expires_at) <= self.sessions.now():
            return None
        return self.sessions.renew(row.session_hash)


def routes_mounted() -> bool:
    """Whether this server can set the cookie (``localtutor serve``); else the sign-in lasts for the tab."""
    return bool(_mounted)


def session_url(ticket: str) -> str:
    return _url(SESSION_PATH) + "?ticket=" + ticket


def signout_url() -> str:
    return _url(SIGNOUT_PATH)


def _url(path: str) -> str:
    from streamlit import config
    from streamlit.url_util import make_url_path

    return make_url_path(config.get_option("server.baseUrlPath") or "", path) or "/"


@lru_cache(maxsize=1)
def _services() -> tuple[Accounts, SignInTickets, float]:
    from tutor.services import Services

    services = Services()
    return services.accounts, SignInTickets(services.accounts.sessions), services.settings.session_hours * 3600


def _cookie(response: Any, request: Any, name: str, value: str, max_age: int) -> None:
    # Behind a TLS proxy on this host uvicorn takes the scheme from X-Forwarded-Proto.
    response.set_cookie(name, value, max_age=max_age, path="/", httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")


def _back_to_app() -> Any:
    from starlette.responses import RedirectResponse

    response = RedirectResponse(_url(""), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the ticket is in this page's URL
    return response


def session_route(request: Any) -> Any:
    """GET /_localtutor/session?ticket=...: a valid ticket becomes the HttpOnly session cookie."""
    accounts, tickets, max_age = _services()
    response = _back_to_app()
    redeemed = tickets.redeem(request.query_params.get("ticket", ""))
    if redeemed is not None:
        user, token = redeemed
        _cookie(response, request, SESSION_COOKIE, token, int(max_age))
        device = request.cookies.get(DEVICE_COOKIE) or secrets.token_urlsafe(32)
        _cookie(response, request, DEVICE_COOKIE, device, int(DEVICE_MAX_AGE.total_seconds()))
        accounts.sign_in.remember_device(user.name, Client.of(request.client.host if request.client else "", device))
    return response


def signout_route(request: Any) -> Any:
    """GET /_localtutor/signout: end the cookie's session (if any) and remove the cookie."""
    accounts, _tickets, _max_age = _services()
    accounts.sessions.end(request.cookies.get(SESSION_COOKIE))
    response = _back_to_app()
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")
    return response


def routes() -> list[Any]:
    """The Starlette routes ``asgi.py`` mounts next to the app."""
    from starlette.routing import Route

    _mounted.append(True)
    return [Route(_url(SESSION_PATH), session_route, methods=["GET"]),
            Route(_url(SIGNOUT_PATH), signout_route, methods=["GET"])]
