"""Regex handlers for the statements sqlglot does not parse (or reads as an opaque
``exp.Command``): each reads the facts of one common shape from the whole statement
text.  ``command_text`` tries them in order; the first whose regex matches decides."""

from __future__ import annotations

import functools
import re
from typing import Callable

from .facts import KEYWORD_KINDS, Collector, ObjectRef, snippet
from .naming import IDENT_RE, QNAME_RE, Naming
from .pgtypes import PG_BUILTIN_TYPES, is_known_type

_ALTER_PARTIAL = "ALTER TABLE only partly understood"

# A handler: (naming rules, the match of its regex at the start, the text, facts to fill).
Handler = Callable[[Naming, re.Match[str], str, Collector], None]

_Q = QNAME_RE
_I = IDENT_RE
_FLAGS = re.IGNORECASE | re.DOTALL


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


def _h_function(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "CREATE FUNCTION"
    name = s.text_name(m.group("name"))
    if name:
        obj = ObjectRef("function", name)
        f.creates.add(obj)
        if m.group("guard") or m.group("guard2"):
            f.guarded.add(obj)
    # The body ($$...$$, BEGIN...END) is opaque on purpose: it runs later, not now.


def _h_trigger(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "CREATE TRIGGER"
    name = s.text_name(m.group("name"))
    table = s.text_name(m.group("table"))
    if name:
        obj = ObjectRef("trigger", name, table)
        f.creates.add(obj)
        if m.group("guard") or m.group("guard2"):
            f.guarded.add(obj)
    if table:
        f.references.add(ObjectRef("table", table))
    ex = re.search(rf"\bEXECUTE\s+(?:FUNCTION|PROCEDURE)\s+(?P<fn>{_Q})\s*\(", text, _FLAGS)
    if ex:
        fn = s.text_name(ex.group("fn"))
        if fn:
            f.references.add(ObjectRef("function", fn))


def _h_create_simple(kind: str, label: str) -> Handler:
    def handler(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
        f.kind = label
        name = s.text_name(m.group("name"))
        if name:
            obj = ObjectRef(kind, name)
            f.creates.add(obj)
            if m.groupdict().get("guard"):
                f.guarded.add(obj)
        if kind == "type" and s.pg and m.groupdict().get("base"):
            base = s.text_name(m.group("base"))
            if base and base.lower() not in PG_BUILTIN_TYPES and not is_known_type(base):
                f.references.add(ObjectRef("type", base))

    return handler


def _h_alter_named(kind: str) -> Handler:
    """ALTER TYPE/DOMAIN/SEQUENCE/FUNCTION/VIEW name ... [RENAME TO new]."""

    def handler(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
        f.kind = f"ALTER {kind.upper()}"
        name = s.text_name(m.group("name"))
        if not name:
            return
        obj = ObjectRef(kind, name)
        f.alters.add(obj)
        f.references.add(obj)
        rest = text[m.end() :]
        rn = re.search(rf"\bRENAME\s+TO\s+(?P<new>{_I})", rest, _FLAGS)
        if rn:
            new = s.text_name(rn.group("new"))
            schema = name.rpartition(".")[0]
            if new:
                f.renames.append((obj, ObjectRef(kind, f"{schema}.{new}" if schema else new)))
        owned = re.search(rf"\bOWNED\s+BY\s+(?P<col>{_Q})", rest, _FLAGS)
        if owned and owned.group("col").upper() != "NONE":
            table, _, col = (s.text_name(owned.group("col")) or "").rpartition(".")
            if table and col:
                f.references.add(ObjectRef("table", table))
                f.references.add(ObjectRef("column", col, table))

    return handler


# ALTER TABLE sub-commands that sqlglot leaves unparsed but that only touch the
# table itself (ownership, RLS, storage ...): the table is altered, nothing else.
_ALTER_TABLE_HARMLESS = re.compile(
    r"(?:OWNER\s+TO|ENABLE|DISABLE|FORCE|NO\s+FORCE|SET\s+(?:\(|LOGGED|UNLOGGED|WITHOUT|TABLESPACE|ACCESS)|RESET|CLUSTER|REPLICA\s+IDENTITY|INHERIT|NO\s+INHERIT|OF\s|NOT\s+OF)\b",
    _FLAGS,
)


def _has_top_level_comma(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            return True
    return False


def _h_alter_table(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "ALTER TABLE"
    table = s.text_name(m.group("name"))
    if not table:
        f.warnings.append(f"could not understand statement: {snippet(text)}")
        return
    obj = ObjectRef("table", table)
    f.alters.add(obj)
    f.references.add(obj)
    rest = text[m.end() :].strip()
    rc = re.match(rf"RENAME\s+CONSTRAINT\s+(?P<old>{_I})\s+TO\s+(?P<new>{_I})\s*$", rest, _FLAGS)
    if rc:
        old, new = s.text_name(rc.group("old")), s.text_name(rc.group("new"))
        if old and new:
            f.renames.append((ObjectRef("constraint", old, table), ObjectRef("constraint", new, table)))
            f.references.add(ObjectRef("constraint", old, table))
        return
    vc = re.match(rf"VALIDATE\s+CONSTRAINT\s+(?P<name>{_I})\s*$", rest, _FLAGS)
    if vc:
        name = s.text_name(vc.group("name"))
        if name:
            f.references.add(ObjectRef("constraint", name, table))
        return
    ss = re.match(rf"SET\s+SCHEMA\s+(?P<schema>{_I})\s*$", rest, _FLAGS)
    if ss:
        schema = s.text_name(ss.group("schema"))
        bare = table.rpartition(".")[2]
        if schema:
            new = bare if schema in s.default_schemas else f"{schema}.{bare}"
            f.renames.append((obj, ObjectRef("table", new)))
        return
    part = re.match(rf"(?:ATTACH|DETACH)\s+PARTITION\s+(?P<part>{_Q})", rest, _FLAGS)
    if part:
        name = s.text_name(part.group("part"))
        if name:
            f.references.add(ObjectRef("table", name))
        return
    single = not _has_top_level_comma(rest)  # one sub-command, not a list of them
    ac = re.match(rf"ALTER\s+(?:COLUMN\s+)?(?P<col>{_I})\s+", rest, _FLAGS)
    if ac and single:
        col = s.text_name(ac.group("col"))
        if col:
            f.alters.add(ObjectRef("column", col, table))
            f.references.add(ObjectRef("column", col, table))
        return
    if single and _ALTER_TABLE_HARMLESS.match(rest):
        return
    f.warnings.append(f"{_ALTER_PARTIAL}: {snippet(text)}")


def _h_create_table(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "CREATE TABLE"
    name = s.text_name(m.group("name"))
    if name:
        obj = ObjectRef("table", name)
        f.creates.add(obj)
        if m.group("guard"):
            f.guarded.add(obj)
    f.warnings.append(f"CREATE TABLE only partly understood (columns not analysed): {snippet(text)}")


def _h_create_index(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "CREATE INDEX"
    table = s.text_name(m.group("table"))
    name = s.text_name(m.group("name")) if m.group("name") else None
    if table:
        f.references.add(ObjectRef("table", table))
    if name:
        # SQLite writes the schema on the index name ("main.ix"); the index is the table's.
        obj = ObjectRef("index", name.rpartition(".")[2] if table else name, table)
        f.creates.add(obj)
        if m.group("guard"):
            f.guarded.add(obj)
    # Plain column names of a simple "(a, b DESC)" list; expressions are skipped.
    cols = re.match(r"\s*(?:USING\s+\w+\s*)?\((?P<cols>[^()]*)\)", text[m.end() :], _FLAGS)
    if table and cols:
        for raw in cols.group("cols").split(","):
            raw = re.sub(r"\s+(ASC|DESC|COLLATE\s+\S+|NULLS\s+(FIRST|LAST))\b.*$", "", raw.strip(), flags=_FLAGS)
            if re.fullmatch(_I, raw):
                col = s.text_name(raw)
                if col:
                    f.references.add(ObjectRef("column", col, table))
    f.warnings.append(f"CREATE INDEX only partly understood: {snippet(text)}")


def _h_schema(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "CREATE SCHEMA"
    name = s.text_name(m.group("name"))
    if name and name.upper() != "AUTHORIZATION":
        obj = ObjectRef("schema", name)
        f.creates.add(obj)
        if m.group("guard"):
            f.guarded.add(obj)


_COMMENT_TARGETS = {
    **{keyword.lower(): kind for keyword, kind in KEYWORD_KINDS.items()},
    "constraint": "constraint",
    "column": "column",
}


def _h_comment(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "COMMENT"
    what = " ".join(m.group("what").lower().split())
    kind = _COMMENT_TARGETS.get(what)
    name = s.text_name(m.group("name"))
    if not kind or not name:
        return  # comments on roles, casts ... do not concern our objects
    on = s.text_name(m.group("on")) if m.group("on") else None
    if kind == "column":
        table, _, col = name.rpartition(".")
        if table:
            f.references.add(ObjectRef("table", table))
            f.references.add(ObjectRef("column", col, table))
        return
    if on:
        f.references.add(ObjectRef("table", on))
    f.references.add(ObjectRef(kind, name, on if kind in ("trigger", "constraint") else None))


def _h_do(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "DO"
    f.warnings.append("DO block is opaque: its contents were not analysed")


def _h_rename_table(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    f.kind = "RENAME TABLE"
    pairs = re.findall(rf"({_Q})\s+TO\s+({_Q})", m.group("pairs"), _FLAGS)
    if not pairs:
        f.warnings.append(f"could not understand statement: {snippet(text)}")
    for old_raw, new_raw in pairs:
        old, new = s.text_name(old_raw), s.text_name(new_raw)
        if old and new:
            f.renames.append((ObjectRef("table", old), ObjectRef("table", new)))
            f.references.add(ObjectRef("table", old))


def _h_drop(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    what = " ".join(m.group("what").upper().split())
    f.kind = f"DROP {what}"
    kind = KEYWORD_KINDS.get(what)
    if kind is None:
        return  # DROP ROLE / POLICY / ...: not one of our objects
    names = m.group("names")
    on = re.search(rf"\bON\s+(?P<table>{_Q})", names, _FLAGS)
    table = s.text_name(on.group("table")) if on else None
    names = names[: on.start()] if on else names
    names = re.sub(r"\([^()]*\)", "", names)  # function argument lists
    names = re.sub(r"\b(CASCADE|RESTRICT)\b", "", names, flags=_FLAGS)
    for raw in names.split(","):
        raw = raw.strip()
        if not raw:
            continue
        name = s.text_name(raw)
        if name:
            obj = ObjectRef(kind, name, table if kind in ("index", "trigger") else None)
            f.drops.add(obj)
            if m.group("guard"):
                f.guarded.add(obj)
    if table:
        f.references.add(ObjectRef("table", table))


def _h_needs(kind: str, label: str, group: str = "name") -> Handler:
    """Statements that only need one object to exist (REFRESH MATERIALIZED VIEW v,
    CREATE POLICY p ON t, CALL f()): the one named by the group."""

    def handler(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
        f.kind = label
        name = s.text_name(m.group(group))
        if name:
            f.references.add(ObjectRef(kind, name))

    return handler


def _h_ignore(s: Naming, m: re.Match[str], text: str, f: Collector) -> None:
    """Statements that do not create, change or need schema objects of ours."""
    f.kind = " ".join(m.group(0).upper().split())


@functools.lru_cache(maxsize=1)
def _regex_handlers() -> list[tuple[re.Pattern[str], Handler]]:
    """The regexes and their handlers, in the order they are tried; compiled on first
    use, which keeps the import light."""
    or_replace = r"(?P<guard>OR\s+REPLACE\s+)?"
    definer = r"(?:DEFINER\s*=\s*\S+\s+)?"
    handlers: list[tuple[str, Handler]] = [
        (
            rf"CREATE\s+{or_replace}{definer}(?:AGGREGATE\s+)?(?:FUNCTION|PROCEDURE)\s+(?P<guard2>IF\s+NOT\s+EXISTS\s+)?(?P<name>{_Q})\s*\([^()]*(?:\([^()]*\)[^()]*)*\)",
            _h_function,
        ),
        (
            rf"CREATE\s+(?P<guard>OR\s+REPLACE\s+)?{definer}(?:CONSTRAINT\s+)?(?:TEMP(?:ORARY)?\s+)?TRIGGER\s+(?P<guard2>IF\s+NOT\s+EXISTS\s+)?"
            rf"(?P<name>{_Q})\s.*?\bON\s+(?P<table>{_Q})",
            _h_trigger,
        ),
        (rf"CREATE\s+EXTENSION\s+(?P<guard>IF\s+NOT\s+EXISTS\s+)?(?P<name>{_I})", _h_create_simple("extension", "CREATE EXTENSION")),
        (rf"CREATE\s+TYPE\s+(?P<name>{_Q})", _h_create_simple("type", "CREATE TYPE")),
        (rf"CREATE\s+DOMAIN\s+(?P<name>{_Q})\s+(?:AS\s+)?(?P<base>{_Q})", _h_create_simple("type", "CREATE DOMAIN")),
        (rf"CREATE\s+SEQUENCE\s+(?P<guard>IF\s+NOT\s+EXISTS\s+)?(?P<name>{_Q})", _h_create_simple("sequence", "CREATE SEQUENCE")),
        (
            rf"CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED|VIRTUAL|GLOBAL|LOCAL)\s+)*TABLE\s+(?P<guard>IF\s+NOT\s+EXISTS\s+)?(?P<name>{_Q})",
            _h_create_table,
        ),
        (
            rf"CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?P<guard>IF\s+NOT\s+EXISTS\s+)?(?:(?P<name>{_Q})\s+)?ON\s+(?:ONLY\s+)?(?P<table>{_Q})",
            _h_create_index,
        ),
        (rf"CREATE\s+SCHEMA\s+(?P<guard>IF\s+NOT\s+EXISTS\s+)?(?P<name>{_I})", _h_schema),
        (rf"ALTER\s+TYPE\s+(?P<name>{_Q})", _h_alter_named("type")),
        (rf"ALTER\s+DOMAIN\s+(?P<name>{_Q})", _h_alter_named("type")),
        (rf"ALTER\s+SEQUENCE\s+(?:IF\s+EXISTS\s+)?(?P<name>{_Q})", _h_alter_named("sequence")),
        (rf"ALTER\s+(?:FUNCTION|PROCEDURE)\s+(?P<name>{_Q})", _h_alter_named("function")),
        (rf"ALTER\s+(?:MATERIALIZED\s+)?VIEW\s+(?:IF\s+EXISTS\s+)?(?P<name>{_Q})", _h_alter_named("view")),
        (rf"ALTER\s+INDEX\s+(?:IF\s+EXISTS\s+)?(?P<name>{_Q})", _h_alter_named("index")),
        (rf"ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?P<name>{_Q})(?:\s*\*)?", _h_alter_table),
        (
            rf"COMMENT\s+ON\s+(?P<what>MATERIALIZED\s+VIEW|[A-Za-z]+)\s+(?P<name>{_Q})\s*(?:\([^()]*\)\s*)?(?:ON\s+(?:DOMAIN\s+)?(?P<on>{_Q})\s+)?IS\b",
            _h_comment,
        ),
        (r"DO\b", _h_do),
        (r"RENAME\s+TABLES?\s+(?P<pairs>.*)", _h_rename_table),
        (
            r"DROP\s+(?P<what>MATERIALIZED\s+VIEW|[A-Za-z]+)\s+(?:CONCURRENTLY\s+)?(?P<guard>IF\s+EXISTS\s+)?(?P<names>.*)",
            _h_drop,
        ),
        (rf"REFRESH\s+MATERIALIZED\s+VIEW\s+(?:CONCURRENTLY\s+)?(?P<name>{_Q})", _h_needs("view", "REFRESH MATERIALIZED VIEW")),
        (rf"(?:CREATE|ALTER)\s+POLICY\s+{_I}\s+ON\s+(?P<table>{_Q})", _h_needs("table", "POLICY", "table")),
        (rf"CALL\s+(?P<name>{_Q})", _h_needs("function", "CALL")),
        (
            r"(?:GRANT|REVOKE|SET|RESET|SHOW|LOCK|VACUUM|ANALYZE|ANALYSE|CHECKPOINT|LISTEN|NOTIFY|UNLISTEN|DISCARD|"
            r"BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|USE|FLUSH|OPTIMIZE|SELECT|"
            r"SECURITY\s+LABEL|(?:CREATE|ALTER|DROP)\s+(?:ROLE|USER|GROUP)|ALTER\s+DEFAULT\s+PRIVILEGES|REINDEX|CLUSTER)\b",
            _h_ignore,
        ),
    ]
    return [(_rx(p), h) for p, h in handlers]


def command_text(s: Naming, text: str, facts: Collector) -> None:
    """Fill ``facts`` for a statement sqlglot could not parse (or parsed as an opaque
    Command): the first handler whose regex matches the start decides; none is a warning."""
    body = text.strip()
    for pattern, handler in _regex_handlers():
        m = pattern.match(body)
        if m:
            handler(s, m, body, facts)
            return
    facts.warnings.append(f"could not understand statement: {snippet(body)}")
