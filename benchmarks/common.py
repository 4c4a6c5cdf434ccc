"""Small helpers shared by the benchmarks: percentiles, process memory, machine load, sample text."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SAMPLES = ROOT / "curriculum" / "samples"
QUESTIONS = ROOT / "tests" / "fixtures" / "sample_questions.jsonl"
CURRICULUM_PAGES = ROOT.parent / "shared" / "corpora" / "estonian-curriculum" / "pages"


def summary_ms(seconds: list[float]) -> dict[str, float | int]:
    """n, p50, p95 and mean of durations given in seconds, in milliseconds."""
    ms = np.asarray(seconds, dtype=np.float64) * 1000
    if not len(ms):
        return {"n": 0}
    return {"n": len(ms), "p50_ms": round(float(np.percentile(ms, 50)), 1),
            "p95_ms": round(float(np.percentile(ms, 95)), 1), "mean_ms": round(float(ms.mean()), 1),
            "max_ms": round(float(ms.max()), 1)}


def timed(call: Callable[[], Any], repeat: int) -> list[float]:
    """Durations (seconds) of ``repeat`` calls."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def machine() -> dict[str, Any]:
    """What the figures were measured on, and how busy it was."""
    return {"cores": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": sys.version.split()[0], "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def rss_mb(pid: int, *, children: bool = True) -> float:
    """Resident memory of a process (and, by default, all its descendants) in MB."""
    total = 0.0
    for p in [pid, *(descendants(pid) if children else [])]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return round(total, 1)


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            kids = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        out += [int(k) for k in kids]
        todo += [int(k) for k in kids]
    return out


def words_of_samples() -> list[str]:
    """The words of the shipped sample curriculum (et/ru/en), to make synthetic text of a real shape."""
    text = " ".join(p.read_text(encoding="utf-8", errors="ignore") for p in sorted(SAMPLES.rglob("*")) if p.suffix in (".md", ".txt"))
    return re.findall(r"[^\W\d_]{2,}", text.lower())


def sample_questions() -> list[dict[str, str]]:
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Print a stage's name and duration to stderr (stdout carries the JSON result)."""
    start = time.perf_counter()
    print(f"[bench] {name}…", file=sys.stderr, flush=True)
    yield
    print(f"[bench] {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)


def write_result(name: str, result: dict[str, Any], out: str | None) -> None:
    """Print one JSON object (the last line of stdout) and keep it in ``out`` when given."""
    text = json.dumps(result, ensure_ascii=False)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(text, flush=True)
