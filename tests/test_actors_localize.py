"""Localisation of generic actors: never a literal "(X)" in output, in either geocoding mode."""

from __future__ import annotations

import datetime as dt

from eventdesk.coding.actors import ActorDictionary, localize
from eventdesk.pipeline import Pipeline
from eventdesk.records import Document, Event
from eventdesk.settings import Settings


def _event(**names: str) -> Event:
    return Event(event_date=dt.date(2023, 5, 2), **names)  # type: ignore[arg-type]


def test_unknown_country_is_said_plainly() -> None:
    event = _event(actor1="Unidentified Armed Group (X)", actor2="Civilians (X)")
    event.inter1, event.inter2 = 3, 7
    localize(event, None)
    assert event.actor1 == "Unidentified Armed Group (country unknown)"
    assert event.actor2 == "Civilians (country unknown)"
    assert event.interaction == 37


def test_unknown_country_state_forces() -> None:
    d = ActorDictionary.default()
    assert d.unknown_country_name("Military Forces of X") == "Military Forces (country unknown)"
    assert d.unknown_country_name("Police Forces of X Prison Guards") == (
        "Police Forces (country unknown) Prison Guards"
    )
    assert d.unknown_country_name("Islamic State (Syria)") == "Islamic State (Syria)"


def test_known_country_fills_placeholder() -> None:
    event = _event(actor1="Protesters (X)", assoc_actor_1="Labour Group (X)")
    localize(event, "Kenya")
    assert event.actor1 == "Protesters (Kenya)"
    assert event.assoc_actor_1 == "Labour Group (Kenya)"


def _names(events: list[Event]) -> list[str]:
    return [
        name
        for event in events
        for name in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
        if name
    ]


def test_no_geocode_takes_country_from_actors() -> None:
    pipeline = Pipeline(Settings.from_env(geocode=False))
    text = (
        "On 3 March 2022, gunmen on motorbikes opened fire on Syrian regime soldiers at a checkpoint "
        "near a village, killing two soldiers. The attackers fled."
    )
    names = _names(pipeline.code(Document(id="loc1", text=text)))
    assert names
    assert not any("(X)" in n or n.endswith(" of X") for n in names)
    assert any("Syria" in n for n in names)


def test_no_geocode_without_any_country() -> None:
    pipeline = Pipeline(Settings.from_env(geocode=False))
    text = "On 3 March 2022, unknown gunmen shot dead a shopkeeper in a market town."
    names = _names(pipeline.code(Document(id="loc2", text=text)))
    assert not any("(X)" in n or " of X" in n for n in names)


def test_first_level_unit_gives_the_country_when_actors_do_not() -> None:
    pipeline = Pipeline(Settings.from_env(geocode=False))
    text = "On 9 June 2021, protesters gathered at the governor's office in Kano State over power cuts."
    names = _names(pipeline.code(Document(id="loc3", text=text)))
    assert "Protesters (Nigeria)" in names


def test_spelling_variant_of_a_unit_needs_a_place_cue() -> None:
    from eventdesk.coding.actors import _unit_country

    d = ActorDictionary.default()
    assert _unit_country(d, "Two families clashed in a village in Idleb countryside.", []) == "Syria"
    assert _unit_country(d, "During the night the brigade council met.", []) is None
    assert _unit_country(d, "On 16 March 2020, farmers protested.", []) is None


def test_unknown_named_group_is_the_other_side_not_a_mirror() -> None:
    pipeline = Pipeline(Settings.from_env(geocode=False))
    text = "On 4 July 2022, clashes took place between KLMN and HTS in a village in Aleppo countryside."
    event = pipeline.code(Document(id="self1", text=text))[0]
    assert {event.actor1, event.actor2} == {"HTS: Hayat Tahrir al Sham", "KLMN"}


def test_infighting_words_keep_one_actor_on_both_sides() -> None:
    pipeline = Pipeline(Settings.from_env(geocode=False))
    text = "On 4 July 2022, clashes took place among HTS members in Idleb city over a dispute."
    event = pipeline.code(Document(id="self2", text=text))[0]
    assert event.actor1 == event.actor2 == "HTS: Hayat Tahrir al Sham"


def test_a_patron_country_is_not_the_place() -> None:
    from eventdesk.coding.actors import _named_country

    d = ActorDictionary.default()
    assert _named_country(d, "Gunmen shot two pro-Iran fighters near a market.") is None
    assert _named_country(d, "Turkish-backed factions shelled a village.") is None
    assert _named_country(d, "Police in Kenya dispersed a crowd.") == "Kenya"


def test_a_group_that_only_lost_a_member_is_actor2() -> None:
    pipeline = Pipeline(Settings.from_env(geocode=False))
    for text in (
        "On 8 August 2021, an HTS commander was killed under unknown circumstances near a village in Idleb.",
        "On 8 August 2021, the body of an HTS fighter was found on a road in western Idleb countryside.",
    ):
        event = pipeline.code(Document(id="vic", text=text))[0]
        assert event.actor2 == "HTS: Hayat Tahrir al Sham", text
        assert event.actor1 == "Unidentified Armed Group (Syria)", text


def test_a_named_attacker_keeps_actor1() -> None:
    pipeline = Pipeline(Settings.from_env(geocode=False))
    text = "On 8 August 2021, HTS fighters attacked a regime checkpoint near Saraqib, killing two soldiers."
    event = pipeline.code(Document(id="vic2", text=text))[0]
    assert event.actor1 == "HTS: Hayat Tahrir al Sham"


def test_islamic_state_is_placed_by_the_report() -> None:
    pipeline = Pipeline(Settings.from_env(geocode=False))
    cases = (
        ("On 3 March 2019, Daesh militants attacked an army checkpoint near a village in Kirkuk.", "Iraq"),
        ("On 3 March 2019, IS militants attacked a police station in Cabo Delgado.", "Mozambique"),
        ("On 3 March 2019, IS militants attacked a regime checkpoint in Homs countryside.", "Syria"),
    )
    for text, country in cases:
        event = pipeline.code(Document(id="is", text=text))[0]
        names = f"{event.actor1} {event.actor2}"
        assert f"({country})" in names, (text, names)
