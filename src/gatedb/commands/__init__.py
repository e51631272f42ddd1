"""The `gatedb` command line: Click commands that render the public API's values.

One module per group of commands; each registers on `main` from common.py. Command
modules import heavy libraries (SQLAlchemy, Rich, sqlglot) inside the commands that
need them, so that `gatedb --help` and a no-op `migrate` stay fast.
"""

from . import checking, migrations, schema  # noqa: F401  (registers the commands)
from . import schema_authoring  # noqa: F401
from . import authoring  # noqa: F401  (init, new, revert, redo, history, completion)
from . import split  # noqa: F401  (split, adopt)
from .common import main

__all__ = ["main"]
