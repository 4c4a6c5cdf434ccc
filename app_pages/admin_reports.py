"""Administrators: problems students reported on answers, to review and mark resolved."""

from __future__ import annotations

import streamlit as st

from app_pages.common import ADMIN, current_user, get_history, guarded, reason_label

user, t = current_user(*ADMIN)
_ = t._
history = get_history()

st.title(_("Reports"))
show_resolved = st.toggle(_("Also show resolved reports"), key="reports_show_resolved")
reports = history.reports(resolved=None if show_resolved else False)
if not reports:
    st.info(_("No reports to review."))
for report in reports:
    with st.container(border=True):
        st.markdown(f"**{reason_label(t, report.reason or 'other')}** · {report.locale} · "
                    f"{t.datetime(report.created_at)}")
        st.caption(_("The answer:"))
        st.text(report.excerpt)
        if report.comment:
            st.caption(_("Comment:"))
            st.text(report.comment)
        if report.resolved:
            st.caption(_("Resolved by {name} on {date}").format(name=report.resolved_by or "—",
                                                               date=t.date(report.resolved_at)))
        elif st.button(_("Mark resolved"), key=f"resolve-{report.id}"):
            if guarded(t, user, ADMIN, history.resolve_report, report.id, user.name) is not None:
                st.rerun()
