"""guardrails: the one safety layer every message, retrieved chunk and answer passes, in any locale."""

from guardrails.decide import Decision
from guardrails.guard import ChunkVerdict, Guard, OutputMonitor, Verdict
from guardrails.pii import PiiMatch, find_pii, redact
from guardrails.policy import check_profile_restrictions, load_policy
from guardrails.schema import Category, Policy, PolicyError, PolicyWeakeningError

__all__ = [
    "Category",
    "ChunkVerdict",
    "Decision",
    "Guard",
    "OutputMonitor",
    "PiiMatch",
    "Policy",
    "PolicyError",
    "PolicyWeakeningError",
    "Verdict",
    "check_profile_restrictions",
    "find_pii",
    "load_policy",
    "redact",
]
