"""Commands of the everyday workflow: init, new, revert, redo, history, completion."""

from __future__ import annotations

import json
from typing import Any

import click

from .. import workflow
from .common import main, reports_errors, selection, selection_options


def _units(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion of UNIT: the project's units and declared features."""
    from click.shell_completion import CompletionItem

    try:
        from ..files.loader import load_project

        project = load_project(ctx.params.get("project") or ".")
    except Exception:  # no project here (yet): nothing to offer
        return []
    names = dict.fromkeys([u.name for u in project.units] + list(project.features.names))
    return [CompletionItem(n) for n in names if n.startswith(incomplete)]


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--database", "-d", help="Database URL to write into the manifest (e.g. sqlite:///app.db).")
@click.option("--feature", "features", multiple=True, help="A feature to declare (repeatable).")
@reports_errors
def init(folder: str, database: str | None, features: tuple[str, ...]) -> None:
    """Start a project: write gatedb.toml and migrations/core/ in FOLDER.

    \b
    Example:
      gatedb init --database sqlite:///app.db --feature tasks
      gatedb new core create_users
    """
    for path in workflow.init(folder, database=database, features=features):
        click.echo(f"created {path}")


@main.command()
@click.argument("unit", shell_complete=_units)
@click.argument("name")
@click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml.")
@click.option("--sql", "kind", flag_value="sql", default=True, help="An SQL migration: up.sql and down.sql (the default).")
@click.option("--python", "kind", flag_value="python", help="A Python migration: upgrade(op) / downgrade(op).")
@reports_errors
def new(unit: str, name: str, project: str, kind: str) -> None:
    """Write UNIT's next migration NAME, numbered after the unit's last.

    UNIT is core, a feature, or a bridge like tasks+projects (its folder is created).
    The file follows the unit's naming style and says which units it may use.

    \b
    Example:
      gatedb new tasks add_due_date          # migrations/tasks/0003_add_due_date/up.sql, down.sql
      gatedb new tasks+projects task_project --python
    """
    for path in workflow.new_migration(project, unit, name, kind=kind):
        click.echo(f"created {path}")


def _steps_line(step: Any) -> str:
    return f"{step.direction} {step.migration.id}  {step.migration.name}"


@main.command()
@click.argument("unit", required=False, shell_complete=_units)
@selection_options
@click.option("--to", "to", metavar="VERSION", help="Revert every migration of UNIT after VERSION (VERSION stays applied).")
@click.option("-n", "count", type=int, default=1, show_default=True, help="How many of the newest migrations to revert.")
@click.option("--dry-run", is_flag=True, help="List the down migrations that would run; change nothing.")
@click.option("--lock-timeout", type=float, default=60.0, show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@reports_errors
def revert(project: str, unit: str | None, to: str | None, count: int, dry_run: bool, lock_timeout: float, quiet: bool, **kwargs: Any) -> None:
    """Run down migrations of enabled units, newest first.

    Without options, the newest applied migration (of UNIT, if given). Refuses one that
    applied migrations staying in place may use (later ones of units that imply it), and
    names them.

    \b
    Example:
      gatedb revert                     # the newest applied migration
      gatedb revert tasks -n 2          # the two newest of unit tasks
      gatedb revert tasks --to 0001     # every tasks migration after tasks/0001
    """
    from .migrations import Progress

    if to is not None and count != 1:
        raise click.UsageError("give --to or -n, not both")
    opts = selection(kwargs)
    steps = workflow.revert(project, unit, to=to, count=count, dry_run=True, **opts)
    if not steps:
        click.echo("nothing to revert: no applied migration of an enabled unit" + (f" {unit}" if unit else ""))
        return
    if dry_run:
        for step in steps:
            click.echo(_steps_line(step))
        return
    with Progress(quiet) as progress:
        done = workflow.revert(project, unit, to=to, count=count, lock_timeout=lock_timeout, on_event=progress, **opts)
    if not quiet:
        click.echo(f"reverted {len(done)} migration(s)")


@main.command()
@click.argument("unit", required=False, shell_complete=_units)
@selection_options
@click.option("-n", "count", type=int, default=1, show_default=True, help="How many of the newest migrations to redo.")
@click.option("--lock-timeout", type=float, default=60.0, show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@reports_errors
def redo(project: str, unit: str | None, count: int, lock_timeout: float, quiet: bool, **kwargs: Any) -> None:
    """Revert the newest migration (of UNIT, if given) and apply it again.

    Checks that its down undoes its up, while you write it.

    \b
    Example:
      gatedb new tasks add_due_date && $EDITOR migrations/tasks/*add_due_date/*.sql
      gatedb migrate && gatedb redo
    """
    from .migrations import Progress

    with Progress(quiet) as progress:
        done = workflow.redo(project, unit, count=count, lock_timeout=lock_timeout, on_event=progress, **selection(kwargs))
    if not quiet:
        click.echo(f"redid {len(done) // 2} migration(s)" if done else "nothing to redo: no applied migration of an enabled unit")


@main.command()
@click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml.")
@click.option("--database", "-d", envvar="GATEDB_DATABASE_URL", help="Database URL. Env: GATEDB_DATABASE_URL.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def history(project: str, database: str | None, fmt: str) -> None:
    """The runs that changed this database, oldest first: when, how long, the feature
    set, who ran them and which migrations they ran.

    \b
    Example:
      gatedb history --database postgresql://app@db/app
    """
    runs = workflow.history(project, database=database)
    if fmt == "json":
        click.echo(json.dumps({"format": 1, "runs": [_run_json(r) for r in runs]}, indent=2))
        return
    if not runs:
        click.echo("no recorded runs: gatedb has not changed this database")
    for run in runs:
        state = "" if run.state == "done" else f"  [{run.state}]"
        click.echo(
            f"{run.id:>4}  {run.started_at}  {run.command:<7} {run.duration_ms:>7} ms  "
            f"features: {', '.join(run.features) or '(none)'}  by {run.who}{state}"
        )
        if run.migrations:
            click.echo(f"      {' '.join(run.migrations)}")


def _run_json(run: Any) -> dict[str, Any]:
    return {
        "id": run.id, "command": run.command, "started_at": run.started_at, "duration_ms": run.duration_ms,
        "features": list(run.features), "who": run.who, "state": run.state, "migrations": list(run.migrations),
    }


@main.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL (commands, options, unit names).

    \b
    Example:
      eval "$(gatedb completion bash)"                  # in ~/.bashrc
      gatedb completion fish > ~/.config/fish/completions/gatedb.fish
    """
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    assert cls is not None  # click ships bash, zsh and fish
    click.echo(cls(main, {}, "gatedb", "_GATEDB_COMPLETE").source())
