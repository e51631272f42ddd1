"""The split as one call: read the history and the rules, split, write the project."""

from __future__ import annotations

from pathlib import Path

from .readers import read_history
from .rules import read_rules
from .splitter import SplitResult, split
from .writer import write_project


def split_history(
    source: str | Path,
    out: str | Path,
    rules: str | Path | None = None,
    *,
    source_format: str | None = None,
    dialect: str = "postgresql",
    feature_from_name: bool = False,
    force: bool = False,
) -> SplitResult:
    """Split the flat history in `source` into a gatedb project under `out`; the result
    carries the report (gatedb.split.report renders it)."""
    chosen_rules = read_rules(rules, feature_from_name)
    chosen, sources = read_history(source, source_format, dialect)
    result = split(sources, chosen_rules, dialect)
    write_project(result, Path(out), chosen, force)
    return result
