"""Execute a Plan's steps on a connection, one transaction per migration where the
database allows it, reporting typed events. No printing here: the CLI renders events."""

from __future__ import annotations

import importlib.util
import io
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import sqlalchemy as sa

from . import history
from .url import first_line
from .dialects import Dialect
from ..errors import DatabaseError, MigrationFileError
from ..core.model import Migration, Step


@dataclass(frozen=True)
class StepStarted:
    step: Step
    index: int  # 1-based
    total: int


@dataclass(frozen=True)
class StepFinished:
    step: Step
    index: int
    total: int
    duration_ms: int


Event = StepStarted | StepFinished
Listener = Callable[[Event], None]


def run_steps(
    conn: sa.Connection,
    dialect: Dialect,
    steps: Sequence[Step],
    root: str,
    on_event: Listener | None = None,
) -> list[Step]:
    """Run each step; stop at the first failure with a DatabaseError naming the file.
    What ran before the failure stays applied."""
    emit = on_event or (lambda _event: None)
    done: list[Step] = []
    for index, step in enumerate(steps, start=1):
        emit(StepStarted(step, index, len(steps)))
        started = time.perf_counter()
        if dialect.transactional_ddl and step.migration.transactional:
            _run_in_transaction(conn, dialect, step, root, started)
        else:
            _run_tracked(conn, dialect, step, root, started)
        done.append(step)
        emit(StepFinished(step, index, len(steps), _ms(started)))
    return done


def _ms(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


def _run_in_transaction(conn: sa.Connection, dialect: Dialect, step: Step, root: str, started: float) -> None:
    try:
        with conn.begin():
            _execute(conn, dialect, step, root)
            _bookkeep(conn, dialect, step, started)
    except MigrationFileError:
        raise
    except Exception as exc:
        raise _failed(step, exc) from None


def _run_tracked(conn: sa.Connection, dialect: Dialect, step: Step, root: str, started: float) -> None:
    """No transactional DDL (MySQL) or a no-transaction migration: mark it running first,
    count statements as they commit, and mark it applied at the end. A crash leaves the
    `running` row behind for the next run to report."""
    migration = step.migration
    checksum = migration.checksum(dialect.name)
    if step.direction == "up" and not step.resume_at:
        with conn.begin():
            history.record(conn, migration, checksum, "running")
    elif step.direction == "up":
        with conn.begin():
            history.set_state(conn, migration.id, "running")
    else:  # not `running`: recovery resumes ups only, a down left half-way needs repair
        with conn.begin():
            history.set_state(conn, migration.id, "reverting")
            history.set_progress(conn, migration.id, 0)

    ran = [step.resume_at]
    sent: list[str] = []  # what a Python migration sent, to say what a failure left behind

    def progress(n: int) -> None:
        ran[0] = n
        if conn.in_transaction():  # inside Alembic's autobegun block; autocommit commits it at once
            history.set_progress(conn, migration.id, n)
            return
        with conn.begin():
            history.set_progress(conn, migration.id, n)

    # Autocommit: each statement commits as it runs, so the count in the row is true.
    conn.execution_options(isolation_level="AUTOCOMMIT")
    try:
        _execute(conn, dialect, step, root, progress, sent)
    except MigrationFileError:
        raise
    except Exception as exc:
        if ran[0] == 0 and step.direction == "up" and migration.kind == "sql":
            _forget_quietly(conn, migration)  # its first statement failed: nothing of it is in the database
            raise _failed(step, exc) from None
        _mark_failed_quietly(conn, migration)  # not `running`: the next run must not call it interrupted
        raise _failed(step, exc, _left_behind(step, dialect, ran[0], sent)) from None
    finally:
        try:
            if conn.in_transaction():  # Alembic's op autobegins; in autocommit mode this only closes it
                conn.commit()
            conn.execution_options(isolation_level=conn.default_isolation_level)
        except Exception:  # the connection died with the migration: keep the error that names it
            pass
    with conn.begin():
        _bookkeep(conn, dialect, step, started)


def _left_behind(step: Step, dialect: Dialect, count: int, sent: Sequence[str]) -> str:
    """The statements a failed tracked migration had committed, as the error names them."""
    if count == 0:
        return "none of its statements had committed"
    if step.migration.kind == "python":
        texts = list(sent)
    else:
        sql = step.migration.up_sql(dialect.name) if step.direction == "up" else step.migration.down_sql(dialect.name)
        texts = dialect.statements(sql or "", step.migration.transactional)[:count]
    shown = "; ".join(_brief(t) for t in texts[:5]) + ("; ..." if len(texts) > 5 else "")
    return f"{count} of its statement(s) had committed and stay in the database: {shown}"


def _brief(statement: str, limit: int = 60) -> str:
    text = " ".join(line for line in statement.split() if line)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _mark_failed_quietly(conn: sa.Connection, migration: Migration) -> None:
    try:
        if conn.in_transaction():
            conn.rollback()
        with conn.begin():
            history.set_state(conn, migration.id, "failed")
    except Exception:  # the connection is gone: the `running` row stays for the next run to report
        pass


def _forget_quietly(conn: sa.Connection, migration: Migration) -> None:
    try:
        if conn.in_transaction():
            conn.rollback()
        with conn.begin():
            history.forget(conn, [migration.id])
    except Exception:  # the connection is gone: the `running` row stays for the next run to report
        pass


def _bookkeep(conn: sa.Connection, dialect: Dialect, step: Step, started: float) -> None:
    migration = step.migration
    if step.direction == "up":
        history.record(conn, migration, migration.checksum(dialect.name), "applied", _ms(started))
    else:
        history.forget(conn, [migration.id])


def _failed(step: Step, exc: BaseException, left: str = "") -> DatabaseError:
    migration = step.migration
    verb = "up" if step.direction == "up" else "down"
    if left:  # MySQL committed part of it: say exactly what, and how to resolve it
        return DatabaseError(
            f"migration {migration.id} failed ({verb}, {migration.path}): {first_line(exc)}; {left}",
            f"undo those by hand and run `gatedb repair {migration.id} --forget`, or finish it by hand and run `gatedb repair {migration.id} --applied`",
        )
    return DatabaseError(
        f"migration {migration.id} failed ({verb}, {migration.path}): {first_line(exc)}",
        "fix the migration and run gatedb migrate again; the migrations before it stay applied",
    )


def _execute(
    conn: sa.Connection,
    dialect: Dialect,
    step: Step,
    root: str,
    progress: Callable[[int], None] | None = None,
    sent: list[str] | None = None,
) -> None:
    migration = step.migration
    if migration.kind == "python":
        with _counting_statements(conn, progress, sent):
            run_python(conn, migration, root, step.direction)
        return
    sql = migration.up_sql(dialect.name) if step.direction == "up" else migration.down_sql(dialect.name)
    if sql is None:
        raise MigrationFileError(
            f"{migration.path}: no {step.direction} SQL for {dialect.name}",
            f"add {'up' if step.direction == 'up' else 'down'}.sql or a {dialect.name} variant",
        )
    dialect.execute_script(conn.connection.dbapi_connection, sql, migration.transactional, progress, step.resume_at)


class _counting_statements:
    """Call progress(n) after each statement a Python migration sends, so that a tracked
    run records how far a crash got, as it does for SQL files."""

    def __init__(self, conn: sa.Connection, progress: Callable[[int], None] | None, sent: list[str] | None = None) -> None:
        self.conn, self.progress, self.count, self.busy = conn, progress, 0, False
        self.sent = sent if sent is not None else []

    def after(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.busy or self.progress is None:
            return
        self.busy = True  # progress() itself sends an UPDATE: do not count it
        try:
            self.count += 1
            self.sent.append(statement)
            self.progress(self.count)
        finally:
            self.busy = False

    def __enter__(self) -> "_counting_statements":
        if self.progress is not None:
            sa.event.listen(self.conn, "after_cursor_execute", self.after)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.progress is not None:
            sa.event.remove(self.conn, "after_cursor_execute", self.after)


def load_python(migration: Migration, root: str) -> Any:
    """Import a Python migration's module from its file, without keeping it in sys.modules."""
    path = Path(root) / migration.path
    name = f"gatedb_migration_{migration.id.unit}_{migration.id.version}".replace(".", "_").replace("+", "_").replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise MigrationFileError(f"{migration.path}: cannot be imported", "check the file name")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        line = getattr(exc, "lineno", None)
        where = f"{migration.path}" + (f":{line}" if line else "")
        raise MigrationFileError(f"{where}: cannot be imported: {exc.__class__.__name__}: {exc}", "fix the Python file") from None
    finally:
        sys.modules.pop(name, None)
    return module


def run_python(conn: sa.Connection, migration: Migration, root: str, direction: str) -> None:
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    module = load_python(migration, root)
    function = getattr(module, "upgrade" if direction == "up" else "downgrade", None)
    if function is None:
        raise MigrationFileError(
            f"{migration.path}: no {'upgrade' if direction == 'up' else 'downgrade'}(op) function",
            "define it at module level",
        )
    try:
        function(Operations(MigrationContext.configure(connection=conn)))
    except SystemExit as exc:  # not a reason to end gatedb: the migration failed
        raise RuntimeError(f"the migration called sys.exit({exc.code})") from None


def python_sql(migration: Migration, root: str, dialect: str, direction: str = "up") -> str:
    """The SQL a Python migration would emit, rendered offline by Alembic (for --dry-run)."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    module = load_python(migration, root)
    buffer = io.StringIO()
    context = MigrationContext.configure(dialect_name=dialect, opts={"as_sql": True, "output_buffer": buffer})
    function = getattr(module, "upgrade" if direction == "up" else "downgrade")
    try:
        function(Operations(context))
    except Exception as exc:
        return f"-- cannot render {migration.path} offline: {exc.__class__.__name__}: {exc}\n"
    return buffer.getvalue()
