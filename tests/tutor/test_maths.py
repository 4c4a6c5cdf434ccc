"""The maths checker: a pupil's solution checked by substitution, a first step, a guided percentage."""

from __future__ import annotations

import pytest

from tutor.maths import analyse


@pytest.mark.parametrize("question", [
    "3x - 5 = 16, I got x = 7",
    "lahendasin 3x-5=16 ja sain x=7, kas on oige?",
    "3x - 5 = 16 у меня получилось x = 7",
])
def test_a_right_solution_is_confirmed_with_the_check(question: str) -> None:
    reply = analyse(question, "en")
    assert reply is not None and reply.correct is True
    assert "7" in reply.text and "16" in reply.text


def test_a_wrong_solution_is_shown_wrong_without_handing_over_the_answer() -> None:
    reply = analyse("4y + 6 = 30 and my answer is y = 9", "en")
    assert reply is not None and reply.correct is False
    assert "9" in reply.text
    assert "y = 6" not in reply.text.replace(",", ".")  # the pupil must find it themselves


def test_a_sign_slip_points_at_the_step_with_the_sign() -> None:
    # 5x - 4 = 11 -> the pupil subtracted instead of adding: 5x = 7 -> x = 7/5; or forgot the sign: x = (11-4)/5
    reply = analyse("5x - 4 = 11, x = 7/5", "en")
    assert reply is not None and reply.correct is False
    assert "sign" in reply.text


def test_an_equation_to_solve_gets_the_first_step_not_a_sentence_about_another_equation() -> None:
    reply = analyse("Lahenda võrrand 7x + 2 = 23", "en")
    assert reply is not None and reply.kind == "start"
    assert "7x = 21" in reply.text.replace(" ", "").replace("7x=21", "7x = 21")
    assert "no solution" not in reply.text.lower()


def test_a_quadratic_starts_from_the_discriminant() -> None:
    reply = analyse("solve x^2 - 5x + 6 = 0", "en")
    assert reply is not None and reply.kind == "start"
    assert "a = 1, b = -5, c = 6" in reply.text


@pytest.mark.parametrize(("question", "lang", "result"), [
    ("Mis on 20% 150-st?", "et", "30"),
    ("skolko budet 12 процентов от 50", "ru", "6"),
    ("what is 35 percent of 60", "en", "21"),
])
def test_a_percentage_is_computed_and_explained(question: str, lang: str, result: str) -> None:
    reply = analyse(question, lang)
    assert reply is not None and reply.kind == "compute"
    assert reply.text.rstrip(".").endswith(result)


@pytest.mark.parametrize("question", [
    "Mis on fotosüntees?",
    "Kes kirjutas Kevade?",
    "import os; os.system('rm -rf /') = 1",
    "x = __import__('os')",
])
def test_text_that_is_not_simple_maths_is_left_to_the_curriculum(question: str) -> None:
    assert analyse(question, "et") is None
