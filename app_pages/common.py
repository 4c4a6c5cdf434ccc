"""Shared, cached services and session-state keys for the Streamlit pages."""

from __future__ import annotations

import streamlit as st

from tutor.config import Settings
from tutor.pipeline import Tutor

# Session state keys, named in one place.
MESSAGES = "messages"
LOCALE = "locale"
LANGUAGE = "language"


@st.cache_resource(show_spinner="Loading the tutor…")
def get_tutor() -> Tutor:
    """One tutor (embedder, store, guard, backend) per server process."""
    return Tutor.from_settings(Settings())


def enabled_locales(tutor: Tutor) -> list[str]:
    """Enabled, valid profiles; read on every rerun, so an admin's toggle applies at once.

    A broken installed profile is skipped here (and reported in the admin area), never fatal.
    """
    return tutor.profiles.enabled_ids()
