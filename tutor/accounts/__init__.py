"""Accounts over the app database, in parts that each own one thing:

- :class:`~tutor.accounts.users.Users`: names, roles, passwords, enabling and removing (audited);
- :class:`~tutor.accounts.classes.Classes`: school classes and their members (audited);
- :class:`~tutor.accounts.signin.SignIn`: password sign-in with lock-out per account and client;
- :class:`~tutor.accounts.sessions.Sessions`: sign-in sessions (only a token's hash is stored);
- :class:`~tutor.accounts.sso.SingleSignOn`: identity-provider users and roles from their claims;
- :class:`~tutor.accounts.preferences.Preferences`: a user's own interface language.

:class:`Accounts` builds them over one database (one engine and session factory), one clock and
one password hasher; callers use the part they need (``accounts.users.add(...)``,
``accounts.sessions.resolve(token)``). The clock is injectable (``clock=``) so that expiry and
lock-out are tested without sleeping.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher

from tutor.accounts.classes import Classes, ClassRecord
from tutor.accounts.errors import AccountError, AccountLocked, AuthError, InvalidCredentials, PermissionDenied
from tutor.accounts.preferences import Preferences
from tutor.accounts.sessions import Sessions
from tutor.accounts.signin import SignIn
from tutor.accounts.sso import SingleSignOn, role_from_claims
from tutor.accounts.users import (
    MIN_PASSWORD,
    ROLES,
    TEACHING,
    Role,
    UserRecord,
    Users,
    check_password,
    check_role,
    normalize_name,
    require_role,
)
from tutor.clock import Clock, utcnow

if TYPE_CHECKING:
    from tutor.appdb import AppDatabase
    from tutor.config import Settings

__all__ = [
    "MIN_PASSWORD", "ROLES", "AccountError", "AccountLocked", "Accounts", "AuthError", "ClassRecord", "Classes",
    "InvalidCredentials", "PermissionDenied", "Preferences", "Role", "Sessions", "SignIn", "SingleSignOn",
    "TEACHING", "UserRecord", "Users", "check_password", "check_role", "normalize_name", "require_role", "role_from_claims",
]


class Accounts:
    """The account parts of one app, sharing its database, clock and hasher; safe to share between
    Streamlit sessions."""

    def __init__(self, database: AppDatabase, *, clock: Clock = utcnow, max_failures: int = 5,
                 lock_window: timedelta = timedelta(minutes=15), session_ttl: timedelta = timedelta(hours=12),
                 idle_timeout: timedelta | None = timedelta(hours=2), hasher: PasswordHasher | None = None) -> None:
        """``max_failures`` failed sign-ins of one client make it wait a minute, doubling up to ``lock_window``."""
        self.db = database
        self.clock = clock
        hasher = hasher or PasswordHasher()  # argon2id, RFC 9106 low-memory profile
        self.users = Users(database, clock=clock, hasher=hasher)
        self.classes = Classes(database, clock=clock)
        self.sign_in = SignIn(database, hasher, clock=clock, max_failures=max_failures, lock_window=lock_window)
        self.sessions = Sessions(database, clock=clock, ttl=session_ttl, idle_timeout=idle_timeout)
        self.sso = SingleSignOn(database, clock=clock)
        self.preferences = Preferences(database, clock=clock)

    @classmethod
    def from_settings(cls, database: AppDatabase, settings: Settings, **kwargs: Any) -> Accounts:
        return cls(database, max_failures=settings.login_max_failures,
                   lock_window=timedelta(minutes=settings.login_lock_minutes),
                   session_ttl=timedelta(hours=settings.session_hours),
                   idle_timeout=timedelta(minutes=settings.session_idle_minutes) if settings.session_idle_minutes
                   else None, **kwargs)
