"""hardening: case routing state; masked ids re-masked to the country code and two digits

Revision ID: 0005h
Revises: 0004a
Create Date: 2026-12-03 13:30:00
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate refers to it: alembic#1647)
from alembic import op

revision: str = "0005h"
down_revision: str | None = "0004a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The old mask kept 4 characters on each side: '+2126•••5678', 'GB.7•••9147'.
_OLD_MASK = re.compile(r"^(\+?)(.{4})•••(.{4})$")


def _remask(channel: str, masked: str) -> str | None:
    """The new mask from what the old one showed (the rest of the number is not stored in
    clear, so the count of hidden digits is unknown: three bullets stand for them)."""
    from bot.masking import country_code

    found = _OLD_MASK.match(masked)
    if found is None:
        return None
    plus, head, tail = found.groups()
    if plus and channel == "whatsapp" and head.isdigit():
        return f"+{country_code(head)}•••{tail[-2:]}"
    return f"•••{tail[-2:]}"


def upgrade() -> None:
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "routing",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="country",
            )
        )
        batch_op.create_index("ix_case_routing_status", ["routing", "status"], unique=False)
    # Cases already with a team stay with it; those with none are shown to every caseworker.
    op.execute("UPDATE case_file SET routing = 'unrouted' WHERE team IS NULL")
    conn = op.get_bind()
    conversation = sa.table(
        "conversation", sa.column("id"), sa.column("channel"), sa.column("masked_id")
    )
    rows = conn.execute(
        sa.select(conversation.c.id, conversation.c.channel, conversation.c.masked_id).where(
            conversation.c.masked_id.like("%•••%")
        )
    ).all()
    for conv_id, channel, masked in rows:
        new = _remask(channel or "", masked or "")
        if new is not None and new != masked:
            conn.execute(
                conversation.update().where(conversation.c.id == conv_id).values(masked_id=new)
            )


def downgrade() -> None:
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index("ix_case_routing_status")
        batch_op.drop_column("routing")
