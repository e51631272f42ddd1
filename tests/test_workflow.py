"""The everyday workflow: init, new, revert, redo, history, completion; the ordering rule
for equal versions; mistakes named (out of order, deleted, empty, symlink loops); no
bookkeeping tables left by a run that stops before its first migration. SQLite only:
the database-specific parts live in test_faults.py and test_mysql_recovery.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gatedb.commands import main
from gatedb.core import graph
from gatedb.core.features import build_feature_table
from gatedb.core.model import Unit
from gatedb.files import authoring
from gatedb.files.loader import load_project

from conftest import table_names
from helpers import write_project

def gatedb(project: Path, *args: str) -> tuple[int, str, str]:
    db = f"sqlite:///{project / 'app.db'}"
    result = CliRunner().invoke(main, [*args[:1], "-p", str(project), "-d", db, *args[1:]])
    return result.exit_code, result.stdout, result.stderr


def new(project: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["new", "-p", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def tables(project: Path) -> set[str]:
    """Every table, gatedb's own included."""
    engine = sa.create_engine(f"sqlite:///{project / 'app.db'}")
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def one_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert "Traceback" not in err and "internal error" not in err, err
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: "), err
    for needle in needles:
        assert needle in lines[0], err


# --- versions and drafts (pure) -----------------------------------------------------------


PROJECT = {
    "core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
    "core/0002_groups/up.sql": "CREATE TABLE groups_ (id INTEGER PRIMARY KEY);\n",
    "core/0003_more/up.sql": "CREATE TABLE more (id INTEGER PRIMARY KEY);\n",
    "tasks/0001_tasks.sql": "-- gatedb:up\nCREATE TABLE tasks (id INTEGER PRIMARY KEY);\n-- gatedb:down\nDROP TABLE tasks;\n",
}
MANIFEST = '[features]\ndefault = ["tasks"]\ntasks = []\nprojects = ["tasks"]\n'


def test_new_follows_the_units_style_and_requires_what_sorts_after_it(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", MANIFEST, PROJECT)
    draft = authoring.draft_migration(load_project(project), "tasks", "Add due date", "sql")
    ((path, text),) = draft.files  # the unit writes single files: so does its next migration
    assert path == "migrations/tasks/0002_add_due_date.sql"
    assert "-- gatedb:up" in text and "-- gatedb:down" in text
    assert "-- gatedb: requires core/0003" in text  # core/0003 sorts after tasks/0002: run after it
    assert "may use what these units create: core" in text


def test_new_writes_folders_and_a_bridge_in_declaration_order(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", MANIFEST, PROJECT)
    code, out, err = new(project, "projects+tasks", "link", "--python")
    assert code == 0, err
    written = project / "migrations" / "tasks+projects" / "0001_link.py"
    assert out.strip() == f"created {written}"
    text = written.read_text()
    assert text.startswith("# gatedb: requires core/0003\n\"\"\"")
    assert "def upgrade(op):" in text and "def downgrade(op):" in text
    code, _, err = new(project, "core", "add_email")
    assert code == 0, err
    assert (project / "migrations/core/0004_add_email/up.sql").is_file()
    assert (project / "migrations/core/0004_add_email/down.sql").is_file()
    loaded = load_project(project)  # what it wrote loads, and orders as it says
    ids = [str(m.id) for m in loaded.migrations]
    assert ids.index("tasks+projects/0001") > ids.index("core/0003")


def test_new_refuses_an_unknown_unit_and_a_nameless_name(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", MANIFEST, PROJECT)
    code, _, err = new(project, "mail", "x")
    assert code != 0
    one_error(err, "mail")
    code, _, err = new(project, "core", "...")
    assert code != 0
    one_error(err, "has no letters or digits")


def test_init_then_new_then_migrate(tmp_path: Path) -> None:
    folder = tmp_path / "app"
    result = CliRunner().invoke(main, ["init", str(folder), "--database", "sqlite:///app.db", "--feature", "tasks"])
    assert result.exit_code == 0, result.stderr
    assert (folder / "migrations" / "core").is_dir()
    assert 'database = "sqlite:///app.db"' in (folder / "gatedb.toml").read_text()
    again = CliRunner().invoke(main, ["init", str(folder)])
    assert again.exit_code != 0
    one_error(again.stderr, "exists already")
    assert new(folder, "core", "users")[0] == 0
    up = next((folder / "migrations/core").glob("0001_users/up.sql"))
    up.write_text(up.read_text() + "CREATE TABLE users (id INTEGER PRIMARY KEY);\n")
    code, out, err = gatedb(folder, "migrate")
    assert code == 0 and "applied 1 migration(s)" in out, err


def test_every_new_command_has_an_example_in_its_help() -> None:
    for command in ("init", "new", "revert", "redo", "history", "completion", "migrate"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout, command
        assert f"gatedb {command}" in result.stdout or command == "redo" and "gatedb redo" in result.stdout, command


def test_completion_script_and_unit_completion(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["completion", "bash"])
    assert result.exit_code == 0 and "_GATEDB_COMPLETE" in result.stdout
    project = write_project(tmp_path / "p", MANIFEST, PROJECT)
    env = {"_GATEDB_COMPLETE": "bash_complete", "COMP_WORDS": f"gatedb new -p {project} ta", "COMP_CWORD": "4"}
    completed = CliRunner().invoke(main, [], env=env, prog_name="gatedb")
    assert "plain,tasks" in completed.stdout.split()


# --- revert, redo, history ----------------------------------------------------------------

CHAIN = {
    "core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);",
    "core/0001_users/down.sql": "DROP TABLE users;",
    "tasks/0001_tasks/up.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));",
    "tasks/0001_tasks/down.sql": "DROP TABLE tasks;",
    "tasks/0002_due/up.sql": "ALTER TABLE tasks ADD COLUMN due TEXT;",
    "tasks/0002_due/down.sql": "ALTER TABLE tasks DROP COLUMN due;",
    "mail/0003_mail/up.sql": "CREATE TABLE mail (id INTEGER PRIMARY KEY);",
}
CHAIN_MANIFEST = '[features]\ndefault = ["tasks", "mail"]\ntasks = []\nmail = []\n'


def test_revert_newest_first_and_refuses_one_with_dependants(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", CHAIN_MANIFEST, CHAIN)
    assert gatedb(project, "migrate")[0] == 0
    code, _, err = gatedb(project, "revert", "core")
    assert code != 0
    one_error(err, "cannot revert core/0001: applied migration(s) tasks/0001, tasks/0002, mail/0003 may use it")
    code, _, err = gatedb(project, "revert")  # the newest: mail/0003, which has no down
    one_error(err, "cannot revert mail/0003: migrations/mail/0003_mail has no down migration")
    code, out, err = gatedb(project, "revert", "tasks", "--to", "0001")
    assert code == 0, err
    assert "reverted tasks/0002" in out
    code, out, err = gatedb(project, "revert", "--to", "tasks/0000")
    one_error(err, "no migration tasks/0000")
    code, out, err = gatedb(project, "revert", "tasks", "-n", "1")
    assert code == 0, err
    assert table_names(f"sqlite:///{project / 'app.db'}") == {"users", "mail"}


def test_redo_reverts_and_reapplies_and_history_records_each_run(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", CHAIN_MANIFEST, {k: v for k, v in CHAIN.items() if not k.startswith("mail")})
    assert gatedb(project, "migrate")[0] == 0
    code, out, err = gatedb(project, "redo", "tasks")
    assert code == 0, err
    assert out.splitlines() == ["[1/2] reverted tasks/0002 due" + out.splitlines()[0].split("due", 1)[1], *out.splitlines()[1:]]
    assert "applied tasks/0002 due" in out and "redid 1 migration(s)" in out
    code, out, err = gatedb(project, "history", "--format", "json")
    assert code == 0, err
    runs = json.loads(out)["runs"]
    assert [r["command"] for r in runs] == ["migrate", "redo"]
    assert runs[0]["migrations"] == ["core/0001", "tasks/0001", "tasks/0002"]
    assert runs[1]["migrations"] == ["tasks/0002", "tasks/0002"]
    assert runs[0]["features"] == ["mail", "tasks"] and runs[0]["state"] == "done"
    assert f"pid {os.getpid()} on " in runs[0]["who"]
    code, out, _ = gatedb(project, "history")
    assert code == 0 and " migrate " in out.splitlines()[0] and "features: mail, tasks" in out


def test_history_of_a_database_gatedb_never_changed(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", CHAIN_MANIFEST, CHAIN)
    code, out, _ = gatedb(project, "history")
    assert code == 0 and "no recorded runs" in out
    assert not (project / "app.db").exists()


# --- equal versions follow implication ----------------------------------------------------


def test_equal_versions_run_the_implied_units_first(tmp_path: Path) -> None:
    # tasks implies project but is declared first: tasks/1 uses project/1's table.
    manifest = '[features]\ndefault = ["tasks"]\ntasks = ["project"]\nproject = []\n'
    files = {
        "project/1_project/up.sql": "CREATE TABLE project (id INTEGER PRIMARY KEY);",
        "tasks/1_tasks/up.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES project (id));\n"
        "INSERT INTO project (id) VALUES (1);",
    }
    project = write_project(tmp_path / "p", manifest, files)
    assert [str(m.id) for m in load_project(project).migrations] == ["project/1", "tasks/1"]
    code, _, err = gatedb(project, "migrate")
    assert code == 0, err


def test_unit_rank_puts_implied_units_first_and_keeps_declaration_order_otherwise() -> None:
    features = build_feature_table({"z": ["y"], "a": [], "y": [], "b": []}, "gatedb.toml")
    units = [Unit("core", frozenset()), Unit("z", frozenset("z")), Unit("a", frozenset("a")), Unit("y", frozenset("y")),
             Unit("b", frozenset("b")), Unit("a+z", frozenset("az"))]
    assert [u.name for u in graph.sort_units(units, features)] == ["core", "y", "z", "a", "b", "a+z"]


def test_an_applied_history_in_the_old_order_is_reported_not_rerun(tmp_path: Path) -> None:
    manifest = '[features]\ndefault = ["tasks"]\ntasks = ["project"]\nproject = []\n'
    files = {"project/1_project/up.sql": "CREATE TABLE project (id INTEGER PRIMARY KEY);", "tasks/1_tasks/up.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY);"}
    project = write_project(tmp_path / "p", manifest, files)
    assert gatedb(project, "migrate")[0] == 0
    url = f"sqlite:///{project / 'app.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # as an older gatedb ran it: tasks/1 first
        conn.execute(sa.text("UPDATE gatedb_migrations SET applied_at = '2020-01-01T00:00:00' WHERE unit = 'tasks'"))
    engine.dispose()
    code, out, _ = gatedb(project, "plan")
    assert code == 0
    assert "nothing to do" in out
    assert "reordered  tasks/1 ran before project/1; today project/1 runs first" in out
    code, out, _ = gatedb(project, "migrate")
    assert code == 0 and "nothing to do" in out


# --- mistakes named -----------------------------------------------------------------------


def test_out_of_order_is_refused_reported_and_allowed(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", CHAIN_MANIFEST, {k: v for k, v in CHAIN.items() if not k.startswith("mail")})
    assert gatedb(project, "migrate")[0] == 0
    late = project / "migrations/tasks/0001.5_late/up.sql"
    late.parent.mkdir()
    late.write_text("CREATE TABLE late (id INTEGER PRIMARY KEY);")
    code, _, err = gatedb(project, "migrate")
    assert code != 0
    one_error(err, "out-of-order migration(s): tasks/0001.5 (migrations/tasks/0001.5_late) is older than tasks/0002, applied already")
    assert "--allow-out-of-order" in err
    assert "late" not in table_names(f"sqlite:///{project / 'app.db'}")
    assert "out-of-order  tasks/0001.5" in gatedb(project, "plan")[1]
    assert json.loads(gatedb(project, "plan", "--format", "json")[1])["out_of_order"] == ["tasks/0001.5"]
    assert "out-of-order: tasks/0001.5" in gatedb(project, "status")[1]
    code, out, _ = gatedb(project, "check")
    assert code == 1 and "error GD023: tasks/0001.5 is pending but older than tasks/0002" in out
    code, out, err = gatedb(project, "migrate", "--allow-out-of-order")
    assert code == 0, err
    assert "warning: tasks/0001.5 runs out of order" in err


def test_migrate_names_a_deleted_applied_migration(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", CHAIN_MANIFEST, CHAIN)
    assert gatedb(project, "migrate")[0] == 0
    for path in (project / "migrations/tasks/0002_due").iterdir():
        path.unlink()
    (project / "migrations/tasks/0002_due").rmdir()
    code, out, err = gatedb(project, "migrate")
    assert code == 0
    assert "warning: applied migration tasks/0002 (due) is recorded in the database but its file is gone" in err


def test_an_empty_up_sql_is_a_warning(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_todo/up.sql": "-- fill me in\n/* later */\n"})
    code, out, err = gatedb(project, "migrate")
    assert code == 0
    assert "warning: migrations/core/0001_todo has no SQL (only comments)" in err
    code, out, _ = gatedb(project, "check")
    assert "warning GD022: core/0001 has no SQL, only comments" in out


def test_a_symlink_loop_is_a_plain_error(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_a/up.sql": "CREATE TABLE a (id INTEGER);"})
    os.symlink("0002_b", project / "migrations/core/0002_b")
    code, _, err = gatedb(project, "plan")
    assert code != 0
    one_error(err, "migrations/core/0002_b is a symlink loop")


def test_no_bookkeeping_tables_when_a_run_stops_before_its_first_migration(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_a/up.sql": "CREATE TABLE a (id INTEGER);", "core/0002_b.py": "def upgrade(op)\n"})
    code, _, err = gatedb(project, "migrate")
    assert code != 0
    one_error(err, "invalid Python")
    assert not (project / "app.db").exists() or tables(project) == set()
    (project / "migrations/core/0002_b.py").unlink()
    (project / "migrations/core/0001_a/up.sql").write_text("-- nothing yet\n")
    empty = write_project(tmp_path / "q", "[features]\n", {})
    assert gatedb(empty, "migrate")[0] == 0  # nothing to do: nothing created
    assert not (empty / "app.db").exists() or tables(empty) == set()


def test_new_in_a_diesel_style_unit_keeps_dashes_and_numbering(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {"core/6.0.8-01-tickets/up.sql": "CREATE TABLE tickets (id INTEGER);"})
    code, _, err = new(project, "core", "ticket notes")
    assert code == 0, err
    assert (project / "migrations/core/6.0.8-02-ticket-notes/up.sql").is_file()


# --- SQLite readers do not wait for a running migration ------------------------------------

HOLDING = '''\
import os
import time


def upgrade(op):
    op.execute("CREATE TABLE big (b BLOB)")
    op.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) INSERT INTO big SELECT randomblob(1000) FROM n")
    release = os.environ.get("GATEDB_TEST_HOLD")
    while release and not os.path.exists(release):  # only in the child: the readers' analysis runs it too
        time.sleep(0.05)
'''


def test_sqlite_readers_do_not_wait_for_a_running_migration(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_a/up.sql": "CREATE TABLE a (id INTEGER);", "core/0002_big.py": HOLDING})
    db = project / "app.db"
    release = tmp_path / "release"
    env = {**os.environ, "GATEDB_TEST_HOLD": str(release)}
    proc = subprocess.Popen([sys.executable, "-m", "gatedb", "migrate", "-q", "-p", str(project), "-d", f"sqlite:///{db}"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (db.exists() and (project / "app.db.gatedb-lock").read_text().strip() if (project / "app.db.gatedb-lock").exists() else False):
            assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
            time.sleep(0.05)
        time.sleep(1.0)  # inside core/0002: 6 MB written in its open transaction, more than SQLite's page cache
        for command in ("status", "plan"):
            started = time.monotonic()
            code, out, err = gatedb(project, command)
            elapsed = time.monotonic() - started
            assert code == 0, err
            assert f"run in progress: pid {proc.pid} on " in out, out
            assert elapsed < 10, f"{command} waited {elapsed:.1f} s for the run"
        assert "unfinished" not in out and "core/0002  big" in out  # a transactional run: its migration is pending
    finally:
        release.touch()
        assert proc.wait(timeout=60) == 0, proc.communicate()
    code, out, _ = gatedb(project, "status")
    assert "run in progress" not in out


@pytest.mark.integration
def test_redo_and_history_on_every_database(tmp_path: Path, db_url: str) -> None:
    project = write_project(tmp_path / "p", CHAIN_MANIFEST, {k: v for k, v in CHAIN.items() if not k.startswith("mail")})
    run = lambda *args: CliRunner().invoke(main, [args[0], "-p", str(project), "-d", db_url, *args[1:]])  # noqa: E731
    assert run("migrate").exit_code == 0
    result = run("redo", "-n", "2")
    assert result.exit_code == 0, result.stderr
    assert "redid 2 migration(s)" in result.stdout
    result = run("history", "--format", "json")
    runs = json.loads(result.stdout)["runs"]
    assert [(r["command"], r["state"]) for r in runs] == [("migrate", "done"), ("redo", "done")]
    assert runs[1]["migrations"] == ["tasks/0002", "tasks/0001", "tasks/0001", "tasks/0002"]
    assert table_names(db_url) == {"users", "tasks"}


def test_migrate_progress_lines_quiet_and_json_events(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", CHAIN_MANIFEST, {k: v for k, v in CHAIN.items() if not k.startswith("mail")})
    code, out, err = gatedb(project, "migrate", "--format", "json")
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["event"] for e in events] == ["started", "applied"] * 3 + ["done"]
    assert events[1]["id"] == "core/0001" and events[1]["index"] == 1 and events[1]["total"] == 3 and events[1]["duration_ms"] >= 0
    assert events[-1] == {"event": "done", "applied": 3, "features": ["tasks", "mail"], "dormant": []}
    code, out, err = gatedb(project, "revert", "-n", "3")
    assert code == 0 and out.splitlines()[0].startswith("[1/3] reverted tasks/0002 due (")  # not a terminal: one line each
    code, out, err = gatedb(project, "migrate", "-q")
    assert code == 0 and out == "" and err == ""


def test_bookkeeping_of_version_1_is_upgraded_by_the_next_run(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", CHAIN_MANIFEST, {k: v for k, v in CHAIN.items() if not k.startswith("mail")})
    assert gatedb(project, "migrate")[0] == 0
    engine = sa.create_engine(f"sqlite:///{project / 'app.db'}")
    with engine.begin() as conn:  # as gatedb 0.1 left it: no gatedb_runs, schema_version 1
        conn.execute(sa.text("DROP TABLE gatedb_runs"))
        conn.execute(sa.text("UPDATE gatedb_meta SET value = '1' WHERE key = 'schema_version'"))
    engine.dispose()
    code, out, err = gatedb(project, "migrate")
    assert code == 0 and "nothing to do" in out, err
    assert "gatedb_runs" in tables(project)
    assert gatedb(project, "history")[1].startswith("no recorded runs")
