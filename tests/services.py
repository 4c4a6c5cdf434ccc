"""Real services for the tests that need them, started on loopback in temporary folders.

``postgres_cluster``: a throw-away PostgreSQL cluster made with the server's own initdb/pg_ctl
(Debian's ``postgresql`` package; ``.ci/run`` installs it when it runs as root).
``chroma_server``: ``chroma run`` from the chromadb package. Each says why it cannot run, so a
test can skip with that reason.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers import free_port

PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None) \
    if Path("/usr/lib/postgresql").exists() else None
CHROMA = Path(sys.executable).with_name("chroma")


def postgres_missing() -> str | None:
    """Why a PostgreSQL cluster cannot be started here, or None."""
    if PG_BIN is None or not (PG_BIN / "initdb").exists():
        return "PostgreSQL server binaries are not installed (apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the PostgreSQL driver is not installed: pip install 'localtutor[postgres]'"
    return None


def chroma_missing() -> str | None:
    """Why ``chroma run`` cannot be started here, or None."""
    return None if CHROMA.exists() or shutil.which("chroma") else "the chroma server command is not installed"


def _as_server_user(command: list[str]) -> list[str]:
    """initdb refuses to run as root: run the server tools as the 'postgres' system user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_cluster() -> Iterator[str]:
    """A fresh cluster on a free port; yields its URL (user ``localtutor``, database ``postgres``)."""
    assert PG_BIN is not None
    folder = Path(tempfile.mkdtemp(prefix="lt-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        server = pwd.getpwnam("postgres")
        os.chown(folder, server.pw_uid, server.pw_gid)
    folder.chmod(0o755)
    port = free_port()
    subprocess.run(_as_server_user([str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "localtutor",
                                    "--no-sync"]), check=True, capture_output=True)
    subprocess.run(_as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
                                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                                    "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql://localtutor@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def chroma_server(data: Path, timeout_s: float = 60) -> Iterator[int]:
    """``chroma run`` persisting in ``data``; yields its port once its heartbeat answers."""
    port = free_port()
    process = subprocess.Popen([str(CHROMA if CHROMA.exists() else "chroma"), "run", "--path", str(data),
                                "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("chroma run did not start") from None
                time.sleep(0.5)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
