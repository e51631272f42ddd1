"""`gatedb check` over the application's own code: code gated like the schema it uses.

The manifest's `[code]` maps application packages or modules to units:

    [code]
    "app" = "core"
    "app.tasks" = "tasks"             # the longest matching name wins
    "app.tasks.projects" = "tasks+projects"

Code of a unit may import only the schema modules (`[schema] package`, one module per unit)
of units in its closure, and look up only their tables (`schema.table("x")`,
`metadata.tables["x"]`); anything else fails in the smallest feature set that turns the
unit on, where the other unit's module is not loaded (GD020, GD021). Files are read with
`ast`, never imported.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ..core import graph
from ..core.model import Project, Unit
from ..errors import ManifestError
from . import checker


@dataclass(frozen=True)
class CodeUse:
    """A use, in application code, of a schema module (kind "module") or a table ("table")."""

    line: int
    kind: str
    name: str  # the schema module's name (`projects`) or the table's
    text: str  # as the message shows it


def uses_in(source: str, module: str, is_package: bool, schema_package: str | None) -> list[CodeUse]:
    """Schema modules imported and tables looked up by name in one file. Pure.

    `module` is the file's dotted name (for relative imports), `schema_package` the schema
    package's import name (None: look at table lookups only). A file that does not parse
    has no uses: it is the application's test suite's to report."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found: list[CodeUse] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and schema_package:
            for alias in node.names:
                rest = _inside(alias.name, schema_package)
                if rest:
                    found.append(CodeUse(node.lineno, "module", rest, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and schema_package:
            base = _absolute(node, module, is_package)
            if base == schema_package:
                found += [CodeUse(node.lineno, "module", a.name, f"from {base} import {a.name}") for a in node.names if a.name != "*"]
            elif _inside(base, schema_package):
                found.append(CodeUse(node.lineno, "module", _inside(base, schema_package), f"from {base} import ..."))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "table":
            name = _string(node.args[0]) if node.args else None
            if name is not None:
                found.append(CodeUse(node.lineno, "table", name, f"table({name!r})"))
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "tables":
            name = _string(node.slice)
            if name is not None:
                found.append(CodeUse(node.lineno, "table", name, f"tables[{name!r}]"))
    return sorted(found, key=lambda u: (u.line, u.kind, u.name))


def _inside(name: str, package: str) -> str:
    """`schema.tasks.x` inside `schema` -> `tasks`; otherwise ''."""
    return name[len(package) + 1:].split(".")[0] if name.startswith(package + ".") else ""


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".") if is_package else module.split(".")[:-1]
    parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
    return ".".join(parts + ([node.module] if node.module else []))


def _string(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


# --- the project's side: [code], files, owners ------------------------------------------------


def code_map(project: Project) -> dict[str, Unit]:
    """[code]: dotted module or package name -> the unit whose code it is. Raises on a defect."""
    manifest = Path(project.manifest_path).name
    table = project.settings.get("code", {})
    if not table:
        return {}
    from ..schema.autogen import resolve_unit

    if not isinstance(table, dict):
        raise ManifestError(f"{manifest}: `code` must be a table", 'write it as [code] with "app.tasks" = "tasks" lines')
    out: dict[str, Unit] = {}
    for name, unit in table.items():
        if not isinstance(unit, str) or not all(part.isidentifier() for part in str(name).split(".")):
            raise ManifestError(
                f"{manifest}: [code] {name!r} = {unit!r}: expected a dotted module name and a unit name",
                'write "app.tasks" = "tasks" (a module or package of the application, then core, a feature or a bridge a+b)',
            )
        try:
            out[name] = resolve_unit(project, unit)
        except ManifestError as exc:
            raise ManifestError(f"{manifest}: [code] {name!r} = {unit!r}: {exc.message}", exc.hint) from None
    return out


def files_of(project: Project, name: str) -> list[tuple[Path, str, bool]]:
    """The Python files of a module or package, as (path, dotted name, is a package's __init__),
    under the project folder or its src/."""
    root = Path(project.root)
    for base in (root, root / "src"):
        path = base.joinpath(*name.split("."))
        if path.is_dir():
            return [(f, _dotted(f, base), f.name == "__init__.py") for f in sorted(path.rglob("*.py"))]
        if path.with_suffix(".py").is_file():
            return [(path.with_suffix(".py"), name, False)]
    relative = name.replace(".", "/")
    raise ManifestError(
        f"{Path(project.manifest_path).name}: [code] {name!r}: no {relative}.py or {relative}/ in the project or its src/",
        "fix the module name, or remove the line",
    )


def _dotted(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def schema_import_name(project: Project) -> str | None:
    """The import name of `[schema] package`: a dotted name as is, a folder as its path."""
    section = project.settings.get("schema")
    package = section.get("package") if isinstance(section, dict) else None
    if not isinstance(package, str) or not package:
        return None
    return package.strip("/").replace("/", ".").removeprefix("src.")


def check_code(project: Project, dialect: str, severities: Mapping[str, str] | None = None) -> list[checker.Diagnostic]:
    """GD020 and GD021 over every file [code] maps; [code] defects raise ManifestError."""
    from ..schema.ownership import module_names, ownership

    mapping = code_map(project)
    if not mapping:
        return []
    units = list(project.units)
    for unit in mapping.values():
        if unit not in units:
            units = list(graph.sort_units(units + [unit], project.features))
    owners = ownership(project, dialect).tables
    modules = {module: unit for unit, module in module_names(u.name for u in project.units).items()}
    package = schema_import_name(project)
    owner_of_file: dict[Path, tuple[Unit, str, bool]] = {}
    for name in sorted(mapping, key=len):  # the longest (most specific) name wins
        for path, dotted, is_package in files_of(project, name):
            owner_of_file[path] = (mapping[name], dotted, is_package)
    found: list[checker.Diagnostic] = []
    root = Path(project.root)
    for path, (unit, dotted, is_package) in sorted(owner_of_file.items()):
        closure = graph.unit_closure(unit, units, project.features)
        shown = path.relative_to(root).as_posix()
        for use in uses_in(path.read_text(encoding="utf-8", errors="replace"), dotted, is_package, package):
            other = modules.get(use.name) if use.kind == "module" else owners.get(use.name.lower())
            if other is None or other in closure:
                continue
            diag = _diagnostic(project, unit, other, use, shown, severities)
            if diag is not None:
                found.append(diag)
    return found


def _diagnostic(project: Project, unit: Unit, other: str, use: CodeUse, shown: str, severities: Mapping[str, str] | None) -> checker.Diagnostic | None:
    what = f"imports the schema module of unit {other}" if use.kind == "module" else f"looks up table {use.name}, owned by unit {other}"
    message = (
        f"code of unit {unit.name} ({use.text}) {what}, which is not always on when {unit.name} is on; "
        f"it breaks with {checker.smallest_set(project, unit.features)}"
    )
    return checker.diagnostic("GD020" if use.kind == "module" else "GD021", shown, use.line, message, _hint(project, unit, other), severities)


def _hint(project: Project, unit: Unit, other: str) -> str:
    other_features = set(other.split("+")) - {"core"}
    if unit.is_core:
        return f"move this code to a module mapped to {other} in [code] (core's code cannot depend on a feature)"
    bridge = "+".join(sorted(unit.features | other_features, key=project.features.position))
    implied = ", ".join(repr(f) for f in sorted(other_features - unit.features, key=project.features.position))
    return f"move this code to a module mapped to {bridge} in [code] (on only when both are), or add {implied} to {unit.name!r} in [features]"

