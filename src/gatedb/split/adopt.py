"""gatedb adopt: a database migrated by the old flat history, taken over by the split units.

Reads what the old tool applied (its tracking table, or a file of names), maps each applied
source migration to the split migrations made from it (migrations/.gatedb-split.json),
decides the feature set the database holds (the features whose tables are there), checks
that the live schema is what those migrations predict, and only then writes gatedb's
bookkeeping rows. It never changes a user table."""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..core.features import Selection
from ..core.model import CORE, Project
from ..errors import MigrationFileError, Refused
from .writer import PROVENANCE

TRACKING = {
    "diesel": ("__diesel_schema_migrations", "SELECT version FROM __diesel_schema_migrations"),
    "alembic": ("alembic_version", "SELECT version_num FROM alembic_version"),
    # the version alone: Flyway allows one description on many versions
    "flyway": ("flyway_schema_history", "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"),
}


@dataclass(frozen=True)
class AdoptOutcome:
    features: tuple[str, ...]
    applied_sources: tuple[str, ...]
    recorded: tuple[str, ...]  # migration ids written (or, dry run, to write)
    already: tuple[str, ...]
    dry_run: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "applied_sources": list(self.applied_sources),
            "recorded": list(self.recorded),
            "already_recorded": list(self.already),
            "dry_run": self.dry_run,
        }


def read_provenance(project: Project) -> dict[str, Any]:
    path = Path(project.migrations_dir) / PROVENANCE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise MigrationFileError(f"{path}: not found; adopt needs the provenance gatedb split writes", "run gatedb split again, into this project") from None
    except json.JSONDecodeError as exc:
        raise MigrationFileError(f"{path}:{exc.lineno}: not valid JSON", "restore the file gatedb split wrote") from None


def applied_names(conn, source_format: str, names_file: str | None) -> set[str]:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    if source_format == "names":
        if not names_file:
            raise Refused("adopt --from names needs --file FILE", "pass a file of applied migration names, one a line")
        try:
            lines = Path(names_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise Refused(f"{names_file}: cannot be read ({exc.__class__.__name__})", "pass a file of applied migration names, one a line") from None
        return {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    table, query = TRACKING[source_format]
    if not sa.inspect(conn).has_table(table):
        raise Refused(f"the database has no {table} table", f"is it migrated by {source_format}? choose --from diesel|alembic|flyway|names")
    rows = conn.execute(sa.text(query)).all()
    conn.commit()
    return {str(v) for row in rows for v in row if v is not None}


def applied_sources(provenance: dict[str, Any], source_format: str, names: set[str]) -> list[str]:
    sources = provenance["sources"]
    if source_format == "alembic":  # alembic_version holds the head: everything up to it ran
        heads = [i for i, s in enumerate(sources) if set(s["tracked"]) & names]
        return [s["stem"] for s in sources[: max(heads) + 1]] if heads else []
    if source_format == "flyway":  # tracked is (version, description): match the version only
        return [s["stem"] for s in sources if s["tracked"][:1] and s["tracked"][0] in names]
    return [s["stem"] for s in sources if set(s["tracked"]) & names]


def adopt(project_dir: str, source_format: str, *, database: str | None = None, names_file: str | None = None, dry_run: bool = False, lock_timeout: float = 60.0) -> AdoptOutcome:
    """Record the split migrations a database migrated the old way already holds."""
    from .. import api
    from ..analysis import checker
    from ..analysis import facts as analysis
    from ..analysis.matrix import differences, live_schema
    from ..db import history
    from ..db.url import dialect_name

    project = api.open_project(project_dir)
    provenance = read_provenance(project)
    url = api.database_url(project, database)
    dialect = dialect_name(url)
    with _connection(url, dry_run, lock_timeout) as conn:
        names = applied_names(conn, source_format, names_file)
        done = applied_sources(provenance, source_format, names)
        if not done:
            raise Refused(f"none of the {len(names)} applied names matches a migration of the split history", "check --from, and that the project was split from this database's history")
        live = live_schema(url)
        tracking = {TRACKING[source_format][0]} if source_format in TRACKING else set()
        live = checker.PredictedSchema({t: c for t, c in live.tables.items() if t not in tracking}, live.foreign_keys)
        features = held_features(project, provenance, done, set(live.tables))
        enabled = project.features.resolve(Selection(tuple(features), no_default_features=True)).enabled
        active = {u.name for u in project.active_units(enabled)}
        ran = set(done)
        chosen = [m for m in project.migrations if m.id.unit in active and set(provenance["migrations"].get(str(m.id), {}).get("sources", ["?"])) <= ran]
        predicted = checker.predict(chosen, analysis.facts_for(project, dialect))
        diffs = list(differences(predicted, live))
        if diffs:
            shown = "; ".join(diffs[:5]) + (f"; and {len(diffs) - 5} more" if len(diffs) > 5 else "")
            raise Refused(f"the database differs from what the split migrations predict: {shown}", "bring the database to the old history's schema (or fix the rules and split again); adopt changed nothing")
        recorded = {str(r.id) for r in history.read(conn)}
        todo = [m for m in chosen if str(m.id) not in recorded]
        if not dry_run:
            history.ensure(conn)  # the lock no longer makes the tables: the first change does
            with conn.begin():
                for migration in todo:
                    history.record(conn, migration, migration.checksum(dialect), "applied")
                history.save_features(conn, sorted(enabled))
    return AdoptOutcome(tuple(sorted(enabled, key=_order(project))), tuple(done), tuple(str(m.id) for m in todo), tuple(sorted(recorded)), dry_run)


@contextmanager
def _connection(url: str, dry_run: bool, lock_timeout: float) -> Iterator[Any]:
    """A dry run reads only (no lock, no bookkeeping tables made); a real one holds the run lock."""
    from .. import api
    from ..db.url import connect, create_engine

    if not dry_run:
        with api.locked(url, lock_timeout) as (conn, _):
            yield conn
        return
    engine = create_engine(url)
    try:
        conn = connect(engine)
        try:
            yield conn
        finally:
            conn.close()
    finally:
        engine.dispose()


def held_features(project: Project, provenance: dict[str, Any], done: list[str], present: set[str]) -> list[str]:
    """Features whose tables (those the applied sources create) are all in the database;
    refuses a feature with only some of them."""
    created: dict[str, list[str]] = {}
    tables = provenance["tables"]
    creators = _creators(project, provenance)
    for table, unit in tables.items():
        if unit != CORE and creators.get(table) in done:
            created.setdefault(unit, []).append(table)
    out = []
    for unit, names in created.items():
        have = [t for t in names if t in present]
        if have and len(have) < len(names):
            missing = sorted(set(names) - set(have))
            raise Refused(f"feature {unit}: the database has {len(have)} of its {len(names)} tables (missing: {', '.join(missing[:5])})", "restore the missing tables, or drop the others, then adopt again")
        if have:
            out.append(unit)
    return out


def _creators(project: Project, provenance: dict[str, Any]) -> dict[str, str]:
    """table -> the source stem whose split migration creates it."""
    from ..analysis import facts as analysis

    out: dict[str, str] = {}
    dialect = provenance.get("dialect", "postgresql")
    for migration in project.migrations:
        sources = provenance["migrations"].get(str(migration.id), {}).get("sources", [])
        for table in analysis.created_tables(migration, project.root, dialect):
            if sources:
                out.setdefault(table, sources[-1])
    return out


def _order(project: Project):  # type: ignore[no-untyped-def]
    names = project.features.names
    return lambda f: names.index(f) if f in names else len(names)
