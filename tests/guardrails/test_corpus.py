"""The training corpus is a first-class artifact: valid rows, coverage, splits without leaks, a current datasheet."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from guardrails import corpus
from guardrails.features import char_view

ROWS = corpus.load()


def test_corpus_has_the_size_and_languages_the_guard_needs() -> None:
    assert len(ROWS) >= 20_000
    by_lang = Counter(r.lang for r in ROWS)
    for lang in ("et", "ru", "en"):
        assert by_lang[lang] >= 5_000, by_lang


def test_every_label_is_covered_in_every_language_by_hand_written_rows() -> None:
    written = Counter((r.label, r.lang) for r in ROWS if r.source.startswith("batches") and "+" not in r.source)
    for label in corpus.LABELS:
        for lang in ("et", "ru", "en"):
            assert written[(label, lang)] >= 15, (label, lang, written[(label, lang)])


def test_protective_adults_and_conversations_are_in_the_corpus() -> None:
    for lang in ("et", "ru", "en"):
        assert sum(r.audience == "protective" and r.lang == lang for r in ROWS) >= 100
        assert sum(bool(r.turns) and r.lang == lang for r in ROWS) >= 100


def test_no_group_and_no_identical_text_spans_two_splits() -> None:
    split_of_group: dict[str, str] = {}
    split_of_view: dict[str, str] = {}
    for row in ROWS:
        assert split_of_group.setdefault(row.group, row.split) == row.split, row
        view = char_view(row.text)
        assert split_of_view.setdefault(view, row.split) == row.split, row.text


def test_register_variants_stay_with_their_original() -> None:
    originals = {r.text: r.split for r in ROWS if "+" not in r.source}
    variants = [r for r in ROWS if "+" in r.source]
    assert variants
    for row in variants:
        if row.origin in originals:
            assert originals[row.origin] == row.split


def test_splits_are_deterministic() -> None:
    again = corpus.load()
    assert [(r.text, r.split) for r in again] == [(r.text, r.split) for r in ROWS]


def test_datasheet_counts_are_current() -> None:
    text = (corpus.CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    assert corpus.stats(ROWS) in text, "run: python -m guardrails.corpus --write"


def test_a_malformed_batch_row_is_named(tmp_path: Path) -> None:
    (tmp_path / "x_01.jsonl").write_text('{"text": "hi", "label": "safe", "lang": "et"}\n'
                                         '{"text": "yo", "label": "unsafe-ish", "lang": "en"}\n', encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=r"x_01.jsonl:2: label"):
        corpus.batch_rows(tmp_path)
