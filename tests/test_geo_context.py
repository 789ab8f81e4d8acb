"""The event's own evidence decides the country: its actors, and a first-level unit named beside the
town ("Town (Admin1)", "Town, Admin1"). Reports and the namesake gazetteer are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import Gazetteer, add_user_file
from eventdesk.geo.geocoder import Geocoder
from eventdesk.records import Document, Event, PlaceMention
from geo_support import geocoder_from, place_event

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-namesakes", "geonames", FIXTURES / "geonames-namesakes.txt")


_event = place_event


QABOUN = "Government troops shelled the Qaboun area on Tuesday and fighting went on into the night."


def test_without_actors_the_bigger_namesake_abroad_wins(geo: Geocoder) -> None:
    doc = Document(id="q0", text=QABOUN)
    event = _event(doc, "Qaboun")
    geo.geocode([event], doc)
    assert event.country == "Romania"


def test_the_actors_country_beats_a_namesake_abroad(geo: Geocoder) -> None:
    doc = Document(id="q1", text=QABOUN)
    event = _event(
        doc, "Qaboun", actor1="Military Forces of Syria (2000-)", actor2="Opposition Rebels (Syria)"
    )
    geo.geocode([event], doc)
    assert event.country == "Syria"
    assert event.admin1 == "Damascus"
    assert event.geo_precision == 2  # "the Qaboun area": by the place


def test_forces_of_a_power_fighting_abroad_are_no_prior(geo: Geocoder) -> None:
    doc = Document(id="q2", text=QABOUN)
    event = _event(doc, "Qaboun", actor1="Military Forces of Russia (2000-)")
    assert geo.actor_countries(event) == {}


def test_a_group_fighting_beyond_its_home_votes_for_the_guessed_country(geo: Geocoder) -> None:
    # Al Shabaab's home is Somalia; in a report placed in Kenya (where it fights too) it votes for Kenya
    event = Event(actor1="JNIM: Group for Support of Islam and Muslims")
    assert geo.actor_countries(event, "BF") == {"BF": 2.0}
    assert geo.actor_countries(event, "SY") == {"ML": 2.0}


def test_actors_alone_give_the_country_of_an_unknown_village(geo: Geocoder) -> None:
    doc = Document(id="q3", text="Overnight, army units and opposition fighters fought around Tell Zaqrun.")
    event = _event(
        doc, "Tell Zaqrun", actor1="Military Forces of Syria (2000-)", actor2="Opposition Rebels (Syria)"
    )
    geo.geocode([event], doc)
    assert event.country == "Syria"
    assert event.latitude is None and not event.complete


@pytest.mark.parametrize(
    ("text", "hint", "country"),
    [
        ("On 2 May, in Villanueva (Rio Seco), teachers protested.", "Rio Seco", "Honduras"),
        ("On 2 May, in Villanueva, Valle Alto, teachers protested.", "Valle Alto", "Colombia"),
        ("In Villanueva, Rio Seco department, teachers protested.", "Rio Seco department", "Honduras"),
    ],
)
def test_a_first_level_unit_beside_the_town_picks_the_namesake(
    geo: Geocoder, text: str, hint: str, country: str
) -> None:
    doc = Document(id="v" + country, text=text)
    event = _event(doc, "Villanueva", [hint])
    geo.geocode([event], doc)
    assert event.country == country
    assert event.location == "Villanueva"
    assert event.geo_precision == 1


def test_a_learned_place_named_like_its_governorate_yields_to_the_village(tmp_path: Path) -> None:
    add_user_file(tmp_path, "acled", FIXTURES / "acled-governorate.csv", world=False)
    geo = Geocoder(Gazetteer.open(tmp_path, world=False))
    doc = Document(id="g1", text="Residents of Kafr Tamrin in Idleb attacked an army checkpoint at dawn.")
    event = _event(doc, "Idleb", actor2="Military Forces of Syria (2000-)")
    geo.geocode([event], doc)
    assert event.location == "Kafr Tamrin"
    assert event.geo_precision == 1
    assert event.admin1 == "Idleb"


def test_a_list_of_places_is_not_read_as_town_and_unit_against_the_text(geo: Geocoder) -> None:
    text = "Teachers in Honduras marched in Villanueva, Mar Azul and three other Honduras towns."
    doc = Document(id="list1", text=text)
    event = _event(doc, "Villanueva", ["Mar Azul"])
    geo.geocode([event], doc)
    assert event.country == "Honduras"


def test_a_governorate_countryside_alone_is_a_region(geo: Geocoder) -> None:
    text = "Army units and opposition fighters traded artillery fire across the eastern Hama countryside."
    doc = Document(id="h1", text=text)
    start = text.index("Hama")
    place = PlaceMention("Hama countryside", "Hama", start, start + 16, doc.id, relation="countryside")
    event = Event(place=place, actor1="Military Forces of Syria (2000-)")
    geo.geocode([event], doc)
    assert event.country == "Syria"
    assert event.admin1 == "Hama"
    assert event.geo_precision == 3


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Gunmen ambushed a patrol in Qaboun on Monday.", 1),
        ("Gunmen ambushed a patrol in the Qaboun area on Monday.", 2),
        ("Gunmen ambushed a patrol on the Qaboun front on Monday.", 2),
        ("Gunmen ambushed a patrol two km south of Qaboun on Monday.", 2),
        ("Gunmen ambushed a patrol on the road between Qaboun and the capital.", 2),
        ("Gunmen ambushed a patrol in the vicinity of the town of Qaboun.", 2),
    ],
)
def test_words_around_the_head_say_near(geo: Geocoder, text: str, precision: int) -> None:
    doc = Document(id=f"n{len(text)}", text=text)
    event = _event(
        doc, "Qaboun", actor1="Military Forces of Syria (2000-)", actor2="Opposition Rebels (Syria)"
    )
    geo.geocode([event], doc)
    assert event.country == "Syria"
    assert event.geo_precision == precision


def test_the_unit_beside_the_head_beats_a_town_named_like_it(geo: Geocoder) -> None:
    doc = Document(id="sp1", text="In San Pedro, Rio Seco, police officers in Honduras shot a man.")
    event = _event(doc, "San Pedro", ["Rio Seco"])
    geo.geocode([event], doc)
    assert event.country == "Honduras"
    assert event.gazetteer_id == "9910004"  # the department, not the San Pedro beside the town Rio Seco
    assert event.geo_precision == 3


def test_a_governorate_named_in_another_paragraph_does_not_narrow_the_head(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # the background paragraph names Hama; the event's town lies in Idleb
    geo = geocoder_from(tmp_path_factory, "gaz-paragraphs")
    text = (
        "DAMASCUS, 4 March 2024 - Regime forces shelled Saraqib on Monday, a war monitor said.\n\n"
        "Last year the army fought rebels in Hama province for weeks."
    )
    doc = Document(id="p", text=text)
    event = _event(doc, "Saraqib")
    geo.geocode([event], doc)
    assert (event.admin1, event.geo_precision) == ("Idleb", 1)
