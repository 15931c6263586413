"""Dispatch on `object`, the GET handshake, and the promise that parsing never raises."""

from __future__ import annotations

import copy
import json
import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.meta import handshake, parse_event
from bot.messages import Inbound

from .cases import load_cases

FIXTURES = {
    f"{channel}/{name}": payload
    for channel in ("whatsapp", "messenger", "instagram")
    for name, payload in load_cases(channel).items()
}

# Keys the parsers look for, so generated payloads reach past the first branch.
VOCABULARY = [
    "object",
    "entry",
    "changes",
    "field",
    "value",
    "metadata",
    "phone_number_id",
    "contacts",
    "profile",
    "name",
    "wa_id",
    "user_id",
    "messages",
    "statuses",
    "errors",
    "from",
    "from_user_id",
    "id",
    "timestamp",
    "type",
    "text",
    "body",
    "interactive",
    "button_reply",
    "list_reply",
    "title",
    "button",
    "payload",
    "location",
    "latitude",
    "longitude",
    "image",
    "audio",
    "voice",
    "caption",
    "reaction",
    "emoji",
    "message_id",
    "system",
    "context",
    "status",
    "recipient_id",
    "recipient_user_id",
    "messaging",
    "standby",
    "sender",
    "recipient",
    "message",
    "mid",
    "is_echo",
    "quick_reply",
    "attachments",
    "url",
    "coordinates",
    "lat",
    "long",
    "sticker_id",
    "postback",
    "read",
    "delivery",
    "watermark",
    "mids",
    "group_id",
]
OBJECTS = ["whatsapp_business_account", "page", "instagram", "user", ""]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["text", "image", "read", "sent", "1767612345", "1e400", "-1", "NaN"])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(VOCABULARY) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=40,
)


def assert_parses(payload: Any) -> list[Inbound]:
    parsed = parse_event(payload)
    assert isinstance(parsed, list)
    for item in parsed:
        assert isinstance(item, Inbound)
        Inbound.model_validate_json(item.model_dump_json())  # storable and readable back
    return parsed


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += paths(child, (*prefix, index))
    return found


def mutate(payload: Any, path: tuple, replacement: Any, delete: bool) -> Any:
    if not path:
        return replacement
    parent = payload
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return payload


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=json_values)
def test_arbitrary_json_never_raises(payload: Any) -> None:
    assert_parses(payload)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(obj=st.sampled_from(OBJECTS), entry=json_values)
def test_arbitrary_entries_under_a_known_object_never_raise(obj: str, entry: Any) -> None:
    assert_parses({"object": obj, "entry": entry})
    assert_parses({"object": obj, "entry": [entry]})


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_fixtures_never_raise(data: st.DataObject) -> None:
    payload = copy.deepcopy(FIXTURES[data.draw(st.sampled_from(sorted(FIXTURES)))])
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(paths(payload)))
        delete = bool(path) and data.draw(st.booleans())
        payload = mutate(payload, path, data.draw(json_values), delete)
    assert_parses(payload)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixtures_need_no_safety_net(name: str, caplog: pytest.LogCaptureFixture) -> None:
    # The per-item guard is a last resort: every known shape, even malformed, reads cleanly.
    with caplog.at_level(logging.WARNING, logger="bot.channels"):
        assert_parses(FIXTURES[name])
    assert caplog.records == []


def test_dispatches_on_object() -> None:
    text = load_cases("whatsapp")["text"]
    assert [i.channel for i in parse_event(text)] == ["whatsapp"]
    assert [i.channel for i in parse_event(load_cases("messenger")["text"])] == ["messenger"]
    assert [i.channel for i in parse_event(load_cases("instagram")["text"])] == ["instagram"]
    assert parse_event({**text, "object": "permissions"}) == []
    assert parse_event({"entry": text["entry"]}) == []


def test_a_payload_survives_the_meta_escaped_byte_form() -> None:
    # Meta sends \uXXXX escapes and \/; parsing the bytes gives the same messages.
    payload = load_cases("whatsapp")["reaction"]
    raw = json.dumps(payload, ensure_ascii=True).replace("/", "\\/").encode()
    assert parse_event(json.loads(raw)) == parse_event(payload)


class TestHandshake:
    GOOD = {"hub.mode": "subscribe", "hub.verify_token": "tok-123", "hub.challenge": "1158201444"}

    def test_echoes_the_challenge_when_the_token_matches(self) -> None:
        assert handshake(self.GOOD, "tok-123") == "1158201444"

    @pytest.mark.parametrize(
        "change",
        [
            {"hub.verify_token": "wrong"},
            {"hub.mode": "unsubscribe"},
            {"hub.challenge": None},
            {"hub.verify_token": None},
        ],
    )
    def test_refuses_anything_else(self, change: dict) -> None:
        params = {k: v for k, v in {**self.GOOD, **change}.items() if v is not None}
        assert handshake(params, "tok-123") is None

    def test_an_unset_verify_token_never_matches(self) -> None:
        assert handshake({**self.GOOD, "hub.verify_token": ""}, "") is None
