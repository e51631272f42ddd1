"""The sqlglot path: parse one statement with sqlglot and walk the tree, one method per
statement kind.  Statements sqlglot leaves unparsed (``exp.Command``: ``CREATE
FUNCTION``, ``DO``, ``CREATE EXTENSION``, ``ALTER TYPE`` ...) or fails to parse go to
the regex handlers."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, cast

from . import lazy_sqlglot
from .facts import KEYWORD_KINDS, Collector, ForeignKeyFact, ObjectRef, snippet
from .handlers import command_text
from .lazy_sqlglot import Quiet
from .naming import IDENT_RE, Naming, serial_sequence
from .pgtypes import PG_BUILTIN_TYPES

if TYPE_CHECKING:
    import sqlglot
    from sqlglot import exp
else:
    lazy_sqlglot.bind(globals())

# COMMENT ON TRIGGER names no table sqlglot gives us: not read here.
_COMMENT_KINDS = {k: v for k, v in KEYWORD_KINDS.items() if k != "TRIGGER"}

# CREATE INDEX head, to drop "ONLY" and the schema on the index name before parsing.
_INDEX_HEAD = re.compile(
    rf"(?P<head>CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?)"
    rf"(?:{IDENT_RE}\s*\.\s*)?(?P<name>{IDENT_RE})?\s*ON\s+(?:ONLY\s+)?",
    re.IGNORECASE,
)


def _kind_of(node: exp.Expression) -> str:
    k = node.args.get("kind")
    return str(k).upper() if k else ""


# A statement's nodes, grouped by exact type.
Nodes = dict[type, list[Any]]


def collect(tree: exp.Expression) -> Nodes:
    """All nodes of tree grouped by exact type, in one walk over node.args."""
    out: defaultdict[type, list[Any]] = defaultdict(list)
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


class Scanner(Naming):
    """Reads one statement with sqlglot and walks its tree, one method per statement
    kind.  One per dialect (its naming rules and a few grammar details)."""

    def __init__(self, dialect: str) -> None:
        super().__init__(dialect)
        self._nodes: Nodes = {}  # the current statement's nodes, by type
        self._handler_table: dict[type, Callable[[Any, Collector], None]] | None = None

    @property
    def _handlers(self) -> dict[type, Callable[[Any, Collector], None]]:
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

    # ---------------------------------------------------------------- names of sqlglot nodes

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

    # ---------------------------------------------------------------- driver

    def scan_statement(self, text: str) -> Collector:
        """The facts of one statement, as sqlglot reads it (the regex handlers read
        what sqlglot leaves unparsed)."""
        facts = Collector()
        parse_text = self._preprocess(text)
        try:
            with Quiet():
                trees = cast("list[exp.Expression]", [t for t in sqlglot.parse(parse_text, read=self.dialect) if t is not None])
        except Exception:  # sqlglot raises ParseError, TokenError and, rarely, others
            trees = None
        if trees is None and not self._balanced(parse_text):
            # Truly broken SQL: do not let a regex read meaning into its first words.
            facts.warnings.append(f"could not understand statement: {snippet(text)}")
            return facts
        if not trees:
            command_text(self, text, facts)
            return facts
        if len(trees) == 1 and not isinstance(trees[0], exp.Command):
            self._dispatch(trees[0], text, facts)
            return facts
        if any(isinstance(t, exp.Command) for t in trees):
            # sqlglot gave up on part of the text: use the regexes on the whole text.
            command_text(self, text, facts)
            return facts
        for tree in trees:  # several statements the splitter did not separate
            self._dispatch(tree, text, facts)
        return facts

    def _balanced(self, text: str) -> bool:
        """Does text tokenize, with balanced parentheses?  (Asked only when sqlglot
        could not parse it, to tell unsupported-but-valid SQL from broken SQL.)"""
        try:
            with Quiet():
                tokens = sqlglot.tokenize(text, read=self.dialect)
        except Exception:
            return False
        depth = 0
        l_paren, r_paren = sqlglot.TokenType.L_PAREN, sqlglot.TokenType.R_PAREN
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

    def _dispatch(self, tree: exp.Expression, text: str, facts: Collector) -> None:
        if isinstance(tree, exp.Command):
            command_text(self, text, facts)
            return
        # One walk of the tree serves every handler (find_all per question was the
        # main cost of a scan after sqlglot's own parsing).
        self._nodes = nodes = collect(tree)
        for cls, handler in self._handlers.items():
            if isinstance(tree, cls):
                handler(tree, facts)
                self.statement_wide_refs(nodes, facts)
                return
        if isinstance(tree, exp.Query):  # SELECT / UNION ...: reads tables and sequences
            facts.kind = facts.kind or "SELECT"
            self._query_tables(nodes, facts)
            self.statement_wide_refs(nodes, facts)
            return
        if isinstance(tree, (exp.Transaction, exp.Commit, exp.Rollback, exp.Set, exp.Pragma, exp.Use)):
            facts.kind = facts.kind or type(tree).__name__.upper()
            return
        facts.warnings.append(f"statement not analysed: {snippet(text)}")

    # ---------------------------------------------------------------- helpers

    def statement_wide_refs(self, nodes: Nodes, facts: Collector) -> None:
        """References that mean the same wherever they appear in a statement:
        foreign-key targets, user-defined types and sequences named in nextval()."""
        self._fk_refs(nodes.get(exp.Reference, ()), facts)
        self._user_types(nodes.get(exp.DataType, ()), facts)
        self._sequence_refs(nodes.get(exp.Anonymous, ()), facts)

    def _user_types(self, dtypes: Iterable[exp.DataType], facts: Collector) -> None:
        """PostgreSQL user-defined types used by columns, casts, arrays ..."""
        if not self.pg:
            return  # SQLite has none; MySQL ENUM/SET are inline
        for dt in dtypes:
            if dt.this != exp.DataType.Type.USERDEFINED:
                continue
            name = self.table_name(dt.args.get("kind"))
            if name and name.lower() not in PG_BUILTIN_TYPES:
                facts.references.add(ObjectRef("type", name))

    def _sequence_refs(self, calls: Iterable[exp.Anonymous], facts: Collector) -> None:
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

    def _fk_refs(self, refs: Iterable[exp.Reference], facts: Collector) -> None:
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

    def local_columns(self, node: exp.Expression) -> Iterator[str]:
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
                    yield from self.local_columns(item)
            return
        for child in node.iter_expressions():
            yield from self.local_columns(child)

    def _query_tables(self, nodes: Nodes, facts: Collector) -> None:
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

    def _identity_sequence(self, table: str, coldef: exp.ColumnDef, facts: Collector) -> None:
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
            facts.creates.add(serial_sequence(table, self.ident(coldef.this)))

    def _column_def(self, table: str, coldef: exp.ColumnDef, facts: Collector) -> None:
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

    def _table_foreign_keys(self, table: str, node: exp.Expression, facts: Collector) -> None:
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

    def _named_constraint(self, table: str, node: exp.Expression, facts: Collector) -> None:
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

    def _create(self, e: exp.Create, facts: Collector) -> None:
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

    def _create_table(self, e: exp.Create, facts: Collector) -> None:
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
                for col in self.local_columns(item):
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
            self._query_tables(collect(e.expression), facts)

    def _create_view(self, e: exp.Create, facts: Collector) -> None:
        name = self.table_name(e.this)
        if name:
            facts.creates.add(ObjectRef("view", name))
        if isinstance(e.expression, exp.Expression):
            self._query_tables(collect(e.expression), facts)

    def _create_index(self, e: exp.Create, facts: Collector) -> None:
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
                        for col in self.local_columns(part):
                            facts.references.add(ObjectRef("column", col, table))
                for ident in params.args.get("include") or []:  # INCLUDE (b): bare Identifiers
                    included = self.ident(ident)
                    if included:
                        facts.references.add(ObjectRef("column", included, table))
        elif name:
            facts.creates.add(ObjectRef("index", name))

    def _create_simple(self, e: exp.Create, facts: Collector) -> None:
        kind = {"TYPE": "type", "SEQUENCE": "sequence"}.get(_kind_of(e), "function")
        name = self.table_name(e.this)
        if name:
            facts.creates.add(ObjectRef(kind, name))

    def _create_schema(self, e: exp.Create, facts: Collector) -> None:
        t = e.this
        if isinstance(t, exp.Table):  # sqlglot puts the schema name in Table.db
            name = self.ident(t.args.get("db")) or self.ident(t.this)
        else:
            name = self.ident(t)
        if name:
            facts.creates.add(ObjectRef("schema", name))

    def _create_trigger(self, e: exp.Create, facts: Collector) -> None:
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

    def _alter(self, e: exp.Alter, facts: Collector) -> None:
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

    def _alter_action(self, table: str, action: exp.Expression, options: list[exp.Expression], facts: Collector) -> None:
        if isinstance(action, exp.ColumnDef):  # ADD [COLUMN]
            self._column_def(table, action, facts)
        elif isinstance(action, exp.AddConstraint):
            for c in action.expressions:
                self._named_constraint(table, c, facts)
                self._table_foreign_keys(table, c, facts)
                for col in self.local_columns(c):
                    facts.references.add(ObjectRef("column", col, table))
        elif isinstance(action, exp.Drop):
            self._alter_drop(table, action, facts)
        elif isinstance(action, exp.AlterColumn):
            column = ObjectRef("column", self.ident(action.this) or "?", table)
            facts.alters.add(column)
            facts.references.add(column)
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

    def _alter_drop(self, table: str, action: exp.Drop, facts: Collector) -> None:
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

    def _drop(self, e: exp.Drop, facts: Collector) -> None:
        kind = _kind_of(e)
        obj_kind = KEYWORD_KINDS.get(kind)
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

    def _insert(self, e: exp.Insert, facts: Collector) -> None:
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

    def _set_targets(self, table: str, assignments: list[exp.Expression], facts: Collector) -> None:
        for eq in assignments:
            if isinstance(eq, exp.EQ) and isinstance(eq.this, exp.Column):
                name = self.ident(eq.this)
                if name:
                    facts.references.add(ObjectRef("column", name, table))

    def _update(self, e: exp.Update, facts: Collector) -> None:
        facts.kind = "UPDATE"
        self._query_tables(self._nodes, facts)
        table = self.table_name(e.this)
        if table:
            self._set_targets(table, e.expressions, facts)

    def _delete(self, e: exp.Delete, facts: Collector) -> None:
        facts.kind = "DELETE"
        self._query_tables(self._nodes, facts)

    def _truncate(self, e: exp.TruncateTable, facts: Collector) -> None:
        facts.kind = "TRUNCATE"
        for t in e.expressions:
            name = self.table_name(t)
            if name:
                facts.references.add(ObjectRef("table", name))

    def _grant(self, e: exp.Grant, facts: Collector) -> None:
        facts.kind = "GRANT"
        name = self.table_name(e.args.get("securable"))
        kind = str(e.args.get("kind") or "TABLE").upper()
        if name and kind == "TABLE":
            facts.references.add(ObjectRef("table", name))

    def _comment(self, e: exp.Comment, facts: Collector) -> None:
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
        obj_kind = _COMMENT_KINDS.get(kind)
        name = self.table_name(target)
        if obj_kind and name:
            facts.references.add(ObjectRef(obj_kind, name))
