"""Optional external moderation through an OpenAI-compatible endpoint, configured by the operator.

Two wire protocols:

- ``chat`` (default): ``POST {base_url}/chat/completions`` with the message as the single user turn,
  as a guard model served by vLLM (or Ollama, llama.cpp server) expects. Two reply formats are
  read: Llama Guard 3's (``safe`` or ``unsafe`` followed by a line of hazard codes, ``S1,S10``) and
  Qwen3Guard-Gen's (``Safety: Safe|Unsafe|Controversial`` then ``Categories: Violent, ...``), both
  mapped to policy categories below.
- ``moderations``: ``POST {base_url}/moderations`` with ``{"model", "input"}``; the OpenAI
  moderation result's flagged categories are mapped to policy categories.

Configuration (environment, mirrored in ``tutor.config.Settings``): ``LOCALTUTOR_MODERATION_BASE_URL``
(unset = no external moderation), ``LOCALTUTOR_MODERATION_MODEL``, ``LOCALTUTOR_MODERATION_API``
(``chat`` | ``moderations``), ``LOCALTUTOR_MODERATION_API_KEY`` (else ``OPENAI_API_KEY``),
``LOCALTUTOR_MODERATION_TIMEOUT_S`` (default 3), ``LOCALTUTOR_MODERATION_FAIL_CLOSED``
(default false) and ``LOCALTUTOR_MODERATION_MODE``: ``always`` (default: asked about every message
the local guard allows) or ``cascade`` (asked only when the local score falls inside an uncertain
band around its threshold, ``LOCALTUTOR_MODERATION_BAND`` = "below,above", default "0.3,0.2";
inside the band its verdict decides).

Privacy: a non-local endpoint (any host other than loopback) only ever receives redacted text.
Failure: on a timeout, connection error, HTTP error or unreadable reply the client raises
``ModerationUnavailable``. The guard then fails open (the local layers' decision stands, the
default: the local layers are the primary guard and always run) or, with ``fail_closed``, refuses
with the reason ``moderation_unavailable``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from guardrails.locality import is_local_url
from guardrails.pii import redact

log = logging.getLogger(__name__)

UNAVAILABLE = "moderation_unavailable"

# Llama Guard 3 hazard taxonomy (MLCommons) -> policy categories; S6 (specialised advice) and
# S8 (intellectual property) are outside this policy.
LLAMA_GUARD_CATEGORIES: dict[str, tuple[str, ...]] = {
    "S1": ("violence",),  # violent crimes
    "S2": ("other_crime",),  # non-violent crimes
    "S3": ("sexual_content",),  # sex-related crimes
    "S4": ("sexual_content",),  # child sexual exploitation
    "S5": ("manipulation",),  # defamation
    "S7": ("privacy",),
    "S9": ("cbrn_weapons",),  # indiscriminate weapons
    "S10": ("hate_harassment",),
    "S11": ("self_harm",),
    "S12": ("sexual_content",),
    "S13": ("manipulation",),  # elections
    "S14": ("cybercrime_fraud",),  # code interpreter abuse
}

# Qwen3Guard-Gen categories -> policy categories ("Copyright Violation" is outside this policy).
# "Controversial" verdicts count as safe: a school tutor discusses politics, history and health.
QWEN3GUARD_CATEGORIES: dict[str, tuple[str, ...]] = {
    "violent": ("violence",),
    "non-violent illegal acts": ("other_crime",),
    "sexual content or sexual acts": ("sexual_content",),
    "pii": ("privacy",),
    "suicide & self-harm": ("self_harm",),
    "unethical acts": ("hate_harassment",),
    "politically sensitive topics": ("manipulation",),
    "jailbreak": ("prompt_injection",),
}

# OpenAI moderation categories -> policy categories.
OPENAI_CATEGORIES: dict[str, tuple[str, ...]] = {
    "hate": ("hate_harassment",),
    "hate/threatening": ("hate_harassment", "violence"),
    "harassment": ("hate_harassment",),
    "harassment/threatening": ("hate_harassment", "violence"),
    "self-harm": ("self_harm",),
    "self-harm/intent": ("self_harm",),
    "self-harm/instructions": ("self_harm",),
    "sexual": ("sexual_content",),
    "sexual/minors": ("sexual_content",),
    "violence": ("violence",),
    "violence/graphic": ("minor_safety",),
    "illicit": ("other_crime",),
    "illicit/violent": ("weapons",),
}


class ModerationUnavailable(RuntimeError):
    """The endpoint could not give a verdict (timeout, connection, HTTP error, unreadable reply)."""


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _band(value: str | None) -> tuple[float, float]:
    if not value or not value.strip():
        return (0.3, 0.2)
    try:
        low, high = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise ValueError(f"moderation band must be 'below,above' (e.g. '0.3,0.2'), not {value!r}") from exc
    return (low, high)


@dataclass
class ModerationClient:
    """A thin, dependency-free client (urllib) for an OpenAI-compatible moderation endpoint."""

    base_url: str
    model: str = "meta-llama/Llama-Guard-3-1B"
    api: str = "chat"  # "chat" | "moderations"
    api_key: str | None = None
    timeout_s: float = 3.0
    fail_closed: bool = False
    mode: str = "always"  # "always" | "cascade"
    band: tuple[float, float] = (0.3, 0.2)  # cascade: below and above the local threshold

    def __post_init__(self) -> None:
        if self.api not in {"chat", "moderations"}:
            raise ValueError(f"moderation api must be 'chat' or 'moderations', not {self.api!r}")
        if self.mode not in {"always", "cascade"}:
            raise ValueError(f"moderation mode must be 'always' or 'cascade', not {self.mode!r}")
        self.base_url = self.base_url.rstrip("/")

    @property
    def cascade(self) -> bool:
        """Asked only inside the uncertain band of the local score (and then it decides)."""
        return self.mode == "cascade"

    @property
    def is_local(self) -> bool:
        """True when the operator runs the endpoint (``guardrails.locality``): then it may see unredacted text."""
        return is_local_url(self.base_url)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ModerationClient | None:
        """A client from ``LOCALTUTOR_MODERATION_*`` variables, or None when no base URL is set."""
        env = os.environ if environ is None else environ
        base_url = (env.get("LOCALTUTOR_MODERATION_BASE_URL") or "").strip()
        if not base_url:
            return None
        return cls(
            base_url=base_url,
            model=env.get("LOCALTUTOR_MODERATION_MODEL") or cls.model,
            api=(env.get("LOCALTUTOR_MODERATION_API") or "chat").strip().lower(),
            api_key=env.get("LOCALTUTOR_MODERATION_API_KEY") or env.get("OPENAI_API_KEY") or None,
            timeout_s=float(env.get("LOCALTUTOR_MODERATION_TIMEOUT_S") or 3.0),
            fail_closed=_truthy(env.get("LOCALTUTOR_MODERATION_FAIL_CLOSED")),
            mode=(env.get("LOCALTUTOR_MODERATION_MODE") or "always").strip().lower(),
            band=_band(env.get("LOCALTUTOR_MODERATION_BAND")),
        )

    @classmethod
    def from_settings(cls, settings: Any) -> ModerationClient | None:
        """A client from a ``tutor.config.Settings``-like object, or None when not configured."""
        if not getattr(settings, "moderation_base_url", None):
            return None
        return cls(
            base_url=settings.moderation_base_url,
            model=settings.moderation_model,
            api=settings.moderation_api,
            api_key=getattr(settings, "moderation_api_key", None) or getattr(settings, "openai_api_key", None),
            timeout_s=settings.moderation_timeout_s,
            fail_closed=settings.moderation_fail_closed,
            mode=getattr(settings, "moderation_mode", "always"),
            band=_band(getattr(settings, "moderation_band", None)),
        )

    # -------------------------------------------------------------------------------------------
    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(
            self.base_url + path, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:  # noqa: S310 (operator URL)
                return json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            raise ModerationUnavailable(f"{self.base_url}{path}: {exc}") from exc

    def moderate(self, text: str) -> list[str]:
        """Policy category ids the endpoint flags in ``text`` ([] = nothing flagged).

        Redacts ``text`` first unless the endpoint is local. Raises ``ModerationUnavailable``.
        """
        if not self.is_local:
            text = redact(text)
        if self.api == "moderations":
            return self._moderations(text)
        return self._chat(text)

    def _chat(self, text: str) -> list[str]:
        reply = self._post(
            "/chat/completions",
            {"model": self.model, "messages": [{"role": "user", "content": text}], "temperature": 0, "max_tokens": 20},
        )
        try:
            content = reply["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError) as exc:
            raise ModerationUnavailable(f"unexpected chat completion reply: {str(reply)[:200]}") from exc
        return parse_guard_reply(content)

    def _moderations(self, text: str) -> list[str]:
        reply = self._post("/moderations", {"model": self.model, "input": text})
        try:
            result = reply["results"][0]
            flags = result["categories"]
        except (KeyError, IndexError, TypeError) as exc:
            raise ModerationUnavailable(f"unexpected moderation reply: {str(reply)[:200]}") from exc
        categories = [c for name, on in flags.items() if on for c in OPENAI_CATEGORIES.get(name, ())]
        if result.get("flagged") and not categories:
            categories = ["other_crime"]  # flagged for a category we do not map: still not allowed
        return list(dict.fromkeys(categories))


_QWEN_SAFETY = re.compile(r"safety\s*:\s*(safe|unsafe|controversial)\b", re.IGNORECASE)
_QWEN_CATEGORIES = re.compile(r"categories\s*:\s*(.+)", re.IGNORECASE)


def parse_guard_reply(content: str) -> list[str]:
    """Policy categories from a Llama Guard or a Qwen3Guard-Gen reply (the format is recognised)."""
    return parse_qwen3guard(content) if _QWEN_SAFETY.search(content) else parse_llama_guard(content)


def parse_qwen3guard(content: str) -> list[str]:
    """Policy categories from a Qwen3Guard-Gen reply (``Safety: Unsafe\nCategories: Violent, PII``).

    ``Safe`` and ``Controversial`` map to nothing. An ``Unsafe`` verdict with no category this
    policy knows is kept as ``other_crime`` so that it is not silently allowed, unless its only
    category is outside the policy (copyright).
    """
    m = _QWEN_SAFETY.search(content)
    if not m:
        raise ModerationUnavailable(f"not a Qwen3Guard verdict: {content[:80]!r}")
    if m.group(1).lower() != "unsafe":
        return []
    found = _QWEN_CATEGORIES.search(content)
    names = [n.strip().lower() for n in found.group(1).splitlines()[0].split(",")] if found else []
    categories = [c for n in names for c in QWEN3GUARD_CATEGORIES.get(n, ())]
    if not categories and not (names and all(n == "copyright violation" for n in names)):
        categories = ["other_crime"]
    return list(dict.fromkeys(categories))


_VERDICT = re.compile(r"^\s*(safe|unsafe)\b(.*)$", re.IGNORECASE | re.DOTALL)


def parse_llama_guard(content: str) -> list[str]:
    """Policy categories from a Llama Guard reply (``safe`` / ``unsafe\\nS1,S10``).

    An ``unsafe`` verdict whose codes are all outside this policy maps to nothing; an unsafe
    verdict without any code is kept as ``other_crime`` so that it is not silently allowed.
    Anything else is an unreadable reply (``ModerationUnavailable``).
    """
    m = _VERDICT.match(content)
    if not m:
        raise ModerationUnavailable(f"not a Llama Guard verdict: {content[:80]!r}")
    if m.group(1).lower() == "safe":
        return []
    codes = re.findall(r"\bS(\d{1,2})\b", m.group(2), re.IGNORECASE)
    if not codes:
        return ["other_crime"]
    categories = [c for code in codes for c in LLAMA_GUARD_CATEGORIES.get(f"S{int(code)}", ())]
    return list(dict.fromkeys(categories))
