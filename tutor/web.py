"""What the ASGI server (``asgi.py``) adds around the Streamlit script: start-up work."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any


def configure_logging() -> None:
    """localtutor's warnings and errors (setup code, failing model endpoint) in the server log, on stderr."""
    logger = logging.getLogger("localtutor")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)
        logger.propagate = False


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """At server start: a fresh first-run setup code in the log while no account exists."""
    from tutor.first_run import FirstRunCode, announce
    from tutor.services import Services

    configure_logging()
    announce(FirstRunCode(Services().database).issue())
    yield
