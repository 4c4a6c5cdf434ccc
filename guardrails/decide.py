"""The one place where detector signals and classifier scores become a decision.

Order (cheapest first): injection and hard lexicon hits decide alone unless a safe frame
(history, definition, fiction/game, technical homonym, harmless target, help-seeking) softens
them; everything else goes to the embedding classifier, whose threshold rises inside safe frames
and drops for students on self-harm.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from guardrails.classifier import ClassScores
from guardrails.detectors import BENIGN, HARD, SOFT, Signal
from guardrails.schema import ACTION_STRENGTH, Action, Audience, Policy


class Decision(str, Enum):
    """What happens to a message or answer."""

    ALLOW = "allow"
    REFUSE = "refuse"
    SAFE_COMPLETE = "safe_complete"


@dataclass(frozen=True)
class Thresholds:
    """Classifier thresholds on p(unsafe); tuned on the training halves only."""

    base: float = 0.3
    in_safe_frame: float = 0.8
    in_two_safe_frames: float = 0.9
    in_weak_frame: float = 0.5
    # check_chunk: a sentence addressing the model is injected text when its nearest injection
    # references are this much closer (cosine) than its nearest exercise-instruction references.
    chunk_injection_margin: float = 0.0
    self_harm_student: float = 0.35
    injection_by_classifier: float = 0.8
    with_evasion: float = 0.15
    # No sign of harmful intent at all (no hard hit, no instructional, evasion or stereotype cue):
    # the classifier alone must be at least this sure (topic is not intent).
    without_intent: float = 0.4
    # The only harm words sit inside an idiom ("steal someone's heart", "crush the exam"): the
    # classifier, which sees the harm word, can refuse only when it is all but certain.
    in_idiom: float = 0.99
    # Harm inside a named video game, scored as that game's own categories ("steal a car in GTA").
    in_game: float = 0.97


@dataclass(frozen=True)
class Outcome:
    """A decision and the category ids that caused it."""

    decision: Decision
    categories: tuple[str, ...]


ALLOWED = Outcome(Decision.ALLOW, ())

# Everyday activities (cooking, sport, study), protecting oneself, a named school subject and "how does
# X work" are common in harmful requests too ("... at a party", "... for chemistry class"), so they
# only raise the classifier threshold a little and never neutralise a hard hit.
WEAK_FRAMES = frozenset({"everyday", "protective", "curriculum", "explanatory", "teacher", "own_property"})

# Frames of studying a subject rather than living it.
KNOWING_FRAMES = frozenset({"curriculum", "definition", "history", "fiction", "informational", "science", "lesson"})

# Everyday and school frames that count as strong ones when the message has no harm vocabulary at all
# ("Kui kaua peaks muna keetma?"). A teacher named in a student's message is often the target, so not "teacher".
RELIEF_FRAMES = frozenset({"everyday", "curriculum", "explanatory"})

# Frames about knowing rather than doing. Instructional intent ("how do I make…", "step by step",
# "if I wanted to…"), a stereotype about a group or a request for an argument ("why should…",
# "why was it justified…") cancels them: "Explain how to culture anthrax"
# is not a definition, "Why are X so lazy?" is not a history question.
INFORMATIONAL_FRAMES = frozenset({"informational", "definition", "history", "science", "explanatory", "curriculum"})
INTENT_CUES = frozenset({"instructional", "evasion", "stereotype", "argument", "harm_request"})

# An adult reporting harm done to a pupil or child and asking how to help, or teaching material (a lesson
# about bullying, consent, online safety, drugs prevention): strong frames, cancelled together with the
# teacher, protective and help frames by a request to harm a person ("how can I hit a pupil…").
PROTECTIVE_FRAMES = frozenset({"reported_harm", "lesson", "teacher", "protective", "help_seeking", "safeguarding"})

# Real means (weapons, agents, drugs, malware, how to hurt or burn): a story frame does not neutralise instructions for them.
MEANS_CATEGORIES = frozenset({"weapons", "cbrn_weapons", "illegal_drugs", "cybercrime_fraud", "violence", "other_crime"})

# Categories a video game is about: harm "in GTA" or "in Call of Duty" is the game's mechanic.
GAME_CATEGORIES = frozenset({"violence", "weapons", "other_crime", "terrorism", "minor_safety"})

# Which safe frames can neutralise a hard lexicon hit of each category (then the classifier decides).
NEUTRALISERS: dict[str, frozenset[str]] = {
    "violence": frozenset({"hyperbole", "game_world", "fiction", "technical", "harmless_target", "history", "definition", "figurative", "reported_harm", "lesson"}),
    "weapons": frozenset({"game_world", "fiction", "history", "definition", "science"}),
    "cbrn_weapons": frozenset({"history", "definition"}),
    "terrorism": frozenset({"game_world", "fiction", "history", "definition"}),
    "persecution": frozenset({"definition"}),
    "exclusion": frozenset({"absurd", "nonhuman", "history", "about_prejudice"}),
    "other_crime": frozenset({"game_world", "fiction", "history", "figurative", "definition"}),
    "privacy": frozenset({"fiction", "public_entity", "informational", "safeguarding"}),
    "illegal_drugs": frozenset({"definition", "science"}),
    "cybercrime_fraud": frozenset({"definition", "fiction"}),
    "hate_harassment": frozenset({"reported_harm", "lesson", "about_prejudice", "nonhuman", "absurd"}),
}


# Classifier categories a self-harm message is confused with (cuts look like violence, overdoses like drugs).
SELF_HARM_LOOKALIKES = frozenset({"violence", "illegal_drugs", "weapons", "minor_safety", "self_harm", "hate_harassment"})


def _outcome(categories: list[str], policy: Policy, audience: Audience) -> Outcome:
    applicable = []
    for cid in dict.fromkeys(categories):
        try:
            cat = policy.category(cid)
        except KeyError:
            continue  # a classifier class the policy no longer has never blocks on its own
        if audience in cat.audiences:
            applicable.append(cat)
    if not applicable:
        return ALLOWED
    ids = tuple(c.id for c in applicable)
    # Self-harm is answered with care even when other categories fire: help lines come first.
    if any(c.id == "self_harm" for c in applicable):
        return Outcome(Decision.SAFE_COMPLETE, ids)
    strongest = max((c.action for c in applicable), key=ACTION_STRENGTH.__getitem__)
    return Outcome(Decision.REFUSE if strongest is Action.REFUSE else Decision.SAFE_COMPLETE, ids)


def decide_input(
    signals: list[Signal],
    scores: Callable[[], ClassScores | None],
    policy: Policy,
    audience: Audience = Audience.STUDENT,
    thresholds: Thresholds = Thresholds(),
) -> Outcome:
    """Decide on a student's (or teacher's) message. ``scores`` is called only when needed."""
    hard = [s for s in signals if s.strength == HARD]
    frames = {s.category for s in signals if s.strength == BENIGN}
    cue_language = "cue_language" in frames  # en, et or ru: the intent cues below can be seen
    no_harm_words = "no_harm_words" in frames  # no harm vocabulary in any view and no hard hit
    frames -= {"cue_language", "no_harm_words"}
    cues = {s.category for s in signals if s.strength == SOFT} & INTENT_CUES
    if cues & {"instructional", "stereotype", "argument"}:
        frames -= INFORMATIONAL_FRAMES
    if cues & {"stereotype", "argument"}:
        # About people, so no homonym or harmless-target reading applies ("jokes about someone from Turkey").
        frames -= {"harmless_target", "figurative", "technical", "everyday", "idiom"}
    if "harm_request" in cues:
        frames -= PROTECTIVE_FRAMES
    if any(s.category == "real_world" for s in signals):
        frames -= {"fiction", "game_world"}  # "...in real life": no game or story covers it
    soft_self_harm = any(s.strength == SOFT and s.category == "self_harm" for s in signals)

    if any(s.category == "prompt_injection" for s in hard):
        return _outcome([s.category for s in hard], policy, audience)
    first_person_self_harm = any(s.category == "self_harm" for s in hard)
    if first_person_self_harm and not frames & {"help_seeking", "reported_harm"}:
        return _outcome(["self_harm"], policy, audience)
    harm = [s.category for s in hard if s.category != "self_harm"]
    # A hard hit stands unless a safe frame that fits its category is present
    # ("kill a process", "steal a car in GTA", "why can't llamas vote").
    # An idiom frame is only set when no harm word is left outside the idiom: it neutralises any hit.
    # A story does not make instructions for real means harmless: "step by step, a pipe bomb, it's for a story".
    def neutralised(category: str) -> bool:
        usable = frames - {"fiction"} if "instructional" in cues and category in MEANS_CATEGORIES else frames
        return bool(usable & (NEUTRALISERS.get(category, frozenset()) | {"idiom"}))

    standing = [c for c in harm if not neutralised(c)]
    if standing:
        return _outcome(standing, policy, audience)

    result = scores()
    if result is None:  # no classifier available: the lexicon's verdict stands
        return ALLOWED
    threshold = thresholds.base
    strong = frames - WEAK_FRAMES
    if strong:
        threshold = thresholds.in_two_safe_frames if len(strong) > 1 else thresholds.in_safe_frame
    elif frames:
        threshold = thresholds.in_weak_frame
    if not hard and not cues and cue_language:
        threshold = max(threshold, thresholds.without_intent)
        if no_harm_words:
            # Nothing in the message names a harm: an everyday or school frame is as good as a strong one.
            if frames & RELIEF_FRAMES:
                threshold = max(threshold, thresholds.in_safe_frame)
    if "idiom" in frames:
        threshold = max(threshold, thresholds.in_idiom)
    if "game_world" in frames and result.category in GAME_CATEGORIES:
        threshold = max(threshold, thresholds.in_game)
    if any(s.strength == SOFT and s.category == "evasion" for s in signals) and "game_world" not in frames:
        # "...so that teachers don't notice": hiding the act outweighs any safe frame (but not being
        # caught by other players inside a game is gameplay: "vent as impostor in Among Us").
        threshold = thresholds.with_evasion
    p_self_harm = result.probs.get("self_harm", 0.0)
    # Students: an explicit self-harm word lowers the bar (care first); otherwise the usual threshold.
    # A definition, history or lesson question about suicide is answered normally (never withheld).
    if audience is Audience.STUDENT and soft_self_harm and not frames & {"help_seeking", "definition", "history", "curriculum"}:
        if p_self_harm >= thresholds.self_harm_student:
            return _outcome(["self_harm"], policy, audience)
    if result.category == "self_harm" and frames & KNOWING_FRAMES and not first_person_self_harm:
        # An essay on a novel, a definition or a history question about suicide is answered, not met with
        # a crisis message (first-person self-harm is a hard signal and never reaches this).
        threshold = max(threshold, thresholds.in_two_safe_frames)
    if result.unsafe < threshold:
        return ALLOWED
    category = result.category
    if category == "prompt_injection" and result.unsafe < thresholds.injection_by_classifier:
        return ALLOWED
    # A message about self-harm (a self-harm word, or a first-person pattern inside a help question) with no
    # harm to others in it is never refused coldly under violence or drugs: care and help lines first.
    about_self_harm = soft_self_harm or first_person_self_harm
    if about_self_harm and not harm and "harm_request" not in cues and category in SELF_HARM_LOOKALIKES:
        category = "self_harm"
    return _outcome([category, *harm], policy, audience)


def decide_external(categories: list[str], policy: Policy, audience: Audience = Audience.STUDENT) -> Outcome:
    """Decide from category ids reported by an external moderation endpoint (unknown ids are ignored)."""
    return _outcome(categories, policy, audience)


def decide_output(signals: list[Signal], policy: Policy, audience: Audience = Audience.STUDENT) -> Outcome:
    """Decide on a generated answer: only hard, instruction-shaped signals stop it."""
    hard = [s.category for s in signals if s.strength == HARD]
    return _outcome(hard, policy, audience) if hard else ALLOWED
