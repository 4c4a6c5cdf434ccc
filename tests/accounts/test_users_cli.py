"""`localtutor users ...` and `localtutor retention ...`: the operator's scripted account management."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.accounts import Accounts, InvalidCredentials
from tutor.appdb import AppDatabase
from tutor.cli import main


def _db(home: Path) -> AppDatabase:
    return AppDatabase(f"sqlite:///{home / 'localtutor.sqlite3'}")


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))  # StringIO.isatty() is False, like a pipe


def test_add_with_password_on_stdin_then_sign_in(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, "s3cret-passphrase\n")
    assert main(["users", "add", "Ana", "--role", "teacher", "--actor", "ops"]) == 0
    assert "user 'ana' added with role teacher" in capsys.readouterr().out
    accounts = Accounts(_db(home))
    assert accounts.sign_in.authenticate("ana", "s3cret-passphrase").role == "teacher"
    with pytest.raises(InvalidCredentials):
        accounts.sign_in.authenticate("ana", "s3cret-passphrase\n")
    (entry,) = _db(home).audit_log()
    assert (entry.actor, entry.action, entry.target) == ("ops", "user.add", "ana")


def test_list_role_and_remove(home: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    for name, role in [("root", "admin"), ("ana", "teacher"), ("sten", "student")]:
        _stdin(monkeypatch, "long enough password\n")
        assert main(["users", "add", name, "--role", role]) == 0
    capsys.readouterr()
    assert main(["users", "role", "sten", "teacher"]) == 0
    assert main(["users", "remove", "ana"]) == 0
    capsys.readouterr()
    assert main(["users", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(u["name"], u["role"], u["disabled"]) for u in listed] == [("root", "admin", False),
                                                                       ("sten", "teacher", False)]
    assert main(["users", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[:2] == ["sten", "teacher"]


def test_errors_are_reported_with_a_failing_exit_code(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, "")
    assert main(["users", "add", "ana", "--role", "student"]) == 1
    assert "no password" in capsys.readouterr().err
    _stdin(monkeypatch, "short\n")
    assert main(["users", "add", "ana", "--role", "student"]) == 1
    assert "too short" in capsys.readouterr().err
    assert main(["users", "remove", "nobody"]) == 1
    assert "no user 'nobody'" in capsys.readouterr().err
    assert main(["users", "role", "ana", "superuser"]) == 2  # a usage error, before any change
    assert "'superuser' is not one of 'student', 'teacher', 'admin'" in capsys.readouterr().err
    assert Accounts(_db(home)).users.all() == []


def test_interactive_add_prompts_twice(home: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(""))
    answers = iter(["first password", "other password", "same long passphrase", "same long passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["users", "add", "ana", "--role", "student"]) == 2
    assert "do not match" in capsys.readouterr().err
    assert main(["users", "add", "ana", "--role", "student"]) == 0
    assert Accounts(_db(home)).sign_in.authenticate("ana", "same long passphrase").name == "ana"


def test_retention_set_and_purge(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retention", "purge"]) == 0
    assert "no retention period set" in capsys.readouterr().out
    assert main(["retention", "set", "90", "--actor", "root"]) == 0
    assert "kept 90 days" in capsys.readouterr().out
    assert main(["retention", "purge", "--actor", "cron"]) == 0
    assert "0 conversations, 0 messages" in capsys.readouterr().out
    actions = [(e.actor, e.action) for e in _db(home).audit_log()]
    assert actions == [("cron", "retention.purge"), ("root", "setting.retention_days")]


def test_the_installed_command_reads_the_password_from_a_pipe(home: Path) -> None:
    command = Path(sys.executable).parent / "localtutor"
    done = subprocess.run([str(command), "users", "add", "ana", "--role", "teacher"], input="piped password\n",
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert Accounts(_db(home)).sign_in.authenticate("ana", "piped password").role == "teacher"
