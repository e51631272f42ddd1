"""gatedb's bookkeeping tables, versioned from the first release. SQLAlchemy Core.

gatedb_migrations: one row per applied migration (unit, version, name, checksum,
applied_at, duration_ms, state, statements_done). gatedb_meta: key/value rows: the
bookkeeping schema version and the feature set of the last run.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

import sqlalchemy as sa

from ..errors import DatabaseError
from ..core.model import AppliedRecord, Migration, MigrationId
from .snapshot import SCHEMA_VERSION

metadata = sa.MetaData()
migrations_table = sa.Table(
    "gatedb_migrations",
    metadata,
    sa.Column("unit", sa.String(200), primary_key=True),
    sa.Column("version", sa.String(100), primary_key=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("checksum", sa.String(64), nullable=False),
    sa.Column("applied_at", sa.String(40), nullable=False),
    sa.Column("duration_ms", sa.Integer, nullable=False, default=0),
    sa.Column("state", sa.String(16), nullable=False),  # applied | running
    sa.Column("statements_done", sa.Integer, nullable=False, default=0),
)
meta_table = sa.Table(
    "gatedb_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
TABLES = frozenset(t.name for t in metadata.sorted_tables)


def exists(conn: sa.Connection) -> bool:
    return sa.inspect(conn).has_table(migrations_table.name)


def ensure(conn: sa.Connection) -> None:
    """Create or check the bookkeeping tables. Call with the run lock held."""
    if not exists(conn):
        metadata.create_all(conn)
        conn.execute(meta_table.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
        conn.commit()
        return
    found = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")).scalar()
    conn.commit()
    if found is not None and int(found) > SCHEMA_VERSION:
        raise DatabaseError(
            f"the database's gatedb tables are version {found}; this gatedb knows version {SCHEMA_VERSION}",
            "upgrade gatedb (pip install -U gatedb) before migrating this database",
        )


def read(conn: sa.Connection) -> list[AppliedRecord]:
    """Every bookkeeping row; an empty list before gatedb ever ran here."""
    if not exists(conn):
        return []
    rows = conn.execute(sa.select(migrations_table)).all()
    conn.commit()
    return [
        AppliedRecord(
            MigrationId(r.unit, r.version), r.name, r.checksum, r.state, r.applied_at, r.duration_ms, r.statements_done
        )
        for r in rows
    ]


def last_features(conn: sa.Connection) -> list[str] | None:
    if not exists(conn):
        return None
    value = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "last_features")).scalar()
    conn.commit()
    return json.loads(value) if value else None


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def record(conn: sa.Connection, migration: Migration, checksum: str, state: str, duration_ms: int = 0, done: int = 0) -> None:
    """Insert or update a migration's row (inside the caller's transaction)."""
    key = (migrations_table.c.unit == migration.id.unit) & (migrations_table.c.version == migration.id.version)
    values: dict[str, Any] = dict(
        name=migration.name, checksum=checksum, applied_at=now(), duration_ms=duration_ms, state=state, statements_done=done
    )
    updated = conn.execute(migrations_table.update().where(key).values(**values)).rowcount
    if not updated:
        conn.execute(migrations_table.insert().values(unit=migration.id.unit, version=migration.id.version, **values))


def set_progress(conn: sa.Connection, mid: MigrationId, done: int) -> None:
    key = (migrations_table.c.unit == mid.unit) & (migrations_table.c.version == mid.version)
    conn.execute(migrations_table.update().where(key).values(statements_done=done))


def set_state(conn: sa.Connection, mid: MigrationId, state: str) -> None:
    key = (migrations_table.c.unit == mid.unit) & (migrations_table.c.version == mid.version)
    conn.execute(migrations_table.update().where(key).values(state=state))


def forget(conn: sa.Connection, mids: Iterable[MigrationId]) -> None:
    for mid in mids:
        key = (migrations_table.c.unit == mid.unit) & (migrations_table.c.version == mid.version)
        conn.execute(migrations_table.delete().where(key))


def mark_applied(conn: sa.Connection, mid: MigrationId) -> None:
    key = (migrations_table.c.unit == mid.unit) & (migrations_table.c.version == mid.version)
    conn.execute(migrations_table.update().where(key).values(state="applied", applied_at=now()))


def save_features(conn: sa.Connection, features: Iterable[str]) -> None:
    value = json.dumps(sorted(features))
    key = meta_table.c.key == "last_features"
    if not conn.execute(meta_table.update().where(key).values(value=value)).rowcount:
        conn.execute(meta_table.insert().values(key="last_features", value=value))
