"""gatedb adopt: a database migrated flat by a Diesel-style history, taken over by the
split units; then migrated with fewer and with more features."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from gatedb import api
from gatedb.commands import main
from gatedb.errors import Refused
from gatedb.split.adopt import adopt
from gatedb.split.read_diesel import diesel_version
from gatedb.split.readers import read_history
from gatedb.split.rules import read_rules
from gatedb.split.splitter import split
from gatedb.split.writer import write_project

FIXTURES = Path(__file__).parent / "fixtures" / "split"
APPLIED = ["1_core", "3_labels", "3_notes", "4_seed"]  # the old tool ran these; billing's never


def migrate_flat(url: str, dialect: str, stems: list[str]) -> None:
    """What Diesel does: each up.sql in name order, its version in __diesel_schema_migrations."""
    from gatedb.analysis.sql import split_statements

    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY, run_on TIMESTAMP)"))
            for stem in sorted(stems):
                for _, statement in split_statements((FIXTURES / "flat" / stem / "up.sql").read_text(), dialect):
                    conn.execute(sa.text(statement))
                version = diesel_version(stem)
                if not conn.execute(sa.text("SELECT 1 FROM __diesel_schema_migrations WHERE version = :v"), {"v": version}).first():
                    conn.execute(sa.text("INSERT INTO __diesel_schema_migrations (version) VALUES (:v)"), {"v": version})
    finally:
        engine.dispose()


def tables(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_adopt_a_flat_database_then_fewer_and_more_features(tmp_path: Path, scratch, dialect: str) -> None:  # type: ignore[no-untyped-def]
    fmt, sources = read_history(FIXTURES / "flat", None, dialect)
    result = split(sources, read_rules(FIXTURES / "rules.toml"), dialect)
    project = tmp_path / "project"
    write_project(result, project, fmt)
    url = scratch.new(dialect)
    migrate_flat(url, dialect, APPLIED)
    before = tables(url)

    dry = adopt(str(project), "diesel", database=url, dry_run=True)
    assert dry.features == ("tasks", "tickets")  # the tables the database holds
    assert tables(url) == before  # a dry run writes nothing, not even gatedb's tables
    done = adopt(str(project), "diesel", database=url)
    assert done.recorded == dry.recorded
    assert set(done.recorded) == {"core/1", "tasks/1", "tickets/1", "tasks+tickets/1", "tasks/3", "tasks/3-1", "core/4", "tasks+tickets/4"}
    assert tables(url) - before == {"gatedb_migrations", "gatedb_meta", "gatedb_runs"}  # only gatedb's own tables are new
    assert adopt(str(project), "diesel", database=url).recorded == ()  # twice: nothing more

    old = set(done.recorded)
    # core/2 is older than the adopted core/4: out of order by construction, so allowed here
    fewer = api.migrate(project, database=url, features=["tasks"], no_default_features=True, allow_out_of_order=True)
    assert not {str(s.migration.id) for s in fewer.plan.steps} & old
    assert {str(s.migration.id) for s in fewer.plan.steps} == {"core/2"}  # never applied by the old tool
    more = api.migrate(project, database=url, all_features=True)
    ran = {str(s.migration.id) for s in more.plan.steps}
    assert not ran & old and {"billing/10", "tasks+tickets+billing/10"} <= ran
    assert "products" in tables(url)
    if dialect == "postgresql":  # moved keys carry the name the old history gave them: prune finds them
        pruned = api.prune(project, "tickets", database=url, features=["tasks", "billing"], no_default_features=True)
        assert {s.migration.id.unit for s in pruned} == {"tickets", "tasks+tickets", "tasks+tickets+billing"}
        assert "tickets" not in tables(url) and "users" in tables(url)


def test_adopt_refuses_a_database_that_differs(tmp_path: Path, scratch) -> None:  # type: ignore[no-untyped-def]
    fmt, sources = read_history(FIXTURES / "flat", None, "sqlite")
    write_project(split(sources, read_rules(FIXTURES / "rules.toml"), "sqlite"), tmp_path / "p", fmt)
    url = scratch.new("sqlite")
    migrate_flat(url, "sqlite", APPLIED)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE users ADD COLUMN nickname TEXT"))
    engine.dispose()
    with pytest.raises(Refused, match="users: columns differ"):
        adopt(str(tmp_path / "p"), "diesel", database=url)
    assert not api.read_applied(url)
    names = tmp_path / "applied.txt"
    names.write_text("1_core\n")
    out = CliRunner().invoke(main, ["adopt", "-p", str(tmp_path / "p"), "--from", "names", "--file", str(names), "-d", url, "--dry-run"])
    assert out.exit_code == 2 and out.output.startswith("error: the database differs")


def test_applied_names_map_to_sources() -> None:
    from gatedb.split.adopt import applied_sources

    provenance = {"sources": [{"stem": "a", "tracked": ["r1"]}, {"stem": "b", "tracked": ["r2"]}, {"stem": "c", "tracked": ["r3"]}]}
    assert applied_sources(provenance, "alembic", {"r2"}) == ["a", "b"]  # alembic_version holds the head
    assert applied_sources(provenance, "flyway", {"r1", "r3"}) == ["a", "c"]
    assert applied_sources(provenance, "names", {"zzz"}) == []
