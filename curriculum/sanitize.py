"""Reduce curriculum Markdown and HTML to safe text and headings.

A passage is shown to pupils and may be rendered as Markdown, so nothing in it may load a remote
resource or run code: images (remote or ``data:``), scripts, frames and embedded objects are
removed, links keep only their text (``javascript:``/``data:`` links are counted as removed), and
any other HTML tag is dropped with its text kept. What was removed is counted by kind, so the
teacher can be told.

Kinds: ``image``, ``script``, ``frame`` (iframe, object, embed, media), ``link`` (a link to
``javascript:``, ``data:`` or ``vbscript:``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

REMOVED_KINDS = ("image", "script", "frame", "link")
_UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_HTML_TAGS = ("a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption "
              "cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset "
              "figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe "
              "img input ins kbd label legend li link main map mark math meta meter nav noscript object ol "
              "optgroup option output p param picture pre progress q rp rt ruby s samp script section select "
              "small source span strong style sub summary sup svg table tbody td template textarea tfoot th "
              "thead time title tr track u ul var video wbr").split()
_TAG = "|".join(_HTML_TAGS)
# Elements removed with everything inside them, and the kind they count as.
_BLOCKS = {"script": "script", "style": None, "iframe": "frame", "frame": "frame", "object": "frame",
           "embed": "frame", "video": "frame", "audio": "frame", "svg": "image", "template": None,
           "noscript": None, "img": "image", "picture": "image", "source": "frame", "link": None, "meta": None}
_BLOCK_RE = re.compile(r"<(script|style|iframe|object|video|audio|svg|template|noscript|picture)\b[^>]*>.*?</\1\s*>",
                       re.IGNORECASE | re.DOTALL)
_VOID_RE = re.compile(r"<(img|embed|frame|source|link|meta|iframe|script)\b[^>]*/?>", re.IGNORECASE)
_ANCHOR_RE = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_HREF_RE = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ANY_TAG_RE = re.compile(rf"</?(?:{_TAG})\b[^>]*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\](?:\([^)\n]*\)?|\[[^\]\n]*\])")
_LINK_RE = re.compile(r"\[([^\]\n]*)\]\(([^)\n]*)\)?")
_REF_LINK_RE = re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]")
_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(\S+).*$", re.MULTILINE)
_AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>")


def clean_markdown(text: str) -> tuple[str, Counter[str]]:
    """Markdown (with any HTML in it) as safe text: headings and paragraphs stay, what can load or run goes."""
    removed: Counter[str] = Counter()

    def drop_block(match: re.Match[str]) -> str:
        kind = _BLOCKS.get(match.group(1).lower())
        if kind:
            removed[kind] += 1
        return ""

    text = _BLOCK_RE.sub(drop_block, text)
    text = _VOID_RE.sub(drop_block, text)

    def anchor(match: re.Match[str]) -> str:
        href = _HREF_RE.search(match.group(1))
        if href and _UNSAFE_SCHEME.match(next(g for g in href.groups() if g is not None)):
            removed["link"] += 1
        return ""

    text = _ANCHOR_RE.sub(anchor, text)
    text = _ANY_TAG_RE.sub("", text)

    def image(match: re.Match[str]) -> str:
        removed["image"] += 1
        return match.group(1)

    def link(match: re.Match[str]) -> str:
        if _UNSAFE_SCHEME.match(match.group(2) or ""):
            removed["link"] += 1
        return match.group(1)

    def definition(match: re.Match[str]) -> str:
        if _UNSAFE_SCHEME.match(match.group(1)):
            removed["link"] += 1
        return ""

    def autolink(match: re.Match[str]) -> str:
        if _UNSAFE_SCHEME.match(match.group(1)):
            removed["link"] += 1
            return ""
        return match.group(1)

    # Images first: "![x](u)" also matches the link pattern. Repeat until nothing changes, so that a
    # removal cannot join pieces into a new image ("!![x](y)[z](u)").
    while True:
        before = text
        text = _IMAGE_RE.sub(image, text)
        text = _LINK_RE.sub(link, text)
        text = _REF_LINK_RE.sub(lambda m: m.group(1), text)
        text = _DEFINITION_RE.sub(definition, text)
        text = _AUTOLINK_RE.sub(autolink, text)
        if text == before:
            return text, removed


def clean_html_tree(root: Any) -> Counter[str]:
    """Remove from a BeautifulSoup tree everything that could load or run; count it by kind."""
    removed: Counter[str] = Counter()
    for tag in root.find_all(list(_BLOCKS)):
        if tag.decomposed:  # inside an element removed before
            continue
        kind = _BLOCKS[tag.name]
        if kind:
            removed[kind] += 1
        tag.decompose()
    for anchor in root.find_all("a"):
        if _UNSAFE_SCHEME.match(str(anchor.get("href") or "")):
            removed["link"] += 1
    return removed
