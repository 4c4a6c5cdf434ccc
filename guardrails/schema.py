"""Typed, strict schema of the global safety policy (``policy.yaml``).

The models are frozen and forbid unknown keys so that a misspelt field fails loudly at load time
instead of silently switching a rule off.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

REQUIRED_LANGS: tuple[str, ...] = ("et", "ru", "en")

CategoryId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,40}$")]


class PolicyError(ValueError):
    """The policy (or a profile's additions to it) is invalid; the message names file, field and rule."""


class PolicyWeakeningError(PolicyError):
    """A locale profile tried to remove or weaken a global category."""


class Principle(str, Enum):
    """The red-line principle (or platform rule set) a category serves."""

    SEVERE_HARM = "severe_harm"
    AUTONOMY = "autonomy"
    PRIVACY = "privacy"
    PLATFORM = "platform"

    @property
    def red_line(self) -> bool:
        """A red line (severe harm, autonomy, privacy), not one of the platform's rules for young users."""
        return self is not Principle.PLATFORM


class Action(str, Enum):
    """What the tutor does when a category fires; ordered by strength (see ``ACTION_STRENGTH``)."""

    ALLOW = "allow"
    SAFE_COMPLETE = "safe_complete"
    REFUSE = "refuse"


ACTION_STRENGTH: dict[Action, int] = {Action.ALLOW: 0, Action.SAFE_COMPLETE: 1, Action.REFUSE: 2}


class Audience(str, Enum):
    """Who is talking to the tutor; students get under-18 handling by default."""

    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_langs(value: dict[str, str]) -> dict[str, str]:
    missing = [lang for lang in REQUIRED_LANGS if not value.get(lang, "").strip()]
    if missing:
        raise ValueError(f"localized text must have non-empty {', '.join(missing)}")
    return value


class Category(_Strict):
    """One policy category: what it covers, which principle it serves and what the tutor does."""

    id: CategoryId
    principle: Principle
    description: str = Field(min_length=10)
    action: Action
    audiences: tuple[Audience, ...] = (Audience.STUDENT, Audience.TEACHER, Audience.ADMIN)
    explanation: dict[str, str]
    alternatives: dict[str, str]

    _langs = field_validator("explanation", "alternatives")(_check_langs)

    @field_validator("action")
    @classmethod
    def _not_allow(cls, value: Action) -> Action:
        # A global category that allows is a category that does nothing; it must be removed instead.
        if value is Action.ALLOW:
            raise ValueError("a global category's action must be refuse or safe_complete")
        return value


class SafeCompletion(_Strict):
    """Caring text used when a message is answered with a safe completion (self-harm)."""

    message: dict[str, str]
    help_line_fallback: dict[str, str]

    _langs = field_validator("message", "help_line_fallback")(_check_langs)


class Policy(_Strict):
    """The validated global policy."""

    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    updated: date | None = None  # when the policy last changed (shown on the transparency page)
    principles: dict[Principle, str]
    safe_completion: SafeCompletion
    categories: tuple[Category, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_and_complete(self) -> Policy:
        seen: set[str] = set()
        for cat in self.categories:
            if cat.id in seen:
                raise ValueError(f"duplicate category id {cat.id!r}")
            seen.add(cat.id)
        missing = set(Principle) - {c.principle for c in self.categories}
        if missing:
            raise ValueError(f"no category serves principle(s) {sorted(p.value for p in missing)}")
        return self

    def category(self, category_id: str) -> Category:
        """Return the category with this id (``KeyError`` if unknown)."""
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        raise KeyError(category_id)

    @property
    def ids(self) -> tuple[str, ...]:
        """All category ids in policy order."""
        return tuple(c.id for c in self.categories)
