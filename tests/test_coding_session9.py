"""Rules added in session 9 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.pipeline import Pipeline
from eventdesk.records import Document, PlaceMention
from eventdesk.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


# --- people who left the forces are civilians when attacked --------------------------------------


@pytest.mark.parametrize(
    ("victim", "country"),
    [
        ("a former member of the previous government's security forces", "Afghanistan"),
        ("a retired army colonel", "Nigeria"),
        ("a former captain of the national army", "Mali"),
    ],
)
def test_a_former_member_of_the_forces_is_a_civilian(coder: Coder, victim: str, country: str) -> None:
    text = f"On 2 February 2024, unidentified gunmen shot dead {victim} in his home town."
    event = _one(coder, text, country)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 == f"Civilians ({country})"
    assert event.assoc_actor_2 and event.assoc_actor_2.startswith("Former ")


# --- a bombing beside vigilantes is the bombing --------------------------------------------------


def test_a_vigilante_source_does_not_make_a_suicide_bombing_a_mob(coder: Coder) -> None:
    event = _one(
        coder,
        "On 11 May 2025, a suicide bomber blew herself up at a crowded cattle market in Gwoza, Borno state, "
        "killing eight people, a leader of the local vigilante group said.",
        "Nigeria",
    )
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")


def test_the_group_an_attack_bore_the_hallmarks_of_is_its_suspected_author(coder: Coder) -> None:
    event = _one(
        coder,
        "On 11 May 2025, a suicide bomber blew herself up at a crowded cattle market in Gwoza, Borno state, "
        "killing eight people. Nobody claimed the blast, but it bore the hallmarks of ISWAP.",
        "Nigeria",
    )
    assert event.actor1 == "Islamic State West Africa Province (ISWAP)"
    assert event.actor2 == "Civilians (Nigeria)"


def test_a_group_among_the_dead_is_part_of_the_civilian_toll(coder: Coder) -> None:
    event = _one(
        coder,
        "On 11 May 2025, a suicide bomber blew herself up at a crowded cattle market in Gwoza, Borno state, "
        "killing eight people. Three vigilantes were among the dead.",
        "Nigeria",
    )
    assert event.actor2 == "Civilians (Nigeria)"
    assert "Communal Militia" in (event.assoc_actor_2 or "")


# --- a Russian ministry's words for Ukraine's forces and its drone attacks -----------------------


MOD_STATEMENT = (
    "On 9 April 2025, the Russian Defence Ministry said: \"An attempt by the Kyiv regime to carry out a "
    "terrorist attack using drones against facilities in the Russian Federation was foiled. Air defence "
    'systems on duty destroyed 21 Ukrainian UAVs over the territory of Kursk region."'
)


def test_an_attempt_by_the_kyiv_regime_names_the_attacker_of_the_disrupted_weapons(coder: Coder) -> None:
    event = _one(coder, MOD_STATEMENT, "Russia")
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.actor2 == "Military Forces of Ukraine (2019-)"  # not an "Unidentified Armed Group" terrorist
    assert event.place is not None and event.place.head == "Kursk"


def test_the_kyiv_regime_is_not_a_place(coder: Coder) -> None:
    from eventdesk.geo.scan import _SpanTests

    text = "an attempt by the Kyiv regime to strike the city"
    start = text.index("Kyiv")
    tests = _SpanTests(text, [(start, start + 4, "Kyiv", "kyiv")])
    assert not tests.kept(0)
    other = "fighting near Kyiv region"
    start = other.index("Kyiv")
    assert _SpanTests(other, [(start, start + 4, "Kyiv", "kyiv")]).kept(0)


# --- sport in war words ----------------------------------------------------------------------------


def test_a_team_bombarding_a_defence_is_no_shelling(coder: Coder) -> None:
    text = (
        "Deportivo Cali bombarded the America defence from kick-off on Saturday and won the Cali derby 2-0. "
        "Their forward fired twice before half-time."
    )
    assert coder.code(Document(id="t", text=text), country="Colombia") == []


# --- a raid that harmed no one is property destruction --------------------------------------------


def test_a_raid_that_burned_houses_and_hurt_no_one_is_property_destruction(coder: Coder) -> None:
    event = _one(
        coder,
        "On 3 June 2024, junta soldiers raided a village in Yinmabin township, Sagaing region, and burned "
        "down about 40 houses after the residents had fled. No casualties were reported.",
        "Myanmar",
    )
    expected = ("Strategic developments", "Looting/property destruction")
    assert (event.event_type, event.sub_event_type) == expected
    assert event.actor2 == "Civilians (Myanmar)"


def test_a_raid_that_killed_villagers_stays_an_attack(coder: Coder) -> None:
    event = _one(
        coder,
        "On 3 June 2024, junta soldiers raided a village in Yinmabin township, Sagaing region, burned down "
        "about 40 houses and killed two elderly villagers.",
        "Myanmar",
    )
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


# --- an armed group's own outlets -------------------------------------------------------------------


def test_the_mujahideen_of_a_jihadist_outlet_are_its_group(coder: Coder) -> None:
    event = _one(
        coder,
        "Radio Andalus: On Sunday, 4 May 2025, the mujahideen stormed a base of the apostate militias near "
        "Wanlaweyn in Lower Shabelle, killing 9 apostate soldiers.",
        "Somalia",
    )
    assert event.event_type == "Battles"
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 == "Military Forces of Somalia (2022-)"


def test_a_faction_named_mujahideen_is_not_the_outlet_s_fighters(coder: Coder) -> None:
    event = _one(
        coder,
        "On 4 May 2020, clashes broke out between Jaysh al-Islam and Mujahideen Horan in the western "
        "countryside of Daraa.",
        "Syria",
    )
    assert "Unidentified Armed Group" not in f"{event.actor1} {event.actor2} {event.assoc_actor_2}"


def test_the_islamic_resistance_is_hezbollah_and_its_cause_is_not_its_place(coder: Coder) -> None:
    event = _one(
        coder,
        "Statement of the Islamic Resistance: In support of our steadfast people in the Gaza Strip, the "
        "fighters of the Islamic Resistance on Friday 12 January 2024 targeted a gathering of soldiers of "
        "the Israeli enemy near the Zar'it barracks with rocket weapons.",
        "Israel",
    )
    assert event.actor1 == "Hezbollah"
    assert event.actor2 == "Military Forces of Israel (2022-)"
    assert event.place is not None and event.place.head != "Gaza Strip"


# --- a country-wide interception tally is no event --------------------------------------------------


def test_interceptions_at_several_regions_without_places_are_no_event(coder: Coder) -> None:
    text = (
        "ODESA, May 8 - A Russian missile hit a warehouse in Odesa's port late on Wednesday, killing two "
        "workers, the regional governor said.\n\n"
        "The air force said separately that it had shot down 30 of 42 drones launched overnight at several "
        "regions, without giving their locations."
    )
    events = coder.code(Document(id="t", text=text), country="Ukraine")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


# --- an armed group enforcing its own lockdown ------------------------------------------------------


def test_a_group_enforcing_a_sit_at_home_order_changes_its_activity(coder: Coder) -> None:
    event = _one(
        coder,
        "On 9 September 2024, IPOB members enforced a sit-at-home order in Nnewi (Anambra), keeping shops "
        "and markets shut across the town. No violence was reported.",
        "Nigeria",
    )
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Change to group/activity")
    assert event.actor1 == "IPOB: Indigenous People of Biafra"


# --- a town keeps the report's spelling when it is one of the town's names -------------------------


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("On 3 March 2024, Houthi forces shelled a residential area of Taizz city, killing a woman.",
         "Taizz"),
        (
            "On 4 March 2024, an Israeli drone struck a car near Bint Jbeil in southern Lebanon, killing two "
            "Hezbollah members.",
            "Bint Jbeil",
        ),
    ],
)
def test_a_town_is_named_as_the_report_spells_it(pipeline: Pipeline, text: str, location: str) -> None:
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.location == location
    assert event.latitude is not None


def test_a_head_in_capitals_keeps_the_gazetteer_s_spelling(pipeline: Pipeline) -> None:
    geocoder = pipeline.geocoder
    assert geocoder is not None
    doc = Document(id="t", text="TAIZZ - Shells hit a market in Taizz.")
    spelled = {}
    for head in ("TAIZZ", "Taizz"):
        mention = PlaceMention(
            phrase=head, head=head, start=0, end=5, document_id="t", hints=[], relation="in",
            country_hint="Yemen",
        )
        res = geocoder.resolve(mention, doc, "YE")
        assert res is not None
        spelled[head] = geocoder._as_written(res, mention)
    assert spelled["Taizz"] == "Taizz"
    assert spelled["TAIZZ"] not in ("TAIZZ", "Taizz")  # the gazetteer's own name


# --- a public flogging in a stadium is still a flogging ------------------------------------------


def test_a_flogging_in_a_stadium_is_violence_against_civilians(coder: Coder) -> None:
    event = _one(
        coder,
        "On 14 May 2025, the Taliban publicly flogged three men convicted of adultery in a sports stadium in "
        "Maidan Shar (Wardak).",
        "Afghanistan",
    )
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 == "Civilians (Afghanistan)"


def test_a_shot_lashed_in_a_stadium_is_no_event(coder: Coder) -> None:
    text = "The striker lashed a shot into the net as the stadium erupted on Sunday, and the hosts won 2-0."
    assert coder.code(Document(id="t", text=text), country="Afghanistan") == []


# --- communities named with "groups", bases, drones as the instrument ------------------------------


def test_rival_community_groups_are_ethnic_militias(coder: Coder) -> None:
    event = _one(
        coder,
        "On 12 July 2025, clashes broke out between rival Druze and Bedouin groups in Shahba (As-Sweida), "
        "killing five people.",
        "Syria",
    )
    assert {event.actor1, event.actor2} == {"Druze Ethnic Militia (Syria)", "Bedouin Ethnic Militia (Syria)"}


def test_a_forward_operating_base_established_is_a_base(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 June 2024, Somali army troops established a new forward operating base in Ceel Dheere "
        "(Galgaduud) after Al Shabaab fighters left the area.",
        "Somalia",
    )
    assert event.sub_event_type == "Headquarters or base established"


@pytest.mark.parametrize(
    "attack",
    [
        "attacked a police station in Saravena (Arauca) with explosives launched from drones",
        "used drones to drop explosives on a police station in Saravena (Arauca)",
    ],
)
def test_an_attack_made_with_drones_is_a_drone_strike(coder: Coder, attack: str) -> None:
    text = f"On 6 March 2024, ELN guerrillas {attack}, wounding three police officers."
    event = _one(coder, text, "Colombia")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


# --- a place across the border -------------------------------------------------------------------


def test_a_town_across_the_border_named_with_its_country_is_placed_there(pipeline: Pipeline) -> None:
    text = (
        "Hezbollah fires rockets at Israel\n\n"
        "BEIRUT, Nov 4 (Reuters) - Hezbollah said its fighters fired a salvo of rockets at an Israeli army "
        "base near Kiryat Shmona on Monday."
    )
    (event,) = pipeline.code(Document(id="t", text=text, published_at=dt.date(2024, 11, 4)))
    assert event.country == "Israel"
    assert event.location == "Kiryat Shmona"


# --- what a crowd protests against; "the attackers" beside a named group ---------------------------


def test_an_armed_group_a_protest_is_against_is_no_side_of_it(coder: Coder) -> None:
    event = _one(
        coder,
        "On 5 February 2025, traders in Butembo (Nord-Kivu) protested against the government's failure to "
        "stop ADF attacks on the road to Beni.",
        "Democratic Republic of Congo",
    )
    assert event.event_type == "Protests"
    assert event.assoc_actor_1 is None


def test_attackers_beside_a_named_group_are_its_men(coder: Coder) -> None:
    event = _one(
        coder,
        "On 11 June 2025, Mexican soldiers were ambushed by members of the Jalisco Cartel in Aguililla "
        "(Michoacan); two soldiers and four attackers were killed.",
        "Mexico",
    )
    assert event.actor2 == "CJNG: Jalisco New Generation Cartel" or event.actor1.startswith("CJNG")
    assert "Unidentified" not in f"{event.assoc_actor_1} {event.assoc_actor_2}"


# --- a village no list has keeps its name -----------------------------------------------------------


def test_a_village_no_list_has_keeps_the_report_s_name(pipeline: Pipeline) -> None:
    text = "On 3 May 2025, JNIM militants attacked Ndiamsoumbou village (Djenne, Mopti), killing 4 civilians."
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.location == "Ndiamsoumbou"
    assert event.admin1 == "Mopti"
    assert event.geo_precision in (2, 3)  # the point is the unit's or the nearby town's, never the village's


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("On 3 May 2025, gunmen attacked a bus near the Nameless Hills in Tartar, wounding 2.", "Tartar"),
        ("On 3 May 2025, protesters gathered in the Dabbagh neighbourhood of Aleppo city demanding bread.",
         "Aleppo"),
        ("On 3 May 2025, police dispersed a protest outside the Cabinet of Ministers in Kyiv.", "Kyiv"),
    ],
)
def test_features_quarters_buildings_are_no_villages(pipeline: Pipeline, text: str, location: str) -> None:
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.location == location


# --- a monitor's count of ceasefire violations; a city across the border; soft signs --------------


def test_ceasefire_violations_a_monitor_recorded_are_a_clash(coder: Coder) -> None:
    text = "On 5 March 2021, the OSCE SMM recorded 25 ceasefire violations near Avdiivka (Donetsk)."
    event = _one(coder, text, "Ukraine")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_an_accusation_of_ceasefire_violations_is_no_event(coder: Coder) -> None:
    text = "On 5 March 2025, Moscow accused Kyiv of ceasefire violations in Kherson."
    assert coder.code(Document(id="t", text=text), country="Ukraine") == []


def test_a_big_city_across_the_border_is_placed_there(pipeline: Pipeline) -> None:
    text = (
        "On 7 March 2025, Ukrainian drones attacked an oil refinery in Ryazan city, causing a fire; no "
        "casualties were reported, the regional governor said."
    )
    (event,) = pipeline.code(Document(id="t", text=text))
    assert event.country == "Russia"
    assert event.location == "Ryazan"  # not the gazetteer's "Ryazan'"
    assert event.latitude is not None


def test_the_army_s_rapid_support_militia_is_the_rsf(coder: Coder) -> None:
    event = _one(
        coder,
        "On 3 June 2025, our forces repelled an attack by the terrorist Rapid Support militia on the city of "
        "El Obeid, killing dozens of the attackers, the Sudanese army said.",
        "Sudan",
    )
    assert event.actor1 == "RSF: Rapid Support Forces" or event.actor2 == "RSF: Rapid Support Forces"
    assert "Communal Militia" not in f"{event.actor1} {event.actor2}"


@pytest.mark.parametrize(
    ("text", "country", "group"),
    [
        (
            "On 4 April 2025, security forces killed 8 khawarij belonging to Fitna al Khawarij in an "
            "intelligence-based operation in Lakki Marwat district, ISPR said.",
            "Pakistan",
            "TTP: Tehreek-i-Taliban Pakistan",
        ),
        ("On 4 April 2025, Somali forces killed 12 khawarij in an operation near Jilib (Middle Juba).",
         "Somalia", "Al Shabaab"),
    ],
)
def test_khawarij_are_the_group_each_army_means(coder: Coder, text: str, country: str, group: str) -> None:
    event = _one(coder, text, country)
    assert event.event_type == "Battles"
    assert event.actor2 == group


# --- visits and causes --------------------------------------------------------------------------------


def test_a_visit_to_deployed_troops_is_no_event(coder: Coder) -> None:
    text = (
        "ISLAMABAD, June 3 - Pakistan's army chief visited troops deployed along the Line of Control on "
        "Monday and praised their readiness, the military said."
    )
    assert coder.code(Document(id="t", text=text), country="Pakistan") == []


def test_attacks_named_as_the_cause_of_a_response_are_not_its_event(coder: Coder) -> None:
    text = "On 3 June 2025, residents protested in Gusau (Zamfara) after bandit attacks on nearby villages."
    event = _one(coder, text, "Nigeria")
    assert event.event_type == "Protests"
    text = "On 3 June 2025, bandits killed 5 villagers in attacks on villages near Gusau (Zamfara)."
    assert _one(coder, text, "Nigeria").event_type == "Violence against civilians"


# --- a drone of unknown origin; a demonym alone is no group ---------------------------------------


def test_a_drone_of_unknown_origin_hits_the_group_named(coder: Coder) -> None:
    event = _one(
        coder,
        "On 23 March 2025, a drone of unknown origin targeted a car in Al-Malikiyah (Al-Hasakah), killing "
        "two SDF members.",
        "Syria",
    )
    assert event.actor1 == "Unidentified Armed Group (Syria)"
    assert event.actor2 == "QSD: Syrian Democratic Forces"


def test_border_forces_named_by_a_demonym_are_that_state_s(coder: Coder) -> None:
    event = _one(
        coder,
        "On 26 March 2025, fighting broke out between the Taliban and Pakistani border forces at the Torkham "
        "crossing, killing one Afghan guard.",
        "Afghanistan",
    )
    assert {event.actor1, event.actor2} == {
        "Military Forces of Afghanistan (2021-)",
        "Military Forces of Pakistan (2024-)",
    }
