"""A database password never appears in gatedb's output.

Every command (features, plan, migrate, migrate --dry-run, status, status --format json,
prune, repair, check, check --matrix), on success and on its error paths, with:
* a PostgreSQL URL with a password (trust authentication accepts any password),
* a MariaDB URL with a password the server rejects,
* URLs to a closed port (PostgreSQL and MariaDB),
given by --database, by GATEDB_DATABASE_URL and by the manifest's `database`. Also the
application_name gatedb sets on PostgreSQL, --traceback output, and random passwords.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Callable, Iterator

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from gatedb.commands import main

from conftest import PG_ADMIN, table_names
from helpers import copy_example, write_project

pytestmark = pytest.mark.integration

SECRET = "Sup3rS3cret"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def leaks(text: str, password: str = SECRET) -> bool:
    forms = {password, urllib.parse.quote(password, safe=""), urllib.parse.quote_plus(password)}
    return any(form in text for form in forms)


def invoke(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout + result.stderr


def with_password(url: str, password: str = SECRET) -> str:
    return sa.make_url(url).set(password=password).render_as_string(hide_password=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_example("quickstart", tmp_path / "q")


def commands(project: Path) -> list[list[str]]:
    """Every command, with the options that reach the database. (features takes no URL.)"""
    p = ["-p", str(project)]
    return [
        ["features", *p],
        ["features", *p, "--format", "json"],
        ["plan", *p],
        ["plan", *p, "--format", "json"],
        ["migrate", *p, "--dry-run", "--all-features"],
        ["migrate", *p, "--all-features"],
        ["status", *p],
        ["status", *p, "--format", "json"],
        ["status", *p, "--no-default-features"],
        ["prune", "projects", *p, "--dry-run"],
        ["prune", "projects", *p, "--yes"],
        ["repair", "tasks/0001", "--forget", *p],
        ["repair", "tasks/0001", "--applied", *p],
        ["check", *p],
        ["check", *p, "--format", "json"],
    ]


def run_everything(project: Path, url: str) -> list[tuple[list[str], int, str]]:
    """Each command three ways: --database, GATEDB_DATABASE_URL, the manifest's `database`."""
    outcomes = []
    manifest = project / "gatedb.toml"
    original = manifest.read_text()
    for args in commands(project):
        takes_url = args[0] != "features"
        if takes_url:
            outcomes.append((args + ["-d", url], *invoke(args + ["-d", url])))
        outcomes.append((args + ["(env)"], *invoke(args, env={"GATEDB_DATABASE_URL": url})))
        manifest.write_text(original.replace('database = "sqlite:///quickstart.db"', f'database = "{url}"'))
        try:
            outcomes.append((args + ["(manifest)"], *invoke(args)))
        finally:
            manifest.write_text(original)
    return outcomes


def assert_no_leak(outcomes: list[tuple[list[str], int, str]], password: str = SECRET) -> None:
    leaked = [(args, out) for args, _code, out in outcomes if leaks(out, password)]
    assert not leaked, f"the password appears in the output of {leaked[0][0]}:\n{leaked[0][1]}"
    assert all("Traceback" not in out for _a, _c, out in outcomes)


def test_postgresql_password_never_printed(project: Path, new_db: Callable[[str], str]) -> None:
    url = with_password(new_db("postgresql"))
    outcomes = run_everything(project, url)
    assert_no_leak(outcomes)
    direct = {" ".join(a[: a.index("-p")] + a[a.index("-p") + 2 : -2]): (code, out) for a, code, out in outcomes if "-d" in a}
    # The commands did reach the database: migrate applied everything, prune removed projects.
    assert direct["migrate --all-features"] == (0, direct["migrate --all-features"][1]), direct["migrate --all-features"]
    assert "pruned projects: reverted 3 migration(s)" in direct["prune projects --yes"][1]
    assert table_names(url) == {"users", "tasks"}
    name = sa.make_url(url).database
    # The URL is shown, masked, where it is shown.
    assert f"database: postgresql+psycopg://root:***@127.0.0.1:5432/{name}" in direct["status"][1]
    assert f'"database": "postgresql+psycopg://root:***@127.0.0.1:5432/{name}"' in direct["status --format json"][1]
    # Error paths ran too: repair of a migration that is not left running.
    code, out = direct["repair tasks/0001 --forget"]
    assert code != 0 and out.startswith("error: migration tasks/0001 is not left running in this database"), out


def test_check_matrix_with_a_password(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    """check --matrix makes scratch databases on the server the URL names: one feature, so
    few of them (DROP DATABASE is slow on a busy server)."""
    project = write_project(
        tmp_path / "p",
        "[features]\nextra = []\n",
        {"core/0001_a/up.sql": "CREATE TABLE a (id INTEGER PRIMARY KEY);", "extra/0001_b/up.sql": "CREATE TABLE b (id INTEGER PRIMARY KEY);"},
    )
    url = with_password(new_db("postgresql"))
    code, out = invoke(["check", "--matrix", "-p", str(project), "-d", url])
    assert code == 0, out
    assert "applied feature set: " in out and "0 error(s)" in out
    assert not leaks(out)
    code, out = invoke(["check", "--matrix", "--format", "json", "-p", str(project), "-d", url])
    assert code == 0 and '"matrix": [' in out and not leaks(out)


@pytest.mark.parametrize(
    "server",
    ["mysql-rejected", "postgresql-closed", "mysql-closed"],
)
def test_password_never_printed_on_error_paths(project: Path, server: str) -> None:
    port = closed_port()
    url = {
        "mysql-rejected": f"mysql://root:{SECRET}@127.0.0.1:3306/test",
        "postgresql-closed": f"postgresql://root:{SECRET}@127.0.0.1:{port}/gatedb",
        "mysql-closed": f"mysql://root:{SECRET}@127.0.0.1:{port}/gatedb",
    }[server]
    outcomes = run_everything(project, url)
    assert_no_leak(outcomes)
    matrix = [invoke(["check", "--matrix", "-p", str(project), "-d", url])]
    assert all(code != 0 and "error: cannot reach the server for scratch databases: " in out for code, out in matrix), matrix
    assert not any(leaks(out) for _c, out in matrix)
    # Every command that needs the database failed with the masked URL or the driver's words.
    needing = [(a, code, out) for a, code, out in outcomes if a[0] in ("plan", "status", "repair") or (a[0] == "migrate" and "--dry-run" not in a)]
    assert needing and all(code != 0 and out.startswith("error: ") for _a, code, out in needing), needing
    masked = [out for _a, _c, out in needing if "root:***@127.0.0.1" in out]
    assert masked, "no error names the (masked) URL"
    if server == "mysql-rejected":
        assert any("Access denied for user 'root'" in out for _a, _c, out in needing)


@pytest.mark.parametrize("server", ["postgresql-closed", "mysql-rejected"])
def test_traceback_output_has_no_password(project: Path, server: str) -> None:
    """--traceback (for bug reports) prints the Python traceback: still no password."""
    url = {
        "postgresql-closed": f"postgresql://root:{SECRET}@127.0.0.1:{closed_port()}/gatedb",
        "mysql-rejected": f"mysql://root:{SECRET}@127.0.0.1:3306/test",
    }[server]
    for args in (["migrate"], ["status"], ["plan", "--format", "json"]):
        proc = subprocess.run(
            [sys.executable, "-m", "gatedb", "--traceback", *args, "-p", str(project), "-d", url],
            capture_output=True, text=True, timeout=60, cwd=project,
        )
        assert proc.returncode != 0
        assert "Traceback" in proc.stderr  # it is the traceback run
        assert not leaks(proc.stdout + proc.stderr), proc.stderr[-2000:]


def test_application_name_carries_no_password(tmp_path: Path, new_db: Callable[[str], str]) -> None:
    project = write_project(tmp_path / "p", "[features]\n", {"core/0001_slow/up.sql": "SELECT pg_sleep(2);"})
    url = with_password(new_db("postgresql"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "gatedb", "migrate", "-q", "-p", str(project), "-d", url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )
    admin = sa.create_engine(PG_ADMIN, poolclass=sa.pool.NullPool)
    seen: list[tuple[str, str]] = []
    try:
        deadline = time.monotonic() + 30
        while not seen and time.monotonic() < deadline:
            with admin.connect() as conn:
                seen = [tuple(r) for r in conn.execute(  # type: ignore[misc]
                    sa.text("SELECT application_name, query FROM pg_stat_activity WHERE datname = :d AND query LIKE '%pg_sleep%'"),
                    {"d": sa.make_url(url).database},
                ).all()]
            time.sleep(0.05)
    finally:
        admin.dispose()
        assert proc.wait(timeout=60) == 0, proc.communicate()[1]
    assert seen, "the migrating session never showed up"
    (application_name, _query), *_ = seen
    assert application_name == f"gatedb pid={proc.pid} host={socket.gethostname()}"
    assert not any(leaks(" ".join(row)) for row in seen)
    assert not leaks("".join(proc.communicate()))


ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))


@settings(max_examples=60, deadline=None)
@given(middle=st.text(ALPHABET, min_size=4, max_size=16), dialect=st.sampled_from(["postgresql", "mysql"]))
def test_random_passwords_are_masked(middle: str, dialect: str) -> None:
    """Any password, percent-encoded in the URL as it must be, is masked in every error."""
    password = f"Zq{middle}Xk"
    url = f"{dialect}://root:{urllib.parse.quote(password, safe='')}@127.0.0.1:{closed_port()}/gatedb"
    project = Path(__file__).resolve().parent.parent / "examples" / "quickstart"
    for args in (["status"], ["migrate", "--dry-run"], ["plan"], ["repair", "core/0001", "--forget"]):
        code, out = invoke([*args, "-p", str(project), "-d", url])
        assert code != 0 and out.startswith("error: cannot connect to "), out
        assert not leaks(out, password), out
        assert "root:***@127.0.0.1" in out


def test_password_in_the_query_string_is_masked(project: Path) -> None:
    """Regression: a ?password= parameter was printed (mask only knew user:password@)."""
    url = f"postgresql://root@127.0.0.1:{closed_port()}/gatedb?password={SECRET}"
    code, out = invoke(["status", "-p", str(project), "-d", url])
    assert code != 0
    assert not leaks(out), out


def test_unescaped_at_sign_in_the_password_is_masked(project: Path) -> None:
    """Regression: with an unescaped @ in the password, the part after it was printed as the host."""
    url = "postgresql://root:Sup3r@S3cret@127.0.0.1:5432/gatedb"
    code, out = invoke(["migrate", "-p", str(project), "-d", url])
    assert code != 0 and out.startswith("error: "), out
    assert "S3cret" not in out, out
