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
import shutil
import tempfile
import uuid
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
    """One feature set, migrated once: a SQLite file or a server database (None on MySQL)."""

    enabled: frozenset[str]
    source: str | None
    tests: int = 0


@dataclass
class Templates:
    """The session's templates, one per enabled feature set, and the databases handed out."""

    project: str
    server: str | None  # None: SQLite in `folder`
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="gatedb-pytest-")))
    by_set: dict[frozenset[str], Template] = field(default_factory=dict)
    migrations_run: int = 0  # api.migrate calls, for the summary (and the tests of this plugin)

    @property
    def dialect(self) -> str:
        from .db.url import dialect_name

        return dialect_name(self.server) if self.server else "sqlite"

    def database_for(self, selection: dict[str, Any]) -> str:
        """A new database holding the migrated schema of `selection`; the caller drops it."""
        from . import api

        enabled = api.resolve(self.project, **selection).enabled
        template = self.by_set.get(enabled)
        if template is None:
            template = self.by_set[enabled] = Template(enabled, self._make_template(enabled))
        template.tests += 1
        name = f"gatedb_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        if self.server is None:
            target = self.folder / f"{name}.db"
            shutil.copyfile(str(template.source), target)
            return f"sqlite:///{target}"
        if template.source is None:  # MySQL: no templates; migrate this database itself
            self._admin(f"CREATE DATABASE {name}")
            url = self._url(name)
            self._migrate(url, enabled)
            return url
        self._admin(f"CREATE DATABASE {name} TEMPLATE {template.source}")
        return self._url(name)

    def _make_template(self, enabled: frozenset[str]) -> str | None:
        label = uuid.uuid4().hex[:8]
        if self.server is None:
            path = self.folder / f"template_{label}.db"
            self._migrate(f"sqlite:///{path}", enabled)
            return str(path)
        if self.dialect != "postgresql":
            return None
        name = f"gatedb_template_{os.getpid()}_{label}"
        self._admin(f"CREATE DATABASE {name}")
        self._migrate(self._url(name), enabled)
        return name

    def _migrate(self, url: str, enabled: frozenset[str]) -> None:
        from . import api

        api.migrate(self.project, database=url, features=sorted(enabled), no_default_features=True)
        self.migrations_run += 1

    def _url(self, database: str) -> str:
        import sqlalchemy as sa

        return sa.make_url(str(self.server)).set(database=database).render_as_string(hide_password=False)

    def _admin(self, sql: str) -> None:
        import sqlalchemy as sa

        from .db.url import create_engine

        engine = create_engine(str(self.server))
        try:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text(sql))
        finally:
            engine.dispose()

    def drop(self, url: str) -> None:
        if self.server is None:
            Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
            return
        import sqlalchemy as sa

        self._drop_database(sa.make_url(url).database or "")

    def _drop_database(self, name: str) -> None:
        force = " WITH (FORCE)" if self.dialect == "postgresql" else ""
        self._admin(f"DROP DATABASE IF EXISTS {name}{force}")

    def close(self) -> None:
        if self.server is not None:
            for template in self.by_set.values():
                if template.source is not None:
                    self._drop_database(template.source)
        shutil.rmtree(self.folder, ignore_errors=True)


_TEMPLATES = pytest.StashKey[Templates]()


def _templates(config: pytest.Config) -> Templates:
    if _TEMPLATES not in config.stash:
        from .db.url import normalise_url

        project = config.getoption("gatedb_project") or config.getini("gatedb_project") or "."
        root = Path(config.rootpath) / project
        server = config.getoption("gatedb_database") or os.environ.get(ENV_DATABASE) or None
        config.stash[_TEMPLATES] = Templates(str(root), normalise_url(server) if server else None)
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
