"""Commands for applications that write their schema code by hand: makemigrations."""

from __future__ import annotations

import click

from .common import main, reports_errors


@main.command()
@click.argument("unit")
@click.option("--message", "-m", required=True, help="What the migration does; also its file name.")
@click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml.")
@click.option("--database", "-d", help="A server to compare on (a scratch database is made there; default: SQLite in a temporary folder).")
@reports_errors
def makemigrations(unit: str, message: str, project: str, database: str | None) -> None:
    """Write UNIT's next migration from its schema module ([schema] package).

    The unit's declared tables are compared (Alembic's autogenerate) with what its closure's
    migrations build in a scratch database; the difference becomes the unit's next Python
    migration, numbered after its last. A foreign key that the placement rule gives to another
    unit (a bridge, or the feature a core table points at) goes to that unit's next migration.
    """
    from ..schema.autogen import make_migrations

    written = make_migrations(project, unit, message, database=database)
    if not written:
        click.echo(f"no changes: {unit}'s migrations already make what its schema module declares")
        return
    for migration in written:
        click.echo(f"wrote {migration.path}")
        for line in migration.operations:
            click.echo(f"  - {line}")
