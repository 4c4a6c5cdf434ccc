"""The one place where rule hits and model scores become a decision, with a short trace.

Order: a red-line rule refuses; a crisis rule gives care (unless the writer is an adult protecting
a child); then the model: first-person risk gets care, a harmful request is refused with its
category, everything else is answered. Nothing a user writes about framing ("it's for a game",
"for school") enters here: the model learned framing from data, the rules ignore it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from guardrails.model import GuardModel
from guardrails.rules import RuleHit
from guardrails.schema import ACTION_STRENGTH, Action, Audience, Policy
from guardrails.scorer import Scored


class Decision(str, Enum):
    """What happens to a message or answer."""

    ALLOW = "allow"
    REFUSE = "refuse"
    SAFE_COMPLETE = "safe_complete"


@dataclass(frozen=True)
class Trace:
    """Why a decision was taken, short enough for the audit log and the teacher's flag view."""

    source: str  # "rule" | "model" | "external" | "none"
    detail: str = ""  # a rule id, a head name or an endpoint
    score: float | None = None
    threshold: float | None = None
    view: str = ""  # "message", "window 3/12", "conversation"
    lang: str = ""

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"source": self.source}
        for key in ("detail", "view", "lang"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.score is not None:
            out["score"] = round(self.score, 3)
        if self.threshold is not None:
            out["threshold"] = round(self.threshold, 3)
        return out

    def __str__(self) -> str:
        parts = [self.source, self.detail]
        if self.score is not None:
            parts.append(f"{self.score:.2f}≥{self.threshold:.2f}" if self.threshold is not None else f"{self.score:.2f}")
        if self.view and self.view != "message":
            parts.append(self.view)
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Outcome:
    """A decision, the category ids that caused it and the trace."""

    decision: Decision
    categories: tuple[str, ...]
    trace: Trace = field(default=Trace("none"), compare=False)


ALLOWED = Outcome(Decision.ALLOW, ())

# Share of the harm-category probability on self-harm above which a harmful message gets care first.
CARE_SHARE = 0.25

# The writer protects a child (a parent, a teacher): a crisis phrase they quote is not their own.
PROTECTIVE_AUDIENCES = frozenset({Audience.TEACHER, Audience.ADMIN})


def policy_outcome(categories: list[str], policy: Policy, audience: Audience, trace: Trace) -> Outcome:
    """The policy's action for these categories (unknown ids and other audiences' categories never block)."""
    applicable = []
    for cid in dict.fromkeys(categories):
        try:
            cat = policy.category(cid)
        except KeyError:
            continue
        if audience in cat.audiences:
            applicable.append(cat)
    if not applicable:
        return Outcome(Decision.ALLOW, (), trace)
    ids = tuple(c.id for c in applicable)
    if any(c.id == "self_harm" for c in applicable):  # care and help lines first
        return Outcome(Decision.SAFE_COMPLETE, ids, trace)
    strongest = max((c.action for c in applicable), key=ACTION_STRENGTH.__getitem__)
    return Outcome(Decision.REFUSE if strongest is Action.REFUSE else Decision.SAFE_COMPLETE, ids, trace)


def decide_input(hits: list[RuleHit], scored: Scored, model: GuardModel, policy: Policy,
                 audience: Audience, lang: str) -> Outcome:
    """Decide on a user message from its rule hits and the scores of its riskiest view."""
    s = scored.scores
    protective = audience in PROTECTIVE_AUDIENCES or s.protective >= model.threshold("protective", lang)
    red_lines = [h for h in hits if h.category != "self_harm"]
    if red_lines:
        return policy_outcome([h.category for h in red_lines], policy, audience,
                              Trace("rule", red_lines[0].rule, view=scored.view, lang=lang))
    crisis = [h for h in hits if h.category == "self_harm"]
    if crisis and not protective:
        return policy_outcome(["self_harm"], policy, audience, Trace("rule", crisis[0].rule, lang=lang))
    t_self, t_unsafe = model.threshold("self_harm", lang), model.threshold("unsafe", lang)
    if s.self_harm >= t_self and not protective:
        return policy_outcome(["self_harm"], policy, audience,
                              Trace("model", "self_harm", s.self_harm, t_self, scored.view, lang))
    if s.unsafe >= t_unsafe:
        category = s.category
        if category != "self_harm" and not protective and (
                s.category_probs.get("self_harm", 0.0) >= CARE_SHARE or s.self_harm >= t_self / 2):
            # A harmful-looking message that is partly about hurting oneself ("how deep to cut",
            # "pills to not wake up") gets care and help lines, never a cold refusal.
            return policy_outcome(["self_harm", category], policy, audience,
                                  Trace("model", f"care:{category}", s.self_harm, t_self, scored.view, lang))
        if category == "self_harm" and protective:
            return Outcome(Decision.ALLOW, (), Trace("model", "protective", s.protective, None, scored.view, lang))
        return policy_outcome([category], policy, audience,
                              Trace("model", f"unsafe:{category}", s.unsafe, t_unsafe, scored.view, lang))
    return Outcome(Decision.ALLOW, (), Trace("model", "unsafe", s.unsafe, t_unsafe, scored.view, lang))


def decide_rules(hits: list[RuleHit], policy: Policy, audience: Audience = Audience.STUDENT) -> Outcome:
    """Decide from rule hits alone (generated answers: only instruction-shaped content stops them)."""
    if not hits:
        return ALLOWED
    return policy_outcome([h.category for h in hits], policy, audience, Trace("rule", hits[0].rule))


def decide_external(categories: list[str], policy: Policy, audience: Audience = Audience.STUDENT) -> Outcome:
    """Decide from category ids reported by an external moderation endpoint (unknown ids are ignored)."""
    return policy_outcome(categories, policy, audience, Trace("external", ",".join(categories) or "safe"))
