"""Opening a cited document: its stored passages and, where it is kept, its original file.

Every signed-in user may open documents, but only of a curriculum they can see (the chat page passes
the profiles it offers that user); a pupil gets the original only when ingest took nothing out of it
(personal data, unsafe content), because the file itself still holds what the passages do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from curriculum.originals import Original, OriginalStore
from tutor.accounts import ROLES, TEACHING, PermissionDenied, UserRecord, require_role

OriginalState = Literal["shown", "not_kept", "withheld"]


@dataclass(frozen=True)
class OpenedDocument:
    """``chunks``: the visible version's passages in order (none: the document is gone). ``original``: the
    file to show, when ``state`` is ``shown``; ``not_kept`` (ingested before originals were kept, or over
    the size limit) and ``withheld`` (a pupil, and something was taken out of it) show the passages only."""

    chunks: list[Any]
    original: Original | None
    state: OriginalState


class Documents:
    def __init__(self, store: Any, originals: OriginalStore | None) -> None:
        self.store = store  # curriculum.store.CurriculumStore
        self.originals = originals

    def open(self, user: UserRecord | None, locale: str, source: str, visible: list[str] | tuple[str, ...]) -> OpenedDocument:
        """The document ``source`` of ``locale``; PermissionDenied unless ``locale`` is among the ``visible``
        curricula of ``user``."""
        user = require_role(user, *ROLES)
        if locale not in visible:
            raise PermissionDenied(f"curriculum {locale!r} is not visible to {user.name}")
        chunks = list(self.store.document_chunks(locale, source))
        content_hash = self.store.document_hash(locale, source) if chunks else None
        original = None
        if content_hash and self.originals is not None:
            original = self.originals.get(locale, source, content_hash.split(":", 1)[0])
        if original is None:
            return OpenedDocument(chunks, None, "not_kept")
        if original.cleaned and user.role not in TEACHING:
            return OpenedDocument(chunks, None, "withheld")
        return OpenedDocument(chunks, original, "shown")
