"""The static prediction equals the live schema: random small projects, applied to
SQLite for random feature sets, reflected, compared with checker.predict."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gatedb
from gatedb.analysis import checker, facts as analysis
from gatedb.core.features import Selection
from gatedb.files.loader import load_project
from gatedb.analysis.matrix import differences, live_schema

from helpers import write_project

UNITS = ["core", "a", "b", "a+b"]
CLOSURE = {"core": ["core"], "a": ["core", "a"], "b": ["core", "b"], "a+b": ["core", "a", "b", "a+b"]}


@st.composite
def projects(draw: st.DrawFn) -> dict[str, str]:
    """Migrations that create tables (FKs only towards earlier tables of the closure) and
    add columns to tables of their closure; every project is valid by construction."""
    files: dict[str, str] = {}
    tables: list[tuple[str, str, int]] = []  # (table, unit, version)
    counter = 0
    for version in range(1, draw(st.integers(1, 4)) + 1):
        for unit in UNITS:
            if not draw(st.booleans()) and unit != "core":
                continue
            statements = []
            for _ in range(draw(st.integers(1, 2))):
                counter += 1
                name = f"t{counter}"
                visible = [t for t, u, v in tables if u in CLOSURE[unit] and (v < version or u == unit)]
                columns = ["id INTEGER PRIMARY KEY"] + [f"c{i} TEXT" for i in range(draw(st.integers(0, 3)))]
                if visible and draw(st.booleans()):
                    target = draw(st.sampled_from(visible))
                    columns.append(f"{target}_id INTEGER REFERENCES {target} (id)")
                statements.append(f"CREATE TABLE {name} (\n  " + ",\n  ".join(columns) + "\n);")
                tables.append((name, unit, version))
            older = [t for t, u, v in tables if u in CLOSURE[unit] and v < version]
            if older and draw(st.booleans()):
                counter += 1
                statements.append(f"ALTER TABLE {draw(st.sampled_from(older))} ADD COLUMN extra{counter} INTEGER;")
            files[f"{unit}/{version:04d}_m/up.sql"] = "\n".join(statements) + "\n"
    return files


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(), st.sets(st.sampled_from(["a", "b"])))
def test_prediction_matches_the_live_schema(files: dict[str, str], chosen: set[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp) / "p", "[features]\na = []\nb = []\n", files)
        project = load_project(root)
        assert checker.check(project, analysis.facts_for(project, "sqlite")) == [], "valid by construction"
        url = f"sqlite:///{Path(tmp) / 'db.sqlite'}"
        gatedb.migrate(project, database=url, features=sorted(chosen), no_default_features=True)
        enabled = project.features.resolve(Selection(tuple(chosen), True)).enabled
        active = {u.name for u in project.active_units(enabled)}
        order = [m for m in project.migrations if m.id.unit in active]
        predicted = checker.predict(order, analysis.facts_for(project, "sqlite"))
        assert list(differences(predicted, live_schema(url))) == []
