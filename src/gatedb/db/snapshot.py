"""What the bookkeeping tables say, read over a bare driver connection (db/driver.py): the
whole of a `migrate` with nothing pending, and the reads of `plan`. I/O edge.

history.py owns the tables (SQLAlchemy Core, for writes); this module only reads them,
in two plain SELECTs that every dialect takes unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..core.model import AppliedRecord, MigrationId
from . import driver
from .url import parse_url

SCHEMA_VERSION = 2  # of the bookkeeping tables (2: gatedb_runs): a newer one is refused by the locked run
MIGRATIONS_TABLE = "gatedb_migrations"
META_TABLE = "gatedb_meta"
_COLUMNS = "unit, version, name, checksum, state, applied_at, duration_ms, statements_done"


@dataclass(frozen=True)
class Snapshot:
    applied: tuple[AppliedRecord, ...]
    meta: dict[str, str]  # gatedb_meta: schema_version, last_features

    @property
    def schema_version(self) -> int:
        return int(self.meta.get("schema_version", "0"))

    @property
    def last_features(self) -> list[str] | None:
        value = self.meta.get("last_features")
        return json.loads(value) if value else None


def sqlite_missing(url: str) -> bool:
    """A SQLite file that does not exist yet: a reader must not create it."""
    parsed = parse_url(url)
    return parsed.backend == "sqlite" and parsed.database not in (None, ":memory:") and not Path(parsed.database).exists()


def read(url: str, busy_timeout: float = 60.0) -> Snapshot | None:
    """The bookkeeping as committed now, without the run lock; None when there is none
    (a new database) or when it cannot be read this way (another driver, a query the
    database refuses): the caller then asks SQLAlchemy, which reports what is wrong.
    `busy_timeout`: how long SQLite waits for a writer's lock (readers pass a short one)."""
    if not driver.opens_bare(url) or sqlite_missing(url):
        return None
    conn = driver.connect(url, busy_timeout)  # a server that does not answer is an error here already
    try:
        cursor = conn.cursor()
        try:
            cursor.execute(f"SELECT {_COLUMNS} FROM {MIGRATIONS_TABLE}")
            rows = cursor.fetchall()
            cursor.execute(f"SELECT * FROM {META_TABLE}")  # `key` is a reserved word in MySQL: no column list
            names = [column[0] for column in cursor.description]
            meta = {str(r[names.index("key")]): str(r[names.index("value")]) for r in cursor.fetchall()}
        except Exception:  # no bookkeeping tables yet, or they are not as expected
            return None
        finally:
            cursor.close()
    finally:
        conn.close()
    applied = tuple(
        AppliedRecord(MigrationId(unit, version), name, checksum, state, str(applied_at), int(duration), int(done))
        for unit, version, name, checksum, state, applied_at, duration, done in rows
    )
    return Snapshot(applied, meta)
