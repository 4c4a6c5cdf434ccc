"""Classes tie students to their teachers: a teacher sees and handles only their own students' flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.accounts import AccountError, Accounts
from tutor.cli import main
from tutor.history import History


def _people(accounts: Accounts) -> dict[str, int]:
    spec = {"tiina": "teacher", "mart": "teacher", "kati": "student", "jaan": "student", "olga": "student"}
    return {name: accounts.users.add(name, role, "birch canoe midsummer " + name, actor="admin").id
            for name, role in spec.items()}


def test_teachers_see_only_the_flags_of_their_own_students(accounts: Accounts, history: History) -> None:
    ids = _people(accounts)
    accounts.classes.add("7B", actor="admin")
    accounts.classes.add("8A", actor="admin")
    accounts.classes.set_members("7B", ["tiina", "kati", "jaan"], join=True, actor="admin")
    record = accounts.classes.set_members("8A", ["mart", "olga", "jaan"], join=True, actor="admin")
    assert (record.teachers, record.students) == (("mart",), ("jaan", "olga"))
    assert accounts.classes.students_of(ids["tiina"]) == {ids["kati"], ids["jaan"]}
    assert accounts.classes.students_of(ids["mart"]) == {ids["jaan"], ids["olga"]}
    for student in ("kati", "jaan", "olga"):
        history.flags.add(ids[student], "weapons", f"{student} asked about a bomb", locale="ee")

    mine = history.flags.find(students=accounts.classes.students_of(ids["tiina"]))
    assert sorted(f.excerpt.split()[0] for f in mine) == ["jaan", "kati"]
    olga_flag = next(f for f in history.flags.find() if f.student_id == ids["olga"])
    with pytest.raises(ValueError):  # not tiina's student: as if the flag did not exist
        history.flags.mark_seen(olga_flag.id, "tiina", students=accounts.classes.students_of(ids["tiina"]))
    assert history.flags.mark_seen(olga_flag.id, "mart", students=accounts.classes.students_of(ids["mart"])).seen

    accounts.classes.set_members("7B", ["jaan"], join=False, actor="admin")
    assert accounts.classes.students_of(ids["tiina"]) == {ids["kati"]}
    accounts.classes.remove("8A", actor="admin")
    assert accounts.classes.students_of(ids["mart"]) == set()
    actions = [(e.action, e.target, e.detail) for e in accounts.db.audit_log(limit=50)]
    assert ("class.join", "7B", "tiina") in actions and ("class.leave", "7B", "jaan") in actions
    assert ("class.remove", "8A", "") in actions


def test_class_errors_are_clear(accounts: Accounts) -> None:
    accounts.classes.add("7B", actor="admin")
    with pytest.raises(AccountError, match="exists already"):
        accounts.classes.add(" 7B ", actor="admin")
    with pytest.raises(AccountError, match="no user 'nobody'"):
        accounts.classes.set_members("7B", ["nobody"], join=True, actor="admin")
    with pytest.raises(AccountError, match="no class '9C'"):
        accounts.classes.remove("9C", actor="admin")


def test_a_removed_user_leaves_their_classes(accounts: Accounts) -> None:
    _people(accounts)
    accounts.classes.add("7B", actor="admin")
    accounts.classes.set_members("7B", ["tiina", "kati"], join=True, actor="admin")
    accounts.users.remove("kati", actor="admin")
    assert accounts.classes.all()[0].students == ()


def test_classes_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LOCALTUTOR_HOME", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("LOCALTUTOR_DATABASE_URL", raising=False)
    for name, role in (("tiina", "teacher"), ("kati", "student")):
        monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a long enough password\n"))
        assert main(["users", "add", name, "--role", role]) == 0
    assert main(["classes", "add", "7B", "--actor", "ops"]) == 0
    assert main(["classes", "join", "7B", "tiina", "kati"]) == 0
    assert "class '7B': 1 teachers, 1 students" in capsys.readouterr().out
    assert main(["classes", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"name": "7B", "teachers": ["tiina"], "students": ["kati"]}]
    assert main(["classes", "join", "7B", "ghost"]) == 1
    assert "no user 'ghost'" in capsys.readouterr().err
