"""The app database on PostgreSQL (DATABASE_URL), as a multi-server deployment runs it.

A throw-away PostgreSQL cluster is created with the server's own initdb/pg_ctl in a temp folder
on a free port; the tests skip when no PostgreSQL server binaries are installed
(`apt-get install postgresql`; `.ci/run` installs them when it runs as root).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tutor.accounts import Accounts
from tutor.config import Settings
from tutor.history import History

pytest.importorskip("psycopg", reason="the PostgreSQL driver: pip install 'localtutor[postgres]'")
BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None) \
    if Path("/usr/lib/postgresql").exists() else None
pytestmark = pytest.mark.skipif(BIN is None or not (BIN / "initdb").exists(),
                                reason="PostgreSQL server binaries are not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """initdb refuses to run as root: run the server tools as the 'postgres' system user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    assert BIN is not None
    folder = Path(tempfile.mkdtemp(prefix="lt-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        server = pwd.getpwnam("postgres")
        os.chown(folder, server.pw_uid, server.pw_gid)
    folder.chmod(0o755)
    port = _free_port()
    subprocess.run(_as_server_user([str(BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "localtutor",
                                    "--no-sync"]), check=True, capture_output=True)
    subprocess.run(_as_server_user([str(BIN / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
                                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                                    "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql://localtutor@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def test_the_app_database_runs_on_postgresql(postgres_url: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from tutor.appdb import open_database

    monkeypatch.setenv("DATABASE_URL", postgres_url)
    settings = Settings(home=tmp_path)
    assert settings.sqlalchemy_url.startswith("postgresql+psycopg://")
    database = open_database(settings)  # every Alembic migration, on PostgreSQL
    assert database.engine.dialect.name == "postgresql"

    accounts = Accounts(database)
    admin = accounts.add_user("anu", "admin", "long enough password", actor="cli")
    student = accounts.add_user("kati", "student", "another long password", actor="anu")
    assert accounts.authenticate("kati", "another long password") == student
    accounts.add_class("7B", actor=admin.name)
    accounts.set_class_members("7B", ["kati"], join=True, actor=admin.name)

    history = History(database)
    conversation = history.start_conversation(student.id, "ee")
    history.add_message(conversation.id, student.id, "user", "Mis on pH? Helista 5123 4567")
    answer = history.add_message(conversation.id, student.id, "assistant", "pH näitab happelisust [1].")
    history.add_feedback(student.id, answer.id, "down")
    history.record_event("question", "ee")
    assert [m.content for m in history.messages(conversation.id, student.id)][0].endswith("[PHONE]")
    dashboard = history.dashboard(days=1, locale="ee")
    assert sum(row["count"] for row in dashboard.questions_per_day) == 1
    assert [(row["kind"], row["count"]) for row in dashboard.feedback_by_kind] == [("down", 1)]

    database.set_profile_enabled("lv", False, actor=admin.name)
    assert database.profile_states()["lv"].enabled is False
    csv_text = database.audit_csv()
    assert csv_text.splitlines()[0] == "at,actor,action,target,detail"
    assert "profile.disable" in csv_text and "class.join" in csv_text
