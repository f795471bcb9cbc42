"""The one converter of crosscheck's file formats, and the first pass of loading.

`make_converter` structures TOML tables and JSON objects into the entries of
`crosscheck.loading.schema` and the model's actors, places and acceptances, and unstructures them
back: it rejects unknown keys and never coerces one type into another. The TOML format uses it
as it is; the bulk format with ISO strings for dates (`iso_dates`). Each structuring failure
becomes a `Problem` through `Intake`, which collects the problems of a whole load.
"""

from __future__ import annotations

import datetime
import enum
import functools
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar, get_args, get_origin

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote

from crosscheck.loading.problems import Problem, describe, quoted_cut, with_id
from crosscheck.loading.schema import AsOf, ClaimEntry, Names, Published, QuantityEntry, WhenEntry
from crosscheck.model import Actor
from crosscheck.names import did_you_mean

__all__ = ["FieldError", "Intake", "Listing", "identity_of", "make_converter", "structure_problems"]


class FieldError(ValueError):
    """A value of the wrong shape; its message already reads 'expected …, found …'."""


def _expected(what: str, value: object, hint: str = "") -> FieldError:
    return FieldError(f"expected {what}, found {describe(value)}" + (f" ({hint})" if hint else ""))


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _expected("a string", value, "put it in quotes")
    return value


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _expected("a number", value, "write it without quotes, e.g. 480 or inf")
    if isinstance(value, int) and abs(value) >= 10**15:
        raise _expected(
            "a number below a million billion", value, "no figure in a report is larger"
        )
    if isinstance(value, float) and math.isnan(value):
        raise _expected("a number", value, "nan is not one; write the bounds the report allows")
    return float(value)


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expected("true or false", value, "write it without quotes")
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        hint = "write a bare TOML date such as 2020-03-03, without quotes"
        raise _expected("a date", value, hint)
    return value


_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_moment(value: object, iso: bool) -> datetime.datetime | datetime.date:
    """A day or a moment with its UTC offset; with `iso`, written as an ISO string."""
    if iso and isinstance(value, str):
        try:
            value = (datetime.datetime.fromisoformat(value) if _ISO_MOMENT.match(value)
                     else _iso_day(value))  # fmt: skip
        except ValueError:
            raise _expected(
                "a date", value, 'write it as "2020-03-03" or "2020-03-03T16:20:00+03:00"'
            ) from None
    if isinstance(value, datetime.datetime):
        if value.utcoffset() is None:
            raise _expected("a date-time with its UTC offset", value,
                            "add the offset, e.g. 2022-04-08T16:20:00+03:00")  # fmt: skip
        return value
    if isinstance(value, datetime.date):
        return value
    hint = (
        'write it as "2020-03-03" or "2020-03-03T16:20:00+03:00"'
        if iso
        else "write a bare TOML date such as 2020-03-03, without quotes, or a date-time with "
        "its UTC offset such as 2020-03-03T16:20:00+03:00"
    )
    raise _expected("a date", value, hint)


def _structure_names(value: object, _: type) -> Names:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise _expected("a name or a list of names", value, 'write "a" or ["a", "b"]')


def _structure_enum(value: object, kind: type[enum.StrEnum]) -> enum.StrEnum:
    choices = [member.value for member in kind]
    if isinstance(value, str) and value in choices:
        return kind(value)
    hint = did_you_mean(value, choices) if isinstance(value, str) else ""
    raise _expected(f"one of {', '.join(choices)}", value, hint)


_E = TypeVar("_E")


def _structure_union(
    converter: cattrs.Converter, entry: type[_E], what: str
) -> Callable[[object, type], str | _E | None]:
    def structure(value: object, _: type) -> str | _E | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            return converter.structure(value, entry)
        raise _expected(what, value)

    return structure


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_tuple_factory(kind: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    item = get_args(kind)[0]

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            hint = "use [[…]] for a list of tables" if isinstance(value, dict) else ""
            raise _expected("a list", value, hint or 'write it as ["…", "…"]')
        items, errors = [], []
        for index, element in enumerate(value):
            try:
                items.append(converter.structure(element, item))
            except Exception as error:  # collected and re-raised as a group
                note = IterableValidationNote(f"Structuring {kind} @ index {index}", index, item)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(items)

    return structure


_iso_day = functools.lru_cache(maxsize=1 << 12)(datetime.date.fromisoformat)
"""Bulk files date a million reports on a few thousand days: one `date` object per day."""


def _structure_iso_date(value: object, _: type) -> datetime.date:
    if isinstance(value, str):
        try:
            return _iso_day(value)
        except ValueError:
            pass
    raise _expected("a date", value, 'write it as "2020-03-03"')


def make_converter(*, iso_dates: bool = False) -> cattrs.Converter:
    """Return the converter for crosscheck's file formats, with every hook registered.

    It rejects unknown keys, never coerces one type into another (a number is not a string, a
    string is not a date), and omits default values when writing. TOML has dates of its own;
    with `iso_dates` (for JSON) dates are ISO strings both ways.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(
        datetime.date, _structure_iso_date if iso_dates else _structure_date
    )
    converter.register_structure_hook(enum.StrEnum, _structure_enum)  # more specific than str
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _structure_tuple_factory)
    for entry, example in ((QuantityEntry, "'at least six'"), (WhenEntry, "'on Monday'")):
        hook = _structure_union(converter, entry, f"a wording such as {example} or a table")
        converter.register_structure_hook(str | entry | None, hook)
    converter.register_structure_hook(Names, _structure_names)
    converter.register_structure_hook(
        Published, lambda value, _: _structure_moment(value, iso_dates)
    )
    when_hook = _structure_union(converter, WhenEntry, "a wording such as 'on Sunday' or a table")

    def as_of(value: object, kind: type) -> AsOf:
        if isinstance(value, datetime.date) or (iso_dates and isinstance(value, str) and (
                _ISO_MOMENT.match(value) or _ISO_DAY.fullmatch(value))):  # fmt: skip
            return _structure_moment(value, iso_dates)
        return when_hook(value, kind)

    converter.register_structure_hook(AsOf, as_of)
    actor_fields = cattrs.gen.make_dict_structure_fn(
        Actor, converter, _cattrs_forbid_extra_keys=True
    )

    def actor(value: object, kind: type) -> Actor:
        if isinstance(value, dict) and isinstance(value.get("aligned_with"), str):
            value = {**value, "aligned_with": [value["aligned_with"]]}
        return actor_fields(value, kind)  # type: ignore[arg-type]

    converter.register_structure_hook(Actor, actor)
    unstructure_actor = cattrs.gen.make_dict_unstructure_fn(
        Actor, converter, _cattrs_omit_if_default=True
    )

    def actor_out(item: Actor) -> dict[str, Any]:
        found = unstructure_actor(item)
        if len(item.aligned_with) == 1:
            found["aligned_with"] = item.aligned_with[0]
        return found

    converter.register_unstructure_hook(Actor, actor_out)
    moment = (lambda at: at.isoformat()) if iso_dates else (lambda at: at)
    converter.register_unstructure_hook(datetime.datetime, moment)
    converter.register_unstructure_hook(
        datetime.date, (lambda day: day.isoformat()) if iso_dates else (lambda day: day)
    )
    return converter


def _format_exception(error: BaseException, kind: type | None) -> str:
    if isinstance(error, FieldError):
        return str(error)
    if isinstance(error, KeyError):
        return "expected a value, found nothing (this key is required)"
    if isinstance(error, ForbiddenExtraKeysError):
        allowed = [field.name for field in attrs.fields(error.cl)]
        found = ", ".join(repr(key) for key in sorted(error.extra_fields))
        hints = [did_you_mean(key, allowed) for key in sorted(error.extra_fields)]
        hint = "; ".join(h for h in hints if h) or f"allowed keys: {', '.join(allowed)}"
        return f"expected only known keys, found {found} ({hint})"
    if isinstance(error, AttributeError | TypeError):
        return "expected a table, found a value of another kind"
    if isinstance(error, ValueError) and str(error).startswith("expected "):
        return str(error)  # a model's own invariant, already worded as a problem
    return cattrs.v.format_exception(error, kind)


def structure_problems(file: str, error: Exception, where: str) -> Iterator[Problem]:
    root = f"$.{where}" if where else "$"
    for line in cattrs.transform_error(error, path=root, format_exception=_format_exception):
        message, _, path = line.rpartition(" @ ")
        yield Problem(file, path.removeprefix("$").removeprefix("."), message)


_F = TypeVar("_F")


@attrs.frozen
class Listing(Generic[_F]):
    """The entries of one file, as far as they could be read."""

    path: Path
    entries: Sequence[tuple[str, _F]] = ()
    """Each good entry with where it stands in the file (``actors[3]``, ``line 4``)."""
    broken: Sequence[object] = ()
    """The raw values of the entries that could not be read, for their ids and names."""
    available: bool = True
    """False when the file itself could not be read: then references to it go unchecked."""

    @property
    def broken_ids(self) -> set[str]:
        """The ids of the broken entries that have one: references to them are not reported
        again."""
        return {found for raw in self.broken if (found := identity_of(raw)) is not None}


def identity_of(raw: object) -> str | None:
    """The id of an entry as read, before structuring, when it has one."""
    found = raw.get("id") if isinstance(raw, dict) else None
    return found if isinstance(found, str) else None


@attrs.define
class Intake:
    """The first pass: values read from files to typed entries, one entry at a time,
    collecting every problem (it reads no file itself)."""

    converter: cattrs.Converter = attrs.field(factory=make_converter)
    problems: list[Problem] = attrs.field(factory=list)

    def add(self, path: Path, where: str, message: str) -> None:
        self.problems.append(Problem(str(path), where, quoted_cut(message)))

    def one(self, path: Path, value: object, kind: type[_F], where: str) -> _F | None:
        """Structure `value` as `kind`, or record why not and return None."""
        if value is None:
            self.add(path, where, f"expected a [{where}] table, found nothing")
            return None
        try:
            return self.converter.structure(value, kind)
        except Exception as error:  # every structuring failure becomes a Problem
            identity = identity_of(value)
            claim = identity is not None and issubclass(kind, ClaimEntry)
            named = with_id(where, identity) if claim and identity is not None else where
            self.problems.extend(
                attrs.evolve(problem, message=quoted_cut(problem.message))
                for problem in structure_problems(str(path), error, named)
            )
            return None

    def many(
        self, path: Path, document: Mapping[str, Any] | None, key: str, kind: type[_F]
    ) -> Listing[_F]:
        """Structure each entry of the array `key` of `document`, read from `path` (None when
        it could not be read): the good ones with where they stand (``key[3]``), and the
        broken."""
        if document is None:
            return Listing(path, available=False)
        value = document.get(key, [])
        if not isinstance(value, list):
            self.add(
                path,
                key,
                str(_expected("an array of tables", value, f"write each entry under [[{key}]]")),
            )
            return Listing(path)
        good: list[tuple[str, _F]] = []
        broken: list[object] = []
        for index, item in enumerate(value):
            where = f"{key}[{index}]"
            entry = self.one(path, item, kind, where)
            if entry is None:
                broken.append(item)
            else:
                good.append((where, entry))
        return Listing(path, good, broken)
