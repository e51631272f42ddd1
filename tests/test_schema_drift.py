"""`gatedb check` against the project's schema package ([schema] package): tables, columns
and foreign-key owners per unit, with the module's file and line (GD013-GD017). No database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import gatedb
from gatedb.commands import main

from helpers import write_project
from test_schema_sqlalchemy import MANIFEST, PG_UP, PY_KEYS, SQLITE_UP

DRIFT = {"GD013", "GD014", "GD015", "GD016", "GD017"}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("drift") / "app", MANIFEST, {**PG_UP, **SQLITE_UP, **PY_KEYS})
    result = CliRunner().invoke(main, ["schema", "--lang", "sqlalchemy", "-p", str(root), "--out", str(root / "schema")])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def project(generated: Path, tmp_path: Path) -> Path:
    """A private copy to edit: the package imports under a name of its own per folder."""
    return Path(shutil.copytree(generated, tmp_path / "app"))


def drift(project: Path) -> list[tuple[str, str, str]]:
    report = gatedb.check(project)
    return [(d.id, d.location, d.message) for d in report.diagnostics if d.id in DRIFT]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_generated_package_has_no_drift(project: Path) -> None:
    assert drift(project) == []


def test_a_column_missing_from_a_module(project: Path) -> None:
    people = project / "schema" / "people.py"
    edit(people, "        sa.Column('score', sa.FLOAT()),\n", "")
    assert drift(project) == [("GD016", f"schema/people.py:{line_of(people, chr(39) + 'contacts' + chr(39))}", "table contacts: columns differ from the migrations (declared only: -; migrations only: score)")]


def test_a_bridge_key_declared_nowhere_and_a_table_in_the_wrong_unit(project: Path) -> None:
    schema = project / "schema"
    (schema / "mail__people.py").unlink()
    found = drift(project)
    assert [(i, m) for i, _l, m in found] == [("GD017", "foreign key contacts(message_id) -> messages (unit mail+people) is not declared in the schema package")]
    # the key moved into people's own table declaration: people does not own it
    edit(schema / "people.py", "        sa.Column('score', sa.FLOAT()),\n", "        sa.Column('score', sa.FLOAT()),\n        sa.ForeignKeyConstraint(['message_id'], ['messages.id']),\n")
    (kind, location, message), = drift(project)
    assert (kind, message) == ("GD017", "people declares foreign key contacts(message_id) -> messages, which belongs to unit mail+people")
    assert location == f"schema/people.py:{line_of(schema / 'people.py', chr(39) + 'contacts' + chr(39))}"


def test_missing_modules_renamed_tables_and_a_broken_package(project: Path) -> None:
    schema = project / "schema"
    (schema / "crm.py").unlink()
    edit(schema / "mail.py", "        'messages',\n", "        'mails',\n")
    edit(schema / "mail__people.py", "['messages.id']", "['mails.id']")
    found = {(i, m) for i, _l, m in drift(project)}
    assert ("GD014", "table deals (unit crm, created by crm/0001) is missing: the schema package schema has no module crm") in found
    assert ("GD014", "table messages (unit mail, created by mail/0001) is missing: module mail of the schema package does not declare it") in found
    assert ("GD015", "mail declares table mails, which no migration creates") in found
    (schema / "__init__.py").write_text("UNITS = (\n")
    (kind, location, message), = drift(project)
    assert kind == "GD013" and location == "gatedb.toml" and "cannot import schema package" in message


def test_check_cli_prints_the_drift_and_fails(project: Path) -> None:
    edit(project / "schema" / "people.py", "        sa.Column('score', sa.FLOAT()),\n", "")
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 1
    assert "schema/people.py:" in result.output and "error GD016: table contacts: columns differ" in result.output


def test_check_matrix_compares_column_types_with_the_live_database(project: Path) -> None:
    from gatedb.analysis.matrix import run_matrix

    mail = project / "schema" / "mail.py"
    edit(mail, "sa.Column('body', sa.TEXT(), nullable=False)", "sa.Column('body', sa.VARCHAR(length=10), nullable=False)")
    outcome = run_matrix(gatedb.load_project(project), "sqlite://")
    typed = {(d.id, d.location.rpartition(":")[0], d.message.rpartition(" on sqlite: ")[2]) for d in outcome.diagnostics}
    assert typed == {("GD018", "schema/mail.py", "messages.body is VARCHAR(10) in the schema package but TEXT in the database")}
    assert not any(run["ok"] for run in outcome.runs if "mail" in str(run["features"]) or "all" in str(run["features"]))


def test_a_package_not_written_yet_is_not_compared(project: Path) -> None:
    shutil.rmtree(project / "schema")
    assert drift(project) == []
