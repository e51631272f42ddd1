"""The pytest plugin: a database migrated for the features a test names.

    @pytest.mark.gatedb_features("tasks", "projects")      # or all_features=True, no_default_features=True
    def test_assign(gatedb_database):                      # the URL of a database of its own
        ...

Each feature set is migrated once per session into a template; every test then gets a
copy: SQLite copies the migrated file, PostgreSQL runs CREATE DATABASE ... TEMPLATE.
MariaDB/MySQL has no template databases, so there each test's database is migrated anew
(correct, only slower). Feature selections that resolve to the same enabled set share
one template.

Options: --gatedb-project DIR (ini gatedb_project, default the rootdir), --gatedb-database
URL (env GATEDB_TEST_DATABASE_URL): a server where the plugin may CREATE and DROP
databases; without one, SQLite files in a temporary folder. Loaded through the
`pytest11` entry point; it imports SQLAlchemy only when a test asks for a database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest

ENV_DATABASE = "GATEDB_TEST_DATABASE_URL"
MARKER = "gatedb_features"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("gatedb", "databases migrated by gatedb for a feature set")
    group.addoption("--gatedb-project", help="Folder holding gatedb.toml (default: ini gatedb_project, else the rootdir).")
    group.addoption("--gatedb-database", help=f"Server URL where test databases are created (default: SQLite). Env: {ENV_DATABASE}.")
    parser.addini("gatedb_project", "Folder holding gatedb.toml, relative to the rootdir.", default="")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(*features, all_features=False, no_default_features=False): "
        "the features the gatedb_database fixture migrates (default: the project's default set)",
    )


@dataclass
class Template:
    """One feature set, migrated once (its URL; None where the server has no templates)."""

    enabled: frozenset[str]
    url: str | None
    tests: int = 0


@dataclass
class Templates:
    """The session's templates, one per enabled feature set, on check --matrix's scratch
    databases (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL)."""

    project: str
    server: str  # sqlite:// for files in a temporary folder
    by_set: dict[frozenset[str], Template] = field(default_factory=dict)
    migrations_run: int = 0  # api.migrate calls, for the summary (and the tests of this plugin)
    scratch: Any = None

    def __post_init__(self) -> None:
        from .analysis.matrix import Scratch

        self.scratch = Scratch(self.server)
        self.loaded: Any = None  # the Project, read once per session
        self.dropper: Any = None  # the background threads dropping server databases

    def _project(self) -> Any:
        from . import api

        if self.loaded is None:
            self.loaded = api.open_project(self.project)
        return self.loaded

    @property
    def dialect(self) -> str:
        return str(self.scratch.dialect)

    def database_for(self, selection: dict[str, Any]) -> str:
        """A new database holding the migrated schema of `selection`; drop() it after the test."""
        from . import api

        enabled = api.resolve(self._project(), **selection).enabled
        template = self.by_set.get(enabled)
        if template is None:
            url = self._migrated(self.scratch.new(), enabled) if self.scratch.clones else None
            template = self.by_set[enabled] = Template(enabled, url)
        template.tests += 1
        if template.url is None:  # MySQL: no templates; migrate this database itself
            return self._migrated(self.scratch.new(), enabled)
        return str(self.scratch.new(template.url))

    def _migrated(self, url: str, enabled: frozenset[str]) -> str:
        from . import api

        api.migrate(self._project(), database=url, features=sorted(enabled), no_default_features=True)
        self.migrations_run += 1
        return url

    def drop(self, url: str) -> None:
        """Drop a test's database. On a server, in the background: PostgreSQL's DROP DATABASE
        waits for a checkpoint, and the next test need not wait with it."""
        if self.scratch.dialect == "sqlite":
            self.scratch.drop(url)
            return
        if self.dropper is None:
            from concurrent.futures import ThreadPoolExecutor

            self.dropper = ThreadPoolExecutor(max_workers=4, thread_name_prefix="gatedb-drop")  # concurrent drops share a checkpoint
        self.dropper.submit(self.scratch.drop, url)

    def close(self) -> None:
        if self.dropper is not None:
            self.dropper.shutdown(wait=True)
        self.scratch.close()  # the templates and whatever a failed drop left


_TEMPLATES = pytest.StashKey[Templates]()


def _templates(config: pytest.Config) -> Templates:
    if _TEMPLATES not in config.stash:
        from .db.url import normalise_url

        project = config.getoption("gatedb_project") or config.getini("gatedb_project") or "."
        root = Path(config.rootpath) / project
        server = config.getoption("gatedb_database") or os.environ.get(ENV_DATABASE) or None
        config.stash[_TEMPLATES] = Templates(str(root), normalise_url(server) if server else "sqlite://")
    return config.stash[_TEMPLATES]


def _selection(node: pytest.Item) -> dict[str, Any]:
    """The closest gatedb_features marker (a test's own wins over its class's or module's)."""
    marker = node.get_closest_marker(MARKER)
    if marker is None:
        return {"features": [], "no_default_features": False, "all_features": False}
    unknown = set(marker.kwargs) - {"all_features", "no_default_features"}
    if unknown:
        raise pytest.UsageError(f"{node.nodeid}: @pytest.mark.{MARKER} takes no {', '.join(sorted(unknown))}; use all_features=, no_default_features=")
    return {
        "features": list(marker.args),
        "no_default_features": bool(marker.kwargs.get("no_default_features", False)),
        "all_features": bool(marker.kwargs.get("all_features", False)),
    }


@pytest.fixture
def gatedb_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a database of this test's own, migrated for the features its
    @pytest.mark.gatedb_features names (a copy of the session's template for that set)."""
    from .db.url import mask
    from .errors import GatedbError

    templates = _templates(request.config)
    try:
        url = templates.database_for(_selection(request.node))
    except GatedbError as exc:
        pytest.fail(f"gatedb: error: {mask(exc.message)}\nhint: {mask(exc.hint or '')}", pytrace=False)
    try:
        yield url
    finally:
        templates.drop(url)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    templates = config.stash.get(_TEMPLATES, None)
    if templates is None or not templates.by_set:
        return
    sets = "; ".join(",".join(sorted(t.enabled)) or "(no features)" for t in templates.by_set.values())
    tests = sum(t.tests for t in templates.by_set.values())
    terminalreporter.write_line(
        f"gatedb: {len(templates.by_set)} feature set(s) [{sets}], {templates.migrations_run} migration run(s) for {tests} test database(s) on {templates.dialect}"
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    templates = config.stash.get(_TEMPLATES, None)
    if templates is not None:
        templates.close()
