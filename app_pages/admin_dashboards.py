"""Administrators: dashboards from recorded events (anonymous: a kind, a locale, a category, a day)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.common import ADMIN, current_user, get_history, get_tutor

user, t = current_user(*ADMIN)
_ = t._
tutor = get_tutor()
history = get_history()

st.title(_("Dashboards"))
left, right = st.columns(2)
days = left.selectbox(_("Period"), [7, 30, 90, 365], index=1, key="dashboard_days",
                      format_func=lambda n: t.ngettext("last {n} day", "last {n} days", n).format(n=t.number(n)))
everything = history.dashboard(days)
locales = sorted({*tutor.profiles.ids(), *(row["locale"] for row in everything.per_locale)})
ALL = ""
locale = right.selectbox(_("Locale"), [ALL, *locales], key="dashboard_locale",
                         format_func=lambda i: _("All locales") if i == ALL else i)
board = everything if locale == ALL else history.dashboard(days, locale)


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


def chart(title: str, rows: list[dict], index: str) -> None:
    st.subheader(title)
    if not rows:
        st.caption(_("Nothing recorded in this period."))
        return
    frame = pd.DataFrame(rows).pivot_table(index=index, columns="locale", values="count", aggfunc="sum",
                                           fill_value=0)
    st.bar_chart(frame)


chart(_("Questions per day"), board.questions_per_day, "day")
chart(_("Refusals by category"), board.refusals_by_category, "category")
chart(_("Withheld content by rule"), board.withheld_by_rule, "rule")
chart(_("Additions shown"), board.additions_shown, "rule")
chart(_("Safety help by category"), board.safety_by_category, "category")
chart(_("Feedback by kind"), [{**r, "kind": r["kind"] + (f" ({r['reason']})" if r["reason"] else "")}
                              for r in board.feedback_by_kind], "kind")
if board.per_locale:
    st.subheader(_("Per locale"))
    st.dataframe(board.per_locale, hide_index=True, width="stretch")
