"""Fuzzing the webhook: any correctly signed body gets an answer below 500 and never stops the
workers; a valid message, whatever it says and whatever junk comes with it, is never lost."""

from __future__ import annotations

import itertools
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.channels.signature import sign
from bot.config import Settings
from bot.platform_ids import inbound_key
from bot.store.models import Message, WebhookEvent
from tests.safety.harness import AppHarness
from tests.safety.people import signed

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_ids = itertools.count(1)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
OBJECTS = ["whatsapp_business_account", "page", "instagram", "user", ""]
# Bodies shaped like Meta's, with anything in the leaves: the parsers' hardest inputs.
shaped = st.fixed_dictionaries(
    {
        "object": st.sampled_from(OBJECTS),
        "entry": st.lists(
            st.fixed_dictionaries(
                {"id": json_values, "changes": json_values, "messaging": json_values}
            ),
            max_size=3,
        ),
    }
)
bodies = st.one_of(
    st.binary(max_size=2048),
    json_values.map(lambda v: json.dumps(v).encode()),
    shaped.map(lambda v: json.dumps(v).encode()),
)


def valid_message(text: str, name: str, bsuid: bool, junk: dict[str, Any]) -> tuple[dict, str]:
    n = next(_ids)
    wamid = f"wamid.FUZZ{n:08d}"
    phone = f"2126{n:08d}"
    message: dict[str, Any] = {
        **junk,
        "from": phone,
        "id": wamid,
        "timestamp": str(1_767_600_000 + n),
        "type": "text",
        "text": {"body": text},
    }
    contact: dict[str, Any] = {"profile": {"name": name}, "wa_id": phone}
    if bsuid:
        message["from_user_id"] = contact["user_id"] = f"MA.{n:016d}"
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550009999", "phone_number_id": "120200300400501"},
        "contacts": [contact],
        "messages": [message, {"id": junk.get("id"), "type": "mystery", **junk}],
        "statuses": [junk],
    }
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}, junk]}],
    }
    return payload, wamid


def test_any_signed_body_is_answered_below_500_and_never_stops_the_workers(
    settings: Settings, db: object
) -> None:
    with AppHarness(settings) as app:

        @FUZZ
        @given(body=bodies)
        def check(body: bytes) -> None:
            headers = {"X-Hub-Signature-256": sign(app.settings.app_secret, body)}
            response = app.run(app.client.post("/webhooks/meta", content=body, headers=headers))  # type: ignore[union-attr]
            assert response.status_code == 200, response.text
            app.run(app.runtime.workers.inbound_once())  # must not raise

        check()
        stuck = app.run(_events(app, "pending"))
        assert stuck == 0, "every stored body was parsed (or given up on), none left behind"


async def _events(app: AppHarness, state: str) -> int:
    async with app.runtime.db.session() as session:
        rows = await session.execute(select(WebhookEvent).where(WebhookEvent.state == state))
        return len(rows.all())


def test_a_valid_message_is_never_lost_whatever_comes_with_it(
    settings: Settings, db: object
) -> None:
    junk = st.dictionaries(st.sampled_from(["id", "type", "x", "text", "errors", "context"]),
                           json_values, max_size=3)  # fmt: skip
    with AppHarness(settings) as app:

        @FUZZ
        @given(text=st.text(min_size=1, max_size=300), name=st.text(max_size=40),
               bsuid=st.booleans(), junk=junk)  # fmt: skip
        def check(text: str, name: str, bsuid: bool, junk: dict[str, Any]) -> None:
            payload, wamid = valid_message(text, name, bsuid, junk)
            body, headers = signed(app.settings.app_secret, payload)
            response = app.run(app.client.post("/webhooks/meta", content=body, headers=headers))  # type: ignore[union-attr]
            assert response.status_code == 200
            app.run(app.runtime.workers.inbound_once())
            stored = app.run(_message(app, inbound_key("whatsapp", wamid)))
            assert stored is not None, "the valid message was lost"
            assert stored.text == text[: app.settings.max_text_chars]
            assert stored.state != "pending", "it was applied"

        check()


async def _message(app: AppHarness, key: str) -> Message | None:
    async with app.runtime.db.session() as session:
        query = select(Message).where(Message.dedupe_key == key)
        return (await session.execute(query)).scalar_one_or_none()
