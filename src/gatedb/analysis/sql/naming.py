"""How a dialect names objects: the rules behind ``ObjectRef.name`` / ``ObjectRef.table``.

* PostgreSQL folds unquoted identifiers to lower case and keeps quoted ones as
  written, so we do the same.  SQLite and MySQL/MariaDB compare identifiers
  case-insensitively even when quoted (backticks, double quotes), so there every
  name is lower-cased.
* The default schema prefix is dropped (``public.`` on PostgreSQL, ``main.`` on
  SQLite); any other schema is kept as ``"schema.name"``.
"""

from __future__ import annotations

import re
from typing import Iterable

from .facts import ObjectRef

IDENT_RE = r'(?:"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[^\W\d][\w$]*)'
QNAME_RE = rf"{IDENT_RE}(?:\s*\.\s*{IDENT_RE})*"
_IDENT_PART = re.compile(IDENT_RE)


class Naming:
    """The naming rules of one dialect (sqlglot's name for it)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.pg = dialect == "postgres"
        self.default_schemas = {"postgres": {"public"}, "sqlite": {"main"}}.get(dialect, set())

    def fold(self, name: str, quoted: bool) -> str:
        """An identifier as the dialect compares it (quoted: written with quotes)."""
        return name if (quoted and self.pg) else name.lower()

    def qualify(self, parts: Iterable[str | None]) -> str | None:
        """The dotted name of folded parts (None and empty parts skipped), without the
        default schema; None when no part is left."""
        names = [p for p in parts if p]
        if not names:
            return None
        while len(names) > 1 and names[0] in self.default_schemas:
            names = names[1:]
        return ".".join(names)

    def text_name(self, text: str) -> str | None:
        """Fold a (possibly schema-qualified, possibly quoted) name found by a regex."""
        parts: list[str | None] = []
        for raw in _IDENT_PART.findall(text):
            if raw[0] in "\"`[":
                body = raw[1:-1]
                body = body.replace('""', '"') if raw[0] == '"' else body.replace("``", "`")
                parts.append(self.fold(body, True))
            else:
                parts.append(self.fold(raw, False))
        return self.qualify(parts)

    def string_name(self, literal: str) -> str | None:
        """Name written inside a string literal, e.g. nextval('public."Seq"')."""
        return self.text_name(literal.strip())


def serial_sequence(table: str, column: str | None) -> ObjectRef:
    """The sequence PostgreSQL makes for a serial or identity column of a table:
    <table>_<column>_seq, in the table's schema."""
    schema, _, bare = table.rpartition(".")
    seq = f"{bare}_{column}_seq"
    return ObjectRef("sequence", f"{schema}.{seq}" if schema else seq)
