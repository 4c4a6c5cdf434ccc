"""What an account request can fail with; each ``code`` is stable, for localized messages in the app."""

from __future__ import annotations

from datetime import timedelta


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
