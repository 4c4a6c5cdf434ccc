"""The first-run setup code: random, stored only as a hash, and dead once any account exists."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from tutor.accounts import Accounts
from tutor.appdb import AppDatabase
from tutor.appdb.models import SetupCode
from tutor.cli import main
from tutor.first_run import ALPHABET, FirstRunCode


def test_codes_carry_100_random_bits_in_an_unambiguous_alphabet(db: AppDatabase) -> None:
    codes = {FirstRunCode(db).issue() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert code is not None and re.fullmatch(r"(?:[0-9A-Z]{4}-){4}[0-9A-Z]{4}", code)
        assert set(code.replace("-", "")) <= set(ALPHABET) and len(ALPHABET) ** 20 >= 2 ** 100


def test_only_a_hash_is_stored_and_only_the_newest_code_works(db: AppDatabase) -> None:
    codes = FirstRunCode(db)
    old, new = codes.issue(), codes.issue()
    assert old and new
    with db.session() as session:
        stored = list(session.scalars(select(SetupCode.code_hash)))
    assert len(stored) == 1 and new not in stored[0] and new.replace("-", "") not in stored[0]
    wrong_last = next(ch for ch in ALPHABET if ch != new[-1])  # a code one character off
    assert not codes.verify(old) and not codes.verify("") and not codes.verify(new[:-1] + wrong_last)
    assert codes.verify(f" {new.lower()} ") and codes.verify(new.replace("-", ""))
    assert codes.issue(replace=False) is None  # the page does not replace the code the server printed


def test_the_code_expires_once_an_account_exists(db: AppDatabase, accounts: Accounts) -> None:
    codes = FirstRunCode(db)
    code = codes.issue()
    assert code and codes.verify(code)
    accounts.users.add("root", "admin", "long enough password", actor="cli")
    assert not codes.verify(code)
    with db.session() as session:
        assert session.scalar(select(SetupCode.id)) is None
    assert codes.issue() is None


def test_an_admin_made_with_the_cli_expires_the_code(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = AppDatabase(f"sqlite:///{home / 'localtutor.sqlite3'}")
    database.migrate()
    code = FirstRunCode(database).issue()
    assert code
    monkeypatch.setattr(sys, "stdin", io.StringIO("long enough password\n"))
    assert main(["users", "add", "root", "--role", "admin"]) == 0
    assert not FirstRunCode(database).verify(code)
