"""Pupils' conversations and their messages, stored redacted; only the owner reads, adds to or deletes them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tutor.accounts.errors import PermissionDenied
from tutor.appdb.models import Conversation, Message
from tutor.appdb.repository import Repository
from tutor.clock import utc
from tutor.history.redaction import redact


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


def owned_conversation(session: Session, conversation_id: int, user_id: int) -> Conversation:
    """The conversation row when ``user_id`` owns it; PermissionDenied otherwise (also when there is none)."""
    row = session.get(Conversation, conversation_id)
    if row is None or row.user_id != user_id:
        raise PermissionDenied("not your conversation")
    return row


def conversation_record(r: Conversation) -> ConversationRecord:
    return ConversationRecord(r.id, r.user_id, r.locale, r.title, utc(r.created_at), utc(r.updated_at))


def message_record(r: Message) -> MessageRecord:
    return MessageRecord(r.id, r.conversation_id, r.role, r.content, json.loads(r.data or "{}"), utc(r.created_at))


class Conversations(Repository):
    """Each pupil's conversations, checked for ownership on the server side."""

    def start(self, user_id: int, locale: str, title: str = "") -> ConversationRecord:
        now = self.now()
        with self.db.session() as session, session.begin():
            row = Conversation(user_id=user_id, locale=locale, title=redact(title)[:200], created_at=now,
                               updated_at=now)
            session.add(row)
            session.flush()
            return conversation_record(row)

    def of_user(self, user_id: int) -> list[ConversationRecord]:
        """The user's conversations, most recently active first."""
        with self.db.session() as session:
            rows = session.scalars(select(Conversation).where(Conversation.user_id == user_id)
                                   .order_by(Conversation.updated_at.desc(), Conversation.id.desc()))
            return [conversation_record(r) for r in rows]

    def add_message(self, conversation_id: int, user_id: int, role: Literal["user", "assistant"], content: str,
                    data: dict[str, Any] | None = None) -> MessageRecord:
        """Append a turn (content redacted); the first user message becomes the title."""
        if role not in ("user", "assistant"):
            raise ValueError(f"unknown message role {role!r}")
        now = self.now()
        with self.db.session() as session, session.begin():
            conversation = owned_conversation(session, conversation_id, user_id)
            row = Message(conversation_id=conversation_id, role=role, content=redact(content),
                          data=json.dumps(data or {}, ensure_ascii=False), created_at=now)
            session.add(row)
            conversation.updated_at = now
            if role == "user" and not conversation.title:
                conversation.title = " ".join(row.content.split())[:80]
            session.flush()
            return message_record(row)

    def messages(self, conversation_id: int, user_id: int) -> list[MessageRecord]:
        with self.db.session() as session:
            owned_conversation(session, conversation_id, user_id)
            rows = session.scalars(select(Message).where(Message.conversation_id == conversation_id)
                                   .order_by(Message.created_at, Message.id))
            return [message_record(r) for r in rows]

    def delete(self, conversation_id: int, user_id: int) -> None:
        with self.db.session() as session, session.begin():
            session.delete(owned_conversation(session, conversation_id, user_id))

    def delete_all(self, user_id: int) -> int:
        """Delete every conversation of the user (the student's "delete my history"); returns how many."""
        with self.db.session() as session, session.begin():
            result = session.execute(delete(Conversation).where(Conversation.user_id == user_id))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
