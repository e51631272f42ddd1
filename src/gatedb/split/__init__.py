"""gatedb split and adopt: from one flat history to feature units.

readers (one module per format: read_diesel, read_sqlfiles, read_flyway, read_alembic) give
SourceMigration values in the order the old tool ran them; rules decides each table's unit;
splitter (pure) routes every statement to a unit and places foreign keys; writer writes the
gatedb project and its provenance file; report renders what happened; adopt moves a database
migrated the old way onto the units.
"""
