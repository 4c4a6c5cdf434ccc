"""Sign-in sessions: a random token for the browser, only its SHA-256 stored (a copy of the database
does not let anyone sign in); sessions end when they expire, stay idle too long, or the user is disabled."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from tutor.accounts.users import UserRecord, user_record
from tutor.appdb.models import User, UserSession
from tutor.appdb.repository import Repository
from tutor.clock import Clock, utc, utcnow

if TYPE_CHECKING:
    from tutor.appdb import AppDatabase


def token_hash(token: str) -> str:
    """What is stored of a session token (or a ticket for one)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Sessions(Repository):
    """Live sign-in sessions: at most ``ttl`` long, and ``idle_timeout`` (None: no limit) without use."""

    def __init__(self, database: AppDatabase, *, clock: Clock = utcnow, ttl: timedelta = timedelta(hours=12),
                 idle_timeout: timedelta | None = timedelta(hours=2)) -> None:
        super().__init__(database, clock=clock)
        self.ttl = ttl
        self.idle_timeout = idle_timeout

    def create(self, user: UserRecord) -> str:
        """A new session token for ``user`` (give it to the browser; only its hash is stored)."""
        token = secrets.token_urlsafe(32)
        now = self.now()
        with self.db.session() as session, session.begin():
            session.add(UserSession(token_hash=token_hash(token), user_id=user.id, created_at=now,
                                    expires_at=now + self.ttl, last_seen=now))
            session.execute(delete(UserSession).where(UserSession.expires_at < now))
        return token

    def resolve(self, token: str | None) -> UserRecord | None:
        """The user of a live session (touching ``last_seen``), or None when unknown, expired or idle."""
        if not token:
            return None
        now = self.now()
        with self.db.session() as session, session.begin():
            row = session.scalar(select(UserSession).where(UserSession.token_hash == token_hash(token)))
            if row is None:
                return None
            idle = self.idle_timeout is not None and utc(row.last_seen) + self.idle_timeout <= now
            if utc(row.expires_at) <= now or idle:
                session.delete(row)
                return None
            user = session.get(User, row.user_id)
            if user is None or user.disabled:
                session.delete(row)
                return None
            row.last_seen = now
            return user_record(user)

    def renew(self, hashed: str) -> tuple[UserRecord, str] | None:
        """End the live session whose token hashes to ``hashed`` and start a new one for its user.

        The sign-in cookie route uses it, so the token the browser keeps has never been anywhere else.
        """
        with self.db.session() as session, session.begin():
            row = session.scalar(select(UserSession).where(UserSession.token_hash == hashed))
            if row is None or utc(row.expires_at) <= self.now():
                if row is not None:
                    session.delete(row)
                return None
            session.delete(row)
            user = session.get(User, row.user_id)
            record = user_record(user) if user is not None and not user.disabled else None
        return None if record is None else (record, self.create(record))

    def end(self, token: str | None) -> None:
        if not token:
            return
        with self.db.session() as session, session.begin():
            session.execute(delete(UserSession).where(UserSession.token_hash == token_hash(token)))
