"""The real server (``localtutor serve`` on loopback): start-up, memory, and pupils asking at once.

Pupils are signed-in websocket sessions (benchmarks/streamlit_client.py) of student accounts made
for the run. Figures:

* start-up: process start until ``/_stcore/health`` answers, and until the first pupil's page has
  rendered (the first page loads the embedder, the guard and the store);
* resident memory of the server's processes: idle after that first page, with 10 and with 50 open
  sessions;
* concurrency: 1, 10 and 50 pupils each ask their questions as soon as the previous answer has
  arrived (all start together), which is the worst case for the server; answer time is from
  sending the question to the end of the script run that shows the answer. Errors are answers that
  did not arrive within the timeout, ended in an error message, or broke the protocol. With
  ``--paced`` 50 pupils also ask at a classroom pace (a question every ``--think`` seconds each, on
  average, starting at random moments);
* CPU seconds the server used per answer (its processes' user + system time over the run), the
  cost that docs/deployment.md sizes from.

Every loop is bounded in count and time and every request goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.common import (
    ROOT,
    descendants,
    machine,
    rss_mb,
    sample_questions,
    stage,
    summary_ms,
    write_result,
)
from benchmarks.streamlit_client import ProtocolError, PupilTab

ANSWER_TIMEOUT_S = 120.0


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_pupils(home: Path, count: int) -> list[str]:
    """``count`` student accounts with a live session each; returns their Cookie headers."""
    from tutor.browser_session import SESSION_COOKIE
    from tutor.config import Settings
    from tutor.services import Services

    accounts = Services(Settings(home=home)).accounts
    cookies = []
    for i in range(count):
        name = f"bench-pupil-{i:03d}"
        user = accounts.users.get(name) or accounts.users.add(name, "student", None, actor="benchmark")
        cookies.append(f"{SESSION_COOKIE}={accounts.sessions.create(user)}")
    return cookies


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process tree so far."""
    total = 0
    for p in [pid, *descendants(pid)]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            continue
    return total / os.sysconf("SC_CLK_TCK")


class Server:
    """``localtutor serve`` as an operator starts it."""

    def __init__(self, home: Path, env: dict[str, str] | None = None) -> None:
        self.home, self.port = home, free_port()
        self.env = {**os.environ, "LOCALTUTOR_HOME": str(home), "LOCALTUTOR_BACKEND": "extractive", **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 120) -> float:
        log = (self.home.parent / f"serve-{self.port}.log").open("wb")
        start = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", "tutor.cli", "serve", "--port", str(self.port)],
                                        env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        while time.perf_counter() - start < timeout_s:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2):
                    return time.perf_counter() - start
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        raise RuntimeError(f"localtutor serve did not start; see {log.name}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid


async def open_tabs(port: int, cookies: list[str]) -> list[PupilTab]:
    tabs = [PupilTab(port, cookie) for cookie in cookies]
    for tab in tabs:  # one after the other, as pupils arrive; each page is one script run
        run = await tab.open(ANSWER_TIMEOUT_S)
        if tab.chat_input is None or run.errors:
            raise ProtocolError(f"a pupil's first page has no chat box or shows an error: {run.errors}")
    return tabs


async def pupil(tab: PupilTab, questions: list[str], deadline: float, think_s: float,
                times: list[float], errors: list[str]) -> None:
    if think_s:
        await asyncio.sleep(random.uniform(0, think_s))
    for number, question in enumerate(questions, start=1):
        if time.monotonic() > deadline:
            return
        try:
            run = await tab.ask(question, ANSWER_TIMEOUT_S)
        except (TimeoutError, ProtocolError, OSError) as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        if run.errors or len(run.texts) < 2:
            errors.append(f"no answer shown: {run.errors or run.elements}")
        else:
            times.append(run.seconds)
        if think_s and number < len(questions):  # no pause after the last question: the run ends there
            await asyncio.sleep(random.expovariate(1 / think_s))


async def level(server: Server, tabs: list[PupilTab], rounds: int, budget_s: float, think_s: float = 0.0
                ) -> dict[str, Any]:
    """Every tab asks ``rounds`` questions, all starting together; bounded by ``budget_s``."""
    questions = [row["question"] for row in sample_questions()]
    times: list[float] = []
    errors: list[str] = []
    cpu = cpu_seconds(server.pid)
    start = time.perf_counter()
    deadline = time.monotonic() + budget_s
    await asyncio.gather(*(pupil(tab, [questions[(i * 7 + r) % len(questions)] for r in range(rounds)],
                                 deadline, think_s, times, errors) for i, tab in enumerate(tabs)))
    wall = time.perf_counter() - start
    used = cpu_seconds(server.pid) - cpu
    unanswered = len(tabs) * rounds - len(times) - len(errors)  # cut off by the time budget
    return {"pupils": len(tabs), "rounds": rounds, "answers": len(times), "errors": len(errors),
            "unanswered": unanswered, "error_examples": errors[:3],
            **summary_ms(times), "wall_s": round(wall, 1), "answers_per_s": round(len(times) / wall, 2),
            "server_cpu_s_per_answer": round(used / max(1, len(times)), 3), "think_s": think_s}


async def scenario(server: Server, cookies: list[str], quick: bool, paced: bool, think_s: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    start = time.perf_counter()
    first = await open_tabs(server.port, cookies[:1])
    out["first_page_s"] = round(time.perf_counter() - start, 2)
    await first[0].ask("Mis on vereringe?", ANSWER_TIMEOUT_S)  # the first answer builds the indexes
    await first[0].close()
    await asyncio.sleep(2)
    out["rss_mb"] = {"idle": rss_mb(server.pid)}
    with stage("server: 10 and 50 open sessions"):
        tabs = await open_tabs(server.port, cookies[:10])
        out["rss_mb"]["sessions_10"] = rss_mb(server.pid)
        tabs += await open_tabs(server.port, cookies[10:50])
        out["rss_mb"]["sessions_50"] = rss_mb(server.pid)
    out["concurrency"] = {}
    plan = {1: 3, 10: 1, 50: 1} if quick else {1: 10, 10: 3, 50: 2}
    for pupils, rounds in plan.items():
        with stage(f"server: {pupils} pupils x {rounds} questions at once"):
            out["concurrency"][str(pupils)] = await level(server, tabs[:pupils], rounds, 300 if quick else 600)
    if paced:
        with stage(f"server: 50 pupils at a classroom pace (a question per ~{think_s:.0f} s each)"):
            rounds = 2 if quick else 4
            out["concurrency"]["50_paced"] = await level(server, tabs[:50], rounds, 600, think_s)
    out["rss_mb"]["after_load"] = rss_mb(server.pid)
    for tab in tabs:
        await tab.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", required=True, help="a LOCALTUTOR_HOME with the samples ingested (copied)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--paced", action="store_true", help="also 50 pupils at a classroom pace")
    parser.add_argument("--think", type=float, default=20.0, help="mean seconds between a pupil's questions")
    parser.add_argument("--out")
    args = parser.parse_args()
    random.seed(0)
    work = Path(tempfile.mkdtemp(prefix="lt-bench-server-"))
    home = work / "home"
    shutil.copytree(args.home, home)
    cookies = make_pupils(home, 50)
    server = Server(home)
    result: dict[str, Any] = {"machine": machine()}
    try:
        with stage("server: start"):
            result["startup_s"] = round(server.start(), 2)
        result.update(asyncio.run(scenario(server, cookies, args.quick, args.paced, args.think)))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    result["machine_after"] = machine()
    write_result("server", result, args.out)


if __name__ == "__main__":
    main()
