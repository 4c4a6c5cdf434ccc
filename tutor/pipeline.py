"""The tutor pipeline: question -> guard -> retrieve -> guard chunks -> generate -> guard -> answer.

One readable function (:meth:`Tutor.stream`) calls the packages in order. Notices travel
with the result; nothing is kept in globals.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

from curriculum.embedders import Embedder, capabilities_of
from curriculum.language import detect_language, searchable
from curriculum.retrieval import HybridRetriever, RetrievedChunk
from curriculum.store import CurriculumStore
from guardrails import Decision, Guard, Verdict, redact
from locale_profiles import LocaleProfile, ProfileError, ProfileRegistry
from locale_profiles.omissions import OmissionHit, OmissionMatcher
from tutor.appdb import AppDatabase
from tutor.backends import Backend, BackendError, GenerationRequest
from tutor.backends.extractive import nothing_found
from tutor.config import Settings
from tutor.evidence import (
    Evidence,
    UnitEmbeddings,
    as_the_passages_spell_it,
    rank_units,
    split_sentences,
)
from tutor.grounding import check_grounding
from tutor.i18n import ui
from tutor.maths import analyse
from tutor.pedagogy import continued_request, follow_up_of, is_homework
from tutor.relevance import answerable, gate_features
from tutor.types import Answer, Citation, Notice

log = logging.getLogger("localtutor")


class DataResidencyError(BackendError):
    """The profile requires in-country endpoints but the configured backend is not local."""


@dataclass(frozen=True)
class StreamEvent:
    kind: Literal["delta", "replace", "answer"]
    text: str = ""
    answer: Answer | None = None


def remote_endpoints(backend: Any, moderation: Any | None) -> list[str]:
    """Which of the configured endpoints are not local (``guardrails.locality``), named for an error."""
    remote = [] if getattr(backend, "is_local", False) else [f"model backend '{backend.name}'"]
    if moderation is not None and not getattr(moderation, "is_local", False):
        remote.append("moderation endpoint")
    return remote


class Tutor:
    """Everything an answer needs, created once per process and shared."""

    def __init__(self, settings: Settings, *, embedder: Embedder, store: CurriculumStore,
                 backend: Backend, guard: Guard, profiles: ProfileRegistry,
                 database: AppDatabase | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.store = store
        self.retriever = HybridRetriever(store, embedder)
        self.backend = backend
        self.guard = guard
        self.profiles = profiles
        self.database = database
        self._matchers: dict[str, OmissionMatcher] = {}
        self.unit_embeddings = UnitEmbeddings(embedder)
        self.capabilities = capabilities_of(embedder)

    # -----------------------------------------------------------------------------------
    def ask(self, question: str, locale: str, **kwargs: object) -> Answer:
        """Run the whole pipeline and return the final answer."""
        for event in self.stream(question, locale, **kwargs):  # type: ignore[arg-type]
            if event.answer is not None:
                return event.answer
        raise RuntimeError("the pipeline ended without an answer")  # pragma: no cover

    def stream(
        self, question: str, locale: str, *, lang: str | None = None, subject: str | None = None,
        grade: int | None = None, history: tuple[tuple[str, str], ...] = (), audience: str = "student",
        profile: LocaleProfile | None = None,
    ) -> Iterator[StreamEvent]:
        """Yield answer text as it is generated, then one final ``answer`` event.

        ``locale`` names the profile and its curriculum. ``profile`` (for the conformance check)
        applies another profile, enabled or not, to the curriculum of ``locale``.
        """
        timings: dict[str, float] = {}
        started = time.perf_counter()
        if profile is None:
            profile = self.profiles.get(locale)
            if not self.profiles.is_enabled(locale, profile):
                raise ProfileError(f"the locale profile '{locale}' is disabled by an administrator; "
                                   f"enabled profiles: {', '.join(self.profiles.enabled_ids()) or 'none'}")
        lang = answer_language(question, profile, lang)
        self._check_residency(profile)

        mark = time.perf_counter()
        readable = searchable(question)  # Latin-letter Russian in Cyrillic, which the embedding model reads
        query_embedding = self.embedder.embed_query(readable)  # shared by the guard and retrieval
        timings["embed"] = _ms(mark)
        shared = query_embedding if self.capabilities.shares_guard_handle else None
        mark = time.perf_counter()
        earlier = tuple(text for role, text in history if role == "user")
        verdict = self.guard.check_input(question, lang=lang, query_embedding=shared, audience=audience,
                                         history=earlier)
        timings["guard_input"] = _ms(mark)
        omissions = self._omissions(profile)
        # Safety help is never withheld; a refused question that also falls under an omission rule
        # discloses both, so the student learns every reason the answer is missing.
        asked_withheld = omissions.match(question, query_embedding) \
            if verdict.decision != Decision.SAFE_COMPLETE else []
        log.info("question locale=%s lang=%s decision=%s text=%r", locale, lang, verdict.decision.value,
                 "[withheld topic]" if asked_withheld else verdict.redacted[:200])

        if verdict.decision == Decision.REFUSE:
            text, notices = _refusal(verdict, lang)
            notices += _withheld_notices(profile, asked_withheld, lang)
            yield from self._finish(text, (), notices, "refuse", lang, timings, started)
            return
        if verdict.decision == Decision.SAFE_COMPLETE:
            help_notices = self._additions(profile, verdict, question, lang, kind="safety")
            care = verdict.care(lang, help_lines_given=bool(help_notices))
            text = _join(*(n.text for n in help_notices), care)
            if not help_notices:  # every locale must still show safety help
                help_notices = tuple(Notice("safety", c, care, care) for c in verdict.categories[:1])
            yield from self._finish(text, (), help_notices, "safe_complete", lang, timings, started)
            return

        if asked_withheld:
            notices = _withheld_notices(profile, asked_withheld, lang)
            yield from self._finish(_withheld(lang), (), notices, "answer", lang, timings, started)
            return

        mark = time.perf_counter()
        # "Just give me the answer" carries no topic, "Aga miks?" leans on the last question: search with both.
        earlier = continued_request(question, history) or follow_up_of(question, history)
        asked = _without_personal_data(question, verdict.redacted)
        search = searchable(_join(earlier, asked) if earlier else asked)
        search_embedding = self.embedder.embed_query(search) if search != readable else query_embedding
        retrieval = self.retriever.retrieve(search, locale, k=self.settings.top_k, subject=subject, grade=grade,
                                            query_embedding=search_embedding)
        timings["retrieve"] = _ms(mark)
        mark = time.perf_counter()
        passages = self._guard_chunks(tuple(retrieval.chunks))
        passages, withheld_hits = self._drop_withheld(locale, passages, omissions)
        timings["guard_chunks"] = _ms(mark)
        mark = time.perf_counter()
        asked_in = detect_language(search, default=lang)
        search = as_the_passages_spell_it(search, passages, asked_in)
        evidence = rank_units(search, passages, search_embedding, self.unit_embeddings)
        maths = analyse(search, lang)
        found, _p = answerable(gate_features(search, passages, evidence), asked_in)
        timings["evidence"] = _ms(mark)

        notices = self._additions(profile, verdict, question, lang, kind="added")
        notices += _withheld_notices(profile, withheld_hits, lang)
        if maths is None and (not passages or not found or not evidence):
            text = _join(nothing_found(lang), *(n.text for n in notices))
            yield from self._finish(text, (), notices, "answer", lang, timings, started, found=False)
            return
        if maths is not None and not found:  # checked exactly; no passage about it to cite
            passages, evidence = (), []
        passages = _with_evidence(passages, evidence)
        evidence = tuple(e for e in evidence if e.unit.passage <= len(passages))
        request = GenerationRequest(
            question=question if self.backend.is_local else redact(question), language=lang,
            passages=passages if self.backend.is_local else tuple(replace(p, text=redact(p.text)) for p in passages),
            evidence=evidence, maths=maths, history=history, pedagogy=profile.pedagogy.style,
            tone_notes=profile.pedagogy.notes, homework=earlier is not None and is_homework(earlier) or is_homework(question),
        )
        mark = time.perf_counter()
        monitor = self.guard.output_monitor()
        parts: list[str] = []
        stopped: Verdict | None = None
        for delta in self.backend.stream(request):
            parts.append(delta)
            checked = monitor.feed(delta)
            if checked.decision != Decision.ALLOW:
                stopped = checked  # the answer crossed a line while streaming: stop generating
                break
            yield StreamEvent("delta", text=delta)
        checked = stopped or monitor.final()
        timings["generate"] = _ms(mark)
        if checked.decision != Decision.ALLOW:
            text, refused = _refusal(checked, lang)
            yield StreamEvent("replace", text=text)
            yield from self._finish(text, (), refused, "refuse", lang, timings, started, stream=False)
            return
        answer_withheld = omissions.match_text("".join(parts))
        if answer_withheld:
            text = _withheld(lang)
            yield StreamEvent("replace", text=text)
            notices = _dedupe(notices + _withheld_notices(profile, answer_withheld, lang))
            yield from self._finish(text, (), notices, "answer", lang, timings, started, stream=False)
            return
        if self.backend.name != "extractive":
            grounded = check_grounding("".join(parts), request, self.unit_embeddings, self.embedder)
            if grounded.changed:
                parts = [grounded.text]
                notices += grounded.notices
                yield StreamEvent("replace", text=grounded.text)
        text, cited = _renumber_citations("".join(parts), passages)
        citations = tuple(_citation(p) for p in cited)
        for notice in notices:
            text = _join(text, notice.text)
            yield StreamEvent("delta", text="\n\n" + notice.text)
        yield from self._finish(text, citations, notices, "answer", lang, timings, started, stream=False)

    # -----------------------------------------------------------------------------------
    def _finish(self, text: str, citations: tuple[Citation, ...], notices: tuple[Notice, ...],
                decision: Literal["answer", "refuse", "safe_complete"], lang: str,
                timings: dict[str, float], started: float, *, stream: bool = True,
                found: bool = True) -> Iterator[StreamEvent]:
        if stream:
            yield StreamEvent("delta", text=text)
        timings["total"] = _ms(started)
        yield StreamEvent("answer", answer=Answer(text, citations, notices, decision, self.backend.name, lang,
                                                  timings, found))

    def remote_endpoints(self) -> list[str]:
        """The configured endpoints that are not local: the model backend, an external moderation model."""
        return remote_endpoints(self.backend, self.guard.external)

    def _check_residency(self, profile: LocaleProfile) -> None:
        remote = self.remote_endpoints() if profile.data_residency.local_endpoints_only else []
        if remote:
            raise DataResidencyError(
                f"profile '{profile.id}' allows only local/in-country model endpoints, but {' and '.join(remote)} "
                f"{'is' if len(remote) == 1 else 'are'} not local; configure local endpoints or the extractive backend"
            )

    def _omissions(self, profile: LocaleProfile) -> OmissionMatcher:
        matcher = self._matchers.get(profile.id)
        if matcher is None or matcher.profile != profile:
            matcher = OmissionMatcher(profile, self.embedder)
            self._matchers[profile.id] = matcher
        return matcher

    def _drop_withheld(self, locale: str, passages: tuple[RetrievedChunk, ...], omissions: OmissionMatcher
                       ) -> tuple[tuple[RetrievedChunk, ...], list[OmissionHit]]:
        """Withheld chunks are neither cited nor passed to the model."""
        if not passages or not omissions.profile.omissions:
            return passages, []
        vectors = self.store.embeddings(locale, [p.chunk_id for p in passages])
        kept, hits = [], []
        for chunk, vector in zip(passages, vectors, strict=True):
            found = omissions.match(chunk.text, vector)
            if found:
                hits.extend(found)
                log.info("withheld chunk %s under %s", chunk.chunk_id, ",".join(h.rule.id for h in found))
            else:
                kept.append(chunk)
        return tuple(kept), hits

    def _guard_chunks(self, passages: tuple[RetrievedChunk, ...]) -> tuple[RetrievedChunk, ...]:
        out = []
        for chunk in passages:
            checked = self.guard.check_chunk(chunk.text)
            if checked.injection:
                log.warning("neutralised instructions in curriculum chunk %s (%s)", chunk.chunk_id, chunk.source)
            out.append(replace(chunk, text=checked.text) if checked.text != chunk.text else chunk)
        return tuple(out)

    def _additions(self, profile: LocaleProfile, verdict: Verdict, question: str, lang: str,
                   *, kind: Literal["added", "safety"]) -> tuple[Notice, ...]:
        lowered = question.lower()
        notices = []
        for addition in profile.additions:
            by_category = bool(set(addition.when.categories) & set(verdict.categories))
            by_keyword = any(k.lower() in lowered for k in addition.when.keywords)
            if not (by_category or by_keyword):
                continue
            is_safety = "self_harm" in addition.when.categories and by_category
            if (kind == "safety") != is_safety:
                continue
            notices.append(Notice(kind, addition.id, profile.localized(addition.reason, lang),
                                  profile.localized(addition.text, lang)))
        return tuple(notices)


def _refusal(verdict: Verdict, lang: str) -> tuple[str, tuple[Notice, ...]]:
    """The student-facing refusal text (reason + what to ask instead) and its notice."""
    reason = _safety_check_unavailable(lang) if verdict.unavailable else verdict.explanation(lang)
    text = _join(reason, verdict.alternatives(lang))
    return text, tuple(Notice("refused", c, reason) for c in verdict.categories[:1])


def _safety_check_unavailable(lang: str) -> str:
    """The refusal when the operator's external safety check is down and set to fail closed."""
    return ui(lang)._("The safety check is unavailable right now, so I cannot answer this. Please try again in "
                      "a moment.")


def _withheld_notices(profile: LocaleProfile, hits: list[OmissionHit], lang: str) -> tuple[Notice, ...]:
    notices = tuple(Notice("withheld", h.rule.category,
                           f"{profile.localized(h.rule.reason, lang)} ({h.rule.legal_basis})") for h in hits)
    return _dedupe(notices)


def _withheld(lang: str) -> str:
    """The answer in place of one whose topic the profile withholds (the notice below says why)."""
    return ui(lang)._("Part of this topic is withheld in this country's version of the tutor because local law "
                      "requires it. See the notice below.")


def _dedupe(notices: tuple[Notice, ...]) -> tuple[Notice, ...]:
    return tuple(dict.fromkeys(notices))


def answer_language(question: str, profile: LocaleProfile, chosen: str | None = None) -> str:
    """The language to answer in: the question's own when it is clear, else the pupil's chosen one."""
    guessed = detect_language(question, default="")
    if guessed in profile.languages and len(question.split()) >= 2:
        return guessed
    if chosen in profile.languages:
        return str(chosen)
    return guessed if guessed in profile.languages else profile.default_language


def _with_evidence(passages: tuple[RetrievedChunk, ...], evidence: list[Evidence]) -> tuple[RetrievedChunk, ...]:
    """The passages to cite: those the evidence comes from, and the first one (the best match)."""
    used = {e.unit.passage for e in evidence[:3]} | {1}
    last = max(used)
    return passages[:last] if last <= len(passages) else passages


def _citation(chunk: RetrievedChunk) -> Citation:
    return Citation(chunk.source, chunk.page, chunk.section, chunk.chunk_id, chunk.score, chunk.text, chunk.title)


_MARKER = re.compile(r"\[(\d{1,2})\]")


def _renumber_citations(text: str, passages: tuple[RetrievedChunk, ...]) -> tuple[str, tuple[RetrievedChunk, ...]]:
    """Keep only the passages the answer cites, renumbered [1], [2], ... in citation order.

    A model answer without markers keeps every passage it was given as its sources.
    """
    order: list[int] = []
    for match in _MARKER.finditer(text):
        number = int(match.group(1))
        if 1 <= number <= len(passages) and number not in order:
            order.append(number)
    if not order:
        return text, passages
    mapping = {old: new for new, old in enumerate(order, start=1)}

    def swap(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return f"[{mapping[number]}]" if number in mapping else ""

    return _MARKER.sub(swap, text), tuple(passages[n - 1] for n in order)


def _join(*parts: str) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _without_personal_data(question: str, redacted: str) -> str:
    """The question to search with: sentences that carry personal data ("my e-mail is ...") are left
    out, as they say nothing about the topic and must not reach the index or the embedder's cache;
    if every sentence has some, the redacted question (``redacted``: the guard's redaction of it)."""
    if redacted == question:  # no personal data: nothing to leave out
        return question
    sentences = split_sentences(question)
    kept = [s for s in sentences if redact(s) == s]
    return " ".join(kept) if kept else redacted


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000.0
