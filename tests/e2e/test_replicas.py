"""Two ``localtutor serve`` replicas behind one Chroma server and one PostgreSQL, driven in Chromium.

What one replica writes, the other shows: a pupil's history, a teacher's upload, an administrator's
profile switch; the sign-in cookie one replica set is honoured by the other (cookies are per host,
not per port, so one browser context reaches both as a load balancer would send it). Ingestion runs
as a separate worker process (``localtutor ingest``) against the shared store while both serve.
Each replica has its own LOCALTUTOR_HOME: nothing shared lives there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.e2e.test_browser import CHROMIUM, _launch, _sign_in
from tests.helpers import ServeProcess, free_port
from tests.services import chroma_missing, chroma_server, postgres_cluster, postgres_missing
from tutor.i18n import ui

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "curriculum" / "samples" / "ee"
PASSWORD = "a long replica password"
UPLOAD = "# Replikad\n\nKaks serverit jagavad üht andmebaasi ja üht vektorite hoidlat.\n"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(postgres_missing() is not None, reason=postgres_missing() or ""),
    pytest.mark.skipif(chroma_missing() is not None, reason=chroma_missing() or ""),
]


def _cli(env: dict[str, str], *args: str, stdin: str = "") -> str:
    done = subprocess.run([sys.executable, "-m", "tutor.cli", *args], input=stdin, text=True, env=env, cwd=ROOT,
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One PostgreSQL and one Chroma server; the environment a replica or a worker gets."""
    with ExitStack() as stack:
        url = stack.enter_context(postgres_cluster())
        port = stack.enter_context(chroma_server(tmp_path_factory.mktemp("chroma-shared")))
        yield {"DATABASE_URL": url, "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(port)}


@pytest.fixture(scope="module")
def replicas(shared: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Accounts and the first document made by the operator's CLI, then two replicas serving."""
    env = {**os.environ, **shared, "LOCALTUTOR_HOME": str(tmp_path_factory.mktemp("operator"))}
    for role in ("student", "teacher", "admin"):
        _cli(env, "users", "add", f"replica-{role}", "--role", role, stdin=PASSWORD + "\n")
    _cli(env, "ingest", str(SAMPLES / "bio_vereringe.md"), "--locale", "ee")
    with ExitStack() as stack:
        urls = []
        for name in ("a", "b"):
            home = tmp_path_factory.mktemp(f"replica-{name}") / "home"
            urls.append(stack.enter_context(ServeProcess(home, free_port(), env=shared)).url)
        yield urls[0], urls[1]


def test_two_replicas_share_sign_in_history_uploads_and_profiles(
        replicas: tuple[str, str], shared: dict[str, str], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    a, b = replicas
    _ = ui("et")._
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            # A pupil signs in and asks on replica A ...
            pupil = browser.new_context(viewport={"width": 1200, "height": 900})
            page = pupil.new_page()
            _sign_in(page, a, ("replica-student", PASSWORD))
            page.get_by_test_id("stChatInputTextArea").fill("Mis on vereringe?")
            page.keyboard.press("Enter")
            page.get_by_text("[1] Vereringeelundkond").first.wait_for(timeout=90_000)
            # ... and replica B knows the sign-in (the cookie A set) and shows the conversation.
            page.goto(b)
            page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
            page.get_by_text("Mis on vereringe?").first.wait_for(timeout=60_000)
            assert page.get_by_label(_("User name")).count() == 0

            # B answers from the shared store too.
            cited = page.get_by_text("[1] Vereringeelundkond")
            shown = cited.count()
            page.get_by_test_id("stChatInputTextArea").fill("Mis on vereringe?")
            page.keyboard.press("Enter")
            expect(cited).to_have_count(shown + 1, timeout=90_000)

            # A teacher uploads through A; B lists the document.
            teacher = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
            _sign_in(teacher, a, ("replica-teacher", PASSWORD))
            teacher.get_by_role("link", name=_("Curriculum"), exact=True).click()
            uploader = teacher.locator("input[type=file]").first
            uploader.wait_for(state="attached", timeout=60_000)
            uploader.set_input_files([{"name": "replikad.md", "mimeType": "text/markdown",
                                       "buffer": UPLOAD.encode()}])
            expect(teacher.get_by_test_id("stFileChip")).to_have_count(1, timeout=60_000)
            expect(teacher.get_by_test_id("stFileChipIconSpinner")).to_have_count(0, timeout=60_000)
            teacher.get_by_role("button", name=_("Add to the curriculum")).click()
            teacher.get_by_text("replikad.md:").first.wait_for(timeout=120_000)
            # A worker ingests while both replicas serve; B lists both documents.
            _cli({**os.environ, **shared, "LOCALTUTOR_HOME": str(tmp_path / "worker")},
                 "ingest", str(SAMPLES / "keemia_happed_alused.md"), "--locale", "ee")
            teacher.goto(b)
            teacher.get_by_role("link", name=_("Curriculum"), exact=True).click()
            teacher.get_by_role("tab", name=_("Documents")).click()
            search = teacher.get_by_label(_("Search by title, file or subject"))
            teacher.get_by_test_id("stDataFrame").first.wait_for(timeout=90_000)
            for word, passage in (("replikad", "Kaks serverit jagavad"), ("happed", "vesinikioonide")):
                search.fill(word)
                search.press("Enter")
                text = teacher.get_by_text(passage).first
                text.wait_for(state="attached", timeout=60_000)  # the document's passages, read on B
                if not text.is_visible():
                    teacher.get_by_text(_("Preview the passages")).first.click()
                text.wait_for(timeout=30_000)

            # An administrator switches a profile off on A; B's page shows it off.
            admin = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
            _sign_in(admin, a, ("replica-admin", PASSWORD))
            admin.get_by_role("link", name=_("Profiles and conformance")).click()
            switch_off = admin.get_by_role("button", name=_("Switch off"), exact=True)
            switch_on = admin.get_by_role("button", name=_("Switch on"), exact=True)
            switch_off.first.wait_for(timeout=60_000)
            enabled = switch_off.count()
            assert switch_on.count() == 0  # every profile starts enabled
            switch_off.last.click()  # the last profile (lv), not the default one
            expect(switch_on).to_have_count(1, timeout=30_000)
            admin.goto(b)
            admin.get_by_role("link", name=_("Profiles and conformance")).click()
            expect(switch_on).to_have_count(1, timeout=60_000)
            expect(switch_off).to_have_count(enabled - 1, timeout=30_000)
        finally:
            browser.close()
