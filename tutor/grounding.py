"""Grounded generation: every sentence a model cites must be supported by the passage it cites.

Support is lexical (the sentence's stemmed content words found in the passage) or semantic (the
sentence's embedding close to one of the passage's units, which also covers an answer in Russian
or English about an Estonian passage). Unsupported cited sentences are removed and the pupil is
told. An answer in another language than the question's is replaced by the curriculum's own
sentences, framed in the pupil's language, and the pupil is told that too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from curriculum.embedders import capabilities_of
from curriculum.language import detect_language
from curriculum.lexical import tokenize
from tutor.backends.base import GenerationRequest
from tutor.evidence import UnitEmbeddings, segment, split_sentences
from tutor.i18n import ui
from tutor.types import Notice

LEXICAL_SUPPORT = 0.5  # share of a sentence's content words found in the cited passage
_CITE = re.compile(r"\[(\d{1,2})\]")


@dataclass(frozen=True)
class Grounded:
    """The checked answer and what the pupil must be told about the check."""

    text: str
    notices: tuple[Notice, ...]
    removed: tuple[str, ...] = ()
    wrong_language: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.removed) or self.wrong_language


def _lexical(sentence: str, passage_text: str, language: str) -> float:
    words = {t for t in tokenize(_CITE.sub("", sentence), language) if not t.startswith("~")}
    if not words:
        return 1.0
    passage = {t for t in tokenize(passage_text, language) if not t.startswith("~")}
    return len(words & passage) / len(words)


def _notice(lang: str, key: str) -> Notice:
    _ = ui(lang)._
    reasons = {
        "removed": _("Sentences that the cited curriculum passages do not support were removed from this answer."),
        "language": _("The model answered in another language, so the curriculum's own sentences are shown instead."),
    }
    return Notice("checked", key, reasons[key])


def check_grounding(answer: str, request: GenerationRequest, units: UnitEmbeddings, embedder: Any) -> Grounded:
    """Remove cited sentences that their passages do not support; replace an answer in the wrong language."""
    lang = request.language
    prose = _CITE.sub("", re.sub(r"(?m)^>.*$", "", answer))
    if len(prose.split()) >= 5 and detect_language(prose, default=lang) != lang:
        return Grounded(_curriculum_answer(request), (_notice(lang, "language"),), wrong_language=True)
    kept, removed = [], []
    for sentence in split_sentences(answer):  # the answer stage's own sentence boundaries
        numbers = [int(n) for n in _CITE.findall(sentence)]
        cited = [request.passages[n - 1] for n in numbers if 1 <= n <= len(request.passages)]
        if not cited or _supported(sentence, cited, units, embedder):
            kept.append(sentence)
        else:
            removed.append(sentence)
    if not removed:
        return Grounded(answer, ())
    text = " ".join(s for s in kept if s.strip()).strip()
    if not _CITE.search(text):  # nothing supported is left: the curriculum's own sentences instead
        text = _curriculum_answer(request)
    return Grounded(text, (_notice(lang, "removed"),), tuple(removed))


def _curriculum_answer(request: GenerationRequest) -> str:
    from tutor.backends.extractive import ExtractiveBackend

    return "".join(ExtractiveBackend().stream(request))


def _supported(sentence: str, cited: list, units: UnitEmbeddings, embedder: Any) -> bool:
    for passage in cited:
        language = str(passage.metadata.get("language") or "et")
        if _lexical(sentence, passage.text, language) >= LEXICAL_SUPPORT:
            return True
    texts = [u.text for p in cited for u in segment(p, 1) if u.kind in ("statement", "example")]
    # The embedder's own calibration: the cosine above which a sentence restates a passage unit.
    restates = capabilities_of(embedder).restates_similarity if embedder is not None else None
    if not texts or restates is None:
        return False
    query = np.asarray(embedder.embed_query(_CITE.sub("", sentence)), dtype=np.float32)
    return float((units(texts) @ query).max()) >= restates
