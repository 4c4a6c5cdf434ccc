"""Accounts: argon2 hashes, sign-in rate limiting, sessions, roles and their audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from tests.accounts.conftest import FakeClock
from tutor.accounts import (
    AccountError,
    AccountLocked,
    Accounts,
    InvalidCredentials,
    PermissionDenied,
    require_role,
    role_from_claims,
)
from tutor.appdb import AppDatabase
from tutor.appdb.models import User
from tutor.signin_throttle import Client

PASSWORD = "correct horse battery"


def test_password_is_stored_as_an_argon2id_hash(accounts: Accounts, db: AppDatabase) -> None:
    accounts.users.add("Ana", "teacher", PASSWORD, actor="root")
    with db.session() as session:
        stored = session.scalar(select(User.password_hash).where(User.name == "ana"))
    assert stored is not None and stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert PasswordHasher().verify(stored, PASSWORD)
    assert accounts.sign_in.authenticate("ANA", PASSWORD).role == "teacher"  # names are case-insensitive


def test_wrong_password_unknown_user_and_disabled_user_all_fail_alike(accounts: Accounts) -> None:
    accounts.users.add("ana", "student", PASSWORD, actor="root")
    for name, password in [("ana", "wrong password"), ("nobody", PASSWORD), ("ana", "")]:
        with pytest.raises(InvalidCredentials):
            accounts.sign_in.authenticate(name, password)
    accounts.users.add("root", "admin", PASSWORD, actor="cli")
    accounts.users.set_disabled("ana", True, actor="root")
    with pytest.raises(InvalidCredentials):
        accounts.sign_in.authenticate("ana", PASSWORD)


SCHOOL = Client("10.0.0.7")
HOME = Client("84.50.1.2")


def _fail(accounts: Accounts, name: str, client: Client, times: int) -> None:
    for _ in range(times):
        accounts.clock.advance(seconds=1)  # type: ignore[attr-defined] - the FakeClock
        with pytest.raises((InvalidCredentials, AccountLocked)):
            accounts.sign_in.authenticate(name, "guess", client)


def test_failures_make_that_client_wait_longer_and_longer(accounts: Accounts, clock: FakeClock) -> None:
    accounts.users.add("ana", "student", PASSWORD, actor="root")
    for _ in range(4):
        clock.advance(seconds=5)
        with pytest.raises(InvalidCredentials):
            accounts.sign_in.authenticate("ana", "guess", HOME)
    waits = []
    for _ in range(6):  # the 5th failure starts the waits: 1, 2, 4, 8, then 15 minutes at the most
        clock.advance(seconds=5)
        with pytest.raises(AccountLocked) as locked:
            accounts.sign_in.authenticate("ana", "guess", HOME)
        assert locked.value.code == "locked"
        waits.append(locked.value.retry_after)
        clock.advance(seconds=locked.value.retry_after.total_seconds())
    assert waits == [timedelta(minutes=m) for m in (1, 2, 4, 8, 15, 15)]
    clock.advance(seconds=-30)
    with pytest.raises(AccountLocked):
        accounts.sign_in.authenticate("ana", PASSWORD, HOME)  # even the right password waits
    clock.advance(seconds=31)
    assert accounts.sign_in.lock_remaining("ana", HOME) is None
    assert accounts.sign_in.authenticate("ana", PASSWORD, HOME).name == "ana"


def test_nobody_can_lock_out_a_pupil_from_another_client(accounts: Accounts, clock: FakeClock) -> None:
    accounts.users.add("ana", "student", PASSWORD, actor="root")
    _fail(accounts, "ana", HOME, 8)  # a classmate guessing from home
    assert accounts.sign_in.lock_remaining("ana", HOME) is not None
    assert accounts.sign_in.lock_remaining("ana", SCHOOL) is None
    assert accounts.sign_in.authenticate("ana", PASSWORD, SCHOOL).name == "ana"


def test_a_known_browser_is_not_slowed_by_guesses_from_its_own_network(accounts: Accounts) -> None:
    accounts.users.add("ana", "student", PASSWORD, actor="root")
    anas_laptop = Client.of("10.0.0.7", "ana's device cookie")
    accounts.sign_in.authenticate("ana", PASSWORD, anas_laptop)  # she has signed in from it before
    classmate = Client.of("10.0.0.7", "another device cookie")  # the same school network
    _fail(accounts, "ana", classmate, 6)
    assert accounts.sign_in.lock_remaining("ana", classmate) is not None
    no_cookie = Client.of("10.0.0.7", None)
    assert accounts.sign_in.lock_remaining("ana", no_cookie) is not None  # no cookie: the address counts
    assert accounts.sign_in.lock_remaining("ana", anas_laptop) is None
    assert accounts.sign_in.authenticate("ana", PASSWORD, anas_laptop).name == "ana"


def test_a_successful_sign_in_resets_the_failure_count(accounts: Accounts, clock: FakeClock) -> None:
    accounts.users.add("ana", "student", PASSWORD, actor="root")
    for _ in range(4):
        with pytest.raises(InvalidCredentials):
            accounts.sign_in.authenticate("ana", "guess")
    accounts.sign_in.authenticate("ana", PASSWORD)
    for _ in range(4):
        clock.advance(seconds=1)
        with pytest.raises(InvalidCredentials):
            accounts.sign_in.authenticate("ana", "guess")
    assert accounts.sign_in.authenticate("ana", PASSWORD).name == "ana"


def test_unknown_names_are_rate_limited_too(accounts: Accounts) -> None:
    for _ in range(4):
        with pytest.raises(InvalidCredentials):
            accounts.sign_in.authenticate("ghost", "guess")
    for _ in range(2):
        with pytest.raises(AccountLocked):
            accounts.sign_in.authenticate("ghost", "guess")


def test_failures_are_forgotten_after_a_day(accounts: Accounts, clock: FakeClock) -> None:
    accounts.users.add("ana", "student", PASSWORD, actor="root")
    _fail(accounts, "ana", HOME, 5)
    clock.advance(hours=24, seconds=1)
    assert accounts.sign_in.lock_remaining("ana", HOME) is None
    assert accounts.sign_in.purge_attempts() == 5


def test_sessions_resolve_until_idle_timeout_or_expiry(accounts: Accounts, clock: FakeClock) -> None:
    user = accounts.users.add("ana", "student", PASSWORD, actor="root")
    token = accounts.sessions.create(user)
    assert accounts.sessions.resolve(token) == user
    assert accounts.sessions.resolve("not-a-token") is None and accounts.sessions.resolve(None) is None

    clock.advance(hours=2, seconds=1)  # idle for longer than the 2 h idle timeout
    assert accounts.sessions.resolve(token) is None

    token = accounts.sessions.create(user)
    for _ in range(11):  # active every hour: the idle timeout never hits, the 12 h lifetime does
        clock.advance(hours=1)
        assert accounts.sessions.resolve(token) == user
    clock.advance(hours=1)
    assert accounts.sessions.resolve(token) is None


def test_ending_disabling_or_removing_ends_sessions(accounts: Accounts) -> None:
    accounts.users.add("root", "admin", PASSWORD, actor="cli")
    ana = accounts.users.add("ana", "student", PASSWORD, actor="root")
    token = accounts.sessions.create(ana)
    accounts.sessions.end(token)
    assert accounts.sessions.resolve(token) is None
    token = accounts.sessions.create(ana)
    accounts.users.set_disabled("ana", True, actor="root")
    assert accounts.sessions.resolve(token) is None
    accounts.users.set_disabled("ana", False, actor="root")
    token = accounts.sessions.create(ana)
    accounts.users.remove("ana", actor="root")
    assert accounts.sessions.resolve(token) is None


def test_a_role_change_applies_to_a_live_session(accounts: Accounts) -> None:
    accounts.users.add("root", "admin", PASSWORD, actor="cli")
    ana = accounts.users.add("ana", "teacher", PASSWORD, actor="root")
    token = accounts.sessions.create(ana)
    accounts.users.set_role("ana", "student", actor="root")
    user = accounts.sessions.resolve(token)
    assert user is not None and user.role == "student"
    with pytest.raises(PermissionDenied):
        require_role(user, "teacher", "admin")


def test_require_role(accounts: Accounts) -> None:
    student = accounts.users.add("sten", "student", PASSWORD, actor="root")
    teacher = accounts.users.add("tiina", "teacher", PASSWORD, actor="root")
    admin = accounts.users.add("root", "admin", PASSWORD, actor="root")
    with pytest.raises(PermissionDenied):
        require_role(student, "teacher", "admin")
    with pytest.raises(PermissionDenied):
        require_role(teacher, "admin")
    with pytest.raises(PermissionDenied):
        require_role(None, "student")
    assert require_role(teacher, "teacher", "admin") is teacher
    assert require_role(admin, "admin") is admin


def test_user_management_is_validated_and_audited(accounts: Accounts, db: AppDatabase) -> None:
    accounts.users.add("root", "admin", PASSWORD, actor="cli")
    with pytest.raises(AccountError, match="already exists"):
        accounts.users.add("ROOT", "student", PASSWORD, actor="cli")
    with pytest.raises(AccountError, match="unknown role"):
        accounts.users.add("x", "superuser", PASSWORD, actor="cli")
    with pytest.raises(AccountError, match="too short"):
        accounts.users.add("x", "student", "short", actor="cli")
    with pytest.raises(AccountError, match="last administrator"):
        accounts.users.set_role("root", "teacher", actor="root")
    with pytest.raises(AccountError, match="last administrator"):
        accounts.users.remove("root", actor="root")
    accounts.users.add("ana", "student", PASSWORD, actor="root")
    accounts.users.set_role("ana", "teacher", actor="root")
    accounts.users.remove("ana", actor="root")
    with pytest.raises(AccountError, match="no user"):
        accounts.users.remove("ana", actor="root")
    assert [u.name for u in accounts.users.all()] == ["root"]
    log = [(e.actor, e.action, e.target, e.detail) for e in reversed(db.audit_log())]
    assert log == [("cli", "user.add", "root", "role=admin"), ("root", "user.add", "ana", "role=student"),
                   ("root", "user.role", "ana", "student->teacher"), ("root", "user.remove", "ana", "role=teacher")]


def test_sso_users_get_the_role_of_their_claim(accounts: Accounts, db: AppDatabase) -> None:
    role_map = {"staff-teachers": "teacher", "it-admins": "admin"}
    assert role_from_claims({"groups": ["pupils", "staff-teachers"]}, "groups", role_map) == "teacher"
    assert role_from_claims({"groups": ["staff-teachers", "it-admins"]}, "groups", role_map) == "admin"
    assert role_from_claims({"groups": "it-admins"}, "groups", role_map) == "admin"
    assert role_from_claims({}, "groups", role_map) == "student"
    assert role_from_claims({"groups": ["x"]}, "groups", role_map, default=None) is None

    user = accounts.sso.user("Mari@School.ee", "teacher")
    assert (user.name, user.role, user.has_password) == ("mari@school.ee", "teacher", False)
    with pytest.raises(InvalidCredentials):
        accounts.sign_in.authenticate("mari@school.ee", "")  # no password sign-in for SSO-only accounts
    assert accounts.sso.user("mari@school.ee", "admin").role == "admin"  # the claim wins on every sign-in
    assert [(e.actor, e.action) for e in db.audit_log()][:2] == [("sso", "user.role"), ("sso", "user.add")]

    assert accounts.sso.user("jaan@school.ee", None).role == "student"  # no claim: the default role
    accounts.users.set_role("jaan@school.ee", "teacher", actor="mari@school.ee")
    assert accounts.sso.user("jaan@school.ee", None).role == "teacher"  # no claim: the role set here stays
    with pytest.raises(PermissionDenied):
        accounts.sso.user("guest@elsewhere.org", None, default_role=None)
    assert accounts.users.get("guest@elsewhere.org") is None


def test_sso_sign_in_from_claims_and_settings(accounts: Accounts, monkeypatch: pytest.MonkeyPatch) -> None:
    from tutor.config import Settings

    monkeypatch.setenv("LOCALTUTOR_SSO_ROLE_CLAIM", "roles")
    monkeypatch.setenv("LOCALTUTOR_SSO_ROLE_MAP", '{"Tutor.Teacher": "teacher", "Tutor.Admin": "admin"}')
    monkeypatch.setenv("LOCALTUTOR_SSO_DEFAULT_ROLE", "")
    settings = Settings()
    options = {"claim": settings.sso_role_claim, "role_map": settings.sso_role_map,
               "default_role": settings.sso_default_role or None}
    claims = {"is_logged_in": True, "email": "Mari@School.ee", "sub": "x1", "roles": ["Tutor.Teacher"]}
    assert accounts.sso.sign_in(claims, **options).role == "teacher"
    with pytest.raises(PermissionDenied):  # an unmapped user is refused when there is no default role
        accounts.sso.sign_in({"sub": "abc-123", "roles": []}, **options)
