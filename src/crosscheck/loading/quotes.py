"""Whether a quote occurs in its report's text, and the closest passage when it does not.

Quotes are matched exactly, except for white space. A quote that does not occur gets a hint
naming the passage it most resembles, found in about linear time in the text: each text is
normalised and indexed once for all its quotes (`Quotes` keeps the last few), and the work per
quote is bounded (see `_closest_passage`).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

import attrs

from crosscheck.loading.problems import shortened

__all__ = ["Quotes"]


_HINT_CHARACTERS = 500
"""A longer quote is cut to its words within this many characters to look for its closest
passage; whether it occurs is checked with the whole of it."""
_LOOKUPS = 4_000
"""The most occurrences in the text of a quote's words, rarest words first, that vote for where
the quote may come from."""
_ALIGNMENTS = 4
"""The most places voted for that are compared letter by letter with a quote."""
_SHIFTS = 2
"""How many words earlier and later than the best of them a quote is compared, too (where a
word is missing or added, or the quote is longer than its passage)."""
_NOT_IN_KEY = re.compile(r"[^\w ]+")


def _spaced(text: str) -> str:
    """`text` with each run of white space made one space, the way quotes are matched."""
    return " ".join(text.split())


def _composed(text: str) -> str:
    """`text` in Unicode's composed form (NFC), the way quotes are matched when they differ
    from their text only in how their characters are composed."""
    return unicodedata.normalize("NFC", text)


def _keys(spaced: str) -> list[str]:
    """The words of a normalised text, folded to compare: lower case, without punctuation."""
    return _NOT_IN_KEY.sub("", spaced.lower()).split(" ") if spaced else []


@attrs.frozen
class _Words:
    """A text with its white space normalised and its words indexed by their folded form."""

    text: str
    starts: list[int]
    """Where each word of `text` starts; last, the length of `text` plus one."""
    where: dict[str, list[int]]
    """The positions, in order, of the words that fold to each key."""

    @classmethod
    def of(cls, spaced: str) -> _Words:
        """Index `spaced`, a text with its white space normalised."""
        starts, at = [0], 0
        for word in spaced.split():
            at += len(word) + 1
            starts.append(at)
        where: dict[str, list[int]] = {}
        for position, key in enumerate(_keys(spaced)):
            if key:
                where.setdefault(key, []).append(position)
        return cls(spaced, starts, where)

    def passage(self, start: int, size: int) -> str:
        """The `size` words from word `start` on (fewer at the end of the text)."""
        end = min(len(self.starts) - 1, start + size)
        return self.text[self.starts[start] : max(self.starts[start], self.starts[end] - 1)]


def _closest_passage(words: _Words, wanted: str) -> str:
    """Hint at the passage of the text indexed in `words` that `wanted` (a quote, white space
    normalised) most resembles: a run of as many words as it has that reads at least half like
    it (difflib's ratio), else that there is none.

    The places where the quote's words occur in the text, rarest words first, vote for where
    the quote would start; the few places voted for most are compared letter by letter. So the
    work per quote is bounded — at most `_LOOKUPS` votes and `_ALIGNMENTS + 2 × _SHIFTS`
    comparisons of at most `_HINT_CHARACTERS` characters. Of passages alike, the earliest is
    named."""
    if len(wanted) > _HINT_CHARACTERS:
        cut = wanted[: _HINT_CHARACTERS + 1]
        wanted = cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]
    size = max(1, len(wanted.split()))
    last = max(0, len(words.starts) - 1 - size)
    found = sorted((len(words.where[key]), j, key) for j, key in enumerate(_keys(wanted))
                   if key in words.where)  # fmt: skip
    votes: Counter[int] = Counter()
    budget = _LOOKUPS
    for _, j, key in found:
        positions = words.where[key][:budget]
        votes.update(i - j for i in positions)
        budget -= len(positions)
        if budget <= 0:
            break
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best, best_start, best_ratio = "", 0, 0.0

    def compare(start: int) -> None:
        nonlocal best, best_start, best_ratio
        candidate = words.passage(start, size)
        matcher.set_seq1(candidate)
        if matcher.quick_ratio() < best_ratio or (ratio := matcher.ratio()) < best_ratio:
            return
        if ratio > best_ratio or start < best_start:
            best, best_start, best_ratio = candidate, start, ratio

    aligned = sorted({min(last, max(0, start)) for start, _ in votes.most_common(_ALIGNMENTS)})
    for start in aligned:
        compare(start)
    if best_ratio > 0:
        for start in range(max(0, best_start - _SHIFTS), min(last, best_start + _SHIFTS) + 1):
            if start not in aligned:
                compare(start)
    if best_ratio < 0.5:
        return "no similar passage; check it was copied from this report"
    return (
        f"closest passage: {shortened(best)!r}; quotes are matched exactly, except for white space"
    )


@attrs.define
class Quotes:
    """Quote lookups over the texts of one load.

    The last few texts seen stay normalised and indexed, so the claims of a report, which come
    together in both formats, cost one pass over its text; the caches belong to the load and go
    with it."""

    _spaced: Callable[[str], str] = attrs.field(
        init=False, factory=lambda: functools.lru_cache(maxsize=4)(_spaced)
    )
    _composed: Callable[[str], str] = attrs.field(
        init=False, factory=lambda: functools.lru_cache(maxsize=2)(_composed)
    )
    _words: Callable[[str], _Words] = attrs.field(
        init=False, factory=lambda: functools.lru_cache(maxsize=2)(_Words.of)
    )

    def occurs(self, text: str, quote: str) -> bool:
        """Whether `quote`, its white space normalised, occurs in `text` (a quote found as
        written is found with the text's white space normalised too). The same characters
        composed differently (é as one code point or as e and an accent, Unicode's NFC and
        NFD) are the same passage: a quote copied from a browser may come either way."""
        wanted = " ".join(quote.split())
        if not wanted:
            return False
        if wanted in text or wanted in self._spaced(text):
            return True
        return unicodedata.normalize("NFC", wanted) in self._composed(self._spaced(text))

    def closest(self, text: str, quote: str) -> str:
        """A hint at the passage of `text` that `quote` most resembles, or that there is none."""
        return _closest_passage(self._words(self._spaced(text)), " ".join(quote.split()))
