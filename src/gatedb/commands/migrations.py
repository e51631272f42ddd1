"""Commands that read or change a database: features, plan, migrate, status, prune, repair."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from .. import api
from ..core.model import Plan, Step
from .common import FEATURE_HELP, fail, main, reports_errors, selection, selection_options

@main.command()
@click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml.")
@click.option("--features", "-F", multiple=True, envvar="GATEDB_FEATURES", help=FEATURE_HELP)
@click.option("--no-default-features", is_flag=True, help="Do not enable the `default` features.")
@click.option("--all-features", is_flag=True, help="Enable every declared feature.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def features(project: str, features: tuple[str, ...], no_default_features: bool, all_features: bool, fmt: str) -> None:
    """Print the resolved feature set and why each feature is on."""
    proj = api.open_project(project)
    resolution = api.resolve(proj, list(features), no_default_features, all_features)
    units = [u.name for u in proj.active_units(resolution.enabled)]
    if fmt == "json":
        click.echo(json.dumps({"features": dict(resolution.reasons), "units": units}, indent=2))
        return
    if not resolution.enabled:
        click.echo("no features enabled")
    width = max((len(f) for f in resolution.reasons), default=0)
    for name, why in resolution.reasons.items():
        click.echo(f"{name:<{width}}  {why}")
    click.echo(f"units: {', '.join(units)}")


def plan_json(the_plan: Plan) -> dict[str, Any]:
    """A stable, machine-readable plan: no timestamps, no absolute paths."""
    return {
        "format": 1,
        "dialect": the_plan.dialect,
        "features": list(the_plan.features),
        "units": list(the_plan.active_units),
        "steps": [step_json(step) for step in the_plan.steps],
        "dormant": [str(r.id) for r in the_plan.dormant],
        "missing": [str(r.id) for r in the_plan.missing],
        "changed": [str(mid) for mid in the_plan.changed],
        "unfinished": [str(r.id) for r in the_plan.unfinished],
        "out_of_order": [str(mid) for mid, _newer in the_plan.out_of_order],
        "reordered": [[str(a), str(b)] for a, b in the_plan.reordered],
        "empty": [str(s.migration.id) for s in the_plan.steps if s.migration.is_empty(the_plan.dialect)],
    }


def step_json(step: Step) -> dict[str, Any]:
    m = step.migration
    return {
        "id": str(m.id),
        "unit": m.id.unit,
        "version": m.id.version,
        "name": m.name,
        "path": m.path,
        "direction": step.direction,
        "transactional": m.transactional,
        "reason": step.reason,
    }


def echo_notes(the_plan: Plan, in_progress: str | None = None) -> None:
    for record in the_plan.dormant:
        click.echo(f"dormant  {record.id}  (applied; its unit is off: left alone)")
    for record in the_plan.missing:
        click.echo(f"missing  {record.id} {record.name}  (applied, but its file is gone)")
    for mid in the_plan.changed:
        click.echo(f"changed  {mid}  (file differs from what was applied)")
    for record in the_plan.unfinished:
        click.echo(f"unfinished  {record.id}  ({unfinished_note(record, in_progress)})")
    for mid, newer in the_plan.out_of_order:
        click.echo(f"out-of-order  {mid}  (older than {newer}, applied already: migrate refuses it without --allow-out-of-order)")
    for first, second in the_plan.reordered:
        click.echo(f"reordered  {first} ran before {second}; today {second} runs first (equal versions: implied unit first). Nothing is re-run")
    for step in the_plan.steps:
        if step.migration.is_empty(the_plan.dialect):
            click.echo(f"warning  {step.migration.path} has no SQL (only comments)")


def unfinished_note(record: Any, in_progress: str | None = None) -> str:
    if in_progress and record.state in ("running", "reverting"):
        return f"being {'applied' if record.state == 'running' else 'reverted'} by the run in progress, {record.statements_done} statement(s) so far"
    if record.state == "failed":
        return f"failed after {record.statements_done} committed statement(s): see gatedb repair"
    return f"left running after {record.statements_done} statement(s): migrate resumes it where the catalog can tell, else see gatedb repair"


@main.command()
@selection_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def plan(project: str, fmt: str, **kwargs: Any) -> None:
    """Show what `migrate` would run for this feature set, and why. Writes nothing."""
    opts = selection(kwargs)
    the_plan = api.plan(project, **opts)
    holder = api.in_progress(project, database=opts["database"], ask_server=bool(the_plan.unfinished))
    if fmt == "json":
        click.echo(json.dumps({**plan_json(the_plan), "in_progress": holder}, indent=2))
        return
    if holder:
        click.echo(f"run in progress: {holder}; this plan is what the database holds now")
    click.echo(f"features: {', '.join(the_plan.features) or '(none)'}")
    click.echo(f"units: {', '.join(the_plan.active_units)}")
    if the_plan.is_empty:
        click.echo("nothing to do: the database is up to date")
    for index, step in enumerate(the_plan.steps, start=1):
        click.echo(f"{index:>4}. {step.migration.id}  {step.migration.name}  -- {step.reason}")
    echo_notes(the_plan, holder)


class Progress:
    """Renders runner events: on a terminal a Rich progress line (migration i of n, its
    unit, elapsed time), otherwise one line per migration; with `json`, one JSON event
    per line (for CI); nothing when quiet."""

    def __init__(self, quiet: bool, fmt: str = "text") -> None:
        self.quiet, self.json = quiet, fmt == "json"
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> "Progress":
        if not self.quiet and not self.json and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def __call__(self, event: Any) -> None:
        from ..db.runner import StepFinished, StepStarted

        if self.quiet:
            return
        step = event.step
        up = step.direction == "up"
        if self.json:
            kind = "started" if isinstance(event, StepStarted) else ("applied" if up else "reverted")
            record = {"event": kind, "index": event.index, "total": event.total, **step_json(step)}
            if isinstance(event, StepFinished):
                record["duration_ms"] = event.duration_ms
            if step.resume_at:
                record["resumed_after_statement"] = step.resume_at
            click.echo(json.dumps(record))
            return
        label = f"{step.migration.id} {step.migration.name}"
        if self.bar is not None:
            if self.task is None:
                self.task = self.bar.add_task("", total=event.total)
            if isinstance(event, StepStarted):
                self.bar.update(self.task, description=f"{'applying' if up else 'reverting'} [{event.index}/{event.total}] unit {step.migration.id.unit}: {label}")
            else:
                self.bar.advance(self.task)
                self.bar.console.print(f"{'applied' if up else 'reverted'} {label} ({event.duration_ms} ms)")
        elif isinstance(event, StepFinished):
            click.echo(f"[{event.index}/{event.total}] {'applied' if up else 'reverted'} {label} ({event.duration_ms} ms)")


def warn(message: str, fmt: str = "text", level: str = "warning") -> None:
    """A `warning:` (or `note:`) line on stderr; a JSON event on stdout with --format json."""
    if fmt == "json":
        click.echo(json.dumps({"event": level, "message": message}))
    else:
        click.echo(f"{level}: {message}", err=True)


def plan_warnings(the_plan: Plan) -> list[str]:
    """What a run should say before it starts: empty migrations, missing files, resumes."""
    found = [f"{s.migration.path} has no SQL (only comments): it will be recorded as applied" for s in the_plan.steps if s.migration.is_empty(the_plan.dialect)]
    found += [f"applied migration {r.id} ({r.name}) is recorded in the database but its file is gone" for r in the_plan.missing]
    found += [f"{mid} runs out of order: {newer} of its unit is applied already (--allow-out-of-order)" for mid, newer in the_plan.out_of_order]
    return found


@main.command()
@selection_options
@click.option("--dry-run", is_flag=True, help="Print the SQL that would run; change nothing.")
@click.option("--lock-timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for another run's lock.")
@click.option("--allow-changed", is_flag=True, help="Go on although an applied migration's file changed.")
@click.option("--allow-out-of-order", is_flag=True, help="Run a migration older than the newest applied one of its unit (added after a merge).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="json: one event per line on stdout (for CI).")
@reports_errors
def migrate(project: str, dry_run: bool, lock_timeout: float, allow_changed: bool, allow_out_of_order: bool, quiet: bool, fmt: str, **kwargs: Any) -> None:
    """Apply the pending migrations of every enabled unit, in one locked run.

    Each migration and its bookkeeping row commit together (PostgreSQL, SQLite); a failing
    migration rolls back and stops the run, the ones before it stay applied. On MariaDB/MySQL
    a migration an interrupted run left half-done is resumed where the live catalog proves
    its statements stopped.

    \b
    Example:
      gatedb migrate --features tasks,projects
      gatedb migrate --format json | jq -c 'select(.event == "applied")'
    """
    opts = selection(kwargs)
    if dry_run:
        result = api.migrate(project, dry_run=True, **opts)
        click.echo(result.sql or "-- nothing to do: the database is up to date")
        return
    with Progress(quiet, fmt) as progress:
        result = api.migrate(project, lock_timeout=lock_timeout, allow_changed=allow_changed, allow_out_of_order=allow_out_of_order, on_event=progress, **opts)
    if quiet:
        return
    for message in result.notes:
        warn(message, fmt, "note")
    for message in plan_warnings(result.plan):
        warn(message, fmt)
    applied = len(result.applied)
    if fmt == "json":
        click.echo(json.dumps({"event": "done", "applied": applied, "features": list(result.plan.features), "dormant": [str(r.id) for r in result.plan.dormant]}))
        return
    click.echo(f"applied {applied} migration(s)" if applied else "nothing to do: the database is up to date")
    if result.plan.dormant:
        click.echo(f"note: {len(result.plan.dormant)} applied migration(s) of units now off are dormant (see gatedb status)")


@main.command()
@selection_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def status(project: str, fmt: str, **kwargs: Any) -> None:
    """Per unit: applied, pending and dormant migrations; tables no enabled unit owns."""
    result = api.status(project, **selection(kwargs))
    if fmt == "json":
        click.echo(json.dumps(status_json(result), indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True)
    console.print(f"database: {result.database}")
    if result.in_progress:
        console.print(f"run in progress: {result.in_progress}")
    console.print(f"features: {', '.join(result.features) or '(none)'}")
    if result.last_features is not None and list(result.last_features) != sorted(result.features):
        console.print(f"last run: {', '.join(result.last_features) or '(none)'}")
    table = Table("unit", "state", "applied", "pending")
    for unit in result.units:
        table.add_row(unit.unit, unit.state, str(len(unit.applied)), str(len(unit.pending)))
    console.print(table)
    for record in result.missing:
        console.print(f"missing: {record.id} {record.name} is recorded as applied but its file is gone")
    for record in result.unfinished:
        console.print(f"unfinished: {record.id} {unfinished_note(record, result.in_progress)}")
    for mid, newer in result.out_of_order:
        console.print(f"out-of-order: {mid} is pending but older than {newer}, applied already")
    for first, second in result.reordered:
        console.print(f"reordered: {first} ran before {second}; today {second} runs first (nothing is re-run)")
    for mid in result.changed:
        console.print(f"changed: {mid} differs from what was applied")
    for name, owner in result.unowned_tables.items():
        console.print(f"table {name}: not owned by an enabled unit ({owner})")


def status_json(result: api.Status) -> dict[str, Any]:
    return {
        "format": 1,
        "database": result.database,
        "features": list(result.features),
        "last_features": list(result.last_features) if result.last_features is not None else None,
        "units": [{"unit": u.unit, "state": u.state, "applied": list(u.applied), "pending": list(u.pending)} for u in result.units],
        "missing": [str(r.id) for r in result.missing],
        "unfinished": [str(r.id) for r in result.unfinished],
        "changed": [str(m) for m in result.changed],
        "out_of_order": [str(mid) for mid, _newer in result.out_of_order],
        "reordered": [[str(a), str(b)] for a, b in result.reordered],
        "unowned_tables": result.unowned_tables,
        "in_progress": result.in_progress,
    }


@main.command()
@click.argument("feature")
@selection_options
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--dry-run", is_flag=True, help="List the down migrations that would run; change nothing.")
@click.option("--lock-timeout", type=float, default=60.0, show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@reports_errors
def prune(project: str, feature: str, yes: bool, dry_run: bool, lock_timeout: float, quiet: bool, **kwargs: Any) -> None:
    """Remove a disabled FEATURE's tables: run the down migrations of its unit and its
    bridges, newest first."""
    opts = selection(kwargs)
    steps = api.prune(project, feature, dry_run=True, **opts)
    if not steps:
        click.echo(f"nothing to prune: no applied migration of {feature} or its bridges")
        return
    for step in steps:
        click.echo(f"down {step.migration.id}  {step.migration.name}  -- {step.reason}")
    if dry_run:
        return
    if not yes:
        if not sys.stdin.isatty():
            fail("prune needs confirmation", "pass --yes to prune without a prompt", 2)
        click.confirm(f"Run these {len(steps)} down migration(s)? Their tables and data are lost", abort=True)
    with Progress(quiet) as progress:
        done = api.prune(project, feature, lock_timeout=lock_timeout, on_event=progress, **opts)
    if not quiet:
        click.echo(f"pruned {feature}: reverted {len(done)} migration(s)")


@main.command()
@click.argument("migration")
@click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml.")
@click.option("--database", "-d", envvar="GATEDB_DATABASE_URL", help="Database URL. Env: GATEDB_DATABASE_URL.")
@click.option("--applied", "mark", flag_value="applied", help="You finished the migration by hand: record it as applied.")
@click.option("--forget", "mark", flag_value="forget", help="You undid its partial work by hand: forget it so it runs again.")
@click.option("--lock-timeout", type=float, default=60.0, show_default=True)
@reports_errors
def repair(migration: str, project: str, database: str | None, mark: str | None, lock_timeout: float) -> None:
    """Resolve a MIGRATION (unit/version) left `running` by an interrupted run."""
    if mark is None:
        fail("say what you did to the database", "pass --applied (you finished it) or --forget (you undid it)", 2)
    api.repair(project, migration, database=database, mark_applied=mark == "applied", lock_timeout=lock_timeout)
    click.echo(f"{migration}: {'recorded as applied' if mark == 'applied' else 'forgotten; it will run again'}")
