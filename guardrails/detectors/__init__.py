"""Detectors: each module scans normalised text and returns ``Signal``s; ``decide.py`` combines them.

Every detector module declares ``CHECK_POINTS`` (input, chunk, output), ``CATEGORIES`` and
``LANGUAGES`` so that the coverage of the safety layer can be read from the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class CheckPoint(str, Enum):
    """Where in the pipeline a text is checked."""

    INPUT = "input"
    CHUNK = "chunk"
    OUTPUT = "output"


@dataclass(frozen=True)
class Signal:
    """One finding. ``strength``: ``hard`` decides on its own, ``soft`` only shifts the classifier's
    threshold, ``benign`` marks a safe frame (history, definitions, games, homonyms)."""

    detector: str
    category: str
    strength: str  # "hard" | "soft" | "benign"
    evidence: str = ""


HARD, SOFT, BENIGN = "hard", "soft", "benign"
