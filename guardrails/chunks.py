"""Curriculum passages are data: sentences in them that address the model are neutralised.

A passage never carries authority. Sentences that match an injection rule (``guardrails/rules``,
checkpoint ``chunk``) are removed; sentences that talk to or about the model are compared with
reference sentences (injected instructions vs ordinary exercise instructions) by embedding.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words that address the model or talk about its behaviour. In a document, only sentences with such a
# cue are embedded and compared with injected-instruction and exercise-instruction references
# (``GuardModel.injection_margin``): paraphrases are caught without embedding every sentence,
# and "Solve the exercise" / "Lahenda ülesanne" never reach the semantic check.
_MODEL_CUE = re.compile(
    r"\b(?:ai|a\.i\.|artificial intelligence|assistant|chat ?bot|bot|language model|llm|gpt|model|tutor|system|"
    r"you are|you're|your (?:answers?|responses?|repl(?:y|ies)|output|instructions|rules|guidelines|task|role|"
    r"programming|policy|configuration|prompt|constraints|guidance|directions)|from now on|from this point|henceforth|"
    r"ignore|disregard|forget|override|bypass|pretend|reveal|no longer|whoever (?:is )?(?:reading|summari[sz]ing|processing))\b"
    r"|\b(?:tehisintellekt\w*|tehisaru\w*|keelemudel\w*|assistent\w*|juturobot\w*|vestlusrobot\w*|robot\w*|edaspidi|"
    r"nüüdsest|sinu (?:vastus\w*|ülesan\w*|reegl\w*|juhis\w*|juhtnöör\w*|seadistus\w*|piirang\w*)|vastates|unusta\w*|"
    r"ignoreeri\w*|eira|ära järgi|ei kehti|piiranguteta|avalda\w*)"
    r"|(?:искусственн\w* интеллект\w*|\bии\b|ассистент\w*|нейросет\w*|языков\w* модел\w*|чат-?бот\w*|\bбот\w*|"
    r"отныне|с этого момента|\bтво(?:й|я|ё|е|и|его|ей|их)\b|отвечай|игнорируй|забудь|не действуют|без ограничений|раскрой)"
    r"|\b(?:ki|ab sofort|vorgaben|anweisungen|assistent)\b"
)


def addresses_model(text: str) -> bool:
    """True when a sentence talks to or about the model (a cue for the semantic injection check)."""
    return _MODEL_CUE.search(text.casefold()) is not None


# Sentence-ish spans, so that a chunk keeps its teaching content and loses only the injected part.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*\n?|\n")


def neutralise(text: str, is_injection: Callable[[str], bool]) -> tuple[str, bool]:
    """Replace each instruction-like sentence of ``text`` with a marker; return (text, changed)."""
    out: list[str] = []
    changed = False
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if sentence.strip() and is_injection(sentence):
            changed = True
            out.append("[removed: instruction-like text in source material] " + ("\n" if sentence.endswith("\n") else ""))
        else:
            out.append(sentence)
    return "".join(out), changed

