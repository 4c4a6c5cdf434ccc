"""Revision 0002 upgrades an existing 0001 database in place and matches the models exactly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from tutor.accounts import Accounts
from tutor.appdb import MIGRATIONS, AppDatabase
from tutor.appdb.models import Base

NEW_TABLES = {"app_user", "login_attempt", "user_session", "conversation", "message", "feedback", "event", "flag",
              "app_setting", "school_class", "class_member", "setup_code", "sign_in_ticket"}


def _head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return str(ScriptDirectory.from_config(config).get_current_head())


def _alembic(database: AppDatabase, target: str, *, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)


def test_upgrade_from_0001_keeps_existing_data(tmp_path: Path) -> None:
    database = AppDatabase(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    _alembic(database, "0001")  # a database created before accounts existed
    assert not NEW_TABLES & set(inspect(database.engine).get_table_names())
    database.set_profile_enabled("ee", False, actor="admin-anu")

    database.migrate()

    with database.engine.connect() as connection:
        assert connection.execute(text("select version_num from alembic_version")).scalar() == _head()
    assert NEW_TABLES <= set(inspect(database.engine).get_table_names())
    assert database.profile_states()["ee"].enabled is False
    assert [(e.actor, e.action, e.target) for e in database.audit_log()] == [("admin-anu", "profile.disable", "ee")]
    user = Accounts(database).users.add("root", "admin", "long enough password", actor="cli")
    assert Accounts(database).sign_in.authenticate("root", "long enough password") == user


def test_the_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    database = AppDatabase(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    database.migrate()
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_downgrade_to_0001_removes_only_the_new_tables(tmp_path: Path) -> None:
    database = AppDatabase(f"sqlite:///{tmp_path / 'down.sqlite3'}")
    database.migrate()
    database.audit("root", "user.add", "ana")
    _alembic(database, "0001", down=True)
    tables = set(inspect(database.engine).get_table_names())
    assert not NEW_TABLES & tables and {"profile_state", "audit_log", "conformance_run"} <= tables
    assert [e.action for e in database.audit_log()] == ["user.add"]
