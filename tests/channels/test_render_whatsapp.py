"""A Reply becomes WhatsApp request bodies that respect every platform limit."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels._textfit import utf16_len
from bot.channels.bidi import FSI, PDI
from bot.channels.render_whatsapp import mark_read_whatsapp, render_whatsapp
from bot.messages import Option, Reply, TemplateCall

PHONE = "447700900123"


def options(n: int, title: str = "Answer {i}") -> list[Option]:
    return [Option(id=f"opt_{i}", title=title.format(i=i)) for i in range(1, n + 1)]


def texts(bodies: list[dict[str, Any]]) -> list[str]:
    found = []
    for body in bodies:
        if body["type"] == "text":
            found.append(body["text"]["body"])
        elif body["type"] == "interactive":
            found.append(body["interactive"]["body"]["text"])
    return found


def check_limits(bodies: list[dict[str, Any]]) -> None:
    """Every limit from the reference §10, on every body."""
    for index, body in enumerate(bodies):
        assert body["messaging_product"] == "whatsapp"
        assert body["recipient_type"] == "individual"
        kind = body["type"]
        if kind == "text":
            assert 0 < utf16_len(body["text"]["body"]) <= 4096
        if kind == "interactive":
            assert index == len(bodies) - 1, "options ride on the last message"
            interactive = body["interactive"]
            assert 0 < utf16_len(interactive["body"]["text"]) <= 1024
            action = interactive["action"]
            if interactive["type"] == "button":
                titles = [b["reply"]["title"] for b in action["buttons"]]
                assert 1 <= len(titles) <= 3
                assert all(0 < utf16_len(t) <= 20 for t in titles)
                assert len(set(titles)) == len(titles)
            if interactive["type"] == "list":
                assert 0 < utf16_len(action["button"]) <= 20
                rows = [row for section in action["sections"] for row in section["rows"]]
                assert 1 <= len(rows) <= 10
                assert all(0 < utf16_len(s["title"]) <= 24 for s in action["sections"])
                assert all(0 < utf16_len(row["title"]) <= 24 for row in rows)
                assert all(utf16_len(row.get("description", "")) <= 72 for row in rows)
                assert len({row["title"] for row in rows}) == len(rows)
        if kind in ("image", "video", "document"):
            assert utf16_len(body[kind].get("caption", "")) <= 1024


def test_plain_text() -> None:
    assert render_whatsapp(Reply(text="Are you safe?"), to=PHONE) == [
        {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": PHONE,
            "type": "text",
            "text": {"preview_url": False, "body": "Are you safe?"},
        }
    ]


def test_a_bsuid_only_person_is_addressed_by_recipient() -> None:
    (body,) = render_whatsapp(Reply(text="Hi"), to=None, user_id="GB.7730016245589147")
    assert body["recipient"] == "GB.7730016245589147"
    assert "to" not in body


def test_the_phone_wins_when_both_are_known() -> None:
    (body,) = render_whatsapp(Reply(text="Hi"), to=PHONE, user_id="GB.77")
    assert body["to"] == PHONE
    assert "recipient" not in body


def test_no_address_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        render_whatsapp(Reply(text="Hi"), to=None)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_up_to_three_options_are_reply_buttons(n: int) -> None:
    (body,) = render_whatsapp(Reply(text="Are you safe?", options=options(n)), to=PHONE)
    interactive = body["interactive"]
    assert interactive["type"] == "button"
    assert interactive["body"] == {"text": "Are you safe?"}
    assert [b["reply"]["id"] for b in interactive["action"]["buttons"]] == [
        f"opt_{i}" for i in range(1, n + 1)
    ]
    assert all(b["type"] == "reply" for b in interactive["action"]["buttons"])


@pytest.mark.parametrize("n", [4, 7, 10])
def test_four_to_ten_options_are_a_list(n: int) -> None:
    reply = Reply(text="Who has your passport?", options=options(n), menu_label="Choose")
    (body,) = render_whatsapp(reply, to=PHONE)
    interactive = body["interactive"]
    assert interactive["type"] == "list"
    assert interactive["action"]["button"] == "Choose"
    (section,) = interactive["action"]["sections"]
    assert section["title"] == "Choose"
    assert [row["id"] for row in section["rows"]] == [f"opt_{i}" for i in range(1, n + 1)]


def test_more_than_ten_options_are_numbered_lines() -> None:
    (body,) = render_whatsapp(Reply(text="Which country?", options=options(12)), to=PHONE)
    assert body["type"] == "text"
    lines = body["text"]["body"].split("\n")
    assert lines[0] == "Which country?"
    assert lines[2:] == [f"{i}. Answer {i}" for i in range(1, 13)]


def test_long_titles_are_cut_cleanly_and_kept_unique() -> None:
    reply = Reply(text="Where?", options=options(3, "Somewhere near the border {i}"))
    (body,) = render_whatsapp(reply, to=PHONE)
    titles = [b["reply"]["title"] for b in body["interactive"]["action"]["buttons"]]
    assert titles == ["Somewhere near the…", "Somewhere near… 2", "Somewhere near… 3"]
    check_limits([body])


def test_list_rows_and_descriptions_are_cut() -> None:
    rows = [
        Option(id=f"o{i}", title="A very long row title that goes on", description="d" * 100)
        for i in range(5)
    ]
    reply = Reply(text="Pick", options=rows, menu_label="A menu label longer than twenty")
    (body,) = render_whatsapp(reply, to=PHONE)
    action = body["interactive"]["action"]
    assert action["button"] == "A menu label longer…"
    assert action["sections"][0]["rows"][0]["description"] == "d" * 71 + "…"
    check_limits([body])


def test_a_list_without_a_label_still_has_one() -> None:
    (body,) = render_whatsapp(Reply(text="Pick", options=options(5)), to=PHONE)
    assert body["interactive"]["action"]["button"]


def test_long_text_is_split_at_sentences_with_options_on_the_last() -> None:
    sentence = "Your case is open and a caseworker will write to you here soon. "
    reply = Reply(text=sentence * 100, options=options(2))
    bodies = render_whatsapp(reply, to=PHONE)
    check_limits(bodies)
    assert len(bodies) >= 3
    assert [b["type"] for b in bodies[:-1]] == ["text"] * (len(bodies) - 1)
    assert bodies[-1]["type"] == "interactive"
    assert all(text.endswith("soon.") for text in texts(bodies))
    assert re.sub(r"\s+", "", "".join(texts(bodies))) == re.sub(r"\s+", "", reply.text)


def test_text_exactly_at_the_limit_is_one_message() -> None:
    (body,) = render_whatsapp(Reply(text="x" * 4096), to=PHONE)
    assert body["text"]["body"] == "x" * 4096
    assert len(render_whatsapp(Reply(text="x" * 4097), to=PHONE)) == 2


def test_an_interactive_body_over_1024_moves_text_before_it() -> None:
    reply = Reply(text="First part. " * 90 + "Are you safe?", options=options(3))
    bodies = render_whatsapp(reply, to=PHONE)
    check_limits(bodies)
    assert bodies[-1]["interactive"]["body"]["text"].endswith("Are you safe?")


def test_request_location() -> None:
    (body,) = render_whatsapp(Reply(text="Where are you?", request_location=True), to=PHONE)
    assert body["interactive"] == {
        "type": "location_request_message",
        "body": {"text": "Where are you?"},
        "action": {"name": "send_location"},
    }


def test_request_location_with_options_lists_them_as_numbers() -> None:
    reply = Reply(text="Where are you?", request_location=True, options=options(2))
    (body,) = render_whatsapp(reply, to=PHONE)
    assert body["interactive"]["type"] == "location_request_message"
    assert body["interactive"]["body"]["text"] == "Where are you?\n\n1. Answer 1\n2. Answer 2"


def test_template() -> None:
    template = TemplateCall(name="case_update", language="fr", params=["Amina", "a\nb\t c"])
    (body,) = render_whatsapp(Reply(text="ignored", template=template), to=PHONE)
    assert body["type"] == "template"
    assert body["template"] == {
        "name": "case_update",
        "language": {"code": "fr"},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "text": "Amina"},
                    {"type": "text", "text": "a b c"},
                ],
            }
        ],
    }


def test_template_without_params_has_no_components() -> None:
    (body,) = render_whatsapp(
        Reply(text="", template=TemplateCall(name="hi", language="en")), to=PHONE
    )
    assert body["template"] == {"name": "hi", "language": {"code": "en"}}


def test_media_with_a_short_text_goes_as_one_captioned_message() -> None:
    reply = Reply(text="The map", media_url="https://x.test/map.png", media_kind="image")
    (body,) = render_whatsapp(reply, to=PHONE)
    assert body["type"] == "image"
    assert body["image"] == {"link": "https://x.test/map.png", "caption": "The map"}


def test_media_comes_first_when_options_follow() -> None:
    reply = Reply(
        text="Listen", media_url="https://x.test/a.ogg", media_kind="audio", options=options(2)
    )
    bodies = render_whatsapp(reply, to=PHONE)
    assert [b["type"] for b in bodies] == ["audio", "interactive"]
    assert bodies[0]["audio"] == {"link": "https://x.test/a.ogg"}


def test_right_to_left_text_isolates_numbers() -> None:
    reply = Reply(text="اتصل على 112 الآن", lang="ar", options=options(2, "رقم {i}"))
    (body,) = render_whatsapp(reply, to=PHONE)
    assert body["interactive"]["body"]["text"] == f"اتصل على {FSI}112{PDI} الآن"
    titles = [b["reply"]["title"] for b in body["interactive"]["action"]["buttons"]]
    assert titles == [f"رقم {FSI}1{PDI}", f"رقم {FSI}2{PDI}"]


def test_darija_in_latin_letters_is_not_isolated() -> None:
    (body,) = render_whatsapp(Reply(text="3ayet l 112", lang="ary-Latn"), to=PHONE)
    assert body["text"]["body"] == "3ayet l 112"


def test_isolates_count_towards_the_limits() -> None:
    text = "رقم 1 " * 1000  # each isolated number adds two characters
    bodies = render_whatsapp(Reply(text=text, lang="ary", options=options(3)), to=PHONE)
    check_limits(bodies)


def test_mark_read() -> None:
    assert mark_read_whatsapp("wamid.X") == {
        "messaging_product": "whatsapp",
        "status": "read",
        "message_id": "wamid.X",
    }
    assert mark_read_whatsapp("wamid.X", typing=True)["typing_indicator"] == {"type": "text"}


ALPHABET = st.sampled_from(list("abc de.?!\n") + ["هل", "أنت", "؟", "12", "+218", "😀", "é", "ው።"])
words = st.lists(ALPHABET, max_size=400).map("".join)
titles = st.lists(ALPHABET, min_size=1, max_size=30).map("".join).filter(str.strip)


@settings(max_examples=150, deadline=None)
@given(
    text=words,
    titles=st.lists(titles, max_size=14),
    lang=st.sampled_from([None, "ar", "ary", "ary-Latn", "fr"]),
    location=st.booleans(),
)
def test_every_reply_renders_within_the_limits(
    text: str, titles: list[str], lang: str | None, location: bool
) -> None:
    reply = Reply(
        text=text,
        options=[Option(id=f"o{i}", title=t, description=t * 4) for i, t in enumerate(titles)],
        lang=lang,
        request_location=location,
        menu_label=titles[0] if titles else None,
    )
    bodies = render_whatsapp(reply, to=PHONE)
    check_limits(bodies)
    sent = "".join(texts(bodies)).replace(FSI, "").replace(PDI, "")
    assert re.sub(r"\s+", "", text) in re.sub(r"\s+", "", sent)
