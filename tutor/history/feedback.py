"""Pupils' feedback on answers: thumbs (once per answer) and reports with a reason, which staff resolve."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import select

from tutor.accounts.errors import PermissionDenied
from tutor.appdb.models import Feedback as FeedbackRow
from tutor.appdb.models import Message
from tutor.appdb.repository import Repository
from tutor.clock import utc
from tutor.history.conversations import owned_conversation
from tutor.history.events import event_row
from tutor.history.redaction import EXCERPT_CHARS, redact

FeedbackKind = Literal["up", "down", "report"]
ReportReason = Literal["wrong", "unsafe", "over_refused", "missing_banner", "other"]
FEEDBACK_KINDS: tuple[str, ...] = get_args(FeedbackKind)
REPORT_REASONS: tuple[str, ...] = get_args(ReportReason)


@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    message_id: int | None
    user_id: int | None
    kind: str
    reason: str | None
    comment: str
    excerpt: str
    locale: str
    created_at: datetime
    resolved: bool
    resolved_by: str | None
    resolved_at: datetime | None


def feedback_record(r: FeedbackRow) -> FeedbackRecord:
    return FeedbackRecord(r.id, r.message_id, r.user_id, r.kind, r.reason, r.comment, r.excerpt, r.locale,
                          utc(r.created_at), bool(r.resolved), r.resolved_by,
                          utc(r.resolved_at) if r.resolved_at else None)


class Feedback(Repository):
    """Thumbs and reports on the tutor's answers; a pupil rates only answers in their own conversations."""

    def thumbs(self, user_id: int, message_ids: Collection[int]) -> dict[int, str]:
        """The user's thumbs (``up``/``down``) on these answers, so the chat shows them after a reload."""
        if not message_ids:
            return {}
        with self.db.session() as session:
            rows = session.execute(select(FeedbackRow.message_id, FeedbackRow.kind).where(
                FeedbackRow.user_id == user_id, FeedbackRow.message_id.in_(list(message_ids)),
                FeedbackRow.kind.in_(("up", "down"))))
            return {int(message_id): str(kind) for message_id, kind in rows}

    def add(self, user_id: int, message_id: int, kind: str, *, reason: str | None = None,
            comment: str = "") -> FeedbackRecord:
        """Thumbs up/down (once per answer and user) or a report with a reason; records a feedback event."""
        if kind not in FEEDBACK_KINDS:
            raise ValueError(f"unknown feedback kind {kind!r}: use one of {', '.join(FEEDBACK_KINDS)}")
        if kind == "report":
            if reason not in REPORT_REASONS:
                raise ValueError(f"a report needs a reason: one of {', '.join(REPORT_REASONS)}")
        else:
            reason = None
        now = self.now()
        with self.db.session() as session, session.begin():
            message = session.get(Message, message_id)
            if message is None:
                raise PermissionDenied("no such answer")
            conversation = owned_conversation(session, message.conversation_id, user_id)
            if message.role != "assistant":
                raise ValueError("feedback is given on the tutor's answers")
            if kind != "report":
                existing = session.scalar(select(FeedbackRow).where(
                    FeedbackRow.message_id == message_id, FeedbackRow.user_id == user_id,
                    FeedbackRow.kind.in_(("up", "down"))))
                if existing is not None:
                    return feedback_record(existing)
            row = FeedbackRow(message_id=message_id, user_id=user_id, kind=kind, reason=reason,
                              comment=redact(comment.strip())[:2000], excerpt=message.content[:EXCERPT_CHARS],
                              locale=conversation.locale, created_at=now, resolved=False)
            session.add(row)
            session.add(event_row(now.date(), "feedback", conversation.locale, category=kind, rule=reason or ""))
            session.flush()
            return feedback_record(row)

    def reports(self, resolved: bool | None = False, limit: int = 500) -> list[FeedbackRecord]:
        """Reports (kind ``report``), newest first; ``resolved`` None lists both."""
        with self.db.session() as session:
            query = select(FeedbackRow).where(FeedbackRow.kind == "report")
            if resolved is not None:
                query = query.where(FeedbackRow.resolved.is_(resolved))
            rows = session.scalars(query.order_by(FeedbackRow.created_at.desc(), FeedbackRow.id.desc()).limit(limit))
            return [feedback_record(r) for r in rows]

    def resolve_report(self, feedback_id: int, actor: str) -> FeedbackRecord:
        now = self.now()
        with self.db.session() as session, session.begin():
            row = session.get(FeedbackRow, feedback_id)
            if row is None or row.kind != "report":
                raise ValueError(f"no report {feedback_id}")
            if not row.resolved:
                row.resolved, row.resolved_by, row.resolved_at = True, actor, now
                self.audit(session, actor, "report.resolve", str(feedback_id), row.reason or "", at=now)
            return feedback_record(row)
