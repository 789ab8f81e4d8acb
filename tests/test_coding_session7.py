"""Rules added in session 7 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.records import Document


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


# --- an attack on a force's positions is a battle, whatever the force's name ---------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "On 9 May 2024, Fano fighters attacked Ethiopian National Defence Force positions near Debre "
            "Tabor in South Gondar zone. Casualties were not reported.",
            "Ethiopia",
        ),
        (
            "On 2 June 2024, suspected jihadists attacked an army outpost near Tillaberi. The toll is "
            "unknown.",
            "Niger",
        ),
    ],
)
def test_attack_on_positions_is_a_battle(coder: Coder, text: str, country: str) -> None:
    event = _one(coder, text, country)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


# --- numbers inside names are no counts ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("members of the Barrio 18 gang shot dead a taxi driver", []),
        ("MS-13 members killed two traders", [2]),
        ("a Su-25 jet bombed the village", []),
        ("The 18 soldiers were freed", [18]),  # a count at the start of a sentence
        ("officials said Monday 14 people were killed", [14]),  # a weekday before a count
        ("Some 30 people were wounded", [30]),
    ],
)
def test_numbers_in_names_are_no_counts(text: str, counts: list[int]) -> None:
    from eventdesk.nlp.numbers import find_quantities

    assert [q.best for q in find_quantities(text)] == counts


def test_gang_number_is_not_the_death_toll(coder: Coder) -> None:
    event = _one(
        coder,
        "On 4 February 2024, suspected members of the Barrio 18 gang shot dead a bus driver in Mixco, "
        "Guatemala department, after he refused to pay extortion.",
        "Guatemala",
    )
    assert event.fatalities == 1


# --- an alias of ordinary words inside a longer name ---------------------------------------------


def test_ordinary_words_alias_inside_a_longer_name(coder: Coder) -> None:
    # "National Army" (Syria's SNA, Yemen's army) is the tail of another group's name here
    event = _one(
        coder,
        "On 8 August 2024, the Kuki National Army clashed with Meitei militants near Moreh in Tengnoupal "
        "district, Manipur. One fighter was killed.",
        "India",
    )
    assert "Syrian National Army" not in (event.actor1 or "") + (event.actor2 or "")


def test_ordinary_words_alias_after_a_demonym_still_names(coder: Coder) -> None:
    event = _one(
        coder,
        "On 3 March 2023, Houthi forces clashed with the Yemeni National Army in Harib district, Marib.",
        "Yemen",
    )
    assert "Military Forces of Yemen" in (event.actor1 or "") + (event.actor2 or "")


# --- people who left the forces are civilians when harmed ----------------------------------------


def test_arrested_former_officer_is_a_civilian(coder: Coder) -> None:
    event = _one(
        coder,
        "On 6 May 2024, Taliban intelligence agents detained a former army officer at his home in "
        "Mazar-i-Sharif, relatives said.",
        "Afghanistan",
    )
    assert event.sub_event_type == "Arrests"
    assert event.actor2 == "Civilians (Afghanistan)"
    assert (event.assoc_actor_2 or "").startswith("Former Military Forces of Afghanistan")
    assert not (event.assoc_actor_1 or "").startswith("Former")


def test_killed_former_police_officer_is_violence_against_civilians(coder: Coder) -> None:
    event = _one(
        coder,
        "On 19 September 2024, gunmen on a motorbike shot dead a retired police officer outside a mosque "
        "in Peshawar.",
        "Pakistan",
    )
    assert (event.event_type, event.actor2) == ("Violence against civilians", "Civilians (Pakistan)")


def test_lower_case_national_army_is_the_country_s_own(coder: Coder) -> None:
    event = _one(
        coder,
        "On 22 October 2023, jihadists ambushed a patrol of the national army near Boni, killing four "
        "soldiers.",
        "Mali",
    )
    names = " ".join(filter(None, (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)))
    assert "Syrian National Army" not in names and "Yemen" not in names
    assert "Military Forces of Mali" in names


# --- a wire story's days ---------------------------------------------------------------------------

_WIRE = (
    "KHARTOUM, March 14 (Wire) - Paramilitary fighters shelled a displacement camp near El Fasher on "
    "Wednesday, killing at least 11 people, local activists said on Thursday.\n\n"
    "The Rapid Support Forces, at war with the army since April 2023, have besieged the city for months.\n\n"
    "The previous day, army drones struck RSF positions east of the city, the military said."
)


def test_dateline_year_from_the_day_the_story_was_told() -> None:
    from eventdesk.nlp.dates import find_dateline

    dateline = find_dateline(_WIRE)
    assert dateline is not None and dateline.date is not None
    assert dateline.date.isoformat() == "2024-03-14"  # a Thursday, the day the activists spoke


def test_previous_day_is_counted_from_the_event_before(coder: Coder) -> None:
    events = coder.code(Document(id="t", text=_WIRE), country="Sudan")
    days = sorted((e.event_date.isoformat() if e.event_date else "", e.sub_event_type) for e in events)
    assert days == [
        ("2024-03-12", "Air/drone strike"),
        ("2024-03-13", "Shelling/artillery/missile attack"),
    ]
    shelling = next(e for e in events if e.event_date and e.event_date.day == 13)
    assert shelling.actor1 == "RSF: Rapid Support Forces"  # Sudan's paramilitary force


def test_chained_days_need_an_exact_date_before() -> None:
    from eventdesk.nlp.dates import find_dates

    assert [d.text for d in find_dates("The previous day, clashes resumed.")] == []
    found = find_dates("On 30 June 2024 gunmen struck. The day before, police had raided the camp.")
    assert [(d.text, d.date.isoformat() if d.date else None) for d in found] == [
        ("30 June 2024", "2024-06-30"),
        ("The day before", "2024-06-29"),
    ]
    # forwards it is the event's aftermath, told with the event ("arrested the following day")
    aftermath = find_dates("On 30 June 2024 gunmen struck. They were held the following day.")
    assert [d.text for d in aftermath] == ["30 June 2024"]


# --- police who speak about an attack and answer it are not the attackers' ally -------------------


def test_police_that_speak_and_respond_are_no_ally(coder: Coder) -> None:
    event = _one(
        coder,
        "Published 9 March 2025\n\nGunmen raided a farming village in Bokkos, Plateau state, late on "
        "Saturday and killed seven villagers, police said on Sunday.\n\nA police spokesman said officers "
        "were deployed to the area and a manhunt had begun.",
        "Nigeria",
    )
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")
    assert event.assoc_actor_1 is None


def test_a_group_s_own_security_forces_arrest_as_the_group(coder: Coder) -> None:
    event = _one(
        coder,
        "On 12 January 2024, HTS security forces detained three men accused of smuggling in the town of "
        "Harem, northern Idlib.",
        "Syria",
    )
    assert event.sub_event_type == "Arrests"
    assert event.actor1 == "HTS: Hayat Tahrir al Sham"


@pytest.mark.parametrize(
    ("tail", "dead"),
    [
        ("resulting in the death of a tribal fighter.", 1),
        ("leading to the death of one fighter and injuring two others.", 1),
        ("which led to the deaths of four fighters.", 4),
    ],
)
def test_a_clash_resulting_in_a_death(coder: Coder, tail: str, dead: int) -> None:
    event = _one(
        coder,
        f"On 2 April 2024, SDF fighters and tribal gunmen clashed in Al-Busayrah town in the eastern Deir "
        f"ez-Zor countryside, {tail}",
        "Syria",
    )
    assert event.fatalities == dead


# --- talks, crowds that leave, towns left without a fight -----------------------------------------


def test_talks_about_a_truce_are_no_agreement(coder: Coder) -> None:
    text = (
        "The two governments' envoys met in Muscat on Tuesday to discuss a prisoner swap and a possible "
        "ceasefire agreement, diplomats said."
    )
    assert coder.code(Document(id="t", text=text)) == []


def test_a_rally_that_disperses_peacefully_had_no_intervention(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 March 2024, about 80 supporters of an opposition party held a rally in Lubumbashi to denounce "
        "rising fuel prices. The rally dispersed peacefully. [size=about 80]",
        "Democratic Republic of Congo",
    )
    assert event.sub_event_type == "Peaceful protest"


def test_town_taken_without_fighting_is_a_transfer(coder: Coder) -> None:
    event = _one(
        coder,
        "On 11 June 2024, the army left its positions in Rubaya, Masisi territory, and M23 rebels took "
        "control of the town without a fight.",
        "Democratic Republic of Congo",
    )
    assert event.sub_event_type == "Non-violent transfer of territory"


def test_a_mob_s_victims_are_not_its_allies(coder: Coder) -> None:
    event = _one(
        coder,
        "On 9 September 2023, residents of a village in Katsina state lynched three suspected bandits "
        "who had come to collect a ransom.",
        "Nigeria",
    )
    assert (event.sub_event_type, event.actor1) == ("Mob violence", "Rioters (Nigeria)")
    assert event.assoc_actor_1 is None


# --- partisan wording of states' forces -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "actor1"),
    [
        (
            "On 14 July 2024, Russian invaders shelled the centre of Kherson with artillery, wounding two "
            "women, the regional administration said.",
            "Ukraine",
            "Military Forces of Russia (2000-)",
        ),
        (
            "On 3 February 2024, the Israeli occupation bombed a house in Khan Younis, killing four "
            "citizens, medical sources said.",
            "Palestine",
            "Military Forces of Israel (2022-)",
        ),
    ],
)
def test_invaders_and_occupation_are_a_state_s_forces(
    coder: Coder, text: str, country: str, actor1: str
) -> None:
    assert _one(coder, text, country).actor1 == actor1


def test_a_faction_s_outlet_speaks_of_its_own_state_forces(coder: Coder) -> None:
    text = (
        "SANAA, Feb. 3, 2024 (Saba) - The American-British aggression launched seven raids on the Ras Issa "
        "port on Saturday, Saba reported.\n\n"
        "The armed forces spokesman said Yemeni forces targeted a warship in the Red Sea with ballistic "
        "missiles in response."
    )
    events = coder.code(Document(id="t", text=text), country="Yemen")
    raids = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert (raids.actor1 or "").startswith("Military Forces of the United States")
    assert (raids.assoc_actor_1 or "").startswith("Military Forces of the United Kingdom")
    names = {e.actor1 for e in events}
    assert "Military Forces of Yemen (2016-) Supreme Political Council" in names


def test_a_crowd_vandalising_a_church_is_mob_violence(coder: Coder) -> None:
    event = _one(
        coder,
        "On 14 March 2024, a group of activists vandalised a church in Dhar, Madhya Pradesh, accusing its "
        "pastor of forced conversions.",
        "India",
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


def test_azawad_rebel_coalition_as_source_and_as_side(coder: Coder) -> None:
    strike = _one(
        coder,
        "On 4 October 2024, a drone strike by the Malian army hit a market in Tinzaouaten, Kidal region, "
        "killing 8 civilians, according to the CSP-DPA rebel coalition.",
        "Mali",
    )
    assert (strike.actor2, strike.interaction) == ("Civilians (Mali)", 17)
    ambush = _one(
        coder,
        "On 9 August 2024, CSP-DPA rebels ambushed an army convoy near Anefis, Kidal region. Fatalities "
        "unknown.",
        "Mali",
    )
    assert ambush.actor1 == "CMA: Coordination of Azawad Movements"


def test_a_state_s_uavs_are_its_forces(coder: Coder) -> None:
    event = _one(
        coder,
        "On 21 August 2024, Russian air defences shot down nine Ukrainian UAVs over Belgorod region, the "
        "Russian Defence Ministry said.",
        "Russia",
    )
    assert event.sub_event_type == "Disrupted weapons use"
    assert (event.actor2 or "").startswith("Military Forces of Ukraine")


def test_lethal_force_against_a_violent_crowd_is_a_violent_demonstration(coder: Coder) -> None:
    event = _one(
        coder,
        "On 11 July 2024, residents of Migori burned tyres and blocked roads to protest the death of a "
        "trader in custody. Police fired live bullets, killing one protester. [size=hundreds]",
        "Kenya",
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.fatalities == 1
