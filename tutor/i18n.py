"""UI text through gettext (Babel catalogs in ``translations/``) and Babel formatting."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"


@lru_cache(maxsize=16)
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation("messages", localedir=str(TRANSLATIONS_DIR), languages=[lang], fallback=True)


def translator(lang: str) -> Callable[[str], str]:
    """Return ``_`` for ``lang``; untranslated strings fall back to the English source text."""
    return _catalog(lang).gettext
