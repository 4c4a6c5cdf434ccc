"""localtutor's Streamlit entry point: page setup, sign-in and navigation per role only."""

import streamlit as st

st.set_page_config(page_title="localtutor", page_icon="🎓", layout="centered")

from app_pages.common import (  # noqa: E402
    ACCESSIBLE_CSS,
    ADMIN,
    LANGUAGE,
    LOCALE,
    RETENTION_CHECKED,
    TEACHING,
    apply_saved_language,
    get_history,
    get_tutor,
    remember_session,
    role_label,
    session_ui,
    show_flashed,
    sign_out,
    signed_in_user,
)

# Widget values live only while their widget is on screen; keep the language and locale chosen on
# the sign-in page or in the chat sidebar while other pages run.
for key in (LOCALE, LANGUAGE):
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]

st.html(ACCESSIBLE_CSS)
tutor = get_tutor()
if not st.session_state.get(RETENTION_CHECKED):  # the admin's retention period applies itself, daily
    get_history().retention.purge_if_due()
    st.session_state[RETENTION_CHECKED] = True
user = signed_in_user()
if user is not None:
    apply_saved_language(user)  # the interface language follows the user across reloads
t = session_ui(tutor)
_ = t._

if user is None:
    st.navigation([st.Page("app_pages/signin.py", title=_("Sign in"), icon="🔑")], position="hidden").run()
    st.stop()
remember_session()

with st.sidebar:
    st.caption(_("Signed in as {name} ({role})").format(name=user.name, role=role_label(t, user.role)))
    st.button(_("Sign out"), key="sign_out", on_click=sign_out)

learning = [
    st.Page("app_pages/chat.py", title=_("Tutor"), icon="💬", default=True),
    st.Page("app_pages/transparency.py", title=_("Rules"), icon="⚖️"),
]
show_flashed()  # confirmations of the action that just reran the page
if user.role not in TEACHING:
    st.navigation(learning).run()
    st.stop()
# One flat list: Streamlit's sectioned sidebar puts <li> items inside <div>s within the <ul>, which screen
# readers cannot announce as a list (axe: list, listitem).
pages = [
    *learning,
    st.Page("app_pages/curriculum.py", title=_("Curriculum"), icon="📚"),
    st.Page("app_pages/flags.py", title=_("Flags"), icon="🚩"),
    st.Page("app_pages/reports.py", title=_("Reports"), icon="📝"),
    st.Page("app_pages/gaps.py", title=_("Curriculum gaps"), icon="🕳️"),
]
if user.role in ADMIN:
    pages += [
        st.Page("app_pages/admin_profiles.py", title=_("Profiles and conformance"), icon="🌍"),
        st.Page("app_pages/admin_dashboards.py", title=_("Dashboards"), icon="📊"),
        st.Page("app_pages/admin_audit.py", title=_("Audit log"), icon="🧾"),
        st.Page("app_pages/admin_users.py", title=_("Users"), icon="👥"),
        st.Page("app_pages/admin_retention.py", title=_("Retention"), icon="🗓️"),
    ]
st.navigation(pages).run()
