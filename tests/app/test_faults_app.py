"""The model endpoint failing, through the app: a clear localized message and a logged error, never a hang.

The `openai` backend talks to a loopback server that speaks the OpenAI chat-completions SSE protocol
and fails on purpose (HTTP 500, a stream that stops, a stream that is not JSON).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator

import pytest

from tests.app.conftest import open_app
from tests.helpers import FakeOpenAIServer
from tutor.accounts import Accounts, UserRecord
from tutor.history import History
from tutor.i18n import ui

et = ui("et")._
QUESTION = "Mis on pH-skaala?"
FAILED = et("The tutor could not get an answer from its language model. Please try again in a moment; if it keeps "
            "happening, tell your teacher.")
TIMED_OUT = et("The tutor took too long to answer, so it stopped waiting. Please try again in a moment.")


@pytest.fixture()
def endpoint(monkeypatch: pytest.MonkeyPatch, home_env: object) -> Iterator[FakeOpenAIServer]:
    server = FakeOpenAIServer("pH-skaala näitab, kui happeline lahus on [1].")
    with server.running():
        monkeypatch.setenv("LOCALTUTOR_BACKEND", "openai")
        monkeypatch.setenv("LOCALTUTOR_OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("LOCALTUTOR_ANSWER_TIMEOUT_S", "3")
        yield server


@pytest.mark.parametrize(("fault", "message"), [("status", FAILED), ("malformed", FAILED), ("stall", TIMED_OUT)])
def test_a_failing_model_endpoint_gives_a_clear_message_and_a_logged_error(
        endpoint: FakeOpenAIServer, accounts: Accounts, make_user: Callable[[str], UserRecord],
        caplog: pytest.LogCaptureFixture, fault: str, message: str) -> None:
    student = make_user("student")
    app = open_app(accounts, student)
    app.chat_input[0].set_value(QUESTION).run()
    assert not app.exception, app.exception
    assert "happeline" in app.chat_message[1].markdown[0].value, "a working endpoint answers"
    conversation = app.session_state["conversation_id"]
    if fault == "status":
        endpoint.status = 500
    else:
        endpoint.fault = fault
    started = time.monotonic()
    with caplog.at_level(logging.ERROR, logger="localtutor"):
        app.chat_input[0].set_value(QUESTION).run()
    assert time.monotonic() - started < 30, "never a hang"
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == [message]
    assert [r.name for r in caplog.records if r.levelno >= logging.ERROR] == ["localtutor.chat"]
    stored = History(accounts.db).conversations.messages(conversation, student.id)
    assert len(stored) == 2, "a failed turn is not stored"
