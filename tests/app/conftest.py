"""Signed-in AppTest sessions against the seeded home: users made with Accounts in that home's database."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from app_pages.common import TOKEN
from tutor.accounts import Accounts, UserRecord
from tutor.appdb import AppDatabase

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PASSWORD = "correct horse battery"


def home_accounts(home: Path) -> Accounts:
    database = AppDatabase(f"sqlite:///{home / 'localtutor.sqlite3'}")
    database.migrate()
    # Real argon2id with a small cost: the app verifies with the parameters stored in the hash.
    return Accounts(database, hasher=PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture()
def accounts(home_env: Path) -> Accounts:
    return home_accounts(home_env)


@pytest.fixture()
def make_user(accounts: Accounts) -> Callable[[str], UserRecord]:
    def make(role: str, password: str = PASSWORD) -> UserRecord:
        return accounts.users.add(unique(role), role, password, actor="test")

    return make


def nodes(at: AppTest) -> list[object]:
    """Every element and container of the last run, depth first."""
    found: list[object] = []

    def walk(node: object) -> None:
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)
        found.append(node)

    walk(at._tree)
    return found


def page_text(at: AppTest) -> str:
    """Everything the last run sent to the browser (every element's message), as one string."""
    return "\n".join(str(proto) for node in nodes(at) if (proto := getattr(node, "proto", None)) is not None)


def open_app(accounts: Accounts, user: UserRecord | None, *, page: str | None = None, **state: object) -> AppTest:
    """The app as ``user`` (a session token in st.session_state, as after signing in)."""
    at = AppTest.from_file(APP, default_timeout=120)
    if user is not None:
        at.session_state[TOKEN] = accounts.sessions.create(user)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    if page is not None:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


@pytest.fixture()
def signed_in(accounts: Accounts, make_user: Callable[[str], UserRecord]) -> Callable[..., AppTest]:
    def start(role: str = "student", *, page: str | None = None, **state: object) -> AppTest:
        return open_app(accounts, make_user(role), page=page, **state)

    return start
