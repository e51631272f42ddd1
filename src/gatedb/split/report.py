"""The split report as a JSON document and as text. Pure."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .splitter import SplitResult


def as_json(result: SplitResult, seconds: float | None = None) -> dict[str, Any]:
    r = result.report
    units = {u: [m.id for m in result.migrations if m.unit == u] for u in result.units}
    return {
        "sources": len(result.sources),
        "statements": sum(1 for m in result.migrations for p in m.up if p.role != "key"),
        "units": units,
        "tables": dict(sorted(result.table_units.items())),
        "unmatched_tables": r.unmatched,
        "tables_from_migration_names": r.from_name,
        "rules_matching_nothing": r.unused_rules,
        "tables_matched_by_two_features": r.ambiguous,
        "moved_constraints": [asdict(k) for k in r.moved],
        "bridges": r.bridges,
        "statements_not_placed": r.not_placed,
        "impossible": r.impossible,
        "moved_after_creation": r.reordered,
        "renumbered": r.renumbered,
        "sources_without_statements": r.empty_sources,
        **({"seconds": round(seconds, 3)} if seconds is not None else {}),
    }


def as_text(result: SplitResult, out: str, seconds: float | None = None) -> str:
    r = result.report
    lines = []
    n_stmt = sum(1 for m in result.migrations for p in m.up if p.role != "key")
    took = f" in {seconds:.2f} s" if seconds is not None else ""
    lines.append(f"split {len(result.sources)} migrations ({n_stmt} statements) into {len(result.migrations)} migrations of {len(result.units)} units -> {out}{took}")
    for unit in result.units:
        count = sum(1 for m in result.migrations if m.unit == unit)
        tables = sum(1 for u in result.table_units.values() if u == unit)
        lines.append(f"  {unit}: {count} migrations, {tables} tables")

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines.extend(f"  {item}" for item in items)

    section("impossible with these rules", [
        f"{i['source']}:{i['line']}: {i['statement']}: {i['why']}; fix: {' or '.join(i['fix'])}" for i in r.impossible
    ])
    section("statements not placed as written", [f"{i['source']}:{i['line']}: {i['statement']}: {i['why']}" for i in r.not_placed])
    section("tables no rule matches (placed in core)", [
        f"{i['table']} (created by {i['source']})" + (f": suggested {i['suggested']} (foreign-key neighbours)" if i["suggested"] else "") for i in r.unmatched
    ])
    section("tables matched by two features", [f"{i['table']}: {', '.join(i['features'])} -> {i['chosen']} ({', '.join(i['patterns'])})" for i in r.ambiguous])
    section("rules matching nothing", [f"{i['feature']}: {i['pattern']}" for i in r.unused_rules])
    section("tables by migration name", [f"{i['table']} -> {i['feature']} ({i['source']})" for i in r.from_name])
    section("moved constraints", [f"{k.table}({', '.join(k.columns)}) -> {k.ref_table}: {k.name} in {k.to_unit} ({k.why})" for k in r.moved])
    section("bridges", [f"{unit}: {'; '.join(why)}" for unit, why in r.bridges.items()])
    section("moved after the creation they need", [f"{i['source']}:{i['line']}: {i['statement']} -> {i['to']} ({i['why']})" for i in r.reordered])
    section("versions made unique", [f"{i['source']} -> {i['version']} ({i['why']})" for i in r.renumbered])
    section("source migrations without a statement (no split migration; adopt still maps them)", r.empty_sources)
    return "\n".join(lines)
