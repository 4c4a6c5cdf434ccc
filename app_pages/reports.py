"""Problems pupils reported on answers: the question, the pupil and the answer, to review and mark resolved.

Teachers see the reports of their own classes' pupils; administrators see every report.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    TEACHING,
    current_user,
    flash,
    get_history,
    get_review,
    get_tutor,
    guarded,
    reason_label,
    students_in_view,
    without_students,
)
from app_pages.labels import profile_name
from app_pages.safe_markdown import inert_markdown

user, t = current_user(*TEACHING)
_ = t._
history = get_history()

st.title(_("Reports"))
students = students_in_view(user)
show_resolved = st.toggle(_("Also show resolved reports"), key="reports_show_resolved")
reports = get_review().reports(resolved=None if show_resolved else False, students=students)
if not without_students(t, students) and not reports:
    st.info(_("No reports to review."))
for report in reports:
    with st.container(border=True):
        st.markdown(f"**{reason_label(t, report.reason or 'other')}** · {inert_markdown(report.pupil)} · "
                    f"{profile_name(get_tutor(), report.locale, t.lang) if report.locale else '—'} · "
                    f"{t.datetime(report.created_at)}")
        st.caption(_("The question:"))
        st.markdown(inert_markdown(report.question) if report.question else "—")
        st.caption(_("The answer:"))
        st.markdown(inert_markdown(report.answer))
        if report.comment:
            st.caption(_("Comment:"))
            st.markdown(inert_markdown(report.comment))
        if report.resolved:
            st.caption(_("Resolved by {name} on {date}").format(name=report.resolved_by or "—",
                                                               date=t.date(report.resolved_at)))
        elif st.button(_("Mark resolved"), key=f"resolve-{report.id}"):
            if guarded(t, user, TEACHING, history.feedback.resolve_report, report.id, user.name) is not None:
                flash("success", _("Marked as resolved."))
                st.rerun()
