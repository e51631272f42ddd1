"""The SQL scan (gatedb.analysis.sql.scan_sql): the facts read from migration SQL (no database)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gatedb.analysis.sql import ForeignKeyFact as FK
from gatedb.analysis.sql import ObjectRef, ScanResult, StatementFacts, fastpath, scan_sql, split_statements, sqlglot_scan

FIXTURES = Path(__file__).parent / "fixtures" / "sql"
BOTSERVER = Path(__file__).resolve().parent.parent / "examples" / "botserver"


def T(name: str) -> ObjectRef:
    return ObjectRef("table", name)


def C(table: str, name: str) -> ObjectRef:
    return ObjectRef("column", name, table)


def one(sql: str, dialect: str = "postgresql") -> StatementFacts:
    result = scan_sql(sql, dialect)
    assert len(result.statements) == 1, result.statements
    return result.statements[0]


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line of text that contains needle."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in fixture")


def statement_with(result: ScanResult, needle: str) -> StatementFacts:
    found = [s for s in result.statements if needle in s.text]
    assert len(found) == 1, (needle, [s.text[:60] for s in found])
    return found[0]


# --------------------------------------------------------------------------- fixtures


def test_pg_realworld_fixture() -> None:
    sql = (FIXTURES / "pg_realworld.sql").read_text()
    result = scan_sql(sql, "postgresql")

    assert result.created_tables == {"accounts", "projects", "audit.events", "roles"}
    creates = result.creates
    assert {o for o in creates if o.kind in ("extension", "schema", "type")} == {
        ObjectRef("extension", "uuid-ossp"),
        ObjectRef("extension", "pgcrypto"),
        ObjectRef("schema", "audit"),
        ObjectRef("type", "account_status"),
    }
    # bigserial / serial / IDENTITY columns make sequences; CREATE SEQUENCE too.
    assert {o.name for o in creates if o.kind == "sequence"} == {
        "project_number_seq",
        "projects_id_seq",
        "roles_id_seq",
        "audit.events_id_seq",
    }
    assert ObjectRef("function", "audit.log_change") in creates
    assert ObjectRef("view", "live_projects") in creates

    accounts = statement_with(result, "CREATE TABLE IF NOT EXISTS public.accounts")
    assert accounts.line == line_of(sql, "CREATE TABLE IF NOT EXISTS public.accounts")
    assert {o.name for o in accounts.creates if o.kind == "column"} == {
        "id", "email", "status", "tags", "settings", "created_at", "deleted_at",
    }
    assert accounts.references == {ObjectRef("type", "account_status")}  # uuid, text[], jsonb are built in
    assert T("accounts") in accounts.guarded

    projects = statement_with(result, "CREATE TABLE projects")
    # The self-reference (parent_id -> projects.id) is satisfied by the statement itself.
    assert projects.references == {T("accounts"), C("accounts", "id"), ObjectRef("sequence", "project_number_seq")}
    assert ObjectRef("constraint", "projects_name_not_blank", "projects") in projects.creates

    index = statement_with(result, "accounts_email_uq")
    assert index.creates == {ObjectRef("index", "accounts_email_uq", "accounts")}
    assert index.references == {T("accounts"), C("accounts", "email"), C("accounts", "deleted_at")}

    trigger = statement_with(result, "CREATE TRIGGER projects_audit")
    assert trigger.creates == {ObjectRef("trigger", "projects_audit", "projects")}
    assert trigger.references == {T("projects"), ObjectRef("function", "audit.log_change")}

    # The function body is opaque: its INSERT INTO audit.events is no reference.
    function = statement_with(result, "CREATE OR REPLACE FUNCTION")
    assert function.references == frozenset()
    assert function.guarded == {ObjectRef("function", "audit.log_change")}

    fk = statement_with(result, "projects_account_fk")
    assert fk.creates == {ObjectRef("constraint", "projects_account_fk", "projects")}
    assert fk.alters == {T("projects")}
    assert fk.references == {T("projects"), C("projects", "account_id"), T("accounts"), C("accounts", "id")}

    assert result.renames == (
        (C("projects", "name"), C("projects", "title")),
        (T("legacy_roles"), T("old_roles")),
    )
    seed = statement_with(result, "FROM legacy_roles")
    assert seed.references == {T("roles"), C("roles", "name"), T("legacy_roles")}
    view = statement_with(result, "CREATE VIEW live_projects")
    assert view.references == {T("projects"), T("accounts")}
    assert statement_with(result, "COMMENT ON COLUMN").references == {T("accounts"), C("accounts", "email")}
    dropped = statement_with(result, "DROP TABLE IF EXISTS old_roles")
    assert dropped.drops == dropped.guarded == {T("old_roles")}
    assert statement_with(result, "DROP COLUMN IF EXISTS").drops == {C("accounts", "legacy_flag")}

    # Exactly two warnings: the opaque DO block and the broken statement, at their lines.
    assert [(w.line, w.message.split(":")[0]) for w in result.warnings] == [
        (line_of(sql, "DO $$"), "DO block is opaque"),
        (line_of(sql, "CREATE FUNCTION broken("), "could not understand statement"),
    ]
    # ...and the statement after the broken one is still scanned.
    assert result.statements[-1].text.startswith("SELECT 'the statement above is broken")


def test_sqlite_triggers_fixture() -> None:
    sql = (FIXTURES / "sqlite_triggers.sql").read_text()
    result = scan_sql(sql, "sqlite")
    assert result.warnings == ()
    assert result.created_tables == {"authors", "books"}
    books = statement_with(result, "CREATE TABLE books")
    assert books.references == {T("authors"), C("authors", "id")}

    touch = statement_with(result, "CREATE TRIGGER books_touch")
    assert touch.line == line_of(sql, "CREATE TRIGGER books_touch")
    assert touch.text.endswith("END") and "empty title; refused" in touch.text  # one statement, body and all
    assert touch.creates == {ObjectRef("trigger", "books_touch", "books")}
    assert touch.references == {T("books")}
    guard = statement_with(result, "authors_guard")
    assert guard.creates == guard.guarded == {ObjectRef("trigger", "authors_guard", "authors")}

    index = statement_with(result, "books_author_idx")  # "main." schema and IF NOT EXISTS
    assert index.creates == {ObjectRef("index", "books_author_idx", "books")}
    assert index.references == {T("books"), C("books", "author_id")}
    assert result.renames == ((T("books"), T("volumes")),)
    assert statement_with(result, "DROP TRIGGER").drops == {ObjectRef("trigger", "books_touch")}
    assert len(result.statements) == 10


def test_mysql_backticks_fixture() -> None:
    sql = (FIXTURES / "mysql_backticks.sql").read_text()
    result = scan_sql(sql, "mysql")
    assert result.warnings == ()
    assert result.created_tables == {"users", "orders"}
    users = statement_with(result, "CREATE TABLE `users`")
    # MySQL compares column names case-insensitively, backticks or not.
    assert {o.name for o in users.creates if o.kind == "column"} == {"id", "email", "role"}
    assert ObjectRef("index", "users_email_uq", "users") in users.creates
    orders = statement_with(result, "CREATE TABLE `orders`")
    assert {ObjectRef("index", "orders_user_idx", "orders"), ObjectRef("constraint", "orders_user_fk", "orders")} <= orders.creates
    assert orders.references == {T("users"), C("users", "id")}
    assert statement_with(result, "CHANGE COLUMN").renames == ((C("orders", "note"), C("orders", "remark")),)
    assert statement_with(result, "DROP FOREIGN KEY").drops == {ObjectRef("constraint", "orders_user_fk", "orders")}
    assert statement_with(result, "RENAME TABLE").renames == ((T("orders"), T("purchases")),)
    trigger = statement_with(result, "CREATE TRIGGER purchases_bi")
    assert trigger.line == line_of(sql, "CREATE TRIGGER purchases_bi")
    assert trigger.creates == {ObjectRef("trigger", "purchases_bi", "purchases")}
    assert statement_with(result, "REPLACE INTO").references == {T("users"), C("users", "id"), C("users", "email")}
    # DELIMITER lines are client commands, not statements.
    assert not any(s.text.upper().startswith("DELIMITER") for s in result.statements)
    assert len(result.statements) == 10


@pytest.mark.parametrize(("name", "dialect"), [("pg_realworld", "postgresql"), ("sqlite_triggers", "sqlite"), ("mysql_backticks", "mysql")])
def test_every_statement_starts_on_its_line(name: str, dialect: str) -> None:
    sql = (FIXTURES / f"{name}.sql").read_text()
    lines = sql.splitlines()
    result = scan_sql(sql, dialect)
    assert result.statements
    for statement in result.statements:
        first_line = statement.text.splitlines()[0].strip()
        assert first_line in lines[statement.line - 1], (statement.line, first_line)
    for warning in result.warnings:
        assert warning.line in {s.line for s in result.statements}


# --------------------------------------------------------------------------- statements


def test_create_table_records_columns_and_fk_targets() -> None:
    facts = one(
        "CREATE TABLE t (a int, b text REFERENCES other(id), c int, "
        "CONSTRAINT fk FOREIGN KEY (c) REFERENCES s.third(x))"
    )
    assert facts.kind == "CREATE TABLE"
    assert facts.creates == {T("t"), C("t", "a"), C("t", "b"), C("t", "c"), ObjectRef("constraint", "fk", "t")}
    assert facts.references == {T("other"), C("other", "id"), T("s.third"), C("s.third", "x")}
    assert facts.alters == facts.drops == frozenset()


def test_alter_table_add_constraint_foreign_key() -> None:
    facts = one("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES o(id)")
    assert facts.creates == {ObjectRef("constraint", "fk", "t")}
    assert facts.alters == {T("t")}
    assert facts.references == {T("t"), C("t", "c"), T("o"), C("o", "id")}


def test_add_column_with_fk_creates_column_and_alters_table() -> None:
    facts = one("ALTER TABLE users ADD COLUMN IF NOT EXISTS org_id int REFERENCES orgs(id)")
    assert facts.creates == facts.guarded == {C("users", "org_id")}
    assert facts.alters == {T("users")}
    assert facts.references == {T("users"), T("orgs"), C("orgs", "id")}


def test_self_referencing_fk_is_satisfied_locally() -> None:
    facts = one("CREATE TABLE node (id int PRIMARY KEY, parent int REFERENCES node(id))")
    assert facts.references == frozenset()


@pytest.mark.parametrize(
    ("sql", "renames", "references"),
    [
        ("ALTER TABLE a RENAME TO b", ((T("a"), T("b")),), {T("a")}),
        ("ALTER TABLE s.a RENAME TO b", ((T("s.a"), T("s.b")),), {T("s.a")}),
        ("ALTER TABLE t RENAME COLUMN a TO b", ((C("t", "a"), C("t", "b")),), {T("t"), C("t", "a")}),
        ("ALTER TABLE t RENAME a TO b", ((C("t", "a"), C("t", "b")),), {T("t"), C("t", "a")}),
        (
            "ALTER TABLE t RENAME CONSTRAINT a TO b",
            ((ObjectRef("constraint", "a", "t"), ObjectRef("constraint", "b", "t")),),
            {T("t"), ObjectRef("constraint", "a", "t")},
        ),
        ("ALTER TYPE mood RENAME TO feeling", ((ObjectRef("type", "mood"), ObjectRef("type", "feeling")),), {ObjectRef("type", "mood")}),
        ("ALTER INDEX ix RENAME TO iy", ((ObjectRef("index", "ix"), ObjectRef("index", "iy")),), {ObjectRef("index", "ix")}),
    ],
)
def test_renames(sql: str, renames: tuple, references: set) -> None:
    facts = one(sql)
    assert facts.renames == renames
    assert facts.references == references


def test_drop_table_if_exists_cascade() -> None:
    facts = one("DROP TABLE IF EXISTS a, public.b, s.c CASCADE")
    assert facts.drops == facts.guarded == {T("a"), T("b"), T("s.c")}
    assert facts.references == frozenset()


def test_alter_column_and_drop_column() -> None:
    facts = one("ALTER TABLE t ALTER COLUMN c SET DEFAULT nextval('t_seq'), DROP COLUMN d")
    assert facts.alters == {T("t"), C("t", "c")}
    assert facts.drops == {C("t", "d")}
    assert facts.references == {T("t"), C("t", "c"), ObjectRef("sequence", "t_seq")}


def test_alter_column_type_to_user_type() -> None:
    facts = one("ALTER TABLE t ALTER COLUMN c TYPE mood USING c::mood")
    assert ObjectRef("type", "mood") in facts.references


def test_names_fold_per_dialect() -> None:
    pg = one('CREATE TABLE "Mixed" ("Col" int, other INT)')
    assert pg.creates == {T("Mixed"), C("Mixed", "Col"), C("Mixed", "other")}
    assert one("CREATE TABLE Upper (A int)").creates == {T("upper"), C("upper", "a")}
    assert one("CREATE TABLE `Mixed` (`Col` int)", "mysql").creates == {T("mixed"), C("mixed", "col")}
    assert one('CREATE TABLE "Mixed" ("Col" int)', "sqlite").creates == {T("mixed"), C("mixed", "col")}
    assert one("CREATE TABLE main.t (a int)", "sqlite").creates == {T("t"), C("t", "a")}


def test_create_index_variants() -> None:
    partial = one("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux ON public.t USING btree (lower(email), org_id) WHERE deleted_at IS NULL")
    assert partial.creates == partial.guarded == {ObjectRef("index", "ux", "t")}
    assert partial.references == {T("t"), C("t", "email"), C("t", "org_id"), C("t", "deleted_at")}
    only = one("CREATE INDEX ix ON ONLY t (a) INCLUDE (b)")
    expression = one("CREATE INDEX ix ON ONLY t (lower(a)) INCLUDE (b)")  # not plain: read by sqlglot
    assert expression.references == {T("t"), C("t", "a"), C("t", "b")}
    assert only.creates == {ObjectRef("index", "ix", "t")}
    assert only.references == {T("t"), C("t", "a"), C("t", "b")}
    assert only.kind == "CREATE INDEX"


def test_postgres_objects_from_unparsed_statements() -> None:
    result = scan_sql(
        """
        CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
        CREATE TYPE mood AS ENUM ('sad', 'ok');
        CREATE DOMAIN email AS citext CHECK (VALUE ~ '@');
        ALTER TYPE mood ADD VALUE 'happy';
        CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE PROCEDURE touch();
        COMMENT ON TRIGGER t_touch ON t IS 'x';
        CREATE SCHEMA audit AUTHORIZATION bob;
        ALTER TABLE t OWNER TO bob;
        ALTER SEQUENCE s OWNED BY t.id;
        REFRESH MATERIALIZED VIEW CONCURRENTLY mv;
        DROP EXTENSION IF EXISTS hstore;
        DROP FUNCTION IF EXISTS public.f(integer, text) CASCADE;
        GRANT SELECT ON t TO bob;
        SELECT setval('public."Seq"', 10);
        """,
        "postgresql",
    )
    assert result.warnings == ()
    assert result.creates == {
        ObjectRef("extension", "uuid-ossp"),
        ObjectRef("type", "mood"),
        ObjectRef("type", "email"),
        ObjectRef("function", "touch"),
        ObjectRef("trigger", "t_touch", "t"),
        ObjectRef("schema", "audit"),
    }
    assert result.alters == {ObjectRef("type", "mood"), T("t"), ObjectRef("sequence", "s")}
    assert result.drops == {ObjectRef("extension", "hstore"), ObjectRef("function", "f")}
    assert {
        ObjectRef("type", "citext"),
        ObjectRef("function", "touch"),
        ObjectRef("trigger", "t_touch", "t"),
        C("t", "id"),
        ObjectRef("view", "mv"),
        ObjectRef("sequence", "Seq"),
    } <= result.references


def test_dml_references() -> None:
    insert = one("WITH src AS (SELECT * FROM staging) INSERT INTO t (a, b) SELECT a, b FROM src JOIN extra USING (k) ON CONFLICT (a) DO NOTHING")
    assert insert.references == {T("t"), C("t", "a"), C("t", "b"), T("staging"), T("extra")}  # not the CTE "src"
    update = one("UPDATE t SET a = o.a FROM o WHERE o.id = t.id")
    assert update.references == {T("t"), C("t", "a"), T("o")}
    delete = one("DELETE FROM t USING o WHERE o.id = t.id")
    assert delete.references == {T("t"), T("o")}
    assert one("TRUNCATE a, b").references == {T("a"), T("b")}


def test_builtin_types_are_not_references() -> None:
    facts = one("CREATE TABLE t (a text[], b jsonb, c uuid DEFAULT gen_random_uuid(), d timestamptz, e tsvector, f inet, g mood[])")
    assert facts.references == {ObjectRef("type", "mood")}
    # SQLite and MySQL have no user-defined types at all.
    assert one("CREATE TABLE t (a mood, b STRING)", "sqlite").references == frozenset()


def test_bad_statements_become_warnings_and_scanning_goes_on() -> None:
    sql = "CREATE TABLE a (id int);\nCREATE FOO bar;\nCREATE TABLE (;\nDO $$ BEGIN PERFORM 1; END $$;\nCREATE TABLE b (id int);"
    result = scan_sql(sql, "postgresql")
    assert result.created_tables == {"a", "b"}
    assert [(w.line, w.message) for w in result.warnings] == [
        (2, "could not understand statement: CREATE FOO bar"),
        (3, "could not understand statement: CREATE TABLE ("),
        (4, "DO block is opaque: its contents were not analysed"),
    ]
    assert [s.line for s in result.statements] == [1, 2, 3, 4, 5]
    do = result.statements[3]
    assert (do.creates, do.references, do.kind) == (frozenset(), frozenset(), "DO")


def test_partly_understood_alter_warns_but_keeps_the_table() -> None:
    facts_result = scan_sql("ALTER TABLE t SET WITHOUT OIDS, ADD COLUMN x int WITH BOGUS", "postgresql")
    assert facts_result.statements[0].alters == {T("t")}
    assert facts_result.warnings and facts_result.warnings[0].line == 1


def test_sqlglot_logging_is_silenced_during_scans(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.DEBUG)
    # Each of these makes sqlglot fall back to an unparsed Command, which it logs.
    scan_sql("ALTER TABLE t OWNER TO bob; CREATE FOO bar; ALTER TABLE t VALIDATE CONSTRAINT c;", "postgresql")
    assert [r for r in caplog.records if r.name.startswith("sqlglot")] == []
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


def test_result_aggregates() -> None:
    result = scan_sql("CREATE TABLE a (x int); CREATE VIEW v AS SELECT x FROM a; ALTER TABLE a RENAME TO b; DROP VIEW v", "postgresql")
    assert result.created_tables == {"a"}
    assert result.creates == {T("a"), C("a", "x"), ObjectRef("view", "v")}
    assert result.alters == {T("a")}
    assert result.drops == {ObjectRef("view", "v")}
    assert result.references == {T("a")}
    assert result.renames == ((T("a"), T("b")),)


# --------------------------------------------------------------------------- the example schema


@pytest.mark.skipif(not (BOTSERVER / "expected.json").exists(), reason="examples/botserver not present")
@pytest.mark.parametrize("dialect", ["postgresql", "sqlite", "mysql"])
def test_botserver_schema_tables_and_foreign_keys(dialect: str) -> None:
    expected = json.loads((BOTSERVER / "expected.json").read_text())
    tables = {t for unit in expected["units"].values() for t in unit["tables"]}
    sql_fks = {
        (fk["table"], fk["ref_table"])
        for unit in expected["units"].values()
        for fk in unit["foreign_keys"]
        if fk["table"] != fk["ref_table"]
    }
    created: set[str] = set()
    fks: set[tuple[str, str]] = set()
    for path in sorted(BOTSERVER.glob(f"migrations/*/*/up.{dialect}.sql")):
        result = scan_sql(path.read_text(), dialect)
        assert result.warnings == (), path
        created |= result.created_tables
        for statement in result.statements:
            own = {o.name for o in statement.creates | statement.alters if o.kind == "table"}
            fks |= {(t, r.name) for t in own for r in statement.references if r.kind == "table" and r.name not in own}
    assert created == tables
    # The few foreign keys that Python migrations add are pyscan's business.
    assert fks <= sql_fks and len(sql_fks - fks) <= 10


# --------------------------------------------------------------------------- never raises

_VALID = [
    "CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b(id))",
    "CREATE INDEX ix_a_b ON a (b_id)",
    "ALTER TABLE a ADD COLUMN c text",
    "ALTER TABLE a RENAME COLUMN c TO d",
    "INSERT INTO a (id) VALUES (1)",
    "CREATE VIEW v AS SELECT id FROM a",
    "DROP TABLE IF EXISTS z",
    "COMMENT ON TABLE a IS 'x; y'",
    "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
    "DO $$ BEGIN NULL; END $$",
    "CREATE TYPE e AS ENUM ('x', 'y')",
    "UPDATE a SET c = 'q' WHERE id = 2",
]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["postgresql", "sqlite", "mysql"]))
def test_scan_sql_never_raises_on_arbitrary_text(text: str, dialect: str) -> None:
    result = scan_sql(text, dialect)
    assert len(result.statements) == len(split_statements(text, dialect))
    n_lines = text.count("\n") + 1
    assert all(1 <= s.line <= n_lines for s in result.statements)
    assert all(1 <= w.line <= n_lines for w in result.warnings)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(_VALID), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n", " ", "\n\n", "\n-- note; here\n", " /* c; */ "]), min_size=8, max_size=8),
)
def test_concatenated_statements_scan_like_each_alone(statements: list[str], gaps: list[str]) -> None:
    sql = ""
    starts = []
    for statement, gap in zip(statements, gaps):
        sql += gap
        starts.append(sql.count("\n") + 1)
        sql += statement + ";"
    result = scan_sql(sql, "postgresql")
    assert [s.text for s in result.statements] == statements
    assert [s.line for s in result.statements] == starts
    for got, text in zip(result.statements, statements):
        alone = one(text)
        assert (got.creates, got.alters, got.drops, got.renames, got.references) == (
            alone.creates, alone.alters, alone.drops, alone.renames, alone.references,
        )


# --------------------------------------------------------------------------- foreign keys

@pytest.mark.parametrize("fast", [True, False])
def test_foreign_key_facts_of_create_table(fast: bool) -> None:
    sql = (
        "CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_fk REFERENCES o (id) ON DELETE CASCADE, "
        "b int NOT NULL REFERENCES s.p, parent int REFERENCES t (id), "
        "CONSTRAINT two_fk FOREIGN KEY (a, b) REFERENCES public.q (x, y), FOREIGN KEY (b) REFERENCES r)"
    )
    scanner = sqlglot_scan.Scanner("postgres")
    facts = (fastpath.fast_scan(scanner, sql, strict=True) if fast else scanner.scan_statement(sql)).freeze(1, sql)
    assert facts.foreign_keys == (
        FK("t", ("a",), "o", ("id",), "a_fk"),
        FK("t", ("b",), "s.p", (), None),
        FK("t", ("parent",), "t", ("id",), None),  # self-references are kept here
        FK("t", ("a", "b"), "q", ("x", "y"), "two_fk"),
        FK("t", ("b",), "r", (), None),
    )
    assert facts.dropped_foreign_keys == ()


@pytest.mark.parametrize(
    ("sql", "dialect", "keys", "dropped"),
    [
        ("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES o (id)", "postgresql", (FK("t", ("c",), "o", ("id",), "fk"),), ()),
        ("ALTER TABLE t ADD FOREIGN KEY (c) REFERENCES o", "postgresql", (FK("t", ("c",), "o", (), None),), ()),
        ("ALTER TABLE t ADD COLUMN c int REFERENCES o (id)", "postgresql", (FK("t", ("c",), "o", ("id",), None),), ()),
        ("ALTER TABLE t ADD COLUMN c INTEGER REFERENCES o (id)", "sqlite", (FK("t", ("c",), "o", ("id",), None),), ()),
        ('ALTER TABLE "T" ADD CONSTRAINT "Fk" FOREIGN KEY ("C") REFERENCES "O" ("Id")', "postgresql", (FK("T", ("C",), "O", ("Id",), "Fk"),), ()),
        ("ALTER TABLE `T` ADD CONSTRAINT `Fk` FOREIGN KEY (`C`) REFERENCES `O` (`Id`)", "mysql", (FK("t", ("c",), "o", ("id",), "fk"),), ()),
        ("ALTER TABLE t DROP CONSTRAINT fk_old", "postgresql", (), ("fk_old",)),
        ("ALTER TABLE t DROP CONSTRAINT IF EXISTS fk_old, DROP COLUMN x", "postgresql", (), ("fk_old",)),
        ("ALTER TABLE t DROP FOREIGN KEY fk_old", "mysql", (), ("fk_old",)),
        ("ALTER TABLE t DROP CONSTRAINT fk_old, ADD CONSTRAINT fk_new FOREIGN KEY (c) REFERENCES o (id)", "postgresql",
         (FK("t", ("c",), "o", ("id",), "fk_new"),), ("fk_old",)),
        ("ALTER TABLE t DROP INDEX ix", "mysql", (), ()),
    ],
)
def test_foreign_keys_added_and_dropped_by_alter_table(sql: str, dialect: str, keys: tuple, dropped: tuple) -> None:
    facts = one(sql, dialect)
    assert facts.foreign_keys == keys
    assert facts.dropped_foreign_keys == dropped
    for name in dropped:
        assert any(o.kind == "constraint" and o.name == name for o in facts.drops)


def test_statements_without_foreign_keys_have_none() -> None:
    result = scan_sql("CREATE TABLE a (id int); CREATE INDEX ix ON a (id); INSERT INTO a VALUES (1); DROP TABLE a", "postgresql")
    assert all(s.foreign_keys == () and s.dropped_foreign_keys == () for s in result.statements)


# --------------------------------------------------------------------------- the prediction from these facts

_FK_LIFE = {
    "core/0001_tables/up.sql": """
        CREATE TABLE a (id int PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id), self_id int REFERENCES b (id));
        CREATE TABLE c (id int, b_id int, CONSTRAINT c_b_fk FOREIGN KEY (b_id) REFERENCES b (id));
        CREATE TABLE d (id int, a_id int REFERENCES a);
        CREATE TABLE f (id int, y int REFERENCES b (id));
        CREATE TABLE g (id int, z int REFERENCES b (id));
        CREATE TABLE h (id int, w int);
    """,
    "core/0002_changes/up.sql": """
        ALTER TABLE a RENAME TO aa;
        ALTER TABLE c DROP CONSTRAINT c_b_fk;
        DROP TABLE d;
        CREATE TABLE e (id int PRIMARY KEY, x int);
        ALTER TABLE e ADD CONSTRAINT e_x_fk FOREIGN KEY (x) REFERENCES aa (id);
        ALTER TABLE f DROP COLUMN y;
        ALTER TABLE g DROP CONSTRAINT g_z_fkey;
        ALTER TABLE h ADD CONSTRAINT h_w_fk FOREIGN KEY (w) REFERENCES e (id);
        ALTER TABLE h DROP CONSTRAINT h_w_fk, ADD CONSTRAINT h_w_fk FOREIGN KEY (w) REFERENCES b (id);
        ALTER TABLE h RENAME TO hh;
    """,
}
# b -> a renamed (both names follow); c's dropped by name; d gone with its table; f's with
# its column; g's by PostgreSQL's default name; h's dropped and made again, then renamed.
_FK_LIFE_EXPECTED = {("b", "aa"), ("e", "aa"), ("hh", "b")}


def _fk_life_project(tmp_path: Path) -> Path:
    from helpers import write_project

    return write_project(tmp_path / "p", "[features]\n", _FK_LIFE)


def test_predicted_foreign_keys_follow_renames_and_drops(tmp_path: Path) -> None:
    from gatedb.analysis import checker
    from gatedb.analysis import facts as analysis
    from gatedb.files.loader import load_project

    project = load_project(_fk_life_project(tmp_path))
    predicted = checker.predict(project.migrations, analysis.facts_for(project, "postgresql"))
    assert predicted.foreign_keys == _FK_LIFE_EXPECTED
    assert set(predicted.tables) == {"aa", "b", "c", "e", "f", "g", "hh"}


@pytest.mark.integration
def test_predicted_foreign_keys_are_the_live_ones_on_postgresql(tmp_path: Path, new_db) -> None:
    import gatedb
    from gatedb.analysis import checker
    from gatedb.analysis import facts as analysis
    from gatedb.analysis.matrix import differences, live_schema
    from gatedb.files.loader import load_project

    project = load_project(_fk_life_project(tmp_path))
    url = new_db("postgresql")
    gatedb.migrate(project, database=url)
    live = live_schema(url)
    assert live.foreign_keys == _FK_LIFE_EXPECTED
    assert list(differences(checker.predict(project.migrations, analysis.facts_for(project, "postgresql")), live)) == []
