"""A date that starts a duration ("since April") and the onset of a war months before the report are
background, not events. Reports written for this test."""

from __future__ import annotations

import datetime as dt

from eventdesk.coding import Coder
from eventdesk.records import Document

REPORT = """Drone strike kills four in Port Amal

PORT AMAL, June 3 — A drone strike killed four fighters of the Coastal Front at a checkpoint on the
southern edge of Port Amal on Sunday, a local official said.

The army has besieged the port, the last rebel-held town on the coast, since
March. Fighting between the army and the Coastal Front began in the capital in February 2023.
"""


def test_durations_and_onsets_are_background(coder: Coder) -> None:
    events = coder.code(Document(id="bg", text=REPORT, published_at=dt.date(2024, 6, 3)))
    assert [(e.event_date, e.sub_event_type) for e in events] == [(dt.date(2024, 6, 2), "Air/drone strike")]


def test_a_recent_outbreak_is_still_an_event(coder: Coder) -> None:
    text = "On 1 June 2024, clashes erupted between two armed groups in Port Amal, killing three fighters."
    events = coder.code(Document(id="on", text=text, published_at=dt.date(2024, 6, 3)))
    assert [(e.event_date, e.sub_event_type) for e in events] == [(dt.date(2024, 6, 1), "Armed clash")]
