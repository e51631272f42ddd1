"""`gatedb split` (a flat history into units) and `gatedb adopt` (a database migrated the
old way onto the units)."""

from __future__ import annotations

import json
import time

import click

from .common import main, reports_errors

DIALECT_CHOICE = click.Choice(["postgresql", "sqlite", "mysql"])


@main.command()
@click.argument("source", type=click.Path(file_okay=False))
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False), help="TOML: feature = [tables and globs], optional [features] implications.")
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="Folder for the new gatedb project.")
@click.option("--from", "source_format", type=click.Choice(["diesel", "sql", "flyway", "alembic"]), help="Format of SOURCE (default: detected).")
@click.option("--dialect", type=DIALECT_CHOICE, default="postgresql", show_default=True, help="The SQL dialect of the history.")
@click.option("--feature-from-name", is_flag=True, help="A table no rule names takes the feature its migration's name ends with.")
@click.option("--force", is_flag=True, help="Replace gatedb.toml and migrations/ in a non-empty --out.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def split(source: str, rules_path: str | None, out: str, source_format: str | None, dialect: str, feature_from_name: bool, force: bool, fmt: str) -> None:
    """Split the flat history in SOURCE into core, feature and bridge units under --out."""
    from ..split import report
    from ..split.run import split_history

    started = time.perf_counter()
    result = split_history(source, out, rules_path, source_format=source_format, dialect=dialect, feature_from_name=feature_from_name, force=force)
    seconds = time.perf_counter() - started
    if fmt == "json":
        click.echo(json.dumps(report.as_json(result, seconds), indent=2))
    else:
        click.echo(report.as_text(result, out, seconds))


@main.command()
@click.option("--project", "-p", default=".", show_default=True, help="The split project (holding migrations/.gatedb-split.json).")
@click.option("--from", "source_format", required=True, type=click.Choice(["diesel", "alembic", "flyway", "names"]), help="Where the old tool recorded what it applied.")
@click.option("--database", "-d", envvar="GATEDB_DATABASE_URL", help="The database migrated the old way. Env: GATEDB_DATABASE_URL.")
@click.option("--file", "names_file", type=click.Path(dir_okay=False), help="With --from names: a file of applied migration names, one a line.")
@click.option("--dry-run", is_flag=True, help="Show what would be recorded; change nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def adopt(project: str, source_format: str, database: str | None, names_file: str | None, dry_run: bool, fmt: str) -> None:
    """Record as applied the split migrations a database migrated the old way already holds."""
    from ..split.adopt import adopt as adopt_database

    outcome = adopt_database(project, source_format, database=database, names_file=names_file, dry_run=dry_run)
    if fmt == "json":
        click.echo(json.dumps(outcome.as_json(), indent=2))
        return
    verb = "would record" if dry_run else "recorded"
    click.echo(f"features the database holds: {', '.join(outcome.features) or '(none: core only)'}")
    click.echo(f"{verb} {len(outcome.recorded)} migrations as applied (from {len(outcome.applied_sources)} applied source migrations):")
    for mid in outcome.recorded:
        click.echo(f"  {mid}")
    if outcome.already:
        click.echo(f"already recorded: {len(outcome.already)}")
