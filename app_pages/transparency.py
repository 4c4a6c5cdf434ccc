"""What rules apply and why: readable by students and parents, in their language."""

from __future__ import annotations

import streamlit as st

from app_pages.common import LANGUAGE, current_user, get_tutor, session_locale
from app_pages.labels import addition_label, category_label, subject_label
from locale_profiles import rule_set_changes
from tutor.i18n import ui

current_user()  # any signed-in role
tutor = get_tutor()
locale = session_locale(tutor)  # the profile chosen in the chat, else the administrator's default
if locale is None:
    st.error(ui("en")._("No locale profile is enabled. An administrator must enable one."))
    st.stop()
profile = tutor.profiles.get(locale)
language = st.session_state.get(LANGUAGE) if st.session_state.get(LANGUAGE) in profile.languages \
    else profile.default_language
t = ui(language, profile.babel_locale)
_ = t._
changes = rule_set_changes(tutor.profiles, tutor.guard.policy, profile.id)

st.title(_("What rules apply and why"))
st.markdown(_("This tutor follows global safety rules in every country. A country profile may change the "
              "language, tone, examples and teaching style, add local content and withhold content that local "
              "law requires withholding. It can never switch a safety rule off, hide help lines, or change facts."))
st.markdown(_("Whenever something was added, withheld or declined, the answer shows a banner that says what kind "
              "of content it was and why. Withheld content itself is never shown."))

# -- global rules -------------------------------------------------------------------------------
st.header(_("Global rules"))
policy = tutor.guard.policy
st.caption(_("Policy version {version}, last changed on {date}").format(
    version=policy.version, date=t.date(changes.policy_changed)))
PRINCIPLES = {
    "severe_harm": _("No help with severe harm"),
    "autonomy": _("No exclusion, manipulation or undermining of people's choices and civic participation"),
    "privacy": _("Respect for privacy"),
    "platform": _("Rules for a tutor that children use"),
}
WHY = {
    "severe_harm": _("Violence, weapons (including chemical, biological, radiological and nuclear), terrorism, "
                     "persecution and mass surveillance cause irreversible harm. The tutor still teaches their "
                     "history and science."),
    "autonomy": _("Everyone has the right to make up their own mind and to take part in society. The tutor "
                  "does not write disinformation or argue that people should lose their rights."),
    "privacy": _("Nobody's personal data is found, collected or exposed. Personal data in your messages is "
                 "removed from logs and from anything sent outside the school's servers."),
    "platform": _("Students are young. The tutor avoids sexual content, hate, drugs and crime, and answers "
                  "questions about self-harm with care and help lines first."),
}
for principle, title in PRINCIPLES.items():
    categories = [c for c in policy.categories if c.principle.value == principle]
    if not categories:
        continue
    st.subheader(title)
    st.markdown(WHY[principle])
    for category in categories:
        action = _("answered with care and help lines") if category.action.value == "safe_complete" \
            else _("declined")
        st.markdown(f"- **{category_label(t, category.id)}** ({action}): "
                    f"{category.explanation.get(language) or category.explanation['en']}")

# -- the active profile ---------------------------------------------------------------------------
st.header(_("This country's profile: {name}").format(name=profile.localized(profile.name, language)))
st.caption(_("Profile rules last changed on {date}").format(date=t.date(changes.profile_changed)))
if changes.toggled_at is not None:
    st.caption(_("Enabled or disabled by an administrator on {date}").format(date=t.date(changes.toggled_at)))
style = _("hints and guiding questions for homework, not finished answers") \
    if profile.pedagogy.style == "socratic" else _("direct explanations")
st.markdown(_("Languages: {languages}. Teaching style: {style}.").format(
    languages=t.list(ui(code).locale.display_name or code for code in profile.languages), style=style))
if profile.data_residency.local_endpoints_only:
    st.markdown(_("Your questions are only ever sent to models run inside the country."))

st.subheader(_("Local content this profile adds"))
if profile.additions:
    for addition in profile.additions:
        st.markdown(f"- ➕ **{addition_label(t, addition.id)}**: {profile.localized(addition.reason, language)}")
else:
    st.markdown(_("This profile adds nothing."))
st.subheader(_("Content this profile withholds, and the law that requires it"))
if profile.omissions:
    for omission in profile.omissions:
        basis = _("legal basis: {law}").format(law=omission.legal_basis)
        st.markdown(f"- 🚫 **{category_label(t, omission.category)}** — {profile.localized(omission.reason, language)} ({basis})")
else:
    st.markdown(_("This profile withholds nothing."))

# -- model and curriculum ---------------------------------------------------------------------------
st.header(_("Model and curriculum"))
where = _("on this server") if tutor.backend.is_local else _("at an external service (personal data removed first)")
st.markdown(_("Answers are generated by: {backend}, {where}.").format(backend=tutor.backend.name, where=where))
documents = tutor.store.documents(profile.id)
if documents:
    newest = max(d.ingested_at for d in documents)
    subjects = sorted({d.subject for d in documents if d.subject})
    st.markdown(_("Curriculum: {documents}, {passages}; last updated on {date}.").format(
        documents=t.ngettext("{n} document", "{n} documents", len(documents)).format(n=t.number(len(documents))),
        passages=t.ngettext("{n} passage", "{n} passages", sum(d.chunks for d in documents)).format(
            n=t.number(sum(d.chunks for d in documents))),
        date=t.date(newest)))
    if subjects:
        st.markdown(_("Subjects: {subjects}.").format(
            subjects=t.list(subject_label(profile, s, language) for s in subjects)))
else:
    st.markdown(_("This profile has no curriculum yet."))
