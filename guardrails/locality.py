"""Which endpoints count as local: one rule for the model backend and the moderation endpoint.

Local means run by the operator: loopback, private (RFC 1918 / unique-local) and link-local addresses,
single-label host names (``vllm``, ``ollama``: a container or in-house server) and ``.local``,
``.internal``, ``.lan`` names. Local endpoints may see unredacted text and satisfy a profile's
``local_endpoints_only``; anything else is remote and only ever receives redacted text.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlparse

LOCAL_SUFFIXES = (".local", ".internal", ".lan")


def is_local_url(url: str | None) -> bool:
    """True for an endpoint the operator runs (see the module docstring); False for ``None``."""
    if not url:
        return False
    host = (urlparse(url).hostname or "").lower()
    if host in ("localhost", "localhost.localdomain") or (host and "." not in host and ":" not in host):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host.endswith(LOCAL_SUFFIXES)
    return address.is_loopback or address.is_private or address.is_link_local
