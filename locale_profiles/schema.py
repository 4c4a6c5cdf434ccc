"""The locale profile file format (a user-facing contract), as a strict pydantic schema.

No field can switch a global rule off: a profile can only add restrictions, add local
content, and withhold content with a legal basis, always disclosed.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from curriculum.language import localized


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Localized = dict[str, str]


class Pedagogy(_Strict):
    style: Literal["socratic", "direct"] = "direct"
    grades: tuple[int, int] = (1, 12)
    notes: str = ""


class DataResidency(_Strict):
    local_endpoints_only: bool = False


class When(_Strict):
    categories: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)


class Addition(_Strict):
    id: str
    when: When
    text: Localized
    reason: Localized
    # Optional: questions on which this addition must fire (`localtutor conformance` asks them).
    examples: list[str] = Field(default_factory=list)


class Match(_Strict):
    keywords: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)


class Omission(_Strict):
    id: str
    category: str
    legal_basis: str
    match: Match
    reason: Localized


class ProfileGuardrails(_Strict):
    # Kept in the format so that profiles written as ``guardrails: {extra_categories: []}`` still load;
    # an entry is rejected by locale_profiles.rules (the guard has nothing to apply it with).
    extra_categories: list[dict[str, object]] = Field(default_factory=list)


class LocaleProfile(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]{1,40}$")
    name: Localized
    enabled: bool = True
    languages: list[str] = Field(min_length=1)
    babel_locale: str
    pedagogy: Pedagogy = Pedagogy()
    data_residency: DataResidency = DataResidency()
    additions: list[Addition] = Field(default_factory=list)
    omissions: list[Omission] = Field(default_factory=list)
    guardrails: ProfileGuardrails = ProfileGuardrails()
    updated: date | None = None  # when these rules last changed (shown on the transparency page)
    # An example for other countries, not a real deployment: hidden from pupils unless an administrator
    # shows illustrative profiles to them.
    illustrative: bool = False
    # The subjects teachers file documents under (id -> name in each language): a controlled list.
    subjects: dict[str, Localized] = Field(default_factory=dict)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def localized(self, values: Localized, lang: str) -> str:
        """``values`` in ``lang``, else the profile's default language, else English (curriculum.language)."""
        return localized(values, lang, self.default_language)
