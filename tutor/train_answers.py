"""Train the answer stage's two small models: ``python -m tutor.train_answers``.

Material: the teaching texts and questions in ``benchmarks/data/answers_dev`` and ``answers_dev2``
(written for this project by two authors: Estonian textbook pages; questions in et, ru and en with
the file and the string that answers them; off-topic questions the texts do not cover), ingested
into a throw-away store with the shipped sample curriculum as distractors.

* The evidence ranker (``tutor.evidence``): per candidate unit, is this the unit that states the
  answer (it contains the answer string and comes from the right file)?
* The relevance gate (``tutor.relevance``): does the curriculum answer the question at all?

Texts are split by file into train (4 of 5) and dev (1 of 5); the figures on dev are printed,
then both models are refitted on everything and written to ``tutor/data/answer_models.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from curriculum.language import detect_language, searchable
from tutor.evidence import (
    FEATURES,
    MODELS_PATH,
    UnitEmbeddings,
    as_the_passages_spell_it,
    contexts,
    features,
    rank_units,
)
from tutor.relevance import GATE_FEATURES, gate_features

DATA_DIRS = tuple(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / name
                  for name in ("answers_dev", "answers_dev2"))
DEFAULT_HOME = Path.home() / ".cache" / "localtutor" / "answers-train-home"
LOCALE = "ee"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for data in DATA_DIRS if (data / name).exists()
            for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _fold(source: str | None, question: str) -> str:
    key = source or question
    return "dev" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 5 == 0 else "train"


def _fit(x: np.ndarray, y: np.ndarray, c: float = 1.0, monotone: bool = False) -> dict:
    """Logistic regression on standardised features. ``monotone``: every feature may only raise the
    probability (a feature the fit gives a negative weight is dropped and the rest refitted), so the
    model cannot learn the quirks of its training questions, only how much each signal counts."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(0), x.std(0) + 1e-6
    z = (x - mean) / scale
    active = np.ones(x.shape[1], dtype=bool)
    while True:
        lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(z[:, active], y)
        coef = np.zeros(x.shape[1])
        coef[active] = lr.coef_[0]
        if not monotone or (coef >= 0).all():
            break
        active &= coef >= 0
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": coef.tolist(), "intercept": float(lr.intercept_[0])}


def _prob(model: dict, x: np.ndarray) -> np.ndarray:
    z = (x - np.array(model["mean"])) / np.array(model["scale"])
    return 1 / (1 + np.exp(-(z @ np.array(model["coef"]) + model["intercept"])))


# Small corpora, like one class's uploads: a question whose text is left out becomes an off-topic
# question whose topic is really absent, the commonest kind a school sees.
SUBSETS = 4
SUBSET_SIZE = 12


def _configurations(texts: list[Path]) -> list[tuple[str, list[Path]]]:
    """(locale, texts) pairs: the whole material with the samples, and a few small subsets of it."""
    rng = np.random.default_rng(7)
    out: list[tuple[str, list[Path]]] = [(LOCALE, texts)]
    for k in range(SUBSETS):
        chosen = sorted(rng.choice(len(texts), size=SUBSET_SIZE, replace=False).tolist())
        out.append((f"train_subset_{k}", [texts[i] for i in chosen]))
    return out


def collect(home: Path, near_topic: bool = False) -> tuple[list[dict], list[dict]]:
    """Ranker rows (features, label, fold, question id) and gate rows, from the pipeline's own retrieval."""
    from tutor.config import Settings
    from tutor.services import Services

    services = Services(Settings(home=home))
    services.seed_samples([LOCALE])
    ingestor = services.ingestor
    texts = sorted(p for data in DATA_DIRS for p in (data / "texts").glob("*.md"))
    configurations = _configurations(texts)
    for locale, chosen in configurations:
        failed = [r for r in ingestor.ingest_paths(chosen, locale, uploader="train_answers") if not r.ok]
        if failed:
            raise SystemExit(f"ingest failed: {[r.error for r in failed]}")
    tutor = services.tutor
    embed = UnitEmbeddings(tutor.embedder)
    ranker_rows, gate_rows = [], []
    questions = _rows("questions.jsonl") + _rows("offtopic.jsonl") + (_rows("offtopic_near.jsonl") if near_topic else [])
    for locale, chosen in configurations:
        present = {p.name for p in chosen}
        for i, row in enumerate(questions):
            q = searchable(row["question"])  # as the pipeline prepares it
            source = row.get("source") if locale == LOCALE or row.get("source") in present else None
            if locale != LOCALE and source is None and row.get("source") is None and i % 3:
                continue  # the hand-written off-topic questions are already used whole; a third suffices here
            qvec = tutor.embedder.embed_query(q)
            passages = tuple(tutor.retriever.retrieve(q, locale, k=5, query_embedding=qvec).chunks)
            language = row.get("lang") or detect_language(q)
            q = as_the_passages_spell_it(q, passages, language)
            evidence = rank_units(q, passages, qvec, embed)
            fold = _fold(row.get("source"), q)
            sources = [p.source for p in passages[:3]]
            if source is None or source in sources:
                gate_rows.append({"x": gate_features(q, passages, evidence).tolist(),
                                  "y": int(source is not None), "fold": fold, "lang": language})
            if locale == LOCALE and row.get("answer") and source in sources:
                ranker_rows += _ranker_rows(q, row, passages, evidence, embed, qvec, fold, i, language)
        print(f"  {locale}: {len(gate_rows)} gate rows so far", file=sys.stderr)
    return ranker_rows, gate_rows


def _ranker_rows(q: str, row: dict, passages: tuple, evidence: list, embed: UnitEmbeddings, qvec: np.ndarray,
                 fold: str, i: int, language: str) -> list[dict]:
    units = [e.unit for e in evidence]
    if not units:
        return []
    sims = embed([u.text for u in units]) @ qvec
    langs = [str(passages[u.passage - 1].metadata.get("language") or "et") for u in units]
    x = features(q, units, sims, langs, [u.passage for u in units], contexts(units, passages))
    out = []
    for unit, xrow in zip(units, x, strict=True):
        right = passages[unit.passage - 1].source == row["source"]
        out.append({"x": xrow.tolist(), "y": int(right and row["answer"].casefold() in unit.text.casefold()),
                    "fold": fold, "q": i, "lang": language})
    return out


ROWS_CACHE = Path.home() / ".cache" / "localtutor" / "answers-train-rows.json"


GATE_LANGS = ("et", "ru", "en")


def _threshold(p: np.ndarray, y: np.ndarray, tolerance: float = 0.01) -> float:
    """The cut that maximises mean(in-scope answered, off-topic "not found"). That mean is often flat
    over a wide range of cuts; within ``tolerance`` of its best the lowest cut wins: when the
    material cannot tell, the pupil gets the cited passage to judge rather than "not found"."""
    cuts = np.linspace(0.05, 0.95, 91)
    score = np.array([(np.mean(p[y == 1] >= t) + np.mean(p[y == 0] < t)) / 2 for t in cuts])
    return float(cuts[int(np.argmax(score >= score.max() - tolerance))])


def _gate(rows: list[dict], lang: str) -> dict:
    """One language's gate: fitted and thresholded on the training fold, figures on dev, then refitted
    on every row of that language with the training fold's threshold."""
    def arrays(fold: str | None) -> tuple[np.ndarray, np.ndarray]:
        chosen = [r for r in rows if r["lang"] == lang and (fold is None or r["fold"] == fold)]
        return np.array([r["x"] for r in chosen]), np.array([r["y"] for r in chosen])

    x, y = arrays("train")
    gate = _fit(x, y, monotone=True)
    threshold = _threshold(_prob(gate, x), y)
    xd, yd = arrays("dev")
    pd = _prob(gate, xd)
    print(f"gate {lang} (>= {threshold:.2f}, {len(y)} train rows): dev in-scope answered "
          f"{np.mean(pd[yd == 1] >= threshold):.3f}, off-topic 'not found' {np.mean(pd[yd == 0] < threshold):.3f}; "
          f"weights {dict(zip(GATE_FEATURES, np.round(gate['coef'], 2).tolist(), strict=True))}")
    x, y = arrays(None)
    return {**_fit(x, y, monotone=True), "threshold": threshold}


def train(home: Path = DEFAULT_HOME, out: Path = MODELS_PATH, reuse: bool = False, near_topic: bool = False) -> dict:
    cached = json.loads(ROWS_CACHE.read_text(encoding="utf-8")) if reuse and ROWS_CACHE.exists() else None
    if cached and cached["features"] == list(FEATURES) and set(GATE_FEATURES) <= set(cached["gate_features"]):
        ranker_rows, gate_rows = cached["ranker"], cached["gate"]
        keep = [cached["gate_features"].index(name) for name in GATE_FEATURES]
        gate_rows = [{**r, "x": [r["x"][i] for i in keep]} for r in gate_rows]
    else:
        ranker_rows, gate_rows = collect(home, near_topic)
        ROWS_CACHE.parent.mkdir(parents=True, exist_ok=True)
        ROWS_CACHE.write_text(json.dumps({"features": list(FEATURES), "gate_features": list(GATE_FEATURES),
                                          "ranker": ranker_rows, "gate": gate_rows}), encoding="utf-8")

    def arrays(rows: list[dict], fold: str | None) -> tuple[np.ndarray, np.ndarray, list[dict]]:
        chosen = [r for r in rows if fold is None or r["fold"] == fold]
        return np.array([r["x"] for r in chosen]), np.array([r["y"] for r in chosen]), chosen

    x, y, _ = arrays(ranker_rows, "train")
    ranker = _fit(x, y)
    xd, yd, chosen = arrays(ranker_rows, "dev")
    p = _prob(ranker, xd)
    by_q: dict[int, list[tuple[float, int]]] = {}
    for r, score in zip(chosen, p, strict=True):
        by_q.setdefault(r["q"], []).append((score, r["y"]))
    top1 = np.mean([max(v)[1] for v in by_q.values() if any(lab for _, lab in v)])
    print(f"ranker: dev questions whose best unit states the answer: {top1:.3f} ({len(by_q)} questions)")

    gates = {lang: _gate(gate_rows, lang) for lang in GATE_LANGS}

    # Final ranker on every row.
    x, y, _ = arrays(ranker_rows, None)
    ranker = _fit(x, y)
    models = {"ranker": {**ranker, "features": list(FEATURES)}, "gate": {"features": list(GATE_FEATURES), "by_lang": gates}}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return models


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tutor.train_answers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME, help="throw-away store for the material")
    parser.add_argument("--out", type=Path, default=MODELS_PATH)
    parser.add_argument("--reuse", action="store_true",
                        help=f"fit on the rows the last run collected ({ROWS_CACHE}) instead of collecting again")
    parser.add_argument("--near-topic", action="store_true",
                        help="also train the gates on offtopic_near.jsonl (questions close to a text's topic that it "
                             "does not answer); tried, not shipped: see docs/retrieval.md")
    args = parser.parse_args(argv)
    train(args.home, args.out, args.reuse, args.near_topic)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
