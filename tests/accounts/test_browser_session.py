"""The HttpOnly sign-in cookie: one-time tickets in the database, and the routes `localtutor serve` mounts."""

from __future__ import annotations

import signal
from http.cookies import SimpleCookie
from pathlib import Path

from tests.accounts.conftest import FakeClock
from tests.helpers import ServeProcess, free_port, http_get, set_cookies
from tutor.accounts import Accounts
from tutor.appdb import AppDatabase
from tutor.browser_session import SESSION_COOKIE, SignInTickets
from tutor.signin_throttle import DEVICE_COOKIE

PASSWORD = "correct horse battery"


def test_a_ticket_works_once_and_swaps_the_session(accounts: Accounts) -> None:
    user = accounts.users.add("ana", "student", PASSWORD, actor="root")
    tab_token = accounts.sessions.create(user)
    tickets = SignInTickets(accounts.sessions)
    ticket = tickets.issue(tab_token)
    redeemed = tickets.redeem(ticket)
    assert redeemed is not None
    who, cookie_token = redeemed
    assert who == user and cookie_token != tab_token
    assert accounts.sessions.resolve(cookie_token) == user
    assert accounts.sessions.resolve(tab_token) is None  # the token that was in the app is gone
    assert tickets.redeem(ticket) is None and tickets.redeem("made-up") is None


def test_a_ticket_expires_after_a_minute(accounts: Accounts, clock: FakeClock) -> None:
    user = accounts.users.add("ana", "student", PASSWORD, actor="root")
    tickets = SignInTickets(accounts.sessions)
    ticket = tickets.issue(accounts.sessions.create(user))
    clock.advance(seconds=61)
    assert tickets.redeem(ticket) is None


def test_the_serve_routes_set_an_httponly_cookie_and_remove_it_at_sign_out(tmp_path: Path) -> None:
    home, port = tmp_path / "home", free_port()
    with ServeProcess(home, port) as server:
        database = AppDatabase(f"sqlite:///{home / 'localtutor.sqlite3'}")
        accounts = Accounts(database)
        user = accounts.users.add("ana", "student", PASSWORD, actor="root")
        tickets = SignInTickets(accounts.sessions)

        ticket = tickets.issue(accounts.sessions.create(user))
        response = http_get(port, f"/_localtutor/session?ticket={ticket}")
        assert response.status == 303 and response.headers["Location"] == "/"
        cookies = set_cookies(response)
        session = cookies[SESSION_COOKIE]
        assert "HttpOnly" in session and "SameSite=strict" in session and "Path=/" in session
        assert "Secure" not in session  # plain http on loopback
        token = SimpleCookie(session)[SESSION_COOKIE].value
        assert accounts.sessions.resolve(token) == user
        assert int(SimpleCookie(session)[SESSION_COOKIE]["max-age"]) == 12 * 3600
        assert "HttpOnly" in cookies[DEVICE_COOKIE]
        assert not set_cookies(http_get(port, f"/_localtutor/session?ticket={ticket}"))  # used once

        # Behind a TLS proxy on this host: uvicorn trusts X-Forwarded-Proto from 127.0.0.1.
        ticket = tickets.issue(accounts.sessions.create(user))
        proxied = http_get(port, f"/_localtutor/session?ticket={ticket}", {"X-Forwarded-Proto": "https",
                                                                         "X-Forwarded-For": "203.0.113.9"})
        assert "Secure" in set_cookies(proxied)[SESSION_COOKIE]

        signed_out = http_get(port, "/_localtutor/signout", {"Cookie": f"{SESSION_COOKIE}={token}"})
        assert signed_out.status == 303
        removed = set_cookies(signed_out)[SESSION_COOKIE]
        assert 'localtutor_session=""' in removed and "Max-Age=0" in removed
        assert accounts.sessions.resolve(token) is None
        assert server.stop(signal.SIGTERM) == 0
