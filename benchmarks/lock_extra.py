"""Keep from a pip-compile output only the packages that requirements.lock does not pin already.

``make lock`` compiles the ``bench`` extra against requirements.lock; what both files pin would
otherwise be pinned twice, and a later change of the main lock could be undone by ``make bench``.
Usage: python benchmarks/lock_extra.py COMPILED MAIN_LOCK > requirements-bench.lock
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==")


def blocks(text: str) -> list[tuple[str | None, str]]:
    """(package name or None, text) for each requirement block (a pin line and its hash lines)."""
    out: list[tuple[str | None, list[str]]] = []
    for line in text.splitlines():
        match = _PIN.match(line)
        if match:
            out.append((match.group(1).lower(), [line]))
        elif out and line.startswith((" ", "\t")):
            out[-1][1].append(line)
        else:
            out.append((None, [line]))
    return [(name, "\n".join(lines)) for name, lines in out]


def main() -> None:
    compiled, main_lock = (Path(p).read_text(encoding="utf-8") for p in sys.argv[1:3])
    pinned = {name for name, _ in blocks(main_lock) if name}
    kept = [text for name, text in blocks(compiled) if name not in pinned and not (name is None and "via" in text)]
    print("# The bench extra (matplotlib), pinned with hashes against requirements.lock: `make lock` writes it.")
    print("\n".join(t for t in kept if not t.startswith("#")))


if __name__ == "__main__":
    main()
