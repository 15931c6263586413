"""`/openapi.json` documents the shape of every JSON answer of the API (bot/web/api/
responses.py), and describing them changes nothing: the JSON is what bot.cases.views and
bot.groups.views build, key for key and in the same order."""

from __future__ import annotations

import json
from typing import Any

import httpx

from bot.app import create_app
from bot.cases.views import case_payload, message_json
from bot.config import Settings
from bot.store.models import Case, Conversation, Message, utcnow
from tests.cases.support import make_case, person_message, seed_staff
from tests.conftest import runtime

NOT_JSON = {"/api/events", "/api/patterns.csv", "/api/cases/{case_id}/media/{message_id}"}
# Architecture A5: the case JSON every client relies on.
CONTRACT = {
    "id",
    "status",
    "priority",
    "channel",
    "language",
    "team",
    "assignee",
    "contact",
    "location",
    "answers",
    "consent",
    "created_at",
    "updated_at",
}


def _schema(settings: Settings) -> dict[str, Any]:
    return create_app(settings).openapi()


def _named(schema: dict[str, Any]) -> str | None:
    """The component a success answer refers to (also as the items of a list)."""
    target = schema.get("items", schema)
    ref = target.get("$ref", "")
    return ref.rsplit("/", 1)[-1] or None


def test_every_json_answer_of_the_api_has_a_documented_shape(settings: Settings) -> None:
    schema = _schema(settings)
    shapes = schema["components"]["schemas"]
    documented = 0
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/") or path in NOT_JSON:
            continue
        for method, operation in operations.items():
            answer = operation["responses"].get("200") or operation["responses"].get("201")
            assert answer is not None, (method, path)
            name = _named(answer["content"]["application/json"]["schema"])
            assert name in shapes and shapes[name].get("properties"), (method, path, name)
            documented += 1
    assert documented >= 20


def test_the_documented_case_carries_the_contract_s_fields(settings: Settings) -> None:
    shapes = _schema(settings)["components"]["schemas"]
    assert CONTRACT <= set(shapes["CaseOut"]["properties"])
    assert {"masked_id", "name"} <= set(shapes["Contact"]["properties"])
    assert "share_with" in shapes["Consent"]["properties"]
    assert {"direction", "author", "text", "kind", "at"} <= set(shapes["MessageOut"]["properties"])


def _same(got: Any, built: Any) -> None:
    """Equal, with every object's keys in the same order."""
    assert json.dumps(got) == json.dumps(built, default=str)


async def test_describing_the_answers_changes_no_field(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    made = await make_case(rt)
    await person_message(rt, made, "help")
    async with rt.db.session() as s, s.begin():
        located = Message(
            conversation_id=made.conversation_id,
            direction="in",
            author="person",
            kind="location",
            text=None,
            state="done",
            data={"location": {"latitude": 32, "longitude": 13.18}, "choice_id": "unsure"},
        )
        s.add(located)
    auth = staff.auth("amina")
    got = (await app_client.get(f"/api/cases/{made.id}", headers=auth)).json()
    transcript = (await app_client.get(f"/api/cases/{made.id}/messages", headers=auth)).json()
    async with rt.db.session() as s:
        case = await s.get(Case, made.id)
        assert case is not None
        conv = await s.get(Conversation, case.conversation_id)
        assert conv is not None
        built = await case_payload(s, case, conv, now=utcnow())
        rows = [await s.get(Message, m["id"]) for m in transcript]
    _same(got, built)
    _same(transcript, [message_json(m, case_id=made.id) for m in rows if m is not None])
    assert "choice_id" in transcript[-1] and "media" not in transcript[-1]
    assert transcript[-1]["location"]["latitude"] == 32  # a number stays as it was sent
    assert "choice_id" not in transcript[0]  # keys a message lacks stay out
