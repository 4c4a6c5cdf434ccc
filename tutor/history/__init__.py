"""Students' chat history and what is derived from it, over the app database, in parts that each own one thing:

- :class:`~tutor.history.conversations.Conversations`: conversations and their messages;
- :class:`~tutor.history.feedback.Feedback`: thumbs and reports on answers;
- :class:`~tutor.history.events.Events`: anonymous events (the dashboards' only source);
- :class:`~tutor.history.flags.Flags`: flags for teachers;
- :class:`~tutor.history.retention.Retention`: deleting history older than the retention period;
- :class:`~tutor.history.dashboards.Dashboards`: counts of the events.

:class:`History` builds them over one database and one clock; callers use the part they need
(``history.conversations.messages(...)``, ``history.flags.find(...)``).

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

from typing import TYPE_CHECKING

from tutor.clock import Clock, utcnow
from tutor.history.conversations import ConversationRecord, Conversations, MessageRecord
from tutor.history.dashboards import Dashboard, Dashboards
from tutor.history.events import EVENT_KINDS, Events
from tutor.history.feedback import FEEDBACK_KINDS, REPORT_REASONS, Feedback, FeedbackRecord
from tutor.history.flags import FlagRecord, Flags, flag_severity
from tutor.history.redaction import EXCERPT_CHARS
from tutor.history.retention import PurgeResult, Retention

if TYPE_CHECKING:
    from tutor.appdb import AppDatabase

__all__ = [
    "EVENT_KINDS", "EXCERPT_CHARS", "FEEDBACK_KINDS", "REPORT_REASONS", "ConversationRecord", "Conversations",
    "Dashboard", "Dashboards", "Events", "Feedback", "FeedbackRecord", "FlagRecord", "Flags", "History",
    "MessageRecord", "PurgeResult", "Retention", "flag_severity",
]


class History:
    """The history parts of one app, sharing its database and clock (injectable for tests)."""

    def __init__(self, database: AppDatabase, *, clock: Clock = utcnow) -> None:
        self.db = database
        self.clock = clock
        self.conversations = Conversations(database, clock=clock)
        self.feedback = Feedback(database, clock=clock)
        self.events = Events(database, clock=clock)
        self.flags = Flags(database, clock=clock)
        self.retention = Retention(database, clock=clock)
        self.dashboards = Dashboards(database, clock=clock)
