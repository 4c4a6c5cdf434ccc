"""What the teacher's curriculum page does, without Streamlit: upload with per-file results and warnings.

Kept apart from the page so that it can be called (and tested) directly; the page only renders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tutor.accounts import UserRecord
from tutor.curriculum_admin import CurriculumAdmin

UPLOAD_TYPES = ["pdf", "docx", "md", "txt", "html", "htm"]


@dataclass(frozen=True)
class UploadOutcome:
    """One uploaded file: ``status`` added/replaced/unchanged/error, chunks added, what the teacher should know.

    ``error_code`` says why a file failed (curriculum.ingest.IngestResult); ``removed`` counts unsafe
    content taken out by kind; ``pii`` lists the kinds of personal data replaced by placeholders.
    """

    name: str
    status: str
    chunks: int = 0
    error_code: str | None = None
    pii: tuple[str, ...] = ()
    instructions: int = 0  # chunks with text that tries to instruct the model (neutralised when quoted)
    removed: dict[str, int] = field(default_factory=dict)


def upload_files(admin: CurriculumAdmin, guard: Any, user: UserRecord | None, files: Sequence[tuple[str, bytes]],
                 locale: str, *, subject: str | None = None, grade: int | None = None,
                 progress: Callable[[int, int, str], None] | None = None) -> list[UploadOutcome]:
    """Ingest ``files`` (the role is checked by CurriculumAdmin) and inspect what was added.

    A file that fails is reported and the others go on. Removed content, redacted personal data
    and instruction-like text are reported as warnings: the teacher decides whether to change the file.
    """
    outcomes = []
    for result in admin.upload(user, files, locale, subject=subject or None, grade=grade, progress=progress):
        instructions = 0
        if result.status in ("added", "replaced"):
            for chunk in admin.chunks(user, locale, result.source):
                instructions += bool(guard.check_chunk(chunk.text).injection)
        outcomes.append(UploadOutcome(result.source, result.status, result.chunks, result.error_code,
                                      result.pii, instructions, dict(result.removed)))
    return outcomes
