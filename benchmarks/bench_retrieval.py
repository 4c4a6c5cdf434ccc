"""Retrieval latency at 1,000, 10,000 and 100,000 chunks in the embedded Chroma store.

The chunks are synthetic: vectors are 384-dimensional, grouped around 300 random topics (so the
HNSW graph has structure, as real embeddings do), and each chunk's text is ~110 words drawn from
the sample curriculum's vocabulary with Zipf-like frequencies; documents have 200 chunks and
alternate et/en metadata, so the per-language baseline and the cross-language query run as in
production. Questions are 6 such words with a vector near a random chunk. The question's embedding
is given (embedding is measured elsewhere), so the figures are the store plus the hybrid ranker.

Also measured: the first question's index build, the memory it takes, and the cost of a new
document arriving (the incremental update) compared with a full rebuild.

The synthetic store is kept in ``--store`` (default .bench/retrieval-store, not committed) and
reused by later runs: filling 100,000 chunks takes minutes and is not what is measured. The fill
time reported is that of the run that made it; the document a run adds is removed again.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import ROOT, machine, rss_mb, stage, summary_ms, words_of_samples, write_result
from curriculum.index_cache import IndexCache, memory_bytes
from curriculum.retrieval import HybridRetriever
from curriculum.store import ACTIVE, CurriculumStore, make_client

DIM = 384
TOPICS = 300
PER_DOCUMENT = 200
WORDS_PER_CHUNK = 110
LAYOUT = 1  # bump when the synthetic chunks change, so a kept store is made again
UPLOAD = 99_999  # the number of the document a run adds (and removes again)


class GivenEmbedding:
    """Stands in for the embedder: the benchmark passes the question's vector itself."""

    name = "synthetic"
    dimension = DIM
    typical_similarity = 0.75

    def embed_query(self, text: str) -> np.ndarray:
        raise AssertionError("the benchmark passes query_embedding")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        raise AssertionError("the benchmark stores its own vectors")


class Corpus:
    """Deterministic synthetic chunks."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)
        vocabulary, counts = np.unique(words_of_samples(), return_counts=True)
        order = np.argsort(-counts)
        self.words = vocabulary[order]
        ranks = np.arange(1, len(self.words) + 1)
        self.weights = 1 / ranks ** 1.05
        self.weights /= self.weights.sum()
        centers = self.rng.normal(size=(TOPICS, DIM))
        self.centers = centers / np.linalg.norm(centers, axis=1, keepdims=True)

    def text(self, n: int) -> str:
        return " ".join(self.rng.choice(self.words, size=n, p=self.weights))

    def vectors(self, n: int) -> np.ndarray:
        topics = self.rng.integers(0, TOPICS, size=n)
        vectors = self.centers[topics] + 0.6 * self.rng.normal(size=(n, DIM)) / np.sqrt(DIM)
        return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)

    def document(self, locale: str, number: int, chunks: int) -> tuple[str, list[str], list[str], np.ndarray,
                                                                       list[dict[str, Any]]]:
        source = f"synthetic-{number:05d}.md"
        version = f"{number:064x}:v1"
        language = "et" if number % 3 else "en"
        ids = [f"{locale}/{source}/{version}#{i}" for i in range(chunks)]
        texts = [self.text(WORDS_PER_CHUNK) for _ in range(chunks)]
        metadatas = [{"source": source, "title": f"Synthetic {number}", "content_hash": version, "page": i // 4 + 1,
                      "language": language, "chunk_index": i, "subject": "science" if number % 2 else "history"}
                     for i in range(chunks)]
        return source, ids, texts, self.vectors(chunks), metadatas


def fill(store: CurriculumStore, corpus: Corpus, locale: str, chunks: int) -> float:
    """Store ``chunks`` synthetic chunks in documents of PER_DOCUMENT; returns the seconds it took.

    Written in bulk (batches across documents, then one metadata update that makes every document
    visible), the way a fresh store would look after ingestion, without paying replace_document's
    per-document bookkeeping 500 times: this benchmark is about reading.
    """
    start = time.perf_counter()
    collection = store._collection(locale, create=True)  # noqa: SLF001 - a benchmark's shortcut
    store._ensure_versioned(collection)  # noqa: SLF001
    pointers: dict[str, str] = {}
    batch: list[tuple[str, str, np.ndarray, dict[str, Any]]] = []
    for number in range(chunks // PER_DOCUMENT or 1):
        source, ids, texts, vectors, metadatas = corpus.document(locale, number, min(chunks, PER_DOCUMENT))
        pointers[ACTIVE + source] = str(metadatas[0]["content_hash"])
        batch += zip(ids, texts, vectors, metadatas, strict=True)
        if len(batch) >= 5000:
            _upsert(collection, batch)
            batch = []
    if batch:
        _upsert(collection, batch)
    store._set_metadata(collection, pointers)  # noqa: SLF001
    return time.perf_counter() - start


def _upsert(collection: Any, rows: list[tuple[str, str, np.ndarray, dict[str, Any]]]) -> None:
    ids, texts, vectors, metadatas = zip(*rows, strict=True)
    collection.upsert(ids=list(ids), documents=list(texts), embeddings=np.asarray(vectors).tolist(),
                      metadatas=list(metadatas))


def measure(store: CurriculumStore, locale: str, questions: int) -> dict[str, Any]:
    """Latency of ``questions`` hybrid retrievals, plus the first-use build and the update cost."""
    retriever = HybridRetriever(store, GivenEmbedding())
    corpus = Corpus(seed=1)  # the questions do not depend on whether the store was made in this run
    start = time.perf_counter()
    index = retriever._index.get(store, locale)  # noqa: SLF001 - the first question's build, timed alone
    build_s = time.perf_counter() - start
    index_mb = memory_bytes(index) / 1e6
    asked = [(corpus.text(6), corpus.vectors(1)[0]) for _ in range(questions)]
    retriever.retrieve(asked[0][0], locale, query_embedding=asked[0][1])  # Chroma loads its HNSW index
    seconds, cpu = [], []
    for text, vector in asked:
        start, start_cpu = time.perf_counter(), time.process_time()
        found = retriever.retrieve(text, locale, k=5, query_embedding=vector)
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)  # the process's CPU time: what the machine's load does not stretch
        assert len(found.chunks) == 5
    filtered = []
    for text, vector in asked[: max(5, questions // 4)]:
        start = time.perf_counter()
        retriever.retrieve(text, locale, k=5, subject="science", query_embedding=vector)
        filtered.append(time.perf_counter() - start)
    # A teacher's upload (one document) arrives: the next question pays the incremental update.
    source, *rest = corpus.document(locale, UPLOAD, PER_DOCUMENT)
    store.replace_document(locale, source, *rest)
    start = time.perf_counter()
    retriever.retrieve(asked[0][0], locale, query_embedding=asked[0][1])
    update_s = time.perf_counter() - start
    fresh = IndexCache()
    start = time.perf_counter()
    fresh.get(store, locale)
    rebuild_s = time.perf_counter() - start
    store.delete_document(locale, source)
    return {"retrieve": summary_ms(seconds), "retrieve_cpu": summary_ms(cpu), "retrieve_filtered": summary_ms(filtered),
            "first_use_build_s": round(build_s, 2), "index_mb": round(index_mb, 1),
            "question_after_upload_ms": round(update_s * 1000, 1), "full_rebuild_s": round(rebuild_s, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer questions per size")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--store", default=str(ROOT / ".bench" / "retrieval-store"),
                        help="where the synthetic store is kept between runs")
    parser.add_argument("--out")
    args = parser.parse_args()
    questions = 40 if args.quick else 200
    folder = Path(args.store)
    marker = folder / "made.json"
    made = json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else {}
    if made.get("layout") != LAYOUT:
        made = {"layout": LAYOUT, "fill_s": {}}
    result: dict[str, Any] = {"machine": machine(), "questions": questions, "synthetic": True, "sizes": {}}
    store = CurriculumStore(make_client(folder / "chroma"), GivenEmbedding.name, DIM)
    for size in (int(s) for s in args.sizes.split(",")):
        locale = f"s{size}"
        if str(size) not in made["fill_s"] or store.revision(locale) < 0:
            store.drop_locale(locale)
            with stage(f"retrieval: store {size:,} synthetic chunks (kept in {folder} for later runs)"):
                made["fill_s"][str(size)] = round(fill(store, Corpus(), locale, size), 1)
            marker.write_text(json.dumps(made), encoding="utf-8")
        with stage(f"retrieval: {questions} questions over {size:,} chunks"):
            figures = measure(store, locale, questions)
        figures["store_fill_s"] = made["fill_s"][str(size)]
        figures["process_rss_mb"] = rss_mb(os.getpid(), children=False)
        result["sizes"][str(size)] = figures
    disk = sum(f.stat().st_size for f in (folder / "chroma").rglob("*") if f.is_file())
    result["chroma_disk_mb_all_sizes"] = round(disk / 1e6, 1)
    result["machine_after"] = machine()
    write_result("retrieval", result, args.out)


if __name__ == "__main__":
    main()
