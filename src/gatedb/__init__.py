"""gatedb: feature-gated database schemas and migrations.

The feature set is the planner's input: core always runs, a feature's unit runs when the
feature is on, a bridge `a+b` when all its features are on.
"""

from .api import MigrateResult, Status, migrate, plan, prune, repair, resolve, status
from .errors import GatedbError
from .loader import load_project
from .model import Migration, MigrationId, Plan, Project, Step, Unit

__all__ = [
    "GatedbError",
    "MigrateResult",
    "Migration",
    "MigrationId",
    "Plan",
    "Project",
    "Status",
    "Step",
    "Unit",
    "load_project",
    "migrate",
    "plan",
    "prune",
    "repair",
    "resolve",
    "status",
]
__version__ = "0.1.0"
