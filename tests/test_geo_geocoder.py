"""Resolution in context, admin units and honest precision (reports written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.errors import ConfigError
from eventdesk.geo.gazetteer import Gazetteer, build_index
from eventdesk.geo.geocoder import NO_SUB_COUNTRY, Geocoder
from eventdesk.records import Document, Event, PlaceMention
from eventdesk.settings import Settings
from geo_support import geocoder_from

FIXTURES = Path(__file__).parent / "fixtures" / "geo"

REPORT = (
    "Syrian state media said on Friday that an army unit repelled an attack by militants on a military "
    "post on the Kabanah axis in the northern countryside of Latakia, killing several attackers."
)
PHRASE = "the Kabanah axis in the northern countryside of Latakia"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-base")


@pytest.fixture(scope="module")
def with_geonames(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-gn", "geonames", FIXTURES / "geonames-mini.txt")


def _doc(text: str) -> Document:
    return Document(id="t1", text=text)


def _kabanah_event(doc: Document) -> Event:
    start = doc.text.index(PHRASE)
    place = PlaceMention(
        PHRASE, "Kabanah", start, start + len(PHRASE), doc.id, hints=["Latakia"], relation="axis"
    )
    return Event(place=place, location="Kabanah")


def test_village_without_point_codes_to_its_subdistrict_with_precision_3(base: Geocoder) -> None:
    doc = _doc(REPORT)
    event = _kabanah_event(doc)
    base.geocode([event], doc)
    assert (event.country, event.iso, event.region) == ("Syria", 760, "Middle East")
    assert (event.admin1, event.admin2, event.admin3) == ("Lattakia", "Al Haffa", "Kansaba")
    assert event.location == "Kabani"
    assert event.geo_precision == 3
    assert event.latitude is not None and abs(event.latitude - 35.74) < 0.1
    assert event.gazetteer_id == "sup:Kabani"
    assert event.geocoder_version == base.version
    ev = [e for e in event.evidence if e.field == "location"]
    assert ev and doc.text[ev[0].start : ev[0].end] == ev[0].quote == "Kabanah"


def test_village_with_point_from_geonames_is_precision_2(with_geonames: Geocoder) -> None:
    doc = _doc(REPORT)
    event = _kabanah_event(doc)
    with_geonames.geocode([event], doc)
    assert event.location == "Kabani"
    assert event.gazetteer_id == "9900001"
    assert event.geo_precision == 2
    assert (event.latitude, event.longitude) == (35.72, 36.23)
    assert (event.admin1, event.admin2, event.admin3) == ("Lattakia", "Al Haffa", "Kansaba")


def test_fallback_scan_finds_the_place_without_a_mention(with_geonames: Geocoder) -> None:
    doc = _doc(REPORT)
    event = Event()
    with_geonames.geocode([event], doc)
    assert event.location == "Kabani" and event.geo_precision == 2


def test_country_only_report_gets_no_point(base: Geocoder) -> None:
    doc = _doc("Syrian officials said fighting continued across Syria on Tuesday.")
    event = Event()
    base.geocode([event], doc)
    assert event.country == "Syria" and event.iso == 760
    assert event.latitude is None and event.longitude is None and event.geo_precision is None
    assert not event.complete and NO_SUB_COUNTRY in event.incomplete_reasons


def test_region_only_is_precision_3_at_the_capital(base: Geocoder) -> None:
    doc = _doc("Rebels shelled army positions in the southern countryside of Idleb on Monday.")
    event = Event()
    base.geocode([event], doc)
    assert event.admin1 == "Idleb" and event.geo_precision == 3
    assert event.latitude is not None


def test_common_words_are_not_places(with_geonames: Geocoder) -> None:
    doc = _doc("Police said the Battle lasted hours. Deal talks failed.")
    event = Event()
    with_geonames.geocode([event], doc)
    assert event.latitude is None


def test_country_hint_disambiguates(with_geonames: Geocoder) -> None:
    doc = _doc("Gunmen attacked a checkpoint in Tripoli, Lebanese security sources said.")
    start = doc.text.index("Tripoli")
    event = Event(place=PlaceMention("in Tripoli", "Tripoli", start, start + 7, doc.id))
    with_geonames.geocode([event], doc)
    assert event.country == "Lebanon" and event.gazetteer_id == "9900005" and event.geo_precision == 1
    doc2 = _doc("Militias clashed in Tripoli, the Libyan capital, overnight.")
    start = doc2.text.index("Tripoli")
    event2 = Event(place=PlaceMention("in Tripoli", "Tripoli", start, start + 7, doc2.id))
    with_geonames.geocode([event2], doc2)
    assert event2.country == "Libya" and event2.gazetteer_id == "9900006"


def test_guess_country(base: Geocoder) -> None:
    assert base.guess_country(_doc("HTS fighters attacked positions near Saraqib.")) == "Syria"
    assert base.guess_country(_doc("Nothing here names a place.")) is None


def test_admin_name_styles(tmp_path: Path) -> None:
    build_index(tmp_path, world=False)
    gaz = Gazetteer.open(tmp_path, world=False)
    doc = _doc(REPORT)
    event = _kabanah_event(doc)
    Geocoder(gaz, admin_names="ocha").geocode([event], doc)
    assert (event.admin1, event.admin2) == ("Lattakia", "Al-Haffa")
    with pytest.raises(ConfigError):
        Geocoder(gaz, admin_names="klingon")


def test_from_settings_uses_gazetteer_dir(tmp_path: Path) -> None:
    build_index(tmp_path, world=False)
    geocoder = Geocoder.from_settings(Settings(gazetteer_dir=tmp_path))
    assert geocoder.gaz.path == tmp_path / "index.sqlite"


def test_actor_adjectives_and_partial_names_are_not_places(with_geonames: Geocoder) -> None:
    doc = _doc("Pro-Iran militias and Turkey-backed factions clashed near Khan Sultan, activists said.")
    mentions = with_geonames.mentions(doc)
    assert all(m.text not in {"Iran", "Turkey", "Sultan"} for m in mentions)


def test_governorate_named_in_text_picks_the_namesake_inside_it(tmp_path: Path) -> None:
    build_index(tmp_path, world=False)
    gaz = Gazetteer.open(tmp_path, world=False)
    geocoder = Geocoder(gaz)
    doc = _doc("Unknown gunmen opened fire on a checkpoint in the outskirts of Ariha in Idleb countryside.")
    event = Event()
    geocoder.geocode([event], doc)
    assert event.admin1 == "Idleb" and event.admin2 == "Ariha"
    assert event.geo_precision == 2


def test_lookup_lists_candidates_best_first(with_geonames: Geocoder) -> None:
    found = with_geonames.lookup("Tripoli", "LB")
    assert found[0][0].place.gid == "9900005"
    assert {res.place.cc for res, _q in found} >= {"LB", "LY"}


def test_geocoder_pickles_for_process_executors(with_geonames: Geocoder) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(with_geonames))
    doc = _doc(REPORT)
    event = _kabanah_event(doc)
    copy.geocode([event], doc)
    assert event.gazetteer_id == "9900001"


def test_unknown_village_in_a_governorate_is_the_governorate_at_precision_3(base: Geocoder) -> None:
    doc = _doc("Rebels captured Zahrat al-Wadi village in northern Idleb after a night of fighting.")
    event = Event()
    base.geocode([event], doc)
    assert event.admin1 == "Idleb" and event.admin2 is None
    assert event.geo_precision == 3 and event.latitude is not None
