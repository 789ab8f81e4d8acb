"""Rules added in session 8 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.nlp.dates import resolve_reference_date
from eventdesk.pipeline import Pipeline
from eventdesk.records import Document
from eventdesk.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


# --- bombs a state's aircraft drop name the state ------------------------------------------------


@pytest.mark.parametrize("weapon", ["guided aerial bomb", "glide bomb", "barrel bomb"])
def test_a_state_s_bomb_names_its_forces(coder: Coder, weapon: str) -> None:
    event = _one(
        coder,
        f"On 5 May 2025, a Russian {weapon} struck a residential street in Zaporizhzhia, killing two people.",
        "Ukraine",
    )
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.actor2 == "Civilians (Ukraine)"


# --- a crowd marching is a protest ---------------------------------------------------------------


def test_live_fire_on_marching_supporters_is_excessive_force(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 June 2025, gendarmes fired live ammunition at supporters of the opposition leader who were "
        "marching in Kolda against his conviction. One protester was killed.",
        "Senegal",
    )
    assert (event.event_type, event.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert event.interaction == 16


# --- the bomber counts among the dead; guests and owners are civilians ---------------------------


@pytest.mark.parametrize(
    ("tail", "dead"),
    [
        ("She killed herself and six guests; at least 20 others were injured.", 7),
        ("He killed himself and 4 traders.", 5),
    ],
)
def test_a_suicide_bomber_counts_among_the_dead(coder: Coder, tail: str, dead: int) -> None:
    event = _one(
        coder,
        "On 3 June 2025, a suicide bomber detonated explosives at a wedding in Konduga (Borno). " + tail,
        "Nigeria",
    )
    assert event.sub_event_type == "Suicide bomb"
    assert event.fatalities == dead
    assert event.actor2 == "Civilians (Nigeria)"


def test_a_shop_owner_hit_by_a_grenade_is_a_civilian(coder: Coder) -> None:
    event = _one(
        coder, "On 5 March 2025, unidentified gunmen threw a grenade at a bar in Erbil, wounding its owner."
    )
    assert event.sub_event_type == "Grenade"
    assert event.actor2 == "Civilians (Iraq)"
    assert event.interaction == 37


# --- arrests with weapons seized -----------------------------------------------------------------


def test_arrests_with_weapons_seized_are_arrests(coder: Coder) -> None:
    event = _one(
        coder,
        'The Ministry of Interior said that on 11 March 2025 "our forces" arrested 4 members of the Daesh '
        "group in Herat city who were planning attacks, and seized explosives from them.",
        "Afghanistan",
    )
    assert event.sub_event_type == "Arrests"


def test_a_cache_seized_first_stays_a_seizure(coder: Coder) -> None:
    event = _one(
        coder, "On 11 March 2025, police seized a weapons cache in Herat and arrested two suspects."
    )
    assert event.sub_event_type == "Disrupted weapons use"


# --- no event: a trial about an old attack, a football match, a threat ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 10 March 2025, a court in Kampala resumed the trial of 6 men accused of the twin suicide "
        "bombings of November 2021, which killed 4 people. The hearing was adjourned.",
        "On 10 March 2025, a court in Kampala resumed the trial of 6 men accused of carrying out suicide "
        "bombings in the city.",
        "Besiktas stormed Trabzonspor's stadium on 2 March 2025 and won the derby 2-0. Their forwards fired "
        "shot after shot at the home goal and the defence collapsed under the bombardment.",
    ],
)
def test_no_event(coder: Coder, text: str) -> None:
    assert coder.code(Document(id="t", text=text)) == []


def test_a_protest_at_a_trial_is_still_a_protest(coder: Coder) -> None:
    event = _one(
        coder,
        "On 10 March 2025, protesters gathered outside the court in Kampala during the trial of 6 opposition "
        "activists.",
    )
    assert event.sub_event_type == "Peaceful protest"


def test_a_blockade_announced_is_a_change_of_activity(coder: Coder) -> None:
    event = _one(
        coder,
        "On 14 August 2025, JNIM announced a blockade on the city of Gao, warning truck drivers coming from "
        "Niger that their vehicles would be targeted if they tried to enter the city.",
        "Mali",
    )
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Change to group/activity")
    assert event.actor2 is None


def test_bombs_fired_at_a_town_are_shelling(coder: Coder) -> None:
    event = _one(
        coder,
        "On 7 February 2025, M23 rebels fired several bombs at the town of Minova from their positions on "
        "the surrounding hills. Two civilians, including a child, were killed.",
        "Democratic Republic of Congo",
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1 == "M23: March 23 Movement"
    assert event.fatalities == 2


# --- a footer "Filed <date>" is the report's date --------------------------------------------------


def test_a_filed_footer_dates_the_report() -> None:
    text = "Mayor shot dead\n\nThe mayor was shot dead on Friday night.\n\nFiled 2 March 2025.\n"
    assert resolve_reference_date(text) == dt.date(2025, 3, 2)


# --- geography ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def test_another_name_of_a_town_abroad_does_not_move_the_event(pipeline: Pipeline) -> None:
    # "Boni" is one of Bonn's other names; nothing else in the report points to Germany
    (event,) = pipeline.code(
        Document(
            id="t", text="On 14 March 2025, JNIM militants attacked the town of Boni, killing 3 civilians."
        )
    )
    assert event.country == "Mali"
    assert event.actor2 == "Civilians (Mali)"


def test_civilians_of_a_district_hit_are_its_country_s(pipeline: Pipeline) -> None:
    (event,) = pipeline.code(
        Document(
            id="t",
            text="Al-Masirah TV reported that on 8 March 2025, the mercenaries of the US-Saudi aggression "
            "shelled citizens' homes in Maqbanah district of Taiz governorate, injuring a woman.",
        )
    )
    assert event.country == "Yemen"
    assert event.actor2 == "Civilians (Yemen)"


# --- second batch: weapons by model, a ballistic missile is no football, mines, bombers' own deaths ----


def test_a_ballistic_missile_is_not_a_shot_at_goal(coder: Coder) -> None:
    # the football pattern "fired … ball" once matched the start of "ballistic"
    event = _one(
        coder,
        "On 27 January 2025, Houthi forces fired a ballistic missile towards Israel, which was "
        "intercepted by Israeli air defences over the Negev.",
    )
    assert event.sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "On 3 May 2025, a Russian Lancet drone hit a Ukrainian howitzer near Kupiansk (Kharkiv). No "
            "casualties were reported.",
            "Military Forces of Russia (2000-)",
            "Military Forces of Ukraine (2019-)",
        ),
        (
            "On 12 April 2025, Ukrainian forces struck a Russian ammunition depot near Tokmak (Zaporizhzhia) "
            "with HIMARS rockets.",
            "Military Forces of Ukraine (2019-)",
            "Military Forces of Russia (2000-)",
        ),
    ],
)
def test_a_state_s_weapons_and_stores_name_its_forces(
    coder: Coder, text: str, actor1: str, actor2: str
) -> None:
    event = _one(coder, text, "Ukraine")
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_supporters_marching_towards_a_city_protest(coder: Coder) -> None:
    event = _one(
        coder,
        "On 16 September 2025, hundreds of supporters of the opposition leader marched towards Islamabad; "
        "police blocked them with containers and fired tear gas.",
        "Pakistan",
    )
    assert event.sub_event_type == "Protest with intervention"


_IED = "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 25 May 2025, armed men stormed a gold mine near Kamituga and looted cash, killing a guard.",
            None,
        ),
        ("On 25 May 2025, a vehicle hit a mine near Menaka, killing 2 civilians.", _IED),
        ("On 25 May 2025, a mine exploded under a truck near Kidal, killing 3 soldiers.", _IED),
    ],
)
def test_a_mine_is_a_landmine_only_where_it_explodes(coder: Coder, text: str, sub: str | None) -> None:
    event = _one(coder, text, "Mali")
    if sub is None:
        assert event.sub_event_type != "Remote explosive/landmine/IED"
    else:
        assert event.sub_event_type == sub


@pytest.mark.parametrize(
    ("tail", "dead"),
    [
        ("killing 12 worshippers and themselves.", 14),
        ("killing 5 traders and 2 soldiers as well as themselves.", 9),
    ],
)
def test_bombers_who_die_with_their_victims_count(coder: Coder, tail: str, dead: int) -> None:
    event = _one(
        coder, "On 9 June 2025, two suicide bombers attacked a mosque in Konduga (Borno), " + tail, "Nigeria"
    )
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")
    assert event.fatalities == dead


def test_a_crowd_attacking_a_mosque_is_still_a_mob(coder: Coder) -> None:
    event = _one(
        coder, "On 9 June 2025, a mob attacked a mosque in Jos (Plateau), killing 2 worshippers.", "Nigeria"
    )
    assert event.sub_event_type == "Mob violence"


def test_a_group_named_as_active_in_the_area_is_no_party(coder: Coder) -> None:
    event = _one(
        coder,
        "On 18 February 2025, suspected jihadists killed at least 20 civilians in an attack on a weekly "
        "market in the village of Kobe in central Mali. No group has claimed the attack, but JNIM is "
        "active in the area.",
        "Mali",
    )
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.assoc_actor_1 is None


def test_police_informers_killed_are_civilians(coder: Coder) -> None:
    event = _one(
        coder,
        "On 10 December 2025, Maoist insurgents killed two villagers in Bijapur district (Chhattisgarh), "
        "accusing them of being police informers.",
        "India",
    )
    assert event.actor2 == "Civilians (India)"
    assert event.assoc_actor_1 is None


# --- third batch: responders, district phrases, South Asian datelines ------------------------------


def test_police_who_engaged_the_kidnappers_are_not_their_allies(coder: Coder) -> None:
    events = coder.code(
        Document(
            id="t",
            text="ABUJA, 14 October 2025 - Gunmen abducted at least 30 pupils from a boarding school in "
            "Kebbi State in the early hours of Monday, police said.\n\nA police spokesman said officers had "
            "engaged the attackers but they escaped with the children into a nearby forest.",
        ),
        country="Nigeria",
    )
    assert events
    assert all("Police" not in (e.assoc_actor_1 or "") for e in events)


def test_a_district_of_a_province_is_not_the_dateline_city(pipeline: Pipeline) -> None:
    text = (
        "Posted on 3 June 2025\n\nQUETTA: Security forces killed five militants during an operation in the "
        "Kech district of Balochistan late on Sunday night, the military's media wing said on Monday."
    )
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.location != "Quetta"
    assert event.admin1 == "Balochistan"
    assert event.event_date == dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "On 2 December 2025, Israeli forces raided the Jenin refugee camp, arresting 15 Palestinians and "
            "demolishing several houses.",
            "Palestine",
        ),
        (
            "On 5 May 2025, Taliban fighters raided a house in Kabul and arrested a former army officer.",
            "Afghanistan",
        ),
    ],
)
def test_a_state_raid_with_arrests_and_no_harm_is_arrests(coder: Coder, text: str, country: str) -> None:
    event = _one(coder, text, country)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")


def test_a_raid_with_a_killing_stays_violence(coder: Coder) -> None:
    text = "On 5 May 2025, Taliban fighters raided a house in Kabul and killed a former army officer."
    event = _one(coder, text, "Afghanistan")
    assert event.event_type == "Violence against civilians"


def test_a_polling_station_set_on_fire_is_property_destruction(coder: Coder) -> None:
    event = _one(
        coder,
        "On 18 September 2025, unknown assailants set fire to a polling station in Oyo (Oyo State) ahead of "
        "local elections. No casualties.",
        "Nigeria",
    )
    assert event.sub_event_type == "Looting/property destruction"


def test_ethnic_armed_groups_are_ethnic_militias(coder: Coder) -> None:
    event = _one(
        coder,
        "On 14 February 2025, a clash between Kuki and Meitei armed groups in Churachandpur district "
        "(Manipur) left 2 dead.",
        "India",
    )
    assert {event.actor1, event.actor2} == {"Kuki Ethnic Militia (India)", "Meitei Ethnic Militia (India)"}


def test_an_associate_is_not_its_own_actor(pipeline: Pipeline) -> None:
    (event,) = pipeline.code(
        Document(
            id="t",
            text="On 28 June 2025, Islamic State Mozambique militants beheaded 4 civilians in the village of "
            "Mbau in Mocimboa da Praia district (Cabo Delgado).",
        )
    )
    assert event.actor1 == "Islamic State (Mozambique)"
    assert event.assoc_actor_1 is None


def test_drug_traffickers_killed_by_police_are_a_gang(coder: Coder) -> None:
    event = _one(
        coder,
        "On 12 May 2025, military police killed 6 suspected drug traffickers during an operation in a favela "
        "in Rio de Janeiro.",
        "Brazil",
    )
    assert (event.event_type, event.actor2) == ("Battles", "Unidentified Gang (Brazil)")
    assert event.assoc_actor_1 is None


# --- fourth batch: incursions with arrests, a country's own police name, agency datelines ------------


def test_an_incursion_with_arrests_is_arrests(coder: Coder) -> None:
    event = _one(
        coder,
        "On 28 October 2025, Israeli forces advanced into the village of Beit Jinn (Rural Damascus) and "
        "arrested three young men, according to local sources.",
        "Syria",
    )
    assert (event.sub_event_type, event.actor2) == ("Arrests", "Civilians (Syria)")


def test_an_incursion_that_takes_a_village_is_territory(coder: Coder) -> None:
    event = _one(
        coder,
        "On 28 October 2025, Israeli forces advanced into the village of Beit Jinn (Rural Damascus) and took "
        "control of it.",
        "Syria",
    )
    assert event.event_type == "Battles"


def test_internal_security_forces_are_lebanon_s_only_in_lebanon(coder: Coder) -> None:
    event = _one(
        coder,
        "On 9 August 2025, an IED planted by unknown persons exploded near a vehicle of the Internal "
        "Security Forces in Hasakeh city, wounding two members.",
        "Syria",
    )
    assert event.actor2 is not None and "Lebanon" not in event.actor2
    event = _one(
        coder,
        "On 9 August 2025, gunmen shot dead a member of the Internal Security Forces in Tripoli (North "
        "Lebanon).",
        "Lebanon",
    )
    assert event.actor2 == "Police Forces of Lebanon (2016-)"


def test_a_place_agency_dateline_is_no_event_place(pipeline: Pipeline) -> None:
    (event,) = pipeline.code(
        Document(
            id="t",
            text="Damascus, SANA - A terrorist group attacked a checkpoint of the General Security in Jableh "
            "countryside on Thursday, 6 March 2025, killing 5 members of the security forces.",
        )
    )
    assert event.admin1 == "Lattakia"


def test_the_other_side_s_answer_does_not_type_the_event(coder: Coder) -> None:
    event = _one(
        coder,
        "On 4 January 2025, fighters of the Turkish-backed Sultan Murad Division shelled SDF positions near "
        "Tishreen Dam (Aleppo), killing 3 SDF fighters. The SDF responded with drones.",
        "Syria",
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "On 22 June 2025, a suicide bomber blew himself up in the Dweila neighbourhood of Damascus, "
            "killing 25 worshippers.",
            "Damascus",
        ),
        (
            "On 25 March 2025, unidentified assailants threw a hand grenade at a shop in the Kadhimiya "
            "district of Baghdad, wounding its owner.",
            "Baghdad",
        ),
    ],
)
def test_a_quarter_no_list_has_is_coded_to_its_city(pipeline: Pipeline, text: str, location: str) -> None:
    (event,) = pipeline.code(Document(id="t", text=text))
    assert (event.location, event.geo_precision) == (location, 1)


def test_a_drc_territory_is_a_region(pipeline: Pipeline) -> None:
    (event,) = pipeline.code(
        Document(
            id="t", text="On 21 September 2025, ADF rebels killed 9 civilians in Beni territory (Nord-Kivu)."
        )
    )
    assert (event.admin1, event.geo_precision) == ("Nord-Kivu", 3)


@pytest.mark.parametrize(
    ("text", "country", "sub"),
    [
        (
            "On 17 July 2025, the Myanmar military bombed a school in Tabayin township (Sagaing) with a jet "
            "fighter, killing 20 students.",
            "Myanmar",
            "Air/drone strike",
        ),
        (
            "On 20 October 2025, Indian security forces killed 3 Maoists in an encounter in the forests of "
            "Narayanpur (Chhattisgarh).",
            "India",
            "Armed clash",
        ),
        (
            "On 14 December 2025, Bangladeshi police fired rubber bullets at garment workers demanding "
            "unpaid wages in Gazipur (Dhaka).",
            "Bangladesh",
            "Protest with intervention",
        ),
    ],
)
def test_jet_fighters_encounters_and_workers_demanding(
    coder: Coder, text: str, country: str, sub: str
) -> None:
    assert _one(coder, text, country).sub_event_type == sub


def test_a_state_s_rangers_are_its_forces(coder: Coder) -> None:
    event = _one(
        coder,
        "On 5 September 2025, Thai rangers clashed with suspected insurgents in Bacho district "
        "(Narathiwat); 1 insurgent was killed.",
        "Thailand",
    )
    assert event.actor1 == "Military Forces of Thailand (2023-)"


# --- fifth batch: dates that start a state, statements read on television, earlier events as context ---


def test_a_since_date_is_no_event_date(coder: Coder) -> None:
    event = _one(
        coder,
        "Khartoum — Sudan's army said on Wednesday 5 March 2025 that its forces had taken full control of "
        "the presidential palace in central Khartoum after fierce battles with the RSF, which had held it "
        "since April 2023.",
        "Sudan",
    )
    assert event.event_date == dt.date(2025, 3, 5)


_MANSILA = """Posted: Tuesday, 14 January 2025

Army repels attack on Mansila base

OUAGADOUGOU - The Burkinabe army said it repelled an attack by "terrorists" on its base in Mansila, in the \
Sahel region, on Sunday, killing "dozens of assailants". Two soldiers were killed, it said in a statement \
read on state television on Monday evening.

The attack comes a month after JNIM claimed to have killed more than 100 soldiers in Djibo in an assault in \
December. In 2022, the army seized power in a coup, promising to restore security.
"""


def test_an_army_statement_article_is_one_event(pipeline: Pipeline) -> None:
    (event,) = pipeline.code(Document(id="t", text=_MANSILA))
    assert event.event_date == dt.date(2025, 1, 12)
    assert event.event_type == "Battles"
    assert event.fatalities == 14  # "dozens" (12) and two soldiers
    assert event.location != "Djibo"  # the town of another paragraph's earlier attack
    assert event.admin1 == "Sahel"


def test_a_demonym_before_a_town_of_is_no_place(pipeline: Pipeline) -> None:
    (event,) = pipeline.code(
        Document(
            id="t",
            text="On 3 March 2025, an Israeli drone strike on a car in the southern Lebanese town of "
            "Nabatieh killed two people.",
        )
    )
    assert (event.admin1, event.geo_precision) == ("Nabatieh", 1)


def test_a_declaration_signed_is_an_agreement(coder: Coder) -> None:
    event = _one(
        coder,
        "On 20 March 2025, the DRC government and M23 signed a declaration of principles in Doha, "
        "committing to a ceasefire.",
        "Democratic Republic of Congo",
    )
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Agreement")


def test_a_force_run_by_a_group_is_one_actor(coder: Coder) -> None:
    event = _one(
        coder,
        "On 6 June 2025, members of the Hamas-run police confiscated 3 trucks of humanitarian aid in Deir "
        "al-Balah (Gaza).",
        "Palestine",
    )
    assert "Hamas" not in (event.actor1 or "") + (event.actor2 or "")
    assert event.actor1 is not None and event.actor1.startswith("Police Forces of Palestine")


def test_unidentified_actors_are_an_unidentified_armed_group(coder: Coder) -> None:
    event = _one(
        coder,
        "On 12 March 2025, a drone attack by unidentified actors targeted a Kataib Hezbollah headquarters in "
        "Al-Qaim (Al-Anbar).",
        "Iraq",
    )
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Iraq)", "Kataib Hezbollah")


def test_a_demonym_is_no_place_and_old_alliances_end(pipeline: Pipeline) -> None:
    # "on the Lebanese border" names no place; after the Assad government fell (December 2024) Hezbollah
    # and the Syrian army are no partners, so "clashed with Hezbollah" makes Hezbollah the other side
    (event,) = pipeline.code(
        Document(
            id="t",
            text="On 26 April 2025, the Syrian army's 26th Division clashed with Hezbollah fighters on the "
            "Lebanese border near Qusayr (Homs). 2 soldiers were killed.",
        )
    )
    assert event.location is not None and event.location.endswith("Qusayr")
    assert event.actor2 == "Hezbollah"
    assert event.assoc_actor_1 is None
