"""What differs between databases, as capabilities and small overrides: the run lock,
transactional DDL, and how a script is sent. I/O edge (talks to a connection)."""

from __future__ import annotations

import fcntl
import getpass
import os
import re
import socket
import time
import zlib
from pathlib import Path
from typing import Any, Callable

from ..errors import LockTimeout
from .url import dialect_name, parse_url

POLL_SECONDS = 0.1
LOCK_NAME = "gatedb-migrate"
# PostgreSQL advisory locks are per database, so one fixed key serves every project.
PG_LOCK_KEY = zlib.crc32(LOCK_NAME.encode())


def who() -> str:
    """This gatedb process, as lock-holder messages and gatedb_runs name it."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in this environment (a container without passwd entry)
        user = f"uid {os.getuid()}"
    return f"pid {os.getpid()} on {socket.gethostname()} (user {user})"


class Dialect:
    """Base: the capabilities every backend states, and the defaults."""

    name = "base"
    transactional_ddl = True  # a migration and its bookkeeping row commit or roll back together
    splits_scripts = False  # the driver cannot take many statements in one call

    def __init__(self, url: str) -> None:
        self.url = url

    def acquire_lock(self, conn: Any, timeout: float) -> None:
        raise NotImplementedError

    def release_lock(self, conn: Any) -> None:
        raise NotImplementedError

    def lock_holder(self, conn: Any) -> str | None:
        return None

    def session_id(self, conn: Any) -> str:
        """The database session holding the lock, recorded in the run's row."""
        return ""

    def _timed_out(self, conn: Any, timeout: float) -> LockTimeout:
        holder = self.lock_holder(conn)
        held = f" (held by {holder})" if holder else ""
        return LockTimeout(
            f"another gatedb run holds the migration lock{held}; gave up after {timeout:g} s",
            "wait for it to finish, or raise --lock-timeout",
        )

    def statements(self, sql: str, transactional: bool) -> list[str]:
        """How a script is sent: whole where the driver allows it (fastest), else one by one.
        PostgreSQL refuses CONCURRENTLY inside a multi-statement string, so a
        no-transaction migration is split there too."""
        if self.splits_scripts or not transactional:
            from ..analysis.sql import split_statements

            return [text for _line, text in split_statements(sql, self.name)]
        return [sql]

    def execute_script(
        self,
        dbapi_connection: Any,
        sql: str,
        transactional: bool = True,
        progress: Callable[[int], None] | None = None,
        skip: int = 0,
    ) -> None:
        """Run a migration's SQL; `progress(n)` after the n-th statement, for bookkeeping.
        `skip`: statements an interrupted run committed already (resuming)."""
        cursor = dbapi_connection.cursor()
        try:
            for done, statement in enumerate(self.statements(sql, transactional), start=1):
                if done <= skip:
                    continue
                self.execute_statement(cursor, statement, progress, done)
        finally:
            cursor.close()

    def execute_statement(self, cursor: Any, statement: str, progress: Callable[[int], None] | None, done: int) -> None:
        cursor.execute(statement)
        if progress is not None:
            progress(done)


class PostgreSQL(Dialect):
    name = "postgresql"

    def acquire_lock(self, conn: Any, timeout: float) -> None:
        import sqlalchemy as sa

        deadline = time.monotonic() + timeout
        while True:
            got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_LOCK_KEY}).scalar()
            conn.commit()
            if got:
                return
            if time.monotonic() >= deadline:
                raise self._timed_out(conn, timeout)
            time.sleep(POLL_SECONDS)

    def release_lock(self, conn: Any) -> None:
        import sqlalchemy as sa

        conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})
        conn.commit()

    def lock_holder(self, conn: Any) -> str | None:
        import sqlalchemy as sa

        row = conn.execute(
            sa.text(
                "SELECT a.pid, a.application_name, a.client_addr FROM pg_locks l "
                "JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE l.locktype = 'advisory' AND l.granted AND l.objid = :k "
                "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            ),
            {"k": PG_LOCK_KEY},
        ).first()
        conn.commit()
        if row is None:
            return None
        app = f", {row.application_name}" if row.application_name else ""
        return f"server pid {row.pid}{app}"


class SQLite(Dialect):
    """A lock file beside the database, held with flock: it holds across processes."""

    name = "sqlite"

    def __init__(self, url: str) -> None:
        super().__init__(url)
        database = parse_url(url).database or ""
        self.lock_path = None if database in ("", ":memory:") else Path(database + ".gatedb-lock")
        self._handle: Any = None

    def acquire_lock(self, conn: Any, timeout: float) -> None:
        if self.lock_path is None:  # an in-memory database belongs to this process alone
            return
        handle = open(self.lock_path, "a+")
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise self._timed_out(conn, timeout) from None
                time.sleep(POLL_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(who())
        handle.flush()
        self._handle = handle

    def release_lock(self, conn: Any) -> None:
        if self._handle is not None:
            self._handle.truncate(0)
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    def lock_holder(self, conn: Any) -> str | None:
        try:
            text = self.lock_path.read_text().strip() if self.lock_path else ""
        except OSError:
            return None
        return text or None

    def run_in_progress(self) -> str | None:
        """Who holds the lock now (a live run), without waiting and without creating the
        lock file; None when nobody does. A killed run's file text stays, its flock not."""
        if self.lock_path is None or not self.lock_path.exists():
            return None
        with open(self.lock_path) as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return handle.read().strip() or "another gatedb run"
            fcntl.flock(handle, fcntl.LOCK_UN)
        return None

    def statements(self, sql: str, transactional: bool) -> list[str]:
        # sqlite3 takes one statement per execute(); complete_statement() knows SQLite's
        # own grammar (trigger bodies included), so split with it rather than guess.
        import sqlite3

        statements: list[str] = []
        buffer = ""
        for piece in sql.split(";"):
            buffer += piece + ";"
            if sqlite3.complete_statement(buffer):
                if buffer.strip(" \t\r\n;"):
                    statements.append(buffer)
                buffer = ""
        if buffer.strip(" \t\r\n;"):
            statements.append(buffer)
        return [s for s in statements if not _only_comments(s)]


def _only_comments(text: str) -> bool:
    lines = [line.strip() for line in text.replace(";", "").splitlines()]
    return all(not line or line.startswith("--") for line in lines)


# INSERT / UPDATE / DELETE / REPLACE after leading comments: transactional on InnoDB.
_DATA_STATEMENT = re.compile(r"(?:\s+|--[^\n]*\n|/\*.*?\*/)*(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE | re.DOTALL)


def is_data_statement(statement: str) -> bool:
    return _DATA_STATEMENT.match(statement) is not None


class MySQL(Dialect):
    """MariaDB / MySQL: DDL commits implicitly, so progress is recorded per statement."""

    name = "mysql"
    transactional_ddl = False
    splits_scripts = True

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.lock_name = f"{LOCK_NAME}:{parse_url(url).database or ''}"[:64]

    def execute_statement(self, cursor: Any, statement: str, progress: Callable[[int], None] | None, done: int) -> None:
        """A data statement (InnoDB is transactional) commits together with its count, so
        the count is exact for it; DDL commits by itself, and recovery asks the catalog."""
        if progress is None or not is_data_statement(statement):
            super().execute_statement(cursor, statement, progress, done)
            return
        cursor.execute("START TRANSACTION")
        try:
            cursor.execute(statement)
            progress(done)
            cursor.execute("COMMIT")
        except BaseException:
            try:
                cursor.execute("ROLLBACK")
            except Exception:  # the connection is gone: the server rolled it back
                pass
            raise

    def acquire_lock(self, conn: Any, timeout: float) -> None:
        import sqlalchemy as sa

        got = conn.execute(sa.text("SELECT GET_LOCK(:n, :t)"), {"n": self.lock_name, "t": timeout}).scalar()
        conn.commit()
        if got != 1:
            raise self._timed_out(conn, timeout)

    def release_lock(self, conn: Any) -> None:
        import sqlalchemy as sa

        conn.execute(sa.text("SELECT RELEASE_LOCK(:n)"), {"n": self.lock_name})
        conn.commit()

    def lock_holder(self, conn: Any) -> str | None:
        import sqlalchemy as sa

        row = conn.execute(
            sa.text(
                "SELECT p.ID, p.HOST FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(:n)"
            ),
            {"n": self.lock_name},
        ).first()
        conn.commit()
        if row is None:
            return None
        from . import history

        run = history.holder(conn, str(row[0]))
        if run is not None:  # gatedb's own record: pid and host of the process, since when
            return f"gatedb {run.who}, {run.command} since {run.started_at}, connection {row[0]} from {row[1]}"
        attrs = self._program_name(conn, row[0])
        return f"connection {row[0]} from {row[1]}" + (f", {attrs}" if attrs else "")

    def session_id(self, conn: Any) -> str:
        import sqlalchemy as sa

        value = conn.execute(sa.text("SELECT CONNECTION_ID()")).scalar()
        conn.commit()
        return str(value)

    def _program_name(self, conn: Any, connection_id: int) -> str | None:
        import sqlalchemy as sa

        try:
            value = conn.execute(
                sa.text(
                    "SELECT ATTR_VALUE FROM performance_schema.session_connect_attrs "
                    "WHERE PROCESSLIST_ID = :i AND ATTR_NAME = 'program_name'"
                ),
                {"i": connection_id},
            ).scalar()
            conn.commit()
            return str(value) if value else None
        except Exception:  # performance_schema is off by default on MariaDB
            conn.rollback()
            return None


def for_url(url: str) -> Dialect:
    name = dialect_name(url)
    return {"postgresql": PostgreSQL, "sqlite": SQLite, "mysql": MySQL}[name](url)
