"""The facts a scan reads from migration SQL: what each statement creates, alters,
drops, renames and references, the warnings, and the mutable collector the parsers
fill for one statement.  Standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, NamedTuple


class ObjectRef(NamedTuple):
    """One database object.

    kind: "table", "column", "index", "constraint", "type", "function", "view",
    "trigger", "sequence", "extension" or "schema" (procedures count as "function",
    domains as "type", materialized views as "view").
    table: owning table for column / index / constraint / trigger, when the SQL says
    it (``DROP INDEX ix`` does not say it, so there it is None).

    Immutable, hashable and ordered like a frozen dataclass of the three fields (and
    with its repr), but a tuple: made, hashed and compared in C, which matters with
    tens of thousands of them per check.
    """

    kind: str
    name: str
    table: str | None = None

    def __str__(self) -> str:
        where = f"{self.table}." if self.table else ""
        return f"{self.kind} {where}{self.name}"


_EMPTY: frozenset[ObjectRef] = frozenset()


@dataclass(frozen=True)
class ForeignKeyFact:
    """One foreign key a statement creates: ``table(columns)`` references
    ``ref_table(ref_columns)``.  Names follow ObjectRef's rules.  ``ref_columns`` is
    empty when the SQL names no columns (the referenced table's primary key);
    ``name`` is the constraint's name when the SQL gives one."""

    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    name: str | None = None


@dataclass(frozen=True)
class StatementFacts:
    """What one statement does.  ``references`` never contains an object that the
    same statement creates (e.g. a self-referencing foreign key); ``foreign_keys``
    holds every foreign key the statement creates, self-references included."""

    line: int
    text: str
    creates: frozenset[ObjectRef] = _EMPTY
    alters: frozenset[ObjectRef] = _EMPTY
    drops: frozenset[ObjectRef] = _EMPTY
    renames: tuple[tuple[ObjectRef, ObjectRef], ...] = ()
    references: frozenset[ObjectRef] = _EMPTY
    # Extra: objects of creates/drops made conditional by IF [NOT] EXISTS or OR REPLACE.
    guarded: frozenset[ObjectRef] = _EMPTY
    # Extra: a short label of the statement kind, e.g. "CREATE TABLE", "INSERT", "DO".
    kind: str = ""
    # The foreign keys the statement creates, in the order the SQL writes them.
    foreign_keys: tuple[ForeignKeyFact, ...] = ()
    # Names of constraints dropped that are or may be foreign keys (ALTER TABLE ...
    # DROP CONSTRAINT c / DROP FOREIGN KEY c); each is also in ``drops`` as a constraint.
    dropped_foreign_keys: tuple[str, ...] = ()


def at_line(facts: StatementFacts, line: int) -> StatementFacts:
    """The same facts at another line: ``dataclasses.replace(facts, line=line)``,
    without running the frozen __init__ again (a copy of the instance dict)."""
    if facts.line == line:
        return facts
    new = object.__new__(StatementFacts)
    state = new.__dict__
    state.update(facts.__dict__)
    state["line"] = line
    return new


@dataclass(frozen=True)
class ScanWarning:
    """A statement the scan did not (fully) understand, at its start line."""

    line: int
    message: str


def _union(sets: Iterable[frozenset[ObjectRef]]) -> frozenset[ObjectRef]:
    out: set[ObjectRef] = set()
    for s in sets:
        out |= s
    return frozenset(out)


@dataclass(frozen=True)
class ScanResult:
    """The facts of a migration, one StatementFacts per statement in order, and its
    warnings.  ``creates`` / ``alters`` / ``drops`` / ``references`` / ``renames`` are
    those of all its statements together."""

    statements: tuple[StatementFacts, ...] = ()
    warnings: tuple[ScanWarning, ...] = ()

    @property
    def creates(self) -> frozenset[ObjectRef]:
        return _union(s.creates for s in self.statements)

    @property
    def alters(self) -> frozenset[ObjectRef]:
        return _union(s.alters for s in self.statements)

    @property
    def drops(self) -> frozenset[ObjectRef]:
        return _union(s.drops for s in self.statements)

    @property
    def references(self) -> frozenset[ObjectRef]:
        return _union(s.references for s in self.statements)

    @property
    def renames(self) -> tuple[tuple[ObjectRef, ObjectRef], ...]:
        return tuple(r for s in self.statements for r in s.renames)

    @property
    def created_tables(self) -> frozenset[str]:
        return frozenset(o.name for o in self.creates if o.kind == "table")


# The kind of object a keyword names in DROP ... / COMMENT ON ... (procedures count as
# functions, domains as types, materialized views as views).
KEYWORD_KINDS = {
    "TABLE": "table",
    "VIEW": "view",
    "MATERIALIZED VIEW": "view",
    "INDEX": "index",
    "TYPE": "type",
    "DOMAIN": "type",
    "FUNCTION": "function",
    "PROCEDURE": "function",
    "TRIGGER": "trigger",
    "SEQUENCE": "sequence",
    "SCHEMA": "schema",
    "EXTENSION": "extension",
}


class Collector:
    """Mutable collector for one statement's facts."""

    __slots__ = ("creates", "alters", "drops", "renames", "references", "guarded", "kind", "warnings", "foreign_keys", "dropped_foreign_keys")

    def __init__(self) -> None:
        self.creates: set[ObjectRef] = set()
        self.alters: set[ObjectRef] = set()
        self.drops: set[ObjectRef] = set()
        self.renames: list[tuple[ObjectRef, ObjectRef]] = []
        self.references: set[ObjectRef] = set()
        self.guarded: set[ObjectRef] = set()
        self.kind = ""
        self.warnings: list[str] = []
        self.foreign_keys: list[ForeignKeyFact] = []
        self.dropped_foreign_keys: list[str] = []

    def freeze(self, line: int, text: str) -> StatementFacts:
        """The collected facts as the StatementFacts of the statement ``text`` at ``line``."""
        # Objects the statement creates itself are satisfied locally.
        refs = self.references - self.creates if self.references else _EMPTY
        # As StatementFacts(...) would, without its frozen __init__ (a third of the cost).
        facts = object.__new__(StatementFacts)
        facts.__dict__.update(
            line=line,
            text=text,
            creates=frozenset(self.creates) if self.creates else _EMPTY,
            alters=frozenset(self.alters) if self.alters else _EMPTY,
            drops=frozenset(self.drops) if self.drops else _EMPTY,
            renames=tuple(dict.fromkeys(self.renames)) if self.renames else (),
            references=frozenset(refs) if refs else _EMPTY,
            guarded=frozenset(self.guarded) if self.guarded else _EMPTY,
            kind=self.kind,
            foreign_keys=tuple(dict.fromkeys(self.foreign_keys)) if self.foreign_keys else (),
            dropped_foreign_keys=tuple(dict.fromkeys(self.dropped_foreign_keys)) if self.dropped_foreign_keys else (),
        )
        return facts


def snippet(text: str, limit: int = 80) -> str:
    """The statement on one line, cut to ``limit`` characters, for a warning."""
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 3] + "..."
