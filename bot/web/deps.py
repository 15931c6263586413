"""FastAPI dependencies shared by the routers (Annotated aliases, template style)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request

from bot.runtime import Runtime


async def get_runtime(request: Request) -> Runtime:
    # async: FastAPI would run a plain `def` dependency in a thread pool, on every request.
    return request.app.state.runtime  # type: ignore[no-any-return]


AppStateDep = Annotated[Runtime, Depends(get_runtime)]

# Row ids and offsets from a URL. Ids are INTEGER columns (32-bit signed on PostgreSQL), and
# a larger number (or a negative one) reached the driver and answered 500. Declared here
# once, so no route checks its own: out of range is a 422 before the route runs.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ROW_ID)]  # past the last row id: nothing to skip to


def row_id(raw: str) -> int | None:
    """A row id typed into a form or a page's path, which answer their own "not found":
    None for anything that is not one (too long, out of range, not digits)."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 10:
        return None
    value = int(raw)
    return value if 1 <= value <= MAX_ROW_ID else None
