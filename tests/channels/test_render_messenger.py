"""A Reply becomes Messenger / Instagram Send API bodies within the platform limits."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels._textfit import utf8_len, utf16_len
from bot.channels.bidi import FSI, PDI
from bot.channels.render_messenger import mark_seen_messenger, render_messenger
from bot.messages import Option, Reply, TemplateCall

PSID = "6543210987654321"


def options(n: int, title: str = "Answer {i}") -> list[Option]:
    return [Option(id=f"opt_{i}", title=title.format(i=i)) for i in range(1, n + 1)]


def check_limits(bodies: list[dict[str, Any]], channel: str) -> None:
    for index, body in enumerate(bodies):
        assert body["recipient"] == {"id": PSID}
        message = body["message"]
        if "text" in message:
            text = message["text"]
            if channel == "instagram":
                assert 0 < utf8_len(text) <= 1000
            else:
                assert 0 < utf16_len(text) < 2000
        if "quick_replies" in message:
            assert index == len(bodies) - 1, "quick replies ride on the last message"
            replies = message["quick_replies"]
            assert 1 <= len(replies) <= 13
            assert all(0 < utf16_len(q["title"]) <= 20 for q in replies)
            assert len({q["title"] for q in replies}) == len(replies)


def test_plain_text_is_a_response() -> None:
    assert render_messenger(Reply(text="Are you safe?"), psid=PSID) == [
        {
            "recipient": {"id": PSID},
            "messaging_type": "RESPONSE",
            "message": {"text": "Are you safe?"},
        }
    ]


def test_a_caseworker_after_the_window_uses_the_human_agent_tag() -> None:
    (body,) = render_messenger(Reply(text="Hello", human_agent=True), psid=PSID)
    assert body["messaging_type"] == "MESSAGE_TAG"
    assert body["tag"] == "HUMAN_AGENT"


@pytest.mark.parametrize("n", [1, 5, 13])
def test_up_to_thirteen_options_are_quick_replies(n: int) -> None:
    (body,) = render_messenger(Reply(text="Pick", options=options(n)), psid=PSID)
    assert body["message"]["quick_replies"] == [
        {"content_type": "text", "title": f"Answer {i}", "payload": f"opt_{i}"}
        for i in range(1, n + 1)
    ]


def test_more_than_thirteen_options_are_numbered_lines() -> None:
    (body,) = render_messenger(Reply(text="Which country?", options=options(14)), psid=PSID)
    assert "quick_replies" not in body["message"]
    assert body["message"]["text"].endswith("13. Answer 13\n14. Answer 14")


def test_quick_reply_titles_are_cut_and_unique() -> None:
    reply = Reply(text="Pick", options=options(2, "The same long label here {i}"))
    (body,) = render_messenger(reply, psid=PSID)
    titles = [q["title"] for q in body["message"]["quick_replies"]]
    assert titles == ["The same long label…", "The same long… 2"]


def test_long_text_is_split_under_2000_with_quick_replies_last() -> None:
    reply = Reply(text="A full sentence about what happens next. " * 120, options=options(2))
    bodies = render_messenger(reply, psid=PSID)
    check_limits(bodies, "messenger")
    assert len(bodies) >= 3
    assert all(body["message"]["text"].endswith("next.") for body in bodies)


def test_text_of_1999_is_one_message_and_2000_is_two() -> None:
    assert len(render_messenger(Reply(text="x" * 1999), psid=PSID)) == 1
    assert len(render_messenger(Reply(text="x" * 2000), psid=PSID)) == 2


def test_instagram_counts_bytes_up_to_1000() -> None:
    arabic = "هل أنت بأمان الآن؟ " * 100  # about 3,400 bytes in UTF-8
    bodies = render_messenger(Reply(text=arabic), psid=PSID, channel="instagram")
    check_limits(bodies, "instagram")
    assert len(bodies) >= 4


def test_media_goes_first_then_text() -> None:
    reply = Reply(
        text="Our office",
        media_url="https://x.test/f.pdf",
        media_kind="document",
        options=options(1),
    )
    media, text = render_messenger(reply, psid=PSID)
    assert media["message"] == {
        "attachment": {
            "type": "file",
            "payload": {"url": "https://x.test/f.pdf", "is_reusable": True},
        }
    }
    assert text["message"]["text"] == "Our office"
    assert text["message"]["quick_replies"][0]["payload"] == "opt_1"


def test_no_location_picker_on_messenger() -> None:
    (body,) = render_messenger(Reply(text="Where are you?", request_location=True), psid=PSID)
    assert body["message"] == {"text": "Where are you?"}


def test_templates_are_whatsapp_only() -> None:
    reply = Reply(text="Hello again", template=TemplateCall(name="x", language="en"))
    (body,) = render_messenger(reply, psid=PSID)
    assert body["message"] == {"text": "Hello again"}


def test_right_to_left_text_isolates_numbers() -> None:
    (body,) = render_messenger(Reply(text="اتصل على 112", lang="ar"), psid=PSID)
    assert body["message"]["text"] == f"اتصل على {FSI}112{PDI}"


def test_mark_seen() -> None:
    assert mark_seen_messenger(PSID) == {"recipient": {"id": PSID}, "sender_action": "mark_seen"}


ALPHABET = st.sampled_from(list("abc de.?!\n") + ["هل", "أنت", "؟", "12", "😀", "ው።"])


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(ALPHABET, max_size=800).map("".join),
    titles=st.lists(st.lists(ALPHABET, min_size=1, max_size=15).map("".join), max_size=16),
    lang=st.sampled_from([None, "ar", "ary-Latn"]),
    channel=st.sampled_from(["messenger", "instagram"]),
)
def test_every_reply_renders_within_the_limits(
    text: str, titles: list[str], lang: str | None, channel: str
) -> None:
    reply = Reply(
        text=text, options=[Option(id=f"o{i}", title=t) for i, t in enumerate(titles)], lang=lang
    )
    bodies = render_messenger(reply, psid=PSID, channel=channel)
    check_limits(bodies, channel)
    sent = "".join(b["message"].get("text", "") for b in bodies).replace(FSI, "").replace(PDI, "")
    assert re.sub(r"\s+", "", text) in re.sub(r"\s+", "", sent)
