"""(project, features, applied migrations) -> Plan. Pure: no disk, no database.

Applied migrations of units that are off are dormant: left alone, reported. Applied
migrations whose file is gone are reported as missing. Checksums are compared here so
that a plan shows a changed file before anything runs.
"""

from __future__ import annotations

from typing import Iterable

from . import graph
from .features import Resolution
from .model import AppliedRecord, MigrationId, Plan, Project, Step
from .versions import version_key


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
        out_of_order=out_of_order(steps, records.values()),
        reordered=reordered(project, records),
    )


def out_of_order(steps: Iterable[Step], applied: Iterable[AppliedRecord]) -> tuple[tuple[MigrationId, MigrationId], ...]:
    """(pending, newest applied of its unit) for each pending migration older than the newest
    applied one of its unit: added after a merge, say. Running it now runs it in another
    order than on a fresh database."""
    newest: dict[str, MigrationId] = {}
    for record in applied:
        known = newest.get(record.id.unit)
        if known is None or version_key(record.id.version) > version_key(known.version):
            newest[record.id.unit] = record.id
    return tuple(
        (s.migration.id, newest[s.migration.id.unit])
        for s in steps
        if s.migration.id.unit in newest and s.migration.key < version_key(newest[s.migration.id.unit].version)
    )


def reordered(project: Project, records: dict[MigrationId, AppliedRecord]) -> tuple[tuple[MigrationId, MigrationId], ...]:
    """Applied pairs of equal version where the implying unit's migration ran first: today
    the implied unit's runs first (README: ordering). Never re-run; reported only."""
    closure = graph.closures(project.units, project.features)
    by_version: dict[tuple[int, ...], list[AppliedRecord]] = {}
    for record in records.values():
        by_version.setdefault(version_key(record.id.version), []).append(record)
    found = []
    for group in by_version.values():
        for first in group:
            for second in group:
                implied = second.id.unit in closure.get(first.id.unit, frozenset()) and second.id.unit != first.id.unit
                if implied and first.applied_at and second.applied_at and first.applied_at < second.applied_at:
                    found.append((first.id, second.id))
    return tuple(sorted(found))


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


def revert_plan(
    project: Project,
    active_units: Iterable[str],
    applied: Iterable[AppliedRecord],
    unit: str | None = None,
    to: str | None = None,
    count: int = 1,
) -> tuple[tuple[Step, ...], dict[MigrationId, tuple[MigrationId, ...]]]:
    """Down steps for the newest applied migrations of enabled units (of `unit` alone if
    given): the last `count`, or every one after version `to`. Newest first, in the
    global order. Also returns, per step, the applied migrations left in place that may
    use it (later in the order, of a unit whose closure holds its unit): the caller refuses
    to revert one that has any."""
    active = set(active_units)
    applied_ids = {r.id for r in applied if r.state == "applied"}
    order = [m for m in project.migrations if m.id in applied_ids and m.id.unit in active]
    candidates = [m for m in order if unit is None or m.id.unit == unit]
    if to is not None:
        chosen = [m for m in candidates if m.key > version_key(to)]
    else:
        chosen = candidates[-count:] if count > 0 else []
    doomed = {m.id for m in chosen}
    closure = graph.closures(project.units, project.features)
    position = {m.id: i for i, m in enumerate(order)}
    users: dict[MigrationId, tuple[MigrationId, ...]] = {}
    for m in chosen:
        later = [
            other.id
            for other in order[position[m.id] + 1:]
            if other.id not in doomed and (m.id in other.requires or m.id.unit in closure[other.id.unit])
        ]
        if later:
            users[m.id] = tuple(later)
    steps = tuple(Step(m, f"revert {m.id}", "down") for m in reversed(chosen))
    return steps, users
