"""Speed of `gatedb check` on the botserver example, cold, against a baseline measured
in the same run.

  check:     `gatedb check -p examples/botserver` in a fresh interpreter (every dialect
             the project writes: postgresql, sqlite, mysql), wall time of the process;
             also the time the command reports on its last line (analysis alone,
             without the interpreter's start and gatedb's own imports).
  baseline:  a fresh interpreter that only imports gatedb.files.loader and loads the same
             project (reads every file): what any command pays before analysing.

Each is the median of --repeat runs (default 5); nothing is cached between runs but the
interpreter's own .pyc files, as with any installed program: they go to a temporary
PYTHONPYCACHEPREFIX, written by a first, unmeasured run, even where the environment
sets PYTHONDONTWRITEBYTECODE (--no-pyc keeps that: every run then compiles gatedb's
sources, some 0.1 s more). Prints the medians and the ratio check / baseline.
Usage:
  .venv/bin/python bench/bench_check.py [--repeat 5] [--project examples/botserver] [--no-pyc]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTED = re.compile(r" in (\d+(?:\.\d+)?) s$")


ENV = dict(os.environ)


def run(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=ENV)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: check found errors, still a full run
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--project", default=str(ROOT / "examples" / "botserver"))
    parser.add_argument("--no-pyc", action="store_true", help="keep the environment's PYTHONDONTWRITEBYTECODE")
    args = parser.parse_args()
    pycache = tempfile.TemporaryDirectory(prefix="bench-check-pyc-")
    if not args.no_pyc:
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        ENV["PYTHONPYCACHEPREFIX"] = pycache.name
    project = str(Path(args.project).resolve())
    check_cmd = [sys.executable, "-m", "gatedb", "check", "-p", project]
    load_cmd = [sys.executable, "-c", f"import gatedb.files.loader; gatedb.files.loader.load_project({project!r})"]

    run(check_cmd)  # write the .pyc files and warm the page cache, as any second run has them
    run(load_cmd)
    check, reported, load = [], [], []
    last = ""
    for _ in range(args.repeat):  # interleaved, so that load on the machine hits both alike
        elapsed, out = run(check_cmd)
        check.append(elapsed)
        last = out.strip().splitlines()[-1] if out.strip() else ""
        found = REPORTED.search(last)
        if found:
            reported.append(float(found.group(1)))
        load.append(run(load_cmd)[0])

    c, b = statistics.median(check), statistics.median(load)
    print(f"project: {project}  (.pyc files: {'not written, as the environment says' if args.no_pyc else 'used, as installed'})")
    print(f"last line: {last}")
    print(f"gatedb check (process, cold)      median {c:6.3f} s  of {args.repeat}: {' '.join(f'{x:.3f}' for x in check)}")
    if reported:
        print(f"gatedb check (its reported time)  median {statistics.median(reported):6.3f} s")
    print(f"baseline: load_project only       median {b:6.3f} s  of {args.repeat}: {' '.join(f'{x:.3f}' for x in load)}")
    print(f"ratio check / baseline: {c / b:.2f}x  (the analysis costs {c - b:.3f} s over loading the project)")


if __name__ == "__main__":
    main()
