"""Which language: the question's guess and the one fallback rule for localized texts."""

from __future__ import annotations

import pytest

from curriculum.language import detect_language, latin_russian, localized, to_cyrillic, with_diacritics

TEXTS = {"et": "Tere", "ru": "Привет", "en": "Hello"}


@pytest.mark.parametrize(("question", "lang"), [("Mis on fotosüntees?", "et"), ("Что такое фотосинтез?", "ru"),
                                                 ("What is photosynthesis?", "en")])
def test_short_questions_are_recognised(question: str, lang: str) -> None:
    assert detect_language(question) == lang


@pytest.mark.parametrize(("message", "lang"), [
    ("kuidas ma selle ylesande lahendan, ei saa yldse aru", "et"),  # no diacritics
    ("mingi jama see matemaatika, seleta pls", "et"),  # slang
    ("chto takoe fotosintez", "ru"),  # Russian in Latin letters
    ("pomogite s domashkoj po fizike pliz", "ru"),
    ("Mne nuzhno napisat sochinenie pro zimu", "ru"),
    ("wats the diffrence between weather and climat", "en"),  # typos
    ("most common trees in estonia?", "en"),
    ("photosynthesis turns light energy into what kind of energy?", "en"),
])
def test_messages_as_pupils_type_them(message: str, lang: str) -> None:
    assert detect_language(message, default="?") == lang


def test_nothing_to_go_on_gives_the_default() -> None:
    assert detect_language("123 + 456 = ?", default="en") == "en"
    assert detect_language("", default="ru") == "ru"


def test_russian_typed_in_latin_letters_is_rewritten_in_cyrillic() -> None:
    assert latin_russian("skolko ostrovov v estonii")
    assert not latin_russian("mitu saart on eestis")
    assert not latin_russian("сколько островов в эстонии")
    assert to_cyrillic("skolko ostrovov v estonii") == "сколко островов в естонии"
    assert to_cyrillic("gde nahoditsja DNK v kletke") == "где находиця DNK в клетке"  # capitals stay as typed
    assert to_cyrillic("kakoy otvet, 3 ili 4?") == "какой ответ, 3 или 4?"
    assert to_cyrillic("golosovanija cherez internet") == "голосования через интернет"


PAGE = ["Ühes baidis on 8 bitti. Andres tülitses pidevalt naabri Pearuga. Uks jäi lahti.",
        "Esimene üldlaulupidu toimus 1869. aastal Tartus; Maa kaugus Päikesest on 150 miljonit km."]


@pytest.mark.parametrize(("typed", "respelt"), [
    ("mitu bitti on yhes baidis", "mitu bitti on ühes baidis"),  # y for ü
    ("kellega andres tylitses", "kellega andres tülitses"),
    ("Millal oli esimene uldlaulupidu", "Millal oli esimene üldlaulupidu"),
    ("kui kaugel on maa paikesest", "kui kaugel on maa päikesest"),  # the ending may differ from the page's
    ("kas uks on lahti", "kas uks on lahti"),  # the page spells "uks" too: it stays
    ("mis on fotosüntees", "mis on fotosüntees"),  # already marked
])
def test_estonian_typed_without_diacritics_is_respelt_as_the_pages_spell_it(typed: str, respelt: str) -> None:
    assert with_diacritics(typed, PAGE) == respelt


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
