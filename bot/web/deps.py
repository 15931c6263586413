"""FastAPI dependencies shared by the routers (Annotated aliases, template style)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from bot.runtime import Runtime


async def get_runtime(request: Request) -> Runtime:
    # async: FastAPI would run a plain `def` dependency in a thread pool, on every request.
    return request.app.state.runtime  # type: ignore[no-any-return]


AppStateDep = Annotated[Runtime, Depends(get_runtime)]
