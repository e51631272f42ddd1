"""Static analysis of migration SQL.

For every statement of a migration's SQL text, work out which database objects it
creates, alters, drops, renames and which it needs to exist already ("references").

The package is pure: it imports only the standard library and sqlglot, does no I/O
and never raises on bad SQL.  A statement it cannot understand becomes a
``ScanWarning`` carrying the statement's line, and scanning carries on.

How ``scan_sql`` works (scan.py), one module per step, imports pointing down:

1. ``split_statements`` (splitter.py) cuts the text into statements.
2. Plain DDL is read without sqlglot (fastpath.py: one regex for the plainest
   CREATE TABLE / CREATE INDEX / DROP, else fastparser.py's token parser).
3. Everything else goes to sqlglot (sqlglot_scan.py: parse, walk the tree); what
   sqlglot leaves unparsed goes to a few careful regexes (handlers.py).

Below them: facts.py (the facts, and the collector the parsers fill), naming.py
(how each dialect names objects), dialects.py, pgtypes.py (built-in PostgreSQL
types) and lazy_sqlglot.py (sqlglot imported on first use, its logging quiet).
"""

from __future__ import annotations

from .dialects import SUPPORTED_DIALECTS, canonical_dialect
from .facts import ForeignKeyFact, ObjectRef, ScanResult, ScanWarning, StatementFacts, at_line
from .scan import scan_sql
from .splitter import split_statements

__all__ = [
    "ObjectRef",
    "ForeignKeyFact",
    "StatementFacts",
    "ScanWarning",
    "ScanResult",
    "at_line",
    "canonical_dialect",
    "split_statements",
    "scan_sql",
    "SUPPORTED_DIALECTS",
]
