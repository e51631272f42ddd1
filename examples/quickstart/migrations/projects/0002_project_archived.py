"""A Python migration: `op` is Alembic's Operations, bound to gatedb's connection."""
import sqlalchemy as sa


def upgrade(op):
    op.add_column("projects", sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("ix_projects_archived", "projects", ["archived"])


def downgrade(op):
    op.drop_index("ix_projects_archived", table_name="projects")
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("archived")
