"""The student's chat page: ask, read a grounded answer, open its sources, see every notice.

Conversations are kept per student in the app database (History), so they survive a reload
and a restart; each stored answer keeps its citations and notices, so banners and sources
render again. Under each answer: thumbs and "report a problem".
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from app_pages.common import (
    CONVERSATION,
    LANGUAGE,
    LOCALE,
    TEACHING,
    confirmed,
    current_user,
    default_locale,
    flash,
    get_documents,
    get_history,
    get_turns,
    get_tutor,
    guarded,
    passage_label,
    pupil_locales,
    reason_label,
    save_language,
    signed_in_user,
)
from app_pages.labels import addition_label, category_label, profile_name
from app_pages.safe_markdown import inert_markdown
from curriculum.originals import Original, download_name, pdf_page_count, render_pdf_page
from tutor.accounts import ROLES, PermissionDenied, UserRecord
from tutor.history import REPORT_REASONS, MessageRecord
from tutor.i18n import UI, ui
from tutor.limits import AnswerTimeout
from tutor.turns import QuestionTooLong, Turn, TurnStream
from tutor.types import Citation, Notice

log = logging.getLogger("localtutor.chat")
BANNER = {"added": st.info, "withheld": st.warning, "refused": st.warning, "safety": st.error, "checked": st.info}
MIME = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".md": "text/markdown", ".markdown": "text/markdown", ".txt": "text/plain", ".html": "text/html",
        ".htm": "text/html"}
ICON = {"added": "➕", "withheld": "🚫", "refused": "✋", "safety": "🆘", "checked": "🔎"}


def _notice_label(t: UI, notice: Notice) -> str:
    """A banner's words in the reader's language now (a stored answer may be read in another language).

    Safety help speaks to the pupil; the other banners name what kind of content it was and why.
    """
    _ = t._
    if notice.kind == "safety":
        return "**" + _("You are not alone") + "**: " + _("the people at these help lines listen, and they help "
                                                           "for free, day and night.")
    if notice.kind == "refused":
        return "**" + _("Request declined") + " — " + category_label(t, notice.category) + "**: " + \
            _refusal_reason(t, notice)
    if notice.kind == "added":
        return "**" + _("Local content added") + " — " + addition_label(t, notice.category) + "**: " + \
            _addition_reason(t, notice)
    if notice.kind == "withheld":
        return "**" + _("Content withheld") + " — " + category_label(t, notice.category) + "**: " + notice.reason
    return "**" + _("Answer checked against the curriculum") + "**: " + notice.reason


def _refusal_reason(t: UI, notice: Notice) -> str:
    """The policy's explanation of the category in the reader's language (the stored one as a fallback)."""
    try:
        explanation = get_tutor().guard.policy.category(notice.category).explanation
    except Exception:  # a category of an older policy, or the moderation fallback
        return notice.reason
    return explanation.get(t.lang) or notice.reason


def _addition_reason(t: UI, notice: Notice) -> str:
    tutor = get_tutor()
    for profile_id in tutor.profiles.enabled_ids():
        for addition in tutor.profiles.get(profile_id).additions:
            if addition.id == notice.category and t.lang in addition.reason:
                return addition.reason[t.lang]
    return notice.reason


def render_answer(t: UI, message: dict[str, Any], key: int, locale: str) -> None:
    _ = t._
    safety = [n for n in message.get("notices", ()) if n.kind == "safety"]
    for notice in safety:  # help first: above the answer, addressed to the pupil
        BANNER[notice.kind](_notice_label(t, notice), icon=ICON[notice.kind])
    st.markdown(inert_markdown(message["text"]))
    for notice in message.get("notices", ()):
        if notice.kind != "safety":
            BANNER[notice.kind](_notice_label(t, notice), icon=ICON[notice.kind])
    if message.get("notices"):
        st.page_link("app_pages/transparency.py", label=_("What rules apply and why"), icon="⚖️")
    for number, citation in enumerate(message.get("citations", ()), start=1):
        with st.expander(inert_markdown(passage_label(t, number, citation.title or citation.source, citation.page,
                                                      citation.section))):
            st.markdown(inert_markdown(citation.text))
            where = _("Open the document at this page") if citation.page else _("Open the document at this section")
            if st.button(where, key=f"open-{key}-{number}", icon="📖"):
                open_document(t, locale, citation)


def open_document(t: UI, locale: str, citation: Citation) -> None:
    """The cited document in a dialog, at the cited page (PDF) or section. A kept original PDF is shown as
    the page itself, with the page's passages under it (the cited one marked) and the file to download;
    other originals can be downloaded; without one (ingested before originals were kept, or withheld from
    pupils because personal data was removed from it) the stored passages are shown and the dialog says so."""
    _ = t._

    @st.dialog(citation.title or citation.source, width="large")
    def show() -> None:
        user = signed_in_user()
        try:  # only a curriculum this user can pick in the chat
            opened = get_documents().open(user, locale, citation.source,
                                          pupil_locales(get_tutor(), user) if user is not None else ())
        except PermissionDenied:
            st.error(_("You are not allowed to open this document."))
            return
        if not opened.chunks:
            st.info(_("This document is no longer in the curriculum."))
            return
        original = opened.original
        if opened.state == "not_kept":
            st.caption(_("The original file of this document is not kept (it was added before originals were "
                         "kept, or it is too large): these are its passages as the tutor stores them."))
        elif opened.state == "withheld":
            st.caption(_("The original file is shown only to teachers, because personal data was removed from "
                         "this document: these are its passages as the tutor stores them."))
        elif original is not None:  # above the page, which is taller than the dialog
            _download(t, citation, original)
        if original is not None and original.suffix == ".pdf":
            _pdf_page(t, citation, opened.chunks, original)
        else:
            _passages(t, citation, opened.chunks)

    show()


def _places(chunks: list[Any], field: str) -> list[Any]:
    return list(dict.fromkeys(c.metadata.get(field) for c in chunks))


def _chunk_texts(chunks: list[Any], citation: Citation) -> None:
    for chunk in chunks:
        if chunk.chunk_id == citation.chunk_id:
            st.info(inert_markdown(chunk.text), icon="📌")
        else:
            st.markdown(inert_markdown(chunk.text))


def _passages(t: UI, citation: Citation, chunks: list[Any]) -> None:
    """The stored passages of the cited page or section; the reader can move to the others."""
    _ = t._
    by_page = citation.page is not None and any(c.metadata.get("page") for c in chunks)
    field = "page" if by_page else "section"
    places = _places(chunks, field)
    here = citation.page if by_page else citation.section
    label = (lambda p: _("page {page}").format(page=t.number(p))) if by_page \
        else (lambda s: inert_markdown(str(s)) if s else _("Beginning"))
    place = st.selectbox(_("Page") if by_page else _("Section"), places,
                         index=places.index(here) if here in places else 0, format_func=label,
                         key=f"document-place-{citation.chunk_id}")
    _chunk_texts([c for c in chunks if c.metadata.get(field) == place], citation)


def _pdf_page(t: UI, citation: Citation, chunks: list[Any], original: Original) -> None:
    """The cited page of the original PDF as a picture, any other page on request, and its passages as text."""
    _ = t._
    try:
        pages = pdf_page_count(original.path)
    except Exception:  # a file PDFium cannot open: the passages still are there
        log.exception("cannot open the original of %s", citation.source)
        _passages(t, citation, chunks)
        return
    numbers = list(range(1, pages + 1))
    here = citation.page if citation.page in numbers else 1
    page = st.selectbox(_("Page"), numbers, index=numbers.index(here),
                        format_func=lambda p: _("page {page} of {pages}").format(page=t.number(p),
                                                                                 pages=t.number(pages)),
                        key=f"document-page-{citation.chunk_id}")
    st.image(render_pdf_page(original.path, page), width="stretch", output_format="PNG",
             alt=_("Page {page} of {title}").format(page=t.number(page), title=citation.title or citation.source))
    on_page = [c for c in chunks if c.metadata.get("page") == page]
    if on_page:
        st.subheader(_("The text of this page"), anchor=False)
        _chunk_texts(on_page, citation)


def _download(t: UI, citation: Citation, original: Original) -> None:
    _ = t._
    megabytes = original.size / 1024 / 1024
    size = _("{n} MB").format(n=t.number(round(megabytes, 1))) if megabytes >= 1 else \
        _("{n} kB").format(n=t.number(max(1, round(original.size / 1024))))
    st.download_button(_("Download the original file ({size})").format(size=size), original.read,
                       file_name=download_name(citation.source), mime=MIME.get(original.suffix),
                       on_click="ignore", icon="⬇️", key=f"document-download-{citation.chunk_id}")
    if citation.page:
        st.caption(_("The passage is on page {page}.").format(page=t.number(citation.page)))
    elif citation.section:
        st.caption(_("The passage is in the section “{section}”.").format(section=inert_markdown(citation.section)))


def stored_answer(message: MessageRecord) -> dict[str, Any]:
    data = message.data or {}
    return {"text": message.content,
            "citations": [Citation(**c) for c in data.get("citations", ())],
            "notices": [Notice(**n) for n in data.get("notices", ())]}


def _save_thumb(t: UI, user: UserRecord, message_id: int) -> None:
    value = st.session_state.get(f"thumbs-{message_id}")
    if value is not None and guarded(t, user, ROLES, get_history().feedback.add, user.id, message_id,
                                     "up" if value == 1 else "down") is not None:
        flash("success", t._("Thank you for your feedback."))


def render_feedback(t: UI, user: UserRecord, message_id: int, given: str | None = None) -> None:
    """Thumbs up/down (shown, and fixed, once given) and "report a problem" under one stored answer."""
    _ = t._
    left, right = st.columns([1, 3], vertical_alignment="center")
    with left:
        st.feedback("thumbs", key=f"thumbs-{message_id}", on_change=_save_thumb, args=(t, user, message_id),
                    default=None if given is None else int(given == "up"), disabled=given is not None)
    with right, st.popover(_("Report a problem"), icon="🚩"):
        with st.form(f"report-{message_id}", clear_on_submit=True):
            reason = st.selectbox(_("What is wrong?"), REPORT_REASONS, format_func=lambda r: reason_label(t, r))
            comment = st.text_area(_("Comment (optional)"), max_chars=2000)
            sent = st.form_submit_button(_("Send report"))
        if sent and guarded(t, user, ROLES, get_history().feedback.add, user.id, message_id, "report",
                            reason=reason, comment=comment or ""):
            st.success(_("Thank you. An administrator will look at your report."))


def conversation_list(t: UI, user: UserRecord, current: int | None) -> None:
    """The student's conversations to reopen, and "delete my history" (after a confirmation)."""
    _ = t._
    history = get_history()
    conversations = history.conversations.of_user(user.id)
    if not conversations:
        return
    st.subheader(_("Your conversations"))
    for conversation in conversations[:30]:
        label = inert_markdown(conversation.title or _("Untitled")) + " · " + t.date(conversation.updated_at, "short")
        st.button(label, key=f"conversation-{conversation.id}", width="stretch",
                  type="primary" if conversation.id == current else "secondary",
                  on_click=_open_conversation, args=(conversation.id, conversation.locale))
    if confirmed(t, "delete_history", _("Delete my history"),
                 _("Delete all your conversations? This cannot be undone.")) \
            and guarded(t, user, ROLES, history.conversations.delete_all, user.id) is not None:
        _open_conversation(None)
        st.rerun()


def _open_conversation(conversation_id: int | None, locale: str | None = None) -> None:
    st.session_state[CONVERSATION] = conversation_id
    if locale is not None and locale in get_tutor().profiles.enabled_ids():
        st.session_state[LOCALE] = locale


user, _t = current_user(*ROLES)
tutor = get_tutor()
history = get_history()
locales = pupil_locales(tutor, user)
if not locales:
    st.error(ui("en")._("No locale profile is enabled. An administrator must enable one."))
    st.stop()
if st.session_state.get(LOCALE) not in locales:
    st.session_state[LOCALE] = default_locale(tutor, locales)

conversations = history.conversations.of_user(user.id)
if CONVERSATION not in st.session_state:  # a new sign-in (or a reload): continue the newest conversation
    st.session_state[CONVERSATION] = conversations[0].id if conversations else None
    if conversations and conversations[0].locale in locales:
        st.session_state[LOCALE] = conversations[0].locale
conversation_id = st.session_state[CONVERSATION]
if conversation_id not in {c.id for c in conversations}:
    conversation_id = st.session_state[CONVERSATION] = None

with st.sidebar:
    names = {i: profile_name(tutor, i, _t.lang) for i in locales}  # a plain mapping keeps format_func pure
    locale = st.selectbox(_t._("Curriculum"), locales, key=LOCALE, format_func=names.__getitem__)
    profile = tutor.profiles.get(locale)
    if st.session_state.get(LANGUAGE) not in profile.languages:
        st.session_state[LANGUAGE] = profile.default_language
    language = st.selectbox(_t._("Language"), profile.languages, key=LANGUAGE, on_change=save_language,
                            args=(user,), format_func=lambda code: ui(code).locale.display_name or code)
    t = ui(language, profile.babel_locale)
    _ = t._
    documents = tutor.store.documents(locale)
    if user.role in TEACHING:  # the model's name means nothing to a pupil
        st.caption(_("Answers by: {backend}").format(backend=tutor.backend.name))
    passages = sum(d.chunks for d in documents)
    st.caption(_("Curriculum: {name}").format(name=profile.localized(profile.name, language)) + " — " +
               t.ngettext("{n} document", "{n} documents", len(documents)).format(n=t.number(len(documents)))
               + ", " + t.ngettext("{n} passage", "{n} passages", passages).format(n=t.number(passages)))
    st.button(_("New conversation"), on_click=_open_conversation, args=(None,))
    listing = st.container()  # filled at the end, so that a conversation started in this run is listed

st.title(_("Ask your tutor"))
st.caption(_("Your conversations are saved so you can come back to them. If a message is about serious harm "
             "or self-harm, your teachers can see that conversation so they can help."))
if not documents:
    st.info(_("This locale has no curriculum yet. A teacher can add some, or run `localtutor seed`."))

stored = history.conversations.messages(conversation_id, user.id) if conversation_id is not None else []
conversation_locale = next((c.locale for c in conversations if c.id == conversation_id), locale)
given = history.feedback.thumbs(user.id, [m.id for m in stored if m.role == "assistant"])
for message in stored:
    with st.chat_message(message.role):
        if message.role == "user":
            st.markdown(inert_markdown(message.content))
        else:
            render_answer(t, stored_answer(message), message.id, conversation_locale)
            render_feedback(t, user, message.id, given.get(message.id))

question = st.chat_input(_("Ask a question about your lessons"))
turn_stream: TurnStream | None = None
if question:
    try:  # the turn checks the question at once; nothing runs or is stored until it is read below
        turn_stream = get_turns().ask(user, conversation_id, question, locale, lang=language)
    except QuestionTooLong as exc:
        # Refused before anything runs or is stored: a pupil's paste of a whole text is not a question.
        st.error(_("Your question is too long ({n} characters). Questions can have at most {limit} characters: "
                   "shorten it, or ask about one part at a time.").format(n=t.number(exc.length),
                                                                           limit=t.number(exc.limit)))
if turn_stream is not None and guarded(t, user, ROLES, lambda: True):
    with st.chat_message("user"):
        st.markdown(inert_markdown(question))
    with st.chat_message("assistant"):
        placeholder = st.empty()
        shown = ""
        turn: Turn | None = None
        try:
            for event in turn_stream:  # the turn is recorded (history, events, flag) when the answer is complete
                if event.kind == "delta":
                    shown += event.text
                    placeholder.markdown(inert_markdown(shown) + "▌")
                elif event.kind == "replace":
                    shown = event.text
                    placeholder.markdown(inert_markdown(shown))
            turn = turn_stream.turn
        except RuntimeError as exc:  # BackendError: the model endpoint failed, stalled or is not allowed
            log.error("no answer for a question in locale %s: %s", locale, exc)
            placeholder.empty()
            st.error(_("The tutor took too long to answer, so it stopped waiting. Please try again in a moment.")
                     if isinstance(exc, AnswerTimeout) else
                     _("The tutor could not get an answer from its language model. Please try again in a moment; "
                       "if it keeps happening, tell your teacher."))
        if turn is not None and turn.reply_id is not None:
            conversation_id = st.session_state[CONVERSATION] = turn.conversation_id
            answer = turn.answer
            placeholder.empty()
            with placeholder.container():
                render_answer(t, {"text": answer.text, "citations": answer.citations, "notices": answer.notices},
                              turn.reply_id, locale)
                render_feedback(t, user, turn.reply_id)

with listing:
    conversation_list(t, user, conversation_id)
