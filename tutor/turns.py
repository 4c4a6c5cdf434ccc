"""One pupil's turn, the one application service behind the chat page and ``localtutor ask``.

:meth:`Turns.ask` takes who asks, their conversation and the question: the asker's role becomes
the guard's audience (teachers and administrators are protective adults, so a teacher asking
about a pupil's message is not answered as if the teacher were at risk), the conversation's
earlier messages become the pipeline's history, and the answer streams through the pipeline
(guard, retrieval, evidence, generation) under the answer deadline. When the answer is complete,
a signed-in asker's turn is kept: the conversation (started if needed), both messages, the
answer record (the dashboards' events) and a flag for teachers when the answer was a red-line
refusal or self-harm help. An anonymous turn (``user=None``) records nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from guardrails.schema import Audience
from tutor.limits import too_long, with_deadline

if TYPE_CHECKING:
    from tutor.accounts import UserRecord
    from tutor.history import FlagRecord, History
    from tutor.pipeline import StreamEvent, Tutor
    from tutor.types import Answer

# Whom the guard judges, by role (the protective audiences are guardrails.decide.PROTECTIVE_AUDIENCES).
ROLE_AUDIENCE: dict[str, Audience] = {"student": Audience.STUDENT, "teacher": Audience.TEACHER,
                                      "admin": Audience.ADMIN}


def audience_of(user: UserRecord | None) -> str:
    """The guard's audience for ``user``: anyone anonymous, and any role it does not know, as a pupil."""
    return ROLE_AUDIENCE.get(user.role, Audience.STUDENT).value if user is not None else Audience.STUDENT.value


class QuestionTooLong(ValueError):
    """The question is over ``LOCALTUTOR_MAX_QUESTION_CHARS``: refused before anything runs or is stored."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"the question has {length} characters; the limit is {limit} "
                         "(LOCALTUTOR_MAX_QUESTION_CHARS)")
        self.length, self.limit = length, limit


def answer_data(answer: Answer) -> dict[str, Any]:
    """What is stored with an answer so that it renders again after a reload."""
    return {"citations": [asdict(c) for c in answer.citations], "notices": [asdict(n) for n in answer.notices],
            "decision": answer.decision, "language": answer.language, "found": answer.found}


@dataclass(frozen=True)
class Turn:
    """A finished turn: the answer and, when it was recorded, where (None for an anonymous turn)."""

    answer: Answer
    conversation_id: int | None = None
    reply_id: int | None = None  # the stored answer's message (thumbs and reports refer to it)
    flag: FlagRecord | None = None


class TurnStream:
    """The events of one turn as they come; the turn is recorded when the final ``answer`` event arrives,
    before that event is handed on, so :attr:`turn` is set from then on."""

    def __init__(self, events: Iterator[StreamEvent], record: Callable[[Answer], Turn]) -> None:
        self._events = events
        self._record = record
        self.turn: Turn | None = None

    def __iter__(self) -> Iterator[StreamEvent]:
        for event in self._events:
            if event.answer is not None and self.turn is None:
                self.turn = self._record(event.answer)
            yield event

    def result(self) -> Turn:
        """Run the turn to its end and return it (for callers that do not show the answer as it grows)."""
        for _event in self:
            pass
        if self.turn is None:  # pragma: no cover - the pipeline always ends with an answer
            raise RuntimeError("the pipeline ended without an answer")
        return self.turn


class Turns:
    """Asks the tutor for a user and keeps the turn in the user's history."""

    def __init__(self, tutor: Tutor, history: History) -> None:
        self.tutor = tutor
        self.history = history

    def ask(self, user: UserRecord | None, conversation_id: int | None, question: str, locale: str, *,
            lang: str | None = None, subject: str | None = None, grade: int | None = None) -> TurnStream:
        """Start a turn of ``user`` (None: anonymous, nothing recorded) in ``conversation_id`` (None: a new
        conversation in ``locale``, started once the answer is there).

        Raises :class:`QuestionTooLong` at once, and ``PermissionDenied`` for another user's conversation;
        the pipeline's own errors (a disabled profile, a failing or stalled model: ``AnswerTimeout``)
        arise while the events are read, and then nothing is recorded.
        """
        settings = self.tutor.settings
        if too_long(question, settings.max_question_chars):
            raise QuestionTooLong(len(question), settings.max_question_chars)
        if user is None and conversation_id is not None:
            raise ValueError("an anonymous turn has no conversation")
        earlier = tuple((m.role, m.content) for m in self.history.conversations.messages(conversation_id, user.id)) \
            if user is not None and conversation_id is not None else ()
        events = self.tutor.stream(question, locale, lang=lang, subject=subject, grade=grade, history=earlier,
                                   audience=audience_of(user))
        events = with_deadline(events, settings.answer_timeout_s)
        if user is None:
            return TurnStream(events, Turn)
        return TurnStream(events, lambda answer: self._record(user, conversation_id, question, locale, answer))

    def latest_conversation(self, user: UserRecord, locale: str) -> int | None:
        """The user's most recently active conversation in ``locale`` (the one a new turn continues), if any."""
        return next((c.id for c in self.history.conversations.of_user(user.id) if c.locale == locale), None)

    def _record(self, user: UserRecord, conversation_id: int | None, question: str, locale: str,
                answer: Answer) -> Turn:
        conversations = self.history.conversations
        if conversation_id is None:
            conversation_id = conversations.start(user.id, locale).id
        conversations.add_message(conversation_id, user.id, "user", question)
        reply = conversations.add_message(conversation_id, user.id, "assistant", answer.text, answer_data(answer))
        self.history.events.record_answer(answer, locale)
        flag = self.history.flags.for_answer(user.id, question, answer, conversation_id=conversation_id,
                                             locale=locale)
        return Turn(answer, conversation_id, reply.id, flag)
