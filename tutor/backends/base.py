"""The one interface every answer generator implements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from curriculum.retrieval import RetrievedChunk
from tutor.evidence import Evidence
from tutor.maths import MathsReply


class BackendError(RuntimeError):
    """A backend cannot be created or cannot answer; the message says what to configure."""


@dataclass(frozen=True)
class GenerationRequest:
    """Everything a backend may use, as text: the question, the passages and the evidence chosen in them."""

    question: str
    language: str  # the language to answer in (the question's)
    passages: tuple[RetrievedChunk, ...]  # numbered [1], [2], ... in this order
    evidence: tuple[Evidence, ...] = ()  # units of those passages that answer, best first
    maths: MathsReply | None = None  # what the maths checker found (a checked answer or a first step)
    history: tuple[tuple[str, str], ...] = ()  # (role, text) of earlier turns, oldest first
    pedagogy: str = "direct"  # "socratic" | "direct"
    tone_notes: str = ""
    homework: bool = False  # the question asks for a task to be done (Socratic profiles give hints)


@runtime_checkable
class Backend(Protocol):
    name: str
    is_local: bool  # False when text leaves the machine (then PII is redacted first)

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        """Yield the answer text in pieces; the pieces joined are the whole answer."""
        ...
