"""Diesel: one folder per migration, `<version>_<name>/up.sql` and `down.sql`.

Diesel runs them in the text order of their names and records `version` (the name up to
its first `_`, dashes removed) in `__diesel_schema_migrations`."""

from __future__ import annotations

from pathlib import Path

from ..files.loader import read_text
from .source import SourceMigration, from_stem


def diesel_version(stem: str) -> str:
    return stem.split("_", 1)[0].replace("-", "")


def read(folder: Path) -> list[SourceMigration]:
    out = []
    for entry in sorted(p for p in folder.iterdir() if p.is_dir() and (p / "up.sql").is_file()):
        shown = f"{folder.name}/{entry.name}"
        down = entry / "down.sql"
        out.append(
            from_stem(
                entry.name,
                read_text(entry / "up.sql", f"{shown}/up.sql"),
                read_text(down, f"{shown}/down.sql") if down.is_file() else None,
                f"{shown}/up.sql",
                (entry.name, diesel_version(entry.name)),
            )
        )
    return out


def looks_like(folder: Path) -> bool:
    return any((p / "up.sql").is_file() for p in folder.iterdir() if p.is_dir())
