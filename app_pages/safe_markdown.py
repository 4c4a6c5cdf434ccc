"""Text from pupils, curriculum files and models, made inert before Streamlit renders it as Markdown.

Streamlit renders Markdown, in which ``![x](http://host/p.png)`` loads a remote image, a link can
point anywhere, and ``<...>`` starts HTML or an autolink. Escaping ``[``, ``]`` and ``<`` (and any
backslashes just before them) leaves none of these constructs, while bold, lists and line breaks
still render. The characters stay visible: a pupil sees exactly what was written.
"""

from __future__ import annotations

import re

_RISKY = re.compile(r"(\\*)([\[\]<])")


def inert_markdown(text: str) -> str:
    """``text`` as Markdown that cannot load a resource, link anywhere or contain HTML."""
    return _RISKY.sub(lambda m: "\\" * (2 * len(m.group(1))) + "\\" + m.group(2), text)
