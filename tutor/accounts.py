"""Accounts, roles, sign-in with rate limiting, and sessions, over the app database.

Passwords are hashed with argon2id (``argon2-cffi``); only a SHA-256 of a session token is stored,
so a copy of the database does not let anyone sign in. Every change made by an administrator
(user added, removed, role changed, disabled) writes an audit entry.

The clock is injectable (``clock=``) so that expiry and lock-out are tested without sleeping.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tutor.appdb import AppDatabase
from tutor.appdb.models import AppSetting, AuditEntry, ClassMember, SchoolClass, User, UserSession, utc
from tutor.passwords import MIN_LENGTH, password_problem
from tutor.signin_throttle import UNKNOWN_CLIENT, Client, SignInThrottle

Role = Literal["student", "teacher", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
Clock = Callable[[], datetime]

_NAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,127}$")
MIN_PASSWORD = MIN_LENGTH


class AccountError(ValueError):
    """A user-management request that cannot be done (unknown user, duplicate name, bad role...).

    ``code`` is stable, for localized messages in the app: ``invalid_name``, ``invalid_class_name``,
    ``unknown_role``, ``short_password``, ``weak_password``, ``duplicate``, ``unknown_user``,
    ``last_admin``, ``duplicate_class``, ``unknown_class``.
    """

    def __init__(self, message: str, code: str = "other") -> None:
        super().__init__(message)
        self.code = code


class PermissionDenied(PermissionError):
    """The signed-in user's role does not allow this page or action."""


class AuthError(Exception):
    """Sign-in failed. ``code`` is stable for localized messages: ``invalid`` or ``locked``."""

    code = "invalid"


class InvalidCredentials(AuthError):
    code = "invalid"


class AccountLocked(AuthError):
    code = "locked"

    def __init__(self, retry_after: timedelta) -> None:
        super().__init__(f"too many failed sign-ins; try again in {-(-int(retry_after.total_seconds()) // 60)} min")
        self.retry_after = retry_after


@dataclass(frozen=True)
class UserRecord:
    id: int
    name: str
    role: str
    created_at: datetime
    disabled: bool
    has_password: bool

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "created_at": self.created_at.isoformat(),
                "disabled": self.disabled, "has_password": self.has_password}


@dataclass(frozen=True)
class ClassRecord:
    name: str
    teachers: tuple[str, ...]
    students: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "teachers": list(self.teachers), "students": list(self.students)}


def _class_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not 1 <= len(cleaned) <= 128:
        raise AccountError(f"invalid class name {name!r}: 1 to 128 characters", "invalid_class_name")
    return cleaned


def system_clock() -> datetime:
    return datetime.now(UTC)


def normalize_name(name: str) -> str:
    """User names are case-insensitive: stored lower-case, without surrounding spaces."""
    cleaned = name.strip().lower()
    if not _NAME.fullmatch(cleaned):
        raise AccountError(f"invalid user name {name!r}: use letters, digits and . _ @ + - (at most 128)",
                           "invalid_name")
    return cleaned


def check_password(password: str, name: str) -> None:
    """Raise AccountError (``short_password`` or ``weak_password``) unless ``password`` follows the policy."""
    problem = password_problem(password, user_inputs=(name,))
    if problem == "short_password":
        raise AccountError(f"password too short: at least {MIN_PASSWORD} characters", problem)
    if problem is not None:
        raise AccountError("password too easy to guess (a common password, a name or a simple pattern); "
                           "use a longer phrase of several unrelated words", problem)


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: use one of {', '.join(ROLES)}", "unknown_role")
    return role


def require_role(user: UserRecord | None, *roles: str) -> UserRecord:
    """Return ``user`` when it is signed in, enabled and has one of ``roles``; raise PermissionDenied otherwise.

    Every page and every action it triggers calls this on the server side.
    """
    if user is None or user.disabled:
        raise PermissionDenied("sign in first")
    if user.role not in roles:
        raise PermissionDenied(f"role {user.role!r} may not do this (needs {' or '.join(roles)})")
    return user


def role_from_claims(claims: Mapping[str, Any], claim: str, role_map: Mapping[str, str],
                     default: str | None = "student") -> str | None:
    """The role for an SSO user: the strongest role any value of ``claims[claim]`` maps to.

    ``role_map`` maps claim values (e.g. group names) to roles; a list-valued claim (``groups``) may
    match several, the most privileged wins. Without a match ``default`` (None = refuse sign-in).
    """
    value = claims.get(claim)
    values: Iterable[Any] = value if isinstance(value, list | tuple | set) else ([] if value is None else [value])
    found = [role_map[str(v)] for v in values if str(v) in role_map]
    for role in found:
        check_role(role)
    if not found:
        return default
    return max(found, key=ROLES.index)


class Accounts:
    """Users, sign-in and sessions. One instance per app; safe to share between Streamlit sessions."""

    def __init__(self, database: AppDatabase, *, clock: Clock = system_clock, max_failures: int = 5,
                 lock_window: timedelta = timedelta(minutes=15), session_ttl: timedelta = timedelta(hours=12),
                 idle_timeout: timedelta | None = timedelta(hours=2), hasher: PasswordHasher | None = None) -> None:
        """``max_failures`` failed sign-ins of one client make it wait a minute, doubling up to ``lock_window``."""
        self.db = database
        self.clock = clock
        self.throttle = SignInThrottle(database, free_failures=max_failures, max_delay=lock_window)
        self.session_ttl = session_ttl
        self.idle_timeout = idle_timeout
        self.hasher = hasher or PasswordHasher()  # argon2id, RFC 9106 low-memory profile
        self._dummy_hash: str | None = None  # hashed on first use: unknown names cost as much as known ones

    @classmethod
    def from_settings(cls, database: AppDatabase, settings: Any, **kwargs: Any) -> Accounts:
        return cls(database, max_failures=settings.login_max_failures,
                   lock_window=timedelta(minutes=settings.login_lock_minutes),
                   session_ttl=timedelta(hours=settings.session_hours),
                   idle_timeout=timedelta(minutes=settings.session_idle_minutes) if settings.session_idle_minutes
                   else None, **kwargs)

    def _now(self) -> datetime:
        return utc(self.clock())

    def _audit(self, session: Session, actor: str, action: str, target: str, detail: str = "") -> None:
        session.add(AuditEntry(actor=actor, action=action, target=target, detail=detail, at=self._now()))

    # -- users ---------------------------------------------------------------------------
    def add_user(self, name: str, role: str, password: str | None, *, actor: str) -> UserRecord:
        """Create a user. ``password`` None creates an SSO-only account (cannot sign in with a password)."""
        name, role = normalize_name(name), check_role(role)
        if password is not None:
            check_password(password, name)
        with self.db.session() as session, session.begin():
            if session.scalar(select(User).where(User.name == name)) is not None:
                raise AccountError(f"user {name!r} already exists", "duplicate")
            user = User(name=name, role=role, created_at=self._now(), disabled=False,
                        password_hash=self.hasher.hash(password) if password is not None else None)
            session.add(user)
            self._audit(session, actor, "user.add", name, f"role={role}")
            session.flush()
            return _record(user)

    def get_user(self, name: str) -> UserRecord | None:
        with self.db.session() as session:
            user = session.scalar(select(User).where(User.name == name.strip().lower()))
            return _record(user) if user else None

    def get_user_by_id(self, user_id: int) -> UserRecord | None:
        with self.db.session() as session:
            user = session.get(User, user_id)
            return _record(user) if user else None

    def list_users(self, role: str | None = None) -> list[UserRecord]:
        with self.db.session() as session:
            query = select(User).order_by(User.name)
            if role is not None:
                query = query.where(User.role == check_role(role))
            return [_record(u) for u in session.scalars(query)]

    def _user(self, session: Session, name: str) -> User:
        user = session.scalar(select(User).where(User.name == name.strip().lower()))
        if user is None:
            raise AccountError(f"no user {name!r}", "unknown_user")
        return user

    def _check_not_last_admin(self, session: Session, user: User) -> None:
        if user.role != "admin" or user.disabled:
            return
        admins = session.scalar(select(func.count()).select_from(User)
                                .where(User.role == "admin", User.disabled.is_(False)))
        if (admins or 0) <= 1:
            raise AccountError(f"{user.name!r} is the last administrator; add another admin first", "last_admin")

    def set_role(self, name: str, role: str, *, actor: str) -> UserRecord:
        role = check_role(role)
        with self.db.session() as session, session.begin():
            user = self._user(session, name)
            if user.role == role:
                return _record(user)
            if role != "admin":
                self._check_not_last_admin(session, user)
            old, user.role = user.role, role
            self._audit(session, actor, "user.role", user.name, f"{old}->{role}")
            return _record(user)

    def set_disabled(self, name: str, disabled: bool, *, actor: str) -> UserRecord:
        with self.db.session() as session, session.begin():
            user = self._user(session, name)
            if disabled:
                self._check_not_last_admin(session, user)
                session.execute(delete(UserSession).where(UserSession.user_id == user.id))
            user.disabled = disabled
            self._audit(session, actor, "user.disable" if disabled else "user.enable", user.name)
            return _record(user)

    def set_password(self, name: str, password: str, *, actor: str) -> UserRecord:
        """A new password (e.g. a reset by an administrator): audited, the user's other sessions end,
        the account and its history stay."""
        with self.db.session() as session, session.begin():
            user = self._user(session, name)
            check_password(password, user.name)
            user.password_hash = self.hasher.hash(password)
            session.execute(delete(UserSession).where(UserSession.user_id == user.id))
            self._audit(session, actor, "user.password", user.name)
            return _record(user)

    def remove_user(self, name: str, *, actor: str) -> None:
        """Delete a user with their sessions, conversations and flags (feedback stays, anonymous)."""
        with self.db.session() as session, session.begin():
            user = self._user(session, name)
            self._check_not_last_admin(session, user)
            session.delete(user)
            session.execute(delete(AppSetting).where(AppSetting.key == _language_key(user.id)))
            self._audit(session, actor, "user.remove", user.name, f"role={user.role}")

    # -- preferences -----------------------------------------------------------------------
    def language(self, user_id: int) -> str | None:
        """The interface language this user chose last (kept across reloads and devices), if any."""
        with self.db.session() as session:
            row = session.get(AppSetting, _language_key(user_id))
            return row.value if row else None

    def set_language(self, user: UserRecord, language: str) -> None:
        """Remember ``user``'s interface language (a preference of their own: not audited)."""
        with self.db.session() as session, session.begin():
            row = session.get(AppSetting, _language_key(user.id))
            if row is None:
                session.add(AppSetting(key=_language_key(user.id), value=language, changed_at=self._now(),
                                       changed_by=user.name))
            elif row.value != language:
                row.value, row.changed_at = language, self._now()

    # -- classes -------------------------------------------------------------------------
    def add_class(self, name: str, *, actor: str) -> ClassRecord:
        name = _class_name(name)
        with self.db.session() as session, session.begin():
            if session.scalar(select(SchoolClass).where(SchoolClass.name == name)) is not None:
                raise AccountError(f"class {name!r} exists already", "duplicate_class")
            session.add(SchoolClass(name=name, created_at=self._now()))
            self._audit(session, actor, "class.add", name)
        return ClassRecord(name, (), ())

    def remove_class(self, name: str, *, actor: str) -> None:
        with self.db.session() as session, session.begin():
            session.delete(self._class(session, name))
            self._audit(session, actor, "class.remove", name.strip())

    def set_class_members(self, name: str, user_names: Iterable[str], *, join: bool, actor: str) -> ClassRecord:
        """Add (``join=True``) or remove students and teachers of a class; audited per user."""
        with self.db.session() as session, session.begin():
            school_class = self._class(session, name)
            for user_name in user_names:
                user = self._user(session, user_name)
                member = session.get(ClassMember, (school_class.id, user.id))
                if join and member is None:
                    session.add(ClassMember(class_id=school_class.id, user_id=user.id))
                elif not join and member is not None:
                    session.delete(member)
                else:
                    continue
                self._audit(session, actor, "class.join" if join else "class.leave", school_class.name, user.name)
        return next(c for c in self.classes() if c.name == school_class.name)

    def classes(self) -> list[ClassRecord]:
        """Every class with its teachers (teachers and admins in it) and students, by name."""
        with self.db.session() as session:
            rows = session.execute(select(SchoolClass.name, User.name, User.role)
                                   .select_from(SchoolClass)
                                   .outerjoin(ClassMember, ClassMember.class_id == SchoolClass.id)
                                   .outerjoin(User, User.id == ClassMember.user_id)
                                   .order_by(SchoolClass.name, User.name)).all()
        members: dict[str, tuple[list[str], list[str]]] = {}
        for class_name, user_name, role in rows:
            teachers, students = members.setdefault(class_name, ([], []))
            if user_name is not None:
                (students if role == "student" else teachers).append(user_name)
        return [ClassRecord(name, tuple(t), tuple(s)) for name, (t, s) in members.items()]

    def students_of(self, teacher_id: int) -> set[int]:
        """The ids of the students who share a class with ``teacher_id`` (whose flags that teacher sees)."""
        with self.db.session() as session:
            mine = select(ClassMember.class_id).where(ClassMember.user_id == teacher_id)
            return set(session.scalars(select(User.id).join(ClassMember, ClassMember.user_id == User.id)
                                       .where(ClassMember.class_id.in_(mine), User.role == "student")))

    def _class(self, session: Session, name: str) -> SchoolClass:
        found = session.scalar(select(SchoolClass).where(SchoolClass.name == name.strip()))
        if found is None:
            raise AccountError(f"no class {name!r}", "unknown_class")
        return found

    # -- sign-in -------------------------------------------------------------------------
    def lock_remaining(self, name: str, client: Client = UNKNOWN_CLIENT) -> timedelta | None:
        """How long ``client`` must wait before trying ``name`` again, or None when it may try now."""
        return self.throttle.wait(name.strip().lower()[:128], client, self._now())

    def authenticate(self, name: str, password: str, client: Client = UNKNOWN_CLIENT) -> UserRecord:
        """The user for ``name``/``password``; raises AccountLocked or InvalidCredentials.

        Unknown names, disabled users and wrong passwords fail alike (and take as long), so the
        answer does not reveal which names exist. Attempts count per name and client, known name or not.
        """
        key = name.strip().lower()[:128]
        remaining = self.lock_remaining(key, client)
        if remaining is not None:
            raise AccountLocked(remaining)
        record: UserRecord | None = None
        with self.db.session() as session, session.begin():
            user = session.scalar(select(User).where(User.name == key))
            if user is None or user.password_hash is None:
                if self._dummy_hash is None:
                    self._dummy_hash = self.hasher.hash(secrets.token_hex(16))
                _verify(self.hasher, self._dummy_hash, password + "\0")  # the same work as a real check
            elif _verify(self.hasher, user.password_hash, password) and not user.disabled:
                if self.hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = self.hasher.hash(password)
                record = _record(user)
            self.throttle.record(session, key, client, record is not None, self._now())
        if record is None:
            remaining = self.lock_remaining(key, client)
            if remaining is not None:
                raise AccountLocked(remaining)
            raise InvalidCredentials("wrong user name or password")
        return record

    def purge_login_attempts(self) -> int:
        return self.throttle.purge(self._now())

    # -- single sign-on ------------------------------------------------------------------
    def sso_user(self, name: str, role: str | None, *, default_role: str | None = "student") -> UserRecord:
        """The account of an identity-provider user (``name``: e-mail or subject), created on first sign-in.

        ``role`` is what the provider's claim maps to (:func:`role_from_claims` with ``default=None``):
        when given it is applied on every sign-in (changes audited, actor ``sso``); when None an
        existing account keeps its role (e.g. set with ``localtutor users role``) and a new one gets
        ``default_role``, or PermissionDenied when that is None. A disabled account stays disabled
        (``require_role`` refuses it).
        """
        name = normalize_name(name)
        if role is not None:
            check_role(role)
        with self.db.session() as session, session.begin():
            user = session.scalar(select(User).where(User.name == name))
            if user is None:
                role = role or default_role
                if role is None:
                    raise PermissionDenied("your account has no role in this tutor; ask an administrator")
                user = User(name=name, role=check_role(role), created_at=self._now(), disabled=False,
                            password_hash=None)
                session.add(user)
                self._audit(session, "sso", "user.add", name, f"role={role}")
                session.flush()
            elif role is not None and user.role != role:
                if role != "admin":
                    self._check_not_last_admin(session, user)
                self._audit(session, "sso", "user.role", name, f"{user.role}->{role}")
                user.role = role
            return _record(user)

    def sso_sign_in(self, claims: Mapping[str, Any], *, claim: str, role_map: Mapping[str, str],
                    default_role: str | None = "student") -> UserRecord:
        """The account for the identity token claims of ``st.user`` (name from ``email``, else ``sub``).

        With Settings: ``claim=settings.sso_role_claim, role_map=settings.sso_role_map,
        default_role=settings.sso_default_role or None``.
        """
        name = claims.get("email") or claims.get("preferred_username") or claims.get("sub")
        if not name:
            raise PermissionDenied("the identity provider sent no e-mail or subject")
        role = role_from_claims(claims, claim, role_map, default=None)
        return self.sso_user(str(name), role, default_role=default_role)

    # -- sessions ------------------------------------------------------------------------
    def create_session(self, user: UserRecord) -> str:
        """A new session token for ``user`` (give it to the browser; only its hash is stored)."""
        token = secrets.token_urlsafe(32)
        now = self._now()
        with self.db.session() as session, session.begin():
            session.add(UserSession(token_hash=_token_hash(token), user_id=user.id, created_at=now,
                                    expires_at=now + self.session_ttl, last_seen=now))
            session.execute(delete(UserSession).where(UserSession.expires_at < now))
        return token

    def resolve_session(self, token: str | None) -> UserRecord | None:
        """The user of a live session (touching ``last_seen``), or None when unknown, expired or idle."""
        if not token:
            return None
        now = self._now()
        with self.db.session() as session, session.begin():
            row = session.scalar(select(UserSession).where(UserSession.token_hash == _token_hash(token)))
            if row is None:
                return None
            idle = self.idle_timeout is not None and utc(row.last_seen) + self.idle_timeout <= now
            if utc(row.expires_at) <= now or idle:
                session.delete(row)
                return None
            user = session.get(User, row.user_id)
            if user is None or user.disabled:
                session.delete(row)
                return None
            row.last_seen = now
            return _record(user)

    def renew_session(self, token_hash: str) -> tuple[UserRecord, str] | None:
        """End the live session whose token hashes to ``token_hash`` and start a new one for its user.

        The sign-in cookie route uses it, so the token the browser keeps has never been anywhere else.
        """
        with self.db.session() as session, session.begin():
            row = session.scalar(select(UserSession).where(UserSession.token_hash == token_hash))
            if row is not None:
                session.delete(row)
        user = self.get_user_by_id(row.user_id) if row is not None and utc(row.expires_at) > self._now() else None
        if user is None or user.disabled:
            return None
        return user, self.create_session(user)

    def remember_device(self, name: str, client: Client) -> None:
        """Note that ``client``'s browser signed in as ``name`` (its own failures then count apart)."""
        with self.db.session() as session, session.begin():
            self.throttle.record(session, name, client, True, self._now())

    def end_session(self, token: str | None) -> None:
        if not token:
            return
        with self.db.session() as session, session.begin():
            session.execute(delete(UserSession).where(UserSession.token_hash == _token_hash(token)))


def _language_key(user_id: int) -> str:
    return f"ui_language.{user_id}"


def _verify(hasher: PasswordHasher, stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _record(user: User) -> UserRecord:
    return UserRecord(user.id, user.name, user.role, utc(user.created_at), bool(user.disabled),
                      user.password_hash is not None)
