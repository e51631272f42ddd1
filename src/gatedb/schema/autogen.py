"""`gatedb makemigrations UNIT`: the next migration of a unit whose tables are written by hand.

Model-first. The application's schema package (`[schema] package`) holds one module per
unit, each with `define(metadata)` declaring that unit's tables (a bridge's appends the
foreign keys it owns). What the unit's migrations produce is measured, not guessed: its
closure's feature set is migrated into a scratch database, which is reflected and compared
with the closure's declared tables by Alembic's autogenerate, restricted to what the unit
owns. The difference becomes the unit's next Python migration (`upgrade(op)`/`downgrade(op)`).

What a unit owns: its own tables, and every foreign key the placement rule gives it. A
key declared on one of its tables that the rule gives to another unit (a table of a unit
outside the closure: the bridge; a feature's table referenced from core: the feature) is
left out of the unit's migration and written to that unit's next migration instead, when
that unit's migrations do not already make it. I/O edge: imports the application's modules.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..core import graph
from ..core.model import CORE, Project, Unit
from ..core.versions import split_stem, version_key
from ..db.url import dialect_name
from ..errors import GatedbError, ManifestError
from ..files.loader import shown_path
from .ownership import module_name, ownership, placement
from .runtime import SchemaPackageError, configured_package

# Names for what the user leaves unnamed, so that a downgrade can drop it (SQLite's batch
# mode needs names too). `fk_<table>_<columns>` is the botserver example's style.
# A unique constraint stays unnamed while compared (Alembic matches unnamed ones by their
# columns, named ones by name) and is named only when a migration creates it.
NAMING = {"ix": "ix_%(column_0_label)s", "fk": "fk_%(table_name)s_%(column_0_N_name)s"}


@dataclass(frozen=True)
class WrittenMigration:
    unit: str
    path: str  # relative to the project folder
    operations: tuple[str, ...]  # one line per operation, for the report


@dataclass
class Declared:
    """What the schema modules declare, unit by unit, on one MetaData."""

    metadata: Any  # sqlalchemy.MetaData
    tables: dict[str, str] = field(default_factory=dict)  # table -> unit whose module declares it
    keys: dict[int, str] = field(default_factory=dict)  # id(ForeignKeyConstraint) -> declaring unit
    modules: dict[str, str] = field(default_factory=dict)  # unit -> module file as messages name it


# --- the schema package ------------------------------------------------------------------


def package_folder(project: Project) -> tuple[Path, str]:
    """The folder of `[schema] package` (a folder relative to the project, or a dotted
    module name) and how messages name it. Hand-written packages need no __init__.py."""
    root = Path(project.root)
    package = configured_package(project)
    folder = root / package
    if folder.is_dir():
        return folder, shown_path(folder, root)
    if re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*", package):
        with _on_path(root):
            try:
                spec = importlib.util.find_spec(package)
            except (ImportError, ValueError):
                spec = None
        if spec is not None and spec.submodule_search_locations:
            found = Path(list(spec.submodule_search_locations)[0])
            return found, shown_path(found, root)
    raise SchemaPackageError(
        f"{Path(project.manifest_path).name}: [schema] package {package!r} is neither a folder of the project nor an importable package",
        f"create the folder {package}/ with one module per unit (core.py, <feature>.py, <a>__<b>.py)",
    )


@contextmanager
def _on_path(folder: Path) -> Iterator[None]:
    """The project folder on sys.path while its modules load (they may import the application)."""
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path.remove(str(folder))


def load_define(project: Project, folder: Path, shown: str, unit: str) -> Any | None:
    """The unit's define(metadata), or None when the package has no module for the unit."""
    path = folder / f"{module_name(unit)}.py"
    if not path.is_file():
        return None
    where = f"{shown}/{path.name}"
    name = f"_gatedb_schema_{module_name(unit)}_{id(path)}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with _on_path(Path(project.root)):
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            raise _module_error(exc, path, where, "cannot be imported") from None
    define = getattr(module, "define", None)
    if not callable(define):
        raise SchemaPackageError(f"{where}: no define(metadata) function", "declare the unit's tables in def define(metadata: sqlalchemy.MetaData) -> None")
    return lambda metadata: _call(define, metadata, path, where)


def _call(define: Any, metadata: Any, path: Path, where: str) -> None:
    try:
        define(metadata)
    except Exception as exc:
        raise _module_error(exc, path, where, "define(metadata) failed") from None


def _module_error(exc: BaseException, path: Path, where: str, what: str) -> SchemaPackageError:
    line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename) == path:
            line = frame.lineno  # the deepest line of the module itself
    at = f"{where}:{line}" if line else where
    return SchemaPackageError(f"{at}: {what}: {exc.__class__.__name__}: {exc}", "fix the module; nothing was written")


def declare(project: Project, units: Sequence[Unit], folder: Path, shown: str) -> Declared:
    """Run each unit's define() on one MetaData, in unit order (a bridge after its sides)."""
    import sqlalchemy as sa

    declared = Declared(sa.MetaData(naming_convention=NAMING))
    for unit in units:
        define = load_define(project, folder, shown, unit.name)
        if define is None:
            continue
        declared.modules[unit.name] = f"{shown}/{module_name(unit.name)}.py"
        before_tables = set(declared.metadata.tables)
        before_keys = {id(c) for t in declared.metadata.tables.values() for c in t.foreign_key_constraints}
        define(declared.metadata)
        for table in set(declared.metadata.tables) - before_tables:
            declared.tables[table] = unit.name
        for table in declared.metadata.tables.values():
            for key in table.foreign_key_constraints:
                if id(key) not in before_keys:
                    declared.keys[id(key)] = unit.name
    return declared


# --- versions and file names -------------------------------------------------------------


def next_version(versions: Sequence[str], sample: str | None) -> str:
    """After the unit's last version, in its style: `0001` -> `0002`, `6.0.0-02` -> `6.0.0-03`,
    a timestamp -> now. A unit without migrations takes the style of `sample` (the newest
    version of its closure), restarting its last number at 1."""
    if versions:
        last = max(versions, key=version_key)
        if _is_timestamp(last):
            return max(_now(), str(int(last) + 1))
        head, number = re.match(r"^(.*?)(\d+)$", last).groups()  # type: ignore[union-attr]
        return f"{head}{int(number) + 1:0{len(number)}d}"
    if sample is None:
        return "0001"
    if _is_timestamp(sample):
        return _now()
    head, number = re.match(r"^(.*?)(\d+)$", sample).groups()  # type: ignore[union-attr]
    return f"{head}{1:0{len(number)}d}"


def _is_timestamp(version: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d{12}", version))


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")


def file_name(version: str, message: str, sample_stem: str | None) -> str:
    """`<version>_<slug>.py`, or `<version>-<slug>.py` where the unit's files use dashes."""
    parsed = split_stem(sample_stem) if sample_stem else None
    dash = bool(parsed and len(sample_stem or "") > len(parsed[0]) and sample_stem[len(parsed[0])] == "-")  # type: ignore[index]
    separator = "-" if dash else "_"
    slug = re.sub(r"[^0-9a-z]+", separator, message.lower()).strip(separator)[:60].strip(separator) or "schema"
    return f"{version}{separator}{slug}.py"


# --- the comparison -------------------------------------------------------------------------


def resolve_unit(project: Project, name: str) -> Unit:
    """A unit of the project, or one the project can have but has no folder for yet."""
    for unit in project.units:
        if unit.name == name:
            return unit
    parts = frozenset(name.split("+"))
    if name != CORE and all(p in project.features.names for p in parts) and "" not in parts:
        existing = next((u for u in project.units if u.features == parts), None)
        return existing or Unit(name, parts)
    known = ", ".join(u.name for u in project.units)
    raise ManifestError(f"unknown unit {name!r}", f"units: {known}; a feature of [features] or a bridge a+b of them works too")


class Comparison:
    """One unit's comparison: its closure's declared tables against its closure's migrations."""

    def __init__(self, project: Project, unit: Unit, units: Sequence[Unit], everything: Declared, folder: Path, shown: str, dialect: str) -> None:
        self.project, self.unit = project, unit
        self.units = {u.name: u for u in units}
        self.closures = graph.closures(list(units), project.features)
        self.everything = everything  # every unit's modules: owners and types of any table
        self.migration_owners = ownership(project, dialect).tables
        closure = [u for u in units if u.name in self.closures[unit.name]]
        self.declared = declare(project, closure, folder, shown)
        self.elsewhere: list[tuple[str, Any]] = []  # (unit the rule gives it to, key) of our tables
        self.reflected_keys_ours: set[str] = set()  # tables whose reflected keys are ours

    def owner(self, table: str) -> str | None:
        return self.everything.tables.get(table) or self.migration_owners.get(table)

    def key_unit(self, table: str, referred: str) -> str | None:
        """The placement rule for a key from `table` to `referred`."""
        a, b = self.owner(table), self.owner(referred)
        if a is None or b is None:
            return None
        return placement(a, b, self.units, self.closures)

    def ours(self, table: str) -> bool:
        return self.owner(table) == self.unit.name

    def prepare(self, conn: Any) -> None:
        """Take out of the metadata every key that is not this unit's, remembering those
        on its own tables; a column typed only by its key keeps the referred column's type.
        A table of the closure that no module declares (a unit written in SQL only) is
        reflected from the database, so that keys into it are compared too."""
        import sqlalchemy as sa

        metadata = self.declared.metadata
        present = set(sa.inspect(conn).get_table_names())
        for table in list(metadata.tables.values()):
            for key in table.foreign_key_constraints:
                referred = _referred(key)
                if referred not in metadata.tables and referred in present and self.key_unit(table.name, referred) == self.unit.name:
                    sa.Table(referred, metadata, autoload_with=conn)
        for table in list(metadata.tables.values()):
            for key in list(table.foreign_key_constraints):
                referred = _referred(key)
                target = self.key_unit(table.name, referred)
                if target == self.unit.name and referred in metadata.tables:
                    continue
                if self.ours(table.name) and target is not None and target != self.unit.name:
                    self.elsewhere.append((target, key))
                for element in key.elements:
                    column = element.parent
                    if isinstance(column.type, sa.types.NullType):
                        column.type = self._referred_type(referred, element)
                    column.foreign_keys.discard(element)
                    table.foreign_keys.discard(element)
                table.constraints.discard(key)

    def _referred_type(self, referred: str, element: Any) -> Any:
        import sqlalchemy as sa

        column_name = element.target_fullname.rpartition(".")[2]
        table = self.everything.metadata.tables.get(referred)
        if table is not None and column_name in table.c:
            return table.c[column_name].type
        return sa.Integer()

    def include(self, obj: Any, name: str | None, kind: str, reflected: bool, _compare_to: Any) -> bool:
        """Alembic's include_object: this unit's tables and the keys the rule gives it."""
        if kind == "table":
            return self.ours(str(name)) or self._has_our_keys(str(name))
        table = getattr(obj, "table", None) if kind != "foreign_key_constraint" else obj.parent
        table_name = table.name if table is not None else ""
        if kind == "foreign_key_constraint":
            return self.key_unit(table_name, _referred(obj)) == self.unit.name
        return self.ours(table_name)

    def _has_our_keys(self, table: str) -> bool:
        metadata_table = self.declared.metadata.tables.get(table)
        if metadata_table is not None and any(self.key_unit(table, _referred(k)) == self.unit.name for k in metadata_table.foreign_key_constraints):
            return True
        return table in self.reflected_keys_ours

    def operations(self, url: str) -> Any:
        """Alembic's UpgradeOps from the database at `url` to the declared tables."""
        import sqlalchemy as sa
        from alembic.autogenerate import produce_migrations
        from alembic.migration import MigrationContext

        from ..db.url import create_engine

        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                self.prepare(conn)
                inspector = sa.inspect(conn)
                self.reflected_keys_ours = {
                    t for t in inspector.get_table_names()
                    if any(self.key_unit(t, fk["referred_table"]) == self.unit.name for fk in inspector.get_foreign_keys(t))
                }
                context = MigrationContext.configure(
                    connection=conn,
                    opts={"include_object": self.include, "compare_type": _compare_type, "render_as_batch": True},
                )
                script = produce_migrations(context, self.declared.metadata)
                return _without_noise(script.upgrade_ops, self.declared.metadata, _inline_uniques(conn))
        finally:
            engine.dispose()


def _referred(key: Any) -> str:
    """The referred table's name of a ForeignKeyConstraint, without resolving it."""
    return key.elements[0].target_fullname.rsplit(".", 1)[0].rpartition(".")[2]


def _compare_type(context: Any, _inspected_column: Any, _metadata_column: Any, inspected: Any, declared: Any) -> bool | None:
    """Alembic's type comparison, except on SQLite, which keeps a storage class (its type
    affinity) rather than a type: TIMESTAMP and DATETIME are one there. Types of one class
    differ only by a string's length or a number's precision and scale."""
    import sqlalchemy as sa

    if context.dialect.name != "sqlite":
        return None
    declared_name = declared.compile(dialect=context.dialect)
    if _affinity(str(inspected)) != _affinity(declared_name):
        return None
    if isinstance(inspected, sa.String) and isinstance(declared, sa.String):
        return bool(declared.length) and inspected.length != declared.length
    if isinstance(inspected, sa.Numeric) and isinstance(declared, sa.Numeric) and not isinstance(declared, sa.Float):
        return (inspected.precision, inspected.scale) != (declared.precision, declared.scale) and declared.precision is not None
    return False


def _affinity(type_name: str) -> str:
    """SQLite's rules for the storage class of a declared type name."""
    name = type_name.upper()
    if "INT" in name:
        return "INTEGER"
    if any(word in name for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in name or not name:
        return "BLOB"
    if any(word in name for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def _inline_uniques(conn: Any) -> set[tuple[str, tuple[str, ...]]]:
    """(table, columns) of SQLite's column-level UNIQUE, which reflection does not report as
    a unique constraint (only as an automatic index, which it hides)."""
    if conn.dialect.name != "sqlite":
        return set()
    found = set()
    for (table,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").all():
        for row in conn.exec_driver_sql(f"PRAGMA index_list('{table}')").all():
            if row[3] == "u":  # origin: a UNIQUE constraint
                columns = tuple(info[2] for info in conn.exec_driver_sql(f"PRAGMA index_info('{row[1]}')").all())
                found.add((table, columns))
    return found


def _without_noise(upgrade: Any, metadata: Any, uniques: set[tuple[str, tuple[str, ...]]] = frozenset()) -> Any:  # type: ignore[assignment]
    """Drop alterations that only say a primary-key column is NOT NULL (SQLite reports its
    INTEGER PRIMARY KEY columns as nullable, and a primary key is never null anywhere) and
    unique constraints that exist as `uniques`; name the unique constraints a migration
    creates (a downgrade drops them by name)."""
    from alembic.operations import ops

    kept = []
    for op in upgrade.ops:
        if isinstance(op, ops.ModifyTableOps):
            table = metadata.tables.get(op.table_name)
            for o in op.ops:
                if isinstance(o, ops.CreateUniqueConstraintOp) and not o.constraint_name:
                    o.constraint_name = f"uq_{op.table_name}_{'_'.join(o.columns)}"
            inner = [
                o for o in op.ops
                if not (isinstance(o, ops.CreateUniqueConstraintOp) and (op.table_name, tuple(o.columns)) in uniques)
                and not (
                    isinstance(o, ops.AlterColumnOp)
                    and table is not None and o.column_name in table.c and table.c[o.column_name].primary_key
                    and o.modify_type is None and o.modify_server_default is False and o.modify_name is None and o.modify_comment is False
                )
            ]
            if not inner:
                continue
            op = ops.ModifyTableOps(op.table_name, inner, schema=op.schema)
        kept.append(op)
    return ops.UpgradeOps(ops=kept)


# --- rendering ------------------------------------------------------------------------------


def render(upgrade: Any, context_dialect: str) -> tuple[str, str]:
    """The bodies of upgrade(op) and downgrade(op), in Alembic's batch style (SQLite-safe)."""
    from alembic.autogenerate import render_python_code
    from alembic.migration import MigrationContext

    context = MigrationContext.configure(dialect_name=context_dialect, opts={"render_as_batch": True})

    def body(ops_: Any) -> str:
        text = render_python_code(ops_, render_as_batch=True, migration_context=context, render_item=_portable_default)
        lines = [line for line in text.splitlines() if "### " not in line]
        text = "\n".join(lines).strip("\n") or "    pass"
        return re.sub(r"\b(?:batch_)?op\.f\(('[^']*')\)", r"\1", text)  # a name marker only: plain names read simpler

    return body(upgrade), body(upgrade.reverse())


def _portable_default(kind: str, obj: Any, _context: Any) -> str | bool:
    """A server default written as SQLAlchemy, not as one dialect's SQL: `sa.false()`,
    `sa.func.now()` run on every database; Alembic would render the comparison dialect's text."""
    import sqlalchemy as sa

    if kind != "server_default":
        return False
    arg = getattr(obj, "arg", None)
    if isinstance(arg, (sa.sql.elements.False_, sa.sql.elements.True_)):
        return f"sa.{'false' if isinstance(arg, sa.sql.elements.False_) else 'true'}()"
    if isinstance(arg, sa.sql.functions.FunctionElement) and not list(arg.clauses):
        return f"sa.func.{arg.name}()"
    return False


def describe(upgrade: Any) -> tuple[str, ...]:
    """One line per operation, for the command's report."""
    from alembic.operations import ops

    lines = []
    for op in upgrade.ops:
        if isinstance(op, ops.ModifyTableOps):
            lines += [f"{_verb(o)} on {op.table_name}" for o in op.ops]
        else:
            lines.append(f"{_verb(op)} {getattr(op, 'table_name', '')}".rstrip())
    return tuple(lines)


def _verb(op: Any) -> str:
    words = re.sub(r"(?<!^)([A-Z])", r" \1", type(op).__name__.removesuffix("Op")).lower()
    detail = getattr(op, "column_name", None) or getattr(op, "index_name", None) or getattr(op, "constraint_name", None)
    if detail is None and hasattr(op, "column"):
        detail = op.column.name
    return f"{words} {detail}" if detail else words


def migration_text(unit: str, version: str, message: str, requires: Sequence[str], source: str, upgrade: str, downgrade: str) -> str:
    head = [f"# gatedb: requires {', '.join(requires)}"] if requires else []
    imports = ["import sqlalchemy as sa"]
    for dialect in ("postgresql", "mysql", "sqlite"):
        if re.search(rf"\b{dialect}\.", upgrade + downgrade):
            imports.append(f"from sqlalchemy.dialects import {dialect}")
    return "\n".join(
        head
        + [
            f"# {unit}/{version}: {message}",
            f"# Written by `gatedb makemigrations {unit}` from {source}; review it before it runs.",
            *imports,
            "",
            "",
            "def upgrade(op):",
            upgrade,
            "",
            "",
            "def downgrade(op):",
            downgrade,
            "",
        ]
    )


# --- the command's work ---------------------------------------------------------------------


def make_migrations(project: Project | str, unit_name: str, message: str, *, database: str | None = None) -> tuple[WrittenMigration, ...]:
    """Write the unit's next migration (and, for keys the placement rule gives to another
    unit, that unit's next migration). Returns what was written; empty when nothing differs."""
    from .. import api
    from ..db.url import normalise_url

    proj = api.open_project(project)
    unit = resolve_unit(proj, unit_name)
    folder, shown = package_folder(proj)
    units = _units_with(proj, unit)
    if load_define(proj, folder, shown, unit.name) is None:
        raise SchemaPackageError(
            f"{shown}/{module_name(unit.name)}.py: no module for unit {unit.name}",
            f"write {shown}/{module_name(unit.name)}.py with def define(metadata) declaring the unit's tables",
        )
    server = normalise_url(database, proj.root) if database else "sqlite://"
    dialect = dialect_name(server)
    everything = declare(proj, units, folder, shown)
    comparison = Comparison(proj, unit, units, everything, folder, shown, dialect)
    written = []
    scratches: list[Any] = []
    try:
        upgrade = comparison.operations(_migrated(proj, unit, server, scratches))
        if upgrade.ops:
            written.append(_write(proj, unit, message, upgrade, comparison, everything.modules[unit.name], dialect))
        for target, keys in _grouped(comparison.elsewhere):
            proj = api.open_project(proj.root)  # with the migration just written
            target_unit = resolve_unit(proj, target)
            missing = _missing_keys(_migrated(proj, target_unit, server, scratches), keys)
            if missing:
                from alembic.operations import ops

                upgrade = ops.UpgradeOps(ops=[ops.ModifyTableOps(table, [_create_key(k) for k in ks]) for table, ks in missing.items()])
                written.append(_write(proj, target_unit, message, upgrade, comparison, everything.modules[unit.name], dialect))
    finally:
        for scratch in scratches:
            scratch.close()
    return tuple(written)


def _units_with(project: Project, unit: Unit) -> list[Unit]:
    units = list(project.units)
    if unit not in units:
        units = list(graph.sort_units(units + [unit], project.features))
    return units


def _migrated(project: Project, unit: Unit, server: str, scratches: list[Any]) -> str:
    """A scratch database (on `server`'s kind of database) holding what the unit's closure
    migrations make; the caller closes the scratches."""
    from .. import api
    from ..analysis.matrix import Scratch

    scratch = Scratch(server)
    scratches.append(scratch)
    url = scratch.new()
    try:
        api.migrate(project, database=url, features=sorted(unit.features), no_default_features=True)
    except GatedbError as exc:
        raise GatedbError(
            f"the migrations of {unit.name}'s closure do not run on a scratch {scratch.dialect} database: {exc.message}",
            "fix that migration; if the project's SQL is for another database, pass --database with a server of that kind",
        ) from None
    return url


def _grouped(elsewhere: Sequence[tuple[str, Any]]) -> list[tuple[str, list[Any]]]:
    out: dict[str, list[Any]] = {}
    for target, key in elsewhere:
        out.setdefault(target, []).append(key)
    return list(out.items())


def _create_key(key: Any) -> Any:
    """Alembic's create_foreign_key for a key whose referred table is not on the metadata."""
    from alembic.operations import ops

    name = key.name if isinstance(key.name, str) else f"fk_{key.parent.name}_{'_'.join(key.column_keys)}"
    options = {k: getattr(key, k) for k in ("ondelete", "onupdate", "deferrable", "initially") if getattr(key, k) is not None}
    return ops.CreateForeignKeyOp(
        name, key.parent.name, _referred(key), list(key.column_keys), [e.target_fullname.rpartition(".")[2] for e in key.elements], **options
    )


def _missing_keys(url: str, keys: Sequence[Any]) -> dict[str, list[Any]]:
    """The keys that the database at `url` lacks, by table."""
    import sqlalchemy as sa

    from ..db.url import create_engine

    engine = create_engine(url)
    try:
        inspector = sa.inspect(engine)
        missing: dict[str, list[Any]] = {}
        for key in keys:
            table = key.parent.name
            present = {(tuple(fk["constrained_columns"]), fk["referred_table"]) for fk in inspector.get_foreign_keys(table)} if inspector.has_table(table) else set()
            if (tuple(key.column_keys), _referred(key)) not in present:
                missing.setdefault(table, []).append(key)
        return missing
    finally:
        engine.dispose()


def _write(project: Project, unit: Unit, message: str, upgrade: Any, comparison: Comparison, source: str, dialect: str) -> WrittenMigration:
    """Number, render and write one migration into the unit's folder (made if new)."""
    from alembic.operations import ops

    mine = [m for m in project.migrations if m.id.unit == unit.name]
    closure = comparison.closures.get(unit.name) or graph.unit_closure(unit, _units_with(project, unit), project.features)
    newest = next((m for m in reversed(project.migrations) if m.id.unit in closure), None)
    sample = mine[-1] if mine else newest
    version = next_version([m.id.version for m in mine], newest.id.version if newest else None)
    stem = Path(sample.path).name.removesuffix(".py").removesuffix(".sql") if sample else None
    folder = Path(project.migrations_dir) / unit.name
    path = folder / file_name(version, message, stem)
    touched = set()
    for op in upgrade.ops:
        if isinstance(op, ops.CreateTableOp):
            touched |= {_referred(k) for k in op.to_table().foreign_key_constraints}
        elif isinstance(op, ops.ModifyTableOps):
            touched.add(op.table_name)
            touched |= {o.referent_table for o in op.ops if isinstance(o, ops.CreateForeignKeyOp)}
    owners = {comparison.owner(t) for t in touched} - {unit.name, None}
    requires = []  # the newest migration of each unit whose tables it touches: the schema it was compared with
    for other in project.units:
        last = [m for m in project.migrations if m.id.unit == other.name]
        if other.name in owners and last:
            requires.append(str(last[-1].id))
    up, down = render(upgrade, dialect)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(migration_text(unit.name, version, message, requires, source, up, down), encoding="utf-8")
    return WrittenMigration(unit.name, shown_path(path, Path(project.root)), describe(upgrade))
