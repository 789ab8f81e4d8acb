"""Geocoding rules added in session 7 (issue 3), on reports written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.pipeline import Pipeline
from eventdesk.records import Document
from eventdesk.settings import Settings


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def test_a_solidarity_march_is_placed_where_it_marched(pipeline: Pipeline) -> None:
    events = pipeline.code(
        Document(
            id="t",
            text="On 21 October 2023, tens of thousands of people marched in Paris in solidarity with "
            "Palestinians, calling for a ceasefire in Gaza. [size=tens of thousands]",
        )
    )
    assert len(events) == 1
    assert (events[0].country, events[0].location) == ("France", "Paris")
    assert events[0].actor1 == "Protesters (France)"


def test_a_namesake_in_the_report_s_country_keeps_it(pipeline: Pipeline) -> None:
    events = pipeline.code(
        Document(
            id="t",
            text="On 5 March 2024, hundreds of residents of Tripoli in northern Lebanon protested against "
            "power cuts outside the electricity company's offices. [size=hundreds]",
        )
    )
    assert len(events) == 1
    assert events[0].country == "Lebanon"


def test_drones_downed_over_a_region_abroad(pipeline: Pipeline) -> None:
    events = pipeline.code(
        Document(
            id="t",
            text="On 9 May 2024, Russian air defences shot down 14 Ukrainian drones over Belgorod region "
            "overnight, the Russian Defence Ministry said.",
        )
    )
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Disrupted weapons use"
    assert (event.country, event.admin1) == ("Russia", "Belgorod")
    assert event.geo_precision == 3  # a region, not a town
