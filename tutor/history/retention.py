"""Deleting chat history older than the administrator's retention period (by hand, or when due)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from tutor.appdb.models import AuditEntry, Conversation, Feedback, Flag, Message
from tutor.appdb.repository import Repository
from tutor.clock import utc


@dataclass(frozen=True)
class PurgeResult:
    cutoff: datetime | None
    conversations: int = 0
    messages: int = 0
    feedback: int = 0
    flags: int = 0


class Retention(Repository):
    """Applies ``AppDatabase.retention_days``; every purge is audited (``retention.purge``)."""

    def purge(self, actor: str = "retention") -> PurgeResult:
        """Delete history older than the administrator's retention period.

        Deleted: messages and conversations, thumbs and resolved reports, seen flags. Kept until
        handled: unresolved reports and unseen flags. Kept: anonymous events and the audit log.
        """
        days = self.db.retention_days()
        if days is None:
            return PurgeResult(cutoff=None)
        now = self.now()
        cutoff = now - timedelta(days=days)
        with self.db.session() as session, session.begin():
            messages = session.execute(delete(Message).where(Message.created_at < cutoff)).rowcount
            emptied = select(Message.id).where(Message.conversation_id == Conversation.id).exists()
            conversations = session.execute(delete(Conversation).where(
                Conversation.updated_at < cutoff, ~emptied)).rowcount
            feedback = session.execute(delete(Feedback).where(
                Feedback.created_at < cutoff, (Feedback.kind != "report") | Feedback.resolved.is_(True))).rowcount
            flags = session.execute(delete(Flag).where(Flag.created_at < cutoff, Flag.seen.is_(True))).rowcount
            result = PurgeResult(cutoff, int(conversations or 0), int(messages or 0), int(feedback or 0),
                                 int(flags or 0))
            self.audit(session, actor, "retention.purge", f"{days} days", at=now,
                       detail=f"conversations={result.conversations} messages={result.messages} "
                              f"feedback={result.feedback} flags={result.flags}")
        return result

    def purge_if_due(self, every: timedelta = timedelta(hours=24)) -> PurgeResult | None:
        """Apply the retention period without an operator: purge when the last purge is older than ``every``.

        The app calls this as sessions start, so history older than the period is deleted even
        where nobody set up the daily ``localtutor retention purge``.
        """
        if self.db.retention_days() is None:
            return None
        with self.db.session() as session:
            last = session.scalar(select(func.max(AuditEntry.at)).where(AuditEntry.action == "retention.purge"))
        if last is not None and utc(last) > self.now() - every:
            return None
        return self.purge(actor="retention (automatic)")
