"""Ingest curriculum files: load -> clean -> redact -> chunk -> embed -> store, one file at a time.

Every file is processed completely before the store is touched, so a broken upload never
damages what is already there. Markdown and HTML are reduced to safe text (curriculum.sanitize)
and personal data is replaced by placeholders before anything is stored; the result says what
was removed, so the teacher can be told. Re-ingesting an unchanged file is a no-op (content
hash); a changed file replaces its old chunks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from curriculum.chunking import split_sections
from curriculum.embedders import Embedder
from curriculum.language import detect_language
from curriculum.loaders import SUPPORTED_SUFFIXES, LoaderError, Section, load_document
from curriculum.originals import OriginalStore
from curriculum.store import CurriculumStore

Progress = Callable[[int, int, str], None]
Redactor = Callable[[str], tuple[str, set[str]]]

# Bump when loading or chunking changes, so unchanged files are re-chunked once.
INGEST_VERSION = 3


@dataclass(frozen=True)
class IngestResult:
    """One file's outcome. ``error`` is for operators (English, technical); ``error_code`` is stable,
    for a teacher's message: a LoaderError code, ``missing``, ``read_failed`` or ``store_failed``.
    ``removed`` counts unsafe content by kind (curriculum.sanitize), ``pii`` the kinds of personal
    data that were redacted."""

    path: str
    source: str
    status: str  # "added" | "replaced" | "unchanged" | "error"
    chunks: int = 0
    error: str | None = None
    error_code: str | None = None
    removed: dict[str, int] = field(default_factory=dict)
    pii: tuple[str, ...] = ()
    original_kept: bool | None = None  # None: no original store; False: over its size limit

    @property
    def ok(self) -> bool:
        return self.status != "error"


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus supported files found (recursively) in named folders."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith((".", "_"))
            )
        else:
            out.append(path)
    return out


def redact_personal_data(text: str) -> tuple[str, set[str]]:
    """``text`` with personal data replaced by placeholders ([EMAIL], [PHONE], ...) and the kinds found.

    The detector is the guard's (guardrails.pii), the same one that redacts chat messages, except that
    a name introduced by a cue alone ("My name is Mari" in a textbook letter) is a character of the
    lesson and stays; a name next to contact data is still personal data.
    """
    from guardrails.pii import find_pii, redact

    kinds = {match.kind for match in find_pii(text, cued_names=False)}
    return (redact(text, cued_names=False) if kinds else text), kinds


class Ingestor:
    def __init__(self, store: CurriculumStore, embedder: Embedder, *, chunk_size: int = 800,
                 chunk_overlap: int = 120, redactor: Redactor = redact_personal_data,
                 originals: OriginalStore | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.chunk_size = chunk_size
        self.chunk_overlap = chunk_overlap
        self.redactor = redactor
        self.originals = originals  # where the original files are kept (None: not kept)

    def ingest_file(
        self, path: Path, locale: str, *, subject: str | None = None, grade: int | None = None,
        uploader: str | None = None, source: str | None = None,
    ) -> IngestResult:
        """Ingest one file; errors are returned as a result, never raised."""
        source = source or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            return IngestResult(str(path), source, "error", error=f"{source}: cannot read file ({exc.strerror or exc})",
                                error_code="read_failed")
        # The source is part of the version, so that two files with the same bytes are distinct versions
        # (the store makes a version visible by this hash).
        source_key = hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]
        digest = hashlib.sha256(data).hexdigest()  # also the kept original's name (curriculum.originals)
        content_hash = f"{digest}:v{INGEST_VERSION}:{self.chunk_size}:{self.chunk_overlap}:{source_key}"
        try:
            previous = self.store.document_hash(locale, source)
            if previous == content_hash:
                self.store.discard_hidden(locale, source)  # what an interrupted earlier run left behind
                kept = self._keep_unchanged(path, locale, source, data, digest)
                return IngestResult(str(path), source, "unchanged", original_kept=kept)
            document = load_document(path)
        except LoaderError as exc:
            return IngestResult(str(path), source, "error", error=str(exc).replace(path.name, source, 1),
                                error_code=exc.code)
        except Exception as exc:  # the store may be unreachable; report, keep going
            return IngestResult(str(path), source, "error", error=f"{source}: {exc}", error_code="store_failed")

        title, sections, pii = self._redact(document.title, document.sections)
        chunks = split_sections(f"{locale}/{source}/{content_hash}", sections,
                                chunk_size=self.chunk_size, chunk_overlap=self.chunk_overlap)
        title = title or Path(source).stem.replace("_", " ").replace("-", " ")
        language = detect_language(" ".join(s.text for s in sections[:5])[:4000])
        now = datetime.now(UTC).isoformat(timespec="seconds")
        metadatas: list[dict[str, Any]] = []
        for chunk in chunks:
            meta: dict[str, Any] = {
                "source": source, "title": title, "locale": locale, "language": language,
                "content_hash": content_hash, "ingested_at": now, "chunk_index": chunk.index,
                "page": chunk.page, "section": chunk.section, "subject": subject, "grade": grade,
                "uploader": uploader, "embedder": self.embedder.name,
            }
            metadatas.append({k: v for k, v in meta.items() if v is not None})  # Chroma rejects None
        try:
            vectors = self.embedder.embed_passages([_passage_text(title, c.section, c.text) for c in chunks])
            # The original first, so that the version's chunks never become visible without it.
            kept = None if self.originals is None else \
                self.originals.put(locale, source, data, pii=tuple(sorted(pii)), removed=document.removed) is not None
            self.store.replace_document(locale, source, [c.chunk_id for c in chunks],
                                        [c.text for c in chunks], vectors, metadatas)
        except Exception as exc:
            return IngestResult(str(path), source, "error", error=f"{source}: could not be stored ({exc})",
                                error_code="store_failed")
        if self.originals is not None:
            self.originals.keep_only(locale, source, digest)
        return IngestResult(str(path), source, "replaced" if previous else "added", chunks=len(chunks),
                            removed=document.removed, pii=tuple(sorted(pii)), original_kept=kept)

    def _keep_unchanged(self, path: Path, locale: str, source: str, data: bytes, digest: str) -> bool | None:
        """Keep the original of an unchanged document that has none yet (ingested before originals were kept):
        ingesting the same files again is how an installation gets them. Nothing is embedded again."""
        if self.originals is None:
            return None
        if self.originals.get(locale, source, digest) is not None:
            return True
        if not self.originals.fits(len(data)):
            return False
        try:
            document = load_document(path)
        except LoaderError:  # it was read before; the chunks stay as they are
            return False
        _, _, pii = self._redact(document.title, document.sections)
        kept = self.originals.put(locale, source, data, pii=tuple(sorted(pii)), removed=document.removed)
        self.originals.keep_only(locale, source, digest)
        return kept is not None

    def _redact(self, title: str | None, sections: list[Section]) -> tuple[str | None, list[Section], set[str]]:
        """Title, headings and text with personal data replaced; the kinds found."""
        found: set[str] = set()

        def clean(text: str | None) -> str | None:
            if text is None:
                return None
            redacted, kinds = self.redactor(text)
            found.update(kinds)
            return redacted

        cleaned = [Section(clean(s.text) or "", s.page, clean(s.section)) for s in sections]
        return clean(title), cleaned, found

    def ingest_paths(
        self, paths: Iterable[Path], locale: str, *, subject: str | None = None, grade: int | None = None,
        uploader: str | None = None, progress: Progress | None = None,
    ) -> list[IngestResult]:
        files = expand_paths(paths)
        results = []
        for number, path in enumerate(files, start=1):
            if progress:
                progress(number - 1, len(files), path.name)
            if not path.exists():
                results.append(IngestResult(str(path), path.name, "error", error=f"{path}: no such file or folder",
                                            error_code="missing"))
                continue
            results.append(self.ingest_file(path, locale, subject=subject, grade=grade, uploader=uploader))
        if progress:
            progress(len(files), len(files), "")
        return results


def _passage_text(title: str, section: str | None, text: str) -> str:
    # The heading path gives a short chunk its topic, which helps cross-lingual retrieval.
    context = title if not section or section == title else f"{title} — {section}"
    return f"{context}\n{text}"
