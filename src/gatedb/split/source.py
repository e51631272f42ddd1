"""A migration of a flat history, as the readers give it. Pure values."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.versions import split_stem
from ..errors import MigrationFileError


@dataclass(frozen=True)
class SourceMigration:
    """One migration of the old history: its SQL up (and down), where it came from, and the
    names the old tool records it by in its tracking table (`tracked`)."""

    stem: str  # the folder or file name without extension: 6.0.8-01-tickets
    version: str  # 6.0.8-01
    name: str  # tickets
    up: str
    down: str | None
    path: str  # as messages show it
    tracked: tuple[str, ...] = ()


def from_stem(stem: str, up: str, down: str | None, path: str, tracked: tuple[str, ...] = ()) -> SourceMigration:
    parsed = split_stem(stem)
    if parsed is None:
        raise MigrationFileError(
            f"{path}: the name must start with a version, like 0001_create_users",
            "rename it <version>_<name>; split keeps each migration's version",
        )
    version, name = parsed
    return SourceMigration(stem, version, name, up, down, path, tracked or (stem,))


