"""Flags raised by students' messages: teachers see their classes' flags, administrators the high-severity ones.

Each flag opens the conversation around the flagged question, so the teacher knows what happened.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    TEACHING,
    current_user,
    flash,
    get_accounts,
    get_history,
    get_review,
    guarded,
    students_in_view,
    without_students,
)
from app_pages.labels import category_label
from app_pages.safe_markdown import inert_markdown

user, t = current_user(*TEACHING)
_ = t._
history = get_history()

st.title(_("Flags"))
st.caption(_("A flag is raised when a student's message is about serious harm or self-harm. Personal data in "
             "the excerpts has been removed."))
show_seen = st.toggle(_("Also show flags already seen"), key="flags_show_seen")
students = students_in_view(user)
flags = history.flags.find(severity="high" if user.role == "admin" else None, seen=None if show_seen else False,
                      students=students)
if not without_students(t, students) and not flags:
    st.info(_("No flags to review."))
names: dict[int, str] = {}
for flag in flags:
    if flag.student_id not in names:
        student = get_accounts().users.get_by_id(flag.student_id)
        names[flag.student_id] = student.name if student else "—"
    with st.container(border=True):
        st.markdown(_("**{student}** · {category} · {when}").format(
            student=inert_markdown(names[flag.student_id]), category=category_label(t, flag.category),
            when=t.datetime(flag.created_at)))
        st.text(flag.excerpt)
        with st.expander(_("Open the conversation")):
            messages = get_review().flag_conversation(flag.id, students=students)
            if not messages:
                st.caption(_("The conversation was deleted."))
            for message in messages:
                who = names[flag.student_id] if message.role == "user" else _("Tutor")
                st.markdown(f"**{inert_markdown(who)}** · {t.datetime(message.created_at)}")
                st.markdown(inert_markdown(message.content))
        if flag.seen:
            st.caption(_("Seen by {name} on {date}").format(name=flag.seen_by or "—", date=t.date(flag.seen_at)))
        elif st.button(_("Mark as seen"), key=f"flag-seen-{flag.id}"):
            if guarded(t, user, TEACHING, history.flags.mark_seen, flag.id, user.name, students=students) is not None:
                flash("success", _("Marked as seen."))
                st.rerun()
