"""The HttpOnly sign-in cookie: one-time tickets in the database, and the routes `localtutor serve` mounts."""

from __future__ import annotations

import http.client
import signal
from http.cookies import SimpleCookie
from pathlib import Path

from tests.accounts.conftest import FakeClock
from tests.helpers import ServeProcess, free_port
from tutor.accounts import Accounts
from tutor.appdb import AppDatabase
from tutor.browser_session import SESSION_COOKIE, SignInTickets
from tutor.signin_throttle import DEVICE_COOKIE

PASSWORD = "correct horse battery"


def test_a_ticket_works_once_and_swaps_the_session(accounts: Accounts) -> None:
    user = accounts.add_user("ana", "student", PASSWORD, actor="root")
    tab_token = accounts.create_session(user)
    tickets = SignInTickets(accounts)
    ticket = tickets.issue(tab_token)
    redeemed = tickets.redeem(ticket)
    assert redeemed is not None
    who, cookie_token = redeemed
    assert who == user and cookie_token != tab_token
    assert accounts.resolve_session(cookie_token) == user
    assert accounts.resolve_session(tab_token) is None  # the token that was in the app is gone
    assert tickets.redeem(ticket) is None and tickets.redeem("made-up") is None


def test_a_ticket_expires_after_a_minute(accounts: Accounts, clock: FakeClock) -> None:
    user = accounts.add_user("ana", "student", PASSWORD, actor="root")
    tickets = SignInTickets(accounts)
    ticket = tickets.issue(accounts.create_session(user))
    clock.advance(seconds=61)
    assert tickets.redeem(ticket) is None


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    return response


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    """Set-Cookie headers by cookie name, as the raw header text (attributes included)."""
    return {header.split("=", 1)[0]: header for header in response.headers.get_all("set-cookie") or []}


def test_the_serve_routes_set_an_httponly_cookie_and_remove_it_at_sign_out(tmp_path: Path) -> None:
    home, port = tmp_path / "home", free_port()
    with ServeProcess(home, port) as server:
        database = AppDatabase(f"sqlite:///{home / 'localtutor.sqlite3'}")
        accounts = Accounts(database)
        user = accounts.add_user("ana", "student", PASSWORD, actor="root")
        tickets = SignInTickets(accounts)

        ticket = tickets.issue(accounts.create_session(user))
        response = _get(port, f"/_localtutor/session?ticket={ticket}")
        assert response.status == 303 and response.headers["Location"] == "/"
        cookies = _cookies(response)
        session = cookies[SESSION_COOKIE]
        assert "HttpOnly" in session and "SameSite=strict" in session and "Path=/" in session
        assert "Secure" not in session  # plain http on loopback
        token = SimpleCookie(session)[SESSION_COOKIE].value
        assert accounts.resolve_session(token) == user
        assert int(SimpleCookie(session)[SESSION_COOKIE]["max-age"]) == 12 * 3600
        assert "HttpOnly" in cookies[DEVICE_COOKIE]
        assert not _cookies(_get(port, f"/_localtutor/session?ticket={ticket}"))  # used once

        # Behind a TLS proxy on this host: uvicorn trusts X-Forwarded-Proto from 127.0.0.1.
        ticket = tickets.issue(accounts.create_session(user))
        proxied = _get(port, f"/_localtutor/session?ticket={ticket}", {"X-Forwarded-Proto": "https",
                                                                         "X-Forwarded-For": "203.0.113.9"})
        assert "Secure" in _cookies(proxied)[SESSION_COOKIE]

        signed_out = _get(port, "/_localtutor/signout", {"Cookie": f"{SESSION_COOKIE}={token}"})
        assert signed_out.status == 303
        removed = _cookies(signed_out)[SESSION_COOKIE]
        assert 'localtutor_session=""' in removed and "Max-Age=0" in removed
        assert accounts.resolve_session(token) is None
        assert server.stop(signal.SIGTERM) == 0
