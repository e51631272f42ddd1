"""`gatedb schema --lang diesel`: print-schema's output split by unit, checked against a live
PostgreSQL catalog.

The expected Diesel types are derived here from pg_catalog (pg_attribute, pg_type, pg_index,
pg_constraint), not from information_schema as the generator reads it and never from
gatedb's prediction, by a small mapping of print-schema's rules written in this file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import pytest
import sqlalchemy as sa

import gatedb
from gatedb.files.loader import load_project
from gatedb.schema import diesel

from helpers import write_project

pytestmark = pytest.mark.integration

MANIFEST = """
[features]
default = []
tasks = []
crm = []
"""

FILES = {
    "core/0001_init/up.sql": """
        CREATE TYPE mood AS ENUM ('happy', 'sad');
        CREATE DOMAIN email_address AS varchar(320);
        CREATE TABLE users (
            id uuid PRIMARY KEY,
            email varchar(255) NOT NULL,
            name text,
            tags text[] NOT NULL,
            scores int4[],
            created_at timestamptz NOT NULL DEFAULT now(),
            profile jsonb,
            balance numeric(12, 2),
            mood mood,
            moods mood[] NOT NULL,
            code char(3),
            type text,
            "Display Name" text,
            local_at timestamp,
            opens_at time with time zone,
            search tsvector
        );
        CREATE TABLE settings (
            user_id uuid NOT NULL REFERENCES users (id),
            key text NOT NULL,
            value jsonb,
            PRIMARY KEY (user_id, key)
        );
        CREATE TABLE bots (id serial PRIMARY KEY, pinned_task_id int8, owner_id uuid REFERENCES users (id));
        CREATE TABLE "match" (id bigserial PRIMARY KEY, played_on date NOT NULL);
        CREATE TABLE audit_log (at timestamptz NOT NULL, message text);
    """,
    "tasks/0001_tasks/up.sql": """
        CREATE TABLE tasks (
            id bigserial PRIMARY KEY,
            owner_id uuid NOT NULL REFERENCES users (id),
            parent_id int8 REFERENCES tasks (id),
            contact_id uuid,
            title varchar(200) NOT NULL,
            done boolean NOT NULL DEFAULT false,
            due date,
            mood mood,
            estimate interval,
            starts_at time
        );
        CREATE TABLE task_comments (
            id serial PRIMARY KEY,
            task_id int8 NOT NULL REFERENCES tasks (id),
            author_id uuid NOT NULL REFERENCES users (id),
            editor_id uuid REFERENCES users (id),
            body text NOT NULL
        );
        ALTER TABLE bots ADD CONSTRAINT bots_pinned_task_fk FOREIGN KEY (pinned_task_id) REFERENCES tasks (id);
    """,
    "crm/0001_crm/up.sql": """
        CREATE TABLE contacts (
            id uuid PRIMARY KEY,
            user_id uuid REFERENCES users (id),
            emails varchar(100)[],
            ip inet,
            meta json,
            rating float8,
            score float4 NOT NULL,
            small int2,
            big int8,
            photo bytea,
            since date,
            home email_address,
            period int4range,
            card xml,
            price money,
            mac macaddr
        );
        CREATE TABLE contact_settings (
            id serial PRIMARY KEY,
            user_id uuid NOT NULL,
            key text NOT NULL,
            FOREIGN KEY (user_id, key) REFERENCES settings (user_id, key)
        );
    """,
    "tasks+crm/0001_links/up.sql": """
        CREATE TABLE task_contacts (
            task_id int8 NOT NULL REFERENCES tasks (id),
            contact_id uuid NOT NULL REFERENCES contacts (id),
            PRIMARY KEY (task_id, contact_id)
        );
        ALTER TABLE tasks ADD CONSTRAINT tasks_contact_fk FOREIGN KEY (contact_id) REFERENCES contacts (id);
    """,
}

# Which module each table's block belongs in: the unit whose migration creates it.
HOMES = {
    "users": "core", "settings": "core", "bots": "core", "match": "core",
    "tasks": "tasks", "task_comments": "tasks",
    "contacts": "crm", "contact_settings": "crm",
    "task_contacts": "tasks__crm",
}
NO_PK = ["^audit_log$"]

# print-schema's names for the types diesel provides (the udt name in UpperCamelCase).
DIESEL_TYPES = {
    "bool": "Bool", "int2": "Int2", "int4": "Int4", "int8": "Int8", "float4": "Float4", "float8": "Float8",
    "numeric": "Numeric", "text": "Text", "varchar": "Varchar", "bpchar": "Bpchar", "bytea": "Bytea",
    "date": "Date", "time": "Time", "timestamp": "Timestamp", "timestamptz": "Timestamptz", "interval": "Interval",
    "uuid": "Uuid", "json": "Json", "jsonb": "Jsonb", "inet": "Inet", "int4range": "Int4range", "money": "Money",
    "macaddr": "Macaddr",
}
# ...and those it does not: a generated SqlType named after the type, with its schema unless public.
CUSTOM_TYPES = {"mood": ("Mood", None), "timetz": ("Timetz", "pg_catalog"), "tsvector": ("Tsvector", "pg_catalog"), "xml": ("Xml", "pg_catalog")}
RUST_KEYWORDS = {"type", "match"}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """The fixture project migrated with every feature on, and its generated modules."""
    from conftest import ScratchDatabases

    root = tmp_path_factory.mktemp("diesel")
    scratch = ScratchDatabases(root)
    try:
        url = scratch.new("postgresql")
        project = write_project(root / "project", MANIFEST, FILES)
        gatedb.migrate(project, database=url, all_features=True)
        files = diesel.diesel_files(load_project(project), url, except_tables=NO_PK)
        yield project, url, files
    finally:
        scratch.drop_all()


def catalog_expectation(url: str) -> dict[str, dict[str, object]]:
    """table -> its primary key and `column -> Type` lines, derived from pg_catalog."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("""
                SELECT c.relname, a.attname, a.attnotnull, t.typname, t.typcategory = 'A',
                       coalesce(e.typname, t.typname), CASE WHEN d.oid IS NULL THEN a.atttypmod ELSE d.typtypmod END
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                LEFT JOIN pg_type d ON d.oid = a.atttypid AND d.typtype = 'd'  -- a domain: print-schema sees its base type
                JOIN pg_type t ON t.oid = coalesce(d.typbasetype, a.atttypid)
                LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
                WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE 'gatedb%'
                ORDER BY c.relname, a.attnum""")).fetchall()
            keys = conn.execute(sa.text("""
                SELECT c.relname, array_agg(a.attname ORDER BY k.i) FROM pg_index x
                JOIN pg_class c ON c.oid = x.indrelid, unnest(x.indkey) WITH ORDINALITY AS k(attnum, i)
                JOIN pg_attribute a ON a.attnum = k.attnum
                WHERE x.indisprimary AND a.attrelid = c.oid GROUP BY c.relname""")).fetchall()
    finally:
        engine.dispose()
    out: dict[str, dict[str, object]] = {}
    for table, column, not_null, _typname, is_array, base, typmod in rows:
        name = DIESEL_TYPES.get(base) or CUSTOM_TYPES[base][0]
        if is_array:
            name = f"Array<Nullable<{name}>>"
        if not not_null:
            name = f"Nullable<{name}>"
        entry = out.setdefault(table, {"pk": [], "columns": []})
        length = typmod - 4 if base in ("varchar", "bpchar") and not is_array and typmod > 4 else None
        entry["columns"].append((column, name, length))  # type: ignore[union-attr]
    for table, pk in keys:
        if table in out:
            out[table]["pk"] = list(pk)
    return out


def rust(name: str) -> str:
    if name in RUST_KEYWORDS:
        return f"{name}_"
    return re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9]", "_", name))


TABLE_BLOCK = re.compile(r"^diesel::table! \{\n(?P<body>.*?)^\}\n", re.S | re.M)


def parse_tables(text: str) -> dict[str, dict[str, object]]:
    """The table! blocks of one module: sql name -> pk and (sql name, type, max_length) per column."""
    tables = {}
    for block in TABLE_BLOCK.finditer(text):
        lines = block["body"].splitlines()
        lines = [l for l in lines if l.strip() and not l.strip().startswith("use ")]
        sql_name = None
        if lines[0].strip().startswith("#[sql_name"):
            sql_name = re.search(r'"(.*)"', lines.pop(0))[1]
        head = re.fullmatch(r"    (\w+) \(([\w, ]*)\) \{", lines[0])
        assert head, lines[0]
        columns, pending = [], {}
        for line in lines[1:-1]:
            attr = re.fullmatch(r'        #\[(sql_name|max_length) = "?(.*?)"?\]', line)
            if attr:
                pending[attr[1]] = attr[2]
                continue
            col = re.fullmatch(r"        (\w+) -> (.+),", line)
            assert col, line
            columns.append((pending.get("sql_name", col[1]), col[2], int(pending["max_length"]) if "max_length" in pending else None, col[1]))
            pending = {}
        tables[sql_name or head[1]] = {"rust": head[1], "pk": head[2].split(", "), "columns": columns}
    return tables


def test_every_table_matches_the_catalog_in_its_units_module(generated) -> None:
    _project, url, files = generated
    expected = catalog_expectation(url)
    found = {}
    for name, text in files.items():
        for table, block in parse_tables(text).items():
            assert table not in found, f"{table} is declared twice"
            found[table] = (name, block)
    assert set(found) == set(expected) - {"audit_log"}
    for table, (module, block) in found.items():
        assert module == f"{HOMES[table]}.rs", table
        assert block["rust"] == rust(table)
        assert block["pk"] == [rust(k) for k in expected[table]["pk"]], table
        got = [(sql, ty, length) for sql, ty, length, _r in block["columns"]]
        assert got == expected[table]["columns"], table
        assert [r for *_x, r in block["columns"]] == [rust(c) for c, _t, _l in expected[table]["columns"]]


def test_types_print_schema_spells_in_its_own_words(generated) -> None:
    files = generated[2]
    users = parse_tables(files["core.rs"])["users"]["columns"]
    by_name = {sql: (ty, length, r) for sql, ty, length, r in users}
    assert by_name["id"][0] == "Uuid"
    assert by_name["email"][:2] == ("Varchar", 255)
    assert by_name["tags"][0] == "Array<Nullable<Text>>"
    assert by_name["scores"][0] == "Nullable<Array<Nullable<Int4>>>"
    assert by_name["created_at"][0] == "Timestamptz"
    assert by_name["moods"][0] == "Array<Nullable<Mood>>"
    assert by_name["code"][:2] == ("Nullable<Bpchar>", 3)
    assert by_name["type"][2] == "type_" and by_name["Display Name"][2] == "Display_Name"
    assert '    #[sql_name = "match"]\n    match_ (id) {' in files["core.rs"]


def test_custom_types_are_defined_once_and_imported_as_print_schema_imports_them(generated) -> None:
    files = generated[2]
    core = files["core.rs"]
    assert core.count("pub struct Mood;") == 1
    assert '    #[derive(diesel::sql_types::SqlType)]\n    #[diesel(postgres_type(name = "mood"))]\n    pub struct Mood;\n' in core
    assert '    #[diesel(postgres_type(name = "timetz", schema = "pg_catalog"))]\n    pub struct Timetz;\n' in core
    assert '    #[diesel(postgres_type(name = "tsvector", schema = "pg_catalog"))]\n    pub struct Tsvector;\n' in core
    assert "diesel::table! {\n    use diesel::sql_types::*;\n    use super::sql_types::Mood;\n    use super::sql_types::Timetz;\n    use super::sql_types::Tsvector;\n\n    users (id) {" in core
    tasks = files["tasks.rs"]
    assert "pub mod sql_types {\n    pub use super::super::core::sql_types::Mood;\n}\n" in tasks
    assert "pub struct Mood" not in tasks
    assert "diesel::table! {\n    use diesel::sql_types::*;\n    use super::sql_types::Mood;\n\n    tasks (id) {" in tasks
    assert '    #[diesel(postgres_type(name = "xml", schema = "pg_catalog"))]\n    pub struct Xml;\n' in files["crm.rs"]  # only crm uses it
    assert "Xml" not in core
    assert "Email" not in files["crm.rs"]  # a domain is its base type: #[max_length = 320] home -> Nullable<Varchar>


def joinable_expectation(url: str) -> set[tuple[str, str, str]]:
    """print-schema's joinable rule on pg_constraint: the only key between two different
    tables, of one column, referring to the parent's one-column primary key."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            keys = conn.execute(sa.text("""
                SELECT c.conrelid::regclass::text, c.confrelid::regclass::text, c.conkey, c.confkey,
                       (SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = c.conkey[1]),
                       (SELECT x.indkey::int2[] FROM pg_index x WHERE x.indrelid = c.confrelid AND x.indisprimary)
                FROM pg_constraint c WHERE c.contype = 'f'""")).fetchall()
    finally:
        engine.dispose()
    pairs: dict[frozenset[str], int] = {}
    for child, parent, *_rest in keys:
        pairs[frozenset((child, parent))] = pairs.get(frozenset((child, parent)), 0) + 1
    return {
        (child.strip('"'), parent.strip('"'), column)
        for child, parent, conkey, confkey, column, pk in keys
        if child != parent and len(conkey) == 1 and pk is not None and list(pk) == list(confkey) and pairs[frozenset((child, parent))] == 1
    }


def test_joinables_are_print_schemas_and_sit_in_the_module_owning_the_key(generated) -> None:
    _project, url, files = generated
    found = {}
    for name, text in files.items():
        for child, parent, column in re.findall(r"^diesel::joinable!\((\w+) -> (\w+) \((\w+)\)\);$", text, re.M):
            found[(child, parent, column)] = name
    assert set(found) == joinable_expectation(url)
    assert found[("bots", "tasks", "pinned_task_id")] == "tasks.rs"  # core -> feature: owned by the feature
    assert found[("tasks", "contacts", "contact_id")] == "tasks__crm.rs"  # feature <-> feature: the bridge
    assert found[("task_contacts", "tasks", "task_id")] == "tasks__crm.rs"
    assert found[("settings", "users", "user_id")] == "core.rs"
    assert ("task_comments", "users", "author_id") not in found  # two keys between the same tables: none
    assert "use super::core::bots;\n" in files["tasks.rs"]
    assert "use super::tasks::tasks;\nuse super::crm::contacts;\n" in files["tasks__crm.rs"]  # in unit order


def allowed_pairs(files: dict[str, str]) -> dict[frozenset[str], str]:
    out: dict[frozenset[str], str] = {}
    for name, text in files.items():
        for group in re.findall(r"^diesel::allow_tables_to_appear_in_same_query!\(\n(.*?)^\);$", text, re.M | re.S):
            tables = re.findall(r"^    (\w+),$", group, re.M)
            for i, a in enumerate(tables):
                for b in tables[i + 1 :]:
                    pair = frozenset((a, b))
                    assert pair not in out, f"{sorted(pair)} allowed in {out.get(pair)} and {name}: a conflicting impl"
                    out[pair] = name
    return out


def test_tables_are_allowed_together_once_per_unit_and_per_foreign_key(generated) -> None:
    files = generated[2]
    pairs = allowed_pairs(files)
    assert pairs[frozenset(("users", "settings"))] == "core.rs"
    assert pairs[frozenset(("users", "match_"))] == "core.rs"
    assert pairs[frozenset(("bots", "tasks"))] == "tasks.rs"
    assert pairs[frozenset(("tasks", "contacts"))] == "tasks__crm.rs"
    assert pairs[frozenset(("contact_settings", "settings"))] == "crm.rs"  # composite key: allowed, not joinable
    assert frozenset(("tasks", "contacts")) in pairs and frozenset(("bots", "contacts")) not in pairs


def test_mod_rs_gates_each_module_by_its_features(generated) -> None:
    mod = generated[2]["mod.rs"]
    body = [l for l in mod.splitlines() if l and not l.startswith("//")]
    assert body == [
        "pub mod core;",
        '#[cfg(feature = "tasks")]',
        "pub mod tasks;",
        '#[cfg(feature = "crm")]',
        "pub mod crm;",
        '#[cfg(all(feature = "crm", feature = "tasks"))]',
        "#[allow(non_snake_case)]",
        "pub mod tasks__crm;",
    ]


def test_output_is_deterministic_across_databases(generated, new_db) -> None:
    project, _url, files = generated
    other = new_db("postgresql")
    gatedb.migrate(project, database=other, all_features=True)
    assert diesel.diesel_files(load_project(project), other, except_tables=NO_PK) == files


def test_a_table_without_primary_key_is_refused_as_print_schema_refuses_it(generated) -> None:
    project, url, _files = generated
    with pytest.raises(diesel.DieselSchemaError) as info:
        diesel.diesel_files(load_project(project), url)
    assert "audit_log" in info.value.message and "primary key" in info.value.message
    assert "--except-tables" in (info.value.hint or "")


def test_write_files_replaces_stale_generated_modules_only(tmp_path: Path, generated) -> None:
    files = generated[2]
    (tmp_path / "old_unit.rs").write_text(diesel.HEADER + "\n")
    (tmp_path / "hand_written.rs").write_text("// mine\n")
    diesel.write_files(str(tmp_path), files)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*files, "hand_written.rs"])
    assert all((tmp_path / n).read_text() == t for n, t in files.items())


def test_the_botserver_example_carries_its_current_diesel_modules(new_db) -> None:
    """examples/botserver/diesel is what the generator writes for the example today (one
    migrate of its 295 tables); regenerate it with the command in the example's README."""
    from helpers import EXAMPLES

    example = EXAMPLES / "botserver"
    url = new_db("postgresql")
    gatedb.migrate(example, database=url, all_features=True)
    files = diesel.diesel_files(load_project(example), url)
    committed = {p.name: p.read_text() for p in sorted((example / "diesel").glob("*.rs"))}
    stale = sorted(n for n in set(files) | set(committed) if files.get(n) != committed.get(n))
    assert not stale, f"examples/botserver/diesel is out of date in {stale}: run gatedb schema --lang diesel (see examples/botserver/diesel/README.md)"


# --------------------------------------------------------------------------- compiling

STANDIN = Path(__file__).parent / "fixtures" / "diesel_standin"


@pytest.fixture(scope="module")
def rustc(tmp_path_factory: pytest.TempPathFactory):
    """Compile a schema folder for a feature set against the diesel stand-in (crates.io,
    hence diesel itself, is not reachable from these machines): rustc checks the
    modules' paths, imports, cfg gates and that no impl is declared twice."""
    import shutil
    import subprocess

    if shutil.which("rustc") is None:
        pytest.skip("rustc is not installed")
    lib = tmp_path_factory.mktemp("standin")
    run = lambda *args: subprocess.run(["rustc", "--edition", "2021", *args], capture_output=True, text=True, cwd=lib)  # noqa: E731
    assert run("--crate-type", "proc-macro", "--crate-name", "diesel_standin_derive", str(STANDIN / "derive.rs"), "-o", "libdiesel_standin_derive.so").returncode == 0
    built = run("--crate-type", "rlib", "--crate-name", "diesel", "-L", ".", "--extern", "diesel_standin_derive=libdiesel_standin_derive.so", str(STANDIN / "lib.rs"), "-o", "libdiesel.rlib")
    assert built.returncode == 0, built.stderr

    def compile_schema(folder: Path, features: Iterable[str]) -> subprocess.CompletedProcess:
        root = lib / f"app_{abs(hash((str(folder), tuple(sorted(features)))))}.rs"
        root.write_text(f'#![recursion_limit = "1024"]\n#[path = "{folder / "mod.rs"}"]\npub mod schema;\n')
        cfgs = [arg for f in sorted(features) for arg in ("--cfg", f'feature="{f}"')]
        return run("--crate-type", "lib", "--crate-name", "app", "--emit=metadata", "-o", str(root.with_suffix(".rmeta")), "-L", ".", "--extern", "diesel=libdiesel.rlib", "-D", "warnings", *cfgs, str(root))

    return compile_schema


@pytest.mark.parametrize("features", [(), ("tasks",), ("crm",), ("tasks", "crm")], ids=lambda f: "+".join(f) or "none")
def test_the_modules_of_each_feature_set_compile_alone(generated, rustc, tmp_path: Path, features: tuple[str, ...]) -> None:
    diesel.write_files(str(tmp_path), generated[2])
    result = rustc(tmp_path, features)
    assert result.returncode == 0, result.stderr


def test_a_module_outside_its_gate_fails_to_compile(generated, rustc, tmp_path: Path) -> None:
    """The check has teeth: ungate the bridge and the build with tasks alone breaks."""
    files = dict(generated[2])
    files["mod.rs"] = files["mod.rs"].replace('#[cfg(all(feature = "crm", feature = "tasks"))]\n', "")
    diesel.write_files(str(tmp_path), files)
    result = rustc(tmp_path, ["tasks"])
    assert result.returncode != 0 and "super::crm" in result.stderr


@pytest.mark.parametrize("selection", [{"no_default_features": True}, {}, {"all_features": True}], ids=["none", "default", "all"])
def test_the_botserver_modules_compile_for_its_feature_sets(rustc, selection: dict) -> None:
    from gatedb.core.features import Selection
    from helpers import EXAMPLES

    project = load_project(EXAMPLES / "botserver")
    enabled = project.features.resolve(Selection(**selection)).enabled
    result = rustc(EXAMPLES / "botserver" / "diesel", enabled)
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------- the command


def run_cli(*args: str):
    from click.testing import CliRunner

    from gatedb.commands import main

    return CliRunner().invoke(main, ["schema", "--lang", "diesel", *args])


def test_the_command_refuses_a_database_other_than_postgresql(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", MANIFEST, FILES)
    for given in ([], ["--database", "sqlite:///app.db"], ["--database", "mysql://root:s3cret@127.0.0.1/x"]):
        result = run_cli("--project", str(project), "--out", str(tmp_path / "out"), *given)
        lines = result.output.splitlines()
        assert result.exit_code == 2 and lines[-2].startswith("error: ") and lines[-1].startswith("hint: "), result.output
        assert "PostgreSQL" in lines[-2] and "--database postgresql://" in lines[-1] and "s3cret" not in result.output
        assert not (tmp_path / "out").exists()


def test_the_command_writes_the_modules_the_library_renders(generated, tmp_path: Path) -> None:
    from conftest import PG_ADMIN

    project, _url, files = generated
    result = run_cli("--project", str(project), "--out", str(tmp_path / "out"), "--database", PG_ADMIN, "--except-tables", "^audit_log$")
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_text() for p in (tmp_path / "out").iterdir()} == files
    setup_derives = ["--custom-type-derives", "diesel::query_builder::QueryId", "--custom-type-derives", "Clone"]
    derived = run_cli("--project", str(project), "--out", str(tmp_path / "derives"), "--database", PG_ADMIN, "-e", "^audit_log$", *setup_derives)
    assert derived.exit_code == 0, derived.output
    core = (tmp_path / "derives" / "core.rs").read_text()
    assert core == files["core.rs"].replace("#[derive(diesel::sql_types::SqlType)]", "#[derive(diesel::query_builder::QueryId, Clone, diesel::sql_types::SqlType)]")
    refused = run_cli("--project", str(project), "--out", str(tmp_path / "again"), "--database", PG_ADMIN)
    assert refused.exit_code == 2 and "error: table audit_log (unit core) has no primary key" in refused.output
    assert "hint: " in refused.output and not (tmp_path / "again").exists()


def test_sql_type_derives_end_with_sql_type_unless_asked_for() -> None:
    assert diesel.type_derives() == ("diesel::sql_types::SqlType",)
    assert diesel.type_derives(["Clone"]) == ("Clone", "diesel::sql_types::SqlType")
    assert diesel.type_derives(["diesel::sql_types::SqlType", "Debug"]) == ("diesel::sql_types::SqlType", "Debug")


def test_names_follow_diesel_clis_rules() -> None:
    assert [diesel.rust_name(n) for n in ("users", "type", "columns", "__x", "__x_", "a b-c", "is_nullable")] == ["users", "type_", "columns_", "__x_", "__x_", "a_b_c", "is_nullable_"]
    assert [diesel.upper_camel(n) for n in ("int4", "timestamptz", "my_mood", "HTTPStatus", "int4range", "Int4Range")] == ["Int4", "Timestamptz", "MyMood", "HttpStatus", "Int4range", "Int4Range"]
    assert [diesel.rust_module_name(n) for n in ("core", "async", "match", "a__b")] == ["core", "async_", "match_", "a__b"]


def references_outside_closure(project_root: Path, files: dict[str, str]) -> list[str]:
    """Every path from one unit's module into another's that points outside the unit's
    closure: with none, each module compiles whenever its unit is on, in every feature set."""
    from gatedb.core.graph import closures
    from gatedb.schema.ownership import module_names

    project = load_project(project_root)
    unit_of = {diesel.rust_module_name(name): unit for unit, name in module_names([u.name for u in project.units]).items()}
    closure = closures(project.units, project.features)
    bad = []
    for name, text in files.items():
        if name == "mod.rs":
            continue
        unit = unit_of[name[:-3]]
        for target in re.findall(r"\bsuper::(?:super::)?(\w+)::", text):
            if target != "sql_types" and unit_of[target] not in closure[unit] | {unit}:
                bad.append(f"{name} -> {target}")
    return bad


def test_every_module_refers_only_to_modules_on_whenever_it_is(generated) -> None:
    project, _url, files = generated
    assert references_outside_closure(project, files) == []
    assert "super::tasks::" in files["tasks__crm.rs"] and "super::core::" in files["tasks.rs"]  # the check sees them


def test_the_botserver_modules_refer_only_within_their_closures() -> None:
    from helpers import EXAMPLES

    folder = EXAMPLES / "botserver" / "diesel"
    files = {p.name: p.read_text() for p in folder.glob("*.rs")}
    assert references_outside_closure(EXAMPLES / "botserver", files) == []


def test_a_table_no_migration_is_seen_to_create_is_named(tmp_path: Path, new_db) -> None:
    files = {"core/0001_init/up.sql": "CREATE TABLE users (id int PRIMARY KEY);\nDO $$ BEGIN EXECUTE 'CREATE TABLE hidden (id int PRIMARY KEY)'; END $$;\n"}
    project = write_project(tmp_path / "p", MANIFEST, files)
    url = new_db("postgresql")
    gatedb.migrate(project, database=url)
    with pytest.raises(diesel.DieselSchemaError) as info:
        diesel.diesel_files(load_project(project), url)
    assert info.value.message.startswith("table hidden is in the migrated database") and "--except-tables" in (info.value.hint or "")
    assert set(diesel.diesel_files(load_project(project), url, except_tables=["^hidden$"])) == {"mod.rs", "core.rs"}
    with pytest.raises(diesel.DieselSchemaError, match="not a regular expression"):
        diesel.diesel_files(load_project(project), url, except_tables=["("])
