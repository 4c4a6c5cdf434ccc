"""Users: names, roles, passwords (argon2id), enabling and removing; every change audited.

Passwords are hashed with argon2id (``argon2-cffi``). Every change made by an administrator (user
added, removed, role changed, disabled, password reset) writes an audit entry in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, get_args

from argon2 import PasswordHasher
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tutor.accounts.errors import AccountError, PermissionDenied
from tutor.accounts.preferences import language_key
from tutor.appdb.models import AppSetting, User, UserSession
from tutor.appdb.repository import Repository
from tutor.clock import Clock, utc, utcnow
from tutor.passwords import MIN_LENGTH, password_problem

if TYPE_CHECKING:
    from tutor.appdb import AppDatabase

Role = Literal["student", "teacher", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
TEACHING: tuple[str, ...] = ("teacher", "admin")  # staff: manage curriculum, see pupils' flags and reports
MIN_PASSWORD = MIN_LENGTH

_NAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,127}$")


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


def user_record(user: User) -> UserRecord:
    return UserRecord(user.id, user.name, user.role, utc(user.created_at), bool(user.disabled),
                      user.password_hash is not None)


def find_user(session: Session, name: str) -> User:
    """The user row named ``name`` (any case); AccountError ``unknown_user`` when there is none."""
    user = session.scalar(select(User).where(User.name == name.strip().lower()))
    if user is None:
        raise AccountError(f"no user {name!r}", "unknown_user")
    return user


def check_not_last_admin(session: Session, user: User) -> None:
    """Refuse (``last_admin``) to demote, disable or remove the only enabled administrator."""
    if user.role != "admin" or user.disabled:
        return
    admins = session.scalar(select(func.count()).select_from(User)
                            .where(User.role == "admin", User.disabled.is_(False)))
    if (admins or 0) <= 1:
        raise AccountError(f"{user.name!r} is the last administrator; add another admin first", "last_admin")


class Users(Repository):
    """Who has an account, with which role, and their password hash."""

    def __init__(self, database: AppDatabase, *, clock: Clock = utcnow, hasher: PasswordHasher | None = None) -> None:
        super().__init__(database, clock=clock)
        self.hasher = hasher or PasswordHasher()  # argon2id, RFC 9106 low-memory profile

    def add(self, name: str, role: str, password: str | None, *, actor: str) -> UserRecord:
        """Create a user. ``password`` None creates an SSO-only account (cannot sign in with a password)."""
        name, role = normalize_name(name), check_role(role)
        if password is not None:
            check_password(password, name)
        with self.db.session() as session, session.begin():
            if session.scalar(select(User).where(User.name == name)) is not None:
                raise AccountError(f"user {name!r} already exists", "duplicate")
            user = User(name=name, role=role, created_at=self.now(), disabled=False,
                        password_hash=self.hasher.hash(password) if password is not None else None)
            session.add(user)
            self.audit(session, actor, "user.add", name, f"role={role}")
            session.flush()
            return user_record(user)

    def get(self, name: str) -> UserRecord | None:
        with self.db.session() as session:
            user = session.scalar(select(User).where(User.name == name.strip().lower()))
            return user_record(user) if user else None

    def get_by_id(self, user_id: int) -> UserRecord | None:
        with self.db.session() as session:
            user = session.get(User, user_id)
            return user_record(user) if user else None

    def all(self, role: str | None = None) -> list[UserRecord]:
        """Every user (or every user with ``role``), by name."""
        with self.db.session() as session:
            query = select(User).order_by(User.name)
            if role is not None:
                query = query.where(User.role == check_role(role))
            return [user_record(u) for u in session.scalars(query)]

    def set_role(self, name: str, role: str, *, actor: str) -> UserRecord:
        role = check_role(role)
        with self.db.session() as session, session.begin():
            user = find_user(session, name)
            if user.role == role:
                return user_record(user)
            if role != "admin":
                check_not_last_admin(session, user)
            old, user.role = user.role, role
            self.audit(session, actor, "user.role", user.name, f"{old}->{role}")
            return user_record(user)

    def set_disabled(self, name: str, disabled: bool, *, actor: str) -> UserRecord:
        """Disable (ending every session of the user) or enable an account."""
        with self.db.session() as session, session.begin():
            user = find_user(session, name)
            if disabled:
                check_not_last_admin(session, user)
                session.execute(delete(UserSession).where(UserSession.user_id == user.id))
            user.disabled = disabled
            self.audit(session, actor, "user.disable" if disabled else "user.enable", user.name)
            return user_record(user)

    def set_password(self, name: str, password: str, *, actor: str) -> UserRecord:
        """A new password (e.g. a reset by an administrator): audited, the user's other sessions end,
        the account and its history stay."""
        with self.db.session() as session, session.begin():
            user = find_user(session, name)
            check_password(password, user.name)
            user.password_hash = self.hasher.hash(password)
            session.execute(delete(UserSession).where(UserSession.user_id == user.id))
            self.audit(session, actor, "user.password", user.name)
            return user_record(user)

    def remove(self, name: str, *, actor: str) -> None:
        """Delete a user with their sessions, conversations, flags and preferences (feedback stays, anonymous)."""
        with self.db.session() as session, session.begin():
            user = find_user(session, name)
            check_not_last_admin(session, user)
            session.delete(user)
            session.execute(delete(AppSetting).where(AppSetting.key == language_key(user.id)))
            self.audit(session, actor, "user.remove", user.name, f"role={user.role}")
