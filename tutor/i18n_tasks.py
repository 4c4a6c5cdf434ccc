"""``make i18n``: extract, update and compile the Babel catalogs through Babel's API."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("et", "ru", "en")


WIDTH = "100"  # the committed catalogs' line width (Babel's default 76 would rewrap every entry)


def _babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    TRANSLATIONS.mkdir(exist_ok=True)
    _babel("extract", "-F", str(ROOT / "babel.cfg"), "-k", "_", "-o", str(TRANSLATIONS / "messages.pot"),
           "--no-location", "--sort-output", "--width", WIDTH, "--project", "localtutor", str(ROOT / "app.py"),
           str(ROOT / "app_pages"), str(ROOT / "tutor"))


def update() -> None:
    for lang in LANGUAGES:
        po = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
        command = "update" if po.exists() else "init"
        _babel(command, "-i", str(TRANSLATIONS / "messages.pot"), "-d", str(TRANSLATIONS), "-l", lang,
               "--width", WIDTH, *(["--no-fuzzy-matching"] if command == "update" else []))
    fill_source_language()


def fill_source_language() -> None:
    """English is the source language: its catalog's translations are the message ids themselves."""
    from babel.messages.pofile import read_po, write_po

    po = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if message.id:
            message.string = message.id
            message.flags.discard("fuzzy")
    with po.open("wb") as handle:
        write_po(handle, catalog, width=int(WIDTH), omit_header=False)


def compile_catalogs() -> None:
    if any(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        _babel("compile", "-d", str(TRANSLATIONS), "--statistics")


def main(argv: list[str]) -> int:
    steps = {"extract": extract, "update": update, "compile": compile_catalogs}
    for step in argv or ["compile"]:
        steps[step]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
