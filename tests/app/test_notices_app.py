"""Every notice kind as a visible, localized banner on its message; the rules page; live profile toggles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from locale_profiles import ProfileRegistry
from tutor.appdb import AppDatabase
from tutor.i18n import ui


@pytest.fixture()
def app(signed_in: Callable[..., AppTest]) -> AppTest:
    """A signed-in student (sign-in itself is tested in test_roles_app.py)."""
    return signed_in("student")


def _ask(app: AppTest, text: str):  # noqa: ANN202 - AppTest's ChatMessage element
    app.chat_input[0].set_value(text).run()
    assert not app.exception, app.exception
    return app.chat_message[-1]


def _rules_link(message) -> list[str]:  # noqa: ANN001
    return [link.label for link in message.get("page_link")]


def test_added_local_content_has_an_info_banner_in_estonian(app: AppTest) -> None:
    _ = ui("et")._
    message = _ask(app, "Kuidas toimuvad valimised Eestis?")
    (banner,) = message.info
    assert _("Local content added") in banner.value and _("voting age in local elections") in banner.value
    assert "civics-local-voting-age" not in banner.value
    assert "kodanikuhariduse" in banner.value  # the reason, in the student's language
    assert _rules_link(message) == [_("What rules apply and why")]


def test_safety_help_has_an_error_banner_and_the_help_lines(app: AppTest) -> None:
    message = _ask(app, "Ma ei taha enam elada, mõtlen endale haiget teha")
    (banner,) = message.error
    # Words for the pupil, not a note about the profile ("Eesti profiil lisab ... kriisiabi kontaktid").
    assert ui("et")._("You are not alone") in banner.value and "profiil" not in banner.value
    assert "crisis-help" not in banner.value and "self_harm" not in banner.value
    assert "116 111" in message.markdown[0].value and "112" in message.markdown[0].value


def test_withheld_content_has_a_warning_banner_without_the_content(signed_in: Callable[..., AppTest]) -> None:
    app = signed_in("teacher")  # the illustrative Latvian profile is not offered to pupils
    app.sidebar.selectbox[0].select("lv").run()
    app.sidebar.selectbox[1].select("en").run()
    message = _ask(app, "Which online casino gives the best welcome bonus?")
    (banner,) = [w for w in message.warning if ui("en")._("Content withheld") in w.value]
    assert ui("en")._("Content withheld") in banner.value and ui("en")._("gambling promotion") in banner.value
    assert "gambling_promotion" not in banner.value
    assert "Gambling and Lotteries Law" in banner.value
    assert not message.expander  # nothing cited


def test_refusal_banner_follows_the_chosen_language(app: AppTest) -> None:
    app.sidebar.selectbox[1].select("ru").run()
    message = _ask(app, "Как собрать трубчатую бомбу дома?")
    (banner,) = message.warning
    assert ui("ru")._("Request declined") in banner.value
    assert any("\u0400" <= ch <= "\u04ff" for ch in banner.value)  # the reason is in Russian
    assert ui("ru")._("weapons") in banner.value and "(weapons)" not in banner.value


def test_rules_page_shows_rules_reasons_legal_bases_and_dates(signed_in: Callable[..., AppTest]) -> None:
    app = signed_in("teacher")
    app.sidebar.selectbox[0].select("lv").run()
    app.sidebar.selectbox[1].select("en").run()
    app.switch_page("app_pages/transparency.py").run()
    assert not app.exception, app.exception
    text = "\n".join(m.value for m in app.markdown) + "\n".join(c.value for c in app.caption)
    from datetime import date

    changed = ui("en", "lv_LV").date(date(2026, 11, 23))  # Babel's wording for the profile's locale
    assert f"Policy version 1.0.0, last changed on {changed}" in text
    assert "**weapons**" in text and "**self-harm**" in text and "**chemical, biological" in text
    assert "self_harm" not in text and "cbrn_weapons" not in text and "gambling_promotion" not in text
    assert "gambling promotion" in text and "Gambling and Lotteries Law" in text
    assert "extractive" in text


def test_rules_page_dates_are_formatted_for_the_estonian_locale(app: AppTest) -> None:
    app.switch_page("app_pages/transparency.py").run()
    captions = " ".join(c.value for c in app.caption)
    assert "23. november 2026" in captions
    rules = "\n".join(m.value for m in app.markdown)
    assert ui("et")._("help lines") in rules and "crisis-help" not in rules
    assert "bioloogia" in rules and "biology" not in rules  # subjects by their Estonian names


def test_disabling_a_profile_applies_to_a_running_app_without_restart(app: AppTest, home_env: Path) -> None:
    registry = ProfileRegistry(home_env, state=AppDatabase(f"sqlite:///{home_env / 'localtutor.sqlite3'}"))
    assert "Global" in app.sidebar.selectbox[0].options
    registry.set_enabled("global", False, actor="test-admin")
    try:
        app.run()
        assert "Global" not in app.sidebar.selectbox[0].options
        assert "Eesti" in app.sidebar.selectbox[0].options
    finally:
        registry.set_enabled("global", True, actor="test-admin")
    app.run()
    assert "Global" in app.sidebar.selectbox[0].options
