"""pyscan: facts of Python migrations, recorded by running them against a fake `op`."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from gatedb.analysis.pyscan import scan_python_migration
from gatedb.analysis.sql import ObjectRef, ScanResult

BOTSERVER = Path(__file__).resolve().parent.parent / "examples" / "botserver"


def T(name: str) -> ObjectRef:
    return ObjectRef("table", name)


def C(table: str, name: str) -> ObjectRef:
    return ObjectRef("column", name, table)


@pytest.fixture
def write(tmp_path: Path):
    def write(source: str, name: str = "0001_migration.py") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(source).lstrip("\n"))
        return path

    return write


def scan(path: Path, dialect: str = "postgresql", direction: str = "up") -> ScanResult:
    return scan_python_migration(path, dialect, direction)


def test_create_table_with_columns_keys_and_indexes(write) -> None:
    path = write(
        """
        import sqlalchemy as sa


        def upgrade(op):
            op.create_table(
                "users",
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("email", sa.String(200), nullable=False, index=True),
                sa.Column("org_id", sa.Integer, sa.ForeignKey("orgs.id", ondelete="CASCADE")),
                sa.Column("parent_id", sa.Integer, sa.ForeignKey("users.id")),
                sa.Column("team_id", sa.Integer),
                sa.ForeignKeyConstraint(["team_id"], ["hr.teams.id"], name="fk_users_team"),
                sa.UniqueConstraint("email", name="uq_users_email"),
                sa.Index("ix_users_org", "org_id"),
            )
        """
    )
    result = scan(path)
    assert result.warnings == ()
    (statement,) = result.statements
    assert statement.line == 5  # the op.create_table( line
    assert statement.kind == "op.create_table"
    assert statement.creates == {
        T("users"),
        C("users", "id"),
        C("users", "email"),
        C("users", "org_id"),
        C("users", "parent_id"),
        C("users", "team_id"),
        ObjectRef("constraint", "fk_users_team", "users"),
        ObjectRef("constraint", "uq_users_email", "users"),
        ObjectRef("index", "ix_users_org", "users"),
        ObjectRef("index", "ix_users_email", "users"),  # from index=True, as Alembic names it
        ObjectRef("sequence", "users_id_seq"),  # the SERIAL primary key on PostgreSQL
    }
    # The self-reference (parent_id -> users.id) is satisfied by the statement itself.
    assert statement.references == {T("orgs"), C("orgs", "id"), T("hr.teams"), C("hr.teams", "id")}
    assert result.created_tables == {"users"}


def test_alter_operations_and_their_lines(write) -> None:
    path = write(
        """
        import sqlalchemy as sa

        def upgrade(op):
            op.add_column("projects", sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id")))
            op.drop_column("projects", "legacy")
            op.alter_column("projects", "name", new_column_name="title", existing_type=sa.String)
            op.rename_table("tasks", "todo_items")
            op.create_index(op.f("ix_projects_owner_id"), "projects", ["owner_id"], unique=False)
            op.drop_index("ix_old", table_name="projects")
            op.create_foreign_key("fk_projects_owner", "projects", "users", ["owner_id"], ["id"], ondelete="SET NULL")
            op.drop_constraint("fk_legacy", "projects", type_="foreignkey")
            op.create_unique_constraint("uq_projects_title", "projects", ["title"])
            op.create_check_constraint("ck_projects_budget", "projects", "budget >= 0")
            op.drop_table("archive", if_exists=True)
        """
    )
    result = scan(path)
    assert result.warnings == ()
    by_kind = {s.kind: s for s in result.statements}
    assert [s.line for s in result.statements] == list(range(4, 15))

    add = by_kind["op.add_column"]
    assert (add.creates, add.alters) == ({C("projects", "owner_id")}, {T("projects")})
    assert add.references == {T("projects"), T("users"), C("users", "id")}
    assert by_kind["op.drop_column"].drops == {C("projects", "legacy")}
    alter = by_kind["op.alter_column"]
    assert alter.renames == ((C("projects", "name"), C("projects", "title")),)
    assert alter.alters == {T("projects"), C("projects", "name")}
    assert by_kind["op.rename_table"].renames == ((T("tasks"), T("todo_items")),)
    index = by_kind["op.create_index"]
    assert index.creates == {ObjectRef("index", "ix_projects_owner_id", "projects")}
    assert index.references == {T("projects"), C("projects", "owner_id")}
    assert by_kind["op.drop_index"].drops == {ObjectRef("index", "ix_old", "projects")}
    fk = by_kind["op.create_foreign_key"]
    assert fk.creates == {ObjectRef("constraint", "fk_projects_owner", "projects")}
    assert fk.references == {T("projects"), C("projects", "owner_id"), T("users"), C("users", "id")}
    assert by_kind["op.drop_constraint"].drops == {ObjectRef("constraint", "fk_legacy", "projects")}
    assert by_kind["op.create_unique_constraint"].references == {T("projects"), C("projects", "title")}
    assert by_kind["op.create_check_constraint"].references == {T("projects"), C("projects", "budget")}
    dropped = by_kind["op.drop_table"]
    assert dropped.drops == dropped.guarded == {T("archive")}


def test_batch_alter_table_and_execute(write) -> None:
    path = write(
        """
        import sqlalchemy as sa

        SQL = '''
            CREATE INDEX ix_users_lower_email ON users (lower(email));
            UPDATE users SET email = lower(email);
        '''

        def upgrade(op):
            with op.batch_alter_table("bot_access") as batch:
                batch.create_foreign_key("fk_bot_access_user", "directory_users", ["user_id"], ["id"])
                batch.add_column(sa.Column("note", sa.Text))
                batch.drop_column("old")
            op.execute(SQL)
            op.execute(sa.text("DELETE FROM sessions WHERE expired"))
            op.execute("CREATE FOO bar")
        """
    )
    result = scan(path)
    kinds = [(s.line, s.kind) for s in result.statements]
    assert kinds == [
        (10, "op.batch_alter_table"),
        (11, "op.batch_alter_table"),
        (12, "op.batch_alter_table"),
        (13, "CREATE INDEX"),
        (13, "UPDATE"),
        (14, "DELETE"),
        (15, ""),
    ]
    fk = result.statements[0]
    assert fk.creates == {ObjectRef("constraint", "fk_bot_access_user", "bot_access")}
    assert fk.references == {T("bot_access"), C("bot_access", "user_id"), T("directory_users"), C("directory_users", "id")}
    assert result.statements[1].creates == {C("bot_access", "note")}
    assert result.statements[2].drops == {C("bot_access", "old")}
    assert result.statements[3].creates == {ObjectRef("index", "ix_users_lower_email", "users")}
    assert result.statements[5].references == {T("sessions")}
    # A warning of the executed SQL is reported at the op.execute line.
    assert [(w.line, w.message) for w in result.warnings] == [(15, "could not understand statement: CREATE FOO bar")]


def test_bulk_insert_references_table_and_columns(write) -> None:
    path = write(
        """
        import sqlalchemy as sa

        def upgrade(op):
            roles = op.create_table("roles", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String))
            op.bulk_insert(roles, [{"id": 1, "name": "admin"}, {"id": 2}])
            settings = sa.table("settings", sa.column("key"), sa.column("value"))
            op.bulk_insert(settings, [{"key": "a", "value": "b"}])
        """
    )
    result = scan(path, "sqlite")
    assert result.warnings == ()
    assert result.statements[1].references == {T("roles"), C("roles", "id"), C("roles", "name")}
    assert result.statements[2].references == {T("settings"), C("settings", "key"), C("settings", "value")}
    # No sequences on SQLite.
    assert not [o for o in result.statements[0].creates if o.kind == "sequence"]


def test_names_fold_per_dialect(write) -> None:
    path = write(
        """
        import sqlalchemy as sa

        def upgrade(op):
            op.create_table("Users", sa.Column("ID", sa.Integer), schema="public")
            op.add_column("orders", sa.Column("Note", sa.Text), schema="sales")
        """
    )
    pg = scan(path, "postgresql")
    assert pg.statements[0].creates == {T("Users"), C("Users", "ID")}
    assert pg.statements[1].creates == {C("sales.orders", "Note")}
    my = scan(path, "mysql")
    assert my.statements[0].creates == {T("public.users"), C("public.users", "id")}


def test_downgrade_direction(write) -> None:
    path = write(
        """
        def upgrade(op):
            op.create_index("ix_a", "a", ["x"])

        def downgrade(op):
            op.drop_index("ix_a", table_name="a")
        """
    )
    up, down = scan(path, direction="up"), scan(path, direction="down")
    assert up.statements[0].creates == {ObjectRef("index", "ix_a", "a")}
    assert down.statements[0].drops == {ObjectRef("index", "ix_a", "a")}
    assert down.statements[0].line == 5
    with pytest.raises(ValueError):
        scan(path, direction="sideways")


def test_classic_alembic_script_with_module_level_op(write) -> None:
    path = write(
        """
        from alembic import op
        import sqlalchemy as sa

        revision = "abc"

        def upgrade():
            op.add_column("users", sa.Column("age", sa.Integer))
        """
    )
    result = scan(path)
    assert result.warnings == ()
    assert result.statements[0].creates == {C("users", "age")}


def test_helper_functions_report_the_line_in_the_migration(write) -> None:
    path = write(
        """
        def _index(op, table, column):
            op.create_index(f"ix_{table}_{column}", table, [column])

        def upgrade(op):
            for table in ("a", "b"):
                _index(op, table, "x")
        """
    )
    result = scan(path)
    assert [(s.line, sorted(o.name for o in s.creates)) for s in result.statements] == [(2, ["ix_a_x"]), (2, ["ix_b_x"])]


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("def upgrade(op):\n    op.create_table('t'\n", 2, "syntax error"),
        ("X = 1\n", 0, "the migration has no upgrade(op) function"),
        ("import not_a_module_gatedb_xyz\n\ndef upgrade(op):\n    pass\n", 1, "loading the migration raised ModuleNotFoundError"),
        ("def upgrade(op, other):\n    pass\n", 1, "upgrade() must take one argument, op"),
        ("def upgrade(op):\n    x = 1\n    raise ValueError('nope')\n", 3, "upgrade() raised ValueError: nope"),
        ("import sys\ndef upgrade(op):\n    sys.exit(3)\n", 3, "upgrade() raised SystemExit: 3"),
        ("def upgrade(op):\n    op.get_bind().execute('x')\n", 2, "op.get_bind() is not supported"),
        ("def upgrade(op):\n    op.create_exclude_constraint('x', 't')\n", 2, "op.create_exclude_constraint() is not supported"),
    ],
)
def test_broken_migrations_become_warnings(write, source: str, line: int, message: str) -> None:
    result = scan(write(source))
    assert result.warnings, result
    assert result.warnings[0].line == line
    assert result.warnings[0].message.startswith(message), result.warnings[0].message


def test_facts_before_an_exception_are_kept(write) -> None:
    path = write(
        """
        def upgrade(op):
            op.drop_table("a")
            op.add_column("b", None)
            op.drop_table("c")
        """
    )
    result = scan(path)
    assert [s.drops for s in result.statements] == [{T("a")}]
    assert [(w.line, w.message.split(":")[0]) for w in result.warnings] == [(3, "upgrade() raised AttributeError")]


def test_unknown_method_does_not_stop_the_migration(write) -> None:
    path = write(
        """
        def upgrade(op):
            op.invent_something("x")
            op.drop_table("after")
        """
    )
    result = scan(path)
    assert result.statements[0].drops == {T("after")}
    assert [w.line for w in result.warnings] == [2]


def test_missing_file_is_a_warning(tmp_path: Path) -> None:
    result = scan(tmp_path / "nope.py")
    assert result.statements == () and result.warnings[0].line == 0


def test_module_is_not_left_in_sys_modules_and_no_pycache(write) -> None:
    path = write(
        """
        import dataclasses

        @dataclasses.dataclass
        class Spec:  # dataclasses need the module in sys.modules while it loads
            name: str

        def upgrade(op):
            op.drop_table(Spec("t").name)
        """
    )
    before = set(sys.modules)
    result = scan(path)
    assert result.warnings == ()
    assert result.statements[0].drops == {T("t")}
    assert {m for m in set(sys.modules) - before if m.startswith("_gatedb_migration")} == set()
    assert not (path.parent / "__pycache__").exists()


@pytest.mark.skipif(not BOTSERVER.exists(), reason="examples/botserver not present")
def test_botserver_python_migrations_add_their_foreign_keys() -> None:
    paths = sorted(BOTSERVER.glob("migrations/*/*.py"))
    assert paths
    fks = set()
    for path in paths:
        result = scan(path)
        assert result.warnings == (), path
        down = scan(path, direction="down")
        assert down.warnings == (), path
        for statement in result.statements:
            assert statement.kind == "op.batch_alter_table"
            (own,) = [o.name for o in statement.alters if o.kind == "table"]
            fks |= {(own, r.name) for r in statement.references if r.kind == "table" and r.name != own}
        # downgrade drops exactly the constraints upgrade creates
        assert {o for s in down.statements for o in s.drops} == {o for s in result.statements for o in s.creates}
    assert ("bot_access", "directory_users") in fks


def test_foreign_key_facts(write) -> None:
    from gatedb.analysis.sql import ForeignKeyFact as FK

    path = write(
        """
        import sqlalchemy as sa

        def upgrade(op):
            op.create_table(
                "users",
                sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("org_id", sa.Integer, sa.ForeignKey("orgs.id", ondelete="CASCADE")),
                sa.Column("parent_id", sa.Integer, sa.ForeignKey("users.id", name="fk_parent")),
                sa.Column("team_id", sa.Integer),
                sa.Column("team_org", sa.Integer),
                sa.ForeignKeyConstraint(["team_id", "team_org"], ["hr.teams.id", "hr.teams.org"], name="fk_users_team"),
            )
            op.add_column("projects", sa.Column("owner_id", sa.Integer, sa.ForeignKey("Users.id", name="fk_owner")))
            op.create_foreign_key("fk_projects_owner", "projects", "users", ["owner_id"], ["id"], source_schema="public")
            op.drop_constraint("fk_legacy", "projects", type_="foreignkey")
            op.drop_constraint("uq_projects", "projects", type_="unique")
            op.drop_constraint("c_unknown", "projects")
            with op.batch_alter_table("b") as batch:
                batch.create_foreign_key(None, "c", ["x"], ["y"])
                batch.drop_constraint("fk_b", type_="foreignkey")
                batch.drop_constraint("ck_b", type_="check")
                batch.add_column(sa.Column("z", sa.Integer, sa.ForeignKey("c.id")))
        """
    )
    result = scan(path)
    assert result.warnings == ()
    assert [s.foreign_keys for s in result.statements] == [
        (
            FK("users", ("org_id",), "orgs", ("id",), None),
            FK("users", ("parent_id",), "users", ("id",), "fk_parent"),  # self-references count here
            FK("users", ("team_id", "team_org"), "hr.teams", ("id", "org"), "fk_users_team"),
        ),
        (FK("projects", ("owner_id",), "Users", ("id",), "fk_owner"),),
        (FK("projects", ("owner_id",), "users", ("id",), "fk_projects_owner"),),
        (), (), (),
        (FK("b", ("x",), "c", ("y",), None),),
        (), (),
        (FK("b", ("z",), "c", ("id",), None),),
    ]
    assert [s.dropped_foreign_keys for s in result.statements] == [(), (), (), ("fk_legacy",), (), ("c_unknown",), (), ("fk_b",), (), ()]
    # Names fold as everywhere else on SQLite and MySQL.
    mysql = scan(path, "mysql")
    assert mysql.statements[1].foreign_keys == (FK("projects", ("owner_id",), "users", ("id",), "fk_owner"),)


def test_sql_run_by_execute_keeps_its_foreign_keys(write) -> None:
    from gatedb.analysis.sql import ForeignKeyFact as FK

    path = write(
        """
        def upgrade(op):
            op.execute("ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b (id)")
            op.execute("ALTER TABLE a DROP CONSTRAINT a_old_fk")
        """
    )
    first, second = scan(path).statements
    assert (first.line, first.foreign_keys) == (2, (FK("a", ("b_id",), "b", ("id",), "a_b_fk"),))
    assert (second.line, second.dropped_foreign_keys) == (3, ("a_old_fk",))


def test_scanning_needs_neither_alembic_nor_sqlalchemy_unless_the_migration_does(write) -> None:
    import subprocess

    path = write(
        """
        def upgrade(op):
            with op.batch_alter_table("a") as batch:
                batch.create_foreign_key("fk_a_b", "b", ["b_id"], ["id"])
        """
    )
    code = (
        "import sys\n"
        "from gatedb.analysis.pyscan import scan_python_migration\n"
        f"result = scan_python_migration({str(path)!r}, 'postgresql')\n"
        "assert result.warnings == () and result.statements[0].foreign_keys, result\n"
        "print(','.join(m for m in ('alembic', 'sqlalchemy', 'sqlglot') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
