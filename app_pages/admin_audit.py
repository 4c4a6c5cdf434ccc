"""Administrators: the audit log (who did what, when), filtered by who, what and when, and its CSV export."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from app_pages.common import ADMIN, current_user, get_tutor, role_label
from app_pages.labels import action_label, profile_name

user, t = current_user(*ADMIN)
_ = t._
tutor = get_tutor()
database = tutor.database
assert database is not None

st.title(_("Audit log"))
st.caption(_("Every administrator and teacher action, newest first."))
st.download_button(_("Download CSV"), data=database.audit_csv(), file_name="localtutor-audit.csv",
                   mime="text/csv", key="audit_csv")
entries = database.audit_log(limit=2000)
if not entries:
    st.info(_("Nothing recorded yet."))
    st.stop()
who, what, when = st.columns(3)
actors = who.multiselect(_("Who"), sorted({e.actor for e in entries}), key="audit_actors",
                         placeholder=_("Everyone"))
actions = what.multiselect(_("Action"), sorted({e.action for e in entries}), key="audit_actions",
                           format_func=lambda a: action_label(t, a), placeholder=_("Every action"))
newest, oldest = max(e.at for e in entries).date(), min(e.at for e in entries).date()
period = when.date_input(_("Dates"), value=(max(oldest, newest - timedelta(days=30)), newest), min_value=oldest,
                         max_value=newest, key="audit_dates", format="DD.MM.YYYY")
start, end = (period[0], period[-1]) if isinstance(period, tuple) and period else (oldest, newest)
shown = [e for e in entries if (not actors or e.actor in actors) and (not actions or e.action in actions)
         and start <= e.at.date() <= end]
st.caption(t.ngettext("{n} entry", "{n} entries", len(shown)).format(n=t.number(len(shown))))


def target(action: str, value: str) -> str:
    """Profiles by name; curriculum files as "profile name: file"."""
    if action.startswith("profile."):
        return profile_name(tutor, value, t.lang)
    if action.startswith("setting."):
        return "—"  # the action names the setting
    if action.startswith("curriculum.") and "/" in value:
        locale, _slash, name = value.partition("/")
        return f"{profile_name(tutor, locale, t.lang)}: {name}"
    return value


def detail(action: str, value: str) -> str:
    if action == "setting.default_profile":
        return " → ".join(profile_name(tutor, p, t.lang) for p in value.split("->"))
    if action == "user.role":
        return " → ".join(role_label(t, r) for r in value.split("->"))
    if action in ("user.add", "user.remove") and value.startswith("role="):
        return role_label(t, value.removeprefix("role="))
    return value.replace("->", " → ")


st.dataframe([{_("When"): t.datetime(e.at), _("Who"): e.actor, _("Action"): action_label(t, e.action),
               _("Target"): target(e.action, e.target), _("Details"): detail(e.action, e.detail)} for e in shown],
             hide_index=True, width="stretch")
