"""Figures that cannot all be true: the measures of one incident, and the law of harm tolls.

Each quantified claim of an incident belongs to one *measure*: its predicate, its patient (or
everyone harmed, when it names none) and its unit ("the number of civilians killed"). Two
figures are compared only when one claim's *node* — its patient, place and period (`when`) —
equals or lies within the other's: a patient that is part of the other's (children within
civilians; no patient is everyone), a place within the other's (none: the incident's place),
a period within the other's (none: the incident's). Parts never dispute their totals: claims
joined by `total` (a part, its total, its sibling parts) are never compared here.

**The law of tolls** (killed, wounded, captured, displaced, rescued accumulate as they are
reported). Claim *x* must not exceed claim *y* when *x*'s node lies within or equals *y*'s
and *x* was stated before *y*, or at the same time (`crosscheck.timing`). So, within one
measure and period, a toll is consistent when some order of its statements that their times
allow makes it non-decreasing — two figures of one day without times may come in either
order — and each violation is a later figure wholly below an earlier one, or two figures
stated at the same time that cannot both hold. A sub-group's, sub-place's or sub-period's toll
is at most the whole's as of the same time. Checking pairs is enough: the order is an interval
order, and a set of intervals admits a non-decreasing choice along it exactly when no pair
breaks the rule.

**Other measures** (lengths, counts of missiles, distances) do not accumulate: two figures for
one node disagree whenever their intervals are disjoint, whenever stated; a part's count or
length (a 120 km section of a 440 km border) is at most its whole's. Depths and distances are
compared only for the same place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from crosscheck.components import Components
from crosscheck.engine import Context
from crosscheck.incidents import (
    Conflict,
    ConflictKind,
    Dispute,
    Incident,
    incidents,
    judge,
    voices_of,
)
from crosscheck.model import Claim
from crosscheck.quantity import Dimension, Quantity, UnitError
from crosscheck.sameness import days_apart, namespace
from crosscheck.vocabulary import MEASURES, POSITIVE, PREDICATES

__all__ = [
    "MeasureKey",
    "aspect_name",
    "containment_disputes",
    "measure_conflict",
    "measure_disputes",
    "measure_key",
    "measured",
    "measures",
    "rising_series",
    "same_breakdown",
    "subject",
    "unit_class",
]

MeasureKey = tuple[str, str | None, str]
"""(predicate, patient id or None for everyone, unit class) — one measure of an incident."""


def unit_class(quantity: Quantity) -> str:
    """Counts compare only with counts of the same noun; lengths and durations with their own
    dimension, whatever the unit."""
    return quantity.unit if quantity.dimension is Dimension.COUNT else quantity.dimension.value


def _totals(context: Context) -> Components:
    """Claims joined by `total` links: a total, its parts, their parts."""

    def make() -> Components:
        components = Components()
        for claim in context.claims:
            if claim.total is not None:
                components.join(claim.id, claim.total)
        return components

    return context.cached("total-trees", make)


def same_breakdown(context: Context, a: Claim, b: Claim) -> bool:
    """Whether two claims belong to one breakdown: a total, its parts, their parts."""
    if a.total is None and b.total is None:
        return False
    trees = _totals(context)
    return trees.root(a.id) == trees.root(b.id)


def measured(context: Context, claim: Claim) -> bool:
    """Whether `claim` takes part in the measures of its incident: a positive claim with a
    quantity (durations are left to `date.duration-start`), and not a part that names neither
    a smaller group nor a smaller place than its total. A part inherits what it leaves out
    from its total: "12 died in hospital", part of the 50 civilians killed at the station,
    repeats the group and leaves the place out, and is compared only with its total; "five of
    them children", with no place, is the station's children and compared with every other
    count of them."""
    if claim.quantity is None or claim.predicate == "duration" or claim.modality not in POSITIVE:
        return False
    if claim.total is None:
        return True
    total = _claim(context, claim.total)
    if total is None:
        return True
    mine, theirs = context.roles(claim), context.roles(total)
    found = {
        _patients(context, mine.patient, theirs.patient),
        _narrower(context, mine.place, theirs.place),
    }
    return "<" in found and not found & {">", None}


def _narrower(context: Context, part: str | None, whole: str | None) -> str | None:
    """How a part's place relates to its total's: "<" narrower, "=" the same or left out
    (inherited), None elsewhere."""
    if part is None or part == whole:
        return "="
    if whole is None or context.within(part, whole):
        return "<"
    return None


def _claim(context: Context, claim_id: str) -> Claim | None:
    try:
        return context.dataset.claim(claim_id)
    except KeyError:
        return None


def measure_key(context: Context, claim: Claim) -> MeasureKey:
    """The measure a quantified claim belongs to."""
    assert claim.quantity is not None
    return (claim.predicate, context.roles(claim).patient, unit_class(claim.quantity))


def subject(context: Context, key: MeasureKey, place: str | None = None) -> str:
    """The measure in words: "the number of civilians killed", "the length of the safe zone"."""
    predicate, patient, unit = key
    record = PREDICATES[predicate]
    patient_name = None if patient is None else context.dataset.actor(patient).name
    place_name = None if place is None else context.dataset.place(place).name
    return record.what(patient_name, place_name, unit)


# -- how two claims' nodes relate ----------------------------------------------------------------


def _patients(context: Context, x: str | None, y: str | None) -> str | None:
    if x == y:
        return "="
    if x is None:
        return ">"  # no patient: everyone harmed, the whole
    if y is None:
        return "<"
    if context.part_of(x, y):
        return "<"
    if context.part_of(y, x):
        return ">"
    return None


def _places(context: Context, x: str | None, y: str | None) -> str | None:
    if x is None or y is None or x == y:
        return "="
    if context.within(x, y):
        return "<"
    if context.within(y, x):
        return ">"
    window = context.window
    if window is not None and context.relations.places_near(x, y, window.km):
        return "="  # two records' points of one place, as near as the window allows
    return None


def _periods(context: Context, a: Claim, b: Claim) -> str | None:
    if a.when is None or b.when is None:
        return "="
    x, y = a.when, b.when
    if (x.start, x.end) == (y.start, y.end):
        return "="
    if y.start <= x.start and x.end <= y.end:
        return "<"
    if x.start <= y.start and y.end <= x.end:
        return ">"
    window = context.window
    if window is not None and days_apart(x, y) <= window.days:
        return "="  # one incident dated apart, or across each other, as the window allows
    return None


def relation(context: Context, a: Claim, b: Claim) -> str | None:
    """How `a`'s node relates to `b`'s: "=" the same, "<" within it, ">" containing it, or
    None when they are not comparable (different groups, places or periods)."""
    ra, rb = context.roles(a), context.roles(b)
    found = [_patients(context, ra.patient, rb.patient), _places(context, ra.place, rb.place),
             _periods(context, a, b)]  # fmt: skip
    if None in found:
        return None
    strict = {r for r in found if r != "="}
    if not strict:
        return "="
    if len(strict) == 2:
        return None
    if not PREDICATES[a.predicate].nests:
        return None  # a zone's depth, a distance: only the same place compares
    return strict.pop()


def _within_words(context: Context, part: Claim, whole: Claim) -> str:
    """How `part`'s node lies within `whole`'s: "children within civilians", "Saraqeb within
    Idlib province", "dated 2020-02-03, within 2020-02-01 – 2020-02-10"."""
    rp, rw = context.roles(part), context.roles(whole)
    how = []
    if rp.patient != rw.patient and rp.patient is not None:
        whole_group = "everyone" if rw.patient is None else context.dataset.actor(rw.patient).name
        how.append(f"{context.dataset.actor(rp.patient).name} within {whole_group}")
    if rp.place != rw.place and rp.place and rw.place:
        how.append(f"{context.dataset.place(rp.place).name} within "
                   f"{context.dataset.place(rw.place).name}")  # fmt: skip
    if part.when and whole.when and part.when.days != whole.when.days:
        how.append(f"dated {part.when.days}, within {whole.when.days}")
    return "; ".join(how)


def measure_conflict(
    context: Context, a: Claim, b: Claim, *, agents_matter: bool
) -> Conflict | None:
    """Why two quantified claims of one incident cannot both be true, or None (remembered per
    context: the measures, the grades and the trust of a run all ask)."""
    if not _apart(a, b):
        return None  # overlapping figures never conflict: the cheap test first, unremembered
    memo: dict[tuple[str, str, bool], Conflict | None] = context.cached("measure-conflicts", dict)
    key = (a.id, b.id, agents_matter)
    if key not in memo:
        memo[key] = _measure_conflict(context, a, b, agents_matter=agents_matter)
    return memo[key]


def _apart(a: Claim, b: Claim) -> bool:
    """Whether two claims' figures are of one predicate and share no value."""
    assert a.quantity is not None
    assert b.quantity is not None
    if a.predicate != b.predicate:
        return False
    try:
        qb = b.quantity.to(a.quantity.unit)
    except UnitError:
        return False
    return a.quantity.above(qb) or qb.above(a.quantity)


def _measure_conflict(
    context: Context, a: Claim, b: Claim, *, agents_matter: bool
) -> Conflict | None:
    """Why two quantified claims of one incident cannot both be true, or None.

    The conflict's kind is `DISJOINT` (one node, figures that do not overlap), `PART` (a part
    above its whole), `FELL` (a later figure below an earlier one) or `SAME_TIME` (figures
    stated together that cannot both hold).

    `agents_matter` (for an incident crosscheck inferred) keeps apart counts credited to rival
    agents: without a curated event id they may be two acts, not one act blamed twice.
    """
    assert a.quantity is not None
    assert b.quantity is not None
    qa, qb = a.quantity, b.quantity.to(a.quantity.unit)  # `_apart` has tried the conversion
    if same_breakdown(context, a, b):
        return None
    if a.reference != b.reference and _reference(context, a) != _reference(context, b):
        return None  # "20 km from Saada city" and "60 km from the border": two distances
    if agents_matter:
        agents_a, agents_b = context.roles(a).agents, context.roles(b).agents
        if agents_a and agents_b and not context.allied(agents_a, agents_b):
            return None
    found = relation(context, a, b)
    if found is None:
        return None
    # each (x, y) with x's node within or equal to y's: x may not exceed y
    ordered = {"=": [(a, qa, b, qb), (b, qb, a, qa)], "<": [(a, qa, b, qb)],
               ">": [(b, qb, a, qa)]}[found]  # fmt: skip
    cumulative = PREDICATES[a.predicate].cumulative
    for x, qx, y, qy in ordered:
        if not qx.above(qy):
            continue
        if not cumulative:
            if found == "=":
                return Conflict(a, b, f"{a.id} gives {qa}, {b.id} gives {qb}: the intervals "
                                "do not overlap", ConflictKind.DISJOINT)  # fmt: skip
            return Conflict(
                x,
                y,
                f"{x.id} gives {qx} for a part ({_within_words(context, x, y)})"
                f", more than the {qy} that {y.id} gives for the whole",
                ConflictKind.PART,
            )
        sx, sy = context.stated(x), context.stated(y)
        if sx.simultaneous(sy):
            when, kind = f"at the same time ({sx.label})", ConflictKind.SAME_TIME
        elif sx.before(sy):
            when, kind = f"later ({sy.label}, after {sx.label})", ConflictKind.FELL
        else:
            continue
        if found != "=":
            if kind is ConflictKind.SAME_TIME:
                kind = ConflictKind.PART
            return Conflict(x, y, f"{x.id} gives {qx} ({_within_words(context, x, y)}); {y.id} "
                            f"gives {qy} for the whole {when}: a toll's part does not exceed "
                            "its whole, nor does a toll fall", kind)  # fmt: skip
        if kind is ConflictKind.SAME_TIME:
            return Conflict(x, y, f"{x.id} gives {qx} and {y.id} gives {qy} {when}: they "
                            "cannot both hold (if one is an earlier figure the report "
                            "recounts, give it as_of)", kind)  # fmt: skip
        return Conflict(x, y, f"{y.id} gives {qy} {when} than {x.id}'s {qx}: a toll does not "
                        "fall", kind)  # fmt: skip
    return None


def _reference(context: Context, claim: Claim) -> str | None:
    """The id of the place a distance is measured from, if the claim names one."""
    return None if claim.reference is None else context.dataset.place(claim.reference).id


# -- positions in words -------------------------------------------------------------------------


def _figure(quantity: Quantity) -> str:
    """A figure as worded, with its unit when the wording is only an article: "‘a’ bomb"."""
    if not quantity.text:
        return str(quantity)
    if quantity.text.casefold() in {"a", "an", "the", "a single"}:
        return f"‘{quantity.text}’ {quantity.unit}"
    return f"‘{quantity.text}’"


def _same_words(figure: str) -> str:
    """A figure's wording for telling repeats apart: "Thousands of" repeats "thousands"."""
    return figure.casefold().removesuffix(" of’").removesuffix("’")


def reading(context: Context, claims: Sequence[Claim]) -> str:
    """What a position's figures say. A toll's voice by voice, each in an order in which it
    does not fall — "‘39’ → ‘50’ → ‘52’; ‘about 50’": each figure placed by the highest floor of
    the voice's figures stated no later than it (a vague "more than 30" stated after 50 comes
    after the 50), then by its own lowest value, then in order of statement; an arrow joins
    one voice's figures only, never two estimates of rival estimators, and a figure for a part
    is shown after its whole's ("of which"). Any other measure's in order of statement: "‘440
    km’, ‘480 km’". A figure repeated is shown once."""
    ordered = sorted(claims, key=lambda c: (*context.stated(c).order, c.id))
    if not (claims and PREDICATES[claims[0].predicate].cumulative):
        return ", ".join(_distinct(ordered))
    voice = voices_of(context, ordered)
    by_voice: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for claim in ordered:  # voices in the order of their first statement
        by_voice[voice[claim.id]].append(claim)
    series = []
    for of_voice in by_voice.values():
        # a figure for a node within another of the voice's (a kitchen's dead within the
        # theatre's) is not a step of the series: "‘close to 600’ (of which ‘at least 100’)"
        wholes = [c for c in of_voice
                  if not any(relation(context, c, o) == "<" for o in of_voice)]  # fmt: skip
        parts = [c for c in of_voice if c not in wholes]
        floor = {c.id: _floor(context, c, wholes) for c in wholes}
        steps = _distinct(sorted(wholes, key=lambda c: (floor[c.id], _low(c))))  # stable
        within = _distinct(parts)
        series.append(" → ".join(steps) + (f" (of which {', '.join(within)})" if within else ""))
    return "; ".join(dict.fromkeys(series))


def _low(claim: Claim) -> float:
    assert claim.quantity is not None
    return claim.quantity.low


def _distinct(claims: Iterable[Claim]) -> list[str]:
    """The claims' figures in order, each wording once."""
    shown: dict[str, str] = {}
    for claim in claims:
        assert claim.quantity is not None
        figure = _figure(claim.quantity)
        shown.setdefault(_same_words(figure), figure)
    return list(shown.values())


def _floor(context: Context, claim: Claim, claims: Sequence[Claim]) -> float:
    """The highest low end among the figures of `claims` stated before or with `claim`, in
    `claim`'s unit: no non-decreasing reading of them can place `claim` below it."""
    assert claim.quantity is not None
    unit, at = claim.quantity.unit, context.stated(claim)
    lows = [claim.quantity.low]
    for other in claims:
        other_at = context.stated(other)
        if other is not claim and (other_at.before(at) or other_at.simultaneous(at)):
            assert other.quantity is not None
            try:
                lows.append(other.quantity.to(unit).low)
            except UnitError:
                continue
    return max(lows)


# -- the disputes -------------------------------------------------------------------------------


def measures(context: Context) -> dict[tuple[str, MeasureKey], list[Claim]]:
    """The measured claims of every incident, by incident and measure (computed once per
    context)."""

    def make() -> dict[tuple[str, MeasureKey], list[Claim]]:
        found: dict[tuple[str, MeasureKey], list[Claim]] = defaultdict(list)
        table = incidents(context)
        for claim in context.claims:
            if measured(context, claim):
                found[(table.of[claim.id], measure_key(context, claim))].append(claim)
        return dict(found)

    return context.cached("measures", make)


def _aspect_order(item: tuple[tuple[str, MeasureKey], list[Claim]]) -> tuple[str, str]:
    (incident, measure), _ = item
    return (incident, aspect_name(measure))


def aspect_name(key: MeasureKey) -> str:
    """The aspect key of a measure: "killed:civilians:person", "length:*:length"."""
    predicate, patient, unit = key
    return f"{predicate}:{patient or '*'}:{unit}"


def _place_of(context: Context, claims: Iterable[Claim]) -> str | None:
    places = {context.roles(c).place for c in claims} - {None}
    return places.pop() if len(places) == 1 else None


def _pairs(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            yield a, b


def measure_disputes(context: Context) -> tuple[Dispute, ...]:
    """One dispute for every measure of an incident whose figures cannot all be true."""

    def make() -> tuple[Dispute, ...]:
        table = incidents(context)
        found = []
        for (key, measure), claims in sorted(measures(context).items(), key=_aspect_order):
            if len(claims) < 2:
                continue
            incident = table.by_key[key]
            conflicts = [
                conflict
                for a, b in _pairs(claims)
                if (conflict := measure_conflict(context, a, b,
                                                 agents_matter=incident.event is None))
            ]  # fmt: skip
            record = PREDICATES[measure[0]]
            what = subject(context, measure, _place_of(context, claims) if
                           record.measure or not record.counted else None)  # fmt: skip
            dispute = judge(context, incident, aspect_name(measure), what, claims, conflicts,
                            lambda group: reading(context, group))  # fmt: skip
            if dispute is not None:
                found.append(dispute)
        return tuple(found)

    return context.cached("measure-disputes", make)


def rising_series(context: Context) -> list[tuple[Incident, MeasureKey, list[Claim]]]:
    """Each toll whose figures all hold together and rise in later statements, once per
    incident and measure: a cumulative measure of an incident without a dispute, and one
    voice's tolls of one group at one place over growing periods ("by 2016", then "by 2020")
    that lie in different incidents, joined when they chain — and named by the incident and
    measure of the latest, with whose own series they merge."""
    table = incidents(context)
    disputed = {(d.incident.key, d.aspect) for d in measure_disputes(context)}
    found: dict[tuple[str, MeasureKey], dict[str, Claim]] = {}
    for (key, measure), claims in sorted(measures(context).items(), key=_aspect_order):
        if not PREDICATES[measure[0]].cumulative or (key, aspect_name(measure)) in disputed:
            continue
        ordered = sorted(claims, key=lambda c: (context.stated(c).start, c.id))
        rises = any(
            context.stated(a).before(context.stated(b))
            and _rises(a, b)
            and relation(context, a, b) == "="
            for a, b in _pairs(ordered)
        )
        if rises:
            found[(key, measure)] = {c.id: c for c in claims}
    chains = Components()
    joined: dict[str, Claim] = {}
    for part, whole in _across(context):
        if not PREDICATES[part.predicate].cumulative or table.of[part.id] == table.of[whole.id]:
            continue
        rp, rw = context.roles(part), context.roles(whole)
        if (rp.patient, rp.place) != (rw.patient, rw.place):
            continue  # a theatre's dead and the city's: two tolls, not one toll over time
        if measure_conflict(context, part, whole, agents_matter=True) is not None:
            continue
        same_voice = len(context.voices([context.roles(part).source,
                                         context.roles(whole).source])) == 1  # fmt: skip
        if (
            same_voice
            and context.stated(part).before(context.stated(whole))
            and _rises(part, whole)
        ):
            chains.join(part.id, whole.id)
            joined |= {part.id: part, whole.id: whole}
    series: dict[str, list[Claim]] = defaultdict(list)
    for claim_id in sorted(joined):
        series[chains.root(claim_id)].append(joined[claim_id])
    for members in series.values():
        latest = max(members, key=lambda c: (context.stated(c).start, c.id))
        home = (table.of[latest.id], measure_key(context, latest))
        found.setdefault(home, {}).update({c.id: c for c in members})
    return [(table.by_key[incident], measure, sorted(claims.values(), key=lambda c: c.id))
            for (incident, measure), claims in sorted(found.items(), key=lambda item: (
                item[0][0], aspect_name(item[0][1])))]  # fmt: skip


def _rises(earlier: Claim, later: Claim) -> bool:
    assert earlier.quantity is not None
    assert later.quantity is not None
    try:
        return later.quantity.to(earlier.quantity.unit).low > earlier.quantity.low
    except UnitError:
        return False


def containment_disputes(context: Context) -> tuple[Dispute, ...]:
    """A count for a sub-group, sub-place or sub-period above the whole's, grouped by the two
    measures involved: within an incident (children against civilians), and between claims of
    different incidents where one lies within the other (inferred, so at most a warning)."""

    def make() -> tuple[Dispute, ...]:
        table = incidents(context)
        grouped: dict[tuple[str, str], list[Conflict]] = defaultdict(list)

        def add(conflict: Conflict) -> None:
            part, whole = conflict.a, conflict.b
            part_key = f"{table.of[part.id]}/{aspect_name(measure_key(context, part))}"
            whole_key = f"{table.of[whole.id]}/{aspect_name(measure_key(context, whole))}"
            grouped[(part_key, whole_key)].append(conflict)

        by_incident: dict[str, list[Claim]] = defaultdict(list)
        broken_down: dict[str, set[MeasureKey]] = defaultdict(set)  # total id → its parts'
        for (key, measure), claims in measures(context).items():
            by_incident[key].extend(claims)
            for claim in claims:
                if claim.total is not None:
                    broken_down[claim.total].add(measure)
        for key in sorted(by_incident):
            incident = table.by_key[key]
            claims = sorted(by_incident[key], key=lambda c: c.id)
            for a, b in _pairs(claims):
                ka, kb = measure_key(context, a), measure_key(context, b)
                if ka == kb:
                    continue  # one measure: quantity.disjoint
                if ka in broken_down[b.id] or kb in broken_down[a.id]:
                    continue  # the whole's own part for this measure is where they meet
                conflict = measure_conflict(context, a, b, agents_matter=incident.event is None)
                if conflict:
                    add(conflict)
        for part, whole in _across(context):
            if table.of[part.id] == table.of[whole.id]:
                continue
            conflict = measure_conflict(context, part, whole, agents_matter=True)
            if conflict:
                add(conflict)
        found = []
        for (part_key, whole_key), conflicts in sorted(grouped.items()):
            claims = sorted({c for conflict in conflicts for c in (conflict.a, conflict.b)},
                            key=lambda c: c.id)  # fmt: skip
            first = conflicts[0].a
            incident = table.incident(first)
            what = subject(context, measure_key(context, first))
            dispute = judge(context, incident, f"{part_key} within {whole_key}", what, claims,
                            conflicts, lambda group: reading(context, group))  # fmt: skip
            if dispute is not None:
                found.append(dispute)
        return tuple(found)

    return context.cached("containment-disputes", make)


def _across(context: Context) -> list[tuple[Claim, Claim]]:
    """Pairs (part, whole) of measured claims with one predicate where the part's node lies
    within the whole's, found by an index join: every claim is indexed as a whole under its
    predicate, place and patient, and each claim as a part looks up only the wholes at its own
    place and patient or those containing them. Two records of one coded dataset (event ids
    of one namespace, `ged:…`) are two events, never a part and its whole: a GED event dated
    to a month in a province is one more event there, not the province's toll for the month.
    Computed once per context."""

    def make() -> list[tuple[Claim, Claim]]:
        claims = [c for c in context.claims if measured(context, c)]
        # predicate, place, patient -> the record's namespace ("" for none) -> wholes
        wholes: dict[tuple[str, str | None, str | None], dict[str, list[Claim]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for claim in claims:
            roles = context.roles(claim)
            patient = None if claim.predicate in MEASURES else roles.patient
            wholes[(claim.predicate, roles.place, patient)][namespace(claim.event)].append(claim)
        found = []
        for part in claims:
            if not PREDICATES[part.predicate].nests:
                continue
            roles = context.roles(part)
            own = namespace(part.event)
            places: Iterable[str | None] = (
                [None] if roles.place is None else context.enclosing_ids(roles.place)
            )
            patients: Iterable[str | None] = (
                [None]
                if part.predicate in MEASURES or roles.patient is None
                else context.group_ids(roles.patient)
            )
            for place in places:
                for patient in patients:
                    by_dataset = wholes.get((part.predicate, place, patient), {})
                    same = place == roles.place and patient == roles.patient
                    for space, candidates in by_dataset.items():
                        if own and space == own:
                            continue  # another record of the same dataset: another event
                        for whole in candidates:
                            if (
                                whole.id != part.id
                                and _may_contain(context, part, whole, strictly=same)
                                and _inside(context, part, whole)
                            ):
                                found.append((part, whole))
        return sorted(found, key=lambda pair: (pair[0].id, pair[1].id))

    return context.cached("across", make)


def _may_contain(context: Context, part: Claim, whole: Claim, *, strictly: bool) -> bool:
    """Whether the dates alone still let `relation` find `part` within `whole`: a cheap test
    first, for the many wholes at a part's own place and patient. `relation` is "<" only where
    the periods are "=" or "<"; there (`strictly`) the place and the patient are the same, so
    only the periods can make the part smaller, and they must be "<"."""
    return _periods(context, part, whole) in (("<",) if strictly else ("=", "<"))


def _inside(context: Context, part: Claim, whole: Claim) -> bool:
    """Whether `part` is strictly within `whole`: every role within or equal, one strictly,
    and each given on both sides (a missing place or date is not "the whole"; a measure such
    as a length may leave both dates out)."""
    rp, rw = context.roles(part), context.roles(whole)
    if (rp.place is None) != (rw.place is None):
        return False
    undated = part.when is None or whole.when is None
    if undated and (part.predicate not in MEASURES or part.when != whole.when):
        return False  # a count needs dates on both sides; a zone's length may have none
    if (rp.patient is None) != (rw.patient is None):
        return False  # across incidents, "no patient" is not known to be everyone
    return relation(context, part, whole) == "<"
