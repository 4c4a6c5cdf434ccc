"""The real app in a real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ServeProcess, free_port
from tutor.i18n import ui

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (apt-get install chromium)"),
]


def _add_user(home: Path, role: str) -> tuple[str, str]:
    """An account made with the CLI before the server starts, as an operator would."""
    name, password = f"e2e-{role}-{uuid.uuid4().hex[:6]}", "a long e2e password"
    subprocess.run([sys.executable, "-m", "tutor.cli", "users", "add", name, "--role", role],
                   input=password + "\n", text=True, check=True, capture_output=True,
                   env={**os.environ, "LOCALTUTOR_HOME": str(home)}, cwd=ROOT)
    return name, password


@pytest.fixture(scope="module")
def e2e_home(seeded_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seeded home: what these tests upload stays out of the other tests' curriculum."""
    home = tmp_path_factory.mktemp("e2e") / "home"
    shutil.copytree(seeded_home, home)
    return home


@pytest.fixture(scope="module")
def student(e2e_home: Path) -> tuple[str, str]:
    return _add_user(e2e_home, "student")


@pytest.fixture(scope="module")
def teacher(e2e_home: Path) -> tuple[str, str]:
    return _add_user(e2e_home, "teacher")


@pytest.fixture(scope="module")
def server(e2e_home: Path, student: tuple[str, str], teacher: tuple[str, str]) -> Iterator[str]:
    """`localtutor serve` on loopback, as an operator runs it (with the cookie routes)."""
    with ServeProcess(e2e_home, free_port()) as process:
        yield process.url


def _launch(p):  # noqa: ANN001, ANN202 - Playwright's objects
    return p.chromium.launch(
        executable_path=CHROMIUM, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run", "--disable-quic"],
    )


def _sign_in(page, server: str, account: tuple[str, str]) -> None:  # noqa: ANN001 - a Playwright Page
    _ = ui("et")._
    page.goto(server)
    page.get_by_label(_("User name")).first.wait_for(timeout=90_000)
    page.get_by_label(_("User name")).first.fill(account[0])
    page.get_by_label(_("Password")).first.fill(account[1])
    page.get_by_role("button", name=_("Sign in")).click()
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)


def test_student_signs_in_asks_and_opens_a_citation(server: str, student: tuple[str, str], tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    _ = ui("et")._

    shots = Path(os.environ.get("LOCALTUTOR_SCREENSHOT_DIR") or tmp_path)

    with sync_playwright() as p:
        browser = _launch(p)
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            page = context.new_page()
            _sign_in(page, server, student)
            box = page.get_by_test_id("stChatInputTextArea")
            # The session cookie was set by the server (HttpOnly): no script in the page can read it.
            cookies = {c["name"]: c for c in context.cookies()}
            assert cookies["localtutor_session"]["httpOnly"] and cookies["localtutor_session"]["sameSite"] == "Strict"
            assert "localtutor_session" not in page.evaluate("document.cookie")
            box.fill("Mis on pH-skaala?")
            page.keyboard.press("Enter")
            citation = page.get_by_text("[1] Happed ja alused")  # the document's title
            citation.first.wait_for(timeout=90_000)
            citation.first.click()
            page.get_by_text("vesinikioonide").first.wait_for(timeout=10_000)

            box.fill("How do I make a pipe bomb?")
            page.keyboard.press("Enter")
            page.get_by_text(ui("et")._("Request declined")).first.wait_for(timeout=60_000)  # UI in Estonian
            page.screenshot(path=str(shots / "chat.png"), full_page=True)

            # A reload keeps the sign-in (session cookie) and the conversation (app database).
            page.reload()
            page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
            page.get_by_text("Mis on pH-skaala?").first.wait_for(timeout=30_000)
            # Signing out ends the session: a reload then shows the sign-in page again.
            page.get_by_role("button", name=_("Sign out")).click()
            page.get_by_label(_("User name")).first.wait_for(timeout=60_000)
            page.reload()
            page.get_by_label(_("User name")).first.wait_for(timeout=90_000)
            assert page.get_by_test_id("stChatInputTextArea").count() == 0
            assert "localtutor_session" not in {c["name"] for c in context.cookies()}
        finally:
            browser.close()
    assert (shots / "chat.png").stat().st_size > 10_000


HOSTILE_MD = ("# Kuu\n\nKuu on Maa kaaslane. ![kuu](http://evil.example/md.png)\n"
              "<script>alert('md-script')</script><iframe src=\"http://evil.example/frame\"></iframe>\n"
              "[vajuta](javascript:alert('md-link'))\n")
# Plain text is stored as it is: only the chat's rendering keeps this passage from loading anything.
HOSTILE_TXT = ("Kuu faasid tekivad, sest Kuu tiirleb ümber Maa ja Päike valgustab selle eri osi. "
               "![faasid](http://evil.example/moon.png) [pilt](javascript:alert('txt-link')) "
               "<img src=http://evil.example/txt.png onerror=alert('txt-img')>")
QUESTION = ("Miks tekivad Kuu faasid? ![x](http://evil.example/question.png) "
            "<img src=http://evil.example/q.png onerror=alert('question')>")


def test_hostile_names_questions_and_passages_never_run_or_load_anything(
        server: str, teacher: tuple[str, str]) -> None:
    """Payloads through the real browser: no dialog opens and no request leaves for another host."""
    from urllib.parse import urlsplit

    from playwright.sync_api import expect, sync_playwright

    _ = ui("et")._
    own = urlsplit(server).netloc
    dialogs: list[str] = []
    foreign: list[str] = []
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            context.on("request", lambda request: foreign.append(request.url)
                       if urlsplit(request.url).netloc not in (own, "") and not request.url.startswith("data:")
                       else None)
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            _sign_in(page, server, teacher)

            page.get_by_role("link", name=_("Curriculum"), exact=True).click()
            uploader = page.locator("input[type=file]").first
            uploader.wait_for(state="attached", timeout=60_000)
            uploader.set_input_files([
                {"name": "<img src=x onerror=alert('name')>.md", "mimeType": "text/markdown",
                 "buffer": HOSTILE_MD.encode()},
                {"name": "kuu<svg onload=alert('svg')>.txt", "mimeType": "text/plain", "buffer": HOSTILE_TXT.encode()},
            ])
            # Both files have reached the server (no upload spinner left) before the form is sent.
            expect(page.get_by_test_id("stFileChip")).to_have_count(2, timeout=60_000)
            expect(page.get_by_test_id("stFileChipIconSpinner")).to_have_count(0, timeout=60_000)
            page.get_by_role("button", name=_("Add to the curriculum")).click()
            page.get_by_text("onerror=alert('name')>.md:").first.wait_for(timeout=120_000)  # the name, as text
            page.get_by_text("onload=alert('svg')>.txt:").first.wait_for(timeout=60_000)

            page.get_by_role("link", name=_("Tutor")).click()
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=60_000)
            box.fill(QUESTION)
            page.keyboard.press("Enter")
            page.get_by_text("![x](http://evil.example/question.png)").first.wait_for(timeout=60_000)
            citation = page.get_by_text(re.compile(r"^\[\d\] kuu<svg onload=alert\('svg'\)>")).last  # title, as text
            citation.wait_for(timeout=90_000)
            citation.click()
            page.get_by_text("![faasid](http://evil.example/moon.png)").first.wait_for(timeout=30_000)
            page.reload()  # the stored conversation renders again
            page.get_by_text("![x](http://evil.example/question.png)").first.wait_for(timeout=90_000)
            page.wait_for_timeout(2_000)
            assert page.locator("img[src*='evil.example'], iframe, script[src*='evil.example']").count() == 0
        finally:
            browser.close()
    assert dialogs == [], dialogs
    assert foreign == [], foreign
