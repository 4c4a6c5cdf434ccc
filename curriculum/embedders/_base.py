from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np


class EmbedderError(RuntimeError):
    """An embedder cannot be created (unknown name, missing model files)."""


@dataclass(frozen=True)
class Capabilities:
    """What an embedder can do, declared by the embedder so that no caller checks it by name.

    Similarities are cosines on the embedder's own scale (e5's is compressed: unrelated texts
    already score about 0.75), so each calibrated threshold belongs to one model.
    """

    multilingual: bool = False
    # Median cosine between a question and unrelated passages: retrieval's relevance baseline
    # when a corpus is too small to measure it.
    typical_similarity: float | None = None
    # Cosine at or above which a text is "about" an omission rule's example sentence. Chosen high
    # so that omissions never eat curriculum; None: omission rules match by keyword only.
    omission_similarity: float | None = None
    # Cosine (question encoding of an answer sentence vs a passage unit) above which the sentence
    # restates the unit; None: the grounding check is lexical only.
    restates_similarity: float | None = None
    # The guard's model was trained on this embedder's query embeddings: the guard shares the handle
    # (``guard_handle``) and reuses the question's embedding instead of computing it again.
    shares_guard_handle: bool = False


# An embedder that declares nothing (a third-party one) gets no calibrated behaviour.
UNCALIBRATED = Capabilities()


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors. Queries and passages may be encoded differently."""

    name: str
    dimension: int

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Return an ``(n, dimension)`` float32 array for curriculum passages."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """Return a ``(dimension,)`` float32 vector for a student's question."""
        ...


def capabilities_of(embedder: Any) -> Capabilities:
    """The embedder's declared :class:`Capabilities` (``UNCALIBRATED`` when it declares none)."""
    declared = getattr(embedder, "capabilities", None)
    return declared if isinstance(declared, Capabilities) else UNCALIBRATED


def guard_handle(embedder: Any) -> Any | None:
    """The handle the guard may share with ``embedder`` (None: the guard loads its own)."""
    return getattr(embedder, "model", None) if capabilities_of(embedder).shares_guard_handle else None
