"""The run, as a library call: select the rules, load the dataset, check it, review the findings.

`crosscheck run` is this function and a renderer; a newsroom's own script or notebook gets the
same run, with the same errors, from Python::

    import crosscheck

    result = crosscheck.run("fixtures/kramatorsk-2022", select=["QTY"], fail_on="warning")
    for finding in result.review.active:
        print(finding.message)
    if result.review.failing(result.fail_on):
        ...

Every error is a `crosscheck.CrosscheckError`: `DatasetError` for a dataset with problems,
`RuleError` for a selection that leaves no rule (saying why), `RuleFailedError` for a rule that
raised.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import attrs

from crosscheck.engine import check
from crosscheck.findings import Finding, Severity
from crosscheck.loading import load
from crosscheck.locations import Locations
from crosscheck.model import Claim, Dataset, Report
from crosscheck.partition import merged
from crosscheck.registry import Rule, RuleError, load_rules, select_rules
from crosscheck.render import Run
from crosscheck.review import review
from crosscheck.sameness import Window

if TYPE_CHECKING:
    from crosscheck.imports import Streamed

__all__ = ["in_process", "nothing_chosen", "run"]


class Checker(Protocol):
    """How the chosen rules are run over a dataset: in this process, or on a cluster. A
    checker written for 0.1, of the dataset and the rules only, is still called so when no
    window is set."""

    def __call__(
        self, dataset: Dataset, rules: Sequence[Rule], window: Window | None = None
    ) -> list[Finding]: ...


def in_process(
    dataset: Dataset, rules: Sequence[Rule], window: Window | None = None
) -> list[Finding]:
    """The chosen rules run over `dataset` in this process: `run`'s default checker."""
    return check(dataset, rules=rules, preview=True, window=window)


def run(
    path: str | os.PathLike[str],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    preview: bool = False,
    fail_on: Severity | str | None = Severity.ERROR,
    rules: Sequence[Rule] | None = None,
    checker: Checker = in_process,
    progress: Callable[[int, int], None] | None = None,
    per_report_ignores: Mapping[str, Iterable[str]] | None = None,
    layout: str | None = None,
    window: Window | None = None,
    stream: bool = False,
) -> Run:
    """Check the dataset at `path` with the selected rules and review the findings against its
    accepted ones: what `crosscheck run` renders.

    `select` and `ignore` take codes, prefixes and names as `crosscheck.check` does; `fail_on`
    is the least severe active finding that fails the run (a `Severity`, its name, or None or
    "never" for none); `rules` replaces the registered rules; `checker` runs them (by default
    in this process — `crosscheck.cluster` runs them on Dask); `progress` is called while a
    bulk dataset's claims are read; `per_report_ignores` maps report-id patterns
    (shell-style) to rule selectors whose findings are not reported when every claim they cite
    comes from a matching report; `layout` ("ged", "acled") reads `path` as a coded export
    of that layout instead of a dataset folder (`crosscheck.imports`), and findings point at
    its rows; `window` lets sameness be inferred across dates and places a little apart
    (`crosscheck.sameness.Window`); `stream`, with `layout` and the in-process checker,
    checks the export a few thousand rows at a time (`crosscheck.imports.stream_export`) and
    keeps of it only what the findings cite — the run's `dataset` — and how much it held
    (`Run.counted`): the same findings in a fraction of the memory, for every format but the
    HTML report, which shows the whole. Raises `RuleError` when the selection leaves no rule,
    `DatasetError` when the dataset has problems.
    """
    registered = load_rules() if rules is None else tuple(rules)
    if not registered:
        raise RuleError("expected rules to run, found none registered (reinstall crosscheck)")
    selected = None if select is None else list(select)
    ignored = list(ignore)
    chosen = select_rules(registered, selected, ignored, preview=preview)
    if not chosen:
        raise RuleError(nothing_chosen(registered, selected, ignored, preview))
    failing = None if fail_on in (None, "never") else Severity(fail_on)
    locations: Mapping[str, tuple[str, int]]
    counted = None
    if layout is not None and stream and checker is in_process:
        from crosscheck.imports import stream_export

        streamed = stream_export(layout, Path(path))
        findings, dataset = _check_parts(streamed, chosen, window)
        locations, counted = streamed.locations(dataset), (streamed.reports, streamed.claims)
    else:
        if layout is None:
            dataset = load(path, progress)
            locations = Locations(Path(path))
        else:
            from crosscheck.imports import read_export

            imported = read_export(layout, Path(path))
            dataset, locations = imported.dataset, imported.locations()
        findings = checker(dataset, chosen) if window is None else checker(dataset, chosen, window)
    # Acceptances of rules that did not run are not judged; those naming no registered rule
    # can never match again, so they are judged (and found stale).
    unknown = {a.code for a in dataset.accepted} - {r.code for r in registered}
    reviewed = review(findings, dataset.accepted, ran={r.code for r in chosen} | unknown)
    if per_report_ignores:  # after the review: an acceptance of an ignored finding still holds
        kept = _without_ignored(reviewed.active, registered, per_report_ignores)
        reviewed = attrs.evolve(reviewed, active=tuple(kept))
    return Run(
        dataset_path=os.fspath(path),
        dataset=dataset,
        review=reviewed,
        rules=chosen,
        locations=locations,
        fail_on=failing,
        window=window,
        counted=counted,
    )


def _check_parts(
    streamed: Streamed, rules: Sequence[Rule], window: Window | None
) -> tuple[list[Finding], Dataset]:
    """`in_process` over each part of a streamed export, the findings merged and sorted, with
    the dataset of every actor and place and the claims (and their reports) the findings cite."""
    reports: dict[str, Report] = {}
    claims: dict[str, Claim] = {}

    def each_part() -> Iterator[list[Finding]]:
        for part in streamed.parts():
            found = in_process(part, rules, window)
            cited = {claim.id for finding in found for claim in finding.claims}
            for claim in part.claims:
                if claim.id in cited:
                    claims[claim.id] = claim
                    reports.setdefault(claim.report, part.report(claim.report))
            yield found

    findings = merged(each_part())
    dataset = Dataset(tuple(reports.values()), streamed.actors, streamed.places,
                      tuple(claims.values()))  # fmt: skip
    return findings, dataset


def _without_ignored(
    findings: Sequence[Finding], registered: Sequence[Rule], ignores: Mapping[str, Iterable[str]]
) -> list[Finding]:
    """`findings` without those a per-report ignore covers: of a rule it lists (any registered
    rule, whether it ran or not), citing only claims from reports whose id matches its
    pattern."""
    codes = {pattern: {r.code for r in select_rules(registered, list(selectors), [],
                                                     preview=True)}
             for pattern, selectors in ignores.items()}  # fmt: skip

    def ignored(finding: Finding) -> bool:
        return any(
            finding.code in covered
            and all(fnmatch.fnmatchcase(claim.report, pattern) for claim in finding.claims)
            for pattern, covered in codes.items()
        )

    return [finding for finding in findings if not ignored(finding)]


def nothing_chosen(
    registered: Sequence[Rule], selected: Sequence[str] | None, ignored: Sequence[str],
    preview: bool,
) -> str:  # fmt: skip
    """Why a selection leaves no rule to run, in words, with what would fix it."""
    chose = "" if selected is None else f"--select {','.join(selected)} "
    if not preview and select_rules(registered, selected, ignored, preview=True):
        if selected is None:
            return (
                f"--ignore {','.join(ignored)} leaves only preview rules; add --preview to run them"
            )
        return f"{chose}chose only preview rules; add --preview to run them"
    if ignored:
        every = "every rule --select chose" if selected else "every rule that would run"
        return f"{chose}--ignore {','.join(ignored)} leaves no rule to run: it removes {every}"
    return f"{chose}leaves no rule to run"
