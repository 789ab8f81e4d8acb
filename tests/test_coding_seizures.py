"""Weapons seized or found are not weapons used, and a charge is not an event. Reports written for
this test."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder
from eventdesk.records import Document

CASES = [
    ("On 4 March 2024, police in Kalbar arrested a suspected gang member wanted for kidnapping and seized "
     "a pistol and a hand grenade from his house.", "Strategic developments", "Arrests"),
    ("On 2 May 2024, soldiers recovered three hand grenades and an assault rifle from a hideout near Tell "
     "Hamra.", "Strategic developments", "Disrupted weapons use"),
    ("On 5 May 2024, police arrested two men accused of killing a shopkeeper in Darat last week.",
     "Strategic developments", "Arrests"),
    ("On 2 May 2024, a man threw a hand grenade at a shop in Darat, injuring two people.",
     "Explosions/Remote violence", "Grenade"),
    ("On 8 May 2024, militants with assault rifles attacked an army checkpoint near Kfar Mina, killing two "
     "soldiers.", "Battles", "Armed clash"),
]


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), CASES)
def test_seized_weapons_and_charges(coder: Coder, text: str, event_type: str, sub_event_type: str) -> None:
    events = coder.code(Document(id="s", text=text), country="Ruritania")
    assert events, text
    assert (events[0].event_type, events[0].sub_event_type) == (event_type, sub_event_type)
