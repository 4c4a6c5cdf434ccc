"""Curriculum and answers: ``ingest``, ``seed``, ``reset``, ``ask``, ``eval retrieval|answers``,
``conformance`` and ``serve``."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from tutor.cli._options import (
    actor_option,
    fail,
    grade_option,
    json_option,
    locale_option,
    progress_bar,
    subject_option,
)
from tutor.services import Services

pass_services = click.make_pass_decorator(Services)


def _audit_curriculum(services: Services, actor: str, entries: list[tuple[str, str, str]]) -> None:
    """Curriculum changes made from the command line enter the same audit log as the app's (via CLI)."""
    for action, target, detail in entries:
        services.database.audit(actor, action, target, detail + " (via CLI)")


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@locale_option
@subject_option
@grade_option
@actor_option
@pass_services
def ingest(services: Services, paths: tuple[str, ...], locale: str, subject: str | None, grade: int | None,
           actor: str) -> None:
    """Add curriculum files or folders to a locale's corpus."""
    from tutor.curriculum_admin import failure_detail, upload_detail

    results = services.ingestor.ingest_paths([Path(p) for p in paths], locale, subject=subject, grade=grade,
                                             uploader=actor, progress=progress_bar)
    if not results:
        fail("no supported files found (PDF, DOCX, Markdown, TXT, HTML)")
    for result in results:
        if result.status == "error":
            click.echo(f"error: {result.error}", err=True)
        elif result.status == "unchanged":
            click.echo(f"{result.source}: unchanged, 0 chunks added")
        else:
            click.echo(f"{result.source}: {result.chunks} chunks added"
                       + (" (replaced)" if result.status == "replaced" else ""))
        if result.removed:
            click.echo(f"{result.source}: removed as unsafe: "
                       + ", ".join(f"{count} {kind}" for kind, count in sorted(result.removed.items())))
        if result.pii:
            click.echo(f"{result.source}: personal data replaced by placeholders: {', '.join(result.pii)}")
        if result.original_kept is False:
            click.echo(f"{result.source}: original file not kept, it is larger than "
                       f"{services.settings.max_upload_mb} MB (LOCALTUTOR_MAX_UPLOAD_MB)")
    failed = sum(1 for r in results if not r.ok)
    _audit_curriculum(services, actor, [
        ("curriculum.upload", f"{locale}/{r.source}", upload_detail(r, subject, grade)) if r.ok
        else ("curriculum.upload_failed", f"{locale}/{r.source}", failure_detail(r))
        for r in results if r.status != "unchanged"])
    click.echo(f"{len(results) - failed} of {len(results)} files ingested into locale '{locale}'", err=True)
    if failed:
        raise click.exceptions.Exit(1)


@click.command()
@click.option("--locale", "locales", multiple=True, help="only this locale (repeatable)")
@pass_services
def seed(services: Services, locales: tuple[str, ...]) -> None:
    """Ingest the shipped sample curriculum (no-op when already done)."""
    results = services.seed_samples(locales or None)
    for result in results:
        if result.status == "error":
            click.echo(f"error: {result.error}", err=True)
    click.echo(f"sample curriculum: {len(results)} files, {sum(r.chunks for r in results)} new chunks")
    if not all(r.ok for r in results):
        raise click.exceptions.Exit(1)


@click.command()
@locale_option
@click.option("--yes", is_flag=True, help="confirm: every chunk of the locale is deleted")
@actor_option
@pass_services
def reset(services: Services, locale: str, yes: bool, actor: str) -> None:
    """Delete a locale's whole curriculum from the store."""
    if not yes:
        fail(f"this deletes every chunk of locale '{locale}'; add --yes to confirm", 2)
    services.store.drop_locale(locale)
    services.originals.remove_locale(locale)
    _audit_curriculum(services, actor, [("curriculum.reset", locale, "every document deleted")])
    click.echo(f"locale '{locale}' curriculum deleted")


@click.command()
@click.argument("question")
@locale_option
@subject_option
@grade_option
@click.option("--json", "as_json", is_flag=True, help="print one JSON object")
@click.option("--user", "user_name", metavar="NAME",
              help="ask as this user: judged with the user's role, and recorded in the user's newest "
                   "conversation of the locale (default: anonymous, nothing recorded)")
@pass_services
def ask(services: Services, question: str, locale: str, subject: str | None, grade: int | None,
        as_json: bool, user_name: str | None) -> None:
    """Ask the tutor a question."""
    from tutor.backends import BackendError
    from tutor.turns import QuestionTooLong

    user = None
    if user_name is not None:  # only then are the accounts opened
        user = services.accounts.users.get(user_name)
        if user is None:
            fail(f"no user {user_name!r}")
        if user.disabled:
            fail(f"user {user.name!r} is disabled")
    turns = services.turns
    try:
        stream = turns.ask(user, turns.latest_conversation(user, locale) if user is not None else None, question,
                           locale, subject=subject, grade=grade)
    except QuestionTooLong as exc:
        fail(str(exc), 2)
    try:
        if as_json:
            click.echo(json.dumps(stream.result().answer.to_json(), ensure_ascii=False))
            return
        for event in stream:
            if event.kind == "delta":
                click.echo(event.text, nl=False)
            elif event.kind == "replace":
                click.echo("\n--- (answer withdrawn by the safety check) ---\n" + event.text, nl=False)
    except BackendError as exc:
        fail(str(exc), 2)
    click.echo()
    if stream.turn is not None:
        answer = stream.turn.answer
        for notice in answer.notices:
            click.echo(f"[{notice.kind}: {notice.category}] {notice.reason}")
        for number, citation in enumerate(answer.citations, start=1):
            where = ", ".join(x for x in (f"p. {citation.page}" if citation.page else "", citation.section or "") if x)
            click.echo(f"[{number}] {citation.source}" + (f" ({where})" if where else ""))


def _dataset(read: Callable[[Path], list[Any]], dataset: str) -> list[Any]:
    """The rows of an evaluation dataset; a malformed file is ``error: <file>:<line>: ...`` and exit 2."""
    from tutor.evaluation import DatasetError

    try:
        return read(Path(dataset))
    except DatasetError as exc:
        fail(str(exc), 2)


def _report(report: dict[str, Any], as_json: bool, header: str, row: Callable[[str, dict[str, Any]], str]) -> None:
    """An evaluation report: one JSON object, or a table of the overall figures and one row per language."""
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    click.echo(header)
    for name, figures in [("overall", report)] + list(report["by_lang"].items()):
        click.echo(row(name, figures))


@click.command("retrieval")
@click.option("--dataset", required=True, help="JSONL with question, source, lang")
@locale_option
@click.option("--k", type=int, default=5, show_default=True)
@json_option
@pass_services
def eval_retrieval(services: Services, dataset: str, locale: str, k: int, as_json: bool) -> None:
    """Recall@1/3/5 and MRR at document level."""
    from tutor.evaluation import evaluate_retrieval, read_jsonl

    rows = _dataset(read_jsonl, dataset)
    report = evaluate_retrieval(services.tutor.retriever, rows, locale, k=k,
                                progress=lambda d, t: progress_bar(d, t, "questions"))
    _report(report, as_json, f"{'':8} {'n':>4} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6}",
            lambda name, m: f"{name:8} {m['n']:>4} {m['recall@1']:>6.3f} {m['recall@3']:>6.3f} "
                            f"{m['recall@5']:>6.3f} {m['mrr']:>6.3f}")


def _share(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.3f}"


@click.command("answers")
@click.option("--dataset", required=True, help="JSONL with question, lang, source (or null), answer (or null)")
@locale_option
@click.option("--k", type=int, default=3, help="citations counted for the fact (default 3)")
@click.option("--details", type=click.Path(dir_okay=False, writable=True), default=None,
              help="also write one JSON line per question (scores, answer, citations) to this file")
@json_option
@pass_services
def eval_answers(services: Services, dataset: str, locale: str, k: int, details: str | None, as_json: bool) -> None:
    """What the pupil reads: the right passage cited, the fact, 'not found'."""
    from tutor.evaluation import evaluate_answers, read_answer_rows

    rows = _dataset(read_answer_rows, dataset)
    tutor = services.tutor
    with open(details, "w", encoding="utf-8") if details else contextlib.nullcontext() as sink:
        report = evaluate_answers(lambda q: tutor.ask(q, locale), rows, k=k,
                                  progress=lambda d, t: progress_bar(d, t, "questions"),
                                  details=(lambda row: sink.write(json.dumps(row, ensure_ascii=False) + "\n")) if sink else None)
    _report(report, as_json, f"{'':8} {'n':>4} {'answered':>9} {'cited@3':>8} {'fact':>6} {'not found':>10}",
            lambda name, m: f"{name:8} {m['n']:>4} {_share(m['answered']):>9} {_share(m['cited@3']):>8} "
                            f"{_share(m['fact']):>6} {_share(m['not_found']):>10}")
    if not as_json:
        click.echo(f"latency p50 / p95: {report['latency_ms_p50']} / {report['latency_ms_p95']} ms")


@click.command()
@click.option("--locale", required=True, metavar="ID", help="the profile to check")
@click.option("--json", "as_json", is_flag=True, help="print one JSON report")
@pass_services
def conformance(services: Services, locale: str, as_json: bool) -> None:
    """Prove a profile still honours the global rules (exit 1 on any failure)."""
    from tutor.conformance import format_report, run_conformance

    if not as_json:
        click.echo(f"checking profile '{locale}'…", err=True)
    report = run_conformance(services.tutor, locale,
                             progress=None if as_json else lambda step: click.echo(f"  {step}…", err=True))
    services.database.save_conformance(locale, report.passed, report.to_json())
    click.echo(json.dumps(report.to_json(), ensure_ascii=False) if as_json else format_report(report))
    if not report.passed:
        raise click.exceptions.Exit(1)


@click.command()
@click.option("--port", type=int, help="default LOCALTUTOR_PORT or 8501")
@click.option("--address", help="listen address (default LOCALTUTOR_ADDRESS or 127.0.0.1: this machine only)")
@pass_services
def serve(services: Services, port: int | None, address: str | None) -> None:
    """Start the Streamlit app (stops cleanly on SIGTERM/SIGINT)."""
    from tutor.serve import run_server

    code = run_server(address or services.settings.address, port or services.settings.port,
                      services.settings.max_upload_mb)
    if code:
        raise click.exceptions.Exit(code)


COMMANDS = (ingest, seed, ask, serve, conformance, reset)
EVAL_COMMANDS = (eval_retrieval, eval_answers)
