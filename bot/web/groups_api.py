"""`/api/groups…`, `/api/cases/{id}/links` and `/api/patterns` (thin over bot.groups).

Same rules as the cases API: a bearer token (401 without), and anything that touches a case
outside the caller's teams answers 404. Patterns are for admins only (403 otherwise).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Header, Query, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.replies import default_flows_dir, render_canned
from bot.cases.window import iso
from bot.groups import groups, links, patterns, send, views
from bot.groups.match import LinkRules
from bot.runtime import Runtime
from bot.store.models import CaseGroup, GroupDelivery, GroupUpdate, User
from bot.web.api.common import api_router, transaction
from bot.web.api.responses import (
    CaseLinks,
    GroupDetail,
    GroupList,
    LinkDecision,
    MembersAdded,
    PatternTable,
    UpdateOut,
)
from bot.web.deps import ApiAdmin, ApiUser, AppStateDep, RowId

router = api_router()

CaseIds = Annotated[list[Annotated[str, Field(min_length=1, max_length=20)]], Field(min_length=1)]


class GroupBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=groups.MAX_NAME)
    case_ids: CaseIds


class MembersBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    case_ids: CaseIds


class UpdateBody(BaseModel):
    """Exactly one of {"text"} (sent as written) or {"canned": reply id} (each language)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=4096)
    canned: str | None = Field(default=None, min_length=1, max_length=100)

    @model_validator(mode="after")
    def _one_kind(self) -> UpdateBody:
        if (self.text is None) == (self.canned is None):
            raise ValueError("give exactly one of text or canned")
        return self


class LinkBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    other_case_id: str = Field(min_length=1, max_length=20)
    decision: Literal["confirm", "reject"]


async def _detail(session: AsyncSession, group: CaseGroup) -> dict[str, Any]:
    people = await groups.members(session, group.id)  # type: ignore[arg-type]
    return await views.group_detail(session, group, people)


@router.get("/groups", response_model=GroupList, response_model_exclude_unset=True)
async def list_groups(app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    async with transaction(app) as session:
        found = await groups.list_groups(session, user)
    return {
        "groups": [
            views.group_json(g["group"], members=g["members"], last_update_at=g["last_update_at"])
            for g in found
        ]
    }


@router.post(
    "/groups", status_code=201, response_model=GroupDetail, response_model_exclude_unset=True
)
async def create_group(body: GroupBody, app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    async with transaction(app) as session:
        group = await groups.create_group(session, user, body.name, body.case_ids)
        return await _detail(session, group)


@router.get("/groups/{group_id}", response_model=GroupDetail, response_model_exclude_unset=True)
async def get_group(group_id: RowId, app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    async with transaction(app) as session:
        group = await groups.load_group(session, user, group_id)
        return await _detail(session, group)


@router.post(
    "/groups/{group_id}/members", response_model=MembersAdded, response_model_exclude_unset=True
)
async def add_members(
    group_id: RowId, body: MembersBody, app: AppStateDep, user: ApiUser
) -> dict[str, Any]:
    async with transaction(app) as session:
        added = await groups.add_members(session, user, group_id, body.case_ids)
        group = await groups.load_group(session, user, group_id)
        return {"added": added, "group": await _detail(session, group)}


@router.delete(
    "/groups/{group_id}/members/{case_id}",
    response_model=GroupDetail,
    response_model_exclude_unset=True,
)
async def remove_member(
    group_id: RowId, case_id: str, app: AppStateDep, user: ApiUser
) -> dict[str, Any]:
    async with transaction(app) as session:
        await groups.remove_member(session, user, group_id, case_id)
        group = await groups.load_group(session, user, group_id)
        return await _detail(session, group)


@router.post(
    "/groups/{group_id}/messages",
    status_code=201,
    response_model=UpdateOut,
    response_model_exclude_unset=True,
)
async def send_update(
    group_id: RowId,
    body: UpdateBody,
    app: AppStateDep,
    user: ApiUser,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> dict[str, Any]:
    """One update to every member, each on their own; skipped people come with the reason."""
    async with transaction(app) as session:
        update, rows = await send.send_update(
            session,
            app,
            user,
            group_id,
            text=body.text,
            canned=body.canned,
            client_key=idempotency_key,
        )
        return await _update(session, app, user, update, rows)


@router.get(
    "/groups/{group_id}/messages", response_model=list[UpdateOut], response_model_exclude_unset=True
)
async def list_updates(
    group_id: RowId,
    app: AppStateDep,
    user: ApiUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[dict[str, Any]]:
    """The group's updates, newest first, each with every person's status."""
    async with transaction(app) as session:
        group = await groups.load_group(session, user, group_id)
        live = {c.id for c, _ in await groups.members(session, group.id)}  # type: ignore[arg-type]
        updates = await views.recent_updates(session, group.id, live, limit=limit)  # type: ignore[arg-type]
        return [await _update(session, app, user, update, kept) for update, kept in updates]


async def _update(
    session: AsyncSession,
    app: Runtime,
    user: User,
    update: GroupUpdate,
    rows: list[GroupDelivery],
) -> dict[str, Any]:
    states = await views.message_states(session, rows)
    masked = await views.masked_ids(session, rows)
    out = views.update_json(update, rows, states, masked)
    if update.canned:
        flows_dir = app.settings.flows_dir or default_flows_dir(app.catalogs)
        lang = user.language or "en"
        out["preview"] = render_canned(app.catalogs, flows_dir, update.canned, lang)
    return out


@router.get("/cases/{case_id}/links", response_model=CaseLinks, response_model_exclude_unset=True)
async def case_links(
    case_id: str,
    app: AppStateDep,
    user: ApiUser,
    km: Annotated[float | None, Query(gt=0, le=500)] = None,
    days: Annotated[int | None, Query(ge=1, le=3650)] = None,
) -> dict[str, Any]:
    """Cases probably linked to this one, each with its reasons; and the confirmed ones."""
    rules = LinkRules.from_settings(app.settings, km=km, days=days)
    async with transaction(app) as session:
        return await links.suggest(session, user, case_id, rules=rules, towns=app.towns)


@router.post(
    "/cases/{case_id}/links", response_model=LinkDecision, response_model_exclude_unset=True
)
async def decide_link(
    case_id: str, body: LinkBody, app: AppStateDep, user: ApiUser
) -> dict[str, Any]:
    rules = LinkRules.from_settings(app.settings)
    async with transaction(app) as session:
        link = await links.decide(
            session,
            user,
            case_id,
            body.other_case_id,
            body.decision,
            rules=rules,
            towns=app.towns,
        )
        return {
            "case_id": case_id.strip().upper(),
            "other_case_id": link.case_b if link.case_a == case_id.strip().upper() else link.case_a,
            "decision": link.decision,
            "reasons": list(link.reasons or []),
            "decided_at": iso(link.decided_at),
        }


@router.get("/patterns", response_model=PatternTable, response_model_exclude_unset=True)
async def pattern_table(
    app: AppStateDep, _admin: ApiAdmin, days: Annotated[int, Query(ge=1, le=patterns.MAX_DAYS)] = 90
) -> dict[str, Any]:
    """Agencies and places that come up most, without personal data (small counts left out)."""
    async with transaction(app) as session:
        return await patterns.pattern_table(session, days=days)


@router.get("/patterns.csv")
async def pattern_csv(
    app: AppStateDep, _admin: ApiAdmin, days: Annotated[int, Query(ge=1, le=patterns.MAX_DAYS)] = 90
) -> Response:
    async with transaction(app) as session:
        table = await patterns.pattern_table(session, days=days)
    name = f"sauti-patterns-{table['period']['start']}-{table['period']['end']}.csv"
    return Response(
        patterns.to_csv(table),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
