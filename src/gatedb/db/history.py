"""gatedb's bookkeeping tables, versioned from the first release. SQLAlchemy Core.

gatedb_migrations: one row per applied migration (unit, version, name, checksum,
applied_at, duration_ms, state, statements_done). gatedb_meta: key/value rows: the
bookkeeping schema version and the feature set of the last run. gatedb_runs (version 2):
one row per run that changed something: when, how long, the feature set, who ran it;
while a run holds the lock, its row names the holder (MySQL's GET_LOCK cannot).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
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
runs_table = sa.Table(
    "gatedb_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("command", sa.String(20), nullable=False),  # migrate | revert | redo | prune
    sa.Column("started_at", sa.String(40), nullable=False),
    sa.Column("duration_ms", sa.Integer, nullable=False, default=0),
    sa.Column("features", sa.Text, nullable=False),  # JSON list
    sa.Column("who", sa.String(300), nullable=False),  # user, pid and host of the gatedb process
    sa.Column("session", sa.String(40), nullable=False, default=""),  # the database session holding the lock
    sa.Column("state", sa.String(16), nullable=False),  # running | done | failed (interrupted: running, lock free)
    sa.Column("migrations", sa.Text, nullable=False, default="[]"),  # JSON list of "unit/version" it ran
)
TABLES = frozenset(t.name for t in metadata.sorted_tables)


def exists(conn: sa.Connection) -> bool:
    return sa.inspect(conn).has_table(migrations_table.name)


def ensure(conn: sa.Connection) -> None:
    """Create, upgrade or check the bookkeeping tables. Call with the run lock held, just
    before the first change: a run that stops earlier leaves the database untouched."""
    if not exists(conn):
        metadata.create_all(conn)
        conn.execute(meta_table.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
        conn.commit()
        return
    found = check_version(conn)
    if found < SCHEMA_VERSION:
        metadata.create_all(conn, tables=[runs_table])  # 1 -> 2 adds gatedb_runs
        conn.execute(meta_table.update().where(meta_table.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))
        conn.commit()


def check_version(conn: sa.Connection) -> int:
    """The bookkeeping schema version (0: no tables); refuse one newer than this gatedb."""
    if not exists(conn):
        return 0
    found = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")).scalar()
    conn.commit()
    if found is not None and int(found) > SCHEMA_VERSION:
        raise DatabaseError(
            f"the database's gatedb tables are version {found}; this gatedb knows version {SCHEMA_VERSION}",
            "upgrade gatedb (pip install -U gatedb) before migrating this database",
        )
    return int(found or 1)


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
    """Insert or update a migration's row (inside the caller's transaction), in one
    statement: a migration costs its SQL and one bookkeeping write."""
    values: dict[str, Any] = dict(
        name=migration.name, checksum=checksum, applied_at=now(), duration_ms=duration_ms, state=state, statements_done=done
    )
    conn.execute(_upsert(conn.dialect.name, dict(unit=migration.id.unit, version=migration.id.version, **values), values))


def _upsert(dialect: str, row: dict[str, Any], changes: dict[str, Any]) -> Any:
    """INSERT ... ON CONFLICT DO UPDATE (PostgreSQL, SQLite), ON DUPLICATE KEY UPDATE (MySQL)."""
    if dialect in ("mysql", "mariadb"):
        from sqlalchemy.dialects.mysql import insert as mysql_insert

        return mysql_insert(migrations_table).values(**row).on_duplicate_key_update(**changes)
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    key = [migrations_table.c.unit, migrations_table.c.version]
    return insert(migrations_table).values(**row).on_conflict_do_update(index_elements=key, set_=changes)


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


def remember_features(conn: sa.Connection, features: Iterable[str]) -> None:
    """Record the run's feature set, in its own transaction; nothing where gatedb never
    changed the database (a run with nothing to do creates no table). Tables of an older
    schema version are upgraded first, so that the next no-op run takes the fast path."""
    found = exists(conn)
    conn.commit()
    if found:
        ensure(conn)
        with conn.begin():
            save_features(conn, features)


def save_features(conn: sa.Connection, features: Iterable[str]) -> None:
    value = json.dumps(sorted(features))
    key = meta_table.c.key == "last_features"
    if not conn.execute(meta_table.update().where(key).values(value=value)).rowcount:
        conn.execute(meta_table.insert().values(key="last_features", value=value))


# --- runs --------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    id: int
    command: str
    started_at: str
    duration_ms: int
    features: tuple[str, ...]
    who: str
    session: str
    state: str
    migrations: tuple[str, ...]


def start_run(conn: sa.Connection, command: str, features: Iterable[str], who: str, session: str) -> int:
    """Record a run as it starts (committed at once, so that others can read who holds the lock).
    Runs left `running` by a killed process are marked `interrupted` first: we hold the lock."""
    with conn.begin():
        conn.execute(runs_table.update().where(runs_table.c.state == "running").values(state="interrupted"))
        result = conn.execute(
            runs_table.insert().values(
                command=command, started_at=now(), duration_ms=0, features=json.dumps(sorted(features)),
                who=who, session=session, state="running", migrations="[]",
            )
        )
    return int(result.inserted_primary_key[0])


def finish_run(conn: sa.Connection, run_id: int, state: str, duration_ms: int, migrations: Iterable[str]) -> None:
    if conn.in_transaction():
        conn.rollback()
    with conn.begin():
        conn.execute(
            runs_table.update().where(runs_table.c.id == run_id)
            .values(state=state, duration_ms=duration_ms, migrations=json.dumps(list(migrations)))
        )


def runs(conn: sa.Connection) -> list[Run]:
    """Every recorded run, oldest first; [] before gatedb ever changed this database."""
    if not sa.inspect(conn).has_table(runs_table.name):
        return []
    rows = conn.execute(sa.select(runs_table).order_by(runs_table.c.id)).all()
    conn.commit()
    return [_run(r) for r in rows]


def _run(r: Any) -> Run:
    return Run(r.id, r.command, r.started_at, r.duration_ms, tuple(json.loads(r.features)), r.who, r.session, r.state, tuple(json.loads(r.migrations)))


def holder(conn: sa.Connection, session: str) -> Run | None:
    """The running run whose database session is `session` (who holds the lock)."""
    if not sa.inspect(conn).has_table(runs_table.name):
        return None
    row = conn.execute(
        sa.select(runs_table).where((runs_table.c.session == session) & (runs_table.c.state == "running")).order_by(runs_table.c.id.desc())
    ).first()
    conn.commit()
    return _run(row) if row is not None else None
