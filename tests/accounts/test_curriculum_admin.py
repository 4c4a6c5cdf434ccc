"""Curriculum actions check the role on the server side and are audited (real Chroma store, tiny embedder)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from curriculum.ingest import Ingestor
from curriculum.store import CurriculumStore, make_client
from tutor.accounts import Accounts, PermissionDenied, UserRecord
from tutor.appdb import AppDatabase
from tutor.curriculum_admin import CurriculumAdmin

DOC = b"# Cells\n\nA cell is the smallest unit of life.\n\n## Membrane\n\nThe membrane surrounds the cell.\n"


class HashEmbedder:
    """Deterministic 16-dimensional vectors: enough to store and delete, no model download."""

    name = "hash16"
    dimension = 16

    def _vector(self, text: str) -> np.ndarray:
        raw = np.frombuffer(hashlib.sha256(text.encode()).digest()[:16], dtype=np.uint8).astype(np.float32) + 1
        return raw / np.linalg.norm(raw)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


@pytest.fixture()
def admin(tmp_path: Path, db: AppDatabase) -> CurriculumAdmin:
    embedder = HashEmbedder()
    store = CurriculumStore(make_client(tmp_path / "chroma"), embedder.name, embedder.dimension)
    return CurriculumAdmin(Ingestor(store, embedder), db)


@pytest.fixture()
def people(accounts: Accounts) -> dict[str, UserRecord]:
    return {role: accounts.users.add(f"{role}1", role, "long enough password", actor="cli")
            for role in ("student", "teacher", "admin")}


def test_a_student_cannot_upload_list_or_delete(admin: CurriculumAdmin, db: AppDatabase,
                                                people: dict[str, UserRecord]) -> None:
    student = people["student"]
    with pytest.raises(PermissionDenied):
        admin.upload(student, [("cells.md", DOC)], "ee")
    with pytest.raises(PermissionDenied):
        admin.upload(None, [("cells.md", DOC)], "ee")
    with pytest.raises(PermissionDenied):
        admin.documents(student, "ee")
    with pytest.raises(PermissionDenied):
        admin.delete(student, "ee", "cells.md")
    assert admin.store.count("ee") == 0
    assert not [e for e in db.audit_log() if e.action.startswith("curriculum.")]


def test_teacher_uploads_several_files_and_deletes_one(admin: CurriculumAdmin, db: AppDatabase,
                                                       people: dict[str, UserRecord]) -> None:
    teacher = people["teacher"]
    steps: list[tuple[int, int]] = []
    results = admin.upload(teacher, [("cells.md", DOC), ("broken.pdf", b"not a pdf"), ("../../notes.txt", b"Plants.")],
                           "ee", subject="biology", grade=8, progress=lambda d, t, _n: steps.append((d, t)))
    assert [(r.source, r.status) for r in results] == [("cells.md", "added"), ("broken.pdf", "error"),
                                                       ("notes.txt", "added")]
    assert steps[-1] == (3, 3)
    documents = admin.documents(teacher, "ee")
    assert [(d.source, d.uploader, d.subject, d.grade) for d in documents] == [
        ("cells.md", "teacher1", "biology", 8), ("notes.txt", "teacher1", "biology", 8)]
    assert [d.source for d in admin.documents(people["admin"], "ee", query="CELL")] == ["cells.md"]
    assert len(admin.chunks(teacher, "ee", "cells.md")) == results[0].chunks > 0

    assert admin.delete(teacher, "ee", "cells.md") == results[0].chunks
    assert admin.chunks(teacher, "ee", "cells.md") == []
    log = [(e.actor, e.action, e.target) for e in reversed(db.audit_log()) if e.action.startswith("curriculum.")]
    assert log == [("teacher1", "curriculum.upload", "ee/cells.md"),
                   ("teacher1", "curriculum.upload_failed", "ee/broken.pdf"),
                   ("teacher1", "curriculum.upload", "ee/notes.txt"), ("teacher1", "curriculum.delete", "ee/cells.md")]
