"""Plain SQL files, `<version>_<name>.sql`, run in the text order of their names (as a
shell's `psql -f *.sql` does); `<version>_<name>.down.sql` beside one is its down."""

from __future__ import annotations

from pathlib import Path

from ..files.loader import read_text
from .source import SourceMigration, from_stem


def read(folder: Path) -> list[SourceMigration]:
    out = []
    for path in sorted(p for p in folder.glob("*.sql") if not p.name.endswith(".down.sql")):
        stem = path.name[: -len(".sql")]
        down = path.with_name(f"{stem}.down.sql")
        shown = f"{folder.name}/{path.name}"
        out.append(from_stem(stem, read_text(path, shown), read_text(down, f"{folder.name}/{down.name}") if down.is_file() else None, shown, (stem, path.name)))
    return out
