"""Sign-in throttling keyed by account AND client, with waits that double.

A wrong password slows down only the client that typed it: failures count per user name and IP
address, so a classmate guessing at home cannot lock a pupil out at school. A browser that has
signed in as that user before (its device cookie is known for the name) counts only its own
failures, so nobody on the same school network can lock out a pupil on their usual computer
either. After ``free_failures`` consecutive failures the client waits ``first_delay``, and each
further failure doubles the wait up to ``max_delay``; a successful sign-in from that client
starts over. Failures older than ``memory`` are forgotten.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from tutor.appdb import AppDatabase
from tutor.appdb.models import LoginAttempt
from tutor.clock import utc

DEVICE_COOKIE = "localtutor_device"


@dataclass(frozen=True)
class Client:
    """Who is signing in: the IP address ("" unknown or local) and the browser's device hash ("" none)."""

    address: str = ""
    device: str = ""

    @classmethod
    def of(cls, address: str | None, device_cookie: str | None) -> Client:
        """From the request: the address as the server saw it, the device cookie as the browser sent it."""
        device = hashlib.sha256(device_cookie.encode("utf-8")).hexdigest() if device_cookie else ""
        return cls((address or "")[:64], device)


UNKNOWN_CLIENT = Client()  # the command line, tests, or a request without an address


class SignInThrottle:
    """Records sign-in attempts and says how long a client must wait before trying a name again."""

    def __init__(self, database: AppDatabase, *, free_failures: int = 5,
                 first_delay: timedelta = timedelta(minutes=1), max_delay: timedelta = timedelta(minutes=15),
                 memory: timedelta = timedelta(hours=24)) -> None:
        self.db = database
        self.free_failures = free_failures
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.memory = memory

    def wait(self, name: str, client: Client, now: datetime) -> timedelta | None:
        """How long ``client`` must wait before trying ``name`` again, or None when it may try now."""
        with self.db.session() as session:
            failures = self._failures(session, name, client, now)
        if len(failures) < self.free_failures:
            return None
        delay = min(self.max_delay, self.first_delay * 2 ** (len(failures) - self.free_failures))
        remaining = failures[0] + delay - now
        return remaining if remaining > timedelta(0) else None

    def record(self, session: Session, name: str, client: Client, success: bool, now: datetime) -> None:
        """Add an attempt (in the caller's transaction, next to the password check)."""
        session.add(LoginAttempt(name=name, at=now, success=success, client=client.address, device=client.device))

    def purge(self, now: datetime) -> int:
        """Forget failures past ``memory`` and successes older than 90 days (a device unused that long is new)."""
        with self.db.session() as session, session.begin():
            result = session.execute(delete(LoginAttempt).where(or_(
                and_(LoginAttempt.success.is_(False), LoginAttempt.at < now - self.memory),
                LoginAttempt.at < now - timedelta(days=90))))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def _failures(self, session: Session, name: str, client: Client, now: datetime) -> list[datetime]:
        """The client's consecutive failures for ``name`` within ``memory``, newest first."""
        # A browser known for this name answers only for itself; anyone else shares their address.
        scope = LoginAttempt.device == client.device if self._known(session, name, client) \
            else LoginAttempt.client == client.address
        since = now - self.memory
        last_ok = session.scalar(select(func.max(LoginAttempt.at))
                                 .where(LoginAttempt.name == name, scope, LoginAttempt.success.is_(True)))
        if last_ok is not None and utc(last_ok) > since:
            since = utc(last_ok)
        return [utc(at) for at in session.scalars(
            select(LoginAttempt.at).where(LoginAttempt.name == name, scope, LoginAttempt.success.is_(False),
                                          LoginAttempt.at > since).order_by(LoginAttempt.at.desc()))]

    @staticmethod
    def _known(session: Session, name: str, client: Client) -> bool:
        if not client.device:
            return False
        return session.scalar(select(LoginAttempt.id).where(
            LoginAttempt.name == name, LoginAttempt.device == client.device,
            LoginAttempt.success.is_(True)).limit(1)) is not None
