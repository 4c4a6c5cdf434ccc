"""Teacher actions on the curriculum, with the role check and the audit entry in one place.

The Streamlit pages call these instead of the Ingestor/CurriculumStore directly, so that a student
session cannot upload or delete even if it reaches the action, and every change is audited.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tutor.accounts import TEACHING, UserRecord, require_role
from tutor.appdb import AppDatabase

log = logging.getLogger("localtutor.curriculum")
Progress = Callable[[int, int, str], None]


def upload_detail(result: Any, subject: str | None, grade: int | None) -> str:
    """The audit detail of an added or replaced document, the same from the app and from the CLI."""
    detail = f"{result.status}, {result.chunks} chunks"
    return detail + "".join(f"; {x}" for x in (subject and f"subject={subject}",
                                               grade is not None and f"grade={grade}") if x)


def failure_detail(result: Any) -> str:
    """The audit detail of a file that could not be added: the reason's code. The technical message,
    which may name server paths, goes only to the server log."""
    log.warning("curriculum file not added: %s", result.error)
    return str(result.error_code or "unknown")


class CurriculumAdmin:
    def __init__(self, ingestor: Any, database: AppDatabase) -> None:
        self.ingestor = ingestor  # curriculum.ingest.Ingestor
        self.db = database

    @property
    def store(self) -> Any:
        return self.ingestor.store

    def upload(self, user: UserRecord | None, files: Sequence[tuple[str, bytes]], locale: str, *,
               subject: str | None = None, grade: int | None = None, progress: Progress | None = None) -> list[Any]:
        """Ingest uploaded files (name, content); one IngestResult per file, a failure never stops the rest.

        Each file that was added or replaced is audited as ``curriculum.upload`` (target ``locale/name``),
        each that failed as ``curriculum.upload_failed`` with the reason's code.
        """
        user = require_role(user, *TEACHING)
        results = []
        with tempfile.TemporaryDirectory(prefix="localtutor-upload-") as folder:
            for number, (name, content) in enumerate(files):
                if progress:
                    progress(number, len(files), name)
                safe = Path(name).name or "upload"
                path = Path(folder) / f"{number}-{safe}"
                path.write_bytes(content)
                result = self.ingestor.ingest_file(path, locale, subject=subject, grade=grade, uploader=user.name,
                                                   source=safe)
                results.append(result)
                if result.status in ("added", "replaced"):
                    self.db.audit(user.name, "curriculum.upload", f"{locale}/{safe}", upload_detail(result, subject, grade))
                elif result.status == "error":
                    self.db.audit(user.name, "curriculum.upload_failed", f"{locale}/{safe}", failure_detail(result))
        if progress:
            progress(len(files), len(files), "")
        return results

    def delete(self, user: UserRecord | None, locale: str, source: str) -> int:
        """Remove every chunk of a document and its kept original; audited as ``curriculum.delete`` with the
        chunk count."""
        user = require_role(user, *TEACHING)
        removed = int(self.store.delete_document(locale, source))
        if self.ingestor.originals is not None:
            self.ingestor.originals.remove(locale, source)
        self.db.audit(user.name, "curriculum.delete", f"{locale}/{source}", f"{removed} chunks")
        return removed

    def documents(self, user: UserRecord | None, locale: str, query: str = "") -> list[Any]:
        """The locale's documents (DocumentInfo), filtered by a case-insensitive text in title/source/subject."""
        require_role(user, *TEACHING)
        needle = query.strip().lower()
        return [d for d in self.store.documents(locale)
                if not needle or needle in " ".join(str(x or "") for x in (d.title, d.source, d.subject)).lower()]

    def chunks(self, user: UserRecord | None, locale: str, source: str) -> list[Any]:
        require_role(user, *TEACHING)
        return list(self.store.document_chunks(locale, source))
