"""The base of every focused part of the app database's API (users, classes, sessions, history...).

Each part shares the one :class:`~tutor.appdb.AppDatabase` (its engine and session factory) and the
application clock (``tutor.clock``), injectable so that expiry, lock-out and retention are tested
without sleeping.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from tutor.appdb.models import AuditEntry
from tutor.clock import Clock, utc, utcnow

if TYPE_CHECKING:
    from tutor.appdb import AppDatabase


class Repository:
    """One responsibility over the shared database: ``db`` (engine and sessions) and ``clock``."""

    def __init__(self, database: AppDatabase, *, clock: Clock = utcnow) -> None:
        self.db = database
        self.clock = clock

    def now(self) -> datetime:
        """The clock's time, in UTC."""
        return utc(self.clock())

    def audit(self, session: Session, actor: str, action: str, target: str, detail: str = "", *,
              at: datetime | None = None) -> None:
        """Add an audit entry to ``session``'s transaction (it is written with the change it records)."""
        session.add(AuditEntry(actor=actor, action=action, target=target, detail=detail, at=at or self.now()))
