"""Train the language identifier that ``curriculum.language.detect_language`` ships with.

    python -m curriculum.train_language [--check]

The examples are the labelled messages of the guard corpus (``guardrails/corpus/batches``: pupils'
Estonian with and without diacritics, Russian in Cyrillic and in Latin letters, English, slang and
typos), its ``train`` split only, plus the sample curriculum's prose. The project's labelled
question sets (``benchmarks/data``, ``tests/fixtures``) are never trained on: ``--check`` scores
the model on them, by language and for Russian typed in Latin letters. The fit is a multinomial
logistic regression (scikit-learn, a training-time dependency) over hashed character n-grams and
words; the weights land in ``curriculum/data/language.npz`` and run on numpy alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np

from curriculum.language import DIM, LANGS, MODEL_PATH, features

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "guardrails" / "corpus" / "batches"
SAMPLES = ROOT / "curriculum" / "samples"
CHECK_SETS = [*sorted((ROOT / "benchmarks" / "data").rglob("*.jsonl")), ROOT / "tests" / "fixtures" / "sample_questions.jsonl"]
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _split(text: str) -> str:
    """The guard corpus's own split rule is by near-duplicate group; for language a stable hash will do."""
    return "check" if int(hashlib.sha1(text.encode()).hexdigest()[:4], 16) % 10 == 0 else "train"


def corpus_rows() -> list[tuple[str, str]]:
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            texts = [row.get("text", "")] + [t for t in row.get("turns", []) if isinstance(t, str)]
            if row.get("lang") in LANGS:
                rows.extend((t, row["lang"]) for t in texts if t.strip())
    texts = [(SAMPLES / entry["path"], entry["language"]) for entry in json.loads((SAMPLES / "manifest.json").read_text())]
    for path, lang in texts:
        if path.suffix not in (".md", ".txt") or lang not in LANGS:
            continue
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            if len(para.split()) >= 3:
                rows.append((para.strip(), lang))
    return list(dict.fromkeys(rows))


def question_rows() -> list[tuple[str, str]]:
    """(question, language) of every labelled question set of the project, deduplicated."""
    rows = []
    for path in CHECK_SETS:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("lang") in LANGS and row.get("question"):
                rows.append((row["question"], row["lang"]))
    return list(dict.fromkeys(rows))


def matrix(texts: list[str]):
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for text in texts:
        idx, val = features(text)
        indices.extend(idx.tolist())
        values.extend(val.tolist())
        indptr.append(len(indices))
    return csr_matrix((np.array(values, dtype=np.float32), np.array(indices), np.array(indptr)), shape=(len(texts), DIM))


def report(name: str, rows: list[tuple[str, str]], guess) -> dict[str, float]:
    predicted = [guess(text) for text, _ in rows]
    out = {"all": float(np.mean([p == lang for p, (_, lang) in zip(predicted, rows, strict=True)]))}
    for lang in LANGS:
        hits = [p == lang for p, (_, x) in zip(predicted, rows, strict=True) if x == lang]
        out[lang] = float(np.mean(hits)) if hits else float("nan")
    latin = [p == "ru" for p, (t, x) in zip(predicted, rows, strict=True) if x == "ru" and not _CYRILLIC.search(t)]
    out["ru in Latin letters"] = float(np.mean(latin)) if latin else float("nan")
    short = [p == x for p, (t, x) in zip(predicted, rows, strict=True) if len(t.split()) <= 4]
    out["<= 4 words"] = float(np.mean(short)) if short else float("nan")
    print(f"{name:34} n={len(rows):5}  " + "  ".join(f"{k} {v:.3f}" for k, v in out.items()))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only score the shipped model")
    args = parser.parse_args(argv)
    from curriculum.language import detect_language

    if not args.check:
        from sklearn.linear_model import LogisticRegression

        rows = corpus_rows()
        train = [r for r in rows if _split(r[0]) == "train"]
        held = [r for r in rows if _split(r[0]) == "check"]
        print(f"examples: {len(train)} train, {len(held)} held out")
        x = matrix([t for t, _ in train])
        y = np.array([LANGS.index(lang) for _, lang in train])
        model = LogisticRegression(C=4.0, max_iter=300)
        model.fit(x, y)
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(MODEL_PATH, weights=model.coef_.T.astype(np.float16),
                            bias=model.intercept_.astype(np.float32), langs=np.array(LANGS))
        detect_language.cache_clear()  # type: ignore[attr-defined]
        report("corpus, held-out 10 %", held, lambda t: detect_language(t, default="?"))
    report("question sets (never trained on)", question_rows(), lambda t: detect_language(t, default="?"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
