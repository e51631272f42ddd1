"""The `gatedb` command line: Click commands that render the public API's values."""

from .cli import main

__all__ = ["main"]
