"""Flags for teachers: a pupil's message that met a red line (the policy's principles say which) or
asked for self-harm help."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import select

from tutor.appdb.models import Flag
from tutor.appdb.repository import Repository
from tutor.clock import utc
from tutor.history.redaction import EXCERPT_CHARS, redact
from tutor.types import Answer


@lru_cache(maxsize=1)
def _red_lines() -> frozenset[str]:
    # The red lines are the policy's categories whose principle is one (guardrails.schema.Principle.red_line).
    from guardrails import load_policy

    return frozenset(c.id for c in load_policy().categories if c.principle.red_line)


def flag_severity(category: str) -> str | None:
    """``high`` for a red-line category (the policy's principles say which) or ``self_harm``; None: no flag."""
    if category == "self_harm" or category in _red_lines():
        return "high"
    return None


@dataclass(frozen=True)
class FlagRecord:
    id: int
    student_id: int
    conversation_id: int | None
    excerpt: str
    category: str
    severity: str
    locale: str
    created_at: datetime
    seen: bool
    seen_by: str | None
    seen_at: datetime | None


def flag_record(r: Flag) -> FlagRecord:
    return FlagRecord(r.id, r.student_id, r.conversation_id, r.excerpt, r.category, r.severity, r.locale,
                      utc(r.created_at), bool(r.seen), r.seen_by, utc(r.seen_at) if r.seen_at else None)


class Flags(Repository):
    """Raising flags, listing them for a teacher's classes or for administrators, and marking them seen."""

    def add(self, student_id: int, category: str, excerpt: str, *, conversation_id: int | None = None,
            locale: str = "", severity: str | None = None) -> FlagRecord | None:
        """Flag a student's message for teachers. Without ``severity`` only red-line and self-harm
        categories are flagged (``high``); returns None when nothing was flagged."""
        severity = severity or flag_severity(category)
        if severity is None:
            return None
        with self.db.session() as session, session.begin():
            row = Flag(student_id=student_id, conversation_id=conversation_id, category=category,
                       excerpt=redact(excerpt)[:EXCERPT_CHARS], severity=severity, locale=locale,
                       created_at=self.now(), seen=False)
            session.add(row)
            session.flush()
            return flag_record(row)

    def for_answer(self, student_id: int, question: str, answer: Answer, *, conversation_id: int | None = None,
                   locale: str = "") -> FlagRecord | None:
        """Flag the student's question when its answer was a red-line refusal or self-harm safety help."""
        categories = [n.category for n in answer.notices if n.kind == "refused"]
        if answer.decision == "safe_complete":
            categories.append("self_harm")
        for category in categories:
            flagged = self.add(student_id, category, question, conversation_id=conversation_id, locale=locale)
            if flagged is not None:
                return flagged
        return None

    def find(self, *, severity: str | None = None, seen: bool | None = None, limit: int = 500,
             students: Collection[int] | None = None) -> list[FlagRecord]:
        """Flags, newest first. Teachers: their classes' ``students``; administrators: ``severity="high"``."""
        with self.db.session() as session:
            query = select(Flag)
            if students is not None:
                query = query.where(Flag.student_id.in_(list(students)))
            if severity is not None:
                query = query.where(Flag.severity == severity)
            if seen is not None:
                query = query.where(Flag.seen.is_(seen))
            rows = session.scalars(query.order_by(Flag.created_at.desc(), Flag.id.desc()).limit(limit))
            return [flag_record(r) for r in rows]

    def mark_seen(self, flag_id: int, actor: str, *, students: Collection[int] | None = None) -> FlagRecord:
        """Mark a flag seen; with ``students`` (a teacher's), only a flag of one of them."""
        now = self.now()
        with self.db.session() as session, session.begin():
            row = session.get(Flag, flag_id)
            if row is None or (students is not None and row.student_id not in students):
                raise ValueError(f"no flag {flag_id}")
            if not row.seen:
                row.seen, row.seen_by, row.seen_at = True, actor, now
                self.audit(session, actor, "flag.seen", str(flag_id), row.category, at=now)
            return flag_record(row)
