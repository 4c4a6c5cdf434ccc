"""Retrieval evaluation at document level: recall@1/3/5 and MRR, overall and per language."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from curriculum.retrieval import HybridRetriever


class DatasetError(ValueError):
    """The evaluation file is malformed; the message names the line."""


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        missing = [k for k in ("question", "source") if not isinstance(row.get(k), str) or not row.get(k)]
        if missing:
            raise DatasetError(f"{path}:{number}: missing or empty key(s) {', '.join(missing)}")
        rows.append(row)
    if not rows:
        raise DatasetError(f"{path}: no questions found")
    return rows


def _metrics(ranks: list[int | None]) -> dict[str, float | int]:
    n = len(ranks)

    def recall(k: int) -> float:
        return round(sum(1 for r in ranks if r is not None and r <= k) / n, 4) if n else 0.0

    mrr = round(sum(1.0 / r for r in ranks if r is not None) / n, 4) if n else 0.0
    return {"n": n, "recall@1": recall(1), "recall@3": recall(3), "recall@5": recall(5), "mrr": mrr}


def evaluate_retrieval(
    retriever: HybridRetriever, rows: list[dict[str, Any]], locale: str, *, k: int = 5,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Rank of the first chunk from the expected ``source`` for each question (None when absent)."""
    ranks_by_lang: dict[str, list[int | None]] = {}
    ranks: list[int | None] = []
    for number, row in enumerate(rows, start=1):
        found = retriever.retrieve(row["question"], locale, k=max(k, 5)).chunks[: max(k, 5)]
        rank = next((i for i, c in enumerate(found, start=1) if c.source == row["source"]), None)
        if rank is not None and rank > k:
            rank = None
        ranks.append(rank)
        ranks_by_lang.setdefault(str(row.get("lang") or "unknown"), []).append(rank)
        if progress:
            progress(number, len(rows))
    report: dict[str, Any] = dict(_metrics(ranks))
    report["by_lang"] = {lang: _metrics(r) for lang, r in sorted(ranks_by_lang.items())}
    return report
