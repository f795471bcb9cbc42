"""The domain model: immutable objects and a dataset that resolves every spelling."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import pytest

from crosscheck import Actor, ActorKind, Claim, Dataset, Place, PlaceKind, Report, load


def small(**changes: object) -> Dataset:
    """A tiny dataset; keyword arguments replace its parts."""
    parts: dict[str, object] = {
        "reports": (Report("r", "sana", "Title", datetime.date(2020, 3, 3), "Army re-entered."),),
        "actors": (
            Actor("sana", "SANA", ActorKind.MEDIA, aliases=("Syrian Arab News Agency",)),
            Actor("saa", "Syrian Arab Army", ActorKind.ARMED_FORCES, part_of="gov"),
            Actor("gov", "Syrian government", ActorKind.GOVERNMENT, aliases=("Damascus",)),
        ),
        "places": (
            Place("syria", "Syria", PlaceKind.COUNTRY),
            Place("idlib", "Idlib province", PlaceKind.PROVINCE, within="syria"),
            Place("saraqeb", "Saraqeb", PlaceKind.TOWN, aliases=("Saraqib",), within="idlib"),
        ),
        "claims": (Claim("c1", "r", "entered", "SANA", "Army re-entered", place="Saraqib"),),
    }
    parts.update(changes)
    return Dataset(**parts)  # type: ignore[arg-type]


def test_domain_objects_are_immutable() -> None:
    """Assigning to a field of a domain object raises."""
    actor = Actor("sana", "SANA", ActorKind.MEDIA)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        actor.name = "other"  # type: ignore[misc]


def test_aliases_are_stored_as_a_tuple() -> None:
    """A list of aliases becomes a tuple, so the object stays hashable."""
    actor = Actor("sana", "SANA", ActorKind.MEDIA, aliases=["S.A.N.A."])
    assert actor.aliases == ("S.A.N.A.",)
    assert hash(actor)


def test_actor_look_up_accepts_id_name_and_alias_in_any_spelling() -> None:
    """An id, the display name or an alias, folded, all find the same actor."""
    dataset = small()
    assert {dataset.actor(n).id for n in ("sana", "SANA", "syrian arab news-agency")} == {"sana"}


def test_place_look_up_resolves_a_curated_transliteration() -> None:
    """'Saraqib' finds Saraqeb because a curator listed it as an alias."""
    assert small().place("saraqib").id == "saraqeb"


def test_unknown_name_raises_key_error_with_a_hint() -> None:
    """A misspelt name fails with a did-you-mean hint."""
    with pytest.raises(KeyError, match="did you mean 'Saraqeb'"):
        small().place("Saraqep")


def test_places_nest_innermost_first() -> None:
    """`enclosing` walks from a town up to its country."""
    assert [p.id for p in small().enclosing("Saraqib")] == ["saraqeb", "idlib", "syria"]


def test_containment_is_reflexive_and_directed() -> None:
    """A place lies within itself and its ancestors, not within its descendants."""
    dataset = small()
    assert dataset.is_within("saraqeb", "saraqeb")
    assert dataset.is_within("saraqeb", "Syria")
    assert not dataset.is_within("syria", "saraqeb")


def test_actors_nest_through_part_of() -> None:
    """The Syrian Arab Army is part of the government that 'Damascus' names."""
    dataset = small()
    assert dataset.is_part_of("saa", "Damascus")
    assert not dataset.is_part_of("gov", "saa")


def test_duplicate_ids_are_rejected() -> None:
    """Two actors may not share an id."""
    twice = (Actor("sana", "SANA", ActorKind.MEDIA), Actor("sana", "Sana 2", ActorKind.MEDIA))
    with pytest.raises(ValueError, match="duplicate actor id 'sana'"):
        small(actors=twice)


def test_a_name_may_not_name_two_actors() -> None:
    """An alias that folds to another actor's name is ambiguous and rejected."""
    actors = (
        Actor("sana", "SANA", ActorKind.MEDIA),
        Actor("other", "Other", ActorKind.MEDIA, aliases=("S.A.N.A",)),
    )
    with pytest.raises(ValueError, match="used by both 'sana' and 'other'"):
        small(actors=actors)


def test_claims_of_a_report_keep_their_order(mini: Path) -> None:
    """`claims_of` lists one report's claims in the order they were curated."""
    dataset = load(mini)
    ids = [c.id for c in dataset.claims_of("reuters-2020-02-06")]
    assert ids == [
        "reuters-entered-saraqeb",
        "reuters-turkish-dead-feb3",
        "reuters-syrian-dead-feb3",
        "reuters-idlib-population",
    ]
