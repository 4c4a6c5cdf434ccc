"""Shared, expensive fixtures: the real embedder and one home with the samples ingested once."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LOCALTUTOR_HOME whose store holds the shipped sample curriculum (embedded once)."""
    from tutor.config import Settings
    from tutor.services import Services

    home = tmp_path_factory.mktemp("home")
    results = Services(Settings(home=home)).seed_samples()
    assert results and all(r.ok for r in results), [r.error for r in results if not r.ok]
    return home


@pytest.fixture(scope="session")
def settings(seeded_home: Path):  # noqa: ANN201 - pydantic settings object
    from tutor.config import Settings

    return Settings(home=seeded_home)


@pytest.fixture(scope="session")
def tutor(settings):  # noqa: ANN001, ANN201
    from tutor.services import build_tutor

    return build_tutor(settings)


@pytest.fixture()
def home_env(seeded_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the CLI and the app at the seeded home through the environment, as an operator would."""
    monkeypatch.setenv("LOCALTUTOR_HOME", str(seeded_home))
    monkeypatch.delenv("CHROMA_HOST", raising=False)
    yield seeded_home


@pytest.fixture(scope="session")
def sample_questions() -> list[dict[str, str]]:
    lines = (FIXTURES / "sample_questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
