"""`gatedb schema`: the project's schema as code, one module per unit."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

import click

from .common import main, reports_errors

# lang -> "module:function" writing the package; function(project, databases, out) -> written paths.
# Imported only when chosen, so that one writer's libraries never load for another.
WRITERS: dict[str, str] = {
    "diesel": "gatedb.schema.diesel:write_modules",
    "sqlalchemy": "gatedb.schema.sqlalchemy_writer:write_package",
}


def writer(lang: str) -> Callable[..., list[Path]]:
    module, _, function = WRITERS[lang].partition(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


@main.command()
@click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml.")
@click.option("--lang", required=True, type=click.Choice(sorted(WRITERS)), help="What to write.")
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="The package folder to write (made if missing).")
@click.option(
    "--database", "-d", "databases", multiple=True,
    help="Scratch server(s) to migrate every feature into and reflect: a temporary database is made there and "
         "dropped. Repeat for more dialects: the first gives the types, the others variants. "
         "Default: a temporary SQLite file (sqlite://).",
)
@click.option("--except-tables", "-e", multiple=True, metavar="REGEX", help="diesel: leave out the tables whose name matches (as print-schema -e).")
@click.option("--custom-type-derives", multiple=True, metavar="PATH", help="diesel: derives of generated SqlTypes besides SqlType (diesel setup's diesel.toml: diesel::query_builder::QueryId, Clone).")
@reports_errors
def schema(project: str, lang: str, out: str, databases: tuple[str, ...], except_tables: tuple[str, ...], custom_type_derives: tuple[str, ...]) -> None:
    """Write the schema as code: one module per unit, each declaring only its own tables.

    Applies every feature's migrations to scratch databases (nothing else is touched),
    reflects them, and splits the schema by the unit that owns each table and foreign key.
    A rerun on the same migrations writes byte-identical files.
    """
    from .. import api
    from ..schema.ownership import ownership
    from ..db.url import dialect_name
    from ..errors import GatedbError

    proj = api.open_project(project)
    dialect = dialect_name(databases[0]) if databases else "sqlite"
    for violation in ownership(proj, dialect).violations:
        click.echo(f"warning: {violation.message}", err=True)
    options = {k: v for k, v in {"except_tables": except_tables, "custom_type_derives": custom_type_derives}.items() if v}
    if options and lang != "diesel":
        flag = "--" + next(iter(options)).replace("_", "-")
        raise GatedbError(f"{flag} is an option of --lang diesel, not of --lang {lang}", f"leave {flag} out")
    written = writer(lang)(proj, list(databases), Path(out), **options)
    click.echo(f"wrote {len(written)} files to {out}")
