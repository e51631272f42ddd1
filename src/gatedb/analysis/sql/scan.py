"""scan_sql: split the text, then read each statement by the fast path, else sqlglot
(whose unparsed statements go to the regex handlers); cached per statement."""

from __future__ import annotations

import functools

from .dialects import canonical_dialect
from .facts import Collector, ScanResult, ScanWarning, StatementFacts, at_line, snippet
from .fastpath import fast_scan
from .splitter import split_statements
from .sqlglot_scan import Scanner

_SCANNERS: dict[str, Scanner] = {}


@functools.lru_cache(maxsize=1 << 15)
def _scan_statement(dialect: str, text: str) -> tuple[StatementFacts, tuple[str, ...]]:
    """Facts (with line 0) and warning messages of one statement.

    Cached: a tool scans the same migration files again and again (status, plan,
    migrate ...), and parsing is nearly all of the cost.  Everything returned is
    immutable, so sharing is safe.  The size is well above a large project's
    statements times its dialects (botserver: 4,635): scanned in the same order each
    time, a smaller LRU cache would miss on every statement.
    """
    scanner = _SCANNERS.get(dialect)
    if scanner is None:
        scanner = _SCANNERS[dialect] = Scanner(dialect)
    try:
        facts = fast_scan(scanner, text)
        if facts is None:
            facts = scanner.scan_statement(text)
    except Exception as exc:  # a bug of ours must not stop the scan either
        facts = Collector()
        facts.warnings.append(f"internal error while scanning ({type(exc).__name__}: {exc}): {snippet(text)}")
    return facts.freeze(0, text), tuple(facts.warnings)


def scan_sql(sql: str, dialect: str) -> ScanResult:
    """dialect is one of "postgresql", "sqlite", "mysql" (MariaDB). Never raises on bad
    SQL: a statement it cannot understand becomes a ScanWarning with its line, and
    scanning goes on.

    There is one StatementFacts per statement of ``split_statements(sql, dialect)``,
    in order; a statement that could not be understood has empty (or partial) facts
    and a warning at its line.  An unknown dialect name raises ValueError.
    """
    d = canonical_dialect(dialect)
    assert d is not None
    statements: list[StatementFacts] = []
    warnings: list[ScanWarning] = []
    for line, text in split_statements(sql, dialect):
        facts, messages = _scan_statement(d, text)
        statements.append(at_line(facts, line))
        warnings.extend(ScanWarning(line, msg) for msg in messages)
    return ScanResult(tuple(statements), tuple(warnings))
