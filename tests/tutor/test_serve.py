"""`localtutor serve` as an operator runs it: loopback by default, and a clean stop on SIGTERM/SIGINT."""

from __future__ import annotations

import re
import signal
import socket
from pathlib import Path

import pytest

from tests.helpers import ServeProcess, free_port, listening_addresses
from tutor.appdb import AppDatabase
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
