"""Migration file names: split `<version>_<name>` and sort versions naturally.

Pure. `6.0.9` < `6.0.10`, integers and timestamps sort as numbers, and a version
may be followed by `_` or `-` (Diesel style `6.0.8-01-tickets`).
"""

from __future__ import annotations

import functools
import re

# A version is digit groups joined by '.' or '-'; what follows '_' or '-' is the name.
_STEM = re.compile(r"^(?P<version>\d+(?:[.\-]\d+)*)(?:[_\-](?P<name>.*))?$")


def split_stem(stem: str) -> tuple[str, str] | None:
    """`0001_init` -> ("0001", "init"); `6.0.8-01-tickets` -> ("6.0.8-01", "tickets"); None if no version."""
    match = _STEM.match(stem)
    if match is None:
        return None
    return match.group("version"), (match.group("name") or "")


@functools.lru_cache(maxsize=None)  # every sort of the migrations asks again: parse each distinct version once
def version_key(version: str) -> tuple[int, ...]:
    """Natural sort key: the version's digit groups as integers (`0001` and `1` are equal)."""
    return tuple(int(part) for part in re.split(r"[.\-]", version) if part)
