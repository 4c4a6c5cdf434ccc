"""Which language: the question's guess and the one fallback rule for localized texts."""

from __future__ import annotations

import pytest

from curriculum.language import detect_language, localized

TEXTS = {"et": "Tere", "ru": "Привет", "en": "Hello"}


@pytest.mark.parametrize(("question", "lang"), [("Mis on fotosüntees?", "et"), ("Что такое фотосинтез?", "ru"),
                                                 ("What is photosynthesis?", "en")])
def test_short_questions_are_recognised(question: str, lang: str) -> None:
    assert detect_language(question) == lang


@pytest.mark.parametrize(
    ("lang", "fallbacks", "expected"),
    [
        ("ru", (), "Привет"),  # the language itself
        ("et_EE", (), "Tere"),  # a regional code: its base language
        ("ru-RU", (), "Привет"),
        ("lv", ("et",), "Tere"),  # missing: the profile's default language first
        ("lv", (), "Hello"),  # then English
    ],
)
def test_one_fallback_rule_for_localized_texts(lang: str, fallbacks: tuple[str, ...], expected: str) -> None:
    assert localized(TEXTS, lang, *fallbacks) == expected


def test_a_text_without_english_falls_back_to_any_text_there_is() -> None:
    assert localized({"lv": "Sveiki", "et": ""}, "et") == "Sveiki"
    assert localized({}, "et") == ""
