"""gatedb split: flat histories that reproduce the motivating server's failures, split into
units, checked, and migrated for no feature, each feature and all features."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gatedb import api
from gatedb.analysis.sql import scan_sql
from gatedb.commands import main
from gatedb.errors import MigrationFileError
from gatedb.split.readers import read_history
from gatedb.split.rules import parse_rules, read_rules
from gatedb.split.splitter import split
from gatedb.split.writer import write_project

FIXTURES = Path(__file__).parent / "fixtures" / "split"
EXAMPLES = Path(__file__).parent.parent / "examples"


def run_split(tmp_path: Path, history: str, rules: str, dialect: str, name: str = "out"):  # type: ignore[no-untyped-def]
    fmt, sources = read_history(FIXTURES / history, None, dialect)
    result = split(sources, read_rules(FIXTURES / rules), dialect)
    write_project(result, tmp_path / name, fmt)
    return result, tmp_path / name


BOTSERVER = (EXAMPLES / "botserver-flat" / "migrations", EXAMPLES / "botserver-flat" / "rules.toml")


@pytest.mark.parametrize("history, rules", [(FIXTURES / "flat", FIXTURES / "rules.toml"), (FIXTURES / "comment", FIXTURES / "comment-rules.toml"), BOTSERVER])
def test_union_of_the_split_is_the_input_statement_for_statement(tmp_path: Path, history: Path, rules: Path) -> None:
    _, sources = read_history(history, None, "postgresql")
    result = split(sources, read_rules(rules, feature_from_name=True), "postgresql")
    for src in result.sources:
        for direction, text in (("up", src.up), ("down", src.down)):
            original = scan_sql(text or "", "postgresql").statements
            pieces = [p for m in result.migrations for p in (m.up if direction == "up" else m.down) if p.source == src.stem and p.role != "key"]
            assert sorted(p.index for p in pieces) == list(range(len(original))), (src.stem, direction)
            for piece in pieces:
                if piece.role == "statement":
                    assert piece.text == original[piece.index].text
            # what a trimmed statement lost is exactly the keys that moved out of it
            keys = [p for m in result.migrations for p in m.up if p.role == "key" and p.source == src.stem and direction == "up"]
            lost = {
                (fk.table, fk.columns, fk.ref_table)
                for p in pieces if p.role == "trimmed"
                for fk in set(original[p.index].foreign_keys) - set(scan_sql(p.text, "postgresql").statements[0].foreign_keys)
            }
            assert lost == {(p.key.table, p.key.columns, p.key.ref_table) for p in keys if p.key.source == src.stem}
            for p in keys:  # and the moved constraint says the same key again
                (fk,) = scan_sql(p.text, "postgresql").statements[0].foreign_keys
                assert (fk.table, fk.columns, fk.ref_table) == (p.key.table, p.key.columns, p.key.ref_table)
    # versions kept: with every feature on, gatedb runs the split in the flat history's natural order
    write_project(result, tmp_path / "out", "diesel")
    order = [m.key for m in api.open_project(tmp_path / "out").migrations]
    assert order == sorted(order) and len(order) == len(result.migrations)


def test_report_of_the_flat_fixture(tmp_path: Path) -> None:
    result, _ = run_split(tmp_path, "flat", "rules.toml", "postgresql")
    r = result.report
    moved = {(k.table, k.ref_table): k.to_unit for k in r.moved}
    assert moved == {("users", "tickets"): "tickets", ("tasks", "tickets"): "tasks+tickets"}  # core -> feature moves; two features: bridge
    assert {i["source"]: i["to"] for i in r.reordered} == {"2_core_columns": "billing/10", "5_view": "tasks+tickets+billing/10"}
    assert r.renumbered == [{"source": "3_notes", "version": "3-1", "why": "another migration has version 3"}]
    assert r.unused_rules == [{"feature": "billing", "pattern": "invoice_*"}]
    assert set(r.bridges) == {"tasks+tickets", "tasks+tickets+billing"}  # the seed joining two features; the view over three
    units = {m.id: [p.text.split("(")[0].strip() for p in m.up] for m in result.migrations}
    assert units["billing/10"] == ["CREATE TABLE products", "ALTER TABLE products ADD COLUMN tax_code TEXT"]
    assert units["tasks+tickets/4"] == ["INSERT INTO labels"]
    assert units["core/4"] == ["INSERT INTO users"]


def test_comment_on_and_a_core_view_over_a_feature(tmp_path: Path, scratch) -> None:  # type: ignore[no-untyped-def]
    result, out = run_split(tmp_path, "comment", "comment-rules.toml", "postgresql")
    placed = {p.text.split(" IS ")[0]: m.unit for m in result.migrations for p in m.up}
    assert placed["COMMENT ON TABLE research_notes"] == "research"
    assert placed["GRANT SELECT ON research_notes TO PUBLIC"] == "research"
    (impossible,) = result.report.impossible
    assert impossible["unit"] == "core" and impossible["needs"] == ["research"]
    assert 'research = [..., "core_overview"]' in impossible["fix"][0]
    assert api.check(out, dialects=["postgresql"]).errors == 1  # the rules' mistake, as check sees it too
    fixed = parse_rules('core = ["users"]\nresearch = ["research_*", "core_overview"]\n', "fixed.toml")
    _, sources = read_history(FIXTURES / "comment", None, "postgresql")
    again = split(sources, fixed, "postgresql")
    assert not again.report.impossible
    write_project(again, tmp_path / "fixed", "diesel")
    assert api.check(tmp_path / "fixed", dialects=["postgresql"]).errors == 0
    for features in ([], ["research"]):  # COMMENT ON and GRANT: PostgreSQL only
        url = scratch.new("postgresql")
        api.migrate(tmp_path / "fixed", database=url, features=features, no_default_features=True)
        engine = sa.create_engine(url)
        try:
            assert ("research_notes" in sa.inspect(engine).get_table_names()) == bool(features)
        finally:
            engine.dispose()


def test_a_feature_view_over_another_feature_proposes_the_implication() -> None:
    text = {
        "1_tables": "CREATE TABLE tasks (id INTEGER PRIMARY KEY);\nCREATE TABLE mails (id INTEGER PRIMARY KEY);\n",
        "2_view": "CREATE VIEW task_mails AS SELECT t.id FROM tasks t JOIN mails m ON m.id = t.id;\n",
        "3_nothing": "-- a comment only\n",
    }
    from gatedb.split.source import from_stem

    sources = [from_stem(stem, up, None, f"h/{stem}/up.sql") for stem, up in text.items()]
    result = split(sources, parse_rules('tasks = ["tasks", "task_*"]\nmail = ["mails"]\n', "r.toml"), "postgresql")
    (impossible,) = result.report.impossible
    assert impossible["unit"] == "tasks" and impossible["fix"] == ['add "mail" to tasks in [features] (tasks = [..., "mail"])']
    assert result.report.empty_sources == ["3_nothing"]
    implied = split(sources, parse_rules('tasks = ["tasks", "task_*"]\nmail = ["mails"]\n[features]\ntasks = ["mail"]\nmail = []\n', "r.toml"), "postgresql")
    assert not implied.report.impossible and [m.id for m in implied.migrations if m.source == "2_view"] == ["tasks/2"]


FEATURE_SETS = [[], ["tasks"], ["tickets"], ["billing"], ["tasks", "tickets", "billing"]]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_split_runs_for_every_feature_set(tmp_path: Path, scratch, dialect: str) -> None:  # type: ignore[no-untyped-def]
    result, out = run_split(tmp_path, "flat", "rules.toml", dialect)
    report = api.check(out, dialects=[dialect])
    assert report.errors == 0, [d.message for d in report.diagnostics]
    for features in FEATURE_SETS:
        url = scratch.new(dialect)
        api.migrate(out, database=url, features=features, no_default_features=True)
        on = {"core", *features}
        expected = {t for t, u in result.table_units.items() if u in on}
        engine = sa.create_engine(url)
        try:
            inspector = sa.inspect(engine)
            assert set(inspector.get_table_names()) - {"gatedb_migrations", "gatedb_meta", "gatedb_runs"} == expected
            assert ("overview" in inspector.get_view_names()) == (len(features) == 3)
            fks = {(fk["referred_table"], tuple(fk["constrained_columns"])) for fk in inspector.get_foreign_keys("users")}
            assert (("tickets", ("ticket_id",)) in fks) == ("tickets" in features)  # the column stays, the constraint moves
        finally:
            engine.dispose()
    # enabling the rest later runs the bridges too, nothing twice
    url = scratch.new(dialect)
    api.migrate(out, database=url, features=["tasks"], no_default_features=True)
    later = api.migrate(out, database=url, all_features=True)
    assert {s.migration.id.unit for s in later.plan.steps} == {"tickets", "billing", "tasks+tickets", "tasks+tickets+billing"}
    # the split downs undo it again: prune drops tickets' table, its moved keys and its bridges
    pruned = api.prune(out, "tickets", database=url, features=["tasks", "billing"], no_default_features=True)
    assert [str(s.migration.id) for s in pruned] == ["tasks+tickets+billing/10", "tasks+tickets/4", "tasks+tickets/1", "tickets/1"]
    engine = sa.create_engine(url)
    try:
        assert "tickets" not in sa.inspect(engine).get_table_names() and not sa.inspect(engine).get_foreign_keys("users")
    finally:
        engine.dispose()


def test_cli_split_json_report_and_botserver_demo(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "botserver"
    args = ["split", str(EXAMPLES / "botserver-flat" / "migrations"), "--rules", str(EXAMPLES / "botserver-flat" / "rules.toml"), "--feature-from-name", "--out", str(out), "--format", "json"]
    done = runner.invoke(main, args)
    assert done.exit_code == 0, done.output
    doc = json.loads(done.output)
    assert doc["sources"] == 47 and doc["statements"] == 1184
    assert {i["table"] for i in doc["unmatched_tables"]} >= {"emails", "crm_deals"}
    assert api.check(out, dialects=["postgresql"]).errors == 0
    again = runner.invoke(main, args)
    assert again.exit_code == 2 and "error:" in again.output and "--force" in again.output


def test_rules_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "r.toml").write_text('tasks = "tasks"\n')
    done = CliRunner().invoke(main, ["split", str(FIXTURES / "flat"), "--rules", str(tmp_path / "r.toml"), "--out", str(tmp_path / "x")])
    assert done.exit_code == 2
    assert done.output.startswith("error: r.toml: tasks must be a list") and "hint:" in done.output


def test_readers_of_each_format(tmp_path: Path) -> None:
    flyway = tmp_path / "flyway"
    flyway.mkdir()
    (flyway / "V1__core.sql").write_text("CREATE TABLE users (id INTEGER PRIMARY KEY);\n")
    (flyway / "V1_1__tasks.sql").write_text("CREATE TABLE tasks (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users(id));\n")
    (flyway / "U1_1__tasks.sql").write_text("DROP TABLE tasks;\n")
    (flyway / "V10__more.sql").write_text("ALTER TABLE tasks ADD COLUMN done BOOLEAN;\n")
    fmt, sources = read_history(flyway, None, "postgresql")
    assert fmt == "flyway"
    assert [(s.version, s.tracked) for s in sources] == [("1", ("1", "core")), ("1.1", ("1.1", "tasks")), ("10", ("10", "more"))]
    assert sources[1].down == "DROP TABLE tasks;\n"

    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "0001_core.sql").write_text("CREATE TABLE users (id INTEGER PRIMARY KEY);\n")
    (plain / "0001_core.down.sql").write_text("DROP TABLE users;\n")
    fmt, sources = read_history(plain, None, "postgresql")
    assert fmt == "sql" and [(s.stem, s.down) for s in sources] == [("0001_core", "DROP TABLE users;\n")]

    alembic = tmp_path / "versions"
    alembic.mkdir()
    (alembic / "b2_tasks.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\nrevision = "b2"\ndown_revision = "a1"\n\n\n'
        "def upgrade():\n"
        '    op.create_table("tasks", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("owner_id", sa.Integer(), sa.ForeignKey("users.id")))\n'
        '    op.create_index("ix_tasks_owner", "tasks", ["owner_id"])\n\n\n'
        "def downgrade():\n"
        '    op.drop_table("tasks")\n'
    )
    (alembic / "a1_core.py").write_text('from alembic import op\nrevision = "a1"\ndown_revision = None\n\n\ndef upgrade():\n    op.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")\n')
    fmt, sources = read_history(alembic, None, "postgresql")
    assert fmt == "alembic" and [(s.stem, s.tracked) for s in sources] == [("0001_core", ("a1",)), ("0002_tasks", ("b2",))]
    result = split(sources, parse_rules('tasks = ["tasks"]\n', "r.toml"), "postgresql")
    assert {m.id: len(m.up) for m in result.migrations} == {"core/0001": 1, "tasks/0002": 2}
    (alembic / "c3_app.py").write_text('from alembic import op\nimport myapp\nrevision = "c3"\ndown_revision = "b2"\n\n\ndef upgrade():\n    for t in myapp.TABLES:\n        op.drop_table(t)\n')
    with pytest.raises(MigrationFileError, match=r"c3_app.py:8: upgrade\(\) holds something other than op"):
        read_history(alembic, None, "postgresql")


def test_functions_and_added_columns_follow_their_tables(tmp_path: Path) -> None:
    history = tmp_path / "h"
    (history / "1_all").mkdir(parents=True)
    (history / "1_all" / "up.sql").write_text(
        "CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
        "CREATE TABLE tasks (id INTEGER PRIMARY KEY);\n"
        "CREATE TABLE mails (id INTEGER PRIMARY KEY);\n"
        "ALTER TABLE users ADD COLUMN last_task INTEGER REFERENCES tasks (id) ON DELETE SET NULL;\n"
        "CREATE FUNCTION mail_count() RETURNS bigint AS $$ SELECT count(*) FROM mails JOIN tasks ON tasks.id = mails.id $$ LANGUAGE sql;\n"
    )
    _, sources = read_history(history, None, "postgresql")
    result = split(sources, parse_rules('core = ["users"]\ntasks = ["tasks"]\nmail = ["mails"]\n', "r.toml"), "postgresql")
    texts = {m.unit: [p.text for p in m.up] for m in result.migrations}
    assert texts["core"][1] == "ALTER TABLE users ADD COLUMN last_task INTEGER"
    assert texts["tasks"][1].startswith("ALTER TABLE users ADD CONSTRAINT users_last_task_fkey FOREIGN KEY (last_task) REFERENCES tasks (id) ON DELETE SET NULL")
    assert texts["tasks+mail"][0].startswith("CREATE FUNCTION mail_count()")
    write_project(result, tmp_path / "out", "diesel")
    assert api.check(tmp_path / "out", dialects=["postgresql"]).errors == 0


def test_check_matrix_on_postgresql(tmp_path: Path, scratch) -> None:  # type: ignore[no-untyped-def]
    from gatedb.analysis.matrix import run_matrix

    _, out = run_split(tmp_path, "flat", "rules.toml", "postgresql")
    url = scratch.new("postgresql")
    outcome = run_matrix(api.open_project(out), url)
    assert outcome.runs and not outcome.diagnostics, [d.message for d in outcome.diagnostics]
