"""The values gatedb computes with: units, migrations, projects, plans. Pure, frozen.

Nothing here touches disk or a database; the loader builds these from files and the
history module from bookkeeping rows.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Mapping

from .features import FeatureTable, Resolution
from .versions import version_key

CORE = "core"
DIALECTS = ("postgresql", "sqlite", "mysql")


@dataclass(frozen=True, order=True)
class MigrationId:
    """A migration's identity: its unit and its version (`tasks/0003`)."""

    unit: str
    version: str

    def __str__(self) -> str:
        return f"{self.unit}/{self.version}"

    @classmethod
    def parse(cls, text: str) -> "MigrationId":
        unit, _, version = text.strip().rpartition("/")
        return cls(unit, version)


@dataclass(frozen=True)
class Unit:
    """What owns migrations: core (always on), a feature, or a bridge `a+b`."""

    name: str
    features: frozenset[str]

    @property
    def is_core(self) -> bool:
        return not self.features

    @property
    def is_bridge(self) -> bool:
        return len(self.features) > 1

    def is_on(self, enabled: frozenset[str]) -> bool:
        return self.features <= enabled

    def why_on(self, resolution: Resolution) -> str:
        if self.is_core:
            return "core is always on"
        if self.is_bridge:
            return f"bridge {self.name}: {' and '.join(sorted(self.features))} are on"
        (feature,) = self.features
        return f"feature {feature} is on ({resolution.reasons.get(feature, 'enabled')})"


@dataclass(frozen=True)
class Migration:
    """One migration: SQL (with per-dialect variants) or a Python file with upgrade(op)."""

    id: MigrationId
    name: str
    path: str  # relative to the project folder: migrations/<unit>/<file>, as messages name it
    kind: str = "sql"  # "sql" or "python"
    up: Mapping[str, str] = field(default_factory=dict)  # dialect ("" = any) -> SQL text
    down: Mapping[str, str] = field(default_factory=dict)
    source: str = ""  # the Python file's text, for kind == "python"
    requires: tuple[MigrationId, ...] = ()
    requires_line: Mapping[MigrationId, int] = field(default_factory=dict)
    transactional: bool = True

    @property
    def key(self) -> tuple[int, ...]:
        return version_key(self.id.version)

    def up_sql(self, dialect: str) -> str | None:
        return self.up.get(dialect, self.up.get(""))

    def down_sql(self, dialect: str) -> str | None:
        return self.down.get(dialect, self.down.get(""))

    def is_empty(self, dialect: str) -> bool:
        """An SQL migration whose up holds nothing but blanks and comments."""
        if self.kind == "python":
            return False
        text = re.sub(r"/\*.*?\*/", "", self.up_sql(dialect) or "", flags=re.DOTALL)
        return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())

    def has_down(self, dialect: str) -> bool:
        if self.kind == "python":
            return "def downgrade" in self.source
        return self.down_sql(dialect) is not None

    def checksum(self, dialect: str) -> str:
        """SHA-256 of what runs on this dialect, line endings normalised."""
        text = self.source if self.kind == "python" else (self.up_sql(dialect) or "")
        normalised = text.replace("\r\n", "\n").replace("\r", "\n")
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()

    @property
    def folder(self) -> str:
        """The migrations folder, as messages name it (`migrations` by default)."""
        return self.path.rsplit(f"/{self.id.unit}/", 1)[0]

    @property
    def header_file(self) -> str:
        """The file whose leading comments hold the directives (a folder's up.sql)."""
        return self.path if self.path.endswith((".sql", ".py")) else f"{self.path}/up.sql"


@dataclass(frozen=True)
class Project:
    """Everything read from a project folder: features, units and their migrations."""

    root: str
    manifest_path: str
    migrations_dir: str
    features: FeatureTable
    units: tuple[Unit, ...]  # in declaration order: core, features, bridges
    migrations: tuple[Migration, ...]  # in global order (see graph.order)
    database_url: str | None = None
    settings: Mapping[str, object] = field(default_factory=dict)

    def unit(self, name: str) -> Unit:
        for unit in self.units:
            if unit.name == name:
                return unit
        raise KeyError(name)

    def migration(self, mid: MigrationId) -> Migration | None:
        for migration in self.migrations:
            if migration.id == mid:
                return migration
        return None

    def active_units(self, enabled: frozenset[str]) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.is_on(enabled))


@dataclass(frozen=True)
class AppliedRecord:
    """A bookkeeping row, as the planner needs it."""

    id: MigrationId
    name: str
    checksum: str
    state: str = "applied"  # "applied", or "running" when a run stopped inside it
    applied_at: str = ""
    duration_ms: int = 0
    statements_done: int = 0


@dataclass(frozen=True)
class Step:
    """One migration to run, and why."""

    migration: Migration
    reason: str
    direction: str = "up"
    resume_at: int = 0  # statements already committed by an interrupted run (MySQL): skip them


@dataclass(frozen=True)
class Plan:
    """What a run will do, computed before anything runs: print it, diff it, then execute it."""

    features: tuple[str, ...]
    active_units: tuple[str, ...]
    steps: tuple[Step, ...]
    dormant: tuple[AppliedRecord, ...] = ()  # applied, unit now off: left alone
    missing: tuple[AppliedRecord, ...] = ()  # applied, file gone
    changed: tuple[MigrationId, ...] = ()  # applied, file's checksum differs
    unfinished: tuple[AppliedRecord, ...] = ()  # left `running` by a crashed run
    dialect: str = "sqlite"
    out_of_order: tuple[tuple[MigrationId, MigrationId], ...] = ()  # (pending, newer applied one of its unit)
    reordered: tuple[tuple[MigrationId, MigrationId], ...] = ()  # (ran first, today runs first): reported only

    @property
    def is_empty(self) -> bool:
        return not self.steps
