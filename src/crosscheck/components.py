"""Connected components over ids: the one union-find every grouping in crosscheck uses —
incidents, breakdowns of totals, claim groups, chains of tolls, control disputes, parts."""

from __future__ import annotations

__all__ = ["Components"]


class Components:
    """Connected components over ids (union-find): join ids, then ask for each one's root.

    A root is the smallest id of its component, so components come out the same whatever the
    order of the joins. An id never joined is its own root and costs nothing.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def root(self, item: str) -> str:
        """The smallest id in `item`'s component."""
        parent = self._parent
        while (up := parent.get(item, item)) != item:
            parent[item] = parent.get(up, up)
            item = up
        return item

    def join(self, a: str, b: str) -> None:
        """Put `a` and `b` in one component."""
        first, second = self.root(a), self.root(b)
        if first != second:
            self._parent[max(first, second)] = min(first, second)
