"""The one-time setup code that protects the first-run form (creating the first administrator).

While no account exists, the server prints a random code in its log; the first-run form asks for
it, so whoever reaches the page first cannot take the installation over without access to the
server. Only its SHA-256 is stored. The code stops working as soon as any account exists (made
in the app or with ``localtutor users add``), and each server start issues a new one.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from sqlalchemy import delete, exists, select

from tutor.appdb import AppDatabase
from tutor.appdb.models import SetupCode, User
from tutor.clock import Clock, utcnow

log = logging.getLogger("localtutor.first_run")

# Crockford's base32 (no I, L, O, U): 20 symbols = 100 random bits, easy to read out and type.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SYMBOLS = 20


def new_code() -> str:
    """A fresh code such as ``7K2M-Q9XD-4RTW-HB3N-ZC8P``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(SYMBOLS))
    return "-".join(raw[i:i + 4] for i in range(0, SYMBOLS, 4))


def _digest(code: str) -> str:
    typed = "".join(code.split()).replace("-", "").upper()  # spaces, dashes and case do not matter
    return hashlib.sha256(typed.encode("utf-8")).hexdigest()


class FirstRunCode:
    """Issue and check the setup code in the app database."""

    def __init__(self, database: AppDatabase, *, clock: Clock = utcnow) -> None:
        self.db = database
        self.clock = clock

    def _any_account(self) -> bool:
        with self.db.session() as session:
            return bool(session.scalar(select(exists().where(User.id.is_not(None)))))

    def issue(self, *, replace: bool = True) -> str | None:
        """A new code (replacing any earlier one unless ``replace`` is False), or None once accounts exist.

        The caller prints it in the server log; it is never shown in the app.
        """
        if self._any_account():
            self.clear()
            return None
        code = new_code()
        with self.db.session() as session, session.begin():
            if not replace and session.scalar(select(exists().where(SetupCode.id.is_not(None)))):
                return None
            session.execute(delete(SetupCode))
            session.add(SetupCode(code_hash=_digest(code), issued_at=self.clock()))
        return code

    def verify(self, code: str) -> bool:
        """Whether ``code`` is the current setup code and no account exists yet."""
        if self._any_account():
            self.clear()
            return False
        with self.db.session() as session:
            stored = session.scalar(select(SetupCode.code_hash).order_by(SetupCode.id.desc()).limit(1))
        return stored is not None and hmac.compare_digest(stored, _digest(code))

    def clear(self) -> None:
        with self.db.session() as session, session.begin():
            session.execute(delete(SetupCode))


def announce(code: str | None) -> None:
    """Print a setup code in the server log (nothing when none was issued)."""
    if code:
        log.warning("No account exists yet. To create the first administrator, open the app and enter the "
                    "one-time setup code %s (or run: localtutor users add NAME --role admin).", code)
