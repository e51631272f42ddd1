"""`gatedb check`: diagnostics that hold for every feature set, from static facts. Pure.

Input: the project and, per migration, what its SQL does (sql.ScanResult for the
up and the down direction). Output: every finding as a Diagnostic; nothing raises.

Why this covers all 2^N feature sets without enumerating them: whenever a unit U is
on, the units of its closure are on, and in the smallest feature set that turns U on
(U's own features, without defaults) *only* those are. So
- a reference that resolves within closure(U), in the global order, resolves in every
  feature set where U is on, unless another unit's migration drops or renames the object:
  that interference is checked pairwise over the dependency graph (GD005, GD006);
- a reference that needs a unit outside closure(U) breaks in that smallest set (GD001).
One simulation per unit over its closure, one over all units, and pairwise checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from ..core import graph
from ..core.model import Migration, MigrationId, Project
from .sql import ForeignKeyFact, ObjectRef, ScanResult, StatementFacts

# id -> (default level, what it finds)
RULES: dict[str, tuple[str, str]] = {
    "GD001": ("error", "references an object created by a unit outside the migration's closure"),
    "GD002": ("error", "references an object that no migration creates"),
    "GD003": ("error", "creates an object that already exists"),
    "GD004": ("warning", "two units alter the same table with no dependency between them"),
    "GD005": ("error", "migrations the graph leaves unordered give different schemas in each order"),
    "GD006": ("error", "a feature enabled later touches an object that a later migration renamed or dropped"),
    "GD007": ("warning", "a down migration does not undo its up migration"),
    "GD008": ("warning", "a statement the analysis does not understand"),
    "GD009": ("error", "references an object that is created only after it, by a unit in its closure"),
    "GD010": ("error", "the project cannot be loaded"),
    "GD011": ("error", "the live schema differs from the static prediction (check --matrix)"),
    "GD012": ("error", "a feature set fails to migrate on a real database (check --matrix)"),
    "GD013": ("error", "the schema package ([schema] package) cannot be loaded"),
    "GD014": ("error", "a table the migrations create is missing from its unit's schema module"),
    "GD015": ("error", "a schema module declares a table its unit's migrations do not create"),
    "GD016": ("error", "a schema module's table has other columns than the migrations create"),
    "GD017": ("error", "a foreign key is declared in another schema module than the unit whose migration creates it"),
    "GD018": ("error", "a column type of the schema package differs from the live database (check --matrix)"),
    "GD020": ("error", "code of a unit ([code]) imports a schema module of a unit outside its closure"),
    "GD021": ("error", "code of a unit ([code]) looks up a table of a unit outside its closure"),
    "GD022": ("warning", "a migration with no SQL (only comments)"),
    "GD023": ("error", "a pending migration is older than the newest applied one of its unit (check --database)"),
}
LEVELS = ("error", "warning", "off")
# Kinds whose absence is a defect even when no migration creates them: the rest
# (functions, types, sequences, extensions) may come from the database itself.
ALWAYS_CHECKED = frozenset({"table", "view", "column"})


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    id: str
    level: str
    message: str
    hint: str = ""

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "level": self.level, "file": self.file, "line": self.line, "message": self.message, "hint": self.hint}


def diagnostic(rule: str, file: str, line: int, message: str, hint: str = "", severities: Mapping[str, str] | None = None) -> Diagnostic | None:
    level = (severities or {}).get(rule, RULES[rule][0])
    return None if level == "off" else Diagnostic(file, line, rule, level, message, hint)


def smallest_set(project: Project, features: frozenset[str]) -> str:
    """The flags of the smallest feature set that turns on a unit with these features:
    the one where only its closure is on, so where a need outside the closure breaks."""
    ordered = sorted(features, key=project.features.position)
    return "--no-default-features" + (f" --features {','.join(ordered)}" if ordered else "")


@dataclass
class Facts:
    """What each migration does, as scanned for one dialect."""

    up: Mapping[MigrationId, ScanResult]
    down: Mapping[MigrationId, ScanResult | None] = field(default_factory=dict)
    files: Mapping[MigrationId, str] = field(default_factory=dict)  # the scanned file, for locations


# --- the symbolic schema ---------------------------------------------------------------


def _key(obj: ObjectRef) -> tuple[str, str, str | None]:
    return (obj.kind, obj.name, obj.table)


_CHILD_KINDS = ("index", "constraint", "trigger")


class SchemaState:
    """Objects that exist after running some migrations, each with the migration that made it.
    Indexed by table and by (kind, name) so that drops and renames stay cheap."""

    def __init__(self) -> None:
        self.objects: dict[ObjectRef, MigrationId] = {}
        self.children: dict[str, set[ObjectRef]] = {}  # table -> its columns, indexes, ...
        self.named: dict[tuple[str, str], set[ObjectRef]] = {}  # (kind, name) -> objects
        self.column_lists: set[str] = set()  # tables whose columns are known (created with a column list)

    def exists(self, obj: ObjectRef) -> bool:
        if obj.kind == "column":
            if obj.table not in self.column_lists:
                table = obj.table or ""
                return ObjectRef("table", table) in self.objects or ObjectRef("view", table) in self.objects
            return obj in self.objects
        if obj.table is None and obj.kind in _CHILD_KINDS:
            return bool(self.named.get((obj.kind, obj.name)))
        return obj in self.objects

    def create(self, obj: ObjectRef, by: MigrationId) -> None:
        self.objects[obj] = by
        self.named.setdefault((obj.kind, obj.name), set()).add(obj)
        if obj.table:
            self.children.setdefault(obj.table, set()).add(obj)
            if obj.kind == "column":
                self.column_lists.add(obj.table)

    def _remove(self, obj: ObjectRef) -> None:
        self.objects.pop(obj, None)
        self.named.get((obj.kind, obj.name), set()).discard(obj)
        if obj.table:
            self.children.get(obj.table, set()).discard(obj)

    def drop(self, obj: ObjectRef) -> None:
        for found in list(self.named.get((obj.kind, obj.name), ())):
            if obj.table is None or found.table == obj.table:
                self._remove(found)
        if obj.kind in ("table", "view"):
            for child in list(self.children.pop(obj.name, ())):
                self._remove(child)
            self.column_lists.discard(obj.name)

    def rename(self, old: ObjectRef, new: ObjectRef, by: MigrationId) -> None:
        self._remove(old)
        self.create(new, by)
        if old.kind == "table":
            for child in list(self.children.pop(old.name, ())):
                made_by = self.objects[child]
                self._remove(child)
                self.create(ObjectRef(child.kind, child.name, new.name), made_by)
            if old.name in self.column_lists:
                self.column_lists.discard(old.name)
                self.column_lists.add(new.name)

    def tables(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {o.name: set() for o in self.objects if o.kind == "table"}
        for obj in self.objects:
            if obj.kind == "column" and obj.table in out:
                out[obj.table].add(obj.name)
        return out


@dataclass(frozen=True)
class Miss:
    """A statement that needs an object the simulated schema lacks at that point."""

    migration: MigrationId
    statement: StatementFacts
    obj: ObjectRef
    verb: str  # "references", "alters", "drops", "renames", "creates"


def simulate(order: Sequence[Migration], facts: Facts) -> tuple[SchemaState, list[Miss]]:
    """Run the migrations symbolically, in order; collect every unmet need and duplicate."""
    state = SchemaState()
    misses: list[Miss] = []
    for migration in order:
        result = facts.up.get(migration.id)
        if result is None:
            continue
        for statement in result.statements:
            apply_statement(state, migration.id, statement, misses)
    return state, misses


_NEEDED = ALWAYS_CHECKED | {"type", "function", "sequence"}


def apply_statement(state: SchemaState, mid: MigrationId, st: StatementFacts, misses: list[Miss]) -> None:
    found: list[Miss] = []
    missing_tables: set[str] = set()
    for verb, objs in (("references", st.references), ("alters", st.alters)):
        for obj in sorted(objs, key=lambda o: o.kind != "table"):  # tables first
            if obj.kind not in _NEEDED or obj in st.creates:
                continue
            if obj.kind == "column" and obj.table in missing_tables:
                continue  # the missing table is the finding, not each of its columns
            if not state.exists(obj):
                found.append(Miss(mid, st, obj, verb))
                if obj.kind in ("table", "view"):
                    missing_tables.add(obj.name)
    for old, new in st.renames:
        if not state.exists(old):
            found.append(Miss(mid, st, old, "renames"))
        state.rename(old, new, mid)
    for obj in st.drops:
        if obj not in st.guarded and not state.exists(obj):
            found.append(Miss(mid, st, obj, "drops"))
        state.drop(obj)
    renamed_to = {new for _old, new in st.renames}
    duplicate_tables: set[str] = set()
    for obj in sorted(st.creates, key=lambda o: o.kind != "table"):  # tables first
        if obj in renamed_to:
            continue
        exists = obj in state.objects if obj.kind == "column" else state.exists(obj)
        if exists and obj not in st.guarded and obj.table not in duplicate_tables:
            found.append(Miss(mid, st, obj, "creates"))
            if obj.kind == "table":
                duplicate_tables.add(obj.name)  # the table is the finding, not each column
        state.create(obj, mid)
    misses.extend(sorted(found, key=lambda m: (m.verb, m.obj)))  # sets have no stable order


# --- the checks ----------------------------------------------------------------------


def _chain_places(migrations: Sequence[Migration]) -> dict[MigrationId, int]:
    """Each migration's place in its unit's chain (0 for the unit's first): the global
    order keeps every unit's migrations in their own order."""
    seen: dict[str, int] = {}
    places = {}
    for migration in migrations:
        places[migration.id] = seen.get(migration.id.unit, 0)
        seen[migration.id.unit] = places[migration.id] + 1
    return places


class Checker:
    def __init__(self, project: Project, facts: Facts, severities: Mapping[str, str] | None = None) -> None:
        self.project = project
        self.facts = facts
        self.severities = dict(severities or {})
        self.closure = graph.closures(project.units, project.features)
        self.position = {m.id: i for i, m in enumerate(project.migrations)}
        self.units_by_position = [m.id.unit for m in project.migrations]
        self.by_id = {m.id: m for m in project.migrations}
        self.creators = self._creators()
        self.chain_place = _chain_places(project.migrations)
        self.ancestors = self._ancestors()
        self.found: dict[tuple[str, str, str], Diagnostic] = {}
        self._named_cache: dict[tuple[str, str], list[ObjectRef]] | None = None

    def run(self) -> list[Diagnostic]:
        self.check_scan_warnings()
        self.check_references()
        self.check_interference()
        self.check_down_migrations()
        return sorted(self.found.values(), key=lambda d: (self.position_of(d), d.line, d.id, d.message))

    def position_of(self, d: Diagnostic) -> int:
        for mid, file in self.facts.files.items():
            if file == d.file:
                return self.position.get(mid, 0)
        return 0

    # helpers

    def add(self, rule: str, mid: MigrationId, line: int, message: str, hint: str = "") -> None:
        file = self.file(mid)
        found = diagnostic(rule, file, line, message, hint, self.severities)
        if found is not None:
            self.found.setdefault((rule, file, message), found)  # one per finding, at its first line

    def file(self, mid: MigrationId) -> str:
        return self.facts.files.get(mid) or self.by_id[mid].header_file

    def _creators(self) -> dict[tuple[str, str, str | None], list[MigrationId]]:
        """Every migration that creates (or renames something into) each object, in order."""
        found: dict[tuple[str, str, str | None], list[MigrationId]] = {}
        for migration in self.project.migrations:
            result = self.facts.up.get(migration.id)
            for statement in result.statements if result else ():
                for obj in list(statement.creates) + [new for _old, new in statement.renames]:
                    found.setdefault(_key(obj), []).append(migration.id)
        return found

    def creators_of(self, obj: ObjectRef) -> list[MigrationId]:
        if obj.table is None and obj.kind in ("index", "constraint", "trigger"):
            return [m for k, ms in self.creators.items() if k[:2] == (obj.kind, obj.name) for m in ms]
        return self.creators.get(_key(obj), [])

    def _ancestors(self) -> dict[MigrationId, dict[str, int]]:
        """What each migration (transitively) comes after by explicit edges: per unit, the
        place in that unit's chain of the latest such migration (a unit's migrations follow
        one another, so one place stands for every one before it). The size grows with the
        units a migration reaches, not with the length of the history."""
        edges = graph.explicit_edges(self.project.migrations, self.project.units, self.project.features)
        ancestors: dict[MigrationId, dict[str, int]] = {}
        for migration in self.project.migrations:  # already in topological order
            reach: dict[str, int] = {}
            for dep in edges.get(migration.id, ()):
                for unit, place in ancestors[dep].items():
                    if reach.get(unit, -1) < place:
                        reach[unit] = place
                if reach.get(dep.unit, -1) < self.chain_place[dep]:
                    reach[dep.unit] = self.chain_place[dep]
            ancestors[migration.id] = reach
        return ancestors

    def ordered(self, a: MigrationId, b: MigrationId) -> bool:
        """Is there a dependency path between a and b, in either direction?"""
        return self.ancestors[b].get(a.unit, -1) >= self.chain_place[a] or self.ancestors[a].get(b.unit, -1) >= self.chain_place[b]

    def smallest_set(self, unit: str) -> str:
        return smallest_set(self.project, self.project.unit(unit).features)

    # GD008

    def check_scan_warnings(self) -> None:
        for mid, result in self.facts.up.items():
            for warning in result.warnings:
                self.add("GD008", mid, warning.line, warning.message, "gatedb cannot see what it does; give the statement a simpler shape, or set GD008 to \"off\" in [check.severity]")

    # GD001, GD002, GD003, GD009, and GD005 for fresh installs

    def check_references(self) -> None:
        """Each need against its own closure (the smallest feature set that turns its unit
        on), then one symbolic run with every unit on, for duplicates and interference."""
        events = self._events()
        for migration in self.project.migrations:
            result = self.facts.up.get(migration.id)
            scope = self.closure[migration.id.unit]
            for index, st in enumerate(result.statements if result else ()):
                here = (self.position[migration.id], index)
                found = []
                for verb, objs in (("references", st.references), ("alters", st.alters)):
                    for obj in objs:
                        if obj.kind in _NEEDED and obj not in st.creates and not self._available(events, obj, here, scope):
                            found.append(Miss(migration.id, st, obj, verb))
                missing_tables = {m.obj.name for m in found if m.obj.kind in ("table", "view")}
                for miss in sorted(found, key=lambda m: (m.verb, m.obj)):
                    if not (miss.obj.kind == "column" and miss.obj.table in missing_tables):
                        self.report_miss(miss, in_closure_run=True)
        _state, misses = simulate(self.project.migrations, self.facts)
        for miss in misses:
            self.report_miss(miss, in_closure_run=False)

    def _events(self) -> dict[ObjectRef, list[tuple[int, int, bool]]]:
        """For each object, where it comes into being (True) or goes away (False):
        (position in the global order, statement index), in order."""
        events: dict[ObjectRef, list[tuple[int, int, bool]]] = {}
        children: dict[str, set[ObjectRef]] = {}
        named: dict[tuple[str, str], set[ObjectRef]] = {}
        statements = [
            (self.position[m.id], i, st)
            for m in self.project.migrations
            for i, st in enumerate(self.facts.up[m.id].statements if m.id in self.facts.up else ())
        ]
        for pos, i, st in statements:
            for obj in list(st.creates) + [new for _old, new in st.renames]:
                events.setdefault(obj, []).append((pos, i, True))
                named.setdefault((obj.kind, obj.name), set()).add(obj)
                if obj.table:
                    children.setdefault(obj.table, set()).add(obj)
        for pos, i, st in statements:
            for obj in list(st.drops) + [old for old, _new in st.renames]:
                gone = named.get((obj.kind, obj.name), set()) if obj.table is None else {obj}
                if obj.kind in ("table", "view"):
                    gone = gone | children.get(obj.name, set())
                for each in gone:
                    events.setdefault(each, []).append((pos, i, False))
        for timeline in events.values():
            timeline.sort()
        return events

    def _named(self, events: Mapping[ObjectRef, object]) -> dict[tuple[str, str], list[ObjectRef]]:
        if self._named_cache is None:
            self._named_cache = {}
            for obj in events:
                if obj.table:
                    self._named_cache.setdefault((obj.kind, obj.name), []).append(obj)
        return self._named_cache

    def _available(self, events: Mapping[ObjectRef, list[tuple[int, int, bool]]], obj: ObjectRef, here: tuple[int, int], scope: frozenset[str]) -> bool:
        """Does obj exist at `here` when only the units of `scope` ran?"""
        if obj.kind == "column" and obj not in events:  # columns unknown: the table must exist
            table = obj.table or ""
            return any(self._available(events, ObjectRef(k, table), here, scope) for k in ("table", "view"))
        if obj.table is None and obj.kind in _CHILD_KINDS:
            return any(self._available(events, o, here, scope) for o in self._named(events).get((obj.kind, obj.name), ()))
        alive = False
        for pos, index, created in events.get(obj, ()):
            if (pos, index) >= here:
                break
            if self.units_by_position[pos] in scope:
                alive = created
        return alive

    def report_miss(self, miss: Miss, in_closure_run: bool) -> None:
        mid, obj, line = miss.migration, miss.obj, miss.statement.line
        own = mid.unit
        if miss.verb == "creates":
            first = next((c for c in self.creators_of(obj) if c != mid), None)
            where = f" (created first by {first})" if first else ""
            self.add("GD003", mid, line, f"{mid} creates {obj}, which already exists{where}", "drop the duplicate statement, or write IF NOT EXISTS if running it twice is intended")
            return
        creators = [c for c in self.creators_of(obj) if c != mid]
        if not creators:
            if obj.kind in ALWAYS_CHECKED:
                self.add("GD002", mid, line, f"{mid} {miss.verb} {obj}, which no migration creates", f"create {obj.name} in a migration of {own} or of a unit in its closure, or fix the name")
            return
        inside = [c for c in creators if c.unit in self.closure[own]]
        if not inside:
            creator = creators[0]
            self.add(
                "GD001",
                mid,
                line,
                f"{mid} {miss.verb} {obj}, created by {creator} (unit {creator.unit}), which is not always on when {own} is on; "
                f"it breaks with {self.smallest_set(own)}",
                graph.requirement_hint(own, creator.unit, self.by_id[mid].folder),
            )
            return
        if in_closure_run:
            creator = inside[0]
            if creator.unit == own:
                hint = f"move the statement after {creator}, into a later migration of {own}"
            else:
                hint = f"add `-- gatedb: requires {creator}` to {self.file(mid)}"
            self.add("GD009", mid, line, f"{mid} {miss.verb} {obj}, but {creator} creates it only later in the order", hint)
            return
        # It resolves in its own closure but not with every unit on: another unit interferes.
        droppers = [d for d in self.droppers_of(obj) if d.unit not in self.closure[own] and self.position[d] < self.position[mid]]
        culprit = droppers[0] if droppers else None
        if culprit is not None:
            self.add(
                "GD005",
                mid,
                line,
                f"{mid} {miss.verb} {obj}, which {culprit} (unit {culprit.unit}) drops or renames before it when both units are on",
                "make one depend on the other (`-- gatedb: requires`), so that a single order holds for every feature set",
            )

    def droppers_of(self, obj: ObjectRef) -> list[MigrationId]:
        out = []
        for migration in self.project.migrations:
            result = self.facts.up.get(migration.id)
            for statement in result.statements if result else ():
                gone = {_key(o) for o in statement.drops} | {_key(old) for old, _new in statement.renames}
                if _key(obj) in gone or (obj.kind == "column" and ("table", obj.table, None) in gone):
                    out.append(migration.id)
                    break
        return out

    # GD004, GD005, GD006

    def check_interference(self) -> None:
        touches: dict[str, list[tuple[MigrationId, StatementFacts, str, frozenset[ObjectRef]]]] = {}
        uses: dict[tuple[str, str, str | None], list[tuple[MigrationId, StatementFacts]]] = {}
        for migration in self.project.migrations:
            result = self.facts.up.get(migration.id)
            for st in result.statements if result else ():
                for obj in st.alters:
                    if obj.kind == "table":
                        subs = frozenset(o for o in st.creates | st.drops | st.alters if o.table == obj.name)
                        touches.setdefault(obj.name, []).append((migration.id, st, "alters", subs))
                for obj in st.references | st.alters:
                    uses.setdefault(_key(obj), []).append((migration.id, st))
        self.check_parallel_alters(touches)
        self.check_drops_against_uses(uses)

    def check_parallel_alters(self, touches: Mapping[str, list[tuple[MigrationId, StatementFacts, str, frozenset[ObjectRef]]]]) -> None:
        for table, entries in touches.items():
            for i, (a, st_a, _v, subs_a) in enumerate(entries):
                for b, st_b, _w, subs_b in entries[i + 1:]:
                    if a.unit == b.unit or self.ordered(a, b):
                        continue
                    pure_additions = subs_a and subs_b and not (subs_a & subs_b) and not (st_a.drops or st_b.drops or st_a.renames or st_b.renames)
                    if pure_additions:
                        continue  # distinct additions commute: any order gives the same schema
                    first, second = sorted((a, b), key=self.position.__getitem__)
                    self.add(
                        "GD004",
                        second,
                        (st_b if second == b else st_a).line,
                        f"{second} (unit {second.unit}) and {first} (unit {first.unit}) both alter table {table}, and neither depends on the other",
                        f"add `-- gatedb: requires {first}` to {self.file(second)} if both can be on together, so their order is fixed",
                    )

    def check_drops_against_uses(self, uses: Mapping[tuple[str, str, str | None], list[tuple[MigrationId, StatementFacts]]]) -> None:
        for dropper in self.project.migrations:
            result = self.facts.up.get(dropper.id)
            for st in result.statements if result else ():
                gone = [(o, "drops") for o in st.drops] + [(old, "renames") for old, _new in st.renames]
                for obj, verb in gone:
                    for user, use_st in uses.get(_key(obj), []):
                        if user == dropper.id or self.ordered(user, dropper.id):
                            continue
                        if self.position[user] > self.position[dropper.id]:
                            continue  # fresh installs break here: reported by the simulation (GD005)
                        own = user.unit
                        if own not in self.closure[dropper.id.unit]:
                            self.add(
                                "GD006",
                                user,
                                use_st.line,
                                f"{user} uses {obj}, which {dropper.id} (unit {dropper.id.unit}) {verb} later; enabling {own} after "
                                f"{dropper.id} ran runs {user} against a schema without it",
                                f"make {dropper.id} require {user} (`-- gatedb: requires {user}` in {self.file(dropper.id)}) "
                                f"if {dropper.id.unit} may depend on {own}, or use the new name in a new migration of {own}",
                            )
                        else:
                            self.add(
                                "GD005",
                                user,
                                use_st.line,
                                f"{user} uses {obj} and {dropper.id} {verb} it, with no dependency between them: the schema depends on their order",
                                f"add `-- gatedb: requires {user}` to {self.file(dropper.id)}",
                            )

    # GD007

    def check_down_migrations(self) -> None:
        for migration in self.project.migrations:
            down = self.facts.down.get(migration.id)
            up = self.facts.up.get(migration.id)
            if down is None or up is None:
                continue
            undone = down.drops | {old for old, _new in down.renames}
            dropped_tables = {o.name for o in undone if o.kind == "table"}
            created_tables = {o.name for o in up.creates if o.kind == "table"}
            # A SERIAL column's sequence is made by its CREATE TABLE and goes with the table.
            owner = {o: t.name for st in up.statements for t in st.creates if t.kind == "table" for o in st.creates if o.kind == "sequence"}
            left = []
            for obj in sorted(up.creates):
                if obj.kind in ("constraint", "column", "index", "trigger") and obj.table in created_tables | dropped_tables:
                    continue  # goes with its table
                if owner.get(obj) in dropped_tables:
                    continue
                if any(_key(o) == _key(obj) or (o.kind == obj.kind and o.name == obj.name and o.table is None) for o in undone):
                    continue
                if obj.kind in ("table", "column", "index", "view", "type", "function", "sequence", "trigger", "constraint"):
                    left.append(obj)
            if left:
                names = ", ".join(str(o) for o in left[:5]) + (" ..." if len(left) > 5 else "")
                self.add(
                    "GD007",
                    migration.id,
                    0,
                    f"the down migration of {migration.id} leaves what its up created: {names}",
                    "drop each object the up migration creates in the down migration, newest first",
                )


def check(project: Project, facts: Facts, severities: Mapping[str, str] | None = None) -> list[Diagnostic]:
    """Every diagnostic of the project, in migration order."""
    return Checker(project, facts, severities).run()


# --- what the analysis predicts the schema to be -----------------------------------------


@dataclass(frozen=True)
class PredictedSchema:
    tables: Mapping[str, frozenset[str]]  # table -> columns
    foreign_keys: frozenset[tuple[str, str]]  # (table, referenced table), self-references left out


def predict(order: Iterable[Migration], facts: Facts) -> PredictedSchema:
    """The tables, columns and foreign keys the active migrations should leave
    (foreign keys as `live_foreign_keys` follows them, self-references left out, as the
    live comparison leaves them out)."""
    migrations = list(order)
    state, _misses = simulate(migrations, facts)
    tables = state.tables()
    fks = frozenset((fk.table, fk.ref_table) for fk, _by in live_foreign_keys(migrations, facts) if fk.table != fk.ref_table and fk.table in tables and fk.ref_table in tables)
    return PredictedSchema({t: frozenset(c) for t, c in tables.items()}, fks)


def live_foreign_keys(order: Iterable[Migration], facts: Facts) -> list[tuple[ForeignKeyFact, MigrationId]]:
    """The foreign keys left after running `order`, each with the migration that made it.

    The statements' own ForeignKeyFacts, followed in order like the schema: a table
    renamed keeps its keys (on either side) under the new name; a key goes when its
    constraint is dropped by name (an unnamed key by PostgreSQL's default name,
    <table>_<columns>_fkey), with its table, or with one of its columns. Keys whose
    tables do not both exist at the end are the caller's to filter."""
    # Each live key as [table, columns, referenced table, referenced columns, name, made by].
    keys: list[list] = []

    def dropped_by(key: list, constraint: ObjectRef) -> bool:
        default = f"{key[0].rpartition('.')[2]}_{'_'.join(key[1])}_fkey"
        return (key[4] or default) == constraint.name and (constraint.table is None or key[0] == constraint.table)

    for migration in order:
        result = facts.up.get(migration.id)
        for st in result.statements if result else ():
            for old, new in st.renames:  # renames, then drops, then creates: as simulate()
                for key in keys:
                    if old.kind == "table":
                        key[0] = new.name if key[0] == old.name else key[0]
                        key[2] = new.name if key[2] == old.name else key[2]
                    elif old.kind == "column":
                        if key[0] == old.table:
                            key[1] = tuple(new.name if c == old.name else c for c in key[1])
                        if key[2] == old.table:
                            key[3] = tuple(new.name if c == old.name else c for c in key[3])
            for obj in st.drops:
                if obj.kind == "constraint" and obj.name in st.dropped_foreign_keys:
                    keys = [key for key in keys if not dropped_by(key, obj)]
                elif obj.kind == "table":
                    keys = [key for key in keys if key[0] != obj.name]
                elif obj.kind == "column":
                    keys = [
                        key
                        for key in keys
                        if not (key[0] == obj.table and obj.name in key[1]) and not (key[2] == obj.table and obj.name in key[3])
                    ]
            for fk in st.foreign_keys:
                keys.append([fk.table, fk.columns, fk.ref_table, fk.ref_columns, fk.name, migration.id])
    return [(ForeignKeyFact(k[0], tuple(k[1]), k[2], tuple(k[3]), k[4]), k[5]) for k in keys]
