"""Crashes and lost connections in the middle of `gatedb migrate`, on real databases.

* kill -9 of a `gatedb migrate` process at seeded random moments (30 trials on SQLite and
  PostgreSQL, 16 on MariaDB), then a rerun. PostgreSQL and SQLite end complete and
  consistent every time (each migration and its bookkeeping row commit together). On
  MariaDB (no transactional DDL) the rerun resumes a migration left `running` where the
  live catalog proves its statements stopped; only where it cannot tell (the Python
  migration half-way) it stops with the repair error naming the migration and how many
  of its statements ran; the test then repairs it the way an operator would (undo by hand
  + `--forget`, or `--applied`) and a further rerun completes. Never silently inconsistent.
* A migration that kills its own process at a known point (deterministic crashes).
* The server side cutting the connection: `pg_terminate_backend` of the migrating backend,
  MariaDB `KILL <id>`. A clear `error:` line, non-zero exit, nothing recorded as applied
  that is not, and a rerun finishes. (A PostgreSQL server restart is not tested: other
  sessions share the server.)
"""

from __future__ import annotations

import io
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
import sqlalchemy as sa

from gatedb.commands import main

from conftest import table_names
from helpers import write_project

pytestmark = pytest.mark.integration

TRIALS = 30
MYSQL_TRIALS = 16  # MariaDB DDL is slow: 16 seeded trials keep the test near a minute
MANIFEST = "[features]\nalpha = []\nbeta = []\n"
SELF_KILL = "GATEDB_TEST_SELF_KILL"  # set only in a child's environment, never in pytest's


# --- the project: 19 small migrations over core, alpha, beta and the bridge alpha+beta ----


@dataclass(frozen=True)
class Owned:
    tables: tuple[str, ...]
    statements: int  # statements of the migration as gatedb sends them one by one on MySQL
    inserts: int = 0  # rows the migration inserts into its first table, after its CREATEs


def fault_project(root: Path) -> tuple[Path, dict[str, Owned]]:
    """Write the project; return it with what each migration creates. Few DDL statements
    (DDL is what is slow on MariaDB), several multi-statement migrations, one Python one."""
    files: dict[str, str] = {}
    owned: dict[str, Owned] = {}

    def sql(mid: str, path: str, tables: list[str], inserts: int = 0) -> None:
        statements = [f"CREATE TABLE {t} (id INTEGER PRIMARY KEY, v VARCHAR(20));" for t in tables]
        statements += [f"INSERT INTO {tables[0]} (id, v) VALUES ({i}, 'x');" for i in range(1, inserts + 1)]
        files[path] = "\n".join(statements) + "\n"
        owned[mid] = Owned(tuple(tables), len(statements), inserts)

    sql("core/0001", "core/0001_users/up.sql", ["f_users"])
    sql("core/0002", "core/0002_groups.sql", ["f_groups", "f_members"])  # single-file form
    for i in range(3, 7):
        sql(f"core/{i:04d}", f"core/{i:04d}_c{i}/up.sql", [f"f_core{i}"], inserts=i % 3)
    for feature in ("alpha", "beta"):
        for i in (1, 2, 4, 5):
            sql(f"{feature}/{i:04d}", f"{feature}/{i:04d}_{feature}{i}/up.sql", [f"f_{feature}{i}"], inserts=i % 3)
    sql("beta/0003", "beta/0003_beta3/up.sql", ["f_beta3"], inserts=1)
    files["alpha/0003_alpha_py.py"] = PYTHON_MIGRATION
    owned["alpha/0003"] = Owned(("f_alpha_py",), 2, 1)
    sql("alpha+beta/0001", "alpha+beta/0001_ab1/up.sql", ["f_ab1", "f_ab1x"], inserts=1)
    sql("alpha+beta/0002", "alpha+beta/0002_ab2/up.sql", ["f_ab2"], inserts=2)
    sql("alpha+beta/0003", "alpha+beta/0003_ab3/up.sql", ["f_ab3"])
    project = write_project(root, MANIFEST, files)
    return project, owned


PYTHON_MIGRATION = '''\
import os
import signal

import sqlalchemy as sa


def upgrade(op):
    op.create_table("f_alpha_py", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO f_alpha_py (id) VALUES (1)")
    if os.environ.get("GATEDB_TEST_SELF_KILL") == "alpha/0003":
        os.kill(os.getpid(), signal.SIGKILL)
'''


# --- looking at a database ------------------------------------------------------------


def engine_for(url: str) -> sa.Engine:
    return sa.create_engine(url, poolclass=sa.pool.NullPool)


def records(url: str) -> dict[str, tuple[str, int]]:
    """migration id -> (state, statements_done); {} before gatedb ever ran there."""
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("gatedb_migrations"):
                return {}
            rows = conn.execute(sa.text("SELECT unit, version, state, statements_done FROM gatedb_migrations")).all()
    finally:
        engine.dispose()
    ids = [f"{r[0]}/{r[1]}" for r in rows]
    assert len(ids) == len(set(ids)), f"a migration is recorded twice: {sorted(ids)}"
    return {f"{r[0]}/{r[1]}": (r[2], r[3]) for r in rows}


def row_count(url: str, table: str) -> int:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar())
    finally:
        engine.dispose()


def execute(url: str, *statements: str) -> None:
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(sa.text(statement))
    finally:
        engine.dispose()


def owner_of(owned: dict[str, Owned]) -> dict[str, str]:
    return {t: mid for mid, o in owned.items() for t in o.tables}


@dataclass(frozen=True)
class Snapshot:
    records: dict[str, tuple[str, int]]  # migration id -> (state, statements_done)
    tables: set[str]  # user tables
    counts: dict[str, int]  # rows of each table a migration inserts into, where it exists
    last_features: str | None


def snapshot(url: str, owned: dict[str, Owned]) -> Snapshot:
    """Bookkeeping and live schema, read on one connection (connections are slow on a busy server)."""
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            all_tables = set(sa.inspect(conn).get_table_names())
            tables = {t for t in all_tables if not t.startswith("gatedb_")}
            recs: dict[str, tuple[str, int]] = {}
            last = None
            if "gatedb_migrations" in all_tables:
                rows = conn.execute(sa.text("SELECT unit, version, state, statements_done FROM gatedb_migrations")).all()
                ids = [f"{r[0]}/{r[1]}" for r in rows]
                assert len(ids) == len(set(ids)), f"a migration is recorded twice: {sorted(ids)}"
                recs = {f"{r[0]}/{r[1]}": (r[2], r[3]) for r in rows}
                last = conn.execute(sa.text("SELECT value FROM gatedb_meta WHERE " + _key_column(url) + " = 'last_features'")).scalar()
            counts = {
                o.tables[0]: int(conn.execute(sa.text(f"SELECT COUNT(*) FROM {o.tables[0]}")).scalar())
                for o in owned.values()
                if o.inserts and o.tables[0] in tables
            }
    finally:
        engine.dispose()
    return Snapshot(recs, tables, counts, last)


def assert_consistent(url: str, owned: dict[str, Owned], *, allow_running: bool) -> Snapshot:
    """Bookkeeping matches the live schema: each applied migration's tables (and rows)
    exist, and no table exists whose migration is unrecorded. With allow_running (MySQL),
    one migration may be `running`, with part of its tables."""
    snap = snapshot(url, owned)
    recs, tables = snap.records, snap.tables
    owners = owner_of(owned)
    assert set(recs) <= set(owned), f"unknown migrations recorded: {sorted(set(recs) - set(owned))}"
    running = [mid for mid, (state, _) in recs.items() if state != "applied"]
    assert all(recs[mid][0] == "running" for mid in running), recs
    if allow_running:
        assert len(running) <= 1, f"more than one migration left running: {running}"
    else:
        assert running == [], f"a transactional database has a migration left {recs[running[0]][0]}: {running}"
    for mid, (state, _) in recs.items():
        if state == "applied":
            missing = set(owned[mid].tables) - tables
            assert not missing, f"{mid} is recorded applied but its tables {sorted(missing)} do not exist"
            if owned[mid].inserts:
                table = owned[mid].tables[0]
                assert snap.counts[table] == owned[mid].inserts, f"{mid} is recorded applied but rows of {table} are missing"
    stray = sorted(t for t in tables if owners.get(t) not in recs)
    assert not stray, f"tables {stray} exist but their migrations are not recorded ({[owners.get(t) for t in stray]})"
    return snap


def assert_complete(url: str, owned: dict[str, Owned]) -> None:
    snap = assert_consistent(url, owned, allow_running=False)
    assert sorted(snap.records) == sorted(owned), f"not every migration is recorded: missing {sorted(set(owned) - set(snap.records))}"
    assert {state for state, _ in snap.records.values()} == {"applied"}
    assert snap.tables == {t for o in owned.values() for t in o.tables}
    assert snap.last_features == '["alpha", "beta"]'


def _key_column(url: str) -> str:
    return "`key`" if url.startswith("mysql") else '"key"'


# --- running gatedb -------------------------------------------------------------------

class _PerThread:
    """A sys.stdout / sys.stderr stand-in that writes to the calling thread's buffer, so that
    gatedb's CLI can run in-process in several threads at once (CliRunner swaps the global
    streams: one run at a time). Outside a run it writes where the stream wrote before."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, fallback: object) -> None:
        self.fallback = fallback
        self.local = threading.local()

    def _target(self):  # type: ignore[no-untyped-def]
        return getattr(self.local, "buffer", None) or self.fallback

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def isatty(self) -> bool:
        return False


_streams_lock = threading.Lock()


def cli(*args: str) -> tuple[int, str, str]:
    """`gatedb ARGS` in this process, safe to call from several threads: (exit code, stdout, stderr).
    Anything but a clean exit (an uncaught exception: a traceback for the user) fails the test."""
    with _streams_lock:
        if not isinstance(sys.stdout, _PerThread):
            sys.stdout = _PerThread(sys.stdout)  # type: ignore[assignment]
        if not isinstance(sys.stderr, _PerThread):
            sys.stderr = _PerThread(sys.stderr)  # type: ignore[assignment]
        out_stream, err_stream = sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    out_stream.local.buffer, err_stream.local.buffer = out, err  # type: ignore[attr-defined]
    try:
        try:
            main.main(list(args), prog_name="gatedb", standalone_mode=False)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        out_stream.local.buffer = err_stream.local.buffer = None  # type: ignore[attr-defined]
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _restore_streams() -> Iterator[None]:
    stdout, stderr = sys.stdout, sys.stderr
    yield
    sys.stdout, sys.stderr = stdout, stderr


def migrate_args(project: Path, url: str) -> list[str]:
    return ["migrate", "--all-features", "-p", str(project), "-d", url]


def child(project: Path, url: str, *, env: dict[str, str] | None = None, quiet: bool = True) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "gatedb", *migrate_args(project, url), *(["-q"] if quiet else [])]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=project,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )


def assert_one_error(stderr: str, *needles: str) -> str:
    """The user-facing failure shape: no traceback, an `error:` first line, a `hint:`."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert lines and lines[0].startswith("error: "), stderr
    assert "internal error" not in lines[0], stderr
    assert len(lines) == 2 and lines[1].startswith("hint: "), stderr
    for needle in needles:
        assert needle in lines[0], stderr
    return lines[0]


# --- repairing a migration MariaDB left running, as an operator would -------------------


def repair_from_live_schema(project: Path, url: str, owned: dict[str, Owned], mid: str, done: int, error: str) -> str:
    """Look at the database, finish or undo `mid` by hand, then tell gatedb. Returns the
    repair chosen. Checks the error line named the migration, its file and the count."""
    assert f"error: migration {mid} (migrations/" in error and "was left running by an interrupted run" in error, error
    assert f"after {done} statement(s)" in error, error
    o = owned[mid]
    snap = snapshot(url, owned)
    present = [t for t in o.tables if t in snap.tables]
    # What the live schema shows ran: the CREATE TABLEs present, then the INSERTs.
    ran = len(present) + snap.counts.get(o.tables[0], 0)
    if mid != "alpha/0003":
        # Each statement commits before its count is recorded: at most one ran uncounted.
        assert ran in (done, done + 1), f"{mid}: {ran} statement(s) ran, the row says {done}"
    if ran == o.statements:
        how = "--applied"
    else:
        execute(url, *[f"DROP TABLE {t}" for t in present])
        how = "--forget"
    code, out, err = cli("repair", mid, how, "-p", str(project), "-d", url)
    assert code == 0, err
    assert out.startswith(f"{mid}: "), out
    return how


def rerun_until_complete(project: Path, url: str, owned: dict[str, Owned], dialect: str) -> str:
    """The rerun after a crash. Returns "rerun", "resumed" (MariaDB, by the catalog) or the repair that was needed."""
    before = snapshot(url, owned).records
    code, out, err = cli(*migrate_args(project, url))
    if dialect != "mysql":
        assert code == 0, f"rerun failed on {dialect}: {err}"
        assert_complete(url, owned)
        return "rerun"
    running = {mid: done for mid, (state, done) in before.items() if state == "running"}
    if not running:
        assert code == 0, err
        assert_complete(url, owned)
        return "rerun"
    ((mid, done),) = running.items()
    if code == 0:  # resumed where the catalog proved the statements stopped: no manual step
        assert f"note: {mid} (migrations/" in err, err
        assert_complete(url, owned)
        proven_low = "committed" in err and "the catalog shows statement" in err  # the row's count was one too low
        return "resumed, count was low" if proven_low else "resumed"
    error = assert_one_error(err)
    assert "a Python migration cannot be resumed" in error or "the catalog cannot tell" in error, error
    assert snapshot(url, owned).records == before, "the refused run changed the bookkeeping"
    how = repair_from_live_schema(project, url, owned, mid, done, error)
    code, out, err = cli(*migrate_args(project, url))
    assert code == 0, err
    assert_complete(url, owned)
    return how


# --- kill -9 at random moments -----------------------------------------------------------


def calibrate(project: Path, url: str) -> tuple[float, float]:
    """Run once unkilled: seconds from start to the first progress line, and from it to the last."""
    started = time.monotonic()
    proc = child(project, url, quiet=False)
    first = last = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("["):
            last = time.monotonic() - started
            first = last if first is None else first
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    assert first is not None and last is not None
    return first, last - first


def kill_at(proc: subprocess.Popen[str], rng: random.Random, startup: float, window: float, total: int) -> float:
    """SIGKILL at a seeded moment, counted from one of three anchors:
    - the k-th progress line (k random): spreads kills evenly over the migrations, whatever
      their speed (the Python migration imports Alembic: it is the slowest by far);
    - the first progress line, then up to the calibrated length of the run;
    - the start of the process (kills during start-up, connect, lock, bookkeeping set-up).
    A loaded machine starts slower than calibration: anchoring on output keeps kills mid-run."""
    roll = rng.random()
    if roll < 0.55:
        anchor, delay = rng.randint(1, total - 1), rng.uniform(0.0, 0.06)
    elif roll < 0.8:
        anchor, delay = 1, rng.uniform(0.0, min(1.5, 1.3 * window))
    else:
        anchor, delay = 0, rng.uniform(0.0, max(1.5, startup + window))
    if anchor:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(f"[{anchor}/"):
                break
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    return delay


def reset(url: str) -> None:
    """Empty a server database for the next trial. Cheaper than a new database: on a busy
    PostgreSQL server DROP DATABASE waits for a checkpoint (tens of seconds)."""
    if url.startswith("postgresql"):
        execute(url, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")
    else:
        name = database_name(url)
        engine = sa.create_engine(admin_url(url), poolclass=sa.pool.NullPool, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(sa.text(f"DROP DATABASE {name}"))
                conn.execute(sa.text(f"CREATE DATABASE {name}"))
        finally:
            engine.dispose()
    assert snapshot(url, {}) == Snapshot({}, set(), {}, None)


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql", "mysql"])
def test_kill9_at_random_moments_then_rerun(tmp_path: Path, dialect: str, new_db: Callable[[str], str]) -> None:
    project, owned = fault_project(tmp_path / "p")
    workers = 3  # trials run three at a time, each on its own database
    databases: queue.Queue[str] = queue.Queue()
    for _ in range(workers):
        databases.put(new_db(dialect))
    calibration = databases.get()
    startup, window = calibrate(project, calibration)
    databases.put(calibration)

    def trial(seed: int) -> tuple[int, float, int, str]:
        rng = random.Random(f"{dialect}-{seed}")
        url = new_db(dialect) if dialect == "sqlite" else databases.get()
        try:
            if dialect != "sqlite":
                reset(url)
            proc = child(project, url, quiet=False)
            delay = kill_at(proc, rng, startup, window, len(owned))
            code = proc.wait(timeout=60)
            _out, err = proc.communicate()
            assert code in (0, -signal.SIGKILL), f"seed {seed}: the run failed on its own ({code}): {err}"
            state = assert_consistent(url, owned, allow_running=dialect == "mysql").records
            if code == 0:
                assert len(state) == len(owned)
            how = rerun_until_complete(project, url, owned, dialect)
        finally:
            if dialect != "sqlite":
                databases.put(url)
        return seed, delay, len(state), how

    trials = MYSQL_TRIALS if dialect == "mysql" else TRIALS
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(trial, range(trials)))
    mid_run = [o for o in outcomes if 0 < o[2] < len(owned)]
    summary = sorted((o[2], o[3]) for o in outcomes)
    manual = sum(1 for o in outcomes if o[3] != "rerun" and not o[3].startswith("resumed"))
    print(f"{dialect}: first migration after {startup:.2f} s, the rest in {window:.2f} s; (recorded after kill, ending): {summary}; "
          f"{trials - manual}/{trials} recovered without a manual step")
    assert len(outcomes) == trials
    # The kills did land mid-run, not only before or after.
    assert len(mid_run) >= trials // 3, summary
    if dialect == "mysql":
        assert any(o[3].startswith("resumed") for o in outcomes), f"no kill ever left a migration running: {summary}"
        # Only the Python migration half-way is beyond what the catalog can prove.
        assert all(o[3] == "rerun" or o[3].startswith(("resumed", "--")) for o in outcomes), summary


# --- deterministic crashes: a migration kills its own process ---------------------------


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_crash_inside_a_python_migration_rolls_it_back(tmp_path: Path, dialect: str, new_db: Callable[[str], str]) -> None:
    project, owned = fault_project(tmp_path / "p")
    url = new_db(dialect)
    proc = child(project, url, env={SELF_KILL: "alpha/0003"})
    assert proc.wait(timeout=60) == -signal.SIGKILL
    recs = assert_consistent(url, owned, allow_running=False).records
    assert "alpha/0003" not in recs and "alpha/0002" in recs
    assert "f_alpha_py" not in table_names(url), "the killed migration's table survived its rollback"
    assert rerun_until_complete(project, url, owned, dialect) == "rerun"


def test_crash_inside_a_python_migration_on_mysql_reports_what_ran(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    """Regression: a Python migration's statements were not counted, so a crash after they
    ran said 'after 0 statement(s)' (fixed in cb47682 + 9c6ac52)."""
    project, owned = fault_project(tmp_path / "p")
    url = new_db("mysql")
    proc = child(project, url, env={SELF_KILL: "alpha/0003"})
    assert proc.wait(timeout=60) == -signal.SIGKILL
    recs = assert_consistent(url, owned, allow_running=True).records
    assert recs["alpha/0003"][0] == "running"
    # Both statements (CREATE TABLE, INSERT) committed before the crash ...
    assert "f_alpha_py" in table_names(url) and row_count(url, "f_alpha_py") == 1
    code, _out, err = cli(*migrate_args(project, url))
    assert code != 0
    error = assert_one_error(err, "migration alpha/0003 (migrations/alpha/0003_alpha_py.py) was left running")
    # ... so "after 0 statement(s)" tells the operator nothing of it ran, which is false.
    assert "after 0 statement(s)" not in error, error


def test_crash_inside_a_python_migration_on_mysql_is_caught_and_repairable(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    project, owned = fault_project(tmp_path / "p")
    url = new_db("mysql")
    proc = child(project, url, env={SELF_KILL: "alpha/0003"})
    assert proc.wait(timeout=60) == -signal.SIGKILL
    assert records(url)["alpha/0003"][0] == "running"
    code, _out, err = cli(*migrate_args(project, url))
    assert code != 0
    assert_one_error(err, "migration alpha/0003 (migrations/alpha/0003_alpha_py.py) was left running by an interrupted run")
    assert "gatedb repair alpha/0003 --applied" in err
    code, out, err = cli("repair", "alpha/0003", "--applied", "-p", str(project), "-d", url)
    assert code == 0 and out.strip() == "alpha/0003: recorded as applied", err
    code, _out, err = cli(*migrate_args(project, url))
    assert code == 0, err
    assert_complete(url, owned)


# --- the server cuts the connection -----------------------------------------------------

SLOW = {
    "postgresql": "SELECT pg_sleep({s});",
    "mysql": "SELECT SLEEP({s});",
}


def slow_project(root: Path, dialect: str, *, transactional: bool = True, seconds: int = 2) -> Path:
    header = "" if transactional else "-- gatedb: no-transaction\n"
    return write_project(
        root,
        "[features]\n",
        {
            "core/0001_a/up.sql": "CREATE TABLE t_a (id INTEGER PRIMARY KEY);",
            "core/0002_slow/up.sql": f"{header}CREATE TABLE t_b (id INTEGER PRIMARY KEY);\n{SLOW[dialect].format(s=seconds)}\nCREATE TABLE t_c (id INTEGER PRIMARY KEY);\n",
            "core/0003_z/up.sql": "CREATE TABLE t_z (id INTEGER PRIMARY KEY);",
        },
    )


def wait_for(find: Callable[[], object | None], timeout: float = 30.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find()
        if found is not None:
            return found
        time.sleep(0.05)
    raise AssertionError("the migrating session never showed up")


def admin_url(url: str) -> str:
    from conftest import MYSQL_ADMIN, PG_ADMIN

    return PG_ADMIN if url.startswith("postgresql") else MYSQL_ADMIN


def database_name(url: str) -> str:
    return str(sa.make_url(url).database)


def pg_sleeping_backend(url: str) -> Callable[[], int | None]:
    def find() -> int | None:
        engine = engine_for(admin_url(url))
        try:
            with engine.connect() as conn:
                return conn.execute(
                    sa.text(
                        "SELECT pid FROM pg_stat_activity WHERE datname = :d AND application_name LIKE 'gatedb%' "
                        "AND state = 'active' AND query LIKE '%pg_sleep%'"
                    ),
                    {"d": database_name(url)},
                ).scalar()
        finally:
            engine.dispose()

    return find


def mysql_sleeping_connection(url: str) -> Callable[[], int | None]:
    def find() -> int | None:
        engine = engine_for(admin_url(url))
        try:
            with engine.connect() as conn:
                return conn.execute(
                    sa.text("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = :d AND INFO LIKE 'SELECT SLEEP%'"),
                    {"d": database_name(url)},
                ).scalar()
        finally:
            engine.dispose()

    return find


def cut(url: str, session: int) -> None:
    engine = sa.create_engine(admin_url(url), poolclass=sa.pool.NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if url.startswith("postgresql"):
                assert conn.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": session}).scalar() is True
            else:
                conn.execute(sa.text(f"KILL {int(session)}"))
    finally:
        engine.dispose()


def state_of(url: str) -> tuple[dict[str, tuple[str, int]], set[str]]:
    return records(url), table_names(url)


@pytest.mark.parametrize("dialect", ["postgresql", "mysql"])
def test_connection_cut_mid_migration(tmp_path: Path, dialect: str, new_db: Callable[[str], str]) -> None:
    project = slow_project(tmp_path / "p", dialect)
    url = new_db(dialect)
    proc = child(project, url)
    session = wait_for(pg_sleeping_backend(url) if dialect == "postgresql" else mysql_sleeping_connection(url))
    cut(url, int(session))  # type: ignore[arg-type]
    code = proc.wait(timeout=60)
    _out, err = proc.communicate()
    assert code > 1, (code, err)
    error = assert_one_error(err)
    assert error.startswith("error: migration core/0002 failed (up, migrations/core/0002_slow): "), error
    recs, tables = state_of(url)
    applied = sorted(mid for mid, (state, _) in recs.items() if state == "applied")
    assert applied == ["core/0001"], recs
    if dialect == "postgresql":
        # The transaction died with the backend: nothing of core/0002 is in the database.
        assert recs == {"core/0001": ("applied", 0)} and tables == {"t_a"}
        code, _out, err = cli("migrate", "-p", str(project), "-d", url)
        assert code == 0, err
    else:
        # The first statement committed before the cut: the row says so, and the rerun resumes
        # after it (the cut one only read: running it again is harmless). No repair needed.
        assert recs["core/0002"] == ("running", 1) and tables == {"t_a", "t_b"}
        code, _out, err = cli("migrate", "-p", str(project), "-d", url)
        assert code == 0, err
        assert "note: core/0002 (migrations/core/0002_slow), left running by an interrupted run, resumed after statement 1: statement 2 of 3" in err, err
    recs, tables = state_of(url)
    assert recs.keys() == {"core/0001", "core/0002", "core/0003"} and {s for s, _ in recs.values()} == {"applied"}
    assert tables == {"t_a", "t_b", "t_c", "t_z"}


@pytest.mark.parametrize("dialect", ["mysql", "postgresql"])
def test_connection_cut_in_a_tracked_migration_names_the_migration(tmp_path: Path, dialect: str, new_db: Callable[[str], str]) -> None:
    """Regression: _run_tracked's `finally` reset the isolation level on the dead connection and
    that error replaced the one naming the migration (`error: database error: (0, '')`)."""
    project = slow_project(tmp_path / "p", dialect, transactional=dialect == "mysql")
    url = new_db(dialect)
    proc = child(project, url)
    cut(url, int(wait_for(mysql_sleeping_connection(url) if dialect == "mysql" else pg_sleeping_backend(url))))  # type: ignore[arg-type]
    assert proc.wait(timeout=60) > 1
    error = assert_one_error(proc.communicate()[1])
    assert error.startswith("error: migration core/0002 failed (up, migrations/core/0002_slow): "), error


def test_connection_cut_in_a_no_transaction_migration_on_postgresql(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    """A no-transaction migration runs tracked on PostgreSQL too: the cut is detected and named."""
    project = slow_project(tmp_path / "p", "postgresql", transactional=False)
    url = new_db("postgresql")
    proc = child(project, url)
    cut(url, int(wait_for(pg_sleeping_backend(url))))  # type: ignore[arg-type]
    code = proc.wait(timeout=60)
    _out, err = proc.communicate()
    assert code > 1
    assert_one_error(err, "migration core/0002 failed (up, migrations/core/0002_slow): ")
    recs, tables = state_of(url)
    assert recs == {"core/0001": ("applied", 0), "core/0002": ("running", 1)} and tables == {"t_a", "t_b"}
    code, _out, err = cli("migrate", "-p", str(project), "-d", url)
    assert code != 0
    assert_one_error(err, "migration core/0002 (migrations/core/0002_slow) was left running by an interrupted run, after 1 statement(s)")
    assert state_of(url) == (recs, tables)
    execute(url, "DROP TABLE t_b")
    assert cli("repair", "core/0002", "--forget", "-p", str(project), "-d", url)[0] == 0
    code, _out, err = cli("migrate", "-p", str(project), "-d", url)
    assert code == 0, err
    assert table_names(url) == {"t_a", "t_b", "t_c", "t_z"}


@pytest.mark.parametrize("dialect", ["postgresql", "mysql"])
def test_connection_cut_while_waiting_for_the_lock(tmp_path: Path, dialect: str, new_db: Callable[[str], str]) -> None:
    """The waiting run's connection is cut: it fails cleanly; the holder finishes."""
    project = slow_project(tmp_path / "p", dialect, seconds=4)
    url = new_db(dialect)
    holder = child(project, url)
    wait_for(pg_sleeping_backend(url) if dialect == "postgresql" else mysql_sleeping_connection(url))
    waiter = child(project, url)

    def waiting_session() -> int | None:
        engine = engine_for(admin_url(url))
        try:
            with engine.connect() as conn:
                if dialect == "postgresql":
                    return conn.execute(
                        sa.text(
                            "SELECT pid FROM pg_stat_activity WHERE datname = :d AND application_name = :a"
                        ),
                        {"d": database_name(url), "a": f"gatedb pid={waiter.pid} host={os.uname().nodename}"},
                    ).scalar()
                return conn.execute(
                    sa.text("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = :d AND INFO LIKE 'SELECT GET_LOCK%'"),
                    {"d": database_name(url)},
                ).scalar()
        finally:
            engine.dispose()

    cut(url, int(wait_for(waiting_session)))  # type: ignore[arg-type]
    code = waiter.wait(timeout=60)
    _out, err = waiter.communicate()
    assert code > 1
    assert_one_error(err, "database error: ")
    assert holder.wait(timeout=60) == 0, holder.communicate()[1]
    recs, tables = state_of(url)
    assert {s for s, _ in recs.values()} == {"applied"} and len(recs) == 3
    assert tables == {"t_a", "t_b", "t_c", "t_z"}


@pytest.mark.parametrize("dialect", ["mysql", "postgresql", "sqlite"])
def test_python_migration_on_a_tracked_run(tmp_path: Path, dialect: str, new_db: Callable[[str], str]) -> None:
    """A Python migration on MySQL, or marked no-transaction anywhere, runs tracked: it applies.
    (Regression test: cb47682 broke all three; 9c6ac52 fixed MySQL and PostgreSQL, the SQLite begin hook skips autocommit runs.)"""
    header = "" if dialect == "mysql" else "# gatedb: no-transaction\n"
    project = write_project(
        tmp_path / "p",
        "[features]\n",
        {
            "core/0001_a/up.sql": "CREATE TABLE t_a (id INTEGER PRIMARY KEY);",
            "core/0002_py.py": header + "import sqlalchemy as sa\n\n\ndef upgrade(op):\n"
            "    op.create_table('t_py', sa.Column('id', sa.Integer, primary_key=True))\n"
            "    op.execute('INSERT INTO t_py (id) VALUES (1)')\n",
            "core/0003_b/up.sql": "CREATE TABLE t_b (id INTEGER PRIMARY KEY);",
        },
    )
    url = new_db(dialect)
    code, out, err = cli("migrate", "-p", str(project), "-d", url)
    assert code == 0, err
    assert "applied 3 migration(s)" in out
    assert {mid: state for mid, (state, _) in records(url).items()} == {"core/0001": "applied", "core/0002": "applied", "core/0003": "applied"}
    assert table_names(url) == {"t_a", "t_py", "t_b"} and row_count(url, "t_py") == 1
