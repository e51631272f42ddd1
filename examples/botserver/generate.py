#!/usr/bin/env python3
"""Generate the botserver example: the motivating chatbot server's schema as gatedb units.

    python examples/botserver/generate.py [PATH_TO_SHARED_BOTSERVER]

PATH defaults to ../../../shared/botserver relative to this file. The script reads the facts
there (schema.json: 295 tables, 335 foreign keys, the 47-migration history; features.json:
the server's build features) and rewrites, deterministically (run it twice, get the same
bytes), everything else in this folder:

    gatedb.toml            the [features] table of features.json, in its order
    migrations/<unit>/...  core, one folder per feature that owns tables, bridges a+b
    expected.json          per unit: tables it creates, foreign keys it owns (the tests' oracle)
    README.md              what was generated and why

How the facts become units and migrations (each rule is a constant below, with its reason):

1. Unit of a table: its `feature` from the facts, except that a table whose feature comes
   only from the migration that created it (`feature_from == "creating-migration"`, mostly
   tables the server's big first migration put in core) moves to the feature its name points
   at, by MOVE_RULES. The plan's own mapping (`feature_from == "plan-mapping"`) is never
   overridden: users, bots, sessions, organizations, rbac_*, kb_*, ... stay core.
2. Migrations: each server migration that created tables becomes, in every unit that owns
   some of those tables, a migration of the same name (`migrations/mail/6.0.0-01-core/` is
   the part of the server's 6.0.0-01-core that belongs to mail). Columns the server added
   later (LATER_COLUMNS) and indexes it added later (LATER_INDEXES) get migrations of their
   own in the unit that owns the table, at the server's version where that keeps the table's
   creation first.
3. Foreign keys, by the placement rule of DESIGN.md, from a table of unit U to one of V:
   V in U's closure -> U owns it; U in V's closure -> V owns it (the column stays in U's
   table, only the constraint moves); otherwise -> the bridge U+V. A constraint is written
   inline in CREATE TABLE when its target exists at that point; constraints that close a
   cycle inside one migration are added after the tables (ALTER on PostgreSQL/MySQL; SQLite
   accepts the forward reference inline); constraints on a table that already exists (moved
   constraints, bridges) are Python migrations using batch_alter_table, which rebuilds the
   table on SQLite and is a plain ALTER elsewhere.
4. SQL per dialect: SQLAlchemy Core tables compiled with each dialect (up.postgresql.sql,
   up.sqlite.sql, up.mysql.sql); down.sql when the same text serves every dialect.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import textwrap
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.schema import AddConstraint, CreateColumn, CreateIndex, CreateTable, DropConstraint

HERE = Path(__file__).resolve().parent
DEFAULT_FACTS = HERE / ".." / ".." / ".." / "shared" / "botserver"
DIALECT_NAMES = ("postgresql", "sqlite", "mysql")
DIALECTS = {"postgresql": postgresql.dialect(), "sqlite": sqlite.dialect(), "mysql": mysql.dialect()}
MAX_NAME = 63  # PostgreSQL truncates identifiers at 63 bytes; MySQL allows 64
CORE = "core"

# ---------------------------------------------------------------------------------------------
# Rule 1: tables that sit in a unit only because of the migration that created them move to the
# feature their name points at. First match wins. ("prefix", p) matches names starting with p;
# ("name", n) matches that one table. Only tables with feature_from == "creating-migration".
MOVE_RULES: tuple[tuple[str, str, str, str], ...] = (
    ("prefix", "llm_", "llm", "LLM budgets, metrics and traces belong to the llm feature"),
    ("prefix", "designer_", "designer", "the dialog designer's change log belongs to designer"),
    ("prefix", "task_", "tasks", "task approvals and decisions belong to the tasks app"),
    ("prefix", "user_email_", "mail", "a user's mail accounts belong to mail"),
    ("name", "emails", "mail", "the mail app's messages (every email_* table points at it)"),
    ("prefix", "whatsapp_", "whatsapp", "WhatsApp numbers and business accounts belong to whatsapp"),
    ("prefix", "directory_", "directory", "the user directory belongs to the directory feature"),
    ("name", "website_crawls", "crawler", "website crawl schedules belong to the crawler"),
)

# Rule 2: columns the server added after creating the table, as (migration stem in the table's
# unit, table, first column added, last column added or None for "to the end", why). Column
# order in the live database shows them: ALTER TABLE ADD COLUMN appends.
LATER_COLUMNS: tuple[tuple[str, str, str, str | None, str], ...] = (
    (
        "6.0.10-02-products-columns", "products", "tax_code", None,
        "the server's core migrations 6.0.2/6.0.3 added these fiscal and catalogue columns to "
        "products, which billing creates in 6.0.10 (they ran only because 6.0.10 sorts before "
        "6.0.2 as text); here billing owns them, right after it creates the table",
    ),
    (
        "6.2.1-00-refresh-policy", "website_crawls", "refresh_policy", None,
        "the server's 6.2.1-00-refresh-policy: crawls get a refresh policy (crawler owns the table)",
    ),
    (
        "6.2.2-01-fix-database-name", "bots", "database_name", "database_name",
        "the server's 6.2.2-01-fix-database-name: each bot records its database name",
    ),
    (
        "6.2.7-add-bots-slug", "bots", "slug", "slug",
        "the server's 6.2.7-add-bots-slug: bots get a unique slug",
    ),
    (
        "6.3.0-01-kb-fail-state", "kb_documents", "fail_count", "last_failed_at",
        "the server's 6.3.0-01-kb-fail-state: documents that fail to index are counted and "
        "retried (a partial index on PostgreSQL and SQLite finds them); added columns go to the end "
        "of the table, where the facts have them in the middle",
    ),
)
# Partial indexes that come with a LATER_COLUMNS migration: (table, columns, WHERE clause).
PARTIAL_INDEXES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("kb_documents", ("bot_id", "last_failed_at"), "fail_count > 0"),
)

# Indexes the server created after the tables: (migration stem, unit, table prefix, why).
LATER_INDEXES: tuple[tuple[str, str, str, str], ...] = (
    (
        "6.1.4-01-llm", "llm", "llm_",
        "the server's 6.1.4-01-llm created no tables; here it indexes the llm_* tables that "
        "6.0.0-01-core created",
    ),
)

# Secondary indexes: the facts give each table's index count (primary key and unique
# constraints included), not the columns. The generator indexes, in this order of preference,
# the foreign-key columns, these names, other *_id columns, timestamps, then the other columns
# in table order, until the count is reached. Never JSON, arrays, bytea or long text.
INDEX_NAMES = (
    "bot_id", "org_id", "organization_id", "tenant_id", "user_id", "session_id", "account_id",
    "owner_id", "status", "email", "slug", "created_at", "updated_at",
)
UNINDEXABLE = {"jsonb", "_text", "_uuid", "bytea"}
LONG_TEXT = re.compile(r"(content|body|description|payload|message|text|html|notes?|summary|error)")

# Neutral defaults where the facts record "has a default" but not its value.
TRUE_BOOLEANS = re.compile(r"^(is_active|enabled|is_enabled|is_visible|active|sync_enabled|allow_.*)$")
TEXT_DEFAULTS = {"status": "active", "currency": "USD", "timezone": "UTC", "language": "en", "role": "member"}
ORG_DEFAULT = "00000000-0000-0000-0000-000000000000"


# ---------------------------------------------------------------------------------------------
# Facts and features


@dataclass
class Facts:
    tables: dict[str, dict]
    history: list[str]  # the server's migration stems, as it applied them (text order)
    features: dict[str, list[str]]  # feature -> implied features, features.json order
    default: list[str]


def load_facts(folder: Path) -> Facts:
    schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))
    feats = json.loads((folder / "features.json").read_text(encoding="utf-8"))["features"]
    default = list(feats.get("default", []))
    features = {k: list(v) for k, v in feats.items() if k != "default"}
    return Facts({t["name"]: t for t in schema["tables"]}, list(schema["migration_order"]), features, default)


def closure(features: dict[str, list[str]], names: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(features.get(name, ()))
    return seen


def split_stem(stem: str) -> tuple[str, str]:
    match = re.match(r"^(\d+(?:[.\-]\d+)*)(?:[_\-](.*))?$", stem)
    assert match, stem
    return match.group(1), match.group(2) or ""


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.split(r"[.\-]", version) if p)


def stem_key(stem: str) -> tuple[int, ...]:
    return version_key(split_stem(stem)[0])


def short(name: str) -> str:
    """An identifier of at most 63 characters: long names keep a prefix and a hash."""
    if len(name) <= MAX_NAME:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    return f"{name[: MAX_NAME - 9]}_{digest}"


# ---------------------------------------------------------------------------------------------
# The model the generator builds before writing anything


@dataclass
class FK:
    table: str
    columns: list[str]
    ref_table: str
    ref_columns: list[str]
    on_delete: str
    owner: str = ""  # the unit that owns the constraint
    placement: str = ""  # inline | cycle | later | moved | bridge
    rule: str = ""  # why the owner owns it

    @property
    def name(self) -> str:
        return short(f"fk_{self.table}_{'_'.join(self.columns)}")

    @property
    def ondelete_sql(self) -> str | None:
        return {"cascade": "CASCADE", "set null": "SET NULL", "no action": None}[self.on_delete]


@dataclass
class Index:
    table: str
    columns: tuple[str, ...]
    unique: bool = False
    where: str | None = None

    @property
    def name(self) -> str:
        return short(f"{'uq' if self.unique else 'ix'}_{self.table}_{'_'.join(self.columns)}")


@dataclass
class UnitMigration:
    unit: str
    stem: str
    about: str
    creates: list[str] = field(default_factory=list)  # tables, in creation order
    add_columns: list[tuple[str, list[str]]] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)  # created here (not with a table)
    table_indexes: list[Index] = field(default_factory=list)  # created with this migration's tables
    inline: dict[str, list[FK]] = field(default_factory=dict)  # table -> FKs inside CREATE TABLE
    cycle: list[FK] = field(default_factory=list)  # added after this migration's tables
    constraints: list[FK] = field(default_factory=list)  # Python migration: on existing tables
    requires: set[tuple[str, str]] = field(default_factory=set)  # (unit, stem)

    @property
    def version(self) -> str:
        return split_stem(self.stem)[0]

    @property
    def key(self) -> tuple[int, ...]:
        return version_key(self.version)

    @property
    def is_python(self) -> bool:
        return bool(self.constraints)

    @property
    def id(self) -> str:
        return f"{self.unit}/{self.version}"


class Example:
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.tables = facts.tables
        self.unit_of: dict[str, str] = {}
        self.moved_tables: dict[str, tuple[str, str, str]] = {}  # table -> (from, to, why)
        self.fks: list[FK] = []
        self.migrations: dict[tuple[str, str], UnitMigration] = {}
        self.created_by: dict[str, UnitMigration] = {}
        self.constraint_homes: dict[tuple[str, str], UnitMigration] = {}
        self.later_columns: dict[str, list[str]] = {}  # table -> columns not in its CREATE TABLE
        self.index_home: dict[tuple[str, tuple[str, ...]], UnitMigration] = {}
        self.missing_indexes: dict[str, int] = {}
        self.assign_units()
        self.check_features()
        self.units = self.unit_order()
        self.build_migrations()
        self.place_foreign_keys()
        self.plan_indexes()

    # -- rule 1 -------------------------------------------------------------------------------
    def assign_units(self) -> None:
        for name in sorted(self.tables):
            table = self.tables[name]
            unit = table["feature"]
            if table["feature_from"] == "creating-migration":
                for kind, pattern, feature, why in MOVE_RULES:
                    if (kind == "prefix" and name.startswith(pattern)) or (kind == "name" and name == pattern):
                        if feature != unit:
                            self.moved_tables[name] = (unit, feature, why)
                            unit = feature
                        break
            self.unit_of[name] = unit

    def check_features(self) -> None:
        owners = set(self.unit_of.values()) - {CORE}
        undeclared = sorted(owners - set(self.facts.features))
        if undeclared:
            raise SystemExit(f"features own tables but are not in features.json: {undeclared}")

    def unit_order(self) -> list[str]:
        owners = set(self.unit_of.values())
        return [CORE] + [f for f in self.facts.features if f in owners]

    def unit_closure(self, unit: str) -> set[str]:
        """Units surely on with `unit`: core and the feature units its features imply."""
        if unit == CORE:
            return {CORE}
        features = closure(self.facts.features, unit.split("+"))
        return {CORE} | {u for u in self.all_units() if u != CORE and set(u.split("+")) <= features}

    def all_units(self) -> list[str]:
        bridges = sorted({fk.owner for fk in self.fks if "+" in fk.owner})
        return self.units + bridges

    def bridge_name(self, a: str, b: str) -> str:
        order = list(self.facts.features)
        return "+".join(sorted((a, b), key=order.index))

    # -- rule 2 -------------------------------------------------------------------------------
    def migration(self, unit: str, stem: str, about: str) -> UnitMigration:
        key = (unit, stem)
        if key not in self.migrations:
            existing = {m.key: m.stem for (u, _), m in self.migrations.items() if u == unit}
            version_k = version_key(split_stem(stem)[0])
            if version_k in existing:
                raise SystemExit(f"{unit}: {stem} and {existing[version_k]} have the same version")
            self.migrations[key] = UnitMigration(unit, stem, about)
        return self.migrations[key]

    def build_migrations(self) -> None:
        history = sorted(self.facts.history, key=stem_key)
        for stem in history:
            created = sorted(n for n, t in self.tables.items() if t["created_by_migration"] == stem)
            for unit in self.units:
                mine = [n for n in created if self.unit_of[n] == unit]
                if not mine:
                    continue
                m = self.migration(unit, stem, f"the {unit} tables of the server's migration {stem}")
                m.creates = self.creation_order(mine)
                for name in mine:
                    self.created_by[name] = m
        for stem, table, first, last, why in LATER_COLUMNS:
            names = [c["name"] for c in self.tables[table]["columns"]]
            start = names.index(first)
            end = names.index(last) + 1 if last else len(names)
            cols = names[start:end]
            unit = self.unit_of[table]
            m = self.migration(unit, stem, why)
            m.add_columns.append((table, cols))
            self.later_columns.setdefault(table, []).extend(cols)
            creator = self.created_by[table]
            if m.key <= creator.key:
                raise SystemExit(f"{unit}/{stem} alters {table} before {creator.id} creates it")

    def creation_order(self, names: list[str]) -> list[str]:
        """Tables of one migration so that a referenced table comes first, where it can."""
        names = sorted(names)
        deps = {
            n: {fk["ref_table"] for fk in self.tables[n]["foreign_keys"]} & set(names) - {n} for n in names
        }
        done: list[str] = []
        while len(done) < len(names):
            ready = [n for n in names if n not in done and deps[n] <= set(done)]
            if not ready:  # a cycle: take the first remaining table; its constraints close later
                ready = [next(n for n in names if n not in done)]
            done.append(ready[0])
        return done

    # -- rule 3 -------------------------------------------------------------------------------
    def place_foreign_keys(self) -> None:
        for name in sorted(self.tables):
            for raw in self.tables[name]["foreign_keys"]:
                fk = FK(name, list(raw["columns"]), raw["ref_table"], list(raw["ref_columns"]), raw["on_delete"])
                u, v = self.unit_of[name], self.unit_of[fk.ref_table]
                if u == v or v in self.unit_closure(u):
                    fk.owner = u
                    fk.rule = "own" if u == v else f"{v} is in {u}'s closure"
                elif u in self.unit_closure(v):
                    fk.owner = v
                    fk.rule = f"{u} is in {v}'s closure: the constraint moves to {v}"
                    fk.placement = "moved"
                else:
                    fk.owner = self.bridge_name(u, v)
                    fk.rule = f"neither of {u} and {v} implies the other: bridge {fk.owner}"
                    fk.placement = "bridge"
                self.fks.append(fk)
        for fk in self.fks:
            self.place_one(fk)

    def place_one(self, fk: FK) -> None:
        ct, cr = self.created_by[fk.table], self.created_by[fk.ref_table]
        if not fk.placement and fk.owner == ct.unit:
            if ct is cr:
                order = ct.creates
                if fk.table == fk.ref_table or order.index(fk.ref_table) < order.index(fk.table):
                    fk.placement = "inline"
                    ct.inline.setdefault(fk.table, []).append(fk)
                else:
                    fk.placement = "cycle"
                    ct.cycle.append(fk)
                return
            if cr.unit != ct.unit or cr.key < ct.key:  # the target exists when ct runs
                fk.placement = "inline"
                ct.inline.setdefault(fk.table, []).append(fk)
                if cr.unit != ct.unit:
                    ct.requires.add((cr.unit, cr.stem))
                return
            fk.placement = "later"  # same unit, target created by a later migration
        # A constraint on a table that already exists: a Python migration in the owner unit,
        # after the later of the two creating migrations.
        anchor = max((ct, cr), key=lambda m: m.key)
        m = self.constraint_migration(fk.owner, anchor, fk)
        m.constraints.append(fk)
        for creator in (ct, cr):
            if creator.unit != fk.owner:
                m.requires.add((creator.unit, creator.stem))
        for table, cols in self.later_columns.items():
            if table == fk.table and set(fk.columns) & set(cols):
                raise SystemExit(f"{fk.name}: constrains a column added later; not handled")

    def constraint_migration(self, unit: str, anchor: UnitMigration, fk: FK) -> UnitMigration:
        """One Python migration per (owner unit, anchor), named after its first table."""
        home = self.constraint_homes.get((unit, anchor.id))
        if home is not None:
            return home
        version = anchor.version
        parts = re.split(r"([.\-])", version)
        taken = {m.key for m in self.migrations.values() if m.unit == unit}
        if len(version_key(version)) == 4:  # 6.0.0-01 -> 6.0.0-02
            base, ordinal = "".join(parts[:-1]), int(parts[-1])
        else:  # 6.2.4 -> 6.2.4-01
            base, ordinal = version + "-", 0
        while True:
            ordinal += 1
            candidate = f"{base}{ordinal:02d}"
            if version_key(candidate) not in taken:
                break
        label = fk.table.replace("_", "-") + "-fks"
        about = f"constraints {unit} owns on tables that exist after {anchor.id}"
        home = self.constraint_homes[(unit, anchor.id)] = self.migration(unit, f"{candidate}-{label}", about)
        return home

    # -- indexes ------------------------------------------------------------------------------
    def plan_indexes(self) -> None:
        for name in sorted(self.tables):
            table = self.tables[name]
            want = table["indexes"] - 1 - len(table["unique"])
            cols = {c["name"]: c for c in table["columns"]}
            taken = {tuple(table["primary_key"])} | {tuple(u) for u in table["unique"]}
            partial = [p for p in PARTIAL_INDEXES if p[0] == name]
            chosen: list[Index] = [Index(name, cols_, where=where) for _, cols_, where in partial]
            taken |= {i.columns for i in chosen}
            candidates: list[str] = [fk.columns[0] for fk in self.fks if fk.table == name]
            candidates += [n for n in INDEX_NAMES if n in cols]
            candidates += [n for n in cols if n.endswith("_id")]
            candidates += [n for n, c in cols.items() if c["type"].startswith("timestamp")]
            candidates += list(cols)  # then any other column, in table order
            for col in candidates:
                if len(chosen) >= want:
                    break
                if (col,) in taken or cols[col]["type"] in UNINDEXABLE:
                    continue
                if cols[col]["type"] == "text" and LONG_TEXT.search(col):
                    continue
                chosen.append(Index(name, (col,)))
                taken.add((col,))
            if len(chosen) < want:
                self.missing_indexes[name] = want - len(chosen)
            uniques = [Index(name, tuple(u), unique=True) for u in table["unique"]]
            for index in uniques + chosen:
                home = self.index_migration(name, index)
                self.index_home[(name, index.columns)] = home
                if index.unique and home is self.created_by[name]:
                    continue  # a UNIQUE constraint inside CREATE TABLE
                if home is self.created_by[name] and not (set(index.columns) & set(self.later_columns.get(name, ()))):
                    home.table_indexes.append(index)
                else:
                    home.indexes.append(index)

    def index_migration(self, table: str, index: Index) -> UnitMigration:
        later = self.later_columns.get(table, [])
        if set(index.columns) & set(later):
            # with the migration that adds the (last of the) columns
            for m in sorted(self.migrations.values(), key=lambda m: m.key, reverse=True):
                if any(t == table and set(index.columns) & set(cols) for t, cols in m.add_columns):
                    return m
        if not index.unique:
            for stem, unit, prefix, why in LATER_INDEXES:
                if table.startswith(prefix) and self.unit_of[table] == unit:
                    return self.migration(unit, stem, why)
        return self.created_by[table]

    # -- oracle -------------------------------------------------------------------------------
    def ordered_migrations(self, unit: str) -> list[UnitMigration]:
        return sorted((m for m in self.migrations.values() if m.unit == unit), key=lambda m: m.key)

    def expected(self) -> dict:
        units = {}
        for unit in self.all_units():
            tables = sorted(t for t, u in self.unit_of.items() if u == unit)
            fks = sorted(
                (fk for fk in self.fks if fk.owner == unit), key=lambda fk: (fk.table, fk.columns)
            )
            units[unit] = {
                "features": sorted(unit.split("+")) if unit != CORE else [],
                "closure": sorted(self.unit_closure(unit), key=self.all_units().index),
                "tables": tables,
                "foreign_keys": [
                    {
                        "name": fk.name,
                        "table": fk.table,
                        "columns": fk.columns,
                        "ref_table": fk.ref_table,
                        "ref_columns": fk.ref_columns,
                        "on_delete": fk.on_delete,
                        "placement": fk.placement,
                        "rule": fk.rule,
                    }
                    for fk in fks
                ],
                "migrations": [m.id for m in self.ordered_migrations(unit)],
            }
        return {
            "about": "Generated by generate.py: for each unit, the tables it creates and the foreign keys it owns.",
            "default": self.facts.default,
            "units": units,
            "moved_tables": {t: {"from": a, "to": b, "why": w} for t, (a, b, w) in sorted(self.moved_tables.items())},
            "later_columns": {t: cols for t, cols in sorted(self.later_columns.items())},
            "totals": {
                "tables": len(self.tables),
                "foreign_keys": len(self.fks),
                "migrations": len(self.migrations),
            },
        }


# ---------------------------------------------------------------------------------------------
# Types and defaults per dialect


def column_type(col: dict, dialect: str, key_column: bool) -> sa.types.TypeEngine:
    kind = col["type"]
    if dialect == "postgresql":
        return {
            "uuid": postgresql.UUID(),
            "character varying": sa.VARCHAR(),
            "timestamp with time zone": postgresql.TIMESTAMP(timezone=True),
            "timestamp without time zone": postgresql.TIMESTAMP(timezone=False),
            "text": sa.TEXT(),
            "integer": sa.INTEGER(),
            "bigint": sa.BIGINT(),
            "smallint": sa.SMALLINT(),
            "boolean": sa.BOOLEAN(),
            "jsonb": postgresql.JSONB(),
            "numeric": sa.NUMERIC(),
            "date": sa.DATE(),
            "double precision": postgresql.DOUBLE_PRECISION(),
            "real": sa.REAL(),
            "bytea": postgresql.BYTEA(),
            "character": sa.CHAR(12),
            "_text": postgresql.ARRAY(sa.TEXT()),
            "_uuid": postgresql.ARRAY(postgresql.UUID()),
        }[kind]
    if dialect == "sqlite":
        return {
            "uuid": sa.CHAR(36),
            "character varying": sa.VARCHAR(),
            "timestamp with time zone": sa.DATETIME(),
            "timestamp without time zone": sa.DATETIME(),
            "text": sa.TEXT(),
            "integer": sa.INTEGER(),
            "bigint": sa.BIGINT(),
            "smallint": sa.SMALLINT(),
            "boolean": sa.BOOLEAN(create_constraint=False),
            "jsonb": sa.JSON(),
            "numeric": sa.NUMERIC(),
            "date": sa.DATE(),
            "double precision": sa.FLOAT(),
            "real": sa.REAL(),
            "bytea": sa.BLOB(),
            "character": sa.CHAR(12),
            "_text": sa.JSON(),
            "_uuid": sa.JSON(),
        }[kind]
    return {
        "uuid": mysql.CHAR(36),
        "character varying": mysql.VARCHAR(255),
        "timestamp with time zone": mysql.DATETIME(fsp=6),
        "timestamp without time zone": mysql.DATETIME(fsp=6),
        "text": mysql.VARCHAR(255) if key_column else mysql.TEXT(),
        "integer": mysql.INTEGER(),
        "bigint": mysql.BIGINT(),
        "smallint": mysql.SMALLINT(),
        "boolean": sa.BOOLEAN(create_constraint=False),
        "jsonb": mysql.JSON(),
        "numeric": mysql.DECIMAL(20, 6),
        "date": mysql.DATE(),
        "double precision": mysql.DOUBLE(),
        "real": mysql.FLOAT(),
        "bytea": mysql.LONGBLOB(),
        "character": mysql.CHAR(12),
        "_text": mysql.JSON(),
        "_uuid": mysql.JSON(),
    }[kind]


def column_default(col: dict, dialect: str, primary: bool) -> str | None:
    if not col["has_default"]:
        return None
    kind, name = col["type"], col["name"]
    pg, my = dialect == "postgresql", dialect == "mysql"
    if kind == "uuid":
        if primary:
            return "gen_random_uuid()" if pg else None  # SQLite and MySQL: the application sets ids
        return f"'{ORG_DEFAULT}'"
    if kind.startswith("timestamp"):
        return "CURRENT_TIMESTAMP(6)" if my else "CURRENT_TIMESTAMP"
    if kind == "date":
        return "(CURRENT_DATE)" if my else "CURRENT_DATE"
    if kind == "boolean":
        value = bool(TRUE_BOOLEANS.match(name))
        return ("true" if value else "false") if pg else ("1" if value else "0")
    if kind in ("integer", "bigint", "smallint", "numeric", "real", "double precision"):
        return "0"
    if kind == "jsonb":
        return "'{}'::jsonb" if pg else "'{}'"
    if kind in ("_text", "_uuid"):
        return ("'{}'::" + ("text[]" if kind == "_text" else "uuid[]")) if pg else "'[]'"
    if name.endswith("_json") or name.startswith("metadata"):
        return "'{}'"
    return f"'{TEXT_DEFAULTS.get(name, '')}'"


# ---------------------------------------------------------------------------------------------
# SQL rendering


class Renderer:
    """SQLAlchemy Core tables per dialect, compiled to the SQL files of each migration."""

    def __init__(self, ex: Example) -> None:
        self.ex = ex
        self.metadata: dict[str, sa.MetaData] = {}
        self.key_columns: dict[str, set[str]] = {}
        for name, table in ex.tables.items():
            keys = set(table["primary_key"]) | {c for u in table["unique"] for c in u}
            keys |= {c for fk in ex.fks if fk.table == name for c in fk.columns}
            keys |= {c for (t, cols) in ex.index_home if t == name for c in cols}
            self.key_columns[name] = keys
        for dialect in DIALECT_NAMES:
            self.metadata[dialect] = self.build(dialect)

    def column(self, table: dict, col: dict, dialect: str) -> sa.Column:
        primary = col["name"] in table["primary_key"]
        key = col["name"] in self.key_columns[table["name"]]
        typ = column_type(col, dialect, key)
        if col["type"] == "integer" and primary and col["has_default"] and len(table["primary_key"]) == 1:
            return sa.Column(col["name"], typ, primary_key=True, autoincrement=True)
        default = column_default(col, dialect, primary)
        return sa.Column(
            col["name"],
            typ,
            primary_key=primary,
            autoincrement=False,
            nullable=col["nullable"] and not primary,
            server_default=sa.text(default) if default is not None else None,
        )

    def build(self, dialect: str) -> sa.MetaData:
        md = sa.MetaData()
        for name in sorted(self.ex.tables):
            table = self.ex.tables[name]
            later = set(self.ex.later_columns.get(name, ()))
            cols = [self.column(table, c, dialect) for c in table["columns"] if c["name"] not in later]
            uniques = [
                sa.UniqueConstraint(*u, name=Index(name, tuple(u), unique=True).name)
                for u in table["unique"]
                if not set(u) & later
            ]
            sa.Table(name, md, *cols, *uniques)
        for fk in self.ex.fks:
            md.tables[fk.table].append_constraint(self.fk_constraint(fk, dialect))
        return md

    def fk_constraint(self, fk: FK, dialect: str) -> sa.ForeignKeyConstraint:
        ondelete = fk.ondelete_sql
        table = self.ex.tables[fk.table]
        col = next(c for c in table["columns"] if c["name"] == fk.columns[0])
        if dialect == "mysql" and ondelete == "SET NULL" and not col["nullable"]:
            # MySQL refuses SET NULL on a NOT NULL column; PostgreSQL accepts it and then fails
            # the delete, which is what MySQL's default (NO ACTION) does too.
            ondelete = None
        return sa.ForeignKeyConstraint(
            fk.columns, [f"{fk.ref_table}.{c}" for c in fk.ref_columns], name=fk.name, ondelete=ondelete
        )

    def compile(self, element, dialect: str) -> str:
        text = str(element.compile(dialect=DIALECTS[dialect])).strip()
        text = "\n".join(line.rstrip() for line in text.replace("\t", "    ").splitlines())
        return text + ";"

    def quote(self, name: str, dialect: str) -> str:
        return DIALECTS[dialect].identifier_preparer.quote(name)

    def sa_index(self, index: Index, dialect: str, table: sa.Table) -> sa.Index:
        kwargs = {}
        if index.where:
            kwargs = {"postgresql_where": sa.text(index.where), "sqlite_where": sa.text(index.where)}
        return sa.Index(index.name, *[table.c[c] for c in index.columns], unique=index.unique, **kwargs)

    def later_table(self, name: str, dialect: str) -> sa.Table:
        """A table with every column, for compiling ADD COLUMN and indexes on later columns."""
        table = self.ex.tables[name]
        return sa.Table(name, sa.MetaData(), *[self.column(table, c, dialect) for c in table["columns"]])

    def up(self, m: UnitMigration, dialect: str) -> str:
        md = self.metadata[dialect]
        out: list[str] = []
        for name in m.creates:
            table = md.tables[name]
            inline = list(m.inline.get(name, ()))
            if dialect == "sqlite":
                inline += [fk for fk in m.cycle if fk.table == name]
            names = {fk.name for fk in inline}
            include = [c for c in table.foreign_key_constraints if c.name in names]
            create = self.compile(CreateTable(table, include_foreign_key_constraints=include), dialect)
            indexes = [index for index in m.table_indexes if index.table == name]
            if dialect == "mysql" and indexes:
                # MySQL declares keys inside CREATE TABLE (as mysqldump does): one DDL
                # statement per table instead of one per index, much faster on InnoDB.
                q = lambda n: self.quote(n, dialect)  # noqa: E731
                keys = [f"    INDEX {q(i.name)} ({', '.join(q(c) for c in i.columns)})" for i in indexes]
                assert create.endswith("\n);"), create[-20:]
                create = create[: -len("\n);")] + ",\n" + ",\n".join(keys) + "\n);"
                indexes = []
            out.append(create)
            for index in indexes:
                out.append(self.compile(CreateIndex(self.sa_index(index, dialect, table)), dialect))
        if dialect != "sqlite":
            for fk in m.cycle:
                out.append(self.compile(AddConstraint(self.constraint(fk, dialect)), dialect))
        for name, cols in m.add_columns:
            full = self.later_table(name, dialect)
            for col in cols:
                if dialect == "sqlite":
                    spec = self.ex.tables[name]
                    raw = next(c for c in spec["columns"] if c["name"] == col)
                    if not raw["nullable"] and column_default(raw, dialect, False) is None:
                        raise SystemExit(f"SQLite cannot add NOT NULL {name}.{col} without a default")
                    if (column_default(raw, dialect, False) or "").startswith("CURRENT"):
                        raise SystemExit(f"SQLite cannot add {name}.{col} with a non-constant default")
                spec_sql = str(CreateColumn(full.c[col]).compile(dialect=DIALECTS[dialect])).strip()
                out.append(f"ALTER TABLE {self.quote(name, dialect)} ADD COLUMN {spec_sql};")
        for index in m.indexes:
            table = self.later_table(index.table, dialect)
            out.append(self.compile(CreateIndex(self.sa_index(index, dialect, table)), dialect))
        return "\n\n".join(out) + "\n"

    def constraint(self, fk: FK, dialect: str) -> sa.ForeignKeyConstraint:
        return next(c for c in self.metadata[dialect].tables[fk.table].foreign_key_constraints if c.name == fk.name)

    def down(self, m: UnitMigration, dialect: str) -> str:
        out: list[str] = []
        for index in reversed(m.indexes):
            if dialect == "mysql":
                out.append(f"DROP INDEX {self.quote(index.name, dialect)} ON {self.quote(index.table, dialect)};")
            else:
                out.append(f"DROP INDEX {self.quote(index.name, dialect)};")
        for name, cols in reversed(m.add_columns):
            for col in reversed(cols):
                out.append(f"ALTER TABLE {self.quote(name, dialect)} DROP COLUMN {self.quote(col, dialect)};")
        if dialect != "sqlite":
            for fk in reversed(m.cycle):
                out.append(self.compile(DropConstraint(self.constraint(fk, dialect)), dialect))
        for name in reversed(m.creates):
            out.append(f"DROP TABLE {self.quote(name, dialect)};")
        return "\n".join(out) + "\n"

    def python(self, m: UnitMigration, header: str) -> str:
        lines = [header, "", "", "def upgrade(op):"]
        for fk in m.constraints:
            lines.append(f"    # {fk.table}.{', '.join(fk.columns)} -> {fk.ref_table}: {fk.rule}")
            lines.append(f"    with op.batch_alter_table({fk.table!r}) as batch:")
            ondelete = fk.ondelete_sql
            nullable = next(c for c in self.ex.tables[fk.table]["columns"] if c["name"] == fk.columns[0])["nullable"]
            if ondelete == "SET NULL" and not nullable:
                raise SystemExit(f"{fk.name}: SET NULL on a NOT NULL column in a Python migration")
            extra = f", ondelete={ondelete!r}" if ondelete else ""
            lines.append(
                f"        batch.create_foreign_key({fk.name!r}, {fk.ref_table!r}, {fk.columns!r}, {fk.ref_columns!r}{extra})"
            )
        lines += ["", "", "def downgrade(op):"]
        for fk in reversed(m.constraints):
            lines.append(f"    with op.batch_alter_table({fk.table!r}) as batch:")
            lines.append(f"        batch.drop_constraint({fk.name!r}, type_=\"foreignkey\")")
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Writing the example


GENERATED = "Generated by examples/botserver/generate.py from the botserver facts; edit the generator, not this file."


def toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_\-]+", name) else json.dumps(name)


def toml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def write_manifest(ex: Example, out: Path) -> None:
    lines = [
        f"# {GENERATED}",
        "# [features] is features.json in its order: each feature and the features it implies.",
        'database = "sqlite:///botserver.db"',
        "",
        "[features]",
        f"default = {toml_list(ex.facts.default)}",
    ]
    for name, implied in ex.facts.features.items():
        lines.append(f"{toml_key(name)} = {toml_list(implied)}")
    lines += ["", "# The SQLAlchemy tables per unit, written by `gatedb schema --lang sqlalchemy` (see README.md).", "[schema]", 'package = "schema"']
    (out / "gatedb.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def wrap(text: str, comment: str, width: int = 96) -> list[str]:
    return [f"{comment} {line}" for line in textwrap.wrap(text, width - len(comment) - 1)]


def header_lines(ex: Example, m: UnitMigration, comment: str) -> list[str]:
    lines = []
    requires = sorted(m.requires, key=lambda r: (ex.all_units().index(r[0]), stem_key(r[1])))
    if requires:
        ids = " ".join(f"{u}/{split_stem(s)[0]}" for u, s in requires)
        lines.append(f"{comment} gatedb: requires {ids}")
    lines.extend(wrap(f"{m.unit}/{m.version}: {m.about}.", comment))
    if m.creates:
        lines.extend(wrap(f"Creates: {', '.join(m.creates)}.", comment))
    for table, cols in m.add_columns:
        lines.append(f"{comment} Adds to {table}: {', '.join(cols)}.")
    if m.cycle:
        lines.append(f"{comment} Constraints that close a cycle, added after the tables (inline on SQLite):")
        lines.extend(f"{comment}   {fk.name}" for fk in m.cycle)
    lines.append(f"{comment} {GENERATED}")
    return lines


def write_migrations(ex: Example, rd: Renderer, out: Path) -> None:
    root = out / "migrations"
    if root.exists():
        shutil.rmtree(root)
    for (unit, stem), m in sorted(ex.migrations.items(), key=lambda kv: (kv[0][0], kv[1].key)):
        folder = root / unit
        folder.mkdir(parents=True, exist_ok=True)
        if m.is_python:
            assert not (m.creates or m.add_columns or m.indexes or m.cycle), m.id
            head = "\n".join(header_lines(ex, m, "#"))
            (folder / f"{stem}.py").write_text(rd.python(m, head), encoding="utf-8")
            continue
        mig = folder / stem
        mig.mkdir()
        head = "\n".join(header_lines(ex, m, "--")) + "\n\n"
        for dialect in DIALECT_NAMES:
            (mig / f"up.{dialect}.sql").write_text(head + rd.up(m, dialect), encoding="utf-8")
        downs = {d: rd.down(m, d) for d in DIALECT_NAMES}
        down_head = f"-- Reverts {m.unit}/{m.version}. {GENERATED}\n\n"
        if len(set(downs.values())) == 1:
            (mig / "down.sql").write_text(down_head + downs["postgresql"], encoding="utf-8")
        else:
            for dialect, text in downs.items():
                (mig / f"down.{dialect}.sql").write_text(down_head + text, encoding="utf-8")


def write_expected(ex: Example, out: Path) -> None:
    text = json.dumps(ex.expected(), indent=1, sort_keys=False)
    (out / "expected.json").write_text(text + "\n", encoding="utf-8")


def write_readme(ex: Example, out: Path) -> None:
    exp = ex.expected()
    units = exp["units"]
    lines = [
        "# botserver: a 295-table schema as gatedb units",
        "",
        "The motivating chatbot server (Rust, Diesel, PostgreSQL) builds with Cargo features: `chat`,",
        "`mail`, `tasks`, `people`, `billing`, ... Its 47 migrations create 295 tables and 335 foreign",
        "keys for every build, whatever the features. This example is that schema split into gatedb",
        "units, so that a build gets exactly the tables of its features, on PostgreSQL, SQLite or",
        "MariaDB/MySQL. It is generated from facts read from the server's live database",
        "(`shared/botserver/schema.json`, `features.json`); a clone has the generated files committed.",
        "",
        "```sh",
        "# regenerate (deterministic: twice gives identical files)",
        "python examples/botserver/generate.py ../shared/botserver   # default: ../../../shared/botserver next to this file",
        "```",
        "",
        "## Try it",
        "",
        "```sh",
        "cd examples/botserver",
        "gatedb features                              # the default set, and why each feature is on",
        f"gatedb plan --no-default-features            # core only: {len(units[CORE]['migrations'])} migrations",
        f"gatedb migrate --no-default-features         # a chat-only database: the {len(units[CORE]['tables'])} core tables",
        "gatedb migrate                               # the default set adds automation, drive, directory, crawler, llm",
        "gatedb migrate --features people,billing     # two apps later: only their migrations run",
        "gatedb migrate --features people,billing,mail,marketing   # the bridge mail+marketing runs too",
        "gatedb status --features people,billing      # mail, marketing and the bridge are dormant, left alone",
        "gatedb prune marketing --features people,billing,mail -y  # marketing's tables and the bridge's constraints go",
        "gatedb check                                 # every feature combination, statically, on all three dialects",
        "gatedb graph --format mermaid                # features, units, bridges, cross-unit dependencies",
        "gatedb migrate --all-features -d postgresql://root@127.0.0.1/botserver",
        "```",
        "",
        "`database` in gatedb.toml is `sqlite:///botserver.db`, relative to this folder.",
        "",
        "## Units",
        "",
        "| unit | tables | foreign keys owned | migrations |",
        "|---|---:|---:|---:|",
    ]
    for name, u in units.items():
        lines.append(f"| `{name}` | {len(u['tables'])} | {len(u['foreign_keys'])} | {len(u['migrations'])} |")
    total_t = sum(len(u["tables"]) for u in units.values())
    total_f = sum(len(u["foreign_keys"]) for u in units.values())
    total_m = sum(len(u["migrations"]) for u in units.values())
    lines += [f"| **total** | {total_t} | {total_f} | {total_m} |", ""]
    owners = [u for u in units if u != CORE and "+" not in u]
    idle = [f for f in ex.facts.features if f not in units]
    lines += [
        f"{len(owners)} features own tables. The other {len(idle)} features of features.json own none and",
        "have no folder (they still matter: what they imply decides which units are on):",
        ", ".join(f"`{f}`" for f in idle) + ".",
        "",
        "## Which unit a table belongs to",
        "",
        "A table's unit is its `feature` in the facts: the server's own plan mapping where it names",
        "the table, else the feature named by the migration that created it. Many tables sit in",
        "`core` only because the server's big first migration (6.0.0-01-core) created them; the",
        "generator moves such a table (and only such: `feature_from == \"creating-migration\"`) to the",
        "feature its name points at, by these rules (`MOVE_RULES` in generate.py), first match wins:",
        "",
        "| rule | to | why |",
        "|---|---|---|",
    ]
    for kind, pattern, feature, why in MOVE_RULES:
        shown = f"`{pattern}*`" if kind == "prefix" else f"`{pattern}`"
        lines.append(f"| {shown} | `{feature}` | {why} |")
    lines += ["", "Tables moved:", ""]
    by_move: dict[tuple[str, str], list[str]] = {}
    for t, (a, b, _) in sorted(ex.moved_tables.items()):
        by_move.setdefault((a, b), []).append(t)
    for (a, b), tables in by_move.items():
        lines.append(f"- {a} → {b}: " + ", ".join(f"`{t}`" for t in tables))
    lines += [
        "",
        "Everything the plan maps to core stays core: users, bots, sessions, organizations, `rbac_*`,",
        "`kb_*`, system_automations, bot_memories; so do the first migration's tables that name no",
        "feature (approvals, agent memory, knowledge graph, dynamic tables, tools, tenants, ...).",
        "",
        "## Where each foreign key goes",
        "",
        "The placement rule, for a constraint from a table of unit U to a table of unit V: if V is in",
        "U's closure (U implies V, or V is core) U owns it; if U is in V's closure it moves to V (the",
        "column stays in U's table); otherwise it goes to the bridge `U+V`, which is on exactly when",
        "both features are. Most constraints stay inline in their table's CREATE TABLE. Counts by",
        "placement:",
        "",
    ]
    counts: dict[str, int] = {}
    for fk in ex.fks:
        counts[fk.placement] = counts.get(fk.placement, 0) + 1
    meaning = {
        "inline": "inside CREATE TABLE: the target exists by then; self-references too",
        "cycle": "added after the tables of a migration whose tables reference each other",
        "later": "added by a later migration of the same unit (the target is created later)",
        "moved": "moved to the unit of the referenced table",
        "bridge": "owned by a bridge unit",
    }
    for placement in ("inline", "cycle", "later", "moved", "bridge"):
        if counts.get(placement):
            lines.append(f"- {placement}: {counts[placement]}, {meaning[placement]}")
    if not counts.get("cycle"):
        lines += [
            "",
            "The facts hold no foreign-key cycle between tables of one migration (a table pointing at",
            "itself is fine inline); the generator would add cycle-closing constraints after the",
            "tables (ALTER TABLE on PostgreSQL/MySQL, inline forward references on SQLite).",
        ]
    lines += ["", "### Moved constraints", ""]
    for fk in ex.fks:
        if fk.placement == "moved":
            m = next(m for m in ex.migrations.values() if fk in m.constraints)
            lines.append(
                f"- `{fk.table}.{', '.join(fk.columns)}` → `{fk.ref_table}`: {ex.unit_of[fk.table]} points at a "
                f"{ex.unit_of[fk.ref_table]} table, so `{fk.name}` is added by "
                f"`migrations/{m.unit}/{m.stem}.py`; a build without {ex.unit_of[fk.ref_table]} has the column and no constraint."
            )
    lines += ["", "### Bridges", ""]
    for name, u in units.items():
        if "+" not in name:
            continue
        a, b = name.split("+")
        for fk in u["foreign_keys"]:
            m = next(m for m in ex.migrations.values() if any(f.name == fk["name"] for f in m.constraints))
            lines.append(
                f"- `{name}`: `{fk['table']}.{', '.join(fk['columns'])}` → `{fk['ref_table']}` "
                f"(`migrations/{m.unit}/{m.stem}.py`): neither {a} nor {b} implies the other."
            )
    lines += [
        "",
        "Only one bridge: the facts' foreign keys between optional features almost all follow an",
        "implication (marketing implies people, so campaigns may point at deals and contacts).",
        "",
        "## Migrations and the server's history",
        "",
        "Each server migration that created tables becomes, in each unit owning some of them, a",
        "migration with the same name: `migrations/mail/6.0.0-01-core/` is mail's share of the",
        "server's 6.0.0-01-core. Versions sort naturally (6.0.9 < 6.0.10), so the dated",
        "`2026-03-15-email-crm-campaigns` (which the server ran first, sorting by text) comes last",
        "in mail and marketing; nothing earlier needs its tables. Cross-unit dependencies are",
        "explicit `-- gatedb: requires core/6.0.0-01` lines. Later schema changes, at their history",
        "positions:",
        "",
    ]
    for stem, table, _, _, why in LATER_COLUMNS:
        lines.append(f"- `{ex.unit_of[table]}/{stem}`: adds columns to `{table}`: {why}.")
    for stem, unit, _, why in LATER_INDEXES:
        lines.append(f"- `{unit}/{stem}`: {why}.")
    lines += [
        "",
        "Server migrations with no schema change derivable from the facts (no table created, no",
        "column identifiable) have no counterpart: "
        + ", ".join(
            f"`{s}`"
            for s in sorted(ex.facts.history, key=stem_key)
            if not any(m.stem == s for m in ex.migrations.values())
        )
        + ".",
        "",
        "## SQL per dialect",
        "",
        "Each migration folder has `up.postgresql.sql`, `up.sqlite.sql`, `up.mysql.sql` (SQLAlchemy",
        "Core tables compiled per dialect) and `down.sql` (or `down.<dialect>.sql` where the SQL",
        "differs). PostgreSQL gets the real types: uuid, jsonb, timestamptz, text[], numeric, bytea.",
        "SQLite: uuid as CHAR(36), jsonb and arrays as JSON, timestamps as DATETIME. MySQL/MariaDB:",
        "uuid as CHAR(36), jsonb and arrays as JSON, varchar as VARCHAR(255), text in a key, unique",
        "constraint, index or foreign key as VARCHAR(255), numeric as DECIMAL(20,6), timestamps as",
        "DATETIME(6), and the indexes declared inside CREATE TABLE (one DDL statement per table,",
        "several times faster on InnoDB than one per index).",
        "`organization_invitations.invited_by` is NOT NULL with ON DELETE SET NULL in the",
        "facts: MySQL refuses that, so there it has no ON DELETE clause (PostgreSQL fails such a",
        "delete anyway, which is what MySQL's default does).",
        "",
        "The facts record that a column has a default, not its value, and count each table's",
        "indexes without naming their columns. The generator gives neutral defaults (now, 0, false",
        "or true for `is_active`-like flags, `'{}'` for JSON, `'active'` for status, ...; uuid",
        "primary keys default to gen_random_uuid() on PostgreSQL, the application supplies them",
        "elsewhere) and indexes, per table, the foreign-key columns, then `bot_id`, `org_id`,",
        "`user_id`, `status`, `created_at`-like columns, then others, up to the table's index count"
        + (f" ({sum(ex.missing_indexes.values())} short: too few indexable columns)." if ex.missing_indexes else "."),
        "Constraints that exist only in some builds (moved, bridges) are Python migrations using",
        "`op.batch_alter_table`, since SQLite cannot ALTER TABLE ADD CONSTRAINT.",
        "",
        "## Schema code (SQLAlchemy)",
        "",
        "`schema/` is the SQLAlchemy package `gatedb schema` writes for this project (`[schema]",
        "package` in gatedb.toml): one module per unit, PostgreSQL's types with SQLite variants.",
        "`tests/test_botserver_schema.py` regenerates it and fails on drift, and checks that",
        "`create_all` of a few feature sets equals what `migrate` builds.",
        "",
        "```sh",
        "gatedb schema --lang sqlalchemy --out schema -d postgresql://root@127.0.0.1/postgres -d sqlite://",
        "python compare_builds.py                     # minimal vs default vs full: tables, modules, load time, memory",
        "```",
        "",
        "## Tests",
        "",
        "`expected.json` lists, for each unit, its tables, the foreign keys it owns and its",
        "migrations: `tests/test_botserver.py` checks every feature set it tries against it, on",
        "SQLite, PostgreSQL and MariaDB: --no-default-features, the default set, --all-features,",
        "each table-owning feature alone, every pair of them, each feature enabled later (same",
        "schema as a fresh install) and each feature pruned (exactly its tables and its bridges'",
        "constraints go; enabling it again restores the schema).",
        "",
        "```sh",
        "pytest tests/test_botserver.py -n 2                       # the matrices in parallel",
        "GATEDB_BOTSERVER_MYSQL_FULL=1 pytest tests/test_botserver.py -n 2 -k mysql   # every case on MariaDB",
        "```",
        "",
    ]
    (out / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    facts_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_FACTS
    if not (facts_dir / "schema.json").is_file():
        print(f"error: no schema.json in {facts_dir}", file=sys.stderr)
        print("hint: pass the path of the shared/botserver folder", file=sys.stderr)
        return 2
    facts = load_facts(facts_dir)
    ex = Example(facts)
    renderer = Renderer(ex)
    write_manifest(ex, HERE)
    write_migrations(ex, renderer, HERE)
    write_expected(ex, HERE)
    write_readme(ex, HERE)
    exp = ex.expected()
    print(
        f"{exp['totals']['tables']} tables, {exp['totals']['foreign_keys']} foreign keys, "
        f"{exp['totals']['migrations']} migrations in {len(exp['units'])} units -> {HERE}"
    )
    if ex.missing_indexes:
        print(f"note: {sum(ex.missing_indexes.values())} indexes short of the facts' counts (no candidate column)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
