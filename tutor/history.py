"""Students' chat history, feedback, anonymous events, flags for teachers, retention and dashboards.

Privacy decisions (see docs/operations.md):

- Chat messages are stored with personal data redacted (``guardrails.redact``): a school tutor
  does not need a student's phone number or personal code to continue a conversation, and a
  stored copy of it would be one more place to leak from. The student sees ``[PHONE]`` in the
  history after a reload; the live answer is unaffected.
- Feedback comments, report excerpts and flag excerpts are redacted the same way.
- Events carry no user, no text and only the day: they are the dashboards' only source.
- Ownership is checked here, on the server side: a student can read, delete or rate only
  messages in their own conversations.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal, get_args

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tutor.accounts import PermissionDenied, system_clock, utc
from tutor.appdb import AppDatabase
from tutor.appdb.models import AuditEntry, Conversation, Event, Feedback, Flag, Message

FeedbackKind = Literal["up", "down", "report"]
ReportReason = Literal["wrong", "unsafe", "over_refused", "missing_banner", "other"]
EventKind = Literal["question", "refusal", "withheld", "added", "safety", "feedback"]
FEEDBACK_KINDS: tuple[str, ...] = get_args(FeedbackKind)
REPORT_REASONS: tuple[str, ...] = get_args(ReportReason)
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
EXCERPT_CHARS = 500
# The answer notice kinds of tutor.types.Notice and the event each one records.
_NOTICE_EVENTS = {"refused": "refusal", "withheld": "withheld", "added": "added", "safety": "safety"}


def _redact(text: str) -> str:
    from guardrails import redact

    return redact(text)


@lru_cache(maxsize=1)
def _red_lines() -> frozenset[str]:
    from guardrails import load_policy

    return frozenset(c.id for c in load_policy().categories if c.principle.red_line)


def flag_severity(category: str) -> str | None:
    """``high`` for a red-line category (the policy's principles say which) or ``self_harm``; None: no flag."""
    if category == "self_harm" or category in _red_lines():
        return "high"
    return None


@dataclass(frozen=True)
class ConversationRecord:
    id: int
    user_id: int
    locale: str
    title: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class MessageRecord:
    id: int
    conversation_id: int
    role: str
    content: str
    data: dict[str, Any]
    created_at: datetime


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


@dataclass(frozen=True)
class PurgeResult:
    cutoff: datetime | None
    conversations: int = 0
    messages: int = 0
    feedback: int = 0
    flags: int = 0


@dataclass(frozen=True)
class Dashboard:
    """Counts from recorded events, as lists of row dicts (ready for ``st.bar_chart``/pandas)."""

    since: date
    questions_per_day: list[dict[str, Any]] = field(default_factory=list)  # day, locale, count
    refusals_by_category: list[dict[str, Any]] = field(default_factory=list)  # category, locale, count
    withheld_by_rule: list[dict[str, Any]] = field(default_factory=list)  # rule, locale, count
    additions_shown: list[dict[str, Any]] = field(default_factory=list)  # rule, locale, count
    safety_by_category: list[dict[str, Any]] = field(default_factory=list)  # category, locale, count
    feedback_by_kind: list[dict[str, Any]] = field(default_factory=list)  # kind, reason, locale, count
    per_locale: list[dict[str, Any]] = field(default_factory=list)  # locale + one count per event kind


class History:
    """Conversations, feedback, events and flags. ``clock`` is injectable for tests."""

    def __init__(self, database: AppDatabase, *, clock: Callable[[], datetime] = system_clock) -> None:
        self.db = database
        self.clock = clock

    def _now(self) -> datetime:
        return utc(self.clock())

    # -- conversations -------------------------------------------------------------------
    def start_conversation(self, user_id: int, locale: str, title: str = "") -> ConversationRecord:
        now = self._now()
        with self.db.session() as session, session.begin():
            row = Conversation(user_id=user_id, locale=locale, title=_redact(title)[:200], created_at=now,
                               updated_at=now)
            session.add(row)
            session.flush()
            return _conversation(row)

    def conversations(self, user_id: int) -> list[ConversationRecord]:
        """The user's conversations, most recently active first."""
        with self.db.session() as session:
            rows = session.scalars(select(Conversation).where(Conversation.user_id == user_id)
                                   .order_by(Conversation.updated_at.desc(), Conversation.id.desc()))
            return [_conversation(r) for r in rows]

    def _own(self, session: Session, conversation_id: int, user_id: int) -> Conversation:
        row = session.get(Conversation, conversation_id)
        if row is None or row.user_id != user_id:
            raise PermissionDenied("not your conversation")
        return row

    def add_message(self, conversation_id: int, user_id: int, role: Literal["user", "assistant"], content: str,
                    data: dict[str, Any] | None = None) -> MessageRecord:
        """Append a turn (content redacted); the first user message becomes the title."""
        if role not in ("user", "assistant"):
            raise ValueError(f"unknown message role {role!r}")
        now = self._now()
        with self.db.session() as session, session.begin():
            conversation = self._own(session, conversation_id, user_id)
            row = Message(conversation_id=conversation_id, role=role, content=_redact(content),
                          data=json.dumps(data or {}, ensure_ascii=False), created_at=now)
            session.add(row)
            conversation.updated_at = now
            if role == "user" and not conversation.title:
                conversation.title = " ".join(row.content.split())[:80]
            session.flush()
            return _message(row)

    def messages(self, conversation_id: int, user_id: int) -> list[MessageRecord]:
        with self.db.session() as session:
            self._own(session, conversation_id, user_id)
            rows = session.scalars(select(Message).where(Message.conversation_id == conversation_id)
                                   .order_by(Message.created_at, Message.id))
            return [_message(r) for r in rows]

    def delete_conversation(self, conversation_id: int, user_id: int) -> None:
        with self.db.session() as session, session.begin():
            session.delete(self._own(session, conversation_id, user_id))

    def delete_history(self, user_id: int) -> int:
        """Delete every conversation of the user (the student's "delete my history"); returns how many."""
        with self.db.session() as session, session.begin():
            result = session.execute(delete(Conversation).where(Conversation.user_id == user_id))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    # -- feedback ------------------------------------------------------------------------
    def thumbs(self, user_id: int, message_ids: Collection[int]) -> dict[int, str]:
        """The user's thumbs (``up``/``down``) on these answers, so the chat shows them after a reload."""
        if not message_ids:
            return {}
        with self.db.session() as session:
            rows = session.execute(select(Feedback.message_id, Feedback.kind).where(
                Feedback.user_id == user_id, Feedback.message_id.in_(list(message_ids)),
                Feedback.kind.in_(("up", "down"))))
            return {int(message_id): str(kind) for message_id, kind in rows}

    def add_feedback(self, user_id: int, message_id: int, kind: str, *, reason: str | None = None,
                     comment: str = "") -> FeedbackRecord:
        """Thumbs up/down (once per answer and user) or a report with a reason; records a feedback event."""
        if kind not in FEEDBACK_KINDS:
            raise ValueError(f"unknown feedback kind {kind!r}: use one of {', '.join(FEEDBACK_KINDS)}")
        if kind == "report":
            if reason not in REPORT_REASONS:
                raise ValueError(f"a report needs a reason: one of {', '.join(REPORT_REASONS)}")
        else:
            reason = None
        now = self._now()
        with self.db.session() as session, session.begin():
            message = session.get(Message, message_id)
            if message is None:
                raise PermissionDenied("no such answer")
            conversation = self._own(session, message.conversation_id, user_id)
            if message.role != "assistant":
                raise ValueError("feedback is given on the tutor's answers")
            if kind != "report":
                existing = session.scalar(select(Feedback).where(
                    Feedback.message_id == message_id, Feedback.user_id == user_id,
                    Feedback.kind.in_(("up", "down"))))
                if existing is not None:
                    return _feedback(existing)
            row = Feedback(message_id=message_id, user_id=user_id, kind=kind, reason=reason,
                           comment=_redact(comment.strip())[:2000], excerpt=message.content[:EXCERPT_CHARS],
                           locale=conversation.locale, created_at=now, resolved=False)
            session.add(row)
            session.add(Event(day=now.date(), kind="feedback", locale=conversation.locale, category=kind,
                              rule=reason or ""))
            session.flush()
            return _feedback(row)

    def reports(self, resolved: bool | None = False, limit: int = 500) -> list[FeedbackRecord]:
        """Reports (kind ``report``), newest first; ``resolved`` None lists both."""
        with self.db.session() as session:
            query = select(Feedback).where(Feedback.kind == "report")
            if resolved is not None:
                query = query.where(Feedback.resolved.is_(resolved))
            rows = session.scalars(query.order_by(Feedback.created_at.desc(), Feedback.id.desc()).limit(limit))
            return [_feedback(r) for r in rows]

    def resolve_report(self, feedback_id: int, actor: str) -> FeedbackRecord:
        now = self._now()
        with self.db.session() as session, session.begin():
            row = session.get(Feedback, feedback_id)
            if row is None or row.kind != "report":
                raise ValueError(f"no report {feedback_id}")
            if not row.resolved:
                row.resolved, row.resolved_by, row.resolved_at = True, actor, now
                session.add(AuditEntry(actor=actor, action="report.resolve", target=str(feedback_id),
                                       detail=row.reason or "", at=now))
            return _feedback(row)

    # -- events --------------------------------------------------------------------------
    def record_event(self, kind: str, locale: str, *, category: str = "", rule: str = "") -> None:
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {kind!r}: use one of {', '.join(EVENT_KINDS)}")
        with self.db.session() as session, session.begin():
            session.add(Event(day=self._now().date(), kind=kind, locale=locale, category=category, rule=rule))

    def record_answer(self, answer: Any, locale: str) -> list[tuple[str, str, str]]:
        """Record a ``question`` event and one event per notice of a ``tutor.types.Answer``.

        refused -> ``refusal`` (category), withheld -> ``withheld`` (rule = the notice's category),
        added -> ``added`` (rule = the addition id), safety -> ``safety`` (category).
        Returns the recorded (kind, category, rule) triples.
        """
        recorded = [("question", "", "")]
        for notice in answer.notices:
            kind = _NOTICE_EVENTS.get(notice.kind)
            if kind in ("withheld", "added"):
                recorded.append((kind, "", notice.category))
            elif kind is not None:
                recorded.append((kind, notice.category, ""))
        day = self._now().date()
        with self.db.session() as session, session.begin():
            session.add_all(Event(day=day, kind=k, locale=locale, category=c, rule=r) for k, c, r in recorded)
        return recorded

    # -- flags ---------------------------------------------------------------------------
    def raise_flag(self, student_id: int, category: str, excerpt: str, *, conversation_id: int | None = None,
                   locale: str = "", severity: str | None = None) -> FlagRecord | None:
        """Flag a student's message for teachers. Without ``severity`` only red-line and self-harm
        categories are flagged (``high``); returns None when nothing was flagged."""
        severity = severity or flag_severity(category)
        if severity is None:
            return None
        now = self._now()
        with self.db.session() as session, session.begin():
            row = Flag(student_id=student_id, conversation_id=conversation_id, category=category,
                       excerpt=_redact(excerpt)[:EXCERPT_CHARS], severity=severity, locale=locale,
                       created_at=now, seen=False)
            session.add(row)
            session.flush()
            return _flag(row)

    def flag_for_answer(self, student_id: int, question: str, answer: Any, *, conversation_id: int | None = None,
                        locale: str = "") -> FlagRecord | None:
        """Flag the student's question when its answer was a red-line refusal or self-harm safety help."""
        categories = [n.category for n in answer.notices if n.kind == "refused"]
        if answer.decision == "safe_complete":
            categories.append("self_harm")
        for category in categories:
            flagged = self.raise_flag(student_id, category, question, conversation_id=conversation_id,
                                      locale=locale)
            if flagged is not None:
                return flagged
        return None

    def flags(self, *, severity: str | None = None, seen: bool | None = None, limit: int = 500,
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
            return [_flag(r) for r in rows]

    def mark_flag_seen(self, flag_id: int, actor: str, *, students: Collection[int] | None = None) -> FlagRecord:
        """Mark a flag seen; with ``students`` (a teacher's), only a flag of one of them."""
        now = self._now()
        with self.db.session() as session, session.begin():
            row = session.get(Flag, flag_id)
            if row is None or (students is not None and row.student_id not in students):
                raise ValueError(f"no flag {flag_id}")
            if not row.seen:
                row.seen, row.seen_by, row.seen_at = True, actor, now
                session.add(AuditEntry(actor=actor, action="flag.seen", target=str(flag_id), detail=row.category,
                                       at=now))
            return _flag(row)

    # -- retention -----------------------------------------------------------------------
    def purge(self, actor: str = "retention") -> PurgeResult:
        """Delete history older than the administrator's retention period.

        Deleted: messages and conversations, thumbs and resolved reports, seen flags. Kept until
        handled: unresolved reports and unseen flags. Kept: anonymous events and the audit log.
        """
        days = self.db.retention_days()
        if days is None:
            return PurgeResult(cutoff=None)
        now = self._now()
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
            session.add(AuditEntry(actor=actor, action="retention.purge", target=f"{days} days", at=now,
                                   detail=f"conversations={result.conversations} messages={result.messages} "
                                          f"feedback={result.feedback} flags={result.flags}"))
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
        if last is not None and utc(last) > self._now() - every:
            return None
        return self.purge(actor="retention (automatic)")

    # -- dashboards ----------------------------------------------------------------------
    def dashboard(self, days: int = 30, locale: str | None = None) -> Dashboard:
        """Counts of the last ``days`` days (today included), optionally for one locale."""
        since = self._now().date() - timedelta(days=days - 1)
        with self.db.session() as session:

            def grouped(kind: str, *columns: Any) -> list[Any]:
                query = (select(*columns, Event.locale, func.count()).where(Event.kind == kind, Event.day >= since)
                         .group_by(*columns, Event.locale).order_by(*columns, Event.locale))
                if locale is not None:
                    query = query.where(Event.locale == locale)
                return list(session.execute(query))

            def rows(kind: str, name: str, column: Any) -> list[dict[str, Any]]:
                return [{name: value, "locale": loc, "count": n} for value, loc, n in grouped(kind, column)]

            per_locale: dict[str, dict[str, Any]] = {}
            query = (select(Event.locale, Event.kind, func.count()).where(Event.day >= since)
                     .group_by(Event.locale, Event.kind))
            if locale is not None:
                query = query.where(Event.locale == locale)
            for loc, kind, n in session.execute(query):
                per_locale.setdefault(loc, {"locale": loc, **dict.fromkeys(EVENT_KINDS, 0)})[kind] = n
            return Dashboard(
                since=since,
                questions_per_day=[{"day": _day(d), "locale": loc, "count": n}
                                   for d, loc, n in grouped("question", Event.day)],
                refusals_by_category=rows("refusal", "category", Event.category),
                withheld_by_rule=rows("withheld", "rule", Event.rule),
                additions_shown=rows("added", "rule", Event.rule),
                safety_by_category=rows("safety", "category", Event.category),
                feedback_by_kind=[{"kind": k, "reason": r or None, "locale": loc, "count": n}
                                  for k, r, loc, n in grouped("feedback", Event.category, Event.rule)],
                per_locale=[per_locale[k] for k in sorted(per_locale)],
            )


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _conversation(r: Conversation) -> ConversationRecord:
    return ConversationRecord(r.id, r.user_id, r.locale, r.title, utc(r.created_at), utc(r.updated_at))


def _message(r: Message) -> MessageRecord:
    return MessageRecord(r.id, r.conversation_id, r.role, r.content, json.loads(r.data or "{}"), utc(r.created_at))


def _feedback(r: Feedback) -> FeedbackRecord:
    return FeedbackRecord(r.id, r.message_id, r.user_id, r.kind, r.reason, r.comment, r.excerpt, r.locale,
                          utc(r.created_at), bool(r.resolved), r.resolved_by,
                          utc(r.resolved_at) if r.resolved_at else None)


def _flag(r: Flag) -> FlagRecord:
    return FlagRecord(r.id, r.student_id, r.conversation_id, r.excerpt, r.category, r.severity, r.locale,
                      utc(r.created_at), bool(r.seen), r.seen_by, utc(r.seen_at) if r.seen_at else None)
