"""detect_language() proposes a language from script and words; language_by_name() reads names."""

from __future__ import annotations

import pytest

from bot.i18n.detect import (
    detect_language,
    language_by_name,
    language_choices,
    language_named,
    script_of,
)

ALL = ["en", "fr", "ar", "ary", "ary-Latn", "sw", "am", "ti", "so"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Darija in Latin letters (Arabizi)
        ("salam 3afak, lpatron 3ando l passport dyali", "ary-Latn"),
        ("3awnouni", "ary-Latn"),
        ("ana f lkhedma w ma9dertch nkhroj", "ary-Latn"),
        ("wach kayn chi wa7ed hna", "ary-Latn"),
        ("ana mzyan", "ary-Latn"),
        # Darija in Arabic script against Arabic
        ("الباطرون دا ليا الباسبور", "ary"),
        ("عافاك عاونوني", "ary"),
        ("واش كاين شي حد", "ary"),
        ("الكفيل أخذ جوازي وأنا في خطر", "ar"),
        ("أريد المساعدة من فضلكم", "ar"),
        # Ethiopic: Amharic against Tigrinya
        ("አሰሪዬ ፓስፖርቴን ወሰደብኝ", "am"),
        ("እርዳታ እፈልጋለሁ", "am"),
        ("ደህና ነኝ", "am"),
        ("ኣሰሪየይ ፓስፖርተይ ወሲዱዎ", "ti"),
        ("ሓገዝ የድልየኒ ኣሎ", "ti"),
        ("ኣብ ሓደጋ ኣለኹ", "ti"),
        # Latin script: lingua restricted to en/fr/so/sw, with frequent words
        ("my boss took my passport", "en"),
        ("I am in danger", "en"),
        ("help", "en"),
        ("mon patron a pris mon passeport", "fr"),
        ("je suis en danger", "fr"),
        ("aidez-moi", "fr"),
        ("bosi amechukua pasipoti yangu", "sw"),
        ("niko salama", "sw"),
        ("msaada", "sw"),
        ("tuko kumi na sita", "sw"),
        ("shaqo bixiyahaygu baasaboorkayga ayuu qaatay", "so"),
        ("waan nabad qabaa", "so"),
        ("caawimo", "so"),
        # English digits are not Arabizi
        ("I finish at 5pm on the 2nd", "en"),
    ],
)
def test_realistic_messages(text: str, lang: str) -> None:
    assert detect_language(text, ALL) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ana fi khatar", "ary-Latn"),  # Darija words together, though each is shared
        ("ana f libya", "ary-Latn"),
        ("salam, ana f khatar", "ary-Latn"),
        ("khatar ayaan ku jiraa", "so"),  # "khatar" is Somali too
        ("bjr", "fr"),
        ("salam alikom, i need help", "en"),
    ],
)
def test_shared_words_and_greetings(text: str, lang: str) -> None:
    assert detect_language(text, ALL) == lang


@pytest.mark.parametrize("text", ["no", "16", "👍", ""])
def test_too_little_to_tell(text: str) -> None:
    assert detect_language(text, ALL) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("salam", "ary-Latn"), ("slm", "ary-Latn"), ("asc", "ary-Latn"),
        ("salam alikom", "ary-Latn"), ("salaan", "so"), ("hi", "en"), ("Hello", "en"),
        ("habari", "sw"), ("jambo", "sw"), ("bonjour", "fr"), ("slt", "fr"),
    ],
)  # fmt: skip
def test_a_greeting_alone_picks_the_language_it_comes_with(text: str, lang: str) -> None:
    assert detect_language(text, ALL) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [("endet neh", "am"), ("awo erdugn", "am"), ("kemey aleki", "ti"), ("ewe hagizuni", "ti")],
)
def test_amharic_and_tigrinya_in_latin_letters(text: str, lang: str) -> None:
    assert detect_language(text, ALL) == lang


@pytest.mark.parametrize("text", ["ሰላም", "ሰላም ጤና", "selam"])
def test_an_amharic_tigrinya_tie_asks_with_both_first(text: str) -> None:
    # Never Amharic by default: Eritreans may resent it. The menu shows both first.
    assert detect_language(text, ALL) is None
    assert language_choices(text, ALL) == ("am", "ti")
    assert language_choices(text, ["en", "ti"]) == ("ti",)
    assert language_choices(text, ["en", "fr"]) == ()


def test_only_supported_languages_are_proposed() -> None:
    assert detect_language("lpatron 3ando l passport dyali", ["en", "fr", "ary"]) == "ary"
    assert detect_language("عافاك عاونوني", ["en", "ar"]) == "ar"
    assert detect_language("niko salama", ["en", "fr"]) is None
    assert detect_language("ሰላም", ["en", "am"]) == "am"  # the tie, with only one of them


def test_script_of() -> None:
    assert script_of("ሰላም hi") == "Ethiopic"
    assert script_of("مرحبا") == "Arabic"
    assert script_of("Ça va") == "Latin"
    assert script_of("123 !") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("français", "fr"),
        ("Francais", "fr"),
        ("french please", "fr"),
        ("english", "en"),
        ("anglais", "en"),
        ("darija", "ary-Latn"),  # typed in Latin letters, like the menu's "Darija"
        ("Darija 3afak", "ary-Latn"),
        ("الدارجة", "ary"),
        ("بالدارجة", "ary"),
        ("بالعربية", "ar"),
        ("العربية", "ar"),
        ("arabic", "ar"),
        ("arabizi", "ary-Latn"),
        ("darija latin", "ary-Latn"),
        ("kiswahili", "sw"),
        ("swahili", "sw"),
        ("amharic", "am"),
        ("አማርኛ", "am"),
        ("tigrinya", "ti"),
        ("ትግርኛ", "ti"),
        ("somali", "so"),
        ("af soomaali", "so"),
    ],
)
def test_language_by_name(text: str, lang: str) -> None:
    assert language_by_name(text) == lang


@pytest.mark.parametrize("text", ["hello", "french and arabic", ""])
def test_no_single_language_named(text: str) -> None:
    assert language_by_name(text) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("français", "fr"),
        ("Français svp", "fr"),
        ("in English please", "en"),
        ("Kiswahili", "sw"),
        ("lugha ya Kiswahili", "sw"),
        ("af Soomaali fadlan", "so"),
        ("بالعربية", "ar"),
        ("الدارجة عافاك", "ary"),
        ("darija", "ary-Latn"),
        ("ትግርኛ", "ti"),
        ("በአማርኛ", "am"),
    ],
)
def test_a_message_that_is_only_a_language_name(text: str, lang: str) -> None:
    assert language_named(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "I am Somali",  # a nationality in a sentence is not a request to switch
        "my boss speaks french and arabic",
        "ana maghribi f tanja",
        "lugha yangu ni kiswahili lakini",
        "hello",
        "",
    ],
)
def test_a_sentence_naming_a_language_is_not_a_switch(text: str) -> None:
    assert language_named(text) is None
