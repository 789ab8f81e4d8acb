"""Rules added in session 7 (issue 3). Reports written for these tests; places are real but the events
are invented."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder
from eventdesk.records import Document, Event


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _one(coder: Coder, text: str, country: str | None = None) -> Event:
    """The report's one event; ``country`` stands for the geocoder's guess, as in the pipeline."""
    events = coder.code(Document(id="t", text=text), country=country)
    assert len(events) == 1, [(e.event_type, e.sub_event_type) for e in events]
    return events[0]


# --- an attack on a force's positions is a battle, whatever the force's name ---------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "On 9 May 2024, Fano fighters attacked Ethiopian National Defence Force positions near Debre "
            "Tabor in South Gondar zone. Casualties were not reported.",
            "Ethiopia",
        ),
        (
            "On 2 June 2024, suspected jihadists attacked an army outpost near Tillaberi. The toll is unknown.",
            "Niger",
        ),
    ],
)
def test_attack_on_positions_is_a_battle(coder: Coder, text: str, country: str) -> None:
    event = _one(coder, text, country)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
