"""Unit closures and the migration graph's deterministic order. Pure.

The ordering contract (tested by properties in tests/test_graph_properties.py):
- every migration comes after its predecessor in its unit and after what it requires;
- ties are broken by (version, unit rank): the rank is the declaration order, except that
  a unit ranks after every unit it implies (its closure), so that equal versions run the
  implied unit's migration first; a flat history split into units keeps its original
  order when every feature is on;
- the order does not depend on the order the files were read in;
- adding a migration that nothing depends on never reorders the others.
"""

from __future__ import annotations

import heapq
from typing import Iterable, Mapping, Sequence

from ..errors import DependencyError
from .features import FeatureTable, find_cycle
from .model import Migration, MigrationId, Unit
from .versions import version_key


def unit_rank(units: Sequence[Unit]) -> dict[str, int]:
    """Declaration order of units, for tie-breaking: the order the loader gives."""
    return {unit.name: i for i, unit in enumerate(units)}


def sort_units(units: Iterable[Unit], features: FeatureTable) -> tuple[Unit, ...]:
    """core first, then features in [features] order, then bridges after their last feature;
    but a unit always after every unit of its closure (the units it implies), so that equal
    versions run the implied unit's migration first whatever the declaration order."""
    pos = {name: i for i, name in enumerate(features.names)}

    def key(unit: Unit) -> tuple[int, int, str]:
        if unit.is_core:
            return (0, 0, "")
        last = max(pos[f] for f in unit.features)
        return (2 if unit.is_bridge else 1, last, unit.name)

    declared = sorted(units, key=key)
    closure = closures(declared, features)
    order = {u.name: i for i, u in enumerate(declared)}
    needs = {u.name: [declared[i] for i in sorted(order[v] for v in closure[u.name] if v != u.name)] for u in declared}
    placed: dict[str, Unit] = {}

    def place(unit: Unit) -> None:  # its closure just before it; closures have no cycles
        if unit.name not in placed:
            for need in needs[unit.name]:
                place(need)
            placed[unit.name] = unit

    for unit in declared:
        place(unit)
    return tuple(placed.values())


def unit_closure(unit: Unit, units: Sequence[Unit], features: FeatureTable) -> frozenset[str]:
    """Units surely on whenever `unit` is on: core, the units of every implied feature,
    and every bridge whose features all lie in that implied set."""
    implied = features.closure(unit.features)
    return frozenset(u.name for u in units if u.features <= implied)


def closures(units: Sequence[Unit], features: FeatureTable) -> dict[str, frozenset[str]]:
    """unit_closure of every unit at once. Units are looked up by their features, so the
    cost grows with the closures' sizes, not with the square of the number of units."""
    by_feature: dict[str, list[Unit]] = {}
    for unit in units:
        for feature in unit.features:
            by_feature.setdefault(feature, []).append(unit)
    always = frozenset(u.name for u in units if u.is_core)
    result = {}
    for unit in units:
        implied = features.closure(unit.features)
        found = set(always)
        for feature in implied:
            found.update(u.name for u in by_feature.get(feature, ()) if u.features <= implied)
        result[unit.name] = frozenset(found)
    return result


def explicit_edges(
    migrations: Sequence[Migration],
    units: Sequence[Unit],
    features: FeatureTable,
) -> dict[MigrationId, tuple[MigrationId, ...]]:
    """Each migration's dependencies: its predecessor in its unit and its `requires`,
    validated against the unit's closure. Raises DependencyError naming the file."""
    by_unit: dict[str, list[Migration]] = {}
    for migration in migrations:
        by_unit.setdefault(migration.id.unit, []).append(migration)
    for members in by_unit.values():
        members.sort(key=lambda m: m.key)
    index = {(m.id.unit, m.key): m.id for m in migrations}
    closure = closures(units, features)
    edges: dict[MigrationId, tuple[MigrationId, ...]] = {}
    for members in by_unit.values():
        for i, migration in enumerate(members):
            deps = [members[i - 1].id] if i else []
            for wanted in migration.requires:
                deps.append(_resolve_requirement(migration, wanted, index, closure, features))
            edges[migration.id] = tuple(dict.fromkeys(deps))
    return edges


def _resolve_requirement(
    migration: Migration,
    wanted: MigrationId,
    index: Mapping[tuple[str, tuple[int, ...]], MigrationId],
    closure: Mapping[str, frozenset[str]],
    features: FeatureTable,
) -> MigrationId:
    line = migration.requires_line.get(wanted)
    where = migration.header_file + (f":{line}" if line else "")
    target = index.get((wanted.unit, version_key(wanted.version)))
    if target is None:
        raise DependencyError(
            f"{where}: {migration.id} requires {wanted}, but no such migration exists",
            f"check the unit and version; the folder should be {migration.folder}/{wanted.unit}/{wanted.version}_*",
        )
    own = migration.id.unit
    if target.unit not in closure[own]:
        raise DependencyError(
            f"{where}: {migration.id} requires {target} (unit {target.unit}), "
            f"which is not always on when {own} is on",
            requirement_hint(own, target.unit, migration.folder),
        )
    return target


def requirement_hint(own_unit: str, target_unit: str, folder: str = "migrations") -> str:
    """What to do when `own_unit` needs something of `target_unit` outside its closure."""
    own = own_unit.split("+")
    target = [f for f in target_unit.split("+") if f != "core"]
    bridge = "+".join(sorted(set(own) | set(target)))
    if len(own) == 1 and own_unit != "core":
        return (
            f"move the statement to {folder}/{bridge}/, or add "
            f"{', '.join(repr(t) for t in target)} to {own_unit!r} in [features]"
        )
    if own_unit == "core":
        return f"move the statement to {folder}/{target_unit}/ (core cannot depend on a feature)"
    return f"move the statement to {folder}/{bridge}/"


def order(
    migrations: Sequence[Migration],
    edges: Mapping[MigrationId, Iterable[MigrationId]],
    units: Sequence[Unit],
) -> tuple[Migration, ...]:
    """Kahn's algorithm with a priority queue keyed by (version, unit rank, version text)."""
    rank = unit_rank(units)
    by_id = {m.id: m for m in migrations}
    waiting = {mid: set(deps) & by_id.keys() for mid, deps in edges.items() if mid in by_id}
    for mid in by_id:
        waiting.setdefault(mid, set())
    dependents: dict[MigrationId, list[MigrationId]] = {mid: [] for mid in by_id}
    for mid, deps in waiting.items():
        for dep in deps:
            dependents[dep].append(mid)

    def priority(mid: MigrationId) -> tuple[tuple[int, ...], int, str, str]:
        return (version_key(mid.version), rank.get(mid.unit, len(rank)), mid.unit, mid.version)

    ready = [(priority(mid), mid) for mid, deps in waiting.items() if not deps]
    heapq.heapify(ready)
    result: list[Migration] = []
    while ready:
        _, mid = heapq.heappop(ready)
        result.append(by_id[mid])
        for nxt in dependents[mid]:
            waiting[nxt].discard(mid)
            if not waiting[nxt]:
                heapq.heappush(ready, (priority(nxt), nxt))
    if len(result) < len(by_id):
        stuck = {str(mid): sorted(str(d) for d in deps) for mid, deps in sorted(waiting.items()) if deps}
        cycle = find_cycle(stuck) or sorted(stuck)
        raise DependencyError(
            f"migrations depend on each other in a cycle: {' -> '.join(cycle)}",
            "remove one of the `-- gatedb: requires` lines that close the cycle",
        )
    return tuple(result)
