"""What a migration does, as the static analysis sees it: SQL through the sql package, Python
through pyscan's recording `op`. The glue between files and the pure scanners."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..core.model import DIALECTS, Migration, Project


def scan(migration: Migration, root: str, dialect: str, direction: str = "up"):  # -> sql.ScanResult | None
    """The facts of one direction of a migration; None when it has no such direction."""
    if migration.kind == "python":
        if direction == "down" and not migration.has_down(dialect):
            return None
        return _scan_python(str(Path(root) / migration.path), migration.checksum(dialect), dialect, direction)
    sql = migration.up_sql(dialect) if direction == "up" else migration.down_sql(dialect)
    if sql is None:
        return None
    return _scan_sql(sql, dialect)


@lru_cache(maxsize=4096)
def _scan_sql(sql: str, dialect: str):  # type: ignore[no-untyped-def]
    from .sql import scan_sql

    return scan_sql(sql, dialect)


@lru_cache(maxsize=1024)
def _scan_python(path: str, checksum: str, dialect: str, direction: str):  # type: ignore[no-untyped-def]
    from .pyscan import scan_python_migration

    del checksum  # part of the cache key only: a changed file is scanned again
    return scan_python_migration(Path(path), dialect, direction)


def created_tables(migration: Migration, root: str, dialect: str) -> frozenset[str]:
    result = scan(migration, root, dialect)
    return frozenset(result.created_tables) if result is not None else frozenset()


def scanned_file(migration: Migration, dialect: str, direction: str = "up") -> str:
    """The file the facts of this direction come from, relative to the project."""
    if migration.kind == "python" or migration.path.endswith(".sql") and dialect not in migration.up:
        return migration.path
    if migration.path.endswith(".sql"):
        return f"{migration.path[:-4]}.{dialect}.sql"
    name = f"{direction}.{dialect}.sql" if dialect in (migration.up if direction == "up" else migration.down) else f"{direction}.sql"
    return f"{migration.path}/{name}"


def facts_for(project: Project, dialect: str):  # -> checker.Facts
    from .checker import Facts

    up, down, files = {}, {}, {}
    for migration in project.migrations:
        result = scan(migration, project.root, dialect)
        if result is None:
            continue
        up[migration.id] = result
        down[migration.id] = scan(migration, project.root, dialect, "down")
        files[migration.id] = scanned_file(migration, dialect)
    return Facts(up, down, files)


def dialects_of(project: Project, configured: str) -> tuple[str, ...]:
    """The dialects a project writes SQL for: those with variants, else the configured one."""
    named = {d for m in project.migrations for d in list(m.up) + list(m.down) if d}
    return tuple(d for d in DIALECTS if d in named) or (configured,)
