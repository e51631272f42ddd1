"""The hand-written runner gatedb is measured against: the least a migration runner can do.

  python bench/handwritten.py URL DIR

DIR holds one NNNN_<name>.sql file per migration, in order, each the SQL gatedb would run
on this dialect. The runner imports the bare driver, reads its bookkeeping table, and runs
each file not yet recorded in one transaction with its bookkeeping row (MySQL: DDL
commits by itself), the file sent as one string where the driver takes that (psycopg,
PyMySQL with MULTI_STATEMENTS; sqlite3's executescript). With nothing pending it is a
no-op: list DIR, one SELECT. It checks no checksum, takes no lock and knows no features:
the floor, not a competitor.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import unquote, urlsplit

TABLE = "bench_log"


def pending(applied: set[str], folder: str) -> list[tuple[str, str]]:
    names = sorted(name for name in os.listdir(folder) if name.endswith(".sql") and name not in applied)
    return [(name, open(os.path.join(folder, name), encoding="utf-8").read()) for name in names]


def postgresql(url, folder: str) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    with psycopg.connect(host=url.hostname, port=url.port, user=url.username, dbname=url.path[1:], autocommit=True) as conn:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (id text PRIMARY KEY, applied_at timestamptz DEFAULT now())")
        applied = {row[0] for row in conn.execute(f"SELECT id FROM {TABLE}")}
        for name, sql in pending(applied, folder):
            with conn.transaction():
                conn.execute(sql)
                conn.execute(f"INSERT INTO {TABLE} (id) VALUES (%s)", (name,))


def mysql(url, folder: str) -> None:  # type: ignore[no-untyped-def]
    import pymysql
    from pymysql.constants import CLIENT

    conn = pymysql.connect(host=url.hostname, port=url.port or 3306, user=url.username, database=url.path[1:],
                           client_flag=CLIENT.MULTI_STATEMENTS, autocommit=True)
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (id varchar(200) PRIMARY KEY, applied_at timestamp DEFAULT CURRENT_TIMESTAMP)")
        cursor.execute(f"SELECT id FROM {TABLE}")
        applied = {row[0] for row in cursor.fetchall()}
        for name, sql in pending(applied, folder):
            cursor.execute(sql)
            while cursor.nextset():
                pass
            cursor.execute(f"INSERT INTO {TABLE} (id) VALUES (%s)", (name,))
    conn.close()


def sqlite(url, folder: str) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    conn = sqlite3.connect(unquote(url.path[1:]), isolation_level=None)
    conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (id text PRIMARY KEY, applied_at text DEFAULT CURRENT_TIMESTAMP)")
    applied = {row[0] for row in conn.execute(f"SELECT id FROM {TABLE}")}
    for name, sql in pending(applied, folder):
        conn.executescript(f"BEGIN;\n{sql}\n;\nINSERT INTO {TABLE} (id) VALUES ('{name}');\nCOMMIT;")
    conn.close()


def main() -> None:
    url, folder = urlsplit(sys.argv[1]), sys.argv[2]
    {"postgresql": postgresql, "mysql": mysql, "sqlite": sqlite}[url.scheme.split("+")[0]](url, folder)


if __name__ == "__main__":
    main()
