"""gatedb check: one fixture project per diagnostic id, each with one known defect,
asserting the exact diagnostic; and clean projects giving none."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import gatedb.api as api
from gatedb.analysis.checker import RULES
from gatedb.commands import main

from helpers import copy_example, write_project

TWO_FEATURES = '[features]\ntasks = []\nmail = []\n'
ON_POSTGRES = 'database = "postgresql://app:secret@db.invalid/app"\n' + TWO_FEATURES
USERS = {"core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n"}

# id -> (manifest, files, (file, line, message))
DEFECTS: dict[str, tuple[str, dict[str, str], tuple[str, int, str]]] = {
    "GD001": (
        TWO_FEATURES,
        {**USERS, "tasks/0001_tasks/up.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY);\n",
         "mail/0002_mail/up.sql": "-- mail points at tasks, which mail does not imply\nCREATE TABLE mails (\n  id INTEGER PRIMARY KEY,\n  task_id INTEGER REFERENCES tasks (id)\n);\n"},
        ("migrations/mail/0002_mail/up.sql", 2,
         "mail/0002 references table tasks, created by tasks/0001 (unit tasks), which is not always on when mail is on; "
         "it breaks with --no-default-features --features mail"),
    ),
    "GD002": (
        TWO_FEATURES,
        {**USERS, "core/0002_index/up.sql": "CREATE INDEX ix_accounts_name ON accounts (name);\n"},
        ("migrations/core/0002_index/up.sql", 1, "core/0002 references table accounts, which no migration creates"),
    ),
    "GD003": (
        TWO_FEATURES,
        {**USERS, "tasks/0002_users_again/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"},
        ("migrations/tasks/0002_users_again/up.sql", 1, "tasks/0002 creates table users, which already exists (created first by core/0001)"),
    ),
    "GD004": (
        ON_POSTGRES,
        {**USERS, "tasks/0002_default/up.sql": "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'task';\n",
         "mail/0003_default/up.sql": "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'mail';\n"},
        ("migrations/mail/0003_default/up.sql", 1, "mail/0003 (unit mail) and tasks/0002 (unit tasks) both alter table users, and neither depends on the other"),
    ),
    "GD005": (
        ON_POSTGRES,
        {**USERS, "mail/0001_drop_name/up.sql": "ALTER TABLE users DROP COLUMN name;\n",
         "tasks/0002_index_name/up.sql": "CREATE INDEX ix_users_name ON users (name);\n"},
        ("migrations/tasks/0002_index_name/up.sql", 1, "tasks/0002 references column users.name, which mail/0001 (unit mail) drops or renames before it when both units are on"),
    ),
    "GD006": (
        ON_POSTGRES,
        {**USERS, "tasks/0002_index_name/up.sql": "CREATE INDEX ix_users_name ON users (name);\n",
         "mail/0003_rename/up.sql": "ALTER TABLE users RENAME COLUMN name TO full_name;\n"},
        ("migrations/tasks/0002_index_name/up.sql", 1,
         "tasks/0002 uses column users.name, which mail/0003 (unit mail) renames later; enabling tasks after mail/0003 ran runs tasks/0002 against a schema without it"),
    ),
    "GD007": (
        TWO_FEATURES,
        {"core/0001_two/up.sql": "CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\n", "core/0001_two/down.sql": "DROP TABLE a;\n"},
        ("migrations/core/0001_two/up.sql", 0, "the down migration of core/0001 leaves what its up created: table b"),
    ),
    "GD008": (
        TWO_FEATURES,
        {**USERS, "core/0002_odd/up.sql": "CREATE TABLE t (id INTEGER);\nFROBNICATE ALL THE TABLES;\n"},
        ("migrations/core/0002_odd/up.sql", 2, None),  # the scanner's own words
    ),
    "GD009": (
        TWO_FEATURES,
        {"core/0001_bots/up.sql": "CREATE TABLE bots (id INTEGER PRIMARY KEY);\n",
         "tasks/0001_tasks/up.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES users (id));\n",
         "core/0002_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"},
        ("migrations/tasks/0001_tasks/up.sql", 1, "tasks/0001 references table users, but core/0002 creates it only later in the order"),
    ),
    "GD010": (
        "[features]\ntasks = [\"nosuch\"]\n",
        USERS,
        ("gatedb.toml", 0, "unknown feature 'nosuch' in gatedb.toml [features] tasks"),
    ),
}


@pytest.mark.parametrize("rule", sorted(DEFECTS))
def test_each_defect_gives_exactly_its_diagnostic(tmp_path: Path, rule: str) -> None:
    manifest, files, (file, line, message) = DEFECTS[rule]
    report = api.check(write_project(tmp_path / rule, manifest, files))
    found = [(d.id, d.file, d.line, d.message) for d in report.diagnostics]
    assert [f[0] for f in found] == [rule], found
    assert found[0][1:3] == (file, line)
    if message is not None:
        assert found[0][3] == message
    assert report.diagnostics[0].hint
    assert report.diagnostics[0].level == RULES[rule][0]


def test_gd001_hint_names_the_bridge_or_the_implication(tmp_path: Path) -> None:
    manifest, files, _ = DEFECTS["GD001"]
    (diag,) = api.check(write_project(tmp_path / "p", manifest, files)).diagnostics
    assert diag.hint == "move the statement to migrations/mail+tasks/, or add 'tasks' to 'mail' in [features]"


def test_gd009_hint_names_the_requires_line(tmp_path: Path) -> None:
    manifest, files, _ = DEFECTS["GD009"]
    (diag,) = api.check(write_project(tmp_path / "p", manifest, files)).diagnostics
    assert diag.hint == "add `-- gatedb: requires core/0002` to migrations/tasks/0001_tasks/up.sql"


def test_fixing_gd001_with_a_bridge_makes_the_project_clean(tmp_path: Path) -> None:
    files = {**USERS, "tasks/0001_tasks/up.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY);\n",
             "mail/0002_mail/up.sql": "CREATE TABLE mails (id INTEGER PRIMARY KEY, task_id INTEGER);\n",
             "tasks+mail/0003_mail_task/up.sql": "CREATE TABLE mail_tasks (mail_id INTEGER REFERENCES mails (id), task_id INTEGER REFERENCES tasks (id));\n"}
    assert api.check(write_project(tmp_path / "p", TWO_FEATURES, files)).diagnostics == ()


def test_severity_is_configurable_per_rule(tmp_path: Path) -> None:
    manifest, files, _ = DEFECTS["GD003"]
    project = write_project(tmp_path / "p", manifest + '\n[check.severity]\nGD003 = "warning"\n', files)
    (diag,) = api.check(project).diagnostics
    assert (diag.id, diag.level) == ("GD003", "warning")
    (project / "gatedb.toml").write_text(manifest + '\n[check.severity]\nGD003 = "off"\n')
    assert api.check(project).diagnostics == ()


def test_unknown_severity_is_a_manifest_error(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", TWO_FEATURES + '\n[check.severity]\nGD003 = "loud"\n', USERS)
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "error: gatedb.toml: [check.severity] GD003 = 'loud' is not a known rule and level"


def test_cli_prints_all_diagnostics_then_fails_once(tmp_path: Path) -> None:
    manifest, files, _ = DEFECTS["GD001"]
    extra = {**files, "core/0002_index/up.sql": "CREATE INDEX ix_accounts_name ON accounts (name);\n"}
    result = CliRunner().invoke(main, ["check", "-p", str(write_project(tmp_path / "p", manifest, extra))])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "migrations/core/0002_index/up.sql:1: error GD002: core/0002 references table accounts, which no migration creates"
    assert any(line.startswith("migrations/mail/0002_mail/up.sql:2: error GD001: ") for line in lines)
    assert "2 error(s), 0 warning(s)" in lines[-1]
    assert result.stderr.startswith("error: check found 2 error(s)")


def test_json_format_is_machine_readable(tmp_path: Path) -> None:
    import json

    manifest, files, _ = DEFECTS["GD002"]
    result = CliRunner().invoke(main, ["check", "--format", "json", "-p", str(write_project(tmp_path / "p", manifest, files))])
    data = json.loads(result.stdout)
    assert data["errors"] == 1 and data["diagnostics"][0]["id"] == "GD002"
    assert data["diagnostics"][0]["file"] == "migrations/core/0002_index/up.sql" and data["diagnostics"][0]["line"] == 1


def test_html_report(tmp_path: Path) -> None:
    manifest, files, _ = DEFECTS["GD002"]
    page = tmp_path / "report.html"
    CliRunner().invoke(main, ["check", "--html", str(page), "-p", str(write_project(tmp_path / "p", manifest, files))])
    text = page.read_text()
    assert "GD002" in text and "accounts" in text and "<h2>Features, units and dependencies</h2>" in text


def test_quickstart_is_clean(tmp_path: Path) -> None:
    report = api.check(copy_example("quickstart", tmp_path / "q"))
    assert report.diagnostics == ()


def test_graph_formats(tmp_path: Path) -> None:
    project = str(copy_example("quickstart", tmp_path / "q"))
    mermaid = CliRunner().invoke(main, ["graph", "-p", project]).stdout
    assert mermaid.startswith("flowchart LR") and 'n_u_tasks_projects{{"tasks+projects"}}' in mermaid
    dot = CliRunner().invoke(main, ["graph", "-p", project, "--format", "dot", "--dialect", "sqlite"]).stdout
    assert dot.startswith("digraph gatedb {") and '"n_u_tasks_projects" -> "n_u_tasks"' in dot


# --- check --matrix: the empirical confirmation on real databases ------------------------

from gatedb.analysis import matrix  # noqa: E402
from gatedb.core.features import build_feature_table  # noqa: E402


def test_pairwise_sets_cover_every_possible_pair() -> None:
    table = build_feature_table({"a": [], "b": ["a"], "c": [], "d": [], "e": ["c"]}, "gatedb.toml")
    factors = list(table.names)
    rows = matrix.pairwise_sets(table, factors)
    for x in factors:
        for y in factors:
            if x >= y:
                continue
            for vx in (True, False):
                for vy in (True, False):
                    impossible = (vx and not vy and y in table.closure([x])) or (vy and not vx and x in table.closure([y]))
                    covered = any((x in row) == vx and (y in row) == vy for row in rows)
                    assert covered or impossible, (x, vx, y, vy)
    assert len(rows) <= 10


@pytest.mark.integration
@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_matrix_confirms_the_quickstart(tmp_path: Path, dialect: str, new_db) -> None:
    project = copy_example("quickstart", tmp_path / "q")
    server = new_db(dialect)
    result = CliRunner().invoke(main, ["check", "--matrix", "-p", str(project), "-d", server, "--format", "json"])
    import json

    data = json.loads(result.stdout)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert data["errors"] == 0
    labels = [run["features"] for run in data["matrix"]]
    assert labels[:3] == ["--no-default-features", "default", "--no-default-features --features projects"]
    assert "--all-features" in labels and "default, then --features projects" in labels
    assert all(run["ok"] for run in data["matrix"])


@pytest.mark.integration
def test_matrix_reports_what_the_analysis_cannot_see(tmp_path: Path, new_db) -> None:
    project = write_project(
        tmp_path / "p",
        'database = "postgresql://x@h/x"\n[features]\ntasks = []\n',
        {
            "core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
            "tasks/0001_hidden/up.sql": "DO $$ BEGIN EXECUTE 'CREATE TABLE hidden (id integer)'; END $$;\n",
        },
    )
    result = CliRunner().invoke(main, ["check", "--matrix", "-p", str(project), "-d", new_db("postgresql")])
    assert result.exit_code == 1
    assert "feature set --no-default-features --features tasks on postgresql: table hidden is in the database but not predicted" in result.stdout
    assert "error GD011" in result.stdout


@pytest.mark.integration
def test_matrix_reports_a_feature_set_that_fails(tmp_path: Path, new_db) -> None:
    project = write_project(
        tmp_path / "p",
        "[features]\ntasks = []\n",
        {
            "core/0001_users/up.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
            "tasks/0001_bad/up.sql": "INSERT INTO users (id) VALUES ('x', 'y');\n",
        },
    )
    result = CliRunner().invoke(main, ["check", "--matrix", "-p", str(project), "-d", new_db("sqlite")])
    assert result.exit_code == 1
    assert "error GD012: feature set --no-default-features --features tasks fails on sqlite: migration tasks/0001 failed" in result.stdout
