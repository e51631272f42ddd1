"""Alembic: a versions folder of `<revision>_<slug>.py` files chained by `down_revision`.

The files are read with `ast`, never imported: each revision's `upgrade()`/`downgrade()`
may hold only `op.<method>(...)` calls whose arguments are literals and `sa.` / `sqlalchemy.`
constructors (what autogenerate writes). Only then is each call evaluated, with no builtins,
against Alembic's offline `op`, which renders its SQL for the dialect without a database.
Anything else (loops, helpers, imports of the application) is refused with its line.
Versions are the chain's positions (0001, 0002, ...); alembic_version records the head."""

from __future__ import annotations

import ast
import io
from pathlib import Path
from typing import Any

from ..errors import MigrationFileError
from ..files.loader import read_text
from .source import SourceMigration

_SA_ROOTS = {"sa", "sqlalchemy", "postgresql", "mysql", "sqlite"}


def read(folder: Path, dialect: str) -> list[SourceMigration]:
    revisions: dict[str, tuple[str | None, Path, ast.Module, str]] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name == "__init__.py":
            continue
        shown = f"{folder.name}/{path.name}"
        text = read_text(path, shown)
        try:
            tree = ast.parse(text, filename=shown)
        except SyntaxError as exc:
            raise MigrationFileError(f"{shown}:{exc.lineno}: syntax error: {exc.msg}", "fix the file") from None
        values = _module_constants(tree)
        if "revision" not in values:
            raise MigrationFileError(f"{shown}: no `revision = \"...\"` line", "an Alembic revision file names its revision")
        down = values.get("down_revision")
        if isinstance(down, (tuple, list)):
            raise MigrationFileError(f"{shown}: a merge revision (down_revision is a tuple)", "split takes a linear history; linearise the branches first")
        revisions[str(values["revision"])] = (down, path, tree, text)
    children: dict[str | None, list[str]] = {}
    for rev, (down, path, _, _) in revisions.items():
        children.setdefault(down, []).append(rev)
    chain: list[str] = []
    current: str | None = None
    while children.get(current):
        nxt = children[current]
        if len(nxt) > 1:
            raise MigrationFileError(f"{folder.name}: revisions {', '.join(sorted(nxt))} share the parent {current}", "split takes a linear history; merge the branches first")
        current = nxt[0]
        chain.append(current)
    if len(chain) != len(revisions):
        lost = sorted(set(revisions) - set(chain))
        raise MigrationFileError(f"{folder.name}: revisions {', '.join(lost)} are not on the chain from the base", "fix their down_revision")
    out = []
    for i, rev in enumerate(chain, start=1):
        _, path, tree, text = revisions[rev]
        shown = f"{folder.name}/{path.name}"
        slug = path.stem.split("_", 1)[1] if "_" in path.stem else path.stem
        up = _render(tree, text, "upgrade", shown, dialect)
        down = _render(tree, text, "downgrade", shown, dialect)
        version = f"{i:04d}"
        out.append(SourceMigration(f"{version}_{slug}", version, slug, up, down or None, shown, (rev,)))
    return out


def _module_constants(tree: ast.Module) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) and node.value else []
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    found[target.id] = ast.literal_eval(node.value)  # type: ignore[arg-type]
                except ValueError:
                    pass
    return found


def _render(tree: ast.Module, text: str, function: str, shown: str, dialect: str) -> str:
    func = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function), None)
    if func is None:
        return ""
    calls = []
    for stmt in func.body:
        if isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
            continue  # pass, docstring, a `# ###` comment block's string
        if not (isinstance(stmt, ast.Expr) and _is_op_call(stmt.value)):
            raise MigrationFileError(
                f"{shown}:{stmt.lineno}: {function}() holds something other than op.<method>(...) calls",
                "split reads Alembic files without running them: write the SQL with op.execute, or move the logic out",
            )
        for node in ast.walk(stmt.value):
            if not _allowed(node):
                raise MigrationFileError(
                    f"{shown}:{getattr(node, 'lineno', stmt.lineno)}: {function}() uses {ast.unparse(node)[:60]!r}, not a literal or sa.* constructor",
                    "split reads Alembic files without running them: use literals and sa.* in op calls",
                )
        calls.append(stmt.value)
    return "".join(_offline_sql(call, shown, dialect) for call in calls)


def _is_op_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == "op"


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _allowed(node: ast.AST) -> bool:
    if isinstance(node, (ast.Constant, ast.List, ast.Tuple, ast.Dict, ast.keyword, ast.Load, ast.UnaryOp, ast.USub)):
        return True
    if isinstance(node, ast.Call):
        return _root_name(node.func) in _SA_ROOTS | {"op"}
    if isinstance(node, (ast.Attribute, ast.Name)):
        return _root_name(node) in _SA_ROOTS | {"op"}  # type: ignore[arg-type]
    return False


def _offline_sql(call: ast.Call, shown: str, dialect: str) -> str:
    import sqlalchemy
    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from sqlalchemy.dialects import mysql, postgresql, sqlite

    buffer = io.StringIO()
    context = MigrationContext.configure(dialect_name=dialect, opts={"as_sql": True, "output_buffer": buffer})
    names = {"op": Operations(context), "sa": sqlalchemy, "sqlalchemy": sqlalchemy, "postgresql": postgresql, "mysql": mysql, "sqlite": sqlite, "__builtins__": {}}
    try:
        eval(compile(ast.Expression(call), shown, "eval"), names)  # checked above: op calls over literals and sa.*
    except Exception as exc:
        raise MigrationFileError(f"{shown}:{call.lineno}: cannot render {ast.unparse(call.func)} offline: {exc}", "write the SQL with op.execute") from None
    return buffer.getvalue()
