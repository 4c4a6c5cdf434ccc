"""Apply a profile's omission rules to questions, retrieved chunks and answers.

A rule matches by keyword (case-insensitive, at a word start, so inflected forms such as
"kasiinodes" match "kasiino") or by meaning: cosine similarity between the text and the
rule's example sentences, with the same multilingual embedder retrieval uses.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import numpy as np

from curriculum.embedders import Embedder, capabilities_of
from locale_profiles.schema import LocaleProfile, Omission


@dataclass(frozen=True)
class OmissionHit:
    rule: Omission
    how: str  # "keyword" | "example"


class OmissionMatcher:
    """A profile's omission rules. Example sentences match only with an embedder that declares its
    ``omission_similarity`` (the cosine at which a text is "about" an example); otherwise keywords only."""

    def __init__(self, profile: LocaleProfile, embedder: Embedder | None = None) -> None:
        self.profile = profile
        self.threshold = capabilities_of(embedder).omission_similarity if embedder is not None else None
        self.embedder = embedder if self.threshold is not None else None
        self._patterns = [
            (rule, re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in rule.match.keywords) + ")", re.IGNORECASE))
            for rule in profile.omissions if rule.match.keywords
        ]
        self._examples: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _example_vectors(self, rule: Omission) -> np.ndarray | None:
        if self.embedder is None or not rule.match.examples:
            return None
        with self._lock:
            if rule.id not in self._examples:
                self._examples[rule.id] = np.vstack([self.embedder.embed_query(e) for e in rule.match.examples])
            return self._examples[rule.id]

    def match(self, text: str, embedding: np.ndarray | None = None) -> list[OmissionHit]:
        """The rules ``text`` falls under. ``embedding`` (of ``text``) enables example matching."""
        if not self.profile.omissions:
            return []
        hits: dict[str, OmissionHit] = {}
        for rule, pattern in self._patterns:
            if pattern.search(text):
                hits[rule.id] = OmissionHit(rule, "keyword")
        if embedding is not None:
            for rule in self.profile.omissions:
                vectors = self._example_vectors(rule)
                if rule.id not in hits and vectors is not None and float(np.max(vectors @ embedding)) >= self.threshold:
                    hits[rule.id] = OmissionHit(rule, "example")
        return list(hits.values())

    def match_text(self, text: str) -> list[OmissionHit]:
        """Match a text that has no embedding yet (a generated answer): embeds it when needed."""
        embedding = None
        if self.embedder is not None and any(r.match.examples for r in self.profile.omissions):
            embedding = self.embedder.embed_query(text[:2000])
        return self.match(text, embedding)
