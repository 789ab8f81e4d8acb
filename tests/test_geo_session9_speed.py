"""Session 9's geocoder speed cuts give the same answers as the code they replaced: the hint pair's
one-country answer asked before the head's spellings are read, and the read-only connection's memory
map."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import _MMAP_BYTES, Gazetteer, Place
from eventdesk.geo.geocoder import (
    _AGENCY_AFTER_PLACE,
    _CAPS_WORD,
    _DATELINE,
    _POSSESSIVE,
    Geocoder,
    _dateline_span,
)
from eventdesk.geo.normalize import fold, skeleton
from eventdesk.geo.scan import STOPWORDS
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
    if size == 0:
        pytest.skip("this sqlite build has no memory-mapped I/O (SQLITE_MAX_MMAP_SIZE=0)")
    assert 0 < size <= _MMAP_BYTES  # (sqlite caps the map at its compile-time maximum)
    assert gaz.unit("SY01") is not None  # (reads work through the map)


def _names(geocoder: Geocoder, count: int, seed: int) -> list[str]:
    """Names as reports write them: the index's own, misspelt, short, and the fixture's namesakes."""
    rng = random.Random(seed)
    out = list(_HEADS) + list(_HINTS)
    for cc in ("SY", "IN", "PK", "AR"):
        keys, _pids = geocoder.gaz.country_keys(cc)
        for key in rng.sample(keys, min(count, len(keys))):
            i = rng.randrange(len(key))
            out += [key.title(), key[:i] + key[i + 1 :], key[:i] + "ou" + key[i:], key[: 4 + i % 6]]
    return out


def test_name_exact_is_name_parts_without_the_scores(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    ref = _fresh(geocoder)
    searched = 0
    for name in _names(geocoder, 60, 11):
        key = fold(name)
        if len(key) < 2:
            continue
        exact, skel_ccs = g._name_exact(name, key)
        ref_exact, variants, var_ccs = ref._name_parts(name, key)
        assert [(p.id, q) for p, q in exact] == [(p.id, q) for p, q in ref_exact], name
        # every close spelling lies in the skeleton's countries (the shortcuts' premise)
        assert {g.gaz.place(pid).cc for pid, _q in variants} <= skel_ccs, name
        assert not variants or var_ccs == skel_ccs, name
        searched += bool(skel_ccs)
        # and _name_parts over the memoised exact places is the same
        parts = g._name_parts(name, key)
        assert parts[0] is exact and parts[1:] == (variants, var_ccs), name
    assert searched > 50


def _best_candidates_before(
    g: Geocoder, name: str, cc: str | None, close: bool, strict: bool
) -> list[tuple[Place, float]]:
    """``Geocoder._best_candidates`` before session 9: the spellings scored first."""
    hit = g._candidates_memo.get((name, cc, False))
    if hit is None and close:
        hit = g._candidates_memo.get((name, cc, True))
    if hit is not None:
        return hit
    stripped = _POSSESSIVE.sub("", name)
    key = fold(stripped)
    if len(key) < 2 or key in STOPWORDS:
        return []
    exact, variants, var_ccs = g._name_parts(stripped, key)
    if not cc:
        return exact
    if not variants:
        return exact if exact else g.candidates(name, cc, close=close)
    if cc not in var_ccs:
        return exact
    if not close:
        return g.candidates(name, cc, close=close)
    out = g._strong_candidates(name)
    if len(out) - len(exact) == len(variants) or strict or any(p.cc == cc for p, _q in out):
        return out
    if not any(p.population >= 50000 or p.kind == "admin1" for p, _q in exact):
        return out
    return g.candidates(name, cc, close=close)


def _is_governorate_before(g: Geocoder, p: Place, name: str) -> bool:
    """``Geocoder._is_governorate`` before session 9."""
    if p.kind == "admin1":
        return True
    if p.kind not in {"city", "town", "acled"}:
        return False
    stripped = _POSSESSIVE.sub("", name)
    key = fold(stripped)
    if len(key) < 2 or key in STOPWORDS:
        return False
    exact, variants, var_ccs = g._name_parts(stripped, key)
    if any(c.kind == "admin1" and c.cc == p.cc for c, _q in exact):
        return True
    if variants and (p.cc not in var_ccs or skeleton(stripped) not in g.gaz.skeletons_of(("admin1",))):
        return False
    return any(c.kind == "admin1" and c.cc == p.cc for c, _q in g.candidates(name, p.cc))


def _strong_before(g: Geocoder, name: str, ccs: tuple[str, ...]) -> list[tuple[int, float]]:
    """``Geocoder._strong_candidates(name, ccs)`` before session 9."""
    stripped = _POSSESSIVE.sub("", name)
    key = fold(stripped)
    if len(key) < 2 or key in STOPWORDS:
        return []
    exact, variants, var_ccs = g._name_parts(stripped, key)
    out = [(p.id, q) for p, q in exact]
    strong = [(pid, q) for pid, q in variants if q >= 0.88]
    if strong and not var_ccs.isdisjoint(ccs):
        places = g.gaz.places_by_id([pid for pid, _q in strong])
        out.extend((pid, q) for pid, q in strong if pid in places)
    return out


def test_spelling_shortcuts_give_the_scored_answers(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    ref = _fresh(geocoder)
    shortcuts = 0
    towns = [p for town in ("aleppo", "idlib", "lahore", "formosa", "hama") for p in ref.gaz.by_key(town)]
    for name in [*_names(geocoder, 40, 12), "Idlib's", "Hama's", "the"]:
        key = fold(_POSSESSIVE.sub("", name))
        for cc in ("SY", "IN", "PK", "AR", "LB", None):
            for close in (False, True):
                for strict in (False, True):
                    got = g._best_candidates(name, cc, close=close, strict=strict)
                    want = _best_candidates_before(ref, name, cc, close, strict)
                    assert [(p.id, q) for p, q in got] == [(p.id, q) for p, q in want], (name, cc, close)
            if len(key) >= 2:
                exact, skel_ccs = g._name_exact(_POSSESSIVE.sub("", name), key)
                shortcuts += bool(cc and exact and cc not in skel_ccs)
        for ccs in (("SY",), ("IN", "PK"), ("AR",), ("LB",)):
            got_s = [(p.id, q) for p, q in g._strong_candidates(name, ccs)]
            assert got_s == _strong_before(ref, name, ccs), (name, ccs)
        for p in towns:
            assert g._is_governorate(p, name) == _is_governorate_before(ref, p, name), (name, p.name)
    assert shortcuts > 20


def _dateline_span_before(text: str) -> tuple[int, int] | None:
    """``geocoder._dateline_span`` before session 9: every match of the pattern in the first 600
    characters."""
    for m in _DATELINE.finditer(text, 0, 600):
        line = m.group(0)
        colon = line.rstrip().endswith(":")
        if (
            _CAPS_WORD.match(line)
            or (not colon and ("(" in line or any(c.isdigit() for c in line)))
            or _AGENCY_AFTER_PLACE.search(line)
        ):
            return m.span()
    return None


_LINES = [
    "BAMAKO, Feb 10 (Reuters) - Gunmen attacked a village.", "ERBIL, Kurdistan Region — Drones struck.",
    "Idlib, 2024-05-10 (SANA) – Shelling hit Ariha.", "QUETTA: Security forces raided a compound.",
    "Quetta: the police said.", "Idlib - five killed in shelling", "Damascus, SANA - Explosion reported.",
    "On 3 March 2024, militants attacked a checkpoint near Gao.", "Tal Abyad -- clashes", "", "   ",
    "Deir ez-Zor, Syria, 5 June - An IED exploded.", "KHARTOUM, Oct 2 - drones struck Atbara.",
    "Nothing to see here: just a line.", "Aleppo (AFP) – Regime shelling.", "Homs –", "Raqqa:",
    "  HAMA, 12 Jan — a report", "the MOSUL - note", "A B C D E - long", "Kafr Nabl, Idlib countryside – x",
]


def test_dateline_span_is_the_finditer_scan() -> None:
    rng = random.Random(13)
    found = 0
    for _ in range(4000):
        lines = [rng.choice(_LINES) for _ in range(rng.randrange(1, 8))]
        text = rng.choice(("\n", "\n\n", "\n \n")).join(lines)
        if rng.random() < 0.3:
            text = " " * rng.randrange(0, 600) + text  # datelines pushed towards and past the 600th character
        if rng.random() < 0.2:
            text = "x" * rng.randrange(500, 620) + "\n" + text
        got = _dateline_span(text)
        assert got == _dateline_span_before(text), text
        found += got is not None
    assert found > 1000
