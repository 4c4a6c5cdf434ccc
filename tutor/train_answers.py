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

from curriculum.language import detect_language
from tutor.evidence import FEATURES, MODELS_PATH, UnitEmbeddings, features, heading_of, rank_units
from tutor.relevance import GATE_FEATURES, gate_features

DATA_DIRS = tuple(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / name
                  for name in ("answers_dev", "answers_dev2"))
DEFAULT_HOME = Path.home() / ".cache" / "localtutor" / "answers-train-home"
LOCALE = "ee"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for data in DATA_DIRS
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


def collect(home: Path) -> tuple[list[dict], list[dict]]:
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
    questions = _rows("questions.jsonl") + _rows("offtopic.jsonl")
    for locale, chosen in configurations:
        present = {p.name for p in chosen}
        for i, row in enumerate(questions):
            q = row["question"]
            source = row.get("source") if locale == LOCALE or row.get("source") in present else None
            if locale != LOCALE and source is None and row.get("source") is None and i % 3:
                continue  # the hand-written off-topic questions are already used whole; a third suffices here
            qvec = tutor.embedder.embed_query(q)
            passages = tuple(tutor.retriever.retrieve(q, locale, k=5, query_embedding=qvec).chunks)
            language = row.get("lang") or detect_language(q)
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
    x = features(q, units, sims, langs, [u.passage for u in units], [heading_of(passages[u.passage - 1]) for u in units])
    out = []
    for unit, xrow in zip(units, x, strict=True):
        right = passages[unit.passage - 1].source == row["source"]
        out.append({"x": xrow.tolist(), "y": int(right and row["answer"].casefold() in unit.text.casefold()),
                    "fold": fold, "q": i, "lang": language})
    return out


def train(home: Path = DEFAULT_HOME, out: Path = MODELS_PATH) -> dict:
    ranker_rows, gate_rows = collect(home)

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

    x, y, _ = arrays(gate_rows, "train")
    gate = _fit(x, y, monotone=True)
    xd, yd, chosen = arrays(gate_rows, "dev")
    pd = _prob(gate, xd)
    xt, yt, _ = arrays(gate_rows, "train")
    pt = _prob(gate, xt)
    # Thresholds per question language, on the training fold: the cut that maximises
    # mean(in-scope answered, off-topic "not found").
    train_langs = np.array([r["lang"] for r in gate_rows if r["fold"] == "train"])
    cuts = np.linspace(0.05, 0.95, 91)
    gate["thresholds"] = {}
    for lang in ("et", "ru", "en"):
        m = train_langs == lang
        score = [np.mean(pt[m & (yt == 1)] >= t) + np.mean(pt[m & (yt == 0)] < t) for t in cuts]
        gate["thresholds"][lang] = float(cuts[int(np.argmax(score))])
    for lang in ("et", "ru", "en"):
        m = np.array([r["lang"] == lang for r in chosen])
        t = gate["thresholds"][lang]
        inside = np.mean(pd[m & (yd == 1)] >= t) if (m & (yd == 1)).any() else float("nan")
        outside = np.mean(pd[m & (yd == 0)] < t) if (m & (yd == 0)).any() else float("nan")
        print(f"gate {lang} (>= {t:.2f}): dev in-scope answered {inside:.3f}, off-topic 'not found' {outside:.3f}")

    # Final models on every row.
    x, y, _ = arrays(ranker_rows, None)
    ranker = _fit(x, y)
    x, y, _ = arrays(gate_rows, None)
    thresholds = gate["thresholds"]
    gate = _fit(x, y, monotone=True)
    gate["thresholds"] = thresholds
    models = {"ranker": {**ranker, "features": list(FEATURES)}, "gate": {**gate, "features": list(GATE_FEATURES)}}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return models


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tutor.train_answers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME, help="throw-away store for the material")
    parser.add_argument("--out", type=Path, default=MODELS_PATH)
    args = parser.parse_args(argv)
    train(args.home, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
