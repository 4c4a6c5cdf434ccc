"""Teachers: upload curriculum files, list, preview, replace and delete documents, try a question."""

from __future__ import annotations

import streamlit as st

from app_pages.common import (
    TEACHING,
    confirmed,
    current_user,
    get_curriculum_admin,
    get_tutor,
    guarded,
    passage_label,
    session_locale,
)
from app_pages.labels import profile_name, subject_label
from app_pages.safe_markdown import inert_markdown
from app_pages.teaching import UPLOAD_TYPES, UploadOutcome, upload_files
from app_pages.uploads import file_uploader, max_upload_mb
from tutor.i18n import UI

user, t = current_user(*TEACHING)
_ = t._
tutor = get_tutor()
admin = get_curriculum_admin()


def pii_label(t: UI, kind: str) -> str:
    _ = t._
    return {"email": _("e-mail addresses"), "phone": _("phone numbers"), "isikukood": _("personal codes"),
            "iban": _("bank account numbers"), "address": _("street addresses"), "name": _("names")}.get(kind, kind)


def removed_label(t: UI, kind: str, count: int) -> str:
    n = t.number(count)
    return {"image": t.ngettext("{n} image", "{n} images", count),
            "script": t.ngettext("{n} script", "{n} scripts", count),
            "frame": t.ngettext("{n} embedded frame or object", "{n} embedded frames or objects", count),
            "link": t.ngettext("{n} javascript: or data: link", "{n} javascript: or data: links", count),
            }.get(kind, f"{kind}: {{n}}").format(n=n)


def failure_reason(t: UI, code: str | None) -> str:
    """Why a file was not added, in plain words (never an exception or a server path)."""
    _ = t._
    return {
        "unsupported_type": _("This type of file cannot be used. Upload a PDF, Word (.docx), Markdown, text or "
                              "HTML file."),
        "unreadable": _("The file could not be read: it may be damaged, or its content does not match its type. "
                        "Open it, save it again and upload the new copy."),
        "encrypted": _("The PDF is protected with a password. Upload a copy without the password."),
        "no_text": _("No text was found in it. A scanned PDF needs text recognition (OCR) before it can be "
                     "added."),
        "read_failed": _("The uploaded file could not be read. Upload it again."),
        "store_failed": _("It could not be saved in the curriculum store. Try again later; if it keeps failing, "
                          "tell the administrator."),
    }.get(code or "", _("Something unexpected went wrong. Tell the administrator; the details are in the "
                        "server log."))


def show_outcome(t: UI, outcome: UploadOutcome) -> None:
    _ = t._
    name = inert_markdown(outcome.name)  # a file name is the uploader's text: it must not render as Markdown
    chunks = t.ngettext("{n} passage", "{n} passages", outcome.chunks).format(n=t.number(outcome.chunks))
    if outcome.status == "error":
        st.error(_("{name}: not added. {error}").format(name=name, error=failure_reason(t, outcome.error_code)))
        return
    if outcome.status == "unchanged":
        st.info(_("{name}: unchanged, already in the curriculum.").format(name=name))
        return
    text = _("{name}: added, {passages}.") if outcome.status == "added" else _("{name}: replaced, {passages}.")
    st.success(text.format(name=name, passages=chunks))
    if outcome.removed:
        st.warning(_("{name}: removed because pupils' browsers must not load or run anything from a passage: "
                     "{items}. The text around them was kept.").format(
            name=name, items=t.list(removed_label(t, k, c) for k, c in sorted(outcome.removed.items()))))
    if outcome.pii:
        st.warning(_("{name}: personal data found and replaced by placeholders such as [EMAIL] in the stored "
                     "passages ({kinds}). Students will not see it.").format(
            name=name, kinds=t.list(pii_label(t, k) for k in outcome.pii)))
    if outcome.instructions:
        st.warning(t.ngettext("{name}: {n} passage contains text that tries to instruct the tutor. It is treated "
                              "as quoted text, never as an instruction.",
                              "{name}: {n} passages contain text that tries to instruct the tutor. They are "
                              "treated as quoted text, never as instructions.", outcome.instructions)
                   .format(name=name, n=t.number(outcome.instructions)))


def run_upload(files: list[tuple[str, bytes]], locale: str, subject: str | None, grade: int | None) -> None:
    bar = st.progress(0.0, text=_("Reading, splitting and indexing the files…"))

    def progress(done: int, total: int, name: str) -> None:
        text = _("Processing {name} ({done} of {total})").format(
            name=name, done=t.number(done + 1), total=t.number(total)) if name else _("Done")
        bar.progress(done / total if total else 1.0, text=text)

    outcomes = guarded(t, user, TEACHING, upload_files, admin, tutor.guard, user, files, locale,
                       subject=subject, grade=grade, progress=progress)
    for outcome in outcomes or ():
        show_outcome(t, outcome)


st.title(_("Curriculum"))
profiles = [e.id for e in tutor.profiles.entries() if e.profile is not None]
current = session_locale(tutor)
locale = st.selectbox(_("Country profile"), profiles, index=profiles.index(current) if current in profiles else 0,
                      key="curriculum_locale", format_func=lambda i: profile_name(tutor, i, t.lang))
profile = tutor.profiles.get(locale)
subjects = list(profile.subjects)
upload_tab, documents_tab, try_tab = st.tabs([_("Upload"), _("Documents"), _("Try a question")])

with upload_tab:
    with st.form("upload", clear_on_submit=True):
        files = file_uploader(t, _("Files (PDF, Word, Markdown, text, HTML)"), key="upload_files",
                              types=UPLOAD_TYPES, multiple=True,
                              help=_("Drag files here or choose them with the button. At most {n} MB per file.")
                              .format(n=t.number(max_upload_mb())))
        left, right = st.columns(2)
        subject = left.selectbox(_("Subject"), subjects, index=None, placeholder=_("Choose a subject"), key="upload_subject",
                                 format_func=lambda s: subject_label(profile, s, t.lang))
        grade = right.number_input(_("Grade"), min_value=1, max_value=13, value=None, step=1)
        submitted = st.form_submit_button(_("Add to the curriculum"), type="primary")
    if submitted:
        if not files:
            st.warning(_("Choose at least one file."))
        else:
            run_upload([(f.name, f.getvalue()) for f in files], locale, subject,
                       int(grade) if grade is not None else None)

with documents_tab:
    query = st.text_input(_("Search by title, file or subject"), key="curriculum_query")
    documents = guarded(t, user, TEACHING, admin.documents, user, locale, query) or []
    if not documents:
        st.info(_("No documents found."))
    else:
        st.dataframe(
            [{_("Title"): d.title, _("File"): d.source, _("Subject"): subject_label(profile, d.subject, t.lang),
              _("Grade"): t.number(d.grade) if d.grade is not None else "—", _("Uploaded by"): d.uploader or "—",
              _("Date"): t.date(d.ingested_at), _("Passages"): d.chunks} for d in documents],
            hide_index=True, width="stretch")
        by_source = {d.source: d for d in documents}
        source = st.selectbox(_("Document"), list(by_source), key="curriculum_document",
                              format_func=lambda s: f"{by_source[s].title} ({s})")
        document = by_source[source]
        with st.expander(_("Preview the passages"), expanded=False):
            for chunk in guarded(t, user, TEACHING, admin.chunks, user, locale, source) or ():
                where = [str(chunk.metadata.get("section") or "")]
                if chunk.metadata.get("page"):
                    where.insert(0, _("page {page}").format(page=t.number(chunk.metadata["page"])))
                st.caption(inert_markdown(" · ".join(w for w in where if w)))
                st.text(chunk.text)
        with st.form("replace", clear_on_submit=True):
            new_version = file_uploader(t, _("Replace with a new version"), key="replace_file", types=UPLOAD_TYPES)
            if st.form_submit_button(_("Replace")) and new_version is not None:
                run_upload([(source, new_version.getvalue())], locale, document.subject, document.grade)
        if confirmed(t, "delete_document", _("Delete this document"),
                     _("Delete {title} and all its passages from the curriculum?").format(title=document.title)):
            removed = guarded(t, user, TEACHING, admin.delete, user, locale, source)
            if removed is not None:
                st.success(t.ngettext("Deleted {n} passage.", "Deleted {n} passages.", removed)
                           .format(n=t.number(removed)))

with try_tab:
    st.caption(_("See which passages the tutor would find for a question."))
    with st.form("try_question"):
        question = st.text_input(_("Question"))
        asked = st.form_submit_button(_("Search"))
    if asked and question.strip():
        retrieval = guarded(t, user, TEACHING, tutor.retriever.retrieve, question, locale, k=tutor.settings.top_k)
        if retrieval is not None and not retrieval.chunks:
            st.info(_("No passages found."))
        for number, chunk in enumerate(retrieval.chunks if retrieval else (), start=1):
            label = passage_label(t, number, chunk.source, chunk.page, chunk.section)
            with st.expander(inert_markdown(label), expanded=number == 1):  # ranked best first; no raw scores
                st.markdown(inert_markdown(chunk.text))
