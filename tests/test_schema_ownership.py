"""Ownership of tables and foreign keys, the contract the schema generators share. No database."""

from __future__ import annotations

from pathlib import Path

import pytest

from gatedb.errors import MigrationFileError
from gatedb.files.loader import load_project
from gatedb.schema import OwnedForeignKey, module_name, module_names, ownership

from helpers import EXAMPLES, write_project

MANIFEST = """
[features]
default = []
people = []
mail = []
crm = ["people"]
"""


def project(tmp_path: Path, files: dict[str, str]):
    return load_project(write_project(tmp_path, MANIFEST, files))


def test_tables_follow_creation_renames_and_drops(tmp_path: Path) -> None:
    p = project(tmp_path, {
        "core/0001_init.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\nCREATE TABLE old_bots (id INTEGER PRIMARY KEY);\nCREATE TABLE scratch (id INTEGER);\n",
        "core/0002_rename.sql": "ALTER TABLE old_bots RENAME TO bots;\nDROP TABLE scratch;\n",
        "people/0003_people.sql": "CREATE TABLE contacts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id));\nCREATE TABLE scratch (id INTEGER);\n",
    })
    owners = ownership(p, "sqlite")
    assert dict(owners.tables) == {"users": "core", "bots": "core", "contacts": "people", "scratch": "people"}
    assert owners.units_tables() == {"core": ["users", "bots"], "people": ["contacts", "scratch"]}  # units are the folders
    assert owners.created_by["scratch"] == "people/0003"
    assert owners.foreign_keys == (OwnedForeignKey("contacts", ("user_id",), "users", ("id",), None, "people"),)
    assert owners.violations == ()


def test_keys_are_placed_by_the_rule_and_misplaced_ones_reported(tmp_path: Path) -> None:
    p = project(tmp_path, {
        "core/0001_init.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY, favourite_contact INTEGER);\n",
        "people/0001_people.sql": (
            "CREATE TABLE contacts (id INTEGER PRIMARY KEY, mail_id INTEGER);\n"
            # core's table points at people's: the key belongs to people (core is in its closure)
            "ALTER TABLE users ADD CONSTRAINT users_fav_fk FOREIGN KEY (favourite_contact) REFERENCES contacts(id);\n"
        ),
        "mail/0001_mail.sql": "CREATE TABLE messages (id INTEGER PRIMARY KEY, contact_id INTEGER);\n",
        "crm/0001_crm.sql": "CREATE TABLE deals (id INTEGER PRIMARY KEY, contact_id INTEGER REFERENCES contacts(id), message_id INTEGER REFERENCES messages(id));\n",
        "mail+people/0001_link.sql": "ALTER TABLE contacts ADD CONSTRAINT contacts_mail_fk FOREIGN KEY (mail_id) REFERENCES messages(id);\n",
    })
    owners = ownership(p, "postgresql")
    by_name = {(k.table, k.referred_table): k.unit for k in owners.foreign_keys}
    assert by_name == {("users", "contacts"): "people", ("deals", "contacts"): "crm", ("deals", "messages"): "crm", ("contacts", "messages"): "mail+people"}
    assert owners.foreign_key_unit("CONTACTS", ["mail_id"], "messages") == "mail+people"
    assert owners.units_foreign_keys()["mail+people"][0].name == "contacts_mail_fk"
    # crm does not imply mail: the deals -> messages key belongs to a bridge crm+mail, which does not exist
    (violation,) = owners.violations
    assert (violation.key.table, violation.key.referred_table, violation.expected, violation.migration) == ("deals", "messages", "crm+mail", "crm/0001")
    assert "belongs to crm+mail" in violation.message


def test_dropped_and_renamed_keys_are_followed(tmp_path: Path) -> None:
    p = project(tmp_path, {
        "core/0001_init.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
        "people/0001_people.sql": "CREATE TABLE contacts (id INTEGER PRIMARY KEY, user_id INTEGER, CONSTRAINT c_user FOREIGN KEY (user_id) REFERENCES users(id));\n",
        "people/0002_drop.sql": "ALTER TABLE contacts DROP CONSTRAINT c_user;\nALTER TABLE contacts RENAME TO people_contacts;\n",
    })
    owners = ownership(p, "postgresql")
    assert owners.foreign_keys == ()
    assert dict(owners.tables) == {"users": "core", "people_contacts": "people"}


def test_module_names() -> None:
    assert [module_name(u) for u in ("core", "progress-bars", "mail+marketing", "a-b+c")] == ["core", "progress_bars", "mail__marketing", "a_b__c"]
    assert module_name("import") == "unit_import"
    with pytest.raises(MigrationFileError, match="a-b and a_b both become the Python module a_b"):
        module_names(["core", "a-b", "a_b"])


def test_botserver_ownership_matches_its_readme() -> None:
    owners = ownership(load_project(EXAMPLES / "botserver"), "postgresql")
    assert (len(owners.tables), len(owners.foreign_keys), owners.violations) == (295, 335, ())
    assert len(owners.units_tables()["core"]) == 79 and len(owners.units_foreign_keys()["mail+marketing"]) == 2
