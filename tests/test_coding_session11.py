"""Rules added in session 11 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.nlp.dates import find_dates
from eventdesk.pipeline import Pipeline
from eventdesk.records import Document
from eventdesk.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


# --- types and dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attack",
    [
        "party activists attacked students demonstrating against the fee rise",
        "unknown men assaulted protesters",
        "police beat marchers",
    ],
)
def test_a_crowd_attacked_short_of_killing_is_a_protest_with_intervention(coder: Coder, attack: str) -> None:
    text = f"On 2 March 2024, {attack} in Rajshahi, injuring about twenty. [size=hundreds]"
    event = _one(coder, text, "Bangladesh")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")


def test_protesters_attacking_the_police_stay_a_violent_demonstration(coder: Coder) -> None:
    event = _one(coder, "On 2 March 2024, protesters attacked police officers in Rajshahi.", "Bangladesh")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_people_taken_away_by_a_group_are_abducted(coder: Coder) -> None:
    text = "On 8 May 2024, gunmen stormed a farm near Katsina and took away four labourers."
    event = _one(coder, text, "Nigeria")
    assert event.sub_event_type == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    "killers", ["self-styled cow protectors", "a group of villagers", "a crowd of traders"]
)
def test_a_group_beating_a_man_to_death_is_mob_violence(coder: Coder, killers: str) -> None:
    text = f"On 4 June 2024, {killers} beat a man to death in Alwar, accusing him of theft."
    event = _one(coder, text, "India")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.fatalities == 1


def test_arms_seized_in_an_arrest_raid_are_no_fighting(coder: Coder) -> None:
    text = "On 6 May 2024, police arrested a gang leader in a raid in Esmeraldas, seizing rifles and cash."
    event = _one(coder, text, "Ecuador")
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")


def test_a_volcano_killing_people_is_no_event(coder: Coder) -> None:
    text = (
        "On 3 December 2024, Mount Marapi in West Sumatra erupted, killing eleven climbers, the disaster "
        "agency said."
    )
    assert coder.code(Document(id="t", text=text), country="Indonesia") == []


def test_a_truce_ending_deadly_fighting_is_an_agreement_without_deaths(coder: Coder) -> None:
    text = (
        "On 9 May 2024, the two militias agreed a ceasefire in Zawiya, ending fighting that killed 14 "
        "people, local officials said."
    )
    event = _one(coder, text, "Libya")
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Agreement")
    assert event.fatalities == 0


def test_the_following_day_opening_a_sentence_is_the_next_days_event(coder: Coder) -> None:
    text = (
        "On 3 May 2024, RSF fighters looted shops in the market of Mellit. The following day, RSF artillery "
        "shelled the town's hospital, killing four patients."
    )
    events = coder.code(Document(id="t", text=text), country="Sudan")
    assert [(e.event_date, e.sub_event_type) for e in events] == [
        (dt.date(2024, 5, 3), "Looting/property destruction"),
        (dt.date(2024, 5, 4), "Shelling/artillery/missile attack"),
    ]


def test_the_following_day_inside_a_sentence_is_the_events_aftermath() -> None:
    text = "On 3 May 2024, gunmen shot a trader in Kano; the suspects were arrested the following day."
    assert [d.date for d in find_dates(text, dt.date(2024, 5, 6))] == [dt.date(2024, 5, 3)]


def test_the_day_a_war_began_does_not_date_the_event_beside_it(coder: Coder) -> None:
    text = (
        "KHARKIV, May 24 (Wire) - A Russian missile strike on a printing house killed seven workers on "
        "Thursday, the governor said, one of the deadliest strikes on the city since the invasion began in "
        "February 2022."
    )
    events = coder.code(Document(id="t", text=text, published_at=dt.date(2024, 5, 24)), country="Ukraine")
    assert [e.event_date for e in events] == [dt.date(2024, 5, 23)]


# --- actors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("force", "name"),
    [
        ("the Burundian National Defence Force", "Military Forces of Burundi (2005-)"),
        ("Ugandan People's Defence Force troops", "Military Forces of Uganda (1986-)"),
        ("Ethiopian National Defense Forces", "Military Forces of Ethiopia (2018-)"),
    ],
)
def test_a_states_defence_force_by_its_long_name(coder: Coder, force: str, name: str) -> None:
    text = f"On 3 May 2024, {force} clashed with rebels near Uvira."
    event = _one(coder, text, "Democratic Republic of Congo")
    assert event.actor1 == name


def test_a_states_attacks_and_model_named_weapons_are_its_forces(coder: Coder) -> None:
    event = _one(coder, "On 3 June 2024, 14 Russian assaults near Toretsk were repelled.", "Ukraine")
    assert "Military Forces of Russia (2000-)" in (event.actor1, event.actor2)
    text = "On 3 June 2024, Hamas fighters destroyed an Israeli Merkava tank in Rafah."
    event = _one(coder, text, "Palestine")
    assert event.actor2 == "Military Forces of Israel (2022-)"


def test_a_ministrys_generic_forces_are_its_states(pipeline: Pipeline) -> None:
    text = (
        "On 20 May 2024, air defence systems destroyed nine Ukrainian drones over Kursk region, the Russian "
        "Defence Ministry said."
    )
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.actor2 == "Military Forces of Ukraine (2019-)"
    assert event.country == "Russia"


def test_the_speakers_own_unit_is_not_the_side_that_fought(coder: Coder) -> None:
    text = (
        "On 2 August 2023, army troops clashed with NPA rebels near Catubig, Northern Samar, the Philippine "
        "army's 8th Infantry Division said."
    )
    event = _one(coder, text, "Philippines")
    assert event.actor1 == "Military Forces of the Philippines (2022-)"


def test_two_units_of_one_group_fighting_are_infighting(coder: Coder) -> None:
    text = "On 5 March 2024, the Hamza Division clashed with the Sultan Suleiman Shah Division in Afrin."
    event = _one(coder, text, "Syria")
    assert event.actor1 == event.actor2 == "JWS: Syrian National Army"


def test_men_in_military_fatigues_are_unidentified(coder: Coder) -> None:
    text = "On 8 June 2024, men in military fatigues abducted three traders near Bunia."
    event = _one(coder, text, "Democratic Republic of Congo")
    assert event.actor1 == "Unidentified Armed Group (Democratic Republic of Congo)"


def test_a_statements_header_names_the_speaker_not_the_attacker(coder: Coder) -> None:
    text = (
        "Azerbaijani Ministry of Defence: On 2 March 2024, Armenian armed forces units opened fire on "
        "Azerbaijani positions near Zabukh, wounding a soldier of ours."
    )
    event = _one(coder, text, "Azerbaijan")
    assert event.actor1 == "Military Forces of Armenia (2018-)"


def test_a_road_between_two_towns_is_no_pair_of_sides(pipeline: Pipeline) -> None:
    text = (
        "An Israeli drone struck a car on the road between Bint Jbeil and Aitaroun on 5 July 2024, killing "
        "the two men inside, the state news agency reported. Hezbollah later mourned both as its fighters. "
        "The Israeli military said its aircraft had killed two Hezbollah operatives."
    )
    (event,) = pipeline.code(Document(id="t", text=text))
    assert (event.actor1, event.actor2) == ("Military Forces of Israel (2022-)", "Hezbollah")


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("RED-Tabara rebels", "RED-Tabara: Resistance for the Rule of Law in Burundi"),
        ("Jaish al-Adl militants", "Jaish al Adl"),
        ("Chhatra League activists", "BCL: Bangladesh Chhatra League"),
    ],
)
def test_new_named_groups(coder: Coder, name: str, actor: str) -> None:
    event = _one(coder, f"On 5 May 2024, {name} attacked a police post near the border.", None)
    assert event.actor1 == actor


# --- places ------------------------------------------------------------------------------------------


def test_a_demonym_qualifying_a_town_places_it_in_that_country(pipeline: Pipeline) -> None:
    text = "On 2 June 2024, Hezbollah fired rockets at the Israeli town of Metula. No injuries were reported."
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.country == "Israel"
    assert event.latitude is not None


@pytest.mark.parametrize("where", ["in Maputo", "in central Maputo"])
def test_a_capital_that_shares_its_provinces_name_is_the_city(pipeline: Pipeline, where: str) -> None:
    text = f"On 7 November 2024, protesters burned tyres and threw stones at police {where}."
    (event,) = pipeline.code(Document(id="t", text=text))
    assert (event.location, event.geo_precision) == ("Maputo", 1)


def test_a_province_named_as_one_stays_the_province(pipeline: Pipeline) -> None:
    text = "On 7 November 2024, gunmen killed two farmers in Maputo province."
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.geo_precision == 3


def test_drones_downed_over_a_region_after_a_long_object(pipeline: Pipeline) -> None:
    text = (
        "On 1 June 2024, air defence systems intercepted and destroyed 12 Ukrainian unmanned aerial vehicles "
        "over the territory of Bryansk region, the Russian Defence Ministry said."
    )
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.admin1 == "Bryansk"


def test_a_syrian_town_is_written_as_ochas_unit(pipeline: Pipeline) -> None:
    text = "On 4 March 2024, residents protested against the government in Sweida city. [size=hundreds]"
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.location == "As-Sweida"


def test_a_group_saying_it_carried_out_a_bombing_is_its_author(coder: Coder) -> None:
    text = (
        "On 9 July 2024, at least five people were killed when a car bomb exploded near a checkpoint in "
        "Baidoa, police said. Al Shabaab said it carried out the attack."
    )
    event = _one(coder, text, "Somalia")
    assert (event.actor1, event.actor2) == ("Al Shabaab", "Civilians (Somalia)")


def test_who_found_the_bodies_is_no_side(coder: Coder) -> None:
    text = "On 7 June 2024, police found the bodies of three men with gunshot wounds in a rural area of Buga."
    event = _one(coder, text, "Colombia")
    assert event.actor1 == "Unidentified Armed Group (Colombia)"


def test_an_unknown_village_in_a_district_named_after_a_town_is_near_that_town(pipeline: Pipeline) -> None:
    text = "On 25 December 2023, gunmen attacked the village of Mushu in Bokkos LGA (Plateau), killing 25."
    (event,) = pipeline.code(Document(id="t", text=text))
    assert (event.location, event.geo_precision) == ("Mushu", 2)
