"""The one clock of the application: what time it is, in UTC, and stored times read back as UTC.

Classes that need the time take a ``clock: Clock`` (default :func:`utcnow`), so tests can move it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """Now, timezone-aware, in UTC."""
    return datetime.now(UTC)


def utc(value: datetime) -> datetime:
    """``value`` in UTC; a naive value counts as UTC (SQLite returns naive datetimes for
    ``DateTime(timezone=True)``, and everything stored is UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def timestamp() -> str:
    """Now as an ISO 8601 string to the second (reports, metadata)."""
    return utcnow().isoformat(timespec="seconds")
