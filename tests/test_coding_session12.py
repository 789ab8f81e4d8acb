"""Rules added in session 12 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.nlp.dates import resolve_reference_date


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
