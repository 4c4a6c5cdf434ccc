"""The password policy: long enough, and not easy to guess (zxcvbn).

zxcvbn estimates how many guesses an attacker needs, knowing common and breached passwords,
names, words, keyboard patterns, dates, repeats and l33t spellings. A password must score at
least :data:`MIN_SCORE` ("safely unguessable" against an attacker who has the password hashes);
the user's own name counts as a known word. The policy is the same in the app and the CLI.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

MIN_LENGTH = 10
MIN_SCORE = 3  # zxcvbn's scale is 0-4
_SCORED_CHARS = 72  # zxcvbn refuses longer input; the first 72 characters decide
_WORDS = ("localtutor", "tutor", "password", "parool", "пароль", "kool", "school", "школа")
_lock = threading.Lock()  # zxcvbn keeps the user's words in a module-level dictionary


def password_problem(password: str, *, user_inputs: Iterable[str] = ()) -> str | None:
    """None when ``password`` follows the policy, else why not: ``short_password`` or ``weak_password``.

    ``user_inputs`` are words an attacker would try first, e.g. the user name.
    """
    if len(password) < MIN_LENGTH:
        return "short_password"
    from zxcvbn import zxcvbn

    words = [*_WORDS]
    for value in user_inputs:
        words.append(value)
        words.extend(part for part in re.split(r"[._@+\-\s]+", value) if len(part) > 2)
    with _lock:
        score = int(zxcvbn(password[:_SCORED_CHARS], user_inputs=words)["score"])
    return "weak_password" if score < MIN_SCORE else None
