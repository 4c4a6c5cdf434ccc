"""CLI wiring: ``localtutor guard "TEXT" [--json]`` and ``localtutor eval guardrails --dataset F.csv [--json]``.

``tutor/cli.py`` calls ``register(subparsers)`` and ``register_eval(eval_subparsers)``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from guardrails.eval import corpus_rows, evaluate, evaluate_csv, format_report
from guardrails.guard import Guard


def _guard_cmd(args: argparse.Namespace) -> int:
    verdict = Guard().check_input(args.text, lang=args.lang, audience=args.audience)
    if args.json:
        print(
            json.dumps(
                {
                    "decision": verdict.decision.value,
                    "categories": list(verdict.categories),
                    "redacted": verdict.redacted,
                    "latency_ms": round(verdict.latency_ms, 2),
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"decision:   {verdict.decision.value}")
        print(f"categories: {', '.join(verdict.categories) or '-'}")
        print(f"redacted:   {verdict.redacted}")
        if verdict.explanation(args.lang or "en"):
            print(f"explain:    {verdict.explanation(args.lang or 'en')}")
            print(f"instead:    {verdict.alternatives(args.lang or 'en')}")
        print(f"latency:    {verdict.latency_ms:.1f} ms")
    return 0


def _eval_cmd(args: argparse.Namespace) -> int:
    try:
        report = evaluate_csv(args.dataset) if args.dataset else evaluate(corpus_rows(args.split))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, ensure_ascii=False) if args.json else format_report(report))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``guard`` subcommand (check one message)."""
    p = subparsers.add_parser("guard", help="check one message against the safety policy")
    p.add_argument("text", help="the message to check")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.add_argument("--lang", default=None, help="language of explanations (et, ru, en, ...)")
    p.add_argument("--audience", default="student", choices=["student", "teacher", "admin"])
    p.set_defaults(func=_guard_cmd)


def register_eval(eval_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``guardrails`` under the ``eval`` subcommand."""
    p = eval_subparsers.add_parser("guardrails", help="evaluate the guard on a labelled CSV")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--dataset", type=Path, help="CSV with prompt,label[,lang]")
    source.add_argument("--split", choices=["dev", "test"], help="a split of the guard's training corpus")
    p.add_argument("--json", action="store_true", help="print a JSON report")
    p.set_defaults(func=_eval_cmd)


def main(argv: list[str] | None = None) -> int:
    """Standalone entry point: ``python -m guardrails.cli guard ...`` / ``eval guardrails ...``."""
    parser = argparse.ArgumentParser(prog="python -m guardrails.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    ev = sub.add_parser("eval", help="evaluations").add_subparsers(dest="target", required=True)
    register_eval(ev)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
