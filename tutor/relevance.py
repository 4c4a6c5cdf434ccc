"""Does the curriculum answer this question at all? A learned gate over the retrieval's evidence.

The features describe how the retrieved passages relate to the question: the dense similarity,
how much of the question the best passage covers, the best evidence unit's score and similarity,
and how far the best passage and unit stand out from the rest. One logistic model per question
language (a Russian question over Estonian text has lower similarities and no shared words),
trained by ``python -m tutor.train_answers`` on in-scope and off-topic questions in et, ru and en
(``tutor/data/answer_models.json``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from curriculum.lexical import query_terms, tokenize
from curriculum.retrieval import RetrievedChunk
from tutor.evidence import Evidence, _models

# Only signals that should raise the chance of an answer: features that merely describe the question
# (its length, its language) let the model learn the quirks of its training questions instead.
# The dense similarity above the corpus's own baseline ("relevance") is left out: it depends on how
# many passages the corpus has and how alike they are, so it did not carry from one corpus to another.
GATE_FEATURES = (
    "dense", "coverage", "best_unit", "unit_overlap", "unit_similarity", "best_coverage",
    "dense_peak", "unit_peak",
)


def gate_features(question: str, passages: Sequence[RetrievedChunk], evidence: Sequence[Evidence]) -> np.ndarray:
    """The gate's feature vector for one question (see ``GATE_FEATURES``)."""
    top = passages[:3]
    dense_scores = [c.dense_score for c in passages[:5] if c.dense_score is not None]
    best = evidence[0] if evidence else None
    dense = max((c.dense_score for c in top if c.dense_score is not None), default=0.0)
    terms = set(query_terms(question))
    coverage = 0.0
    for chunk in top:
        words = set(tokenize(chunk.text, str(chunk.metadata.get("language") or "et")))
        coverage = max(coverage, len(terms & words) / max(len(terms), 1))
    return np.array([
        dense, coverage, max((e.score for e in evidence), default=0.0),
        best.feature("overlap_idf") if best else 0.0, best.feature("similarity") if best else 0.0,
        max((e.feature("coverage_with_heading") for e in evidence[:3]), default=0.0),
        # How far the best passage and the best sentence stand out from the rest: an answer is a
        # peak, an off-topic question meets a flat field (this holds for small and large corpora).
        (max(dense_scores) - min(dense_scores)) if len(dense_scores) > 1 else 0.0,
        best.feature("similarity") - float(np.median([e.feature("similarity") for e in evidence])) if best else 0.0,
    ])


def answerable(x: np.ndarray, language: str) -> tuple[bool, float]:
    """(whether the passages answer the question, the gate's probability).

    One gate per question language: an Estonian question over Estonian text is judged mostly by
    shared words, a Russian or English one by meaning alone, so each language has its own weights
    and threshold (a language without its own gate uses the strictest one)."""
    model = _models().get("gate")
    if not model or tuple(model.get("features", ())) != GATE_FEATURES:  # untrained: trust retrieval
        return True, 1.0
    gates = model["by_lang"]
    gate = gates.get(language) or max(gates.values(), key=lambda g: g["threshold"])
    z = (x - np.array(gate["mean"])) / np.array(gate["scale"])
    p = float(1 / (1 + np.exp(-(z @ np.array(gate["coef"]) + gate["intercept"]))))
    return p >= gate["threshold"], p
