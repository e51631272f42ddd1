"""`gatedb check --matrix`: the empirical confirmation of the static proof.

Applies a covering selection of feature sets to scratch databases on a real server,
each from empty, plus every feature enabled later onto the default set, and compares
the live schema (tables, columns, foreign keys) with what the analysis predicts.
Every difference and every failed run is a diagnostic. I/O edge.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Callable, Iterator

from . import facts as analysis

from .. import api

from . import checker
from ..schema import drift as schema_drift
from ..db.url import create_engine, dialect_name, first_line, normalise_url
from ..errors import GatedbError
from ..core.features import FeatureTable, Selection
from ..core.model import Project


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
    """One empty database on the given server, emptied again before each run."""

    def __init__(self, url: str) -> None:
        import sqlalchemy as sa

        self.server = sa.make_url(url)
        self.dialect = dialect_name(url)
        self.name = f"gatedb_matrix_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.tmp = tempfile.TemporaryDirectory(prefix="gatedb-matrix-") if self.dialect == "sqlite" else None
        self.runs = 0
        if self.dialect != "sqlite":
            self._admin(f"CREATE DATABASE {self.name}")

    def _admin(self, sql: str) -> None:
        import sqlalchemy as sa

        engine = create_engine(self.server.render_as_string(hide_password=False))
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text(sql))
        except Exception as exc:
            raise GatedbError(f"check --matrix cannot make a scratch database: {first_line(exc)}", "the database user needs the right to CREATE DATABASE") from None
        finally:
            engine.dispose()

    def fresh(self) -> str:
        """The URL of an empty database."""
        self.runs += 1
        if self.tmp is not None:
            return f"sqlite:///{Path(self.tmp.name) / f'run{self.runs}.db'}"
        if self.runs > 1:
            force = " WITH (FORCE)" if self.dialect == "postgresql" else ""
            self._admin(f"DROP DATABASE IF EXISTS {self.name}{force}")
            self._admin(f"CREATE DATABASE {self.name}")
        return self.server.set(database=self.name).render_as_string(hide_password=False)

    def close(self) -> None:
        if self.tmp is not None:
            self.tmp.cleanup()
        else:
            force = " WITH (FORCE)" if self.dialect == "postgresql" else ""
            self._admin(f"DROP DATABASE IF EXISTS {self.name}{force}")


def live_schema(url: str) -> checker.PredictedSchema:
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


def run_matrix(project: Project, url: str, on_event: Callable[[str], None] | None = None) -> MatrixOutcome:
    """Apply every feature set of `feature_sets` and compare with the prediction."""
    url = normalise_url(url, project.root)
    dialect = dialect_name(url)
    facts = analysis.facts_for(project, dialect)
    outcome = MatrixOutcome()
    manifest = f"{Path(project.manifest_path).name}"
    scratch = Scratch(url)
    try:
        for fs in feature_sets(project):
            target = fs.later or fs.selection
            enabled = project.features.resolve(target).enabled
            started = time.perf_counter()
            database = scratch.fresh()
            try:
                api.migrate(project, database=database, **_kwargs(fs.selection))
                if fs.later is not None:
                    api.migrate(project, database=database, **_kwargs(fs.later))
            except GatedbError as exc:
                found = checker.diagnostic("GD012", manifest, 0, f"feature set {fs.label} fails on {dialect}: {exc.message}", exc.hint or "")
                if found:
                    outcome.diagnostics.append(found)
                outcome.runs.append({"features": fs.label, "ok": False, "seconds": round(time.perf_counter() - started, 3)})
                continue
            order = [m for m in project.migrations if m.id.unit in {u.name for u in project.active_units(enabled)}]
            diffs = list(differences(checker.predict(order, facts), live_schema(database)))
            for diff in diffs:
                found = checker.diagnostic("GD011", manifest, 0, f"feature set {fs.label} on {dialect}: {diff}", "the analysis misread a migration, or a migration does what its SQL does not say: look at the table's migrations")
                if found:
                    outcome.diagnostics.append(found)
            if schema_drift.has_schema_package(project):  # the schema package's column types, against the live ones
                typed = schema_drift.matrix_type_drift(project, enabled, database, fs.label, api.check_severities(project))
                outcome.diagnostics += typed
                diffs += typed
            outcome.runs.append({"features": fs.label, "ok": not diffs, "seconds": round(time.perf_counter() - started, 3)})
            if on_event:
                on_event(fs.label)
    finally:
        scratch.close()
    return outcome


def _kwargs(selection: Selection) -> dict[str, object]:
    return {"features": list(selection.features), "no_default_features": selection.no_default_features, "all_features": selection.all_features}
