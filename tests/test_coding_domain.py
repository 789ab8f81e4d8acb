"""Round two of the coder: the non-conflict domain gate, the weapon that decides the sub-event
type, sources that are not victims, and short actor names in ``notes``. Reports written for these
tests in the style of wire copy; none is taken from any dataset."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.coding import Coder
from eventdesk.coding.summary import short_name
from eventdesk.records import Document, Event

DAY = dt.date(2025, 3, 11)  # a Tuesday


def _code(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="t", text=text, published_at=DAY))


@pytest.mark.parametrize(
    "text",
    [
        # sports: attack, shot, strike, beat, clash in their match senses
        "United beat City 2-0 on Monday in a clash of the league leaders, the striker firing a low shot "
        "past the goalkeeper after a sustained attack down the left.",
        "India beat Sri Lanka by 40 runs in Colombo on Monday to win the series.",
        "Ghana beat Togo 3-1 in Accra on Monday, the captain heading in two goals.",
        # disasters and accidents with no perpetrator
        "A dam burst after days of torrential rain on Monday, killing at least 18 villagers downstream, "
        "officials said.",
        "A minibus collided with a fuel tanker on the coastal highway on Monday, killing nine people, "
        "police said.",
        "An earthquake of magnitude 6.1 struck the mountain district on Monday, killing 11 people.",
        "A fire broke out in a textile factory on Monday night, killing four workers, fire service "
        "officials said.",
        # a court verdict about an old attack
        "A court on Monday sentenced two men to life in prison for a 2017 bombing at a bus station that "
        "killed 12 people.",
        # economy and disease
        "The currency fell to a record low on Monday, dealing another blow to traders, analysts said.",
    ],
)
def test_non_conflict_reports_give_no_event(coder: Coder, text: str) -> None:
    assert _code(coder, text) == []


def test_the_gate_keeps_events_with_an_organised_actor(coder: Coder) -> None:
    # a disaster word does not erase an attack by an armed group
    events = _code(
        coder,
        "Gunmen attacked villagers returning from a football match near Dogo on Monday, killing three.",
    )
    assert events and events[0].sub_event_type == "Attack"
    # a crowd acting after a match is a riot
    events = _code(coder, "Fans rioted after the cup final in Kano on Monday, torching cars, police said.")
    assert events and events[0].event_type == "Riots"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Russian forces dropped a guided aerial bomb on a school in the town of Orikhiv on Monday, "
         "killing three civilians.", "Air/drone strike"),
        ("Army helicopters dropped barrel bombs on the village of Tal Jadid on Monday, killing a child.",
         "Air/drone strike"),
        ("Rebels attacked an army post in Loikaw with explosives-laden drones on Monday, wounding two "
         "soldiers.", "Air/drone strike"),
        ("A kamikaze drone crashed into a warehouse in the port of Izmail on Monday, starting a fire.",
         "Air/drone strike"),
        ("A bomb hidden in a handcart exploded in a busy market in Quetta on Monday, killing four "
         "shoppers, police said.", "Remote explosive/landmine/IED"),
        ("A bomb planted inside a church went off during Sunday mass in Kaduna, killing five "
         "worshippers.", "Remote explosive/landmine/IED"),
    ],
)  # fmt: skip
def test_the_weapon_decides_the_sub_event(coder: Coder, text: str, sub: str) -> None:
    events = _code(coder, text)
    assert events, text
    assert events[0].sub_event_type == sub
    assert events[0].event_type == "Explosions/Remote violence"


def test_explosions_that_hit_civilians_stay_remote_with_civilian_targeting(coder: Coder) -> None:
    events = _code(coder, "A roadside bomb struck a minibus near Ghazni on Monday, killing six passengers.")
    assert events[0].event_type == "Explosions/Remote violence"
    assert events[0].civilian_targeting == "Civilian targeting"


def test_police_who_report_are_not_victims(coder: Coder) -> None:
    # "police said" must not turn a bombing of shoppers into a clash with the police
    events = _code(
        coder, "A bomb exploded near a bus stand in Mardan on Monday, killing three commuters, police said."
    )
    assert events[0].event_type == "Explosions/Remote violence"


@pytest.mark.parametrize(
    ("label", "short"),
    [
        ("Military Forces of Syria (2000-)", "Syrian forces"),
        ("Police Forces of India (2014-)", "Indian police"),
        ("HTS: Hayat Tahrir al Sham", "HTS"),
        ("Unidentified Armed Group (Iraq)", "an unidentified armed group"),
        ("Protesters (Kenya)", "protesters"),
        ("Civilians (Ukraine)", "civilians"),
        ("Al Shabaab", "Al Shabaab"),
    ],
)
def test_short_names_in_notes(label: str, short: str) -> None:
    assert short_name(label) == short


def test_notes_use_short_names(coder: Coder) -> None:
    events = _code(
        coder,
        "On 10 March 2025, Syrian army troops clashed with HTS fighters near Kabani in Latakia.",
    )
    notes = events[0].notes or ""
    assert "(2000-)" not in notes and "Hayat Tahrir" not in notes
    assert notes.startswith("On 10 March 2025, ")


def test_abduction_with_killings_is_an_attack(coder: Coder) -> None:
    events = _code(
        coder,
        "Armed men raided the village of Kuru on Monday, killing seven farmers and kidnapping a teacher.",
    )
    assert events[0].sub_event_type == "Attack"
    events = _code(coder, "Gunmen kidnapped two traders on the Abaji road on Monday, police said.")
    assert events[0].sub_event_type == "Abduction/forced disappearance"


def test_a_verdict_about_violence_is_not_an_event(coder: Coder) -> None:
    text = (
        "A military tribunal on Monday convicted a former rebel commander over the massacre of 40 "
        "villagers in 2016 and sentenced him to 20 years in prison."
    )
    assert _code(coder, text) == []
    # an armed group's court that carries out its sentence on the spot is an event
    text = (
        "On 9 March 2025, militants sentenced a man to death at a makeshift court and executed him in Jilib."
    )
    assert _code(coder, text)


def test_a_suicide_bombing_of_a_rally_is_the_bombing(coder: Coder) -> None:
    events = _code(
        coder, "A suicide bomber blew himself up at an election rally in Khar on Monday, killing 20 people."
    )
    assert events[0].sub_event_type == "Suicide bomb"


def test_a_crowd_dispersed_by_police_is_a_protest_with_intervention(coder: Coder) -> None:
    events = _code(
        coder,
        "Riot police used water cannon to disperse teachers gathered outside the ministry in Lome on Monday.",
    )
    assert events and events[0].sub_event_type == "Protest with intervention"
    # people gathered at the scene of a blast are not protesters
    events = _code(
        coder, "A bomb exploded in Maiduguri on Monday; police dispersed crowds gathered at the scene."
    )
    assert events[0].event_type == "Explosions/Remote violence"


@pytest.mark.parametrize(
    "text",
    [
        "The dinar fell to a record low against the dollar in Baghdad on Monday, money changers said.",
        "Turnout in the northern districts fell to 31 percent, the election commission said on Monday.",
        "Wheat stocks fell to their lowest level in a decade, the ministry said on Monday.",
    ],
)
def test_falling_to_a_level_is_not_a_change_of_control(coder: Coder, text: str) -> None:
    assert _code(coder, text) == []


def test_a_town_falling_to_a_group_is_still_a_change_of_control(coder: Coder) -> None:
    text = "On Monday, the town of Tall Salma fell to rebel fighters after two days of clashes."
    events = _code(coder, text)
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
