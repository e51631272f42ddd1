"""`gatedb check --matrix`: the empirical confirmation of the static proof.

Applies a covering selection of feature sets to scratch databases on a real server,
each from empty, plus every feature enabled later onto the default set, and compares
the live schema (tables, columns, foreign keys) with what the analysis predicts.
Every difference and every failed run is a diagnostic. I/O edge.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations, takewhile
from pathlib import Path
from typing import Callable, Iterator

from . import facts as analysis

from .. import api

from . import checker
from ..schema import drift as schema_drift
from ..db import driver
from ..db.url import create_engine, dialect_name, first_line, normalise_url, parse_url, with_database
from ..errors import GatedbError
from ..core.features import FeatureTable, Selection
from ..core.model import Project


DEFAULT_JOBS = 4


@dataclass(frozen=True)
class FeatureSet:
    label: str
    selection: Selection
    later: Selection | None = None  # migrate `selection` first, then this one


@dataclass
class MatrixOutcome:
    diagnostics: list[checker.Diagnostic] = field(default_factory=list)
    runs: list[dict[str, object]] = field(default_factory=list)


def schema_features(project: Project) -> list[str]:
    """Features that change which units are on: those named by some unit."""
    named = {f for u in project.units for f in u.features}
    return [f for f in project.features.names if f in named]


def pairwise_sets(features: FeatureTable, factors: list[str], seed: int = 0) -> list[frozenset[str]]:
    """A small list of feature sets in which every pair of factors takes each of its four
    on/off combinations at least once, except the combinations implications forbid."""
    rnd = random.Random(seed)
    closure = {f: features.closure([f]) for f in factors}

    def possible(a: str, va: bool, b: str, vb: bool) -> bool:
        return not ((va and not vb and b in closure[a]) or (vb and not va and a in closure[b]))

    uncovered = {
        (a, va, b, vb)
        for a, b in combinations(factors, 2)
        for va in (True, False)
        for vb in (True, False)
        if possible(a, va, b, vb)
    }
    rows: list[frozenset[str]] = []
    while uncovered:
        best, best_gain = frozenset(), -1
        for _ in range(40):
            chosen = [f for f in factors if rnd.random() < 0.5]
            row = features.closure(chosen) & set(factors)
            gain = sum(1 for a, va, b, vb in uncovered if (a in row) == va and (b in row) == vb)
            if gain > best_gain:
                best, best_gain = frozenset(row), gain
        if best_gain <= 0:
            break
        rows.append(best)
        uncovered = {(a, va, b, vb) for a, va, b, vb in uncovered if not ((a in best) == va and (b in best) == vb)}
    return rows


def feature_sets(project: Project) -> list[FeatureSet]:
    """no-default, default, each feature alone, all features, a pairwise covering set,
    and each feature enabled later onto the default set; one run per distinct unit set."""
    table = project.features
    factors = schema_features(project)
    default = Selection()
    candidates = [FeatureSet("--no-default-features", Selection(no_default_features=True)), FeatureSet("default", default)]
    candidates += [FeatureSet(f"--no-default-features --features {f}", Selection((f,), True)) for f in table.names]
    candidates.append(FeatureSet("--all-features", Selection(all_features=True)))
    for i, row in enumerate(pairwise_sets(table, factors)):
        candidates.append(FeatureSet(f"pairwise #{i + 1}: {','.join(sorted(row)) or '(none)'}", Selection(tuple(sorted(row)), True)))
    default_on = table.resolve(default).enabled
    candidates += [FeatureSet(f"default, then --features {f}", default, Selection((f,))) for f in table.names if f not in default_on]
    seen: set[tuple[frozenset[str], frozenset[str] | None]] = set()
    out = []
    for candidate in candidates:
        key = (_units(project, candidate.selection), _units(project, candidate.later) if candidate.later else None)
        if key[1] == key[0]:
            continue  # enabling it later adds no unit
        if key not in seen:
            seen.add(key)
            out.append(candidate)
    return out


def _units(project: Project, selection: Selection) -> frozenset[str]:
    enabled = project.features.resolve(selection).enabled
    return frozenset(u.name for u in project.active_units(enabled))


class Scratch:
    """Scratch databases on the given server, each empty or a copy of a template database
    (PostgreSQL's CREATE DATABASE ... TEMPLATE, a file copy on SQLite; MySQL has no
    templates). Each is dropped when its run is done; whatever is left, at close()."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = dialect_name(url)
        self.clones = self.dialect in ("postgresql", "sqlite")
        self.tmp = tempfile.TemporaryDirectory(prefix="gatedb-matrix-") if self.dialect == "sqlite" else None
        self.made: set[str] = set()
        self.guard = threading.Lock()

    def _admin(self, sql: str) -> None:
        try:
            conn = driver.connect(self.url) if driver.opens_bare(self.url) else None
        except GatedbError as exc:
            raise GatedbError(f"cannot reach the server for scratch databases: {exc.message}", exc.hint) from None
        if conn is None:  # another driver than gatedb's own: through SQLAlchemy
            import sqlalchemy as sa

            engine = create_engine(self.url)
            try:
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as sa_conn:
                    sa_conn.execute(sa.text(sql))
            except Exception as exc:
                raise GatedbError(f"cannot make a scratch database: {first_line(exc)}", "the database user needs the right to CREATE DATABASE") from None
            finally:
                engine.dispose()
            return
        try:
            conn.cursor().execute(sql)
        except Exception as exc:
            raise GatedbError(f"cannot make a scratch database: {first_line(exc)}", "the database user needs the right to CREATE DATABASE") from None
        finally:
            conn.close()

    def new(self, template: str | None = None) -> str:
        """The URL of a new database: empty, or a copy of `template` (a URL new() gave)."""
        name = f"gatedb_matrix_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        with self.guard:
            self.made.add(name)
        if self.tmp is not None:
            path = Path(self.tmp.name) / f"{name}.db"
            if template is not None:
                shutil.copyfile(str(parse_url(template).database), path)
            return f"sqlite:///{path}"
        source = f" TEMPLATE {parse_url(template).database}" if template is not None and self.clones else ""
        self._admin(f"CREATE DATABASE {name}{source}")
        return with_database(self.url, name)

    def drop(self, url: str) -> None:
        name = str(parse_url(url).database)
        if self.tmp is not None:
            Path(name).unlink(missing_ok=True)
            return
        with self.guard:
            self.made.discard(name)
        force = " WITH (FORCE)" if self.dialect == "postgresql" else ""
        self._admin(f"DROP DATABASE IF EXISTS {name}{force}")

    def close(self) -> None:
        if self.tmp is not None:
            self.tmp.cleanup()
            return
        for name in sorted(self.made):
            force = " WITH (FORCE)" if self.dialect == "postgresql" else ""
            self._admin(f"DROP DATABASE IF EXISTS {name}{force}")
        self.made.clear()


# One query for every column and one for every foreign key of the database's tables (not
# one per table, as SQLAlchemy's inspector asks): the live schema of 300 tables in two
# round trips.
_CATALOG = {
    "postgresql": (
        "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() "
        "AND a.attnum > 0 AND NOT a.attisdropped",
        "SELECT t.relname, r.relname FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
        "JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
        "WHERE k.contype = 'f' AND n.nspname = current_schema()",
    ),
    "mysql": (
        "SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
        "ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
        "WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'",
        "SELECT TABLE_NAME, REFERENCED_TABLE_NAME FROM information_schema.KEY_COLUMN_USAGE "
        "WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL",
    ),
    "sqlite": (
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
        "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        "SELECT m.name, f.\"table\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    ),
}


def live_schema(url: str) -> checker.PredictedSchema:
    """Tables, their columns and the foreign keys between tables, as the database has them
    (gatedb's own and Alembic's scratch tables left out, names in lower case)."""
    if not driver.opens_bare(url):
        return _inspected_schema(url)
    columns_sql, keys_sql = _CATALOG[dialect_name(url)]
    conn = driver.connect(url)
    try:
        cursor = conn.cursor()
        cursor.execute(columns_sql)
        columns = cursor.fetchall()
        cursor.execute(keys_sql)
        keys = cursor.fetchall()
        cursor.close()
    finally:
        conn.close()
    tables: dict[str, set[str]] = {}
    for table, column in columns:
        tables.setdefault(str(table).lower(), set()).add(str(column).lower())
    fks = {(str(a).lower(), str(b).lower()) for a, b in keys}
    kept = {t: frozenset(c) for t, c in tables.items() if not t.startswith(("gatedb_", "_alembic"))}
    return checker.PredictedSchema(kept, frozenset((a, b) for a, b in fks if a in kept and a != b))


def _inspected_schema(url: str) -> checker.PredictedSchema:
    import sqlalchemy as sa

    engine = create_engine(url)
    try:
        inspector = sa.inspect(engine)
        tables, fks = {}, set()
        for table in inspector.get_table_names():
            if table.startswith(("gatedb_", "_alembic")):
                continue
            tables[table.lower()] = frozenset(c["name"].lower() for c in inspector.get_columns(table))
            for fk in inspector.get_foreign_keys(table):
                if fk["referred_table"].lower() != table.lower():
                    fks.add((table.lower(), fk["referred_table"].lower()))
        return checker.PredictedSchema(tables, frozenset(fks))
    finally:
        engine.dispose()


def differences(predicted: checker.PredictedSchema, live: checker.PredictedSchema) -> Iterator[str]:
    for table in sorted(set(live.tables) - set(predicted.tables)):
        yield f"table {table} is in the database but not predicted"
    for table in sorted(set(predicted.tables) - set(live.tables)):
        yield f"table {table} is predicted but not in the database"
    for table in sorted(set(predicted.tables) & set(live.tables)):
        if predicted.tables[table] and predicted.tables[table] != live.tables[table]:
            extra = sorted(live.tables[table] - predicted.tables[table])
            missing = sorted(predicted.tables[table] - live.tables[table])
            yield f"table {table}: columns differ (in the database only: {extra or '-'}; predicted only: {missing or '-'})"
    for a, b in sorted(live.foreign_keys - predicted.foreign_keys):
        yield f"foreign key {a} -> {b} is in the database but not predicted"
    for a, b in sorted(predicted.foreign_keys - live.foreign_keys):
        yield f"foreign key {a} -> {b} is predicted but not in the database"


def run_matrix(project: Project, url: str, on_event: Callable[[str], None] | None = None, jobs: int | None = None) -> MatrixOutcome:
    """Apply every feature set of `feature_sets` and compare with the prediction. The
    migrations every set runs first are applied once, to a template each set's database
    is copied from; the sets run `jobs` at a time (default 4: creating, filling and
    dropping a database waits on the server's disk more than on its cores), each in its
    own database. Results come in the order of `feature_sets`."""
    url = normalise_url(url, project.root)
    dialect = dialect_name(url)
    facts = analysis.facts_for(project, dialect)
    sets = feature_sets(project)
    manifest = f"{Path(project.manifest_path).name}"
    scratch = Scratch(url)

    def one(fs: FeatureSet) -> tuple[dict[str, object], list[checker.Diagnostic]]:
        started = time.perf_counter()
        database = scratch.new(template)
        try:
            return _confirm(project, fs, database, facts, dialect, manifest, started)
        finally:
            scratch.drop(database)

    outcome = MatrixOutcome()
    try:
        template = _template(project, scratch, sets)
        done = [one(sets[0])] if sets else []  # alone first: it loads what every run needs (no imports racing in threads)
        if on_event and sets:
            on_event(sets[0].label)
        with ThreadPoolExecutor(max_workers=max(1, jobs or DEFAULT_JOBS)) as pool:
            for fs, result in zip(sets[1:], pool.map(one, sets[1:])):
                done.append(result)
                if on_event:
                    on_event(fs.label)
    finally:
        scratch.close()
    for run, diagnostics in done:
        outcome.runs.append(run)
        outcome.diagnostics += diagnostics
    return outcome


def _template(project: Project, scratch: Scratch, sets: list[FeatureSet]) -> str | None:
    """A database holding the leading migrations that every feature set runs first (on
    the botserver example: core's first, 79 tables), or None where nothing is shared or
    the server cannot copy a database."""
    if not sets or not scratch.clones:
        return None
    common = frozenset.intersection(*(_units(project, fs.selection) for fs in sets))
    prefix = list(takewhile(lambda m: m.id.unit in common, project.migrations))
    if not prefix:
        return None
    from ..core.model import Step
    from ..db import runner

    template = scratch.new()
    steps = [Step(m, "shared by every feature set of the matrix") for m in prefix]
    try:
        with api.locked(template, 60.0) as (conn, dialect):
            api.preflight(project, steps, dialect.name)
            runner.run_steps(conn, dialect, steps, project.root)
    except GatedbError:
        return None  # the sets then run from empty, and the failing one is reported as such
    return template


def _confirm(project: Project, fs: FeatureSet, database: str, facts: object, dialect: str, manifest: str,
             started: float) -> tuple[dict[str, object], list[checker.Diagnostic]]:
    """Migrate one feature set (then its later one) and compare the live schema with the prediction."""
    enabled = project.features.resolve(fs.later or fs.selection).enabled
    try:
        api.migrate(project, database=database, **_kwargs(fs.selection))
        if fs.later is not None:
            api.migrate(project, database=database, **_kwargs(fs.later))
    except GatedbError as exc:
        found = checker.diagnostic("GD012", manifest, 0, f"feature set {fs.label} fails on {dialect}: {exc.message}", exc.hint or "")
        return {"features": fs.label, "ok": False, "seconds": round(time.perf_counter() - started, 3)}, [found] if found else []
    active = {u.name for u in project.active_units(enabled)}
    order = [m for m in project.migrations if m.id.unit in active]
    diffs = list(differences(checker.predict(order, facts), live_schema(database)))  # type: ignore[arg-type]
    found_all = []
    for diff in diffs:
        found = checker.diagnostic("GD011", manifest, 0, f"feature set {fs.label} on {dialect}: {diff}", "the analysis misread a migration, or a migration does what its SQL does not say: look at the table's migrations")
        if found:
            found_all.append(found)
    if schema_drift.has_schema_package(project):  # the schema package's column types, against the live ones
        typed = schema_drift.matrix_type_drift(project, enabled, database, fs.label, api.check_severities(project))
        found_all += typed
        diffs += [d.message for d in typed]
    return {"features": fs.label, "ok": not diffs, "seconds": round(time.perf_counter() - started, 3)}, found_all


def _kwargs(selection: Selection) -> dict[str, object]:
    return {"features": list(selection.features), "no_default_features": selection.no_default_features, "all_features": selection.all_features}
