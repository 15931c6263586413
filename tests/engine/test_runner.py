"""The engine's behaviour on the default flow, one input at a time (stand-in language and
place helpers; the real ones are exercised by tests/conversations)."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot.engine.runner import Resume, Timeout, ask_share, close, step
from bot.engine.state import load_state
from tests.engine.fakes import NOW, locales_with_french, make_context, msg

TRIPOLI_LY = (32.8872, 13.1913)

# Answers that take a new conversation to a given step, by buttons.
PATH = [
    msg("hi"),
    msg(choice="en"),
    msg(choice="yes"),
    msg(choice="safe"),
    msg(location=TRIPOLI_LY),
    msg(choice="with_me"),
    msg(choice="yes"),
    msg("1"),
    *[msg(choice="skip")] * 10,
]
AT = {
    "language": 1,
    "consent": 2,
    "safety": 3,
    "location": 4,
    "passport": 5,
    "free_to_leave": 6,
    "people": 7,
    "nationality": 8,
    "safe_to_call": 9,
    "phone_private": 10,
    "injured": 11,
    "children": 12,
    "wages": 13,
    "debt": 14,
    "threats": 15,
    "agency": 16,
    "employer_town": 17,
    "wants": 18,
}


def walk(chat, to: str):
    for event in PATH[: AT[to]]:
        chat.send(event)
    assert chat.state.step == to
    return chat


def test_a_new_conversation_gets_the_language_menu_in_the_detected_language(chat, tmp_path):
    c = chat(locales_with_french(tmp_path))
    assert c.send(msg("Bonjour")) == ["language-prompt"]
    assert c.fx.replies[0].lang == "fr"
    assert c.options() == ["en", "fr"]
    titles = [o.title for o in c.fx.replies[0].options]
    assert titles == ["English", "Français"]  # each language in its own words
    assert c.fx.replies[0].menu_label == "Languages"
    assert c.state.step == "language"


def test_unsure_detection_answers_in_english(chat):
    c = chat()
    assert c.send(msg("????")) == ["language-prompt"]
    assert c.state.lang == "en"


@pytest.mark.parametrize("answer", [msg(choice="fr"), msg("français"), msg("2"), msg("fr")])
def test_the_language_is_picked_by_tap_name_number_or_tag(chat, tmp_path, answer):
    c = chat(locales_with_french(tmp_path))
    c.send(msg("hi"))
    assert c.send(answer) == ["consent-prompt"]
    assert c.fx.language == "fr"
    assert c.fx.replies[0].text.startswith("Sauti garde vos réponses 90 jours")
    assert c.options() == ["yes", "no"]


def test_consent_prompt_names_the_org_and_the_retention(chat):
    c = chat(org="Helpline X", retention_days=30)
    c.send(msg("hi"))
    c.send(msg(choice="en"))
    assert "Helpline X" in c.fx.replies[0].text
    assert "30 days" in c.fx.replies[0].text


def test_consent_declined_keeps_nothing_and_ends(chat):
    c = walk(chat(), "consent")
    assert c.send(msg("no")) == ["consent-declined"]
    assert c.fx.erase is True
    assert c.state.ended == "declined" and c.state.answers == {}
    assert c.fx.timers == []
    # Writing again starts a new conversation.
    assert c.send(msg("hello")) == ["language-prompt"]


def test_buttons_all_the_way_open_a_normal_case_and_finish(chat):
    c = walk(chat(), "wants")
    assert c.send(msg(choice="go_home")) == ["done-prompt", "emergency-number"]
    assert "C-0042" in c.fx.replies[0].text
    assert "1515" in c.fx.replies[1].text and "Libya" in c.fx.replies[1].text
    assert c.fx.finished is True
    assert c.state.done and c.state.answers["wants"] == "go_home"


def test_safe_to_call_sets_the_contact_prefs(chat):
    c = walk(chat(), "safe_to_call")
    assert c.send(msg(choice="never")) == ["phone_private-prompt"]
    assert c.fx.contact_prefs == {"safe_to_message_first": False, "safe_hours": None}
    assert c.state.answers["safe_to_call"] == "never"


def test_the_case_opens_after_the_core_questions_with_answers_location_and_priority(chat):
    c = walk(chat(), "people")
    assert c.send(msg("we are 16")) == ["answer-noted", "nationality-prompt"]
    fx = c.fx
    assert fx.open_case is True
    assert fx.answers == {
        "consent": "yes",
        "safety": "safe",
        "passport": "with_me",
        "free_to_leave": "yes",
        "people": 16,
    }
    assert fx.location.country_code == "LY" and fx.location.place == "Tripoli"
    assert (fx.priority, fx.rules_fired) == ("normal", [])
    # Later answers update it.
    c.send(msg("Eritrean"))
    assert c.fx.answers == {"nationality": "Eritrean"} and not c.fx.open_case


def test_danger_now_opens_an_urgent_case_at_once_and_the_number_follows_the_country(chat):
    c = walk(chat(), "safety")
    assert c.send(msg(choice="danger_now")) == ["urgent-opened", "location-prompt"]
    assert c.fx.open_case and c.fx.priority == "urgent"
    assert c.fx.rules_fired == ["danger_now"]
    assert c.fx.replies[1].request_location
    assert c.send(msg(location=TRIPOLI_LY)) == [
        "location-found",
        "emergency-number",
        "passport-prompt",
    ]
    assert "1515" in c.fx.replies[1].text
    # Given once: not again at the end.
    # At most five questions: location, passport, free_to_leave, people, safe_to_call.
    assert c.send(msg("2")) == ["answer-noted", "free_to_leave-prompt"]
    assert c.send(msg("no")) == ["answer-noted", "people-with-prompt"]
    assert c.send(msg("3")) == ["answer-noted", "safe_to_call-prompt"]
    assert c.send(msg(choice="anytime")) == ["handover-prompt"]  # no number again
    assert c.fx.finished and c.state.done
    assert c.fx.rules_fired == ["danger_now", "passport_held", "not_free_to_leave"]
    assert c.send(msg("hello?")) == ["received-ack"]  # the bot asks nothing more


def test_emergency_none_when_the_country_has_no_known_number(chat):
    c = walk(chat(), "safety")
    c.send(msg(choice="danger_now"))
    c.send(msg("tripoli"))
    assert c.send(msg(choice="place:266826")) == [
        "location-found",
        "emergency-none",
        "passport-prompt",
    ]
    assert "Lebanon" in c.fx.replies[1].text


def test_urgent_with_an_unknown_place_gives_the_general_advice(chat):
    c = walk(chat(), "safety")
    c.send(msg(choice="danger_now"))
    assert c.send(msg("Bir Nowhere")) == [
        "location-unknown",
        "emergency-unknown-country",
        "passport-prompt",
    ]


def test_a_place_with_two_countries_is_asked_back(chat):
    c = walk(chat(), "location")
    assert c.send(msg("Tripoli")) == ["location-ambiguous"]
    reply = c.fx.replies[0]
    assert [(o.id, o.title) for o in reply.options] == [
        ("place:2210247", "Tripoli, Libya"),
        ("place:266826", "Tripoli, Lebanon"),
        ("place:other", "Somewhere else"),
    ]
    assert c.send(msg("the second one")) == ["location-found", "passport-prompt"]
    assert c.fx.location.country_code == "LB" and c.fx.location.text == "Tripoli"


def test_a_clearer_place_name_answers_the_which_one_question(chat):
    c = walk(chat(), "location")
    c.send(msg("Tripoli"))
    assert c.send(msg("Sabha")) == ["location-found", "passport-prompt"]
    assert c.fx.location.place == "Sabha" and c.fx.location.text == "Sabha"


def test_prefer_countries_from_the_context_orders_the_candidates(chat):
    c = walk(chat(prefer_countries=["LB"]), "location")
    c.send(msg("Tripoli"))
    assert c.options()[0] == "place:266826"


def test_somewhere_else_stores_the_place_as_typed(chat):
    c = walk(chat(), "location")
    c.send(msg("Tripoli"))
    assert c.send(msg(choice="place:other")) == ["location-unknown", "passport-prompt"]
    assert c.fx.location.matched is False and c.fx.location.text == "Tripoli"


def test_an_unknown_place_is_stored_as_typed(chat):
    c = walk(chat(), "location")
    assert c.send(msg("Bir Nowhere")) == ["location-unknown", "passport-prompt"]
    assert c.fx.location.model_dump(exclude_none=True) == {"text": "Bir Nowhere", "matched": False}
    assert '"Bir Nowhere"' in c.fx.replies[0].text


def test_a_pin_some_way_from_a_town_says_near(chat):
    c = walk(chat(), "location")
    assert c.send(msg(location=(32.6, 13.4))) == ["location-near", "passport-prompt"]
    assert "km away" in c.fx.replies[0].text
    assert c.fx.location.latitude == 32.6 and c.fx.location.place == "Tripoli"


def test_a_pin_far_from_any_town_names_no_town(chat):
    c = walk(chat(), "location")
    assert c.send(msg(location=(32.0, 14.0))) == ["location-remote", "passport-prompt"]
    assert c.fx.location.place is None and c.fx.location.country_code == "LY"


def test_a_pin_at_another_step_is_noted_and_the_question_asked_again(chat):
    c = walk(chat(), "passport")
    assert c.send(msg(location=TRIPOLI_LY)) == ["location-found", "passport-prompt"]
    assert c.state.step == "passport"


@pytest.mark.parametrize(
    ("typed", "answer"),
    [("2", "held_by_employer"), ("second", "held_by_employer"),
     ("my boss has it", "held_by_employer"), ("held_by_agent", "held_by_agent"),
     ("I have it", "with_me")],
)  # fmt: skip
def test_typed_answers_map_to_option_ids(chat, typed, answer):
    c = walk(chat(), "passport")
    assert c.send(msg(typed)) == ["answer-noted", "free_to_leave-prompt"]
    assert c.state.answers["passport"] == answer


def test_two_misses_offer_a_person_instead_of_looping(chat):
    c = walk(chat(), "passport")
    assert c.send(msg("banana")) == ["reask-choice", "passport-prompt"]
    assert c.fx.handoff is None
    assert c.send(msg("banana")) == ["offer-human"]
    assert c.fx.handoff == "misses"
    assert c.send(msg("banana")) == ["received-ack"]
    assert c.send(msg("1")) == ["answer-noted", "free_to_leave-prompt"]  # still counts
    assert c.state.misses == 0


def test_number_and_text_misses_use_their_own_hints(chat):
    c = walk(chat(), "people")
    assert c.send(msg("many")) == ["reask-number", "people-with-prompt"]
    assert c.send(msg("0")) == ["offer-human"]  # below min: 1
    c = walk(chat(), "agency")
    assert c.send(msg("  ")) == ["reask-text", "agency-prompt"]
    assert c.send(msg(media="image"))[0] == "media-received"


def test_skip_words_skip_only_when_they_are_the_whole_message(chat):
    c = walk(chat(), "agency")
    c.send(msg("skip"))
    assert c.state.step == "employer_town" and "agency" not in c.state.answers
    c.send(msg("Skip Travel Ltd"))
    assert c.state.answers["employer_town"] == "Skip Travel Ltd"


def test_help_hands_off_and_keeps_the_question(chat):
    c = walk(chat(), "passport")
    assert c.send(msg("help")) == ["help-handoff", "passport-prompt"]
    assert c.fx.handoff == "help" and c.state.step == "passport"


def test_restart_starts_again_at_consent_keeping_the_language(chat, tmp_path):
    c = chat(locales_with_french(tmp_path))
    c.send(msg("hi"))
    c.send(msg(choice="fr"))
    c.send(msg(choice="yes"))
    assert c.send(msg("restart")) == ["restart-done", "consent-prompt"]
    assert c.state.lang == "fr" and c.state.answers == {}


def test_language_word_opens_the_menu_and_returns_to_the_question(chat, tmp_path):
    c = chat(locales_with_french(tmp_path))
    c.send(msg("hi"))
    c.send(msg(choice="en"))
    c.send(msg(choice="yes"))
    assert c.send(msg("language")) == ["language-prompt"]
    assert c.options() == ["en", "fr"]
    assert c.send(msg(choice="fr")) == ["language-switched", "safety-prompt"]
    assert c.fx.language == "fr"
    assert c.fx.replies[1].text == "Êtes-vous en danger maintenant ?"


def test_stop_ends_silently(chat):
    c = walk(chat(), "passport")
    assert c.send(msg("stop")) == []
    assert c.fx.stop is True and c.state.ended == "stopped" and c.fx.timers == []


def test_stop_as_the_very_first_message(chat):
    c = chat()
    assert c.send(msg("stop")) == []
    assert c.fx.stop


def test_erase_asks_first_then_deletes(chat):
    c = walk(chat(), "passport")
    assert c.send(msg("erase")) == ["erase-confirm"]
    assert c.options() == ["erase-yes", "erase-no"]
    assert [o.title for o in c.fx.replies[0].options] == ["Yes, delete", "No, keep it"]
    assert c.send(msg("yes")) == ["erase-done"]
    assert c.fx.erase and c.state.ended == "erased" and c.state.answers == {}


def test_erase_cancelled_goes_back_to_the_question(chat):
    c = walk(chat(), "passport")
    c.send(msg("erase"))
    assert c.send(msg(choice="erase-no")) == ["erase-cancelled", "passport-prompt"]
    assert not c.fx.erase


def test_a_stale_yes_button_never_erases(chat):
    c = walk(chat(), "passport")
    c.send(msg("erase"))
    assert c.send(msg("Yes, continue", choice="yes")) == [
        "erase-cancelled",
        "reask-choice",
        "passport-prompt",
    ]
    assert not c.fx.erase


def test_a_claimed_chat_cancelling_erase_stays_otherwise_silent(chat):
    c = walk(chat(), "passport")
    c.ctx.claimed = True
    c.send(msg("erase"))
    assert c.send(msg("2")) == ["erase-cancelled"]
    assert "passport" not in c.state.answers


def test_a_first_message_that_is_a_pin_is_kept(chat):
    c = chat()
    assert c.send(msg(location=TRIPOLI_LY)) == ["location-found", "language-prompt"]
    assert c.fx.location.country_code == "LY"
    assert c.state.location.place == "Tripoli"


def test_a_first_voice_note_is_acknowledged(chat):
    c = chat()
    assert c.send(msg(media="voice")) == ["voice-note", "language-prompt"]
    assert c.fx.handoff == "media"


def test_an_answer_instead_of_the_erase_confirmation_cancels_and_counts(chat):
    c = walk(chat(), "passport")
    c.send(msg("erase"))
    assert c.send(msg("3")) == ["erase-cancelled", "answer-noted", "free_to_leave-prompt"]
    assert c.state.answers["passport"] == "held_by_agent"


def test_voice_notes_and_files_are_acknowledged_and_the_question_repeated(chat):
    c = walk(chat(), "safety")
    assert c.send(msg(media="voice")) == ["voice-note", "safety-prompt"]
    assert c.fx.handoff == "media"
    assert c.send(msg(media="image")) == ["media-received", "safety-prompt"]
    assert c.send(msg(kind="unsupported")) == ["unsupported-message", "safety-prompt"]


def test_platform_noise_is_never_answered_and_keeps_the_timers(chat):
    c = walk(chat(), "safety")
    timers = c.fx.timers
    state = copy.deepcopy(c.state)
    for kind in ("status", "reaction", "echo", "standby"):
        assert c.send(msg(kind=kind)) == []
        assert c.fx.timers == timers
    assert c.state == state


def test_while_claimed_the_bot_is_silent_and_the_state_unchanged(chat):
    c = walk(chat(), "passport")
    before = copy.deepcopy(c.state)
    c.ctx.claimed = True
    assert c.send(msg("2")) == []
    assert c.send(msg("help")) == []
    assert c.state == before
    assert c.send(msg("erase")) == ["erase-confirm"]  # erase and stop still work
    assert c.send(msg("yes")) == ["erase-done"]


def test_claimed_stop_still_stops(chat):
    c = walk(chat(), "passport")
    c.ctx.claimed = True
    assert c.send(msg("stop")) == [] and c.fx.stop


def test_resume_asks_the_current_question_again(chat):
    c = walk(chat(), "passport")
    assert c.send(Resume()) == ["handback-resume", "passport-prompt"]


def test_resume_after_the_end_says_the_team_is_done(chat):
    c = walk(chat(), "wants")
    c.send(msg("3"))
    assert c.send(Resume()) == ["handback-done"]
    assert c.send(msg("thank you")) == ["received-ack"]


def test_no_reminder_unless_the_person_allowed_writing_first(chat):
    c = walk(chat(), "location")
    assert [t.name for t in c.fx.timers] == ["expire"]
    assert c.fx.timers[0].at == NOW + timedelta(days=7)
    assert c.send(Timeout("reminder")) == []


def test_a_reminder_when_allowed_once_per_question(chat):
    prefs = {"safe_to_message_first": True, "safe_hours": "any"}
    c = walk(chat(contact_prefs=prefs), "location")
    assert [(t.name, t.at - NOW) for t in c.fx.timers] == [
        ("reminder", timedelta(minutes=30)),
        ("expire", timedelta(days=7)),
    ]
    assert c.send(Timeout("reminder")) == ["reminder"]
    assert [t.name for t in c.fx.timers] == ["expire"]
    assert c.send(Timeout("reminder")) == []


def test_daytime_only_reminders_wait_for_the_day(chat):
    prefs = {"safe_to_message_first": True, "safe_hours": "day"}
    c = walk(chat(contact_prefs=prefs), "location")
    c.ctx.now = NOW.replace(hour=23)
    assert c.send(Timeout("reminder")) == []


def test_expire_ends_silently_and_the_next_message_starts_over(chat):
    c = walk(chat(), "passport")
    assert c.send(Timeout("expire")) == []
    assert c.state.ended == "expired"
    assert c.send(msg("hello")) == ["language-prompt"]
    assert c.state.answers == {}


def test_the_input_state_is_not_changed_and_the_new_one_is_json(flow):
    ctx = make_context()
    state, _ = step(flow, None, msg("hi"), ctx)
    frozen = copy.deepcopy(state)
    new, _ = step(flow, state, msg(choice="en"), ctx)
    assert state == frozen and new is not state
    stored = json.loads(json.dumps(new.stored()))
    assert load_state(stored) == new
    keys = {"schema_version", "flow", "flow_version", "step", "lang", "answers", "pending"}
    assert keys <= set(stored)


def test_the_version_of_the_flow_is_kept_in_the_state(flow):
    state, _ = step(flow, None, msg("hi"), make_context())
    assert (state.flow, state.flow_version) == ("distress", flow.version)


def test_timeout_or_resume_without_a_conversation_does_nothing(flow):
    for event in (Timeout("expire"), Resume()):
        state, fx = step(flow, None, event, make_context())
        assert fx.replies == [] and not state


def test_replies_carry_language_and_menu_label(chat):
    c = walk(chat(), "passport")
    reply = c.fx.replies[-1]
    assert reply.lang == "en" and reply.menu_label == "Answers"
    assert [o.title for o in reply.options][:2] == ["I have it", "My employer"]


def test_locales_without_a_catalog_are_not_offered(chat, tmp_path: Path):
    locales = locales_with_french(tmp_path)
    (locales / "sw").mkdir()  # a folder without bot.ftl yet
    c = chat(locales)
    c.send(msg("hi"))
    assert c.options() == ["en", "fr"]


def test_a_caseworkers_consent_question_takes_the_next_yes_even_while_claimed(chat):
    c = walk(chat(), "free_to_leave")
    c.ctx.claimed = True  # a caseworker took the chat and asked
    c.state = ask_share(c.state.stored(), "embassy")
    assert c.send(msg(choice="share-no")) == ["share-answer-refused"]
    assert c.fx.share_consent == {"embassy": False}
    assert c.send(msg("yes")) == []  # answered: the bot is silent again while claimed


def test_a_consent_question_left_open_closes_when_the_chat_is_handed_back(chat):
    c = walk(chat(), "free_to_leave")
    c.state = ask_share(c.state.stored(), "embassy")
    c.send(Resume())
    assert c.send(msg(choice="yes")) == ["people-with-prompt"]  # the flow's question
    assert c.fx.share_consent is None


def test_resolved_the_bot_asks_nothing_and_the_next_message_keeps_what_is_known(chat):
    c = walk(chat(), "phone_private")
    c.state.answers["nationality"] = "Eritrean"
    c.state = close(c.state.stored())
    assert c.send(Resume()) == [] and c.send(Timeout("reminder")) == []
    assert c.send(msg("hello again")) == ["safety-prompt"]  # no menu, no consent again
    assert c.fx.answers == {"consent": "yes", "nationality": "Eritrean"}
    assert c.state.kept == ["language", "consent", "nationality"]


def test_a_language_name_at_a_free_text_question_is_the_answer_not_a_switch(chat):
    c = walk(chat(), "nationality")
    assert c.send(msg("Somali")) == ["safe_to_call-prompt"]
    assert c.state.answers["nationality"] == "Somali" and c.state.lang == "en"


def test_a_consent_question_asked_before_the_bot_ever_spoke_takes_the_answer(flow):
    """A case opened by a handover (the first message failed): no state yet."""
    ctx = make_context(claimed=True)
    state, fx = step(flow, ask_share(None, "embassy"), msg(choice="share-yes"), ctx)
    assert fx.share_consent == {"embassy": True} and state.share_asked is None
    state, fx = step(flow, state, msg("yes"), ctx)
    assert fx.replies == [] and fx.share_consent is None  # answered: silent while claimed
