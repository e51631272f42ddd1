"""What each command loads: a no-op `migrate` costs the driver's import and nothing else
heavy; `check` and `--help` load no database library. Each run is a fresh interpreter, as
a user's command is, reporting the modules it ended with."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import gatedb.api
from gatedb.db import history, snapshot

from helpers import EXAMPLES, copy_example, write_project

HEAVY = ("sqlalchemy", "alembic", "rich", "sqlglot")
DRIVERS = {"sqlite": "sqlite3", "postgresql": "psycopg", "mysql": "pymysql"}

_REPORT = """
import json, sys
from gatedb.commands import main
try:
    main(sys.argv[1:], prog_name="gatedb")
except SystemExit as exc:
    code = exc.code
tops = sorted({name.split(".")[0] for name in sys.modules})
print(json.dumps({"code": code, "third_party": [m for m in tops if m not in sys.stdlib_module_names and m != "gatedb" and not m.startswith("_")],
                  "stdlib": tops, "gatedb": sorted(m for m in sys.modules if m.startswith("gatedb."))}), file=sys.stderr)
"""


def third_party_of(module: str) -> set[str]:
    """The packages `import module` loads by itself (a driver's own dependencies)."""
    code = f"import sys, {module}; print(' '.join(m for m in {{n.split('.')[0] for n in sys.modules}} if m not in sys.stdlib_module_names and not m.startswith('_')))"
    return set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())


def loaded(*args: str) -> dict:
    """Run `gatedb ARGS` in a fresh interpreter; its exit code and the modules it loaded."""
    done = subprocess.run([sys.executable, "-c", _REPORT, *args], capture_output=True, text=True, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_help_loads_no_database_library_nor_renderer() -> None:
    found = loaded("--help")
    assert found["code"] == 0
    assert found["third_party"] == ["click"]
    assert not set(found["stdlib"]) & {"sqlite3", "asyncio"}


@pytest.mark.parametrize("dialect", ["postgresql", "sqlite", "mysql"])
def test_check_loads_no_database_library(dialect: str, tmp_path: Path) -> None:
    """The botserver's migrations without its [schema] package (that one is SQLAlchemy code:
    comparing it with the migrations has to load SQLAlchemy)."""
    project = copy_example("botserver", tmp_path / "botserver")
    manifest = project / "gatedb.toml"
    manifest.write_text(manifest.read_text().split("[schema]")[0])
    found = loaded("check", "-p", str(project), "--dialect", dialect)
    assert found["code"] == 0
    assert not set(found["third_party"]) & {"sqlalchemy", "alembic", "psycopg", "pymysql", "rich"}
    assert "sqlite3" not in found["stdlib"]
    assert not any(m.startswith(("gatedb.db.history", "gatedb.db.runner", "gatedb.db.driver")) for m in found["gatedb"])


def test_check_of_a_schema_package_loads_no_driver() -> None:
    found = loaded("check", "-p", str(EXAMPLES / "botserver"), "--dialect", "postgresql")
    assert found["code"] == 0
    assert not set(found["third_party"]) & {"alembic", "psycopg", "pymysql", "rich"}


def test_noop_migrate_loads_the_driver_alone(db_url: str, dialect: str, tmp_path: Path) -> None:
    project = write_project(
        tmp_path / "p",
        "[features]\ndefault = []\ntasks = []\n",
        {"core/0001_init/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);",
         "tasks/0001_tasks/up.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY);"},
    )
    args = ("migrate", "-q", "-p", str(project), "-d", db_url, "--features", "tasks")
    first = loaded(*args)
    assert first["code"] == 0 and "sqlalchemy" in first["third_party"]  # a real run: SQLAlchemy's engine
    again = loaded(*args)
    assert again["code"] == 0
    driver = DRIVERS[dialect]
    assert driver in again["third_party"] + again["stdlib"]
    assert set(again["third_party"]) <= {"click"} | third_party_of(driver), again["third_party"]
    assert not any(m.startswith(("gatedb.db.history", "gatedb.db.runner", "gatedb.analysis")) for m in again["gatedb"])
    # another feature set must record itself: that run takes the lock, with SQLAlchemy
    other = loaded("migrate", "-q", "-p", str(project), "-d", db_url)
    assert other["code"] == 0 and "sqlalchemy" in other["third_party"]
    assert gatedb.api.read_last_features(db_url) == []


def test_snapshot_reads_the_tables_history_writes() -> None:
    assert {snapshot.MIGRATIONS_TABLE, snapshot.META_TABLE} == set(history.TABLES) - {history.runs_table.name}  # runs: not read by a no-op
    assert snapshot.SCHEMA_VERSION == history.SCHEMA_VERSION
    columns = [c.name for c in history.migrations_table.columns]
    assert set(snapshot._COLUMNS.split(", ")) == set(columns)
