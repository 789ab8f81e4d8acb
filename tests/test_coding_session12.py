"""Rules added in session 12 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.nlp.dates import resolve_reference_date
from eventdesk.records import Document


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


# --- actors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "On 12 May 2024, The Rapid Support Forces",
        "CAIRO, May 12, 2024 (Reuters) - The Rapid Support Forces",
        "The Rapid Support Forces on 12 May 2024",
    ],
)
def test_a_capitalised_article_is_no_part_of_a_groups_name(coder: Coder, opening: str) -> None:
    # "(Reuters) - The Rapid Support Forces": the wire's capitalised "The" does not make a longer,
    # unknown name of the ordinary words "Rapid Support Forces"
    event = _one(coder, f"{opening} shelled El Fasher, killing at least 27 civilians.", "Sudan")
    assert event.actor1 == "RSF: Rapid Support Forces"
    assert event.actor2 == "Civilians (Sudan)"


def test_a_capitalised_name_before_ordinary_words_is_still_a_longer_name(coder: Coder) -> None:
    text = "On 3 June 2024, the Kuki National Army ambushed troops in Manipur, killing two soldiers."
    event = _one(coder, text)
    assert event.actor1 == "Kuki National Army"


def test_an_unlisted_group_after_a_capitalised_article_keeps_its_name(coder: Coder) -> None:
    text = "On 3 June 2024, The Kuki National Army ambushed troops in Manipur, killing two soldiers."
    event = _one(coder, text, "India")
    assert event.actor1 == "Kuki National Army"
    assert event.actor2 == "Military Forces of India (2014-)"


# --- types ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "road",
    ["a motorway near Lyon", "the Pont de Normandie bridge", "a rail line near Rouen", "the A7 junction"],
)
def test_a_crowd_blocking_a_road_of_any_kind_to_protest_is_a_protest(coder: Coder, road: str) -> None:
    text = f"On 2 June 2024, farmers blocked {road} to denounce fuel prices."
    event = _one(coder, text, "France")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.actor1 == "Protesters (France)"


def test_a_party_body_that_reports_is_no_side(coder: Coder) -> None:
    text = (
        "On 13 June 2024, Houthi rebels attacked a cargo ship in the Red Sea with a drone boat, setting it "
        "ablaze, the British military's United Kingdom Maritime Trade Operations centre said."
    )
    event = _one(coder, text, "Yemen")
    assert event.actor1 == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert event.actor2 != "Military Forces of the United Kingdom (2022-2024)"


def test_a_member_of_a_group_as_the_source_makes_the_group_no_side(coder: Coder) -> None:
    text = (
        "On 19 August 2024, an air strike by Myanmar's military on a village in Tabayin township killed 11 "
        "people, including four children, according to a member of the local People's Defence Force."
    )
    event = _one(coder, text, "Myanmar")
    assert (event.actor1, event.actor2) == ("Military Forces of Myanmar (2021-)", "Civilians (Myanmar)")


# --- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "footer",
    [
        "Reporting by staff; published 19 August 2024",
        "Published: 19 August 2024",
        "Staff | Posted 19 August 2024",
    ],
)
def test_a_footer_date_after_a_byline_is_the_reports_date(footer: str) -> None:
    text = (
        "(Reuters) - An air strike on a village in Tabayin township killed 11 people on Monday, residents "
        f"said.\n\nThe military did not comment.\n\n{footer}\n"
    )
    assert resolve_reference_date(text) == dt.date(2024, 8, 19)
    event = _one(Coder(), text, "Myanmar")
    assert event.event_date == dt.date(2024, 8, 19)  # the Monday of that report


def test_a_published_date_inside_a_sentence_is_no_footer() -> None:
    text = "On 3 May 2024, gunmen killed a journalist in Culiacan whose report was published 2 May 2024."
    assert resolve_reference_date(text) is None


# --- the kinds of misses a blind set showed (heldout11, read by kind only; reports written here) ----------


def test_a_protest_after_an_armed_attack_is_another_event(coder: Coder) -> None:
    text = (
        "Gunmen attacked the village of Mushere in Plateau state on 14 April 2024, killing nine villagers "
        "and burning dozens of homes, residents said. Angry youths later blocked the Jos-Bauchi road in "
        "protest, demanding more security."
    )
    events = coder.code(Document(id="t", text=text), country="Nigeria")
    kinds = [(e.event_type, e.fatalities) for e in events]
    assert kinds == [("Violence against civilians", 9), ("Protests", 0)]


def test_a_protest_told_within_its_own_report_stays_one_event(coder: Coder) -> None:
    text = (
        "On 14 April 2024, hundreds of traders protested in Jos against new market fees. They blocked the "
        "main road in protest, demanding that the fees be scrapped. [size=hundreds]"
    )
    event = _one(coder, text, "Nigeria")
    assert event.event_type == "Protests"


def test_police_who_tried_to_stop_a_mob_are_no_side(coder: Coder) -> None:
    text = (
        "On 20 June 2024, a mob dragged a man accused of blasphemy out of a police station in Madyan and "
        "beat him to death, police said. Police said officers tried to stop the crowd but were outnumbered."
    )
    event = _one(coder, text, "Pakistan")
    assert event.sub_event_type == "Mob violence"
    assert (event.actor1, event.actor2) == ("Rioters (Pakistan)", "Civilians (Pakistan)")


def test_a_police_post_near_which_civilians_died_is_a_landmark(coder: Coder) -> None:
    text = "On 5 March 2024, a bomb exploded near a police checkpoint in Goma, killing two civilians."
    event = _one(coder, text, "Democratic Republic of Congo")
    assert event.actor2 == "Civilians (Democratic Republic of Congo)"
    text = "On 5 March 2024, a bomb exploded at a police checkpoint in Goma, killing two officers."
    event = _one(coder, text, "Democratic Republic of Congo")
    assert event.actor2 is not None and event.actor2.startswith("Police Forces of the Democratic Republic")


def test_a_command_post_set_up_by_a_group_is_a_base_established(coder: Coder) -> None:
    text = "On 5 March 2024, M23 rebels set up an administrative office and a command post in Rubaya."
    event = _one(coder, text, "Democratic Republic of Congo")
    assert event.sub_event_type == "Headquarters or base established"
    assert event.actor1 == "M23: March 23 Movement"


@pytest.mark.parametrize("verb", ["beheading three of them", "slaughtering three of them"])
def test_victims_beheaded_or_slaughtered_are_dead(coder: Coder, verb: str) -> None:
    text = f"On 4 May 2024, suspected al-Shabaab militants attacked fishermen near Kiunga in Lamu, {verb}."
    assert _one(coder, text, "Kenya").fatalities == 3


def test_the_occupiers_in_a_ukrainian_statement_are_russias_forces(coder: Coder) -> None:
    text = (
        "Kherson Regional Military Administration: On 10 May 2024, the occupiers shelled Beryslav with "
        "artillery, wounding two residents."
    )
    event = _one(coder, text, "Ukraine")
    assert (event.actor1, event.actor2) == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")
    text = "On 10 May 2024, Russian occupiers struck Nikopol with drones, wounding three residents."
    assert _one(coder, text, "Ukraine").actor1 == "Military Forces of Russia (2000-)"


@pytest.mark.parametrize(
    ("text", "country", "army"),
    [
        (
            "On 12 March 2024, the 61st Infantry Battalion clashed with NPA rebels in Kabankalan.",
            "Philippines",
            "Military Forces of the Philippines (2022-)",
        ),
        (
            "On 12 March 2024, the 47th Brigade repelled a Russian assault near Avdiivka.",
            "Ukraine",
            "Military Forces of Ukraine (2019-)",
        ),
    ],
)
def test_a_numbered_army_unit_is_the_countrys_own_military(
    coder: Coder, text: str, country: str, army: str
) -> None:
    event = _one(coder, text, country)
    assert army in (event.actor1, event.actor2)
    assert event.interaction in (12, 18)


def test_a_rebel_faction_called_a_division_is_no_army_unit(coder: Coder) -> None:
    text = (
        "On 3 January 2024, members of the Levant Front clashed with fighters of the 9th Division near "
        "Jarablus."
    )
    event = _one(coder, text, "Syria")
    assert not any((a or "").startswith("Military Forces of Syria") for a in (event.actor1, event.actor2))


@pytest.mark.parametrize(
    "act",
    [
        "set off explosives along the Cano Limon-Covenas oil pipeline near Saravena",
        "bombed the Cano Limon-Covenas pipeline near Saravena",
        "dynamited a power pylon near Saravena",
    ],
)
def test_explosives_against_infrastructure_are_a_remote_explosive(coder: Coder, act: str) -> None:
    event = _one(coder, f"On 2 February 2024, suspected ELN rebels {act}, causing a spill.", "Colombia")
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert event.actor1 == "ELN: National Liberation Army"


def test_another_regions_countryside_is_another_event(coder: Coder) -> None:
    text = (
        "DAMASCUS, SANA - Army units on Tuesday foiled an attack by terrorist groups on military points in "
        "the countryside of Hama, killing a number of terrorists, a military source said.\n\nThe source "
        "added that army units also targeted the movements of terrorists in Idleb southern countryside "
        "with artillery.\n\nPublished 16 April 2024\n"
    )
    events = coder.code(Document(id="t", text=text), country="Syria")
    assert [(e.sub_event_type, e.event_date) for e in events] == [
        ("Armed clash", dt.date(2024, 4, 16)),
        ("Shelling/artillery/missile attack", dt.date(2024, 4, 16)),
    ]
    assert events[1].actor1 == "Military Forces of Syria (2000-)"
    assert events[0].fatalities == 3  # "a number of terrorists"


def test_the_enemy_in_a_ukrainian_officials_report_is_russia(coder: Coder) -> None:
    text = (
        "Russian troops attacked Kherson region 76 times over the past day, killing one person and wounding "
        "five, regional governor Oleksandr Prokudin said on 15 June 2024. The enemy shelled residential "
        "areas of settlements in the region with artillery, mortars and drones, he said."
    )
    event = coder.code(Document(id="t", text=text), country="Ukraine")[0]
    assert (event.actor1, event.actor2) == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")


def test_the_enemy_in_a_russian_ministrys_report_is_ukraine(coder: Coder) -> None:
    text = (
        "On 14 March 2024, units of the Zapad group of forces repelled four attacks by the enemy near "
        "Synkivka, the Russian Defence Ministry said."
    )
    event = _one(coder, text, "Ukraine")
    assert {event.actor1, event.actor2} == {
        "Military Forces of Ukraine (2019-)",
        "Military Forces of Russia (2000-)",
    }


@pytest.mark.parametrize(
    "text",
    [
        "On 24 January 2024, three fighters of the Syrian Democratic Forces were killed when a Turkish drone "
        "targeted their vehicle near Qamishli.",
        "On 24 January 2024, three SDF fighters died after a Turkish drone struck their vehicle near "
        "Qamishli.",
    ],
)
def test_the_dead_named_first_in_the_passive_are_the_target(coder: Coder, text: str) -> None:
    event = _one(coder, text, "Syria")
    assert event.actor1 == "Military Forces of Turkey (2016-)"
    assert event.actor2 == "QSD: Syrian Democratic Forces"


def test_attackers_killed_when_troops_repulsed_them_stay_first(coder: Coder) -> None:
    text = (
        "On 4 May 2020, 15 Taliban militants were killed when Afghan forces repulsed their attack in Nad Ali "
        "district, Helmand."
    )
    assert _one(coder, text, "Afghanistan").actor1 == "Taliban"


def test_civilians_whose_death_a_monitor_documents_are_the_target(coder: Coder) -> None:
    text = (
        "The Syrian Observatory for Human Rights has documented the death of two children after regime "
        "forces shelled the village of Kansafra on 3 May 2024."
    )
    assert _one(coder, text, "Syria").actor2 == "Civilians (Syria)"


def test_a_wars_start_in_a_since_clause_never_dates_the_event(coder: Coder) -> None:
    text = (
        "KHARTOUM, March 12, 2024 (AFP) - Sudan's army said on Tuesday it had recaptured the state "
        "broadcaster's headquarters in Omdurman from the Rapid Support Forces, which had held it since the "
        "war began in April last year."
    )
    event = _one(coder, text, "Sudan")
    assert (event.event_date, event.time_precision) == (dt.date(2024, 3, 12), 1)
    assert event.sub_event_type == "Government regains territory"


def test_protesters_setting_part_of_a_building_on_fire_riot(coder: Coder) -> None:
    text = (
        "On 25 June 2024, thousands of protesters marched on parliament in Nairobi against tax increases. "
        "Some protesters breached the compound and set part of the building on fire."
    )
    event = _one(coder, text, "Kenya")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_cell_eliminated_is_no_single_dead(coder: Coder) -> None:
    text = (
        "On 3 September 2024, Israeli forces eliminated a terrorist cell in Tulkarm. An aircraft struck the "
        "cell. Five terrorists were eliminated."
    )
    assert _one(coder, text, "Palestine").fatalities == 5
    assert _one(coder, "On 3 September 2024, gunmen killed a policeman in Kano.", "Nigeria").fatalities == 1


@pytest.mark.parametrize(
    "act",
    [
        "set fire to a communications tower",
        "destroyed a telecommunications mast",
        "torched a power substation",
    ],
)
def test_infrastructure_burned_or_destroyed_is_property_destruction(coder: Coder, act: str) -> None:
    event = _one(coder, f"On 14 May 2024, Islamic State militants {act} in Khanasir, Aleppo.", "Syria")
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1 == "Islamic State (Syria)"


def test_troops_who_engaged_bandits_in_a_gun_duel_clashed(coder: Coder) -> None:
    text = "On 8 March 2024, troops engaged bandits in a gun duel near Gusau, neutralising three of them."
    event = _one(coder, text, "Nigeria")
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 3)
    assert event.actor1 == "Military Forces of Nigeria (2023-)"


@pytest.mark.parametrize(
    "subject", ["troops rescued 16 passengers", "troops have rescued 16 passengers"]
)
def test_the_agent_of_the_objects_own_clause_is_no_agent_of_the_sentence(coder: Coder, subject: str) -> None:
    text = f"On 8 March 2024, {subject} abducted by bandits near Gusau after engaging them in a gun duel."
    event = _one(coder, text, "Nigeria")
    assert event.actor1 == "Military Forces of Nigeria (2023-)"
    text = "On 9 May 2024, an army convoy struck an explosive device planted by suspected JNIM militants."
    assert _one(coder, text, "Mali").actor1 == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize(
    ("text", "country", "branch"),
    [
        (
            "On 3 May 2024, al-Qaeda militants attacked an army post near Mopti, killing five soldiers.",
            "Mali",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "On 3 May 2024, al-Qaeda militants attacked a checkpoint in Abyan, killing two soldiers.",
            "Yemen",
            "AQAP: Al Qaeda in the Arabian Peninsula",
        ),
    ],
)
def test_al_qaeda_named_alone_is_its_branch_in_the_country(
    coder: Coder, text: str, country: str, branch: str
) -> None:
    event = _one(coder, text, country)
    assert branch in (event.actor1, event.actor2)


# --- no-event stories (the kinds a second blind set showed; reports written here) ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "A Nairobi appeals court on Tuesday upheld the convictions of two men who helped al-Shabaab gunmen "
        "carry out the September 2013 attack on the Westgate mall, in which 67 people were killed.\n\n"
        "Published: 14 May 2024\n",
        "Hundreds of residents of Yelwata gathered on Saturday to remember the victims of the attack in "
        "which gunmen killed more than 100 villagers in the Benue state village a year ago.\n\n"
        "Published 14 June 2025\n",
    ],
)
def test_an_appeal_ruling_or_a_remembrance_of_an_old_attack_is_no_event(coder: Coder, text: str) -> None:
    assert coder.code(Document(id="t", text=text)) == []


def test_an_attack_during_a_remembrance_is_still_an_event(coder: Coder) -> None:
    text = (
        "On 14 June 2025, gunmen opened fire on residents who had gathered to remember the victims of last "
        "year's attack in Yelwata, killing three."
    )
    assert _one(coder, text, "Nigeria").fatalities == 3


def test_a_states_sniper_is_its_forces(coder: Coder) -> None:
    event = _one(coder, "On 5 May 2024, a Russian sniper killed a civilian in Vovchansk.", "Ukraine")
    assert (event.sub_event_type, event.actor1) == ("Attack", "Military Forces of Russia (2000-)")


def test_farmers_dumping_manure_and_burning_an_entrance_riot(coder: Coder) -> None:
    text = "On 5 May 2024, farmers dumped manure in front of a tax office in Agen and set fire to its door."
    assert _one(coder, text, "France").sub_event_type == "Violent demonstration"
    text = "On 5 May 2024, farmers dumped manure in front of the prefecture in Agen to protest low prices."
    assert _one(coder, text, "France").sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "speaker",
    ["The Turkish Ministry of National Defense announced", "The Turkish Defence Ministry said"],
)
def test_a_ministry_on_its_own_air_operation_names_its_forces(coder: Coder, speaker: str) -> None:
    text = (
        f"{speaker} on 5 May 2024 that 12 PKK terrorists were neutralized in an air operation in the Gara "
        "region of northern Iraq."
    )
    event = _one(coder, text, "Iraq")
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 == "Military Forces of Turkey (2016-)"
    assert event.actor2 == "PKK: Kurdistan Workers Party"
    assert event.fatalities == 12


def test_a_rally_someone_was_heading_to_is_no_protest(coder: Coder) -> None:
    text = "On 5 May 2024, police arrested opposition MP John Doe in Kampala as he was heading to a rally."
    assert _one(coder, text, "Uganda").sub_event_type == "Arrests"
    text = "On 5 May 2024, thousands rallied in Kampala; police arrested the opposition MP leading the march."
    assert _one(coder, text, "Uganda").event_type == "Protests"


@pytest.mark.parametrize(
    "text",
    [
        "Olimpia and Cerro Porteno fought a fierce battle at the Defensores del Chaco stadium in Asuncion on "
        "3 March 2024, with Olimpia's strikers firing shots at goal from all angles.",
        "On 3 March 2024, Boca Juniors and River Plate clashed in the Superclasico in Buenos Aires; Boca's "
        "attack killed off the game in the second half.",
    ],
)
def test_a_match_told_in_war_words_is_no_event(coder: Coder, text: str) -> None:
    assert coder.code(Document(id="t", text=text)) == []


@pytest.mark.parametrize("fans", ["fans of Boca Juniors and River Plate", "rival fans"])
def test_football_fans_fighting_are_rioters_on_both_sides(coder: Coder, fans: str) -> None:
    text = f"On 3 March 2024, {fans} clashed outside the stadium in Buenos Aires after the match."
    event = _one(coder, text, "Argentina")
    assert event.sub_event_type == "Mob violence"
    assert (event.actor1, event.actor2) == ("Rioters (Argentina)", "Rioters (Argentina)")


def test_workers_on_strike_are_still_protesters(coder: Coder) -> None:
    text = "On 3 March 2024, strikers blocked the main road in Lima demanding higher wages."
    assert _one(coder, text, "Peru").event_type == "Protests"


def test_a_group_linked_to_al_qaeda_is_not_al_qaeda(coder: Coder) -> None:
    text = (
        "On 9 March 2021, a missile fired from a coalition drone hit a car near Sarmada, killing a commander "
        "of an al-Qaeda-linked faction and his driver."
    )
    event = _one(coder, text, "Syria")
    assert "Al Qaeda" not in (event.actor1, event.actor2)
