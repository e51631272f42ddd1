"""The dialect names a scan accepts, and sqlglot's name for each."""

from __future__ import annotations

# Our dialect names -> sqlglot's.  MariaDB is read with the MySQL grammar.
_SQLGLOT_DIALECT = {
    "postgresql": "postgres",
    "postgres": "postgres",
    "sqlite": "sqlite",
    "mysql": "mysql",
    "mariadb": "mysql",
}
SUPPORTED_DIALECTS = ("postgresql", "sqlite", "mysql")


def canonical_dialect(dialect: str | None) -> str | None:
    """sqlglot's name for one of ours ("postgresql" -> "postgres"); None stays None (no
    dialect).  An unknown name raises ValueError."""
    if dialect is None:
        return None
    d = _SQLGLOT_DIALECT.get(dialect.lower())
    if d is None:
        raise ValueError(f"unsupported dialect {dialect!r}; expected one of {SUPPORTED_DIALECTS}")
    return d
