"""Administrators: switch locale profiles on and off, choose the default, see and run conformance."""

from __future__ import annotations

import streamlit as st

from app_pages.common import ADMIN, current_user, get_tutor, guarded

user, t = current_user(*ADMIN)
_ = t._
tutor = get_tutor()
database = tutor.database
assert database is not None
registry = tutor.profiles


def _toggle(profile_id: str) -> None:
    enabled = bool(st.session_state[f"profile-enabled-{profile_id}"])
    guarded(t, user, ADMIN, registry.set_enabled, profile_id, enabled, user.name)


def run_conformance_now(profile_id: str) -> bool:
    from tutor.conformance import run_conformance

    with st.spinner(_("Checking profile {id}…").format(id=profile_id)):
        report = run_conformance(tutor, profile_id)
        database.save_conformance(profile_id, report.passed, report.to_json())
    return report.passed


st.title(_("Profiles and conformance"))
entries = registry.entries()
valid = [e.id for e in entries if e.profile is not None]

st.subheader(_("Default profile"))
default = database.default_profile()
chosen = st.selectbox(_("Profile that students see first"), valid,
                      index=valid.index(default) if default in valid else (valid.index("ee") if "ee" in valid else 0),
                      key="default_profile",
                      format_func=lambda i: tutor.profiles.get(i).localized(tutor.profiles.get(i).name, t.lang))
if st.button(_("Save default"), key="save_default_profile"):
    if guarded(t, user, ADMIN, database.set_default_profile, chosen, user.name) is not None:
        st.success(_("Default profile saved."))

st.subheader(_("Profiles"))
results = database.last_conformance()
for entry in entries:
    with st.container(border=True):
        name = entry.profile.localized(entry.profile.name, t.lang) if entry.profile else entry.id
        st.markdown(f"**{name}** (`{entry.id}`)")
        if entry.profile is None:
            st.error(_("This profile is broken and cannot be enabled: {error}").format(error=entry.error or ""))
            continue
        st.toggle(_("Enabled"), value=entry.enabled, key=f"profile-enabled-{entry.id}", on_change=_toggle,
                  args=(entry.id,))
        result = results.get(entry.id)
        if result is None:
            st.caption(_("Conformance: never checked."))
        elif result.passed:
            st.success(_("Conformance passed on {date}.").format(date=t.datetime(result.at)))
        else:
            failures = result.report.get("failures") or []
            st.error(_("Conformance failed on {date}. Failed probes: {probes}.").format(
                date=t.datetime(result.at), probes=t.list(failures) if failures else "—"))
        if st.button(_("Run conformance now"), key=f"conformance-{entry.id}"):
            if guarded(t, user, ADMIN, run_conformance_now, entry.id) is not None:
                st.rerun()
