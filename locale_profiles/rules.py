"""Load-time rules that keep a profile from weakening the global rules.

A profile may only add: local content, restrictions, and omissions with a legal basis.
Each check raises :class:`ProfileError` naming the file, the field and the rule broken.
"""

from __future__ import annotations

import re
from pathlib import Path

from locale_profiles.schema import LocaleProfile

# Safety-critical information that no omission may target, whatever the local law says:
# help lines, emergency numbers, crisis support (et/ru/en wording).
_SAFETY_INFO = re.compile(
    r"\b(116\s?111|116\s?006|112|911|999)\b|help\s?line|crisis|emergency|suicide prevention|hotline|"
    r"abitelefon|lasteabi|kriisiabi|hädaabi|usaldustelefon|"
    r"телефон доверия|горячая линия|кризисн|экстренн|скорая помощь",
    re.IGNORECASE,
)


class ProfileError(ValueError):
    """A profile file breaks a rule; the message names the file, the field and the rule."""


def check_profile(profile: LocaleProfile, path: Path | str, *, endpoint_is_local: bool | None = None) -> None:
    """Apply every rule that the schema alone cannot express."""
    _check_translations(profile, path)
    _check_unique_ids(profile, path)
    _check_guardrails(profile, path)
    _check_omissions(profile, path)
    if profile.data_residency.local_endpoints_only and endpoint_is_local is False:
        raise ProfileError(
            f"{path}: field 'data_residency.local_endpoints_only': rule broken: the profile allows only "
            "local/in-country model endpoints, but a configured endpoint (model backend or moderation) is not local; "
            "configure local endpoints (or the extractive backend) or set local_endpoints_only: false"
        )


def _check_translations(profile: LocaleProfile, path: Path | str) -> None:
    fields: list[tuple[str, dict[str, str]]] = [("name", profile.name)]
    fields += [(f"additions[{a.id}].{k}", getattr(a, k)) for a in profile.additions for k in ("text", "reason")]
    fields += [(f"omissions[{o.id}].reason", o.reason) for o in profile.omissions]
    for lang in profile.languages:
        for where, values in fields:
            if not (values.get(lang) or "").strip():
                raise ProfileError(f"{path}: field '{where}': rule broken: missing translation for listed "
                                   f"language '{lang}'")


def _check_unique_ids(profile: LocaleProfile, path: Path | str) -> None:
    for kind, ids in (("additions", [a.id for a in profile.additions]), ("omissions", [o.id for o in profile.omissions])):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ProfileError(f"{path}: field '{kind}': rule broken: duplicate id '{duplicates[0]}'")


def _check_guardrails(profile: LocaleProfile, path: Path | str) -> None:
    from guardrails import PolicyError, check_profile_restrictions

    extra = list(profile.guardrails.extra_categories)
    try:
        check_profile_restrictions(extra)
    except PolicyError as exc:
        raise ProfileError(f"{path}: field 'guardrails.extra_categories': rule broken: a profile may add "
                           f"restrictions but never disable or weaken a global category ({exc})") from exc
    # A new category has no rule or model head to detect it, and the only global action a profile
    # could strengthen is self_harm's care answer (refusing would drop crisis help): an entry would
    # be accepted and never applied. Local restrictions are omissions, which are applied.
    if extra:
        raise ProfileError(f"{path}: field 'guardrails.extra_categories': rule broken: the guard cannot apply "
                           f"profile categories ('{extra[0].get('id')}'); restrict local content with "
                           "'omissions' (keywords or example sentences, with the law that requires it)")


def _check_omissions(profile: LocaleProfile, path: Path | str) -> None:
    from guardrails.policy import default_policy

    global_ids = {c.id for c in default_policy().categories}
    for omission in profile.omissions:
        where = f"{path}: field 'omissions[{omission.id}]"
        if omission.category in global_ids:
            raise ProfileError(f"{where}.category': rule broken: '{omission.category}' is a global guardrail "
                               "category; omissions cannot target global safety categories or their safety "
                               "information")
        if not omission.legal_basis.strip():
            raise ProfileError(f"{where}.legal_basis': rule broken: an omission needs the law that requires it")
        if not (omission.match.keywords or omission.match.examples):
            raise ProfileError(f"{where}.match': rule broken: give keywords and/or examples to match")
        for term in [*omission.match.keywords, *omission.match.examples]:
            if _SAFETY_INFO.search(term):
                raise ProfileError(f"{where}.match': rule broken: '{term}' targets safety-critical information "
                                   "(help lines, emergency numbers, crisis help), which may never be withheld")
        if omission.id in {a.id for a in profile.additions if "self_harm" in a.when.categories}:
            raise ProfileError(f"{where}': rule broken: crisis help cannot be withheld")
