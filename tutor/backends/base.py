"""The one interface every answer generator implements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from curriculum.embedders import Embedder
from curriculum.retrieval import RetrievedChunk


class BackendError(RuntimeError):
    """A backend cannot be created or cannot answer; the message says what to configure."""


@dataclass(frozen=True)
class GenerationRequest:
    question: str
    language: str  # the language to answer in
    passages: tuple[RetrievedChunk, ...]  # numbered [1], [2], ... in this order
    query_embedding: np.ndarray | None = None
    history: tuple[tuple[str, str], ...] = ()  # (role, text) of earlier turns, oldest first
    pedagogy: str = "direct"  # "socratic" | "direct"
    tone_notes: str = ""
    confident: bool = True  # False when even the best passage is only loosely related
    homework: bool = False  # the question asks for a task to be done (Socratic profiles give hints)
    embedder: Embedder | None = field(default=None, compare=False)


@runtime_checkable
class Backend(Protocol):
    name: str
    is_local: bool  # False when text leaves the machine (then PII is redacted first)

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        """Yield the answer text in pieces; the pieces joined are the whole answer."""
        ...
