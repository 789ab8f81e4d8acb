"""Typing and actor rules added after the session-3 blind set (issue 3).

Sentences written for these tests; places are generic or invented."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder
from eventdesk.records import Document


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # explosives dropped from drones are an air/drone strike, also on a base
        (
            "On 3 May 2023, rebels attacked an army base in Darat with explosives dropped from drones, "
            "killing two soldiers.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        # a house blown up with nobody hurt is property destruction
        (
            "On 3 May 2023, militia fighters blew up the house of a local elder in Darat. No one was hurt.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        # a bomb that blew up a car is still an explosive
        (
            "On 3 May 2023, a bomb blew up a car in Darat, killing its driver.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        # a camp taken over after the other side withdrew: no fight
        (
            "On 3 May 2023, the army took over the base in Darat after foreign troops withdrew from it.",
            "Strategic developments",
            "Non-violent transfer of territory",
        ),
        # taking a town by fighting is still a change of control
        (
            "On 3 May 2023, rebels took over the town of Darat after heavy clashes with the army.",
            "Battles",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_typing(coder: Coder, text: str, event_type: str, sub_event_type: str) -> None:
    events = coder.code(Document(id="t", text=text))
    assert events
    assert (events[0].event_type, events[0].sub_event_type) == (event_type, sub_event_type)
