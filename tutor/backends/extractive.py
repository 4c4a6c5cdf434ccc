"""The embedded default: the answer quoted from the curriculum, then a question that makes the pupil think.

No model server. The sentence that answers (chosen by ``tutor.evidence``) comes first, quoted
with its citation and framed in the pupil's language; a worked example is quoted whole. For
homework under a Socratic profile it shows the curriculum's method and asks for the next step,
never another problem's result as the answer. Maths the checker can read (``tutor.maths``) is
answered from the check, never from an unrelated quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from tutor.backends.base import GenerationRequest
from tutor.evidence import Evidence, numbers, question_type
from tutor.i18n import ui
from tutor.pedagogy import states_result

# A unit this far below the best one is not quoted alongside it.
SECOND_UNIT_RATIO = 0.5
_COMPARISON = re.compile(r"\b(vahe|erinevus|erinevad|erineb|võrdle|difference|differ|compare|versus|vs|разница|"
                         r"отличи\w*|сравни\w*)\b", re.IGNORECASE)


def _texts(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "lead": _("The curriculum says:"),
        "lead_quoted": _("The curriculum says (quoted in the original language):"),
        "method": _("This is how the curriculum solves a similar task:"),
        "method_quoted": _("This is how the curriculum solves a similar task (quoted in the original language):"),
        "next_step": _("Now try your own task the same way: what is the first step, and what do you get?"),
        "hint": _("Now try it yourself: what does this passage tell you about your task, and what would the next step be?"),
        "nothing": _("I could not find anything about this in the curriculum materials. Please ask your teacher "
                     "or try wording the question differently."),
        "why": _("Can you now explain in your own words why this is so?"),
        "who": _("What else do you know about this person or their time?"),
        "when": _("What else was happening at that time?"),
        "where": _("Can you find it on a map, and what is near it?"),
        "count": _("Can you compare this number with something you know?"),
        "what": _("Can you give an example of it in your own words?"),
        "other": _("Can you explain this in your own words?"),
    }


def nothing_found(lang: str) -> str:
    """The pupil is told that the curriculum does not answer the question (no citation follows)."""
    return _texts(ui(lang)._)["nothing"]


def _quote(evidence: Evidence) -> str:
    return f"> {evidence.unit.text} [{evidence.unit.passage}]"


def _solves_task(evidence: Evidence, question: str) -> bool:
    """A worked example that states its result and has every number of the pupil's task (or the task
    is not known): quoting it could hand over the pupil's own answer."""
    task = numbers(question)  # no numbers ("just tell me the answer"): the task is unknown
    return states_result(evidence.unit.text) and task <= numbers(evidence.unit.text)


class ExtractiveBackend:
    """Quotes and cites the sentence that answers; needs no model server."""

    name = "extractive"
    is_local = True

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        texts = _texts(ui(request.language)._)
        original = self._quoted_in_original(request)
        if request.maths is not None:
            yield from self._maths(request, texts, original)
            return
        statements = [e for e in request.evidence if e.unit.kind == "statement"]
        examples = [e for e in request.evidence if e.unit.kind == "example"]
        if request.pedagogy == "socratic" and request.homework:
            yield from self._homework(request, texts, original, statements, examples)
            return
        if not request.evidence:
            yield texts["nothing"]
            return
        best = request.evidence[0]
        parts = [texts["lead_quoted" if original else "lead"], _quote(best)]
        second = self._second(request, best)
        if second is not None:
            parts.append(_quote(second))
        parts.append(texts.get(question_type(request.question) or "other", texts["other"]))
        yield "\n\n".join(parts)

    @staticmethod
    def _quoted_in_original(request: GenerationRequest) -> bool:
        languages = {str(p.metadata.get("language") or "") for p in request.passages}
        return bool(request.passages) and request.language not in languages

    @staticmethod
    def _second(request: GenerationRequest, best: Evidence) -> Evidence | None:
        """A second quote when it is nearly as good: from the same passage (the same subject: a lake's
        depth next to its area), or, for a comparison ("vahe arterite ja veenide vahel"), the other
        side from this or another passage (a unit keeps its dependent sentences, so each side keeps its
        own subject). Never a unit from another passage about a look-alike subject otherwise."""
        comparison = bool(_COMPARISON.search(request.question))
        for other in request.evidence[1:]:
            if other.score < SECOND_UNIT_RATIO * best.score or other.unit.kind != "statement":
                continue
            if comparison or other.unit.passage == best.unit.passage:
                return other
        return None

    def _maths(self, request: GenerationRequest, texts: dict[str, str], original: bool) -> Iterator[str]:
        maths = request.maths
        assert maths is not None
        parts = []
        example = next((e for e in request.evidence if e.unit.kind == "example"), None)
        if request.pedagogy == "socratic" and request.homework and example is not None \
                and _solves_task(example, request.question):
            # the pupil's own task worked out: a method sentence instead, and the pupil does the steps
            example = next((e for e in request.evidence if not states_result(e.unit.text)), None)
        if maths.kind == "start" and example is not None:
            lead = "method" if example.unit.kind == "example" else "lead"
            parts += [texts[f"{lead}_quoted" if original else lead], _quote(example)]
        parts.append(maths.text)
        yield "\n\n".join(parts)

    def _homework(self, request: GenerationRequest, texts: dict[str, str], original: bool,
                  statements: list[Evidence], examples: list[Evidence]) -> Iterator[str]:
        examples = [e for e in examples if not _solves_task(e, request.question)]
        if examples:
            yield "\n\n".join([texts["method_quoted" if original else "method"], _quote(examples[0]), texts["next_step"]])
            return
        usable = [e for e in statements if not states_result(e.unit.text)]
        if not usable:
            yield texts["nothing"]
            return
        yield "\n\n".join([texts["lead_quoted" if original else "lead"], _quote(usable[0]), texts["hint"]])
