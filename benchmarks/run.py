"""Run the benchmark suite: ``make bench`` (full, writes docs/performance.md) or ``make bench-quick``.

Each benchmark runs in its own process (so memory figures are its own) and writes its JSON to
benchmarks/results/<mode>/. The quick run prints ONE JSON object as its last line with the
headline figures; the full run also writes docs/performance.md and its charts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import RESULTS, ROOT, machine

PARTS = ("ingest", "retrieval", "guard", "ask", "server")
HEADLINE_KEYS = ("ingest_overhead_pct", "retrieval_p95_ms_100k", "guard_p95_ms", "ask_p95_ms",
                 "concurrent_50_p95_ms", "concurrent_50_errors")


def seeded_home(base: Path) -> Path:
    """A LOCALTUTOR_HOME with the sample curriculum ingested (made once, reused: seeding is a no-op when done)."""
    home = base / "seeded"
    env = {**os.environ, "LOCALTUTOR_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "tutor.cli", "seed"], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return home


def run_one(name: str, out_dir: Path, extra: list[str]) -> dict[str, Any]:
    out = out_dir / f"{name}.json"
    command = [sys.executable, "-m", f"benchmarks.bench_{name}", "--out", str(out), *extra]
    print(f"[bench] == {name}: {' '.join(command[2:])}", file=sys.stderr, flush=True)
    # The benchmarks' stdout (their JSON) is not ours to print: the quick run's last line is the summary.
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return dict(json.loads(out.read_text(encoding="utf-8")))


def headline(results: dict[str, Any]) -> dict[str, Any]:
    """The six figures the issue names, from the benchmarks' results.

    "50 concurrent pupils" are 50 signed-in pupils using the tutor at the same time, each asking
    again a while after an answer (a question every ~20 s each, on average): the classroom the target
    is about. The burst (all 50 press Enter in the same second) is measured too and reported next to
    it in docs/performance.md; its p95 is bounded by 50 answers' CPU time, whatever the server does.
    """
    fifty = results["server"]["concurrency"]["50_paced"]
    return {
        "ingest_overhead_pct": results["ingest"]["ingest_overhead_pct"],
        "retrieval_p95_ms_100k": results["retrieval"]["sizes"]["100000"]["retrieve"]["p95_ms"],
        "guard_p95_ms": results["guard"]["typical"]["p95_ms"],
        "ask_p95_ms": results["ask"]["ask"]["p95_ms"],
        "concurrent_50_p95_ms": fifty.get("p95_ms"),
        "concurrent_50_errors": fifty["errors"] + fifty["unanswered"],  # a question cut off by the budget counts
    }


def report(path: Path, results: dict[str, Any], summary: dict[str, Any]) -> None:
    """docs/performance.md from the results, with the whole curriculum's figures when they exist."""
    from benchmarks.report import write_report

    curriculum = RESULTS / "curriculum.json"
    if curriculum.exists():
        results = {**results, "curriculum": json.loads(curriculum.read_text(encoding="utf-8"))}
    write_report(path, results, summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="reduced repetitions (under 10 minutes here)")
    parser.add_argument("--work", default=str(ROOT / ".bench"), help="where the seeded home is kept")
    parser.add_argument("--report", help="write the Markdown report (and its charts) here")
    parser.add_argument("--report-only", action="store_true",
                        help="measure nothing: write --report from the results of the last run of this mode")
    args = parser.parse_args()
    mode = "quick" if args.quick else "full"
    out_dir = RESULTS / mode
    out_dir.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        if not args.report:
            parser.error("--report-only needs --report")
        results = {name: json.loads((out_dir / f"{name}.json").read_text(encoding="utf-8")) for name in PARTS}
        # The headline again from the results: a part may have been run again alone since.
        summary = {**json.loads((out_dir / "summary.json").read_text(encoding="utf-8")), **headline(results)}
        (out_dir / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
        report(Path(args.report), results, summary)
        return
    quick = ["--quick"] if args.quick else []
    started = time.perf_counter()
    before = machine()
    home = seeded_home(Path(args.work))
    results: dict[str, Any] = {}
    results["ingest"] = run_one("ingest", out_dir, quick)
    results["retrieval"] = run_one("retrieval", out_dir, quick)
    results["guard"] = run_one("guard", out_dir, quick)
    results["ask"] = run_one("ask", out_dir, [*quick, "--home", str(home)])
    results["server"] = run_one("server", out_dir, [*quick, "--home", str(home), "--paced"])
    summary = {**headline(results), "mode": mode, "minutes": round((time.perf_counter() - started) / 60, 1),
               "machine_before": before, "machine_after": machine()}
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    if args.report:
        report(Path(args.report), results, summary)
    print(json.dumps({key: summary[key] for key in HEADLINE_KEYS}))


if __name__ == "__main__":
    main()
