"""Evidence selection: which sentences of the retrieved passages answer the question.

One stage for every backend. Passages are cut into *units*: a statement together with the
sentences that depend on it ("See ...", "Therefore ..."), a worked example from its start to its
answer line, a heading, or a review question. Review questions and headings are never evidence;
a worked example is whole or not at all. Each candidate unit is scored by a small learned ranker
(``tutor/data/answer_models.json``, trained by ``python -m tutor.train_answers``) over features such
as embedding similarity, stemmed-word overlap, the question type (who, when, how many ...) and
whether the numbers and names of the question occur in the unit.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from curriculum.language import with_diacritics
from curriculum.lexical import query_terms, tokenize
from curriculum.retrieval import RetrievedChunk

MODELS_PATH = Path(__file__).with_name("data") / "answer_models.json"

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[\"'«„(]?[A-ZÕÄÖÜŠŽА-ЯЁ0-9])")
_REVIEW_SECTION = re.compile(
    r"kontrolli end|kordamis|küsimused|ülesanded|harjutused|check yourself|review questions|questions|exercises|"
    r"проверь себя|вопросы|задания|упражнения", re.IGNORECASE)
_EXAMPLE_START = re.compile(r"^\s*(näide|naide|example|пример)\b", re.IGNORECASE)
_EXAMPLE_END = re.compile(r"\b(vastus|answer|ответ)\s*[:.]", re.IGNORECASE)
# A sentence that leans on the one before it: kept with it, so no answer splices two subjects.
_DEPENDENT = re.compile(
    r"^(see|selle|sellel|sellest|seda|sellega|selles|sel|seal|need|nende|ta|tema|teda|temale|nad|neil|oma|"
    r"seetõttu|seepärast|seega|samuti|lisaks|"
    r"kuid|aga|ent|siis|sellele|neid|this|these|those|it|its|they|their|therefore|however|also|thus|so|"
    r"это|этот|эта|эти|он|она|они|его|её|их|поэтому|однако|также|кроме того)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def as_the_passages_spell_it(question: str, passages: Sequence[RetrievedChunk], language: str) -> str:
    """An Estonian question typed without diacritics ("yhes baidis") respelt after the passages ("ühes")."""
    return with_diacritics(question, (p.text for p in passages)) if language == "et" else question


def numbers(text: str) -> set[str]:
    """The numbers written in a text ("3", "9,6", "1.5"), as written."""
    return set(_NUMBER.findall(text))

_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_MONTH = re.compile(
    r"\b(jaanuar|veebruar|märts|aprill|mai|juuni|juuli|august|september|oktoober|november|detsember|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|sajand|century)",
    re.IGNORECASE)
_NAME = re.compile(r"(?<=[a-zõäöüšž,;:]\s)[A-ZÕÄÖÜŠŽ][a-zõäöüšž]+")
# A sentence that defines a term: "X-i nimetatakse ...", "X on ...", "X is called", "X называется / — это".
_DEFINITION_OF = re.compile(r"\b(nimetatakse|nimetati|tähendab|ehk|is called|are called|is defined|means|"
                            r"называется|называют|означает)\b|^\S+(?:\s\S+)?\s(?:on|is|are)\s|\s[—–]\s*это\b",
                            re.IGNORECASE)

QUESTION_TYPES: dict[str, re.Pattern[str]] = {
    "who": re.compile(r"\b(kes|kelle|kellele|who|whom|whose|кто|кого|кем|кому)\b", re.IGNORECASE),
    "when": re.compile(r"\b(millal|mis aastal|mis ajal|mis kuupäeval|mis sajandil|when|what year|what date|"
                       r"which century|когда|в каком году|какого числа|в каком веке)\b", re.IGNORECASE),
    "where": re.compile(r"\b(kus|kuhu|kust|where|где|куда|откуда)\b", re.IGNORECASE),
    "count": re.compile(r"\b(mitu|mitme|kui palju|kui suur|kui kaua|kui pikk|kui sügav|kui kaugel|kui kõrge|kui vana|"
                        r"kui raske|how many|how much|how big|how long|how deep|how large|how far|how high|how old|"
                        r"how heavy|сколько|какова|каков|какой площади|какой длины|какой высоты|какое расстояние)\b",
                        re.IGNORECASE),
    "why": re.compile(r"\b(miks|mispärast|why|почему|зачем)\b", re.IGNORECASE),
    "what": re.compile(r"\b(mis|mida tähendab|milline|millised|what|which|что|какой|какая|какое|какие)\b",
                       re.IGNORECASE),
}
FEATURES = (
    "similarity", "similarity_gap", "similarity_rank", "overlap", "overlap_idf", "overlap_gap", "density",
    "rare", "numbers", "number_clash", "names", "who", "when", "where", "count", "what", "definition",
    "example", "passage_rank", "position", "length", "heading_overlap", "coverage_with_heading",
)
MAX_UNIT_SENTENCES = 3


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a passage: one statement with its dependent sentences, or a worked example."""

    passage: int  # 1-based number of the passage in the request
    position: int  # order in its passage
    text: str
    kind: str  # "statement" | "example" | "question" | "heading" | "fragment"


@dataclass(frozen=True)
class Evidence:
    """A unit chosen to answer, with its score (ranker probability) and the features it was scored on."""

    unit: Unit
    score: float
    features: tuple[float, ...] = field(default=(), compare=False, repr=False)

    def feature(self, name: str) -> float:
        return self.features[FEATURES.index(name)] if self.features else 0.0


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage (the one splitter of the answer stage)."""
    out = []
    for line in text.splitlines():
        line = line.strip(" \t-•*")
        if line:
            out.extend(s.strip() for s in _SENTENCE.split(line) if s.strip())
    return out


def _is_fragment(sentence: str) -> bool:
    """A table row, a list of symbols or a stub: nothing a pupil can read as an answer."""
    letters = sum(ch.isalpha() for ch in sentence)
    return sentence.startswith("|") or len(sentence.split()) < 3 or letters < 0.6 * len(sentence.replace(" ", ""))


def _is_heading(sentence: str) -> bool:
    if sentence.startswith("#"):
        return True
    words = sentence.split()
    return len(words) < 8 and not sentence.endswith((".", "!", "?", "…", ":", ")", "»", "”", '"'))


def _depends(sentence: str, previous: str, language: str) -> bool:
    """A sentence that cannot stand alone: it opens with a pronoun or connective ("See", "Therefore"),
    or with a noun the previous sentence introduced ("Teos ilmus 1687" after "... teose Principia")."""
    if len(_SENTENCE.split(previous)) >= MAX_UNIT_SENTENCES:
        return False
    if _DEPENDENT.match(sentence):
        return True
    first = sentence.split()[0].strip(",.;:") if sentence.split() else ""
    stems = set(tokenize(first, language))
    return bool(stems) and len(first) > 3 and bool(stems & set(tokenize(previous, language)))


def segment(chunk: RetrievedChunk, number: int) -> list[Unit]:
    """The units of one passage, in reading order."""
    language = str(chunk.metadata.get("language") or "et")
    review = bool(_REVIEW_SECTION.search(chunk.section or ""))
    units: list[Unit] = []
    example: list[str] | None = None
    for sentence in split_sentences(chunk.text):
        if example is not None:
            example.append(sentence)
            if _EXAMPLE_END.search(sentence):
                units.append(Unit(number, len(units), " ".join(example), "example"))
                example = None
            continue
        if _EXAMPLE_START.match(sentence) and not review:
            example = [sentence]
            if _EXAMPLE_END.search(sentence):
                units.append(Unit(number, len(units), sentence, "example"))
                example = None
            continue
        if _is_fragment(sentence):
            units.append(Unit(number, len(units), sentence, "fragment"))
        elif _is_heading(sentence):
            units.append(Unit(number, len(units), sentence.lstrip("# "), "heading"))
        elif review or sentence.endswith("?"):
            units.append(Unit(number, len(units), sentence, "question"))
        elif units and units[-1].kind == "statement" and _depends(sentence, units[-1].text, language):
            last = units[-1]
            units[-1] = Unit(number, last.position, f"{last.text} {sentence}", "statement")
        else:
            units.append(Unit(number, len(units), sentence, "statement"))
    # An example cut off by the end of the passage is not shown at all (never half a method).
    return units


def question_type(question: str) -> str | None:
    """who | when | where | count | why | what, or None."""
    for name, pattern in QUESTION_TYPES.items():
        if pattern.search(question):
            return name
    return None


_PERSON = re.compile(r"\b[A-ZÕÄÖÜŠŽА-ЯЁ][a-zõäöüšžа-яё]+(?:\s+[A-ZÕÄÖÜŠŽА-ЯЁ][a-zõäöüšžа-яё]+)+")


def _persons(text: str) -> set[str]:
    """Runs of two or more capitalised words not at the start of a sentence ("Elias Lönnrot",
    "Friedrich Reinhold Kreutzwald"): what a "who" question asks for."""
    found = set()
    for sentence in split_sentences(text):
        for m in _PERSON.finditer(sentence):
            if m.start() > 0:
                found.add(m.group(0)[:6].lower())
    return found


def _names(text: str) -> set[str]:
    return {m.group(0)[:6].lower() for m in _NAME.finditer(" " + text)}


def features(question: str, units: Sequence[Unit], similarities: np.ndarray, languages: Sequence[str],
             passage_ranks: Sequence[int], headings: Sequence[str] = ()) -> np.ndarray:
    """The ranker's feature matrix, one row per unit (see ``FEATURES``); some are relative to the
    other candidates of the same question (the gap to the best similarity or overlap). ``headings``:
    each unit's context (``contexts``: heading and the statement before it)."""
    qterms = set(query_terms(question))
    qnumbers = numbers(question)
    qnames = _names(question) | {w[:6].lower() for w in re.findall(r"\b[A-ZÕÄÖÜŠŽ][a-zõäöüšž]{3,}", question[1:])}
    qtype = question_type(question)
    known_persons = _persons(question) | qnames  # a "who" answer names someone the question does not
    unit_terms = [set(tokenize(u.text, lang)) | set(tokenize(u.text, "en")) for u, lang in zip(units, languages, strict=True)]
    df: dict[str, int] = {}
    for terms in unit_terms:
        for t in terms & qterms:
            df[t] = df.get(t, 0) + 1
    n = max(len(units), 1)
    idf = {t: float(np.log(1 + n / df.get(t, 0.5))) for t in qterms}
    idf_all = sum(idf.values()) or 1.0
    sims = np.asarray(similarities, dtype=np.float64) if len(similarities) else np.zeros(len(units))
    order = np.argsort(-sims)
    rank_of = {int(i): r for r, i in enumerate(order)}
    overlaps = np.array([sum(idf[t] for t in qterms & terms) / idf_all for terms in unit_terms])
    rows = []
    for i, (unit, terms) in enumerate(zip(units, unit_terms, strict=True)):
        matched = qterms & terms
        unit_numbers = numbers(unit.text)
        text = unit.text
        unit_names = _names(text) | {w[:6].lower() for w in re.findall(r"[A-ZÕÄÖÜŠŽ][a-zõäöüšž]{3,}", text)}
        rows.append([
            sims[i],
            sims.max() - sims[i],
            1.0 / (1 + rank_of.get(i, n)),
            len(matched) / max(len(qterms), 1),
            overlaps[i],
            overlaps.max() - overlaps[i],
            len(matched) / max(len({t for t in terms if not t.startswith("~")}), 1),
            max((idf[t] for t in matched), default=0.0) / max(max(idf.values(), default=1.0), 1e-6),
            len(qnumbers & unit_numbers) / max(len(qnumbers), 1) if qnumbers else 0.0,
            1.0 if qnumbers and unit_numbers and not (qnumbers & unit_numbers) else 0.0,
            len(qnames & unit_names) / max(len(qnames), 1) if qnames else 0.0,
            float(qtype == "who" and bool(_persons(text) - known_persons)),
            float(qtype == "when" and bool(_YEAR.search(text) or _MONTH.search(text))),
            float(qtype == "where" and bool(_NAME.search(" " + text))),
            float(qtype == "count" and bool(unit_numbers)),
            float(qtype == "what"),
            float(bool(matched) and bool(_DEFINITION_OF.search(text))),
            float(unit.kind == "example"),
            1.0 / passage_ranks[i],
            1.0 / (1 + unit.position),
            min(len(text), 400) / 400,
            _heading_overlap(qterms, idf, idf_all, headings[i] if headings else "", languages[i]),
            _heading_overlap(qterms, idf, idf_all, f"{headings[i] if headings else ''} {text}", languages[i]),
        ])
    return np.array(rows, dtype=np.float64).reshape(len(units), len(FEATURES))


def _heading_overlap(qterms: set[str], idf: dict[str, float], idf_all: float, heading: str, language: str) -> float:
    """How much of the question the passage's title and section name: "Võrtsjärv" for a unit that
    only says "Järve pindala on 270 km²"."""
    if not heading:
        return 0.0
    terms = set(tokenize(heading, language)) | set(tokenize(heading, "en"))
    return sum(idf[t] for t in qterms & terms) / idf_all


def heading_of(chunk: RetrievedChunk) -> str:
    """The title and section a passage sits under."""
    return " ".join(x for x in (chunk.title, chunk.section or "") if x)


def contexts(units: Sequence[Unit], passages: Sequence[RetrievedChunk],
             segmented: dict[int, list[Unit]] | None = None) -> list[str]:
    """What a unit's reader has just read: its passage's heading and the statement before it. A unit
    such as "The epic appeared in 1835. It was compiled by ..." names its subject only there.
    ``segmented``: the passages' units by passage number, when the caller has them already."""
    segmented = {} if segmented is None else segmented
    out = []
    for unit in units:
        chunk = passages[unit.passage - 1]
        siblings = segmented.setdefault(unit.passage, segment(chunk, unit.passage))
        before = [u.text for u in siblings[: unit.position] if u.kind in ("statement", "example")]
        out.append(f"{heading_of(chunk)} {before[-1] if before else ''}".strip())
    return out


@lru_cache(maxsize=1)
def _models(path: Path = MODELS_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def ranker_scores(x: np.ndarray, models: dict[str, Any] | None = None) -> np.ndarray:
    """Probability that each unit states the answer (logistic ranker; a plain blend if untrained)."""
    model = (models if models is not None else _models()).get("ranker")
    if not model or tuple(model.get("features", ())) != FEATURES:  # untrained, or trained on other features
        weights = np.zeros(len(FEATURES))
        weights[FEATURES.index("similarity_rank")] = 2.0
        weights[FEATURES.index("overlap_idf")] = 2.0
        weights[FEATURES.index("passage_rank")] = 1.0
        return 1 / (1 + np.exp(-(x @ weights - 2.0)))
    mean, scale = np.array(model["mean"]), np.array(model["scale"])
    z = (x - mean) / scale
    return 1 / (1 + np.exp(-(z @ np.array(model["coef"]) + model["intercept"])))


class UnitEmbeddings:
    """Passage embeddings of units, cached by text (the same passages come back again and again)."""

    def __init__(self, embedder: Any, size: int = 4096) -> None:
        self.embedder = embedder
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            vectors = np.asarray(self.embedder.embed_passages(list(missing)), dtype=np.float32)
            with self._lock:
                for text, vec in zip(missing, vectors, strict=True):
                    self._cache[text] = vec
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        with self._lock:
            return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1), np.float32)


MAX_CANDIDATES = 24  # units embedded per question (the cost of an answer is mostly these embeddings)


def rank_units(question: str, passages: Sequence[RetrievedChunk], query_embedding: np.ndarray | None,
               embed: UnitEmbeddings | None, *, max_passages: int = 3) -> list[Evidence]:
    """Every candidate unit of the first passages, best first (headings and review questions excluded)."""
    units: list[Unit] = []
    languages: list[str] = []
    segmented = {number: segment(chunk, number) for number, chunk in enumerate(passages[:max_passages], start=1)}
    for number, chunk in enumerate(passages[:max_passages], start=1):
        for unit in segmented[number]:
            if unit.kind in ("statement", "example"):
                units.append(unit)
                languages.append(str(chunk.metadata.get("language") or "et"))
    if not units:
        return []
    qterms = set(query_terms(question))
    # Cheap first cut by word overlap and passage rank, so that at most MAX_CANDIDATES units are embedded.
    pre = [len(qterms & set(tokenize(u.text, lang))) - 0.5 * (u.passage - 1) for u, lang in zip(units, languages, strict=True)]
    keep = sorted(np.argsort(-np.array(pre), kind="stable")[:MAX_CANDIDATES].tolist())
    units = [units[i] for i in keep]
    languages = [languages[i] for i in keep]
    headings = contexts(units, passages, segmented)
    if embed is not None and query_embedding is not None:
        similarities = embed([u.text for u in units]) @ np.asarray(query_embedding, dtype=np.float32)
    else:
        similarities = np.zeros(len(units))
    x = features(question, units, similarities, languages, [u.passage for u in units], headings)
    scores = ranker_scores(x)
    order = np.argsort(-scores, kind="stable")
    return [Evidence(units[i], float(scores[i]), tuple(float(v) for v in x[i])) for i in order]
