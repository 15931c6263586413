"""`GET /api/cases/{id}/media/{message_id}`: a file the person sent, decrypted, team-checked.

200 with the bytes when stored; 202 while it is still being fetched; 404 when it is not in
this case (or the case is another team's), or could not be kept (too large, wrong type).
"""

from __future__ import annotations

from fastapi import HTTPException
from fastapi.responses import JSONResponse, Response

from bot.cases import actions
from bot.media import disposition
from bot.web.api.common import api_router, transaction
from bot.web.deps import ApiUser, AppStateDep, RowId

router = api_router()


@router.get("/cases/{case_id}/media/{message_id}", response_model=None)
async def media(case_id: str, message_id: RowId, app: AppStateDep, user: ApiUser) -> Response:
    async with transaction(app) as session:
        blob = await actions.media_blob(session, user, case_id, message_id)
    if blob.state == "pending":
        return JSONResponse({"state": "pending"}, status_code=202, headers={"Retry-After": "5"})
    if blob.state != "stored" or blob.content is None:
        raise HTTPException(
            404, detail={"error": "media_unavailable", "state": blob.state, "message": blob.error}
        )
    ext = blob.mime_type.split("/")[-1]
    return Response(
        content=blob.content,
        media_type=blob.mime_type,
        headers={
            "Content-Disposition": f'{disposition(blob.mime_type)}; filename="{message_id}.{ext}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )
