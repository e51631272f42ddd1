"""The SQL scan's splitter (gatedb.analysis.sql.splitter): statements and their start lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gatedb.analysis.sql import dialects, scan_sql, split_statements, splitter

# --------------------------------------------------------------------------- splitting


@pytest.mark.parametrize(
    ("sql", "dialect", "expected"),
    [
        ("SELECT ';'; SELECT 2", None, ["SELECT ';'", "SELECT 2"]),
        ("SELECT 'it''s; fine'; SELECT 2;", None, ["SELECT 'it''s; fine'", "SELECT 2"]),
        ('SELECT "odd;name" FROM t; SELECT 2', None, ['SELECT "odd;name" FROM t', "SELECT 2"]),
        ("-- a comment; with a semicolon\nSELECT 1; /* ; */ SELECT 2;", None, ["SELECT 1", "SELECT 2"]),
        ("SELECT 1 -- trailing; comment\n; SELECT 2", None, ["SELECT 1 -- trailing; comment", "SELECT 2"]),
        ("/* outer /* nested ; */ still comment ; */ SELECT 1", "postgresql", ["SELECT 1"]),
        ("SELECT $$a;b$$; SELECT 2", None, ["SELECT $$a;b$$", "SELECT 2"]),
        ("SELECT $a$ ; $b$ ; $b$ ; $a$; SELECT 2", "postgresql", ["SELECT $a$ ; $b$ ; $b$ ; $a$", "SELECT 2"]),
        ("SELECT $body$ $$ ; $$ $body$; SELECT 2", None, ["SELECT $body$ $$ ; $$ $body$", "SELECT 2"]),
        ("SELECT $1; SELECT a$b$c FROM t; SELECT 3", "postgresql", ["SELECT $1", "SELECT a$b$c FROM t", "SELECT 3"]),
        ("SELECT E'it\\'s; x'; SELECT 2", "postgresql", ["SELECT E'it\\'s; x'", "SELECT 2"]),
        ("SELECT 'C:\\'; SELECT 2", "postgresql", ["SELECT 'C:\\'", "SELECT 2"]),
        ("SELECT 'it\\'s; x'; SELECT 2", "mysql", ["SELECT 'it\\'s; x'", "SELECT 2"]),
        ("# a; comment\nSELECT 1; SELECT `a;b` FROM t", "mysql", ["SELECT 1", "SELECT `a;b` FROM t"]),
        ("SELECT [a;b] FROM t; SELECT 2", "sqlite", ["SELECT [a;b] FROM t", "SELECT 2"]),
        (";;  ; -- only a comment\n ; /* and another */", None, []),
        ("", None, []),
        ("SELECT 1", None, ["SELECT 1"]),
        ("SELECT 'unterminated; string", None, ["SELECT 'unterminated; string"]),
        ("SELECT $$ never closed; SELECT 2", None, ["SELECT $$ never closed; SELECT 2"]),
        (
            "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET x = 1; "
            "SELECT CASE WHEN 1 THEN 2 END; END; SELECT 3",
            "sqlite",
            ["CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET x = 1; SELECT CASE WHEN 1 THEN 2 END; END", "SELECT 3"],
        ),
        (
            "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN IF NEW.x < 0 THEN SET NEW.x = 0; END IF; END; SELECT 3",
            "mysql",
            ["CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN IF NEW.x < 0 THEN SET NEW.x = 0; END IF; END", "SELECT 3"],
        ),
        (
            "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT 2;",
            "mysql",
            ["CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 2"],
        ),
        # BEGIN as a transaction statement is not a block opener.
        ("BEGIN; CREATE TABLE t (a int); COMMIT;", None, ["BEGIN", "CREATE TABLE t (a int)", "COMMIT"]),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; SELECT 2", "postgresql",
         ["CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", "SELECT 2"]),
    ],
)
def test_split_statements_edge_cases(sql: str, dialect: str | None, expected: list[str]) -> None:
    assert [text for _line, text in split_statements(sql, dialect)] == expected


def test_split_statements_start_lines_skip_blank_lines_and_leading_comments() -> None:
    sql = "\n\n  SELECT 1;\n-- about the next one\n/* more\n   words */\nSELECT\n  2;\nSELECT 3; SELECT 4;"
    assert split_statements(sql) == [(3, "SELECT 1"), (7, "SELECT\n  2"), (9, "SELECT 3"), (9, "SELECT 4")]


def test_split_statements_counts_lines_inside_strings_and_bodies() -> None:
    sql = "SELECT 'line\nbreak';\nCREATE FUNCTION f() AS $$\nx;\ny;\n$$;\nSELECT 9;"
    assert [line for line, _ in split_statements(sql)] == [1, 3, 7]


def test_split_rejects_unknown_dialect() -> None:
    with pytest.raises(ValueError):
        split_statements("SELECT 1", "oracle")
    with pytest.raises(ValueError):
        scan_sql("SELECT 1", "oracle")


_SPLIT_PIECES = st.sampled_from(["SELECT 1", " ", "\n", ";", "'a;b'", "'it''s'", '"x;y"', "`q`", "-- c;\n", "-", "--", "'", '"', "x", "CREATE TABLE t (a int)", "$", "/*", "#", "["])


@settings(max_examples=400, deadline=None)
@given(st.lists(_SPLIT_PIECES, max_size=20).map("".join), st.sampled_from(["postgresql", "sqlite", "mysql"]))
def test_simple_splitter_agrees_with_the_lexer(sql: str, dialect: str) -> None:
    d = dialects.canonical_dialect(dialect)
    simple = splitter._split_simple(sql, d)
    if simple is not None:
        assert simple == splitter._split_statements(sql, d)
