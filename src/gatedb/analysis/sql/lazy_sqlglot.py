"""sqlglot, imported on first use and quiet while we scan.

Importing sqlglot costs a quarter of a second, and plain DDL never needs it (the fast
path reads it alone).  A module that uses sqlglot calls ``bind(globals())``: that puts
stand-ins for ``sqlglot`` and ``exp`` among its globals, and the first use of either
puts the real modules in their place, in every module so bound (so that later uses
cost no more than a global's lookup).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

_BOUND: list[dict[str, Any]] = []


class _StandIn:
    """Stands for `sqlglot` (or `sqlglot.exp`) until first used."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        real = _load()
        return getattr(real if self._name == "sqlglot" else real.exp, attr)


def _load() -> Any:
    import sqlglot

    for namespace in _BOUND:
        namespace["sqlglot"], namespace["exp"] = sqlglot, sqlglot.exp
    return sqlglot


def bind(namespace: dict[str, Any]) -> None:
    """Give a module (its globals) the names ``sqlglot`` and ``exp``, imported on first use."""
    _BOUND.append(namespace)
    namespace["sqlglot"], namespace["exp"] = _StandIn("sqlglot"), _StandIn("exp")


# sqlglot logs a warning for every statement it falls back to exp.Command on.  We
# report those ourselves, so drop sqlglot's records while (and only while) this
# thread is scanning; a filter on the "sqlglot" logger covers all of sqlglot, which
# logs through that one logger.
_quiet = threading.local()


class _QuietWhileScanning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(_quiet, "depth", 0)


_SQLGLOT_LOGGER = logging.getLogger("sqlglot")
if not any(isinstance(f, _QuietWhileScanning) for f in _SQLGLOT_LOGGER.filters):
    _SQLGLOT_LOGGER.addFilter(_QuietWhileScanning())


class Quiet:
    """``with Quiet():`` drops sqlglot's log records in this thread."""

    def __enter__(self) -> None:
        _quiet.depth = getattr(_quiet, "depth", 0) + 1

    def __exit__(self, *exc: object) -> None:
        _quiet.depth -= 1
