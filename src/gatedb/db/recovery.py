"""Resuming a migration that a killed run left `running` on MariaDB/MySQL.

There DDL commits statement by statement, and the count in the bookkeeping row commits
just after each statement: a kill between the two leaves the count one too low. Data
statements commit together with their count (dialects.MySQL.execute_statement), so only a
DDL statement can be uncounted, and only the one right after the count. Whether it
committed is a question the live catalog answers: the analysis predicts what each
statement creates, drops or renames, and information_schema says whether that is so.

`decide` is pure (facts, count, a probe) -> Verdict; `recover` applies verdicts to a plan
inside the locked run. Where the catalog cannot tell (an ALTER that only changes a type,
a Python migration half-way), the migration stays unfinished and migrate asks for repair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Sequence

from ..core.model import AppliedRecord, Migration, Plan, Project, Step
from .dialects import is_data_statement

Probe = Callable[[Any], "bool | None"]  # ObjectRef -> exists? (None: cannot ask about that kind)
_QUERY = re.compile(r"(?:\s+|--[^\n]*\n|/\*.*?\*/)*SELECT\b(?!.*\bINTO\b)", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Verdict:
    committed: int | None  # statements that committed: resume after them; None: the catalog cannot tell
    total: int
    reason: str  # what proves it, or why it cannot be proven

    @property
    def complete(self) -> bool:
        return self.committed is not None and self.committed >= self.total


def decide(statements: Sequence[Any], texts: Sequence[str], done: int, probe: Probe, python: bool = False) -> Verdict:
    """How many statements of a migration committed, given the recorded count `done`
    (true, or one too low) and the catalog. `statements`: the analysis' StatementFacts,
    one per text as gatedb sent them."""
    total = len(texts)
    if python and done > 0:  # its statements as run are not known one by one: only "none ran" is provable
        return Verdict(None, total, f"a Python migration cannot be resumed after its statement {done}")
    if len(statements) != total:
        return Verdict(None, total, "the analysis does not see the statements gatedb sent")
    if done >= total:
        return Verdict(total, total, f"all {total} statement(s) had committed; only the bookkeeping was missing")
    where = f"statement {done + 1} of {total} ({_kind(statements[done], texts[done])}, line {statements[done].line})"
    if is_data_statement(texts[done]) and not python:
        return Verdict(done, total, f"{where} changes data, which commits with its count: it had not run")
    if _QUERY.match(texts[done]) and not python:
        return Verdict(done, total, f"{where} only reads: running it again changes nothing")
    state = effect_state(statements[done], probe)
    if state is None:
        return Verdict(None, total, f"the catalog cannot tell whether {where} committed")
    if python and state:
        return Verdict(None, total, f"{where} committed, and a Python migration cannot be resumed after it")
    if state:
        return Verdict(done + 1, total, f"the catalog shows {where} committed")
    return Verdict(done, total, f"the catalog shows {where} had not run")


def effect_state(facts: Any, probe: Probe) -> bool | None:
    """True: the catalog shows what the statement makes; False: what was there before it;
    None: no object to ask about, or the answers disagree. Guarded statements (IF [NOT]
    EXISTS) look the same either way: None, unless re-running them is harmless, which the
    caller decides (it is not needed: a guarded statement has its effect both ways)."""
    expectations: list[tuple[Any, bool]] = [(o, True) for o in facts.creates] + [(o, False) for o in facts.drops]
    for old, new in facts.renames:
        expectations += [(new, True), (old, False)]
    answers = set()
    for obj, should_exist in expectations:
        if obj in facts.guarded:
            return None
        exists = probe(obj)
        if exists is not None:
            answers.add(exists == should_exist)
    if len(answers) != 1:
        return None
    return answers.pop()


def _kind(facts: Any, text: str) -> str:
    return facts.kind or " ".join(text.split()[:2]).upper()


# --- the catalog (MariaDB / MySQL information_schema) ---------------------------------------

_QUERIES = {
    "table": "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = :name AND TABLE_TYPE <> 'VIEW'",
    "view": "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = :name AND TABLE_TYPE = 'VIEW'",
    "sequence": "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = :name",
    "column": "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = :table AND LOWER(COLUMN_NAME) = :name",
    "index": "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND LOWER(INDEX_NAME) = :name AND (:table = '' OR LOWER(TABLE_NAME) = :table)",
    "constraint": "SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND LOWER(CONSTRAINT_NAME) = :name AND (:table = '' OR LOWER(TABLE_NAME) = :table)",
    "trigger": "SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND LOWER(TRIGGER_NAME) = :name",
    "function": "SELECT 1 FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() AND LOWER(ROUTINE_NAME) = :name",
}


def mysql_probe(conn: Any) -> Probe:
    import sqlalchemy as sa

    def probe(obj: Any) -> bool | None:
        query = _QUERIES.get(obj.kind)
        if query is None or not obj.name:
            return None
        name = obj.name.rpartition(".")[2].strip("`").lower()
        table = (obj.table or "").rpartition(".")[2].strip("`").lower()
        if obj.kind == "column" and not table:
            return None
        found = conn.execute(sa.text(query), {"name": name, "table": table}).first() is not None
        conn.commit()
        return found

    return probe


# --- inside the locked run ----------------------------------------------------------------


@dataclass(frozen=True)
class Recovery:
    plan: Plan  # with the resumed migrations as its first steps
    notes: tuple[str, ...] = ()  # what was resumed or recorded, and how it was proven
    unproven: dict[Any, str] = field(default_factory=dict)  # MigrationId -> why the catalog cannot tell


def recover(conn: Any, dialect: Any, project: Project, the_plan: Plan) -> Recovery:
    """For each migration left `running` (an interrupted up, its file unchanged, its unit on):
    ask the catalog how far it got. Proven: it becomes the plan's first step, resumed after
    its committed statements (or is recorded applied when all had committed), with a note
    saying so. Not proven: it stays unfinished, and refuse_unsafe asks for repair."""
    from ..analysis.facts import scan
    from . import history

    if dialect.transactional_ddl or not the_plan.unfinished:
        return Recovery(the_plan)
    resumed: list[Step] = []
    settled: set[Any] = set()
    notes: list[str] = []
    unproven: dict[Any, str] = {}
    probe = mysql_probe(conn)
    for record in the_plan.unfinished:
        migration = project.migration(record.id)
        if record.state != "running" or migration is None or record.id.unit not in the_plan.active_units:
            continue
        if migration.checksum(dialect.name) != record.checksum:
            continue  # the file changed since: its statements are not the ones that ran
        verdict = diagnose(migration, record, dialect, project.root, probe, scan)
        if verdict.committed is None:
            unproven[record.id] = verdict.reason
            continue
        settled.add(record.id)
        if verdict.complete:
            with conn.begin():
                history.mark_applied(conn, record.id)
            notes.append(f"{record.id} ({migration.path}) was complete: {verdict.reason}; recorded it as applied")
            continue
        how = f"resumed after statement {verdict.committed}" if verdict.committed else "ran again from its start"
        notes.append(f"{record.id} ({migration.path}), left running by an interrupted run, {how}: {verdict.reason}")
        resumed.append(Step(migration, f"resuming an interrupted run ({verdict.reason})", "up", verdict.committed))
    remaining = tuple(r for r in the_plan.unfinished if r.id not in settled)
    return Recovery(replace(the_plan, steps=tuple(resumed) + the_plan.steps, unfinished=remaining), tuple(notes), unproven)


def diagnose(migration: Migration, record: AppliedRecord, dialect: Any, root: str, probe: Probe, scan: Callable[..., Any]) -> Verdict:
    facts = scan(migration, root, dialect.name)
    statements = list(facts.statements) if facts is not None else []
    if migration.kind == "python":  # statements as the analysis predicts them; only "nothing ran" can be proven
        texts = [s.text for s in statements]
        return decide(statements, texts, record.statements_done, probe, python=True)
    texts = dialect.statements(migration.up_sql(dialect.name) or "", migration.transactional)
    return decide(statements, texts, record.statements_done, probe)
