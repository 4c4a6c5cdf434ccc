"""What every ``localtutor`` command shares: the options declared once, errors reported one way."""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

import click

from locale_profiles import ProfileError


class LocaltutorGroup(click.Group):
    """A group whose commands report an operator's error as ``error: ...`` on stderr with exit code 2,
    instead of a traceback (a command's own failures exit 1 through :func:`fail`)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except (ProfileError, ValueError, RuntimeError) as exc:
            click.echo(f"error: {exc}", err=True)
            raise click.exceptions.Exit(2) from exc


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``error: message`` on stderr and end the command with ``code``."""
    click.echo(f"error: {message}", err=True)
    raise click.exceptions.Exit(code)


def _default_actor(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    return str(value or os.environ.get("USER") or "cli")


actor_option = click.option("--actor", callback=_default_actor,
                            help="who is acting (for the audit log; default $USER)")
json_option = click.option("--json", "as_json", is_flag=True, help="print JSON")
locale_option = click.option("--locale", required=True, help="the locale profile and its curriculum")
subject_option = click.option("--subject")
grade_option = click.option("--grade", type=int)
ROLES = click.Choice(["student", "teacher", "admin"])


def progress_bar(done: int, total: int, label: str) -> None:
    """A one-line progress bar on stderr when it is a terminal."""
    if not sys.stderr.isatty() or total == 0:
        return
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
