"""A user's own preferences (the interface language), kept across reloads and devices; not audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.appdb.models import AppSetting
from tutor.appdb.repository import Repository

if TYPE_CHECKING:
    from tutor.accounts.users import UserRecord


def language_key(user_id: int) -> str:
    """The settings row that holds ``user_id``'s interface language."""
    return f"ui_language.{user_id}"


class Preferences(Repository):
    """What each user chose for themselves."""

    def language(self, user_id: int) -> str | None:
        """The interface language this user chose last (kept across reloads and devices), if any."""
        with self.db.session() as session:
            row = session.get(AppSetting, language_key(user_id))
            return row.value if row else None

    def set_language(self, user: UserRecord, language: str) -> None:
        """Remember ``user``'s interface language (a preference of their own: not audited)."""
        with self.db.session() as session, session.begin():
            row = session.get(AppSetting, language_key(user.id))
            if row is None:
                session.add(AppSetting(key=language_key(user.id), value=language, changed_at=self.now(),
                                       changed_by=user.name))
            elif row.value != language:
                row.value, row.changed_at = language, self.now()
