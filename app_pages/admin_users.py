"""Administrators: the users, their roles, adding a user, changing a role, disabling an account."""

from __future__ import annotations

import streamlit as st

from app_pages.common import ADMIN, current_user, flash, get_accounts, guarded, password_help, role_label
from tutor.accounts import MIN_PASSWORD, ROLES, AccountError

user, t = current_user(*ADMIN)
_ = t._
accounts = get_accounts()


def reason(exc: AccountError) -> str:
    """The refusal in the admin's language (the English text only for an unforeseen case)."""
    return {
        "invalid_name": _("use 1 to 128 letters, digits or . _ @ + - in the user name"),
        "invalid_class_name": _("a class name has 1 to 128 characters"),
        "short_password": t.ngettext("the password must have at least {n} character",
                                     "the password must have at least {n} characters", MIN_PASSWORD)
        .format(n=t.number(MIN_PASSWORD)),
        "weak_password": _("the password is too easy to guess (a common password, a name or a simple pattern)"),
        "mismatch": _("the passwords do not match"),
        "duplicate": _("this user name is taken"),
        "unknown_user": _("there is no such user"),
        "last_admin": _("this is the last administrator; add another administrator first"),
        "duplicate_class": _("this class exists already"),
        "unknown_class": _("there is no such class"),
    }.get(exc.code, str(exc))


def attempt(action, *args, **kwargs) -> bool:  # noqa: ANN001
    try:
        return guarded(t, user, ADMIN, action, *args, **kwargs) is not None
    except AccountError as exc:
        st.error(_("This change is not possible: {reason}").format(reason=reason(exc)))
        return False


st.title(_("Users"))
users = accounts.users.all()
st.dataframe([{_("Name"): u.name, _("Role"): role_label(t, u.role), _("Created"): t.date(u.created_at),
               _("Disabled"): u.disabled, _("Signs in with"): _("password") if u.has_password else _("school account")}
              for u in users], hide_index=True, width="stretch")

st.header(_("Change a role"))
names = [u.name for u in users]
with st.form("change_role"):
    name = st.selectbox(_("User"), names, key="role_user")
    role = st.selectbox(_("New role"), ROLES, key="role_new", format_func=lambda r: role_label(t, r))
    if st.form_submit_button(_("Change role")) and attempt(accounts.users.set_role, name, role, actor=user.name):
        flash("success", _("{name} is now: {role}.").format(name=name, role=role_label(t, role)))
        st.rerun()

st.header(_("Add a user"))
with st.form("add_user", clear_on_submit=True):
    new_name = st.text_input(_("User name"))
    new_role = st.selectbox(_("Role"), ROLES, key="add_role", format_func=lambda r: role_label(t, r))
    password = st.text_input(_("Password"), type="password", help=password_help(t))
    if st.form_submit_button(_("Add user")) and attempt(accounts.users.add, new_name, new_role, password,
                                                         actor=user.name):
        flash("success", _("User {name} added.").format(name=new_name.strip().lower()))
        st.rerun()

st.header(_("Reset a password"))
st.caption(_("The user keeps their account and history; their open sessions end. Tell them the new password "
             "in person."))
with st.form("reset_password", clear_on_submit=True):
    reset_name = st.selectbox(_("User"), [u.name for u in users if u.has_password], key="reset_user")
    new_password = st.text_input(_("New password"), type="password", help=password_help(t))
    new_again = st.text_input(_("New password again"), type="password")
    if st.form_submit_button(_("Set the new password")) and reset_name:
        if new_password != new_again:
            st.error(_("This change is not possible: {reason}").format(reason=reason(AccountError("", "mismatch"))))
        elif attempt(accounts.users.set_password, reset_name, new_password, actor=user.name):
            flash("success", _("The password of {name} was changed.").format(name=reset_name))
            st.rerun()

st.header(_("Disable or enable an account"))
with st.form("disable_user"):
    target = st.selectbox(_("User"), names, key="disable_user_name")
    disable = st.toggle(_("Disabled"), key="disable_user_flag")
    if st.form_submit_button(_("Save")) and attempt(accounts.users.set_disabled, target, disable, actor=user.name):
        flash("success", _("{name} is disabled.").format(name=target) if disable
              else _("{name} is enabled.").format(name=target))
        st.rerun()

st.header(_("Classes"))
st.caption(_("Teachers see the flags of the students who share a class with them."))
classes = accounts.classes.all()
if classes:
    st.dataframe([{_("Class"): c.name, _("Teachers"): t.list(c.teachers) if c.teachers else "—",
                   _("Students"): t.list(c.students) if c.students else "—"} for c in classes],
                 hide_index=True, width="stretch")
with st.form("add_class", clear_on_submit=True):
    class_name = st.text_input(_("New class"), placeholder="7B")
    if st.form_submit_button(_("Create class")) and attempt(accounts.classes.add, class_name, actor=user.name):
        flash("success", _("Class {name} created.").format(name=" ".join(class_name.split())))
        st.rerun()
if classes:
    with st.form("class_members"):
        chosen = st.selectbox(_("Class"), [c.name for c in classes], key="members_class")
        members = st.multiselect(_("Users"), names, key="members_users", placeholder=_("Choose users"))
        join = st.radio(_("Action"), (True, False), key="members_join", horizontal=True,
                        format_func=lambda j: _("Add to the class") if j else _("Remove from the class"))
        if st.form_submit_button(_("Save")) and members and attempt(
                accounts.classes.set_members, chosen, members, join=join, actor=user.name):
            flash("success", _("Class {name}: {members}.").format(name=chosen, members=t.list(
                next(c for c in accounts.classes.all() if c.name == chosen).students) or "—"))
            st.rerun()
