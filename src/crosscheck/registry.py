"""Rules: registration, discovery through entry points, and selection.

A rule is a plain function from a `crosscheck.engine.Context` to the violations it finds,
wrapped by the `rule` decorator with a stable code (a family prefix and digits, ``QTY001``), a
dotted name (``quantity.disjoint``), a default severity and a lifecycle. Its docstring is its
documentation and must have the sections listed in `SECTIONS`.

Rules are registered explicitly: a module lists its rules in a tuple, and the tuple is named by
an entry point in the group ``crosscheck.rules``. crosscheck's own rules load through that same
group, exactly as a third-party package's do::

    [project.entry-points."crosscheck.rules"]
    my_rules = "my_package.rules:RULES"
"""

from __future__ import annotations

import enum
import importlib.metadata
import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from crosscheck.errors import CrosscheckError
from crosscheck.findings import Severity, Violation
from crosscheck.names import did_you_mean

if TYPE_CHECKING:
    from crosscheck.engine import Context

__all__ = [
    "ENTRY_POINT_GROUP",
    "SECTIONS",
    "Lifecycle",
    "Rule",
    "RuleError",
    "RuleFailedError",
    "load_rules",
    "rule",
    "select_rules",
]

ENTRY_POINT_GROUP = "crosscheck.rules"
SECTIONS = ("What it flags", "Why it matters", "Flagged", "Not flagged")
"""The sections every rule's docstring has, each a heading underlined with dashes."""

_CODE = re.compile(r"[A-Z]{2,5}\d{3}")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*(?:\.[a-z]+(?:-[a-z]+)*)+")


class Lifecycle(enum.StrEnum):
    """Whether a rule runs by default (`stable`) or only when asked for (`preview`)."""

    STABLE = "stable"
    PREVIEW = "preview"


class RuleError(CrosscheckError, ValueError):
    """A rule that is badly declared, or a selection that names no rule."""


class RuleFailedError(CrosscheckError):
    """A rule (crosscheck's or a plugin's) raised an exception while checking: a bug in the
    rule, reported with its code and name by `crosscheck.check` and every command. The
    original exception is its ``__cause__``."""

    def __init__(self, code: str, name: str, error: str) -> None:
        super().__init__(f"rule {code} ({name}) failed: {error}")
        self.code, self.name, self.error = code, name, error

    def __reduce__(self) -> tuple[type[RuleFailedError], tuple[str, str, str]]:
        return type(self), (self.code, self.name, self.error)  # travels from a Dask worker


CheckFunction = Callable[["Context"], Iterable[Violation]]


@attrs.frozen
class Rule:
    """A registered rule: its identity, its default severity and the function that checks."""

    code: str
    name: str
    severity: Severity
    lifecycle: Lifecycle
    check: CheckFunction = attrs.field(eq=False, repr=False)
    doc: str = attrs.field(repr=False)

    @property
    def summary(self) -> str:
        """The first line of the rule's documentation."""
        return self.doc.split("\n", 1)[0]

    @property
    def family(self) -> str:
        """The code's letters: ``QTY`` for ``QTY001``."""
        return self.code.rstrip("0123456789")

    def section(self, heading: str) -> str:
        """The text of one section of the documentation, or "" when it has none."""
        match = re.search(rf"^{re.escape(heading)}\n-+\n(.*?)(?=^\S[^\n]*\n-+\n|\Z)", self.doc,
                          re.MULTILINE | re.DOTALL)  # fmt: skip
        return match[1].strip() if match else ""


def rule(
    code: str, name: str, severity: Severity, lifecycle: Lifecycle = Lifecycle.STABLE
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule; the decorated function's docstring becomes its documentation."""
    if not _CODE.fullmatch(code):
        raise RuleError(f"rule code {code!r} must be 2–5 capitals and 3 digits, like QTY001")
    if not _NAME.fullmatch(name):
        raise RuleError(f"rule name {name!r} must be dotted lower-case words, like quantity.x")

    def register(check: CheckFunction) -> Rule:
        doc = inspect.cleandoc(check.__doc__ or "")
        missing = [s for s in SECTIONS if not re.search(rf"^{re.escape(s)}\n-+$", doc, re.M)]
        if missing:
            raise RuleError(f"rule {code} ({name}) lacks docstring sections: {', '.join(missing)}")
        return Rule(code, name, severity, lifecycle, check, doc)

    return register


def load_rules(group: str = ENTRY_POINT_GROUP) -> tuple[Rule, ...]:
    """Load every rule registered in the entry-point `group`, sorted by code.

    Each entry point names a `Rule` or an iterable of them. Two rules with one code, or one
    name, are an error naming both sources.
    """
    found: dict[str, tuple[Rule, str]] = {}
    names: dict[str, str] = {}
    for entry_point in sorted(importlib.metadata.entry_points(group=group), key=_ep_key):
        loaded = entry_point.load()
        rules = [loaded] if isinstance(loaded, Rule) else list(loaded)
        for item in rules:
            if not isinstance(item, Rule):
                raise RuleError(f"entry point {entry_point.value!r} gives {item!r}, not a Rule")
            where = f"{entry_point.name} ({entry_point.value})"
            if item.code in found and found[item.code][0] is not item:
                raise RuleError(f"rule code {item.code} is declared by both "
                                f"{found[item.code][1]} and {where}")  # fmt: skip
            if names.setdefault(item.name, item.code) != item.code:
                raise RuleError(f"rule name {item.name} is used by {names[item.name]} and "
                                f"{item.code}")  # fmt: skip
            found[item.code] = (item, where)
    return tuple(item for _, (item, _) in sorted(found.items()))


def _ep_key(entry_point: importlib.metadata.EntryPoint) -> tuple[str, str]:
    return (entry_point.name, entry_point.value)


def select_rules(
    rules: Sequence[Rule],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    preview: bool = False,
) -> tuple[Rule, ...]:
    """Choose rules the way linters do.

    A selector is a code (``QTY001``), a code prefix (``QTY``, ``QTY00``), a dotted name
    (``quantity.disjoint``) or a name prefix ending at a dot boundary (``quantity``). With no
    `select`, every stable rule is chosen; preview rules join only with `preview` or when
    selected by their full code or name. `ignore` then removes rules. A selector that matches
    no rule is a `RuleError` with a did-you-mean hint.
    """
    select = None if select is None else ([select] if isinstance(select, str) else list(select))
    ignore = [ignore] if isinstance(ignore, str) else list(ignore or ())
    chosen = [r for r in rules if preview or r.lifecycle is Lifecycle.STABLE]
    if select is not None:
        chosen = [r for r in rules if any(_selects(s, r, preview) for s in _checked(select, rules))]
    dropped = set(_checked(ignore, rules))
    return tuple(r for r in chosen if not any(_matches(s, r) for s in dropped))


def _matches(selector: str, candidate: Rule) -> bool:
    return (
        candidate.code.startswith(selector.upper())
        or candidate.name == selector
        or candidate.name.startswith(selector + ".")
    )


def _selects(selector: str, candidate: Rule, preview: bool) -> bool:
    if candidate.lifecycle is Lifecycle.PREVIEW and not preview:
        return selector.upper() == candidate.code or selector == candidate.name
    return _matches(selector, candidate)


def _checked(selectors: Iterable[str], rules: Sequence[Rule]) -> Iterator[str]:
    for selector in selectors:
        if not any(_matches(selector, r) for r in rules):
            known = [r.code for r in rules] + [r.family for r in rules] + [r.name for r in rules]
            hint = did_you_mean(selector, known)
            raise RuleError(f"no rule matches {selector!r}" + (f"; {hint}" if hint else ""))
        yield selector
