"""Read a project from disk: the manifest, then the migration files. I/O only at this edge.

Layout:  migrations/<unit>/<version>_<name>/up.sql [down.sql] [up.<dialect>.sql ...]
         migrations/<unit>/<version>_<name>.sql     (-- gatedb:up / -- gatedb:down sections)
         migrations/<unit>/<version>_<name>.py      (upgrade(op) / downgrade(op))
where <unit> is `core`, a feature, or a bridge `a+b`.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..core import graph
from ..errors import ManifestError, MigrationFileError
from ..core.features import FeatureTable, build_feature_table
from ..core.model import CORE, DIALECTS, Migration, MigrationId, Project, Unit
from ..core.versions import split_stem

MANIFEST = "gatedb.toml"
MANIFEST_KEYS = ("migrations", "database", "features", "check", "schema", "code")
_DIRECTIVE = re.compile(r"^\s*(?:--|#)\s*gatedb:\s*(?P<body>.*)$")
_SECTION = re.compile(r"^\s*--\s*gatedb:(?P<which>up|down)\s*$", re.MULTILINE)


def load_project(root: str | os.PathLike[str] = ".") -> Project:
    """Read the manifest and every migration under `root`; order them; raise on any defect."""
    base = Path(root).resolve()
    if not base.is_dir():
        raise ManifestError(f"project folder {root} does not exist", "pass --project DIR with the folder holding gatedb.toml")
    manifest_path, settings = read_manifest(base)
    rel_manifest = manifest_path.name
    features = build_feature_table(_table(settings, "features", rel_manifest), rel_manifest)
    setting = str(settings.get("migrations", "migrations"))
    try:
        migrations_dir = (base / setting).resolve()
    except RuntimeError:  # Python < 3.13 raises this for a symlink loop
        raise ManifestError(f"{rel_manifest}: migrations folder {setting} is a symlink loop", "replace the link with the folder") from None
    if not migrations_dir.is_dir():
        raise ManifestError(
            f"{rel_manifest}: migrations folder {migrations_dir} does not exist",
            "create it with a core/ folder inside, or set `migrations = \"path\"` in the manifest",
        )
    units, migrations = read_migrations(migrations_dir, features, shown_path(migrations_dir, base))
    units = graph.sort_units(units, features)
    edges = graph.explicit_edges(migrations, units, features)
    ordered = graph.order(migrations, edges, units)
    database = settings.get("database")
    if database is not None and not isinstance(database, str):
        raise ManifestError(f"{rel_manifest}: `database` must be a URL string", 'e.g. database = "sqlite:///app.db"')
    return Project(
        root=str(base),
        manifest_path=str(manifest_path),
        migrations_dir=str(migrations_dir),
        features=features,
        units=units,
        migrations=ordered,
        database_url=database,
        settings=settings,
    )


def read_manifest(base: Path) -> tuple[Path, Mapping[str, Any]]:
    """gatedb.toml, else [tool.gatedb] in pyproject.toml."""
    candidates = [(base / MANIFEST, False), (base / "pyproject.toml", True)]
    for path, nested in candidates:
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ManifestError(f"{path.name}: invalid TOML: {exc}", "fix the syntax at that line and column") from None
        except UnicodeDecodeError:
            raise ManifestError(f"{path.name}: not UTF-8 text", "save the file as UTF-8") from None
        if nested:
            tool = data.get("tool", {})
            if not isinstance(tool, dict) or "gatedb" not in tool:
                continue
            data = tool["gatedb"]
            if not isinstance(data, dict):
                raise ManifestError(f"{path.name}: [tool.gatedb] must be a table", "write it as a [tool.gatedb] section")
        for key in data:
            if key not in MANIFEST_KEYS:
                close = difflib.get_close_matches(key, MANIFEST_KEYS, n=1)
                raise ManifestError(
                    f"{path.name}: unknown key {key!r}",
                    f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(MANIFEST_KEYS)}",
                )
        return path, data
    raise ManifestError(
        f"no {MANIFEST} (or [tool.gatedb] in pyproject.toml) in {base}",
        "create gatedb.toml with a [features] table, or pass --project DIR",
    )


def _table(settings: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    value = settings.get(key, {})
    if not isinstance(value, dict):
        raise ManifestError(f"{source}: `{key}` must be a table", f"write it as a [{key}] section")
    return value


def read_migrations(root: Path, features: FeatureTable, folder: str = "migrations") -> tuple[list[Unit], list[Migration]]:
    """Every unit folder under `root`; `folder` is how messages name root (relative to the project)."""
    units: list[Unit] = []
    migrations: list[Migration] = []
    seen_sets: dict[frozenset[str], str] = {}
    for entry, is_dir in _entries(root, root, folder):
        if not is_dir:
            raise MigrationFileError(
                f"{folder}/{entry.name}: a file directly in the migrations folder",
                "put migrations in a unit folder: migrations/core/, migrations/<feature>/ or migrations/<a>+<b>/",
            )
        unit = parse_unit(entry.name, features, folder)
        if unit.features in seen_sets:
            raise MigrationFileError(
                f"{folder}/{entry.name} and {folder}/{seen_sets[unit.features]} are the same unit",
                "merge the two folders into one",
            )
        seen_sets[unit.features] = entry.name
        units.append(unit)
        migrations.extend(read_unit(entry, unit, root, folder))
    if not any(u.is_core for u in units):
        units.append(Unit(CORE, frozenset()))
    return units, migrations


def parse_unit(name: str, features: FeatureTable, folder: str = "migrations") -> Unit:
    if name == CORE:
        return Unit(CORE, frozenset())
    parts = name.split("+")
    where = f"folder {folder}/{name}"
    if len(parts) != len(set(parts)) or "" in parts or CORE in parts:
        raise MigrationFileError(
            f"{where}: a bridge joins two or more different features, like tasks+project",
            "rename the folder",
        )
    for part in parts:
        try:
            features.require_known(part, where)
        except Exception as exc:  # FeatureError: re-raise as a file error with the same hint
            raise MigrationFileError(
                f"{where} is named after no declared feature ({part!r})",
                getattr(exc, "hint", None) or f"declare {part!r} in [features]",
            ) from None
    return Unit(name, frozenset(parts))


def read_unit(unit_dir: Path, unit: Unit, root: Path, folder: str = "migrations") -> list[Migration]:
    found: dict[tuple[int, ...], Migration] = {}
    variants: dict[Path, list[Path]] = {}  # single-file migration -> its dialect variants
    for entry, is_dir in _entries(unit_dir, root, folder):
        rel = f"{folder}/{entry.relative_to(root).as_posix()}"
        if is_dir:
            migration = read_folder_migration(entry, unit, rel, root, folder)
        elif entry.suffix == ".py":
            migration = read_python_migration(entry, unit, rel)
        elif entry.suffix == ".sql":
            base, dialect = _dialect_suffix(entry.name[: -len(".sql")])
            if dialect:
                variants.setdefault(entry.with_name(base + ".sql"), []).append(entry)
                continue
            migration = read_file_migration(entry, unit, rel)
        else:
            raise MigrationFileError(
                f"{rel}: not a migration (expected a folder, .sql or .py file)",
                "move it out of the migrations folder, or rename it <version>_<name>.sql",
            )
        previous = found.get(migration.key)
        if previous is not None:
            raise MigrationFileError(
                f"{previous.path} and {migration.path} have the same version {migration.id.version} in unit {unit.name}",
                "give one of them a new version; a unit's versions must be unique",
            )
        found[migration.key] = migration
    for base_file, extra in variants.items():
        match = next((m for m in found.values() if m.path == f"{folder}/{base_file.relative_to(root).as_posix()}"), None)
        if match is None:
            raise MigrationFileError(
                f"{folder}/{extra[0].relative_to(root).as_posix()}: a dialect variant without its base file {base_file.name}",
                f"add {base_file.name} (used on the other dialects), or rename the variant",
            )
        up, down = dict(match.up), dict(match.down)
        for path in extra:
            _, dialect = _dialect_suffix(path.name[: -len(".sql")])
            shown = f"{folder}/{path.relative_to(root).as_posix()}"
            text = read_text(path, shown)
            u, d = _sections(text, shown)
            up[dialect] = u
            if d is not None:
                down[dialect] = d
        found[match.key] = _replace(match, up=up, down=down)
    return list(found.values())


def _replace(m: Migration, **changes: Any) -> Migration:
    from dataclasses import replace

    return replace(m, **changes)


def _identify(entry: Path, unit: Unit, stem: str, rel: str) -> tuple[MigrationId, str]:
    parsed = split_stem(stem)
    if parsed is None:
        raise MigrationFileError(
            f"{rel}: the name must start with a version, like 0001_create_users",
            "rename it <version>_<name> (digits, dots or dashes, then _ or - and a name)",
        )
    version, name = parsed
    return MigrationId(unit.name, version), name


def read_folder_migration(migration_dir: Path, unit: Unit, rel: str, root: Path, folder: str = "migrations") -> Migration:
    mid, name = _identify(migration_dir, unit, migration_dir.name, rel)
    up: dict[str, str] = {}
    down: dict[str, str] = {}
    for path, _is_dir in _entries(migration_dir, root, folder):
        match = re.fullmatch(r"(up|down)(?:\.([a-z0-9]+))?\.sql", path.name)
        if match is None or (match.group(2) and match.group(2) not in DIALECTS):
            raise MigrationFileError(
                f"{rel}/{path.name}: unexpected file in a migration folder",
                f"a migration folder holds up.sql, down.sql and variants up.<dialect>.sql with dialect in {', '.join(DIALECTS)}",
            )
        (up if match.group(1) == "up" else down)[match.group(2) or ""] = read_text(path, f"{rel}/{path.name}")
    if not up:
        raise MigrationFileError(f"{rel}: no up.sql", "add up.sql with the migration's SQL")
    requires, lines, transactional = _headers(up, f"{rel}/up.sql")
    return Migration(mid, name, rel, "sql", up, down, "", requires, lines, transactional)


def read_file_migration(path: Path, unit: Unit, rel: str) -> Migration:
    mid, name = _identify(path, unit, path.name[: -len(".sql")], rel)
    text = read_text(path, rel)
    up, down = _sections(text, rel)
    requires, lines, transactional = _headers({"": text}, rel)
    return Migration(mid, name, rel, "sql", {"": up}, {"": down} if down is not None else {}, "", requires, lines, transactional)


def read_python_migration(path: Path, unit: Unit, rel: str) -> Migration:
    mid, name = _identify(path, unit, path.stem, rel)
    text = read_text(path, rel)
    if not re.search(r"^def upgrade\(", text, re.MULTILINE):
        raise MigrationFileError(f"{rel}: no upgrade(op) function", "define def upgrade(op): ... at module level")
    requires, lines, transactional = _headers({"": text}, rel)
    return Migration(mid, name, rel, "python", {}, {}, text, requires, lines, transactional)


def _sections(text: str, rel: str) -> tuple[str, str | None]:
    """Split a single-file migration at its `-- gatedb:up` / `-- gatedb:down` markers."""
    marks = list(_SECTION.finditer(text))
    if not marks:
        return text, None
    kinds = [m.group("which") for m in marks]
    if kinds not in (["up"], ["up", "down"]):
        line = text.count("\n", 0, marks[0].start()) + 1
        raise MigrationFileError(
            f"{rel}:{line}: sections must be one `-- gatedb:up`, then at most one `-- gatedb:down`",
            "keep a single up section followed by an optional down section",
        )
    head = text[: marks[0].start()]
    up_end = marks[1].start() if len(marks) > 1 else len(text)
    up = head + text[marks[0].end(): up_end]
    down = text[marks[1].end():] if len(marks) > 1 else None
    return up, down


def _headers(texts: Mapping[str, str], rel: str) -> tuple[tuple[MigrationId, ...], dict[MigrationId, int], bool]:
    """Directives in the leading comment lines: `requires <unit>/<version>`, `no-transaction`."""
    requires: dict[MigrationId, int] = {}
    transactional = True
    for text in texts.values():
        for number, line in enumerate(_lines(text), start=1):
            stripped = line.strip()
            if not stripped:
                continue
            if not stripped.startswith(("--", "#")):
                break
            match = _DIRECTIVE.match(line)
            if match is None:
                continue
            body = match.group("body").strip()
            word, _, rest = body.partition(" ")
            if body in ("up", "down"):  # a section marker, not a directive
                continue
            if word == "requires":
                targets = [t for t in re.split(r"[,\s]+", rest) if t]
                if not targets or not all(re.fullmatch(r"[\w\-]+(\+[\w\-]+)*/[\d.\-]+", t) for t in targets):
                    raise MigrationFileError(
                        f"{rel}:{number}: bad requires directive: {stripped}",
                        "write it as -- gatedb: requires <unit>/<version>, e.g. requires core/0003",
                    )
                for target in targets:
                    requires.setdefault(MigrationId.parse(target), number)
            elif body == "no-transaction":
                transactional = False
            else:
                raise MigrationFileError(
                    f"{rel}:{number}: unknown gatedb directive {body!r}",
                    "known directives: requires <unit>/<version>, no-transaction",
                )
    return tuple(requires), requires, transactional


_EOL = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> Iterator[str]:
    """The lines of a text (as str.splitlines cuts them at \\n, \\r\\n and \\r), one at a time:
    directives live in the leading comments, so most of a long file is never cut up."""
    start = 0
    while start < len(text):
        end = _EOL.search(text, start)
        if end is None:
            yield text[start:]
            return
        yield text[start:end.start()]
        start = end.end()


def _dialect_suffix(stem: str) -> tuple[str, str | None]:
    base, _, last = stem.rpartition(".")
    if base and last in DIALECTS:
        return base, last
    return stem, None


def _entries(folder: Path, root: Path, shown: str) -> list[tuple[Path, bool]]:
    """The folder's entries in name order, hidden ones left out, each with whether it is a
    folder. One scandir: each entry's kind comes with the listing, not from a stat per entry
    (a no-op migrate reads every folder of the project)."""
    with os.scandir(folder) as listing:
        found = sorted((e for e in listing if not _hidden(e)), key=lambda e: e.name)
    out = []
    for entry in found:
        path = Path(entry.path)
        if entry.is_symlink():
            _inside(path, root, shown)
        out.append((path, entry.is_dir()))
    return out


def _hidden(path: Path | os.DirEntry[str]) -> bool:
    return path.name.startswith((".", "_", "~")) or path.name.endswith("~")


def _inside(path: Path, root: Path, folder: str) -> None:
    """Refuse a symlink that leads outside the migrations folder. The walk goes down from
    the root, so only a link can escape: plain entries need no resolve()."""
    if not path.is_symlink():
        return
    shown = f"{folder}/{path.relative_to(root).as_posix()}"
    try:
        resolved = path.resolve()
    except (RuntimeError, OSError):  # a symlink loop (RuntimeError before Python 3.13, ELOOP after)
        raise MigrationFileError(f"{shown} is a symlink loop", "remove the link, or point it at a migration file inside the migrations folder") from None
    if resolved != root and root not in resolved.parents:
        raise MigrationFileError(
            f"{shown} leads outside the migrations folder (to {resolved})",
            "copy the file into the migrations folder instead of linking to it",
        )


def read_text(path: Path, shown: str) -> str:
    """A migration file's text; `shown` is how messages name it."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise MigrationFileError(f"{shown}: not UTF-8 text", "save the file as UTF-8") from None
    except OSError as exc:
        raise MigrationFileError(f"{shown}: cannot be read: {exc.strerror}", "check that the file exists and can be read") from None


def shown_path(path: Path, base: Path) -> str:
    """A path as messages name it: relative to the project when inside it."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
