"""The administrator's dashboards: counts of the anonymous events, per day, category, rule and locale."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from tutor.appdb.models import Event
from tutor.appdb.repository import Repository
from tutor.history.events import EVENT_KINDS


@dataclass(frozen=True)
class Dashboard:
    """Counts from recorded events, as lists of row dicts (ready for ``st.bar_chart``/pandas)."""

    since: date
    questions_per_day: list[dict[str, Any]] = field(default_factory=list)  # day, locale, count
    refusals_by_category: list[dict[str, Any]] = field(default_factory=list)  # category, locale, count
    withheld_by_rule: list[dict[str, Any]] = field(default_factory=list)  # rule, locale, count
    additions_shown: list[dict[str, Any]] = field(default_factory=list)  # rule, locale, count
    safety_by_category: list[dict[str, Any]] = field(default_factory=list)  # category, locale, count
    feedback_by_kind: list[dict[str, Any]] = field(default_factory=list)  # kind, reason, locale, count
    per_locale: list[dict[str, Any]] = field(default_factory=list)  # locale + one count per event kind


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


class Dashboards(Repository):
    """Reads only events, which carry no user and no text."""

    def counts(self, days: int = 30, locale: str | None = None) -> Dashboard:
        """Counts of the last ``days`` days (today included), optionally for one locale."""
        since = self.now().date() - timedelta(days=days - 1)
        with self.db.session() as session:

            def grouped(kind: str, *columns: Any) -> list[Any]:
                query = (select(*columns, Event.locale, func.count()).where(Event.kind == kind, Event.day >= since)
                         .group_by(*columns, Event.locale).order_by(*columns, Event.locale))
                if locale is not None:
                    query = query.where(Event.locale == locale)
                return list(session.execute(query))

            def rows(kind: str, name: str, column: Any) -> list[dict[str, Any]]:
                return [{name: value, "locale": loc, "count": n} for value, loc, n in grouped(kind, column)]

            per_locale: dict[str, dict[str, Any]] = {}
            query = (select(Event.locale, Event.kind, func.count()).where(Event.day >= since)
                     .group_by(Event.locale, Event.kind))
            if locale is not None:
                query = query.where(Event.locale == locale)
            for loc, kind, n in session.execute(query):
                per_locale.setdefault(loc, {"locale": loc, **dict.fromkeys(EVENT_KINDS, 0)})[kind] = n
            return Dashboard(
                since=since,
                questions_per_day=[{"day": _day(d), "locale": loc, "count": n}
                                   for d, loc, n in grouped("question", Event.day)],
                refusals_by_category=rows("refusal", "category", Event.category),
                withheld_by_rule=rows("withheld", "rule", Event.rule),
                additions_shown=rows("added", "rule", Event.rule),
                safety_by_category=rows("safety", "category", Event.category),
                feedback_by_kind=[{"kind": k, "reason": r or None, "locale": loc, "count": n}
                                  for k, r, loc, n in grouped("feedback", Event.category, Event.rule)],
                per_locale=[per_locale[k] for k in sorted(per_locale)],
            )
