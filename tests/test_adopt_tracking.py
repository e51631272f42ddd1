"""gatedb adopt on databases migrated by Flyway and by Alembic for real: their own
tracking tables, filled as those tools fill them; then a refused adopt that must leave
the database as it was."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gatedb import api
from gatedb.analysis.sql import split_statements
from gatedb.commands import main

# a small flat history: tickets' key to tasks moves into a tasks+tickets bridge; billing (4) never ran
HISTORY = [
    ("1", "core", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"),
    ("2", "tasks", "CREATE TABLE tasks (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users(id), title TEXT);\n"),
    ("2.1", "tickets", "CREATE TABLE tickets (id INTEGER PRIMARY KEY, task_id INTEGER REFERENCES tasks(id));\n"),
    ("3", "user_email", "ALTER TABLE users ADD COLUMN email TEXT;\n"),
    ("4", "user_email", "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT);\n"),  # Flyway allows a repeated description
]
APPLIED = 4  # the old tool ran the first four
RULES = 'core = ["users"]\ntasks = ["tasks"]\ntickets = ["tickets"]\nbilling = ["products"]\n[features]\ndefault = []\ntasks = []\ntickets = []\nbilling = []\n'
GATEDB_TABLES = {"gatedb_migrations", "gatedb_meta", "gatedb_runs"}


def tables(url: str) -> set[str]:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def write_flyway(folder: Path) -> None:
    folder.mkdir()
    for version, name, sql in HISTORY:
        (folder / f"V{version.replace('.', '_')}__{name}.sql").write_text(sql)


def migrate_like_flyway(url: str, dialect: str) -> None:
    """Each V file in version order, then its row in flyway_schema_history (Flyway's columns)."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(
                "CREATE TABLE flyway_schema_history (installed_rank INTEGER NOT NULL PRIMARY KEY, version VARCHAR(50), "
                "description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INTEGER, "
                "installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "
                "execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL)"
            ))
            rank = 1
            conn.execute(sa.text(  # Flyway's first row when it creates the schema: no version
                "INSERT INTO flyway_schema_history VALUES (1, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '\"public\"', NULL, 'root', CURRENT_TIMESTAMP, 0, TRUE)"
            ))
            for version, name, sql in HISTORY[:APPLIED]:
                for _, statement in split_statements(sql, dialect):
                    conn.execute(sa.text(statement))
                rank += 1
                conn.execute(
                    sa.text("INSERT INTO flyway_schema_history VALUES (:r, :v, :d, 'SQL', :s, :c, 'root', CURRENT_TIMESTAMP, 3, TRUE)"),
                    {"r": rank, "v": version, "d": name.replace("_", " "), "s": f"V{version.replace('.', '_')}__{name}.sql", "c": hash(sql) % 2**31},
                )
            # a failed attempt at 4, as Flyway records it on a database without DDL transactions
            conn.execute(sa.text("INSERT INTO flyway_schema_history VALUES (:r, '4', 'user email', 'SQL', 'V4__user_email.sql', 7, 'root', CURRENT_TIMESTAMP, 1, FALSE)"), {"r": rank + 1})
    finally:
        engine.dispose()


def write_alembic(folder: Path) -> None:
    """Revisions as autogenerate writes them (op.create_table, op.add_column) and op.execute."""
    folder.mkdir()
    down = None
    for i, (version, name, sql) in enumerate(HISTORY):
        rev = f"ab{i}c{i}"
        if version == "2":
            body = ('    op.create_table("tasks", sa.Column("id", sa.Integer(), primary_key=True), '
                    'sa.Column("owner_id", sa.Integer(), sa.ForeignKey("users.id")), sa.Column("title", sa.Text()))\n')
        elif version == "3":
            body = '    op.add_column("users", sa.Column("email", sa.Text()))\n'
        else:
            body = f"    op.execute({sql.strip().rstrip(';')!r})\n"
        (folder / f"{rev}_{name}.py").write_text(
            f"import sqlalchemy as sa\nfrom alembic import op\n\nrevision = {rev!r}\ndown_revision = {down!r}\n\n\ndef upgrade():\n{body}"
        )
        down = rev


def migrate_like_alembic(url: str, folder: Path) -> None:
    """Alembic's own Operations on a live connection run each upgrade(); alembic_version holds the head."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            context = MigrationContext.configure(connection=conn)
            head = None
            for path in sorted(folder.glob("*.py"), key=lambda p: int(p.name[2]))[:APPLIED]:
                spec = importlib.util.spec_from_file_location(path.stem, path)
                module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
                spec.loader.exec_module(module)  # type: ignore[union-attr]
                with Operations.context(context):
                    module.upgrade()
                head = module.revision
            conn.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
            conn.execute(sa.text("INSERT INTO alembic_version VALUES (:h)"), {"h": head})
    finally:
        engine.dispose()


def split_and_adopt(tmp_path: Path, history: Path, tool: str, dialect: str, url: str) -> Path:
    (tmp_path / "rules.toml").write_text(RULES)
    project = tmp_path / "project"
    runner = CliRunner()
    done = runner.invoke(main, ["split", str(history), "--rules", str(tmp_path / "rules.toml"), "--out", str(project), "--from", tool, "--dialect", dialect])
    assert done.exit_code == 0, done.output
    adopted = runner.invoke(main, ["adopt", "-p", str(project), "--from", tool, "-d", url, "--format", "json"])
    assert adopted.exit_code == 0, adopted.output
    doc = json.loads(adopted.output)
    assert doc["features"] == ["tasks", "tickets"] and len(doc["applied_sources"]) == APPLIED
    assert {m.split("/")[0] for m in doc["recorded"]} == {"core", "tasks", "tickets", "tasks+tickets"}
    return project


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
@pytest.mark.parametrize("tool", ["flyway", "alembic"])
def test_adopt_reads_the_real_tracking_table(tmp_path: Path, scratch, tool: str, dialect: str) -> None:  # type: ignore[no-untyped-def]
    history = tmp_path / "history"
    url = scratch.new(dialect)
    if tool == "flyway":
        write_flyway(history)
        migrate_like_flyway(url, dialect)
    else:
        write_alembic(history)
        migrate_like_alembic(url, history)
    project = split_and_adopt(tmp_path, history, tool, dialect, url)
    adopted = api.read_applied(url)
    assert not api.plan(project, database=url, features=["tasks", "tickets"], no_default_features=True).steps  # nothing old runs again
    ran = api.migrate(project, database=url, all_features=True)
    assert [s.migration.id.unit for s in ran.plan.steps] == ["billing"]  # only what the old tool never ran
    assert "products" in tables(url) and len(api.read_applied(url)) == len(adopted) + 1


def database_state(url: str) -> dict[str, list[str]]:
    """Every table with its columns: what a refused adopt must leave exactly as it was."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        inspector = sa.inspect(engine)
        return {t: [c["name"] for c in inspector.get_columns(t)] for t in sorted(inspector.get_table_names())}
    finally:
        engine.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
@pytest.mark.parametrize("damage", ["an extra column", "a feature only partly there"])
def test_a_refused_adopt_leaves_the_database_as_it_was(tmp_path: Path, scratch, damage: str, dialect: str) -> None:  # type: ignore[no-untyped-def]
    history = tmp_path / "history"
    write_flyway(history)
    url = scratch.new(dialect)
    migrate_like_flyway(url, dialect)
    rules = RULES if damage == "an extra column" else RULES.replace('tasks = ["tasks"]\ntickets = ["tickets"]\n', 'tasks = ["tasks", "tickets"]\n').replace("tickets = []\n", "")
    (tmp_path / "rules.toml").write_text(rules)
    project = tmp_path / "project"
    assert CliRunner().invoke(main, ["split", str(history), "--rules", str(tmp_path / "rules.toml"), "--out", str(project), "--dialect", dialect]).exit_code == 0
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE users ADD COLUMN nickname TEXT" if damage == "an extra column" else "DROP TABLE tickets"))
    engine.dispose()
    before = database_state(url)
    refused = CliRunner().invoke(main, ["adopt", "-p", str(project), "--from", "flyway", "-d", url])
    expected = "error: the database differs" if damage == "an extra column" else "error: feature tasks: the database has 1 of its 2 tables (missing: tickets)"
    assert refused.exit_code == 2 and refused.output.startswith(expected), refused.output
    assert "hint:" in refused.output and "Traceback" not in refused.output
    after = database_state(url)
    assert after == before and not GATEDB_TABLES & set(after)  # not even gatedb's own tables


def test_split_for_mysql_migrates_every_feature_set_and_prunes(tmp_path: Path, new_db) -> None:  # type: ignore[no-untyped-def]
    flat = Path(__file__).parent / "fixtures" / "split"
    project = tmp_path / "project"
    done = CliRunner().invoke(main, ["split", str(flat / "flat"), "--rules", str(flat / "rules.toml"), "--out", str(project), "--dialect", "mysql", "--format", "json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["bridges"] and api.check(project, dialects=["mysql"]).errors == 0
    owners = {"products": "billing", "tickets": "tickets", "tasks": "tasks", "notes": "tasks", "labels": "tasks", "users": "core"}
    for features in ([], ["tasks"], ["tickets"], ["billing"], ["tasks", "tickets", "billing"]):
        url = new_db("mysql")
        api.migrate(project, database=url, features=features, no_default_features=True)
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        try:
            inspector = sa.inspect(engine)
            assert set(inspector.get_table_names()) - GATEDB_TABLES == {t for t, u in owners.items() if u in {"core", *features}}
            assert ("overview" in inspector.get_view_names()) == (len(features) == 3)  # the bridge of all three
            keys = {(fk["referred_table"], tuple(fk["constrained_columns"])) for fk in inspector.get_foreign_keys("users")}
            assert (("tickets", ("ticket_id",)) in keys) == ("tickets" in features)  # the moved key follows tickets
            bridged = {fk["referred_table"] for fk in inspector.get_foreign_keys("tasks")} if "tasks" in features else set()
            assert ("tickets" in bridged) == ({"tasks", "tickets"} <= set(features))  # the tasks+tickets bridge's key
        finally:
            engine.dispose()
    # prune tickets from the last database: its table, its moved keys and the bridges go; the rest stays
    pruned = api.prune(project, "tickets", database=url, features=["tasks", "billing"], no_default_features=True)
    assert {s.migration.id.unit for s in pruned} == {"tickets", "tasks+tickets", "tasks+tickets+billing"}
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        inspector = sa.inspect(engine)
        assert "tickets" not in inspector.get_table_names() and not inspector.get_foreign_keys("users")
        assert {"tasks", "products", "users"} <= set(inspector.get_table_names()) and "overview" not in inspector.get_view_names()
        assert not inspector.get_foreign_keys("tasks") or {fk["referred_table"] for fk in inspector.get_foreign_keys("tasks")} == {"users"}
    finally:
        engine.dispose()
