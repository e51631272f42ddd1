"""`gatedb check` over application code: [code] maps packages to units (GD020, GD021)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from gatedb import api
from gatedb.analysis.codescan import uses_in
from gatedb.commands import main

from helpers import write_project

MIGRATIONS = {
    "core/0001_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
    "tasks/0001_tasks.sql": "CREATE TABLE tasks (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES users (id));\n",
    "projects/0001_projects.sql": "CREATE TABLE projects (id INTEGER PRIMARY KEY);\n",
}
MANIFEST = """
[features]
default = ["tasks"]
tasks = []
projects = []
big = ["tasks", "projects"]

[schema]
package = "schema"

[code]
"app" = "core"
"app.tasks" = "tasks"
"app.tasks.projects" = "projects+tasks"
"app.big" = "big"
"""
CODE = {
    "app/__init__.py": "",
    "app/users.py": "from schema import core\nfrom schema.tasks import define  # core code needs tasks\n",
    "app/tasks/__init__.py": "",
    "app/tasks/views.py": textwrap.dedent(
        """\
        from schema import tasks, core
        import schema.projects
        from gatedb import load_schema

        def show(schema, metadata):
            schema.table("tasks")
            schema.table("projects")
            return metadata.tables["users"], metadata.tables["projects"]
        """
    ),
    "app/tasks/projects.py": "from ..schema_helpers import x\nfrom schema import projects\n\ndef f(s):\n    return s.table('projects')\n",
    "app/big.py": "import schema.projects, schema.tasks\n",
}


def make(root: Path, manifest: str = MANIFEST, code: dict[str, str] = CODE) -> Path:
    project = write_project(root, manifest, MIGRATIONS)
    for rel, text in code.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text)
    return project


def found(project: Path) -> list[tuple[str, str, int, str]]:
    report = api.check(project, dialects=["sqlite"])
    return [(d.id, d.file, d.line, d.message) for d in report.diagnostics]


def test_each_use_outside_the_closure_is_reported_at_its_line(tmp_path: Path) -> None:
    project = make(tmp_path / "app")
    assert found(project) == [
        ("GD020", "app/tasks/views.py", 2, "code of unit tasks (import schema.projects) imports the schema module of unit projects, which is not always on when tasks is on; it breaks with --no-default-features --features tasks"),
        ("GD021", "app/tasks/views.py", 7, "code of unit tasks (table('projects')) looks up table projects, owned by unit projects, which is not always on when tasks is on; it breaks with --no-default-features --features tasks"),
        ("GD021", "app/tasks/views.py", 8, "code of unit tasks (tables['projects']) looks up table projects, owned by unit projects, which is not always on when tasks is on; it breaks with --no-default-features --features tasks"),
        ("GD020", "app/users.py", 2, "code of unit core (from schema.tasks import ...) imports the schema module of unit tasks, which is not always on when core is on; it breaks with --no-default-features"),
    ]


def test_the_cli_prints_file_line_and_hint_and_fails(tmp_path: Path) -> None:
    project = make(tmp_path / "app")
    result = CliRunner().invoke(main, ["check", "-p", str(project), "--dialect", "sqlite"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("app/tasks/views.py:2: error GD020: code of unit tasks (import schema.projects)")
    assert lines[1] == "  hint: move this code to a module mapped to tasks+projects in [code] (on only when both are), or add 'projects' to 'tasks' in [features]"
    assert "  hint: move this code to a module mapped to tasks in [code] (core's code cannot depend on a feature)" in lines
    as_json = json.loads(CliRunner().invoke(main, ["check", "-p", str(project), "--dialect", "sqlite", "--format", "json"]).stdout)
    assert [(d["id"], d["file"], d["line"]) for d in as_json["diagnostics"]][:1] == [("GD020", "app/tasks/views.py", 2)]


def test_levels_come_from_check_severity(tmp_path: Path) -> None:
    project = make(tmp_path / "app", MANIFEST + '\n[check.severity]\nGD020 = "off"\nGD021 = "warning"\n')
    assert {d.id: d.level for d in api.check(project, dialects=["sqlite"]).diagnostics} == {"GD021": "warning"}


@pytest.mark.parametrize(
    ("line", "message", "hint"),
    [
        ('"app.tasks" = "taks"', "gatedb.toml: [code] 'app.tasks' = 'taks': unknown unit 'taks'", "units: core, tasks, projects"),
        ('"app.nothing" = "tasks"', "gatedb.toml: [code] 'app.nothing': no app/nothing.py or app/nothing/ in the project or its src/", "fix the module name"),
        ('"app tasks" = "tasks"', "gatedb.toml: [code] 'app tasks' = 'tasks': expected a dotted module name and a unit name", 'write "app.tasks" = "tasks"'),
        ('"app.tasks" = 3', "gatedb.toml: [code] 'app.tasks' = 3: expected a dotted module name and a unit name", 'write "app.tasks" = "tasks"'),
    ],
)
def test_a_bad_code_table_is_one_gd010(tmp_path: Path, line: str, message: str, hint: str) -> None:
    project = make(tmp_path / "app", MANIFEST.split("[code]")[0] + "[code]\n" + line + "\n", {"app/__init__.py": "", "app/tasks.py": ""})
    (diag,) = api.check(project, dialects=["sqlite"]).diagnostics
    assert (diag.id, diag.message) == ("GD010", message)
    assert diag.hint.startswith(hint)


def test_without_code_table_nothing_is_scanned(tmp_path: Path) -> None:
    project = make(tmp_path / "app", MANIFEST.split("[code]")[0])
    assert found(project) == []


def test_import_forms() -> None:
    source = textwrap.dedent(
        """\
        import schema.projects as p
        from schema import tasks as t, core
        from schema.projects.sub import X
        from .. import schema
        import schemas.other
        from schema import *
        x.table(name)
        y.tables[key]
        """
    )
    uses = uses_in(source, "app.tasks.views", False, "schema")
    assert [(u.line, u.kind, u.name) for u in uses] == [(1, "module", "projects"), (2, "module", "core"), (2, "module", "tasks"), (3, "module", "projects")]
    assert uses_in(source, "app.tasks.views", False, None) == []  # no [schema]: table lookups only


def test_relative_imports_resolve_from_the_file() -> None:
    relative = "from ..schema import mail\nfrom .schema import chat\n"
    assert [(u.line, u.name) for u in uses_in(relative, "app.tasks.views", False, "app.schema")] == [(1, "mail")]  # app.tasks.views: .. is app
    assert [(u.line, u.name) for u in uses_in(relative, "app.tasks", True, "app.schema")] == [(1, "mail")]  # app/tasks/__init__.py: .. is app
    assert [(u.line, u.name) for u in uses_in(relative, "app.views", False, "app.schema")] == [(2, "chat")]  # app.views: . is app


def test_a_file_that_does_not_parse_has_no_uses() -> None:
    assert uses_in("def broken(:\n", "m", False, "schema") == []
