"""Flags raised by students' messages: teachers see their classes' flags, administrators the high-severity ones."""

from __future__ import annotations

import streamlit as st

from app_pages.common import TEACHING, current_user, get_accounts, get_history, guarded

user, t = current_user(*TEACHING)
_ = t._
history = get_history()

st.title(_("Flags"))
st.caption(_("A flag is raised when a student's message is about serious harm or self-harm. Personal data in "
             "the excerpts has been removed."))
show_seen = st.toggle(_("Also show flags already seen"), key="flags_show_seen")
# Teachers see the flags of the students in their classes; administrators see every high-severity flag.
students = None if user.role == "admin" else get_accounts().students_of(user.id)
flags = history.flags(severity="high" if user.role == "admin" else None, seen=None if show_seen else False,
                      students=students)
if students is not None and not students:
    st.info(_("You have no students yet: an administrator adds you and your students to a class."))
elif not flags:
    st.info(_("No flags to review."))
names: dict[int, str] = {}
for flag in flags:
    if flag.student_id not in names:
        student = get_accounts().get_user_by_id(flag.student_id)
        names[flag.student_id] = student.name if student else "—"
    with st.container(border=True):
        st.markdown(_("**{student}** · {category} · {when}").format(
            student=names[flag.student_id], category=flag.category, when=t.datetime(flag.created_at)))
        st.text(flag.excerpt)
        if flag.seen:
            st.caption(_("Seen by {name} on {date}").format(name=flag.seen_by or "—", date=t.date(flag.seen_at)))
        elif st.button(_("Mark as seen"), key=f"flag-seen-{flag.id}"):
            if guarded(t, user, TEACHING, history.mark_flag_seen, flag.id, user.name, students=students) is not None:
                st.rerun()
