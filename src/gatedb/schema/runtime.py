"""`gatedb.load_schema`: the tables of one feature set, from a schema package with one module
per unit (written by `gatedb schema --lang sqlalchemy`, or by hand in the same shape).

Only the modules of the units the feature set turns on are imported; each one's
`define(metadata)` runs on a fresh MetaData, in the package's load order (a unit after its
closure, a bridge after its sides), so a bridge's foreign keys exist only when all of its
features are on. ORM relationships between two features' classes go in their bridge's
module, in `relate(registry)`, and come to life with `Schema.relate(registry)`.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Mapping

from ..core.features import FeatureTable, Selection
from ..errors import GatedbError


class SchemaPackageError(GatedbError):
    """The schema package cannot be found, imported, or lacks what gatedb generates."""


class UnknownTable(GatedbError):
    """A table no unit of the schema declares."""


class DisabledTable(UnknownTable):
    """A table of a unit this build leaves off; the message names the features to enable."""

    def __init__(self, message: str, hint: str, table: str, unit: str, missing: tuple[str, ...]) -> None:
        super().__init__(message, hint)
        self.table = table
        self.unit = unit
        self.missing = missing


@dataclass(frozen=True)
class Schema:
    """The tables of one feature set: a MetaData holding exactly the enabled units' tables."""

    metadata: Any  # sqlalchemy.MetaData
    package: str  # the package's import name
    features: tuple[str, ...]  # enabled, in declaration order
    units: tuple[str, ...]  # loaded, in load order
    modules: Mapping[str, ModuleType]  # unit -> its imported module
    owners: Mapping[str, str]  # every table of the package -> its unit
    unit_features: Mapping[str, tuple[str, ...]]  # every unit -> the features that turn it on

    @property
    def tables(self) -> Mapping[str, Any]:
        """name -> sqlalchemy.Table, of the enabled units only."""
        return self.metadata.tables  # type: ignore[no-any-return]

    def has(self, name: str) -> bool:
        return name in self.metadata.tables

    def table(self, name: str) -> Any:
        """The Table; a table of a disabled feature raises DisabledTable naming the flag."""
        if name in self.metadata.tables:
            return self.metadata.tables[name]
        unit = self.owners.get(name)
        if unit is None:
            raise UnknownTable(f"no unit of schema package {self.package} declares a table {name!r}", "check the name, or regenerate the package: gatedb schema --lang sqlalchemy --out DIR")
        missing = tuple(f for f in self.unit_features[unit] if f not in self.features)
        names = " and ".join(missing)
        listed = ", ".join(f'"{f}"' for f in missing)
        return_hint = f"enable it with --features {','.join(missing)} (gatedb.load_schema(..., features=[{listed}]))"
        raise DisabledTable(
            f"table {name} belongs to unit {unit}, and feature{'s' if len(missing) > 1 else ''} {names} "
            f"{'are' if len(missing) > 1 else 'is'} off in this build",
            return_hint,
            name,
            unit,
            missing,
        )

    def relate(self, registry: Any, package: str | None = None) -> list[str]:
        """Run `relate(registry)` of every loaded unit module that has one, then of
        `package.<module>` for each loaded unit where that module exists (hand-written
        relationships beside a generated schema). Returns the modules that ran, in order.

        A bridge's `relate` declares the relationship() between its features' mapped
        classes, so it exists exactly when the bridge is loaded."""
        ran = []
        for unit in self.units:
            hook = getattr(self.modules[unit], "relate", None)
            if callable(hook):
                hook(registry)
                ran.append(self.modules[unit].__name__)
        if package:
            for unit in self.units:
                name = f"{package}.{self.modules[unit].__name__.rpartition('.')[2]}"
                hook = getattr(import_if_present(name), "relate", None)
                if callable(hook):
                    hook(registry)
                    ran.append(name)
        return ran


def import_if_present(name: str) -> ModuleType | None:
    """The module, or None when there is no such module (an error inside it is raised)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def mapped_class(registry: Any, table: str) -> type:
    """The class mapped to `table` in an ORM registry (for relate hooks)."""
    for mapper in registry.mappers:
        if getattr(mapper.local_table, "name", None) == table:
            return mapper.class_  # type: ignore[no-any-return]
    raise UnknownTable(f"no class of this registry is mapped to table {table!r}", "map the class before calling Schema.relate(registry)")


def load_schema(
    package: str | os.PathLike[str] | None = None,
    *,
    features: Iterable[str] | str | None = None,
    no_default_features: bool = False,
    all_features: bool = False,
    project: str | os.PathLike[str] | Any = None,
) -> Schema:
    """The tables of the chosen feature set (Cargo-style flags, as for migrate).

    `package` is a dotted name or a folder; without it, the manifest's `[schema] package`
    of `project` (a folder, or a loaded Project). The features table is the package's own
    (as generated), or the project's manifest when `project` is given."""
    import sqlalchemy as sa

    from ..core.model import Project

    proj = project if isinstance(project, Project) or project is None else None
    if project is not None and proj is None:
        from ..files.loader import load_project

        proj = load_project(Path(project))  # type: ignore[arg-type]
    if package is None:
        if proj is None:
            raise SchemaPackageError("load_schema needs a schema package or a project", 'pass load_schema("app.schema", ...) or project="path/with/gatedb.toml"')
        package = configured_package(proj)
    root = import_package(package)
    units, owners = _units_and_owners(root, proj)
    table = proj.features if proj is not None else FeatureTable(dict(_require(root, "FEATURES")), tuple(_require(root, "DEFAULT_FEATURES")), f"schema package {root.__name__}")
    resolution = table.resolve(Selection.parse(features, no_default_features=no_default_features, all_features=all_features))
    enabled = frozenset(resolution.enabled)
    metadata = sa.MetaData()
    loaded: dict[str, ModuleType] = {}
    for unit, (module_name, unit_features) in units.items():
        if not set(unit_features) <= enabled:
            continue
        module = importlib.import_module(f"{root.__name__}.{module_name}")
        module.define(metadata)
        loaded[unit] = module
    return Schema(
        metadata,
        root.__name__,
        tuple(resolution.ordered(table.names)),
        tuple(loaded),
        loaded,
        owners,
        {unit: tuple(f) for unit, (_m, f) in units.items()},
    )


def _units_and_owners(root: ModuleType, project: Any) -> tuple[dict[str, tuple[str, tuple[str, ...]]], dict[str, str]]:
    """unit -> (module, features) in load order, and table -> unit: as generated in the
    package's __init__, or, for a package written by hand (modules with define() only),
    from the project: its units whose module exists, and the migrations' table owners."""
    if hasattr(root, "UNITS") or project is None:
        return dict(_require(root, "UNITS")), dict(_require(root, "TABLES"))
    from .ownership import load_order, module_name, ownership
    from ..analysis.facts import dialects_of

    units = {}
    for unit in load_order(project):
        name = module_name(unit)
        if import_if_present(f"{root.__name__}.{name}") is not None:
            units[unit] = (name, tuple(sorted(project.unit(unit).features, key=project.features.position)))
    return units, dict(ownership(project, dialects_of(project, "sqlite")[0]).tables)


def configured_package(project: Any) -> str:
    """The `[schema] package` of the manifest: a folder relative to the project, or a dotted name."""
    settings = project.settings.get("schema") or {}
    name = settings.get("package") if isinstance(settings, Mapping) else None
    if not isinstance(name, str) or not name:
        raise SchemaPackageError(f"{Path(project.manifest_path).name} has no [schema] package", 'add [schema] package = "schema" (a folder beside the manifest, or a dotted module name)')
    folder = Path(project.root) / name
    return str(folder) if (folder / "__init__.py").exists() else name


def import_package(package: str | os.PathLike[str], fresh: bool = False) -> ModuleType:
    """Import a package by dotted name, or from a folder under a name of its own.
    `fresh` forgets an earlier import of it and its modules first (the files changed)."""
    text = os.fspath(package)
    folder = Path(text)
    is_folder = os.sep in text or "/" in text or (folder / "__init__.py").exists()
    name = f"_gatedb_schema_{folder.resolve().name}_{hashlib.sha1(str(folder.resolve() / '__init__.py').encode()).hexdigest()[:8]}" if is_folder else text
    if fresh:
        for cached in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[cached]
        importlib.invalidate_caches()
    if is_folder:
        init = folder.resolve() / "__init__.py"
        if not init.exists():
            raise SchemaPackageError(f"schema package folder {text} has no __init__.py", "generate it with: gatedb schema --lang sqlalchemy --out " + text)
        if name in sys.modules:
            return sys.modules[name]
        spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(init.parent)])
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            del sys.modules[name]
            raise SchemaPackageError(f"cannot import schema package {text}: {exc.__class__.__name__}: {exc}", "regenerate it: gatedb schema --lang sqlalchemy --out DIR") from None
        return module
    try:
        return importlib.import_module(text)
    except ImportError as exc:
        raise SchemaPackageError(f"cannot import schema package {text}: {exc}", "check the name and sys.path, or pass the package's folder") from None


def _require(module: ModuleType, name: str) -> Any:
    if not hasattr(module, name):
        raise SchemaPackageError(f"schema package {module.__name__} has no {name}", "regenerate it: gatedb schema --lang sqlalchemy --out DIR")
    return getattr(module, name)
