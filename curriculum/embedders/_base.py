from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np


class EmbedderError(RuntimeError):
    """An embedder cannot be created (unknown name, missing model files)."""


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
