"""The botserver example's committed SQLAlchemy package (examples/botserver/schema): kept
current (a regeneration must give the same bytes), round-trips on PostgreSQL and SQLite for
a few feature sets, and the minimal build imports only core's module."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Iterator

import pytest
import sqlalchemy as sa

import gatedb
from gatedb.files.loader import load_project
from gatedb.schema.build import migrated_databases, reflect, structure
from gatedb.schema.ownership import ownership
from gatedb.schema.sqlalchemy_writer import render_package

from conftest import PG_ADMIN, _require_server
from helpers import EXAMPLES

EXAMPLE = EXAMPLES / "botserver"
PACKAGE = EXAMPLE / "schema"


@pytest.fixture(scope="module")
def migrated_all() -> Iterator[dict[str, str]]:
    """--all-features migrated once on PostgreSQL and SQLite, for the drift test and a round-trip."""
    _require_server("postgresql")
    with migrated_databases(load_project(EXAMPLE), [PG_ADMIN, "sqlite://"]) as (postgresql, sqlite):
        yield {"postgresql": postgresql, "sqlite": sqlite}


def test_the_committed_package_is_what_gatedb_schema_writes(migrated_all: dict[str, str]) -> None:
    """Regenerated as committed (PostgreSQL types, SQLite variants); on drift, rerun:
    gatedb schema --lang sqlalchemy -p examples/botserver --out examples/botserver/schema -d postgresql://... -d sqlite://"""
    project = load_project(EXAMPLE)
    reflected = [reflect(migrated_all["postgresql"]), reflect(migrated_all["sqlite"])]
    files = render_package(project, ownership(project, "postgresql"), reflected)
    committed = {p.name: p.read_text(encoding="utf-8") for p in sorted(PACKAGE.glob("*.py"))}
    assert sorted(files) == sorted(committed)
    drifted = [name for name in files if files[name] != committed[name]]
    assert not drifted, f"examples/botserver/schema is out of date ({', '.join(drifted)}): regenerate it"


def round_trip(migrated: str, declared: str, flags: dict[str, object]) -> None:
    schema = gatedb.load_schema(project=EXAMPLE, **flags)
    engine = sa.create_engine(declared, poolclass=sa.pool.NullPool)
    try:
        schema.metadata.create_all(engine)
    finally:
        engine.dispose()
    assert structure(declared) == structure(migrated)


def test_create_all_of_every_feature_equals_migrate_on_postgresql(migrated_all: dict[str, str], new_db) -> None:
    round_trip(migrated_all["postgresql"], new_db("postgresql"), {"all_features": True})  # the mail+marketing bridge too


@pytest.mark.parametrize("dialect, flags", [("postgresql", {"no_default_features": True}), ("sqlite", {"features": ["people", "mail"]})], ids=["pg-minimal", "sqlite-people-mail"])
def test_create_all_equals_migrate(new_db, dialect: str, flags: dict[str, object]) -> None:
    migrated = new_db(dialect)
    gatedb.migrate(EXAMPLE, database=migrated, **flags)
    round_trip(migrated, new_db(dialect), flags)


def test_the_minimal_build_imports_only_core() -> None:
    code = (
        "import sys, json, gatedb\n"
        f"s = gatedb.load_schema({str(PACKAGE)!r}, no_default_features=True)\n"
        "print(json.dumps([len(s.tables), sorted(m.partition('.')[2] for m in sys.modules if m.startswith(s.package + '.'))]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [79, ["core"]]


def test_compare_builds_prints_both_builds() -> None:
    done = subprocess.run([sys.executable, str(EXAMPLE / "compare_builds.py"), "--runs", "1", "--json"], capture_output=True, text=True, check=True)
    rows = json.loads(done.stdout)
    minimal, full = rows["minimal (--no-default-features)"], rows["full (--all-features)"]
    assert (minimal["tables"], minimal["modules"], full["tables"], len(full["modules"])) == (79, ["core"], 295, 28)
    assert full["memory_kib"] > minimal["memory_kib"] > 0
