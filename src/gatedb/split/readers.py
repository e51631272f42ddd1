"""Which reader a flat history needs, by --from or by what the folder holds."""

from __future__ import annotations

from pathlib import Path

from ..errors import MigrationFileError
from . import read_alembic, read_diesel, read_flyway, read_sqlfiles
from .source import SourceMigration

FORMATS = ("diesel", "sql", "flyway", "alembic")


def detect(folder: Path) -> str:
    if read_diesel.looks_like(folder):
        return "diesel"
    if read_flyway.looks_like(folder):
        return "flyway"
    if any(p.suffix == ".py" and p.name != "__init__.py" for p in folder.iterdir()):
        return "alembic"
    if any(folder.glob("*.sql")):
        return "sql"
    raise MigrationFileError(f"{folder}: no migrations found (Diesel folders, .sql files, Flyway V*__*.sql or Alembic .py)", "pass the folder holding the flat history, or --from FORMAT")


def read_history(folder: str | Path, source_format: str | None, dialect: str) -> tuple[str, list[SourceMigration]]:
    path = Path(folder)
    if not path.is_dir():
        raise MigrationFileError(f"{folder}: not a folder", "pass the folder holding the flat history")
    chosen = source_format or detect(path)
    if chosen == "diesel":
        sources = read_diesel.read(path)
    elif chosen == "flyway":
        sources = read_flyway.read(path)
    elif chosen == "alembic":
        sources = read_alembic.read(path, dialect)
    else:
        sources = read_sqlfiles.read(path)
    if not sources:
        raise MigrationFileError(f"{folder}: no {chosen} migrations in it", "pass the folder holding the flat history, or --from FORMAT")
    return chosen, sources
