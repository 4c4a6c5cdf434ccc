"""School classes and who is in them: a teacher sees the flags of the students of their classes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tutor.accounts.errors import AccountError
from tutor.accounts.users import find_user
from tutor.appdb.models import ClassMember, SchoolClass, User
from tutor.appdb.repository import Repository


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


def _find_class(session: Session, name: str) -> SchoolClass:
    found = session.scalar(select(SchoolClass).where(SchoolClass.name == name.strip()))
    if found is None:
        raise AccountError(f"no class {name!r}", "unknown_class")
    return found


class Classes(Repository):
    """Classes and their members; every change audited."""

    def add(self, name: str, *, actor: str) -> ClassRecord:
        name = _class_name(name)
        with self.db.session() as session, session.begin():
            if session.scalar(select(SchoolClass).where(SchoolClass.name == name)) is not None:
                raise AccountError(f"class {name!r} exists already", "duplicate_class")
            session.add(SchoolClass(name=name, created_at=self.now()))
            self.audit(session, actor, "class.add", name)
        return ClassRecord(name, (), ())

    def remove(self, name: str, *, actor: str) -> None:
        with self.db.session() as session, session.begin():
            session.delete(_find_class(session, name))
            self.audit(session, actor, "class.remove", name.strip())

    def set_members(self, name: str, user_names: Iterable[str], *, join: bool, actor: str) -> ClassRecord:
        """Add (``join=True``) or remove students and teachers of a class; audited per user."""
        with self.db.session() as session, session.begin():
            school_class = _find_class(session, name)
            for user_name in user_names:
                user = find_user(session, user_name)
                member = session.get(ClassMember, (school_class.id, user.id))
                if join and member is None:
                    session.add(ClassMember(class_id=school_class.id, user_id=user.id))
                elif not join and member is not None:
                    session.delete(member)
                else:
                    continue
                self.audit(session, actor, "class.join" if join else "class.leave", school_class.name, user.name)
        return next(c for c in self.all() if c.name == school_class.name)

    def all(self) -> list[ClassRecord]:
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
