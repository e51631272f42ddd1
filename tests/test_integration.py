"""The engine against real databases (SQLite, PostgreSQL, MariaDB), on examples/quickstart:
core, features `tasks` and `projects`, and the bridge `tasks+projects`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

import gatedb
from gatedb.errors import ChecksumMismatch, DatabaseError, Refused

from conftest import table_names
from helpers import copy_example, write_project

pytestmark = pytest.mark.integration

CORE = {"users"}
TASKS = {"tasks"}
PROJECTS = {"projects"}
BRIDGE = {"task_projects"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_example("quickstart", tmp_path / "quickstart")


def reflect(url: str) -> dict[str, object]:
    """Tables, columns and foreign keys, in a form two databases can be compared by."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        inspector = sa.inspect(engine)
        schema = {}
        for table in sorted(inspector.get_table_names()):
            if table.startswith("gatedb_"):
                continue
            columns = sorted((c["name"], str(c["type"]).split("(")[0], bool(c["nullable"])) for c in inspector.get_columns(table))
            fks = sorted((tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"])) for fk in inspector.get_foreign_keys(table))
            indexes = sorted(ix["name"] for ix in inspector.get_indexes(table) if ix.get("name"))
            schema[table] = {"columns": columns, "fks": fks, "indexes": indexes}
        return schema
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "features, expected",
    [
        ({"no_default_features": True}, CORE),
        ({}, CORE | TASKS),
        ({"no_default_features": True, "features": ["projects"]}, CORE | PROJECTS),
        ({"all_features": True}, CORE | TASKS | PROJECTS | BRIDGE),
    ],
    ids=["none", "default", "projects", "all"],
)
def test_feature_set_creates_exactly_its_tables(project: Path, db_url: str, features: dict, expected: set[str]) -> None:
    result = gatedb.migrate(project, database=db_url, **features)
    assert table_names(db_url) == expected
    assert result.applied, "something ran"
    assert gatedb.plan(project, database=db_url, **features).steps == ()


def test_enabling_a_feature_later_gives_the_fresh_schema(project: Path, dialect: str, new_db) -> None:
    later, fresh = new_db(dialect), new_db(dialect)
    gatedb.migrate(project, database=later)  # default: tasks
    result = gatedb.migrate(project, database=later, features=["projects"])
    assert [str(s.migration.id) for s in result.applied] == ["projects/0001", "tasks+projects/0001", "projects/0002"]
    gatedb.migrate(project, database=fresh, all_features=True)
    assert reflect(later) == reflect(fresh)


def test_dormant_units_are_left_alone_and_reported(project: Path, db_url: str) -> None:
    gatedb.migrate(project, database=db_url, all_features=True)
    plan = gatedb.plan(project, database=db_url, no_default_features=True)
    assert plan.steps == ()
    assert sorted(str(r.id) for r in plan.dormant) == ["projects/0001", "projects/0002", "tasks+projects/0001", "tasks/0001"]
    gatedb.migrate(project, database=db_url, no_default_features=True)
    assert table_names(db_url) == CORE | TASKS | PROJECTS | BRIDGE
    status = gatedb.status(project, database=db_url, no_default_features=True)
    states = {u.unit: u.state for u in status.units}
    assert states == {"core": "on", "tasks": "dormant", "projects": "dormant", "tasks+projects": "dormant"}
    assert status.unowned_tables == {
        "projects": "unit projects (off)",
        "task_projects": "unit tasks+projects (off)",
        "tasks": "unit tasks (off)",
    }


def test_prune_removes_the_feature_and_its_bridges(project: Path, db_url: str) -> None:
    gatedb.migrate(project, database=db_url, all_features=True)
    done = gatedb.prune(project, "projects", database=db_url)
    assert [str(s.migration.id) for s in done] == ["projects/0002", "tasks+projects/0001", "projects/0001"]
    assert table_names(db_url) == CORE | TASKS
    assert gatedb.plan(project, database=db_url).steps == ()
    again = gatedb.migrate(project, database=db_url, all_features=True)
    assert len(again.applied) == 3 and table_names(db_url) == CORE | TASKS | PROJECTS | BRIDGE


def test_prune_refuses_an_enabled_feature(project: Path, db_url: str) -> None:
    gatedb.migrate(project, database=db_url)
    with pytest.raises(Refused, match="feature tasks is enabled"):
        gatedb.prune(project, "tasks", database=db_url)
    assert table_names(db_url) == CORE | TASKS


def test_prune_refuses_without_down_migrations(project: Path, db_url: str) -> None:
    gatedb.migrate(project, database=db_url, all_features=True)
    (project / "migrations/projects/0001_projects/down.sql").unlink()
    with pytest.raises(Refused, match=r"no down migration in migrations/projects/0001_projects"):
        gatedb.prune(project, "projects", database=db_url)
    assert table_names(db_url) == CORE | TASKS | PROJECTS | BRIDGE


def test_tampered_checksum_is_refused(project: Path, db_url: str) -> None:
    gatedb.migrate(project, database=db_url)
    path = project / "migrations/tasks/0001_tasks/up.sql"
    path.write_text(path.read_text() + "\n-- edited\n")
    with pytest.raises(ChecksumMismatch, match=r"tasks/0001 \(migrations/tasks/0001_tasks\)"):
        gatedb.migrate(project, database=db_url, features=["projects"])
    assert table_names(db_url) == CORE | TASKS
    gatedb.migrate(project, database=db_url, features=["projects"], allow_changed=True)
    assert table_names(db_url) == CORE | TASKS | PROJECTS | BRIDGE


def test_line_endings_do_not_change_the_checksum(project: Path, db_url: str) -> None:
    gatedb.migrate(project, database=db_url)
    path = project / "migrations/tasks/0001_tasks/up.sql"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert gatedb.plan(project, database=db_url).changed == ()


def test_failing_migration_keeps_the_earlier_ones_and_nothing_of_itself(tmp_path: Path, db_url: str) -> None:
    project = write_project(
        tmp_path / "p",
        "[features]\n",
        {
            "core/0001_ok/up.sql": "CREATE TABLE one (id INTEGER PRIMARY KEY);",
            "core/0002_bad/up.sql": "CREATE TABLE two (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);",
            "core/0003_never/up.sql": "CREATE TABLE three (id INTEGER PRIMARY KEY);",
        },
    )
    with pytest.raises(DatabaseError) as err:
        gatedb.migrate(project, database=db_url)
    assert err.value.message.startswith("migration core/0002 failed (up, migrations/core/0002_bad): ")
    status = gatedb.status(project, database=db_url)
    core = status.units[0]
    if gatedb.plan(project, database=db_url).dialect == "mysql":
        # No transactional DDL: the table of the first statement stays; the run is marked unfinished.
        assert core.applied == ("core/0001", "core/0002")
        assert [str(r.id) for r in status.unfinished] == ["core/0002"]
        assert table_names(db_url) == {"one", "two"}
    else:
        assert core.applied == ("core/0001",)
        assert table_names(db_url) == {"one"}


def test_missing_file_of_an_applied_migration_is_reported(project: Path, db_url: str) -> None:
    gatedb.migrate(project, database=db_url)
    (project / "migrations/core/0002_user_email.sql").unlink()
    plan = gatedb.plan(project, database=db_url)
    assert [str(r.id) for r in plan.missing] == ["core/0002"]
    assert [str(r.id) for r in gatedb.status(project, database=db_url).missing] == ["core/0002"]


def test_dry_run_prints_sql_and_changes_nothing(project: Path, db_url: str) -> None:
    result = gatedb.migrate(project, database=db_url, all_features=True, dry_run=True)
    assert "CREATE TABLE task_projects" in result.sql
    assert "-- projects/0002 (up, migrations/projects/0002_project_archived.py)" in result.sql
    assert "ALTER TABLE projects ADD COLUMN archived" in result.sql
    assert table_names(db_url) == set()


def test_concurrent_runs_apply_every_migration_once(project: Path, db_url: str) -> None:
    """8 processes at once on one fresh database: all exit 0, each migration recorded once."""
    command = [sys.executable, "-m", "gatedb", "migrate", "-q", "--all-features", "-p", str(project), "-d", db_url]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(8)]
    outcomes = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    assert all(code == 0 for code, _ in outcomes), outcomes
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT unit, version, state FROM gatedb_migrations")).all()
    engine.dispose()
    assert sorted((r[0], r[1]) for r in rows) == sorted(
        [("core", "0001"), ("core", "0002"), ("tasks", "0001"), ("projects", "0001"), ("projects", "0002"), ("tasks+projects", "0001")]
    )
    assert {r[2] for r in rows} == {"applied"}
