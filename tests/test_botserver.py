"""The botserver example (examples/botserver, 295 tables in 28 units) against real databases.

Every feature set tried here starts from an empty database and must create exactly the
tables of its enabled units, with exactly the foreign keys those units own: the oracle is
examples/botserver/expected.json, and the enabled units are computed here from gatedb.toml,
independently of gatedb's own resolution (which is checked against it too).

Matrices (the `test_matrix_*` tests; run them in parallel with `pytest -n 2`):
- feature sets: --no-default-features, the default set, --all-features, each table-owning
  feature alone;
- every pair of table-owning features (--no-default-features --features a,b);
- enabling each feature later gives the schema of installing it fresh;
- pruning each feature removes exactly its tables and its bridges' constraints, and
  enabling it again restores the schema.

Each test module (and each xdist worker) reuses one PostgreSQL database and one MariaDB
database, reset between cases (`DROP SCHEMA public CASCADE; CREATE SCHEMA public`, or
DROP/CREATE DATABASE on MariaDB): creating a database per case costs more than the case.
SQLite gets a new file per case.

MariaDB creates tables several times slower than PostgreSQL (a file per InnoDB table), so
by default it runs the feature-set matrix in full and, of the pair, enable-later and prune
matrices, the cases that exercise something MySQL-specific: moved constraints (mail,
directory), the bridge (mail+marketing), later ALTER/INDEX migrations (billing, crawler, llm,
people). Set GATEDB_BOTSERVER_MYSQL_FULL=1 to run every case there too (17 min with -n 2);
without it the other MariaDB cases are reported as skipped, with that reason.
"""

from __future__ import annotations

import filecmp
import itertools
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

import gatedb
from gatedb.errors import Refused

from conftest import ScratchDatabases

pytestmark = pytest.mark.integration

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "botserver"
FACTS = EXAMPLE / ".." / ".." / ".." / "shared" / "botserver"
EXPECTED = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))
UNITS: dict[str, dict] = EXPECTED["units"]
MANIFEST = tomllib.loads((EXAMPLE / "gatedb.toml").read_text(encoding="utf-8"))
IMPLIES = {k: v for k, v in MANIFEST["features"].items() if k != "default"}
DEFAULT = MANIFEST["features"]["default"]
FEATURE_UNITS = [u for u in UNITS if u != "core" and "+" not in u]  # table-owning features
PAIRS = list(itertools.combinations(FEATURE_UNITS, 2))
MYSQL_FULL = os.environ.get("GATEDB_BOTSERVER_MYSQL_FULL") == "1"
# The MariaDB cases run by default: what is special there (see the module docstring).
MYSQL_CASES = {
    "mail", "marketing", "directory", "billing", "crawler", "llm", "people",  # alone, later, pruned
    "marketing-onto-mail", "mail-onto-marketing",  # enabled later: the bridge runs
    "mail+marketing", "people+billing", "directory+mail",  # pairs
}


def mysql_subset(dbs: "Databases", case: str) -> None:
    if dbs.dialect == "mysql" and not MYSQL_FULL and case not in MYSQL_CASES:
        pytest.skip("slow on MariaDB: set GATEDB_BOTSERVER_MYSQL_FULL=1 to run every case there")


# --- the oracle: feature sets -> units -> tables and foreign keys ---------------------------


def enabled_features(features=(), no_default_features=False, all_features=False) -> set[str]:
    chosen = set(IMPLIES) if all_features else set(features)
    if not no_default_features:
        chosen |= set(DEFAULT)
    seen: set[str] = set()
    stack = list(chosen)
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(IMPLIES[name])
    return seen


def active_units(**selection) -> list[str]:
    on = enabled_features(**selection)
    return [u for u, spec in UNITS.items() if set(spec["features"]) <= on]


def expected_schema(units) -> tuple[set[str], dict[str, set[tuple]]]:
    tables: set[str] = set()
    fks: dict[str, set[tuple]] = defaultdict(set)
    for unit in units:
        tables |= set(UNITS[unit]["tables"])
        for fk in UNITS[unit]["foreign_keys"]:
            fks[fk["table"]].add((fk["name"], tuple(fk["columns"]), fk["ref_table"], tuple(fk["ref_columns"])))
    return tables, fks


def bridge_partners(feature: str) -> list[str]:
    return sorted({f for u, spec in UNITS.items() if feature in spec["features"] for f in spec["features"]} - {feature})


# --- databases ----------------------------------------------------------------------------


class Databases:
    """Empty databases of one dialect for a module: new SQLite files, reused server databases."""

    def __init__(self, dialect: str, scratch: ScratchDatabases) -> None:
        self.dialect = dialect
        self.scratch = scratch
        self.slots: dict[int, str] = {}

    def empty(self, slot: int = 0) -> str:
        if self.dialect == "sqlite":
            return self.scratch.new("sqlite")
        fresh = slot not in self.slots
        if fresh:
            self.slots[slot] = self.scratch.new(self.dialect)
        url = self.slots[slot]
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                if fresh:
                    if self.dialect == "postgresql":
                        # A throwaway database: commits need not wait for the disk (gatedb
                        # commits once per migration); later sessions inherit the setting.
                        name = sa.make_url(url).database
                        conn.exec_driver_sql(f"ALTER DATABASE {name} SET synchronous_commit = off")
                elif self.dialect == "postgresql":
                    conn.exec_driver_sql("DROP SCHEMA public CASCADE")
                    conn.exec_driver_sql("CREATE SCHEMA public")
                else:
                    name = sa.make_url(url).database
                    conn.exec_driver_sql(f"DROP DATABASE {name}")
                    conn.exec_driver_sql(f"CREATE DATABASE {name}")
        finally:
            engine.dispose()
        return url


@pytest.fixture(scope="module", params=("sqlite", "postgresql", "mysql"))
def dbs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    scratch = ScratchDatabases(tmp_path_factory.mktemp(f"botserver-{request.param}"))
    try:
        yield Databases(str(request.param), scratch)
    finally:
        scratch.drop_all()


@pytest.fixture(scope="module")
def project() -> gatedb.Project:
    return gatedb.load_project(EXAMPLE)


# --- reflection ---------------------------------------------------------------------------


def reflect(url: str) -> dict[str, dict]:
    """Tables (without gatedb's bookkeeping), their columns, foreign keys, indexes and unique
    constraints, in a form two databases can be compared by."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        inspector = sa.inspect(engine)
        names = [t for t in inspector.get_table_names() if not t.startswith("gatedb_")]
        if not names:
            return {}
        columns = inspector.get_multi_columns(filter_names=names)
        fks = inspector.get_multi_foreign_keys(filter_names=names)
        indexes = inspector.get_multi_indexes(filter_names=names)
        uniques = inspector.get_multi_unique_constraints(filter_names=names)
        schema = {}
        for (_schema, table) in sorted(columns, key=lambda k: k[1]):
            key = (_schema, table)
            schema[table] = {
                "columns": [
                    (c["name"], str(c["type"]), bool(c["nullable"]), str(c.get("default")))
                    for c in columns[key]
                ],
                "fks": sorted(
                    (
                        fk["name"],
                        tuple(fk["constrained_columns"]),
                        fk["referred_table"],
                        tuple(fk["referred_columns"]),
                        str((fk.get("options") or {}).get("ondelete", "")).upper(),
                    )
                    for fk in fks[key]
                ),
                "indexes": sorted((ix["name"], tuple(ix["column_names"]), bool(ix["unique"])) for ix in indexes[key]),
                "uniques": sorted((uq["name"], tuple(uq["column_names"])) for uq in uniques[key]),
            }
        return schema
    finally:
        engine.dispose()


def reflect_foreign_keys(url: str) -> dict[str, set[tuple]]:
    """table -> its foreign keys as (name, columns, referred table, referred columns)."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        inspector = sa.inspect(engine)
        names = [t for t in inspector.get_table_names() if not t.startswith("gatedb_")]
        if not names:
            return {}
        fks = inspector.get_multi_foreign_keys(filter_names=names)
        return {
            table: {
                (fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]))
                for fk in fks[(None, table)]
            }
            for table in names
        }
    finally:
        engine.dispose()


def assert_units_schema(url: str, units) -> None:
    """The database holds exactly the units' tables, each with exactly their foreign keys."""
    want_tables, want_fks = expected_schema(units)
    schema = reflect_foreign_keys(url)
    missing, extra = sorted(want_tables - set(schema)), sorted(set(schema) - want_tables)
    assert not missing and not extra, f"tables missing: {missing}; unexpected: {extra}"
    wrong = {}
    for table, got in schema.items():
        if got != want_fks.get(table, set()):
            wrong[table] = {"missing": sorted(want_fks.get(table, set()) - got), "extra": sorted(got - want_fks.get(table, set()))}
    assert not wrong, f"foreign keys differ: {wrong}"


def migrate_and_check(project, url: str, **selection) -> None:
    units = active_units(**selection)
    result = gatedb.migrate(project, database=url, **selection)
    # As sets: gatedb ranks a unit after the units it implies, the oracle lists them as declared.
    assert sorted(result.plan.active_units) == sorted(units), "gatedb's active units differ from the manifest's"
    ran_units = {s.migration.id.unit for s in result.applied}
    assert ran_units == set(units)
    assert_units_schema(url, units)
    assert gatedb.plan(project, database=url, **selection).steps == (), "a second run has nothing to do"


# --- the oracle itself (no database) ------------------------------------------------------


def test_expected_covers_every_table_and_foreign_key_once() -> None:
    tables = [t for spec in UNITS.values() for t in spec["tables"]]
    assert len(tables) == len(set(tables)) == EXPECTED["totals"]["tables"] == 295
    fks = [(fk["table"], tuple(fk["columns"])) for spec in UNITS.values() for fk in spec["foreign_keys"]]
    assert len(fks) == len(set(fks)) == EXPECTED["totals"]["foreign_keys"] == 335


def test_expected_foreign_keys_follow_the_placement_rule() -> None:
    unit_of = {t: u for u, spec in UNITS.items() for t in spec["tables"]}
    for unit, spec in UNITS.items():
        for fk in spec["foreign_keys"]:
            u, v = unit_of[fk["table"]], unit_of[fk["ref_table"]]
            if u == v or v in UNITS[u]["closure"]:
                want = u
            elif u in UNITS[v]["closure"]:
                want = v
            else:
                want = "+".join(sorted({u, v}, key=list(IMPLIES).index))
            assert unit == want, f"{fk['name']}: owned by {unit}, the placement rule says {want}"


def test_every_table_owning_feature_is_declared_and_has_migrations(project) -> None:
    assert set(FEATURE_UNITS) <= set(IMPLIES)
    names = {u.name for u in project.units}
    assert names == set(UNITS)
    for unit, spec in UNITS.items():
        assert [str(m.id) for m in project.migrations if m.id.unit == unit] == spec["migrations"]


@pytest.mark.skipif(not (FACTS / "schema.json").is_file(), reason="the botserver facts (shared/botserver) are not here")
def test_generator_is_deterministic_and_the_committed_files_are_its_output(tmp_path: Path) -> None:
    for run in ("a", "b"):
        target = tmp_path / run
        target.mkdir()
        shutil.copy(EXAMPLE / "generate.py", target / "generate.py")
        subprocess.run([sys.executable, str(target / "generate.py"), str(FACTS.resolve())], check=True, capture_output=True)
    for rel in ("gatedb.toml", "expected.json", "README.md"):
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes() == (EXAMPLE / rel).read_bytes(), rel
    compare = filecmp.dircmp(tmp_path / "a" / "migrations", EXAMPLE / "migrations", ignore=["__pycache__"])

    def same(c: filecmp.dircmp) -> bool:
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        return not (c.left_only or c.right_only or mismatch or errors) and all(same(s) for s in c.subdirs.values())

    assert same(compare), "examples/botserver/migrations differs from the generator's output: run generate.py"


def test_gatedb_check_finds_no_error_in_the_example() -> None:
    """The static checker proves every feature set of the example, on all three dialects."""
    from click.testing import CliRunner

    from gatedb.commands import main

    result = CliRunner().invoke(main, ["check", "-p", str(EXAMPLE), "--format", "json"])
    report = json.loads(result.output)
    findings = report["diagnostics"] if isinstance(report, dict) else report
    errors = [d for d in findings if d["level"] == "error"]
    assert not errors, errors
    assert result.exit_code == 0, result.output


# --- the matrices -------------------------------------------------------------------------

SETS = [
    pytest.param({"no_default_features": True}, id="no-default-features"),
    pytest.param({}, id="default"),
    pytest.param({"all_features": True}, id="all-features"),
] + [pytest.param({"no_default_features": True, "features": [f]}, id=f"only-{f}") for f in FEATURE_UNITS]


@pytest.mark.parametrize("selection", SETS)
def test_matrix_feature_set_creates_exactly_its_units(dbs: Databases, project, selection: dict) -> None:
    migrate_and_check(project, dbs.empty(), **selection)


@pytest.mark.parametrize("pair", PAIRS, ids=["+".join(p) for p in PAIRS])
def test_matrix_every_pair_of_features(dbs: Databases, project, pair: tuple[str, str]) -> None:
    mysql_subset(dbs, "+".join(pair))
    migrate_and_check(project, dbs.empty(), no_default_features=True, features=list(pair))


DEFAULT_ON = enabled_features()
LATER = [
    # (the set installed first, the feature enabled later)
    pytest.param(({} if f not in DEFAULT_ON else {"no_default_features": True}), f, id=f)
    for f in FEATURE_UNITS
] + [
    pytest.param({"features": ["mail"]}, "marketing", id="marketing-onto-mail"),
    pytest.param({"features": ["marketing"]}, "mail", id="mail-onto-marketing"),
]


@pytest.mark.parametrize("base, feature", LATER)
def test_matrix_enabling_a_feature_later_gives_the_fresh_schema(dbs: Databases, project, base: dict, feature: str) -> None:
    """A feature in the default set is enabled onto a core-only database instead."""
    mysql_subset(dbs, f"{feature}-onto-{base['features'][0]}" if base.get("features") else feature)
    later = dbs.empty(0)
    gatedb.migrate(project, database=later, **base)
    before = set(active_units(**base))
    grown = {**base, "features": list(base.get("features", [])) + [feature]}
    result = gatedb.migrate(project, database=later, **grown)
    now = active_units(**grown)
    assert {s.migration.id.unit for s in result.applied} == set(now) - before
    assert_units_schema(later, now)
    fresh = dbs.empty(1)
    gatedb.migrate(project, database=fresh, **grown)
    assert reflect(later) == reflect(fresh)


@pytest.mark.parametrize("feature", FEATURE_UNITS)
def test_matrix_prune_removes_exactly_the_feature_and_its_bridges(dbs: Databases, project, feature: str) -> None:
    mysql_subset(dbs, feature)
    url = dbs.empty()
    partners = bridge_partners(feature)
    with_it = {"no_default_features": True, "features": [feature] + partners}
    without = {"no_default_features": True, "features": partners}
    gatedb.migrate(project, database=url, **with_it)
    installed = active_units(**with_it)
    before = reflect(url)
    with pytest.raises(Refused):
        gatedb.prune(project, feature, database=url, **with_it)  # still enabled: refused
    steps = gatedb.prune(project, feature, database=url, **without)
    doomed = [u for u in installed if feature in UNITS[u]["features"]]
    assert {s.migration.id.unit for s in steps} == set(doomed)
    assert all(s.direction == "down" for s in steps)
    assert_units_schema(url, [u for u in installed if u not in doomed])
    status = gatedb.status(project, database=url, **without)
    assert not [u.unit for u in status.units if u.unit in doomed and u.applied], "pruned units keep no bookkeeping rows"
    gatedb.migrate(project, database=url, **with_it)  # and back: the down migrations left nothing behind
    assert reflect(url) == before
