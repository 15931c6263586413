"""Forget a person in groups: memberships, what each group update did for them, their links.

Called from `bot.erasure.erase_conversation` (the person's "erase", and retention), in the
same transaction. Statistics need nothing here: erased cases have empty answers and are
left out of patterns, and every group screen leaves erased cases out even before this runs.
"""

from __future__ import annotations

from sqlalchemy import delete, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import Case, CaseLink, GroupDelivery, GroupMember


async def forget_person(session: AsyncSession, conversation_id: int) -> None:
    case_ids = select(Case.id).where(Case.conversation_id == conversation_id)
    await session.execute(delete(GroupMember).where(GroupMember.case_id.in_(case_ids)))
    await session.execute(
        delete(GroupDelivery).where(
            or_(
                GroupDelivery.conversation_id == conversation_id,
                GroupDelivery.case_id.in_(case_ids),
            )
        )
    )
    await session.execute(
        delete(CaseLink).where(or_(CaseLink.case_a.in_(case_ids), CaseLink.case_b.in_(case_ids)))
    )
