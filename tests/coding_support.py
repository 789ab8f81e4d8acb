"""Helpers shared by the coder's rule tests."""

from __future__ import annotations

from eventdesk.coding import Coder
from eventdesk.records import Document, Event


def one_event(coder: Coder, text: str, country: str | None = None) -> Event:
    """The report's one event; ``country`` stands for the geocoder's guess, as in the pipeline."""
    events = coder.code(Document(id="t", text=text), country=country)
    assert len(events) == 1, [(e.event_type, e.sub_event_type) for e in events]
    return events[0]
