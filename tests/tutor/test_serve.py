"""`localtutor serve` as an operator runs it: loopback by default, and a clean stop on SIGTERM/SIGINT."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from tests.helpers import ROOT, ServeProcess, free_port, http_get, listening_addresses, set_cookies
from tutor.accounts import Accounts
from tutor.appdb import AppDatabase
from tutor.browser_session import SignInTickets
from tutor.first_run import FirstRunCode


def test_serve_listens_on_loopback_only_by_default(tmp_path: Path) -> None:
    port = free_port()
    with ServeProcess(tmp_path / "home", port) as server:
        assert listening_addresses(port) == {"127.0.0.1"}
        server.stop(signal.SIGTERM)


def test_a_fresh_installation_prints_a_setup_code_in_the_server_log(tmp_path: Path) -> None:
    with ServeProcess(tmp_path / "home", free_port()) as server:
        server.stop(signal.SIGTERM)
    found = re.search(r"one-time setup code ((?:[0-9A-Z]{4}-){4}[0-9A-Z]{4})", server.log())
    assert found, server.log()
    database = AppDatabase(f"sqlite:///{tmp_path / 'home' / 'localtutor.sqlite3'}")
    assert FirstRunCode(database).verify(found.group(1))


def test_the_address_setting_opens_serve_to_the_network(tmp_path: Path) -> None:
    port = free_port()
    with ServeProcess(tmp_path / "home", port, env={"LOCALTUTOR_ADDRESS": "0.0.0.0"}) as server:
        assert listening_addresses(port) == {"0.0.0.0"}
        server.stop(signal.SIGTERM)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_closes_the_port_and_exits_zero(tmp_path: Path, signum: signal.Signals) -> None:
    port = free_port()
    with ServeProcess(tmp_path / "home", port) as server:
        assert server.stop(signum) == 0
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
        assert not listening_addresses(port)


def test_accounts_sessions_and_curriculum_survive_a_restart(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "LOCALTUTOR_HOME": str(home)}
    (tmp_path / "rabad.md").write_text("# Rabad\n\nRabad on märgalad, kus kasvab turbasammal.", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "tutor.cli", "ingest", str(tmp_path / "rabad.md"), "--locale", "ee"],
                   env=env, cwd=ROOT, check=True, capture_output=True, timeout=300)
    accounts = Accounts(AppDatabase(f"sqlite:///{home / 'localtutor.sqlite3'}"))
    user = accounts.users.add("ana", "student", "correct horse battery", actor="test")
    port = free_port()
    with ServeProcess(home, port) as server:
        ticket = SignInTickets(accounts.sessions).issue(accounts.sessions.create(user))
        cookie = SimpleCookie(set_cookies(http_get(port, f"/_localtutor/session?ticket={ticket}"))["localtutor_session"])
        assert server.stop(signal.SIGTERM) == 0
    with ServeProcess(home, port) as server:  # the same home, started again
        token = cookie["localtutor_session"].value
        assert accounts.sessions.resolve(token) == user, "the browser's session outlives the restart"
        assert server.stop(signal.SIGTERM) == 0
    done = subprocess.run([sys.executable, "-m", "tutor.cli", "ask", "Mis kasvab rabas?", "--locale", "ee", "--json"],
                          env=env, cwd=ROOT, check=True, capture_output=True, text=True, timeout=300)
    assert [c["source"] for c in json.loads(done.stdout)["citations"]][:1] == ["rabad.md"]
    assert [u.name for u in accounts.users.all()] == ["ana"]


def test_the_served_app_watches_no_files_and_forces_no_collection_after_each_run() -> None:
    # Streamlit's watcher walks the whole app folder again whenever its inotify queue overflows (a
    # third of the server's CPU under load while a store under that folder was written), and its
    # gc.collect(2) after every script run costs ~50 ms with the models loaded.
    from tutor.serve import streamlit_command

    command = streamlit_command("127.0.0.1", 8501)
    assert command[command.index("--server.fileWatcherType") + 1] == "none"
    assert command[command.index("--runner.postScriptGC") + 1] == "false"


def test_the_served_app_refuses_uploads_over_the_apps_limit() -> None:
    from tutor.serve import streamlit_command

    command = streamlit_command("127.0.0.1", 8501, 25)
    assert command[command.index("--server.maxUploadSize") + 1] == "25"
