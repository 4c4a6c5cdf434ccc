"""Any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp server)."""

from __future__ import annotations

from collections.abc import Iterator

from guardrails.locality import is_local_url
from tutor.backends.base import BackendError, GenerationRequest
from tutor.prompts import build_messages

__all__ = ["OpenAICompatibleBackend", "is_local_url"]


class OpenAICompatibleBackend:
    """Streams from ``base_url`` with LangChain's ``ChatOpenAI``."""

    name = "openai"

    def __init__(self, base_url: str | None, model: str, api_key: str | None, *, timeout: float = 60.0) -> None:
        from langchain_openai import ChatOpenAI

        if not base_url and not api_key:
            raise BackendError("the openai backend needs LOCALTUTOR_OPENAI_BASE_URL (and a key in OPENAI_API_KEY "
                               "for hosted services)")
        self.base_url = base_url
        self.model = model
        self.is_local = is_local_url(base_url)
        self._chat = ChatOpenAI(
            model=model, base_url=base_url, api_key=api_key or "not-needed",  # type: ignore[arg-type]
            streaming=True, temperature=0.2, timeout=timeout, max_retries=1,
        )

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        try:
            for chunk in self._chat.stream(build_messages(request)):
                text = chunk.content if isinstance(chunk.content, str) else ""
                if text:
                    yield text
        except Exception as exc:  # the SDK raises many connection/HTTP error types
            raise BackendError(f"the model endpoint {self.base_url or 'api.openai.com'} failed: {exc}") from exc
