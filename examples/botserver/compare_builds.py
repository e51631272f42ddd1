"""The minimal build against the full one: what loading the schema costs each.

    python examples/botserver/compare_builds.py            # --no-default-features vs default vs --all-features
    python examples/botserver/compare_builds.py --json

Each build loads the committed schema package (schema/, one module per unit) with
gatedb.load_schema in fresh Python processes, after SQLAlchemy is imported (its cost is the
same for every build), and reports the tables on the metadata, the schema modules imported,
the load time (import + define, the best of --runs, untraced) and the memory the load
allocated (tracemalloc, in a run of its own).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILDS = {
    "minimal (--no-default-features)": {"no_default_features": True},
    "default": {},
    "full (--all-features)": {"all_features": True},
}
MEASURE = """
import json, sys, time, tracemalloc
import sqlalchemy, gatedb.schema.runtime as runtime
traced = sys.argv[3] == "memory"  # tracing slows Python down: time and memory are measured apart
if traced:
    tracemalloc.start()
started = time.perf_counter()
schema = runtime.load_schema(sys.argv[1], **json.loads(sys.argv[2]))
seconds = time.perf_counter() - started
current, peak = tracemalloc.get_traced_memory() if traced else (0, 0)
modules = sorted(m.partition(".")[2] for m in sys.modules if m.startswith(schema.package + "."))
print(json.dumps({"tables": len(schema.tables), "foreign_keys": sum(len(t.foreign_keys) for t in schema.tables.values()),
                  "modules": modules, "seconds": seconds, "memory_kib": current // 1024, "peak_kib": peak // 1024}))
"""


def run(flags: dict[str, object], mode: str) -> dict[str, object]:
    command = [sys.executable, "-c", MEASURE, str(HERE / "schema"), json.dumps(flags), mode]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)  # type: ignore[no-any-return]


def measure(flags: dict[str, object], runs: int) -> dict[str, object]:
    timed = min((run(flags, "time") for _ in range(runs)), key=lambda r: r["seconds"])
    memory = run(flags, "memory")
    return {**timed, "memory_kib": memory["memory_kib"], "peak_kib": memory["peak_kib"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="processes per build; the fastest time counts")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    rows = {label: measure(flags, args.runs) for label, flags in BUILDS.items()}
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    labels = list(rows)
    width = max(len(label) for label in labels)
    print(f"{'':26}" + "".join(f"{label:>{width + 2}}" for label in labels))
    lines = [
        ("tables in the metadata", lambda r: str(r["tables"])),
        ("foreign keys", lambda r: str(r["foreign_keys"])),
        ("schema modules imported", lambda r: str(len(r["modules"]))),
        ("load time (import+define)", lambda r: f"{r['seconds'] * 1000:.1f} ms"),
        ("memory allocated", lambda r: f"{r['memory_kib'] / 1024:.2f} MiB"),
        ("peak while loading", lambda r: f"{r['peak_kib'] / 1024:.2f} MiB"),
    ]
    for name, cell in lines:
        print(f"{name:26}" + "".join(f"{cell(rows[label]):>{width + 2}}" for label in labels))
    print()
    for label in labels:
        print(f"{label}: {', '.join(rows[label]['modules'])}")


if __name__ == "__main__":
    main()
