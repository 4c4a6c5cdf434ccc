"""Words for the ids the data uses (policy categories, additions, subjects, profiles, feedback): users never
see a raw id. Every page names these things through the functions here."""

from __future__ import annotations

from typing import Any

from tutor.i18n import UI


def category_label(t: UI, category: str) -> str:
    """A policy category (``cbrn_weapons``) in words; an unforeseen id reads "other content"."""
    _ = t._
    return {
        "violence": _("violence"),
        "weapons": _("weapons"),
        "cbrn_weapons": _("chemical, biological, radiological and nuclear weapons"),
        "terrorism": _("terrorism"),
        "persecution": _("persecution"),
        "mass_surveillance": _("mass surveillance"),
        "exclusion": _("excluding people"),
        "manipulation": _("manipulating people"),
        "privacy": _("personal data"),
        "sexual_content": _("sexual content"),
        "hate_harassment": _("hate and harassment"),
        "self_harm": _("self-harm"),
        "illegal_drugs": _("illegal drugs"),
        "cybercrime_fraud": _("cybercrime and fraud"),
        "other_crime": _("other crime"),
        "minor_safety": _("children's safety"),
        "prompt_injection": _("attempts to change the tutor's rules"),
        "moderation_unavailable": _("safety check unavailable"),
        "gambling_promotion": _("gambling promotion"),
    }.get(category, _("other content"))


def addition_label(t: UI, addition: str) -> str:
    """Local content a profile adds (``crisis-help``) in words."""
    _ = t._
    return {"crisis-help": _("help lines"), "civics-local-voting-age": _("voting age in local elections")}.get(
        addition, _("local content"))


def profile_name(tutor: Any, profile_id: str, lang: str) -> str:
    """A profile's name in ``lang`` (its id only when the profile cannot be loaded)."""
    try:
        profile = tutor.profiles.get(profile_id)
    except Exception:  # a broken or removed profile: the admin page reports why
        return profile_id
    return profile.localized(profile.name, lang)


def subject_label(profile: Any, subject: str | None, lang: str) -> str:
    """A subject of the profile's controlled list in ``lang``; free text from older uploads as written."""
    if not subject:
        return "—"
    names = getattr(profile, "subjects", {}).get(subject)
    if not names:
        return subject
    return names.get(lang) or names.get("en") or profile.localized(names, lang)


def feedback_label(t: UI, kind: str, reason: str | None = None) -> str:
    """Thumbs and reports as words: "report: the answer is unsafe"."""
    from app_pages.common import reason_label

    _ = t._
    word = {"up": _("thumbs up"), "down": _("thumbs down"), "report": _("report")}.get(kind, _("other"))
    return f"{word}: {reason_label(t, reason)}" if reason else word


def event_label(t: UI, kind: str) -> str:
    _ = t._
    return {"question": _("Questions"), "refusal": _("Refusals"), "withheld": _("Withheld"),
            "added": _("Additions shown"), "safety": _("Safety help"), "feedback": _("Feedback")}.get(kind, kind)


def action_label(t: UI, action: str) -> str:
    """An audit action (``user.add``) in words; the id stays for actions added later."""
    _ = t._
    known = {
        "user.add": _("user added"), "user.role": _("role changed"), "user.disable": _("account disabled"),
        "user.enable": _("account enabled"), "user.password": _("password changed"),
        "user.remove": _("user removed"), "class.add": _("class created"), "class.remove": _("class removed"),
        "class.join": _("added to a class"), "class.leave": _("removed from a class"),
        "flag.seen": _("flag marked as seen"), "retention.purge": _("old history deleted"),
        "curriculum.upload": _("curriculum file added"), "curriculum.upload_failed": _("curriculum file refused"),
        "curriculum.delete": _("curriculum document deleted"), "profile.enable": _("profile enabled"),
        "profile.disable": _("profile disabled"), "profile.install": _("profile installed"),
        "report.resolve": _("report resolved"),
        "setting.default_profile": _("default profile changed"),
        "setting.retention_days": _("retention period changed"),
        "setting.show_illustrative": _("illustrative profiles shown or hidden"),
    }
    return known.get(action, action)
