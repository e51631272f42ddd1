"""Flyway: `V<version>__<name>.sql` (version parts joined by `.` or `_`), run in numeric
version order; `U<version>__<name>.sql` is the undo. flyway_schema_history records the
version (`1.2`) and the description (name with `_` as spaces)."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.versions import version_key
from ..errors import MigrationFileError
from ..files.loader import read_text
from .source import SourceMigration

_NAME = re.compile(r"^(?P<kind>[VUR])(?P<version>[0-9][0-9._]*)?__(?P<name>.+)\.sql$")


def read(folder: Path) -> list[SourceMigration]:
    ups: dict[str, tuple[str, Path]] = {}
    undos: dict[str, Path] = {}
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        shown = f"{folder.name}/{path.name}"
        if match is None:
            raise MigrationFileError(f"{shown}: not a Flyway migration name", "name it V<version>__<description>.sql")
        if match["kind"] == "R" or not match["version"]:
            raise MigrationFileError(
                f"{shown}: a repeatable migration; split takes versioned migrations only",
                "give it a version (V<n>__...) or apply it outside gatedb",
            )
        version = match["version"].replace("_", ".").strip(".")
        if match["kind"] == "U":
            undos[version] = path
        else:
            ups[version] = (match["name"], path)
    out = []
    for version in sorted(ups, key=version_key):
        name, path = ups[version]
        undo = undos.get(version)
        shown = f"{folder.name}/{path.name}"
        out.append(
            SourceMigration(
                f"{version}_{name}",
                version,
                name,
                read_text(path, shown),
                read_text(undo, f"{folder.name}/{undo.name}") if undo else None,
                shown,
                (version, name.replace("_", " ")),
            )
        )
    return out


def looks_like(folder: Path) -> bool:
    return any(_NAME.match(p.name) for p in folder.glob("V*__*.sql"))
