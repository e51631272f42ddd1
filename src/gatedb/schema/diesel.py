"""Diesel schema modules per unit: what `diesel print-schema` prints, split by feature.

Two halves. `read_catalog` (I/O) reads a migrated PostgreSQL database the way
diesel_cli 2.2's print-schema reads it: tables of the `public` schema from
information_schema.tables, columns from information_schema.columns in ordinal order
(udt_name, udt_schema, is_nullable, character_maximum_length), primary keys from
table_constraints + key_column_usage, foreign keys from pg_constraint grouped per pair
of tables. `render` (pure) turns that catalog and the owners of tables, keys and types
into one Rust file per unit plus `mod.rs`, each block byte for byte as print-schema
writes it (no doc comments, no rustfmt pass).

print-schema's rules, as implemented here:
- a table is a BASE TABLE of `public` whose name does not start with `__`; tables sort
  by name (bytewise); a table without a primary key is refused (print-schema stops with
  "Diesel only supports tables with primary keys"), unless left out with except_tables;
- a SQL name that is a Rust keyword (or one of Diesel's reserved `columns`,
  `is_nullable`, `bool`) gets a trailing `_`, other characters outside [A-Za-z0-9_]
  become `_`; the SQL name then stays as `#[sql_name = "..."]`;
- a type is the column's udt_name; a leading `_` means an array of the rest, written
  `Array<Nullable<T>>`; a nullable column is wrapped in `Nullable<...>`; the Rust name is
  the udt name in UpperCamelCase (heck's rules: `int4` -> Int4, `my_mood` -> MyMood);
  `varchar(n)`/`char(n)` carry `#[max_length = n]`;
- a Rust name Diesel does not provide for PostgreSQL (an enum, `timetz`, `tsvector`, ...)
  gets `#[derive(diesel::sql_types::SqlType)] #[diesel(postgres_type(name = ..))]` in
  `pub mod sql_types`, with `schema = ..` when its schema is not `public`, and the
  table imports it with `use diesel::sql_types::*; use super::sql_types::X;`;
- `joinable!` only for a foreign key that is the only one between its two tables (in
  either direction), has one column, refers to the parent's one-column primary key, and
  joins two different tables that are both printed;
- `allow_tables_to_appear_in_same_query!` lists every table printed together.

The split: a table's block goes to the module of the unit owning the table; a type is
defined in the module of the unit whose migration creates it (a built-in type, or one
no migration is seen to create: in the first unit using it that is on whenever another
user is, else core) and re-exported by the other modules using it, so a table block keeps print-schema's `use super::sql_types::X;`; a `joinable!` goes
to the module of the unit or bridge owning the foreign key, with `use super::<module>::<table>;`
for tables of other modules. Within a module, `allow_tables_to_appear_in_same_query!`
lists its own tables (print-schema's rule, per unit); across modules, the two tables of
each foreign key are allowed together once, in the module owning the key (the pairs
diesel's `fk_related_tables` mode relates), so no pair is declared twice in any build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from ..errors import GatedbError

if TYPE_CHECKING:
    import sqlalchemy

    from ..analysis.checker import Facts
    from ..core.model import Project

# Names diesel_cli never uses as Rust identifiers as they are (it appends `_`).
_RESERVED = frozenset(
    """abstract alignof as become box break const continue crate do else enum extern false final fn for
    if impl in let loop macro match mod move mut offsetof override priv proc pub pure ref return Self
    self sizeof static struct super trait true type typeof unsafe unsized use virtual where while yield
    bool columns is_nullable""".split()
)

# The Rust type names diesel provides for PostgreSQL: any other one becomes a custom SqlType.
PG_DIESEL_TYPES = frozenset(
    """Bool Integer SmallInt BigInt Binary Text Double Float Numeric Timestamp Date Time
    Float4 Smallint Int2 Int4 Int8 Bigint Float8 Decimal VarChar Varchar Char Tinytext Mediumtext
    Longtext Tinyblob Blob Mediumblob Longblob Varbinary Bit
    Cidr Citext Inet Jsonb MacAddr Money Oid Range Timestamptz Uuid Json Record Interval
    Int4range Int8range Daterange Numrange Tsrange Tstzrange SmallSerial BigSerial Serial Bytea
    Bpchar Macaddr""".split()
)

SQL_TYPE_DERIVE = "diesel::sql_types::SqlType"


def type_derives(extra: Sequence[str] = ()) -> tuple[str, ...]:
    """print-schema's derives of a generated SqlType: the ones asked for, then SqlType unless
    among them (`diesel setup`'s diesel.toml asks for diesel::query_builder::QueryId, Clone)."""
    return tuple(extra) if SQL_TYPE_DERIVE in extra else (*extra, SQL_TYPE_DERIVE)

DEFAULT_SCHEMA = "public"
_PAD = "    "


class DieselSchemaError(GatedbError):
    """The live schema cannot be written as Diesel `table!`s (print-schema would refuse it too)."""


# --------------------------------------------------------------------------- names


def rust_name(sql_name: str) -> str:
    """diesel_cli's Rust identifier for a SQL name."""
    if sql_name in _RESERVED or (sql_name.startswith("__") and not sql_name.endswith("_")):
        return f"{sql_name}_"
    if re.search(r"[^A-Za-z0-9_]", sql_name):
        name = re.sub(r"[^A-Za-z0-9]", "_", sql_name)
        while "__" in name:
            name = name.replace("__", "_")
        return name
    return sql_name


def rust_module_name(name: str) -> str:
    """A unit's module name as a Rust identifier: a keyword (`async`, `match`, ...) gets `_`."""
    return f"{name}_" if name in _RESERVED or name in _RUST_2018_KEYWORDS else name


_RUST_2018_KEYWORDS = frozenset({"async", "await", "dyn", "try", "gen"})


def upper_camel(name: str) -> str:
    """heck's UpperCamelCase: words split at non-alphanumerics, at a lower-to-upper step and
    before the last capital of a run of capitals followed by a lowercase letter; digits
    continue the word they follow."""
    words: list[str] = []
    for part in re.split(r"[^0-9A-Za-z\u00C0-\uFFFF]+", name):
        start, mode = 0, ""
        for i, c in enumerate(part):
            if i + 1 == len(part):
                words.append(part[start:])
                break
            nxt = part[i + 1]
            next_mode = "lower" if c.islower() else "upper" if c.isupper() else mode
            if next_mode == "lower" and nxt.isupper():
                words.append(part[start : i + 1])
                start, mode = i + 1, ""
            elif mode == "upper" and c.isupper() and nxt.islower():
                words.append(part[start:i])
                start, mode = i, ""
            else:
                mode = next_mode
    return "".join(w[:1].upper() + w[1:].lower() for w in words if w)


# --------------------------------------------------------------------------- the catalog


@dataclass(frozen=True)
class ColumnType:
    sql_name: str  # the udt name without the array's leading `_`
    schema: str | None  # None for the default schema
    is_array: bool
    is_nullable: bool

    @property
    def rust_name(self) -> str:
        return upper_camel(self.sql_name)

    @property
    def is_custom(self) -> bool:
        return self.rust_name not in PG_DIESEL_TYPES

    def __str__(self) -> str:
        text = self.rust_name
        if self.is_array:
            text = f"Array<Nullable<{text}>>"
        return f"Nullable<{text}>" if self.is_nullable else text


@dataclass(frozen=True)
class Column:
    sql_name: str
    type: ColumnType
    max_length: int | None = None

    @property
    def rust_name(self) -> str:
        return rust_name(self.sql_name)


@dataclass(frozen=True)
class Table:
    sql_name: str
    primary_key: tuple[str, ...]  # SQL names, in key order; empty: none
    columns: tuple[Column, ...]

    @property
    def rust_name(self) -> str:
        return rust_name(self.sql_name)


@dataclass(frozen=True, order=True)
class ForeignKey:
    """One row of print-schema's foreign key query: the keys from `child` to `parent`,
    their columns aggregated (two keys between the same tables give one row of two columns)."""

    child: str
    parent: str
    columns: tuple[str, ...]
    parent_columns: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    tables: tuple[Table, ...]  # sorted by name
    foreign_keys: tuple[ForeignKey, ...]  # sorted

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.sql_name == name), None)


def joinable_keys(catalog: Catalog, printed: Iterable[str]) -> list[ForeignKey]:
    """The keys print-schema writes a `joinable!` for, in its order."""
    printed = set(printed)
    pairs: dict[tuple[str, str], int] = {}
    for fk in catalog.foreign_keys:
        pair = (min(fk.child, fk.parent), max(fk.child, fk.parent))
        pairs[pair] = pairs.get(pair, 0) + 1
    out = []
    for fk in catalog.foreign_keys:
        parent = catalog.table(fk.parent)
        if (
            fk.child != fk.parent
            and fk.child in printed
            and fk.parent in printed
            and len(fk.columns) == 1
            and parent is not None
            and len(parent.primary_key) == 1
            and parent.primary_key[0] == fk.parent_columns[0]
            and pairs[(min(fk.child, fk.parent), max(fk.child, fk.parent))] == 1
        ):
            out.append(fk)
    return out


_TABLES_SQL = """
SELECT table_name FROM information_schema.tables
WHERE table_schema = :schema AND table_name NOT LIKE '\\_\\_%' AND table_type LIKE 'BASE TABLE'
"""
_COLUMNS_SQL = """
SELECT table_name, column_name, udt_name, udt_schema, is_nullable, character_maximum_length
FROM information_schema.columns WHERE table_schema = :schema ORDER BY table_name, ordinal_position
"""
_PRIMARY_KEYS_SQL = """
SELECT k.table_name, k.column_name FROM information_schema.key_column_usage k
WHERE k.table_schema = :schema AND k.constraint_name IN (
    SELECT constraint_name FROM information_schema.table_constraints WHERE constraint_type = 'PRIMARY KEY')
ORDER BY k.table_name, k.ordinal_position
"""
# One row per (child, parent) pair, as diesel_cli's load_foreign_keys.sql groups them.
_FOREIGN_KEYS_SQL = """
SELECT tbl.relname AS child, array_agg(col.attname ORDER BY u.attposition) AS columns,
       f_tbl.relname AS parent, array_agg(f_col.attname ORDER BY f_u.attposition) AS parent_columns
FROM pg_constraint c
     LEFT JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS u(attnum, attposition) ON TRUE
     LEFT JOIN LATERAL unnest(c.confkey) WITH ORDINALITY AS f_u(attnum, attposition) ON f_u.attposition = u.attposition
     JOIN pg_class tbl ON tbl.oid = c.conrelid
     JOIN pg_namespace sch ON sch.oid = tbl.relnamespace
     LEFT JOIN pg_attribute col ON col.attrelid = tbl.oid AND col.attnum = u.attnum
     LEFT JOIN pg_class f_tbl ON f_tbl.oid = c.confrelid
     LEFT JOIN pg_namespace f_sch ON f_sch.oid = f_tbl.relnamespace
     LEFT JOIN pg_attribute f_col ON f_col.attrelid = f_tbl.oid AND f_col.attnum = f_u.attnum
WHERE sch.nspname = :schema AND f_sch.nspname = :schema AND c.contype = 'f'
GROUP BY tbl.relname, f_tbl.relname
"""


def read_catalog(connection: sqlalchemy.Connection, schema: str = DEFAULT_SCHEMA) -> Catalog:
    """The tables, columns, keys and foreign keys of a PostgreSQL schema, as print-schema reads them."""
    import sqlalchemy as sa

    params = {"schema": schema}
    names = sorted((r[0] for r in connection.execute(sa.text(_TABLES_SQL), params)), key=lambda n: n.encode())
    columns: dict[str, list[Column]] = {}
    for table, column, udt, udt_schema, nullable, max_length in connection.execute(sa.text(_COLUMNS_SQL), params):
        is_array = udt.startswith("_")
        type_ = ColumnType(udt[1:] if is_array else udt, None if udt_schema == DEFAULT_SCHEMA else udt_schema, is_array, nullable == "YES")
        columns.setdefault(table, []).append(Column(column, type_, max_length))
    keys: dict[str, list[str]] = {}
    for table, column in connection.execute(sa.text(_PRIMARY_KEYS_SQL), params):
        keys.setdefault(table, []).append(column)
    fks = sorted(
        ForeignKey(child, parent, tuple(cols), tuple(pcols))
        for child, cols, parent, pcols in connection.execute(sa.text(_FOREIGN_KEYS_SQL), params)
    )
    tables = tuple(Table(n, tuple(keys.get(n, ())), tuple(columns.get(n, ()))) for n in names)
    return Catalog(tables, tuple(fks))


# --------------------------------------------------------------------------- the split


@dataclass(frozen=True)
class Module:
    """One unit's Rust module: its name, the cfg that gates it, what it holds."""

    unit: str
    name: str
    cfg: str | None  # e.g. `feature = "tasks"`, `all(feature = "a", feature = "b")`; None for core
    tables: list[Table] = field(default_factory=list)
    joinables: list[ForeignKey] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # cross-module tables allowed together
    types: dict[str, ColumnType] = field(default_factory=dict)  # rust name -> type defined here
    reexports: dict[str, str] = field(default_factory=dict)  # rust name -> module defining it

    @property
    def empty(self) -> bool:
        return not (self.tables or self.joinables or self.pairs or self.types)


def cfg_of(features: Iterable[str]) -> str | None:
    names = sorted(features)
    if not names:
        return None
    if len(names) == 1:
        return f'feature = "{names[0]}"'
    return "all(" + ", ".join(f'feature = "{f}"' for f in names) + ")"


def split(
    catalog: Catalog,
    units: Sequence[tuple[str, frozenset[str]]],  # every unit and its features, in declaration order
    module_names: Mapping[str, str],
    table_units: Mapping[str, str],
    key_unit: KeyOwner,
    type_units: Mapping[str, str],
    except_tables: Iterable[str] = (),
    closures: Mapping[str, frozenset[str]] | None = None,
) -> list[Module]:
    """Distribute the catalog over the units' modules, in unit order."""
    left_out = excluded(except_tables)
    printed = [t for t in catalog.tables if t.sql_name in table_units and not left_out(t.sql_name)]
    for table in printed:
        if not table.primary_key:
            unit = table_units[table.sql_name]
            raise DieselSchemaError(
                f"table {table.sql_name} (unit {unit}) has no primary key: Diesel only supports tables with primary keys",
                f"add a PRIMARY KEY to {table.sql_name} in a migration of {unit}, or leave it out with --except-tables '^{table.sql_name}$'",
            )
    modules = {unit: Module(unit, module_names[unit], cfg_of(features)) for unit, features in units}
    core = next(unit for unit, features in units if not features)
    where = {t.sql_name: table_units[t.sql_name] for t in printed}
    for table in printed:
        modules[where[table.sql_name]].tables.append(table)
    for fk in joinable_keys(catalog, where):
        modules[key_unit(fk, where)].joinables.append(fk)
    seen: set[tuple[str, str]] = set()
    for fk in catalog.foreign_keys:
        pair = (min(fk.child, fk.parent), max(fk.child, fk.parent))
        if fk.child in where and fk.parent in where and where[fk.child] != where[fk.parent] and pair not in seen:
            seen.add(pair)
            modules[key_unit(fk, where)].pairs.append((fk.child, fk.parent))
    users: dict[str, list[str]] = {}  # custom type -> the units whose tables use it, in unit order
    for module in modules.values():
        for table in module.tables:
            for column in table.columns:
                if column.type.is_custom and module.unit not in users.setdefault(column.type.sql_name, []):
                    users[column.type.sql_name].append(module.unit)
    for type_name, using in users.items():
        owner = type_units.get(type_name) or _lowest(using, closures) or core
        for unit in using:
            module = modules[unit]
            for column in (c for t in module.tables for c in t.columns if c.type.sql_name == type_name):
                modules[owner].types.setdefault(column.type.rust_name, column.type)
                if owner != unit:
                    module.reexports.setdefault(column.type.rust_name, modules[owner].name)
    return [m for m in modules.values() if not m.empty or m.reexports]


def excluded(except_tables: Iterable[str]) -> Callable[[str], bool]:
    """print-schema's --except-tables: a table is left out when a regex matches in its name."""
    patterns = []
    for pattern in except_tables:
        try:
            patterns.append(re.compile(pattern))
        except re.error as exc:
            raise DieselSchemaError(f"--except-tables {pattern!r} is not a regular expression: {exc}", "write a regex, e.g. '^audit_log$'") from None
    return lambda name: any(p.search(name) for p in patterns)


def _lowest(units: Sequence[str], closures: Mapping[str, frozenset[str]] | None) -> str | None:
    """The first of these units that is on whenever any of them is (None if there is none):
    where a built-in type no migration creates is defined, so no other build carries it."""
    for unit in units:
        if closures is not None and all(unit in closures[other] for other in units):
            return unit
    return None


class KeyOwner:
    """The unit owning a foreign key row: the owner gatedb's ownership gives a key of the row
    (the first whose columns the row holds: print-schema merges the keys between two tables),
    else the unit of the child table."""

    def __init__(self, keys: Iterable[tuple[str, Sequence[str], str, str]]) -> None:  # (table, columns, referred, unit)
        self.keys: dict[tuple[str, str], list[tuple[frozenset[str], str]]] = {}
        for table, columns, referred, unit in keys:
            self.keys.setdefault((table, referred), []).append((frozenset(columns), unit))

    def __call__(self, fk: ForeignKey, where: Mapping[str, str]) -> str:
        for columns, unit in self.keys.get((fk.child, fk.parent), []):
            if columns <= set(fk.columns):
                return unit
        return where[fk.child]


# --------------------------------------------------------------------------- rendering

HEADER = "// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.\n"


def render(modules: Sequence[Module], derives: Sequence[str] = (SQL_TYPE_DERIVE,)) -> dict[str, str]:
    """File name -> text: `mod.rs` and one `<module>.rs` per module."""
    files = {"mod.rs": render_mod(modules)}
    for module in modules:
        files[f"{module.name}.rs"] = render_module(module, modules, derives)
    return files


def render_mod(modules: Sequence[Module]) -> str:
    lines = [HEADER, "// Each module is compiled only with its unit's features; the crate's [features] must mirror gatedb's.\n", "\n"]
    for module in modules:
        if module.cfg:
            lines.append(f"#[cfg({module.cfg})]\n")
        if "__" in module.name:
            lines.append("#[allow(non_snake_case)]\n")
        lines.append(f"pub mod {module.name};\n")
    return "".join(lines)


def render_module(module: Module, modules: Sequence[Module], derives: Sequence[str]) -> str:
    home = {t.sql_name: m.name for m in modules for t in m.tables}
    rust = {t.sql_name: t.rust_name for m in modules for t in m.tables}
    order = [m.name for m in modules]
    foreign = sorted(
        {t for fk in module.joinables for t in (fk.child, fk.parent) if home[t] != module.name}
        | {t for pair in module.pairs for t in pair if home[t] != module.name},
        key=lambda t: (order.index(home[t]), rust[t]),
    )
    sections = [HEADER]
    if foreign:
        sections.append("".join(f"use super::{home[t]}::{rust[t]};\n" for t in foreign))
    if module.types or module.reexports:
        sections.append(render_sql_types(module, derives))
    sections += [render_table(t) + "\n" for t in module.tables]
    if module.joinables:
        sections.append("".join(f"diesel::joinable!({rust[fk.child]} -> {rust[fk.parent]} ({rust_name(fk.columns[0])}));\n" for fk in module.joinables))
    allowed = [render_allow([t.rust_name for t in module.tables])] if len(module.tables) > 1 else []
    allowed += [render_allow([rust[child], rust[parent]]) for child, parent in module.pairs]
    if allowed:
        sections.append("".join(allowed))
    return "\n".join(sections)


def render_sql_types(module: Module, derives: Sequence[str]) -> str:
    items = []
    for name in sorted(set(module.types) | set(module.reexports)):
        if name in module.types:
            ty = module.types[name]
            schema = f', schema = "{ty.schema}"' if ty.schema else ""
            items.append(
                f"{_PAD}#[derive({', '.join(derives)})]\n"
                f'{_PAD}#[diesel(postgres_type(name = "{ty.sql_name}"{schema}))]\n'
                f"{_PAD}pub struct {name};\n"
            )
        else:
            items.append(f"{_PAD}pub use super::super::{module.reexports[name]}::sql_types::{name};\n")
    return "pub mod sql_types {\n" + "\n".join(items) + "}\n"


def render_allow(names: Sequence[str]) -> str:
    return "diesel::allow_tables_to_appear_in_same_query!(\n" + "".join(f"{_PAD}{n},\n" for n in names) + ");\n"


def render_table(table: Table) -> str:
    lines = ["diesel::table! {\n"]
    custom = list(dict.fromkeys(c.type.rust_name for c in table.columns if c.type.is_custom))
    if custom:
        lines.append(f"{_PAD}use diesel::sql_types::*;\n")
        lines += [f"{_PAD}use super::sql_types::{name};\n" for name in custom]
        lines.append("\n")
    if table.rust_name != table.sql_name:
        lines.append(f'{_PAD}#[sql_name = "{table.sql_name}"]\n')
    lines.append(f"{_PAD}{table.rust_name} ({', '.join(rust_name(k) for k in table.primary_key)}) {{\n")
    for column in table.columns:
        if column.rust_name != column.sql_name:
            lines.append(f'{_PAD * 2}#[sql_name = "{column.sql_name}"]\n')
        if column.max_length is not None:
            lines.append(f"{_PAD * 2}#[max_length = {column.max_length}]\n")
        lines.append(f"{_PAD * 2}{column.rust_name} -> {column.type},\n")
    lines.append(f"{_PAD}}}\n}}")
    return "".join(lines)


# --------------------------------------------------------------------------- the edge


def type_owners(project: Project, facts: Facts) -> dict[str, str]:
    """type name -> the unit whose migration first creates it (enums, domains, composites)."""
    owners: dict[str, str] = {}
    for migration in project.migrations:
        result = facts.up.get(migration.id)
        for statement in result.statements if result else ():
            for obj in statement.creates:
                if obj.kind == "type":
                    owners.setdefault(obj.name.split(".")[-1].strip('"'), migration.id.unit)
    return owners


def diesel_files(project: Project, url: str, except_tables: Sequence[str] = (), custom_type_derives: Sequence[str] = ()) -> dict[str, str]:
    """The Diesel modules of a project, from a PostgreSQL database migrated with every feature on."""
    from ..analysis.facts import facts_for
    from ..db.url import create_engine, dialect_name
    from .ownership import module_names, ownership_from_facts

    if dialect_name(url) != "postgresql":
        raise DieselSchemaError(
            f"gatedb schema --lang diesel reads a PostgreSQL catalog, and {dialect_name(url)} is not PostgreSQL",
            "pass --database postgresql://user@host/db (a server where gatedb may create a scratch database)",
        )
    facts = facts_for(project, "postgresql")
    owned = ownership_from_facts(project, facts)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            catalog = read_catalog(connection)
    finally:
        engine.dispose()
    left_out = excluded(except_tables)
    unowned = [t.sql_name for t in catalog.tables if t.sql_name not in owned.tables and not t.sql_name.startswith("gatedb_") and not left_out(t.sql_name)]
    if unowned:
        raise DieselSchemaError(
            f"table {unowned[0]} is in the migrated database, but no migration of {project.manifest_path} is seen to create it",
            "create it with a plain CREATE TABLE in the unit that owns it, or leave it out with --except-tables",
        )
    keys = KeyOwner((k.table, k.columns, k.referred_table, k.unit) for k in owned.foreign_keys)
    units = [(u.name, u.features) for u in project.units]
    names = {unit: rust_module_name(name) for unit, name in module_names(owned.units, "the project's units").items()}
    from ..core.graph import closures

    modules = split(catalog, units, names, owned.tables, keys, type_owners(project, facts), except_tables, closures(project.units, project.features))
    return render(modules, type_derives(custom_type_derives))


def write_files(out: str, files: Mapping[str, str]) -> list[str]:
    """Write the modules into `out`, removing `.rs` files gatedb generated there before."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.rs"):
        if old.name not in files and old.read_text(errors="replace").startswith(HEADER):
            old.unlink()
    for name, text in files.items():
        path = folder / name
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    return sorted(files)


def write_modules(
    project: Project, databases: Sequence[str], out: Path, except_tables: Sequence[str] = (), custom_type_derives: Sequence[str] = ()
) -> list[Path]:
    """`gatedb schema --lang diesel`: migrate every feature into a scratch database on the
    first PostgreSQL server given, read its catalog, write the modules into `out`."""
    from ..db.url import dialect_name, mask, normalise_url
    from .build import migrated_databases

    servers = [normalise_url(d, project.root) for d in databases]
    server = next((s for s in servers if dialect_name(s) == "postgresql"), None)
    if server is None:
        given = ", ".join(f"{dialect_name(s)} ({mask(s)})" for s in servers) or "the default, a SQLite file"
        raise DieselSchemaError(
            f"gatedb schema --lang diesel reads the schema from PostgreSQL, as diesel print-schema does, and was given {given}",
            "pass --database postgresql://user@host/postgres: a scratch database is made there, migrated with every feature, and dropped",
        )
    with migrated_databases(project, [server]) as (url,):
        files = diesel_files(project, url, except_tables, custom_type_derives)
    return [Path(out) / name for name in write_files(str(out), files)]
