"""Turn curriculum files into sections that remember where their text came from.

A section is the unit a citation can point at: one PDF page, or the text under one
heading of a Markdown/HTML/DOCX file. Chunking later splits sections but never merges
text across them, so a chunk's page and heading are always exactly where its text is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from curriculum.sanitize import clean_html_tree, clean_markdown

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".md", ".markdown", ".txt", ".html", ".htm")


class LoaderError(ValueError):
    """A file could not be read as curriculum text. The message says why and what to do.

    ``code`` is stable, for a teacher's message in their language: ``unsupported_type``,
    ``unreadable`` (damaged or not what its name says), ``encrypted`` or ``no_text``.
    """

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Section:
    text: str
    page: int | None = None
    section: str | None = None


@dataclass(frozen=True)
class LoadedDocument:
    """A file's title and sections, and what was removed from it as unsafe (kind -> count)."""

    title: str | None
    sections: list[Section]
    removed: dict[str, int] = field(default_factory=dict)


def load_file(path: Path) -> tuple[str | None, list[Section]]:
    """Read ``path`` and return ``(title, sections)`` (see :func:`load_document`)."""
    document = load_document(path)
    return document.title, document.sections


def load_document(path: Path) -> LoadedDocument:
    """Read ``path`` as safe text: Markdown and HTML lose images, scripts, frames and unsafe links.

    Raises :class:`LoaderError` for unsupported, unreadable, or empty files.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoaderError(
            f"{path.name}: unsupported file type '{suffix or '(none)'}'; "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}", "unsupported_type"
        )
    removed: Counter[str] = Counter()
    try:
        if suffix == ".pdf":
            title, sections = _load_pdf(path)
        elif suffix == ".docx":
            title, sections = _load_docx(path)
        elif suffix in (".html", ".htm"):
            title, sections = _load_html(_read_text(path), removed)
        elif suffix in (".md", ".markdown"):
            text, removed = clean_markdown(_read_text(path))
            title, sections = _load_markdown(text)
        else:
            title, sections = None, [Section(_normalise(_read_text(path)))]
    except LoaderError:
        raise
    except Exception as exc:  # parsers raise many unrelated types on broken files
        raise LoaderError(f"{path.name}: cannot be read as {suffix[1:].upper()} ({exc.__class__.__name__}: {exc})") from exc
    sections = [s for s in sections if s.text.strip()]
    if not sections:
        raise LoaderError(f"{path.name}: no text found (a scanned PDF needs OCR before it can be ingested)", "no_text")
    return LoadedDocument(title, sections, dict(removed))


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1257", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoaderError(f"{path.name}: unknown text encoding; save it as UTF-8")  # pragma: no cover - latin-1 always decodes


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _load_pdf(path: Path) -> tuple[str | None, list[Section]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise LoaderError(f"{path.name}: the PDF is password-protected; upload an unprotected copy", "encrypted")
        pages = [(number, page.extract_text() or "") for number, page in enumerate(reader.pages, start=1)]
    except PdfReadError as exc:
        raise LoaderError(f"{path.name}: not a valid PDF ({exc})") from exc
    title = None
    if reader.metadata is not None and reader.metadata.title:
        title = str(reader.metadata.title).strip() or None
    return title or _first_heading(pages), [Section(_unwrap(_normalise(text)), page=number)
                                            for number, text in pages]


def _first_heading(pages: list[tuple[int, str]]) -> str | None:
    """A PDF without a title in its metadata: its first short line, as a reader sees the heading
    (a leading chapter number such as "1." or "1 " dropped)."""
    for _number, text in pages:
        for line in _normalise(text).splitlines():
            line = re.sub(r"^\d+(\.\d+)*\.?\s+", "", line.strip())
            if 3 <= len(line) <= 120:
                return line
    return None


_LINE_END = re.compile(r"[.!?:;…»”\"]$")
_LINE_START = re.compile(r"^([-•*▪–]|\d+[.)]\s)")


def _unwrap(text: str) -> str:
    """Join the visual line breaks of a PDF page back into paragraphs (whitespace only)."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        # A wrapped line runs (nearly) to the margin; a heading or the end of a paragraph does not.
        if out and len(out[-1].rsplit("\n", 1)[-1]) >= 60 and line and not _LINE_END.search(out[-1]) \
                and not _LINE_START.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _heading_sections(blocks: Iterator[tuple[int | None, str]]) -> tuple[str | None, list[Section]]:
    """Group ``(heading_level | None, text)`` blocks into sections under a heading path."""
    title: str | None = None
    path: list[tuple[int, str]] = []
    sections: list[Section] = []
    body: list[str] = []

    def flush() -> None:
        if any(body):
            heading = " > ".join(h for _, h in path) or None
            sections.append(Section(_normalise("\n".join(body)), section=heading))
            body.clear()

    for level, text in blocks:
        text = text.strip()
        if level is None:
            body.append(text)  # an empty string keeps the paragraph break
            continue
        if not text:
            continue
        flush()
        if title is None and level == 1:
            title = text
        path = [(lvl, h) for lvl, h in path if lvl < level] + [(level, text)]
    flush()
    return title, sections


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def _load_markdown(text: str) -> tuple[str | None, list[Section]]:
    def blocks() -> Iterator[tuple[int | None, str]]:
        in_code = False
        for line in text.splitlines():
            if line.strip().startswith("```"):
                in_code = not in_code
            match = None if in_code else _MD_HEADING.match(line)
            if match:
                yield len(match.group(1)), match.group(2)
            else:
                yield None, line

    title, sections = _heading_sections(blocks())
    return title, sections


def _load_html(html: str, removed: Counter[str]) -> tuple[str | None, list[Section]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    removed.update(clean_html_tree(soup))
    for tag in soup(["nav", "footer"]):
        tag.decompose()
    title_tag = soup.find("title")
    root = soup.body or soup
    names = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "pre", "blockquote", "dd", "dt"]

    def blocks() -> Iterator[tuple[int | None, str]]:
        for element in root.find_all(names):
            # Skip containers whose text is reported by a nested block (e.g. <li><p>).
            if element.find(names):
                continue
            text = element.get_text(" ", strip=True)
            if element.name[0] == "h" and element.name[1:].isdigit():
                yield int(element.name[1:]), text
            else:
                yield None, text

    title, sections = _heading_sections(blocks())
    if title_tag is not None and title_tag.get_text(strip=True):
        title = title_tag.get_text(strip=True)
    return title, sections


def _load_docx(path: Path) -> tuple[str | None, list[Section]]:
    import docx

    document = docx.Document(str(path))

    def blocks() -> Iterator[tuple[int | None, str]]:
        for paragraph in document.paragraphs:
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            level = _docx_heading_level(style)
            yield level, paragraph.text
        for table in document.tables:
            for row in table.rows:
                yield None, " | ".join(cell.text.strip() for cell in row.cells)

    title, sections = _heading_sections(blocks())
    core_title = document.core_properties.title
    return (core_title or title), sections


def _docx_heading_level(style: str) -> int | None:
    if style == "Title":
        return 1
    match = re.match(r"(?:Heading|Pealkiri|Заголовок)\s*(\d)", style)
    return int(match.group(1)) if match else None
