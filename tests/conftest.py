"""Shared fixtures: a fresh, empty database on each real server, never a mock.

`db_url` runs a test once per database (SQLite, PostgreSQL, MariaDB). Each test gets
its own scratch database, dropped afterwards. Servers come from these URLs (the
defaults match the development machines and CI):
  GATEDB_TEST_POSTGRESQL  postgresql+psycopg://root@127.0.0.1:5432/postgres
  GATEDB_TEST_MYSQL       mysql+pymysql://root@127.0.0.1:3306/test
A server that does not answer skips its tests locally and fails them under CI=true.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Callable, Iterator

import pytest
import sqlalchemy as sa

PG_ADMIN = os.environ.get("GATEDB_TEST_POSTGRESQL", "postgresql+psycopg://root@127.0.0.1:5432/postgres")
MYSQL_ADMIN = os.environ.get("GATEDB_TEST_MYSQL", "mysql+pymysql://root@127.0.0.1:3306/test")
DIALECTS = ("sqlite", "postgresql", "mysql")
FIXTURES = Path(__file__).parent / "fixtures"

_unreachable: dict[str, str] = {}


def _admin_engine(dialect: str) -> sa.Engine:
    url = PG_ADMIN if dialect == "postgresql" else MYSQL_ADMIN
    return sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


def _require_server(dialect: str) -> None:
    if dialect not in _unreachable:
        try:
            with _admin_engine(dialect).connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            _unreachable[dialect] = ""
        except Exception as exc:  # the server is down: say so once
            _unreachable[dialect] = f"{dialect} server not reachable: {exc.__class__.__name__}"
    if _unreachable[dialect]:
        if os.environ.get("CI"):
            pytest.fail(_unreachable[dialect])
        pytest.skip(_unreachable[dialect])


class ScratchDatabases:
    """Creates empty databases on demand and drops them all at teardown."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.created: list[tuple[str, str]] = []

    def new(self, dialect: str) -> str:
        name = f"gatedb_t_{uuid.uuid4().hex[:10]}"
        if dialect == "sqlite":
            return f"sqlite:///{self.tmp_path / (name + '.db')}"
        _require_server(dialect)
        with _admin_engine(dialect).connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE {name}"))
        self.created.append((dialect, name))
        base = sa.make_url(PG_ADMIN if dialect == "postgresql" else MYSQL_ADMIN)
        return base.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        for dialect, name in self.created:
            with _admin_engine(dialect).connect() as conn:
                force = " WITH (FORCE)" if dialect == "postgresql" else ""
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}{force}"))


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[ScratchDatabases]:
    databases = ScratchDatabases(tmp_path)
    yield databases
    databases.drop_all()


@pytest.fixture(params=DIALECTS)
def dialect(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(dialect: str, scratch: ScratchDatabases) -> str:
    """A fresh empty database, once per dialect."""
    return scratch.new(dialect)


@pytest.fixture
def new_db(scratch: ScratchDatabases) -> Callable[[str], str]:
    """Factory: new_db("postgresql") -> URL of a fresh empty database."""
    return scratch.new


def table_names(url: str) -> set[str]:
    """User tables in the database, without gatedb's own bookkeeping."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        return {t for t in sa.inspect(engine).get_table_names() if not t.startswith("gatedb_")}
    finally:
        engine.dispose()
