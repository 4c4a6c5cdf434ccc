"""The password policy (length and zxcvbn) in Accounts and the CLI, and resetting a password."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tutor.accounts import AccountError, Accounts, InvalidCredentials
from tutor.appdb import AppDatabase
from tutor.cli import main
from tutor.history import History

STRONG = "jänes hüppab üle kraavi"


@pytest.mark.parametrize(("password", "code"), [
    ("kevad2026", "short_password"),  # 9 characters
    ("password1234", "weak_password"),  # a breached classic
    ("qwertyuiop123", "weak_password"),  # a keyboard walk
    ("aaaaaaaaaaaa", "weak_password"),  # a repeat
    ("kristjan.kask2026", "weak_password"),  # the user's own name
])
def test_a_password_against_the_policy_is_refused_with_its_reason(accounts: Accounts, password: str,
                                                                  code: str) -> None:
    with pytest.raises(AccountError) as refused:
        accounts.users.add("kristjan.kask", "student", password, actor="root")
    assert refused.value.code == code
    assert accounts.users.all() == []


def test_a_long_unguessable_phrase_is_accepted(accounts: Accounts) -> None:
    assert accounts.users.add("kati", "student", STRONG, actor="root").has_password
    assert accounts.sign_in.authenticate("kati", STRONG).name == "kati"


def test_a_reset_follows_the_policy_ends_sessions_and_keeps_the_user_and_history(
        accounts: Accounts, history: History) -> None:
    user = accounts.users.add("kati", "student", STRONG, actor="root")
    conversation = history.conversations.start(user.id, "ee")
    history.conversations.add_message(conversation.id, user.id, "user", "Mis on fotosüntees?")
    token = accounts.sessions.create(user)
    with pytest.raises(AccountError) as refused:
        accounts.users.set_password("kati", "password1234", actor="root")
    assert refused.value.code == "weak_password"
    assert accounts.sessions.resolve(token) == user  # a refused reset changes nothing
    accounts.users.set_password("kati", "sinine rong sõidab tartusse", actor="root")
    assert accounts.sessions.resolve(token) is None
    with pytest.raises(InvalidCredentials):
        accounts.sign_in.authenticate("kati", STRONG)
    assert accounts.sign_in.authenticate("kati", "sinine rong sõidab tartusse").id == user.id
    assert [m.content for m in history.conversations.messages(conversation.id, user.id)] == ["Mis on fotosüntees?"]
    entry = accounts.db.audit_log(limit=1)[0]
    assert (entry.actor, entry.action, entry.target) == ("root", "user.password", "kati")


def test_cli_password_reset_reads_stdin_and_is_audited(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(STRONG + "\n"))
    assert main(["users", "add", "ana", "--role", "teacher"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("password1234\n"))
    assert main(["users", "password", "ana", "--actor", "ops"]) == 1
    assert "too easy to guess" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["users", "password", "ana"]) == 1
    assert "too short" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("sinine rong sõidab tartusse\n"))
    assert main(["users", "password", "ANA", "--actor", "ops"]) == 0
    assert "password of 'ana' changed" in capsys.readouterr().out
    database = AppDatabase(f"sqlite:///{home / 'localtutor.sqlite3'}")
    accounts = Accounts(database)
    assert accounts.sign_in.authenticate("ana", "sinine rong sõidab tartusse").role == "teacher"
    entry = database.audit_log(limit=1)[0]
    assert (entry.actor, entry.action, entry.target) == ("ops", "user.password", "ana")
    monkeypatch.setattr(sys, "stdin", io.StringIO(STRONG + "\n"))
    assert main(["users", "password", "nobody"]) == 1
    assert "no user 'nobody'" in capsys.readouterr().err


def test_cli_add_refuses_a_common_password(home: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("password1234\n"))
    assert main(["users", "add", "ana", "--role", "student"]) == 1
    assert "too easy to guess" in capsys.readouterr().err
