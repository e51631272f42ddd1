"""Bare DB-API connections, one driver per dialect (psycopg, PyMySQL, sqlite3), with the
same session settings as the SQLAlchemy engine. I/O edge.

Commands that only read the bookkeeping (a `migrate` with nothing pending, `plan`) use
these, so that they cost the driver's import and one round trip, not SQLAlchemy's import.
Only the drivers gatedb ships with are opened here; another driver in the URL
(`postgresql+psycopg2://`) leaves the work to SQLAlchemy (`opens_bare` is False).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

from ..errors import DatabaseError
from .url import DatabaseUrl, dialect_name, first_line, mask, parse_url

BARE_SCHEMES = frozenset({"postgresql+psycopg", "mysql+pymysql", "sqlite", "sqlite+pysqlite"})
CONNECT_TIMEOUT = 10  # seconds: a server that does not answer is an error, not a hang


def opens_bare(url: str) -> bool:
    return parse_url(url).scheme in BARE_SCHEMES


def session_settings(url: str, lock_timeout: float = 60.0) -> dict[str, Any]:
    """The driver's connect arguments gatedb sets on every connection: who is connected
    (PostgreSQL's application_name, MySQL's program_name), the connect timeout and
    SQLite's busy timeout."""
    who = f"gatedb pid={os.getpid()} host={socket.gethostname()}"
    return {
        "sqlite": {"timeout": max(lock_timeout, 1.0)},
        "postgresql": {"application_name": who, "connect_timeout": CONNECT_TIMEOUT},
        "mysql": {"program_name": who, "connect_timeout": CONNECT_TIMEOUT},
    }[dialect_name(url)]


def connect(url: str, lock_timeout: float = 60.0) -> Any:
    """An autocommit DB-API connection; a refused or unknown server is one DatabaseError line.
    A SQLite file that does not exist yet is created, as the driver does."""
    parsed = parse_url(url)
    settings = session_settings(url, lock_timeout)
    try:
        return _OPEN[dialect_name(url)](parsed, settings)
    except DatabaseError:
        raise
    except Exception as exc:
        raise DatabaseError(
            f"cannot connect to {mask(url)}: {first_line(exc)}",
            "check that the server runs and the URL (host, port, user, database) is right",
        ) from None


def _postgresql(url: DatabaseUrl, settings: dict[str, Any]) -> Any:
    import psycopg

    params = {"host": url.host, "port": url.port, "user": url.username, "password": url.password, "dbname": url.database}
    params = {key: value for key, value in params.items() if value is not None}
    return psycopg.connect(**{**settings, **params, **url.query}, autocommit=True)


def _mysql(url: DatabaseUrl, settings: dict[str, Any]) -> Any:
    import pymysql

    return pymysql.connect(
        host=url.host or "localhost",
        port=url.port or 3306,
        user=url.username,
        password=url.password or "",
        database=url.database,
        charset=url.query.get("charset", "utf8mb4"),
        autocommit=True,
        **settings,
    )


def _sqlite(url: DatabaseUrl, settings: dict[str, Any]) -> Any:
    import sqlite3

    require_sqlite_folder(url)
    # isolation_level=None: no implicit BEGIN before DDL; gatedb states its transactions.
    return sqlite3.connect(url.database or ":memory:", isolation_level=None, **settings)


def require_sqlite_folder(url: DatabaseUrl) -> None:
    """sqlite3 would say only "unable to open database file"."""
    if url.database not in (None, ":memory:") and not Path(url.database).parent.is_dir():
        raise DatabaseError(f"folder {Path(url.database).parent} of the SQLite database does not exist", "create it, or fix the database URL")


_OPEN = {"postgresql": _postgresql, "mysql": _mysql, "sqlite": _sqlite}
