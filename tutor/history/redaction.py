"""What history stores of a pupil's text: personal data redacted (``guardrails.redact``), excerpts cut short."""

from __future__ import annotations

EXCERPT_CHARS = 500


def redact(text: str) -> str:
    from guardrails import redact as redact_pii  # imported on first use: listing history loads no guard

    return redact_pii(text)
