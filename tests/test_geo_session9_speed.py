"""Session 9's geocoder speed cuts give the same answers as the code they replaced: the hint pair's
one-country answer asked before the head's spellings are read, and the read-only connection's memory
map."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import _MMAP_BYTES, Gazetteer
from eventdesk.geo.geocoder import Geocoder
from eventdesk.geo.normalize import fold
from eventdesk.records import PlaceMention
from geo_support import geocoder_from

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    # Syria's units, and namesake first-level units and towns in several countries (an invented file)
    return geocoder_from(tmp_path_factory, "gaz-session9", "geonames", FIXTURES / "geonames-hintpairs.txt")


def _fresh(geocoder: Geocoder) -> Geocoder:
    """Another geocoder over the same index: its own memos, so neither side reads the other's."""
    return Geocoder(geocoder.gaz)


# --- the code the cuts replaced -------------------------------------------------------------------


def _hint_pair_cc_before(g: Geocoder, place: PlaceMention, scores: dict[str, float] | None) -> str | None:
    """``Geocoder._hint_pair_cc`` before session 9: the head's spellings read first."""
    if not place.hints:
        return None
    units = [p for hint in place.hints for p in g._admin1_units(hint)]
    if not units:
        return None
    by_cc: dict[str, set[str]] = {}
    for u in units:
        a1 = g.admin1_key(u)
        if a1:
            by_cc.setdefault(u.cc, set()).add(a1)
    if place.head:
        heads = g._strong_candidates(place.head, by_cc.keys())
        hits = {
            p.cc
            for p, q in heads
            if p.cc in by_cc and q >= 0.88 and p.kind != "country" and g.admin1_key(p) in by_cc[p.cc]
        }
        if len(hits) == 1:
            return next(iter(hits))
    if any(fold(h) in g._cc_by_name for h in place.hints):
        return None
    if len(by_cc) == 1 and scores is not None:
        only = next(iter(by_cc))
        top = max(scores.values(), default=0.0)
        abroad = g._abroad_head_support(place)
        if abroad and only not in abroad:
            return None
        if scores.get(only, 0.0) >= 0.5 * top:
            return only
    return None


_HEADS = [
    "", "Aleppo", "Idlib", "Hama", "Homs", "Ariha", "Saraqib", "Maarat al-Numan", "Jisr al-Shughur", "Daraa",
    "Tell Abiad", "Tal Abyad", "Raqqa", "Kafr Nabl", "Qamishli", "Manbij", "Douma", "Formosa", "El Alto",
    "Lahore", "Mosul", "Tripoli", "Zzyzx", "Alepo", "Idleb", "Hamah", "Banfora", "Ouest", "Ludhiana",
    "Jalandhar", "Jullundur", "Sialkot", "El Salto", "Goday", "Gode", "Formossa", "Banfoura", "Lahor",
]
_HINTS = [
    "Aleppo", "Idlib", "Hama", "Homs", "Rural Damascus", "Damascus", "Daraa", "Ar-Raqqa", "Raqqa province",
    "Al-Hasakeh", "Tartous", "Lattakia", "Deir ez-Zor", "Quneitra", "As-Sweida", "Syria", "Formosa",
    "La Paz", "Punjab", "Ninawa", "Ouest", "North", "Jalisco", "Somali", "Tillabery", "TN", "KPK", "Zzyzx",
    "Idleb", "Hamah", "Comoe", "Panjab", "Somali region", "La Paz department", "Formosa province",
]


def test_hint_pair_cc_is_the_code_it_replaced(geocoder: Geocoder) -> None:
    rng = random.Random(9)
    g = _fresh(geocoder)
    ref = _fresh(geocoder)
    answers: set[str | None] = set()
    countries = ["SY", "AR", "BR", "BO", "HN", "PK", "IN", "MX", "BF", "ML", "ET", "LB"]
    for i in range(3000):
        head = rng.choice(_HEADS)
        hints = rng.sample(_HINTS, rng.choice((0, 1, 1, 2, 2, 3)))
        place = PlaceMention(head or "x", head, 0, len(head), "d", hints=hints, relation="in")
        scores: dict[str, float] | None = None
        if i % 7:
            scores = {cc: rng.choice((0.0, 0.3, 0.9, 1.5, 3.0, 6.0)) for cc in rng.sample(countries, 3)}
        got = g._hint_pair_cc(place, scores)
        assert got == _hint_pair_cc_before(ref, place, scores), (head, hints, scores)
        answers.add(got)
    assert None in answers and len(answers) > 5  # (the head's and the units' answers both given)


def test_connection_maps_the_index(geocoder: Geocoder) -> None:
    gaz = Gazetteer(geocoder.gaz.path)
    (size,) = gaz._con().execute("PRAGMA mmap_size").fetchone()
    assert size == _MMAP_BYTES or size > 0  # (sqlite may cap the map at its compile-time maximum)
