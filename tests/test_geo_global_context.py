"""Country decisions outside Syria: the admin context written beside a town, short state names in
brackets, a well-known town against a namesake unit abroad, and country names that are not locations.
Reports and the small GeoNames-format gazetteer are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.geo.geocoder import Geocoder
from eventdesk.geo.hints import admin1_abbreviations, text_hints
from eventdesk.geo.scan import scan
from eventdesk.records import Document, Event, PlaceMention
from geo_support import geocoder_from, place_event

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-global", "geonames", FIXTURES / "geonames-global.txt")


_event = place_event


@pytest.mark.parametrize(
    ("text", "head", "hints"),
    [
        ("Shots were fired in Kotli sector area (Doda district, J&K) at night.", "Kotli", ["Doda", "J&K"]),
        ("A man was shot in Dembel, Afder Zone (Somali region). No arrests.", "Dembel", ["Afder", "Somali"]),
        ("Two men fought in Rampur, Bareilly (UP) over land.", "Rampur", ["Bareilly", "UP"]),
        ("In Tulcan city, Carchi, traders blocked a road.", "Tulcan", ["Carchi"]),
        ("In Soledad, Atlantico department, 4 people were held.", "Soledad", ["Atlantico"]),
        (
            "A mob beat a man at Ramnagar village on the outskirts of Suri (Birbhum district, West Bengal).",
            "Ramnagar",
            ["Birbhum", "West Bengal"],
        ),
        ("Farmers met in Morong (as reported) and left.", "Morong", []),
        ("Teachers marched in Lusaka on Monday, police said.", "Lusaka", []),
    ],
)
def test_text_hints_read_the_units_written_beside_the_head(text: str, head: str, hints: list[str]) -> None:
    assert text_hints(text, head) == hints


def test_every_occurrence_of_the_head_is_read() -> None:
    text = "An arson hit a depot in Tuzla industrial zone in Tuzla, Istanbul. Nobody was hurt."
    assert text_hints(text, "Tuzla") == ["Istanbul"]


def test_the_abbreviation_table_loads() -> None:
    table = admin1_abbreviations()
    assert ("IN", "25") in table["TN"]
    assert ("PK", "03") in table["KPK"]
    assert all(k.upper() == k and 2 <= len(k) <= 5 for k in table)


def test_a_state_abbreviation_in_brackets_places_the_town(geo: Geocoder) -> None:
    doc = Document(id="g1", text="Weavers held a protest in Salem city (Salem, TN) demanding relief.")
    event = _event(doc, "Salem", ["Salem", "TN"])
    geo.geocode([event], doc)
    assert event.country == "India"
    assert event.latitude == pytest.approx(11.65)


def test_hints_the_coder_missed_decide_between_two_armies(geo: Geocoder) -> None:
    doc = Document(
        id="g2",
        text="Military forces of India and Pakistan exchanged fire across the LoC in Naushera sector area "
        "(Rajouri district, J&K).",
    )
    event = _event(
        doc,
        "Naushera",
        actor1="Military Forces of India (2014-)",
        actor2="Military Forces of Pakistan (2018-2022)",
    )
    geo.geocode([event], doc)
    assert event.country == "India"
    assert event.latitude == pytest.approx(33.15)
    assert event.geo_precision == 2  # "sector area": by the place
    assert event.place is not None and event.place.hints == []  # the event keeps the coder's mention


def test_a_well_known_town_beats_a_generic_unit_name_abroad(geo: Geocoder) -> None:
    doc = Document(id="g3", text="A gendarme shot a driver in Kavala Bay town (Mifi, Ouest) after a dispute.")
    event = _event(doc, "Kavala Bay", ["Mifi", "Ouest"])
    geo.geocode([event], doc)
    assert event.country == "Cameroon"
    assert event.geo_precision == 1


def test_a_demonym_before_refugee_camp_is_not_the_country(geo: Geocoder) -> None:
    doc = Document(id="g4", text="Two families clashed in the Rashidiya Palestinian refugee camp in Tyr.")
    assert geo.guess_country(doc) == "Lebanon"
    event = _event(doc, "Tyr")
    geo.geocode([event], doc)
    assert event.country == "Lebanon"


def test_where_migrants_come_from_is_not_where_the_protest_is(geo: Geocoder) -> None:
    doc = Document(
        id="g5",
        text="Residents rallied outside a hotel in Kilkis against 280 migrants (mostly from Afghanistan).",
    )
    event = _event(doc, "Kilkis")
    geo.geocode([event], doc)
    assert event.country == "Greece"


@pytest.mark.parametrize(
    ("text", "name", "usage"),
    [
        ("a rocket hit the road opposite Bank Saderat Iran.", "Iran", "name"),
        ("80 migrants (mostly from Afghanistan) arrived.", "Afghanistan", "origin"),
        ("locals clashed with Burkinabe individuals.", "Burkinabe", "modifier"),
        ("three Saudi planes landed at the airport.", "Saudi", "force"),
        ("protests over the Lebanese pound exchange rate.", "Lebanese", "modifier"),
        ("fighting went on in Syria on Monday.", "Syria", ""),
        ("a bystander shot the Palestinian and wounded him.", "Palestinian", "modifier"),
        ("an Uzbek fighter of a faction was shot.", "Uzbek", "modifier"),
    ],
)
def test_how_a_country_is_named(geo: Geocoder, text: str, name: str, usage: str) -> None:
    mention = next(m for m in scan(geo.gaz, text) if m.text == name)
    assert mention.usage == usage


def test_a_well_known_town_alone_is_not_outweighed_by_a_country_named_as_origin(geo: Geocoder) -> None:
    doc = Document(id="g6", text="Suspected militants killed a civilian in Gayeri (Gayeri, Komondjari).")
    event = _event(doc, "Gayeri", ["Gayeri", "Komondjari"])
    geo.geocode([event], doc)
    assert event.country == "Burkina Faso"


def test_with_no_place_from_the_coder_a_bracketed_unit_still_places_the_event(geo: Geocoder) -> None:
    doc = Document(
        id="g7", text="Party members held protests in various parts of Lakki district (Lakki, KPK) on Monday."
    )
    event = Event()
    geo.geocode([event], doc)
    assert event.country == "Pakistan"
    assert event.geo_precision == 3  # the province's point: the town itself is unknown


@pytest.mark.parametrize(
    ("hints", "admin1", "admin2"),
    [
        (["Rajouri district", "Jammu and Kashmir"], "Jammu and Kashmir", "Rajouri"),
        (["Bassa LGA", "Plateau"], "Plateau", "Bassa"),
        (["Mifi", "Ouest"], "Ouest", "Mifi"),
        (["Ouest"], "Ouest", None),  # nothing written before the first-level unit
        (["Mifi", "Littoral"], "Ouest", None),  # the hints name another unit than the resolved one
    ],
)
def test_admin2_is_the_unit_written_before_the_first_level_unit(
    geo: Geocoder, hints: list[str], admin1: str, admin2: str | None
) -> None:
    place = PlaceMention("X", "Kotli", 0, 5, "d", hints=hints)
    assert geo._hint_admin2(place, admin1) == admin2


def test_an_unknown_village_coded_at_the_town_its_hints_name_is_near_that_town(geo: Geocoder) -> None:
    doc = Document(id="g8", text="Farmers protested in Pondurai village (Salem, TN) over water.")
    event = _event(doc, "Pondurai", ["Salem", "TN"])
    geo.geocode([event], doc)
    assert event.country == "India"
    assert event.latitude == pytest.approx(11.65)
    assert event.geo_precision == 2  # by Salem, not in it: ACLED's 'nearest town' convention


def test_a_namesake_far_from_every_unit_a_mission_works_in_is_not_its_place(
    geo: Geocoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventdesk.geo.gazetteer import Place

    # (the test index has no world units: Donetsk oblast's seat goes into the gazetteer's unit memo)
    monkeypatch.setitem(geo.gaz._units, "UA.05", ("UA", 1, None, "Donetsk", "Donetsk", "UA", 48.02, 37.80))
    near = Place(1, "1", "Lozove", "UA", "city", 48.3, 38.0, 900, "05", None, "test")
    crimea = Place(2, "2", "Lozove", "UA", "city", 45.0, 34.1, 900, "11", None, "test")
    assert not geo._far_from_units(near, {"UA.05"})
    assert geo._far_from_units(crimea, {"UA.05"})
