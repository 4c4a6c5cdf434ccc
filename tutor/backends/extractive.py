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

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[\"'«„(]?[A-ZÕÄÖÜŠŽА-ЯЁ0-9])|\n+")

INTRO = {
    "et": "Õppekava materjalides on selle kohta kirjas:",
    "en": "Here is what the curriculum says about this:",
    "ru": "Вот что говорится об этом в учебных материалах:",
}
INTRO_OTHER_LANGUAGE = {
    "en": "Here is what the curriculum says about this (quoted in the original language):",
    "ru": "Вот что говорится об этом в учебных материалах (цитата на языке оригинала):",
    "et": "Õppekava materjalides on selle kohta kirjas (tsitaat originaalkeeles):",
}
NOTHING_FOUND = {
    "et": "Õppekava materjalides ei leidnud ma sellele küsimusele vastust. Küsi palun õpetajalt "
          "või sõnasta küsimus teisiti.",
    "en": "I could not find anything about this in the curriculum materials. Please ask your teacher "
          "or try wording the question differently.",
    "ru": "В учебных материалах я не нашёл ответа на этот вопрос. Спроси, пожалуйста, учителя "
          "или сформулируй вопрос иначе.",
}
SOCRATIC_OUTRO = {
    "et": "Proovi nüüd ise: mida see lõik sinu ülesande kohta ütleb ja milline oleks järgmine samm?",
    "en": "Now try it yourself: what does this passage tell you about your task, and what would the next step be?",
    "ru": "Теперь попробуй сам: что этот отрывок говорит о твоём задании и каким будет следующий шаг?",
}
MAX_SENTENCES = 3


def split_sentences(text: str) -> list[str]:
    return [s.strip(" -•*\t") for s in _SENTENCE.split(text) if len(s.strip(" -•*\t")) > 15]


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
        intro = INTRO[lang] if passage_lang in (None, lang) else INTRO_OTHER_LANGUAGE[lang]
        yield intro
        for number, sentence in picked:
            yield f"\n\n> {sentence} [{number}]"
        if request.pedagogy == "socratic":
            yield "\n\n" + SOCRATIC_OUTRO[lang]

    def _pick(self, request: GenerationRequest) -> list[tuple[int, str]]:
        # Candidates: sentences of the two best passages (the rest rarely adds facts, and
        # embedding more sentences costs ~60 ms each on two cores).
        candidates: list[tuple[int, int, str]] = []  # (passage number, position, sentence)
        for number, chunk in enumerate(request.passages[:2], start=1):
            for position, sentence in enumerate(split_sentences(chunk.text)[:8]):
                candidates.append((number, position, sentence))
        if not candidates:
            return [(1, request.passages[0].text.strip())]
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
