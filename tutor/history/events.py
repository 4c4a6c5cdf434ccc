"""Anonymous events (no user, no text, only the day): the dashboards' only source."""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from tutor.appdb.models import Event
from tutor.appdb.repository import Repository
from tutor.types import Answer

EventKind = Literal["question", "refusal", "withheld", "added", "safety", "feedback"]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
# The answer notice kinds of tutor.types.Notice and the event each one records.
_NOTICE_EVENTS = {"refused": "refusal", "withheld": "withheld", "added": "added", "safety": "safety"}


def event_row(day: date, kind: str, locale: str, *, category: str = "", rule: str = "") -> Event:
    """An event to add to a session (feedback records its event in the same transaction)."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown event kind {kind!r}: use one of {', '.join(EVENT_KINDS)}")
    return Event(day=day, kind=kind, locale=locale, category=category, rule=rule)


class Events(Repository):
    """Records what happened, for counting: questions, refusals, withheld and added content, safety help."""

    def record(self, kind: str, locale: str, *, category: str = "", rule: str = "") -> None:
        row = event_row(self.now().date(), kind, locale, category=category, rule=rule)
        with self.db.session() as session, session.begin():
            session.add(row)

    def record_answer(self, answer: Answer, locale: str) -> list[tuple[str, str, str]]:
        """Record a ``question`` event and one event per notice of the answer.

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
        day = self.now().date()
        with self.db.session() as session, session.begin():
            session.add_all(event_row(day, k, locale, category=c, rule=r) for k, c, r in recorded)
        return recorded
