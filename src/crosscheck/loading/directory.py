"""The actors or places of a dataset by every name they go by, and references checked against
them.

Names match regardless of case, accents and punctuation (`crosscheck.names.fold`); a name that
names two entries, an id defined twice, a reference to nothing and a `part_of` / `within` chain
that loops are problems. Entries that could not be read are remembered by name, so references
to them are not reported a second time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Generic, TypeVar

import attrs

from crosscheck.loading.converter import Intake, Listing
from crosscheck.loading.problems import shortened_chain
from crosscheck.model import Actor, Place
from crosscheck.names import did_you_mean, fold

__all__ = ["Directory"]

_N = TypeVar("_N", Actor, Place)


@attrs.define
class Directory(Generic[_N]):
    """The actors (or places) of a dataset, by every name, as far as they could be read."""

    path: Path
    table: str
    what: str
    entries: list[tuple[str, _N]]
    """Each entry with where it stands in its file (``actors[3]``, ``line 4``)."""
    available: bool
    """False when the file itself could not be read: then references go unchecked."""
    names: dict[str, str] = attrs.field(factory=dict)
    """Folded name → id."""
    broken: set[str] = attrs.field(factory=set)
    """Folded names of entries that could not be read: references to them are not errors."""

    @classmethod
    def build(cls, intake: Intake, table: str, listing: Listing[_N]) -> Directory[_N]:
        """Index the entries of `listing`, a file whose entries are `table` ("actors"), and
        remember the names of the broken ones."""
        directory = cls(
            listing.path, table, table.removesuffix("s"), list(listing.entries), listing.available
        )
        for item in listing.broken:
            if isinstance(item, dict):
                aliases: object = item.get("aliases")
                spellings: list[object] = [
                    item.get("id"),
                    item.get("name"),
                    *(aliases if isinstance(aliases, list) else ()),
                ]
                directory.broken |= {fold(s) for s in spellings if isinstance(s, str)}
        directory._index(intake)
        return directory

    def _index(self, intake: Intake) -> None:
        first_at: dict[str, str] = {}
        kept = []
        for where, item in self.entries:
            if item.id in first_at:
                intake.add(
                    self.path,
                    f"{where}.id",
                    f"expected a unique id, found "
                    f"{item.id!r} again (first defined at {first_at[item.id]})",
                )
                continue
            first_at[item.id] = where
            kept.append((where, item))
            for name in item.names:
                if not fold(name):
                    intake.add(self.path, where, f"expected names with letters or digits, "
                               f"found {name!r} (a name must be matchable)")  # fmt: skip
                    continue
                owner = self.names.setdefault(fold(name), item.id)
                if owner != item.id:
                    intake.add(
                        self.path,
                        where,
                        f"expected names that "
                        f"identify one {self.what}, found {name!r} also naming {owner!r} "
                        "(names match regardless of case, accents and punctuation)",
                    )
        self.entries = kept

    def resolve(self, intake: Intake, file: Path, where: str, name: str | None) -> str | None:
        """Return the id `name` names, recording a problem when it names nothing."""
        if name is None or not self.available:
            return None
        if not fold(name):
            message = f"expected the id or an alias of a known {self.what}, found {name!r}"
            intake.add(file, where, f"{message} (a name needs letters or digits)")
            return None
        found = self.names.get(fold(name))
        if found is None and fold(name) not in self.broken:
            spellings = [spelling for _, item in self.entries for spelling in item.names]
            hint = did_you_mean(name, spellings) or f"add it to {self.path.name}"
            intake.add(
                file, where, f"expected a known {self.what} id or alias, found {name!r} ({hint})"
            )
        return found

    def resolve_all(
        self, intake: Intake, file: Path, where: str, names: Sequence[str]
    ) -> list[str | None]:
        """Resolve several names (``where[0]``, ``where[1]``…; one name is at ``where``)."""
        if len(names) == 1:
            return [self.resolve(intake, file, where, names[0])]
        return [self.resolve(intake, file, f"{where}[{i}]", name) for i, name in enumerate(names)]

    def check_tree(self, intake: Intake, key: str, parents_from: Directory[_N]) -> None:
        """Check that every `key` reference (part_of, within) resolves and no chain loops."""
        parent: dict[str, str | None] = {}
        for where, item in self.entries:
            where = f"{where}.{key}"
            parent[item.id] = parents_from.resolve(intake, self.path, where, getattr(item, key))
        reported: set[frozenset[str]] = set()
        for where, item in self.entries:
            chain: list[str] = [item.id]
            current = parent.get(item.id)
            while current is not None and current not in chain:
                chain.append(current)
                current = parent.get(current)
            if current == item.id and frozenset(chain) not in reported:
                reported.add(frozenset(chain))
                cycle = " ⊂ ".join(shortened_chain([*chain, item.id]))
                intake.add(
                    self.path,
                    f"{where}.{key}",
                    f"expected a chain that "
                    f"ends, found a cycle {cycle} (one of these must not be {key} another)",
                )
