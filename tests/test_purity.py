"""The pure core imports no database library and does no I/O at import time."""

from __future__ import annotations

import subprocess
import sys

PURE = ["gatedb.core.features", "gatedb.core.model", "gatedb.core.versions", "gatedb.core.graph", "gatedb.core.planner", "gatedb.analysis.sqlscan", "gatedb.analysis.checker", "gatedb.schema.ownership"]


def test_pure_core_imports_no_database_library() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in PURE)
        + "heavy = sorted(m for m in ('sqlalchemy', 'psycopg', 'pymysql', 'sqlite3', 'alembic') if m in sys.modules)\n"
        + "print(','.join(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
