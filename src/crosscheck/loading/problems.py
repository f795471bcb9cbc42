"""The one-line problems a curator sees, and how they are located, ordered and kept short.

Every check of both file formats reports through a `Problem`: the file, the path inside it
(``claims[4] (meo-seven-killed).quantity``, ``line 12 (c-12).when``) and a message that reads
"expected …, found … (hint)". A dataset with problems is refused as a whole with a
`DatasetError` that lists every one of them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Final

import attrs

from crosscheck.errors import CrosscheckError

__all__ = [
    "SHOWN_CHARACTERS",
    "DatasetError",
    "Problem",
    "describe",
    "problem_order",
    "quoted_cut",
    "shortened",
    "shortened_chain",
    "with_id",
]


@attrs.frozen(order=True)
class Problem:
    """One thing wrong with a dataset, located by file and by path inside the file."""

    file: str
    path: str
    message: str
    """What was expected, what was found, and a hint in brackets."""

    def __str__(self) -> str:
        """``FILE: PATH: MESSAGE`` on one line: a line break or other control character in a
        file name or a value is shown escaped, never printed."""
        line = f"{self.file}: {self.path}: {self.message}" if self.path else (
            f"{self.file}: {self.message}")  # fmt: skip
        return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), line)


class DatasetError(CrosscheckError):
    """A dataset could not be loaded; `problems` lists every reason, one line each."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


SHOWN_CHARACTERS: Final = 60
"""The most characters of a value an error line repeats: enough to recognise it."""


def shortened(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """`text` cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_LONG_QUOTED = re.compile(
    rf"(?<![^\s(])'([^'\s][^'\n]{{{SHOWN_CHARACTERS},}})'(?=[\s),;]|$)"
    rf'|(?<![^\s(])"([^"\s][^"\n]{{{SHOWN_CHARACTERS},}})"(?=[\s),;]|$)'
)
"""A quoted value in a message: opened after a space or a bracket and closed before one or
before punctuation, never with a space inside the opening quote, so the text between two short
quoted values, or a quote mark inside a passage, is not taken for one."""


LONGEST_MESSAGE: Final = 480
"""The most characters a problem's message has, whatever it repeats: a cycle of 300 claims or
10,000 unknown keys is named by its start and its end."""


def quoted_cut(message: str) -> str:
    """`message` with every quoted value longer than SHOWN_CHARACTERS cut to that length — a
    problem's line repeats what was found, never a whole 20,000-character value — and, when it
    is still longer than LONGEST_MESSAGE (a long list, values quoted oddly), cut in the middle,
    keeping what was expected at its start and the hint at its end."""
    if len(message) <= 2 * SHOWN_CHARACTERS:
        return message

    def cut(match: re.Match[str]) -> str:
        quote = "'" if match[1] is not None else '"'
        return quote + shortened(match[1] or match[2] or "") + quote

    message = _LONG_QUOTED.sub(cut, message)
    if len(message) <= LONGEST_MESSAGE:
        return message
    head, tail = message[: LONGEST_MESSAGE * 2 // 3], message[-LONGEST_MESSAGE // 4 :]
    left = len(message) - len(head) - len(tail)
    return f"{head} … [{left:,} characters left out] … {tail}"


def describe(value: object) -> str:
    """Say what a TOML or JSON value is, for 'found …' in an error line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"the string {shortened(value)!r}"
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"the number {shortened(str(value), 20)} ({len(str(abs(value)))} digits)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


_POSITION = re.compile(r"(?:line )?(\d+)")
"""A step of a problem's path that is a position: "4" of claims[4], "line 225"."""
_NAMED = re.compile(r" \([^()]*\)")
"""A claim's id beside its position, "claims[4] (meo.seven)": its dots are no steps."""


def problem_order(problem: Problem) -> tuple[str, list[tuple[int, str]], str]:
    """Order problems by file, then by position in the file: claims[2] before claims[10], line
    225 before line 1000, whatever the claims' ids hold."""
    path = _NAMED.sub("", problem.path)
    steps = path.replace("[", ".").replace("]", "").split(".")
    return (
        problem.file,
        [(int(m[1]), s) if (m := _POSITION.fullmatch(s)) else (-1, s) for s in steps],
        problem.message,
    )


def shortened_chain(chain: list[str], keep: int = 6) -> list[str]:
    """A long chain of ids (a cycle of 300 claims) as its start, how many are left out, and its
    end."""
    if len(chain) <= 2 * keep:
        return chain
    return [*chain[:keep], f"… {len(chain) - 2 * keep} more …", *chain[-keep:]]


def with_id(where: str, identity: str) -> str:
    """Where a claim stands, with its id when it has one: ``claims[4] (meo-seven-killed)``,
    ``line 12 (c-12)``; a long id is shortened."""
    identity = " ".join(identity.split())
    return f"{where} ({shortened(identity, 40)})" if identity else where
