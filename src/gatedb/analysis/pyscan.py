"""Analysis of a Python migration by running it against a recording ``op``.

A Python migration is a file defining ``upgrade(op)`` and optionally ``downgrade(op)``,
where ``op`` is Alembic's ``alembic.operations.Operations``.  ``scan_python_migration``
loads the file as a throw-away module and calls the function with a recorder that
implements the commonly used Operations methods.  Nothing touches a database: each
call becomes a ``StatementFacts`` in the SQL scan's vocabulary (``ObjectRef`` kinds and
names), at the line of the call in the .py file; SQL given to ``op.execute`` goes
through ``sql.scan_sql``.

Whatever goes wrong - a SyntaxError, no upgrade function, an exception raised by the
migration, an ``op`` method the recorder does not know - becomes a ``ScanWarning``
(with the line when known), never an exception.  Facts recorded before an exception
are kept.

Names follow the SQL scan's rules as SQLAlchemy renders them: on PostgreSQL a name is kept
as written (SQLAlchemy quotes names that are not all lower case, so "Users" stays
case-sensitive), on SQLite and MySQL it is lower-cased; the default schema (public /
main) is dropped.  Also accepted, for classic Alembic scripts: ``upgrade()`` without
parameters that uses the module-level ``op`` (``from alembic import op``) - the
recorder is put in the module's ``op`` global for the call.
"""

from __future__ import annotations

import functools
import importlib.util
import inspect
import itertools
import pathlib
import re
import sys
import traceback
from types import FrameType, ModuleType
from typing import Any, Callable, Iterable

from .sql import ForeignKeyFact, ObjectRef, ScanResult, ScanWarning, StatementFacts, at_line, canonical_dialect, scan_sql
from .sql.facts import Collector
from .sql.naming import serial_sequence

__all__ = ["scan_python_migration"]

_module_numbers = itertools.count()
_PLAIN_NAME = re.compile(r"[A-Za-z_][\w$]*")
_DEFAULT_SCHEMAS = {"postgres": {"public"}, "sqlite": {"main"}, "mysql": set()}
_DIRECTIONS = {"up": "upgrade", "upgrade": "upgrade", "down": "downgrade", "downgrade": "downgrade"}


def scan_python_migration(path: pathlib.Path, dialect: str, direction: str = "up") -> ScanResult:
    """Facts of a Python migration's ``upgrade`` (direction "up") or ``downgrade``
    ("down"), recorded by calling it with a recording ``op``.

    Raises ValueError only for a bad ``dialect`` or ``direction`` argument; problems
    of the migration itself are ScanWarnings.  Line 0 in a warning means "the file as
    a whole" (e.g. a missing function).
    """
    func_name = _DIRECTIONS.get(direction)
    if func_name is None:
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    sg_dialect = canonical_dialect(dialect)
    assert sg_dialect is not None
    path = pathlib.Path(path)
    filename = str(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return ScanResult((), (ScanWarning(0, f"cannot read the migration: {exc}"),))
    try:
        code = _compile(source, filename)
    except SyntaxError as exc:
        return ScanResult((), (ScanWarning(exc.lineno or 0, f"syntax error: {exc.msg}"),))

    recorder = _Recorder(filename, dialect, sg_dialect)
    # A module of its own, executed from the compiled code (so no __pycache__ is
    # written next to the user's migrations), registered in sys.modules only while
    # it runs: dataclasses, pickle and friends look their module up there.
    name = f"_gatedb_migration_{next(_module_numbers)}"
    spec = importlib.util.spec_from_loader(name, loader=None, origin=filename)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__file__ = filename
    sys.modules[name] = module
    try:
        if not _run(lambda: exec(code, module.__dict__), recorder, "loading the migration"):
            return recorder.result()
        func = module.__dict__.get(func_name)
        if not callable(func):
            recorder.warn(0, f"the migration has no {func_name}(op) function")
            return recorder.result()
        call = _bind_call(func, module, recorder)
        if call is None:
            recorder.warn(_def_line(func), f"{func_name}() must take one argument, op")
            return recorder.result()
        _run(call, recorder, f"{func_name}()")
    finally:
        sys.modules.pop(name, None)
    return recorder.result()


@functools.lru_cache(maxsize=256)
def _compile(source: str, filename: str) -> Any:
    """The migration's code object: compiled once per text, though it runs once per
    dialect and direction (a code object is immutable; each run gets a fresh module)."""
    return compile(source, filename, "exec", dont_inherit=True)


def _bind_call(func: Callable[..., Any], module: ModuleType, recorder: "_Recorder") -> Callable[[], Any] | None:
    """upgrade(op) gets the recorder; a classic upgrade() sees it as the global op."""
    try:
        params = [
            p
            for p in inspect.signature(func).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
        ]
        takes_var = any(p.kind is p.VAR_POSITIONAL for p in inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return lambda: func(recorder)
    if len(params) == 1 or (not params and takes_var):
        return lambda: func(recorder)
    if not params:

        def classic() -> Any:
            had, old = "op" in module.__dict__, module.__dict__.get("op")
            module.__dict__["op"] = recorder
            try:
                return func()
            finally:
                if had:
                    module.__dict__["op"] = old
                else:
                    module.__dict__.pop("op", None)

        return classic
    return None


def _def_line(func: Callable[..., Any]) -> int:
    code = getattr(func, "__code__", None)
    return code.co_firstlineno if code is not None else 0


def _run(call: Callable[[], Any], recorder: "_Recorder", what: str) -> bool:
    """Run call; an exception becomes a warning at the deepest line of the migration."""
    try:
        call()
        return True
    except (Exception, SystemExit) as exc:
        line = 0
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            if frame.f_code.co_filename == recorder.filename:
                line = lineno
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        recorder.warn(line, f"{what} raised {detail}")
        return False


# --------------------------------------------------------------------------- recorder


def _describe(owner: str, method: str, args: tuple, kwargs: dict) -> str:
    """A short source-like text for a call: op.create_table('users', ...)."""
    shown = [repr(a) if isinstance(a, (str, int, float, bool, type(None))) else "..." for a in args]
    shown += [f"{k}={v!r}" for k, v in kwargs.items() if isinstance(v, (str, int, bool)) and not k.startswith("existing_")]
    return f"{owner}.{method}({', '.join(shown)})"


def _fk_order(fk: ForeignKeyFact) -> tuple[str, tuple[str, ...], str, tuple[str, ...], str]:
    return (fk.table, fk.columns, fk.ref_table, fk.ref_columns, fk.name or "")


class _Recorder:
    """Stands in for alembic.operations.Operations and records what each call would do."""

    def __init__(self, filename: str, dialect: str, sg_dialect: str) -> None:
        self.filename = filename
        self.dialect = dialect
        self.sg_dialect = sg_dialect
        self.statements: list[StatementFacts] = []
        self.warnings: list[ScanWarning] = []

    # ---------------------------------------------------------------- plumbing

    def result(self) -> ScanResult:
        return ScanResult(tuple(self.statements), tuple(self.warnings))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ScanWarning(line, message))

    def caller_line(self) -> int:
        """Line of the innermost frame that runs the migration file's code."""
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self.filename:
                return frame.f_lineno
            frame = frame.f_back
        return 0

    def emit(self, kind: str, text: str, f: Collector) -> None:
        self.statements.append(
            StatementFacts(
                line=self.caller_line(),
                text=text,
                creates=frozenset(f.creates),
                alters=frozenset(f.alters),
                drops=frozenset(f.drops),
                renames=tuple(f.renames),
                references=frozenset(f.references - f.creates),
                guarded=frozenset(f.guarded),
                kind=kind,
                foreign_keys=tuple(dict.fromkeys(f.foreign_keys)),
                dropped_foreign_keys=tuple(dict.fromkeys(f.dropped_foreign_keys)),
            )
        )

    def name(self, name: object) -> str:
        text = str(name)
        return text if self.sg_dialect == "postgres" else text.lower()

    def table(self, name: object, schema: object = None) -> str:
        parts = [self.name(p) for p in (schema, name) if p]
        while len(parts) > 1 and parts[0] in _DEFAULT_SCHEMAS[self.sg_dialect]:
            parts = parts[1:]
        return ".".join(parts)

    def target(self, spec: str) -> tuple[str, str]:
        """'schema.table.col' / 'table.col' (a ForeignKey's target) -> (table, column)."""
        table, _, column = spec.rpartition(".")
        schema, _, bare = table.rpartition(".")
        return self.table(bare, schema or None), self.name(column)

    def expression_refs(self, table: str, sql: str) -> set[ObjectRef]:
        """Objects named by a SQL expression of `table` (index expression, CHECK
        condition), read by the SQL scan from a stand-in statement."""
        result = scan_sql(f"ALTER TABLE gatedb_expr ADD CONSTRAINT gatedb_c CHECK ({sql})", self.dialect)
        if result.warnings or len(result.statements) != 1:
            return set()
        out = set()
        for ref in result.statements[0].references:
            if ref.kind == "column" and ref.table == "gatedb_expr":
                out.add(ObjectRef("column", ref.name, table))
            elif ref.kind != "table" or ref.name != "gatedb_expr":
                out.add(ref)
        return out

    def sql_of(self, element: Any) -> str | None:
        """The SQL text of execute()'s argument: a string, sa.text(), or a construct."""
        if isinstance(element, str):
            return element
        text = getattr(element, "text", None)
        if isinstance(text, str):  # sa.text(...)
            return text
        try:
            from sqlalchemy.dialects import mysql, postgresql, sqlite

            sa_dialect = {"postgres": postgresql, "sqlite": sqlite, "mysql": mysql}[self.sg_dialect].dialect()
            return str(element.compile(dialect=sa_dialect, compile_kwargs={"literal_binds": True}))
        except Exception:
            return None

    # ---------------------------------------------------------------- helpers

    def _index(self, f: Collector, index_name: object, table: str, columns: Iterable[Any], kw: dict) -> None:
        f.references.add(ObjectRef("table", table))
        if index_name:
            index = ObjectRef("index", self.name(index_name), table)
            f.creates.add(index)
            if kw.get("if_not_exists"):
                f.guarded.add(index)
        from sqlalchemy.sql.expression import ColumnClause

        for col in columns:
            if isinstance(col, str):
                if _PLAIN_NAME.fullmatch(col):
                    f.references.add(ObjectRef("column", self.name(col), table))
                else:  # an expression written as a string, e.g. "lower(email)"
                    f.references |= self.expression_refs(table, col)
            elif isinstance(col, ColumnClause):  # sa.Column / sa.column()
                f.references.add(ObjectRef("column", self.name(col.name), table))
            elif isinstance(getattr(col, "text", None), str):  # sa.text("lower(email)")
                f.references |= self.expression_refs(table, col.text)
        for key in ("postgresql_where", "sqlite_where"):
            where = kw.get(key)
            sql = where if isinstance(where, str) else getattr(where, "text", None)
            if isinstance(sql, str):
                f.references |= self.expression_refs(table, sql)

    def _column_facts(self, f: Collector, table: str, column: Any) -> None:
        """An sa.Column added to table: the column and its foreign keys."""
        name = self.name(column.name)
        f.creates.add(ObjectRef("column", name, table))
        keys = []
        for fk in getattr(column, "foreign_keys", ()):
            ref_table, ref_col = self.target(fk.target_fullname)
            f.references.add(ObjectRef("table", ref_table))
            f.references.add(ObjectRef("column", ref_col, ref_table))
            keys.append(ForeignKeyFact(table, (name,), ref_table, (ref_col,), self.constraint_name(fk.name)))
        f.foreign_keys += sorted(keys, key=_fk_order)

    def constraint_name(self, name: object) -> str | None:
        """A constraint's name as the database has it; None when none was given."""
        return self.name(name) if isinstance(name, str) and name else None

    def _table_foreign_keys(self, table: str, table_obj: Any) -> list[ForeignKeyFact]:
        """The foreign keys of an sa.Table (column-level sa.ForeignKey and table-level
        sa.ForeignKeyConstraint alike), in the order of their first column."""
        position = {column.key: i for i, column in enumerate(table_obj.columns)}
        found = []
        for constraint in table_obj.foreign_key_constraints:
            elements = list(constraint.elements)
            if not elements:
                continue
            targets = [self.target(fk.target_fullname) for fk in elements]
            columns = tuple(self.name(fk.parent.name) for fk in elements)
            first = position.get(elements[0].parent.key, len(position))
            found.append((first, ForeignKeyFact(table, columns, targets[0][0], tuple(c for _t, c in targets), self.constraint_name(constraint.name))))
        return [fk for _first, fk in sorted(found, key=lambda item: (item[0], _fk_order(item[1])))]

    def _alter(self, f: Collector, table: str) -> None:
        f.alters.add(ObjectRef("table", table))
        f.references.add(ObjectRef("table", table))

    # ---------------------------------------------------------------- Operations

    def f(self, name: str) -> str:
        """op.f(): a name already final under the naming convention."""
        return name

    def create_table(self, table_name: str, *columns: Any, **kw: Any) -> Any:
        import sqlalchemy as sa

        schema = kw.get("schema")
        table_obj = sa.Table(table_name, sa.MetaData(), *columns, schema=schema)
        table = self.table(table_name, schema)
        f = Collector()
        f.creates.add(ObjectRef("table", table))
        for column in table_obj.columns:
            f.creates.add(ObjectRef("column", self.name(column.name), table))
        for constraint in table_obj.constraints:
            if constraint.name:
                f.creates.add(ObjectRef("constraint", self.name(constraint.name), table))
        for fk in table_obj.foreign_keys:
            ref_table, ref_col = self.target(fk.target_fullname)
            f.references.add(ObjectRef("table", ref_table))
            f.references.add(ObjectRef("column", ref_col, ref_table))
        f.foreign_keys += self._table_foreign_keys(table, table_obj)
        for index in table_obj.indexes:  # Alembic's create_table creates these too
            if index.name:
                f.creates.add(ObjectRef("index", self.name(index.name), table))
        auto = table_obj.autoincrement_column
        if self.sg_dialect == "postgres" and auto is not None:
            f.creates.add(serial_sequence(table, self.name(auto.name)))  # a SERIAL / IDENTITY column
        if kw.get("if_not_exists"):
            f.guarded |= f.creates
        self.emit("op.create_table", _describe("op", "create_table", (table_name,), {}), f)
        return table_obj

    def drop_table(self, table_name: str, *, schema: str | None = None, **kw: Any) -> None:
        f = Collector()
        obj = ObjectRef("table", self.table(table_name, schema))
        f.drops.add(obj)
        if kw.get("if_exists"):
            f.guarded.add(obj)
        self.emit("op.drop_table", _describe("op", "drop_table", (table_name,), {}), f)

    def add_column(self, table_name: str, column: Any, *, schema: str | None = None, **kw: Any) -> None:
        table = self.table(table_name, schema)
        f = Collector()
        self._alter(f, table)
        self._column_facts(f, table, column)
        if kw.get("if_not_exists"):
            f.guarded.add(ObjectRef("column", self.name(column.name), table))
        self.emit("op.add_column", _describe("op", "add_column", (table_name, column.name), {}), f)

    def drop_column(self, table_name: str, column_name: str, *, schema: str | None = None, **kw: Any) -> None:
        table = self.table(table_name, schema)
        f = Collector()
        self._alter(f, table)
        obj = ObjectRef("column", self.name(column_name), table)
        f.drops.add(obj)
        if kw.get("if_exists"):
            f.guarded.add(obj)
        self.emit("op.drop_column", _describe("op", "drop_column", (table_name, column_name), {}), f)

    def alter_column(self, table_name: str, column_name: str, *, schema: str | None = None, **kw: Any) -> None:
        table = self.table(table_name, schema)
        self.emit("op.alter_column", _describe("op", "alter_column", (table_name, column_name), kw), self._alter_column(table, column_name, kw))

    def _alter_column(self, table: str, column_name: str, kw: dict) -> Collector:
        f = Collector()
        self._alter(f, table)
        column = ObjectRef("column", self.name(column_name), table)
        f.alters.add(column)
        f.references.add(column)
        new_name = kw.get("new_column_name")
        if new_name:
            f.renames.append((column, ObjectRef("column", self.name(new_name), table)))
        return f

    def rename_table(self, old_table_name: str, new_table_name: str, *, schema: str | None = None) -> None:
        old = ObjectRef("table", self.table(old_table_name, schema))
        f = Collector()
        self._alter(f, old.name)
        f.renames.append((old, ObjectRef("table", self.table(new_table_name, schema))))
        self.emit("op.rename_table", _describe("op", "rename_table", (old_table_name, new_table_name), {}), f)

    def create_index(self, index_name: str | None, table_name: str, columns: Any, *, schema: str | None = None, **kw: Any) -> None:
        f = Collector()
        self._index(f, index_name, self.table(table_name, schema), [columns] if isinstance(columns, str) else columns, kw)
        self.emit("op.create_index", _describe("op", "create_index", (index_name, table_name), {}), f)

    def drop_index(self, index_name: str, table_name: str | None = None, *, schema: str | None = None, **kw: Any) -> None:
        f = Collector()
        table = self.table(table_name, schema) if table_name else None
        obj = ObjectRef("index", self.name(index_name), table)
        f.drops.add(obj)
        if kw.get("if_exists"):
            f.guarded.add(obj)
        if table:
            f.references.add(ObjectRef("table", table))
        self.emit("op.drop_index", _describe("op", "drop_index", (index_name, table_name), {}), f)

    def create_foreign_key(
        self,
        constraint_name: str | None,
        source_table: str,
        referent_table: str,
        local_cols: list[str],
        remote_cols: list[str],
        *,
        source_schema: str | None = None,
        referent_schema: str | None = None,
        **kw: Any,
    ) -> None:
        f = self._foreign_key(constraint_name, self.table(source_table, source_schema), self.table(referent_table, referent_schema), local_cols, remote_cols)
        self.emit("op.create_foreign_key", _describe("op", "create_foreign_key", (constraint_name, source_table, referent_table), {}), f)

    def _foreign_key(self, name: str | None, table: str, referent: str, local_cols: Iterable[str], remote_cols: Iterable[str]) -> Collector:
        f = Collector()
        self._alter(f, table)
        if name:
            f.creates.add(ObjectRef("constraint", self.name(name), table))
        local_cols, remote_cols = list(local_cols), list(remote_cols)
        f.references |= {ObjectRef("column", self.name(c), table) for c in local_cols}
        f.references.add(ObjectRef("table", referent))
        f.references |= {ObjectRef("column", self.name(c), referent) for c in remote_cols}
        f.foreign_keys.append(
            ForeignKeyFact(table, tuple(self.name(c) for c in local_cols), referent, tuple(self.name(c) for c in remote_cols), self.constraint_name(name))
        )
        return f

    def _constraint(self, name: str | None, table: str, columns: Iterable[str] = (), condition: Any = None) -> Collector:
        f = Collector()
        self._alter(f, table)
        if name:
            f.creates.add(ObjectRef("constraint", self.name(name), table))
        f.references |= {ObjectRef("column", self.name(c), table) for c in columns}
        sql = condition if isinstance(condition, str) else getattr(condition, "text", None)
        if isinstance(sql, str):
            f.references |= self.expression_refs(table, sql)
        return f

    def create_unique_constraint(self, constraint_name: str | None, table_name: str, columns: list[str], *, schema: str | None = None, **kw: Any) -> None:
        f = self._constraint(constraint_name, self.table(table_name, schema), columns)
        self.emit("op.create_unique_constraint", _describe("op", "create_unique_constraint", (constraint_name, table_name), {}), f)

    def create_primary_key(self, constraint_name: str | None, table_name: str, columns: list[str], *, schema: str | None = None) -> None:
        f = self._constraint(constraint_name, self.table(table_name, schema), columns)
        self.emit("op.create_primary_key", _describe("op", "create_primary_key", (constraint_name, table_name), {}), f)

    def create_check_constraint(self, constraint_name: str | None, table_name: str, condition: Any, *, schema: str | None = None, **kw: Any) -> None:
        f = self._constraint(constraint_name, self.table(table_name, schema), condition=condition)
        self.emit("op.create_check_constraint", _describe("op", "create_check_constraint", (constraint_name, table_name), {}), f)

    def drop_constraint(self, constraint_name: str, table_name: str, type_: str | None = None, *, schema: str | None = None, **kw: Any) -> None:
        f = self._drop_constraint(constraint_name, self.table(table_name, schema), type_, kw)
        self.emit("op.drop_constraint", _describe("op", "drop_constraint", (constraint_name, table_name), {}), f)

    def _drop_constraint(self, name: str, table: str, type_: str | None, kw: dict) -> Collector:
        f = Collector()
        self._alter(f, table)
        obj = ObjectRef("constraint", self.name(name), table)
        f.drops.add(obj)
        if kw.get("if_exists"):
            f.guarded.add(obj)
        if type_ in (None, "foreignkey"):  # a foreign key, or of unknown type: maybe one
            f.dropped_foreign_keys.append(obj.name)
        return f

    def create_table_comment(self, table_name: str, comment: str | None, *, schema: str | None = None, **kw: Any) -> None:
        f = Collector()
        f.references.add(ObjectRef("table", self.table(table_name, schema)))
        self.emit("op.create_table_comment", _describe("op", "create_table_comment", (table_name,), {}), f)

    def drop_table_comment(self, table_name: str, *, schema: str | None = None, **kw: Any) -> None:
        f = Collector()
        f.references.add(ObjectRef("table", self.table(table_name, schema)))
        self.emit("op.drop_table_comment", _describe("op", "drop_table_comment", (table_name,), {}), f)

    def execute(self, sqltext: Any, *args: Any, **kw: Any) -> None:
        line = self.caller_line()
        sql = self.sql_of(sqltext)
        if sql is None:
            self.warn(line, f"op.execute(): could not render {type(sqltext).__name__} as SQL")
            return
        result = scan_sql(sql, self.dialect)
        # All of the SQL's statements sit at the line of the call.
        self.statements.extend(at_line(s, line) for s in result.statements)
        self.warnings.extend(ScanWarning(line, w.message) for w in result.warnings)

    def bulk_insert(self, table: Any, rows: Iterable[dict], *, multiinsert: bool = True) -> None:
        name = self.table(table.name, getattr(table, "schema", None))
        f = Collector()
        f.references.add(ObjectRef("table", name))
        for row in rows:
            f.references |= {ObjectRef("column", self.name(k), name) for k in row}
        self.emit("op.bulk_insert", _describe("op", "bulk_insert", (table.name,), {}), f)

    def batch_alter_table(self, table_name: str, schema: str | None = None, **kw: Any) -> "_Batch":
        return _Batch(self, table_name, self.table(table_name, schema))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)

        def unknown(*args: Any, **kwargs: Any) -> None:
            self.warn(self.caller_line(), f"op.{name}() is not supported by the static analysis; its effect is unknown")

        return unknown


class _Batch:
    """op.batch_alter_table(t): the same operations with the table implied.

    Every statement's kind is "op.batch_alter_table"; its text names the batch call.
    """

    KIND = "op.batch_alter_table"

    def __init__(self, rec: _Recorder, table_name: str, table: str) -> None:
        self._rec = rec
        self._table_name = table_name
        self._table = table

    def __enter__(self) -> "_Batch":
        return self

    def __exit__(self, *exc: object) -> bool:
        return False  # exceptions inside the block propagate

    def _emit(self, method: str, args: tuple, f: Collector) -> None:
        self._rec.emit(self.KIND, _describe(f"batch_alter_table({self._table_name!r})", method, args, {}), f)

    def add_column(self, column: Any, **kw: Any) -> None:
        f = Collector()
        self._rec._alter(f, self._table)
        self._rec._column_facts(f, self._table, column)
        self._emit("add_column", (column.name,), f)

    def drop_column(self, column_name: str, **kw: Any) -> None:
        f = Collector()
        self._rec._alter(f, self._table)
        f.drops.add(ObjectRef("column", self._rec.name(column_name), self._table))
        self._emit("drop_column", (column_name,), f)

    def alter_column(self, column_name: str, **kw: Any) -> None:
        self._emit("alter_column", (column_name,), self._rec._alter_column(self._table, column_name, kw))

    def create_index(self, index_name: str | None, columns: Any, **kw: Any) -> None:
        f = Collector()
        self._rec._index(f, index_name, self._table, [columns] if isinstance(columns, str) else columns, kw)
        self._emit("create_index", (index_name,), f)

    def drop_index(self, index_name: str, **kw: Any) -> None:
        f = Collector()
        f.drops.add(ObjectRef("index", self._rec.name(index_name), self._table))
        f.references.add(ObjectRef("table", self._table))
        self._emit("drop_index", (index_name,), f)

    def create_foreign_key(
        self, constraint_name: str | None, referent_table: str, local_cols: list[str], remote_cols: list[str], *, referent_schema: str | None = None, **kw: Any
    ) -> None:
        f = self._rec._foreign_key(constraint_name, self._table, self._rec.table(referent_table, referent_schema), local_cols, remote_cols)
        self._emit("create_foreign_key", (constraint_name, referent_table), f)

    def create_unique_constraint(self, constraint_name: str | None, columns: list[str], **kw: Any) -> None:
        self._emit("create_unique_constraint", (constraint_name,), self._rec._constraint(constraint_name, self._table, columns))

    def create_primary_key(self, constraint_name: str | None, columns: list[str]) -> None:
        self._emit("create_primary_key", (constraint_name,), self._rec._constraint(constraint_name, self._table, columns))

    def create_check_constraint(self, constraint_name: str | None, condition: Any, **kw: Any) -> None:
        self._emit("create_check_constraint", (constraint_name,), self._rec._constraint(constraint_name, self._table, condition=condition))

    def drop_constraint(self, constraint_name: str, type_: str | None = None, **kw: Any) -> None:
        self._emit("drop_constraint", (constraint_name,), self._rec._drop_constraint(constraint_name, self._table, type_, kw))

    def create_table_comment(self, comment: str | None, **kw: Any) -> None:
        f = Collector()
        f.references.add(ObjectRef("table", self._table))
        self._emit("create_table_comment", (), f)

    def execute(self, sqltext: Any, *args: Any, **kw: Any) -> None:
        self._rec.execute(sqltext, *args, **kw)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)

        def unknown(*args: Any, **kwargs: Any) -> None:
            self._rec.warn(self._rec.caller_line(), f"batch.{name}() is not supported by the static analysis; its effect is unknown")

        return unknown
