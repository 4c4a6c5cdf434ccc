"""The app database on PostgreSQL (DATABASE_URL), as a multi-server deployment runs it.

A throw-away PostgreSQL cluster is created with the server's own initdb/pg_ctl in a temp folder
on a free port (tests/services.py); the tests skip when no PostgreSQL server binaries are installed
(`apt-get install postgresql`; `.ci/run` installs them when it runs as root).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services import postgres_cluster, postgres_missing
from tutor.accounts import Accounts
from tutor.config import Settings
from tutor.history import History

pytestmark = pytest.mark.skipif(postgres_missing() is not None, reason=postgres_missing() or "")


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_cluster() as url:
        yield url


def test_the_app_database_runs_on_postgresql(postgres_url: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from tutor.appdb import open_database

    monkeypatch.setenv("DATABASE_URL", postgres_url)
    settings = Settings(home=tmp_path)
    assert settings.sqlalchemy_url.startswith("postgresql+psycopg://")
    database = open_database(settings)  # every Alembic migration, on PostgreSQL
    assert database.engine.dialect.name == "postgresql"

    accounts = Accounts(database)
    admin = accounts.users.add("anu", "admin", "long enough password", actor="cli")
    student = accounts.users.add("kati", "student", "another long password", actor="anu")
    assert accounts.sign_in.authenticate("kati", "another long password") == student
    accounts.classes.add("7B", actor=admin.name)
    accounts.classes.set_members("7B", ["kati"], join=True, actor=admin.name)

    history = History(database)
    conversation = history.conversations.start(student.id, "ee")
    history.conversations.add_message(conversation.id, student.id, "user", "Mis on pH? Helista 5123 4567")
    answer = history.conversations.add_message(conversation.id, student.id, "assistant", "pH näitab happelisust [1].")
    history.feedback.add(student.id, answer.id, "down")
    history.events.record("question", "ee")
    assert [m.content for m in history.conversations.messages(conversation.id, student.id)][0].endswith("[PHONE]")
    dashboard = history.dashboards.counts(days=1, locale="ee")
    assert sum(row["count"] for row in dashboard.questions_per_day) == 1
    assert [(row["kind"], row["count"]) for row in dashboard.feedback_by_kind] == [("down", 1)]

    database.set_profile_enabled("lv", False, actor=admin.name)
    assert database.profile_states()["lv"].enabled is False
    csv_text = database.audit_csv()
    assert csv_text.splitlines()[0] == "at,actor,action,target,detail"
    assert "profile.disable" in csv_text and "class.join" in csv_text
