"""Syria (issue 4): foreign namesakes, governorates named beside the head, unit seats, group names,
spelling variants of learned places and the curated supplement. Reports and fixture rows are invented
for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import Gazetteer, _read_tsv, build_index, data_path
from eventdesk.geo.geocoder import NO_SUB_COUNTRY, Geocoder
from eventdesk.geo.scan import scan
from eventdesk.records import Document, Event, PlaceMention
from geo_support import geocoder_from

FIXTURES = Path(__file__).parent / "fixtures" / "geo_syria"
REGIME = "Military Forces of Syria (2000-)"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-syria-base")


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(
        tmp_path_factory, "gaz-syria-namesakes", "geonames", FIXTURES / "geonames-namesakes.txt"
    )


@pytest.fixture(scope="module")
def learned(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-syria-learned", "acled", FIXTURES / "acled-learned.csv")


def _event(
    doc: Document,
    head: str,
    hints: list[str] | None = None,
    *,
    relation: str = "in",
    actor1: str = REGIME,
    actor2: str | None = "Opposition Rebels (Syria)",
) -> Event:
    start = doc.text.index(head)
    place = PlaceMention(head, head, start, start + len(head), doc.id, hints=hints or [], relation=relation)
    return Event(place=place, location=head, actor1=actor1, actor2=actor2)


# --- a head's namesake abroad -----------------------------------------------------------------------


def test_a_village_named_like_a_town_abroad_stays_in_the_actors_country(namesakes: Geocoder) -> None:
    text = "A rebel fighter was killed in clashes with Syrian army units in Tir village on Monday."
    doc = Document(id="n1", text=text)
    event = _event(doc, "Tir")  # a village of Syria no list has, and a big city of Lebanon's other name
    namesakes.geocode([event], doc)
    assert event.country == "Syria"
    assert event.latitude is None and NO_SUB_COUNTRY in event.incomplete_reasons


def test_the_town_abroad_is_kept_when_the_text_names_its_country(namesakes: Geocoder) -> None:
    doc = Document(id="n2", text="Syrian army units shelled positions near Tyre in south Lebanon overnight.")
    event = _event(doc, "Tyre", actor2=None)
    namesakes.geocode([event], doc)
    assert event.country == "Lebanon"
    assert event.location == "Tyre"


# --- a governorate named beside the head ------------------------------------------------------------


def test_a_governorate_named_beside_an_unknown_site_beats_a_namesake_village_elsewhere(
    namesakes: Geocoder,
) -> None:
    text = "Regime forces and rebels fought in the vicinity of Zuhur Airport in Rural Damascus on Sunday."
    doc = Document(id="g1", text=text)
    event = _event(doc, "Zuhur Airport", ["Rural Damascus"], relation="outskirts")
    namesakes.geocode([event], doc)
    assert event.admin1 == "Rural Damascus"  # not the village Zuhur of Hama
    assert event.geo_precision == 3
    assert event.latitude is not None


def test_the_village_is_still_used_when_it_lies_in_the_governorate_named(namesakes: Geocoder) -> None:
    doc = Document(id="g2", text="Regime forces and rebels fought near the Zuhur crossroads in Hama.")
    event = _event(doc, "Zuhur crossroads", ["Hama"], relation="near")
    namesakes.geocode([event], doc)
    assert event.admin1 == "Hama"
    assert event.location == "Zuhur"
    assert event.geo_precision == 2


# --- representative points of units -----------------------------------------------------------------


def test_units_without_an_ocha_capital_take_their_seat(base: Geocoder) -> None:
    units = base.gaz.units
    # the "…00" district of a governorate is the governorate seat's district
    assert units["SY0800"][6:] == units["SY08"][6:]
    assert units["SY080000"][6:] == units["SY0800"][6:]
    # a district without a capital takes its same-named sub-district's (Ain al-Arab → Kobani)
    assert units["SY0206"][6:] == units["SY020600"][6:]
    assert abs(units["SY0206"][6] - 36.89) < 0.05


def test_a_place_known_only_by_its_unit_keeps_that_units_names(base: Geocoder) -> None:
    doc = Document(id="u1", text="Fighting went on around the Al-Omar oil field for a third day.")
    event = _event(doc, "Al-Omar oil field", relation="near", actor2="Islamic State (Syria)")
    base.geocode([event], doc)
    assert (event.admin1, event.admin2, event.admin3) == ("Deir ez Zor", "Al Mayadin", None)
    assert event.geo_precision == 3


# --- names inside armed groups' names ---------------------------------------------------------------


def test_a_place_inside_a_group_name_is_not_a_mention(base: Geocoder) -> None:
    text = "Qalamoun Shield Forces and the Free Idlib Army captured two hills in eastern Hama."
    found = {m.text for m in scan(base.gaz, text)}
    assert "Qalamoun" not in found and "Idlib" not in found
    assert "Hama" in found


def test_a_region_outside_the_governorate_named_is_not_the_fallback(base: Geocoder) -> None:
    doc = Document(id="q1", text="Qalamoun Shield Forces captured hills overlooking a village. East Hama")
    event = Event(place=None, actor1=REGIME, actor2="Islamic State (Syria)")
    base.geocode([event], doc)
    assert event.admin1 == "Hama"


# --- places learned from the user's ACLED export ----------------------------------------------------


def test_a_spelling_variant_of_a_learned_village_is_found_in_the_text(learned: Geocoder) -> None:
    text = "SDF fighters clashed with Islamic State cells in Kharabshe village in Ar-Raqqa on Friday."
    doc = Document(id="l1", text=text)
    event = _event(doc, "Ar-Raqqa", actor1="Islamic State (Syria)", actor2="SDF: Syrian Democratic Forces")
    learned.geocode([event], doc)
    assert event.location == "Kharabsha"
    assert event.geo_precision == 1


def test_the_specific_part_of_a_learned_a_dash_b_location_is_a_name(learned: Geocoder) -> None:
    names = {res.location for res, _q in learned.lookup("Qasr Halabi", "SY")}
    assert "Damascus - Qasr Halabi" in names
    names = {res.location for res, _q in learned.lookup("Wadi Zaytun", "SY")}
    assert "Wadi Zaytun - Oil Field" in names
    first, _q = learned.lookup("Damascus", "SY")[0]
    assert first.location != "Damascus - Qasr Halabi"


# --- the curated supplement -------------------------------------------------------------------------


def test_supplement_rows_name_a_source_and_their_point_lies_in_their_unit() -> None:
    from eventdesk.geo.admin import SyriaAdmin

    units = {row["pcode"] for row in _read_tsv(data_path("syria_units.tsv"))}
    admin = SyriaAdmin.get()
    names: set[str] = set()
    for row in _read_tsv(data_path("supplement.tsv")):
        assert row["source"].strip(), row["name"]
        assert row["name"] not in names, row["name"]
        names.add(row["name"])
        if row["country"] != "SY":
            continue
        if row["within"]:
            assert row["within"] in units, row["name"]
        if row["latitude"]:
            lat, lon = float(row["latitude"]), float(row["longitude"])
            assert 32.3 <= lat <= 37.4 and 35.6 <= lon <= 42.4, row["name"]
            code = admin.admin3(lat, lon)
            assert code is not None, row["name"]
            if row["within"]:
                assert code.startswith(row["within"]), (row["name"], code)
        elif row["kind"] != "road":
            assert row["within"], f"{row['name']}: a row without a point needs its containing unit"


@pytest.mark.parametrize(
    ("name", "admin1"),
    [
        ("T4 airbase", "Homs"),
        ("Kuweires military airport", "Aleppo"),
        ("Zamalka", "Rural Damascus"),
        ("Tishreen Dam", "Aleppo"),
        ("Bab al-Hawa crossing", "Idleb"),
        ("Baghuz", "Deir ez Zor"),
    ],
)
def test_supplement_sites_resolve(base: Geocoder, name: str, admin1: str) -> None:
    res, quality = base.lookup(name, "SY")[0]
    assert quality == 1.0
    assert res.admin1 == admin1
    assert res.lat is not None


def test_a_listed_village_known_only_abroad_is_not_the_event_place(namesakes: Geocoder) -> None:
    text = (
        "Syrian army units clashed with rebels in Humaydi, Tyre and Jurin on Monday. The army took Tyre "
        "village. Fatalities are spread over Humaydi, Tyre and Jurin."
    )
    doc = Document(id="a1", text=text)
    event = _event(doc, "Humaydi", ["Tyre"])
    namesakes.geocode([event], doc)
    assert event.country == "Syria"
    assert event.location != "Tyre"


def test_a_head_outside_the_district_named_beside_it_yields_to_the_district(namesakes: Geocoder) -> None:
    doc = Document(id="d1", text="Regime forces and rebels clashed on the Zuhur front in Masyaf on Monday.")
    event = _event(doc, "Zuhur", ["Masyaf"], relation="front")
    namesakes.geocode([event], doc)
    assert (event.admin1, event.admin2) == ("Hama", "Masyaf")  # the village Zuhur lies in Hama District
    assert event.geo_precision == 3


def test_a_neighbourhood_of_damascus_is_not_ruled_out_by_a_rural_damascus_group(base: Geocoder) -> None:
    doc = Document(id="b1", text="Regime forces battled Rahman Corps fighters in Barzeh. No losses reported.")
    event = _event(doc, "Barzeh", actor2="Faylaq al-Rahman")
    base.geocode([event], doc)
    assert (event.location, event.admin1, event.geo_precision) == ("Barzeh", "Damascus", 1)


# --- the miss breakdown -----------------------------------------------------------------------------


def test_miss_classes(base: Geocoder) -> None:
    from eventdesk.geo.misses import MISSED, NO_LIST, NOT_NAMED, UNIT_ONLY, classify_miss

    assert classify_miss(base, "Zamalka", 33.52, 36.36, "Clashes went on in Zamalka.", "SY") == MISSED
    assert classify_miss(base, "Zamalka", 33.52, 36.36, "Clashes went on in the Ghouta.", "SY") == NOT_NAMED
    assert classify_miss(base, "Tal Hawash", 35.5, 36.4, "Tal Hawash front.", "SY") == UNIT_ONLY
    assert classify_miss(base, "Kafr Qubbayt", 35.5, 36.4, "Clashes in Kafr Qubbayt.", "SY") == NO_LIST
    # a known name far from the gold point is no help either
    assert classify_miss(base, "Zamalka", 36.2, 37.1, "Clashes went on in Zamalka.", "SY") == NO_LIST


def test_an_index_built_from_other_curated_data_is_rebuilt_on_open(tmp_path: Path) -> None:
    import sqlite3

    from eventdesk.geo.gazetteer import INDEX_NAME, data_fingerprint

    build_index(tmp_path, world=False)
    con = sqlite3.connect(tmp_path / INDEX_NAME)
    con.execute("UPDATE meta SET value='stale' WHERE key='data'")
    con.commit()
    con.close()
    Gazetteer.open(tmp_path, world=False)
    con = sqlite3.connect(tmp_path / INDEX_NAME)
    (value,) = con.execute("SELECT value FROM meta WHERE key='data'").fetchone()
    con.close()
    assert value == data_fingerprint()
