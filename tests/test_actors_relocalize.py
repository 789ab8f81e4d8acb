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


def test_with_the_text_names_from_an_actor_home_follow_the_event() -> None:
    # "Civilians (Mali)" came from a Mali-based group; the report never names Mali
    text = "On 4 May 2020, suspected JNIM militants shot a civilian near Gayeri."
    e = event(actor1="JNIM: Group for Support of Islam and Muslims", actor2="Civilians (Mali)")
    e.country = "Burkina Faso"
    relocalize(e, None, "Burkina Faso", text)
    assert e.actor2 == "Civilians (Burkina Faso)"


def test_with_the_text_a_country_the_report_names_stays() -> None:
    text = "On 29 April 2020, around 500 Venezuelan migrants protested on a highway north of Bogota."
    e = event(actor1="Protesters (Venezuela)")
    relocalize(e, "Colombia", "Colombia", text)
    assert e.actor1 == "Protesters (Venezuela)"


def test_generic_police_follow_the_event_but_named_forces_stay() -> None:
    import datetime as dt

    from eventdesk.records import Evidence

    text = "On 3 May 2020, police officers shot and killed a man in a market town."
    e = event(actor1="Police Forces of Somalia (2017-2022)", actor2="Civilians (Somalia)")
    e.event_date = dt.date(2020, 5, 3)
    e.evidence.append(Evidence("actor1", "t", 14, 29, text[14:29]))
    relocalize(e, "Somalia", "Ethiopia", text)
    assert (e.actor1, e.actor2) == ("Police Forces of Ethiopia (2018-)", "Civilians (Ethiopia)")

    text = "On 3 May 2020, Somali police shot and killed a man near the border."
    e = event(actor1="Police Forces of Somalia (2017-2022)", actor2="Civilians (Ethiopia)")
    e.event_date = dt.date(2020, 5, 3)
    e.evidence.append(Evidence("actor1", "t", 14, 27, text[14:27]))
    relocalize(e, "Somalia", "Ethiopia", text)
    assert e.actor1 == "Police Forces of Somalia (2017-2022)"


def test_a_per_country_group_takes_the_branch_of_the_event_country() -> None:
    from eventdesk.pipeline import Pipeline
    from eventdesk.records import Document
    from eventdesk.settings import Settings

    pipeline = Pipeline(Settings())
    text = (
        "On 4 June 2024, an Islamic State gunman opened fire on worshippers leaving a mosque in "
        "Herat city, killing six people."
    )
    events = pipeline.code(Document(id="ho-branch", text=text))
    assert [(e.country, e.actor1) for e in events] == [("Afghanistan", "Islamic State (Afghanistan)")]
    # a branch named by its own name stays that branch wherever the event is
    text = "On 9 June 2024, ISWAP fighters attacked an army base in Diffa town, killing four soldiers."
    events = pipeline.code(Document(id="ho-branch-2", text=text))
    assert [e.actor1 for e in events] == ["Islamic State West Africa Province (ISWAP)"]
