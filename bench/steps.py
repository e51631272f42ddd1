"""The SQL of each migration of a fresh `migrate --all-features`, as gatedb runs it on a
dialect, written to NNNN_<unit>_<version>.sql files for the baselines (psql, the
hand-written runner, Alembic, yoyo) to run the same statements.

SQL migrations: the dialect's file. Python migrations: Alembic's offline rendering, and on
SQLite (where batch operations reflect the live table) the statements a real gatedb run
sent, captured from SQLAlchemy's cursor events on a scratch database.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import gatedb.api as api
from gatedb.core import planner
from gatedb.db import runner


def export(project: str, dialect: str, folder: Path) -> list[Path]:
    proj = api.open_project(project)
    the_plan = planner.plan(proj, api.resolve(proj, all_features=True), [], dialect)
    live = _sqlite_python_sql(proj) if dialect == "sqlite" else {}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, step in enumerate(the_plan.steps, start=1):
        migration = step.migration
        if migration.kind == "python":
            sql = live.get(str(migration.id)) or runner.python_sql(migration, proj.root, dialect)
        else:
            sql = migration.up_sql(dialect) or ""
        name = re.sub(r"[^\w.-]", "_", f"{index:04d}_{migration.id.unit}_{migration.id.version}") + ".sql"
        path = folder / name
        path.write_text(sql, encoding="utf-8")
        written.append(path)
    return written


def _sqlite_python_sql(proj) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """migration id -> the statements a live SQLite run sends for each Python migration."""
    import sqlalchemy as sa

    from gatedb.db.runner import StepFinished, StepStarted

    captured: dict[str, list[str]] = {}
    current: list[str | None] = [None]

    def on_event(event) -> None:  # type: ignore[no-untyped-def]
        if isinstance(event, StepStarted) and event.step.migration.kind == "python":
            current[0] = str(event.step.migration.id)
            captured[current[0]] = []
        elif isinstance(event, StepFinished):
            current[0] = None

    def before(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if current[0] is not None and not statement.lstrip().upper().startswith(("PRAGMA", "SELECT", "BEGIN", "COMMIT", "ROLLBACK", "INSERT INTO GATEDB", "UPDATE GATEDB")):
            captured[current[0]].append(statement.strip().rstrip(";") + ";")

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", before)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            api.migrate(proj, database=f"sqlite:///{scratch}/capture.db", all_features=True, on_event=on_event)
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", before)
    return {mid: "\n".join(statements) + "\n" for mid, statements in captured.items()}
