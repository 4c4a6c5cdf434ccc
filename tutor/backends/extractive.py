"""The embedded default: a grounded answer quoted from the best passages, no model server.

It picks the sentences of the retrieved passages that best match the question (by the
same multilingual embedder that retrieval uses, plus stemmed word overlap), keeps them in
reading order, and cites each one. It never writes a fact that is not in a passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np

from curriculum.lexical import query_terms, tokenize
from tutor.backends.base import GenerationRequest
from tutor.messages import INTRO, INTRO_LOW_CONFIDENCE, INTRO_OTHER_LANGUAGE, NOTHING_FOUND, SOCRATIC_OUTRO
from tutor.pedagogy import states_result

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[\"'«„(]?[A-ZÕÄÖÜŠŽА-ЯЁ0-9])|\n+")

MAX_SENTENCES = 3


def split_sentences(text: str) -> list[str]:
    """Quotable sentences of a passage: no table rows, bare headings or fragments."""
    out = []
    for piece in _SENTENCE.split(text):
        sentence = piece.strip(" -•*\t")
        words = sentence.split()
        letters = sum(ch.isalpha() for ch in sentence)
        if len(words) < 4 or sentence.startswith("|") or letters < 0.6 * len(sentence.replace(" ", "")):
            continue
        if len(words) < 8 and not sentence.endswith((".", "!", "?", "…", ":", ")", "»", "”", '"')):
            continue  # a heading or a list fragment, not a statement
        out.append(sentence)
    return out


class ExtractiveBackend:
    """Quotes and cites the relevant curriculum sentences; needs no model server."""

    name = "extractive"
    is_local = True

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        lang = request.language if request.language in INTRO else "en"
        if not request.passages:
            yield NOTHING_FOUND[lang]
            return
        picked = self._pick(request)
        passage_lang = request.passages[0].metadata.get("language")
        if not request.confident:
            yield INTRO_LOW_CONFIDENCE[lang]
        elif passage_lang in (None, lang):
            yield INTRO[lang]
        else:
            yield INTRO_OTHER_LANGUAGE[lang]
        for number, sentence in picked:
            yield f"\n\n> {sentence} [{number}]"
        if request.pedagogy == "socratic" and request.homework:
            yield "\n\n" + SOCRATIC_OUTRO[lang]

    def _pick(self, request: GenerationRequest) -> list[tuple[int, str]]:
        # Candidates: sentences of the two best passages (the rest rarely adds facts, and
        # embedding more sentences costs ~60 ms each on two cores).
        candidates: list[tuple[int, int, str]] = []  # (passage number, position, sentence)
        socratic = request.pedagogy == "socratic" and request.homework
        for number, chunk in enumerate(request.passages[:2], start=1):
            sentences = [s for s in split_sentences(chunk.text) if not (socratic and states_result(s))]
            for position, sentence in enumerate(sentences[: 6 if number == 1 else 4]):
                candidates.append((number, position, sentence))
        if not candidates:  # nothing quotable (or, for homework, only worked results)
            return [] if socratic else [(1, request.passages[0].text.strip())]
        terms = set(query_terms(request.question))
        overlap = np.array([
            len(terms & set(tokenize(s, str(request.passages[n - 1].metadata.get("language") or "et"))))
            for n, _, s in candidates
        ], dtype=np.float32)
        scores = overlap / (overlap.max() or 1.0)
        if request.embedder is not None and request.query_embedding is not None:
            vectors = request.embedder.embed_passages([s for _, _, s in candidates])
            similarity = vectors @ request.query_embedding
            spread = float(similarity.max() - similarity.min()) or 1.0
            scores = scores + 2.0 * (similarity - similarity.min()) / spread
        # Prefer the best passage: facts from the top-ranked chunk come first.
        scores = scores - 0.15 * np.array([n - 1 for n, _, _ in candidates], dtype=np.float32)
        best = sorted(np.argsort(-scores)[:MAX_SENTENCES].tolist(), key=lambda i: (candidates[i][0], candidates[i][1]))
        return [(candidates[i][0], candidates[i][2]) for i in best]
