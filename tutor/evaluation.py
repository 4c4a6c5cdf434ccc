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


# ------------------------------------------------------------------------------------ answers
ANSWER_KEYS = ("n", "answered", "cited@3", "fact", "not_found")


def read_answer_rows(path: Path) -> list[dict[str, Any]]:
    """Rows of an answers dataset: ``question``, ``lang``, ``source`` (null: the corpus cannot
    answer), ``answer`` (a string the answer must contain, or null)."""
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
        if not isinstance(row, dict) or not isinstance(row.get("question"), str) or not row["question"].strip():
            raise DatasetError(f"{path}:{number}: missing or empty key question")
        for key in ("source", "answer"):
            if row.get(key) is not None and not isinstance(row.get(key), str):
                raise DatasetError(f"{path}:{number}: {key} must be a string or null")
        rows.append({"question": row["question"], "lang": str(row.get("lang") or "unknown"),
                     "source": row.get("source") or None, "answer": row.get("answer") or None})
    if not rows:
        raise DatasetError(f"{path}: no questions found")
    return rows


def _answer_metrics(results: list[dict[str, Any]], k: int) -> dict[str, Any]:
    inside = [r for r in results if r["source"] is not None]
    outside = [r for r in results if r["source"] is None]

    def rate(rows: list[dict[str, Any]], key: str) -> float | None:
        return round(sum(1 for r in rows if r[key]) / len(rows), 4) if rows else None

    out: dict[str, Any] = {"n": len(results), "answered": rate(inside, "answered"), "cited@3": rate(inside, "cited@3"),
                           "fact": rate(inside, "fact"), "not_found": rate(outside, "not_found")}
    if k != 3:
        out[f"cited@{k}"] = rate(inside, "cited@k")
    return out


def evaluate_answers(ask: Callable[[str], Any], rows: list[dict[str, Any]], *, k: int = 3,
                     progress: Callable[[int, int], None] | None = None,
                     details: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Ask every question through the pipeline (``ask(question) -> Answer``) and score what the pupil reads.

    ``answered``: in-scope rows answered with citations; ``cited@3``: the expected source among the
    first three citations; ``fact``: the source cited (first ``k``) and the answer text contains the
    expected string (case-insensitive); ``not_found``: out-of-scope rows answered without citations.
    ``details`` receives one dict per question (the row, its scores, the answer text and citations).
    """
    import numpy as np

    results = []
    latencies = []
    for number, row in enumerate(rows, start=1):
        answer = ask(row["question"])
        sources = [c.source for c in answer.citations]
        in_scope = row["source"] is not None
        cited_k = in_scope and row["source"] in sources[:k]
        results.append({
            "lang": row["lang"], "source": row["source"],
            "answered": in_scope and answer.decision == "answer" and bool(sources),
            "cited@3": in_scope and row["source"] in sources[:3],
            "cited@k": cited_k,
            "fact": cited_k and (row["answer"] is None or row["answer"].casefold() in answer.text.casefold()),
            "not_found": not in_scope and answer.decision == "answer" and not sources,
        })
        latencies.append(float(answer.timings_ms.get("total", 0.0)))
        if details:
            details({"question": row["question"], "lang": row["lang"], "source": row["source"],
                     "expected": row["answer"], **{key: results[-1][key] for key in ("answered", "cited@3", "fact", "not_found")},
                     "decision": answer.decision, "citations": sources, "answer": answer.text})
        if progress:
            progress(number, len(rows))
    report = _answer_metrics(results, k)
    langs = sorted({r["lang"] for r in results})
    report["by_lang"] = {lang: _answer_metrics([r for r in results if r["lang"] == lang], k) for lang in langs}
    report["latency_ms_p50"] = round(float(np.percentile(latencies, 50)), 1) if latencies else None
    report["latency_ms_p95"] = round(float(np.percentile(latencies, 95)), 1) if latencies else None
    return report
