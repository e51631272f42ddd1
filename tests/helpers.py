"""Builders for throwaway projects on disk, shared by the test modules."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import Mapping

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def write_project(root: Path, manifest: str, files: Mapping[str, str]) -> Path:
    """Write gatedb.toml and migrations/<path> files; return the project folder."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "gatedb.toml").write_text(textwrap.dedent(manifest))
    (root / "migrations").mkdir(exist_ok=True)
    for rel, text in files.items():
        path = root / "migrations" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def copy_example(name: str, target: Path) -> Path:
    """A private copy of examples/<name>, without any database file in it."""
    shutil.copytree(EXAMPLES / name, target, ignore=shutil.ignore_patterns("*.db", "*.gatedb-lock", "__pycache__"))
    return target
