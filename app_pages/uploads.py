"""File uploaders that speak the reader's language and state the app's own size limit.

Streamlit 1.67's file uploader has no parameter for its inner texts (the "Upload" button, "200MB per
file • PDF, MD" and, while dragging, "Drag and drop files here"): they are English in its JavaScript.
Each uploader here gets a ``key`` (Streamlit gives its element the class ``st-key-<key>``), and a style
for that element that removes those texts and draws the translated ones as CSS generated content,
which browsers include in the accessible name, so the button is named in the reader's language. The
limit is ``max_upload_size`` (the same number ``localtutor serve`` gives Streamlit as
``server.maxUploadSize``, which the server enforces).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from tutor.i18n import UI

# The uploader's parts (Streamlit 1.67's markup): the button's text, the instructions line, the drag overlay.
_BUTTON_TEXT = "[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer]"
_INSTRUCTIONS = "[data-testid=stFileUploaderDropzoneInstructions] > div"
_DRAG_OVERLAY = "[data-testid=stFileUploaderDropzone] > div:not([data-testid])"


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: anything but letters, digits and plain punctuation is escaped, so
    a translation can neither end the string nor the ``<style>`` element."""
    return '"' + "".join(c if c.isalnum() or c in " .,:;()•–-" else f"\\{ord(c):x} " for c in text) + '"'


def upload_texts(t: UI, types: Sequence[str], limit_mb: int, *, multiple: bool) -> dict[str, str]:
    """The texts Streamlit would show in English, in the reader's language."""
    _ = t._
    kinds = ", ".join(dict.fromkeys(x.upper() for x in types))
    return {
        "button": _("Choose files") if multiple else _("Choose a file"),
        "instructions": _("At most {n} MB per file • {types}").format(n=t.number(limit_mb), types=kinds),
        "drag": _("Drop the files here") if multiple else _("Drop the file here"),
    }


def uploader_css(key: str, texts: dict[str, str]) -> str:
    scope = f".st-key-{key}"
    return (
        "<style>"
        f"{scope} {_BUTTON_TEXT} > * {{display: none;}}"
        f"{scope} {_BUTTON_TEXT}::after {{content: {css_string(texts['button'])};}}"
        f"{scope} {_INSTRUCTIONS} > span {{display: none;}}"
        f"{scope} {_INSTRUCTIONS}::after {{content: {css_string(texts['instructions'])}; font-size: 0.875rem;}}"
        f"{scope} {_DRAG_OVERLAY} > span {{font-size: 0;}}"
        f"{scope} {_DRAG_OVERLAY} > span::after {{content: {css_string(texts['drag'])}; font-size: 0.875rem;}}"
        "</style>")


def max_upload_mb() -> int:
    from app_pages.common import get_tutor

    return int(get_tutor().settings.max_upload_mb)


def file_uploader(t: UI, label: str, *, key: str, types: Sequence[str], multiple: bool = False,
                  help: str | None = None) -> Any:
    """``st.file_uploader`` with its inner texts in the reader's language and the app's size limit."""
    limit = max_upload_mb()
    st.html(uploader_css(key, upload_texts(t, types, limit, multiple=multiple)))
    return st.file_uploader(label, type=list(types), accept_multiple_files=multiple, key=key, help=help,
                            max_upload_size=limit)
