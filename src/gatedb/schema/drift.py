"""Drift between a project's schema package (`[schema] package` in the manifest) and its
migrations, per unit: which module declares each table, its columns, and which module
declares each foreign key, against the static prediction and ownership. No database.

The package is imported and every unit module's `define` runs, in load order, on one
MetaData; what each call adds is that module's declaration. Findings are checker
Diagnostics (GD013-GD017) at the module's file and the line that names the table.
`matrix_type_drift` adds GD018 for `check --matrix`: column types against a live database.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..analysis import checker
from ..core.model import Project
from ..errors import GatedbError
from .ownership import load_order, module_name, ownership_from_facts
from .runtime import configured_package, import_if_present, import_package

HINT_REGENERATE = "regenerate the package (gatedb schema --lang sqlalchemy --out DIR), or change the module and the migrations together"


@dataclass
class Declared:
    """What the package declares: table -> (unit, columns), foreign keys -> unit, and where."""

    tables: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    foreign_keys: dict[tuple[str, tuple[str, ...], str], str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # unit -> its module's file, relative to the project
    sources: dict[str, list[str]] = field(default_factory=dict)  # unit -> the module's lines
    metadata: Any = None


def has_schema_package(project: Project) -> bool:
    return isinstance(project.settings.get("schema"), Mapping) and bool(project.settings["schema"].get("package"))  # type: ignore[union-attr]


def declared_schema(project: Project) -> Declared:
    """Import the package and run each unit module's define(); raise GatedbError if it fails."""
    import sqlalchemy as sa

    root = import_package(configured_package(project), fresh=True)  # check reads the files as they are now
    found = Declared(metadata=sa.MetaData())
    metadata = found.metadata
    for unit in load_order(project):
        name = f"{root.__name__}.{module_name(unit)}"
        try:
            module = import_if_present(name)
            if module is None:
                continue
            before_tables = set(metadata.tables)
            before_keys = {id(k) for t in metadata.tables.values() for k in t.foreign_key_constraints}
            module.define(metadata)
        except Exception as exc:
            raise GatedbError(f"{name}: define(metadata) fails: {exc.__class__.__name__}: {exc}", HINT_REGENERATE) from None
        found.files[unit] = _relative(module.__file__ or name, project.root)
        found.sources[unit] = Path(module.__file__).read_text(encoding="utf-8").splitlines() if module.__file__ else []
        for table in metadata.tables.values():
            if table.name not in before_tables:
                found.tables[table.name.lower()] = (unit, tuple(c.name.lower() for c in table.columns))
            for key in table.foreign_key_constraints:
                if id(key) not in before_keys:
                    # by the target's name: the referred table may be defined later, or nowhere
                    referred = key.elements[0].target_fullname.rpartition(".")[0]
                    signature = (table.name.lower(), tuple(c.lower() for c in key.column_keys), referred.lower())
                    found.foreign_keys[signature] = unit
    return found


def _exists(package: str) -> bool:
    if Path(package).is_dir():
        return True
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def _relative(path: str, root: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return path


def _line(declared: Declared, unit: str, name: str) -> int:
    """The first line of the unit's module that names `name` as a string."""
    for number, text in enumerate(declared.sources.get(unit, ()), 1):
        if f"'{name}'" in text or f'"{name}"' in text:
            return number
    for number, text in enumerate(declared.sources.get(unit, ()), 1):
        if text.startswith("def define"):
            return number
    return 0


def drift(project: Project, facts: checker.Facts, severities: Mapping[str, str] | None = None) -> list[checker.Diagnostic]:
    """Every difference between the schema package and the migrations (GD013-GD017)."""
    out: list[checker.Diagnostic] = []

    def add(rule: str, file: str, line: int, message: str, hint: str = HINT_REGENERATE) -> None:
        found = checker.diagnostic(rule, file, line, message, hint, severities)
        if found is not None:
            out.append(found)

    manifest = Path(project.manifest_path).name
    package = str(project.settings["schema"]["package"])  # type: ignore[index]
    if not _exists(configured_package(project)):
        return out  # not written yet (model-first: declared before its first module): nothing to compare
    try:
        declared = declared_schema(project)
    except GatedbError as exc:
        add("GD013", manifest, 0, f"the schema package cannot be loaded: {exc.message}", exc.hint or HINT_REGENERATE)
        return out
    owners = ownership_from_facts(project, facts)
    predicted = checker.predict(project.migrations, facts).tables
    for table, unit in owners.tables.items():
        key = table.lower()
        if key not in declared.tables:
            where = declared.files.get(unit)
            missing = f"module {module_name(unit)} of the schema package does not declare it" if where else f"the schema package {package} has no module {module_name(unit)}"
            add("GD014", where or manifest, _line(declared, unit, "define") if where else 0, f"table {table} (unit {unit}, created by {owners.created_by[table]}) is missing: {missing}")
            continue
        declared_unit, columns = declared.tables[key]
        file, line = declared.files[declared_unit], _line(declared, declared_unit, table)
        if declared_unit != unit:
            add("GD015", file, line, f"{module_name(declared_unit)} declares table {table}, which belongs to unit {unit} (created by {owners.created_by[table]})", f"move it to the module {module_name(unit)}, or regenerate the package")
        expected = {c.lower() for c in predicted.get(table, ())}
        if expected and expected != set(columns):
            extra, gone = sorted(set(columns) - expected), sorted(expected - set(columns))
            add("GD016", file, line, f"table {table}: columns differ from the migrations (declared only: {', '.join(extra) or '-'}; migrations only: {', '.join(gone) or '-'})")
    known = {t.lower() for t in owners.tables}
    for table, (unit, _columns) in declared.tables.items():
        if table not in known:
            add("GD015", declared.files[unit], _line(declared, unit, table), f"{module_name(unit)} declares table {table}, which no migration creates", "remove it from the module, or write the migration that creates it")
    owned = {(k.table.lower(), tuple(c.lower() for c in k.columns), k.referred_table.lower()): k.unit for k in owners.foreign_keys}
    for signature, unit in sorted(owned.items()):
        table, columns, referred = signature
        label = f"foreign key {table}({', '.join(columns)}) -> {referred}"
        actual = declared.foreign_keys.get(signature)
        if actual is None:
            if table in declared.tables and referred in declared.tables:
                holder = declared.tables[table][0]
                add("GD017", declared.files[holder], _line(declared, holder, table), f"{label} (unit {unit}) is not declared in the schema package")
        elif actual != unit:
            add("GD017", declared.files[actual], _line(declared, actual, table), f"{module_name(actual)} declares {label}, which belongs to unit {unit}", f"declare it in the module {module_name(unit)} (its migration's unit), or regenerate the package")
    for signature, unit in sorted(declared.foreign_keys.items()):
        if signature not in owned:
            table, columns, referred = signature
            add("GD017", declared.files[unit], _line(declared, unit, table), f"{module_name(unit)} declares foreign key {table}({', '.join(columns)}) -> {referred}, which no migration creates", "remove it from the module, or write the migration that creates it")
    return out


def matrix_type_drift(project: Project, enabled: frozenset[str], url: str, label: str, severities: Mapping[str, str] | None = None) -> list[checker.Diagnostic]:
    """GD018: column types of the package's tables for this feature set against the live
    database (both as the database's dialect names them)."""
    import sqlalchemy as sa

    from ..db.url import create_engine
    from .runtime import load_schema

    schema = load_schema(configured_package(project), features=sorted(enabled), no_default_features=True, project=project)
    engine = create_engine(url)
    out: list[checker.Diagnostic] = []
    try:
        inspector = sa.inspect(engine)
        live = inspector.get_multi_columns()
        files = {unit: _relative(str(module.__file__), project.root) for unit, module in schema.modules.items()}
        sources = Declared(sources={unit: Path(str(m.__file__)).read_text(encoding="utf-8").splitlines() for unit, m in schema.modules.items()})
        for (_schema, table), columns in sorted(live.items(), key=lambda kv: kv[0][1]):
            if table not in schema.tables:
                continue
            declared = schema.tables[table].columns
            for column in columns:
                if column["name"] not in declared:
                    continue
                want = str(column["type"].compile(dialect=engine.dialect))
                have = str(declared[column["name"]].type.compile(dialect=engine.dialect))
                if want != have:
                    unit = schema.owners[table]
                    found = checker.diagnostic(
                        "GD018", files[unit], _line(sources, unit, table),
                        f"feature set {label} on {engine.dialect.name}: {table}.{column['name']} is {have} in the schema package but {want} in the database",
                        HINT_REGENERATE, severities,
                    )
                    if found is not None:
                        out.append(found)
    finally:
        engine.dispose()
    return out
