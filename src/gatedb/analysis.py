"""What a migration does, as the static analysis sees it: SQL through sqlscan, Python
through pyscan's recording `op`. The glue between files and the pure scanners."""

from __future__ import annotations

from pathlib import Path

from .model import Migration


def scan(migration: Migration, migrations_dir: str, dialect: str, direction: str = "up"):  # -> sqlscan.ScanResult
    from . import sqlscan

    if migration.kind == "python":
        from .pyscan import scan_python_migration

        return scan_python_migration(Path(migrations_dir) / migration.path, dialect, direction)
    sql = migration.up_sql(dialect) if direction == "up" else migration.down_sql(dialect)
    return sqlscan.scan_sql(sql or "", dialect)


def created_tables(migration: Migration, migrations_dir: str, dialect: str) -> frozenset[str]:
    return frozenset(scan(migration, migrations_dir, dialect).created_tables)
