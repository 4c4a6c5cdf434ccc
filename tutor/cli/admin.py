"""Administration: ``profiles``, ``users``, ``classes`` and ``retention``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from tutor.cli._options import ROLES, LocaltutorGroup, actor_option, fail, json_option
from tutor.services import Services

pass_services = click.make_pass_decorator(Services)


@contextmanager
def _errors(*kinds: type[Exception]) -> Iterator[None]:
    """An expected refusal (an unknown user, an invalid profile) is ``error: ...`` and exit 1."""
    try:
        yield
    except kinds as exc:
        fail(str(exc))


def _print_records(records: Sequence[Any], as_json: bool, line: Callable[[Any], str]) -> None:
    """A ``list`` subcommand: one JSON array (``to_json()`` of each record) or a line per record."""
    if as_json:
        click.echo(json.dumps([r.to_json() for r in records], ensure_ascii=False))
    else:
        for record in records:
            click.echo(line(record))


# ------------------------------------------------------------------ profiles
def _profile_errors() -> Any:
    from locale_profiles import ProfileError

    return _errors(ProfileError)


@click.group(cls=LocaltutorGroup)
def profiles() -> None:
    """List, validate, install, enable or disable locale profiles."""


@profiles.command("list")
@json_option
@pass_services
def profiles_list(services: Services, as_json: bool) -> None:
    """Every profile, enabled or not, with validation errors."""
    with _profile_errors():
        entries = services.profiles.entries()
    if as_json:
        click.echo(json.dumps([{"id": e.id, "enabled": e.enabled, "path": str(e.path), "error": e.error,
                                "languages": e.profile.languages if e.profile else []} for e in entries],
                              ensure_ascii=False))
        return
    for e in entries:
        state = "enabled " if e.enabled else "disabled"
        detail = f"languages {','.join(e.profile.languages)}" if e.profile else f"INVALID: {e.error}"
        click.echo(f"{e.id:12} {state}  {detail}  ({e.path})")


@profiles.command("validate")
@click.argument("file", metavar="FILE")
@actor_option
@pass_services
def profiles_validate(services: Services, file: str, actor: str) -> None:
    """Validate a profile file."""
    from locale_profiles import load_profile

    with _profile_errors():
        profile = load_profile(Path(file), endpoint_is_local=services.endpoints_local)
    click.echo(f"{file}: valid profile '{profile.id}'")


@profiles.command("install")
@click.argument("file", metavar="FILE")
@actor_option
@pass_services
def profiles_install(services: Services, file: str, actor: str) -> None:
    """Install a profile file."""
    with _profile_errors():
        profile = services.profiles.install(Path(file), actor)
    click.echo(f"installed profile '{profile.id}' into {services.profiles.installed_dir}")


def _switch(enabled: bool) -> click.Command:
    verb = "enable" if enabled else "disable"

    @click.argument("profile_id", metavar="ID")
    @actor_option
    @pass_services
    def switch(services: Services, profile_id: str, actor: str) -> None:
        with _profile_errors():
            services.profiles.set_enabled(profile_id, enabled, actor)
        click.echo(f"profile '{profile_id}' {verb}d")

    return click.command(verb, help=f"{verb.capitalize()} a profile (persisted, audited, applies to running apps).")(
        switch)


profiles.add_command(_switch(True))
profiles.add_command(_switch(False))


# ------------------------------------------------------------------ users
def _account_errors() -> Any:
    from tutor.accounts import AccountError

    return _errors(AccountError)


def _read_password() -> str:
    """The new password: prompted twice on a terminal, else the first line of stdin (for scripts)."""
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass("password: ")
        if password != getpass.getpass("password again: "):
            raise ValueError("the passwords do not match")
    if not password:
        fail("no password given (type it at the prompt or pipe it on stdin)")
    return password


@click.group(cls=LocaltutorGroup)
def users() -> None:
    """Add, list, remove users, change their role or reset a password."""


@users.command("add")
@click.argument("name", metavar="NAME")
@click.option("--role", required=True, type=ROLES)
@actor_option
@pass_services
def users_add(services: Services, name: str, role: str, actor: str) -> None:
    """Add a user (password prompted twice, or the first line of stdin)."""
    password = _read_password()
    with _account_errors():
        user = services.accounts.users.add(name, role, password, actor=actor)
    click.echo(f"user '{user.name}' added with role {user.role}")


@users.command("password")
@click.argument("name", metavar="NAME")
@actor_option
@pass_services
def users_password(services: Services, name: str, actor: str) -> None:
    """Set a new password (prompted twice, or the first line of stdin); the user and their history stay,
    their sessions end."""
    password = _read_password()
    with _account_errors():
        services.accounts.users.set_password(name, password, actor=actor)
    click.echo(f"password of '{name.strip().lower()}' changed; their open sessions have ended")


@users.command("list")
@json_option
@pass_services
def users_list(services: Services, as_json: bool) -> None:
    """Every user with role and creation date."""
    _print_records(services.accounts.users.all(), as_json, lambda u: f"{u.name:24} {u.role:8} "
                   f"{u.created_at:%Y-%m-%d}" + (" (disabled)" if u.disabled else ""))


@users.command("remove")
@click.argument("name", metavar="NAME")
@actor_option
@pass_services
def users_remove(services: Services, name: str, actor: str) -> None:
    """Delete a user with their sessions and chat history."""
    with _account_errors():
        services.accounts.users.remove(name, actor=actor)
    click.echo(f"user '{name.strip().lower()}' removed")


@users.command("role")
@click.argument("name", metavar="NAME")
@click.argument("role", metavar="ROLE", type=ROLES)
@actor_option
@pass_services
def users_role(services: Services, name: str, role: str, actor: str) -> None:
    """Change a user's role."""
    with _account_errors():
        user = services.accounts.users.set_role(name, role, actor=actor)
    click.echo(f"user '{user.name}' now has role {user.role}")


# ------------------------------------------------------------------ classes
@click.group(cls=LocaltutorGroup)
def classes() -> None:
    """Classes tie students to their teachers (teachers see their flags)."""


@classes.command("list")
@json_option
@pass_services
def classes_list(services: Services, as_json: bool) -> None:
    """Every class with its teachers and students."""
    _print_records(services.accounts.classes.all(), as_json, lambda c: f"{c.name:24} teachers: "
                   f"{', '.join(c.teachers) or '-'}; students: {len(c.students)}")


@classes.command("add")
@click.argument("name", metavar="NAME")
@actor_option
@pass_services
def classes_add(services: Services, name: str, actor: str) -> None:
    """Create a class."""
    with _account_errors():
        services.accounts.classes.add(name, actor=actor)
    click.echo(f"class '{name}' added")


@classes.command("remove")
@click.argument("name", metavar="NAME")
@actor_option
@pass_services
def classes_remove(services: Services, name: str, actor: str) -> None:
    """Delete a class (its users stay)."""
    with _account_errors():
        services.accounts.classes.remove(name, actor=actor)
    click.echo(f"class '{name}' removed")


def _membership(join: bool) -> click.Command:
    @click.argument("name", metavar="NAME")
    @click.argument("members", nargs=-1, required=True, metavar="USER...")
    @actor_option
    @pass_services
    def membership(services: Services, name: str, members: tuple[str, ...], actor: str) -> None:
        with _account_errors():
            record = services.accounts.classes.set_members(name, list(members), join=join, actor=actor)
        click.echo(f"class '{record.name}': {len(record.teachers)} teachers, {len(record.students)} students")

    verb, text = ("join", "Put users (students or teachers) in a class.") if join else ("leave", "Take users out.")
    return click.command(verb, help=text)(membership)


classes.add_command(_membership(True))
classes.add_command(_membership(False))


# ------------------------------------------------------------------ retention
@click.group(cls=LocaltutorGroup)
def retention() -> None:
    """Show or set the chat history retention, or purge older history."""


def _show_retention(services: Services) -> None:
    days = services.database.retention_days()
    click.echo(f"chat history is kept {days} days" if days else "chat history is kept until students delete it")


@retention.command("show")
@pass_services
def retention_show(services: Services) -> None:
    """Print the retention period."""
    _show_retention(services)


@retention.command("set")
@click.argument("days", metavar="DAYS", type=int)
@actor_option
@pass_services
def retention_set(services: Services, days: int, actor: str) -> None:
    """Set the retention period in days (0 = keep)."""
    services.database.set_retention_days(days or None, actor)
    _show_retention(services)


@retention.command("purge")
@actor_option
@pass_services
def retention_purge(services: Services, actor: str) -> None:
    """Delete history older than the administrator's retention period."""
    result = services.history.retention.purge(actor=actor)
    if result.cutoff is None:
        click.echo("no retention period set (localtutor retention set DAYS); nothing deleted")
        return
    click.echo(f"deleted history older than {result.cutoff:%Y-%m-%d %H:%M} UTC: {result.conversations} "
               f"conversations, {result.messages} messages, {result.feedback} feedback entries, {result.flags} flags")


COMMANDS = (profiles, users, classes, retention)
