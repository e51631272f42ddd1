"""The exact all-features schema, for the schema writers: every feature's migrations applied
to a scratch database (a temporary SQLite file, or a temporary database on a server,
dropped afterwards), then reflected. I/O edge.

Types, nullability, primary keys, uniques and indexes are not in the static prediction;
the database the migrations build is the one source that has them all, exactly.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from ..core.model import Project
from ..db.url import dialect_name, normalise_url

DEFAULT_SCRATCH = "sqlite://"  # a temporary SQLite file (analysis.matrix.Scratch)


@dataclass(frozen=True)
class Reflected:
    """One dialect's all-features schema, as SQLAlchemy reflects it."""

    dialect: str
    metadata: Any  # sqlalchemy.MetaData, without gatedb's bookkeeping tables


@contextmanager
def migrated_databases(project: Project, servers: Sequence[str]) -> Iterator[list[str]]:
    """URLs of scratch databases, one per server, each migrated with --all-features;
    dropped again on exit. A failed migration is the GatedbError of `migrate`."""
    from .. import api
    from ..analysis.matrix import Scratch

    scratches = []
    try:
        urls = []
        for server in servers:
            scratch = Scratch(normalise_url(server, project.root))
            scratches.append(scratch)
            url = scratch.new()
            api.migrate(project, database=url, all_features=True)
            urls.append(url)
        yield urls
    finally:
        for scratch in scratches:
            scratch.close()


def reflect(url: str) -> Reflected:
    """Every user table of the database (not gatedb_* bookkeeping), with keys and indexes."""
    import sqlalchemy as sa

    from ..db.url import create_engine

    engine = create_engine(url)
    try:
        metadata = sa.MetaData()
        names = [t for t in sa.inspect(engine).get_table_names() if not t.startswith(("gatedb_", "_alembic"))]
        metadata.reflect(engine, only=names)
        return Reflected(dialect_name(url), metadata)
    finally:
        engine.dispose()


def reflect_all_features(project: Project, servers: Sequence[str] = (DEFAULT_SCRATCH,)) -> list[Reflected]:
    """The all-features schema on each server's dialect, in the order given."""
    with migrated_databases(project, servers) as urls:
        return [reflect(url) for url in urls]


def structure(url: str) -> dict[str, dict[str, object]]:
    """What a round-trip compares, per user table: columns in order with their type as the
    database names it and nullability, the primary key, the foreign keys. (Bulk catalog
    queries: a few round trips for 300 tables, not three per table.)"""
    import sqlalchemy as sa

    from ..db.url import create_engine

    engine = create_engine(url)
    try:
        inspector = sa.inspect(engine)
        columns = inspector.get_multi_columns()
        keys = inspector.get_multi_pk_constraint()
        foreign = inspector.get_multi_foreign_keys()
        out: dict[str, dict[str, object]] = {}
        for (schema, table), found in sorted(columns.items(), key=lambda kv: kv[0][1]):
            if table.startswith(("gatedb_", "_alembic")):
                continue
            pk = tuple(keys[(schema, table)]["constrained_columns"])
            out[table] = {
                # a primary key column counts as NOT NULL (SQLite's NULL-in-primary-key quirk aside)
                "columns": [(c["name"], str(c["type"].compile(dialect=engine.dialect)), c["nullable"] and c["name"] not in pk) for c in found],
                "primary_key": pk,
                "foreign_keys": sorted((tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"])) for fk in foreign[(schema, table)]),
            }
        return out
    finally:
        engine.dispose()
