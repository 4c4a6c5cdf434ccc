"""UI text through gettext (Babel catalogs in ``translations/``) and Babel formatting.

Pages call :func:`ui` once per run and get the active language's ``gettext``/``ngettext``
and the formatters for dates, numbers and lists in the profile's Babel locale (``et_EE``),
or in the chosen language when the student switches (``ru``, ``en``).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.lists import format_list as _format_list
from babel.numbers import format_decimal

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"


@lru_cache(maxsize=16)
def _catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog for ``lang``; untranslated strings fall back to the English source text."""
    return gettext.translation("messages", localedir=str(TRANSLATIONS_DIR), languages=[lang], fallback=True)


@lru_cache(maxsize=32)
def babel_locale(lang: str, profile_locale: str = "") -> Locale:
    """The Babel locale for UI language ``lang`` under a profile whose locale is ``profile_locale``.

    ``et`` under ``et_EE`` is ``et_EE``; ``ru`` under ``et_EE`` is ``ru`` (CLDR has no ``ru_EE``);
    an unknown language falls back to English.
    """
    candidates = [profile_locale] if profile_locale.split("_")[0] == lang else []
    if "_" in profile_locale:
        candidates.append(f"{lang}_{profile_locale.split('_', 1)[1]}")
    candidates += [lang, "en"]
    for candidate in candidates:
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")  # pragma: no cover - English always exists


@dataclass(frozen=True)
class UI:
    """Everything a page needs to speak the student's language."""

    lang: str
    locale: Locale
    _: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]

    def date(self, value: date | datetime | str | None, style: str = "long") -> str:
        """A date (or an ISO timestamp string) in the active locale; '—' when unknown."""
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                return value
        if value is None:
            return "—"
        if isinstance(value, datetime):
            value = value.date()
        return _format_date(value, style, locale=self.locale)

    def datetime(self, value: datetime | None, style: str = "medium") -> str:
        return "—" if value is None else _format_datetime(value, style, locale=self.locale)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def list(self, items: Iterable[str]) -> str:
        return _format_list(list(items), locale=self.locale)


def ui(lang: str, profile_locale: str = "") -> UI:
    catalog = _catalog(lang)
    return UI(lang, babel_locale(lang, profile_locale), catalog.gettext, catalog.ngettext)
