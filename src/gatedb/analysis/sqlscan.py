"""Static analysis of migration SQL.

For every statement of a migration's SQL text, work out which database objects it
creates, alters, drops, renames and which it needs to exist already ("references").

The module is pure: it imports only the standard library and sqlglot, does no I/O
and never raises on bad SQL.  A statement it cannot understand becomes a
``ScanWarning`` carrying the statement's line, and scanning carries on.

How it works, in two steps:

1. ``split_statements`` cuts the text into statements with a small lexer of its own,
   because sqlglot's splitting does not know dollar quotes in every dialect nor the
   ``BEGIN ... END`` bodies of SQLite/MySQL triggers, and we need each statement's
   start line anyway.
2. ``scan_sql`` parses each statement with sqlglot and walks the AST, one small
   function per statement kind.  Statements sqlglot leaves unparsed (``exp.Command``:
   ``CREATE FUNCTION``, ``DO``, ``CREATE EXTENSION``, ``ALTER TYPE`` ...) or fails to
   parse are matched against a few careful regexes for the common shapes.

Naming rules for ``ObjectRef.name`` / ``ObjectRef.table``:

* PostgreSQL folds unquoted identifiers to lower case and keeps quoted ones as
  written, so we do the same.  SQLite and MySQL/MariaDB compare identifiers
  case-insensitively even when quoted (backticks, double quotes), so there every
  name is lower-cased.
* The default schema prefix is dropped (``public.`` on PostgreSQL, ``main.`` on
  SQLite); any other schema is kept as ``"schema.name"``.
"""

from __future__ import annotations

import functools
import logging
import operator
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple

if TYPE_CHECKING:
    import sqlglot
    from sqlglot import exp

__all__ = [
    "ObjectRef",
    "ForeignKeyFact",
    "StatementFacts",
    "ScanWarning",
    "ScanResult",
    "split_statements",
    "scan_sql",
    "SUPPORTED_DIALECTS",
]

# --------------------------------------------------------------------------- model


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
    line: int
    message: str


def _union(sets: Iterable[frozenset[ObjectRef]]) -> frozenset[ObjectRef]:
    out: set[ObjectRef] = set()
    for s in sets:
        out |= s
    return frozenset(out)


@dataclass(frozen=True)
class ScanResult:
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


# ------------------------------------------------------------------ dialect names

# Our dialect names -> sqlglot's.  MariaDB is read with the MySQL grammar.
_SQLGLOT_DIALECT = {
    "postgresql": "postgres",
    "postgres": "postgres",
    "sqlite": "sqlite",
    "mysql": "mysql",
    "mariadb": "mysql",
}
SUPPORTED_DIALECTS = ("postgresql", "sqlite", "mysql")


def _canonical_dialect(dialect: str | None) -> str | None:
    if dialect is None:
        return None
    d = _SQLGLOT_DIALECT.get(dialect.lower())
    if d is None:
        raise ValueError(f"unsupported dialect {dialect!r}; expected one of {SUPPORTED_DIALECTS}")
    return d


# ------------------------------------------------------------------ sqlglot, lazily

# Importing sqlglot costs a quarter of a second, and plain DDL never needs it (the
# fast path below reads it alone): the module comes in on the first use of a name.


class _LazySqlglot:
    """Stands for `sqlglot` (or `sqlglot.exp`) until first used; then the real module
    takes its place among this module's globals."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        _import_sqlglot()
        return getattr(globals()[self._name], attr)


def _import_sqlglot() -> None:
    global sqlglot, exp
    import sqlglot as real

    sqlglot, exp = real, real.exp  # noqa: F811


if not TYPE_CHECKING:
    sqlglot = _LazySqlglot("sqlglot")
    exp = _LazySqlglot("exp")


# ------------------------------------------------------------------ sqlglot logging

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


class _Quiet:
    def __enter__(self) -> None:
        _quiet.depth = getattr(_quiet, "depth", 0) + 1

    def __exit__(self, *exc: object) -> None:
        _quiet.depth -= 1


# ------------------------------------------------------------------------ splitting

# A CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT whose body may be a BEGIN ... END block
# (SQLite and MySQL triggers, MySQL routines, PostgreSQL "BEGIN ATOMIC") holds
# semicolons that do not end the statement.
_ROUTINE_HEAD = re.compile(
    r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:(?:TEMP|TEMPORARY)\s+)?"
    r"(?:CONSTRAINT\s+)?(?:AGGREGATE\s+)?(?:TRIGGER|FUNCTION|PROCEDURE|EVENT)\b",
    re.IGNORECASE,
)
# After END, these words close a block that was not opened by BEGIN/CASE (MySQL
# "END IF", "END LOOP" ...), so they leave the depth alone.
_END_SUFFIX = re.compile(r"\s+(IF|LOOP|WHILE|REPEAT|FOR)\b", re.IGNORECASE)
_DELIMITER_LINE = re.compile(r"DELIMITER[ \t]+(\S+)[^\n]*", re.IGNORECASE)
_NESTED_COMMENT = re.compile(r"/\*|\*/")


@functools.lru_cache(maxsize=32)
def _token_regex(dialect: str | None, delimiter: str, routine: bool) -> re.Pattern[str]:
    """The lexer's "interesting token" regex; everything between matches is plain text.

    BEGIN/END/CASE words are only looked for inside CREATE TRIGGER/FUNCTION/...
    statements (``routine``): elsewhere they cannot hide a semicolon, and leaving
    them out keeps the common case fast.  The leading lookahead on the first
    characters lets the regex engine skip plain text quickly (about 10x).
    """
    parts = [r"(?P<lc>--[^\n]*(?:\s*--[^\n]*)*)", r"(?P<bc>/\*)"]  # a run of -- lines at once
    firsts = "-/'\"`" + delimiter[0]
    if dialect == "mysql":
        parts.append(r"(?P<hash>\#[^\n]*)")
        firsts += "#"
    # The delimiter goes before dollar quotes so that MySQL's "DELIMITER $$" wins.
    parts.append(f"(?P<delim>{re.escape(delimiter)})")
    parts.append(r"(?P<sq>')")
    parts.append(r'(?P<dq>")')
    parts.append(r"(?P<bt>`)")
    if dialect == "sqlite":
        parts.append(r"(?P<br>\[)")
        firsts += "["
    if dialect in (None, "postgres"):
        parts.append(r"(?P<dollar>(?<![\w$])\$(?:[^\W\d]\w*)?\$)")
        firsts += "$"
    if routine:
        parts.append(r"(?P<word>\b(?i:BEGIN|END|CASE)\b)")
        firsts += "bBeEcC"
    charset = "".join(re.escape(c) for c in dict.fromkeys(firsts))
    return re.compile(f"(?=[{charset}])(?:{'|'.join(parts)})")


_SINGLE_QUOTED = re.compile(r"(?:[^']+|'')*'?")
_SINGLE_QUOTED_BS = re.compile(r"(?:[^'\\]+|\\.|'')*'?", re.DOTALL)
_DOUBLE_QUOTED = re.compile(r'(?:[^"]+|"")*"?')
_DOUBLE_QUOTED_BS = re.compile(r'(?:[^"\\]+|\\.|"")*"?', re.DOTALL)
_BACKTICKED = re.compile(r"(?:[^`]+|``)*`?")
_BRACKETED = re.compile(r"[^\]]*\]?")


def _skip_block_comment(sql: str, pos: int, nested: bool) -> int:
    """Index just past the comment whose "/*" ends at pos (PostgreSQL nests them)."""
    if not nested:
        end = sql.find("*/", pos)
        return len(sql) if end < 0 else end + 2
    depth = 1
    for m in _NESTED_COMMENT.finditer(sql, pos):
        depth += 1 if m.group() == "/*" else -1
        if depth == 0:
            return m.end()
    return len(sql)


def _is_escape_string(sql: str, quote: int) -> bool:
    """Is the quote at index `quote` the start of an E'...' string (E not ending a word)?"""
    if quote == 0 or sql[quote - 1] not in "eE":
        return False
    before = sql[quote - 2] if quote >= 2 else " "
    return not (before.isalnum() or before in "_$")


# The common case in one regex: no dollar quotes, backslashes, block comments, DELIMITER
# lines, routine bodies, MySQL "#" comments or SQLite [brackets] (anywhere in the text).
# Each match is the blanks and -- comments before a statement (atomic: never given
# back), the statement (plain text, quoted runs, -- comments; possessive, so that an
# unclosed quote fails at once instead of backtracking) and its ";" or the end.
_SIMPLE_STATEMENT = re.compile(
    r"""(?>(?:\s+|--[^\n]*)*)
        (?P<body>(?:[^;'"`-]++|'[^']*+'|"[^"]*+"|`[^`]*+`|--[^\n]*+|-)*+)
        (?:;|\Z)""",
    re.VERBOSE,
)


def _split_simple(sql: str, d: str | None) -> list[tuple[int, str]] | None:
    """split_statements for SQL without the hard parts, or None: the general lexer then
    decides (also when the matches do not tile the text, e.g. an unclosed quote)."""
    if "$" in sql or "\\" in sql or "/*" in sql or "delimiter" in sql.lower():
        return None
    if (d == "mysql" and "#" in sql) or (d == "sqlite" and "[" in sql):
        return None
    if _ROUTINE_HEAD.search(sql):
        return None
    out: list[tuple[int, str]] = []
    at = counted = 0
    line = 1
    n = len(sql)
    match = _SIMPLE_STATEMENT.match
    while at < n:
        m = match(sql, at)
        if m is None:
            return None
        at = m.end()
        text = m.group("body").strip()
        if text:
            start = m.start("body")
            line += sql.count("\n", counted, start)
            counted = start
            out.append((line, text))
    return out


def split_statements(sql: str, dialect: str | None = None) -> list[tuple[int, str]]:
    """(start line, statement text) for each statement, respecting '...' strings,
    "..." identifiers, -- and /* */ comments, dollar quoting $$...$$ / $tag$...$tag$,
    and BEGIN ... END bodies of SQLite/MySQL CREATE TRIGGER. Empty statements / pure
    comments are dropped.

    The start line is that of the statement's first token (leading comments are not
    part of the statement).  The text excludes the terminating ";".  ``dialect``
    (optional) enables dialect-only lexing: MySQL "#" comments and backslash escapes,
    SQLite [bracket] identifiers; dollar quotes are off for MySQL and SQLite.  A
    client-side ``DELIMITER xx`` line (MySQL dumps) changes the statement delimiter.
    """
    d = _canonical_dialect(dialect)
    simple = _split_simple(sql, d)
    if simple is not None:
        return simple
    return _split_statements(sql, d)


def _split_statements(sql: str, d: str | None) -> list[tuple[int, str]]:
    """split_statements by a small lexer that knows every case."""
    backslash = d == "mysql"
    nested_comments = d in (None, "postgres")
    delimiter = ";"
    plain, body = _token_regex(d, delimiter, False), _token_regex(d, delimiter, True)
    out: list[tuple[int, str]] = []

    pos = 0
    n = len(sql)
    start: int | None = None  # index of the current statement's first token
    token = plain  # becomes `body` inside CREATE TRIGGER/FUNCTION/... statements
    depth = 0  # BEGIN/CASE nesting inside such a statement
    counted, line = 0, 1  # the line at sql[counted]: statements start in order

    def begin(at: int) -> None:
        nonlocal start, token
        start = at
        token = body if _ROUTINE_HEAD.match(sql, at) else plain

    def finish(end: int) -> None:
        nonlocal start, token, depth, counted, line
        if start is not None:
            text = sql[start:end].strip()
            if text:
                line += sql.count("\n", counted, start)
                counted = start
                out.append((line, text))
        start, token, depth = None, plain, 0

    while pos < n:
        m = token.search(sql, pos)
        stop = m.start() if m else n
        if start is None:
            # Plain text before the token starts the statement, unless it is blank.
            gap = sql[pos:stop]
            first = pos + len(gap) - len(gap.lstrip())
            if first < stop:
                dm = _DELIMITER_LINE.match(sql, first)
                if dm and sql[sql.rfind("\n", 0, first) + 1 : first].strip() == "":
                    # A client-side "DELIMITER //" line (MySQL dumps): not a statement.
                    delimiter = dm.group(1)
                    plain, body = _token_regex(d, delimiter, False), _token_regex(d, delimiter, True)
                    token = plain
                    pos = dm.end()
                    continue
                begin(first)
                if token is body:
                    continue  # rescan from here with the BEGIN/END-aware regex
        if m is None:
            break
        kind = m.lastgroup
        if kind in ("lc", "hash"):
            pos = m.end()
            continue
        if kind == "bc":
            pos = _skip_block_comment(sql, m.end(), nested_comments)
            continue
        if kind == "delim":
            if depth > 0 and delimiter == ";":
                pos = m.end()  # a ";" inside a trigger body
                continue
            finish(m.start())
            pos = m.end()
            continue
        if start is None:
            begin(m.start())
        if kind == "sq":
            # E'...' strings (PostgreSQL) and all MySQL strings take backslash escapes.
            escaped = backslash or _is_escape_string(sql, m.start())
            pos = (_SINGLE_QUOTED_BS if escaped else _SINGLE_QUOTED).match(sql, m.end()).end()
        elif kind == "dq":
            pos = (_DOUBLE_QUOTED_BS if backslash else _DOUBLE_QUOTED).match(sql, m.end()).end()
        elif kind == "bt":
            pos = _BACKTICKED.match(sql, m.end()).end()
        elif kind == "br":
            pos = _BRACKETED.match(sql, m.end()).end()
        elif kind == "dollar":
            close = sql.find(m.group(), m.end())
            pos = n if close < 0 else close + len(m.group())
        else:  # BEGIN / END / CASE inside a trigger or routine
            pos = m.end()
            word = m.group().upper()
            if word in ("BEGIN", "CASE"):
                depth += 1
            elif depth > 0 and not _END_SUFFIX.match(sql, pos):
                depth -= 1
    finish(n)
    return out


# ------------------------------------------------------------------------ scanning

_ALTER_PARTIAL = "ALTER TABLE only partly understood"

# PostgreSQL built-in types that sqlglot reports as "user defined".
_PG_BUILTIN_TYPES = frozenset(
    """tsvector tsquery macaddr macaddr8 cidr char varbit box line lseg path polygon
    circle serial2 serial4 serial8 int2vector oidvector regproc regprocedure regoper
    regoperator regtype regrole regnamespace regconfig regdictionary pg_lsn
    pg_snapshot txid_snapshot jsonpath refcursor record void trigger event_trigger
    anyelement anyarray anynonarray anyenum anyrange cstring internal aclitem
    int4multirange int8multirange nummultirange datemultirange tsmultirange
    tstzmultirange xid xid8 cid tid""".split()
)

_IDENT_RE = r'(?:"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[^\W\d][\w$]*)'
_QNAME_RE = rf"{_IDENT_RE}(?:\s*\.\s*{_IDENT_RE})*"
_IDENT_PART = re.compile(_IDENT_RE)


# CREATE INDEX head, to drop "ONLY" and the schema on the index name before parsing.
_INDEX_HEAD = re.compile(
    rf"(?P<head>CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?)"
    rf"(?:{_IDENT_RE}\s*\.\s*)?(?P<name>{_IDENT_RE})?\s*ON\s+(?:ONLY\s+)?",
    re.IGNORECASE,
)




class _Facts:
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


def _snippet(text: str, limit: int = 80) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 3] + "..."


def _kind_of(node: exp.Expression) -> str:
    k = node.args.get("kind")
    return str(k).upper() if k else ""


def _collect(tree: exp.Expression) -> dict[type, list]:
    """All nodes of tree grouped by exact type, in one walk over node.args."""
    out: defaultdict[type, list] = defaultdict(list)
    stack = [tree]
    pop, push, expression = stack.pop, stack.append, exp.Expression
    while stack:
        node = pop()
        out[node.__class__].append(node)
        for value in node.args.values():
            if value.__class__ is list:
                for v in value:
                    if isinstance(v, expression):
                        push(v)
            elif isinstance(value, expression):
                push(value)
    return out


class _Scanner:
    """Per-call state: the dialect decides name folding and a few grammar details."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.pg = dialect == "postgres"
        self.default_schemas = {"postgres": {"public"}, "sqlite": {"main"}}.get(dialect, set())
        self._nodes: dict[type, list] = {}  # the current statement's nodes, by type
        self._handler_table: dict[type, Callable[[exp.Expression, _Facts], None]] | None = None

    @property
    def _handlers(self) -> dict[type, Callable[[exp.Expression, _Facts], None]]:
        """Statement class -> handler; built on first use (it needs sqlglot)."""
        if self._handler_table is None:
            self._handler_table = {
                exp.Create: self._create,
                exp.Alter: self._alter,
                exp.Drop: self._drop,
                exp.Insert: self._insert,
                exp.Update: self._update,
                exp.Delete: self._delete,
                exp.TruncateTable: self._truncate,
                exp.Comment: self._comment,
                exp.Grant: self._grant,
            }
        return self._handler_table

    # ---------------------------------------------------------------- names

    def fold(self, name: str, quoted: bool) -> str:
        return name if (quoted and self.pg) else name.lower()

    def ident(self, node: object) -> str | None:
        """Name of an Identifier / Column / Var / plain string node."""
        if node is None:
            return None
        if isinstance(node, str):
            return self.fold(node, False) if node else None
        if isinstance(node, exp.Identifier):
            return self.fold(node.this, bool(node.args.get("quoted")))
        if isinstance(node, (exp.Column, exp.Var, exp.Anonymous)) and not isinstance(node.this, exp.Expression):
            return self.fold(str(node.this), False) if node.this else None
        if isinstance(node, exp.Column):
            return self.ident(node.this)
        if isinstance(node, exp.Ordered):
            return self.ident(node.this)
        return None

    def qualify(self, parts: list[str | None]) -> str | None:
        names = [p for p in parts if p]
        if not names:
            return None
        while len(names) > 1 and names[0] in self.default_schemas:
            names = names[1:]
        return ".".join(names)

    def table_name(self, node: object) -> str | None:
        """Name of a Table (or Schema wrapping one, or Dot chain); drop public./main."""
        if isinstance(node, exp.Schema):
            node = node.this
        if isinstance(node, exp.Table):
            if not isinstance(node.this, exp.Identifier):
                return None  # a table function such as generate_series(...)
            return self.qualify([self.ident(node.args.get("catalog")), self.ident(node.args.get("db")), self.ident(node.this)])
        if isinstance(node, exp.Dot):
            return self.qualify([self.ident(p) for p in node.flatten()])
        if isinstance(node, exp.UserDefinedFunction):
            return self.table_name(node.this)
        return self.ident(node)

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

    # ---------------------------------------------------------------- driver

    def scan_statement(self, text: str, fast: bool = True) -> _Facts:
        if fast:
            quick = _fast_scan(self, text)
            if quick is not None:
                return quick
        facts = _Facts()
        parse_text = self._preprocess(text)
        try:
            with _Quiet():
                trees = [t for t in sqlglot.parse(parse_text, read=self.dialect) if t is not None]
        except Exception:  # sqlglot raises ParseError, TokenError and, rarely, others
            trees = None
        if trees is None and not self._balanced(parse_text):
            # Truly broken SQL: do not let a regex read meaning into its first words.
            facts.warnings.append(f"could not understand statement: {_snippet(text)}")
            return facts
        if not trees:
            self._command_text(text, facts)
            return facts
        if len(trees) == 1 and not isinstance(trees[0], exp.Command):
            self._dispatch(trees[0], text, facts)
            return facts
        if any(isinstance(t, exp.Command) for t in trees):
            # sqlglot gave up on part of the text: use the regexes on the whole text.
            self._command_text(text, facts)
            return facts
        for tree in trees:  # several statements the splitter did not separate
            self._dispatch(tree, text, facts)
        return facts

    def _balanced(self, text: str) -> bool:
        """Does text tokenize, with balanced parentheses?  (Asked only when sqlglot
        could not parse it, to tell unsupported-but-valid SQL from broken SQL.)"""
        try:
            with _Quiet():
                tokens = sqlglot.tokenize(text, read=self.dialect)
        except Exception:
            return False
        depth = 0
        l_paren, r_paren = sqlglot.tokens.TokenType.L_PAREN, sqlglot.tokens.TokenType.R_PAREN
        for tok in tokens:
            if tok.token_type == l_paren:
                depth += 1
            elif tok.token_type == r_paren:
                depth -= 1
                if depth < 0:
                    return False
        return depth == 0

    def _preprocess(self, text: str) -> str:
        """Rewrite a few shapes sqlglot cannot parse into equivalent ones it can."""
        if _INDEX_HEAD.match(text):
            # "ON ONLY t" (PostgreSQL partitioned tables) and a schema-qualified index
            # name ("main.ix", SQLite) both confuse sqlglot; neither changes our facts.
            text = _INDEX_HEAD.sub(lambda m: m.group("head") + (m.group("name") or "") + " ON ", text, count=1)
        if self.dialect == "sqlite":
            # sqlglot does not know SQLite's WITHOUT ROWID table option; it changes nothing for us.
            text = re.sub(r"\)\s*WITHOUT\s+ROWID\s*(,\s*STRICT\s*)?$", ")", text, flags=re.IGNORECASE)
        if self.dialect == "mysql" and re.match(r"REPLACE\s+INTO\b", text, re.IGNORECASE):
            # MySQL REPLACE INTO has INSERT's shape.
            text = "INSERT" + text[len("REPLACE") :]
        return text

    def _dispatch(self, tree: exp.Expression, text: str, facts: _Facts) -> None:
        if isinstance(tree, exp.Command):
            self._command_text(text, facts)
            return
        # One walk of the tree serves every handler (find_all per question was the
        # main cost of a scan after sqlglot's own parsing).
        self._nodes = nodes = _collect(tree)
        for cls, handler in self._handlers.items():
            if isinstance(tree, cls):
                handler(tree, facts)
                self._statement_wide_refs(nodes, facts)
                return
        if isinstance(tree, exp.Query):  # SELECT / UNION ...: reads tables and sequences
            facts.kind = facts.kind or "SELECT"
            self._query_tables(nodes, facts)
            self._statement_wide_refs(nodes, facts)
            return
        if isinstance(tree, (exp.Transaction, exp.Commit, exp.Rollback, exp.Set, exp.Pragma, exp.Use)):
            facts.kind = facts.kind or type(tree).__name__.upper()
            return
        facts.warnings.append(f"statement not analysed: {_snippet(text)}")

    # ---------------------------------------------------------------- helpers

    def _statement_wide_refs(self, nodes: dict[type, list], facts: _Facts) -> None:
        """References that mean the same wherever they appear in a statement:
        foreign-key targets, user-defined types and sequences named in nextval()."""
        self._fk_refs(nodes.get(exp.Reference, ()), facts)
        self._user_types(nodes.get(exp.DataType, ()), facts)
        self._sequence_refs(nodes.get(exp.Anonymous, ()), facts)

    def _user_types(self, dtypes: Iterable[exp.DataType], facts: _Facts) -> None:
        """PostgreSQL user-defined types used by columns, casts, arrays ..."""
        if not self.pg:
            return  # SQLite has none; MySQL ENUM/SET are inline
        for dt in dtypes:
            if dt.this != exp.DataType.Type.USERDEFINED:
                continue
            name = self.table_name(dt.args.get("kind"))
            if name and name.lower() not in _PG_BUILTIN_TYPES:
                facts.references.add(ObjectRef("type", name))

    def _sequence_refs(self, calls: Iterable[exp.Anonymous], facts: _Facts) -> None:
        """Sequences named in nextval('s') / currval / setval calls."""
        for fn in calls:
            if str(fn.this).lower() not in ("nextval", "currval", "setval") or not fn.expressions:
                continue
            arg = fn.expressions[0]
            while isinstance(arg, exp.Cast):
                arg = arg.this
            if isinstance(arg, exp.Literal) and arg.is_string:
                name = self.string_name(arg.this)
                if name:
                    facts.references.add(ObjectRef("sequence", name))

    def _fk_refs(self, refs: Iterable[exp.Reference], facts: _Facts) -> None:
        """REFERENCES other(a, b) -> table other, columns other.a and other.b."""
        for ref in refs:
            target = ref.this
            table = self.table_name(target)
            if not table:
                continue
            facts.references.add(ObjectRef("table", table))
            if isinstance(target, exp.Schema):
                for col in target.expressions:
                    name = self.ident(col)
                    if name:
                        facts.references.add(ObjectRef("column", name, table))

    def _local_columns(self, node: exp.Expression) -> Iterator[str]:
        """Columns of the statement's own table named by a constraint / index body."""
        if isinstance(node, exp.Reference):
            return  # the far side of a foreign key
        if isinstance(node, exp.Column):
            name = self.ident(node)
            if name:
                yield name
            return
        if isinstance(node, (exp.ForeignKey, exp.PrimaryKey, exp.Schema)):
            # Their column lists hold bare Identifiers; Schema.this is a name, not a column.
            for item in node.expressions:
                if isinstance(item, exp.Identifier):
                    name = self.ident(item)
                    if name:
                        yield name
                else:
                    yield from self._local_columns(item)
            return
        for child in node.iter_expressions():
            yield from self._local_columns(child)

    def _query_tables(self, nodes: dict[type, list], facts: _Facts) -> None:
        """Tables read by a query (or named by a DML statement), except its CTEs."""
        ctes = set()
        for cte in nodes.get(exp.CTE, ()):
            alias = cte.args.get("alias")
            if alias is not None:
                ctes.add(self.ident(alias.this))
        for table in nodes.get(exp.Table, ()):
            name = self.table_name(table)
            if not name or (name in ctes and not table.args.get("db")):
                continue
            facts.references.add(ObjectRef("table", name))

    def _identity_sequence(self, table: str, coldef: exp.ColumnDef, facts: _Facts) -> None:
        """serial / IDENTITY columns make PostgreSQL create the sequence <table>_<col>_seq."""
        if not self.pg:
            return
        dtype = coldef.args.get("kind")
        serial = isinstance(dtype, exp.DataType) and dtype.this in (
            exp.DataType.Type.SERIAL,
            exp.DataType.Type.BIGSERIAL,
            exp.DataType.Type.SMALLSERIAL,
        )
        identity = any(
            isinstance(c.args.get("kind"), exp.GeneratedAsIdentityColumnConstraint)
            and c.args["kind"].args.get("expression") is None
            for c in coldef.args.get("constraints") or []
        )
        if serial or identity:
            schema, _, bare = table.rpartition(".")
            seq = f"{bare}_{self.ident(coldef.this)}_seq"
            facts.creates.add(ObjectRef("sequence", f"{schema}.{seq}" if schema else seq))

    def _column_def(self, table: str, coldef: exp.ColumnDef, facts: _Facts) -> None:
        name = self.ident(coldef.this)
        if name:
            column = ObjectRef("column", name, table)
            facts.creates.add(column)
            if coldef.args.get("exists"):  # ADD COLUMN IF NOT EXISTS
                facts.guarded.add(column)
        for constraint in coldef.args.get("constraints") or []:
            # "col int CONSTRAINT col_uq UNIQUE": a named column-level constraint.
            cname = self.ident(constraint.this) if isinstance(constraint, exp.ColumnConstraint) else None
            if cname:
                facts.creates.add(ObjectRef("constraint", cname, table))
            kind = constraint.args.get("kind") if isinstance(constraint, exp.ColumnConstraint) else None
            if name and isinstance(kind, exp.Reference):  # "col int REFERENCES o (id)"
                target = self._reference_target(kind)
                if target:
                    facts.foreign_keys.append(ForeignKeyFact(table, (name,), target[0], target[1], cname))
        self._identity_sequence(table, coldef, facts)

    def _reference_target(self, ref: exp.Reference) -> tuple[str, tuple[str, ...]] | None:
        """REFERENCES other (a, b) -> ("other", ("a", "b")); no column list -> ()."""
        target = ref.this
        table = self.table_name(target)
        if not table:
            return None
        columns: tuple[str, ...] = ()
        if isinstance(target, exp.Schema):
            columns = tuple(c for c in (self.ident(col) for col in target.expressions) if c)
        return table, columns

    def _table_foreign_keys(self, table: str, node: exp.Expression, facts: _Facts) -> None:
        """[CONSTRAINT name] FOREIGN KEY (a) REFERENCES other (b), in a table's
        definition or in ALTER TABLE ... ADD."""
        name = None
        if isinstance(node, exp.Constraint):
            name = self.ident(node.this)
            keys = [e for e in node.expressions if isinstance(e, exp.ForeignKey)]
        elif isinstance(node, exp.ForeignKey):
            keys = [node]
        else:
            return
        for key in keys:
            ref = key.args.get("reference")
            target = self._reference_target(ref) if isinstance(ref, exp.Reference) else None
            if target:
                columns = tuple(c for c in (self.ident(e) for e in key.expressions) if c)
                facts.foreign_keys.append(ForeignKeyFact(table, columns, target[0], target[1], name))

    def _named_constraint(self, table: str, node: exp.Expression, facts: _Facts) -> None:
        """CONSTRAINT name ... -> constraint; MySQL [UNIQUE] KEY/INDEX name -> index."""
        if isinstance(node, exp.Constraint):
            name = self.ident(node.this)
            if name:
                facts.creates.add(ObjectRef("constraint", name, table))
        elif isinstance(node, exp.IndexColumnConstraint):
            name = self.ident(node.this)
            if name:
                facts.creates.add(ObjectRef("index", name, table))
        elif isinstance(node, exp.UniqueColumnConstraint):
            schema = node.this
            if isinstance(schema, exp.Schema) and schema.this is not None:
                name = self.ident(schema.this)
                if name:
                    facts.creates.add(ObjectRef("index", name, table))

    # ---------------------------------------------------------------- CREATE

    def _create(self, e: exp.Create, facts: _Facts) -> None:
        kind = _kind_of(e)
        handler = {
            "TABLE": self._create_table,
            "VIEW": self._create_view,
            "INDEX": self._create_index,
            "TYPE": self._create_simple,
            "SEQUENCE": self._create_simple,
            "SCHEMA": self._create_schema,
            "TRIGGER": self._create_trigger,
            "FUNCTION": self._create_simple,
            "PROCEDURE": self._create_simple,
        }.get(kind)
        if handler is None:
            facts.warnings.append(f"statement not analysed: CREATE {kind}")
            return
        facts.kind = f"CREATE {kind}"
        created_before = set(facts.creates)
        handler(e, facts)
        if e.args.get("exists") or e.args.get("replace"):
            facts.guarded |= facts.creates - created_before

    def _create_table(self, e: exp.Create, facts: _Facts) -> None:
        target = e.this
        name = self.table_name(target)
        if not name:
            facts.warnings.append("CREATE TABLE without a table name")
            return
        facts.creates.add(ObjectRef("table", name))
        defs = target.expressions if isinstance(target, exp.Schema) else []
        for item in defs:
            if isinstance(item, exp.ColumnDef):
                self._column_def(name, item, facts)
            elif isinstance(item, exp.LikeProperty):
                like = self.table_name(item.this)
                if like:
                    facts.references.add(ObjectRef("table", like))
            else:
                self._named_constraint(name, item, facts)
                self._table_foreign_keys(name, item, facts)
                for col in self._local_columns(item):
                    facts.references.add(ObjectRef("column", col, name))
        props = e.args.get("properties")
        if props is not None:
            for prop in props.expressions:
                if isinstance(prop, (exp.InheritsProperty, exp.PartitionedOfProperty)):
                    for t in [prop.this, *prop.expressions]:
                        parent = self.table_name(t) if isinstance(t, exp.Table) else None
                        if parent:
                            facts.references.add(ObjectRef("table", parent))
        if isinstance(e.expression, exp.Expression):  # CREATE TABLE ... AS SELECT
            self._query_tables(_collect(e.expression), facts)

    def _create_view(self, e: exp.Create, facts: _Facts) -> None:
        name = self.table_name(e.this)
        if name:
            facts.creates.add(ObjectRef("view", name))
        if isinstance(e.expression, exp.Expression):
            self._query_tables(_collect(e.expression), facts)

    def _create_index(self, e: exp.Create, facts: _Facts) -> None:
        index = e.this
        if not isinstance(index, exp.Index):
            facts.warnings.append("CREATE INDEX not understood")
            return
        table = self.table_name(index.args.get("table"))
        # An index lives in its table's schema, so its name is kept bare.
        name = self.ident(index.this) or self.table_name(index.this)
        if table:
            facts.references.add(ObjectRef("table", table))
            if name:
                facts.creates.add(ObjectRef("index", name, table))
            params = index.args.get("params")
            if params is not None:
                for part in [*(params.args.get("columns") or []), params.args.get("where")]:
                    if isinstance(part, exp.Expression):
                        for col in self._local_columns(part):
                            facts.references.add(ObjectRef("column", col, table))
                for ident in params.args.get("include") or []:  # INCLUDE (b): bare Identifiers
                    col = self.ident(ident)
                    if col:
                        facts.references.add(ObjectRef("column", col, table))
        elif name:
            facts.creates.add(ObjectRef("index", name))

    def _create_simple(self, e: exp.Create, facts: _Facts) -> None:
        kind = {"TYPE": "type", "SEQUENCE": "sequence"}.get(_kind_of(e), "function")
        name = self.table_name(e.this)
        if name:
            facts.creates.add(ObjectRef(kind, name))

    def _create_schema(self, e: exp.Create, facts: _Facts) -> None:
        t = e.this
        if isinstance(t, exp.Table):  # sqlglot puts the schema name in Table.db
            name = self.ident(t.args.get("db")) or self.ident(t.this)
        else:
            name = self.ident(t)
        if name:
            facts.creates.add(ObjectRef("schema", name))

    def _create_trigger(self, e: exp.Create, facts: _Facts) -> None:
        name = self.ident(e.this) or self.table_name(e.this)
        props = e.args.get("properties")
        trig = next((p for p in props.expressions if isinstance(p, exp.TriggerProperties)), None) if props else None
        table = self.table_name(trig.args.get("table")) if trig is not None else None
        if name:
            facts.creates.add(ObjectRef("trigger", name, table))
        if table:
            facts.references.add(ObjectRef("table", table))
        execute = trig.args.get("execute") if trig is not None else None
        if execute is not None:
            fn = execute.this
            parts = fn.flatten() if isinstance(fn, exp.Dot) else [fn]
            names = [self.ident(p) for p in parts]
            fname = self.qualify(names)
            if fname:
                facts.references.add(ObjectRef("function", fname))

    # ---------------------------------------------------------------- ALTER

    def _alter(self, e: exp.Alter, facts: _Facts) -> None:
        kind = _kind_of(e)
        facts.kind = f"ALTER {kind}"
        name = self.table_name(e.this)
        if not name:
            facts.warnings.append(f"ALTER {kind} without a name")
            return
        if kind != "TABLE":
            obj = ObjectRef({"INDEX": "index", "VIEW": "view", "SEQUENCE": "sequence"}.get(kind, kind.lower()), name)
            facts.alters.add(obj)
            facts.references.add(obj)
            for action in e.args.get("actions") or []:
                if isinstance(action, exp.AlterRename):
                    new = self.table_name(action.this)
                    if new:
                        facts.renames.append((obj, ObjectRef(obj.kind, new)))
            return
        table = ObjectRef("table", name)
        facts.alters.add(table)
        facts.references.add(table)
        options = e.args.get("options") or []
        for action in e.args.get("actions") or []:
            self._alter_action(name, action, options, facts)

    def _alter_action(self, table: str, action: exp.Expression, options: list, facts: _Facts) -> None:
        if isinstance(action, exp.ColumnDef):  # ADD [COLUMN]
            self._column_def(table, action, facts)
        elif isinstance(action, exp.AddConstraint):
            for c in action.expressions:
                self._named_constraint(table, c, facts)
                self._table_foreign_keys(table, c, facts)
                for col in self._local_columns(c):
                    facts.references.add(ObjectRef("column", col, table))
        elif isinstance(action, exp.Drop):
            self._alter_drop(table, action, facts)
        elif isinstance(action, exp.AlterColumn):
            col = ObjectRef("column", self.ident(action.this) or "?", table)
            facts.alters.add(col)
            facts.references.add(col)
        elif isinstance(action, exp.RenameColumn):
            old, new = self.ident(action.this), self.ident(action.args.get("to"))
            if old and new:
                facts.renames.append((ObjectRef("column", old, table), ObjectRef("column", new, table)))
                facts.references.add(ObjectRef("column", old, table))
        elif isinstance(action, exp.AlterRename):
            to = next((o for o in options if isinstance(o, exp.ToTableProperty)), None)
            if to is not None:
                # PostgreSQL "RENAME c TO d" (no COLUMN keyword) is read as a table rename.
                old, new = self.table_name(action.this), self.table_name(to.this)
                if old and new:
                    facts.renames.append((ObjectRef("column", old, table), ObjectRef("column", new, table)))
                    facts.references.add(ObjectRef("column", old, table))
                return
            new = self.table_name(action.this)
            if new:
                schema, _, _ = table.rpartition(".")
                if schema and "." not in new:
                    new = f"{schema}.{new}"  # RENAME TO keeps the schema
                facts.renames.append((ObjectRef("table", table), ObjectRef("table", new)))
        elif isinstance(action, exp.RenameIndex):
            old, new = self.ident(action.this), self.ident(action.args.get("to"))
            if old and new:
                facts.renames.append((ObjectRef("index", old, table), ObjectRef("index", new, table)))
                facts.references.add(ObjectRef("index", old, table))
        elif isinstance(action, exp.ModifyColumn):  # MySQL MODIFY / CHANGE
            coldef = action.this
            new = self.ident(coldef.this) if isinstance(coldef, exp.ColumnDef) else None
            old = self.ident(action.args.get("rename_from")) or new
            if old:
                facts.alters.add(ObjectRef("column", old, table))
                facts.references.add(ObjectRef("column", old, table))
            if old and new and old != new:
                facts.renames.append((ObjectRef("column", old, table), ObjectRef("column", new, table)))
        # Other actions (SET options, ...) only alter the table, already recorded.

    def _alter_drop(self, table: str, action: exp.Drop, facts: _Facts) -> None:
        kind = _kind_of(action)
        obj_kind = {
            "COLUMN": "column",
            "CONSTRAINT": "constraint",
            "FOREIGN KEY": "constraint",
            "CHECK": "constraint",
            "INDEX": "index",
            "KEY": "index",
        }.get(kind)
        if obj_kind is None:
            return  # e.g. DROP PRIMARY KEY: no name to record
        for t in action.args.get("tables") or action.expressions or []:
            name = self.ident(t.this) if isinstance(t, exp.Table) else self.ident(t)
            if name:
                obj = ObjectRef(obj_kind, name, table)
                facts.drops.add(obj)
                if action.args.get("exists"):
                    facts.guarded.add(obj)
                if kind in ("CONSTRAINT", "FOREIGN KEY"):  # of any type: maybe a foreign key
                    facts.dropped_foreign_keys.append(name)

    # ---------------------------------------------------------------- DROP

    _DROP_KINDS = {
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

    def _drop(self, e: exp.Drop, facts: _Facts) -> None:
        kind = _kind_of(e)
        obj_kind = self._DROP_KINDS.get(kind)
        facts.kind = f"DROP {kind}"
        if obj_kind is None:
            facts.warnings.append(f"statement not analysed: DROP {kind}")
            return
        on = e.args.get("cluster")
        owner = self.table_name(on.this) if isinstance(on, exp.OnProperty) else None
        for t in e.args.get("tables") or []:
            if obj_kind == "schema" and isinstance(t, exp.Table):
                name = self.ident(t.args.get("db")) or self.ident(t.this)
            else:
                name = self.table_name(t)
            if not name:
                continue
            obj = ObjectRef(obj_kind, name, owner if obj_kind in ("index", "trigger") else None)
            facts.drops.add(obj)
            if e.args.get("exists"):
                facts.guarded.add(obj)
        if owner:
            facts.references.add(ObjectRef("table", owner))

    # ---------------------------------------------------------------- DML

    def _insert(self, e: exp.Insert, facts: _Facts) -> None:
        facts.kind = "INSERT"
        target = e.this
        table = self.table_name(target)
        self._query_tables(self._nodes, facts)
        if not table:
            return
        if isinstance(target, exp.Schema):
            for col in target.expressions:
                name = self.ident(col)
                if name:
                    facts.references.add(ObjectRef("column", name, table))
        conflict = e.args.get("conflict")
        if conflict is not None:
            for key in conflict.args.get("conflict_keys") or []:
                name = self.ident(key)
                if name:
                    facts.references.add(ObjectRef("column", name, table))

    def _set_targets(self, table: str, assignments: list, facts: _Facts) -> None:
        for eq in assignments:
            if isinstance(eq, exp.EQ) and isinstance(eq.this, exp.Column):
                name = self.ident(eq.this)
                if name:
                    facts.references.add(ObjectRef("column", name, table))

    def _update(self, e: exp.Update, facts: _Facts) -> None:
        facts.kind = "UPDATE"
        self._query_tables(self._nodes, facts)
        table = self.table_name(e.this)
        if table:
            self._set_targets(table, e.expressions, facts)

    def _delete(self, e: exp.Delete, facts: _Facts) -> None:
        facts.kind = "DELETE"
        self._query_tables(self._nodes, facts)

    def _truncate(self, e: exp.TruncateTable, facts: _Facts) -> None:
        facts.kind = "TRUNCATE"
        for t in e.expressions:
            name = self.table_name(t)
            if name:
                facts.references.add(ObjectRef("table", name))

    def _grant(self, e: exp.Grant, facts: _Facts) -> None:
        facts.kind = "GRANT"
        name = self.table_name(e.args.get("securable"))
        kind = str(e.args.get("kind") or "TABLE").upper()
        if name and kind == "TABLE":
            facts.references.add(ObjectRef("table", name))

    _COMMENT_KINDS = {
        "TABLE": "table",
        "VIEW": "view",
        "MATERIALIZED VIEW": "view",
        "INDEX": "index",
        "TYPE": "type",
        "DOMAIN": "type",
        "FUNCTION": "function",
        "PROCEDURE": "function",
        "SEQUENCE": "sequence",
        "SCHEMA": "schema",
        "EXTENSION": "extension",
    }

    def _comment(self, e: exp.Comment, facts: _Facts) -> None:
        facts.kind = "COMMENT"
        kind = _kind_of(e)
        target = e.this
        if kind == "COLUMN" and isinstance(target, exp.Column):
            table = self.qualify([self.ident(target.args.get("catalog")), self.ident(target.args.get("db")), self.ident(target.args.get("table"))])
            col = self.ident(target.this)
            if table and col:
                facts.references.add(ObjectRef("table", table))
                facts.references.add(ObjectRef("column", col, table))
            return
        obj_kind = self._COMMENT_KINDS.get(kind)
        name = self.table_name(target)
        if obj_kind and name:
            facts.references.add(ObjectRef(obj_kind, name))

    # ---------------------------------------------------------------- Command / regex

    def _command_text(self, text: str, facts: _Facts) -> None:
        """Statements sqlglot could not parse (or parsed as an opaque Command):
        the first regex of _regex_handlers() that matches the start decides."""
        body = text.strip()
        for pattern, handler in _regex_handlers():
            m = pattern.match(body)
            if m:
                handler(self, m, body, facts)
                return
        facts.warnings.append(f"could not understand statement: {_snippet(body)}")


# ------------------------------------------------------------------------ fast path
#
# sqlglot's pure-Python parser costs about 3 ms for a typical 15-column CREATE TABLE,
# which makes a 300-table schema take a second.  Most migration DDL is plain:
# "CREATE TABLE t (col TYPE [NOT NULL] [DEFAULT x] [REFERENCES o(id)], ...)",
# "CREATE INDEX ix ON t (a, b) [WHERE a > 0]", "DROP TABLE t", "DROP INDEX ix [ON t]",
# "ALTER TABLE t ADD COLUMN c TYPE ..." and "ALTER TABLE t DROP COLUMN c".  For exactly
# those shapes a small hand parser gives the same facts some 20 times faster, without
# importing sqlglot at all.  It is strict: at the first token outside the subset it
# gives up (_Bail) and the statement goes to sqlglot as usual.  Tests check that both
# paths agree on every statement the fast path accepts.

# One token per match: the atomic group skips blanks and comments (and never gives any
# back), then exactly one of: string, quoted identifier, number, word, operator, or a
# lone character that starts no token (the parser then gives up).
_FAST_BLANKS = r"(?>(?:\s+|--[^\n]*|/\*(?:[^*/]|\*(?!/)|/(?!\*))*\*/)*)"
_FAST_KINDS = (
    r"'(?:[^'\\]|'')*'",  # string
    r'"(?:[^"]|"")+"|`(?:[^`]|``)+`',  # quoted identifier
    r"\d+(?:\.\d+)?",  # number
    r"[A-Za-z_][A-Za-z0-9_]*",  # word
    r"::|<>|<=|>=|!=|[(),.=\[\]+\-<>!*/%|~@&^]",  # operator
    r".",  # no token at all
)
# Each kind in its group: findall gives (string, qid, number, word, op, bad) tuples.
_FAST_TOKEN = re.compile(_FAST_BLANKS + "(?:" + "|".join(f"({k})" for k in _FAST_KINDS) + ")", re.DOTALL)
# The same tokens as one group: findall gives the token texts alone (about twice as
# fast), and the first character tells the kind.  A bad token is one character: a lone
# quote, a lone ":", or a character _FAST_KIND_OF does not know ("?"); when there is
# any of those, _FAST_TOKEN decides.
_FAST_TOKEN_TEXT = re.compile(_FAST_BLANKS + "(" + "|".join(_FAST_KINDS) + ")", re.DOTALL)
_FAST_KIND_OF = {
    **{c: "w" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"},
    **{c: "n" for c in "0123456789"},
    **{c: "o" for c in "(),.=[]+-<>!*/%|~@&^:"},
    "'": "s",
    '"': "q",
    "`": "q",
}
_FAST_KIND_TABLE = str.maketrans({chr(c): _FAST_KIND_OF.get(chr(c), "?") for c in range(128)})
_FIRST = operator.itemgetter(0)
# Words that end a column's type (and start its constraints).
_COLUMN_CONSTRAINT_WORDS = frozenset(
    "NOT NULL PRIMARY UNIQUE DEFAULT REFERENCES CONSTRAINT CHECK COLLATE AUTO_INCREMENT "
    "AUTOINCREMENT GENERATED COMMENT ON CHARACTER AS KEY".split()
)
# Words that start a table constraint instead of a column.
_TABLE_CONSTRAINT_WORDS = frozenset("CONSTRAINT PRIMARY UNIQUE FOREIGN CHECK EXCLUDE LIKE KEY INDEX FULLTEXT SPATIAL".split())
_MYSQL_TABLE_OPTION_STOP = frozenset("AS SELECT LIKE PARTITION IGNORE REPLACE UNION WITH".split())
# Words that are not a column name in an index's WHERE condition.
_NOT_A_COLUMN = frozenset(
    """AND OR NOT IS NULL TRUE FALSE UNKNOWN IN LIKE ILIKE BETWEEN CASE WHEN THEN ELSE END
    EXISTS SELECT ANY ALL SOME DEFAULT COLLATE ESCAPE SIMILAR DISTINCT INTERVAL ARRAY ROW
    CAST CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURRENT_ROLE
    CURRENT_SCHEMA CURRENT_CATALOG LOCALTIME LOCALTIMESTAMP SESSION_USER USER GLOB REGEXP
    MATCH WHERE ON USING WITH INCLUDE""".split()
)
_COMPARISONS = frozenset(("=", "<", ">", "<>", "<=", ">=", "!="))
_PAD = [" "] * 4  # lookahead past the last token reads a blank


class _Bail(Exception):
    """The statement is outside the fast path's subset."""


# PostgreSQL type names (lower case, one blank between words) that sqlglot reads as
# built-in, non-serial types, and the serial ones: known without asking sqlglot.  A
# test checks each against _pg_type_class_by_sqlglot, which classifies the others.
_PG_PLAIN_TYPES = frozenset(
    (
        "smallint", "integer", "int", "int2", "int4", "int8", "bigint", "real", "float", "float4", "float8",
        "double precision", "numeric", "decimal", "boolean", "bool", "text", "varchar", "character varying",
        "char", "character", "bytea", "date", "time", "timestamp", "timestamptz", "timetz",
        "timestamp with time zone", "timestamp without time zone", "time with time zone",
        "time without time zone", "interval", "uuid", "json", "jsonb", "inet", "cidr", "money", "xml",
        "tsvector",
    )
)
_PG_SERIAL_TYPES = frozenset(("serial", "bigserial", "smallserial"))
_BUILTIN = ("builtin", "")
_SERIAL = ("serial", "")


def _pg_type_class(type_text: str) -> tuple[str, str]:
    """("serial" | "user" | "builtin", name) for a PostgreSQL type written without
    parameters or array brackets, classified as the sqlglot path would."""
    if type_text in _PG_PLAIN_TYPES:
        return _BUILTIN
    if type_text in _PG_SERIAL_TYPES:
        return _SERIAL
    return _pg_type_class_by_sqlglot(type_text)


@functools.lru_cache(maxsize=1024)
def _pg_type_class_by_sqlglot(type_text: str) -> tuple[str, str]:
    try:
        with _Quiet():
            dt = exp.DataType.build(type_text, dialect="postgres", udt=True)
    except Exception:
        raise _Bail from None
    if dt.this in (exp.DataType.Type.SERIAL, exp.DataType.Type.BIGSERIAL, exp.DataType.Type.SMALLSERIAL):
        return _SERIAL
    if dt.this == exp.DataType.Type.USERDEFINED:
        if " " in type_text:
            raise _Bail  # several unknown words: leave it to sqlglot
        if type_text in _PG_BUILTIN_TYPES:
            return _BUILTIN
        return "user", type_text
    return _BUILTIN


class _FastParser:
    """Recursive descent over _FAST_TOKEN tokens for plain DDL.

    The tokens are parallel lists: O (the token texts), W (the same upper-cased) and K
    (kinds: "w" word, "q" quoted identifier, "s" string, "n" number, "o" operator).
    Only a word can equal a keyword in W and only an operator an operator in O, so
    most tests need no look at K.  W and O are padded with blanks, which are no token,
    so a lookahead past the end needs no bounds check.
    """

    def __init__(self, scanner: "_Scanner", text: str) -> None:
        self.s = scanner
        self.text = text
        T = _FAST_TOKEN_TEXT.findall(text)
        # One kind letter per token, from its first character, all in C.
        K = "".join(map(_FIRST, T)).translate(_FAST_KIND_TABLE)
        if not K.isascii() or "?" in K or "'" in T or '"' in T or "`" in T or ":" in T:
            T, kinds = [], []
            for s, q, n, w, o, bad in _FAST_TOKEN.findall(text):
                if bad:
                    raise _Bail
                T.append(s or q or n or w or o)
                kinds.append("w" if w else "o" if o else "n" if n else "s" if s else "q")
            K = "".join(kinds)
        self.n = len(T)
        self.W = list(map(str.upper, T)) + _PAD
        self.T = self.O = T + _PAD
        self.K = K + "    "
        self.i = 0
        self.facts = _Facts()
        self.column_name = ""  # the column being parsed
        self.arrays_need_pg = False  # ALTER TABLE: array types only on PostgreSQL

    # -- token helpers

    def at_end(self) -> bool:
        return self.i >= self.n

    def take_word(self, *words: str) -> str | None:
        w = self.W[self.i]
        if w in words:
            self.i += 1
            return w
        return None

    def expect_word(self, *words: str) -> str:
        w = self.W[self.i]
        if w not in words:
            raise _Bail
        self.i += 1
        return w

    def take_op(self, op: str) -> bool:
        if self.O[self.i] == op:
            self.i += 1
            return True
        return False

    def expect_op(self, op: str) -> None:
        if self.O[self.i] != op:
            raise _Bail
        self.i += 1

    def ident(self) -> str:
        i = self.i
        if i >= self.n:
            raise _Bail
        kind = self.K[i]
        if kind == "w":
            self.i = i + 1
            return self.T[i].lower()  # self.s.fold(word, False)
        if kind == "q":
            self.i = i + 1
            text = self.T[i]
            q = text[0]
            return self.s.fold(text[1:-1].replace(q + q, q), True)
        raise _Bail

    def qname(self) -> str:
        parts: list[str | None] = [self.ident()]
        if self.O[self.i] != ".":
            return parts[0]  # type: ignore[return-value]  # a single name qualifies to itself
        while self.take_op("."):
            parts.append(self.ident())
        if len(parts) > 3:
            raise _Bail
        name = self.s.qualify(parts)
        if not name:
            raise _Bail
        return name

    def ident_list(self) -> list[str]:
        self.expect_op("(")
        names = [self.ident()]
        while self.take_op(","):
            names.append(self.ident())
        self.expect_op(")")
        return names

    def guard(self, *words: str) -> bool:
        """IF [NOT] EXISTS; words: those expected after IF."""
        if self.W[self.i] != "IF":
            return False
        self.i += 1
        for w in words:
            self.expect_word(w)
        return True

    # -- CREATE TABLE

    def create_table(self) -> _Facts:
        f = self.facts
        f.kind = "CREATE TABLE"
        self.expect_word("CREATE")
        self.take_word("TEMP", "TEMPORARY", "UNLOGGED")
        self.expect_word("TABLE")
        guarded = self.guard("NOT", "EXISTS")
        table = self.qname()
        f.creates.add(ObjectRef("table", table))
        self.expect_op("(")
        mysql = self.s.dialect == "mysql"
        while True:
            w = self.W[self.i]
            if w in _TABLE_CONSTRAINT_WORDS and (mysql or w not in ("KEY", "INDEX")):
                self.table_constraint(table)
            else:
                self.column(table)
            if self.take_op(")"):
                break
            self.expect_op(",")
        self.table_options()
        if guarded:
            f.guarded |= f.creates
        return f

    def column(self, table: str) -> str:
        self.column_name = name = self.ident()
        f = self.facts
        f.creates.add(ObjectRef("column", name, table))
        type_class = self.column_type()
        if type_class[0] == "serial":
            schema, _, bare = table.rpartition(".")
            seq = f"{bare}_{name}_seq"
            f.creates.add(ObjectRef("sequence", f"{schema}.{seq}" if schema else seq))
        elif type_class[0] == "user":
            f.references.add(ObjectRef("type", self.s.fold(type_class[1], False)))
        self.column_constraints(table)
        return name

    def column_type(self) -> tuple[str, str]:
        W, O, K, T = self.W, self.O, self.K, self.T
        i = self.i
        words: list[str] = []
        params = False
        while True:
            w = W[i]
            if K[i] == "w" and w not in _COLUMN_CONSTRAINT_WORDS:
                words.append(T[i])
                i += 1
            elif O[i] == "(" and words and not params:
                params = True
                i += 1
                while O[i] != ")":
                    if i >= self.n or K[i] not in ("n", "s", "w") and O[i] != ",":
                        raise _Bail
                    i += 1
                i += 1
            else:
                break
        if not words:
            raise _Bail
        while O[i] == "[":
            if self.arrays_need_pg and not self.s.pg:
                raise _Bail  # "ADD COLUMN c text[]" elsewhere: sqlglot's word, as before
            i += 1
            if i < self.n and K[i] == "n":
                i += 1
            if O[i] != "]":
                raise _Bail
            i += 1
        self.i = i
        if self.s.pg:
            return _pg_type_class(" ".join(words).lower())
        return _BUILTIN

    def column_constraints(self, table: str) -> None:
        """The constraints of one column, up to the "," or ")" after it (or the end)."""
        f = self.facts
        W, O = self.W, self.O
        name: str | None = None  # of "CONSTRAINT name", for the constraint after it
        while self.i < self.n and O[self.i] not in (",", ")"):
            w = W[self.i]
            if self.K[self.i] != "w":
                raise _Bail
            self.i += 1
            named, name = name, None
            if w == "NOT":
                self.expect_word("NULL")
            elif w == "NULL" or w == "AUTO_INCREMENT" or w == "AUTOINCREMENT":
                pass
            elif w == "PRIMARY":
                self.expect_word("KEY")
                self.take_word("ASC", "DESC")
            elif w == "UNIQUE":
                if W[self.i] in ("KEY", "INDEX"):
                    raise _Bail
            elif w == "DEFAULT":
                self.default_expression()
            elif w == "REFERENCES":
                target, columns = self.reference()
                f.foreign_keys.append(ForeignKeyFact(table, (self.column_name,), target, columns, named))
            elif w == "CONSTRAINT":
                name = self.ident()
                f.creates.add(ObjectRef("constraint", name, table))
            elif w == "COMMENT":
                if self.i >= self.n or self.K[self.i] != "s":
                    raise _Bail
                self.i += 1
            elif w == "CHECK":
                self.check(table, table_level=False)
            elif w == "GENERATED":
                # GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY: PostgreSQL makes a sequence.
                if not self.take_word("ALWAYS"):
                    self.expect_word("BY")
                    self.expect_word("DEFAULT")
                self.expect_word("AS")
                self.expect_word("IDENTITY")
                if not self.s.pg or O[self.i] == "(":
                    raise _Bail
                schema, _, bare = table.rpartition(".")
                seq = f"{bare}_{self.column_name}_seq"
                f.creates.add(ObjectRef("sequence", f"{schema}.{seq}" if schema else seq))
            else:
                raise _Bail  # COLLATE, ON UPDATE, stored generated columns ...: leave to sqlglot

    def check(self, table: str, table_level: bool) -> None:
        """CHECK (expr): the expression alone goes through sqlglot (cheap), for the
        columns it names (table-level only, as on the sqlglot path) and its casts."""
        open_at = self.i
        self.expect_op("(")
        depth = 1
        while depth:
            if self.i >= self.n:
                raise _Bail
            op = self.O[self.i]
            depth += 1 if op == "(" else -1 if op == ")" else 0
            self.i += 1
        starts = [m.start(m.lastindex or 0) for m in _FAST_TOKEN.finditer(self.text)]
        body = self.text[starts[open_at] + 1 : starts[self.i - 1]]
        try:
            with _Quiet():
                tree = sqlglot.parse_one(body, read=self.s.dialect)
        except Exception:
            raise _Bail from None
        if tree is None or isinstance(tree, (exp.Command, exp.Query)):
            raise _Bail
        self.s._statement_wide_refs(_collect(tree), self.facts)
        if table_level:
            for col in self.s._local_columns(tree):
                self.facts.references.add(ObjectRef("column", col, table))

    def default_expression(self) -> None:
        """Skip one DEFAULT expression; note casts to user types and nextval('seq')."""
        depth = 0
        first = True
        T, K = self.T, self.K
        while self.i < self.n:
            i = self.i
            kind, text = K[i], T[i]
            if depth == 0 and not first and (
                (kind == "o" and text in (",", ")")) or (kind == "w" and self.W[i] in _COLUMN_CONSTRAINT_WORDS)
            ):
                return
            first = False
            if kind == "o":
                if text == "(":
                    depth += 1
                elif text == ")":
                    if depth == 0:
                        return
                    depth -= 1
                elif text == "::":
                    self.i += 1
                    type_class = self.column_type()
                    if type_class[0] == "user":
                        self.facts.references.add(ObjectRef("type", self.s.fold(type_class[1], False)))
                    elif type_class[0] == "serial":
                        raise _Bail
                    continue
            elif kind == "q":
                raise _Bail
            elif kind == "w" and self.O[i + 1] == "(" and text.lower() in ("nextval", "currval", "setval"):
                if i + 2 >= self.n or K[i + 2] != "s":
                    raise _Bail
                name = self.s.string_name(T[i + 2][1:-1].replace("''", "'"))
                if name:
                    self.facts.references.add(ObjectRef("sequence", name))
            self.i += 1
        if depth:
            raise _Bail

    def reference(self) -> tuple[str, tuple[str, ...]]:
        """REFERENCES target [(columns)] [ON DELETE ...]: (target, columns)."""
        f = self.facts
        target = self.qname()
        f.references.add(ObjectRef("table", target))
        columns: tuple[str, ...] = ()
        if self.O[self.i] == "(":
            columns = tuple(self.ident_list())
            for col in columns:
                f.references.add(ObjectRef("column", col, target))
        while True:
            w = self.W[self.i]
            if w == "ON" and self.W[self.i + 1] in ("DELETE", "UPDATE"):
                self.i += 2
                action = self.expect_word("CASCADE", "RESTRICT", "NO", "SET")
                if action == "NO":
                    self.expect_word("ACTION")
                elif action == "SET":
                    self.expect_word("NULL", "DEFAULT")
            elif w == "DEFERRABLE":
                self.i += 1
            elif w == "NOT" and self.W[self.i + 1] == "DEFERRABLE":
                self.i += 2
            elif w == "INITIALLY":
                self.i += 1
                self.expect_word("DEFERRED", "IMMEDIATE")
            elif w == "MATCH":
                self.i += 1
                self.expect_word("FULL", "SIMPLE", "PARTIAL")
            else:
                return target, columns

    def table_constraint(self, table: str) -> None:
        f = self.facts
        name = self.ident() if self.take_word("CONSTRAINT") else None
        w = self.W[self.i]
        self.i += 1
        if w == "PRIMARY":
            self.expect_word("KEY")
            cols = self.ident_list()
        elif w == "UNIQUE":
            if self.s.dialect == "mysql" and self.take_word("KEY", "INDEX"):
                if name is not None:
                    raise _Bail
                if self.O[self.i] != "(":
                    f.creates.add(ObjectRef("index", self.ident(), table))
            cols = self.ident_list()
        elif w == "FOREIGN":
            self.expect_word("KEY")
            cols = self.ident_list()
            self.expect_word("REFERENCES")
            target, columns = self.reference()
            f.foreign_keys.append(ForeignKeyFact(table, tuple(cols), target, columns, name))
        elif w in ("KEY", "INDEX") and name is None:
            f.creates.add(ObjectRef("index", self.ident(), table))
            cols = self.ident_list()
        elif w == "CHECK":
            self.check(table, table_level=True)
            cols = []
        else:
            raise _Bail
        if name is not None:
            f.creates.add(ObjectRef("constraint", name, table))
        for col in cols:
            f.references.add(ObjectRef("column", col, table))

    def table_options(self) -> None:
        if self.i >= self.n:
            return
        if self.s.dialect == "sqlite":
            while self.i < self.n:
                if self.take_word("WITHOUT"):
                    self.expect_word("ROWID")
                elif not (self.take_word("STRICT") or self.take_op(",")):
                    raise _Bail
            return
        if self.s.dialect != "mysql":
            raise _Bail
        # MySQL: ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='...' AUTO_INCREMENT=5 ...
        while self.i < self.n:
            kind, w, op = self.K[self.i], self.W[self.i], self.O[self.i]
            if kind == "w" and w in _MYSQL_TABLE_OPTION_STOP or kind == "o" and op not in ("=", ","):
                raise _Bail
            self.i += 1

    # -- CREATE INDEX

    def create_index(self) -> _Facts:
        f = self.facts
        f.kind = "CREATE INDEX"
        self.expect_word("CREATE")
        self.take_word("UNIQUE")
        self.expect_word("INDEX")
        self.take_word("CONCURRENTLY")
        guarded = self.guard("NOT", "EXISTS")
        name = None
        if self.W[self.i] != "ON":
            parts = [self.ident()]
            while self.take_op("."):
                parts.append(self.ident())
            name = parts[-1]  # an index lives in its table's schema
        self.expect_word("ON")
        self.take_word("ONLY")
        table = self.qname()
        f.references.add(ObjectRef("table", table))
        if self.take_word("USING"):
            self.ident()
        self.expect_op("(")
        while True:
            f.references.add(ObjectRef("column", self.ident(), table))
            self.take_word("ASC", "DESC")
            if self.take_word("NULLS"):
                self.expect_word("FIRST", "LAST")
            if self.take_op(")"):
                break
            self.expect_op(",")
        if self.take_word("INCLUDE"):
            for col in self.ident_list():
                f.references.add(ObjectRef("column", col, table))
        if self.W[self.i] == "WHERE" and self.s.dialect != "mysql":
            self.i += 1
            self.condition(table)
        if self.i < self.n:
            raise _Bail  # WITH (...), TABLESPACE, a WHERE beyond condition() ...
        if name:
            obj = ObjectRef("index", name, table)
            f.creates.add(obj)
            if guarded:
                f.guarded.add(obj)
        return f

    def condition(self, table: str) -> None:
        """A partial index's WHERE: comparisons of a column with a literal, IS [NOT]
        NULL, joined by AND / OR / NOT and parentheses.  Anything else bails."""
        self.comparison(table)
        while self.take_word("AND", "OR"):
            self.comparison(table)

    def comparison(self, table: str) -> None:
        self.take_word("NOT")
        if self.take_op("("):
            self.condition(table)
            self.expect_op(")")
            return
        if self.W[self.i] in _NOT_A_COLUMN or self.O[self.i + 1] in (".", "("):
            raise _Bail
        column = self.ident()
        if self.take_word("IS"):
            self.take_word("NOT")
            self.expect_word("NULL")
        else:
            if self.O[self.i] not in _COMPARISONS:
                raise _Bail
            self.i += 1
            if self.i < self.n and self.K[self.i] in ("n", "s") or self.W[self.i] in ("TRUE", "FALSE"):
                self.i += 1
            else:
                raise _Bail
        self.facts.references.add(ObjectRef("column", column, table))

    # -- DROP TABLE / DROP INDEX

    def drop(self) -> _Facts:
        f = self.facts
        self.expect_word("DROP")
        what = self.expect_word("TABLE", "INDEX")
        f.kind = f"DROP {what}"
        guarded = self.guard("EXISTS")
        names = [self.qname()]
        while self.take_op(","):
            names.append(self.qname())
        owner = None
        if what == "INDEX" and self.s.dialect == "mysql" and self.take_word("ON"):
            owner = self.qname()
        self.take_word("CASCADE", "RESTRICT")
        if self.i < self.n:
            raise _Bail
        kind = "table" if what == "TABLE" else "index"
        for name in names:
            obj = ObjectRef(kind, name, owner)
            f.drops.add(obj)
            if guarded:
                f.guarded.add(obj)
        if owner:
            f.references.add(ObjectRef("table", owner))
        return f

    # -- ALTER TABLE t ADD COLUMN ... / DROP COLUMN ...

    def alter_table(self) -> _Facts:
        f = self.facts
        f.kind = "ALTER TABLE"
        self.arrays_need_pg = True
        self.expect_word("ALTER")
        self.expect_word("TABLE")
        table = self.qname()
        obj = ObjectRef("table", table)
        f.alters.add(obj)
        f.references.add(obj)
        while True:
            action = self.expect_word("ADD", "DROP")
            self.expect_word("COLUMN")
            if action == "ADD":
                guarded = self.guard("NOT", "EXISTS")
                if self.W[self.i] in _TABLE_CONSTRAINT_WORDS:
                    raise _Bail
                name = self.column(table)
                if guarded:
                    f.guarded.add(ObjectRef("column", name, table))
            else:
                guarded = self.guard("EXISTS")
                column = ObjectRef("column", self.ident(), table)
                self.take_word("CASCADE", "RESTRICT")
                f.drops.add(column)
                if guarded:
                    f.guarded.add(column)
            if self.i >= self.n:
                return f
            self.expect_op(",")


_FAST_HEAD = re.compile(
    r"(?:CREATE\s+(?:(?P<table>(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE)|(?P<index>(?:UNIQUE\s+)?INDEX))"
    r"|(?P<drop>DROP\s+(?:TABLE|INDEX))|(?P<alter>ALTER\s+TABLE))\s",
    re.IGNORECASE,
)


# The plainest CREATE TABLE of all - bare names, columns "name TYPE[(n[, m])]" with
# NOT NULL / NULL / PRIMARY KEY / UNIQUE / AUTO_INCREMENT / DEFAULT <literal or
# zero-argument call>, and PRIMARY KEY / UNIQUE / FOREIGN KEY table constraints - is
# read one regex match per column instead of token by token: three times faster on
# schemas like the botserver's.  Anything else (quotes, comments, casts, CHECK ...)
# does not match and goes to _FastParser, whose facts these are (a test checks it).
_P_WORD = r"[A-Za-z_][A-Za-z0-9_]*"
_P_QNAME = rf"{_P_WORD}(?:\s*\.\s*{_P_WORD}){{0,2}}"
_P_COLS = rf"\(\s*(?P<{{0}}>{_P_WORD}(?:\s*,\s*{_P_WORD})*)\s*\)"
_P_NOT_TYPE = "|".join(sorted(_COLUMN_CONSTRAINT_WORDS))
_P_NOT_COLUMN = "|".join(sorted(_TABLE_CONSTRAINT_WORDS))
_P_ARRAY = r"(?:\s*\[\s*\d*\s*\])*"
# A cast to a built-in type, e.g. '{}'::jsonb: no facts (see _PG_PLAIN_TYPES).
_P_CAST = (
    r"(?:\s*::\s*(?:"
    + "|".join(t.replace(" ", r"\s+") for t in sorted(_PG_PLAIN_TYPES, key=len, reverse=True))
    + rf")\b{_P_ARRAY})?"
)
_P_LITERAL = (
    r"(?:-?\d+(?:\.\d+)?"
    r"|'(?:[^'\\]|'')*'"
    rf"|(?!(?:nextval|currval|setval)\b){_P_WORD}(?:\s*\(\s*\d*\s*\))?)"
    + _P_CAST
)
_PLAIN_HEAD = re.compile(
    rf"CREATE\s+(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?P<guard>IF\s+NOT\s+EXISTS\s+)?(?P<table>{_P_QNAME})\s*\(",
    re.IGNORECASE | re.ASCII,
)
_PLAIN_COLUMN = re.compile(
    rf"""\s*(?!(?:{_P_NOT_COLUMN})\b)(?P<name>{_P_WORD})
    \s+(?P<type>(?!(?:{_P_NOT_TYPE})\b){_P_WORD}(?:\s+(?!(?:{_P_NOT_TYPE})\b){_P_WORD})*)
    (?:\s*\(\s*\d+\s*(?:,\s*\d+\s*)?\))?{_P_ARRAY}
    (?:\s+(?:NOT\s+NULL|NULL|PRIMARY\s+KEY|UNIQUE|AUTO_INCREMENT|AUTOINCREMENT|DEFAULT\s+(?:{_P_LITERAL})))*
    \s*(?P<end>[,)])""",
    re.IGNORECASE | re.ASCII | re.VERBOSE,
)
_PLAIN_CONSTRAINT = re.compile(
    rf"""\s*(?:CONSTRAINT\s+(?P<name>{_P_WORD})\s+)?
    (?:(?P<index>(?:UNIQUE\s+)?(?:KEY|INDEX))\s+(?P<iname>{_P_WORD})\s*{_P_COLS.format("icols")}
      |(?P<key>PRIMARY\s+KEY|UNIQUE)\s*{_P_COLS.format("keycols")}
      |FOREIGN\s+KEY\s*{_P_COLS.format("cols")}\s*REFERENCES\s+(?P<target>{_P_QNAME})\s*(?:{_P_COLS.format("refcols")})?
       (?:\s+ON\s+(?:DELETE|UPDATE)\s+(?:CASCADE|RESTRICT|NO\s+ACTION|SET\s+NULL|SET\s+DEFAULT))*)
    \s*(?P<end>[,)])""",
    re.IGNORECASE | re.ASCII | re.VERBOSE,
)
_PLAIN_SPLIT = re.compile(r"\s*,\s*")
_PLAIN_DOT = re.compile(r"\s*\.\s*")


_new_ref = tuple.__new__  # _new_ref(ObjectRef, (kind, name, table)): ObjectRef(...) without its Python __new__


@functools.lru_cache(maxsize=1024)
def _pg_type_class_as_written(type_text: str) -> tuple[str, str]:
    """_pg_type_class of a type as the SQL writes it ("TIMESTAMP  WITH\nTIME ZONE")."""
    return _pg_type_class(" ".join(type_text.split()).lower())


def _plain_create_table(scanner: "_Scanner", text: str) -> _Facts | None:
    """Facts of the plainest CREATE TABLE (see above), or None."""
    m = _PLAIN_HEAD.match(text)
    if m is None:
        return None
    table = scanner.qualify(_PLAIN_DOT.split(m.group("table").lower()))
    if not table:
        return None
    f = _Facts()
    f.kind = "CREATE TABLE"
    creates, references = f.creates, f.references
    creates.add(ObjectRef("table", table))
    pg, mysql = scanner.pg, scanner.dialect == "mysql"
    column_match, constraint_match = _PLAIN_COLUMN.match, _PLAIN_CONSTRAINT.match
    pos = m.end()
    add = creates.add
    while True:
        c = column_match(text, pos)
        if c is not None:
            name, type_text, end = c.group("name", "type", "end")
            name = name.lower()
            add(_new_ref(ObjectRef, ("column", name, table)))
            if pg:
                kind, type_name = _pg_type_class_as_written(type_text)
                if kind == "serial":
                    schema, _, bare = table.rpartition(".")
                    seq = f"{bare}_{name}_seq"
                    creates.add(ObjectRef("sequence", f"{schema}.{seq}" if schema else seq))
                elif kind == "user":
                    references.add(ObjectRef("type", type_name.lower()))
        else:
            c = constraint_match(text, pos)
            if c is None:
                return None
            cname = c.group("name")
            if cname is not None:
                cname = cname.lower()
                creates.add(ObjectRef("constraint", cname, table))
            if c.group("index") is not None:  # MySQL's [UNIQUE] KEY / INDEX name (a, b)
                if not mysql or cname is not None:
                    return None  # elsewhere "key" is a column; "CONSTRAINT c UNIQUE KEY" is for sqlglot
                creates.add(ObjectRef("index", c.group("iname").lower(), table))
                cols = _PLAIN_SPLIT.split(c.group("icols").lower())
            elif c.group("key") is not None:
                cols = _PLAIN_SPLIT.split(c.group("keycols").lower())
            else:
                cols = _PLAIN_SPLIT.split(c.group("cols").lower())
                target = scanner.qualify(_PLAIN_DOT.split(c.group("target").lower()))
                if not target:
                    return None
                references.add(ObjectRef("table", target))
                refcols = tuple(_PLAIN_SPLIT.split(c.group("refcols").lower())) if c.group("refcols") else ()
                for col in refcols:
                    references.add(ObjectRef("column", col, target))
                f.foreign_keys.append(ForeignKeyFact(table, tuple(cols), target, refcols, cname))
            for col in cols:
                references.add(ObjectRef("column", col, table))
            end = c.group("end")
        pos = c.end()
        if end == ")":
            break
    if pos != len(text) and not text[pos:].isspace():
        return None
    if m.group("guard"):
        f.guarded |= creates
    return f


_PLAIN_INDEX = re.compile(
    rf"CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?P<guard>IF\s+NOT\s+EXISTS\s+)?(?!ON\b)(?P<name>{_P_WORD})\s+ON\s+"
    rf"(?!ONLY\b)(?P<table>{_P_QNAME})\s*{_P_COLS.format('cols')}\s*",
    re.IGNORECASE | re.ASCII,
)
_PLAIN_DROP = re.compile(
    rf"DROP\s+(?P<what>TABLE|INDEX)\s+(?P<guard>IF\s+EXISTS\s+)?(?!(?:IF|CONCURRENTLY)\b)(?P<name>{_P_QNAME})"
    rf"(?:\s+ON\s+(?P<owner>{_P_QNAME}))?\s*",
    re.IGNORECASE | re.ASCII,
)


def _plain_create_index(scanner: "_Scanner", text: str) -> _Facts | None:
    """CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (a, b), bare names only."""
    m = _PLAIN_INDEX.fullmatch(text)
    if m is None:
        return None
    table = scanner.qualify(_PLAIN_DOT.split(m.group("table").lower()))
    if not table:
        return None
    f = _Facts()
    f.kind = "CREATE INDEX"
    add = f.references.add
    add(_new_ref(ObjectRef, ("table", table, None)))
    for col in _PLAIN_SPLIT.split(m.group("cols").lower()):
        add(_new_ref(ObjectRef, ("column", col, table)))
    index = _new_ref(ObjectRef, ("index", m.group("name").lower(), table))
    f.creates.add(index)
    if m.group("guard"):
        f.guarded.add(index)
    return f


def _plain_drop(scanner: "_Scanner", text: str) -> _Facts | None:
    """DROP TABLE / DROP INDEX [IF EXISTS] name [ON table (MySQL)], one bare name."""
    m = _PLAIN_DROP.fullmatch(text)
    if m is None:
        return None
    what = m.group("what").upper()
    owner = m.group("owner")
    if owner is not None:
        if what != "INDEX" or scanner.dialect != "mysql":
            return None
        owner = scanner.qualify(_PLAIN_DOT.split(owner.lower()))
    name = scanner.qualify(_PLAIN_DOT.split(m.group("name").lower()))
    if not name or owner == "":
        return None
    f = _Facts()
    f.kind = f"DROP {what}"
    obj = ObjectRef("table" if what == "TABLE" else "index", name, owner)
    f.drops.add(obj)
    if m.group("guard"):
        f.guarded.add(obj)
    if owner:
        f.references.add(ObjectRef("table", owner))
    return f


def _fast_scan(scanner: "_Scanner", text: str, strict: bool = False) -> _Facts | None:
    """Facts of a plain statement of the fast path's subset, or None to use sqlglot.
    (strict: let a bug of the fast path raise instead of falling back; for tests.)"""
    m = _FAST_HEAD.match(text)
    if m is None:
        return None
    try:
        if m.group("table"):
            return _plain_create_table(scanner, text) or _FastParser(scanner, text).create_table()
        if m.group("index"):
            return _plain_create_index(scanner, text) or _FastParser(scanner, text).create_index()
        if m.group("drop"):
            return _plain_drop(scanner, text) or _FastParser(scanner, text).drop()
        return _FastParser(scanner, text).alter_table()
    except _Bail:
        return None
    except Exception:
        if strict:
            raise
        return None


# Regex handlers work on the whole statement text; they are kept apart from the
# class so that they are compiled once.  Each takes (scanner, match, text, facts).

_Q = _QNAME_RE
_I = _IDENT_RE
_FLAGS = re.IGNORECASE | re.DOTALL


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


def _h_function(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "CREATE FUNCTION"
    name = s.text_name(m.group("name"))
    if name:
        obj = ObjectRef("function", name)
        f.creates.add(obj)
        if m.group("guard") or m.group("guard2"):
            f.guarded.add(obj)
    # The body ($$...$$, BEGIN...END) is opaque on purpose: it runs later, not now.


def _h_trigger(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
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


def _h_create_simple(kind: str, label: str) -> Callable[[_Scanner, re.Match[str], str, _Facts], None]:
    def handler(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
        f.kind = label
        name = s.text_name(m.group("name"))
        if name:
            obj = ObjectRef(kind, name)
            f.creates.add(obj)
            if m.groupdict().get("guard"):
                f.guarded.add(obj)
        if kind == "type" and s.pg and m.groupdict().get("base"):
            base = s.text_name(m.group("base"))
            if base and base.lower() not in _PG_BUILTIN_TYPES and not _is_known_type(base):
                f.references.add(ObjectRef("type", base))

    return handler


def _is_known_type(name: str) -> bool:
    """Is name a type sqlglot knows (i.e. not user-defined)?"""
    try:
        with _Quiet():
            dt = exp.DataType.build(name, dialect="postgres")
    except Exception:
        return False
    return dt.this != exp.DataType.Type.USERDEFINED


def _h_alter_named(kind: str) -> Callable[[_Scanner, re.Match[str], str, _Facts], None]:
    """ALTER TYPE/DOMAIN/SEQUENCE/FUNCTION/VIEW name ... [RENAME TO new]."""

    def handler(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
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


def _h_alter_table(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "ALTER TABLE"
    table = s.text_name(m.group("name"))
    if not table:
        f.warnings.append(f"could not understand statement: {_snippet(text)}")
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
    f.warnings.append(f"{_ALTER_PARTIAL}: {_snippet(text)}")


def _h_create_table(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "CREATE TABLE"
    name = s.text_name(m.group("name"))
    if name:
        obj = ObjectRef("table", name)
        f.creates.add(obj)
        if m.group("guard"):
            f.guarded.add(obj)
    f.warnings.append(f"CREATE TABLE only partly understood (columns not analysed): {_snippet(text)}")


def _h_create_index(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
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
    f.warnings.append(f"CREATE INDEX only partly understood: {_snippet(text)}")


def _h_schema(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "CREATE SCHEMA"
    name = s.text_name(m.group("name"))
    if name and name.upper() != "AUTHORIZATION":
        obj = ObjectRef("schema", name)
        f.creates.add(obj)
        if m.group("guard"):
            f.guarded.add(obj)


_COMMENT_TARGETS = {
    "table": "table",
    "view": "view",
    "materialized view": "view",
    "index": "index",
    "type": "type",
    "domain": "type",
    "function": "function",
    "procedure": "function",
    "sequence": "sequence",
    "schema": "schema",
    "extension": "extension",
    "trigger": "trigger",
    "constraint": "constraint",
    "column": "column",
}


def _h_comment(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
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


def _h_do(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "DO"
    f.warnings.append("DO block is opaque: its contents were not analysed")


def _h_rename_table(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "RENAME TABLE"
    pairs = re.findall(rf"({_Q})\s+TO\s+({_Q})", m.group("pairs"), _FLAGS)
    if not pairs:
        f.warnings.append(f"could not understand statement: {_snippet(text)}")
    for old_raw, new_raw in pairs:
        old, new = s.text_name(old_raw), s.text_name(new_raw)
        if old and new:
            f.renames.append((ObjectRef("table", old), ObjectRef("table", new)))
            f.references.add(ObjectRef("table", old))


def _h_drop(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    what = " ".join(m.group("what").upper().split())
    f.kind = f"DROP {what}"
    kind = _Scanner._DROP_KINDS.get(what)
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


def _h_refresh(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "REFRESH MATERIALIZED VIEW"
    name = s.text_name(m.group("name"))
    if name:
        f.references.add(ObjectRef("view", name))


def _h_policy(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "POLICY"
    table = s.text_name(m.group("table"))
    if table:
        f.references.add(ObjectRef("table", table))


def _h_call(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    f.kind = "CALL"
    name = s.text_name(m.group("name"))
    if name:
        f.references.add(ObjectRef("function", name))


def _h_ignore(s: _Scanner, m: re.Match[str], text: str, f: _Facts) -> None:
    """Statements that do not create, change or need schema objects of ours."""
    f.kind = " ".join(m.group(0).upper().split())


def _build_regex_handlers() -> list[tuple[re.Pattern[str], Callable[..., None]]]:
    or_replace = r"(?P<guard>OR\s+REPLACE\s+)?"
    definer = r"(?:DEFINER\s*=\s*\S+\s+)?"
    handlers: list[tuple[str, Callable[..., None]]] = [
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
        (rf"REFRESH\s+MATERIALIZED\s+VIEW\s+(?:CONCURRENTLY\s+)?(?P<name>{_Q})", _h_refresh),
        (rf"(?:CREATE|ALTER)\s+POLICY\s+{_I}\s+ON\s+(?P<table>{_Q})", _h_policy),
        (rf"CALL\s+(?P<name>{_Q})", _h_call),
        (
            r"(?:GRANT|REVOKE|SET|RESET|SHOW|LOCK|VACUUM|ANALYZE|ANALYSE|CHECKPOINT|LISTEN|NOTIFY|UNLISTEN|DISCARD|"
            r"BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|USE|FLUSH|OPTIMIZE|SELECT|"
            r"SECURITY\s+LABEL|(?:CREATE|ALTER|DROP)\s+(?:ROLE|USER|GROUP)|ALTER\s+DEFAULT\s+PRIVILEGES|REINDEX|CLUSTER)\b",
            _h_ignore,
        ),
    ]
    return [(_rx(p), h) for p, h in handlers]


@functools.lru_cache(maxsize=1)
def _regex_handlers() -> list[tuple[re.Pattern[str], Callable[..., None]]]:
    return _build_regex_handlers()  # compiled on first use: keeps the import light


# ------------------------------------------------------------------------ entry point


_SCANNERS: dict[str, _Scanner] = {}


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
        scanner = _SCANNERS[dialect] = _Scanner(dialect)
    try:
        facts = scanner.scan_statement(text)
    except Exception as exc:  # a bug of ours must not stop the scan either
        facts = _Facts()
        facts.warnings.append(f"internal error while scanning ({type(exc).__name__}: {exc}): {_snippet(text)}")
    return facts.freeze(0, text), tuple(facts.warnings)


def scan_sql(sql: str, dialect: str) -> ScanResult:
    """dialect is one of "postgresql", "sqlite", "mysql" (MariaDB). Never raises on bad
    SQL: a statement it cannot understand becomes a ScanWarning with its line, and
    scanning goes on.

    There is one StatementFacts per statement of ``split_statements(sql, dialect)``,
    in order; a statement that could not be understood has empty (or partial) facts
    and a warning at its line.  An unknown dialect name raises ValueError.
    """
    d = _canonical_dialect(dialect)
    assert d is not None
    statements: list[StatementFacts] = []
    warnings: list[ScanWarning] = []
    for line, text in split_statements(sql, dialect):
        facts, messages = _scan_statement(d, text)
        statements.append(at_line(facts, line))
        warnings.extend(ScanWarning(line, msg) for msg in messages)
    return ScanResult(tuple(statements), tuple(warnings))
