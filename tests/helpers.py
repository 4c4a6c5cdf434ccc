"""Test helpers that build real files (PDF, DOCX) and speak real wire protocols."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


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
    simulate a slow or failing endpoint. ``fault`` breaks a stream after its first two deltas:
    ``"stall"`` stops sending (until the server shuts down), ``"malformed"`` sends an event that is
    not JSON. All three can be changed between requests.
    """

    def __init__(self, reply: str, *, moderation: dict[str, bool] | None = None, delay_s: float = 0.0,
                 status: int = 200, fault: str | None = None) -> None:
        self.reply = reply
        self.moderation = moderation
        self.delay_s = delay_s
        self.status = status
        self.fault = fault
        self.requests: list[dict[str, Any]] = []
        self._closing = threading.Event()
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
                        if i == 2 and server.fault == "stall":
                            server._closing.wait(60)
                            return
                        if i == 2 and server.fault == "malformed":
                            self.wfile.write(b'data: {"choices": [{"index": 0, "delta": {"content": "ha\n\n')
                            self.wfile.write(b"data: [DONE]\n\n")
                            return
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
            self._closing.set()  # a stalled stream ends, so no request thread outlives the test
            self._server.shutdown()
            self._server.server_close()


def http_get(port: int, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """One GET to the server on loopback, without following redirects (so Set-Cookie can be read)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    return response


def set_cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    """The response's Set-Cookie headers by cookie name, as raw header text (attributes included)."""
    return {header.split("=", 1)[0]: header for header in response.headers.get_all("set-cookie") or []}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening_addresses(port: int) -> set[str]:
    """The local addresses a TCP socket listens on for ``port`` (Linux /proc/net/tcp, IPv4 and IPv6)."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:  # 0A = LISTEN
                continue
            raw = bytes.fromhex(address)
            if len(raw) == 4:
                found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
            else:  # four little-endian 32-bit words
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


class ServeProcess:
    """``localtutor serve`` in a subprocess on ``home``, as an operator starts it; stdout+stderr kept."""

    def __init__(self, home: Path, port: int, *, env: dict[str, str] | None = None, timeout_s: float = 90) -> None:
        self.home, self.port, self.timeout_s = home, port, timeout_s
        self.url = f"http://127.0.0.1:{port}"
        self.env = {**os.environ, "LOCALTUTOR_HOME": str(home), **(env or {})}
        self.log_path = home.parent / f"serve-{port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ServeProcess:
        self.home.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen([sys.executable, "-m", "tutor.cli", "serve", "--port", str(self.port)],
                                        env=self.env, stdout=self._log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.__exit__()
                    raise RuntimeError(f"localtutor serve did not start:\n{self.log()}") from None
                time.sleep(0.5)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Send ``signum`` and wait for the exit status."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=60)
        finally:
            self._log.close()

    def __exit__(self, *exc: object) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:  # SIGTERM first: serve forwards it, so the Streamlit child is not left behind
            self.stop(signal.SIGTERM)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
