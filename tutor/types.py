"""Typed, frozen results that travel through the pipeline (never through globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

NoticeKind = Literal["added", "withheld", "refused", "safety", "checked"]
DecisionName = Literal["answer", "refuse", "safe_complete"]


@dataclass(frozen=True)
class Citation:
    source: str
    page: int | None
    section: str | None
    chunk_id: str
    score: float
    text: str = ""  # the cited passage, for the UI (not part of the CLI JSON contract)
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "page": self.page, "section": self.section,
                "chunk_id": self.chunk_id, "score": self.score}


@dataclass(frozen=True)
class Notice:
    """Something the student must be told: content added, withheld, a refusal, or safety help."""

    kind: NoticeKind
    category: str
    reason: str
    text: str = ""  # the added content itself (for ``added``/``safety``); never withheld content

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "category": self.category, "reason": self.reason}


@dataclass(frozen=True)
class Answer:
    text: str
    citations: tuple[Citation, ...]
    notices: tuple[Notice, ...]
    decision: DecisionName
    backend: str
    language: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    found: bool = True  # False: the curriculum had nothing that answers, and the pupil was told so

    def to_json(self) -> dict[str, Any]:
        """The ``localtutor ask --json`` contract, exactly."""
        return {
            "answer": self.text,
            "citations": [c.to_json() for c in self.citations],
            "notices": [n.to_json() for n in self.notices],
            "decision": self.decision,
            "backend": self.backend,
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
