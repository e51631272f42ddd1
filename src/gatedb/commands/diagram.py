"""`gatedb graph`: features, units, bridges and cross-unit dependencies as Mermaid,
Graphviz DOT or SVG (when `dot` is installed); and the HTML page of `check --html`."""

from __future__ import annotations

import html
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..core.model import Project


@dataclass(frozen=True)
class UnitGraph:
    features: tuple[str, ...]
    implies: tuple[tuple[str, str], ...]  # feature -> implied feature
    units: tuple[str, ...]
    owns: tuple[tuple[str, str], ...]  # feature -> its unit or a bridge it joins
    depends: tuple[tuple[str, str, str], ...]  # unit -> unit it depends on, and why


def build(project: Project, dialect: str | None = None) -> UnitGraph:
    """The graph; with a dialect, cross-unit dependencies found by analysis are added."""
    features = project.features
    implies = tuple((f, g) for f in features.names for g in features.implies[f])
    owns = tuple((f, u.name) for u in project.units for f in sorted(u.features, key=features.position))
    depends: dict[tuple[str, str], str] = {}
    for migration in project.migrations:
        for wanted in migration.requires:
            if wanted.unit != migration.id.unit:
                depends.setdefault((migration.id.unit, wanted.unit), f"{migration.id} requires {wanted}")
    if dialect is not None:
        for (a, b), why in inferred_dependencies(project, dialect):
            depends.setdefault((a, b), why)
    return UnitGraph(features.names, implies, tuple(u.name for u in project.units), owns, tuple((a, b, w) for (a, b), w in sorted(depends.items())))


def inferred_dependencies(project: Project, dialect: str) -> Iterable[tuple[tuple[str, str], str]]:
    """unit -> unit edges where a migration references what another unit's migration creates."""
    from ..analysis.facts import facts_for

    facts = facts_for(project, dialect)
    creator: dict[tuple[str, str, str | None], str] = {}
    for migration in project.migrations:
        result = facts.up.get(migration.id)
        for obj in result.creates if result else ():
            creator.setdefault((obj.kind, obj.name, obj.table), migration.id.unit)
    for migration in project.migrations:
        result = facts.up.get(migration.id)
        for obj in (result.references | result.alters) if result else ():
            owner = creator.get((obj.kind, obj.name, obj.table))
            if owner and owner != migration.id.unit:
                yield (migration.id.unit, owner), f"{migration.id} uses {obj}"


def _node(name: str) -> str:
    return "n_" + "".join(c if c.isalnum() else "_" for c in name)


def to_mermaid(g: UnitGraph) -> str:
    lines = ["flowchart LR"]
    for f in g.features:
        lines.append(f'  {_node("f:" + f)}(["{f}"])')
    for u in g.units:
        shape = f'{{{{"{u}"}}}}' if "+" in u else f'["{u}"]'
        lines.append(f"  {_node('u:' + u)}{shape}")
    for a, b in g.implies:
        lines.append(f"  {_node('f:' + a)} -. implies .-> {_node('f:' + b)}")
    for f, u in g.owns:
        lines.append(f"  {_node('f:' + f)} --- {_node('u:' + u)}")
    for a, b, _why in g.depends:
        lines.append(f"  {_node('u:' + a)} ==> {_node('u:' + b)}")
    return "\n".join(lines) + "\n"


def to_dot(g: UnitGraph) -> str:
    lines = ["digraph gatedb {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    for f in g.features:
        lines.append(f'  "{_node("f:" + f)}" [label="{f}", shape=ellipse, style=dashed];')
    for u in g.units:
        shape = "hexagon" if "+" in u else "box"
        lines.append(f'  "{_node("u:" + u)}" [label="{u}", shape={shape}, style=bold];')
    for a, b in g.implies:
        lines.append(f'  "{_node("f:" + a)}" -> "{_node("f:" + b)}" [style=dotted, label="implies"];')
    for f, u in g.owns:
        lines.append(f'  "{_node("f:" + f)}" -> "{_node("u:" + u)}" [arrowhead=none, color=gray];')
    for a, b, why in g.depends:
        lines.append(f'  "{_node("u:" + a)}" -> "{_node("u:" + b)}" [penwidth=2, tooltip="{why}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_svg(g: UnitGraph) -> str | None:
    """SVG rendered by Graphviz, or None when `dot` is not installed."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    done = subprocess.run([dot, "-Tsvg"], input=to_dot(g), capture_output=True, text=True, timeout=120)
    return done.stdout if done.returncode == 0 else None


def write_html(path: str, project: Project | None, diagnostics: Sequence[object]) -> None:
    """One self-contained page: the diagnostics table and the unit graph."""
    rows = "\n".join(
        f"<tr class='{d.level}'><td>{html.escape(d.id)}</td><td>{d.level}</td><td>{html.escape(d.location)}</td>"  # type: ignore[attr-defined]
        f"<td>{html.escape(d.message)}<br><small>{html.escape(d.hint)}</small></td></tr>"  # type: ignore[attr-defined]
        for d in diagnostics
    )
    picture = ""
    if project is not None:
        g = build(project)
        svg = to_svg(g)
        picture = svg if svg else f"<p>Install Graphviz for a picture; the graph as DOT:</p><pre>{html.escape(to_dot(g))}</pre>"
    title = html.escape(Path(project.root).name if project else "gatedb check")
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gatedb check: {title}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}}
tr.error td:nth-child(2){{color:#b00;font-weight:bold}}tr.warning td:nth-child(2){{color:#a60}}small{{color:#555}}</style></head>
<body><h1>gatedb check: {title}</h1>
<p>{sum(1 for d in diagnostics if getattr(d, 'level', '') == 'error')} error(s), {sum(1 for d in diagnostics if getattr(d, 'level', '') == 'warning')} warning(s)</p>
<table><tr><th>id</th><th>level</th><th>where</th><th>finding</th></tr>
{rows or "<tr><td colspan=4>no findings: every feature set works</td></tr>"}
</table>
<h2>Features, units and dependencies</h2>
{picture}
</body></html>
"""
    Path(path).write_text(page, encoding="utf-8")
