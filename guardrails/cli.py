"""The guard's commands: ``localtutor guard "TEXT" [--json]`` and
``localtutor eval guardrails (--dataset F.csv | --split dev|test) [--json]``.

``tutor.cli`` adds :data:`guard` to its group and :data:`eval_guardrails` under ``eval``; ``python -m
guardrails.cli`` runs them without the rest of the tutor.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from guardrails.eval import corpus_rows, evaluate, evaluate_csv, format_report
from guardrails.guard import Guard


@click.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="print a JSON object")
@click.option("--lang", default=None, help="language of explanations (et, ru, en, ...)")
@click.option("--audience", default="student", type=click.Choice(["student", "teacher", "admin"]),
              show_default=True)
def guard(text: str, as_json: bool, lang: str | None, audience: str) -> None:
    """Check one message against the safety policy."""
    verdict = Guard().check_input(text, lang=lang, audience=audience)
    if as_json:
        click.echo(json.dumps({"decision": verdict.decision.value, "categories": list(verdict.categories),
                               "redacted": verdict.redacted, "latency_ms": round(verdict.latency_ms, 2)},
                              ensure_ascii=False))
        return
    click.echo(f"decision:   {verdict.decision.value}")
    click.echo(f"categories: {', '.join(verdict.categories) or '-'}")
    click.echo(f"redacted:   {verdict.redacted}")
    if verdict.explanation(lang or "en"):
        click.echo(f"explain:    {verdict.explanation(lang or 'en')}")
        click.echo(f"instead:    {verdict.alternatives(lang or 'en')}")
    click.echo(f"latency:    {verdict.latency_ms:.1f} ms")


@click.command("guardrails")
@click.option("--dataset", type=click.Path(path_type=Path), help="CSV with prompt,label[,lang]")
@click.option("--split", type=click.Choice(["dev", "test"]), help="a split of the guard's training corpus")
@click.option("--json", "as_json", is_flag=True, help="print a JSON report")
def eval_guardrails(dataset: Path | None, split: str | None, as_json: bool) -> None:
    """Evaluate the guard on a labelled CSV or a split of its corpus."""
    if (dataset is None) == (split is None):
        raise click.UsageError("give exactly one of --dataset and --split")
    try:
        report = evaluate_csv(dataset) if dataset is not None else evaluate(corpus_rows(split))
    except (OSError, ValueError) as exc:
        click.echo(f"error: {exc}", err=True)
        raise click.exceptions.Exit(2) from exc
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else format_report(report))


@click.group()
def main() -> None:
    """The guard alone: ``python -m guardrails.cli guard ...`` / ``eval guardrails ...``."""


main.add_command(guard)
main.add_command(click.Group("eval", commands=[eval_guardrails], help="Evaluations."))

if __name__ == "__main__":
    main()
