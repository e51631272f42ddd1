"""The fast path's token parser.

sqlglot's pure-Python parser costs about 3 ms for a typical 15-column CREATE TABLE,
which makes a 300-table schema take a second.  Most migration DDL is plain:
"CREATE TABLE t (col TYPE [NOT NULL] [DEFAULT x] [REFERENCES o(id)], ...)",
"CREATE INDEX ix ON t (a, b) [WHERE a > 0]", "DROP TABLE t", "DROP INDEX ix [ON t]",
"ALTER TABLE t ADD COLUMN c TYPE ..." and "ALTER TABLE t DROP COLUMN c".  For exactly
those shapes a small hand parser gives the same facts some 20 times faster, without
importing sqlglot at all.  It is strict: at the first token outside the subset it
gives up (Bail) and the statement goes to sqlglot as usual.  Tests check that both
paths agree on every statement the fast path accepts.
"""

from __future__ import annotations

import functools
import operator
import re
from typing import TYPE_CHECKING, cast

from . import lazy_sqlglot
from .facts import Collector, ForeignKeyFact, ObjectRef
from .lazy_sqlglot import Quiet
from .naming import serial_sequence
from .pgtypes import PG_BUILTIN_TYPES
from .sqlglot_scan import Scanner, collect

if TYPE_CHECKING:
    import sqlglot
    from sqlglot import exp
else:
    lazy_sqlglot.bind(globals())

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
COLUMN_CONSTRAINT_WORDS = frozenset(
    "NOT NULL PRIMARY UNIQUE DEFAULT REFERENCES CONSTRAINT CHECK COLLATE AUTO_INCREMENT "
    "AUTOINCREMENT GENERATED COMMENT ON CHARACTER AS KEY".split()
)
# Words that start a table constraint instead of a column.
TABLE_CONSTRAINT_WORDS = frozenset("CONSTRAINT PRIMARY UNIQUE FOREIGN CHECK EXCLUDE LIKE KEY INDEX FULLTEXT SPATIAL".split())
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


class Bail(Exception):
    """The statement is outside the fast path's subset."""


# PostgreSQL type names (lower case, one blank between words) that sqlglot reads as
# built-in, non-serial types, and the serial ones: known without asking sqlglot.  A
# test checks each against _pg_type_class_by_sqlglot, which classifies the others.
PG_PLAIN_TYPES = frozenset(
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


def pg_type_class(type_text: str) -> tuple[str, str]:
    """("serial" | "user" | "builtin", name) for a PostgreSQL type written without
    parameters or array brackets, classified as the sqlglot path would."""
    if type_text in PG_PLAIN_TYPES:
        return _BUILTIN
    if type_text in _PG_SERIAL_TYPES:
        return _SERIAL
    return _pg_type_class_by_sqlglot(type_text)


@functools.lru_cache(maxsize=1024)
def _pg_type_class_by_sqlglot(type_text: str) -> tuple[str, str]:
    try:
        with Quiet():
            dt = exp.DataType.build(type_text, dialect="postgres", udt=True)
    except Exception:
        raise Bail from None
    if dt.this in (exp.DataType.Type.SERIAL, exp.DataType.Type.BIGSERIAL, exp.DataType.Type.SMALLSERIAL):
        return _SERIAL
    if dt.this == exp.DataType.Type.USERDEFINED:
        if " " in type_text:
            raise Bail  # several unknown words: leave it to sqlglot
        if type_text in PG_BUILTIN_TYPES:
            return _BUILTIN
        return "user", type_text
    return _BUILTIN


class FastParser:
    """Recursive descent over _FAST_TOKEN tokens for plain DDL.

    The tokens are parallel lists: O (the token texts), W (the same upper-cased) and K
    (kinds: "w" word, "q" quoted identifier, "s" string, "n" number, "o" operator).
    Only a word can equal a keyword in W and only an operator an operator in O, so
    most tests need no look at K.  W and O are padded with blanks, which are no token,
    so a lookahead past the end needs no bounds check.
    """

    def __init__(self, scanner: Scanner, text: str) -> None:
        self.s = scanner
        self.text = text
        T: list[str] = _FAST_TOKEN_TEXT.findall(text)
        # One kind letter per token, from its first character, all in C.
        K = "".join(map(_FIRST, T)).translate(_FAST_KIND_TABLE)
        if not K.isascii() or "?" in K or "'" in T or '"' in T or "`" in T or ":" in T:
            T, kinds = [], []
            for s, q, n, w, o, bad in _FAST_TOKEN.findall(text):
                if bad:
                    raise Bail
                T.append(s or q or n or w or o)
                kinds.append("w" if w else "o" if o else "n" if n else "s" if s else "q")
            K = "".join(kinds)
        self.n = len(T)
        self.W = list(map(str.upper, T)) + _PAD
        self.T = self.O = T + _PAD
        self.K = K + "    "
        self.i = 0
        self.facts = Collector()
        self.column_name = ""  # the column being parsed
        self.arrays_need_pg = False  # ALTER TABLE: array types only on PostgreSQL

    # -- token helpers

    def take_word(self, *words: str) -> str | None:
        w = self.W[self.i]
        if w in words:
            self.i += 1
            return w
        return None

    def expect_word(self, *words: str) -> str:
        w = self.W[self.i]
        if w not in words:
            raise Bail
        self.i += 1
        return w

    def take_op(self, op: str) -> bool:
        if self.O[self.i] == op:
            self.i += 1
            return True
        return False

    def expect_op(self, op: str) -> None:
        if self.O[self.i] != op:
            raise Bail
        self.i += 1

    def ident(self) -> str:
        i = self.i
        if i >= self.n:
            raise Bail
        kind = self.K[i]
        if kind == "w":
            self.i = i + 1
            return self.T[i].lower()  # self.s.fold(word, False)
        if kind == "q":
            self.i = i + 1
            text = self.T[i]
            q = text[0]
            return self.s.fold(text[1:-1].replace(q + q, q), True)
        raise Bail

    def qname(self) -> str:
        parts: list[str | None] = [self.ident()]
        if self.O[self.i] != ".":
            return parts[0]  # type: ignore[return-value]  # a single name qualifies to itself
        while self.take_op("."):
            parts.append(self.ident())
        if len(parts) > 3:
            raise Bail
        name = self.s.qualify(parts)
        if not name:
            raise Bail
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

    def create_table(self) -> Collector:
        """CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] t (columns, constraints) [options]."""
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
            if w in TABLE_CONSTRAINT_WORDS and (mysql or w not in ("KEY", "INDEX")):
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
        """One column definition: its name, type and constraints; returns the name."""
        self.column_name = name = self.ident()
        f = self.facts
        f.creates.add(ObjectRef("column", name, table))
        type_class = self.column_type()
        if type_class[0] == "serial":
            f.creates.add(serial_sequence(table, name))
        elif type_class[0] == "user":
            f.references.add(ObjectRef("type", self.s.fold(type_class[1], False)))
        self.column_constraints(table)
        return name

    def column_type(self) -> tuple[str, str]:
        """A type with its parameters and array brackets, classified as pg_type_class does
        (("builtin", "") outside PostgreSQL)."""
        W, O, K, T = self.W, self.O, self.K, self.T
        i = self.i
        words: list[str] = []
        params = False
        while True:
            w = W[i]
            if K[i] == "w" and w not in COLUMN_CONSTRAINT_WORDS:
                words.append(T[i])
                i += 1
            elif O[i] == "(" and words and not params:
                params = True
                i += 1
                while O[i] != ")":
                    if i >= self.n or K[i] not in ("n", "s", "w") and O[i] != ",":
                        raise Bail
                    i += 1
                i += 1
            else:
                break
        if not words:
            raise Bail
        while O[i] == "[":
            if self.arrays_need_pg and not self.s.pg:
                raise Bail  # "ADD COLUMN c text[]" elsewhere: sqlglot's word, as before
            i += 1
            if i < self.n and K[i] == "n":
                i += 1
            if O[i] != "]":
                raise Bail
            i += 1
        self.i = i
        if self.s.pg:
            return pg_type_class(" ".join(words).lower())
        return _BUILTIN

    def column_constraints(self, table: str) -> None:
        """The constraints of one column, up to the "," or ")" after it (or the end)."""
        f = self.facts
        W, O = self.W, self.O
        name: str | None = None  # of "CONSTRAINT name", for the constraint after it
        while self.i < self.n and O[self.i] not in (",", ")"):
            w = W[self.i]
            if self.K[self.i] != "w":
                raise Bail
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
                    raise Bail
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
                    raise Bail
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
                    raise Bail
                f.creates.add(serial_sequence(table, self.column_name))
            else:
                raise Bail  # COLLATE, ON UPDATE, stored generated columns ...: leave to sqlglot

    def check(self, table: str, table_level: bool) -> None:
        """CHECK (expr): the expression alone goes through sqlglot (cheap), for the
        columns it names (table-level only, as on the sqlglot path) and its casts."""
        open_at = self.i
        self.expect_op("(")
        depth = 1
        while depth:
            if self.i >= self.n:
                raise Bail
            op = self.O[self.i]
            depth += 1 if op == "(" else -1 if op == ")" else 0
            self.i += 1
        starts = [m.start(m.lastindex or 0) for m in _FAST_TOKEN.finditer(self.text)]
        body = self.text[starts[open_at] + 1 : starts[self.i - 1]]
        try:
            with Quiet():
                tree = cast("exp.Expression | None", sqlglot.parse_one(body, read=self.s.dialect))
        except Exception:
            raise Bail from None
        if tree is None or isinstance(tree, (exp.Command, exp.Query)):
            raise Bail
        self.s.statement_wide_refs(collect(tree), self.facts)
        if table_level:
            for col in self.s.local_columns(tree):
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
                (kind == "o" and text in (",", ")")) or (kind == "w" and self.W[i] in COLUMN_CONSTRAINT_WORDS)
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
                        raise Bail
                    continue
            elif kind == "q":
                raise Bail
            elif kind == "w" and self.O[i + 1] == "(" and text.lower() in ("nextval", "currval", "setval"):
                if i + 2 >= self.n or K[i + 2] != "s":
                    raise Bail
                name = self.s.string_name(T[i + 2][1:-1].replace("''", "'"))
                if name:
                    self.facts.references.add(ObjectRef("sequence", name))
            self.i += 1
        if depth:
            raise Bail

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
        """[CONSTRAINT c] PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK, or MySQL's KEY / INDEX."""
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
                    raise Bail
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
            raise Bail
        if name is not None:
            f.creates.add(ObjectRef("constraint", name, table))
        for col in cols:
            f.references.add(ObjectRef("column", col, table))

    def table_options(self) -> None:
        """What follows the closing parenthesis: SQLite's WITHOUT ROWID / STRICT, MySQL's
        ENGINE=... options; anything else bails."""
        if self.i >= self.n:
            return
        if self.s.dialect == "sqlite":
            while self.i < self.n:
                if self.take_word("WITHOUT"):
                    self.expect_word("ROWID")
                elif not (self.take_word("STRICT") or self.take_op(",")):
                    raise Bail
            return
        if self.s.dialect != "mysql":
            raise Bail
        # MySQL: ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='...' AUTO_INCREMENT=5 ...
        while self.i < self.n:
            kind, w, op = self.K[self.i], self.W[self.i], self.O[self.i]
            if kind == "w" and w in _MYSQL_TABLE_OPTION_STOP or kind == "o" and op not in ("=", ","):
                raise Bail
            self.i += 1

    # -- CREATE INDEX

    def create_index(self) -> Collector:
        """CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] t [USING m]
        (columns) [INCLUDE (columns)] [WHERE simple condition]."""
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
            raise Bail  # WITH (...), TABLESPACE, a WHERE beyond condition() ...
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
            raise Bail
        column = self.ident()
        if self.take_word("IS"):
            self.take_word("NOT")
            self.expect_word("NULL")
        else:
            if self.O[self.i] not in _COMPARISONS:
                raise Bail
            self.i += 1
            if self.i < self.n and self.K[self.i] in ("n", "s") or self.W[self.i] in ("TRUE", "FALSE"):
                self.i += 1
            else:
                raise Bail
        self.facts.references.add(ObjectRef("column", column, table))

    # -- DROP TABLE / DROP INDEX

    def drop(self) -> Collector:
        """DROP TABLE / DROP INDEX [IF EXISTS] names [ON t (MySQL)] [CASCADE|RESTRICT]."""
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
            raise Bail
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

    def alter_table(self) -> Collector:
        """ALTER TABLE t ADD COLUMN ... / DROP COLUMN ..., one or more, comma-separated."""
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
                if self.W[self.i] in TABLE_CONSTRAINT_WORDS:
                    raise Bail
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
