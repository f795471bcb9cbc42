"""Review: findings against accepted ones — active, suppressed, stale."""

from __future__ import annotations

import pytest

from crosscheck import Acceptance, CitedClaim, Finding, Severity
from crosscheck.positions import Position
from crosscheck.review import review


def finding(fingerprint: str, code: str = "QTY001", severity: Severity = Severity.ERROR) -> Finding:
    return Finding(code, "quantity.x", severity, "message", (), (), fingerprint)


ERROR, WARNING, INFO = (
    finding("e" * 16, "QTY001", Severity.ERROR),
    finding("w" * 16, "DAT001", Severity.WARNING),
    finding("i" * 16, "ATT001", Severity.INFO),
)


def test_unaccepted_findings_stay_active_in_order() -> None:
    """With nothing accepted every finding is active, in the order given."""
    result = review([ERROR, WARNING, INFO], [])
    assert result.active == (ERROR, WARNING, INFO)
    assert result.suppressed == ()
    assert result.stale == ()


def test_an_accepted_fingerprint_suppresses_its_finding() -> None:
    """A finding whose fingerprint is accepted moves to `suppressed`, paired with the acceptance."""
    acceptance = Acceptance(WARNING.fingerprint, "reviewed: two wordings of one figure", "DAT001")
    result = review([ERROR, WARNING], [acceptance])
    assert result.active == (ERROR,)
    assert result.suppressed == ((WARNING, acceptance),)
    assert result.stale == ()


def test_an_acceptance_matching_nothing_is_stale() -> None:
    """An acceptance whose fingerprint no finding has is reported stale, in file order."""
    first = Acceptance("0" * 16, "old", "QTY001")
    second = Acceptance("1" * 16, "older", "")
    result = review([ERROR], [first, second])
    assert result.stale == (first, second)


def test_acceptances_for_rules_that_did_not_run_are_not_judged() -> None:
    """An acceptance naming a rule outside `ran` is neither suppressed nor stale."""
    elsewhere = Acceptance("0" * 16, "accepted for another rule", "CTL001")
    result = review([ERROR], [elsewhere], ran={"QTY001"})
    assert result.stale == ()
    assert result.suppressed == ()


def test_an_acceptance_without_a_code_is_judged_stale_even_after_a_selection() -> None:
    """An acceptance that names no rule can always be judged: unmatched, it is stale."""
    anonymous = Acceptance("0" * 16, "no code given")
    assert review([ERROR], [anonymous], ran={"QTY001"}).stale == (anonymous,)


def test_an_acceptance_for_a_rule_that_ran_is_stale_when_unmatched() -> None:
    """An acceptance for a rule that ran, matching none of its findings, is stale."""
    gone = Acceptance("0" * 16, "claims since edited", "QTY001")
    assert review([ERROR], [gone], ran={"QTY001"}).stale == (gone,)


def test_count_counts_active_findings_by_severity() -> None:
    """`count` counts only active findings, by severity."""
    result = review([ERROR, WARNING, INFO], [Acceptance(ERROR.fingerprint, "ok")])
    assert [result.count(s) for s in Severity] == [1, 1, 0]


@pytest.mark.parametrize(
    ("threshold", "failing"),
    [
        (Severity.ERROR, (ERROR,)),
        (Severity.WARNING, (ERROR, WARNING)),
        (Severity.INFO, (ERROR, WARNING, INFO)),
        (None, ()),
    ],
)
def test_failing_keeps_findings_at_or_above_the_threshold(
    threshold: Severity | None, failing: tuple[Finding, ...]
) -> None:
    """`failing` keeps active findings at least as severe as the threshold; None keeps none."""
    assert review([ERROR, WARNING, INFO], []).failing(threshold) == failing


def test_suppressed_findings_never_fail() -> None:
    """An accepted error does not fail a run, whatever the threshold."""
    result = review([ERROR], [Acceptance(ERROR.fingerprint, "accepted")])
    assert result.failing(Severity.INFO) == ()


def positioned(*groups: tuple[str, ...]) -> Finding:
    positions = tuple(Position(group, (), (), "") for group in groups)
    claims = tuple(CitedClaim(c, "r", "s", "q") for group in groups for c in group)
    return Finding("QTY001", "quantity.disjoint", Severity.ERROR, "m", claims, (), "p" * 16,
                   "event", "killed:*:person", positions)  # fmt: skip


SEEN = Acceptance("p" * 16, "two figures, reviewed", "QTY001", (("a", "b"), ("c",)))


def test_an_acceptance_that_saw_every_position_keeps_suppressing_as_claims_join_them() -> None:
    """Claims joining positions the reviewer saw leave the finding accepted."""
    grown = positioned(("a", "b", "d"), ("c", "e"))
    assert review([grown], [SEEN]).suppressed == ((grown, SEEN),)


@pytest.mark.parametrize(
    "groups",
    [
        (("a", "b"), ("c",), ("x",)),  # claims none of which were seen
        (("a",), ("b",), ("c",)),  # a seen position split in two
    ],
)
def test_a_position_the_acceptance_did_not_see_makes_it_stale(
    groups: tuple[tuple[str, ...], ...],
) -> None:
    """A new position, or a seen one split, makes the finding active and the acceptance
    stale, with what it did not see."""
    changed = positioned(*groups)
    result = review([changed], [SEEN])
    assert result.active == (changed,)
    assert result.stale == (SEEN,)
    assert SEEN.fingerprint in result.outgrown


def test_an_acceptance_without_positions_accepts_whatever_the_finding_holds() -> None:
    """A hand-written acceptance (fingerprint and reason only) never goes stale by positions."""
    bare = Acceptance("p" * 16, "reviewed")
    changed = positioned(("a",), ("b",), ("x",))
    assert review([changed], [bare]).suppressed == ((changed, bare),)


def test_an_acceptance_of_another_rule_is_stale() -> None:
    """A source's own falling toll accepted as QTY005 that an independent voice now repeats
    comes back as QTY001 with the same fingerprint: not what was accepted, so it alarms."""
    accepted = Acceptance(ERROR.fingerprint, "the governor revised his own figure", "QTY005")
    result = review([ERROR], [accepted])
    assert result.active == (ERROR,)
    assert result.stale == (accepted,)
    assert "now QTY001, accepted as QTY005" in result.outgrown[ERROR.fingerprint]


def test_an_acceptance_goes_stale_when_the_severity_rises_not_when_it_falls() -> None:
    """Accepted as a warning, the finding alarms again as an error; accepted as an error, a
    warning stays accepted."""
    as_warning = Acceptance(ERROR.fingerprint, "checked", "QTY001", severity=Severity.WARNING)
    risen = review([ERROR], [as_warning])
    assert risen.active == (ERROR,)
    assert "now error, accepted as warning" in risen.outgrown[ERROR.fingerprint]
    as_error = Acceptance(WARNING.fingerprint, "checked", "DAT001", severity=Severity.ERROR)
    assert review([WARNING], [as_error]).suppressed == ((WARNING, as_error),)
