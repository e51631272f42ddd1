"""`gatedb makemigrations UNIT`: hand-written schema modules become each unit's next migration.

The check of "the database matches" is independent of gatedb's own comparison: the
declared metadata is created with create_all in one database, the migrations run in
another, and both are reflected and compared (columns, nullability, foreign keys).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gatedb import api
from gatedb.commands import main
from gatedb.schema import autogen

from conftest import PG_ADMIN
from helpers import write_project

MANIFEST = """
[features]
default = ["tasks"]
tasks = []
projects = []

[schema]
package = "schema"
"""
MIGRATIONS = {
    "core/0001_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\n",
    "tasks/0001_tasks.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);\n",
    "projects/0001_projects.sql": "CREATE TABLE projects (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n",
}
CORE = """
import sqlalchemy as sa


def define(metadata):
    sa.Table("users", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("email", sa.String(200), nullable=False))
"""
PROJECTS = """
import sqlalchemy as sa


def define(metadata):
    sa.Table("projects", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(100), nullable=False))
"""
# tasks points at users (core: in its closure) and at projects (outside it: the bridge's)
TASKS = """
import sqlalchemy as sa


def define(metadata):
    sa.Table(
        "tasks", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("owner_id", sa.ForeignKey("users.id", ondelete="CASCADE")),
        sa.Column("project_id", sa.ForeignKey("projects.id")),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    sa.Table(
        "task_notes", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("task_id", sa.ForeignKey("tasks.id"), nullable=False),
        sa.Column("body", sa.Text),
        sa.Index("ix_task_notes_task_id", "task_id"),
    )
"""


def make_project(root: Path, modules: dict[str, str]) -> Path:
    write_project(root, MANIFEST, MIGRATIONS)
    (root / "schema").mkdir()
    (root / "schema/__init__.py").write_text("")
    for name, text in modules.items():
        (root / "schema" / name).write_text(textwrap.dedent(text))
    return root


def makemigrations(project: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["makemigrations", "-p", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def shape(url: str) -> dict[str, object]:
    """Tables -> (column, nullable) pairs and foreign keys, without gatedb's bookkeeping."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        inspector = sa.inspect(engine)
        out: dict[str, object] = {}
        for table in sorted(t for t in inspector.get_table_names() if not t.startswith("gatedb_")):
            columns = sorted((c["name"], bool(c["nullable"]) and c["name"] != "id") for c in inspector.get_columns(table))
            keys = sorted((tuple(k["constrained_columns"]), k["referred_table"], (k.get("options") or {}).get("ondelete")) for k in inspector.get_foreign_keys(table))
            out[table] = (columns, keys)
        return out
    finally:
        engine.dispose()


def declared_shape(project: Path, url: str, units: list[str]) -> dict[str, object]:
    """What create_all of the given units' modules builds (the all-features declaration)."""
    proj = api.open_project(project)
    folder, shown = autogen.package_folder(proj)
    declared = autogen.declare(proj, [u for u in proj.units if u.name in units], folder, shown)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    declared.metadata.create_all(engine)
    engine.dispose()
    return shape(url)


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_modules_become_migrations_and_the_database_matches(tmp_path: Path, new_db, dialect: str) -> None:
    project = make_project(tmp_path / "app", {"core.py": CORE, "tasks.py": TASKS, "projects.py": PROJECTS})
    server = ["-d", PG_ADMIN] if dialect == "postgresql" else []
    target = new_db(dialect)  # also skips when the server is down
    code, out, err = makemigrations(project, "tasks", "-m", "Notes and owners", *server)
    assert code == 0, err
    tasks_file = project / "migrations/tasks/0002_notes_and_owners.py"
    bridge_file = project / "migrations/projects+tasks/0001_notes_and_owners.py"
    assert out.splitlines()[0] == "wrote migrations/tasks/0002_notes_and_owners.py"
    assert "wrote migrations/projects+tasks/0001_notes_and_owners.py" in out
    tasks_text, bridge_text = tasks_file.read_text(), bridge_file.read_text()
    assert tasks_text.startswith("# gatedb: requires core/0001\n")  # its key into users needs core's table
    assert "'projects'" not in tasks_text and "project_id" in tasks_text  # the column stays, the key moves
    assert bridge_text.startswith("# gatedb: requires tasks/0002, projects/0001\n")
    assert "create_foreign_key('fk_tasks_project_id', 'projects', ['project_id'], ['id'])" in bridge_text

    api.migrate(project, database=target, all_features=True)
    assert shape(target) == declared_shape(project, new_db(dialect), ["core", "tasks", "projects"])

    # the rerun makes nothing, for the unit and for the bridge
    code, out, err = makemigrations(project, "tasks", "-m", "again", *server)
    assert (code, out.strip()) == (0, "no changes: tasks's migrations already make what its schema module declares"), err
    assert sorted(p.name for p in (project / "migrations").rglob("*.py")) == ["0001_notes_and_owners.py", "0002_notes_and_owners.py"]


def test_without_the_other_feature_the_column_is_there_and_the_key_is_not(tmp_path: Path) -> None:
    project = make_project(tmp_path / "app", {"core.py": CORE, "tasks.py": TASKS, "projects.py": PROJECTS})
    assert makemigrations(project, "tasks", "-m", "notes")[0] == 0
    url = f"sqlite:///{tmp_path / 'tasks_only.db'}"
    api.migrate(project, database=url)  # default: tasks without projects
    columns, keys = shape(url)["tasks"]  # type: ignore[misc]
    assert ("project_id", True) in columns
    assert keys == [(("owner_id",), "users", "CASCADE")]
    assert "projects" not in shape(url)


def test_a_bridge_module_appends_its_key_and_makemigrations_writes_it_to_the_bridge(tmp_path: Path) -> None:
    tasks = TASKS.replace('sa.Column("project_id", sa.ForeignKey("projects.id")),', 'sa.Column("project_id", sa.Integer),')
    bridge = """
    import sqlalchemy as sa


    def define(metadata):
        metadata.tables["tasks"].append_constraint(sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="SET NULL"))
    """
    project = make_project(tmp_path / "app", {"core.py": CORE, "tasks.py": tasks, "projects.py": PROJECTS, "tasks__projects.py": bridge})
    code, out, err = makemigrations(project, "tasks", "-m", "notes")
    assert code == 0 and "tasks+projects" not in out and "projects+tasks" not in out, out + err
    code, out, err = makemigrations(project, "tasks+projects", "-m", "task projects")
    assert code == 0, err
    assert out.splitlines() == ["wrote migrations/tasks+projects/0001_task_projects.py", "  - create foreign key fk_tasks_project_id on tasks"]
    text = (project / "migrations/tasks+projects/0001_task_projects.py").read_text()
    assert text.startswith("# gatedb: requires tasks/0002, projects/0001\n")
    url = f"sqlite:///{tmp_path / 'all.db'}"
    api.migrate(project, database=url, all_features=True)
    assert shape(url)["tasks"][1] == [(("owner_id",), "users", "CASCADE"), (("project_id",), "projects", "SET NULL")]  # type: ignore[index]
    assert makemigrations(project, "tasks+projects", "-m", "again")[1].startswith("no changes")


def test_a_core_table_pointing_at_a_feature_table_gives_the_key_to_the_feature(tmp_path: Path) -> None:
    core = CORE.replace('nullable=False))', 'nullable=False), sa.Column("last_project_id", sa.ForeignKey("projects.id")))')
    project = make_project(tmp_path / "app", {"core.py": core, "tasks.py": TASKS, "projects.py": PROJECTS})
    code, out, err = makemigrations(project, "core", "-m", "last project")
    assert code == 0, err
    assert out.splitlines() == [
        "wrote migrations/core/0002_last_project.py",
        "  - add column last_project_id on users",
        "wrote migrations/projects/0002_last_project.py",
        "  - create foreign key fk_users_last_project_id on users",
    ]
    assert (project / "migrations/projects/0002_last_project.py").read_text().startswith("# gatedb: requires core/0002\n")
    # the written migrations are in order for every feature set (the schema modules' drift is check's other half)
    assert [d for d in api.check(project).diagnostics if d.file.startswith("migrations/")] == []
    assert makemigrations(project, "core", "-m", "again")[1].startswith("no changes")


def test_a_removed_column_and_table_are_dropped(tmp_path: Path) -> None:
    project = make_project(tmp_path / "app", {"core.py": CORE, "tasks.py": TASKS, "projects.py": PROJECTS})
    assert makemigrations(project, "tasks", "-m", "notes")[0] == 0
    smaller = TASKS.split('    sa.Table(\n        "task_notes"')[0].replace('        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),\n', "")
    (project / "schema/tasks.py").write_text(textwrap.dedent(smaller))
    code, out, err = makemigrations(project, "tasks", "-m", "less")
    assert code == 0, err
    assert out.splitlines() == [
        "wrote migrations/tasks/0003_less.py",
        "  - drop index ix_task_notes_task_id on task_notes",
        "  - drop table task_notes",
        "  - drop column done on tasks",
    ]
    url = f"sqlite:///{tmp_path / 'x.db'}"
    api.migrate(project, database=url)
    assert set(shape(url)) == {"users", "tasks"}
    assert ("done", False) not in shape(url)["tasks"][0]  # type: ignore[index]


@pytest.mark.parametrize(
    ("modules", "manifest_extra", "args", "message", "hint"),
    [
        ({"core.py": CORE}, "", ("nope", "-m", "x"), "error: unknown unit 'nope'", "hint: units: core, tasks, projects"),
        ({"core.py": CORE}, "", ("tasks", "-m", "x"), "error: schema/tasks.py: no module for unit tasks", "hint: write schema/tasks.py with def define(metadata)"),
        ({"core.py": CORE, "tasks.py": "import sqlalchemy as sa\n\n\ndef define(metadata):\n    sa.Table('t', metadata, sa.Column('id', sa.Intger))\n"}, "", ("tasks", "-m", "x"),
         "error: schema/tasks.py:5: define(metadata) failed: AttributeError:", "hint: fix the module; nothing was written"),
        ({"core.py": CORE, "tasks.py": "import sqlalchemy as sa\nx = (\n"}, "", ("tasks", "-m", "x"), "error: schema/tasks.py:2: cannot be imported: SyntaxError", "hint: fix the module"),
        ({"core.py": CORE, "tasks.py": "TABLES = []\n"}, "", ("tasks", "-m", "x"), "error: schema/tasks.py: no define(metadata) function", "hint: declare the unit's tables"),
    ],
)
def test_mistakes_are_one_error_and_one_hint(tmp_path: Path, modules, manifest_extra, args, message, hint) -> None:
    project = make_project(tmp_path / "app", modules)
    code, out, err = makemigrations(project, *args)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2 and "Traceback" not in err, err
    assert lines[0].startswith(message), err
    assert lines[1].startswith(hint), err
    assert sorted(p.name for p in (project / "migrations").rglob("*.py")) == []


def test_migrations_that_fail_on_the_scratch_database_say_so(tmp_path: Path) -> None:
    project = make_project(tmp_path / "app", {"core.py": CORE, "tasks.py": TASKS, "projects.py": PROJECTS})
    (project / "migrations/tasks/0002_pg_only.sql").write_text("ALTER TABLE tasks ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) < 5);\n")
    code, _out, err = makemigrations(project, "tasks", "-m", "x")
    lines = err.strip().splitlines()
    assert code != 0 and len(lines) == 2, err
    assert lines[0].startswith("error: the migrations of tasks's closure do not run on a scratch sqlite database: migration tasks/0002 failed")
    assert lines[1] == "hint: fix that migration; if the project's SQL is for another database, pass --database with a server of that kind"


def test_no_schema_section(tmp_path: Path) -> None:
    project = write_project(tmp_path / "app", MANIFEST.split("[schema]")[0], MIGRATIONS)
    code, _out, err = makemigrations(project, "tasks", "-m", "x")
    assert code == 2
    assert err.splitlines() == ["error: gatedb.toml has no [schema] package", 'hint: add [schema] package = "schema" (a folder beside the manifest, or a dotted module name)']


@pytest.mark.parametrize(
    ("versions", "sample", "expected"),
    [
        (["0001"], None, "0002"),
        (["0001", "0009"], None, "0010"),
        (["6.0.0-01", "6.0.0-02"], None, "6.0.0-03"),
        (["7"], None, "8"),
        ([], "0003", "0001"),
        ([], "6.3.0-04", "6.3.0-01"),
        ([], None, "0001"),
    ],
)
def test_next_version_follows_the_unit_style(versions: list[str], sample: str | None, expected: str) -> None:
    assert autogen.next_version(versions, sample) == expected


def test_timestamps_stay_timestamps() -> None:
    after = autogen.next_version(["20200101120000"], None)
    assert len(after) == 14 and after > "20200101120000"
    assert autogen.next_version(["29990101120000"], None) == "29990101120001"


def test_file_names_follow_the_unit_separator() -> None:
    assert autogen.file_name("0002", "Add notes!", "0001_tasks") == "0002_add_notes.py"
    assert autogen.file_name("6.0.0-03", "User sessions FKs", "6.0.0-02-user-sessions") == "6.0.0-03-user-sessions-fks.py"


def test_the_generated_package_of_the_quickstart_needs_no_migration(tmp_path: Path) -> None:
    """The contract with `gatedb schema --lang sqlalchemy`: what it writes, makemigrations reads
    back as "nothing to do", unit by unit (bridges included)."""
    from helpers import copy_example

    project = copy_example("quickstart", tmp_path / "quickstart")
    with (project / "gatedb.toml").open("a") as manifest:
        manifest.write('\n[schema]\npackage = "schema"\n')
    generated = CliRunner().invoke(main, ["schema", "--lang", "sqlalchemy", "-p", str(project), "--out", str(project / "schema")])
    assert generated.exit_code == 0, generated.stderr
    for unit in api.open_project(project).units:
        code, out, err = makemigrations(project, unit.name, "-m", "none")
        assert (code, out.startswith("no changes")) == (0, True), (unit.name, out, err)


TYPES_SQL = """
CREATE TABLE things (
  id INTEGER PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  price NUMERIC(10, 2),
  at TIMESTAMP,
  atz TIMESTAMP WITH TIME ZONE,
  day DATE,
  flag BOOLEAN NOT NULL DEFAULT FALSE,
  big BIGINT,
  ratio FLOAT,
  UNIQUE (name)
);
CREATE INDEX ix_things_day ON things (day);
CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(20) UNIQUE);
"""
TYPES = """
import sqlalchemy as sa


def define(metadata):
    sa.Table(
        "things", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("price", sa.Numeric(10, 2)),
        sa.Column("at", sa.DateTime),
        sa.Column("atz", sa.DateTime(timezone=True)),
        sa.Column("day", sa.Date, index=True),
        sa.Column("flag", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("big", sa.BigInteger),
        sa.Column("ratio", sa.Float),
    )
    sa.Table("tags", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("label", sa.String(20), unique=True))
"""


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_same_types_spelled_differently_are_no_change_and_real_changes_are(tmp_path: Path, new_db, dialect: str) -> None:
    project = write_project(tmp_path / "app", "[features]\n[schema]\npackage = \"schema\"\n", {"core/0001_things.sql": TYPES_SQL})
    (project / "schema").mkdir()
    (project / "schema/__init__.py").write_text("")
    (project / "schema/core.py").write_text(textwrap.dedent(TYPES))
    server = ["-d", PG_ADMIN] if dialect == "postgresql" else []
    target = new_db(dialect)
    code, out, err = makemigrations(project, "core", "-m", "none", *server)
    # TIMESTAMP = DateTime, an unnamed UNIQUE (a column's own too, which SQLite's reflection hides) = unique=True
    assert (code, out.startswith("no changes")) == (0, True), out + err
    changed = TYPES.replace("sa.String(100)", "sa.String(200)").replace("sa.Numeric(10, 2)", "sa.Numeric(12, 2)")
    changed = changed.replace('sa.Column("big", sa.BigInteger)', 'sa.Column("big", sa.BigInteger, unique=True)')
    (project / "schema/core.py").write_text(textwrap.dedent(changed))
    code, out, err = makemigrations(project, "core", "-m", "wider", *server)
    assert code == 0, err
    assert out.splitlines() == [
        "wrote migrations/core/0002_wider.py",
        "  - alter column name on things",
        "  - alter column price on things",
        "  - create unique constraint uq_things_big on things",
    ]
    api.migrate(project, database=target)
    assert makemigrations(project, "core", "-m", "again", *server)[1].startswith("no changes")


def test_a_key_into_a_unit_without_a_module_is_compared_against_its_reflected_table(tmp_path: Path) -> None:
    project = make_project(tmp_path / "app", {"tasks.py": TASKS.replace('sa.Column("project_id", sa.ForeignKey("projects.id")),', ""), "projects.py": PROJECTS})
    code, out, err = makemigrations(project, "tasks", "-m", "owners")  # core has no module: users is read from the database
    assert code == 0, err
    assert "  - create foreign key fk_tasks_owner_id on tasks" in out.splitlines()
    url = f"sqlite:///{tmp_path / 'x.db'}"
    api.migrate(project, database=url)
    assert shape(url)["tasks"][1] == [(("owner_id",), "users", "CASCADE")]  # type: ignore[index]
    assert makemigrations(project, "tasks", "-m", "again")[1].startswith("no changes")
