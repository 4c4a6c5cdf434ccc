"""The ``localtutor`` command line: a thin, declarative (click) layer over :mod:`tutor.services`.

Commands live by topic: curriculum and answers in :mod:`tutor.cli.curriculum`, accounts, classes,
retention and profiles in :mod:`tutor.cli.admin`, the guard's commands in :mod:`guardrails.cli`.
Options that several commands share are declared once in :mod:`tutor.cli._options`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from guardrails import cli as guard_cli
from tutor.cli import admin, curriculum
from tutor.cli._options import LocaltutorGroup
from tutor.config import Settings
from tutor.services import Services

__all__ = ["cli", "main"]


@click.group("localtutor", cls=LocaltutorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def cli(ctx: click.Context) -> None:
    """A localized, curriculum-grounded tutor."""
    # Settings are read once per run; every part is built on first use (see tutor.services).
    ctx.obj = Services(Settings())


@cli.group("eval", cls=LocaltutorGroup)
def eval_group() -> None:
    """Measure retrieval, answers or guardrails."""


for command in curriculum.COMMANDS + admin.COMMANDS + (guard_cli.guard,):
    cli.add_command(command)
for command in curriculum.EVAL_COMMANDS + (guard_cli.eval_guardrails,):
    eval_group.add_command(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``localtutor`` with ``argv`` (default: the process's arguments) and return the exit code."""
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="localtutor",
                        standalone_mode=False)
    except click.ClickException as exc:  # a usage error: the message and exit code 2, as before
        exc.show()
        return exc.exit_code
    except click.Abort:  # Ctrl-C
        return 130
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
