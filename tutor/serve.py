"""``localtutor serve``: the Streamlit server as a child process that stops cleanly on a signal.

The child runs ``asgi.py`` (Streamlit's ``st.App`` under uvicorn). This process only supervises
it: SIGTERM, SIGINT and SIGHUP are passed on to the child as SIGTERM, uvicorn's graceful shutdown
(sessions closed, port released), and this process then exits 0. Uvicorn re-raises the signal
after that shutdown, so the child itself ends "killed by SIGTERM" (143); a stop that was asked
for is still a clean stop.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from types import FrameType

LAUNCHER = Path(__file__).resolve().parent.parent / "asgi.py"
FORWARDED = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def streamlit_command(address: str, port: int, max_upload_mb: int = 200) -> list[str]:
    """The ``streamlit run`` command line for the app on ``address:port``, refusing uploads over ``max_upload_mb``.

    No file watcher: a served app is not edited in place, and Streamlit's watcher follows every file
    under the app's folder; when something there is written often (a store, a log, a virtualenv
    being installed) its inotify queue overflows and it walks the whole tree again, which took a
    third of the server's CPU under load in ``make bench`` (docs/performance.md). No full garbage
    collection after every script run either: with the models' objects in memory one takes ~50 ms
    and holds the interpreter lock, on every pupil's every rerun (Python's own collector still runs).
    """
    return [sys.executable, "-m", "streamlit", "run", str(LAUNCHER), "--server.port", str(port),
            "--server.address", address, "--browser.gatherUsageStats", "false",
            "--server.headless", "true", "--server.fileWatcherType", "none", "--runner.postScriptGC", "false",
            "--server.maxUploadSize", str(max_upload_mb),  # LOCALTUTOR_MAX_UPLOAD_MB: the server enforces it
            "--client.toolbarMode", "viewer"]  # no developer menu for users


def exit_status(returncode: int) -> int:
    """The shell's convention: a child ended by signal N gives 128 + N (143 for SIGTERM)."""
    return 128 - returncode if returncode < 0 else returncode


def run_server(address: str, port: int, max_upload_mb: int = 200) -> int:
    """Start the server and wait for it; a stop signal to this process is forwarded to the server.

    Returns 0 when a requested stop ended the server, else the server's exit status (128 + N when
    it was ended by a signal N nobody asked for).
    """
    # Its own process group: Ctrl+C in a terminal reaches only this process, which forwards it once
    # (a second signal would make uvicorn skip its clean shutdown).
    child = subprocess.Popen(streamlit_command(address, port, max_upload_mb), process_group=0)
    requested: list[int] = []

    def forward(signum: int, _frame: FrameType | None) -> None:
        requested.append(signum)
        if child.poll() is None:
            # SIGTERM for all three: SIGINT would end in click's "Aborted!" with status 1.
            child.send_signal(signal.SIGTERM)

    previous = {signum: signal.signal(signum, forward) for signum in FORWARDED}
    try:
        status = exit_status(child.wait())
        return 0 if requested and status in (0, 128 + signal.SIGTERM) else status
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
