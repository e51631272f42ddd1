"""(project, features, applied migrations) -> Plan. Pure: no disk, no database.

Applied migrations of units that are off are dormant: left alone, reported. Applied
migrations whose file is gone are reported as missing. Checksums are compared here so
that a plan shows a changed file before anything runs.
"""

from __future__ import annotations

from typing import Iterable

from .features import Resolution
from .model import AppliedRecord, Plan, Project, Step


def plan(
    project: Project,
    resolution: Resolution,
    applied: Iterable[AppliedRecord],
    dialect: str,
) -> Plan:
    records = {record.id: record for record in applied}
    active = project.active_units(resolution.enabled)
    active_names = {unit.name for unit in active}
    why = {unit.name: unit.why_on(resolution) for unit in active}
    known = {m.id for m in project.migrations}
    steps = tuple(
        Step(m, why[m.id.unit])
        for m in project.migrations
        if m.id.unit in active_names and m.id not in records
    )
    changed = tuple(
        m.id
        for m in project.migrations
        if m.id in records and records[m.id].state == "applied" and records[m.id].checksum != m.checksum(dialect)
    )
    ordered = sorted(records.values(), key=lambda r: (r.id.unit, r.id.version))
    return Plan(
        features=tuple(resolution.ordered(project.features.names)),
        active_units=tuple(u.name for u in active),
        steps=steps,
        dormant=tuple(r for r in ordered if r.id in known and r.id.unit not in active_names),
        missing=tuple(r for r in ordered if r.id not in known),
        changed=changed,
        unfinished=tuple(r for r in ordered if r.state != "applied"),
        dialect=dialect,
    )


def prune_plan(project: Project, feature: str, applied: Iterable[AppliedRecord], dialect: str) -> tuple[Step, ...]:
    """Down steps that remove a feature's unit and its bridges: newest first."""
    doomed = {u.name for u in project.units if feature in u.features}
    applied_ids = {r.id for r in applied}
    reason = {u.name: (f"bridge {u.name} joins {feature}" if u.is_bridge else f"unit of feature {feature}") for u in project.units if u.name in doomed}
    return tuple(
        Step(m, reason[m.id.unit], "down")
        for m in reversed(project.migrations)
        if m.id.unit in doomed and m.id in applied_ids
    )
