"""Round four of the place reader: names with two particles, a unit after a comma with its feature
word, "the Municipality of X", organisation names that are not places, and an event whose own
sentences name no place. Phrases written for these tests; none is taken from any dataset."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.coding import Coder
from eventdesk.coding.places import find_places
from eventdesk.records import Document


@pytest.mark.parametrize(
    ("text", "head", "hints"),
    [
        (
            "Two men were shot in Santa Rosa de las Flores, Nuevo Leon.",
            "Santa Rosa de las Flores",
            ("Nuevo Leon",),
        ),
        ("Workers protested in Deh e Shir on Monday.", "Deh e Shir", ()),
        (
            "Gunmen attacked houses in Kpalo village, Danane subdivision (Tonkpi, Montagnes).",
            "Kpalo",
            ("Danane", "Tonkpi", "Montagnes"),
        ),
        (
            "Troops seized a boat in the Punta Roja sector, Sucre municipality, Bolivar state.",
            "Punta Roja",
            ("Sucre", "Bolivar"),
        ),
        ("A body was found in the Municipality of Tlacolula, Oaxaca.", "Tlacolula", ("Oaxaca",)),
        ("Students marched near Tulcan city, Carchi, on Monday.", "Tulcan", ("Carchi",)),
    ],
)
def test_place_phrases(text: str, head: str, hints: tuple[str, ...]) -> None:
    first = find_places(text)[0]
    assert (first.head, first.hints) == (head, hints)


def test_a_feature_word_alone_is_no_place() -> None:
    assert find_places("Protesters blocked the road near the Municipality building.") == []


def test_an_organisation_name_is_no_place() -> None:
    text = "The leader of Samahan at Bigkis ng mga Magsasaka (SBM) was shot dead in Lucena, Quezon."
    assert [p.head for p in find_places(text)] == ["Lucena"]


def test_event_without_its_own_place_takes_the_scene_before_it() -> None:
    text = (
        "On 3 March 2024, near Ribera town, Campo Alto, migrants walking back home tried to cross "
        "the border bridge by force. Border police beat and injured two of them."
    )
    events = Coder().code(Document(id="t", text=text, published_at=dt.date(2024, 3, 4)))
    assert events
    assert events[0].place is not None
    assert events[0].place.head == "Ribera"
