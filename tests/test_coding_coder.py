"""The rule coder on reports written for these tests (tests/fixtures/coding/reports.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from eventdesk.coding import Coder
from eventdesk.records import Document, Event

FIXTURES = yaml.safe_load((Path(__file__).parent / "fixtures" / "coding" / "reports.yaml").read_text())


def _doc(case: dict[str, Any]) -> Document:
    published = case.get("published_at")
    return Document(id=case["id"], text=case["text"], published_at=published)


@pytest.mark.parametrize("case", FIXTURES, ids=[c["id"] for c in FIXTURES])
def test_fixture_report(coder: Coder, case: dict[str, Any]) -> None:
    events = coder.code(_doc(case))
    expect = case["expect"]
    if "count" in expect:
        assert len(events) == expect["count"]
    if not events:
        return
    main = events[0]
    fields = ("event_type", "sub_event_type", "time_precision", "fatalities", "civilian_targeting")
    fields += ("location",)
    for name in fields:
        if name in expect:
            assert getattr(main, name) == expect[name], name
    if "event_date" in expect:
        assert main.event_date == expect["event_date"]
    if "relation" in expect:
        assert main.place is not None and main.place.relation == expect["relation"]
    if "hints" in expect:
        assert main.place is not None and main.place.hints == expect["hints"]


@pytest.mark.parametrize("case", FIXTURES, ids=[c["id"] for c in FIXTURES])
def test_evidence_points_at_the_text(coder: Coder, case: dict[str, Any]) -> None:
    doc = _doc(case)
    for event in coder.code(doc):
        assert event.evidence, "every event carries evidence"
        for ev in event.evidence:
            assert ev.document_id == doc.id
            assert doc.text[ev.start : ev.end] == ev.quote
        fields = {ev.field for ev in event.evidence}
        assert {"event_type", "sub_event_type"} <= fields
        if event.event_date is not None and "date from report" not in event.incomplete_reasons:
            assert "event_date" in fields


def test_background_is_not_an_event(coder: Coder) -> None:
    case = next(c for c in FIXTURES if c["id"] == "clash-dawn")
    events = coder.code(_doc(case))
    assert [e.event_date for e in events] == [dt.date(2024, 3, 12)]
    assert all(e.year != 2021 for e in events)


def test_notes_summary_is_acled_style(coder: Coder) -> None:
    case = next(c for c in FIXTURES if c["id"] == "note-ied")
    (event,) = coder.code(_doc(case))
    assert event.notes is not None and event.notes.startswith("On 11 April 2022, ")
    assert "Ban Tor" in event.notes


def test_incomplete_without_date_or_place(coder: Coder) -> None:
    events = coder.code(Document(id="x", text="Militants clashed with soldiers, killing two of them."))
    assert len(events) == 1
    assert not events[0].complete
    assert {"no date", "no location"} <= set(events[0].incomplete_reasons)


def test_version_and_contract(coder: Coder) -> None:
    assert coder.version.startswith("rules.")
    events: list[Event] = coder.code(Document(id="e", text=""))
    assert events == []
    (event,) = coder.code(Document(id="d1", text=FIXTURES[1]["text"]), country="Syria")
    assert event.country == "Syria"
    assert event.document_ids == ["d1"]
    assert event.coder_version and event.coder_version.startswith(coder.version)
    assert event.place is not None and event.location == event.place.head


def test_one_event_per_day(coder: Coder) -> None:
    text = (
        "On 4 May 2021, soldiers clashed with rebels in Darat town. "
        "On 6 May 2021, rebels clashed with soldiers again in Kfar Mina village."
    )
    events = coder.code(Document(id="m", text=text))
    assert [e.event_date for e in events] == [dt.date(2021, 5, 4), dt.date(2021, 5, 6)]
    assert [e.location for e in events] == ["Darat", "Kfar Mina"]
