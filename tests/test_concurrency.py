"""Many `gatedb migrate` processes at once on one database, and the run lock.

* 16 processes start together on one fresh database (SQLite, PostgreSQL, MariaDB): all
  exit 0, every migration is applied and recorded exactly once, and exactly one of them
  did the work.
* Processes asking for different feature sets at once: each migration still runs once.
* A run that gives up on the lock (`--lock-timeout 1`) says who holds it: the holder's
  pid and host (SQLite lock file; PostgreSQL application_name), the server pid, or the
  MariaDB connection id and client address.
"""

from __future__ import annotations

import fcntl
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gatedb.commands import main

from conftest import MYSQL_ADMIN, PG_ADMIN, table_names
from helpers import copy_example, write_project

pytestmark = pytest.mark.integration

ALL_DIALECTS = ["sqlite", "postgresql", "mysql"]


QUICKSTART = {"core/0001", "core/0002", "tasks/0001", "projects/0001", "projects/0002", "tasks+projects/0001"}
QUICKSTART_TABLES = {"users", "tasks", "projects", "task_projects"}


def gatedb_process(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "gatedb", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def bookkeeping(url: str) -> tuple[list[tuple[str, str]], set[str], list[str]]:
    """(every (unit, version) row, the states seen, every gatedb_meta key)."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT unit, version, state FROM gatedb_migrations")).all()
            keys = [r[0] for r in conn.execute(sa.select(sa.table("gatedb_meta", sa.column("key")).c.key)).all()]
    finally:
        engine.dispose()
    return sorted((r[0], r[1]) for r in rows), {r[2] for r in rows}, sorted(keys)


def applied_count(stdout: str) -> int:
    """From a run's summary line (a `note:` about dormant units may follow it)."""
    for line in stdout.strip().splitlines():
        if line == "nothing to do: the database is up to date":
            return 0
        match = re.fullmatch(r"applied (\d+) migration\(s\)", line)
        if match:
            return int(match.group(1))
    raise AssertionError(f"no summary line in {stdout!r}")


@pytest.mark.parametrize("dialect", ALL_DIALECTS)
def test_sixteen_concurrent_runs_apply_every_migration_once(tmp_path: Path, dialect: str, new_db: Callable[[str], str]) -> None:
    db_url = new_db(dialect)
    project = copy_example("quickstart", tmp_path / "q")
    runs = [gatedb_process("migrate", "--all-features", "-p", str(project), "-d", db_url, cwd=tmp_path) for _ in range(16)]
    outcomes = [(run.wait(timeout=240), *run.communicate()) for run in runs]
    assert [code for code, _, _ in outcomes] == [0] * 16, [err for _, _, err in outcomes if err]
    assert all(err == "" for _, _, err in outcomes), [err for _, _, err in outcomes]
    # One run did the work under the lock; each of the others found nothing left to do.
    counts = sorted(applied_count(out) for _, out, _ in outcomes)
    assert counts == [0] * 15 + [6], counts
    rows, states, keys = bookkeeping(db_url)
    assert sorted(f"{u}/{v}" for u, v in rows) == sorted(QUICKSTART)
    assert states == {"applied"}
    assert keys == ["last_features", "schema_version"]  # the bookkeeping tables were set up once
    assert table_names(db_url) == QUICKSTART_TABLES


@pytest.mark.parametrize("dialect", ALL_DIALECTS)
def test_concurrent_runs_with_different_feature_sets(tmp_path: Path, dialect: str, new_db: Callable[[str], str]) -> None:
    """Runs asking for different features interleave under the lock; the union is applied once."""
    db_url = new_db(dialect)
    project = copy_example("quickstart", tmp_path / "q")
    selections = [["--no-default-features"], [], ["--features", "projects"], ["--all-features"]] * 2
    runs = [gatedb_process("migrate", *sel, "-p", str(project), "-d", db_url, cwd=tmp_path) for sel in selections]
    outcomes = [(run.wait(timeout=240), *run.communicate()) for run in runs]
    assert [code for code, _, _ in outcomes] == [0] * len(runs), [err for _, _, err in outcomes]
    assert sum(applied_count(out) for _, out, _ in outcomes) == 6
    rows, states, _ = bookkeeping(db_url)
    assert sorted(f"{u}/{v}" for u, v in rows) == sorted(QUICKSTART) and states == {"applied"}
    assert table_names(db_url) == QUICKSTART_TABLES


# --- who holds the lock -------------------------------------------------------------------

SLEEP = {
    "postgresql": "SELECT pg_sleep(4);",
    "mysql": "SELECT SLEEP(4);",
}


def slow_project(root: Path, dialect: str) -> Path:
    files = {"core/0001_a/up.sql": "CREATE TABLE t_a (id INTEGER PRIMARY KEY);"}
    if dialect == "sqlite":  # SQLite has no sleep: a Python migration holds the run
        files["core/0002_slow.py"] = "import time\n\n\ndef upgrade(op):\n    time.sleep(4)\n"
    else:
        files["core/0002_slow/up.sql"] = SLEEP[dialect]
    files["core/0003_b/up.sql"] = "CREATE TABLE t_b (id INTEGER PRIMARY KEY);"
    return write_project(root, "[features]\n", files)


def wait_until(found: Callable[[], object], timeout: float = 60.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("the holder never got to its slow migration")


def admin_scalar(dialect: str, sql: str, **params: object) -> object:
    engine = sa.create_engine(PG_ADMIN if dialect == "postgresql" else MYSQL_ADMIN, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql), params).scalar()
    finally:
        engine.dispose()


def holder_session(dialect: str, url: str) -> Callable[[], object]:
    name = sa.make_url(url).database
    if dialect == "postgresql":
        return lambda: admin_scalar(
            dialect, "SELECT pid FROM pg_stat_activity WHERE datname = :d AND query LIKE '%pg_sleep%' AND state = 'active'", d=name
        )
    if dialect == "mysql":
        return lambda: admin_scalar(dialect, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = :d AND INFO LIKE 'SELECT SLEEP%'", d=name)
    return lambda: None


def run_waiter(project: Path, url: str) -> tuple[int, str, str, float]:
    started = time.monotonic()
    result = CliRunner().invoke(main, ["migrate", "--lock-timeout", "1", "-p", str(project), "-d", url])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr, time.monotonic() - started


def assert_lock_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr and len(lines) == 2, stderr
    assert lines[1] == "hint: wait for it to finish, or raise --lock-timeout", stderr
    match = re.fullmatch(r"error: another gatedb run holds the migration lock \(held by (?P<who>.+)\); gave up after 1 s", lines[0])
    assert match, stderr
    return match.group("who")


def test_lock_timeout_names_the_holding_gatedb_run(tmp_path: Path, db_url: str) -> None:
    dialect = sa.make_url(db_url).get_backend_name()
    project = slow_project(tmp_path / "p", dialect)
    host = socket.gethostname()
    holder = gatedb_process("migrate", "-p", str(project), "-d", db_url, cwd=tmp_path)
    try:
        if dialect == "sqlite":
            lock = Path(sa.make_url(db_url).database + ".gatedb-lock")
            wait_until(lambda: lock.exists() and lock.read_text().strip())
            session = None
        else:
            session = wait_until(holder_session(dialect, db_url))
        code, out, err, elapsed = run_waiter(project, db_url)
    finally:
        holder_code = holder.wait(timeout=60)
    assert holder_code == 0, holder.communicate()[1]
    assert code == 2 and out == "", (code, out, err)
    assert elapsed >= 1.0, "gave up before its --lock-timeout"
    who = assert_lock_error(err)
    if dialect == "sqlite":
        assert re.fullmatch(rf"pid {holder.pid} on {re.escape(host)} \(user .+\)", who), who
    elif dialect == "postgresql":
        assert who == f"server pid {session}, gatedb pid={holder.pid} host={host}"
    else:  # gatedb's own row in gatedb_runs names the process, as on the other two
        pattern = rf"gatedb pid {holder.pid} on {re.escape(host)} \(user .+\), migrate since \S+, connection {session} from (127\.0\.0\.1|localhost):\d+"
        assert re.fullmatch(pattern, who), who
    # The waiter changed nothing; the holder finished the run.
    rows, states, _ = bookkeeping(db_url)
    assert sorted(f"{u}/{v}" for u, v in rows) == ["core/0001", "core/0002", "core/0003"] and states == {"applied"}
    assert table_names(db_url) == {"t_a", "t_b"}


def test_lock_timeout_on_sqlite_with_the_lock_file_held_by_hand(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_a/up.sql": "CREATE TABLE t_a (id INTEGER PRIMARY KEY);"})
    db = tmp_path / "app.db"
    with open(f"{db}.gatedb-lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write("pid 4242 on elsewhere")
        handle.flush()
        code, out, err, elapsed = run_waiter(project, f"sqlite:///{db}")
    assert code == 2 and elapsed >= 1.0
    assert assert_lock_error(err) == "pid 4242 on elsewhere"
    assert not db.exists() or table_names(f"sqlite:///{db}") == set()
    # Released: the next run goes through.
    result = CliRunner().invoke(main, ["migrate", "-q", "--lock-timeout", "1", "-p", str(project), "-d", f"sqlite:///{db}"])
    assert result.exit_code == 0, result.stderr
    assert table_names(f"sqlite:///{db}") == {"t_a"}


def test_lock_timeout_on_sqlite_with_an_empty_lock_file(tmp_path: Path) -> None:
    """A holder that wrote nothing (yet): the error still says what happened, without `held by`."""
    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_a/up.sql": "CREATE TABLE t_a (id INTEGER PRIMARY KEY);"})
    db = tmp_path / "app.db"
    with open(f"{db}.gatedb-lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        code, _out, err, _elapsed = run_waiter(project, f"sqlite:///{db}")
    assert code == 2
    assert err.splitlines()[0] == "error: another gatedb run holds the migration lock; gave up after 1 s", err
