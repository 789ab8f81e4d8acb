"""Rules added after the session-4 development set general4 (issue 3): actor order in interceptions
and claimed clashes, the speaker's own forces, and no-event stories full of violent words.

Reports written for these tests; places are generic or invented where the rule does not need a real
one."""

from __future__ import annotations

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.records import Document


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


# --- Disrupted weapons use: actor1 intercepts, actor2 owns the weapon ------------------------------


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the launcher named after "launched by", the interceptor first in the sentence
        (
            "On 2 May 2024, Saudi air defences intercepted a drone launched by the Houthis towards Abha.",
            "Military Forces of Saudi Arabia (2015-)",
            "Military Forces of Yemen (2016-) Supreme Political Council",
        ),
        # the launcher first in the sentence, the interceptor after "intercepted by"
        (
            "On 2 May 2022, Houthi forces fired a missile at Marib city which was intercepted by the "
            "Saudi-led coalition.",
            "Operation Restoring Hope",
            "Military Forces of Yemen (2016-) Supreme Political Council",
        ),
        # a weapon named by its owner's demonym ("Russian Shahed drones") and a weapon kind
        (
            "On 2 May 2024, Ukrainian air defence units shot down nine Russian Shahed drones over "
            "Poltava region.",
            "Military Forces of Ukraine (2019-)",
            "Military Forces of Russia (2000-)",
        ),
        # Israel's air-defence system names Israel's forces
        (
            "On 2 May 2024, the Iron Dome intercepted two rockets fired by Hezbollah at Metula.",
            "Military Forces of Israel (2022-)",
            "Hezbollah",
        ),
    ],
)
def test_interceptor_is_actor1(coder: Coder, text: str, actor1: str, actor2: str) -> None:
    event = _one(coder, text)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_us_counter_rocket_system_is_us_forces(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 May 2023, the C-RAM system at a base near Erbil intercepted a drone, officials said.",
    )
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 == "Military Forces of the United States (2021-2025)"


# --- claimed clashes: the side whose attack was repelled is actor1 ---------------------------------


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "On 2 May 2023, the Taliban said their fighters repelled an attack by NRF fighters in "
            "Andarab district.",
            "NRF: National Resistance Front",
            "Military Forces of Afghanistan (2021-)",
        ),
        # "fended off an attack" is a battle, not violence against civilians
        (
            "On 2 May 2022, the SDF said their fighters fended off an attack by Turkish-backed factions "
            "on a village near Ain Issa.",
            "JWS: Syrian National Army",
            "QSD: Syrian Democratic Forces",
        ),
    ],
)
def test_repelled_attacker_is_actor1(coder: Coder, text: str, actor1: str, actor2: str) -> None:
    event = _one(coder, text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_report_order_kept_when_the_repel_verb_follows(coder: Coder) -> None:
    # "an infiltration by X, which was repelled by Y": the report's own order stands
    event = _one(
        coder,
        "On 2 May 2021, the SDF clashed with Turkish-backed factions near Ain Issa following an "
        "infiltration attempt by the factions, which was repelled by the SDF.",
    )
    assert event.actor1 == "QSD: Syrian Democratic Forces"


def test_speaker_keeps_its_own_forces(coder: Coder) -> None:
    # "the KIA said its troops …": the troops are the KIA's, the junta is the other side
    event = _one(
        coder,
        "On 2 May 2024, the Kachin Independence Army said its troops repelled an attack by the Myanmar "
        "military near Bhamo.",
    )
    assert event.actor1 == "Military Forces of Myanmar (2021-)"
    assert event.actor2 == "KIA: Kachin Independence Army"


# --- crowds and deaths ---------------------------------------------------------------------------


def test_death_word_before_its_victim(coder: Coder) -> None:
    event = _one(coder, "On 2 May 2023, a mob stoned a man to death in a village of Darat district.")
    assert (event.event_type, event.sub_event_type, event.fatalities) == ("Riots", "Mob violence", 1)


def test_party_supporters_rioting(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 May 2023, supporters of the opposition party torched vehicles and attacked a police station "
        "in Darat.",
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_rioters_attacking_a_community_is_mob_violence(coder: Coder) -> None:
    # no demand, a place of worship and a community's shops: violence against civilians by a mob
    event = _one(
        coder, "On 2 May 2023, rioters attacked a church and burned shops owned by Christians in Darat."
    )
    assert (event.sub_event_type, event.actor2, event.interaction) == ("Mob violence", "Civilians (X)", 57)


def test_stabbed_to_death_with_no_victim_between_is_left_as_before(coder: Coder) -> None:
    # "was abducted by four men and stabbed to death": the men are the attackers, not the dead
    event = _one(coder, "On 2 May 2023, in Darat, a man was abducted by four men and stabbed to death.")
    assert event.fatalities != 4


def test_police_killing_people_at_a_protest(coder: Coder) -> None:
    event = _one(
        coder, "On 2 May 2023, police shot dead three men during protests over fuel prices in Darat."
    )
    assert (event.event_type, event.sub_event_type) == ("Protests", "Excessive force against protesters")


# --- no-event stories with violent vocabulary -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a minister on policy
        "The interior minister said on Monday that the fight against terrorism would continue and asked "
        "parliament for money to buy drones and armoured vehicles.",
        # the economy
        "Airlines launched a fare war on Tuesday, and analysts said the price war would kill off smaller "
        "carriers.",
        # a disease, and those battling it
        "Health workers are battling the outbreak, which has killed 20 people in the north this month.",
        # politics
        "The candidates traded fire in a televised debate on Sunday, each accusing the other of killing "
        "jobs.",
        # a drill
        "Troops held joint exercises near the coast on Wednesday, rehearsing the defence of the port "
        "against an amphibious assault.",
        # a work about a war
        "A new documentary about the siege of the city, which shows shelled hospitals and killed "
        "civilians, premiered on Friday.",
        # testimony in court about an old massacre
        "A survivor told the tribunal on Thursday how soldiers shot villagers during an attack on her "
        "village in 2016.",
        # a commemoration
        "Residents on Sunday began a week of mourning to mark 20 years since the massacre, in which "
        "militiamen killed 300 people.",
        # sport
        "The home side bombarded the visitors' goal in the second half but the keeper held firm.",
        # a disaster with soldiers helping
        "Floods killed 12 people on Monday and soldiers were deployed to help evacuate residents.",
        # a road accident the police reported
        "A minibus plunged into a gorge on Saturday, killing 15 passengers, police said.",
        # a year's tally in a speech
        "The police chief told reporters that officers had killed 200 bandits over the past year.",
        # an arms delivery
        "The air force chief received a new batch of attack helicopters delivered from Turkey on Monday.",
    ],
)
def test_no_event(coder: Coder, text: str) -> None:
    events = coder.code(Document(id="t", text=text))
    assert events == [], [(e.event_type, e.sub_event_type) for e in events]


def test_violence_beside_a_figurative_phrase_is_still_an_event(coder: Coder) -> None:
    # the figurative phrase drops only its own words: the attack on the mourners is an event, and its
    # dead after the comma still count
    event = _one(
        coder,
        "On 2 May 2023, gunmen opened fire on mourners gathered to mark ten years since the massacre in "
        "Darat, killing four people.",
    )
    assert (event.event_type, event.fatalities) == ("Violence against civilians", 4)


# --- interaction codes across actor types ----------------------------------------------------------


def test_troops_serving_with_a_mission_keep_their_enemy(coder: Coder) -> None:
    # "serving with ATMIS" joins the mission to the troops' side; the group they fought is actor2
    event = _one(
        coder,
        "On 2 May 2023, Ugandan troops serving with ATMIS killed four Al Shabaab fighters near Barawe, "
        "Somalia.",
    )
    assert (event.actor1, event.actor2) == ("Military Forces of Uganda (1986-)", "Al Shabaab")


def test_rebels_dispersing_protesters(coder: Coder) -> None:
    # a rebel force that fires on protesters is the intervening side (26), not left out
    event = _one(
        coder, "On 2 May 2023, protesters in Omdurman were dispersed by the RSF with live ammunition."
    )
    assert event.sub_event_type == "Excessive force against protesters"
    assert (event.actor2, event.interaction) == ("RSF: Rapid Support Forces", 26)


def test_traditional_hunters_are_a_communal_militia(coder: Coder) -> None:
    event = _one(
        coder, "On 2 May 2023, Dozo hunters attacked Fulani herders near Djenne, Mali, killing two civilians."
    )
    assert (event.actor1, event.interaction) == ("Dozo Communal Militia (Mali)", 47)
