"""The guard's training corpus: load every source, add register variants, group near duplicates, split.

``python -m guardrails.corpus`` prints the datasheet counts (``--write`` updates
``guardrails/corpus/README.md``). Sources, labels and the splitting rule are described there;
``guardrails/corpus/GUIDE.md`` is the label guide the batches were written from.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from guardrails.features import _char_hashes, char_view

CORPUS_DIR = Path(__file__).with_name("corpus")
DATA_DIR = Path(__file__).with_name("data")
LABELS = (
    "safe", "self_harm", "violence", "weapons", "cbrn_weapons", "terrorism", "persecution", "mass_surveillance",
    "exclusion", "manipulation", "privacy", "sexual_content", "hate_harassment", "illegal_drugs",
    "cybercrime_fraud", "other_crime", "minor_safety", "prompt_injection",
)
UNSAFE_UNKNOWN = "unsafe"  # harmful, category not recorded (older evaluation sets)
SPLITS = ("train", "dev", "test")
_LANGS = ("et", "ru", "en")


@dataclass(frozen=True)
class Row:
    """One labelled message (or a conversation: ``turns``, labelled for the last turn)."""

    text: str
    label: str
    lang: str
    audience: str = "pupil"
    intent: str = ""
    framing: str = ""
    register: str = ""
    topic: str = ""
    source: str = ""
    turns: tuple[str, ...] = ()
    origin: str = ""  # for register variants: the text they were made from
    group: str = ""  # set by ``assign_splits``
    split: str = ""

    @property
    def unsafe(self) -> bool:
        return self.label != "safe"

    @property
    def category(self) -> str | None:
        """The harm category, or None for safe rows and harmful rows without a recorded category."""
        return None if self.label in ("safe", UNSAFE_UNKNOWN) else self.label


class CorpusError(ValueError):
    """A batch row breaks the format of the label guide (the message names file and line)."""


# ------------------------------------------------------------------------------------ loading
def _batch_row(obj: dict, where: str) -> Row:
    turns = tuple(str(t) for t in obj.get("turns") or ())
    text = str(obj.get("text") or (turns[-1] if turns else "")).strip()
    label = str(obj.get("label", "")).strip()
    lang = str(obj.get("lang", "")).strip()
    if not text:
        raise CorpusError(f"{where}: empty text")
    if label not in LABELS:
        raise CorpusError(f"{where}: label {label!r} is not one of the guide's labels")
    if lang not in _LANGS:
        raise CorpusError(f"{where}: lang {lang!r} is not et, ru or en")
    audience = str(obj.get("audience") or "pupil")
    if audience not in ("pupil", "protective"):
        raise CorpusError(f"{where}: audience {audience!r} is not pupil or protective")
    return Row(text, label, lang, audience, str(obj.get("intent") or ""), str(obj.get("framing") or ""),
               str(obj.get("register") or ""), str(obj.get("topic") or ""), "batches", turns)


def batch_rows(folder: Path = CORPUS_DIR / "batches") -> list[Row]:
    """Rows written from the label guide (``batches/*.jsonl``)."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path.name}:{n}: not JSON ({exc.msg})") from exc
            rows.append(replace(_batch_row(obj, f"{path.name}:{n}"), source=f"batches/{path.stem.rsplit('_', 1)[0]}"))
    return rows


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def earlier_rows(data_dir: Path = DATA_DIR) -> list[Row]:
    """Wave 1's hand-written exemplars and its evaluation sets (all run once before they joined),
    and the training halves of the public sets (``data/derived_train.csv``, see SOURCES.md)."""
    rows = []
    for r in _csv(data_dir / "exemplars.csv"):
        if r["text"].strip() and r["category"] in LABELS:
            rows.append(Row(r["text"].strip(), r["category"], r["lang"], source="wave1/exemplars"))
    for path in sorted(data_dir.glob("eval_*.csv")):
        for r in _csv(path):
            label = {"unsafe": UNSAFE_UNKNOWN}.get(r["label"], r["label"])
            if r["prompt"].strip():
                rows.append(Row(r["prompt"].strip(), label, r.get("lang") or "en", source="wave1/evaluation"))
    for r in _csv(data_dir / "derived_train.csv"):
        if r["text"].strip() and r["category"] in LABELS:
            rows.append(Row(r["text"].strip(), r["category"], r["lang"], source=f"public/{r['source']}",
                            origin=r.get("group") or ""))
    for r in _csv(data_dir / "injection_exemplars.csv"):
        label = "prompt_injection" if r["label"] == "injection" else "safe"
        rows.append(Row(r["text"].strip(), label, r["lang"], source="wave1/document_sentences"))
    return rows


def joined_rows(folder: Path = CORPUS_DIR / "joined") -> list[Row]:
    """Blind evaluation sets that joined training after their first run (``joined/*.csv``, read as
    ``localtutor eval guardrails`` reads them: prompt, label safe/unsafe/self_harm, lang, optional
    history as a JSON list of earlier turns). Written by other hands than the batches, as pupils
    type; see ``joined/README.md``."""
    from guardrails.eval import read_csv  # the evaluation sets' own reader (it imports the guard)

    rows = []
    for path in sorted(folder.glob("*.csv")):
        read, errors = read_csv(path)
        if errors:
            raise CorpusError(f"{path.name}: {errors[0]}")
        for prompt, label, lang, history in read:
            if lang not in _LANGS:
                raise CorpusError(f"{path.name}: {prompt[:40]!r}: lang {lang!r} is not et, ru or en")
            text = prompt.strip()
            rows.append(Row(text, UNSAFE_UNKNOWN if label == "unsafe" else label, lang,
                            source=f"joined/{path.stem}", turns=(*history, text) if history else ()))
    return rows


# ------------------------------------------------------------------------------ register variants
_ET_STRIP = str.maketrans("õäöüšžÕÄÖÜŠŽ", "oaousz" "OAOUSZ")
# A second Latin spelling of Russian (different from the one the n-gram view uses), so that the
# embedding view sees the spellings pupils mix: "kh"/"h", "j"/"y", "ja"/"ya".
_RU_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "'",
    "э": "e", "ю": "ju", "я": "ja",
})


def _typos(text: str, rng: random.Random) -> str:
    chars = list(text)
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    for _ in range(max(1, len(letters) // 40)):
        if len(letters) < 4:
            break
        i = rng.choice(letters[:-1])
        op = rng.random()
        if op < 0.4 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op < 0.7:
            chars[i] = ""
        else:
            chars[i] = chars[i] * 2
    out = "".join(chars)
    return out.lower() if rng.random() < 0.5 else out


def variants(rows: Iterable[Row], seed: int = 13) -> list[Row]:
    """Register variants of hand-written rows, as pupils type: Estonian without diacritics, Russian
    in Latin letters, typos. Each keeps its origin, so it always lands in its original's split."""
    rng = random.Random(seed)
    out = []
    for row in rows:
        if row.turns or not row.source.startswith(("batches", "wave1", "joined")):
            continue
        origin = row.origin or row.text
        if row.lang == "et" and re.search("[õäöüšžÕÄÖÜŠŽ]", row.text):
            out.append(replace(row, text=row.text.translate(_ET_STRIP), register="no_diacritics",
                               source=row.source + "+no_diacritics", origin=origin))
        if row.lang == "ru" and re.search("[\u0400-\u04ff]", row.text) and rng.random() < 0.6:
            out.append(replace(row, text=row.text.lower().translate(_RU_LATIN), register="translit",
                               source=row.source + "+translit", origin=origin))
        if rng.random() < 0.25:
            out.append(replace(row, text=_typos(row.text, rng), register="typos", source=row.source + "+typos",
                               origin=origin))
    return out


# ------------------------------------------------------------------------- near duplicates, splits
def _minhash(texts: list[str], perms: int = 64, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**61, size=perms, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**61, size=perms, dtype=np.uint64)
    sig = np.zeros((len(texts), perms), dtype=np.uint64)
    for i, t in enumerate(texts):
        h = np.unique(_char_hashes(t))  # all 2-5-grams of the view
        if h.size == 0:
            continue
        sig[i] = (np.outer(h, a) + b).min(axis=0)
    return sig


def _shingles(view: str) -> set[str]:
    return {view[i : i + 5] for i in range(max(1, len(view) - 4))}


def assign_splits(rows: list[Row], jaccard: float = 0.7, dev: float = 0.1, test: float = 0.1) -> list[Row]:
    """Group exact and near duplicates (character 5-gram Jaccard >= ``jaccard`` on the spelling-robust
    view, MinHash-LSH candidates), keep register variants with their originals, and split by group:
    no group spans two splits. Deterministic: a group's split is a hash of its smallest member."""
    keys = [char_view(r.origin or r.text) for r in rows]
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    first: dict[str, int] = {}
    for i, key in enumerate(keys):  # identical views (and variants of one original)
        union(i, first.setdefault(key, i))
    for i, row in enumerate(rows):  # a variant that happens to spell another row exactly joins that row
        if row.origin:
            own = first.get(char_view(row.text))
            if own is not None:
                union(i, own)
    unique = sorted(first.values())
    sig = _minhash([keys[i] for i in unique])
    bands, width = 16, 4
    shingles: dict[int, set[str]] = {}
    for band in range(bands):
        buckets: dict[bytes, list[int]] = {}
        for pos, i in enumerate(unique):
            buckets.setdefault(sig[pos, band * width : (band + 1) * width].tobytes(), []).append(i)
        for members in buckets.values():
            if len(members) < 2 or len(members) > 200:
                continue
            for x in members[1:]:
                a, c = shingles.setdefault(members[0], _shingles(keys[members[0]])), shingles.setdefault(x, _shingles(keys[x]))
                if len(a & c) >= jaccard * len(a | c):
                    union(members[0], x)
    smallest: dict[int, str] = {}
    for i, key in enumerate(keys):
        root = find(i)
        smallest[root] = min(smallest.get(root, key), key)
    out = []
    for i, row in enumerate(rows):
        group = hashlib.sha1(smallest[find(i)].encode()).hexdigest()[:12]
        x = int(group, 16) / 16**12
        split = "test" if x < test else "dev" if x < test + dev else "train"
        out.append(replace(row, group=group, split=split))
    return out


def load(split: str | None = None, *, with_variants: bool = True, batches: Path | None = None) -> list[Row]:
    """The whole corpus (hand-written batches, earlier rows, register variants), split; or one split."""
    rows = batch_rows(batches or CORPUS_DIR / "batches") + earlier_rows() + joined_rows()
    if with_variants:
        rows += variants(rows)
    rows = assign_splits(rows)
    return [r for r in rows if split is None or r.split == split]


# ------------------------------------------------------------------------------------ datasheet
def stats(rows: list[Row]) -> str:
    """The datasheet's count tables (Markdown)."""
    def table(title: str, key, cols: tuple[str, ...]) -> list[str]:
        counts = Counter((key(r), r.lang if r.lang in _LANGS else "other") for r in rows)
        names = sorted({k for k, _ in counts}, key=lambda k: (-sum(counts[(k, c)] for c in cols + ("other",)), k))
        lines = [f"| {title} | " + " | ".join(cols) + " | other | all |", "|---" * (len(cols) + 3) + "|"]
        for name in names:
            cells = [counts[(name, c)] for c in cols + ("other",)]
            lines.append(f"| {name or '-'} | " + " | ".join(str(c) for c in cells) + f" | {sum(cells)} |")
        cells = [sum(v for (k, c), v in counts.items() if c == col) for col in cols + ("other",)]
        lines.append("| **all** | " + " | ".join(str(c) for c in cells) + f" | {sum(cells)} |")
        return lines

    parts = [
        *table("split", lambda r: r.split, _LANGS), "",
        *table("label", lambda r: r.label, _LANGS), "",
        *table("source", lambda r: r.source.split("+")[0], _LANGS), "",
        *table("register variant", lambda r: r.source.split("+")[1] if "+" in r.source else "as written", _LANGS), "",
        *table("audience", lambda r: r.audience, _LANGS), "",
        *table("framing (hand-written)", lambda r: r.framing if r.source.startswith("batches") and "+" not in r.source else "(not recorded)", _LANGS), "",
        *table("register (hand-written)", lambda r: r.register if r.source.startswith("batches") and "+" not in r.source else "(not recorded)", _LANGS), "",
        *table("intent (hand-written)", lambda r: r.intent if r.source.startswith("batches") and "+" not in r.source else "(not recorded)", _LANGS), "",
        *table("conversation", lambda r: "conversation (turns)" if r.turns else "single message", _LANGS),
    ]
    return "\n".join(parts)


_BEGIN, _END = "<!-- counts: begin (python -m guardrails.corpus --write) -->", "<!-- counts: end -->"


def update_datasheet(rows: list[Row], path: Path = CORPUS_DIR / "README.md") -> bool:
    """Replace the generated counts in the datasheet; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(_BEGIN)
    _, _, tail = rest.partition(_END)
    new = f"{head}{_BEGIN}\n{stats(rows)}\n{_END}{tail}"
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guardrails.corpus", description=__doc__)
    parser.add_argument("--write", action="store_true", help="update the counts in guardrails/corpus/README.md")
    args = parser.parse_args(argv)
    try:
        rows = load()
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.write:
        print("datasheet updated" if update_datasheet(rows) else "datasheet already up to date")
    else:
        print(stats(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
