"""Version parsing/sorting and Cargo-style feature resolution (pure)."""

from __future__ import annotations

import pytest

from gatedb.errors import FeatureError
from gatedb.core.features import Selection, build_feature_table, find_cycle
from gatedb.core.versions import split_stem, version_key


@pytest.mark.parametrize(
    "stem, expected",
    [
        ("0001_init", ("0001", "init")),
        ("6.0.8-01-tickets", ("6.0.8-01", "tickets")),
        ("6.2.3-crm-deals", ("6.2.3", "crm-deals")),
        ("2026-03-15-email-crm-campaigns", ("2026-03-15", "email-crm-campaigns")),
        ("20240101120000_add_index", ("20240101120000", "add_index")),
        ("7", ("7", "")),
        ("init", None),
        ("_0001", None),
    ],
)
def test_split_stem(stem: str, expected: tuple[str, str] | None) -> None:
    assert split_stem(stem) == expected


def test_natural_order() -> None:
    versions = ["6.0.10", "6.0.9", "6.0.2", "6.1.0", "10", "9", "6.0.8-01", "20240101120000"]
    assert sorted(versions, key=version_key) == ["6.0.2", "6.0.8-01", "6.0.9", "6.0.10", "6.1.0", "9", "10", "20240101120000"]
    assert version_key("0001") == version_key("1")


TABLE = build_feature_table(
    {"default": ["chat"], "chat": ["automation", "cache"], "automation": ["scripting"], "scripting": [], "cache": [], "tasks": ["cache"]},
    "gatedb.toml",
)


def test_default_resolution_gives_reasons() -> None:
    res = TABLE.resolve(Selection())
    assert res.enabled == {"chat", "automation", "cache", "scripting"}
    assert res.reasons["chat"] == "default"
    assert res.reasons["automation"] == "implied by chat"
    assert res.reasons["scripting"] == "implied by automation"


def test_no_default_and_chosen() -> None:
    res = TABLE.resolve(Selection.parse("tasks", no_default_features=True))
    assert res.enabled == {"tasks", "cache"}
    assert res.reasons == {"cache": "implied by tasks", "tasks": "chosen"}


def test_all_features() -> None:
    assert TABLE.resolve(Selection(all_features=True)).enabled == set(TABLE.names)


def test_selection_parsing_accepts_commas_and_repeats() -> None:
    assert Selection.parse(["a,b", "c", " d "]).features == ("a", "b", "c", "d")
    assert Selection.parse("a, b").features == ("a", "b")
    assert Selection.parse(None).features == ()


def test_unknown_feature_suggests_closest() -> None:
    with pytest.raises(FeatureError) as err:
        TABLE.resolve(Selection.parse("taks"))
    assert "unknown feature 'taks'" in err.value.message
    assert err.value.hint == "did you mean 'tasks'?"


def test_unknown_implied_feature_names_the_manifest() -> None:
    with pytest.raises(FeatureError) as err:
        build_feature_table({"a": ["bb"], "b": []}, "gatedb.toml")
    assert err.value.message == "unknown feature 'bb' in gatedb.toml [features] a"


def test_cycle_is_printed() -> None:
    with pytest.raises(FeatureError) as err:
        build_feature_table({"a": ["b"], "b": ["c"], "c": ["a"]}, "gatedb.toml")
    assert "a -> b -> c -> a" in err.value.message
    assert find_cycle({"x": ["y"], "y": []}) is None


def test_feature_value_must_be_a_list() -> None:
    with pytest.raises(FeatureError, match=r"\[features\] a must be a list"):
        build_feature_table({"a": "b"}, "gatedb.toml")
