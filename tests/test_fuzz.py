"""Bad input never gives a traceback, and never touches the database by accident.

Hypothesis writes random projects: manifests (valid and invalid TOML, random [features]
tables with cycles, unknown names and non-list values, random other keys), random folder
trees and file names under migrations/, random header directives and random SQL. Each
project goes through `features`, `plan`, `check`, `status` and `migrate` (in that order, on
a SQLite file) with random feature flags, and:

* no run raises out of the CLI (CliRunner's exception is None or SystemExit), no output
  holds "Traceback" or "internal error";
* every failure is an `error:` first line on stderr with a non-zero exit, then a `hint:`;
* read-only commands never create the database file; a migrate that fails before running
  a migration leaves no user table and records nothing; a migrate that fails in migration
  X leaves exactly the plan's migrations before X recorded (SQLite: transactional DDL);
  a migrate that succeeds records exactly the plan's steps.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import string
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gatedb.commands import main

# GATEDB_FUZZ_EXAMPLES=2000 for a longer hunt; 80 per property in the suite.
SETTINGS = settings(max_examples=int(os.environ.get("GATEDB_FUZZ_EXAMPLES", "80")), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- TOML --------------------------------------------------------------------------------


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def toml_document(top: dict[str, Any], tables: dict[str, dict[str, Any]]) -> str:
    lines = [f"{json.dumps(k)} = {toml_value(v)}" for k, v in top.items()]
    for name, table in tables.items():
        lines.append(f"[{json.dumps(name) if not re.fullmatch(r'[A-Za-z0-9_.-]+', name) else name}]")
        lines += [f"{json.dumps(k)} = {toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


FEATURE_NAMES = st.sampled_from(["a", "b", "c", "tasks", "core", "default", "a+b", "x y", "é", "", "A", "a-b", "a.b"])
SCALARS = st.one_of(st.integers(-3, 3), st.booleans(), st.text(max_size=5), st.floats(allow_nan=False, allow_infinity=False))
FEATURE_VALUES = st.one_of(
    st.lists(FEATURE_NAMES, max_size=3),  # unknown names, self-references, cycles
    st.lists(SCALARS, min_size=1, max_size=2),  # non-string lists
    SCALARS,  # not a list at all
    st.dictionaries(st.sampled_from(["x", "y"]), SCALARS, max_size=2),  # an inline table
)


BREAKAGES = ["features", "features", "keys", "features-not-a-table", "check", "check", "toml", "none", "none", "none"]


@st.composite
def manifests(draw: st.DrawFn) -> str:
    """A well-formed manifest, then (mostly) one breakage, sometimes two: a single defect
    gets past the others to the code behind them."""
    breakages = set(draw(st.lists(st.sampled_from(BREAKAGES), min_size=1, max_size=2)))
    declared = draw(st.lists(st.sampled_from(["a", "b", "c", "tasks"]), unique=True, max_size=4))
    if "a" not in declared and draw(st.integers(0, 4)) > 0:
        declared.insert(0, "a")  # the tree has a unit a/
    features: dict[str, Any] = {}
    for i, name in enumerate(declared):  # implications point backwards: no cycle unless broken
        pool = declared if "features" in breakages else declared[:i]
        features[name] = draw(st.lists(st.sampled_from(pool), max_size=2, unique=True)) if pool else []
    if draw(st.booleans()):
        features["default"] = draw(st.lists(st.sampled_from(declared or ["a"]), max_size=2, unique=True))
    if "features" in breakages and draw(st.booleans()):  # random names and values: unknown names, non-lists
        features.update(draw(st.dictionaries(FEATURE_NAMES, FEATURE_VALUES, max_size=3)))
    top: dict[str, Any] = {}
    if draw(st.integers(0, 3)) == 0:
        top["migrations"] = "migrations"
    if draw(st.integers(0, 3)) == 0:
        top["database"] = "sqlite:///ignored.db"  # --database wins
    if "keys" in breakages:
        for key, values in {
            "migrations": st.one_of(st.sampled_from(["", ".", "nope", "migrations/core", "../elsewhere"]), SCALARS),
            "database": st.one_of(st.sampled_from(["oracle://u:p@h/x", "nonsense", "sqlite://"]), SCALARS),
            "databse": SCALARS,  # a misspelt key
            "schema": st.one_of(SCALARS, st.just({"x": 1})),
        }.items():
            if draw(st.booleans()):
                top[key] = draw(values)
    tables: dict[str, dict[str, Any]] = {}
    if "features-not-a-table" in breakages:
        top["features"] = draw(st.one_of(SCALARS, st.just(list(features))))
    else:
        tables["features"] = features
    if "check" in breakages:
        form = draw(st.integers(0, 2))
        if form == 0:  # [check.severity] with unknown rules or levels
            tables["check.severity"] = draw(
                st.dictionaries(
                    st.sampled_from(["GD001", "GD004", "GD999", "x"]),
                    st.one_of(st.sampled_from(["error", "warning", "off", "loud"]), SCALARS, st.just(["error"])),
                    min_size=1,
                    max_size=2,
                )
            )
        elif form == 1:  # [check] not a table, or with other keys
            top["check"] = draw(st.one_of(SCALARS, st.just({"other": 1}), st.just({"severity": {"GD001": "off"}, "x": 1})))
        else:  # severity not a table
            top["check"] = {"severity": draw(st.one_of(SCALARS, st.lists(SCALARS, max_size=2)))}
    elif draw(st.integers(0, 3)) == 0:
        tables["check.severity"] = draw(st.dictionaries(st.sampled_from(["GD001", "GD004"]), st.sampled_from(["error", "warning", "off"]), max_size=2))
    text = toml_document(top, tables)
    if "toml" in breakages:
        mutation = draw(st.integers(0, 2))
        if mutation == 0:  # truncated
            text = text[: draw(st.integers(0, len(text)))] + draw(st.sampled_from(["[", "= ", "\"", "[[features]]\nx", ""]))
        elif mutation == 1:  # random text
            text = draw(st.text(max_size=40))
        else:  # a table twice
            text += "[features]\n"
    return text


# --- migration trees ---------------------------------------------------------------------

GOOD_UNITS = st.sampled_from(["core", "a", "b", "a+b", "c", "b+c", "a+b+c"])
UNIT_NAMES = st.one_of(
    GOOD_UNITS,
    GOOD_UNITS,
    GOOD_UNITS,
    st.sampled_from(["b+a", "a+a", "+a", "core+a", "A", "x y", ".hidden", "_skip", "d"]),
    st.text(alphabet=string.ascii_lowercase + "+-_. ", min_size=1, max_size=8),
)
VERSIONS = st.one_of(st.integers(1, 30).map(lambda v: f"{v:04d}"), st.sampled_from(["1", "2.0", "6.0.10", "6.0.9", "10-1", "0001.5", "x", "", "00"]))
SEPARATORS = st.sampled_from(["_", "_", "_", "-", "", "__", " "])
STEM_NAMES = st.one_of(st.sampled_from(["init", "users", "", "a b", "ü", "x.y"]), st.text(alphabet=string.ascii_letters + "_-. ", max_size=6))
FILE_KINDS = st.sampled_from([".sql"] * 4 + ["/"] * 4 + [".py", ".postgresql.sql", ".sqlite.sql", ".mysql.sql", ".oracle.sql", ".txt", "", "~"])
FOLDER_FILES = st.sampled_from(["up.sql"] * 4 + ["down.sql"] * 2 + ["up.sqlite.sql", "up.postgres.sql", "down.mysql.sql", "notes.txt", ".DS_Store", "up.SQL"])

GOOD_DIRECTIVES = st.sampled_from(["-- gatedb: requires core/0001", "-- gatedb: no-transaction", "-- a comment", "-- gatedb:up"])
BAD_DIRECTIVES = st.sampled_from(
    [
        "-- gatedb: requires core/1",
        "-- gatedb: requires a/0001, b/0001",
        "-- gatedb: requires a+b/0001",
        "-- gatedb: requires core/9999",
        "-- gatedb: requires",
        "-- gatedb: requires ../etc",
        "-- gatedb: requires core",
        "-- gatedb: no-transaction",
        "-- gatedb: no-transactions",
        "-- gatedb: frobnicate",
        "-- gatedb:",
        "# gatedb: requires core/0001",
        "-- gatedb:up",
        "-- gatedb:down",
        "-- just a comment",
    ]
)
GOOD_SQL = st.sampled_from(["CREATE TABLE t{n} (id INTEGER PRIMARY KEY);", "CREATE TABLE u{n} (id INTEGER PRIMARY KEY, ref INTEGER);", "SELECT 1;"])
SQL_SNIPPETS = st.one_of(
    st.sampled_from(
        [
            "CREATE TABLE t{n} (id INTEGER PRIMARY KEY);",
            "CREATE TABLE t{n} (id INTEGER PRIMARY KEY, ref INTEGER REFERENCES t1 (id));",
            "CREATE INDEX ix{n} ON t1 (id);",
            "INSERT INTO t1 VALUES ({n});",
            "ALTER TABLE t1 ADD COLUMN c{n} TEXT;",
            "DROP TABLE t1;",
            "SELECT 1;",
            "SELECT ';' AS semi;",
            "CREATE TRIGGER tr{n} AFTER INSERT ON t1 BEGIN SELECT 1; END;",
            "garbage ;",
            "'unterminated",
            "/* unclosed comment",
            "-- gatedb:up",
            "-- gatedb:down",
            "BEGIN;",
            "COMMIT;",
            "ROLLBACK;",
            ";;",
            "",
        ]
    ),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30).filter(lambda s: "attach" not in s.lower()),
)
PYTHON = st.sampled_from(
    [
        "def upgrade(op):\n    op.execute('CREATE TABLE py{n} (id INTEGER PRIMARY KEY)')\n",
        "def upgrade(op):\n    op.execute('CREATE TABLE py{n} (id INTEGER PRIMARY KEY)')\n",
        "def upgrade(op):\n    op.execute('CREATE TABLE py{n} (id INTEGER PRIMARY KEY)')\n",
        "def upgrade(op):\n    pass\n\n\ndef downgrade(op):\n    pass\n",
        "def upgrade(op):\n    raise ValueError('boom')\n",
        "def upgrade(op):\n    1 / 0\n",
        "def upgrade(op):\n    op.execute('x'\n",
        "import no_such_module_gatedb\n\ndef upgrade(op):\n    pass\n",
        "def up(op):\n    pass\n",
        "raise RuntimeError('at import')\ndef upgrade(op):\n    pass\n",
        "def upgrade(op):\n    op.execute('garbage')\n",
        "# gatedb: requires core/0001\ndef upgrade(op):\n    pass\n",
        "# gatedb: nonsense\ndef upgrade(op):\n    pass\n",
        "\ufeffdef upgrade(op):\n    pass\n",
    ]
)


@st.composite
def sql_texts(draw: st.DrawFn, n: int) -> str:
    head = draw(st.lists(st.one_of(GOOD_DIRECTIVES, GOOD_DIRECTIVES, BAD_DIRECTIVES), max_size=2)) if draw(st.integers(0, 2)) == 0 else []
    snippets = st.one_of(GOOD_SQL, GOOD_SQL, GOOD_SQL, SQL_SNIPPETS)
    body = [s.format(n=n) if "{n}" in s else s for s in draw(st.lists(snippets, min_size=1, max_size=4))]
    return "\n".join(head + body) + draw(st.sampled_from(["\n", "", "\r\n"]))


@st.composite
def trees(draw: st.DrawFn, random_names: bool = True) -> dict[str, str | bytes]:
    """migrations/<relative path> -> content (bytes: not UTF-8)."""
    files: dict[str, str | bytes] = {}
    units = draw(st.lists(UNIT_NAMES if random_names else st.sampled_from(["core", "a", "b", "a+b"]), min_size=1, max_size=4, unique=True))
    if not random_names and "core" not in units:
        units.insert(0, "core")
    n = 0
    for unit in units:
        for _ in range(draw(st.integers(0 if random_names else 1, 4))):
            n += 1
            if random_names:
                stem = draw(VERSIONS) + draw(SEPARATORS) + draw(STEM_NAMES)
                kind = draw(FILE_KINDS)
            else:
                stem, kind = f"{n:04d}_m{n}", draw(st.sampled_from([".sql", "/", "/", ".py"]))
            if not stem.strip() or len(stem) > 60:
                continue
            if kind == "/":
                for name in draw(st.lists(FOLDER_FILES if random_names else st.sampled_from(["up.sql", "down.sql"]), min_size=0 if random_names else 1, max_size=3, unique=True)):
                    files[f"{unit}/{stem}/{name}"] = draw(sql_texts(n))
            elif kind == ".py":
                files[f"{unit}/{stem}.py"] = draw(PYTHON).replace("{n}", str(n))
            else:
                files[f"{unit}/{stem}{kind}"] = draw(sql_texts(n))
    if random_names and draw(st.integers(0, 12)) == 0:
        files[draw(st.sampled_from(["stray.sql", "core/0009_latin1.sql", "core/0009_x/up.sql"]))] = b"CREATE TABLE caf\xe9 (id INTEGER);"
    return files


def write_tree(root: Path, manifest: str, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True)
    (root / "gatedb.toml").write_text(manifest, encoding="utf-8")
    migrations = root / "migrations"
    migrations.mkdir()
    for rel, content in files.items():
        path = migrations / rel
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        except OSError:  # a file where a folder is wanted, or the other way round: skip it
            continue
    return root


# --- running the CLI and checking the invariants -----------------------------------------

FLAGS = st.one_of(
    st.just([]),
    st.just(["--all-features"]),
    st.just(["--no-default-features"]),
    st.lists(st.sampled_from(["a", "b", "c", "tasks", "nope", "a,b", "default", "", "core"]), min_size=1, max_size=2).map(
        lambda names: ["--features", ",".join(names)]
    ),
    st.lists(st.sampled_from(["a", "b"]), min_size=1, max_size=2).map(lambda names: ["--no-default-features", "--features", ",".join(names)]),
)


def invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, env={"GATEDB_DATABASE_URL": None, "GATEDB_FEATURES": None})
    assert result.exception is None or isinstance(result.exception, SystemExit), f"{args}: uncaught {result.exception!r}"
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out + err, f"{args}: {out}{err}"
    assert "internal error" not in err, f"{args}: a bug, not a user error: {err}"
    if result.exit_code == 0:
        # a success writes nothing to stderr but `warning:` / `note:` lines (an empty migration, ...)
        assert all(line.startswith(("warning: ", "note: ")) for line in err.splitlines()), f"{args}: succeeded but wrote to stderr: {err}"
    else:
        lines = err.splitlines()
        assert lines and lines[0].startswith("error: "), f"{args} exited {result.exit_code} without an error line: {out!r} {err!r}"
        assert len(lines) == 1 or lines[1].startswith("hint: "), f"{args}: {err}"
    return result.exit_code, out, err


def database_state(db: Path) -> tuple[set[str], list[tuple[str, str, str]]]:
    """(user tables, bookkeeping rows (unit, version, state)) of the SQLite file."""
    conn = sqlite3.connect(db)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        rows = sorted(conn.execute("SELECT unit, version, state FROM gatedb_migrations")) if "gatedb_migrations" in tables else []
    finally:
        conn.close()
    return {t for t in tables if not t.startswith(("gatedb_", "sqlite_"))}, rows


def run_project(root: Path, flags: list[str]) -> dict[str, tuple[int, str, str]]:
    db = root / "fuzz.db"
    url = f"sqlite:///{db}"
    p = ["-p", str(root)]
    outcomes = {
        "features": invoke(["features", *p, *flags]),
        "plan": invoke(["plan", *p, "-d", url, "--format", "json", *flags]),
        "check": invoke(["check", *p, "-d", url]),
        "status": invoke(["status", *p, "-d", url, *flags]),
        "status-json": invoke(["status", *p, "-d", url, "--format", "json", *flags]),
    }
    assert not db.exists(), "a read-only command created the database file"
    code, out, err = outcomes["migrate"] = invoke(["migrate", *p, "-d", url, *flags])
    event("migrate: " + ("ok" if code == 0 else err.splitlines()[0][7:60]))
    plan_code, plan_out, plan_err = outcomes["plan"]
    if plan_code != 0:
        # What makes plan fail (the project, the flags) makes migrate fail the same way.
        assert code != 0 and err.splitlines()[0] == plan_err.splitlines()[0], (plan_err, err)
        assert not db.exists() or database_state(db) == (set(), [])
        return outcomes
    steps = [s["id"] for s in json.loads(plan_out)["steps"]]
    tables, rows = database_state(db) if db.exists() else (set(), [])
    applied = [f"{u}/{v}" for u, v, state in rows if state == "applied"]
    running = [f"{u}/{v}" for u, v, state in rows if state != "applied"]
    if code == 0:
        assert sorted(applied) == sorted(steps) and running == [], (steps, rows)
        return outcomes
    failed = re.match(r"error: migration (\S+) failed \(up, migrations/", err)
    if failed is None:
        # Failed before any migration ran (preflight: Python that does not compile, ...).
        assert tables == set() and rows == [], (err, tables, rows)
        return outcomes
    mid = failed.group(1)
    assert mid in steps, (mid, steps)
    before = steps[: steps.index(mid)]
    assert sorted(applied) == sorted(before), f"after {mid} failed: recorded {applied}, the plan ran {before} before it"
    assert running in ([], [mid]), rows  # a no-transaction migration that failed mid-way stays `running`
    return outcomes


MINIMAL_TREE = {"core/0001_init/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);", "a/0001_a.sql": "CREATE TABLE ta (id INTEGER);"}


@SETTINGS
@given(manifest=manifests(), flags=FLAGS)
def test_random_manifests(manifest: str, flags: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp) / "p", manifest, MINIMAL_TREE)
        run_project(root, flags)


@SETTINGS
@given(files=trees(), flags=FLAGS, features=st.sampled_from(["[features]\na = []\nb = []\nc = []\n", '[features]\ndefault = ["a"]\na = []\nb = ["a"]\n']))
def test_random_trees_names_and_directives(files: dict[str, str | bytes], flags: list[str], features: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp) / "p", features, files)
        run_project(root, flags)


@SETTINGS
@given(files=trees(random_names=False), flags=FLAGS)
def test_random_sql_in_well_named_migrations(files: dict[str, str | bytes], flags: list[str]) -> None:
    """Names are right, contents random: migrate really runs, and the bookkeeping stays true."""
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp) / "p", "[features]\na = []\nb = []\n", files)
        run_project(root, flags)


@pytest.mark.parametrize("severity", ["5", '"x"', "[1, 2]", "true"])
def test_check_severity_that_is_not_a_table(tmp_path: Path, severity: str) -> None:
    """Regression (found by test_random_manifests): this crashed `gatedb check` with an internal error."""
    root = write_tree(tmp_path / "p", f"[check]\nseverity = {severity}\n[features]\na = []\n", MINIMAL_TREE)
    code, _out, err = invoke(["check", "-p", str(root)])
    assert code == 2 and "internal error" not in err, err
    assert err.startswith("error: gatedb.toml: [check") and "severity" in err.splitlines()[0], err


def test_python_migration_that_cannot_be_imported_stops_nothing_half_way(tmp_path: Path) -> None:
    """Regression (found by test_random_sql_in_well_named_migrations): preflight only compiled
    Python, so the run stopped at a migration whose import fails, the ones before it applied."""
    root = write_tree(
        tmp_path / "p",
        "[features]\n",
        {
            "core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);",
            "core/0002_py.py": "import no_such_module_gatedb\n\n\ndef upgrade(op):\n    pass\n",
        },
    )
    db = root / "app.db"
    code, _out, err = invoke(["migrate", "-p", str(root), "-d", f"sqlite:///{db}"])
    assert code == 2 and err.startswith("error: migrations/core/0002_py.py: cannot be imported: ModuleNotFoundError"), err
    # "Catch what can be caught before anything runs ... A run then never stops half-way on a file defect."
    assert not db.exists() or database_state(db) == (set(), []), database_state(db)


def test_python_migration_calling_sys_exit_is_reported(tmp_path: Path) -> None:
    """Regression: sys.exit() in a migration ended gatedb with its code and no error line."""
    root = write_tree(
        tmp_path / "p",
        "[features]\n",
        {
            "core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);",
            "core/0002_exit.py": "import sys\n\n\ndef upgrade(op):\n    op.execute('CREATE TABLE half (id INTEGER)')\n    sys.exit(3)\n",
        },
    )
    db = root / "app.db"
    result = CliRunner().invoke(main, ["migrate", "-p", str(root), "-d", f"sqlite:///{db}"])
    # The migration's transaction rolls back; the one before it stays.
    assert database_state(db) == ({"users"}, [("core", "0001", "applied")])
    assert result.exit_code != 0
    assert result.stderr.startswith("error: migration core/0002 failed (up, migrations/core/0002_exit.py): "), result.stderr


# --- symlinks and `..`: nothing inside the migrations folder may lead out of it -------------


def symlinked_project(tmp_path: Path) -> tuple[Path, Path]:
    """A project with a valid core and a folder `outside/` next to it holding SQL."""
    root = write_tree(tmp_path / "p", "[features]\ntasks = []\n", {"core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);"})
    outside = tmp_path / "outside"
    (outside / "tasks/0001_tasks").mkdir(parents=True)
    (outside / "tasks/0001_tasks/up.sql").write_text("CREATE TABLE tasks (id INTEGER PRIMARY KEY);")
    (outside / "evil.sql").write_text("DROP TABLE users;")
    return root, outside


def refused(root: Path, name: str, *args: str) -> str:
    """Every command that loads the project refuses it, naming `name`; no database appears."""
    db = root / "app.db"
    for command in (["plan"], ["migrate", "--all-features"], ["status"]):
        code, _out, err = invoke([*command, "-p", str(root), "-d", f"sqlite:///{db}", *args])
        assert code == 2, err
        first = err.splitlines()[0]
        assert first.startswith(f"error: {name} leads outside the migrations folder (to "), err
        assert "copy the file into the migrations folder" in err.splitlines()[1]
    code, out, err = invoke(["check", "-p", str(root)])
    assert code == 1 and f"{name} leads outside the migrations folder" in out, out
    assert not db.exists(), "a refused project touched the database"
    return first


def test_unit_folder_symlinked_outside_is_refused(tmp_path: Path) -> None:
    root, outside = symlinked_project(tmp_path)
    (root / "migrations/tasks").symlink_to(outside / "tasks", target_is_directory=True)
    line = refused(root, "migrations/tasks")
    assert str((outside / "tasks").resolve()) in line


def test_migration_folder_symlinked_outside_is_refused(tmp_path: Path) -> None:
    root, outside = symlinked_project(tmp_path)
    (root / "migrations/core/0002_tasks").symlink_to(outside / "tasks/0001_tasks", target_is_directory=True)
    refused(root, "migrations/core/0002_tasks")


def test_up_sql_symlinked_outside_is_refused(tmp_path: Path) -> None:
    root, outside = symlinked_project(tmp_path)
    (root / "migrations/core/0002_x").mkdir()
    (root / "migrations/core/0002_x/up.sql").symlink_to(outside / "evil.sql")
    refused(root, "migrations/core/0002_x/up.sql")


def test_chain_of_links_that_ends_outside_is_refused(tmp_path: Path) -> None:
    root, outside = symlinked_project(tmp_path)
    (root / "migrations/core/_hop.sql").symlink_to(outside / "evil.sql")  # hidden: not a migration itself
    (root / "migrations/core/0002_chain.sql").symlink_to("_hop.sql")
    refused(root, "migrations/core/0002_chain.sql")


def test_dangling_link_outside_is_refused(tmp_path: Path) -> None:
    root, _outside = symlinked_project(tmp_path)
    (root / "migrations/core/0002_gone.sql").symlink_to(tmp_path / "no/such/file.sql")
    refused(root, "migrations/core/0002_gone.sql")


def test_dangling_link_inside_names_the_file(tmp_path: Path) -> None:
    """Regression: an unreadable file was named migrations/<basename>, without its unit folder."""
    root, _outside = symlinked_project(tmp_path)
    (root / "migrations/core/0002_gone.sql").symlink_to("0009_never_written.sql")
    code, _out, err = invoke(["plan", "-p", str(root), "-d", f"sqlite:///{root / 'app.db'}"])
    assert code == 2 and err.startswith("error: migrations/core/0002_gone.sql: "), err


def test_links_that_stay_inside_are_followed(tmp_path: Path) -> None:
    """A dialect variant linked to its base file, a unit file linked to a shared one: fine."""
    root, _outside = symlinked_project(tmp_path)
    (root / "migrations/core/0002_index").mkdir()
    (root / "migrations/core/0002_index/up.sql").write_text("CREATE INDEX ix_users ON users (id);")
    (root / "migrations/core/0002_index/up.sqlite.sql").symlink_to("up.sql")
    (root / "migrations/_shared").mkdir()  # hidden folder: not a unit
    (root / "migrations/_shared/tasks.sql").write_text("CREATE TABLE tasks (id INTEGER PRIMARY KEY);")
    (root / "migrations/tasks").mkdir()
    (root / "migrations/tasks/0001_tasks.sql").symlink_to("../_shared/tasks.sql")
    db = root / "app.db"
    code, out, err = invoke(["migrate", "--all-features", "-p", str(root), "-d", f"sqlite:///{db}"])
    assert code == 0, err
    assert "applied 3 migration(s)" in out
    assert database_state(db)[0] == {"users", "tasks"}


def test_manifest_may_point_the_migrations_folder_elsewhere(tmp_path: Path) -> None:
    """`migrations = "../elsewhere"` is the project's choice, and a `migrations` folder that
    is itself a link is the same choice: allowed. Links inside the chosen folder must still
    not lead out of it (not even back into the project)."""
    root = tmp_path / "p"
    elsewhere = tmp_path / "elsewhere"
    write_tree(elsewhere / "x", "[features]\n", {"core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);"})
    (elsewhere / "x/migrations").rename(elsewhere / "m")
    root.mkdir()
    (root / "gatedb.toml").write_text('migrations = "../elsewhere/m"\n[features]\n')
    db = root / "app.db"
    code, out, err = invoke(["migrate", "-p", str(root), "-d", f"sqlite:///{db}"])
    assert code == 0 and "applied 1 migration(s)" in out, err
    assert database_state(db)[0] == {"users"}
    # The migrations folder itself a link: same.
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "gatedb.toml").write_text("[features]\n")
    (linked / "migrations").symlink_to(elsewhere / "m", target_is_directory=True)
    code, out, err = invoke(["migrate", "-p", str(linked), "-d", f"sqlite:///{linked / 'app.db'}"])
    assert code == 0 and "applied 1 migration(s)" in out, err
    # A link inside the chosen folder that leads back into the project is refused.
    (root / "stray.sql").write_text("DROP TABLE users;")
    (elsewhere / "m/core/0002_back.sql").symlink_to(root / "stray.sql")
    code, _out, err = invoke(["migrate", "-p", str(root), "-d", f"sqlite:///{db}"])
    assert code == 2 and "0002_back.sql leads outside the migrations folder" in err.splitlines()[0], err
    assert database_state(db)[0] == {"users"}


def test_errors_name_files_under_the_configured_migrations_folder(tmp_path: Path) -> None:
    """Regression: errors said migrations/<path> whatever the manifest's `migrations` was."""
    root = tmp_path / "p"
    root.mkdir()
    (root / "gatedb.toml").write_text('migrations = "db/schema"\n[features]\n')
    (root / "db/schema/core").mkdir(parents=True)
    (root / "db/schema/core/init.sql").write_text("SELECT 1;")
    code, _out, err = invoke(["plan", "-p", str(root), "-d", f"sqlite:///{root / 'app.db'}"])
    assert code == 2 and "init.sql: the name must start with a version" in err, err
    assert err.startswith("error: db/schema/core/init.sql: "), err
