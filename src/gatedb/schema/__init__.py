"""Schema code per unit: who owns which table and key (ownership), the generated
SQLAlchemy package (sqlalchemy_writer) and loading it for a feature set (runtime).

Importing this package loads no database library; the writers and the runtime import
SQLAlchemy themselves.
"""

from .ownership import OwnedForeignKey, Ownership, PlacementViolation, load_order, module_name, module_names, ownership, ownership_from_facts, placement

__all__ = ["OwnedForeignKey", "Ownership", "PlacementViolation", "load_order", "module_name", "module_names", "ownership", "ownership_from_facts", "placement"]
