"""Locale profiles: language, pedagogy, local additions and legally required omissions."""

from locale_profiles.registry import (
           ProfileEntry,
           ProfileRegistry,
           RuleSetChanges,
           load_profile,
           rule_set_changes,
)
from locale_profiles.rules import ProfileError
from locale_profiles.schema import Addition, LocaleProfile, Omission

__all__ = ["Addition", "LocaleProfile", "Omission", "ProfileEntry", "ProfileError", "ProfileRegistry", "RuleSetChanges",
           "load_profile", "rule_set_changes"]
