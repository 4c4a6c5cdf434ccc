"""The policy table in docs/guardrails.md is generated from policy.yaml; it must not drift."""

from __future__ import annotations

from pathlib import Path

from guardrails.policy import policy_table_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "guardrails.md"


def test_policy_table_in_docs_matches_the_policy() -> None:
    assert policy_table_markdown() in DOC.read_text(encoding="utf-8")
