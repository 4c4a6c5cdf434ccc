"""Signing in with a password, slowed down per account and client (``tutor.signin_throttle``).

Unknown names, disabled users and wrong passwords fail alike and take as long, so the answer does
not reveal which names exist.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select

from tutor.accounts.errors import AccountLocked, InvalidCredentials
from tutor.accounts.users import UserRecord, user_record
from tutor.appdb.models import User
from tutor.appdb.repository import Repository
from tutor.clock import Clock, utcnow
from tutor.signin_throttle import UNKNOWN_CLIENT, Client, SignInThrottle

if TYPE_CHECKING:
    from tutor.appdb import AppDatabase


def _key(name: str) -> str:
    return name.strip().lower()[:128]


def _verify(hasher: PasswordHasher, stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class SignIn(Repository):
    """Password sign-in with lock-out: ``max_failures`` failed sign-ins of one client make it wait a
    minute, doubling up to ``lock_window``."""

    def __init__(self, database: AppDatabase, hasher: PasswordHasher, *, clock: Clock = utcnow,
                 max_failures: int = 5, lock_window: timedelta = timedelta(minutes=15)) -> None:
        super().__init__(database, clock=clock)
        self.hasher = hasher
        self.throttle = SignInThrottle(database, free_failures=max_failures, max_delay=lock_window)
        self._dummy_hash: str | None = None  # hashed on first use: unknown names cost as much as known ones

    def lock_remaining(self, name: str, client: Client = UNKNOWN_CLIENT) -> timedelta | None:
        """How long ``client`` must wait before trying ``name`` again, or None when it may try now."""
        return self.throttle.wait(_key(name), client, self.now())

    def authenticate(self, name: str, password: str, client: Client = UNKNOWN_CLIENT) -> UserRecord:
        """The user for ``name``/``password``; raises AccountLocked or InvalidCredentials.

        Unknown names, disabled users and wrong passwords fail alike (and take as long), so the
        answer does not reveal which names exist. Attempts count per name and client, known name or not.
        """
        key = _key(name)
        remaining = self.lock_remaining(key, client)
        if remaining is not None:
            raise AccountLocked(remaining)
        record: UserRecord | None = None
        with self.db.session() as session, session.begin():
            user = session.scalar(select(User).where(User.name == key))
            if user is None or user.password_hash is None:
                if self._dummy_hash is None:
                    self._dummy_hash = self.hasher.hash(secrets.token_hex(16))
                _verify(self.hasher, self._dummy_hash, password + "\0")  # the same work as a real check
            elif _verify(self.hasher, user.password_hash, password) and not user.disabled:
                if self.hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = self.hasher.hash(password)
                record = user_record(user)
            self.throttle.record(session, key, client, record is not None, self.now())
        if record is None:
            remaining = self.lock_remaining(key, client)
            if remaining is not None:
                raise AccountLocked(remaining)
            raise InvalidCredentials("wrong user name or password")
        return record

    def remember_device(self, name: str, client: Client) -> None:
        """Note that ``client``'s browser signed in as ``name`` (its own failures then count apart)."""
        with self.db.session() as session, session.begin():
            self.throttle.record(session, name, client, True, self.now())

    def purge_attempts(self) -> int:
        """Forget sign-in attempts older than the throttle's memory; returns how many."""
        return self.throttle.purge(self.now())
