"""PII detection and redaction, with checksum edge cases."""

from __future__ import annotations

import pytest

from guardrails import find_pii, redact
from guardrails.pii import iban_is_valid, isikukood_is_valid


@pytest.mark.parametrize("code", ["49403136526", "39912310174", "50001010006"])
def test_valid_isikukood_is_redacted(code: str) -> None:
    assert isikukood_is_valid(code)
    assert redact(f"Minu isikukood on {code}.") == "Minu isikukood on [ISIKUKOOD]."


@pytest.mark.parametrize("code", ["49403136527", "49413136526", "39902300000", "99403136526"])
def test_invalid_isikukood_is_not_a_code(code: str) -> None:
    assert not isikukood_is_valid(code)
    assert all(m.kind != "isikukood" for m in find_pii(f"kood {code}"))


def test_iban_checksum_decides() -> None:
    assert iban_is_valid("EE38 2200 2210 2014 5685")
    assert not iban_is_valid("EE38 2200 2210 2014 5684")
    assert redact("Maksa kontole EE38 2200 2210 2014 5685.") == "Maksa kontole [IBAN]."
    assert "[IBAN]" not in redact("Maksa kontole EE38 2200 2210 2014 5684.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kirjuta mari.tamm@kool.ee", "Kirjuta [EMAIL]"),
        ("Helista +372 5123 4567", "Helista [PHONE]"),
        ("Мой номер +7 (912) 345-67-89", "Мой номер [PHONE]"),
        ("Call me at +44 20 7946 0958", "Call me at [PHONE]"),
        ("Ma elan Pärnu mnt 12-5, Tallinn.", "Ma elan [ADDRESS]."),
        ("Живу на ул. Ленина, д. 5, кв. 12", "Живу на [ADDRESS]"),
        ("I live at 221B Baker Street.", "I live at [ADDRESS]."),
    ],
)
def test_contact_data_is_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_years_counts_and_prices_are_not_pii() -> None:
    text = "In 1941 about 10000 people were deported; the book costs 5000 euros."
    assert find_pii(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My name is John Smith and I need help with algebra.", "My name is [NAME] and I need help with algebra."),
        ("Minu nimi on Mari-Liis Tamm.", "Minu nimi on [NAME]."),
        ("Меня зовут Иван Петров, мне 14 лет.", "Меня зовут [NAME], мне 14 лет."),
        ("Dear Mrs Smith, my son is ill today.", "Dear Mrs [NAME], my son is ill today."),
        ("Õpetaja Kask palus meil essee kirjutada.", "Õpetaja [NAME] palus meil essee kirjutada."),
        ("Nimi: Jaan Saar", "Nimi: [NAME]"),
        ("Lugupidamisega, Kati Saar", "Lugupidamisega, [NAME]"),
        ("Уважаемая Анна Сергеевна, мой сын болен.", "Уважаемая [NAME], мой сын болен."),
        ("Mari Tamm, tel +372 5123 4567", "[NAME], tel [PHONE]"),
        ("Write to Peeter Kuusk peeter.kuusk@kool.ee", "Write to [NAME] [EMAIL]"),
    ],
)
def test_person_names_are_redacted_where_recognisable(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "My name is not important, but I need help.",
        "Minu nimi on Eesti keeles pikk.",
        "Tere! Ma olen Eestist ja õpin Tallinnas.",
        "Кто такой Александр Сергеевич Пушкин?",
        "The Battle of Hastings took place in 1066.",
        "Tallinna Reaalkool, tel +372 612 3456",
        "My teacher is Great at explaining Math.",
    ],
)
def test_common_words_places_and_famous_people_are_not_redacted_as_names(text: str) -> None:
    assert all(m.kind != "name" for m in find_pii(text)), find_pii(text)


@pytest.mark.parametrize("text", ["kood 00000000", "helista 00000000", "call me 0000 0000", "number 12345678",
                                  "Aastatel 1991 ja 2004 liitus Eesti."])
def test_numbers_outside_any_numbering_plan_are_not_phones(text: str) -> None:
    assert all(m.kind != "phone" for m in find_pii(text)), find_pii(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tel 5123 4567", "tel [PHONE]"),
        ("Helista 8 (912) 345-67-89", "Helista [PHONE]"),
        ("Call me at 0044 20 7946 0958", "Call me at [PHONE]"),
        ("Mis on pH? Helista 5123 4567", "Mis on pH? Helista [PHONE]"),
    ],
)
def test_national_and_trunk_formats_are_phones(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_a_character_in_a_curriculum_letter_keeps_their_name() -> None:
    """Published lessons: "My name is Mari" is an exercise; a name next to contact data is still redacted."""
    from curriculum.ingest import redact_personal_data

    letter = "Hi Liam! My name is Mari and I live in Pärnu."
    assert redact_personal_data(letter) == (letter, set())
    assert redact(letter) == "Hi Liam! My name is [NAME] and I live in Pärnu."  # a pupil's own message
    assert redact_personal_data("Kontakt: Mari Tamm, tel +372 5123 4567") == ("Kontakt: [NAME], tel [PHONE]",
                                                                                {"name", "phone"})
