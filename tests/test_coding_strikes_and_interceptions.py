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
    assert event.actor2 is None  # the air defence is not what the strike hit


def test_all_drones_shot_down_is_disrupted_weapons_use(coder: Coder) -> None:
    text = "On 14 July 2023, Ukrainian air defence shot down all 17 Russian drones launched at Darat."
    event = coder.code(Document(id="s", text=text))[0]
    assert event.sub_event_type == "Disrupted weapons use"
