"""Single sign-on: accounts of identity-provider users, created on first sign-in, roles from token claims."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from tutor.accounts.errors import PermissionDenied
from tutor.accounts.users import (
    ROLES,
    UserRecord,
    check_not_last_admin,
    check_role,
    normalize_name,
    user_record,
)
from tutor.appdb.models import User
from tutor.appdb.repository import Repository

ACTOR = "sso"  # the audit log's actor for changes made by a sign-in through the identity provider


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


class SingleSignOn(Repository):
    """The accounts behind identity-provider sign-ins (``st.user``)."""

    def user(self, name: str, role: str | None, *, default_role: str | None = "student") -> UserRecord:
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
                user = User(name=name, role=check_role(role), created_at=self.now(), disabled=False,
                            password_hash=None)
                session.add(user)
                self.audit(session, ACTOR, "user.add", name, f"role={role}")
                session.flush()
            elif role is not None and user.role != role:
                if role != "admin":
                    check_not_last_admin(session, user)
                self.audit(session, ACTOR, "user.role", name, f"{user.role}->{role}")
                user.role = role
            return user_record(user)

    def sign_in(self, claims: Mapping[str, Any], *, claim: str, role_map: Mapping[str, str],
                default_role: str | None = "student") -> UserRecord:
        """The account for the identity token claims of ``st.user`` (name from ``email``, else ``sub``).

        With Settings: ``claim=settings.sso_role_claim, role_map=settings.sso_role_map,
        default_role=settings.sso_default_role or None``.
        """
        name = claims.get("email") or claims.get("preferred_username") or claims.get("sub")
        if not name:
            raise PermissionDenied("the identity provider sent no e-mail or subject")
        role = role_from_claims(claims, claim, role_map, default=None)
        return self.user(str(name), role, default_role=default_role)
