"""Property: any Event stored with its document reads back equal (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.records import Claim, Document, Event, Evidence, from_dict, to_dict
from eventdesk.store import EventStore

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_opt_text = st.none() | _text
_small = st.none() | st.integers(min_value=0, max_value=10_000)

_evidence = st.builds(
    Evidence,
    field=st.sampled_from(["event_type", "actor1", "location", "fatalities", "event_date"]),
    document_id=st.just("doc"),
    start=st.integers(0, 500),
    end=st.integers(0, 500),
    quote=_text,
)
_claims = st.builds(
    Claim,
    claimant=_text,
    via=_opt_text,
    partisan=st.booleans(),
    side=_opt_text,
    claim=_text,
    fatalities=_small,
    document_id=st.just("doc"),
    evidence=st.lists(_evidence, max_size=2),
)
_events = st.builds(
    Event,
    event_date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)),
    time_precision=st.none() | st.integers(1, 3),
    event_type=_opt_text,
    sub_event_type=_opt_text,
    actor1=_opt_text,
    assoc_actor_1=_opt_text,
    inter1=st.none() | st.integers(1, 8),
    actor2=_opt_text,
    country=_opt_text,
    admin1=_opt_text,
    location=_opt_text,
    latitude=st.none() | st.floats(-90, 90, allow_nan=False),
    longitude=st.none() | st.floats(-180, 180, allow_nan=False),
    geo_precision=st.none() | st.integers(1, 3),
    fatalities=_small,
    fatalities_low=_small,
    fatalities_high=_small,
    notes=_opt_text,
    tags=_opt_text,
    claims=st.lists(_claims, max_size=3),
    evidence=st.lists(_evidence, max_size=3),
    confidence=st.none() | st.floats(0, 1, allow_nan=False),
    coder_version=_opt_text,
    complete=st.booleans(),
    incomplete_reasons=st.lists(_text, max_size=2),
    sources_count=st.integers(1, 50),
    claimant_sides=st.lists(_text, max_size=2),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events=st.lists(_events, min_size=0, max_size=3), text=_text.filter(lambda t: t.strip() != ""))
def test_store_round_trip(events: list[Event], text: str) -> None:
    with EventStore("sqlite://") as store:  # a fresh in-memory store per example
        doc = Document(id="doc-1", text=text, title=text[:10] or None)
        ids = store.add(doc, events)
        assert ids is not None and len(ids) == len(events)
        stored = list(store.events(document_id=doc.id))
        assert {e.event_id for e in stored} == set(ids)
        for event in stored:
            assert from_dict(Event, to_dict(event)) == event
        if len(set(ids)) == len(events):  # nothing merged: every event reads back exactly
            assert stored == events  # the store set event_id and document_ids on the originals
        elif events:
            assert all(doc.id in e.document_ids for e in stored)
        back = store.get_document(doc.id)
        assert back is not None and back.text == doc.text
        assert store.add(doc, events) is None
        assert store.integrity_problems() == []


@given(event=_events)
def test_json_round_trip(event: Event) -> None:
    assert from_dict(Event, to_dict(event)) == event
