"""case consent to share and indicators (issue 24)

Revision ID: 0006f
Revises: 0003s
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006f"
down_revision: str | None = '0003s'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(sa.Column("consent", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("indicators", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.drop_column("indicators")
        batch.drop_column("consent")
