"""MariaDB/MySQL after a crash: a migration left `running` is resumed where the live catalog
proves its statements stopped; repair is asked for only where the catalog cannot tell. A
failing Python migration names what it left behind. The lock holder is named by gatedb's
own row. (The seeded kill -9 trials are in test_faults.py.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gatedb.analysis.sql import ObjectRef, scan_sql
from gatedb.commands import main
from gatedb.db.recovery import decide

from conftest import table_names
from helpers import write_project

# --- the decision, pure -----------------------------------------------------------------

SQL = "CREATE TABLE a (id INT PRIMARY KEY);\nCREATE INDEX a_ix ON a (id);\nINSERT INTO a VALUES (1);\nALTER TABLE a MODIFY id BIGINT;\nDROP TABLE old;\nSELECT 1;\n"


def verdict(done: int, present: set[str]):  # type: ignore[no-untyped-def]
    facts = scan_sql(SQL, "mysql").statements
    texts = [f.text for f in facts]

    def probe(obj: ObjectRef) -> bool | None:
        return obj.name in present if obj.kind in ("table", "index") else None

    return decide(facts, texts, done, probe)


@pytest.mark.parametrize(
    "done, present, committed, why",
    [
        (0, set(), 0, "statement 1 of 6 (CREATE TABLE, line 1) had not run"),
        (0, {"a", "old"}, 1, "the catalog shows statement 1 of 6 (CREATE TABLE, line 1) committed"),
        (1, {"a", "old"}, 1, "statement 2 of 6 (CREATE INDEX, line 2) had not run"),
        (1, {"a", "a_ix", "old"}, 2, "statement 2 of 6 (CREATE INDEX, line 2) committed"),
        (2, {"a", "a_ix", "old"}, 2, "changes data, which commits with its count"),
        (3, {"a", "a_ix", "old"}, None, "the catalog cannot tell whether statement 4 of 6"),
        (4, {"a", "a_ix"}, 5, "statement 5 of 6 (DROP TABLE, line 5) committed"),
        (4, {"a", "a_ix", "old"}, 4, "statement 5 of 6 (DROP TABLE, line 5) had not run"),
        (5, {"a", "a_ix"}, 5, "only reads: running it again changes nothing"),
        (6, {"a", "a_ix"}, 6, "all 6 statement(s) had committed"),
    ],
)
def test_decide_from_the_count_and_the_catalog(done: int, present: set[str], committed: int | None, why: str) -> None:
    found = verdict(done, present)
    assert found.committed == committed and why in found.reason, found


def test_a_python_migration_is_resumed_only_when_nothing_of_it_ran() -> None:
    facts = scan_sql("CREATE TABLE p (id INT);\nINSERT INTO p VALUES (1);", "mysql").statements
    texts = [f.text for f in facts]
    assert decide(facts, texts, 0, lambda o: False, python=True).committed == 0
    assert decide(facts, texts, 0, lambda o: True, python=True).committed is None
    assert decide(facts, texts, 1, lambda o: True, python=True).committed is None


# --- on MariaDB ---------------------------------------------------------------------------

pytestmark_mysql = pytest.mark.integration
STATEMENTS = [
    "CREATE TABLE r_a (id INTEGER PRIMARY KEY, v VARCHAR(20))",
    "CREATE TABLE r_b (id INTEGER PRIMARY KEY)",
    "INSERT INTO r_a (id, v) VALUES (1, 'x')",
    "ALTER TABLE r_a ADD COLUMN w INTEGER",
]
FILES = {
    "core/0001_base/up.sql": "CREATE TABLE r_base (id INTEGER PRIMARY KEY);",
    "core/0002_four/up.sql": ";\n".join(STATEMENTS) + ";\n",
    "core/0003_last/up.sql": "CREATE TABLE r_last (id INTEGER PRIMARY KEY);",
}


def gatedb(project: Path, url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [args[0], "-p", str(project), "-d", url, *args[1:]])
    return result.exit_code, result.stdout, result.stderr


def execute(url: str, *statements: str) -> None:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(sa.text(statement))
    finally:
        engine.dispose()


def rows(url: str, sql: str) -> list[tuple]:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text(sql))]
    finally:
        engine.dispose()


def crashed_at(tmp_path: Path, new_db: Callable[[str], str], committed: int, recorded: int) -> tuple[Path, str]:
    """A database as a kill -9 leaves it: core/0002's first `committed` statements ran, the
    row says `recorded` (committed, or one too low), state running, core/0003 not run."""
    project = write_project(tmp_path / "p", "[features]\n", FILES)
    url = new_db("mysql")
    code, _, err = gatedb(project, url, "migrate")
    assert code == 0, err
    undo = ["ALTER TABLE r_a DROP COLUMN w", "DELETE FROM r_a", "DROP TABLE r_b", "DROP TABLE r_a"]
    execute(url, *undo[: len(STATEMENTS) - committed], "DROP TABLE r_last",
            "DELETE FROM gatedb_migrations WHERE version = '0003'",
            f"UPDATE gatedb_migrations SET state = 'running', statements_done = {recorded} WHERE version = '0002'")
    return project, url


@pytest.mark.integration
@pytest.mark.parametrize("committed, recorded", [(0, 0), (1, 0), (2, 1), (2, 2), (4, 3), (4, 4)])
def test_a_running_migration_resumes_where_the_catalog_says(tmp_path: Path, new_db: Callable[[str], str], committed: int, recorded: int) -> None:
    project, url = crashed_at(tmp_path, new_db, committed, recorded)
    code, out, err = gatedb(project, url, "migrate")
    assert code == 0, err
    assert "error" not in err
    assert "note: core/0002 (migrations/core/0002_four)" in err, err
    if committed == len(STATEMENTS):
        assert "was complete" in err and "recorded it as applied" in err
    elif committed:
        assert f"resumed after statement {committed}" in err, err
    else:
        assert "ran again from its start" in err, err
    assert rows(url, "SELECT unit, version, state FROM gatedb_migrations ORDER BY version") == [
        ("core", "0001", "applied"), ("core", "0002", "applied"), ("core", "0003", "applied")]
    assert rows(url, "SELECT id, v, w FROM r_a") == [(1, "x", None)]  # the INSERT ran once
    assert {"r_a", "r_b", "r_last"} <= table_names(url)


@pytest.mark.integration
def test_repair_is_asked_only_where_the_catalog_cannot_tell(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {
        "core/0001_t/up.sql": "CREATE TABLE r_t (id INTEGER PRIMARY KEY, v VARCHAR(10));\nALTER TABLE r_t MODIFY v VARCHAR(40);\n"})
    url = new_db("mysql")
    assert gatedb(project, url, "migrate")[0] == 0
    execute(url, "UPDATE gatedb_migrations SET state = 'running', statements_done = 1")  # did the MODIFY commit?
    code, _, err = gatedb(project, url, "migrate")
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("error: migration core/0001 (migrations/core/0001_t) was left running"), err
    assert "the catalog cannot tell whether statement 2 of 2 (ALTER TABLE, line 2) committed" in lines[0]
    assert lines[1].startswith("hint: ") and "gatedb repair core/0001" in lines[1]


FAILING_PYTHON = '''\
import sqlalchemy as sa


def upgrade(op):
    op.create_table("r_py", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO r_py (id) VALUES (1)")
    op.execute("INSERT INTO r_nowhere (id) VALUES (1)")
'''


@pytest.mark.integration
def test_a_failing_python_migration_names_what_it_left_and_is_not_called_interrupted(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_py.py": FAILING_PYTHON})
    url = new_db("mysql")
    code, _, err = gatedb(project, url, "migrate")
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert lines[0].startswith("error: migration core/0001 failed (up, migrations/core/0001_py.py): ")
    assert "2 of its statement(s) had committed and stay in the database: CREATE TABLE r_py" in lines[0]
    assert "INSERT INTO r_py (id) VALUES (1)" in lines[0]
    assert "gatedb repair core/0001 --forget" in lines[1]
    assert rows(url, "SELECT state, statements_done FROM gatedb_migrations") == [("failed", 2)]
    code, _, err = gatedb(project, url, "migrate")
    assert code != 0
    assert "failed in an earlier run after 2 of its statement(s) had committed" in err
    assert "interrupted" not in err


SLEEPER = '''\
import time


def upgrade(op):
    op.execute("CREATE TABLE r_sleep (id INTEGER)")
    time.sleep(30)
'''


@pytest.mark.integration
def test_the_lock_holder_is_named_by_gatedbs_own_row(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_sleep.py": SLEEPER})
    url = new_db("mysql")
    proc = subprocess.Popen([sys.executable, "-m", "gatedb", "migrate", "-q", "-p", str(project), "-d", url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while "r_sleep" not in table_names(url):
            assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
            time.sleep(0.2)
        code, _, err = gatedb(project, url, "migrate", "--lock-timeout", "1")
        assert code != 0
        assert f"(held by gatedb pid {proc.pid} on " in err and ", migrate since " in err, err
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
