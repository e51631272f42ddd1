"""The `gatedb` group and what every subcommand shares: the feature flags, error rendering.

Every user mistake ends as `error:` and `hint:` lines on stderr with a non-zero exit;
--traceback shows the Python traceback too (for bug reports).
"""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable

import click

from ..db.url import mask
from ..errors import GatedbError

FEATURE_HELP = "Features to enable (comma-separated or repeated). Env: GATEDB_FEATURES."


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--project, --database and the Cargo-style feature flags, shared by every command."""
    options = [
        click.option("--project", "-p", default=".", show_default=True, help="Folder holding gatedb.toml (or pyproject.toml with [tool.gatedb])."),
        click.option("--database", "-d", envvar="GATEDB_DATABASE_URL", help="Database URL (default: the manifest's, else sqlite:///gatedb.sqlite3 beside it). Env: GATEDB_DATABASE_URL."),
        click.option("--features", "-F", multiple=True, envvar="GATEDB_FEATURES", help=FEATURE_HELP),
        click.option("--no-default-features", is_flag=True, help="Do not enable the `default` features."),
        click.option("--all-features", is_flag=True, help="Enable every declared feature."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def selection(kwargs: dict[str, Any]) -> dict[str, Any]:
    return dict(
        database=kwargs.pop("database"),
        features=list(kwargs.pop("features")),
        no_default_features=kwargs.pop("no_default_features"),
        all_features=kwargs.pop("all_features"),
    )


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a GatedbError into `error:` / `hint:` lines and its exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return command(*args, **kwargs)
        except GatedbError as exc:
            if ctx.obj and ctx.obj.get("traceback"):
                raise
            fail(exc.message, exc.hint, exc.exit_code)
        except BrokenPipeError:  # `gatedb plan | head`: the reader left; say nothing more
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except KeyboardInterrupt:
            fail("interrupted", "run the command again; every migration that finished is recorded", 130)
        except Exception as exc:  # a bug in gatedb, not the user's mistake
            if ctx.obj and ctx.obj.get("traceback"):
                raise
            fail(f"internal error: {exc.__class__.__name__}: {exc}", "run again with --traceback and report it", 70)

    return wrapper


def fail(message: str, hint: str | None, code: int) -> None:
    click.echo(f"error: {mask(message)}", err=True)
    if hint:
        click.echo(f"hint: {mask(hint)}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--traceback", is_flag=True, help="Show the Python traceback of an error (for bug reports).")
@click.version_option(package_name="gatedb")
@click.pass_context
def main(ctx: click.Context, traceback: bool) -> None:
    """gatedb: database migrations gated by Cargo-style features.

    Migrations live in units: migrations/core/ (always on), migrations/<feature>/ (on with
    the feature) and bridges migrations/<a>+<b>/ (on when all their features are on).
    Choose the build's features with --features, --no-default-features, --all-features.
    """
    ctx.obj = {"traceback": traceback}
