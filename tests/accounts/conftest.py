"""A real SQLite app database in tmp_path, migrated to the newest schema, and a clock tests can move."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tutor.accounts import Accounts
from tutor.appdb import AppDatabase
from tutor.history import History


class FakeClock:
    def __init__(self, start: datetime = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty LOCALTUTOR_HOME for the CLI (the SQLite database in it, whatever the environment says)."""
    monkeypatch.setenv("LOCALTUTOR_HOME", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("LOCALTUTOR_DATABASE_URL", raising=False)
    return tmp_path


@pytest.fixture()
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture()
def db(tmp_path: Path) -> AppDatabase:
    database = AppDatabase(f"sqlite:///{tmp_path / 'app.sqlite3'}")
    database.migrate()
    return database


@pytest.fixture()
def accounts(db: AppDatabase, clock: FakeClock) -> Accounts:
    # Real argon2id, with a small memory cost so the suite stays fast on two cores.
    return Accounts(db, clock=clock, hasher=PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


@pytest.fixture()
def history(db: AppDatabase, clock: FakeClock) -> History:
    return History(db, clock=clock)
