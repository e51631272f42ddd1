"""Writing a split: a gatedb project (gatedb.toml, migrations/<unit>/<version>_<name>/up.sql
and down.sql) and migrations/.gatedb-split.json, the provenance `gatedb adopt` reads: for
each source migration, the names the old tool tracks it by and the split migrations made
from it. On SQLite, which cannot add a constraint to a table, a migration holding a moved
foreign key is a Python migration using Alembic's batch mode (a table rebuild there)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..errors import Refused
from .constraints import actions, referenced_columns
from .splitter import Piece, SplitMigration, SplitResult

PROVENANCE = ".gatedb-split.json"


def write_project(result: SplitResult, out: Path, source_format: str, force: bool = False) -> list[str]:
    """Write the project under `out`; the files written, relative to it."""
    if out.exists() and any(out.iterdir()):
        if not force:
            raise Refused(f"{out} exists and is not empty", "pass an empty or new folder to --out, or --force to replace it")
        for name in ("migrations", "gatedb.toml"):
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out.mkdir(parents=True, exist_ok=True)
    written = ["gatedb.toml"]
    (out / "gatedb.toml").write_text(manifest(result), encoding="utf-8")
    migrations = out / "migrations"
    (migrations / "core").mkdir(parents=True, exist_ok=True)
    paths: dict[str, str] = {}
    for m in result.migrations:
        folder = migrations / m.unit
        folder.mkdir(parents=True, exist_ok=True)
        src = next(s for s in result.sources if s.stem == m.source)
        if result.dialect == "sqlite" and any(p.role == "key" for p in m.up):
            path = folder / f"{m.stem}.py"
            path.write_text(python_migration(m, src.path), encoding="utf-8")
        else:
            path = folder / m.stem
            path.mkdir()
            (path / "up.sql").write_text(sql_file(m, m.up, src.path, "up"), encoding="utf-8")
            if reversible(m):
                (path / "down.sql").write_text(sql_file(m, m.down, src.path, "down"), encoding="utf-8")
        paths[m.id] = path.relative_to(out).as_posix()
        written.append(paths[m.id])
    (migrations / PROVENANCE).write_text(json.dumps(provenance(result, source_format, paths), indent=2) + "\n", encoding="utf-8")
    written.append(f"migrations/{PROVENANCE}")
    return written


def manifest(result: SplitResult) -> str:
    lines = ["# Written by gatedb split; [features] from the rules.", "[features]"]
    if result.features.default:
        lines.append(f"default = {json.dumps(list(result.features.default))}")
    for name in result.features.names:
        lines.append(f"{json.dumps(name)} = {json.dumps(list(result.features.implies[name]))}")
    return "\n".join(lines) + "\n"


def _requires(m: SplitMigration, comment: str) -> list[str]:
    ordered = sorted(m.requires, key=lambda r: (r[0], r[1]))
    return [f"{comment} gatedb: requires {unit}/{version}" for unit, version in ordered]


def sql_file(m: SplitMigration, pieces: list[Piece], source_path: str, direction: str) -> str:
    head = [f"-- split by gatedb from {source_path} ({m.unit}'s part)"]
    if direction == "up":
        head += _requires(m, "--")
    body = [p.text.rstrip().rstrip(";") + ";" for p in pieces] or ["-- nothing to do in this direction for this unit"]
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"


def python_migration(m: SplitMigration, source_path: str) -> str:
    lines = [f"# split by gatedb from {source_path} ({m.unit}'s part)", *_requires(m, "#"), "", "", "def upgrade(op):"]
    lines += [f"    {line}" for p in m.up for line in _python_up(p)] or ["    pass"]
    if reversible(m):
        lines += ["", "", "def downgrade(op):"]
        lines += [f"    {line}" for p in m.down for line in _python_down(p)] or ["    pass"]
    return "\n".join(lines) + "\n"


def reversible(m: SplitMigration) -> bool:
    """A down file when the source had one, or when the share only adds constraints (their
    drops, which split writes, undo it all)."""
    return m.has_down or all(p.role == "key" for p in m.up)


def _python_up(piece: Piece) -> list[str]:
    if piece.role != "key" or piece.key is None:
        return [f"op.execute({piece.text!r})"]
    key = piece.key
    extra = "".join(f", {k}={v!r}" for k, v in actions(key.clause).items())
    return [
        f"with op.batch_alter_table({key.table!r}) as batch:  # {key.why}",
        f"    batch.create_foreign_key({key.name!r}, {key.ref_table!r}, {list(key.columns)!r}, {list(referenced_columns(key.clause)) or ['id']!r}{extra})",
    ]


def _python_down(piece: Piece) -> list[str]:
    if piece.role != "key" or piece.key is None:
        return [f"op.execute({piece.text!r})"]
    return [f"with op.batch_alter_table({piece.key.table!r}) as batch:", f"    batch.drop_constraint({piece.key.name!r}, type_='foreignkey')"]


def provenance(result: SplitResult, source_format: str, paths: dict[str, str]) -> dict:
    order = [s.stem for s in result.sources]
    return {
        "about": "Written by gatedb split: which split migrations each source migration became (gatedb adopt reads this).",
        "format": source_format,
        "dialect": result.dialect,
        "sources": [
            {
                "stem": s.stem,
                "version": result.versions[s.stem],
                "tracked": list(s.tracked),
                "path": s.path,
                "migrations": [m.id for m in result.of_source(s.stem)],
            }
            for s in result.sources
        ],
        "tables": dict(sorted(result.table_units.items())),
        "migrations": {
            m.id: {"path": paths[m.id], "sources": sorted({m.source} | {p.source for p in m.up + m.down}, key=order.index)}
            for m in result.migrations
        },
    }
