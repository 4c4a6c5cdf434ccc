"""Ingest pages of the real Estonian national curriculum and measure time, retrieval and citations.

Usage: .venv/bin/python benchmarks/ingest_curriculum.py [--pages 100|all] [--questions FILE] [--home DIR]
       [--out FILE] [--evaluate-only] [--budget-min MINUTES]
Needs ../shared/corpora/estonian-curriculum (not part of the project's own tests).

With ``--home`` the store is kept, so ``--evaluate-only`` can measure retrieval and citations again
(after a change to retrieval or answers) without the ~45 minutes of embedding; the ingest figures of
the earlier run are then taken from ``--out``.

With ``--budget-min`` no page is started after that many minutes of ingestion: on a busy machine the
result is then partial (``"complete": false``, with the pages done), and retrieval is evaluated on
the questions whose page was ingested, so a partial run still gives honest figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from curriculum.ingest import Ingestor
from tutor.config import Settings
from tutor.evaluation import evaluate_retrieval, read_jsonl
from tutor.pipeline import Tutor
from tutor.services import build_tutor

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "estonian-curriculum" / "pages"


def _ingest(tutor: Tutor, files: list[Path], locale: str, budget_s: float | None) -> dict[str, Any]:
    """Ingest ``files`` one by one, printing progress to stderr (the whole corpus takes most of an hour)."""
    ingestor = Ingestor(tutor.store, tutor.embedder)
    started = time.perf_counter()
    chunks, failed, done = 0, [], []
    for number, path in enumerate(files, start=1):
        if budget_s is not None and time.perf_counter() - started > budget_s:
            print(f"time budget reached after {len(done)} pages", file=sys.stderr, flush=True)
            break
        done.append(path)
        result = ingestor.ingest_file(path, locale)
        chunks += result.chunks
        if not result.ok:
            failed.append(result.error)
        if number % 25 == 0 or number == len(files):
            elapsed = time.perf_counter() - started
            print(f"{number}/{len(files)} pages, {chunks} chunks, {elapsed:.0f} s", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    return {
        "pages": len(done), "pages_in_corpus": len(files), "complete": len(done) == len(files),
        "characters": sum(len(p.read_text(encoding="utf-8")) for p in done),
        "chunks": chunks, "failed_files": failed, "ingest_seconds": round(seconds, 1),
        "chunks_per_second": round(chunks / seconds, 2) if seconds else None,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def _evaluate(tutor: Tutor, questions: Path, locale: str) -> dict[str, Any]:
    ingested = {document.source for document in tutor.store.documents(locale)}
    every = read_jsonl(questions)
    rows = [row for row in every if row["source"] in ingested]  # all of them unless the run was partial
    mark = time.perf_counter()
    report = evaluate_retrieval(tutor.retriever, rows, locale, k=5)
    per_question = (time.perf_counter() - mark) * 1000 / len(rows)

    # Citation check: every cited chunk's text must occur in the page file it names.
    checked = wrong = 0
    for row in rows:
        answer = tutor.ask(row["question"], locale)
        for citation in answer.citations:
            checked += 1
            page_text = " ".join((CORPUS / citation.source).read_text(encoding="utf-8").split())
            if " ".join(citation.text.split()) not in page_text:
                wrong += 1
    return {
        "store_chunks": tutor.store.count(locale), "questions": len(rows), "questions_in_set": len(every),
        "retrieval": report,
        "retrieval_ms_per_question": round(per_question, 1),
        "citations_checked": checked, "citations_not_in_named_page": wrong,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", default="100", help="how many pages (sorted by name), or 'all'")
    parser.add_argument("--questions", default=str(ROOT / "benchmarks" / "data" / "curriculum_questions.jsonl"))
    parser.add_argument("--home", help="keep the store here (default: a temporary folder)")
    parser.add_argument("--locale", default="ee", help="a profile id (the curriculum collection)")
    parser.add_argument("--out", help="also write the result (JSON) to this file")
    parser.add_argument("--evaluate-only", action="store_true", help="measure an ingested --home again")
    parser.add_argument("--budget-min", type=float, help="start no page after this many minutes of ingestion")
    args = parser.parse_args()

    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="lt-bench-"))
    files = sorted(CORPUS.glob("*.md"))
    if args.pages != "all":
        files = files[: int(args.pages)]
    tutor = build_tutor(Settings(home=home))
    previous: dict[str, Any] = {}
    if args.evaluate_only:
        if not args.home or not args.out or not Path(args.out).exists():
            parser.error("--evaluate-only needs --home and the --out of the run that ingested it")
        previous = json.loads(Path(args.out).read_text(encoding="utf-8"))
        figures = {k: previous[k] for k in ("pages", "pages_in_corpus", "complete", "characters", "chunks",
                                            "failed_files", "ingest_seconds", "chunks_per_second",
                                            "load_average_at_end", "measured_at") if k in previous}
    else:
        budget_s = args.budget_min * 60 if args.budget_min else None
        figures = {**_ingest(tutor, files, args.locale, budget_s), "measured_at": time.strftime("%Y-%m-%d")}
    # The whole corpus's size, so a partial run can be extrapolated by text rather than by page count.
    figures["characters_in_corpus"] = sum(len(p.read_text(encoding="utf-8")) for p in files)
    figures.update(_evaluate(tutor, Path(args.questions), args.locale))
    figures["evaluated_at"] = time.strftime("%Y-%m-%d")
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
