"""Cargo-style features: the manifest's [features] table and its resolution. Pure.

`[features]` maps each feature to the features it implies; the key `default` lists
the default set. A selection (`--features`, `--no-default-features`,
`--all-features`) resolves to the enabled set plus, for each enabled feature, why
it is on: chosen, default, or implied by another.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..errors import FeatureError

DEFAULT = "default"


@dataclass(frozen=True)
class Selection:
    """What the user asked for, before resolution."""

    features: tuple[str, ...] = ()
    no_default_features: bool = False
    all_features: bool = False

    @classmethod
    def parse(
        cls,
        features: Iterable[str] | str | None = None,
        *,
        no_default_features: bool = False,
        all_features: bool = False,
    ) -> "Selection":
        """Accept `"a,b"`, `["a", "b,c"]` or None, as the CLI and env give them."""
        if isinstance(features, str):
            features = [features]
        names = [n.strip() for item in (features or ()) for n in item.replace(" ", ",").split(",")]
        return cls(tuple(n for n in names if n), no_default_features, all_features)

    def describe(self) -> str:
        parts = []
        if self.all_features:
            parts.append("--all-features")
        if self.no_default_features:
            parts.append("--no-default-features")
        if self.features:
            parts.append("--features " + ",".join(self.features))
        return " ".join(parts) or "default features"


@dataclass(frozen=True)
class Resolution:
    """The enabled features and why each is on, in declaration order."""

    enabled: frozenset[str]
    reasons: Mapping[str, str] = field(default_factory=dict)

    def ordered(self, declared: Iterable[str]) -> list[str]:
        return [f for f in declared if f in self.enabled]


@dataclass(frozen=True)
class FeatureTable:
    """Declared features (in declaration order) and what each implies."""

    implies: Mapping[str, tuple[str, ...]]
    default: tuple[str, ...] = ()
    source: str = "gatedb.toml"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.implies)

    def position(self, feature: str) -> int:
        return self.names.index(feature)

    def closure(self, features: Iterable[str]) -> frozenset[str]:
        """The features given plus everything they imply, transitively."""
        seen: set[str] = set()
        stack = list(features)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            stack.extend(self.implies.get(name, ()))
        return frozenset(seen)

    def require_known(self, name: str, where: str) -> None:
        if name in self.implies:
            return
        close = difflib.get_close_matches(name, list(self.implies) + [DEFAULT], n=1)
        known = ", ".join(self.names) or "(none declared)"
        raise FeatureError(
            f"unknown feature {name!r} in {where}",
            f"did you mean {close[0]!r}?" if close else f"declared features: {known}",
        )

    def resolve(self, selection: Selection, where: str = "--features") -> Resolution:
        reasons: dict[str, str] = {}
        if selection.all_features:
            reasons.update({f: "--all-features" for f in self.names})
        for name in selection.features:
            if name == DEFAULT:
                reasons.update({f: "default" for f in self.default if f not in reasons})
                continue
            self.require_known(name, where)
            reasons.setdefault(name, "chosen")
        if not selection.no_default_features:
            for name in self.default:
                reasons.setdefault(name, "default")
        # Walk implications breadth-first so that each reason names its nearest cause.
        queue = list(reasons)
        while queue:
            name = queue.pop(0)
            for implied in self.implies.get(name, ()):
                if implied not in reasons:
                    reasons[implied] = f"implied by {name}"
                    queue.append(implied)
        order = {f: i for i, f in enumerate(self.names)}
        ordered = dict(sorted(reasons.items(), key=lambda kv: order.get(kv[0], len(order))))
        return Resolution(frozenset(ordered), ordered)


def build_feature_table(raw: Mapping[str, object], source: str) -> FeatureTable:
    """Validate a [features] table: lists of declared names, no cycles."""
    implies: dict[str, tuple[str, ...]] = {}
    default: tuple[str, ...] = ()
    for name, value in raw.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise FeatureError(
                f"{source}: [features] {name} must be a list of feature names, got {value!r}",
                f'write it as {name} = ["other-feature", ...] (or [] for none)',
            )
        if name == DEFAULT:
            default = tuple(value)
        else:
            implies[name] = tuple(value)
    table = FeatureTable(implies, default, source)
    for name, implied in list(implies.items()) + [(DEFAULT, default)]:
        for target in implied:
            if target == DEFAULT:
                continue
            table.require_known(target, f"{source} [features] {name}")
    cycle = find_cycle(implies)
    if cycle:
        raise FeatureError(
            f"{source}: [features] implications form a cycle: {' -> '.join(cycle)}",
            f"remove {cycle[-1]!r} from the list of {cycle[-2]!r}, or another link of the cycle",
        )
    return table


def find_cycle(edges: Mapping[str, Iterable[str]]) -> list[str] | None:
    """One cycle as a path `a, b, ..., a`, or None. Deterministic: declaration order."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and nxt in edges:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in edges:
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None
