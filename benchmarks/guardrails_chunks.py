"""Injection in documents: ``python benchmarks/guardrails_chunks.py``.

Runs ``Guard.check_chunk`` over the held-out deepset (injections and benign prompts) and NotInject
(benign prompts full of trigger words) rows, and over every paragraph of the sample curriculum, and
prints the share of texts that address the model at all and the share neutralised as injection.
"""

from __future__ import annotations

import csv
from pathlib import Path

from guardrails import Guard
from guardrails.chunks import addresses_model

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "guardrails" / "data" / "heldout"


def main() -> None:
    guard = Guard(external=None)
    for name in ("deepset", "notinject"):
        with (HELDOUT / f"{name}_heldout.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for label in ("unsafe", "safe"):
            texts = [r["prompt"] for r in rows if r["label"] == label]
            if not texts:
                continue
            addressed = sum(addresses_model(t) for t in texts) / len(texts)
            flagged = sum(guard.check_chunk(t).injection for t in texts) / len(texts)
            kind = "injections" if label == "unsafe" else "benign"
            print(f"{name:<10}{kind:<11}n={len(texts):<5}addresses the model {addressed:6.1%}   "
                  f"neutralised {flagged:6.1%}")
    paragraphs = [
        p
        for path in sorted((ROOT / "curriculum" / "samples").rglob("*"))
        if path.suffix in {".md", ".txt"}
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.strip()) >= 20
    ]
    flagged = [p for p in paragraphs if guard.check_chunk(p).injection]
    print(f"sample curriculum paragraphs: {len(paragraphs)}, flagged {len(flagged)}")
    for p in flagged:
        print("  ", p[:100].replace("\n", " "))


if __name__ == "__main__":
    main()
