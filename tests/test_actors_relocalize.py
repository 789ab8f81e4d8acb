"""Generic actor names follow the geocoder's final country (coding.actors.relocalize)."""

from __future__ import annotations

from eventdesk.coding.actors import relocalize
from eventdesk.records import Event


def event(**names: str) -> Event:
    e = Event(event_type="Protests", sub_event_type="Peaceful protest", country="Ecuador")
    for key, value in names.items():
        setattr(e, key, value)
    return e


def test_names_carrying_the_guess_move_to_the_final_country() -> None:
    e = event(actor1="Protesters (Peru)", assoc_actor_1="Civilians (Peru); Unidentified Armed Group (Peru)")
    relocalize(e, "Peru", "Ecuador")
    assert e.actor1 == "Protesters (Ecuador)"
    assert e.assoc_actor_1 == "Civilians (Ecuador); Unidentified Armed Group (Ecuador)"


def test_communal_and_tribal_militias_move_too() -> None:
    e = event(actor1="Upper Valley Communal Militia (Peru)", actor2="Rioters (Peru)")
    relocalize(e, "Peru", "Ecuador")
    assert (e.actor1, e.actor2) == ("Upper Valley Communal Militia (Ecuador)", "Rioters (Ecuador)")


def test_other_countries_and_state_forces_stay() -> None:
    # a country the report gave itself ("Colombian migrants protested") and named state forces stay
    e = event(actor1="Protesters (Colombia)", actor2="Police Forces of Peru (2018-2020)")
    relocalize(e, "Peru", "Ecuador")
    assert (e.actor1, e.actor2) == ("Protesters (Colombia)", "Police Forces of Peru (2018-2020)")


def test_nothing_to_do_without_a_change() -> None:
    e = event(actor1="Protesters (Peru)")
    relocalize(e, "Peru", "Peru")
    relocalize(e, None, "Ecuador")
    relocalize(e, "Peru", None)
    assert e.actor1 == "Protesters (Peru)"
