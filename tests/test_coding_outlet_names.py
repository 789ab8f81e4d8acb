"""Names and events a report cites rather than reports. A name shared by an armed force and a news
outlet (AFP: the Armed Forces of the Philippines and Agence France-Presse) is the outlet where the
report cites it; an earlier event it refers to is not its event. Reports written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder
from eventdesk.records import Document

PHILIPPINES = "Military Forces of the Philippines (2022-)"


@pytest.mark.parametrize(
    "text",
    [
        "JUBA, 6 May 2024 (AFP) - Gunmen shot dead four traders on the road to Yei on Sunday, police said.",
        "Gunmen shot dead four traders near Yei in South Sudan on 5 May 2024, a local official told AFP.",
        "Gunmen shot dead four traders near Yei in South Sudan on 5 May 2024, an AFP correspondent said.",
        "Gunmen shot dead four traders near Yei in South Sudan on 5 May 2024, according to AFP.",
    ],
)
def test_the_wire_is_no_side(coder: Coder, text: str) -> None:
    events = coder.code(Document(id="d", text=text))
    assert events
    assert PHILIPPINES not in {events[0].actor1, events[0].actor2}


@pytest.mark.parametrize(
    "text",
    [
        "On 20 August 2023, AFP troops clashed with NPA rebels in Las Navas (Northern Samar), killing "
        "two rebels.",
        "MANILA, 3 May 2024 - The AFP said two soldiers were killed in a clash with NPA rebels in Las Navas, "
        "Northern Samar, on Thursday.",
    ],
)
def test_the_philippine_army_is_still_a_side(coder: Coder, text: str) -> None:
    events = coder.code(Document(id="d", text=text))
    assert events and PHILIPPINES in {events[0].actor1, events[0].actor2}


def test_an_earlier_event_the_report_refers_to_is_not_this_one(coder: Coder) -> None:
    text = (
        "Published: 2024-03-15\n\nGunmen shot dead a village chief in Gwoza, Borno State, on Thursday, "
        "residents said. The attack came two days after an ambush on soldiers nearby that killed four."
    )
    events = coder.code(Document(id="d", text=text))
    coded = [(e.sub_event_type, e.actor2, e.fatalities) for e in events]
    assert coded == [("Attack", "Civilians (Nigeria)", 1)]


def test_a_dateline_agency_is_no_part_of_a_units_name(coder: Coder) -> None:
    text = (
        "HOMS, SANA – Army units on Saturday repelled an attack by terrorist groups on military points near "
        "Jubb al-Jarrah, killing a number of terrorists."
    )
    events = coder.code(Document(id="d", text=text))
    assert events and "Military Forces of Syria (2000-)" in {events[0].actor1, events[0].actor2}
    assert not any("SANA" in (a or "") for e in events for a in (e.actor1, e.actor2))


def test_an_attack_months_before_the_report_is_history(coder: Coder) -> None:
    text = (
        "published: 2024-02-11\n\nGAZA, Feb 11 (Reuters) - An Israeli air strike on a house in Rafah killed "
        "three people early on Sunday, health officials said.\n\nIsrael launched its offensive after "
        "militants attacked southern Israel on Oct. 7, killing 1,200 people, according to Israeli tallies."
    )
    events = coder.code(Document(id="d", text=text))
    assert [(str(e.event_date), e.fatalities) for e in events] == [("2024-02-11", 3)]


def test_a_ministry_and_an_armed_groups_wing_are_partisan_claimants(coder: Coder) -> None:
    ministry = (
        "LATAKIA, 7 July 2024 (SANA) – The Ministry of Defense said in a statement that army units "
        "repelled at dawn today an infiltration attempt by terrorist groups on the Kabani axis, killing "
        "a number of them."
    )
    group = (
        "IDLIB, 7 July 2024 – Hayat Tahrir al-Sham's military wing said its fighters killed 6 regime "
        "soldiers in an ambush on the Kabani front on Sunday."
    )
    claims = coder.code(Document(id="m", text=ministry), country="Syria")[0].claims
    assert [(c.claimant, c.partisan, c.side) for c in claims] == [
        ("Ministry of Defense", True, "Military Forces of Syria (2000-)")
    ]
    claims = coder.code(Document(id="g", text=group), country="Syria")[0].claims
    assert [(c.partisan, c.side, c.fatalities) for c in claims] == [(True, "HTS: Hayat Tahrir al Sham", 6)]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2024, hundreds of residents gathered in the main square of Jaramana, calling for the "
        "release of detainees.",
        "On 5 March 2024, students marched peacefully through the streets of Enugu to denounce fee hikes.",
    ],
)
def test_a_gathering_that_states_a_demand_is_a_protest(coder: Coder, text: str) -> None:
    events = coder.code(Document(id="p", text=text))
    assert events and events[0].sub_event_type == "Peaceful protest"


def test_a_groups_command_reporting_an_attack_on_civilians_is_no_side(coder: Coder) -> None:
    text = (
        "On 9 August 2024, the SDF General Command said that Turkish-backed mercenaries shelled villages "
        "near Abu Rasin with artillery, wounding a child."
    )
    event = coder.code(Document(id="c", text=text), country="Syria")[0]
    assert (event.actor1, event.actor2) == ("JWS: Syrian National Army", "Civilians (Syria)")


def test_our_forces_are_the_group_speaking_after_them(coder: Coder) -> None:
    text = (
        "QAMISHLI, 9 August 2024 – Our forces repelled an attack by the Turkish occupation and its "
        "mercenaries on the village of Tal Tawil, killing 5 mercenaries, the SDF said in a statement."
    )
    event = coder.code(Document(id="o", text=text), country="Syria")[0]
    assert "QSD: Syrian Democratic Forces" in {event.actor1, event.actor2}
    assert "Military Forces of Syria (2000-)" not in {event.actor1, event.actor2}


def test_an_atgm_strike_on_a_front_is_a_clash(coder: Coder) -> None:
    text = "On 9 August 2024, rebels destroyed a regime tank with an ATGM on the Kafr Nabl front (Idleb)."
    events = coder.code(Document(id="a", text=text), country="Syria")
    assert events and events[0].sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("On 5 September 2024, the body of a man with signs of torture was found in Celaya (Guanajuato).", 1),
        ("On 5 September 2024, the bodies of two men were found in Celaya (Guanajuato).", 2),
        ("On 5 September 2024, residents protested in Celaya against the killing of a teacher.", 0),
    ],
)
def test_a_body_found_is_one_dead(coder: Coder, text: str, dead: int) -> None:
    events = coder.code(Document(id="b", text=text))
    assert events and events[0].fatalities == dead


def test_an_unclaimed_grenade_or_bomb_has_an_unidentified_thrower(coder: Coder) -> None:
    for text in (
        "On 8 September 2024, a grenade was thrown at a house in Bishnupur (Manipur). No injuries.",
        "On 8 September 2024, an IED exploded near a school in Khar (Bajaur). No casualties.",
    ):
        event = coder.code(Document(id="g", text=text), country="India")[0]
        assert event.actor1 == "Unidentified Armed Group (India)" and event.inter1 == 3


def test_troops_deployed_to_help_in_an_outbreak_are_no_event(coder: Coder) -> None:
    text = (
        "LUSAKA, March 20 - A cholera outbreak has killed 40 people in the past week in Lusaka, the health "
        "ministry said on Wednesday. The government deployed the army to help set up treatment centres."
    )
    assert coder.code(Document(id="c", text=text)) == []
