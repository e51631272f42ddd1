"""Taking a foreign key out of the statement that declares it, as text (the rest of the
statement stays byte for byte), and writing it again as a constraint of its own. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

_IDENT = r'(?:"[^"]+"|`[^`]+`|\[[^\]]+\]|[\w$]+)'
_QNAME = rf"{_IDENT}(?:\s*\.\s*{_IDENT})?"
_ACTIONS = r"(?:\s+(?:ON\s+(?:DELETE|UPDATE)\s+(?:CASCADE|RESTRICT|NO\s+ACTION|SET\s+NULL|SET\s+DEFAULT)|MATCH\s+\w+|NOT\s+DEFERRABLE|DEFERRABLE|INITIALLY\s+(?:DEFERRED|IMMEDIATE)))*"
_REFERENCES = rf"REFERENCES\s+(?P<ref>{_QNAME})\s*(?:\((?P<refcols>[^)]*)\))?{_ACTIONS}"
_TABLE_FK = re.compile(
    rf"^\s*(?:CONSTRAINT\s+(?P<name>{_IDENT})\s+)?FOREIGN\s+KEY\s*\((?P<cols>[^)]*)\)\s*(?P<clause>{_REFERENCES})\s*$",
    re.IGNORECASE | re.DOTALL,
)
_COLUMN_FK = re.compile(rf"(?:\s+CONSTRAINT\s+(?P<name>{_IDENT}))?\s+(?P<clause>{_REFERENCES})", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class TakenKey:
    """A foreign key taken out of a statement: its columns, target and clause as written."""

    columns: tuple[str, ...]
    ref_table: str
    clause: str  # REFERENCES target (cols) ON DELETE ...
    name: str | None


def bare(name: str) -> str:
    """A name as facts compare it: no quotes, no schema, lower case."""
    last = re.split(r"\s*\.\s*", name.strip())[-1]
    return last.strip('"`[]').lower()


def _outside_quotes(text: str, start: int, depth: int):  # type: ignore[no-untyped-def]
    """(index, character, parenthesis depth after it) of each character outside quotes."""
    quote = ""
    for i in range(start, len(text)):
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"`":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        yield i, ch, depth


def _items(body: str) -> list[tuple[int, int]]:
    """Spans of the comma-separated items at depth 0 of a parenthesised list body."""
    spans, start = [], 0
    for i, ch, depth in _outside_quotes(body, 0, 0):
        if ch == "," and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(body)))
    return spans


def _body(text: str) -> tuple[int, int] | None:
    """The span inside CREATE TABLE's outer parentheses."""
    match = re.match(rf"\s*CREATE\s+(?:\w+\s+)*?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?{_QNAME}\s*\(", text, re.IGNORECASE)
    if match is None:
        return None
    for i, ch, depth in _outside_quotes(text, match.end(), 1):
        if ch == ")" and depth == 0:
            return match.end(), i
    return None


def take_foreign_keys(text: str, wanted: set[tuple[tuple[str, ...], str]]) -> tuple[str, list[TakenKey]] | None:
    """The statement without the foreign keys in `wanted` ((columns, referenced table),
    bare names), and what was taken; None when the text does not show them plainly."""
    taken: list[TakenKey] = []
    span = _body(text)
    if span is not None:
        start, end = span
        body = text[start:end]
        kept: list[str] = []
        for a, b in _items(body):
            item = body[a:b]
            table_fk = _TABLE_FK.match(item)
            if table_fk:
                cols = tuple(bare(c) for c in table_fk["cols"].split(","))
                key = (cols, bare(table_fk["ref"]))
                if key in wanted:
                    taken.append(TakenKey(cols, key[1], table_fk["clause"].strip(), table_fk["name"]))
                    continue
            kept.append(_without_column_key(item, wanted, taken))
        new = text[:start] + ",".join(kept) + text[end:]
    else:  # ALTER TABLE t ADD [COLUMN] c type REFERENCES ...
        match = re.match(rf"(\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?{_QNAME}\s+ADD\s+(?:COLUMN\s+)?)(.*)$", text, re.IGNORECASE | re.DOTALL)
        if match is None:
            return None
        new = match.group(1) + _without_column_key(match.group(2), wanted, taken)
    if {(k.columns, k.ref_table) for k in taken} != wanted:
        return None
    return new, taken


def _without_column_key(item: str, wanted: set[tuple[tuple[str, ...], str]], taken: list[TakenKey]) -> str:
    head = re.match(rf"\s*({_IDENT})", item)
    if head is None:
        return item
    column = bare(head.group(1))
    for match in _COLUMN_FK.finditer(item):
        key = ((column,), bare(match["ref"]))
        if key in wanted:
            taken.append(TakenKey((column,), key[1], match["clause"].strip(), match["name"]))
            return item[: match.start()] + item[match.end() :]
    return item


def quote(name: str, dialect: str) -> str:
    if re.fullmatch(r"[a-z_][a-z0-9_$]*", name):
        return name
    return f"`{name}`" if dialect == "mysql" else f'"{name}"'


def constraint_name(table: str, columns: tuple[str, ...], given: str | None) -> str:
    """The name written, or PostgreSQL's default for an unnamed key: the name the constraint
    already has in a PostgreSQL database migrated the old way (so adopt + prune find it)."""
    name = bare(given) if given else f"{table}_{'_'.join(columns)}_fkey"
    return name[:63]


def add_constraint_sql(table: str, key: TakenKey, name: str, dialect: str) -> str:
    cols = ", ".join(quote(c, dialect) for c in key.columns)
    return f"ALTER TABLE {quote(table, dialect)} ADD CONSTRAINT {quote(name, dialect)} FOREIGN KEY ({cols}) {key.clause};"


def drop_constraint_sql(table: str, name: str, dialect: str) -> str:
    verb = "DROP FOREIGN KEY" if dialect == "mysql" else "DROP CONSTRAINT"
    return f"ALTER TABLE {quote(table, dialect)} {verb} {quote(name, dialect)};"


def actions(clause: str) -> dict[str, str]:
    """ON DELETE / ON UPDATE of a REFERENCES clause, for Alembic's create_foreign_key."""
    out = {}
    for which, action in re.findall(r"ON\s+(DELETE|UPDATE)\s+(CASCADE|RESTRICT|NO\s+ACTION|SET\s+NULL|SET\s+DEFAULT)", clause, re.IGNORECASE):
        out[f"on{which.lower()}"] = re.sub(r"\s+", " ", action.upper())
    return out


def referenced_columns(clause: str) -> tuple[str, ...]:
    match = re.match(_REFERENCES, clause, re.IGNORECASE | re.DOTALL)
    if match is None or not match["refcols"]:
        return ()
    return tuple(bare(c) for c in match["refcols"].split(","))
