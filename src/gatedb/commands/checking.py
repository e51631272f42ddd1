"""Commands that read the project alone: check (and its --matrix), graph."""

from __future__ import annotations

import json

import click

from .. import api
from .common import fail, main, reports_errors

@main.command()
@click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml.")
@click.option("--database", "-d", envvar="GATEDB_DATABASE_URL", help="With --matrix: the server to test on (scratch databases are made there). Without: only picks the dialect.")
@click.option("--dialect", "dialects", multiple=True, type=click.Choice(["postgresql", "sqlite", "mysql"]), help="Dialect(s) to analyse (default: those the project writes variants for, else the database's).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--html", "html_file", type=click.Path(dir_okay=False), help="Also write one HTML page with the diagnostics and the graph.")
@click.option("--matrix", is_flag=True, help="Also apply a covering set of feature sets to real scratch databases and compare with the prediction.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="With --matrix: feature sets applied at once, each in its own database (default: 4).")
@reports_errors
def check(project: str, database: str | None, dialects: tuple[str, ...], fmt: str, html_file: str | None, matrix: bool, jobs: int | None) -> None:
    """Prove every feature combination works, before any database is touched.

    Finds references across units that some feature set lacks (with the smallest such set),
    objects nobody creates, duplicates, units altering one table unordered, orders that
    change the schema, late-enable hazards and down migrations that do not undo their up.
    Exits 1 when any error is found.
    """
    import time

    from ..errors import CheckFailed

    started = time.perf_counter()
    report = api.check(project, dialects=list(dialects) or None, database=database)
    diagnostics = list(report.diagnostics)
    runs = []
    if matrix and report.project is not None:
        from ..analysis import matrix as matrix_mod

        if not database:
            fail("--matrix needs a database server", "pass --database URL (sqlite:///scratch.db works too)", 2)
        def progress(label: str) -> None:
            if fmt != "json":
                click.echo(f"applied feature set: {label}", err=True)

        outcome = matrix_mod.run_matrix(report.project, database, on_event=progress, jobs=jobs)
        diagnostics += outcome.diagnostics
        runs = outcome.runs
    elapsed = time.perf_counter() - started
    errors = sum(1 for d in diagnostics if d.level == "error")
    warnings = sum(1 for d in diagnostics if d.level == "warning")
    if fmt == "json":
        click.echo(json.dumps({"format": 1, "dialects": list(report.dialects), "errors": errors, "warnings": warnings,
                               "diagnostics": [d.as_json() for d in diagnostics], "matrix": runs}, indent=2))
    else:
        for d in diagnostics:
            click.echo(f"{d.location}: {d.level} {d.id}: {d.message}")
            if d.hint:
                click.echo(f"  hint: {d.hint}")
        units = len(report.project.units) if report.project else 0
        sets = f", {len(runs)} feature sets applied" if runs else ""
        click.echo(f"checked {units} units for every feature set ({', '.join(report.dialects) or 'no dialect'}){sets}: "
                   f"{errors} error(s), {warnings} warning(s) in {elapsed:.2f} s")
    if html_file:
        from .diagram import write_html

        write_html(html_file, report.project, diagnostics)
    if errors:
        raise CheckFailed(f"check found {errors} error(s)", "fix them (each names its file and line), or set a rule's level in [check.severity]")


@main.command()
@click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml.")
@click.option("--format", "fmt", type=click.Choice(["mermaid", "dot", "svg"]), default="mermaid", show_default=True)
@click.option("--dialect", type=click.Choice(["postgresql", "sqlite", "mysql"]), help="Also show the dependencies the analysis of this dialect's SQL finds.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@reports_errors
def graph(project: str, fmt: str, dialect: str | None, output: str | None) -> None:
    """Features, units, bridges and cross-unit dependencies as a diagram."""
    from . import diagram
    from ..errors import Refused

    g = diagram.build(api.open_project(project), dialect)
    if fmt == "svg":
        text = diagram.to_svg(g)
        if text is None:
            raise Refused("SVG needs Graphviz's `dot`, which is not installed", "install graphviz (apt-get install graphviz), or use --format dot")
    else:
        text = diagram.to_mermaid(g) if fmt == "mermaid" else diagram.to_dot(g)
    if output:
        from pathlib import Path

        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
