"""The everyday workflow around migrate: write a project and its next migration, revert
and redo the newest migrations, read the history of runs.

Public functions (re-exported by `gatedb`): init, new_migration, revert, redo, history.
They reuse api's connection, lock and preflight helpers, so a revert is as safe as a migrate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from . import api
from .core import planner
from .core.model import AppliedRecord, MigrationId, Project, Step
from .core.versions import version_key
from .errors import Refused

if TYPE_CHECKING:  # the runner loads SQLAlchemy: only a run needs it
    from .db.runner import Listener


def init(folder: str = ".", *, database: str | None = None, features: Sequence[str] = ()) -> list[Path]:
    """Write gatedb.toml and migrations/core/ in a folder that holds no gatedb project."""
    from .files.authoring import init_project

    return init_project(folder, database, tuple(features))


def new_migration(project: api.ProjectLike, unit: str, name: str, *, kind: str = "sql") -> list[Path]:
    """Write the unit's next migration (up and down), numbered after the unit's last."""
    from .files import authoring

    proj = api.open_project(project)
    draft = authoring.draft_migration(proj, unit, name, kind)
    return authoring.write(proj.root, draft)


def revert(
    project: api.ProjectLike = ".",
    unit: str | None = None,
    *,
    to: str | None = None,
    count: int = 1,
    database: str | None = None,
    features: Iterable[str] | str | None = None,
    no_default_features: bool = False,
    all_features: bool = False,
    dry_run: bool = False,
    lock_timeout: float = 60.0,
    on_event: Listener | None = None,
) -> tuple[Step, ...]:
    """Run the down migrations of the newest applied migrations of enabled units, newest
    first: the last `count` (of `unit` if given), or every one of `unit` after version `to`.
    Refuses one that applied migrations left in place may use, naming them."""
    proj = api.open_project(project)
    resolution = api.resolve(proj, features, no_default_features, all_features)
    active = [u.name for u in proj.active_units(resolution.enabled)]
    unit, to = _target(proj, active, unit, to)
    url = api.database_url(proj, database)
    if dry_run:
        return revert_steps(proj, active, api.read_applied(url), unit, to, count, api.dialect_name(url))
    from .db import history

    with api.locked(url, lock_timeout) as (conn, dialect):
        steps = revert_steps(proj, active, history.read(conn), unit, to, count, dialect.name)
        api.preflight(proj, steps, dialect.name)
        return tuple(api.run_recorded(conn, dialect, "revert", resolution.enabled, steps, proj.root, on_event))


def redo(
    project: api.ProjectLike = ".",
    unit: str | None = None,
    *,
    count: int = 1,
    database: str | None = None,
    features: Iterable[str] | str | None = None,
    no_default_features: bool = False,
    all_features: bool = False,
    lock_timeout: float = 60.0,
    on_event: Listener | None = None,
) -> tuple[Step, ...]:
    """Revert the newest `count` migrations, then apply them again, in one locked run:
    proves that each down undoes its up (Diesel's `migration redo`)."""
    proj = api.open_project(project)
    resolution = api.resolve(proj, features, no_default_features, all_features)
    active = [u.name for u in proj.active_units(resolution.enabled)]
    unit, _ = _target(proj, active, unit, None)
    url = api.database_url(proj, database)
    from .db import history

    with api.locked(url, lock_timeout) as (conn, dialect):
        down = revert_steps(proj, active, history.read(conn), unit, None, count, dialect.name)
        up = tuple(Step(s.migration, f"redo {s.migration.id}") for s in reversed(down))
        api.preflight(proj, down + up, dialect.name)
        return tuple(api.run_recorded(conn, dialect, "redo", resolution.enabled, down + up, proj.root, on_event))


def history(project: api.ProjectLike = ".", *, database: str | None = None) -> list:  # of db.history.Run
    """The recorded runs, oldest first: when, how long, the feature set, who ran them."""
    from .db import history as bookkeeping

    proj = api.open_project(project)
    url = api.database_url(proj, database)
    return api._read_only(url, bookkeeping.runs) or []


def _target(project: Project, active: list[str], unit: str | None, to: str | None) -> tuple[str | None, str | None]:
    """Validate UNIT and --to (which may carry the unit: `--to tasks/0002`)."""
    if to is not None and "/" in to:
        named = MigrationId.parse(to)
        if unit is not None and unit != named.unit:
            raise Refused(f"--to {to} names unit {named.unit}, not {unit}", f"write --to {named.version}, or name unit {named.unit}")
        unit, to = named.unit, named.version
    if unit is not None:
        if unit not in {u.name for u in project.units}:
            raise Refused(f"no unit {unit} in this project", f"units: {', '.join(u.name for u in project.units)}")
        if unit not in active:
            raise Refused(f"unit {unit} is off for this feature set", "enable its features (--features ...), or prune a disabled feature with gatedb prune")
    if to is not None:
        if unit is None:
            raise Refused(f"--to {to} needs a unit", f"write gatedb revert UNIT --to {to}, or --to UNIT/{to}")
        if not any(m.id.unit == unit and m.key == version_key(to) for m in project.migrations):
            raise Refused(f"no migration {unit}/{to} in this project", f"pick a version of {unit}: gatedb status lists them")
    return unit, to


def revert_steps(
    project: Project, active: list[str], applied: Sequence[AppliedRecord], unit: str | None, to: str | None, count: int, dialect: str
) -> tuple[Step, ...]:
    steps, users = planner.revert_plan(project, active, applied, unit, to, count)
    for step in steps:
        mid = step.migration.id
        if mid in users:
            names = ", ".join(str(u) for u in users[mid])
            raise Refused(
                f"cannot revert {mid}: applied migration(s) {names} may use it and would stay applied",
                "revert those first (gatedb revert UNIT for each, newest first), then this one",
            )
        if not step.migration.has_down(dialect):
            raise Refused(
                f"cannot revert {mid}: {step.migration.path} has no down migration",
                "add down.sql (or a -- gatedb:down section, or downgrade(op)), then revert again",
            )
    return steps
