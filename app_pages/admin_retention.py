"""Administrators: how long chat history is kept, and deleting what is older now."""

from __future__ import annotations

import streamlit as st

from app_pages.common import ADMIN, confirmed, current_user, flash, get_history, get_tutor, guarded, permitted

user, t = current_user(*ADMIN)
_ = t._
database = get_tutor().database
assert database is not None
history = get_history()

st.title(_("Retention"))
current = database.retention_days()
st.markdown(_("Chat history is kept for {period}.").format(
    period=t.ngettext("{n} day", "{n} days", current).format(n=t.number(current)) if current
    else _("as long as students keep it")))
days = st.number_input(_("Days to keep chat history (0: until students delete it)"), min_value=0, max_value=3650,
                       value=current or 0, step=1, key="retention_days")
if st.button(_("Save"), key="save_retention"):
    if permitted(t, user, ADMIN, database.set_retention_days, int(days) or None, user.name):
        flash("success", _("Saved: chat history is kept for {period}.").format(
            period=t.ngettext("{n} day", "{n} days", int(days)).format(n=t.number(int(days))) if days
            else _("as long as students keep it")))
        st.rerun()

st.header(_("Delete old history now"))
st.caption(_("Deletes messages older than the period, thumbs and resolved reports, and flags already seen. "
             "Unresolved reports and unseen flags are kept until they are handled."))
if confirmed(t, "purge", _("Purge now"), _("Delete all chat history older than the retention period?")):
    result = guarded(t, user, ADMIN, history.retention.purge, user.name)
    if result is not None and result.cutoff is None:
        st.info(_("No retention period is set, so nothing was deleted."))
    elif result is not None:
        st.success(_("Deleted. Conversations: {conversations}, messages: {messages}, feedback: {feedback}, "
                     "flags: {flags}.").format(conversations=t.number(result.conversations),
                                              messages=t.number(result.messages),
                                              feedback=t.number(result.feedback), flags=t.number(result.flags)))
