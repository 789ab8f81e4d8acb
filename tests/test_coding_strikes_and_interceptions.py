"""A strike that landed and the interceptions reported with it, on reports written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder
from eventdesk.records import Document


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def test_a_strike_that_landed_is_the_event_not_the_interceptions(coder: Coder) -> None:
    text = (
        "On 14 July 2023, a Russian drone strike hit a grain storage facility in Darat. No casualties "
        "were reported. Ukrainian air defence shot down 13 of 17 drones."
    )
    event = coder.code(Document(id="s", text=text))[0]
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.actor1 == "Military Forces of Russia (2000-)"
    # the air defence that engaged the drones is actor2, as when it fires at a single drone
    assert event.actor2 == "Military Forces of Ukraine (2019-)"


def test_all_drones_shot_down_is_disrupted_weapons_use(coder: Coder) -> None:
    text = "On 14 July 2023, Ukrainian air defence shot down all 17 Russian drones launched at Darat."
    event = coder.code(Document(id="s", text=text))[0]
    assert event.sub_event_type == "Disrupted weapons use"


def test_two_states_joined_by_a_hyphen_strike_together(coder: Coder) -> None:
    text = "On 12 January 2024, US-British airstrikes targeted the port of Darat, killing 3 people."
    event = coder.code(Document(id="s", text=text))[0]
    assert event.actor1 == "Military Forces of the United States (2021-2025)"
    assert event.assoc_actor_1 == "Military Forces of the United Kingdom (2022-2024)"
    # a border between two states is no actor
    text = "On 3 May 2016, fighting took place near the Syrian-Turkish border in Darat district."
    event = coder.code(Document(id="s", text=text))[0]
    assert "Turkey" not in (event.actor1 or "") + (event.actor2 or "")


def test_a_ceasefire_announced_over_an_epidemic_is_an_agreement(coder: Coder) -> None:
    # the disease names why, not the domain: a ceasefire belongs to a conflict
    text = (
        "On 13 April 2020, the Arakan Army announced a unilateral ceasefire until the end of the month "
        "due to the coronavirus."
    )
    (event,) = coder.code(Document(id="s", text=text))
    assert event.sub_event_type == "Agreement"
    assert event.actor1 == "AA: Arakan Army"


def test_in_a_two_party_war_an_unnamed_opponent_is_the_other_party() -> None:
    from eventdesk.pipeline import Pipeline
    from eventdesk.settings import Settings

    pipeline = Pipeline(Settings.from_env(geocode=False))
    text = (
        "On 3 March 2023, the General Staff said that Ukrainian defenders repelled 90 enemy attacks near "
        "Bakhmut, Donetsk oblast, over the past day."
    )
    event = pipeline.code(Document(id="s", text=text))[0]
    assert event.actor1 == "Military Forces of Ukraine (2019-)"
    assert event.actor2 == "Military Forces of Russia (2000-)"


def test_a_speakers_jets_named_after_a_dated_statement_are_its_own(coder: Coder) -> None:
    text = (
        "The Israeli army said in a statement on 5 January 2024 that its fighter jets struck a Hezbollah "
        "military compound in the village of Kfar Kila in southern Lebanon."
    )
    event = coder.code(Document(id="s", text=text))[0]
    assert event.actor1 == "Military Forces of Israel (2022-)"
    assert event.actor2 == "Hezbollah"


def test_fighters_destroying_a_tank_is_a_clash_and_a_party_acronym_is_no_armour(coder: Coder) -> None:
    text = (
        "On 9 November 2023, Al-Qassam Brigades said its fighters destroyed an Israeli Merkava tank with "
        "an anti-armour shell east of Beit Hanoun, in the northern Gaza Strip."
    )
    event = coder.code(Document(id="s", text=text))[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    text = "On 29 April 2020, police forces raided and damaged the home of an APC leader in Darat."
    event = coder.code(Document(id="s", text=text))[0]
    assert event.event_type != "Battles"
