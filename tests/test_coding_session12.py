"""Rules added in session 12 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder


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
