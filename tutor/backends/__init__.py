"""Answer generators, registered by name (built-ins from one tuple, others via entry points)."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points

from tutor.backends.base import Backend, BackendError, GenerationRequest
from tutor.config import Settings

Factory = Callable[[Settings], Backend]


def _extractive(settings: Settings) -> Backend:
    from tutor.backends.extractive import ExtractiveBackend

    return ExtractiveBackend()


def _openai(settings: Settings) -> Backend:
    from tutor.backends.openai_compat import OpenAICompatibleBackend

    return OpenAICompatibleBackend(settings.openai_base_url, settings.openai_model, settings.openai_api_key)


def _llamacpp(settings: Settings) -> Backend:
    from tutor.backends.llamacpp import LlamaCppBackend

    return LlamaCppBackend(settings.llamacpp_model_path)


_BUILTINS: tuple[tuple[str, Factory], ...] = (
    ("extractive", _extractive),
    ("openai", _openai),
    ("llamacpp", _llamacpp),
)
_registry: dict[str, Factory] = {}


def register_backend(name: str, factory: Factory) -> None:
    """Register a backend factory; a duplicate name raises."""
    if name in _registry:
        raise BackendError(f"a backend named '{name}' is already registered")
    _registry[name] = factory


def _ensure() -> None:
    if _registry:
        return
    for name, factory in _BUILTINS:
        register_backend(name, factory)
    for entry in entry_points(group="localtutor.backends"):
        register_backend(entry.name, entry.load())


def available_backends() -> list[str]:
    _ensure()
    return sorted(_registry)


def create_backend(settings: Settings, name: str | None = None) -> Backend:
    """Create the backend called ``name`` (default: ``settings.backend``)."""
    _ensure()
    chosen = name or settings.backend
    if chosen not in _registry:
        raise BackendError(f"unknown backend '{chosen}'; choose one of {', '.join(sorted(_registry))}")
    return _registry[chosen](settings)


__all__ = ["Backend", "BackendError", "GenerationRequest", "available_backends", "create_backend",
           "register_backend"]
