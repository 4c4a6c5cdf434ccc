"""`localtutor conformance`: red lines, additions, omissions, parity and residency, each able to fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guardrails import Decision, Guard, Verdict
from locale_profiles import ProfileRegistry
from tutor.appdb import AppDatabase
from tutor.backends.openai_compat import OpenAICompatibleBackend
from tutor.cli import main
from tutor.config import Settings
from tutor.conformance import format_report, run_conformance
from tutor.pipeline import Tutor

PROBE_KINDS = {"residency", "red_line", "self_harm", "addition", "parity"}


def _tutor_with(tutor: Tutor, settings: Settings, home: Path, **overrides: object) -> Tutor:
    parts: dict[str, object] = {"embedder": tutor.embedder, "store": tutor.store, "backend": tutor.backend,
                                "guard": tutor.guard, "profiles": ProfileRegistry(home)}
    parts.update(overrides)
    return Tutor(settings, **parts)  # type: ignore[arg-type]


def _install(home: Path, text: str) -> None:
    (home / "profiles").mkdir(parents=True, exist_ok=True)
    profile_id = text.split("\n", 1)[0].removeprefix("id: ").strip()
    (home / "profiles" / f"{profile_id}.yaml").write_text(text, encoding="utf-8")


def test_the_estonian_profile_conforms_and_the_result_is_saved(home_env: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conformance", "--locale", "ee", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["passed"] is True and report["failures"] == [] and report["locale"] == "ee"
    assert {p["kind"] for p in report["probes"]} >= PROBE_KINDS
    red = {p["id"] for p in report["probes"] if p["kind"] == "red_line"}
    assert {"red_line.weapons.et", "red_line.cbrn_weapons.ru", "red_line.manipulation.en"} <= red
    crisis = [p for p in report["probes"] if p["id"].startswith("addition.crisis-help")]
    assert {p["lang"] for p in crisis} == {"et", "ru", "en"}
    parity = [p for p in report["probes"] if p["kind"] == "parity"]
    assert parity and all(p["status"] == "pass" and "cites [" in p["observed"] for p in parity)
    saved = AppDatabase(f"sqlite:///{home_env / 'localtutor.sqlite3'}").last_conformance()["ee"]
    assert saved.passed and saved.report["counts"]["pass"] == report["counts"]["pass"]


def test_an_addition_that_never_fires_is_a_named_failure(tutor: Tutor, settings: Settings, tmp_path: Path) -> None:
    _install(tmp_path, """id: demo
name: {en: Demo}
languages: [en]
babel_locale: en
additions:
  - id: museum-tip
    when: {keywords: [museum]}
    text: {en: "The national museum is free for pupils on Fridays."}
    reason: {en: "A local tip."}
    examples: ["How does the heart pump blood?"]
omissions:
  - id: energy-drink-ads
    category: energy_drink_promotion
    legal_basis: "Illustrative rule § 1"
    match:
      keywords: ["energy drink"]
      examples: ["Which energy drink brand should I buy to stay awake?"]
    reason: {en: "Advertising energy drinks to minors is restricted."}
""")
    report = run_conformance(_tutor_with(tutor, settings, tmp_path), "demo")
    assert not report.passed
    assert [p.id for p in report.failures] == ["addition.museum-tip.1"]
    omission = next(p for p in report.probes if p.kind == "omission")
    assert omission.status == "pass" and "withheld:energy_drink_promotion" in omission.observed
    text = format_report(report)
    assert "FAIL addition.museum-tip.1 [en]: expected 'added' notice 'museum-tip'" in text
    assert text.splitlines()[-1].startswith("FAILED (addition.museum-tip.1)")


class _PermissiveGuard(Guard):
    """A guard someone has weakened: lets every question through."""

    def check_input(self, text: str, **kwargs: object) -> Verdict:
        verdict = super().check_input(text, **kwargs)  # type: ignore[arg-type]
        return Verdict(Decision.ALLOW, (), verdict.redacted, verdict.latency_ms)


def test_a_weakened_guard_fails_every_red_line_probe(tutor: Tutor, settings: Settings, tmp_path: Path) -> None:
    weak = _tutor_with(tutor, settings, tmp_path, guard=_PermissiveGuard(embedder=getattr(tutor.embedder, "model", None)))
    report = run_conformance(weak, "global")
    failed = {p.id for p in report.failures}
    assert {"red_line.weapons.en", "red_line.terrorism.en", "self_harm.en"} <= failed
    assert all(p.status == "pass" for p in report.probes if p.kind == "parity")


def test_residency_fails_when_a_local_only_profile_meets_a_remote_endpoint(tutor: Tutor, settings: Settings,
                                                                          tmp_path: Path) -> None:
    _install(tmp_path, "id: strict\nname: {en: Strict}\nlanguages: [en]\nbabel_locale: en\n"
                       "data_residency: {local_endpoints_only: true}\n")
    remote = OpenAICompatibleBackend("https://api.example.com/v1", "m", "k")
    report = run_conformance(_tutor_with(tutor, settings, tmp_path, backend=remote), "strict")
    (failure,) = report.failures
    assert failure.id == "residency" and "model backend" in failure.observed
    assert [p.id for p in report.probes] == ["residency"] and "no other probe can run" in report.warnings[0]


def test_an_unknown_or_broken_profile_fails_cleanly(home_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conformance", "--locale", "nowhere"]) == 1
    out = capsys.readouterr().out
    assert "FAIL profile.load" in out and "nowhere" in out


def test_each_probe_question_is_asked_once_even_when_two_probes_share_it(tutor: Tutor, settings: Settings,
                                                                          tmp_path: Path) -> None:
    # A safety addition without examples is probed with the self-harm message, which the red-line
    # battery also asks: one pipeline run serves both probes.
    _install(tmp_path, """id: care
name: {en: Care}
languages: [en]
babel_locale: en
additions:
  - id: local-helpline
    when: {categories: [self_harm]}
    text: {en: "Call the local helpline 116 123, day and night."}
    reason: {en: "Local crisis help."}
""")
    asked: list[tuple[str, str]] = []

    class CountingTutor(Tutor):
        def ask(self, question: str, locale: str, **kwargs: object):  # noqa: ANN201
            asked.append((question, str(kwargs.get("profile").id)))  # type: ignore[union-attr]
            return super().ask(question, locale, **kwargs)

    parts = {"embedder": tutor.embedder, "store": tutor.store, "backend": tutor.backend, "guard": tutor.guard,
             "profiles": ProfileRegistry(tmp_path)}
    report = run_conformance(CountingTutor(settings, **parts), "care")  # type: ignore[arg-type]
    ids = {p.id: p.status for p in report.probes}
    assert ids["self_harm.en"] == "pass" and ids["addition.local-helpline.1"] == "pass"
    assert len(asked) == len(set(asked)), [q for q in asked if asked.count(q) > 1]
