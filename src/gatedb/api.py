"""The public functions. The CLI is a thin layer over these, so an application can
migrate at start-up: `gatedb.migrate("path/to/project", features=["tasks"])`."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .core import planner
from .db.url import connect, create_engine, dialect_name, first_line, mask, normalise_url
from .db.dialects import Dialect, for_url, who
from .errors import ChecksumMismatch, DatabaseError, GatedbError, MigrationFileError, OutOfOrder, Refused, UnfinishedMigration
from .core.features import Resolution, Selection
from .files.loader import load_project
from .core.model import AppliedRecord, MigrationId, Plan, Project, Step

if TYPE_CHECKING:  # the history and runner modules load SQLAlchemy: imported where a run needs them
    from .db.runner import Listener

DEFAULT_DATABASE = "gatedb.sqlite3"
READ_TIMEOUT = 2.0  # seconds a reader waits for SQLite's write lock: a commit, not a whole run
ProjectLike = str | os.PathLike[str] | Project


@dataclass(frozen=True)
class MigrateResult:
    plan: Plan
    applied: tuple[Step, ...] = ()
    sql: str = ""  # with dry_run: what would run
    notes: tuple[str, ...] = ()  # e.g. how an interrupted migration was resumed


@dataclass(frozen=True)
class UnitStatus:
    unit: str
    state: str  # "on", "off" or "dormant" (off, with applied migrations)
    applied: tuple[str, ...]
    pending: tuple[str, ...]


@dataclass(frozen=True)
class Status:
    database: str  # masked
    features: tuple[str, ...]
    last_features: tuple[str, ...] | None
    units: tuple[UnitStatus, ...]
    missing: tuple[AppliedRecord, ...]
    unfinished: tuple[AppliedRecord, ...]
    changed: tuple[MigrationId, ...]
    unowned_tables: dict[str, str] = field(default_factory=dict)  # table -> owner note
    out_of_order: tuple[tuple[MigrationId, MigrationId], ...] = ()  # (pending, newer applied one)
    reordered: tuple[tuple[MigrationId, MigrationId], ...] = ()
    in_progress: str | None = None  # who runs a migration now: its `running` rows are live


def open_project(project: ProjectLike = ".") -> Project:
    return project if isinstance(project, Project) else load_project(project)


def resolve(
    project: ProjectLike = ".",
    features: Iterable[str] | str | None = None,
    no_default_features: bool = False,
    all_features: bool = False,
) -> Resolution:
    """The enabled features and why each is on."""
    proj = open_project(project)
    selection = Selection.parse(features, no_default_features=no_default_features, all_features=all_features)
    return proj.features.resolve(selection)


def database_url(project: Project, database: str | None = None) -> str:
    """--database / GATEDB_DATABASE_URL (given by the caller), else the manifest, else a SQLite file."""
    url = database or project.database_url or f"sqlite:///{DEFAULT_DATABASE}"
    return normalise_url(url, project.root)


def plan(
    project: ProjectLike = ".",
    *,
    database: str | None = None,
    features: Iterable[str] | str | None = None,
    no_default_features: bool = False,
    all_features: bool = False,
) -> Plan:
    """What `migrate` would do now. Reads the database, never writes it."""
    proj = open_project(project)
    resolution = resolve(proj, features, no_default_features, all_features)
    url = database_url(proj, database)
    return planner.plan(proj, resolution, read_applied(url), dialect_name(url))


def migrate(
    project: ProjectLike = ".",
    *,
    database: str | None = None,
    features: Iterable[str] | str | None = None,
    no_default_features: bool = False,
    all_features: bool = False,
    dry_run: bool = False,
    lock_timeout: float = 60.0,
    allow_changed: bool = False,
    allow_out_of_order: bool = False,
    on_event: Listener | None = None,
) -> MigrateResult:
    """Bring the database to the chosen feature set. Holds one exclusive lock for the run."""
    proj = open_project(project)
    resolution = resolve(proj, features, no_default_features, all_features)
    url = database_url(proj, database)
    if dry_run:
        the_plan = planner.plan(proj, resolution, read_applied(url), dialect_name(url))
        return MigrateResult(the_plan, (), render_sql(proj, the_plan.steps, the_plan.dialect))
    settled = nothing_to_do(proj, resolution, url)
    if settled is not None:
        return MigrateResult(settled)
    from .db import history, recovery

    with locked(url, lock_timeout) as (conn, dialect):
        the_plan = planner.plan(proj, resolution, history.read(conn), dialect.name)
        recovered = recovery.recover(conn, dialect, proj, the_plan)  # MySQL: resume what the catalog proves
        the_plan = recovered.plan
        refuse_unsafe(proj, the_plan, allow_changed, allow_out_of_order, recovered.unproven)
        preflight(proj, the_plan.steps, dialect.name)
        done = run_recorded(conn, dialect, "migrate", the_plan.features, the_plan.steps, proj.root, on_event)
        history.remember_features(conn, the_plan.features)
    return MigrateResult(the_plan, tuple(done), notes=recovered.notes)


def nothing_to_do(project: Project, resolution: Resolution, url: str) -> Plan | None:
    """The plan of a run that would change nothing, decided from the committed bookkeeping
    over a bare driver connection (no lock, no SQLAlchemy); None when a locked run must
    decide: something to apply, anything to report or refuse, the last feature set to record."""
    from .db import snapshot

    seen = snapshot.read(url)
    if seen is None or seen.schema_version != snapshot.SCHEMA_VERSION:
        return None
    the_plan = planner.plan(project, resolution, list(seen.applied), dialect_name(url))
    if the_plan.steps or the_plan.unfinished or the_plan.changed or the_plan.missing:
        return None
    if seen.last_features != sorted(the_plan.features):
        return None
    return the_plan


def prune(
    project: ProjectLike,
    feature: str,
    *,
    database: str | None = None,
    features: Iterable[str] | str | None = None,
    no_default_features: bool = False,
    all_features: bool = False,
    dry_run: bool = False,
    lock_timeout: float = 60.0,
    on_event: Listener | None = None,
) -> tuple[Step, ...]:
    """Run the down migrations of a feature's unit and of its bridges, newest first."""
    from .db import history

    proj = open_project(project)
    proj.features.require_known(feature, "prune")
    resolution = resolve(proj, features, no_default_features, all_features)
    if feature in resolution.enabled:
        raise Refused(
            f"feature {feature} is enabled ({resolution.reasons[feature]}); pruning it would be undone by the next migrate",
            "choose a feature set without it (e.g. --no-default-features --features ...), then prune",
        )
    url = database_url(proj, database)
    if dry_run:
        return check_prunable(proj, feature, read_applied(url), dialect_name(url))
    with locked(url, lock_timeout) as (conn, dialect):
        steps = check_prunable(proj, feature, history.read(conn), dialect.name)
        preflight(proj, steps, dialect.name)
        return tuple(run_recorded(conn, dialect, "prune", resolution.enabled, steps, proj.root, on_event))


def check_prunable(project: Project, feature: str, applied: Sequence[AppliedRecord], dialect: str) -> tuple[Step, ...]:
    steps = planner.prune_plan(project, feature, applied, dialect)
    missing_down = [s.migration for s in steps if not s.migration.has_down(dialect)]
    if missing_down:
        names = ", ".join(m.path for m in missing_down)
        raise Refused(
            f"cannot prune {feature}: no down migration in {names}",
            "add down.sql (or a -- gatedb:down section, or downgrade(op)) to each, then prune again",
        )
    doomed = {s.migration.id.unit for s in steps}
    applied_units = {r.id.unit for r in applied}
    users = sorted(
        u.name
        for u in project.units
        if u.name in applied_units and u.name not in doomed and feature in project.features.closure(u.features)
    )
    if users:
        raise Refused(
            f"cannot prune {feature}: applied unit(s) {', '.join(users)} depend on it",
            f"prune {' and '.join(sorted({f for u in users for f in project.unit(u).features}))} first",
        )
    return steps


def repair(
    project: ProjectLike,
    migration: str,
    *,
    database: str | None = None,
    mark_applied: bool = False,
    lock_timeout: float = 60.0,
) -> AppliedRecord:
    """After fixing the database by hand: mark a migration left `running` as applied, or forget it."""
    from .db import history

    proj = open_project(project)
    url = database_url(proj, database)
    mid = MigrationId.parse(migration)
    with locked(url, lock_timeout) as (conn, _dialect):
        records = {r.id: r for r in history.read(conn)}
        record = records.get(mid)
        if record is None or record.state == "applied":
            unfinished = [str(r.id) for r in records.values() if r.state != "applied"]
            raise Refused(
                f"migration {mid} is not left running in this database",
                f"unfinished migrations: {', '.join(unfinished)}" if unfinished else "nothing needs repair",
            )
        with conn.begin():
            if mark_applied:
                history.mark_applied(conn, mid)
            else:
                history.forget(conn, [mid])
    return record


def status(
    project: ProjectLike = ".",
    *,
    database: str | None = None,
    features: Iterable[str] | str | None = None,
    no_default_features: bool = False,
    all_features: bool = False,
) -> Status:
    """Per unit: applied, pending, dormant; and the tables no enabled unit owns."""
    proj = open_project(project)
    resolution = resolve(proj, features, no_default_features, all_features)
    url = database_url(proj, database)
    dialect = dialect_name(url)
    applied = read_applied(url)
    the_plan = planner.plan(proj, resolution, applied, dialect)
    applied_ids = {r.id for r in applied}
    active = set(the_plan.active_units)
    units = []
    for unit in proj.units:
        mine = [m for m in proj.migrations if m.id.unit == unit.name]
        done = tuple(str(m.id) for m in mine if m.id in applied_ids)
        todo = tuple(str(m.id) for m in mine if m.id not in applied_ids) if unit.name in active else ()
        state = "on" if unit.name in active else ("dormant" if done else "off")
        units.append(UnitStatus(unit.name, state, done, todo))
    last = read_last_features(url)
    return Status(
        database=mask(url),
        features=the_plan.features,
        last_features=tuple(last) if last is not None else None,
        units=tuple(units),
        missing=the_plan.missing,
        unfinished=the_plan.unfinished,
        changed=the_plan.changed,
        unowned_tables=unowned_tables(proj, url, active),
        out_of_order=the_plan.out_of_order,
        reordered=the_plan.reordered,
        in_progress=in_progress(proj, database=database),
    )


# --- helpers shared by the functions above -------------------------------------------


class _Locked:
    def __init__(self, url: str, lock_timeout: float) -> None:
        self.url, self.lock_timeout = url, lock_timeout

    def __enter__(self):  # type: ignore[no-untyped-def]
        from .db import history

        self.engine = create_engine(self.url, self.lock_timeout)
        self.dialect: Dialect = for_url(self.url)
        self.conn = connect(self.engine)
        self.held = False
        try:
            self.dialect.acquire_lock(self.conn, self.lock_timeout)
            self.held = True
            history.check_version(self.conn)  # tables are made by the first change (run_recorded)
        except BaseException as exc:
            self.__exit__(type(exc), exc, None)
            raise _as_gatedb_error(exc) from None
        return self.conn, self.dialect

    def __exit__(self, kind, exc, tb):  # type: ignore[no-untyped-def]
        try:
            if self.held:
                if self.conn.in_transaction():
                    self.conn.rollback()
                self.dialect.release_lock(self.conn)
        except Exception:  # a lost connection releases server-side locks by itself
            pass
        finally:
            self.held = False
            try:
                self.conn.close()
            except Exception:
                pass
            self.engine.dispose()
        if exc is not None and not isinstance(exc, GatedbError) and isinstance(exc, Exception):
            raise _as_gatedb_error(exc) from None
        return False


def locked(url: str, lock_timeout: float) -> _Locked:
    """Connect, take the run lock, check the bookkeeping tables' version."""
    return _Locked(url, lock_timeout)


def run_recorded(
    conn, dialect: Dialect, command: str, features: Iterable[str], steps: Sequence[Step], root: str, on_event: Listener | None
) -> list[Step]:  # type: ignore[no-untyped-def]
    """Run steps as one run recorded in gatedb_runs (who, when, how long, the feature set).
    The bookkeeping tables appear only now, with the first change: a run refused or
    stopped earlier leaves a database untouched."""
    if not steps:
        return []
    import time

    from .db import history, runner

    history.ensure(conn)
    run_id = history.start_run(conn, command, features, who(), dialect.session_id(conn))
    started, finished = time.perf_counter(), []

    def listen(event: runner.Event) -> None:
        if isinstance(event, runner.StepFinished):
            finished.append(str(event.step.migration.id))
        if on_event is not None:
            on_event(event)

    state = "failed"
    try:
        done = runner.run_steps(conn, dialect, steps, root, listen)
        state = "done"
        return done
    finally:
        try:
            history.finish_run(conn, run_id, state, int((time.perf_counter() - started) * 1000), finished)
        except Exception:  # the connection is gone: the row stays `running`, read as interrupted
            pass


def _as_gatedb_error(exc: BaseException) -> BaseException:
    sa = sys.modules.get("sqlalchemy")  # not loaded: the error cannot be one of its own
    if (sa is not None and isinstance(exc, sa.exc.SQLAlchemyError)) or exc.__class__.__module__.startswith(("psycopg", "pymysql", "sqlite3")):
        return DatabaseError(f"database error: {first_line(exc)}", "check the database server and run again")
    return exc


def _read_only(url: str, reader):  # type: ignore[no-untyped-def]
    """Run `reader(conn)` without creating anything (a missing SQLite file stays missing),
    never waiting long for a running migration's lock."""
    from .db.snapshot import sqlite_missing

    if sqlite_missing(url):
        return None
    engine = create_engine(url, READ_TIMEOUT)
    try:
        conn = connect(engine)
        try:
            return reader(conn)
        except Exception as exc:
            holder = run_in_progress(url)
            if holder is not None:
                raise DatabaseError(f"a run is in progress ({holder}) and holds the database's write lock", "run this again when it ends") from None
            raise _as_gatedb_error(exc) from None
        finally:
            conn.close()
    finally:
        engine.dispose()


def read_applied(url: str) -> list[AppliedRecord]:
    from .db import history, snapshot

    seen = snapshot.read(url, READ_TIMEOUT)  # the bare driver: no SQLAlchemy to import
    if seen is not None:
        return list(seen.applied)
    return _read_only(url, history.read) or []


def in_progress(project: ProjectLike = ".", *, database: str | None = None, ask_server: bool = True) -> str | None:
    """Who runs a migration on the project's database now, without waiting for it (the
    readers `plan` and `status` say so). A server is asked only with `ask_server`: it
    costs SQLAlchemy's import, which a plan with nothing unfinished does without."""
    url = database_url(open_project(project), database)
    if dialect_name(url) == "sqlite" or not ask_server:
        return run_in_progress(url)
    return _read_only(url, lambda conn: run_in_progress(url, conn))


def run_in_progress(url: str, conn=None) -> str | None:  # type: ignore[no-untyped-def]
    """Who holds the run lock now (a live run), without waiting for it; None when nobody.
    SQLite asks the lock file; a server is asked over `conn` (SQLAlchemy), when given."""
    if dialect_name(url) == "sqlite":
        from .db.dialects import SQLite

        return SQLite(url).run_in_progress()
    if conn is None:
        return None
    return for_url(url).lock_holder(conn)


def read_last_features(url: str) -> list[str] | None:
    from .db import history

    return _read_only(url, history.last_features)


def unowned_tables(project: Project, url: str, active: set[str]) -> dict[str, str]:
    """Tables in the database that no enabled unit creates, with the unit that would own them."""
    import sqlalchemy as sa

    from .db import history

    tables = _read_only(url, lambda conn: sa.inspect(conn).get_table_names()) or []
    owners = table_owners(project, dialect_name(url))
    result = {}
    for table in sorted(tables):
        if table in history.TABLES or table.startswith("_alembic"):
            continue
        owner = owners.get(table.lower())
        if owner in active:
            continue
        result[table] = f"unit {owner} (off)" if owner else "no unit creates it"
    return result


def table_owners(project: Project, dialect: str) -> dict[str, str]:
    """table -> the unit whose migrations create it (static analysis of the SQL)."""
    from .analysis.facts import created_tables

    owners: dict[str, str] = {}
    for migration in project.migrations:
        for table in created_tables(migration, project.root, dialect):
            owners.setdefault(table, migration.id.unit)
    return owners


def refuse_unsafe(
    project: Project, the_plan: Plan, allow_changed: bool, allow_out_of_order: bool = False, unproven: dict[MigrationId, str] | None = None
) -> None:
    if the_plan.unfinished:
        record = the_plan.unfinished[0]
        migration = project.migration(record.id)
        where = f" ({migration.path})" if migration else ""
        if record.state == "failed":
            raise UnfinishedMigration(
                f"migration {record.id}{where} failed in an earlier run after {record.statements_done} of its "
                "statement(s) had committed (MySQL cannot roll DDL back); they are still in the database",
                f"undo them by hand and run `gatedb repair {record.id} --forget`, or finish it by hand and run `gatedb repair {record.id} --applied`",
            )
        why = (unproven or {}).get(record.id, "")
        raise UnfinishedMigration(
            f"migration {record.id}{where} was left {'reverting' if record.state == 'reverting' else 'running'} by an interrupted run, "
            f"after {record.statements_done} statement(s); the database may hold part of it" + (f" ({why})" if why else ""),
            f"finish or undo it by hand, then run `gatedb repair {record.id} --applied` or `gatedb repair {record.id} --forget`",
        )
    if the_plan.changed and not allow_changed:
        names = ", ".join(f"{mid} ({project.migration(mid).path})" for mid in the_plan.changed)  # type: ignore[union-attr]
        raise ChecksumMismatch(
            f"applied migration(s) changed since they ran: {names}",
            "restore the applied file(s) and put the change in a new migration, or pass --allow-changed to go on",
        )
    if the_plan.out_of_order and not allow_out_of_order:
        raise OutOfOrder(out_of_order_message(project, the_plan), "give it a version after the unit's newest (rename it), or pass --allow-out-of-order to run it now")


def out_of_order_message(project: Project, the_plan: Plan) -> str:
    """`tasks/0002 (migrations/tasks/0002_x.sql) is older than tasks/0003, applied already`."""
    parts = []
    for mid, newer in the_plan.out_of_order:
        migration = project.migration(mid)
        parts.append(f"{mid} ({migration.path if migration else mid}) is older than {newer}, applied already")
    return f"out-of-order migration(s): {'; '.join(parts)} (added after a merge?)"


def preflight(project: Project, steps: Sequence[Step], dialect: str) -> None:
    """Catch what can be caught before anything runs: Python that does not compile, SQL
    missing for this dialect. A run then never stops half-way on a file defect."""
    from .db import runner

    for step in steps:
        migration = step.migration
        if migration.kind == "python":
            try:
                compile(migration.source, migration.path, "exec")
            except SyntaxError as exc:
                raise MigrationFileError(
                    f"{migration.path}:{exc.lineno}: invalid Python: {exc.msg}", "fix the syntax; nothing was applied"
                ) from None
            runner.load_python(migration, project.root)  # an import that fails stops the run before it starts
            continue
        sql = migration.up_sql(dialect) if step.direction == "up" else migration.down_sql(dialect)
        if sql is None:
            raise MigrationFileError(
                f"{migration.path}: no {step.direction} SQL for {dialect}",
                f"add {step.direction}.sql or {step.direction}.{dialect}.sql; nothing was applied",
            )


def render_sql(project: Project, steps: Sequence[Step], dialect: str) -> str:
    """The SQL a run would send, each migration under a comment naming it and why."""
    from .db import runner

    parts = []
    for step in steps:
        migration = step.migration
        parts.append(f"-- {migration.id} ({step.direction}, {migration.path}): {step.reason}")
        if migration.kind == "python":
            parts.append(runner.python_sql(migration, project.root, dialect, step.direction).rstrip())
        else:
            sql = migration.up_sql(dialect) if step.direction == "up" else migration.down_sql(dialect)
            parts.append((sql or f"-- no {step.direction} SQL for {dialect}").strip())
        parts.append("")
    return "\n".join(parts)




# --- check ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    diagnostics: tuple  # of checker.Diagnostic
    dialects: tuple[str, ...]
    project: Project | None

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.level == "warning")


def check(project: str | os.PathLike[str] | Project = ".", *, dialects: Sequence[str] | None = None, database: str | None = None) -> CheckReport:
    """Every static diagnostic, for every feature set at once. Touches no database."""
    from .analysis import facts as analysis
    from .analysis import checker

    try:
        proj = open_project(project)
    except GatedbError as exc:
        found = checker.diagnostic("GD010", _manifest_name(project), 0, exc.message, exc.hint or "")
        return CheckReport((found,) if found else (), (), None)
    severities = check_severities(proj)
    chosen = tuple(dialects) if dialects else analysis.dialects_of(proj, dialect_name(database_url(proj, database)))
    found: dict[tuple[str, str, str], object] = {}
    for dialect in chosen:
        for diag in checker.check(proj, analysis.facts_for(proj, dialect), severities):
            found.setdefault((diag.id, diag.file, diag.message), diag)
    for diag in _code_diagnostics(proj, chosen[0] if chosen else "sqlite", severities):
        found.setdefault((diag.id, diag.file, diag.message), diag)
    for diag in workflow_diagnostics(proj, chosen, database, severities):
        found.setdefault((diag.id, diag.file, diag.message), diag)
    from .schema import drift

    if drift.has_schema_package(proj):  # the declared schema code against the migrations, per unit
        for diag in drift.drift(proj, analysis.facts_for(proj, chosen[0]), severities):
            found.setdefault((diag.id, diag.file, diag.message), diag)
    ordered = tuple(found.values())
    return CheckReport(ordered, chosen, proj)


def workflow_diagnostics(project: Project, dialects: Sequence[str], database: str | None, severities: dict[str, str]) -> list:
    """GD022: migrations with no SQL; GD023 (only with a database given): pending migrations
    older than the newest applied one of their unit, as migrate would refuse them."""
    from .analysis import checker

    found = []
    for migration in project.migrations:
        if any(migration.is_empty(d) for d in dialects):
            found.append(checker.diagnostic("GD022", migration.header_file, 0, f"{migration.id} has no SQL, only comments", "write its SQL, or delete it", severities))
    if database:
        try:
            applied = read_applied(database_url(project, database))
        except DatabaseError:  # check's database may be a server for --matrix scratch databases: it says what is wrong
            applied = []
        ids = {r.id for r in applied}
        pending = [Step(m, "") for m in project.migrations if m.id not in ids]
        for mid, newer in planner.out_of_order(pending, applied):
            migration = project.migration(mid)
            found.append(checker.diagnostic(
                "GD023", migration.header_file if migration else str(mid), 0,
                f"{mid} is pending but older than {newer}, applied already in {mask(database_url(project, database))}",
                "give it a version after the unit's newest (rename it), or run it with gatedb migrate --allow-out-of-order", severities,
            ))
    return [d for d in found if d is not None]


def _code_diagnostics(project: Project, dialect: str, severities: dict[str, str]) -> list:
    """GD020/GD021 over the application code [code] maps; a [code] defect is GD010."""
    from .analysis import checker, codescan

    try:
        return codescan.check_code(project, dialect, severities)
    except GatedbError as exc:
        found = checker.diagnostic("GD010", _manifest_name(project), 0, exc.message, exc.hint or "", severities)
        return [found] if found else []


def _manifest_name(project: object) -> str:
    return "gatedb.toml" if not isinstance(project, Project) else Path(project.manifest_path).name


def check_severities(project: Project) -> dict[str, str]:
    """[check.severity] in the manifest: rule id -> error | warning | off."""
    from .analysis.checker import LEVELS, RULES
    from .errors import ManifestError

    section = project.settings.get("check", {})
    if not isinstance(section, dict) or not set(section) <= {"severity"}:
        raise ManifestError(f"{_manifest_name(project)}: [check] takes one table, severity", 'write [check.severity] with GD004 = "error" and the like')
    table = section.get("severity", {})
    if not isinstance(table, dict):
        raise ManifestError(f"{_manifest_name(project)}: [check] severity must be a table, got {table!r}", 'write [check.severity] with GD004 = "error" and the like')
    out = {}
    for rule, level in table.items():
        if rule not in RULES or level not in LEVELS:
            raise ManifestError(
                f"{_manifest_name(project)}: [check.severity] {rule} = {level!r} is not a known rule and level",
                f"rules: {', '.join(RULES)}; levels: {', '.join(LEVELS)}",
            )
        out[rule] = level
    return out
