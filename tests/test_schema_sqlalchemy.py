"""`gatedb schema --lang sqlalchemy` and gatedb.load_schema on a small project: the package
round-trips (create_all of each feature set equals what migrate builds, on SQLite and
PostgreSQL), reruns byte-identically, and imports only the enabled units."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

import gatedb
from gatedb.commands import main
from gatedb.schema.build import structure
from gatedb.schema.runtime import DisabledTable, UnknownTable

from conftest import PG_ADMIN
from helpers import write_project

MANIFEST = """
[features]
default = ["people"]
people = []
mail = []
crm = ["people"]

[schema]
package = "schema"
"""
PG_UP = {
    "core/0001_init/up.postgresql.sql": """
        CREATE TABLE users (id UUID PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE, favourite INTEGER, tags TEXT[],
                            settings JSONB NOT NULL DEFAULT '{}'::jsonb, created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP);
        CREATE TABLE bots (id SERIAL PRIMARY KEY, owner UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT);
        CREATE INDEX ix_bots_name ON bots (name);
    """,
    "people/0001_people/up.postgresql.sql": """
        CREATE TABLE contacts (id INTEGER PRIMARY KEY, user_id UUID REFERENCES users(id), message_id INTEGER, score DOUBLE PRECISION);
    """,
    "mail/0001_mail/up.postgresql.sql": "CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT NOT NULL, bot_id INTEGER REFERENCES bots(id));",
    "crm/0001_crm/up.postgresql.sql": "CREATE TABLE deals (contact_id INTEGER NOT NULL REFERENCES contacts(id), seq INTEGER NOT NULL, amount NUMERIC(12, 2), PRIMARY KEY (contact_id, seq));",
}
SQLITE_UP = {
    "core/0001_init/up.sqlite.sql": """
        CREATE TABLE users (id CHAR(36) PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE, favourite INTEGER, tags JSON,
                            settings JSON NOT NULL DEFAULT '{}', created_at DATETIME DEFAULT CURRENT_TIMESTAMP);
        CREATE TABLE bots (id INTEGER PRIMARY KEY, owner CHAR(36) NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT);
        CREATE INDEX ix_bots_name ON bots (name);
    """,
    "people/0001_people/up.sqlite.sql": "CREATE TABLE contacts (id INTEGER PRIMARY KEY, user_id CHAR(36) REFERENCES users(id), message_id INTEGER, score FLOAT);",
    "mail/0001_mail/up.sqlite.sql": "CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT NOT NULL, bot_id INTEGER REFERENCES bots(id));",
    "crm/0001_crm/up.sqlite.sql": "CREATE TABLE deals (contact_id INTEGER NOT NULL REFERENCES contacts(id), seq INTEGER NOT NULL, amount NUMERIC(12, 2), PRIMARY KEY (contact_id, seq));",
}
# Keys added to existing tables: Alembic's batch mode (SQLite rebuilds the table, PostgreSQL alters it).
PY_KEYS = {
    "people/0002_favourite.py": '''
        def upgrade(op):
            with op.batch_alter_table("users") as batch:
                batch.create_foreign_key("users_favourite_fk", "contacts", ["favourite"], ["id"])
    ''',
    "mail+people/0001_link.py": '''
        def upgrade(op):
            with op.batch_alter_table("contacts") as batch:
                batch.create_foreign_key("contacts_message_fk", "messages", ["message_id"], ["id"])
    ''',
}
FEATURE_SETS = [dict(no_default_features=True), dict(), dict(features=["mail"]), dict(all_features=True)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("schema") / "app", MANIFEST, {**PG_UP, **SQLITE_UP, **PY_KEYS})


def generate(project: Path, out: Path, *databases: str) -> None:
    args = ["schema", "--lang", "sqlalchemy", "-p", str(project), "--out", str(out)] + [a for d in databases for a in ("-d", d)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def package(project: Path) -> Path:
    """Generated from PostgreSQL (the types) and SQLite (the variants) into <project>/schema."""
    from conftest import _require_server

    _require_server("postgresql")
    generate(project, project / "schema", PG_ADMIN, "sqlite://")
    return project / "schema"


def created(schema: gatedb.Schema, url: str) -> None:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        schema.metadata.create_all(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_create_all_of_each_feature_set_equals_what_migrate_builds(project: Path, package: Path, new_db, dialect: str) -> None:
    built = []
    for flags in FEATURE_SETS:
        migrated, declared = new_db(dialect), new_db(dialect)
        gatedb.migrate(project, database=migrated, **flags)
        created(gatedb.load_schema(package, **flags), declared)
        built.append(structure(migrated))
        assert structure(declared) == built[-1], flags
    assert len({repr(b) for b in built}) == len(FEATURE_SETS)  # each set builds another schema: the comparison can fail
    assert [c for c in built[-1]["users"]["columns"] if c[0] == "id"] == [("id", "UUID" if dialect == "postgresql" else "CHAR(36)", False)]


def test_units_split_tables_and_keys(package: Path) -> None:
    people = (package / "people.py").read_text()
    assert "'contacts'," in people and "metadata.tables['users'].append_constraint(sa.ForeignKeyConstraint(['favourite'], ['contacts.id'], name='users_favourite_fk'))" in people
    core = (package / "core.py").read_text()
    assert "sa.Column('favourite', sa.INTEGER())" in core and "contacts" not in core  # the column stays, its key moves
    assert "sa.UUID().with_variant(sa.CHAR(length=36), 'sqlite')" in core and "postgresql.JSONB().with_variant(sa.JSON(), 'sqlite')" in core
    assert "server_default=sa.text('CURRENT_TIMESTAMP')" in core and "sa.Index('ix_bots_name', 'name')" in core
    bridge = (package / "mail__people.py").read_text()
    assert "sa.Table(" not in bridge and "metadata.tables['contacts'].append_constraint" in bridge
    assert "sa.PrimaryKeyConstraint('contact_id', 'seq')" in (package / "crm.py").read_text()


def test_bridge_keys_exist_only_when_both_sides_are_on(package: Path) -> None:
    both = gatedb.load_schema(package, features=["people", "mail"])
    assert {fk.target_fullname for fk in both.table("contacts").foreign_keys} == {"users.id", "messages.id"}
    one = gatedb.load_schema(package, features=["people"])
    assert {fk.target_fullname for fk in one.table("contacts").foreign_keys} == {"users.id"}
    assert "message_id" in one.table("contacts").columns
    assert one.units == ("core", "people") and set(one.tables) == {"users", "bots", "contacts"}


def test_a_disabled_table_names_its_feature_and_flag(package: Path) -> None:
    schema = gatedb.load_schema(package, no_default_features=True)
    with pytest.raises(DisabledTable) as raised:
        schema.table("contacts")
    assert raised.value.message == "table contacts belongs to unit people, and feature people is off in this build"
    assert raised.value.hint == 'enable it with --features people (gatedb.load_schema(..., features=["people"]))'
    assert isinstance(raised.value, gatedb.GatedbError)
    with pytest.raises(UnknownTable, match="declares a table 'nope'"):
        schema.table("nope")
    with pytest.raises(gatedb.GatedbError, match="unknown feature 'mial'"):
        gatedb.load_schema(package, features=["mial"])


def test_disabled_units_are_never_imported(project: Path, package: Path) -> None:
    code = (
        "import sys, json, gatedb\n"
        f"s = gatedb.load_schema(project={str(project)!r}, features=['people'])\n"
        "print(json.dumps(sorted(m.partition('.')[2] for m in sys.modules if m.startswith(s.package + '.'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == ["core", "people"]


def test_rerun_is_byte_identical(project: Path, tmp_path: Path) -> None:
    from gatedb.schema.sqlalchemy_writer import HEADER

    generate(project, tmp_path / "a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "gone.py").write_text(f'"""Unit gone: 1 table.\n\n{HEADER}\n"""\n')  # a unit removed since
    (tmp_path / "b" / "helpers.py").write_text("# the user's own\n")
    generate(project, tmp_path / "b")
    first = {p.name: p.read_bytes() for p in sorted((tmp_path / "a").iterdir())}
    assert first == {p.name: p.read_bytes() for p in sorted((tmp_path / "b").iterdir()) if p.name != "helpers.py"}
    assert sorted(first) == ["__init__.py", "core.py", "crm.py", "mail.py", "mail__people.py", "people.py"]
    assert (tmp_path / "b" / "helpers.py").exists()


def test_relationship_in_a_bridge_exists_only_when_it_loads(project: Path, package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import orm

    relations = tmp_path / "app_relations"
    relations.mkdir()
    (relations / "__init__.py").write_text("")
    (relations / "mail__people.py").write_text(
        "from sqlalchemy.orm import relationship\n"
        "from gatedb.schema.runtime import mapped_class\n\n"
        "def relate(registry):\n"
        "    Contact, Message = mapped_class(registry, 'contacts'), mapped_class(registry, 'messages')\n"
        "    Contact.message = relationship(Message, backref='contacts')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))

    def mapped(features: list[str]) -> tuple[type, type | None]:
        """Declarative classes over the loaded tables, as an application maps them per feature."""
        schema = gatedb.load_schema(package, features=features)

        class Base(orm.DeclarativeBase):
            metadata = schema.metadata

        class Contact(Base):
            __table__ = schema.table("contacts")

        Message = None
        if schema.has("messages"):
            class Message(Base):  # type: ignore[no-redef]
                __table__ = schema.table("messages")

        ran = schema.relate(Base.registry, package="app_relations")
        assert ran == (["app_relations.mail__people"] if Message else [])
        Base.registry.configure()
        return Contact, Message

    Contact, Message = mapped(["people", "mail"])
    assert sa.inspect(Contact).relationships["message"].mapper.class_ is Message
    assert "contacts" in sa.inspect(Message).relationships
    with orm.Session(sa.create_engine("sqlite://")) as session:  # the join the relationship gives
        sql = str(session.query(Contact).join(Contact.message).statement.compile())
    assert "JOIN messages ON messages.id = contacts.message_id" in sql
    alone, _ = mapped(["people"])
    assert "message" not in sa.inspect(alone).relationships


def test_cli_errors_are_one_line(project: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "--lang", "sqlalchemy", "-p", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and result.output.startswith("error: ") and "hint: " in result.output and "Traceback" not in result.output
    with pytest.raises(gatedb.GatedbError, match="has no __init__.py"):
        gatedb.load_schema(tmp_path / "missing/pkg")


def test_a_package_written_by_hand_loads_with_its_project(tmp_path: Path) -> None:
    """Model-first: modules with define() only, no generated data in __init__.py."""
    root = write_project(tmp_path / "app", MANIFEST, {"core/0001_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);", "people/0001_contacts.sql": "CREATE TABLE contacts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id));"})
    (root / "schema").mkdir()
    (root / "schema" / "__init__.py").write_text("")
    (root / "schema" / "core.py").write_text("import sqlalchemy as sa\n\ndef define(metadata):\n    sa.Table('users', metadata, sa.Column('id', sa.Integer, primary_key=True))\n")
    (root / "schema" / "people.py").write_text("import sqlalchemy as sa\n\ndef define(metadata):\n    sa.Table('contacts', metadata, sa.Column('id', sa.Integer, primary_key=True), sa.Column('user_id', sa.ForeignKey('users.id')))\n")
    assert set(gatedb.load_schema(project=root).tables) == {"users", "contacts"}
    minimal = gatedb.load_schema(project=root, no_default_features=True)
    assert minimal.units == ("core",)
    with pytest.raises(DisabledTable, match="feature people is off"):
        minimal.table("contacts")
    with pytest.raises(gatedb.GatedbError, match="has no UNITS"):
        gatedb.load_schema(root / "schema")


def test_relate_in_a_hand_written_bridge_module(tmp_path: Path) -> None:
    from sqlalchemy import orm

    root = write_project(tmp_path / "app", MANIFEST, {
        "core/0001_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);",
        "people/0001_contacts.sql": "CREATE TABLE contacts (id INTEGER PRIMARY KEY);",
        "mail/0001_messages.sql": "CREATE TABLE messages (id INTEGER PRIMARY KEY, contact_id INTEGER);",
        "mail+people/0001_link.py": "def upgrade(op):\n    with op.batch_alter_table('messages') as b:\n        b.create_foreign_key('fk_messages_contact_id', 'contacts', ['contact_id'], ['id'])\n",
    })
    package = root / "schema"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "core.py").write_text("import sqlalchemy as sa\n\ndef define(metadata):\n    sa.Table('users', metadata, sa.Column('id', sa.Integer, primary_key=True))\n")
    (package / "people.py").write_text("import sqlalchemy as sa\n\ndef define(metadata):\n    sa.Table('contacts', metadata, sa.Column('id', sa.Integer, primary_key=True))\n")
    (package / "mail.py").write_text("import sqlalchemy as sa\n\ndef define(metadata):\n    sa.Table('messages', metadata, sa.Column('id', sa.Integer, primary_key=True), sa.Column('contact_id', sa.Integer))\n")
    (package / "mail__people.py").write_text(
        "import sqlalchemy as sa\nfrom sqlalchemy.orm import relationship\nfrom gatedb.schema.runtime import mapped_class\n\n"
        "def define(metadata):\n"
        "    metadata.tables['messages'].append_constraint(sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name='fk_messages_contact_id'))\n\n"
        "def relate(registry):\n"
        "    mapped_class(registry, 'contacts').messages = relationship(mapped_class(registry, 'messages'), backref='contact')\n"
    )
    assert [(d.id, d.message) for d in gatedb.check(root).diagnostics if d.id.startswith("GD01")] == []

    def classes(features: list[str]) -> type:
        schema = gatedb.load_schema(project=root, features=features)

        class Base(orm.DeclarativeBase):
            metadata = schema.metadata

        class Contact(Base):
            __table__ = schema.table("contacts")

        if schema.has("messages"):
            class Message(Base):
                __table__ = schema.table("messages")

        schema.relate(Base.registry)
        Base.registry.configure()
        return Contact

    assert "messages" in sa.inspect(classes(["people", "mail"])).relationships
    assert "messages" not in sa.inspect(classes(["people"])).relationships


def test_schema_warns_of_a_key_the_placement_rule_puts_elsewhere(tmp_path: Path) -> None:
    root = write_project(tmp_path / "app", MANIFEST, {
        "core/0001_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);",
        "mail/0001_messages.sql": "CREATE TABLE messages (id INTEGER PRIMARY KEY);",
        "crm/0001_deals.sql": "CREATE TABLE deals (id INTEGER PRIMARY KEY, message_id INTEGER REFERENCES messages(id));",
    })
    result = CliRunner().invoke(main, ["schema", "--lang", "sqlalchemy", "-p", str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "warning: crm/0001 creates the foreign key deals(message_id) -> messages (tables of crm and mail), which belongs to crm+mail" in result.output
    assert "sa.ForeignKeyConstraint(['message_id'], ['messages.id'])" in (tmp_path / "out" / "crm.py").read_text()  # written as the migrations do it
