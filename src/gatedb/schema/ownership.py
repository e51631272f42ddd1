"""Which unit owns each table and each foreign key, from the migrations' static facts. Pure.

The contract every schema generator (SQLAlchemy, Diesel) and the drift check share:
- a table belongs to the unit whose migration creates it; a rename keeps its owner (the
  table moves to its new name), a drop ends it, a later CREATE starts a new owner;
- a foreign key belongs to the unit whose migration created the constraint, followed
  through renames and drops like the schema (checker.live_foreign_keys);
- the placement rule says where a key from U's table to V's table should live: in U when
  V is in U's closure, in V when U is in V's closure, else in the bridge of U and V. A key
  that sits elsewhere is reported as a PlacementViolation value, never raised.
- `module_name` turns a unit into an importable module name: `core`, `a-b` -> `a_b`,
  `a+b` -> `a__b`.

The order is the project's global order with every unit on (the all-features build), so
one answer serves every feature set: a unit's tables are the same whichever units run.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from ..analysis.checker import Facts, live_foreign_keys
from ..core import graph
from ..core.model import Project, Unit
from ..errors import MigrationFileError


@dataclass(frozen=True)
class OwnedForeignKey:
    """One foreign key of the all-features schema and the unit that owns it.

    referred_columns is empty when the SQL names none (the referred table's primary key)."""

    table: str
    columns: tuple[str, ...]
    referred_table: str
    referred_columns: tuple[str, ...]
    name: str | None
    unit: str


@dataclass(frozen=True)
class PlacementViolation:
    """A foreign key created by a unit the placement rule does not give it to."""

    key: OwnedForeignKey
    expected: str  # the unit the rule gives it to (a bridge may not exist yet: `a+b`)
    table_unit: str
    referred_unit: str
    migration: str  # `unit/version` of the migration that creates the key

    @property
    def message(self) -> str:
        k = self.key
        return (
            f"{self.migration} creates the foreign key {k.table}({', '.join(k.columns)}) -> {k.referred_table} "
            f"(tables of {self.table_unit} and {self.referred_unit}), which belongs to {self.expected}"
        )


@dataclass(frozen=True)
class Ownership:
    """Owners of the tables and foreign keys of the all-features schema."""

    tables: Mapping[str, str]  # table -> owning unit, in creation order
    foreign_keys: tuple[OwnedForeignKey, ...]  # in creation order
    units: tuple[str, ...] = ()  # every unit of the project, in declaration order
    violations: tuple[PlacementViolation, ...] = ()
    created_by: Mapping[str, str] = field(default_factory=dict)  # table -> `unit/version` creating it

    def units_tables(self) -> dict[str, list[str]]:
        """unit -> its tables, in creation order; every unit of the project is a key."""
        out: dict[str, list[str]] = {unit: [] for unit in self.units}
        for table, unit in self.tables.items():
            out.setdefault(unit, []).append(table)
        return out

    def units_foreign_keys(self) -> dict[str, list[OwnedForeignKey]]:
        """unit -> the foreign keys it owns, in creation order; every unit is a key."""
        out: dict[str, list[OwnedForeignKey]] = {unit: [] for unit in self.units}
        for key in self.foreign_keys:
            out.setdefault(key.unit, []).append(key)
        return out

    def foreign_key_unit(self, table: str, columns: Sequence[str], referred_table: str) -> str | None:
        """The owner of the key table(columns) -> referred_table, as a database reflects it."""
        wanted = (table.lower(), tuple(c.lower() for c in columns), referred_table.lower())
        for key in self.foreign_keys:
            if (key.table.lower(), tuple(c.lower() for c in key.columns), key.referred_table.lower()) == wanted:
                return key.unit
        return None


def ownership(project: Project, dialect: str) -> Ownership:
    """Owners of every table and foreign key, from the migrations' SQL for `dialect`."""
    from ..analysis.facts import facts_for

    return ownership_from_facts(project, facts_for(project, dialect))


def ownership_from_facts(project: Project, facts: Facts) -> Ownership:
    """`ownership` for facts already scanned (the pure half: values in, a value out)."""
    tables: dict[str, str] = {}
    created_by: dict[str, str] = {}
    for migration in project.migrations:
        result = facts.up.get(migration.id)
        for st in result.statements if result else ():
            for old, new in st.renames:  # renames, then drops, then creates: as checker.simulate
                if old.kind == "table" and old.name in tables:
                    tables = {new.name if t == old.name else t: u for t, u in tables.items()}
                    created_by[new.name] = created_by.pop(old.name)
            for obj in st.drops:
                if obj.kind == "table" and obj.name in tables:
                    del tables[obj.name]
                    del created_by[obj.name]
            renamed_to = {new for _old, new in st.renames}
            for obj in sorted(st.creates):
                if obj.kind == "table" and obj not in renamed_to and obj.name not in tables:
                    tables[obj.name] = migration.id.unit
                    created_by[obj.name] = str(migration.id)
    closure = graph.closures(project.units, project.features)
    units = {u.name: u for u in project.units}
    keys: list[OwnedForeignKey] = []
    violations: list[PlacementViolation] = []
    for fk, by in live_foreign_keys(project.migrations, facts):
        if fk.table not in tables or fk.ref_table not in tables:
            continue
        key = OwnedForeignKey(fk.table, fk.columns, fk.ref_table, fk.ref_columns, fk.name, by.unit)
        keys.append(key)
        table_unit, referred_unit = tables[fk.table], tables[fk.ref_table]
        expected = placement(table_unit, referred_unit, units, closure)
        if by.unit != expected:
            violations.append(PlacementViolation(key, expected, table_unit, referred_unit, str(by)))
    return Ownership(tables, tuple(keys), tuple(u.name for u in project.units), tuple(violations), created_by)


def placement(table_unit: str, referred_unit: str, units: Mapping[str, Unit], closure: Mapping[str, frozenset[str]]) -> str:
    """The placement rule: the unit a key from table_unit's table to referred_unit's belongs to."""
    if referred_unit in closure[table_unit]:
        return table_unit
    if table_unit in closure[referred_unit]:
        return referred_unit
    features = units[table_unit].features | units[referred_unit].features
    for unit in units.values():
        if unit.is_bridge and unit.features == features:
            return unit.name
    return "+".join(sorted(features))  # the bridge to create


def load_order(project: Project) -> list[str]:
    """Units so that each comes after every unit of its closure (bridges after their sides):
    the order in which their modules' define() runs, so that a key appended to another
    unit's table finds it on the metadata."""
    closure = graph.closures(project.units, project.features)
    position = {u.name: i for i, u in enumerate(project.units)}
    return sorted(closure, key=lambda u: (len(closure[u]), project.unit(u).is_bridge, position[u]))


_NOT_IDENTIFIER = re.compile(r"[^0-9A-Za-z_]")


def module_name(unit: str) -> str:
    """The importable module name of a unit: `core`, feature `a-b` -> `a_b`, bridge `a+b` -> `a__b`."""
    name = "__".join(_NOT_IDENTIFIER.sub("_", part) for part in unit.split("+"))
    if name[:1].isdigit() or keyword.iskeyword(name):
        name = f"unit_{name}"
    return name


def module_names(units: Iterable[str], where: str = "the project's units") -> dict[str, str]:
    """unit -> module name for all units, refusing two units that map to one module."""
    out: dict[str, str] = {}
    taken: dict[str, str] = {}
    for unit in units:
        name = module_name(unit)
        if name in taken:
            raise MigrationFileError(
                f"{where}: units {taken[name]} and {unit} both become the Python module {name}",
                "rename one of the two features (a feature name with '-' becomes '_' in module names)",
            )
        taken[name] = unit
        out[unit] = name
    return out
