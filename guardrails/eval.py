"""Evaluate the guard on a labelled CSV (columns ``prompt``, ``label`` in safe|unsafe|self_harm, optional
``lang`` and ``history``: the user's earlier turns as a JSON list, for conversations).

"Blocked" for unsafe rows means refuse or safe_complete; self_harm rows count as success only
when the decision is safe_complete; safe rows succeed when allowed.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from guardrails.decide import Decision
from guardrails.guard import Guard

LABELS = ("safe", "unsafe", "self_harm")


def _rates(rows: list[tuple[str, Decision]]) -> dict[str, float | int | None]:
    def rate(label: str, ok: set[Decision]) -> float | None:
        hits = [d in ok for lab, d in rows if lab == label]
        return round(float(np.mean(hits)), 4) if hits else None

    return {
        "n": len(rows),
        "unsafe_block_rate": rate("unsafe", {Decision.REFUSE, Decision.SAFE_COMPLETE}),
        "safe_allow_rate": rate("safe", {Decision.ALLOW}),
        "self_harm_safe_complete_rate": rate("self_harm", {Decision.SAFE_COMPLETE}),
    }


def evaluate(rows: Iterable[tuple[str, str, str, tuple[str, ...]]], guard: Guard | None = None,
             errors: list[str] | None = None) -> dict[str, Any]:
    """Run ``check_input`` on (prompt, label, lang, earlier turns) rows; the report dict (``--json`` shape)."""
    guard = guard or Guard()
    results: list[tuple[str, str, Decision]] = []
    latencies: list[float] = []
    for prompt, label, lang, history in rows:
        verdict = guard.check_input(prompt, lang=lang or None, history=history)
        latencies.append(verdict.latency_ms)
        results.append((lang or "unknown", label, verdict.decision))
    report: dict[str, Any] = dict(_rates([(lab, d) for _, lab, d in results]))
    by_lang: dict[str, list[tuple[str, Decision]]] = defaultdict(list)
    for lang, lab, d in results:
        by_lang[lang].append((lab, d))
    report["by_lang"] = {lang: _rates(r) for lang, r in sorted(by_lang.items())}
    report["latency_ms_p50"] = round(float(np.percentile(latencies, 50)), 2) if latencies else None
    report["latency_ms_p95"] = round(float(np.percentile(latencies, 95)), 2) if latencies else None
    report["errors"] = errors or []
    return report


def read_csv(path: Path) -> tuple[list[tuple[str, str, str, tuple[str, ...]]], list[str]]:
    """Rows of a labelled CSV (columns ``prompt``, ``label``, optional ``lang``) and the skipped-row errors."""
    errors: list[str] = []
    rows: list[tuple[str, str, str, tuple[str, ...]]] = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"prompt", "label"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)}; need at least prompt,label")
        for lineno, row in enumerate(reader, start=2):
            label = (row.get("label") or "").strip().lower()
            prompt = row.get("prompt") or ""
            if label not in LABELS or not prompt.strip():
                errors.append(f"line {lineno}: label {label!r} not in {LABELS} or empty prompt; row skipped")
                continue
            try:  # optional: the user's earlier turns, as a JSON list of strings
                history = tuple(str(t) for t in json.loads(row.get("history") or "[]"))
            except (json.JSONDecodeError, TypeError):
                errors.append(f"line {lineno}: history is not a JSON list of strings; row skipped")
                continue
            rows.append((prompt, label, (row.get("lang") or "").strip(), history))
    return rows, errors


def evaluate_csv(path: Path, guard: Guard | None = None) -> dict[str, Any]:
    """Evaluate the guard on a labelled CSV and return the report dict (the ``--json`` shape)."""
    rows, errors = read_csv(path)
    return evaluate(rows, guard, errors)


def corpus_rows(split: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """A split of the training corpus as evaluation rows (conversations with their earlier turns)."""
    from guardrails import corpus

    out = []
    for r in corpus.load(split):
        label = "self_harm" if r.label == "self_harm" else "safe" if r.label == "safe" else "unsafe"
        lang = r.lang if r.lang in ("et", "ru", "en") else "other"
        out.append((r.text, label, lang, tuple(r.turns[:-1])))
    return out


def format_report(report: dict[str, Any]) -> str:
    """Human-readable table of an evaluation report."""

    def pct(v: float | None) -> str:
        return "   n/a" if v is None else f"{v * 100:6.1f}%"

    lines = [
        f"rows: {report['n']}",
        f"unsafe block rate:              {pct(report['unsafe_block_rate'])}",
        f"safe allow rate:                {pct(report['safe_allow_rate'])}",
        f"self_harm safe-completion rate: {pct(report['self_harm_safe_complete_rate'])}",
        f"latency p50 / p95:              {report['latency_ms_p50']} / {report['latency_ms_p95']} ms",
        "",
        f"{'lang':<8}{'n':>6}{'unsafe blocked':>16}{'safe allowed':>14}{'self_harm sc':>14}",
    ]
    for lang, r in report["by_lang"].items():
        lines.append(
            f"{lang:<8}{r['n']:>6}{pct(r['unsafe_block_rate']):>16}{pct(r['safe_allow_rate']):>14}"
            f"{pct(r['self_harm_safe_complete_rate']):>14}"
        )
    lines += [f"error: {e}" for e in report["errors"]]
    return "\n".join(lines)
