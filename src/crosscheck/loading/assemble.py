"""The one skeleton of loading, whatever the format: read, check, and build a Dataset or refuse.

A format (`crosscheck.loading.toml`, `crosscheck.loading.jsonl`) knows how its files are laid
out and read; `assemble` does the rest the same way for both: it indexes actors and places,
checks their `part_of`, `within` and `aligned_with` references, has the format hand over its
reports and claims to one `Checker`, finishes what only the whole dataset can tell, checks the
acceptances, and either raises one `DatasetError` listing every problem in file and line order,
or returns the Dataset. Nothing is returned half-loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from crosscheck.loading.checks import Checker, check_acceptances
from crosscheck.loading.converter import Intake, Listing
from crosscheck.loading.directory import Directory
from crosscheck.loading.problems import DatasetError, problem_order
from crosscheck.model import Acceptance, Actor, Claim, Dataset, Place, Report

__all__ = ["Format", "assemble"]


class Format(Protocol):
    """What a file format reads for `assemble`, reporting to the intake what it cannot read."""

    @property
    def texts_optional(self) -> bool:
        """Whether a report may come without its text (its quotes then go unchecked)."""
        ...

    def actors(self, intake: Intake) -> Listing[Actor]: ...

    def places(self, intake: Intake) -> Listing[Place]: ...

    def reports_and_claims(
        self, intake: Intake, checker: Checker
    ) -> tuple[Iterable[Report], list[Claim]]:
        """Every report and claim that could be read, each report given to
        `checker.report` and each claim entry to `checker.claim`."""
        ...

    def acceptances(self, intake: Intake) -> Listing[Acceptance]: ...


def assemble(source: Format, intake: Intake) -> Dataset:
    """Load the dataset `source` reads, with the problems of `intake` (the format's converter,
    and any problem found before) and every problem found here."""
    actors = Directory.build(intake, "actors", source.actors(intake))
    places = Directory.build(intake, "places", source.places(intake))
    actors.check_tree(intake, "part_of", actors)
    places.check_tree(intake, "within", places)
    for where, actor in actors.entries:
        actors.resolve_all(intake, actors.path, f"{where}.aligned_with", actor.aligned_with)
    checker = Checker(intake, actors, places, texts_optional=source.texts_optional)
    reports, claims = source.reports_and_claims(intake, checker)
    claims = checker.finish(claims)
    acceptances = source.acceptances(intake)
    accepted = check_acceptances(intake, acceptances.path, acceptances.entries)
    if intake.problems:
        raise DatasetError(sorted(set(intake.problems), key=problem_order))
    return Dataset(
        reports=reports,
        actors=(actor for _, actor in actors.entries),
        places=(place for _, place in places.entries),
        claims=claims,
        accepted=accepted,
    )
