"""`localtutor profiles ...`: persisted, audited, effective without a restart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.appdb import AppDatabase
from tutor.cli import main

INVALID = Path(__file__).resolve().parents[1] / "fixtures" / "profiles" / "invalid"
VALID = """id: demo
name: {en: Demo, et: Demo}
languages: [en, et]
babel_locale: en
"""


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LOCALTUTOR_HOME", str(tmp_path))
    return tmp_path


def _db(home: Path) -> AppDatabase:
    return AppDatabase(f"sqlite:///{home / 'localtutor.sqlite3'}")


def test_validate_reports_the_rule_and_fails(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "validate", str(INVALID / "unknown_key.yaml")]) == 1
    assert "unknown_key.yaml: field 'colour': rule broken: unknown key" in capsys.readouterr().err


def test_install_copies_a_valid_profile_and_audits_it(home: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "my-demo.yaml"
    source.write_text(VALID, encoding="utf-8")
    assert main(["profiles", "validate", str(source)]) == 0
    assert main(["profiles", "install", str(source), "--actor", "admin-anu"]) == 0
    assert (home / "profiles" / "demo.yaml").read_text(encoding="utf-8") == VALID
    capsys.readouterr()
    assert main(["profiles", "list", "--json"]) == 0
    listed = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["demo"]["enabled"] is True and listed["demo"]["languages"] == ["en", "et"]
    (entry,) = [e for e in _db(home).audit_log() if e.action == "profile.install"]
    assert (entry.actor, entry.target) == ("admin-anu", "demo")


def test_install_refuses_an_invalid_profile(home: Path) -> None:
    assert main(["profiles", "install", str(INVALID / "weakens_category.yaml")]) == 1
    assert not (home / "profiles").exists() or not list((home / "profiles").glob("*.yaml"))


def test_enable_and_disable_are_persisted_and_audited(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "disable", "global", "--actor", "admin-anu"]) == 0
    assert main(["profiles", "list", "--json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()[-1]
    assert {p["id"]: p["enabled"] for p in json.loads(out)}["global"] is False
    assert main(["profiles", "enable", "global", "--actor", "admin-mart"]) == 0
    log = _db(home).audit_log()
    assert [(e.action, e.target, e.actor) for e in log[:2]] == [
        ("profile.enable", "global", "admin-mart"), ("profile.disable", "global", "admin-anu")]
    assert all(e.at is not None for e in log)


def test_enabling_an_unknown_profile_fails_clearly(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles", "enable", "atlantis"]) == 1
    assert "no locale profile 'atlantis'" in capsys.readouterr().err


def test_registry_sees_an_edited_profile_file_at_once(tmp_path: Path) -> None:
    from locale_profiles import ProfileError, ProfileRegistry

    target = tmp_path / "profiles" / "demo.yaml"
    target.parent.mkdir()
    target.write_text(VALID, encoding="utf-8")
    registry = ProfileRegistry(tmp_path)
    assert registry.get("demo") is registry.get("demo")  # unchanged file: validated once
    target.write_text(VALID.replace("Demo, et", "Demo two, et"), encoding="utf-8")
    assert registry.get("demo").name["en"] == "Demo two"
    target.write_text(VALID + "colour: red\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="'colour'"):
        registry.get("demo")
    assert [e.error is not None for e in registry.entries() if e.id == "demo"] == [True]


@pytest.mark.parametrize(
    ("variable", "value", "valid"),
    [
        ("LOCALTUTOR_MODERATION_BASE_URL", "https://moderation.example.com/v1", False),
        ("LOCALTUTOR_MODERATION_BASE_URL", "http://10.20.0.7:8001/v1", True),  # an in-house server is local
        ("LOCALTUTOR_MODERATION_BASE_URL", "http://llamaguard:8001/v1", True),
    ],
)
def test_validate_checks_residency_against_the_moderation_endpoint_too(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    variable: str, value: str, valid: bool,
) -> None:
    # The model backend is the local extractive one; only the moderation endpoint differs.
    monkeypatch.setenv(variable, value)
    source = tmp_path / "resident.yaml"
    source.write_text(VALID.replace("id: demo", "id: resident") + "data_residency: {local_endpoints_only: true}\n",
                      encoding="utf-8")
    assert main(["profiles", "validate", str(source)]) == (0 if valid else 1)
    if not valid:
        assert "moderation" in capsys.readouterr().err
