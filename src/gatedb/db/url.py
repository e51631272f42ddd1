"""Opening a database from a URL: driver defaults, SQLite settings, password masking. I/O edge."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import DatabaseError

# A bare scheme picks the driver gatedb ships with, not SQLAlchemy's historical default.
_DRIVERS = {
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
    "sqlite": "sqlite",
}


def mask(text: str) -> str:
    """Hide every password of a URL (`user:secret@host`) found in a text, even in a
    malformed URL: whatever stands between `user:` and `@` is masked."""
    text = re.sub(r"(?P<head>[^\s:/@'\"]+:)[^\s'\"/]*@", r"\g<head>***@", text)  # up to the last @: it may hold @
    return re.sub(r"(?i)(?P<key>\b(?:password|passwd|pwd)=)[^&\s'\"]*", r"\g<key>***", text)


def normalise_url(url: str, base: str | None = None) -> str:
    """Add the default driver; make a relative SQLite path relative to `base` (the manifest's folder)."""
    import sqlalchemy as sa

    try:
        parsed = sa.make_url(url)
    except Exception:
        raise DatabaseError(
            f"invalid database URL {mask(url)!r}",
            "use a URL like sqlite:///app.db, postgresql://user@host/db or mysql://user@host/db",
        ) from None
    if parsed.host and "@" in parsed.host:  # an unescaped @ in the password: the rest would pass for the host
        raise DatabaseError(
            f"invalid database URL {mask(url)!r}: more than one @ before the host",
            "URL-encode special characters of the password (@ is %40, : is %3A, / is %2F)",
        )
    scheme = parsed.drivername
    backend = scheme.split("+")[0]
    if backend not in _DRIVERS:
        raise DatabaseError(
            f"unsupported database {backend!r} in URL {mask(url)!r}",
            "gatedb supports sqlite, postgresql and mysql/mariadb URLs",
        )
    if "+" not in scheme:
        parsed = parsed.set(drivername=_DRIVERS[backend])
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:" and base:
        path = Path(parsed.database)
        if not path.is_absolute():
            parsed = parsed.set(database=str(Path(base) / path))
    return parsed.render_as_string(hide_password=False)


def dialect_name(url: str) -> str:
    backend = url.split(":", 1)[0].split("+")[0]
    return {"postgres": "postgresql", "mariadb": "mysql"}.get(backend, backend)


def create_engine(url: str, lock_timeout: float = 60.0):  # -> sqlalchemy.Engine
    """An engine with gatedb's connection settings; a server that does not answer is a DatabaseError."""
    import sqlalchemy as sa
    from sqlalchemy import event

    dialect = dialect_name(url)
    connect_args: dict[str, object] = {}
    if dialect == "sqlite":
        connect_args["timeout"] = max(lock_timeout, 1.0)
        folder = Path(sa.make_url(url).database or ".").parent
        if sa.make_url(url).database not in (None, "", ":memory:") and not folder.is_dir():
            raise DatabaseError(f"folder {folder} of the SQLite database does not exist", "create it, or fix the database URL")
    elif dialect == "postgresql":
        connect_args["application_name"] = f"gatedb pid={os.getpid()} host={_host()}"
        connect_args["connect_timeout"] = 10
    elif dialect == "mysql":
        connect_args["connect_timeout"] = 10
        connect_args["program_name"] = f"gatedb pid={os.getpid()} host={_host()}"
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args=connect_args)
    if dialect == "sqlite":
        # pysqlite's own transaction handling commits before DDL; take control of BEGIN so
        # that each migration and its bookkeeping row are one transaction.
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _on_begin(connection):  # type: ignore[no-untyped-def]
            if connection.get_execution_options().get("isolation_level") != "AUTOCOMMIT":  # no-transaction runs
                connection.exec_driver_sql("BEGIN")

    return engine


def connect(engine):  # -> sqlalchemy.Connection
    """Open a connection; a refused or unknown server becomes one clear error line."""
    try:
        return engine.connect()
    except Exception as exc:
        raise DatabaseError(
            f"cannot connect to {mask(engine.url.render_as_string(hide_password=True))}: {first_line(exc)}",
            "check that the server runs and the URL (host, port, user, database) is right",
        ) from None


def first_line(exc: BaseException) -> str:
    """The driver's message without SQLAlchemy's background links, passwords masked."""
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()
    return mask(text[0] if text else exc.__class__.__name__)


def _host() -> str:
    import socket

    return socket.gethostname()
