"""The city of a wire dateline is where a report was filed. When the event's own place is a village or
a town the gazetteer does not know, the dateline's city is not put in its stead (a fake point far away);
for a quarter of that city it still is. Reports written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.pipeline import Pipeline
from eventdesk.records import Document
from eventdesk.settings import Settings


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def test_an_unknown_village_is_not_coded_at_the_dateline_city(pipeline: Pipeline) -> None:
    text = (
        "NIAMEY, 3 March 2024 (AFP) - Jihadists killed at least 11 civilians in the western village of "
        "Kourfaytawe on Saturday, local officials said."
    )
    events = pipeline.code(Document(id="d1", text=text))
    assert events and events[0].country == "Niger"
    assert events[0].location != "Niamey" and events[0].latitude is None


def test_a_known_town_is_coded_where_it_is_not_at_the_dateline(pipeline: Pipeline) -> None:
    text = (
        "NIAMEY, 3 March 2024 (AFP) - Jihadists killed at least 11 civilians in the town of Tillaberi "
        "on Saturday, local officials said."
    )
    events = pipeline.code(Document(id="d2", text=text))
    assert events and events[0].location == "Tillaberi" and events[0].geo_precision == 1


def test_an_unknown_quarter_of_the_dateline_city_is_coded_at_the_city(pipeline: Pipeline) -> None:
    text = (
        "NIAMEY, 3 March 2024 (AFP) - Gunmen shot dead a trader in Zabarkan-Gorou on Saturday evening, "
        "police said."
    )
    events = pipeline.code(Document(id="d3", text=text))
    assert events and events[0].location == "Niamey"


def test_two_reports_with_one_id_and_one_length_are_not_confused(pipeline: Pipeline) -> None:
    first = "On 2 May 2024, gunmen killed a farmer in Tafas (Daraa). 1 fatality."
    second = "On 2 May 2024, gunmen killed a farmer in Jasim (Daraa). 1 fatality."
    assert len(first) == len(second)
    geocoder = pipeline.geocoder
    assert geocoder is not None
    heads = [{m.text for m in geocoder.mentions(Document(id="same", text=t))} for t in (first, second)]
    assert "Tafas" in heads[0] and "Jasim" in heads[1] and "Tafas" not in heads[1]


@pytest.mark.parametrize(
    ("text", "location", "precision"),
    [
        # a county, an oblast or a department named with the town of the same name: the unit (3)
        ("On 15 April 2024, militants attacked troops in Lamu county, killing 2 soldiers.", "Lamu", 3),
        # a desert named after a town: around that town (2)
        ("On 9 April 2024, IS cells ambushed a convoy in the Sokhneh desert, killing 3.", "Sokhneh", 2),
        # a highway named after the towns it links: by the town, not in it (2)
        ("On 12 April 2024, gunmen attacked a bus on the Kabul-Jalalabad highway, killing 4.", "Kabul", 2),
    ],
)
def test_regions_deserts_and_highways_are_not_the_town_itself(
    pipeline: Pipeline, text: str, location: str, precision: int
) -> None:
    events = pipeline.code(Document(id="g", text=text))
    assert events and (events[0].location, events[0].geo_precision) == (location, precision)


def test_each_event_of_a_report_takes_a_town_of_its_own_sentence(pipeline: Pipeline) -> None:
    text = (
        "published: 2024-10-02\n\nKHARTOUM, Oct 2 (Reuters) - RSF drones struck a power station in Atbara on "
        "Tuesday night, residents said. No casualties were reported.\n\nIn El Fasher, RSF shelling killed "
        "at least 15 civilians in the Zamzam Road camp on Monday, a local committee said."
    )
    events = pipeline.code(Document(id="two", text=text))
    assert [e.location for e in events] == ["Atbara", "El Fasher"]
