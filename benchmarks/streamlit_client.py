"""A pupil's browser tab, reduced to Streamlit's own websocket protocol (no browser).

It speaks what the Streamlit frontend speaks on ``/_stcore/stream``: binary ``BackMsg`` protobufs
up (``rerun_script`` with the widgets' states), ``ForwardMsg`` down (deltas, ``script_finished``).
Fifty of these cost the load generator almost nothing, where fifty Chromium tabs would take the
2 cores the server is being measured on. The session cookie is sent in the handshake, as a browser
that signed in earlier sends it, so every session is a signed-in pupil.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Common_pb2 import ChatInputValue
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.asyncio.client import ClientConnection, connect

FINISHED = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
ERROR_FORMAT = 1  # Alert.Format.ERROR


class ProtocolError(RuntimeError):
    """The app did not behave as a signed-in pupil's page should."""


@dataclass
class Run:
    """What one script run sent down."""

    seconds: float
    elements: list[str] = field(default_factory=list)  # element types in order
    texts: list[str] = field(default_factory=list)  # markdown bodies
    errors: list[str] = field(default_factory=list)  # st.error texts and exceptions


class PupilTab:
    """One websocket session of the app, signed in through its session cookie."""

    def __init__(self, port: int, cookie: str) -> None:
        self.url = f"ws://127.0.0.1:{port}/_stcore/stream"
        self.cookie = cookie
        self.chat_input: str | None = None
        self._ws: ClientConnection | None = None

    async def open(self, timeout_s: float) -> Run:
        """Connect and run the app once (the first page a pupil sees)."""
        self._ws = await connect(self.url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout_s,
                                 additional_headers={"Cookie": self.cookie}, ping_interval=None)
        return await self._rerun(ClientState(), timeout_s)

    async def ask(self, question: str, timeout_s: float) -> Run:
        """Type a question in the chat box and wait until the answer's script run has finished."""
        if self.chat_input is None:
            raise ProtocolError("the page has no chat input (not signed in as a pupil?)")
        state = WidgetState(id=self.chat_input, chat_input_value=ChatInputValue(data=question))
        return await self._rerun(ClientState(widget_states=WidgetStates(widgets=[state])), timeout_s)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()

    async def _rerun(self, state: ClientState, timeout_s: float) -> Run:
        assert self._ws is not None
        start = time.perf_counter()
        await self._ws.send(BackMsg(rerun_script=state).SerializeToString())
        run = Run(0.0)
        async with asyncio.timeout(timeout_s):
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self._ws.recv())
                kind = msg.WhichOneof("type")
                if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    self._element(msg.delta.new_element, run)
                elif kind == "script_finished":
                    if msg.script_finished == FINISHED:
                        run.seconds = time.perf_counter() - start
                        return run
                    if msg.script_finished != ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN"):
                        raise ProtocolError(f"script run ended with status {msg.script_finished}")

    def _element(self, element: object, run: Run) -> None:
        kind = element.WhichOneof("type")  # type: ignore[attr-defined]
        run.elements.append(str(kind))
        if kind == "chat_input":
            self.chat_input = element.chat_input.id  # type: ignore[attr-defined]
        elif kind == "markdown":
            run.texts.append(element.markdown.body)  # type: ignore[attr-defined]
        elif kind == "alert" and element.alert.format == ERROR_FORMAT:  # type: ignore[attr-defined]
            run.errors.append(element.alert.body)  # type: ignore[attr-defined]
        elif kind == "exception":
            run.errors.append(element.exception.message)  # type: ignore[attr-defined]
