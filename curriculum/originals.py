"""The original file of each ingested document, kept in the home folder so that a citation can open it.

Layout: ``<folder>/<document key>/<sha256 of the bytes><suffix>`` plus ``<sha256>.json`` beside it
(what ingest found: personal data redacted, unsafe content removed). The document key is a hash of
the locale and the document's name, so no uploader's text ever becomes a path; the suffix is one of
the loaders' own. A new version is written (to a temporary name, then renamed) before its chunks become
visible, and the older versions of that document are removed afterwards; deleting the document
removes its folder. A file larger than ``max_bytes`` is ingested but its original is not kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curriculum.loaders import SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class Original:
    """A kept original: its file, its type (the suffix, e.g. ``.pdf``), its size, and what ingest took out
    of the stored passages (``pii`` kinds, ``removed`` unsafe content by kind). A pupil is shown the
    original only when nothing was taken out: the file itself still holds it."""

    path: Path
    suffix: str
    size: int
    pii: tuple[str, ...] = ()
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def cleaned(self) -> bool:
        """True when the stored passages differ from the file: personal data or unsafe content was taken out."""
        return bool(self.pii or self.removed)

    def read(self) -> bytes:
        return self.path.read_bytes()


def document_key(locale: str, source: str) -> str:
    return hashlib.sha256(f"{locale}\0{source}".encode()).hexdigest()[:32]


def safe_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUPPORTED_SUFFIXES else ".bin"


class OriginalStore:
    def __init__(self, folder: Path, max_bytes: int | None = None) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    def _dir(self, locale: str, source: str) -> Path:
        return self.folder / document_key(locale, source)

    def fits(self, size: int) -> bool:
        return self.max_bytes is None or size <= self.max_bytes

    def put(self, locale: str, source: str, data: bytes, *, pii: tuple[str, ...] = (),
            removed: dict[str, int] | None = None) -> Original | None:
        """Keep ``data`` as the original of ``source`` (None when it is over the size limit)."""
        if not self.fits(len(data)):
            return None
        digest = hashlib.sha256(data).hexdigest()
        folder = self._dir(locale, source)
        folder.mkdir(parents=True, exist_ok=True)
        suffix = safe_suffix(source)
        info = {"source": source, "locale": locale, "suffix": suffix, "size": len(data),
                "pii": sorted(pii), "removed": dict(removed or {})}
        _write_atomically(folder / f"{digest}{suffix}", data)
        _write_atomically(folder / f"{digest}.json", json.dumps(info, ensure_ascii=False).encode())
        return self.get(locale, source, digest)

    def get(self, locale: str, source: str, digest: str) -> Original | None:
        """The original of ``source`` in the version whose bytes hash to ``digest``; None when it is not kept."""
        if not digest or not all(c in "0123456789abcdef" for c in digest):
            return None
        folder = self._dir(locale, source)
        try:
            info = json.loads((folder / f"{digest}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        suffix = info.get("suffix") if info.get("suffix") in SUPPORTED_SUFFIXES else ".bin"
        path = folder / f"{digest}{suffix}"
        if not path.is_file():
            return None
        return Original(path, suffix, path.stat().st_size, tuple(info.get("pii") or ()), dict(info.get("removed") or {}))

    def keep_only(self, locale: str, source: str, digest: str) -> None:
        """Remove the document's other versions (after ``digest`` became the visible one)."""
        folder = self._dir(locale, source)
        if folder.is_dir():
            for path in folder.iterdir():
                if not path.name.startswith(digest):
                    path.unlink(missing_ok=True)

    def remove(self, locale: str, source: str) -> None:
        shutil.rmtree(self._dir(locale, source), ignore_errors=True)

    def remove_locale(self, locale: str) -> None:
        """Every kept original of ``locale`` (its whole curriculum was deleted)."""
        for info in self.folder.glob("*/*.json") if self.folder.is_dir() else ():
            try:
                mine = json.loads(info.read_text(encoding="utf-8")).get("locale") == locale
            except (OSError, ValueError):
                continue
            if mine:
                shutil.rmtree(info.parent, ignore_errors=True)


def download_name(source: str) -> str:
    """``source`` as a file name a browser can save: letters (any script), digits, spaces and ``._-()`` only."""
    name = "".join(c if c.isalnum() or c in " ._-()" else "_" for c in Path(source.replace("\\", "/")).name)
    name = name.strip(" .") or "document"
    return name if Path(name).suffix.lower() in SUPPORTED_SUFFIXES else name + safe_suffix(source)


_PDFIUM = threading.Lock()  # PDFium is not thread-safe, and the app serves every session from threads


def pdf_page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = pdfium.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()


def render_pdf_page(path: Path, page: int, *, width: int = 1000) -> Any:
    """Page ``page`` (1-based) of the PDF at ``path`` as a PIL image ``width`` pixels wide (at most 3x its size)."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = pdfium.PdfDocument(str(path))
        try:
            if not 1 <= page <= len(document):
                raise ValueError(f"page {page} is not in the document")
            pdf_page = document[page - 1]
            scale = min(3.0, width / max(1.0, pdf_page.get_width()))
            image = pdf_page.render(scale=scale).to_pil()
            pdf_page.close()
            return image
        finally:
            document.close()


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=".part-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
