"""One root for every error gatedb reports to a user.

Each error carries a one-line message (what went wrong, naming the file and place)
and a hint (the next step). The CLI prints them as `error:` / `hint:` lines and
exits non-zero; a traceback is only ever shown for a bug, or with --traceback.
"""

from __future__ import annotations


class GatedbError(Exception):
    """A user-facing error: message plus hint, never a traceback."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ManifestError(GatedbError):
    """gatedb.toml / [tool.gatedb] is missing, malformed or inconsistent."""


class FeatureError(GatedbError):
    """An unknown feature was chosen, or the implications form a cycle."""


class MigrationFileError(GatedbError):
    """A migration file or folder is malformed, duplicated or unreadable."""


class DependencyError(GatedbError):
    """A `requires` points outside the unit's closure, at nothing, or forms a cycle."""


class DatabaseError(GatedbError):
    """The database refused something: bad URL, connection lost, a migration failed."""


class LockTimeout(DatabaseError):
    """Another gatedb run holds the migration lock for longer than --lock-timeout."""


class ChecksumMismatch(GatedbError):
    """An applied migration's file changed since it was applied."""


class OutOfOrder(GatedbError):
    """A pending migration is older than the newest applied one of its unit."""


class UnfinishedMigration(DatabaseError):
    """A migration was left `running` by a crashed run on a database without transactional DDL."""


class Refused(GatedbError):
    """An operation gatedb will not do as asked (prune without down migrations, ...)."""


class CheckFailed(GatedbError):
    """`gatedb check` found errors (the diagnostics were printed already)."""

    exit_code = 1
