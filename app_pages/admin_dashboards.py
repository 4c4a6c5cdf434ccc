"""Administrators: dashboards from recorded events (anonymous: a kind, a locale, a category, a day)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.common import ADMIN, current_user, get_history, get_tutor
from app_pages.labels import addition_label, category_label, event_label, feedback_label, profile_name

user, t = current_user(*ADMIN)
_ = t._
tutor = get_tutor()
history = get_history()

st.title(_("Dashboards"))
left, right = st.columns(2)
days = left.selectbox(_("Period"), [7, 30, 90, 365], index=1, key="dashboard_days",
                      format_func=lambda n: t.ngettext("last {n} day", "last {n} days", n).format(n=t.number(n)))
everything = history.dashboards.counts(days)
locales = sorted({*tutor.profiles.ids(), *(row["locale"] for row in everything.per_locale)})
ALL = ""
locale = right.selectbox(_("Curriculum"), [ALL, *locales], key="dashboard_locale",
                         format_func=lambda i: _("All locales") if i == ALL else profile_name(tutor, i, t.lang))
board = everything if locale == ALL else history.dashboards.counts(days, locale)


def total(rows: list[dict]) -> int:
    return sum(int(r["count"]) for r in rows)


metrics = [
    (_("Questions"), total(board.questions_per_day)),
    (_("Refusals"), total(board.refusals_by_category)),
    (_("Withheld"), total(board.withheld_by_rule)),
    (_("Additions shown"), total(board.additions_shown)),
    (_("Safety help"), total(board.safety_by_category)),
    (_("Feedback"), total(board.feedback_by_kind)),
]
for column, (label, value) in zip(st.columns(len(metrics)), metrics, strict=True):
    column.metric(label, t.number(value))
st.caption(_("Since {date}. Counts come from recorded events, which hold no user and no text.").format(
    date=t.date(board.since)))


def chart(title: str, rows: list[dict], index: str, label) -> None:  # noqa: ANN001 - id -> words
    """Bars per ``index`` (in words, in the reader's language) and one colour per profile, by name."""
    st.header(title)
    if not rows:
        st.caption(_("Nothing recorded in this period."))
        return
    what, where, count = label_what(index), _("Curriculum"), _("Count")
    frame = pd.DataFrame([{what: label(r), where: profile_name(tutor, r["locale"], t.lang), count: r["count"]}
                          for r in rows])
    frame = frame.pivot_table(index=what, columns=where, values=count, aggfunc="sum", fill_value=0)
    if index == "day":  # dates in order, not in the order of their words
        order = {label(r): str(r["day"]) for r in rows}
        frame = frame.loc[sorted(frame.index, key=order.__getitem__)]
    st.bar_chart(frame, x_label=what, y_label=count, sort=index != "day", alt=title)


def label_what(index: str) -> str:
    return {"day": _("Day"), "category": _("Category"), "rule": _("Rule"), "kind": _("Kind")}[index]


chart(_("Questions per day"), board.questions_per_day, "day", lambda r: t.date(r["day"], "medium"))
chart(_("Refusals by category"), board.refusals_by_category, "category", lambda r: category_label(t, r["category"]))
chart(_("Withheld content by rule"), board.withheld_by_rule, "rule", lambda r: category_label(t, r["rule"]))
chart(_("Additions shown"), board.additions_shown, "rule", lambda r: addition_label(t, r["rule"]))
chart(_("Safety help by category"), board.safety_by_category, "category", lambda r: category_label(t, r["category"]))
chart(_("Feedback by kind"), board.feedback_by_kind, "kind", lambda r: feedback_label(t, r["kind"], r["reason"]))
if board.per_locale:
    st.header(_("Per locale"))
    st.dataframe([{(_("Curriculum") if key == "locale" else event_label(t, key)):
                   (profile_name(tutor, value, t.lang) if key == "locale" else t.number(value))
                   for key, value in row.items()} for row in board.per_locale], hide_index=True, width="stretch")
