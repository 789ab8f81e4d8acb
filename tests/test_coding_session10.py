"""Rules added in session 10 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.nlp.dates import find_dateline
from eventdesk.pipeline import Pipeline
from eventdesk.records import Document
from eventdesk.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


# --- types -----------------------------------------------------------------------------------------


def test_witnesses_of_a_drone_attack_make_no_riot(coder: Coder) -> None:
    # a crowd word beside a strike names the doer only in the attack's own sentence
    text = (
        "Rebels attacked the police post of Suarez with bomb-laden drones on 2 June 2024, wounding a "
        "patrolman, the police said. Residents said they heard three blasts before dawn."
    )
    event = _one(coder, text, "Colombia")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_a_crowd_storming_a_police_station_is_still_a_demonstration(coder: Coder) -> None:
    text = "On 9 July 2023, residents stormed the police station in Kisumu and set it on fire."
    event = _one(coder, text, "Kenya")
    assert event.event_type == "Riots"


@pytest.mark.parametrize(
    "denial", ["No clashes were reported.", "There was no fighting.", "No exchange of fire followed."]
)
def test_fighting_said_not_to_have_happened_is_no_battle(coder: Coder, denial: str) -> None:
    text = (
        f"On 4 May 2024, Israeli soldiers shot dead a Palestinian farmer near the village of Qusra during "
        f"an incursion. {denial}"
    )
    event = _one(coder, text, "Palestine")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 == "Civilians (Palestine)"


def test_the_dead_named_in_the_next_sentence_are_the_civilians_shot(coder: Coder) -> None:
    text = "On 3 May 2023, gunmen shot a shopkeeper in Zaria. He died in hospital the next day."
    event = _one(coder, text, "Nigeria")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 1


def test_a_trade_deal_is_no_agreement(coder: Coder) -> None:
    text = (
        "Dhaka, 2 March 2024: the prime ministers of Bangladesh and Bhutan signed an agreement on hydropower "
        "imports and new transit routes for trade."
    )
    assert coder.code(Document(id="t", text=text), country="Bangladesh") == []


def test_a_deal_between_conflict_parties_is_still_an_agreement(coder: Coder) -> None:
    text = (
        "On 8 June 2024, the army and the rebels signed an agreement on a ceasefire and the reopening of "
        "roads."
    )
    event = _one(coder, text, "Myanmar")
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Agreement")


def test_houses_broken_into_and_emptied_are_looting(coder: Coder) -> None:
    text = (
        "On 14 April 2024, members of a militia broke into three shops in Bunia market, took sacks of flour "
        "and phones, and fled."
    )
    event = _one(coder, text, "Democratic Republic of Congo")
    assert event.sub_event_type == "Looting/property destruction"


def test_police_breaking_into_a_house_to_arrest_make_arrests(coder: Coder) -> None:
    text = "On 5 June 2022, police broke into a house in Ibadan and arrested four suspected kidnappers."
    event = _one(coder, text, "Nigeria")
    assert event.sub_event_type == "Arrests"


def test_a_town_seized_under_a_description_is_taken_territory(coder: Coder) -> None:
    text = (
        "On 2 July 2024, M23 fighters seized the lakeside town of Kanyabayonga in Lubero territory after "
        "clashes with FARDC troops."
    )
    event = _one(coder, text, "Democratic Republic of Congo")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Non-state actor overtakes territory")


# --- fatalities ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "death", ["He died of his wounds.", "She later died in hospital.", "He was pronounced dead."]
)
def test_a_victim_who_died_later_counts_one(coder: Coder, death: str) -> None:
    text = f"On 12 August 2024, a mob beat a suspected thief in Kumasi market. {death}"
    event = _one(coder, text, "Ghana")
    assert event.fatalities == 1


def test_police_who_came_after_a_lynching_are_no_side(coder: Coder) -> None:
    text = (
        "On 12 August 2024, a crowd in Tlapa (Guerrero) beat two men accused of stealing a motorbike and "
        "set them on fire before police arrived."
    )
    event = _one(coder, text, "Mexico")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor2 == "Civilians (Mexico)"


# --- actors ----------------------------------------------------------------------------------------


def test_a_ministry_speaking_of_our_units_speaks_for_its_state(coder: Coder) -> None:
    text = (
        "Armenia's Ministry of Defence said that on 3 June 2023 Azerbaijani armed forces opened fire with "
        "machine guns on our units stationed near Sotk. Our units answered with return fire."
    )
    event = _one(coder, text, "Armenia")
    assert event.event_type == "Battles"
    # the side that opened fire leads; the ministry's own units are the other side
    assert event.actor1.startswith("Military Forces of Azerbaijan")
    assert event.actor2.startswith("Military Forces of Armenia")


def test_a_states_defence_forces_are_its_military(coder: Coder) -> None:
    text = (
        "On 20 August 2023, units of the Defence Forces liberated the village of Urozhaine in Donetsk "
        "region from the occupiers, the General Staff of the Armed Forces of Ukraine said."
    )
    event = _one(coder, text, "Ukraine")
    assert event.actor1 == "Military Forces of Ukraine (2019-)"
    assert event.actor2 == "Military Forces of Russia (2000-)"


def test_support_named_before_a_recapture_is_no_ally_of_the_enemy(coder: Coder) -> None:
    text = (
        "On 1 March 2025, Burkinabe soldiers supported by aircraft retook the town of Djibo from JNIM "
        "fighters."
    )
    event = _one(coder, text, "Burkina Faso")
    assert event.sub_event_type == "Government regains territory"
    assert event.actor2 == "JNIM: Group for Support of Islam and Muslims"


# --- one event told twice --------------------------------------------------------------------------


def test_the_same_blast_told_again_elsewhere_in_the_article_is_one_event(coder: Coder) -> None:
    text = (
        "MANDERA, Kenya, June 4 (EDN) - Three soldiers were killed on Monday when their truck struck a "
        "landmine on the road between Mandera and Rhamu, the army said.\n\n"
        "The soldiers were on patrol when the device exploded about 20 km west of Mandera, an officer "
        "told reporters.\n\n"
        "Nobody claimed the blast, but the army blamed Al Shabaab, which has mined the roads of the border "
        "counties for years."
    )
    events = coder.code(Document(id="t", text=text, published_at=dt.date(2024, 6, 4)), country="Kenya")
    assert len(events) == 1
    assert events[0].sub_event_type == "Remote explosive/landmine/IED"
    assert events[0].fatalities == 3


# --- dates -----------------------------------------------------------------------------------------


def test_a_dateline_with_its_weekday_is_the_reports_date() -> None:
    text = "HERMOSILLO, Sonora, Sunday 9 March 2025 - Two police officers were shot dead on Saturday."
    line = find_dateline(text)
    assert line is not None and line.date == dt.date(2025, 3, 9)
    assert text[line.start : line.end] == "Sunday 9 March 2025"


def test_a_weekday_after_a_dateline_with_its_weekday_is_the_day_before(coder: Coder) -> None:
    text = (
        "HERMOSILLO, Sonora, Sunday 9 March 2025 - Two police officers were killed on Saturday when gunmen "
        "ambushed their patrol car on the road to Ures, state authorities said."
    )
    event = _one(coder, text, "Mexico")
    assert event.event_date == dt.date(2025, 3, 8)


# --- more actors and types -------------------------------------------------------------------------


def test_a_group_leading_factions_is_their_actor(coder: Coder) -> None:
    text = (
        "On 2 December 2024, HTS-led factions captured the town of Khan Shaykhun after government forces "
        "left."
    )
    event = _one(coder, text, "Syria")
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "HTS: Hayat Tahrir al Sham"


def test_the_force_named_in_brackets_is_the_actor(coder: Coder) -> None:
    text = (
        "On 4 February 2025, a Turkish drone struck a checkpoint near Amuda, killing a member of the "
        "Internal Security Forces (Asayish)."
    )
    event = _one(coder, text, "Syria")
    assert event.actor2 == "Asayish"


def test_patients_killed_in_a_shelling_are_civilians(coder: Coder) -> None:
    text = "On 6 March 2025, the RSF shelled a clinic in Omdurman, killing four patients."
    event = _one(coder, text, "Sudan")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor2 == "Civilians (Sudan)"


def test_a_weapons_depot_struck_from_the_air_is_an_air_strike(coder: Coder) -> None:
    text = "On 9 May 2025, Israeli aircraft struck a Hezbollah weapons depot near Tyre, the army said."
    event = _one(coder, text, "Lebanon")
    assert event.sub_event_type == "Air/drone strike"


def test_a_weapons_depot_found_is_still_disrupted_weapons_use(coder: Coder) -> None:
    text = "On 9 May 2025, soldiers found a weapons depot of the militants near Menaka."
    event = _one(coder, text, "Mali")
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_town_entered_after_its_defenders_fled_is_a_non_violent_transfer(coder: Coder) -> None:
    text = "On 27 January 2025, M23 rebels entered Sake after FARDC troops fled the town."
    event = _one(coder, text, "Democratic Republic of Congo")
    assert event.sub_event_type == "Non-violent transfer of territory"


def test_a_countrys_national_police_are_its_police(coder: Coder) -> None:
    text = "On 9 April 2025, the Colombian National Police clashed with ELN guerrillas in Tame (Arauca)."
    event = _one(coder, text, "Colombia")
    assert event.actor1 == "Police Forces of Colombia (2022-)"
    assert event.actor2 == "ELN: National Liberation Army"


def test_haitis_national_police_regaining_ground_is_the_government(coder: Coder) -> None:
    text = "On 3 May 2025, the Haitian National Police regained control of Solino from Viv Ansanm gangs."
    event = _one(coder, text, "Haiti")
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1 == "Police Forces of Haiti (2021-)"


def test_police_beating_mourners_intervene_in_a_protest(coder: Coder) -> None:
    text = (
        "On 12 April 2025, mourners in Zahedan chanted slogans against the authorities at a funeral; police "
        "beat several mourners. [size=no report]"
    )
    event = _one(coder, text, "Iran")
    assert event.sub_event_type == "Protest with intervention"


def test_a_camp_an_armed_group_sets_up_is_a_base(coder: Coder) -> None:
    text = "On 22 March 2025, the ADF set up a new camp in the forest near Oicha (Beni, Nord-Kivu)."
    event = _one(coder, text, "Democratic Republic of Congo")
    assert event.sub_event_type == "Headquarters or base established"


def test_a_camp_for_displaced_families_is_no_base(coder: Coder) -> None:
    text = "On 22 March 2025, the authorities set up a camp for displaced families near Bunia."
    assert coder.code(Document(id="t", text=text), country="Democratic Republic of Congo") == []


def test_a_mine_that_exploded_on_a_shepherd_harmed_a_civilian(coder: Coder) -> None:
    text = (
        "On 8 April 2023, a landmine exploded on a shepherd in the vicinity of Kabajeb in the southern "
        "countryside of Deir Ez-Zor, killing him."
    )
    event = _one(coder, text, "Syria")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor2 == "Civilians (Syria)"


# --- places ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "head", "hints"),
    [
        ("Youths threw stones at police in Conakry's Matoto commune.", "Matoto", ("Conakry",)),
        ("A shell hit a house in Kharkiv's Kholodnohirskyi district.", "Kholodnohirskyi", ("Kharkiv",)),
        ("Fighting went on in Khartoum's south.", "Khartoum", ()),
    ],
)
def test_a_possessive_place_is_the_part_in_its_owner(text: str, head: str, hints: tuple[str, ...]) -> None:
    from eventdesk.coding.places import find_places

    found = find_places(text)
    assert found and found[0].head == head
    assert found[0].hints[: len(hints)] == hints
    assert text[found[0].head_start : found[0].head_start + len(head)] == head


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def test_the_people_of_a_possessive_place_are_its_countrys(pipeline: Pipeline) -> None:
    text = (
        "On 10 June 2024, opposition supporters burned tyres and threw stones at police in Conakry's Matoto "
        "commune; police responded with tear gas. [size=no report]"
    )
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.event_type == "Riots"
    assert event.country == "Guinea"
    assert event.actor1 == "Rioters (Guinea)"


def test_the_attackers_of_a_passive_report_lead(coder: Coder) -> None:
    text = (
        "On 20 May 2020, three soldiers were killed when suspected Al Shabaab militants ambushed their "
        "convoy near Balcad (Middle Shabelle)."
    )
    event = _one(coder, text, "Somalia")
    assert event.event_type == "Battles"
    assert event.actor1 == "Al Shabaab"


def test_prisoners_handed_over_under_a_deal_are_an_agreement(coder: Coder) -> None:
    text = "On 22 May 2020, the Taliban handed over 20 prisoners to the ICRC in Herat under the swap deal."
    event = _one(coder, text, "Afghanistan")
    assert event.sub_event_type == "Agreement"


def test_civilians_executed_in_a_raid_are_attacked(coder: Coder) -> None:
    text = (
        "On 5 August 2023, FAMa troops carried out a raid on Diallassagou (Bankass, Mopti), executing 9 "
        "civilians."
    )
    event = _one(coder, text, "Mali")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 9


def test_ambazonia_separatist_forces_are_the_separatists(coder: Coder) -> None:
    text = "On 13 August 2023, members of the Ambazonia separatist forces burned a school in Kumbo (Bui)."
    event = _one(coder, text, "Cameroon")
    assert event.actor1 == "Ambazonian Separatists"


def test_a_hyphenated_french_city_name_is_found_whole(pipeline: Pipeline) -> None:
    text = "On 30 March 2025, rival gangs clashed in the Martissant area of Port-au-Prince, killing three."
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.country == "Haiti"
    assert event.location == "Port-au-Prince"


def test_an_armys_own_auxiliaries_are_its_allies(coder: Coder) -> None:
    text = "On 19 August 2023, the Burkinabe army's VDP auxiliaries fought off a JNIM attack on Titao."
    event = _one(coder, text, "Burkina Faso")
    assert event.event_type == "Battles"
    assert {event.actor1, event.actor2} == {
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Burkina Faso (2022-)",
    }
    assert event.assoc_actor_2 == "VDP: Volunteers for the Defense of the Homeland" or (
        event.assoc_actor_1 == "VDP: Volunteers for the Defense of the Homeland"
    )


def test_a_region_named_exactly_outweighs_a_town_of_another_spelling(pipeline: Pipeline) -> None:
    text = (
        "The Russian Defence Ministry said that on 2 April 2025 air defence systems destroyed 31 Ukrainian "
        "drones over Kursk region overnight."
    )
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.country == "Russia"
    assert event.admin1 == "Kursk"


def test_herders_of_a_people_killed_by_a_militia_are_civilians(coder: Coder) -> None:
    text = "On 9 August 2023, Dozo hunters killed four Fulani herders near Mopti."
    event = _one(coder, text, "Mali")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 == "Civilians (Mali)"
    assert event.assoc_actor_2 == "Fulani Ethnic Group (Mali)"
    assert event.interaction == 47


@pytest.mark.parametrize("subject", ["the US", "the US and UK", "the UK"])
def test_a_state_named_by_its_initials_as_the_one_who_strikes(coder: Coder, subject: str) -> None:
    text = f"On 15 January 2024, {subject} carried out airstrikes on Houthi radar sites near Ras Isa."
    event = _one(coder, text, "Yemen")
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1.startswith("Military Forces of the United")
