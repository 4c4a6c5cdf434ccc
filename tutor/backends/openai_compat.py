"""Any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp server)."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from urllib.parse import urlparse

from tutor.backends.base import BackendError, GenerationRequest
from tutor.prompts import build_messages


def is_local_url(url: str | None) -> bool:
    """True for loopback/private addresses and single-label hosts (in-house servers)."""
    if not url:
        return False
    host = urlparse(url).hostname or ""
    if host in ("localhost",) or "." not in host and host:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host.endswith((".local", ".internal", ".lan"))
    return address.is_loopback or address.is_private


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
