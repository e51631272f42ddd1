"""Every speed comparison of gatedb, in one command, against baselines measured in the same run.

  .venv/bin/pip install -e ".[bench]"          # Alembic, yoyo-migrations, pyinstrument
  .venv/bin/python bench/run.py [--repeat 5] [--only apply,noop,check,scale,matrix] [--dialects postgresql,mysql,sqlite]

apply   fresh `gatedb migrate --all-features` of examples/botserver (58 migrations) vs
        the hand-written runner (bench/handwritten.py), the database's own client (psql,
        mariadb, sqlite3) running the same SQL in one session (one transaction per
        migration where DDL is transactional), Alembic (one revision per migration,
        op.execute, env.py as `alembic init` writes it) and yoyo-migrations (one .sql file
        per migration). All run the same statements (bench/steps.py); each is a process.
noop    `gatedb migrate` with nothing pending vs the hand-written runner with nothing
        pending, as processes; and in-process `gatedb.migrate` (the library call).
check   `gatedb check` per dialect of examples/botserver (and examples/botserver-flat
        when it exists) vs a process that only loads the project.
scale   `gatedb check` of synthetic projects of 100, 1,000, 10,000 units x 10 migrations:
        time, peak memory, growth exponent between sizes.
matrix  `gatedb check --matrix` of examples/botserver on SQLite and PostgreSQL: feature
        sets applied, total time, time per feature set.

Each figure is the median of --repeat runs (interleaved with its baselines, so that the
machine's load hits all alike) with the 1-minute load average beside it: on a shared
machine read the ratios, not the times. Results go to bench/results/latest.json and
latest.md. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import steps  # noqa: E402  (bench/steps.py)

BOTSERVER = ROOT / "examples" / "botserver"
FLAT = ROOT / "examples" / "botserver-flat"
RESULTS = ROOT / "bench" / "results"
SERVERS = {
    "postgresql": os.environ.get("GATEDB_BENCH_POSTGRESQL", "postgresql://root@127.0.0.1:5432/postgres"),
    "mysql": os.environ.get("GATEDB_BENCH_MYSQL", "mysql://root@127.0.0.1:3306/test"),
}
PY = sys.executable
ENV = dict(os.environ)
ROWS: list[dict] = []


# --- measuring --------------------------------------------------------------------------


def load() -> float:
    return os.getloadavg()[0]


def run(command: list[str], stdin: str | None = None, ok: tuple[int, ...] = (0,)) -> float:
    """Wall seconds of one process."""
    started = time.perf_counter()
    done = subprocess.run(command, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed


def peak_kib(command: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KiB, via wait4) and standard output of a process."""
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=ENV)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    if code not in ok:
        raise SystemExit(f"failed ({code}): {' '.join(command)}\n{text[-2000:]}")
    return elapsed, usage.ru_maxrss, text


def compare(group: str, subject: str, contenders: dict[str, Callable[[], float]], repeat: int, baseline: str) -> None:
    """Run each contender `repeat` times, interleaved; record medians and ratios to `baseline`."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    loads: list[float] = []
    for _ in range(repeat):
        for name, fn in contenders.items():
            loads.append(load())
            times[name].append(fn())
    base = statistics.median(times[baseline])
    for name, values in times.items():
        median = statistics.median(values)
        row = {"group": group, "subject": subject, "contender": name, "median_s": round(median, 4),
               "runs_s": [round(v, 4) for v in values], "ratio_to": baseline, "ratio": round(median / base, 3),
               "load": round(statistics.median(loads), 2)}
        ROWS.append(row)
        print(f"{group:<7} {subject:<28} {name:<30} {median * 1000:9.1f} ms  x{row['ratio']:<6} (vs {baseline})  load {row['load']}", flush=True)


def record(group: str, subject: str, name: str, values: list[float], extra: dict | None = None) -> None:
    median = statistics.median(values)
    row = {"group": group, "subject": subject, "contender": name, "median_s": round(median, 4),
           "runs_s": [round(v, 4) for v in values], "load": round(load(), 2), **(extra or {})}
    ROWS.append(row)
    more = "  " + " ".join(f"{k}={v}" for k, v in (extra or {}).items())
    print(f"{group:<7} {subject:<28} {name:<30} {median * 1000:9.1f} ms{more}  load {row['load']}", flush=True)


# --- databases --------------------------------------------------------------------------


class Databases:
    """Fresh empty databases per dialect, dropped at the end."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="gatedb-bench-"))
        self.made: list[tuple[str, str]] = []
        self.count = 0

    def admin(self, dialect: str, sql: str) -> None:
        from gatedb.db import driver
        from gatedb.db.url import normalise_url

        conn = driver.connect(normalise_url(SERVERS[dialect]))
        try:
            conn.cursor().execute(sql)
        finally:
            conn.close()

    def fresh(self, dialect: str) -> str:
        self.count += 1
        name = f"gatedb_bench_{os.getpid()}_{self.count}"
        if dialect == "sqlite":
            return f"sqlite:///{self.tmp / (name + '.db')}"
        self.admin(dialect, f"CREATE DATABASE {name}")
        self.made.append((dialect, name))
        return SERVERS[dialect].rsplit("/", 1)[0] + "/" + name

    def drop_all(self) -> None:
        for dialect, name in self.made:
            self.admin(dialect, f"DROP DATABASE IF EXISTS {name}" + (" WITH (FORCE)" if dialect == "postgresql" else ""))
        self.made.clear()
        for path in self.tmp.iterdir():
            path.unlink()


def sqlalchemy_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1).replace("mysql://", "mysql+pymysql://", 1)


# --- the baselines' projects -------------------------------------------------------------


def statements(sql: str, dialect: str) -> list[str]:
    """One migration's statements, for the tools that send one at a time."""
    from gatedb.db.dialects import for_url

    url = {"postgresql": "postgresql://x/y", "mysql": "mysql://x/y", "sqlite": "sqlite://"}[dialect]
    return for_url(url).statements(sql, transactional=False)


def alembic_project(chunks: list[Path], dialect: str, folder: Path) -> Path:
    """One revision per migration, each op.execute(...) of its SQL (per statement where the
    driver takes one at a time); env.py as `alembic init` writes it, online mode."""
    (folder / "versions").mkdir(parents=True)
    (folder / "alembic.ini").write_text("[alembic]\nscript_location = %(here)s\nsqlalchemy.url = \n")
    (folder / "env.py").write_text(
        "from alembic import context\nfrom sqlalchemy import engine_from_config, pool\n"
        "config = context.config\n"
        "connectable = engine_from_config(config.get_section(config.config_ini_section), prefix='sqlalchemy.', poolclass=pool.NullPool)\n"
        "with connectable.connect() as connection:\n"
        "    context.configure(connection=connection, target_metadata=None)\n"
        "    with context.begin_transaction():\n"
        "        context.run_migrations()\n"
    )
    (folder / "script.py.mako").write_text("")
    previous = None
    for index, chunk in enumerate(chunks, start=1):
        sql = chunk.read_text()
        parts = [sql] if dialect == "postgresql" else statements(sql, dialect)
        body = "\n".join(f"    op.execute(sa.text({part!r}))" for part in parts) or "    pass"
        (folder / "versions" / f"r{index:04d}.py").write_text(
            f"import sqlalchemy as sa\nfrom alembic import op\n\nrevision = 'r{index:04d}'\ndown_revision = {previous!r}\n"
            f"branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n{body}\n"
        )
        previous = f"r{index:04d}"
    return folder


def yoyo_project(chunks: list[Path], dialect: str, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for chunk in chunks:
        (folder / chunk.name).write_text(chunk.read_text())
    return folder


def one_session_script(chunks: list[Path], dialect: str) -> str:
    """All migrations for the database's own client; one transaction each where DDL is transactional."""
    parts = []
    for chunk in chunks:
        sql = chunk.read_text().strip()
        parts.append(sql if dialect == "mysql" else f"BEGIN;\n{sql}\n;\nCOMMIT;")
    return "\n".join(parts) + "\n"


def client_command(dialect: str, url: str) -> list[str]:
    from gatedb.db.url import parse_url

    parsed = parse_url(url)
    if dialect == "postgresql":
        return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", parsed.host or "localhost", "-p", str(parsed.port or 5432),
                "-U", parsed.username or "root", "-d", parsed.database or ""]
    if dialect == "mysql":
        return ["mariadb" if shutil.which("mariadb") else "mysql", "-h", parsed.host or "localhost", "-P", str(parsed.port or 3306),
                "-u", parsed.username or "root", parsed.database or ""]
    return ["sqlite3", parsed.database or ":memory:"]


# --- the groups ---------------------------------------------------------------------------


def bench_apply(dbs: Databases, dialects: list[str], repeat: int, work: Path) -> None:
    for dialect in dialects:
        chunks = steps.export(str(BOTSERVER), dialect, work / "steps" / dialect)
        alembic = alembic_project(chunks, dialect, work / "alembic" / dialect)
        yoyo = yoyo_project(chunks, dialect, work / "yoyo" / dialect)
        script = one_session_script(chunks, dialect)
        yoyo_cmd = shutil.which("yoyo", path=str(Path(PY).parent))

        def fresh_run(command: Callable[[str], list[str]], stdin: str | None = None) -> Callable[[], float]:
            def go() -> float:
                url = dbs.fresh(dialect)
                return run(command(url), stdin)
            return go

        client = client_command(dialect, dbs.fresh("sqlite") if dialect == "sqlite" else SERVERS[dialect])[0]
        contenders = {
            "gatedb migrate": fresh_run(lambda url: [PY, "-m", "gatedb", "migrate", "-q", "--all-features", "-p", str(BOTSERVER), "-d", url]),
            "hand-written runner": fresh_run(lambda url: [PY, str(ROOT / "bench" / "handwritten.py"), url, str(chunks[0].parent)]),
            f"{client}, one session": fresh_run(lambda url: client_command(dialect, url), script),
            "alembic upgrade head": fresh_run(lambda url: _alembic_cmd(alembic, url)),
        }
        if yoyo_cmd:
            contenders["yoyo apply"] = fresh_run(lambda url: [yoyo_cmd, "apply", "--batch", "--no-config-file", "--database", _yoyo_url(url), str(yoyo)])
        compare("apply", f"botserver {dialect}", contenders, repeat, "hand-written runner")
        dbs.drop_all()


def _alembic_cmd(folder: Path, url: str) -> list[str]:
    ini = folder / "alembic.ini"
    ini.write_text(f"[alembic]\nscript_location = {folder}\nsqlalchemy.url = {sqlalchemy_url(url)}\n")
    return [PY, "-m", "alembic", "-c", str(ini), "upgrade", "head"]


def _yoyo_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)  # yoyo's mysql:// is PyMySQL already


def bench_noop(dbs: Databases, dialects: list[str], repeat: int, work: Path) -> None:
    for dialect in dialects:
        chunks = steps.export(str(BOTSERVER), dialect, work / "steps" / dialect)
        gatedb_url, hand_url = dbs.fresh(dialect), dbs.fresh(dialect)
        gatedb_cmd = [PY, "-m", "gatedb", "migrate", "-q", "--all-features", "-p", str(BOTSERVER), "-d", gatedb_url]
        hand_cmd = [PY, str(ROOT / "bench" / "handwritten.py"), hand_url, str(chunks[0].parent)]
        run(gatedb_cmd)
        run(hand_cmd)
        driver = {"postgresql": "psycopg", "mysql": "pymysql", "sqlite": "sqlite3"}[dialect]
        compare("noop", f"botserver {dialect}", {
            "gatedb migrate": lambda: run(gatedb_cmd),
            "hand-written runner": lambda: run(hand_cmd),
            f"python -c 'import {driver}'": lambda: run([PY, "-c", f"import {driver}"]),
        }, repeat, "hand-written runner")
        code = (
            "import statistics, sys, time, gatedb\n"
            "gatedb.migrate(sys.argv[1], database=sys.argv[2], all_features=True)\n"
            "times = []\n"
            "for _ in range(int(sys.argv[3])):\n"
            "    t = time.perf_counter(); gatedb.migrate(sys.argv[1], database=sys.argv[2], all_features=True); times.append(time.perf_counter() - t)\n"
            "print(' '.join(str(t) for t in times))\n"
        )
        out = subprocess.run([PY, "-c", code, str(BOTSERVER), gatedb_url, str(max(repeat, 10))], capture_output=True, text=True, env=ENV, check=True).stdout
        record("noop", f"botserver {dialect}", "gatedb.migrate() in-process", [float(x) for x in out.split()])
        dbs.drop_all()


def flat_project(work: Path) -> Path | None:
    """examples/botserver-flat (the server's 47 migrations, one folder each) as a project
    with one unit, core: the history as it was, checked before any split."""
    if not (FLAT / "migrations").is_dir():
        return None
    project = work / "botserver-flat"
    shutil.copytree(FLAT / "migrations", project / "migrations" / "core")
    (project / "gatedb.toml").write_text("[features]\n")
    return project


def bench_check(repeat: int, work: Path) -> None:
    flat = flat_project(work)
    targets = [(BOTSERVER, ("postgresql", "sqlite", "mysql"))] + ([(flat, ("postgresql",))] if flat else [])
    for project, dialects in targets:
        load_cmd = [PY, "-c", f"import gatedb.files.loader as l; l.load_project({str(project)!r})"]
        for dialect in dialects:
            cmd = [PY, "-m", "gatedb", "check", "-p", str(project), "--dialect", dialect]
            compare("check", f"{project.name} {dialect}", {
                "gatedb check": lambda cmd=cmd: run(cmd, ok=(0, 1)),
                "load_project only": lambda load_cmd=load_cmd: run(load_cmd),
            }, repeat, "load_project only")


def synthetic_project(folder: Path, units: int, per_unit: int = 10) -> Path:
    """`units` feature units (a chain of implications every 10 units, a bridge every 50),
    each with `per_unit` migrations: a table, then columns, indexes and a foreign key to
    the unit it implies."""
    folder.mkdir(parents=True)
    features = ["[features]", "default = []"]
    names = [f"f{i:05d}" for i in range(units)]
    for i, name in enumerate(names):
        implied = [names[i - 1]] if i % 10 else []
        features.append(f"{name} = {json.dumps(implied)}")
    (folder / "gatedb.toml").write_text("\n".join(features) + "\n")
    core = folder / "migrations" / "core"
    core.mkdir(parents=True)
    (core / "0001_base.sql").write_text("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n")
    for i, name in enumerate(names):
        unit = folder / "migrations" / name
        unit.mkdir()
        parent = names[i - 1] if i % 10 else None
        (unit / f"{1:04d}_create.sql").write_text(
            f"CREATE TABLE t_{name} (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts (id), label TEXT);\n")
        for v in range(2, per_unit + 1):
            if v == 2 and parent:
                sql = f"-- gatedb: requires {parent}/0001\nALTER TABLE t_{name} ADD COLUMN p_id INTEGER REFERENCES t_{parent} (id);\n"
            elif v % 3 == 0:
                sql = f"CREATE INDEX ix_{name}_{v} ON t_{name} (label);\n"
            else:
                sql = f"ALTER TABLE t_{name} ADD COLUMN c{v} TEXT;\n"
            (unit / f"{v:04d}_step.sql").write_text(sql)
        if i % 50 == 49 and parent:
            bridge = folder / "migrations" / f"{names[i - 25]}+{name}"
            bridge.mkdir()
            (bridge / "0001_link.sql").write_text(
                f"-- gatedb: requires {name}/0001, {names[i - 25]}/0001\n"
                f"CREATE TABLE l_{name} (a INTEGER REFERENCES t_{names[i - 25]} (id), b INTEGER REFERENCES t_{name} (id));\n")
    return folder


def bench_scale(repeat: int, work: Path, sizes: list[int]) -> None:
    """Process time (interpreter and imports included) and the analysis time check reports
    ("in N s"), each with its growth exponent from the previous size: log(t1/t0) / log(n1/n0)."""
    import math

    points: list[tuple[int, float, float]] = []
    for units in sizes:
        project = synthetic_project(work / f"synthetic-{units}", units)
        cmd = [PY, "-m", "gatedb", "check", "-p", str(project), "--dialect", "postgresql"]
        samples = [peak_kib(cmd) for _ in range(repeat if units < 10000 else min(repeat, 3))]
        seconds = [s for s, _, _ in samples]
        reported = [float(m.group(1)) for _, _, out in samples if (m := re.search(r" in (\d+(?:\.\d+)?) s$", out.strip()))]
        migrations = units * 10 + 1
        points.append((migrations, statistics.median(seconds), statistics.median(reported) if reported else float("nan")))
        extra: dict[str, object] = {"units": units, "migrations": migrations, "peak_mib": round(max(k for _, k, _ in samples) / 1024, 1),
                                    "analysis_s": round(points[-1][2], 3)}
        if len(points) > 1:
            (n0, t0, a0), (n1, t1, a1) = points[-2], points[-1]
            extra["exponent"] = round(math.log(t1 / t0) / math.log(n1 / n0), 2)
            extra["analysis_exponent"] = round(math.log(a1 / a0) / math.log(n1 / n0), 2)
        record("scale", f"synthetic {units} units", "gatedb check", seconds, extra)


def bench_matrix(dialects: list[str]) -> None:
    for dialect in [d for d in dialects if d in ("sqlite", "postgresql")]:
        server = SERVERS.get(dialect, "sqlite:///scratch.db")
        with tempfile.TemporaryDirectory() as scratch:
            url = f"sqlite:///{scratch}/matrix.db" if dialect == "sqlite" else server
            cmd = [PY, "-m", "gatedb", "check", "--matrix", "--format", "json", "-p", str(BOTSERVER), "--dialect", dialect, "-d", url]
            started = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
            elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise SystemExit(f"matrix failed on {dialect}:\n{done.stderr[-3000:]}")
        report = json.loads(done.stdout)
        runs = report["matrix"]
        per_set = [r["seconds"] for r in runs]
        record("matrix", f"botserver {dialect}", "gatedb check --matrix", [elapsed],
               {"feature_sets": len(runs), "per_set_median_s": round(statistics.median(per_set), 3) if per_set else None,
                "failed": sum(1 for r in runs if not r["ok"]), "errors": report["errors"]})


# --- output -------------------------------------------------------------------------------


def markdown(results: dict[str, dict]) -> str:
    lines = ["# gatedb bench", "",
             "Written by `python bench/run.py`; each group from its latest run (date, command, machine below). "
             "Medians; `load` is the 1-minute load average while it ran: the machine is shared, read ratios, not times.", ""]
    for group, result in results.items():
        meta = result["meta"]
        lines += [f"## {group}", "", f"{meta['date']}, `{meta['command']}`, {meta['machine']}, median of {meta['repeat']}", "",
                  "| subject | contender | median | ratio | load | notes |", "|---|---|---:|---:|---:|---|"]
        for row in result["rows"]:
            ratio = f"{row['ratio']:.2f}x {row['ratio_to']}" if "ratio" in row else ""
            skip = {"group", "subject", "contender", "median_s", "runs_s", "ratio", "ratio_to", "load"}
            notes = ", ".join(f"{k} {v}" for k, v in row.items() if k not in skip)
            lines.append(f"| {row['subject']} | {row['contender']} | {row['median_s'] * 1000:.0f} ms | {ratio} | {row['load']} | {notes} |")
        lines.append("")
    return "\n".join(lines)


GROUPS = ("apply", "noop", "check", "scale", "matrix")


def write_results(out: Path, meta: dict, groups: list[str]) -> None:
    """bench/results/<group>.json for the groups of this run; latest.json and latest.md from every group's latest."""
    out.mkdir(parents=True, exist_ok=True)
    for group in groups:
        rows = [row for row in ROWS if row["group"] == group]
        if rows:
            (out / f"{group}.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n")
    results = {g: json.loads((out / f"{g}.json").read_text()) for g in GROUPS if (out / f"{g}.json").exists()}
    (out / "latest.json").write_text(json.dumps(results, indent=1) + "\n")
    (out / "latest.md").write_text(markdown(results))
    print(f"wrote {out}/{{{','.join(groups)}}}.json, latest.json and latest.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default="apply,noop,check,scale,matrix")
    parser.add_argument("--dialects", default="postgresql,mysql,sqlite")
    parser.add_argument("--sizes", default="100,1000,10000", help="units of the synthetic projects (scale)")
    parser.add_argument("--output", default=str(RESULTS), help="folder for latest.json and latest.md")
    args = parser.parse_args()
    groups, dialects = args.only.split(","), args.dialects.split(",")
    pycache = tempfile.TemporaryDirectory(prefix="gatedb-bench-pyc-")
    ENV.pop("PYTHONDONTWRITEBYTECODE", None)  # every Python process runs from .pyc files, as installed
    ENV["PYTHONPYCACHEPREFIX"] = pycache.name
    work = Path(tempfile.mkdtemp(prefix="gatedb-bench-work-"))
    dbs = Databases()
    run([PY, "-m", "gatedb", "check", "-p", str(BOTSERVER)], ok=(0, 1))  # write .pyc files, warm the page cache
    try:
        if "apply" in groups:
            bench_apply(dbs, dialects, args.repeat, work)
        if "noop" in groups:
            bench_noop(dbs, dialects, args.repeat, work)
        if "check" in groups:
            bench_check(args.repeat, work)
        if "scale" in groups:
            bench_scale(args.repeat, work, [int(s) for s in args.sizes.split(",")])
        if "matrix" in groups:
            bench_matrix(dialects)
    finally:  # what was measured is kept, even when a later group fails
        dbs.drop_all()
        shutil.rmtree(dbs.tmp, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
        meta = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "command": "python bench/run.py " + " ".join(sys.argv[1:]),
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}", "repeat": args.repeat}
        write_results(Path(args.output), meta, groups)


if __name__ == "__main__":
    main()
