"""How the simulated phone lays out our replies: as WhatsApp would."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.messages import Option, Reply, TemplateCall
from bot.store.models import Message
from bot.web.simulator.transcript import bubbles, option_title

NOW = datetime(2026, 4, 11, 10, 0, tzinfo=UTC)


def ours(reply: Reply, state: str = "delivered", msg_id: int = 7) -> Message:
    return Message(
        id=msg_id,
        conversation_id=1,
        direction="out",
        author="bot",
        kind="text",
        text=reply.text,
        data={"reply": reply.model_dump(mode="json", exclude_none=True)},
        state=state,
        created_at=NOW,
    )


def options(n: int) -> list[Option]:
    return [Option(id=f"o{i}", title=f"Option number {i}") for i in range(1, n + 1)]


def test_up_to_three_options_are_buttons_under_the_bubble() -> None:
    [bubble] = bubbles([ours(Reply(text="Are you safe?", options=options(3)))])
    assert bubble.text == "Are you safe?"
    assert [b[0] for b in bubble.buttons] == ["o1", "o2", "o3"]
    assert not bubble.rows


def test_up_to_ten_options_are_a_list_behind_a_menu_button() -> None:
    reply = Reply(text="Who has your passport?", options=options(5), menu_label="Choose")
    [bubble] = bubbles([ours(reply)])
    assert bubble.menu_label == "Choose"
    assert [r[0] for r in bubble.rows] == ["o1", "o2", "o3", "o4", "o5"]
    assert not bubble.buttons


def test_more_options_are_numbered_lines_to_type() -> None:
    [bubble] = bubbles([ours(Reply(text="Which town?", options=options(12)))])
    assert not bubble.buttons and not bubble.rows
    assert "1. Option number 1" in bubble.text and "12. Option number 12" in bubble.text


def test_a_location_request_has_its_own_button() -> None:
    [bubble] = bubbles([ours(Reply(text="Where are you?", request_location=True))])
    assert bubble.asks_location


def test_labels_are_cut_to_whatsapp_lengths() -> None:
    long = [Option(id="a", title="A very long button title indeed"), Option(id="b", title="B")]
    [bubble] = bubbles([ours(Reply(text="?", options=long))])
    assert len(bubble.buttons[0][1]) <= 20


def test_a_template_shows_its_name() -> None:
    reply = Reply(
        text="Your case ABCD-EFGH", template=TemplateCall(name="case_update", language="en")
    )
    [bubble] = bubbles([ours(reply)])
    assert bubble.template == "case_update"


def test_replies_not_yet_delivered_are_not_on_the_phone() -> None:
    assert bubbles([ours(Reply(text="soon"), state="queued")]) == []
    assert bubbles([ours(Reply(text="failed"), state="failed")]) == []
    assert len(bubbles([ours(Reply(text="read"), state="read")])) == 1


def test_the_title_of_a_tapped_option_comes_from_our_message() -> None:
    msg = ours(Reply(text="?", options=[Option(id="yes", title="Yes, continue")]))
    assert option_title(msg, "yes") == "Yes, continue"
    assert option_title(msg, "no") is None
