"""The student's chat page: ask, read a grounded answer, open its sources, see every notice."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.common import LANGUAGE, LOCALE, MESSAGES, enabled_locales, get_tutor
from tutor.i18n import UI, ui
from tutor.types import Answer, Notice

BANNER = {"added": st.info, "withheld": st.warning, "refused": st.warning, "safety": st.error}
ICON = {"added": "➕", "withheld": "🚫", "refused": "✋", "safety": "🆘"}


def _notice_label(t: UI, notice: Notice) -> str:
    _ = t._
    titles = {
        "added": _("Local content added"),
        "withheld": _("Content withheld"),
        "refused": _("Request declined"),
        "safety": _("Safety information"),
    }
    return f"**{titles[notice.kind]}** ({notice.category}): {notice.reason}"


def render_answer(t: UI, message: dict[str, Any]) -> None:
    _ = t._
    st.markdown(message["text"])
    for notice in message.get("notices", ()):
        BANNER[notice.kind](_notice_label(t, notice), icon=ICON[notice.kind])
    if message.get("notices"):
        st.page_link("app_pages/transparency.py", label=_("What rules apply and why"), icon="⚖️")
    for number, citation in enumerate(message.get("citations", ()), start=1):
        where = [citation.source]
        if citation.page:
            where.append(_("page {page}").format(page=t.number(citation.page)))
        if citation.section:
            where.append(citation.section)
        with st.expander(f"[{number}] " + " · ".join(where)):
            st.markdown(citation.text)


tutor = get_tutor()
locales = enabled_locales(tutor)
if not locales:
    st.error(ui("en")._("No locale profile is enabled. An administrator must enable one."))
    st.stop()
if st.session_state.get(LOCALE) not in locales:
    st.session_state[LOCALE] = "ee" if "ee" in locales else locales[0]

with st.sidebar:
    locale = st.selectbox("Locale / Riik", locales, key=LOCALE,
                          format_func=lambda i: tutor.profiles.get(i).localized(tutor.profiles.get(i).name, "en"))
    profile = tutor.profiles.get(locale)
    if st.session_state.get(LANGUAGE) not in profile.languages:
        st.session_state[LANGUAGE] = profile.default_language
    language = st.selectbox("Language / Keel / Язык", profile.languages, key=LANGUAGE,
                            format_func=lambda code: ui(code).locale.display_name or code)
    t = ui(language, profile.babel_locale)
    _ = t._
    documents = tutor.store.documents(locale)
    st.caption(_("Answers by: {backend}").format(backend=tutor.backend.name))
    passages = sum(d.chunks for d in documents)
    st.caption(_("Curriculum: {name}").format(name=profile.localized(profile.name, language)) + " — " +
               t.ngettext("{n} document", "{n} documents", len(documents)).format(n=t.number(len(documents)))
               + ", " + t.ngettext("{n} passage", "{n} passages", passages).format(n=t.number(passages)))
    if st.button(_("New conversation")):
        st.session_state[MESSAGES] = []

st.title(_("Ask your tutor"))
if not documents:
    st.info(_("This locale has no curriculum yet. A teacher can add some, or run `localtutor seed`."))

messages: list[dict[str, Any]] = st.session_state.setdefault(MESSAGES, [])
for message in messages:
    with st.chat_message(message["role"]):
        if message["role"] == "user":
            st.markdown(message["text"])
        else:
            render_answer(t, message)

question = st.chat_input(_("Ask a question about your lessons"))
if question:
    messages.append({"role": "user", "text": question})
    with st.chat_message("user"):
        st.markdown(question)
    history = tuple((m["role"], m["text"]) for m in messages[:-1])
    with st.chat_message("assistant"):
        placeholder = st.empty()
        shown = ""
        answer: Answer | None = None
        try:
            for event in tutor.stream(question, locale, lang=language, history=history):
                if event.kind == "delta":
                    shown += event.text
                    placeholder.markdown(shown + "▌")
                elif event.kind == "replace":
                    shown = event.text
                    placeholder.markdown(shown)
                elif event.answer is not None:
                    answer = event.answer
        except RuntimeError as exc:
            placeholder.empty()
            st.error(_("The tutor could not answer: {error}").format(error=exc))
        if answer is not None:
            placeholder.empty()
            reply = {"role": "assistant", "text": answer.text, "citations": answer.citations,
                     "notices": answer.notices}
            messages.append(reply)
            with placeholder.container():
                render_answer(t, reply)
