"""Cut migration SQL into statements, each with its start line.

A small lexer of its own, because sqlglot's splitting does not know dollar quotes in
every dialect nor the ``BEGIN ... END`` bodies of SQLite/MySQL triggers, and we need
each statement's start line anyway."""

from __future__ import annotations

import functools
import re

from .dialects import canonical_dialect

# A CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT whose body may be a BEGIN ... END block
# (SQLite and MySQL triggers, MySQL routines, PostgreSQL "BEGIN ATOMIC") holds
# semicolons that do not end the statement.
_ROUTINE_HEAD = re.compile(
    r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:(?:TEMP|TEMPORARY)\s+)?"
    r"(?:CONSTRAINT\s+)?(?:AGGREGATE\s+)?(?:TRIGGER|FUNCTION|PROCEDURE|EVENT)\b",
    re.IGNORECASE,
)
# After END, these words close a block that was not opened by BEGIN/CASE (MySQL
# "END IF", "END LOOP" ...), so they leave the depth alone.
_END_SUFFIX = re.compile(r"\s+(IF|LOOP|WHILE|REPEAT|FOR)\b", re.IGNORECASE)
_DELIMITER_LINE = re.compile(r"DELIMITER[ \t]+(\S+)[^\n]*", re.IGNORECASE)
_NESTED_COMMENT = re.compile(r"/\*|\*/")


@functools.lru_cache(maxsize=32)
def _token_regex(dialect: str | None, delimiter: str, routine: bool) -> re.Pattern[str]:
    """The lexer's "interesting token" regex; everything between matches is plain text.

    BEGIN/END/CASE words are only looked for inside CREATE TRIGGER/FUNCTION/...
    statements (``routine``): elsewhere they cannot hide a semicolon, and leaving
    them out keeps the common case fast.  The leading lookahead on the first
    characters lets the regex engine skip plain text quickly (about 10x).
    """
    parts = [r"(?P<lc>--[^\n]*(?:\s*--[^\n]*)*)", r"(?P<bc>/\*)"]  # a run of -- lines at once
    firsts = "-/'\"`" + delimiter[0]
    if dialect == "mysql":
        parts.append(r"(?P<hash>\#[^\n]*)")
        firsts += "#"
    # The delimiter goes before dollar quotes so that MySQL's "DELIMITER $$" wins.
    parts.append(f"(?P<delim>{re.escape(delimiter)})")
    parts.append(r"(?P<sq>')")
    parts.append(r'(?P<dq>")')
    parts.append(r"(?P<bt>`)")
    if dialect == "sqlite":
        parts.append(r"(?P<br>\[)")
        firsts += "["
    if dialect in (None, "postgres"):
        parts.append(r"(?P<dollar>(?<![\w$])\$(?:[^\W\d]\w*)?\$)")
        firsts += "$"
    if routine:
        parts.append(r"(?P<word>\b(?i:BEGIN|END|CASE)\b)")
        firsts += "bBeEcC"
    charset = "".join(re.escape(c) for c in dict.fromkeys(firsts))
    return re.compile(f"(?=[{charset}])(?:{'|'.join(parts)})")


_SINGLE_QUOTED = re.compile(r"(?:[^']+|'')*'?")
_SINGLE_QUOTED_BS = re.compile(r"(?:[^'\\]+|\\.|'')*'?", re.DOTALL)
_DOUBLE_QUOTED = re.compile(r'(?:[^"]+|"")*"?')
_DOUBLE_QUOTED_BS = re.compile(r'(?:[^"\\]+|\\.|"")*"?', re.DOTALL)
_BACKTICKED = re.compile(r"(?:[^`]+|``)*`?")
_BRACKETED = re.compile(r"[^\]]*\]?")


def _past(rest: re.Pattern[str], sql: str, at: int) -> int:
    """Index just past a quoted run's rest (one of the patterns above) that starts at
    ``at``; they match anywhere, if only the empty string (an unclosed quote)."""
    m = rest.match(sql, at)
    return m.end() if m is not None else at


def _skip_block_comment(sql: str, pos: int, nested: bool) -> int:
    """Index just past the comment whose "/*" ends at pos (PostgreSQL nests them)."""
    if not nested:
        end = sql.find("*/", pos)
        return len(sql) if end < 0 else end + 2
    depth = 1
    for m in _NESTED_COMMENT.finditer(sql, pos):
        depth += 1 if m.group() == "/*" else -1
        if depth == 0:
            return m.end()
    return len(sql)


def _is_escape_string(sql: str, quote: int) -> bool:
    """Is the quote at index `quote` the start of an E'...' string (E not ending a word)?"""
    if quote == 0 or sql[quote - 1] not in "eE":
        return False
    before = sql[quote - 2] if quote >= 2 else " "
    return not (before.isalnum() or before in "_$")


# The common case in one regex: no dollar quotes, backslashes, block comments, DELIMITER
# lines, routine bodies, MySQL "#" comments or SQLite [brackets] (anywhere in the text).
# Each match is the blanks and -- comments before a statement (atomic: never given
# back), the statement (plain text, quoted runs, -- comments; possessive, so that an
# unclosed quote fails at once instead of backtracking) and its ";" or the end.
_SIMPLE_STATEMENT = re.compile(
    r"""(?>(?:\s+|--[^\n]*)*)
        (?P<body>(?:[^;'"`-]++|'[^']*+'|"[^"]*+"|`[^`]*+`|--[^\n]*+|-)*+)
        (?:;|\Z)""",
    re.VERBOSE,
)


def _split_simple(sql: str, d: str | None) -> list[tuple[int, str]] | None:
    """split_statements for SQL without the hard parts, or None: the general lexer then
    decides (also when the matches do not tile the text, e.g. an unclosed quote)."""
    if "$" in sql or "\\" in sql or "/*" in sql or "delimiter" in sql.lower():
        return None
    if (d == "mysql" and "#" in sql) or (d == "sqlite" and "[" in sql):
        return None
    if _ROUTINE_HEAD.search(sql):
        return None
    out: list[tuple[int, str]] = []
    at = counted = 0
    line = 1
    n = len(sql)
    match = _SIMPLE_STATEMENT.match
    while at < n:
        m = match(sql, at)
        if m is None:
            return None
        at = m.end()
        text = m.group("body").strip()
        if text:
            start = m.start("body")
            line += sql.count("\n", counted, start)
            counted = start
            out.append((line, text))
    return out


def split_statements(sql: str, dialect: str | None = None) -> list[tuple[int, str]]:
    """(start line, statement text) for each statement, respecting '...' strings,
    "..." identifiers, -- and /* */ comments, dollar quoting $$...$$ / $tag$...$tag$,
    and BEGIN ... END bodies of SQLite/MySQL CREATE TRIGGER. Empty statements / pure
    comments are dropped.

    The start line is that of the statement's first token (leading comments are not
    part of the statement).  The text excludes the terminating ";".  ``dialect``
    (optional) enables dialect-only lexing: MySQL "#" comments and backslash escapes,
    SQLite [bracket] identifiers; dollar quotes are off for MySQL and SQLite.  A
    client-side ``DELIMITER xx`` line (MySQL dumps) changes the statement delimiter.
    """
    d = canonical_dialect(dialect)
    simple = _split_simple(sql, d)
    if simple is not None:
        return simple
    return _split_statements(sql, d)


def _split_statements(sql: str, d: str | None) -> list[tuple[int, str]]:
    """split_statements by a small lexer that knows every case."""
    backslash = d == "mysql"
    nested_comments = d in (None, "postgres")
    delimiter = ";"
    plain, body = _token_regex(d, delimiter, False), _token_regex(d, delimiter, True)
    out: list[tuple[int, str]] = []

    pos = 0
    n = len(sql)
    start: int | None = None  # index of the current statement's first token
    token = plain  # becomes `body` inside CREATE TRIGGER/FUNCTION/... statements
    depth = 0  # BEGIN/CASE nesting inside such a statement
    counted, line = 0, 1  # the line at sql[counted]: statements start in order

    def begin(at: int) -> None:
        nonlocal start, token
        start = at
        token = body if _ROUTINE_HEAD.match(sql, at) else plain

    def finish(end: int) -> None:
        nonlocal start, token, depth, counted, line
        if start is not None:
            text = sql[start:end].strip()
            if text:
                line += sql.count("\n", counted, start)
                counted = start
                out.append((line, text))
        start, token, depth = None, plain, 0

    while pos < n:
        m = token.search(sql, pos)
        stop = m.start() if m else n
        if start is None:
            # Plain text before the token starts the statement, unless it is blank.
            gap = sql[pos:stop]
            first = pos + len(gap) - len(gap.lstrip())
            if first < stop:
                dm = _DELIMITER_LINE.match(sql, first)
                if dm and sql[sql.rfind("\n", 0, first) + 1 : first].strip() == "":
                    # A client-side "DELIMITER //" line (MySQL dumps): not a statement.
                    delimiter = dm.group(1)
                    plain, body = _token_regex(d, delimiter, False), _token_regex(d, delimiter, True)
                    token = plain
                    pos = dm.end()
                    continue
                begin(first)
                if token is body:
                    continue  # rescan from here with the BEGIN/END-aware regex
        if m is None:
            break
        kind = m.lastgroup
        if kind in ("lc", "hash"):
            pos = m.end()
            continue
        if kind == "bc":
            pos = _skip_block_comment(sql, m.end(), nested_comments)
            continue
        if kind == "delim":
            if depth > 0 and delimiter == ";":
                pos = m.end()  # a ";" inside a trigger body
                continue
            finish(m.start())
            pos = m.end()
            continue
        if start is None:
            begin(m.start())
        if kind == "sq":
            # E'...' strings (PostgreSQL) and all MySQL strings take backslash escapes.
            escaped = backslash or _is_escape_string(sql, m.start())
            pos = _past(_SINGLE_QUOTED_BS if escaped else _SINGLE_QUOTED, sql, m.end())
        elif kind == "dq":
            pos = _past(_DOUBLE_QUOTED_BS if backslash else _DOUBLE_QUOTED, sql, m.end())
        elif kind == "bt":
            pos = _past(_BACKTICKED, sql, m.end())
        elif kind == "br":
            pos = _past(_BRACKETED, sql, m.end())
        elif kind == "dollar":
            close = sql.find(m.group(), m.end())
            pos = n if close < 0 else close + len(m.group())
        else:  # BEGIN / END / CASE inside a trigger or routine
            pos = m.end()
            word = m.group().upper()
            if word in ("BEGIN", "CASE"):
                depth += 1
            elif depth > 0 and not _END_SUFFIX.match(sql, pos):
                depth -= 1
    finish(n)
    return out
