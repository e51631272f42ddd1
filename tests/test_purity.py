"""The pure core imports no database library and does no I/O at import time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PURE = ["gatedb.core.features", "gatedb.core.model", "gatedb.core.versions", "gatedb.core.graph", "gatedb.core.planner", "gatedb.analysis.checker", "gatedb.schema.ownership"]
# The SQL scan's modules, each importing only those before it (scan_sql is in the last).
SQL_LAYERS = ("dialects", "facts", "naming", "lazy_sqlglot", "pgtypes", "splitter", "handlers", "sqlglot_scan", "fastparser", "fastpath", "scan")
PURE += ["gatedb.analysis.sql", *(f"gatedb.analysis.sql.{name}" for name in SQL_LAYERS)]


def test_pure_core_imports_no_database_library() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in PURE)
        + "heavy = sorted(m for m in ('sqlalchemy', 'psycopg', 'pymysql', 'sqlite3', 'alembic') if m in sys.modules)\n"
        + "print(','.join(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_sql_modules_import_only_the_ones_before_them() -> None:
    import gatedb.analysis.sql

    root = Path(gatedb.analysis.sql.__file__).parent
    assert sorted(p.stem for p in root.glob("*.py") if p.stem != "__init__") == sorted(SQL_LAYERS)
    for at, name in enumerate(SQL_LAYERS):
        imported = set()
        for node in ast.walk(ast.parse((root / f"{name}.py").read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                imported |= {node.module} if node.module else {alias.name for alias in node.names}
        assert imported <= set(SQL_LAYERS[:at]), (name, sorted(imported - set(SQL_LAYERS[:at])))
