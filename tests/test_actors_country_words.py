"""Generic words one country's ACLED label owns ("rebels", "the factions": Opposition Rebels (Syria))
name an unidentified armed group elsewhere. Reports written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.pipeline import Pipeline
from eventdesk.records import Document
from eventdesk.settings import Settings


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def test_rebels_outside_syria_are_an_unidentified_armed_group(pipeline: Pipeline) -> None:
    text = "On 3 May 2024, rebels attacked an army base near Kidal, killing 4 soldiers."
    event = pipeline.code(Document(id="k", text=text))[0]
    assert event.country == "Mali"
    assert (event.actor1, event.inter1, event.interaction) == ("Unidentified Armed Group (Mali)", 3, 13)


def test_rebels_in_syria_stay_opposition_rebels(pipeline: Pipeline) -> None:
    text = "On 3 May 2024, rebels attacked a regime position near Kafr Nabl (Idleb), killing 4 soldiers."
    event = pipeline.code(Document(id="s", text=text))[0]
    assert "Opposition Rebels (Syria)" in {event.actor1, event.actor2}


def test_two_parties_supporters_clashing_are_two_mobs(pipeline: Pipeline) -> None:
    text = "On 10 September 2024, BJP and TMC supporters clashed in Howrah (West Bengal); 5 were injured."
    event = pipeline.code(Document(id="m", text=text))[0]
    assert (event.sub_event_type, event.actor1, event.actor2, event.interaction) == (
        "Mob violence",
        "Rioters (India)",
        "Rioters (India)",
        55,
    )
    assert event.assoc_actor_1 == "BJP: Bharatiya Janata Party"
    assert event.assoc_actor_2 == "AITC: All India Trinamool Congress"


def test_opposition_supporters_abroad_are_no_syrian_rebels(pipeline: Pipeline) -> None:
    text = (
        "On 10 September 2024, supporters of the ruling party clashed with opposition supporters in "
        "Bulawayo, leaving several injured."
    )
    event = pipeline.code(Document(id="z", text=text))[0]
    names = {event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2}
    assert "Opposition Rebels (Syria)" not in names and event.interaction == 55


def test_a_peacekeeping_mission_and_a_foreign_tank(pipeline: Pipeline) -> None:
    text = (
        "On 16 November 2024, UNIFIL said an Israeli tank fired at one of its positions near Naqoura, "
        "wounding two peacekeepers."
    )
    event = pipeline.code(Document(id="u", text=text))[0]
    assert {event.actor1, event.actor2} == {
        "UNIFIL: United Nations Interim Force in Lebanon",
        "Military Forces of Israel (2022-)",
    }


def test_a_truce_taking_effect_is_an_agreement(pipeline: Pipeline) -> None:
    text = "On 18 November 2024, a ceasefire between Israel and Hezbollah came into effect."
    events = pipeline.code(Document(id="t", text=text))
    assert events and events[0].sub_event_type == "Agreement"


def test_an_agreement_signed_between_named_parties_is_coded(pipeline: Pipeline) -> None:
    text = "On 20 May 2023, a ceasefire agreement between the Sudanese army and the RSF was signed in Jeddah."
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.sub_event_type == "Agreement"
    assert {event.actor1, event.actor2} == {"Military Forces of Sudan (2019-)", "RSF: Rapid Support Forces"}


def test_arrests_by_a_state_named_by_its_demonym_are_arrests(pipeline: Pipeline) -> None:
    # state forces detaining people: Arrests; a non-state group doing the same is an abduction
    text = "On 19 February 2023, Israeli forces arrested 12 Palestinians during raids in Jenin, West Bank."
    (event,) = pipeline.code(Document(id="t", text=text))
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")
    assert event.actor1 == "Military Forces of Israel (2022-)"
