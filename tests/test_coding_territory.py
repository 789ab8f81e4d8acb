"""Territory changes are split by who gained ground (actor1's type), per the codebook: the state's own
forces regain territory; rebels, militias and foreign armies overtake it. Reports written for this test."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder
from eventdesk.coding.classify import territory_by_gainer
from eventdesk.records import Document, Event

CASES = [
    ("On 3 June 2024, Ukrainian forces recaptured the village of Staromaiorske in Donetsk region from "
     "Russian troops after a week of fighting.", "Ukraine", "Government regains territory"),
    ("On 9 March 2022, Syrian regime forces regained control of the village of Kafr Uwayd in southern "
     "Idleb from HTS fighters.", "Syria", "Government regains territory"),
    ("On 14 May 2023, rebel fighters seized the town of Tar Mon from government troops after heavy "
     "clashes.", None, "Non-state actor overtakes territory"),
]


@pytest.mark.parametrize(("text", "country", "expected"), CASES)
def test_territory_follows_the_gaining_side(
    coder: Coder, text: str, country: str | None, expected: str
) -> None:
    events = coder.code(Document(id="t", text=text), country=country)
    assert events and events[0].event_type == "Battles"
    assert events[0].sub_event_type == expected


def test_foreign_forces_found_abroad_overtake() -> None:
    event = Event(event_type="Battles", sub_event_type="Government regains territory",
                  actor1="Military Forces of Turkey (2016-)", inter1=8,
                  actor2="QSD: Syrian Democratic Forces")
    assert territory_by_gainer(event)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert not territory_by_gainer(event)  # settled: nothing changes twice
    clash = Event(event_type="Battles", sub_event_type="Armed clash", actor1="X", inter1=1)
    assert not territory_by_gainer(clash) and clash.sub_event_type == "Armed clash"
