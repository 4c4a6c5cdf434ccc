"""What teachers and administrators review: a flag in its conversation, reports with their question and
pupil, and the curriculum gaps (questions the tutor could not answer, grouped by topic).

Teachers pass ``students`` (the ids of their classes' pupils) and see only those pupils' messages.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from tutor.appdb.models import Conversation, Feedback, Flag, Message, User
from tutor.appdb.repository import Repository
from tutor.clock import utc
from tutor.history.conversations import MessageRecord, message_record

_WORD = re.compile(r"[^\W\d_]{5,}", re.UNICODE)
# Question words and fillers in et, ru, en: never a topic's name.
_NOT_TOPICS = frozenset("""
miks kuidas millal kellele milline millised kelle mille mida kuhu palun selgita seleta räägi kirjelda
почему когда какой какая какие объясни расскажи пожалуйста чтобы сколько
which where there about explain please could would should their these those what when whose
""".split())


@dataclass(frozen=True)
class ReportView:
    """A pupil's report with what it is about: the question, the pupil, the answer."""

    id: int
    reason: str | None
    comment: str
    locale: str
    created_at: datetime
    resolved: bool
    resolved_by: str | None
    resolved_at: datetime | None
    pupil: str
    question: str
    answer: str


@dataclass(frozen=True)
class Gap:
    """Questions the tutor could not answer from the curriculum, about one topic."""

    topic: str
    questions: tuple[str, ...]
    locales: tuple[str, ...]


class Review(Repository):
    """Reads flags, reports and unanswered questions for the review pages (``clock`` injectable for tests)."""

    def flag_conversation(self, flag_id: int, *, students: Collection[int] | None = None,
                          before: int = 4, after: int = 2) -> list[MessageRecord]:
        """The messages around a flag: up to ``before`` messages up to the flagged question and its answer,
        and ``after`` messages that followed. A teacher's ``students`` limit which flags can be opened."""
        with self.db.session() as session:
            flag = session.get(Flag, flag_id)
            if flag is None or flag.conversation_id is None or (
                    students is not None and flag.student_id not in students):
                return []
            rows = list(session.scalars(select(Message).where(Message.conversation_id == flag.conversation_id)
                                        .order_by(Message.created_at, Message.id)))
        flagged = utc(flag.created_at)
        upto = [i for i, m in enumerate(rows) if utc(m.created_at) <= flagged]
        end = (upto[-1] + 1) if upto else len(rows)
        return [message_record(m) for m in rows[max(0, end - before):end + after]]

    def reports(self, *, resolved: bool | None = False, students: Collection[int] | None = None,
                limit: int = 200) -> list[ReportView]:
        """Reports, newest first, with the pupil's name, their question and the answer they reported."""
        with self.db.session() as session:
            query = (select(Feedback, Message, User.name).where(Feedback.kind == "report")
                     .outerjoin(Message, Message.id == Feedback.message_id)
                     .outerjoin(User, User.id == Feedback.user_id))
            if resolved is not None:
                query = query.where(Feedback.resolved.is_(resolved))
            if students is not None:
                query = query.where(Feedback.user_id.in_(list(students)))
            views = []
            for feedback, message, pupil in session.execute(
                    query.order_by(Feedback.created_at.desc(), Feedback.id.desc()).limit(limit)):
                question = ""
                if message is not None:
                    question = session.scalar(
                        select(Message.content).where(Message.conversation_id == message.conversation_id,
                                                      Message.role == "user", Message.id < message.id)
                        .order_by(Message.id.desc()).limit(1)) or ""
                views.append(ReportView(feedback.id, feedback.reason, feedback.comment, feedback.locale,
                                        utc(feedback.created_at), bool(feedback.resolved), feedback.resolved_by,
                                        utc(feedback.resolved_at) if feedback.resolved_at else None, pupil or "—", question,
                                        message.content if message is not None else feedback.excerpt))
            return views

    def unanswered(self, *, days: int = 90, students: Collection[int] | None = None,
                   locale: str | None = None, limit: int = 300) -> list[tuple[str, str]]:
        """(question, locale) of the answers that found nothing in the curriculum, newest first: not
        refusals, not safety help, not withheld content."""
        since = self.now() - timedelta(days=days)
        with self.db.session() as session:
            query = (select(Message, Conversation.locale, Conversation.user_id)
                     .join(Conversation, Conversation.id == Message.conversation_id)
                     .where(Message.role == "assistant", Message.created_at >= since))
            if students is not None:
                query = query.where(Conversation.user_id.in_(list(students)))
            if locale is not None:
                query = query.where(Conversation.locale == locale)
            found = []
            for message, where, _user in session.execute(query.order_by(Message.id.desc()).limit(limit * 4)):
                data = json.loads(message.data or "{}")
                if "found" in data:  # stored with the answer since it exists
                    if data["found"] or data.get("decision") != "answer":
                        continue
                elif data.get("decision") != "answer" or data.get("citations") or any(
                        n.get("kind") == "withheld" for n in data.get("notices", ())):
                    continue  # older answers: no citation and nothing withheld means nothing was found
                question = session.scalar(
                    select(Message.content).where(Message.conversation_id == message.conversation_id,
                                                  Message.role == "user", Message.id < message.id)
                    .order_by(Message.id.desc()).limit(1))
                if question:
                    found.append((question, where))
                if len(found) >= limit:
                    break
            return found


def group_by_topic(questions: Sequence[tuple[str, str]], embed: Callable[[list[str]], Sequence[Sequence[float]]],
                   *, threshold: float = 0.87) -> list[Gap]:
    """Group questions whose embeddings are close (cosine of normalised vectors at least ``threshold``);
    a group is named by the word most of its questions share, else by its first question. Largest first."""
    if not questions:
        return []
    vectors = [list(v) for v in embed([q for q, _ in questions])]
    groups: list[list[int]] = []
    for i, vector in enumerate(vectors):
        for group in groups:
            head = vectors[group[0]]
            if sum(a * b for a, b in zip(vector, head, strict=True)) >= threshold:
                group.append(i)
                break
        else:
            groups.append([i])
    gaps = []
    for group in groups:
        texts = tuple(dict.fromkeys(questions[i][0] for i in group))
        gaps.append(Gap(_topic(texts), texts, tuple(sorted({questions[i][1] for i in group}))))
    return sorted(gaps, key=lambda g: -len(g.questions))


def _topic(texts: Sequence[str]) -> str:
    words: Counter[str] = Counter()
    for text in texts:
        words.update({w.lower() for w in _WORD.findall(text) if w.lower() not in _NOT_TOPICS})
    if len(texts) > 1 and words:
        word, count = words.most_common(1)[0]
        if count > 1:
            return word
    return texts[0]
