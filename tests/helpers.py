"""Test helpers that build real files (PDF, DOCX) and speak real wire protocols."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


def make_pdf(path: Path, pages: list[tuple[str, str]], title: str | None = None) -> Path:
    """A real multi-page PDF: one (heading, body) per page, Latin-1 text."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    for heading, body in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.multi_cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_docx(path: Path, blocks: list[tuple[int | None, str]]) -> Path:
    """A real Word file: ``(level, text)`` blocks, level None for a paragraph."""
    import docx

    document = docx.Document()
    for level, text in blocks:
        if level is None:
            document.add_paragraph(text)
        else:
            document.add_heading(text, level=level)
    document.save(str(path))
    return path


class FakeOpenAIServer:
    """An OpenAI-compatible chat-completions endpoint on loopback (SSE streaming).

    It answers with ``reply`` split into small deltas and records every request body, so a
    test can check what the real client sent over the wire. ``moderation`` (category name ->
    flagged) also serves ``POST /moderations`` in the OpenAI format; ``delay_s`` and ``status``
    simulate a slow or failing endpoint.
    """

    def __init__(self, reply: str, *, moderation: dict[str, bool] | None = None, delay_s: float = 0.0,
                 status: int = 200) -> None:
        self.reply = reply
        self.moderation = moderation
        self.delay_s = delay_s
        self.status = status
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
                server.requests.append({"path": self.path, "body": body,
                                        "authorization": self.headers.get("Authorization")})
                if server.delay_s:
                    time.sleep(server.delay_s)
                if server.status != 200:
                    self.send_error(server.status)
                    return
                if self.path.endswith("/moderations") and server.moderation is not None:
                    self._json({"id": "modr-test", "model": body.get("model"), "results": [{
                        "flagged": any(server.moderation.values()), "categories": server.moderation,
                        "category_scores": {k: 0.99 if v else 0.01 for k, v in server.moderation.items()}}]})
                    return
                if not self.path.endswith("/chat/completions"):
                    self.send_error(404)
                    return
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    words = server.reply.split(" ")
                    for i, word in enumerate(words):
                        piece = word if i == 0 else " " + word
                        self._event({"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
                    self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                    self.wfile.write(b"data: [DONE]\n\n")
                    return
                payload = json.dumps({
                    "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": body.get("model"),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": server.reply},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _json(self, data: dict[str, Any]) -> None:
                payload = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _event(self, data: dict[str, Any]) -> None:
                data = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0,
                        "model": "fake", **data}
                self.wfile.write(b"data: " + json.dumps(data).encode() + b"\n\n")
                self.wfile.flush()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @contextmanager
    def running(self) -> Iterator[FakeOpenAIServer]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()
