"""The pytest plugin (gatedb.pytest_plugin, entry point pytest11): per-feature-set templates.

The inner test runs record, for each test, its database URL, its tables and the
applied_at stamps of its bookkeeping rows: a copied template carries the template's
stamps, so one distinct stamp set per feature set proves a single migration run each.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import MYSQL_ADMIN, PG_ADMIN, _require_server
from helpers import write_project

pytest_plugins = ("pytester",)

MANIFEST = """
[features]
default = ["tasks"]
tasks = []
projects = []
"""
MIGRATIONS = {
    "core/0001_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
    "tasks/0001_tasks.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users (id));\n",
    "projects/0001_projects.sql": "CREATE TABLE projects (id INTEGER PRIMARY KEY);\n",
    "tasks+projects/0001_task_projects.sql": "CREATE TABLE task_projects (task_id INTEGER REFERENCES tasks (id), project_id INTEGER REFERENCES projects (id));\n",
}
TESTS = '''
import json, os
import pytest
import sqlalchemy as sa


def record(url, label):
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        tables = sorted(t for t in sa.inspect(conn).get_table_names() if not t.startswith("gatedb_"))
        stamps = sorted(str(r[0]) for r in conn.execute(sa.text("SELECT applied_at FROM gatedb_migrations")))
        conn.execute(sa.text("INSERT INTO users (id) VALUES (1)"))  # a test's writes stay in its own copy
        conn.commit()
        users = conn.execute(sa.text("SELECT count(*) FROM users")).scalar()
    engine.dispose()
    with open(os.environ["RECORD"], "a") as out:
        out.write(json.dumps({"label": label, "url": url, "tables": tables, "stamps": stamps, "users": users}) + "\\n")


@pytest.mark.parametrize("i", range(int(os.environ["DEFAULTS"])))
def test_default(gatedb_database, i):
    record(gatedb_database, "default")


@pytest.mark.gatedb_features("projects")
@pytest.mark.parametrize("i", range(int(os.environ["PROJECTS"])))
def test_projects_and_default(gatedb_database, i):
    record(gatedb_database, "tasks,projects")


@pytest.mark.gatedb_features(all_features=True)
def test_all_is_the_same_set(gatedb_database):
    record(gatedb_database, "tasks,projects")


@pytest.mark.gatedb_features(no_default_features=True)
def test_core_only(gatedb_database):
    record(gatedb_database, "core")
'''


def run_inner(pytester: pytest.Pytester, tmp_path: Path, defaults: int, projects: int) -> tuple[pytest.RunResult, list[dict]]:
    """Run `defaults` tests on the default set, `projects` + 1 on tasks,projects, 1 on core."""
    write_project(pytester.path / "app", MANIFEST, MIGRATIONS)
    pytester.makepyfile(test_inner=TESTS)
    record = tmp_path / "record.jsonl"
    for name, value in (("RECORD", str(record)), ("DEFAULTS", str(defaults)), ("PROJECTS", str(projects))):
        pytester._monkeypatch.setenv(name, value)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--gatedb-project", "app")
    rows = [json.loads(line) for line in record.read_text().splitlines()] if record.exists() else []
    return result, rows


def assert_databases_of_their_own(rows: list[dict], count: int) -> None:
    assert len(rows) == count
    assert len({r["url"] for r in rows}) == count
    assert all(r["users"] == 1 for r in rows)  # none saw another test's rows
    expected = {"default": ["tasks", "users"], "tasks,projects": ["projects", "task_projects", "tasks", "users"], "core": ["users"]}
    for label, tables in expected.items():
        mine = [r for r in rows if r["label"] == label]
        assert {tuple(r["tables"]) for r in mine} == {tuple(tables)}


def assert_one_migration_per_set(rows: list[dict]) -> None:
    for label in ("default", "tasks,projects", "core"):
        stamps = {tuple(r["stamps"]) for r in rows if r["label"] == label}
        assert len(stamps) == 1, f"{label}: migrated more than once"


def test_sqlite_template_is_migrated_once_per_feature_set(pytester: pytest.Pytester, tmp_path: Path) -> None:
    result, rows = run_inner(pytester, tmp_path, 60, 38)  # 100 tests
    result.assert_outcomes(passed=100)
    result.stdout.fnmatch_lines(["gatedb: 3 feature set(s) *, 3 migration run(s) for 100 test database(s) on sqlite"])
    assert_databases_of_their_own(rows, 100)
    assert_one_migration_per_set(rows)
    assert not list(Path(rows[0]["url"].removeprefix("sqlite:///")).parent.glob("*.db"))  # copies and templates removed


def test_postgresql_template_database_from_the_environment(pytester: pytest.Pytester, tmp_path: Path) -> None:
    _require_server("postgresql")
    pytester._monkeypatch.setenv("GATEDB_TEST_DATABASE_URL", PG_ADMIN)
    result, rows = run_inner(pytester, tmp_path, 2, 1)
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines(["gatedb: 3 feature set(s) *, 3 migration run(s) for 5 test database(s) on postgresql"])
    assert_databases_of_their_own(rows, 5)
    assert_one_migration_per_set(rows)
    import sqlalchemy as sa

    engine = sa.create_engine(PG_ADMIN, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        left = conn.execute(sa.text("SELECT datname FROM pg_database WHERE datname LIKE 'gatedb_test_%' OR datname LIKE 'gatedb_template_%'")).all()
    engine.dispose()
    mine = [name for (name,) in left if any(name in r["url"] for r in rows)]
    assert mine == []  # every test database and template dropped


def test_mysql_has_no_templates_each_test_migrates_its_own(pytester: pytest.Pytester, tmp_path: Path) -> None:
    _require_server("mysql")
    result, rows = run_inner_on(pytester, tmp_path, MYSQL_ADMIN)
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["gatedb: 3 feature set(s) *, 4 migration run(s) for 4 test database(s) on mysql"])
    assert_databases_of_their_own(rows, 4)


def run_inner_on(pytester: pytest.Pytester, tmp_path: Path, server: str) -> tuple[pytest.RunResult, list[dict]]:
    pytester._monkeypatch.setenv("GATEDB_TEST_DATABASE_URL", server)
    return run_inner(pytester, tmp_path, 1, 1)


def test_an_unknown_feature_fails_the_test_with_gatedb_error(pytester: pytest.Pytester) -> None:
    write_project(pytester.path / "app", MANIFEST, MIGRATIONS)
    pytester.makepyfile(
        test_inner=textwrap.dedent(
            """
            import pytest

            @pytest.mark.gatedb_features("nope")
            def test_x(gatedb_database):
                pass
            """
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--gatedb-project", "app")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*gatedb: error: *nope*", "hint: *"])
    assert "Traceback" not in result.stdout.str()
