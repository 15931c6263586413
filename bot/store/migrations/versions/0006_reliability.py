"""erased message tombstones

Revision ID: 0002r
Revises: 0005h
Create Date: 2026-12-03 13:10:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate refers to it: alembic#1647)
from alembic import op

revision: str = '0002r'
down_revision: str | None = '0005h'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('erased_message',
    sa.Column('dedupe_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('erased_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('dedupe_key')
    )
    with op.batch_alter_table('erased_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_erased_message_erased_at'), ['erased_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('erased_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erased_message_erased_at'))

    op.drop_table('erased_message')
