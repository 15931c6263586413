"""Shared pieces of the caseworker API: one transaction per request, errors → HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, HTTPException
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.errors import CaseError
from bot.runtime import Runtime
from bot.web.auth import BearerRoute


def api_router() -> APIRouter:
    return APIRouter(prefix="/api", tags=["caseworker API"], route_class=BearerRoute)


@asynccontextmanager
async def transaction(runtime: Runtime) -> AsyncIterator[AsyncSession]:
    """A session in a transaction; a refused action rolls back and becomes its HTTP error:
    404 not found (or another team's), 409 conflict or window closed, 422 bad request."""
    try:
        async with runtime.db.session() as session, session.begin():
            yield session
    except CaseError as err:
        raise HTTPException(err.status, detail=err.as_json()) from None
