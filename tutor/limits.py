"""Limits that keep a pupil's turn bounded: how long a question may be, and how long an answer may stay silent.

Both the chat page and ``localtutor ask`` apply them, so that a huge paste never reaches the
pipeline and a model endpoint that stops answering never leaves a pupil waiting forever.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

from tutor.backends import BackendError

T = TypeVar("T")


class AnswerTimeout(BackendError):
    """The answer brought nothing new for the allowed time (the model endpoint stalled)."""


def too_long(question: str, limit: int) -> bool:
    """Whether ``question`` exceeds ``limit`` characters (``LOCALTUTOR_MAX_QUESTION_CHARS``)."""
    return len(question) > limit


def with_deadline(events: Iterator[T], idle_s: float) -> Iterator[T]:
    """``events`` as they come, raising AnswerTimeout when none arrives for ``idle_s`` seconds.

    The events are produced in a worker thread, so a blocked network read cannot block the caller;
    an abandoned worker ends by itself when the backend's own timeout fires.
    """
    channel: queue.Queue[tuple[str, object]] = queue.Queue()

    def produce() -> None:
        try:
            for event in events:
                channel.put(("event", event))
            channel.put(("end", None))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, who decides
            channel.put(("error", exc))

    threading.Thread(target=produce, name="localtutor-answer", daemon=True).start()
    while True:
        try:
            kind, value = channel.get(timeout=idle_s)
        except queue.Empty:
            raise AnswerTimeout(f"no answer from the model for {idle_s:g} s") from None
        if kind == "end":
            return
        if kind == "error":
            assert isinstance(value, BaseException)
            raise value
        yield value  # type: ignore[misc]
