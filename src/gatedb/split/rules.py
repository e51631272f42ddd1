"""Split rules: which feature owns which table. A TOML file:

    core = ["users", "bots", "rbac_*"]      # exact names and globs, per feature
    tasks = ["tasks", "task_*"]
    [features]                              # optional: implications, as in gatedb.toml
    default = ["tasks"]
    projects = ["tasks"]

An exact name beats a glob; among globs the longest pattern wins; a tie goes to the
feature written first (and the report names every table two features matched)."""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..core.features import FeatureTable, build_feature_table
from ..core.model import CORE
from ..errors import ManifestError


@dataclass(frozen=True)
class Rules:
    tables: Mapping[str, tuple[str, ...]]  # feature (or core) -> patterns, in file order
    implications: Mapping[str, tuple[str, ...]] | None = None  # [features], None when absent
    default: tuple[str, ...] = ()
    feature_from_name: bool = False
    source: str = "rules.toml"

    def matches(self, table: str) -> list[tuple[str, str]]:
        """Every (feature, pattern) matching the table, best first."""
        found = []
        for order, (feature, patterns) in enumerate(self.tables.items()):
            for pattern in patterns:
                if pattern == table:
                    found.append(((0, 0, order), feature, pattern))
                elif fnmatch.fnmatchcase(table, pattern):
                    found.append(((1, -len(pattern), order), feature, pattern))
        return [(feature, pattern) for _, feature, pattern in sorted(found)]

    def feature_table(self, extra: list[str]) -> FeatureTable:
        """The features of the split project: [features] if given, plus every feature the
        rules or migration names brought in (implying nothing)."""
        implies: dict[str, list[str]] = {k: list(v) for k, v in (self.implications or {}).items()}
        for name in list(self.tables) + extra:
            if name != CORE and name not in implies:
                implies[name] = []
        raw: dict[str, object] = {"default": list(self.default), **implies} if self.default else dict(implies)
        return build_feature_table(raw, self.source)

    def known_features(self) -> set[str]:
        return set(self.tables) | set(self.implications or ()) | {CORE}


def parse_rules(text: str, source: str, feature_from_name: bool = False) -> Rules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{source}: not valid TOML: {exc}", "fix the rules file") from None
    tables: dict[str, tuple[str, ...]] = {}
    implications = None
    default: tuple[str, ...] = ()
    for key, value in data.items():
        if key == "features":
            if not isinstance(value, dict):
                raise ManifestError(f"{source}: [features] must be a table", 'write [features] with lines like projects = ["tasks"]')
            raw = dict(value)
            default = tuple(raw.pop("default", ()))
            build_feature_table(value, source)  # validates names and cycles
            implications = {k: tuple(v) for k, v in raw.items()}
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ManifestError(
                f"{source}: {key} must be a list of table names and globs, got {value!r}",
                f'write it as {key} = ["table", "prefix_*"]',
            )
        tables[key] = tuple(value)
    if implications is not None:
        unknown = sorted(set(tables) - set(implications) - {CORE})
        if unknown:
            raise ManifestError(
                f"{source}: {unknown[0]} has table rules but is not in [features]",
                f"add {unknown[0]} = [] to [features], or fix the name",
            )
    return Rules(tables, implications, default, feature_from_name, source)


def read_rules(path: str | Path | None, feature_from_name: bool = False) -> Rules:
    if path is None:
        return Rules({}, None, (), feature_from_name)
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ManifestError(f"{p}: cannot read the rules file ({exc.__class__.__name__})", "pass --rules FILE with a TOML table of features and table names") from None
    return parse_rules(text, p.name, feature_from_name)


@dataclass
class Usage:
    """Which patterns matched something, for the report's "rules matching nothing"."""

    used: set[tuple[str, str]] = field(default_factory=set)

    def unused(self, rules: Rules) -> list[tuple[str, str]]:
        return [(f, p) for f, pats in rules.tables.items() for p in pats if (f, p) not in self.used]
