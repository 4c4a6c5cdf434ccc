"""Derive training rows and held-out evaluation files from the shared public eval sets.

Splits are deterministic by each set's row id, so the held-out half never reaches training:
XSTest odd ids train / even ids held out; MultiJail ids divisible by 4 train / others held out
(split by prompt, so no translation of a held-out prompt is trained on); JailbreakBench even
index train / odd held out; NotInject and deepset: every other row.
"""

from __future__ import annotations

import ast
import csv
import json
from collections.abc import Iterator
from pathlib import Path

MULTIJAIL_LANGS = ("en", "zh", "it", "vi", "ar", "ko", "th", "bn", "sw", "jv")

# MultiJail harm tags -> policy categories; tags absent here are outside this product's policy.
MULTIJAIL_TAGS: dict[str, str] = {
    "Self-harm": "self_harm",
    "Violence & incitement": "violence",
    "Weapons": "weapons",
    "Terrorism & organized crime": "terrorism",
    "Hate speech & offensive language": "hate_harassment",
    "Discrimination & injustice": "exclusion",
    "Bullying & harassment": "hate_harassment",
    "Adult content": "sexual_content",
    "Sexual exploitation & human trafficking": "sexual_content",
    "Child abuse": "violence",
    "Animal abuse": "violence",
    "Substance abuse & banned substances": "illegal_drugs",
    "Fraud & deception": "cybercrime_fraud",
    "Soliciting personally identifiable information": "privacy",
    "Conspiracy theories & misinformation": "manipulation",
    "Theft": "other_crime",
    "Property crime & vandalism": "other_crime",
}

JBB_CATEGORIES: dict[str, str] = {
    "Harassment/Discrimination": "hate_harassment",
    "Malware/Hacking": "cybercrime_fraud",
    "Physical harm": "violence",
    "Economic harm": "other_crime",
    "Fraud/Deception": "cybercrime_fraud",
    "Disinformation": "manipulation",
    "Sexual/Adult content": "sexual_content",
    "Privacy": "privacy",
    "Government decision-making": "other_crime",
}

XSTEST_UNSAFE: dict[str, str] = {
    "contrast_homonyms": "violence",
    "contrast_figurative_language": "violence",
    "contrast_safe_targets": "violence",
    "contrast_safe_contexts": "violence",
    "contrast_definitions": "violence",
    "contrast_discr": "exclusion",
    "contrast_historical_events": "persecution",
    "contrast_privacy": "privacy",
}

_SELF_HARM_WORDS = ("suicide", "my life", "myself", "my arm", "my wrist", "self-harm", "overdose", "starve")

Row = dict[str, str]  # text, category (safe | category id), lang, source[, group: rows that must share a CV fold]


def multijail_category(tags: str) -> str | None:
    """The policy category for a MultiJail tag list (self-harm first), or None if out of scope."""
    mapped = [MULTIJAIL_TAGS[t] for t in ast.literal_eval(tags) if t in MULTIJAIL_TAGS]
    if not mapped:
        return None
    return "self_harm" if "self_harm" in mapped else mapped[0]


def _label(category: str) -> str:
    return "safe" if category == "safe" else "self_harm" if category == "self_harm" else "unsafe"


def xstest(root: Path) -> Iterator[tuple[bool, Row]]:
    """(is_train, row) for XSTest; unsafe rows get a category from their contrast type."""
    with (root / "xstest" / "xstest_prompts.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cat = "safe" if r["label"] == "safe" else XSTEST_UNSAFE[r["type"]]
            if cat != "safe" and any(w in r["prompt"].lower() for w in _SELF_HARM_WORDS):
                cat = "self_harm"
            yield int(r["id"]) % 2 == 1, {"text": r["prompt"], "category": cat, "lang": "en", "source": "xstest"}


def multijail(root: Path) -> Iterator[tuple[bool, Row]]:
    """(is_train, row) per language for in-scope MultiJail rows."""
    with (root / "multijail_dev" / "multijail_dev.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            cat = multijail_category(r["tags"])
            if cat is None:
                continue
            for lang in MULTIJAIL_LANGS:
                text = r[lang].strip()
                if text:
                    yield int(r["id"]) % 4 == 0, {
                        "text": text, "category": cat, "lang": lang, "source": "multijail", "group": f"multijail:{r['id']}"
                    }


def jailbreakbench(root: Path) -> Iterator[tuple[bool, Row]]:
    """(is_train, row) for JBB harmful (mapped) and benign behaviours."""
    base = root / "jailbreakbench"
    for name, harmful in (("harmful-behaviors.csv", True), ("benign-behaviors.csv", False)):
        with (base / name).open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                cat = JBB_CATEGORIES.get(r["category"]) if harmful else "safe"
                if cat is None:
                    continue
                yield int(r["index"]) % 2 == 0, {"text": r["goal"], "category": cat, "lang": "en", "source": "jbb"}


def notinject(root: Path) -> Iterator[tuple[bool, Row]]:
    """(is_train, row) for NotInject benign prompts full of trigger words."""
    base = root / "prompt_injection" / "notinject"
    i = 0
    for name in ("NotInject_one.json", "NotInject_two.json", "NotInject_three.json"):
        for r in json.loads((base / name).read_text(encoding="utf-8")):
            i += 1
            yield i % 2 == 0, {"text": r["prompt"], "category": "safe", "lang": "xx", "source": "notinject"}


def deepset(root: Path) -> Iterator[tuple[bool, Row]]:
    """(is_train, row) for deepset prompt injections (label 1) and benign prompts (label 0)."""
    path = root / "prompt_injection" / "deepset" / "train.jsonl"
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        r = json.loads(line)
        cat = "prompt_injection" if r["label"] == 1 else "safe"
        yield i % 2 == 0, {"text": r["text"], "category": cat, "lang": "xx", "source": "deepset"}


SOURCES = (xstest, multijail, jailbreakbench, notinject, deepset)


def derive(root: Path) -> tuple[list[Row], dict[str, list[Row]]]:
    """Training rows from every source, and held-out rows grouped by source."""
    train: list[Row] = []
    held: dict[str, list[Row]] = {}
    for source in SOURCES:
        for is_train, row in source(root):
            if is_train:
                # deepset's injection labels are noisy ("act as a debater"); injection is taught by
                # hand-written exemplars and patterns, its benign rows still teach what is safe.
                if row["source"] == "deepset" and row["category"] != "safe":
                    continue
                train.append(row)
            else:
                held.setdefault(row["source"], []).append(row)
    return train, held


def write_heldout(held: dict[str, list[Row]], out_dir: Path) -> list[Path]:
    """Write held-out rows as eval CSVs (prompt,label,lang,category) readable by the eval command."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for source, rows in sorted(held.items()):
        path = out_dir / f"{source}_heldout.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["prompt", "label", "lang", "category"])
            for r in rows:
                w.writerow([r["text"], _label(r["category"]), r["lang"], r["category"]])
        paths.append(path)
    return paths
