"""A claim's roles — source, agents, patient, place — as canonical ids, whatever names the
curator wrote them with."""

from __future__ import annotations

from typing import Protocol

import attrs

__all__ = ["ResolvedRoles", "Roles"]


class Roles(Protocol):
    """A claim's roles as canonical ids: `Context.roles` gives a claim whose names are all ids
    already as its own roles, and `ResolvedRoles` for one whose names needed resolving."""

    @property
    def source(self) -> str: ...
    @property
    def agents(self) -> tuple[str, ...]: ...
    @property
    def patient(self) -> str | None: ...
    @property
    def place(self) -> str | None: ...


@attrs.frozen
class ResolvedRoles:
    """The roles of a claim that names an actor or place by alias, resolved to ids."""

    source: str
    agents: tuple[str, ...]
    patient: str | None
    place: str | None
