"""normalize() folds both sides of a comparison the same way; skeleton() absorbs Arabizi vowels."""

from __future__ import annotations

import pytest

from bot.i18n.normalize import normalize, skeleton, squeeze, tokens


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        # Arabic: alef forms, taa marbuta, alef maqsura, hamza carriers
        ("أنا", "انا"),
        ("إسعاف", "اسعاف"),
        ("آمنة", "امنه"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("مسؤول", "مسوول"),
        ("طوارئ", "طواري"),
        # diacritics and tatweel
        ("أَنَا فِي خَطَرٍ", "انا في خطر"),
        ("مـــســاعـدة", "مساعده"),
        # Persian-keyboard letters
        ("کفیل", "كفيل"),
        # presentation-form ligature lam-alef
        ("ﻻ", "لا"),
        # Arabic-Indic and Eastern Arabic digits become ASCII
        ("١٦ شخص", "16 شخص"),
        ("۱۶", "16"),
    ],
)
def test_arabic_variants_fold_to_one_form(typed: str, folded: str) -> None:
    assert normalize(typed) == folded


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("HELP!!!", "help"),
        ("Aidez-moi, s'il vous plaît", "aidez moi sil vous plait"),
        ("J'ai mon passeport", "jai mon passeport"),
        ("Sécurité   ÉTÉ\n", "securite ete"),
        ("laaaaa", "la"),
        ("noooo way", "no way"),
        ("لااااا", "لا"),
        ("we are 16 👍", "we are 16"),
        ("ፓስፖርት፣ ሰብ።", "ፓስፖርት ሰብ"),
    ],
)
def test_case_punctuation_accents_and_stretched_letters(typed: str, folded: str) -> None:
    assert normalize(typed) == folded


def test_doubled_letters_are_kept_because_they_spell_words() -> None:
    assert normalize("Passport lla") == "passport lla"


def test_arabizi_digits_stay_inside_words() -> None:
    assert normalize("3awnouni 3afak, 7na f khatar") == "3awnouni 3afak 7na f khatar"
    assert tokens("lpatron 3ando l'passport") == ["lpatron", "3ando", "lpassport"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("3awnouni", "3awnoni"),
        ("3awnouni", "3awnuni"),
        ("sta3ch", "stta3ch"),
        ("khatar", "5atar"),
        ("wach", "ouach"),
        ("dyal", "dial"),
        ("mzyan", "mezyan"),
    ],
)
def test_skeleton_matches_arabizi_spelling_variants(one: str, other: str) -> None:
    assert skeleton(one) == skeleton(other)


def test_skeleton_keeps_different_words_apart() -> None:
    assert skeleton("3awnouni") != skeleton("3ndi")
    assert skeleton("lpatron") != skeleton("lpaspor")


@pytest.mark.parametrize(
    ("folded", "squeezed"),
    [
        ("ouii", "oui"),
        ("yess", "yes"),
        ("laa", "la"),
        ("noo please", "no please"),
        ("لاا", "لا"),
        ("passer", "passer"),
    ],
)
def test_squeeze_writes_a_doubled_last_letter_once(folded: str, squeezed: str) -> None:
    assert squeeze(folded) == squeezed
