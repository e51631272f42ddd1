"""gatedb: feature-gated database schemas and migrations.

The feature set is the planner's input: core always runs, a feature's unit runs when the
feature is on, a bridge `a+b` when all its features are on.

Names are imported on first use, so that importing the pure core (gatedb.core.features,
gatedb.core.planner, ...) loads no database library.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "migrate": "api",
    "plan": "api",
    "prune": "api",
    "repair": "api",
    "resolve": "api",
    "status": "api",
    "check": "api",
    "split_history": "split.run",
    "adopt": "split.adopt",
    "init": "workflow",
    "new_migration": "workflow",
    "revert": "workflow",
    "redo": "workflow",
    "history": "workflow",
    "MigrateResult": "api",
    "Status": "api",
    "CheckReport": "api",
    "load_project": "files.loader",
    "make_migrations": "schema.autogen",
    "load_schema": "schema.runtime",
    "Schema": "schema.runtime",
    "GatedbError": "errors",
    "Migration": "core.model",
    "MigrationId": "core.model",
    "Plan": "core.model",
    "Project": "core.model",
    "Step": "core.model",
    "Unit": "core.model",
}
__all__ = sorted(_WHERE)
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'gatedb' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value
