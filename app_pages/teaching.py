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
    """One uploaded file: ``status`` added/replaced/unchanged/error, chunks added, warning codes."""

    name: str
    status: str
    chunks: int = 0
    error: str | None = None
    pii: tuple[str, ...] = ()  # kinds of personal data found in the text (EMAIL, PHONE, ...)
    instructions: int = 0  # chunks with text that tries to instruct the model (neutralised when quoted)
    warnings: tuple[str, ...] = field(default_factory=tuple)


def upload_files(admin: CurriculumAdmin, guard: Any, user: UserRecord | None, files: Sequence[tuple[str, bytes]],
                 locale: str, *, subject: str | None = None, grade: int | None = None,
                 progress: Callable[[int, int, str], None] | None = None) -> list[UploadOutcome]:
    """Ingest ``files`` (the role is checked by CurriculumAdmin) and inspect what was added.

    A file that fails is reported and the others go on. Personal data and instruction-like text
    are reported as warnings: the teacher decides whether to replace the file.
    """
    from guardrails import find_pii

    outcomes = []
    for result in admin.upload(user, files, locale, subject=subject or None, grade=grade, progress=progress):
        pii: set[str] = set()
        instructions = 0
        if result.status in ("added", "replaced"):
            for chunk in admin.chunks(user, locale, result.source):
                pii.update(match.kind for match in find_pii(chunk.text))
                instructions += bool(guard.check_chunk(chunk.text).injection)
        outcomes.append(UploadOutcome(result.source, result.status, result.chunks, result.error,
                                      tuple(sorted(pii)), instructions, tuple(result.warnings)))
    return outcomes
