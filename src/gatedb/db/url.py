"""Opening a database from a URL: driver defaults, SQLite settings, password masking. I/O edge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote

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


# RFC 1738 as SQLAlchemy reads it (`scheme://user:password@host:port/database?query`),
# parsed here so that commands which never connect load no database library.
_URL = re.compile(
    r"""(?P<scheme>[\w+]+)://
    (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
    (?:(?:\[(?P<ipv6host>[^/?]+)\]|(?P<ipv4host>[^/:?]+))?(?::(?P<port>[^/?]*))?)?
    (?:/(?P<database>[^?]*))?
    (?:\?(?P<query>.*))?$""",
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class DatabaseUrl:
    """A URL's parts, percent-decoded; `text` is the URL as given."""

    text: str
    scheme: str  # e.g. postgresql+psycopg
    username: str | None
    password: str | None
    host: str | None
    port: int | None
    database: str | None
    query: dict[str, str]

    @property
    def backend(self) -> str:
        return self.scheme.split("+")[0]


def parse_url(url: str) -> DatabaseUrl:
    """Split a database URL; a DatabaseError (password masked) when it is not one."""
    match = _URL.match(url)
    port = match and match.group("port")
    if match is None or (port and not port.isdigit()):
        raise DatabaseError(
            f"invalid database URL {mask(url)!r}",
            "use a URL like sqlite:///app.db, postgresql://user@host/db or mysql://user@host/db",
        )
    part = lambda name: unquote(match.group(name)) if match.group(name) is not None else None  # noqa: E731
    query = {k: v for k, v in parse_qsl(match.group("query") or "", keep_blank_values=True)}
    return DatabaseUrl(
        url, match.group("scheme"), part("username"), part("password"),
        part("ipv6host") or part("ipv4host") or None, int(port) if port else None, part("database") or None, query,
    )


def with_database(url: str, database: str) -> str:
    """The same server, user and options, another database."""
    match = _URL.match(url)
    if match is None:
        raise DatabaseError(f"invalid database URL {mask(url)!r}", "use a URL like postgresql://user@host/db")
    if match.group("database") is not None:
        start, end = match.span("database")
        return f"{url[:start]}{quote(database)}{url[end:]}"
    cut = match.start("query") - 1 if match.group("query") is not None else len(url)
    return f"{url[:cut]}/{quote(database)}{url[cut:]}"


def normalise_url(url: str, base: str | None = None) -> str:
    """Add the default driver; make a relative SQLite path relative to `base` (the manifest's folder)."""
    parsed = parse_url(url)
    if parsed.host and "@" in parsed.host:  # an unescaped @ in the password: the rest would pass for the host
        raise DatabaseError(
            f"invalid database URL {mask(url)!r}: more than one @ before the host",
            "URL-encode special characters of the password (@ is %40, : is %3A, / is %2F)",
        )
    scheme, rest = url.split("://", 1)
    backend = parsed.backend
    if backend not in _DRIVERS:
        raise DatabaseError(
            f"unsupported database {backend!r} in URL {mask(url)!r}",
            "gatedb supports sqlite, postgresql and mysql/mariadb URLs",
        )
    if "+" not in scheme:
        scheme = _DRIVERS[backend]
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:" and base:
        path = Path(parsed.database)
        if not path.is_absolute():
            query = rest[rest.index("?"):] if "?" in rest else ""
            rest = "/" + quote(str(Path(base) / path), safe="/") + query
    return f"{scheme}://{rest}"


def dialect_name(url: str) -> str:
    backend = url.split(":", 1)[0].split("+")[0]
    return {"postgres": "postgresql", "mariadb": "mysql"}.get(backend, backend)


def create_engine(url: str, lock_timeout: float = 60.0):  # -> sqlalchemy.Engine
    """An engine with gatedb's connection settings; a server that does not answer is a DatabaseError."""
    import sqlalchemy as sa
    from sqlalchemy import event

    from .driver import require_sqlite_folder, session_settings

    dialect = dialect_name(url)
    if dialect == "sqlite":
        require_sqlite_folder(parse_url(url))
    connect_args = session_settings(url, lock_timeout)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args=connect_args)
    if dialect == "sqlite":
        # pysqlite's own transaction handling commits before DDL; take control of BEGIN so
        # that each migration and its bookkeeping row are one transaction.
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.isolation_level = None
            # A migration keeps its changes in memory until it commits, so it holds only
            # SQLite's RESERVED lock meanwhile: readers (status, plan) go on reading.
            dbapi_connection.execute("PRAGMA cache_spill = OFF")

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
