"""Teachers: the questions pupils asked that the tutor could not answer from the curriculum, grouped by topic,
so the teacher knows what material to add."""

from __future__ import annotations

import streamlit as st

from app_pages.common import TEACHING, current_user, get_review, get_tutor, students_in_view, without_students
from app_pages.labels import profile_name
from app_pages.safe_markdown import inert_markdown
from tutor.review import group_by_topic

user, t = current_user(*TEACHING)
_ = t._
tutor = get_tutor()

st.title(_("Curriculum gaps"))
st.caption(_("Questions your pupils asked that the tutor could not answer from the curriculum, grouped by topic. "
             "Adding material on these topics lets the tutor answer them next time."))
days = st.selectbox(_("Period"), [7, 30, 90, 365], index=2, key="gaps_days",
                    format_func=lambda n: t.ngettext("last {n} day", "last {n} days", n).format(n=t.number(n)))
students = students_in_view(user)
if without_students(t, students):
    st.stop()
questions = get_review().unanswered(days=days, students=students)
if not questions:
    st.success(_("Every question in this period was answered from the curriculum."))
else:
    gaps = group_by_topic(questions, tutor.embedder.embed_passages)
    st.markdown(t.ngettext("{n} unanswered question", "{n} unanswered questions", len(questions))
                .format(n=t.number(len(questions))) + " · " +
                t.ngettext("{n} topic", "{n} topics", len(gaps)).format(n=t.number(len(gaps))))
    for gap in gaps:
        title = t.ngettext("{topic}: {n} question", "{topic}: {n} questions", len(gap.questions)).format(
            topic=inert_markdown(gap.topic), n=t.number(len(gap.questions)))
        with st.expander(title, expanded=len(gaps) <= 3):
            st.caption(_("Curriculum: {name}").format(
                name=t.list(profile_name(tutor, i, t.lang) for i in gap.locales)))
            for question in gap.questions:
                st.markdown("- " + inert_markdown(question))
