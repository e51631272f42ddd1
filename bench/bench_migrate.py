"""Speed of `gatedb migrate` against baselines measured in the same run (PostgreSQL).

  apply:  gatedb migrate --all-features on the botserver example (one transaction and
          one bookkeeping row per migration) vs psql running the same SQL in one session
          (the SQL comes from `gatedb migrate --dry-run`) vs a hand-written psycopg
          runner (one transaction per migration, each file sent as one string).
  no-op:  gatedb migrate with nothing pending vs `python -c "import psycopg"` alone.
  check:  gatedb check on the botserver example vs loading the project alone.

Prints each median and the ratio to its baseline. Usage:
  .venv/bin/python bench/bench_migrate.py [--repeat 3] [--server postgresql://root@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "examples" / "botserver"
GATEDB = [sys.executable, "-m", "gatedb"]


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def fresh_database(server: str, name: str) -> str:
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return sa.make_url(server).set(database=name).render_as_string(hide_password=False)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{done.stderr}")
    return done


def steps_sql(url: str) -> list[str]:
    """Each pending migration's SQL, as the dry run renders it, split at its header comments."""
    text = run(GATEDB + ["migrate", "--dry-run", "--all-features", "-p", str(PROJECT), "-d", url]).stdout
    chunks, current = [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("-- ") and " (up, migrations/" in line and current:
            chunks.append("".join(current))
            current = []
        current.append(line)
    chunks.append("".join(current))
    return chunks


def psycopg_runner(url: str, chunks: list[str]) -> None:
    import psycopg

    dsn = sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        conn.execute("CREATE TABLE bench_log (id text primary key, applied_at timestamptz default now())")
        conn.commit()
        for i, chunk in enumerate(chunks):
            with conn.transaction():
                conn.execute(chunk)
                conn.execute("INSERT INTO bench_log (id) VALUES (%s)", (str(i),))


def report(name: str, value: list[float], baseline: list[float], baseline_name: str) -> None:
    v, b = statistics.median(value), statistics.median(baseline)
    print(f"{name:<34} {v * 1000:8.0f} ms   {baseline_name:<34} {b * 1000:8.0f} ms   ratio {v / b:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--server", default="postgresql+psycopg://root@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    dsn = lambda url: sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)  # noqa: E731

    gatedb_apply, psql_apply, psycopg_apply, noop, imports, check, load = [], [], [], [], [], [], []
    for _ in range(args.repeat):
        url = fresh_database(args.server, "gatedb_bench_a")
        chunks = steps_sql(url)
        gatedb_apply.append(timed(lambda: run(GATEDB + ["migrate", "-q", "--all-features", "-p", str(PROJECT), "-d", url])))
        noop.append(timed(lambda: run(GATEDB + ["migrate", "-q", "--all-features", "-p", str(PROJECT), "-d", url])))
        url_b = fresh_database(args.server, "gatedb_bench_b")
        psql_apply.append(timed(lambda: run(["psql", "-q", "-v", "ON_ERROR_STOP=1", dsn(url_b)], input="".join(chunks))))
        url_c = fresh_database(args.server, "gatedb_bench_c")
        psycopg_apply.append(timed(lambda: psycopg_runner(url_c, chunks)))
        imports.append(timed(lambda: run([sys.executable, "-c", "import psycopg"])))
        check.append(timed(lambda: run(GATEDB + ["check", "-p", str(PROJECT)])))
        load.append(timed(lambda: run([sys.executable, "-c", f"import gatedb; gatedb.load_project({str(PROJECT)!r})"])))
    print(f"botserver example: {len(chunks)} migrations, median of {args.repeat}")
    report("gatedb migrate --all-features", gatedb_apply, psql_apply, "psql, same SQL, one session")
    report("gatedb migrate --all-features", gatedb_apply, psycopg_apply, "psycopg runner, 1 tx/migration")
    report("gatedb migrate (nothing pending)", noop, imports, "python -c 'import psycopg'")
    report("gatedb check (every feature set)", check, load, "python: load_project only")
    for name in ("gatedb_bench_a", "gatedb_bench_b", "gatedb_bench_c"):
        engine = sa.create_engine(args.server, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        engine.dispose()


if __name__ == "__main__":
    main()
