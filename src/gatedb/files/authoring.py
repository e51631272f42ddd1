"""Writing new project files: `gatedb init` and `gatedb new`. The file edge's other half.

What to write is decided by a pure function over the loaded Project (`draft_migration`;
versions numbered by schema.autogen.next_version, as makemigrations does), so that tests
can check names and contents without a disk; `write`
puts a draft on disk and refuses to overwrite anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core import graph
from ..core.model import Migration, Project, Unit
from ..core.versions import split_stem, version_key
from ..errors import ManifestError, MigrationFileError
from ..schema.autogen import next_version  # shared with makemigrations: one numbering rule
from .loader import MANIFEST, parse_unit

@dataclass(frozen=True)
class Draft:
    """Files to create, relative to the project folder, with their text."""

    files: tuple[tuple[str, str], ...]
    label: str  # `tasks/0003 add_due_date`


def slug(name: str) -> str:
    """A migration name as a file name part: lower case, words joined by `_`."""
    text = re.sub(r"[^0-9a-z]+", "_", name.strip().lower()).strip("_")
    if not text:
        raise MigrationFileError(f"migration name {name!r} has no letters or digits", "name it after what it does, e.g. add_due_date")
    return text


def find_unit(project: Project, name: str) -> Unit:
    """An existing unit, or a new one: a declared feature, or a bridge of declared features
    (`b+a` finds the folder `a+b`). Raises naming what is not declared."""
    unit = parse_unit(name, project.features, _folder(project))
    for existing in project.units:
        if existing.features == unit.features:
            return existing
    if unit.is_bridge:
        order = {f: i for i, f in enumerate(project.features.names)}
        parts = sorted(unit.features, key=lambda f: order.get(f, len(order)))
        return Unit("+".join(parts), unit.features)
    return unit


def draft_migration(project: Project, unit_name: str, name: str, kind: str) -> Draft:
    """The next migration of a unit: numbered after the unit's last, in its naming style
    (folder or single file, `_` or `-`), with `requires` lines where migrations of its
    closure sort after the new version (so it surely runs after what it may use)."""
    unit = find_unit(project, unit_name)
    mine = sorted((m for m in project.migrations if m.id.unit == unit.name), key=lambda m: m.key)
    model = mine[-1] if mine else (max(project.migrations, key=lambda m: m.key) if project.migrations else None)
    version = next_version([m.id.version for m in mine], model.id.version if model else None)
    separator, single_file = _style(model)
    base = f"{_folder(project)}/{unit.name}/{version}{separator}{slug(name) if separator == '_' else slug(name).replace('_', '-')}"
    label = f"{unit.name}/{version} {slug(name)}"
    if any(m.key == version_key(version) for m in mine):
        raise MigrationFileError(f"{unit.name}/{version} exists already", "pick another unit, or remove the existing file")
    closure = graph.unit_closure(unit, (*project.units, unit), project.features) - {unit.name}
    requires = _requires(project, closure, version)
    header = _header(unit, label, closure, project)
    if kind == "python":
        directives = "".join(f"# gatedb: requires {r}\n" for r in requires)
        text = f'{directives}"""{label}: {header[1]}"""\n\nimport sqlalchemy as sa\n\n\ndef upgrade(op):\n    pass\n\n\ndef downgrade(op):\n    pass\n'
        return Draft(((f"{base}.py", text),), label)
    lines = [f"-- {line}" for line in header] + [f"-- gatedb: requires {r}" for r in requires]
    head = "\n".join(lines) + "\n"
    if single_file:
        return Draft(((f"{base}.sql", f"{head}-- gatedb:up\n\n\n-- gatedb:down\n\n"),), label)
    return Draft(((f"{base}/up.sql", f"{head}\n"), (f"{base}/down.sql", f"-- undo {label}\n\n")), label)


def _folder(project: Project) -> str:
    """The migrations folder as messages and paths name it: relative to the project."""
    folder = Path(project.migrations_dir)
    return folder.relative_to(project.root).as_posix() if folder.is_relative_to(project.root) else folder.as_posix()


def _style(model: Migration | None) -> tuple[str, bool]:
    """(separator after the version, single-file SQL?) of an existing migration."""
    if model is None:
        return "_", False
    stem = Path(model.path).name.removesuffix(".sql").removesuffix(".py")
    parsed = split_stem(stem)
    separator = stem[len(parsed[0])] if parsed and len(stem) > len(parsed[0]) else "_"
    return separator, model.path.endswith(".sql")


def _requires(project: Project, closure: frozenset[str], version: str) -> list[str]:
    newest: dict[str, Migration] = {}
    for migration in project.migrations:
        if migration.id.unit in closure and (migration.id.unit not in newest or migration.key > newest[migration.id.unit].key):
            newest[migration.id.unit] = migration
    return [str(m.id) for unit, m in sorted(newest.items()) if m.key > version_key(version)]


def _header(unit: Unit, label: str, closure: frozenset[str], project: Project) -> list[str]:
    if unit.is_core:
        when = "core: runs for every feature set; it may use only what core creates"
    elif unit.is_bridge:
        when = f"bridge {unit.name}: runs when {' and '.join(sorted(unit.features))} are all on; put what joins them here"
    else:
        when = f"runs when feature {unit.name} is on"
    lines = [label, when]
    if closure and not unit.is_core:
        lines.append(f"may use what these units create: {', '.join(u.name for u in project.units if u.name in closure)}")
    return lines


def write(root: str | Path, draft: Draft) -> list[Path]:
    """Create the draft's files; refuse if any exists (nothing is overwritten)."""
    base = Path(root)
    for rel, _text in draft.files:
        if (base / rel).exists():
            raise MigrationFileError(f"{rel} exists already", "remove it, or give the new migration another name")
    written = []
    for rel, text in draft.files:
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


MANIFEST_TEMPLATE = """\
# gatedb: features and their migrations. See `gatedb --help`.
{database}migrations = "migrations"

[features]
# default = ["tasks"]        # the features of a plain build
# tasks = []                 # a feature: its migrations go in migrations/tasks/
# projects = ["tasks"]       # enabling projects enables tasks
{features}"""


def init_project(folder: str | Path, database: str | None = None, features: tuple[str, ...] = ()) -> list[Path]:
    """A manifest and migrations/core/ in a folder without a gatedb project."""
    base = Path(folder)
    if (base / MANIFEST).exists():
        raise ManifestError(f"{base / MANIFEST} exists already", "this folder holds a gatedb project: run gatedb plan there")
    pyproject = base / "pyproject.toml"
    if pyproject.is_file() and "[tool.gatedb]" in pyproject.read_text(encoding="utf-8", errors="replace"):
        raise ManifestError(f"{pyproject} has a [tool.gatedb] table already", "this folder holds a gatedb project: run gatedb plan there")
    migrations = base / "migrations"
    if migrations.exists() and any(migrations.iterdir()):
        raise MigrationFileError(f"{migrations} exists and is not empty", "run gatedb init in a folder without a migrations/ folder")
    body = "".join(f"{slug(name).replace('_', '-')} = []\n" for name in features)
    database_line = f'database = "{database}"\n' if database else ""
    base.mkdir(parents=True, exist_ok=True)
    (base / MANIFEST).write_text(MANIFEST_TEMPLATE.format(database=database_line, features=body), encoding="utf-8")
    (migrations / "core").mkdir(parents=True, exist_ok=True)
    return [base / MANIFEST, migrations / "core"]
