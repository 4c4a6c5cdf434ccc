"""What ``localtutor serve`` runs: the Streamlit app (``app.py``) as Streamlit's ASGI ``st.App``, with the
routes that set the HttpOnly sign-in cookie (``tutor/browser_session.py``)."""

import streamlit as st

from tutor.browser_session import routes
from tutor.web import lifespan

app = st.App("app.py", routes=routes(), lifespan=lifespan)
