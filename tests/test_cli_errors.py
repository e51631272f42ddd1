"""Every user mistake: one `error:` line naming the file and place, a `hint:`, a non-zero
exit, no traceback, and nothing applied to the database."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from gatedb.commands import main

from conftest import table_names
from helpers import copy_example, write_project

GOOD_CORE = {"core/0001_init/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);"}


def run(project: Path, *args: str) -> tuple[int, str, str]:
    db = f"sqlite:///{project / 'app.db'}"
    result = CliRunner().invoke(main, [*args[:1], "-p", str(project), "-d", db, *args[1:]])
    return result.exit_code, result.stdout, result.stderr


def assert_user_error(project: Path, code: int, err: str, message: str, hint: str) -> None:
    lines = err.strip().splitlines()
    assert code != 0
    assert "Traceback" not in err
    assert lines[0].startswith("error: "), err
    assert message in lines[0], err
    assert len(lines) == 2 and lines[1].startswith("hint: ") and hint in lines[1], err
    db = project / "app.db"
    assert not db.exists() or table_names(f"sqlite:///{db}") == set()


CASES: list[tuple[str, str, dict[str, str], tuple[str, ...], str, str]] = [
    (
        "unknown feature",
        "[features]\ntasks = []\n",
        GOOD_CORE,
        ("migrate", "--features", "taks"),
        "unknown feature 'taks' in --features",
        "did you mean 'tasks'?",
    ),
    (
        "implication cycle",
        "[features]\na = [\"b\"]\nb = [\"a\"]\n",
        GOOD_CORE,
        ("migrate",),
        "gatedb.toml: [features] implications form a cycle: a -> b -> a",
        "remove 'a' from the list of 'b'",
    ),
    (
        "folder named after no feature",
        "[features]\ntasks = []\n",
        {**GOOD_CORE, "task/0001_x/up.sql": "SELECT 1;"},
        ("migrate",),
        "folder migrations/task is named after no declared feature ('task')",
        "did you mean 'tasks'?",
    ),
    (
        "malformed TOML",
        "[features]\ntasks = [\n",
        GOOD_CORE,
        ("migrate",),
        "gatedb.toml: invalid TOML: ",
        "fix the syntax",
    ),
    (
        "unknown manifest key",
        "databse = \"x\"\n[features]\n",
        GOOD_CORE,
        ("migrate",),
        "gatedb.toml: unknown key 'databse'",
        "did you mean 'database'?",
    ),
    (
        "duplicate version",
        "[features]\n",
        {**GOOD_CORE, "core/0002_a.sql": "SELECT 1;", "core/0002_b/up.sql": "SELECT 1;"},
        ("migrate",),
        "migrations/core/0002_a.sql and migrations/core/0002_b have the same version 0002 in unit core",
        "give one of them a new version",
    ),
    (
        "requires outside the closure",
        "[features]\ntasks = []\nmail = []\n",
        {**GOOD_CORE, "tasks/0001_t/up.sql": "CREATE TABLE t (id INTEGER);", "mail/0001_m/up.sql": "-- gatedb: requires tasks/0001\nSELECT 1;"},
        ("migrate", "--all-features"),
        "migrations/mail/0001_m/up.sql:1: mail/0001 requires tasks/0001 (unit tasks), which is not always on when mail is on",
        "move the statement to migrations/mail+tasks/, or add 'tasks' to 'mail' in [features]",
    ),
    (
        "requires a missing migration",
        "[features]\n",
        {**GOOD_CORE, "core/0002_x/up.sql": "-- gatedb: requires core/0009\nSELECT 1;"},
        ("migrate",),
        "migrations/core/0002_x/up.sql:1: core/0002 requires core/0009, but no such migration exists",
        "check the unit and version",
    ),
    (
        "requires cycle",
        "[features]\n",
        {"core/0001_a/up.sql": "-- gatedb: requires core/0002\nSELECT 1;", "core/0002_b/up.sql": "SELECT 1;"},
        ("migrate",),
        "migrations depend on each other in a cycle: ",
        "remove one of the `-- gatedb: requires` lines",
    ),
    (
        "unknown directive",
        "[features]\n",
        {"core/0001_a/up.sql": "-- gatedb: no-transactions\nSELECT 1;"},
        ("migrate",),
        "migrations/core/0001_a/up.sql:1: unknown gatedb directive 'no-transactions'",
        "known directives",
    ),
    (
        "bad requires syntax",
        "[features]\n",
        {"core/0001_a/up.sql": "-- gatedb: requires core\nSELECT 1;"},
        ("migrate",),
        "migrations/core/0001_a/up.sql:1: bad requires directive",
        "requires <unit>/<version>",
    ),
    (
        "unknown dialect variant",
        "[features]\n",
        {"core/0001_a/up.sql": "SELECT 1;", "core/0001_a/up.postgres.sql": "SELECT 1;"},
        ("migrate",),
        "migrations/core/0001_a/up.postgres.sql: unexpected file in a migration folder",
        "up.<dialect>.sql",
    ),
    (
        "name without a version",
        "[features]\n",
        {"core/init.sql": "SELECT 1;"},
        ("migrate",),
        "migrations/core/init.sql: the name must start with a version",
        "rename it <version>_<name>",
    ),
    (
        "folder without up.sql",
        "[features]\n",
        {"core/0001_a/down.sql": "SELECT 1;"},
        ("migrate",),
        "migrations/core/0001_a: no up.sql",
        "add up.sql",
    ),
    (
        "bad sections",
        "[features]\n",
        {"core/0001_a.sql": "-- gatedb:down\nSELECT 1;\n-- gatedb:up\nSELECT 2;"},
        ("migrate",),
        "migrations/core/0001_a.sql:1: sections must be one `-- gatedb:up`",
        "single up section",
    ),
    (
        "python without upgrade",
        "[features]\n",
        {"core/0001_a.py": "def up(op):\n    pass\n"},
        ("migrate",),
        "migrations/core/0001_a.py: no upgrade(op) function",
        "def upgrade(op)",
    ),
    (
        "python that does not compile",
        "[features]\n",
        {**GOOD_CORE, "core/0002_a.py": "def upgrade(op):\n    op.execute('x'\n"},
        ("migrate",),
        "migrations/core/0002_a.py:2: invalid Python",
        "nothing was applied",
    ),
    (
        "bad database URL",
        "[features]\n",
        GOOD_CORE,
        ("migrate", "-d", "postgresql//u:hunter2@h/x"),
        "invalid database URL 'postgresql//u:***@h/x'",
        "use a URL like",
    ),
    (
        "unsupported database",
        "[features]\n",
        GOOD_CORE,
        ("migrate", "-d", "oracle://u:hunter2@h/x"),
        "unsupported database 'oracle' in URL 'oracle://u:***@h/x'",
        "sqlite, postgresql and mysql",
    ),
    (
        "prune without down",
        "[features]\ntasks = []\n",
        {**GOOD_CORE, "tasks/0001_t/up.sql": "CREATE TABLE t (id INTEGER);"},
        ("prune", "tasks", "--yes"),
        "",
        "",
    ),
]


@pytest.mark.parametrize("name, manifest, files, args, message, hint", CASES, ids=[c[0] for c in CASES])
def test_user_error(tmp_path: Path, name: str, manifest: str, files: dict[str, str], args: tuple[str, ...], message: str, hint: str) -> None:
    project = write_project(tmp_path / "p", manifest, files)
    if name == "prune without down":
        code, _, err = run(project, "migrate", "--features", "tasks")
        assert code == 0, err
        code, _, err = run(project, *args)
        assert code != 0 and "Traceback" not in err
        assert err.splitlines()[0] == "error: cannot prune tasks: no down migration in migrations/tasks/0001_t"
        assert table_names(f"sqlite:///{project / 'app.db'}") == {"users", "t"}
        return
    code, _, err = run(project, *args)
    assert_user_error(project, code, err, message, hint)


def test_symlink_leading_outside_is_refused(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\n", GOOD_CORE)
    outside = tmp_path / "evil.sql"
    outside.write_text("DROP TABLE users;")
    os.symlink(outside, project / "migrations/core/0002_evil.sql")
    code, _, err = run(project, "migrate")
    assert_user_error(project, code, err, "migrations/core/0002_evil.sql leads outside the migrations folder", "copy the file")


def test_changed_checksum_exits_non_zero_and_applies_nothing_more(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\ntasks = []\n", {**GOOD_CORE, "tasks/0001_t/up.sql": "CREATE TABLE t (id INTEGER);"})
    assert run(project, "migrate")[0] == 0
    (project / "migrations/core/0001_init/up.sql").write_text("CREATE TABLE users (id INTEGER PRIMARY KEY, x INTEGER);")
    code, _, err = run(project, "migrate", "--features", "tasks")
    assert code != 0 and "Traceback" not in err
    assert err.splitlines()[0] == "error: applied migration(s) changed since they ran: core/0001 (migrations/core/0001_init)"
    assert "--allow-changed" in err.splitlines()[1]
    assert table_names(f"sqlite:///{project / 'app.db'}") == {"users"}


def test_failing_migration_names_file_and_database_message(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {**GOOD_CORE, "core/0002_bad.sql": "CREATE TABLE users (id INTEGER);"})
    code, _, err = run(project, "migrate")
    assert code != 0 and "Traceback" not in err
    assert err.splitlines()[0] == "error: migration core/0002 failed (up, migrations/core/0002_bad.sql): table users already exists"
    assert table_names(f"sqlite:///{project / 'app.db'}") == {"users"}


def test_lock_timeout_says_who_holds_the_lock(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\n", GOOD_CORE)
    lock = open(project / "app.db.gatedb-lock", "a+")
    fcntl.flock(lock, fcntl.LOCK_EX)
    lock.write("pid 4242 on somehost")
    lock.flush()
    try:
        code, _, err = run(project, "migrate", "--lock-timeout", "0.3")
    finally:
        lock.close()
    assert_user_error(project, code, err, "another gatedb run holds the migration lock (held by pid 4242 on somehost); gave up after 0.3 s", "--lock-timeout")


def test_prune_needs_confirmation_without_a_terminal(tmp_path: Path) -> None:
    project = copy_example("quickstart", tmp_path / "q")
    assert run(project, "migrate", "--all-features")[0] == 0
    code, out, err = run(project, "prune", "projects")
    assert code == 2 and "error: prune needs confirmation" in err
    assert "projects" in table_names(f"sqlite:///{project / 'app.db'}")


def test_features_command_explains_each_feature(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", '[features]\ndefault = ["chat"]\nchat = ["cache"]\ncache = []\ntasks = []\n', GOOD_CORE)
    result = CliRunner().invoke(main, ["features", "-p", str(project), "--features", "tasks"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["chat   default", "cache  implied by chat", "tasks  chosen", "units: core"]


def test_features_env_var_is_read(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\ntasks = []\nmail = []\n", GOOD_CORE)
    result = CliRunner().invoke(main, ["features", "-p", str(project)], env={"GATEDB_FEATURES": "tasks,mail"})
    assert result.exit_code == 0 and result.stdout.splitlines()[:2] == ["tasks  chosen", "mail   chosen"]


def test_manifest_in_pyproject(tmp_path: Path) -> None:
    project = tmp_path / "p"
    write_project(project, "", GOOD_CORE)
    (project / "gatedb.toml").unlink()
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.gatedb]\ndatabase = "sqlite:///from_manifest.db"\n\n[tool.gatedb.features]\ndefault = []\n')
    result = CliRunner().invoke(main, ["migrate", "-q", "-p", str(project)])
    assert result.exit_code == 0, result.stderr
    assert table_names(f"sqlite:///{project / 'from_manifest.db'}") == {"users"}


