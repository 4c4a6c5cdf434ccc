"""Administrators: the audit log (who did what, when) and its CSV export."""

from __future__ import annotations

import streamlit as st

from app_pages.common import ADMIN, current_user, get_tutor

user, t = current_user(*ADMIN)
_ = t._
database = get_tutor().database
assert database is not None

st.title(_("Audit log"))
st.caption(_("Every administrator and teacher action, newest first."))
st.download_button(_("Download CSV"), data=database.audit_csv(), file_name="localtutor-audit.csv",
                   mime="text/csv", key="audit_csv")
entries = database.audit_log(limit=500)
if not entries:
    st.info(_("Nothing recorded yet."))
else:
    st.dataframe([{_("When"): t.datetime(e.at), _("Who"): e.actor, _("Action"): e.action, _("Target"): e.target,
                   _("Details"): e.detail} for e in entries], hide_index=True, width="stretch")
