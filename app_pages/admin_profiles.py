"""Administrators: switch locale profiles on and off, choose the default, see and run conformance.

Switching off the profile pupils see first asks for a confirmation that names the profile they move to;
every profile keeps crisis help (the global rules always add it), so the admin is told that too.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    ADMIN,
    SHOW_ILLUSTRATIVE,
    current_user,
    default_locale,
    flash,
    get_tutor,
    guarded,
    permitted,
)
from app_pages.labels import category_label, profile_name
from tutor.i18n import ui

user, t = current_user(*ADMIN)
_ = t._
tutor = get_tutor()
database = tutor.database
assert database is not None
registry = tutor.profiles
PENDING = "profile-disable-pending"  # the default profile the admin asked to switch off, awaiting a yes


def _name(profile_id: str) -> str:
    return profile_name(tutor, profile_id, t.lang)


def _set(profile_id: str, enabled: bool) -> None:
    if permitted(t, user, ADMIN, registry.set_enabled, profile_id, enabled, user.name):
        flash("success", (_("{name} is enabled.") if enabled else _("{name} is disabled.")).format(
            name=_name(profile_id)))


def _switch(profile_id: str, enabled: bool) -> None:
    """on_click of a profile's switch button; switching off the default profile asks first."""
    if not enabled and profile_id == default_locale(tutor, registry.enabled_ids()):
        st.session_state[PENDING] = profile_id  # asked below, before anything changes
        return
    _set(profile_id, enabled)


def _after_disabling(profile_id: str) -> str | None:
    rest = [i for i in registry.enabled_ids() if i != profile_id]
    return default_locale(tutor, rest) if rest else None


def run_conformance_now(profile_id: str) -> bool:
    from tutor.conformance import run_conformance

    with st.spinner(_("Checking profile {name}…").format(name=_name(profile_id))):
        report = run_conformance(tutor, profile_id)
        database.save_conformance(profile_id, report.passed, report.to_json())
    return report.passed


PROBE_KINDS = {"profile": _("profile file"), "red_line": _("red line refused"), "self_harm": _("crisis help first"),
               "addition": _("local content added"), "omission": _("content withheld"),
               "parity": _("same rules in every language"), "residency": _("data stays in the country")}
STATUS = {"pass": _("passed"), "fail": _("failed"), "skip": _("skipped")}


def probe_rows(report: dict) -> list[dict[str, str]]:
    rows = []
    for probe in report.get("probes") or ():
        probe_id = str(probe.get("id", ""))
        what = category_label(t, probe_id.split(".")[1]) if probe.get("kind") == "red_line" else ""
        rows.append({_("Check"): PROBE_KINDS.get(probe.get("kind", ""), _("other")) + (f": {what}" if what else ""),
                     _("Language"): ui(probe["lang"]).locale.display_name if probe.get("lang") else "—", _("Result"): STATUS.get(probe.get("status", ""), "—"),
                     _("Question"): probe.get("prompt") or "—"})
    return rows


st.title(_("Profiles and conformance"))
entries = registry.entries()
valid = [e.id for e in entries if e.profile is not None]

pending = st.session_state.get(PENDING)
if pending:
    after = _after_disabling(pending)
    with st.container(border=True):
        st.warning(_("{name} is the profile pupils see first. If you switch it off, pupils who use it move to "
                     "{other}, in its languages. Crisis help lines stay in every profile.").format(
            name=_name(pending), other=_name(after) if after else _("no profile: the tutor stops answering")))
        yes, no = st.columns(2)
        if yes.button(_("Yes, switch it off"), key="profile-disable-yes", type="primary"):
            st.session_state.pop(PENDING, None)
            _set(pending, False)
            st.rerun()
        if no.button(_("Cancel"), key="profile-disable-no"):
            st.session_state.pop(PENDING, None)
            st.rerun()

st.header(_("Default profile"))
default = database.default_profile()
chosen = st.selectbox(_("Profile that students see first"), valid,
                      index=valid.index(default) if default in valid else (valid.index("ee") if "ee" in valid else 0),
                      key="default_profile", format_func=_name)
if st.button(_("Save default"), key="save_default_profile"):
    if permitted(t, user, ADMIN, database.set_default_profile, chosen, user.name):
        flash("success", _("Default profile saved."))
        st.rerun()
shown = database.get_setting(SHOW_ILLUSTRATIVE) == "1"
if st.toggle(_("Show illustrative example profiles to pupils"), value=shown, key="show_illustrative") != shown:
    if permitted(t, user, ADMIN, database.set_setting, SHOW_ILLUSTRATIVE, "0" if shown else "1", user.name):
        flash("success", _("Saved."))
        st.rerun()

st.header(_("Profiles"))
results = database.last_conformance()
for entry in entries:
    with st.container(border=True):
        name = entry.profile.localized(entry.profile.name, t.lang) if entry.profile else entry.id
        st.markdown(f"**{name}**" + (" · " + _("illustrative example") if entry.profile and
                                      entry.profile.illustrative else ""))
        if entry.profile is None:
            st.error(_("This profile is broken and cannot be enabled: {error}").format(error=entry.error or ""))
            continue
        status, switch = st.columns([3, 1], vertical_alignment="center")
        status.markdown(("🟢 " + _("Enabled")) if entry.enabled else ("⚪ " + _("Disabled")))
        switch.button(_("Switch off") if entry.enabled else _("Switch on"), key=f"profile-switch-{entry.id}",
                      on_click=_switch, args=(entry.id, not entry.enabled))
        result = results.get(entry.id)
        if result is None:
            st.caption(_("Conformance: never checked."))
        elif result.passed:
            st.success(_("Conformance passed on {date}.").format(date=t.datetime(result.at)))
        else:
            failures = result.report.get("failures") or []
            st.error(t.ngettext("Conformance failed on {date}: {n} check failed.",
                                "Conformance failed on {date}: {n} checks failed.", len(failures)).format(
                date=t.datetime(result.at), n=t.number(len(failures))))
        if result is not None and result.report.get("probes"):
            with st.expander(_("Every check")):
                st.dataframe(probe_rows(result.report), hide_index=True, width="stretch")
        if st.button(_("Run conformance now"), key=f"conformance-{entry.id}"):
            if guarded(t, user, ADMIN, run_conformance_now, entry.id) is not None:
                st.rerun()
