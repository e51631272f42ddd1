"""The split itself: a flat history and rules in, units of migrations and a report out. Pure.

Each statement goes to the unit of the objects it touches: the tables by the rules, other
objects (views, functions, indexes, triggers, named constraints) to where the statement that
created them went. A statement touching several units goes to the smallest unit whose
closure holds them all, else to the bridge of their features. A foreign key from U's table
to V's table follows the placement rule (V in closure(U): U; U in closure(V): V; else the
bridge U+V); when it moves, the column stays and the constraint becomes its own statement.
Every migration keeps its source's version, so with every feature on gatedb's order is the
flat history's natural version order."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..core.features import FeatureTable
from ..core.model import CORE
from ..core.versions import version_key
from .constraints import TakenKey, add_constraint_sql, constraint_name, drop_constraint_sql, take_foreign_keys
from .rules import Rules, Usage
from .source import SourceMigration

Key = tuple[str, str, str]  # (kind, table or "", name) of a database object
_DOLLAR_BODY = re.compile(r"\$(\w*)\$(.*?)\$\1\$", re.DOTALL)
_BODY_TABLE = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:ONLY\s+)?(?:\w+\.)?\"?(\w+)\"?", re.IGNORECASE)


@dataclass(frozen=True)
class MovedKey:
    table: str
    columns: tuple[str, ...]
    ref_table: str
    name: str
    clause: str
    from_unit: str  # the unit of the table
    to_unit: str  # where the constraint went
    source: str
    why: str


@dataclass
class Piece:
    """One statement of a split migration and where it came from: statement `index` of the
    source's up (or down). role: "statement" (as written), "trimmed" (as written minus the
    foreign keys that moved) or "key" (a moved foreign key, made by split)."""

    text: str
    source: str
    index: int
    role: str = "statement"
    key: MovedKey | None = None


@dataclass
class SplitMigration:
    unit: str
    version: str
    stem: str  # the folder name: <version>_<name> (the source's own stem when unchanged)
    source: str  # the source's stem
    up: list[Piece] = field(default_factory=list)
    down: list[Piece] = field(default_factory=list)
    requires: set[tuple[str, str]] = field(default_factory=set)  # (unit, version)
    has_down: bool = False  # the source had a down migration (this unit's share may be empty)

    @property
    def id(self) -> str:
        return f"{self.unit}/{self.version}"

    @property
    def key(self) -> tuple[int, ...]:
        return version_key(self.version)


@dataclass
class Report:
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    from_name: list[dict[str, Any]] = field(default_factory=list)
    unused_rules: list[dict[str, str]] = field(default_factory=list)
    ambiguous: list[dict[str, Any]] = field(default_factory=list)
    moved: list[MovedKey] = field(default_factory=list)
    bridges: dict[str, list[str]] = field(default_factory=dict)
    not_placed: list[dict[str, Any]] = field(default_factory=list)
    impossible: list[dict[str, Any]] = field(default_factory=list)
    reordered: list[dict[str, Any]] = field(default_factory=list)
    renumbered: list[dict[str, str]] = field(default_factory=list)
    empty_sources: list[str] = field(default_factory=list)  # no statement up: nothing to split


@dataclass
class SplitResult:
    migrations: list[SplitMigration]  # in gatedb's order with every feature on
    features: FeatureTable
    units: list[str]  # core, features, bridges
    table_units: dict[str, str]
    sources: list[SourceMigration]
    versions: dict[str, str]  # source stem -> the version its split migrations carry
    dialect: str
    report: Report

    def of_source(self, stem: str) -> list[SplitMigration]:
        return [m for m in self.migrations if m.source == stem]


def unit_features(unit: str) -> frozenset[str]:
    return frozenset() if unit == CORE else frozenset(unit.split("+"))


class _Units:
    """Closures and the placement rule over a feature table."""

    def __init__(self, features: FeatureTable) -> None:
        self.features = features

    def closure_has(self, unit: str, other: str) -> bool:
        return unit_features(other) <= self.features.closure(unit_features(unit))

    def name(self, feats: Iterable[str]) -> str:
        feats = sorted(set(feats), key=self.features.position)
        return "+".join(feats) if feats else CORE

    def join(self, units: set[str]) -> str:
        """The smallest unit that is on whenever all of `units` are, with all of them in its closure."""
        units = {u for u in units if u != CORE}
        if not units:
            return CORE
        tops = {u for u in units if not any(v != u and self.closure_has(v, u) for v in units)}
        if len(tops) == 1:
            return next(iter(tops))
        return self.name(f for u in tops for f in unit_features(u))

    def place(self, u: str, v: str) -> tuple[str, str]:
        if self.closure_has(u, v):
            return u, "own" if u == v else f"{v} is in {u}'s closure"
        if self.closure_has(v, u):
            return v, f"{u} is in {v}'s closure: the constraint moves to {v}"
        owner = self.join({u, v})
        return owner, f"neither of {u} and {v} implies the other: bridge {owner}"


def feature_from_name(name: str, known: set[str], declared: bool) -> str | None:
    words = [w for w in name.replace("_", "-").split("-") if w]
    for candidate in [name, *reversed(words)]:
        if candidate in known:
            return candidate
    if not declared and words:
        return words[-1]
    return None


def unique_versions(sources: list[SourceMigration], report: Report) -> dict[str, str]:
    """Each source's version, made unique: a later source with a version already taken gets
    `<version>-<n>`, which sorts right after it."""
    taken: set[tuple[int, ...]] = set()
    out = {}
    for src in sources:
        version, n = src.version, 0
        while version_key(version) in taken:
            n += 1
            version = f"{src.version}-{n}"
        if version != src.version:
            report.renumbered.append({"source": src.stem, "version": version, "why": f"another migration has version {src.version}"})
        taken.add(version_key(version))
        out[src.stem] = version
    return out


def split(sources: list[SourceMigration], rules: Rules, dialect: str) -> SplitResult:
    from ..analysis.sql import scan_sql

    report = Report()
    versions = unique_versions(sources, report)
    ups = {s.stem: scan_sql(s.up, dialect) for s in sources}
    downs = {s.stem: scan_sql(s.down, dialect) if s.down else None for s in sources}
    table_units, from_names = _assign_tables(sources, ups, rules, report)
    features = rules.feature_table(sorted(set(from_names) - rules.known_features()))
    units = _Units(features)
    splitter = _Splitter(sources, versions, table_units, units, dialect, report)
    splitter.pins = _view_pins(sources, ups, rules)
    for src in sources:
        splitter.route_up(src, ups[src.stem])
        if not ups[src.stem].statements:
            report.empty_sources.append(src.stem)
    for src in sources:
        splitter.route_down(src, downs[src.stem])
    _suggest(report, ups, table_units)
    rank = {CORE: 0, **{f: i + 1 for i, f in enumerate(features.names)}}
    ordered = sorted(splitter.migrations.values(), key=lambda m: (m.key, m.unit.count("+"), max((rank[f] for f in unit_features(m.unit)), default=0), m.unit))
    all_units = [CORE] + [f for f in features.names if f in table_units.values() or any(m.unit == f for m in ordered)]
    all_units += sorted({m.unit for m in ordered if "+" in m.unit})
    return SplitResult(ordered, features, all_units, table_units, sources, versions, dialect, report)


def _assign_tables(sources, ups, rules: Rules, report: Report) -> tuple[dict[str, str], list[str]]:  # type: ignore[no-untyped-def]
    usage = Usage()
    known = rules.known_features()
    table_units: dict[str, str] = {}
    from_names: list[str] = []
    for src in sources:
        for st in ups[src.stem].statements:
            for obj in sorted(st.creates):
                if obj.kind == "view":
                    usage.used.update(rules.matches(obj.name))
                if obj.kind != "table" or obj.name in table_units:
                    continue
                matches = rules.matches(obj.name)
                usage.used.update(matches)
                if matches:
                    unit = matches[0][0]
                    others = sorted({f for f, _ in matches} - {unit})
                    if others:
                        report.ambiguous.append({"table": obj.name, "features": [unit, *others], "chosen": unit, "patterns": [p for _, p in matches]})
                elif rules.feature_from_name and (named := feature_from_name(src.name, known, rules.implications is not None)):
                    unit = named
                    from_names.append(named)
                    report.from_name.append({"table": obj.name, "feature": named, "source": src.stem})
                else:
                    unit = CORE
                    report.unmatched.append({"table": obj.name, "placed": CORE, "source": src.stem, "suggested": None})
                table_units[obj.name] = unit
    report.unused_rules = [{"feature": f, "pattern": p} for f, p in usage.unused(rules)]
    return table_units, from_names


def _view_pins(sources, ups, rules: Rules) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Views the rules name: their unit is the rule's, like a table's."""
    pins = {}
    for src in sources:
        for st in ups[src.stem].statements:
            for obj in st.creates:
                if obj.kind == "view" and (matches := rules.matches(obj.name)):
                    pins.setdefault(obj.name, matches[0][0])
    return pins


def _suggest(report: Report, ups, table_units: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    neighbours: dict[str, Counter[str]] = {}
    for result in ups.values():
        for st in result.statements:
            for fk in st.foreign_keys:
                for a, b in ((fk.table, fk.ref_table), (fk.ref_table, fk.table)):
                    unit = table_units.get(b)
                    if unit and unit != CORE and a != b:
                        neighbours.setdefault(a, Counter())[unit] += 1
    for item in report.unmatched:
        counts = neighbours.get(item["table"])
        if counts:
            item["suggested"] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


class _Splitter:
    def __init__(self, sources, versions, table_units, units: _Units, dialect: str, report: Report) -> None:  # type: ignore[no-untyped-def]
        self.sources = {s.stem: s for s in sources}
        self.versions = versions
        self.table_units = table_units
        self.units = units
        self.dialect = dialect
        self.report = report
        self.migrations: dict[tuple[str, str], SplitMigration] = {}
        self.created: dict[Key, tuple[str, str]] = {}  # object -> (unit, source stem) that created it
        self.keys_of: dict[str, list[MovedKey]] = {}  # source stem -> keys moved out of its statements
        self.pins: dict[str, str] = {}  # view -> unit, where the rules name it

    # -- where things live ------------------------------------------------------------------
    def vkey(self, stem: str) -> tuple[int, ...]:
        return version_key(self.versions[stem])

    def migration(self, unit: str, stem: str) -> SplitMigration:
        found = self.migrations.get((unit, stem))
        if found is None:
            src = self.sources[stem]
            version = self.versions[stem]
            folder = src.stem if version == src.version else f"{version}_{src.name}".rstrip("_")
            found = self.migrations[(unit, stem)] = SplitMigration(unit, version, folder, stem)
        return found

    @staticmethod
    def key_of(obj) -> Key:  # type: ignore[no-untyped-def]
        if obj.kind in ("column",):
            return (obj.kind, obj.table or "", obj.name)
        return (obj.kind, "", obj.name)

    def unit_of(self, obj) -> str | None:  # type: ignore[no-untyped-def]
        if obj.kind == "table":
            return self.table_units.get(obj.name) or self._made(obj)
        if obj.kind in ("index", "constraint", "trigger"):
            return self._made(obj) or (self.table_units.get(obj.table) if obj.table else None)
        if obj.kind == "column":
            return self._made(obj) or self.table_units.get(obj.table or "")
        return self._made(obj)

    def _made(self, obj) -> str | None:  # type: ignore[no-untyped-def]
        found = self.created.get(self.key_of(obj))
        return found[0] if found else None

    # -- up ---------------------------------------------------------------------------------
    def route_up(self, src: SourceMigration, result) -> None:  # type: ignore[no-untyped-def]
        warned = {w.line: w.message for w in result.warnings}
        pending: list = []
        for index, st in enumerate(result.statements):
            text, role, moved = st.text, "statement", []
            skip: set[str] = set()
            pinned = next((self.table_units[o.name] for o in st.creates if o.kind == "table" and o.name in self.table_units), None)
            pinned = pinned or next((self.pins[o.name] for o in st.creates if o.kind == "view" and o.name in self.pins), None)
            whole_key = None
            for fk in st.foreign_keys:
                u, v = self.table_units.get(fk.table), self.table_units.get(fk.ref_table)
                if u is None or v is None or self.units.closure_has(u, v):
                    continue
                owner, why = self.units.place(u, v)
                if st.kind == "ALTER TABLE" and all(o.kind == "constraint" for o in st.creates) and len(st.foreign_keys) == 1:
                    name = constraint_name(fk.table, fk.columns, fk.name)
                    whole_key = MovedKey(fk.table, fk.columns, fk.ref_table, name, "", u, owner, src.stem, why)
                    continue
                moved.append((fk, u, owner, why))
                skip.add(fk.ref_table)
            if moved:
                wanted = {(tuple(fk.columns), fk.ref_table) for fk, *_ in moved}
                taken = take_foreign_keys(text, wanted)
                if taken is None:
                    self.report.not_placed.append({
                        "source": src.stem, "line": st.line, "statement": _short(text),
                        "why": "its foreign keys to " + ", ".join(sorted(wanted_t for _, wanted_t in wanted)) + " could not be taken out of the text; left in place (gatedb check will name the unit it needs)",
                    })
                    moved, skip = [], set()
                else:
                    text, keys = taken
                    role = "trimmed"
                    by_key = {(k.columns, k.ref_table): k for k in keys}
                    moved = [(fk, u, owner, why, by_key[(tuple(fk.columns), fk.ref_table)]) for fk, u, owner, why in moved]
            touched = self.touched(st, skip) + self.routine_tables(st)
            target = self.units.join({u for u, _ in touched} | ({pinned} if pinned else set()))
            if whole_key is not None:
                target = whole_key.to_unit
                self.report.moved.append(whole_key)
            if pinned and target != pinned:
                self.impossible(src, st, pinned, target, touched)
                target = pinned
            if st.line in warned and not touched:
                self.report.not_placed.append({"source": src.stem, "line": st.line, "statement": _short(text), "why": f"not understood ({warned[st.line]}); placed in {target}"})
            home = self.home(src, st, target, touched, text)
            home.up.append(Piece(text, src.stem, index, role))
            self.requires(home, touched)
            for obj in st.creates:
                self.created.setdefault(self.key_of(obj), (target, home.source))
            if whole_key is not None:
                self.created[("constraint", "", whole_key.name)] = (target, home.source)
            pending += [(index, fk, u, owner, why, taken_key) for fk, u, owner, why, taken_key in moved]
            if "+" in target:
                self.note_bridge(target, f"{src.stem}: {_short(text, 60)}")
        for index, fk, u, owner, why, taken_key in pending:  # after the source's tables exist
            self.move_key(src, index, fk, u, owner, why, taken_key)

    def touched(self, st, skip: set[str]) -> list[tuple[str, Key]]:  # type: ignore[no-untyped-def]
        out = []
        for obj in st.creates | st.alters | st.drops | st.references:
            if (obj.kind == "table" and obj.name in skip) or (obj.kind == "column" and obj.table in skip):
                continue
            if obj in st.creates:
                if obj.kind == "table":
                    continue
                if obj.kind in ("index", "trigger", "column", "constraint") and obj.table:
                    unit = self.table_units.get(obj.table) or self._made(type(obj)("table", obj.table))
                    if unit:
                        out.append((unit, ("table", "", obj.table)))
                continue
            unit = self.unit_of(obj)
            if unit is not None:
                out.append((unit, self.key_of(obj)))
        return out

    def routine_tables(self, st) -> list[tuple[str, Key]]:  # type: ignore[no-untyped-def]
        """Tables a function or procedure body names (the scanner leaves bodies opaque): a
        function over two features' tables belongs to their bridge."""
        if not any(o.kind == "function" for o in st.creates):
            return []
        body = " ".join(b for _, b in _DOLLAR_BODY.findall(st.text)) or st.text
        named = {m.lower() for m in _BODY_TABLE.findall(body)}
        return [(self.table_units[t], ("table", "", t)) for t in sorted(named) if t in self.table_units]

    def home(self, src, st, target: str, touched, text: str) -> SplitMigration:  # type: ignore[no-untyped-def]
        """The migration of `target` for this source, or for the later source that creates
        something the statement needs (when the old tool ran them in another order)."""
        stem = src.stem
        for _, key in touched:
            made = self.created.get(key) or (self.created.get(("table", "", key[1])) if key[0] == "column" else None)
            if made and self.vkey(made[1]) > self.vkey(stem):
                stem = made[1]
        if stem != src.stem:
            self.report.reordered.append({
                "source": src.stem, "line": st.line, "statement": _short(text), "to": f"{target}/{self.versions[stem]}",
                "why": f"it needs what {stem} creates, and {self.versions[stem]} sorts after {self.versions[src.stem]}",
            })
        return self.migration(target, stem)

    def requires(self, home: SplitMigration, touched) -> None:  # type: ignore[no-untyped-def]
        for _, key in touched:
            made = self.created.get(key)
            if made is None and key[0] == "column":
                made = self.created.get(("table", "", key[1]))
            if made and made[0] != home.unit and self.units.closure_has(home.unit, made[0]):
                home.requires.add((made[0], self.versions[made[1]]))

    def move_key(self, src, index: int, fk, u: str, owner: str, why: str, taken: TakenKey) -> None:  # type: ignore[no-untyped-def]
        name = constraint_name(fk.table, tuple(fk.columns), taken.name)
        key = MovedKey(fk.table, tuple(fk.columns), fk.ref_table, name, taken.clause, u, owner, src.stem, why)
        stem = max((self.created.get(("table", "", t), (None, src.stem))[1] for t in (fk.table, fk.ref_table)), key=self.vkey)
        stem = stem if self.vkey(stem) > self.vkey(src.stem) else src.stem
        home = self.migration(owner, stem)
        home.up.append(Piece(add_constraint_sql(fk.table, taken, name, self.dialect), src.stem, index, "key", key))
        self.requires(home, [(u, ("table", "", fk.table)), (self.table_units[fk.ref_table], ("table", "", fk.ref_table))])
        self.created[("constraint", "", name)] = (owner, stem)
        self.keys_of.setdefault(stem, []).append(key)
        self.report.moved.append(key)
        if "+" in owner:
            self.note_bridge(owner, f"{fk.table}.{', '.join(fk.columns)} -> {fk.ref_table}: {why}")

    def note_bridge(self, unit: str, why: str) -> None:
        self.report.bridges.setdefault(unit, []).append(why)

    def impossible(self, src, st, pinned: str, target: str, touched) -> None:  # type: ignore[no-untyped-def]
        needs = sorted({u for u, _ in touched if not self.units.closure_has(pinned, u)})
        objects = sorted({k[2] if k[0] != "column" else k[1] for u, k in touched if u in needs})
        made = sorted(o.name for o in st.creates if o.kind in ("table", "view"))
        fixes = []
        for unit in needs:
            if pinned == CORE:
                fixes.append(f'put {", ".join(made) or "the object"} in {unit}\'s rule list ({unit} = [..., "{(made or ["name"])[0]}"])')
            else:
                fixes.append(f'add "{unit}" to {pinned} in [features] ({pinned} = [..., "{unit}"])' if "+" not in unit else f"let {pinned} imply the features of {unit}")
        self.report.impossible.append({
            "source": src.stem, "line": st.line, "statement": _short(st.text), "unit": pinned, "needs": needs, "objects": objects,
            "why": f"the rules put it in {pinned}, but it needs {', '.join(objects)} of {', '.join(needs)}, which {pinned}'s closure lacks",
            "fix": fixes,
        })

    # -- down -------------------------------------------------------------------------------
    def route_down(self, src: SourceMigration, result) -> None:  # type: ignore[no-untyped-def]
        for key in reversed(self.keys_of.get(src.stem, [])):  # undo the moved keys first
            home = self.migration(key.to_unit, src.stem)
            home.down.append(Piece(drop_constraint_sql(key.table, key.name, self.dialect), key.source, -1, "key", key))
        if result is None:
            return
        for m in self.migrations.values():  # the source was reversible: so is each share of it
            if m.source == src.stem or any(p.source == src.stem for p in m.up):
                m.has_down = True
        for index, st in enumerate(result.statements):
            touched = self.touched(st, set())
            target = self.units.join({u for u, _ in touched})
            dropped_tables = [self.table_units[o.name] for o in st.drops if o.kind == "table" and o.name in self.table_units]
            if dropped_tables:
                target = dropped_tables[0]
            home = self.down_home(target, src.stem)
            home.has_down = True
            piece = Piece(st.text, src.stem, index)
            if home.source == src.stem:
                home.down.append(piece)
            else:  # its up part moved after a later creation: undo it before that
                home.down.insert(0, piece)

    def down_home(self, unit: str, stem: str) -> SplitMigration:
        """Where the up part of this source went in this unit (moved or not)."""
        own = self.migrations.get((unit, stem))
        if own is not None and own.up:
            return own
        moved = [m for m in self.migrations.values() if m.unit == unit and any(p.source == stem for p in m.up)]
        return moved[0] if moved else self.migration(unit, stem)


def _short(text: str, limit: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."
