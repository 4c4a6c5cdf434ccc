"""The app database: SQLite in the home folder by default, any SQLAlchemy URL (PostgreSQL) via DATABASE_URL.

Schema changes are Alembic migrations in ``tutor/appdb/migrations``; :meth:`AppDatabase.migrate`
brings a database to the newest schema and is run on every start.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from tutor.appdb.models import AppSetting, AuditEntry, ConformanceRun, ProfileState
from tutor.clock import utcnow

MIGRATIONS = Path(__file__).parent / "migrations"
_migrated: set[str] = set()
_migrate_lock = threading.Lock()


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    actor: str
    action: str
    target: str
    detail: str


@dataclass(frozen=True)
class ConformanceRecord:
    profile_id: str
    at: datetime
    passed: bool
    report: dict[str, Any]


class AppDatabase:
    def __init__(self, url: str) -> None:
        self.url = url
        connect_args = {"check_same_thread": False, "timeout": 30} if url.startswith("sqlite") else {}
        self.engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Upgrade the schema to the newest Alembic revision (once per process and URL)."""
        with _migrate_lock:
            if self.url in _migrated:
                return
            from alembic import command
            from alembic.config import Config

            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            with self.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            _migrated.add(self.url)

    def session(self) -> Session:
        return self._sessions()

    # -- audit ---------------------------------------------------------------------------
    def audit(self, actor: str, action: str, target: str = "", detail: str = "") -> None:
        with self.session() as session, session.begin():
            session.add(AuditEntry(actor=actor, action=action, target=target, detail=detail, at=utcnow()))

    def audit_log(self, limit: int = 500) -> list[AuditRecord]:
        with self.session() as session:
            rows = session.scalars(select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
            return [AuditRecord(r.at, r.actor, r.action, r.target, r.detail) for r in rows]

    def audit_csv(self, limit: int | None = None) -> str:
        """The audit log as CSV text (newest first), header ``at,actor,action,target,detail``.

        Cells starting with ``= + - @`` are prefixed with ``'`` so that spreadsheets do not run them.
        """
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(AUDIT_CSV_HEADER)
        with self.session() as session:
            query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            for r in session.scalars(query if limit is None else query.limit(limit)):
                at = r.at.isoformat(timespec="seconds") + ("+00:00" if r.at.tzinfo is None else "")
                writer.writerow([at, *(_csv_safe(v) for v in (r.actor, r.action, r.target, r.detail))])
        return out.getvalue()

    # -- administrator settings ------------------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        with self.session() as session:
            row = session.get(AppSetting, key)
            return row.value if row else None

    def set_setting(self, key: str, value: str, actor: str) -> None:
        """Store an administrator setting and audit the change (``setting.<key>``)."""
        with self.session() as session, session.begin():
            row = session.get(AppSetting, key)
            old = row.value if row else None
            if row is None:
                session.add(AppSetting(key=key, value=value, changed_at=utcnow(), changed_by=actor))
            else:
                row.value, row.changed_at, row.changed_by = value, utcnow(), actor
            session.add(AuditEntry(actor=actor, action=f"setting.{key}", target=key,
                                   detail=f"{old}->{value}" if old is not None else value, at=utcnow()))

    def retention_days(self) -> int | None:
        """Days chat history is kept (None: kept until the student deletes it)."""
        value = self.get_setting("retention_days")
        return int(value) if value not in (None, "", "0") else None

    def set_retention_days(self, days: int | None, actor: str) -> None:
        if days is not None and days < 1:
            raise ValueError("retention must be at least 1 day (or None to keep history)")
        self.set_setting("retention_days", str(days or 0), actor)

    def default_profile(self) -> str | None:
        return self.get_setting("default_profile") or None

    def set_default_profile(self, profile_id: str, actor: str) -> None:
        self.set_setting("default_profile", profile_id, actor)

    # -- profiles ------------------------------------------------------------------------
    def profile_states(self) -> dict[str, ProfileStateRecord]:
        with self.session() as session:
            return {r.profile_id: ProfileStateRecord(r.enabled, r.changed_at, r.changed_by)
                    for r in session.scalars(select(ProfileState))}

    def set_profile_enabled(self, profile_id: str, enabled: bool, actor: str) -> None:
        with self.session() as session, session.begin():
            state = session.get(ProfileState, profile_id)
            if state is None:
                session.add(ProfileState(profile_id=profile_id, enabled=enabled, changed_by=actor, changed_at=utcnow()))
            else:
                state.enabled, state.changed_by, state.changed_at = enabled, actor, utcnow()
            session.add(AuditEntry(actor=actor, action="profile.enable" if enabled else "profile.disable",
                                   target=profile_id, detail="", at=utcnow()))

    # -- conformance ---------------------------------------------------------------------
    def save_conformance(self, profile_id: str, passed: bool, report: dict[str, Any]) -> None:
        with self.session() as session, session.begin():
            session.add(ConformanceRun(profile_id=profile_id, passed=passed, at=utcnow(),
                                       report=json.dumps(report, ensure_ascii=False)))

    def last_conformance(self) -> dict[str, ConformanceRecord]:
        with self.session() as session:
            out: dict[str, ConformanceRecord] = {}
            for run in session.scalars(select(ConformanceRun).order_by(ConformanceRun.at, ConformanceRun.id)):
                out[run.profile_id] = ConformanceRecord(run.profile_id, run.at, run.passed, json.loads(run.report))
            return out


@dataclass(frozen=True)
class ProfileStateRecord:
    enabled: bool
    changed_at: datetime
    changed_by: str


def open_database(settings: Any) -> AppDatabase:
    """The app database for ``settings`` (home folder SQLite unless DATABASE_URL), migrated."""
    settings.ensure_home()
    database = AppDatabase(settings.sqlalchemy_url)
    database.migrate()
    return database


AUDIT_CSV_HEADER = ("at", "actor", "action", "target", "detail")


def _csv_safe(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
