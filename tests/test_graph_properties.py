"""The ordering contract of gatedb.core.graph, as Hypothesis properties over random projects."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gatedb.core import graph, planner
from gatedb.errors import DependencyError
from gatedb.core.features import Selection, build_feature_table
from gatedb.core.model import AppliedRecord, Migration, MigrationId, Project, Unit

FEATURES = build_feature_table({"a": [], "b": ["a"], "c": []}, "gatedb.toml")
UNITS = graph.sort_units(
    [Unit("core", frozenset()), Unit("a", frozenset("a")), Unit("b", frozenset("b")), Unit("c", frozenset("c")), Unit("b+c", frozenset("bc"))],
    FEATURES,
)
CLOSURES = graph.closures(UNITS, FEATURES)


@st.composite
def projects(draw: st.DrawFn) -> list[Migration]:
    """Random migrations whose `requires` point only into their unit's closure."""
    migrations: list[Migration] = []
    for unit in UNITS:
        versions = draw(st.lists(st.integers(1, 40), min_size=0, max_size=6, unique=True))
        for version in versions:
            migrations.append(Migration(MigrationId(unit.name, str(version)), f"m{version}", f"migrations/{unit.name}/{version}.sql", up={"": "SELECT 1;"}))
    with_requires = []
    for migration in migrations:
        targets = [m.id for m in migrations if m.id.unit in CLOSURES[migration.id.unit] and m.id.unit != migration.id.unit]
        chosen = draw(st.lists(st.sampled_from(targets), max_size=2, unique=True)) if targets else []
        with_requires.append(Migration(migration.id, migration.name, migration.path, up=migration.up, requires=tuple(chosen)))
    return with_requires


def ordered(migrations: list[Migration]) -> list[MigrationId]:
    edges = graph.explicit_edges(migrations, UNITS, FEATURES)
    return [m.id for m in graph.order(migrations, edges, UNITS)]


def acyclic(migrations: list[Migration]) -> bool:
    try:
        ordered(migrations)
        return True
    except DependencyError:
        return False


@settings(max_examples=200, deadline=None)
@given(projects())
def test_every_step_comes_after_its_dependencies(migrations: list[Migration]) -> None:
    if not acyclic(migrations):
        return
    order = ordered(migrations)
    position = {mid: i for i, mid in enumerate(order)}
    edges = graph.explicit_edges(migrations, UNITS, FEATURES)
    assert sorted(order) == sorted(m.id for m in migrations)
    for mid, deps in edges.items():
        for dep in deps:
            assert position[dep] < position[mid], f"{mid} ran before its dependency {dep}"


@settings(max_examples=200, deadline=None)
@given(projects(), st.randoms(use_true_random=False))
def test_same_order_whatever_the_reading_order(migrations: list[Migration], rnd: random.Random) -> None:
    if not acyclic(migrations):
        return
    shuffled = list(migrations)
    rnd.shuffle(shuffled)
    assert ordered(shuffled) == ordered(migrations)


@settings(max_examples=200, deadline=None)
@given(projects(), st.sampled_from([u.name for u in UNITS]))
def test_adding_an_unrelated_migration_never_reorders_the_others(migrations: list[Migration], unit: str) -> None:
    if not acyclic(migrations):
        return
    before = ordered(migrations)
    newest = max([int(m.id.version) for m in migrations if m.id.unit == unit], default=0) + 1
    extra = Migration(MigrationId(unit, str(newest)), "extra", f"migrations/{unit}/{newest}.sql", up={"": "SELECT 1;"})
    after = [mid for mid in ordered(migrations + [extra]) if mid != extra.id]
    assert after == before


@settings(max_examples=100, deadline=None)
@given(projects(), st.sets(st.sampled_from(["a", "b", "c"])))
def test_planning_against_everything_applied_gives_nothing(migrations: list[Migration], chosen: set[str]) -> None:
    if not acyclic(migrations):
        return
    project = Project("/p", "/p/gatedb.toml", "/p/migrations", FEATURES, UNITS, tuple(graph.order(migrations, graph.explicit_edges(migrations, UNITS, FEATURES), UNITS)))
    resolution = FEATURES.resolve(Selection(tuple(chosen), no_default_features=True))
    applied = [AppliedRecord(m.id, m.name, m.checksum("sqlite")) for m in migrations]
    result = planner.plan(project, resolution, applied, "sqlite")
    assert result.steps == ()
    active = {u.name for u in UNITS if u.features <= resolution.enabled}
    assert {r.id.unit for r in result.dormant} == {m.id.unit for m in migrations} - active


def test_ties_follow_version_then_unit_declaration_order() -> None:
    migrations = [
        Migration(MigrationId(unit, version), "x", f"migrations/{unit}/{version}.sql", up={"": ""})
        for unit, version in [("c", "1"), ("core", "2"), ("a", "1"), ("core", "1"), ("b+c", "1"), ("b", "1")]
    ]
    assert [str(mid) for mid in ordered(migrations)] == ["core/1", "a/1", "b/1", "c/1", "b+c/1", "core/2"]


def test_closure_of_a_bridge_and_of_an_implying_feature() -> None:
    assert CLOSURES["b"] == {"core", "a", "b"}
    assert CLOSURES["b+c"] == {"core", "a", "b", "c", "b+c"}
    assert CLOSURES["core"] == {"core"}


def test_requirement_outside_the_closure_is_refused() -> None:
    bad = [
        Migration(MigrationId("a", "1"), "x", "migrations/a/1.sql", up={"": ""}),
        Migration(MigrationId("c", "1"), "y", "migrations/c/1_y.sql", up={"": ""}, requires=(MigrationId("a", "1"),), requires_line={MigrationId("a", "1"): 1}),
    ]
    with pytest.raises(DependencyError) as err:
        ordered(bad)
    assert err.value.message == "migrations/c/1_y.sql:1: c/1 requires a/1 (unit a), which is not always on when c is on"
    assert "migrations/a+c/" in (err.value.hint or "") and "add 'a' to 'c'" in (err.value.hint or "")


def test_requirement_of_a_missing_migration_is_refused() -> None:
    bad = [Migration(MigrationId("core", "1"), "x", "migrations/core/1.sql", up={"": ""}, requires=(MigrationId("core", "9"),))]
    with pytest.raises(DependencyError, match="requires core/9, but no such migration exists"):
        ordered(bad)


def test_a_cycle_names_the_migrations() -> None:
    cyc = [
        Migration(MigrationId("core", "1"), "x", "migrations/core/1.sql", up={"": ""}, requires=(MigrationId("core", "2"),)),
        Migration(MigrationId("core", "2"), "y", "migrations/core/2.sql", up={"": ""}),
    ]
    with pytest.raises(DependencyError, match=r"cycle: core/1 -> core/2 -> core/1|cycle: core/2 -> core/1 -> core/2"):
        ordered(cyc)


