"""Ingest N pages of the real Estonian national curriculum and measure time, retrieval and citations.

Usage: .venv/bin/python benchmarks/ingest_curriculum.py [--pages 100] [--questions FILE] [--home DIR]
Needs ../shared/corpora/estonian-curriculum (not part of the project's own tests).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from curriculum.ingest import Ingestor
from tutor.config import Settings
from tutor.evaluation import evaluate_retrieval, read_jsonl
from tutor.pipeline import Tutor

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "estonian-curriculum" / "pages"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--questions", default=str(ROOT / "benchmarks" / "data" / "curriculum_questions.jsonl"))
    parser.add_argument("--home", help="keep the store here (default: a temporary folder)")
    parser.add_argument("--locale", default="ee", help="a profile id (the curriculum collection)")
    args = parser.parse_args()

    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="lt-bench-"))
    files = sorted(CORPUS.glob("*.md"))[: args.pages]
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    tutor = Tutor.from_settings(Settings(home=home))
    ingestor = Ingestor(tutor.store, tutor.embedder)
    started = time.perf_counter()
    results = ingestor.ingest_paths(files, args.locale)
    seconds = time.perf_counter() - started
    chunks = sum(r.chunks for r in results)
    failed = [r.error for r in results if not r.ok]

    rows = read_jsonl(Path(args.questions))
    mark = time.perf_counter()
    report = evaluate_retrieval(tutor.retriever, rows, args.locale, k=5)
    per_question = (time.perf_counter() - mark) * 1000 / len(rows)

    # Citation check: every cited chunk's text must occur in the page file it names.
    checked = wrong = 0
    for row in rows:
        answer = tutor.ask(row["question"], args.locale)
        for citation in answer.citations:
            checked += 1
            page_text = " ".join((CORPUS / citation.source).read_text(encoding="utf-8").split())
            if " ".join(citation.text.split()) not in page_text:
                wrong += 1

    print(json.dumps({
        "pages": len(files), "characters": chars, "chunks": chunks, "failed_files": failed,
        "ingest_seconds": round(seconds, 1), "chunks_per_second": round(chunks / seconds, 2),
        "retrieval": report, "retrieval_ms_per_question": round(per_question, 1),
        "citations_checked": checked, "citations_not_in_named_page": wrong,
    }, ensure_ascii=False, indent=1))
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
