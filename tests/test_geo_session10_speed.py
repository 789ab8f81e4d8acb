"""Session 10's geocoder speed cut gives the same answers as the code it replaced: the per-unit name
lists of the index (``unit_keys``) decide, before the country-wide fuzzy search, that no name of the
hinted first-level units can reach its cutoff."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import (
    NEAR_FILTER_SIZE,
    NEAR_LENGTHS,
    UNIT_KINDS,
    Place,
    length_band,
    near_may_hold,
    near_slots,
    near_values,
    place_admin1_key,
)
from eventdesk.geo.geocoder import _FUZZY_CUTOFF, Geocoder, _own_name
from eventdesk.geo.normalize import fold, ratios_at_least
from geo_support import geocoder_from

FIXTURES = Path(__file__).parent / "fixtures" / "geo"
_COUNTRIES = ("SY", "IN", "PK", "AR", "BR", "MX", "LB")


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    # Syria's units and places, the world's first-level units, and namesake towns (an invented file)
    return geocoder_from(tmp_path_factory, "gaz-session10", "geonames", FIXTURES / "geonames-hintpairs.txt")


def _fresh(geocoder: Geocoder) -> Geocoder:
    """Another geocoder over the same index: its own memos, so neither side reads the other's."""
    return Geocoder(geocoder.gaz)


def _unit_names(g: Geocoder, cc: str) -> dict[str | None, Counter[str]]:
    """A country's folded names (``country_keys``) grouped by their places' ``Geocoder.admin1_key``."""
    keys, pids = g.gaz.country_keys(cc)
    places = g.gaz.places_by_id(pids)
    out: dict[str | None, Counter[str]] = {}
    for key, pid in zip(keys, pids, strict=True):
        out.setdefault(g.admin1_key(places[pid]), Counter())[key] += 1
    return out


def test_index_unit_keys_are_the_geocoders_admin1_keys(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    rows = g.gaz._con().execute("SELECT cc, a1, keys FROM unit_keys").fetchall()
    stored: dict[tuple[str, str], Counter[str]] = {}
    for cc, a1, text in rows:
        stored.setdefault((cc, a1), Counter()).update(text.split("\x1f"))
    ccs = {cc for cc, _a1 in stored}
    assert {"SY", "IN", "AR"} <= ccs
    for cc in ccs:
        want = {(cc, a1): names for a1, names in _unit_names(g, cc).items() if a1 is not None}
        assert {k: v for k, v in stored.items() if k[0] == cc} == want, cc


def test_place_admin1_key_is_the_geocoders(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    (top,) = g.gaz._con().execute("SELECT max(id) FROM places").fetchone()
    places = g.gaz.places_by_id(list(range(1, top + 1)))
    assert len(places) > 1000

    def adm3(lat: float, lon: float) -> str | None:
        known, code = g.gaz.syria_adm3(lat, lon)
        assert known
        return code

    kinds = Counter()
    for p in places.values():
        got = place_admin1_key(p.cc, p.kind, p.admin1, p.within, p.lat, p.lon, adm3)
        assert got == g.admin1_key(p), (p.id, p.name, p.cc)
        kinds[(p.cc == "SY", got is None)] += 1
    assert len(kinds) == 4  # (Syrian and other places, with and without a key)


def _words(g: Geocoder, seed: int, count: int) -> list[str]:
    """Keys as reports may write them: the index's own, misspelt (a letter dropped, doubled, changed,
    two letters swapped), and invented ones."""
    rng = random.Random(seed)
    out = ["zzyzxville", "aleppo", "idleb", "formossa", "lahor", "punjabi", "sialkote", "maarat al numan"]
    for cc in _COUNTRIES:
        keys, _pids = g.gaz.country_keys(cc)
        for key in rng.sample(keys, min(count, len(keys))):
            i = rng.randrange(len(key))
            j = min(i + 1, len(key) - 1)
            out += [
                key,
                key[:i] + key[i + 1 :],
                key[:i] + key[i] + key[i:],
                key[:i] + rng.choice("aeioukrst ") + key[i + 1 :],
                key[:i] + key[j] + key[i] + key[j + 1 :],
                key[:i] + "ou" + key[i + 2 :],
            ]
    return [w for w in out if len(w) >= 3]


def test_unit_names_reach_is_the_country_wide_search(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    reached = skipped = 0
    for cc in _COUNTRIES:
        keys, pids = g.gaz.country_keys(cc)
        places = g.gaz.places_by_id(pids)
        units = sorted({a for a in (g.admin1_key(p) for p in places.values()) if a})
        if not units:
            assert cc not in {"SY", "IN", "PK", "AR"}
            continue
        rng = random.Random(cc)
        for word in _words(g, 10 + len(cc), 25):
            for cutoff in (_FUZZY_CUTOFF, 80.0, 94.0):
                scored = ratios_at_least(word, keys, cutoff)  # every name of the country, no filter
                inside = {g.admin1_key(places[pids[i]]) for i, _score in scored}
                for some in (rng.sample(units, 1), rng.sample(units, min(3, len(units))), ["XX.99"]):
                    got = g.gaz.unit_names_reach(cc, some, word, cutoff)
                    assert got == any(a in inside for a in some), (cc, word, cutoff, some)
                    reached += got
                    skipped += not got
    assert reached > 100 and skipped > 1000


def _best_before(
    g: Geocoder,
    names: Iterable[str],
    cc: str | None,
    hint_adm1: set[str],
    hint_points: list[tuple[float, float]],
    doc_adm1: Counter[str],
    *,
    strict: bool = False,
) -> tuple[Place, float] | None:
    """``Geocoder._best`` before session 10: the hinted fuzzy search over the whole country, always."""
    best: tuple[Place, float] | None = None
    for name in names:
        cands = g._best_candidates(name, cc, close=not hint_adm1, strict=strict)
        if not cc:
            cands = [
                pq
                for pq in cands
                if pq[1] == 1.0 and (pq[0].population >= 20000 or pq[0].kind in UNIT_KINDS | {"region"})
            ]
        else:
            local = [pq for pq in cands if pq[0].cc == cc]
            if local or strict:
                cands = local
            else:
                cands = [
                    pq
                    for pq in cands
                    if pq[1] == 1.0
                    and (
                        pq[0].kind == "admin1"
                        or pq[0].population >= 1_000_000
                        or (pq[0].population >= 50000 and _own_name(pq[0], name))
                    )
                ]
        for p, q in cands:
            if q < 1.0:
                if hint_adm1:
                    if g.admin1_key(p) not in hint_adm1:
                        continue
                elif q < 0.88:
                    continue
            s = g._score(p, q, cc, hint_adm1, hint_points, doc_adm1)
            if best is None or s > best[1]:
                best = (p, s)
    return best


def test_best_with_unit_lists_is_the_code_it_replaced(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    ref = _fresh(geocoder)
    units_of: dict[str, list[str]] = {}
    for cc in _COUNTRIES:
        _keys, pids = g.gaz.country_keys(cc)
        units_of[cc] = sorted({a for a in (g.admin1_key(p) for p in g.gaz.places_by_id(pids).values()) if a})
    rng = random.Random(10)
    fuzzy = Counter()
    words = _words(g, 20, 15)
    for word in words:
        name = word.title()
        for cc in (*_COUNTRIES, None):
            for _ in range(2):
                hint: set[str] = set()
                if cc and units_of[cc] and rng.random() < 0.8:
                    hint = set(rng.sample(units_of[cc], min(len(units_of[cc]), rng.choice((1, 1, 2)))))
                doc_adm1 = Counter({a: rng.randrange(1, 4) for a in hint if rng.random() < 0.5})
                for strict in (False, True):
                    got = g._best([name], cc, hint, [], doc_adm1, strict=strict)
                    want = _best_before(ref, [name], cc, hint, [], doc_adm1, strict=strict)
                    assert (got and (got[0].id, got[1])) == (want and (want[0].id, want[1])), (name, cc, hint)
                    if want is not None and want[0].cc == cc and fold(want[0].name) != word:
                        fuzzy[bool(hint)] += 1
    assert fuzzy[True] > 20  # (hinted answers found by the fuzzy search: the search still runs there)


def _indel(a: str, b: str) -> int:
    """The insertion/deletion distance of two names (no substitutions), by dynamic programming."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] if ca == cb else 1 + min(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def test_near_filter_finds_every_name_one_letter_away(geocoder: Geocoder) -> None:
    gaz = geocoder.gaz
    proved = 0
    for cc in _COUNTRIES:
        keys, _pids = gaz.country_keys(cc)
        near_lengths = [k for k in keys if NEAR_LENGTHS[0] <= len(k) <= NEAR_LENGTHS[1]]
        for word in _words(geocoder, 30 + len(cc), 25):
            if not NEAR_LENGTHS[0] < len(word) < NEAR_LENGTHS[1]:
                continue
            possible = gaz._near_possible(cc, word)
            if not possible:  # (a filter may let absent names pass, never drop a present one)
                assert all(_indel(word, k) > 1 for k in near_lengths if abs(len(k) - len(word)) <= 1), word
                proved += 1
    assert proved > 100
    # every value of every name is in the filter, at the slots near_slots gives
    bits = gaz._near_bits
    for cc in _COUNTRIES:
        for key in gaz.country_keys(cc)[0][:300]:
            if NEAR_LENGTHS[0] <= len(key) <= NEAR_LENGTHS[1]:
                for value in near_values(cc, key):
                    assert near_may_hold(bits, value, NEAR_FILTER_SIZE), value
                    assert all(bits[s >> 3] >> (s & 7) & 1 for s in near_slots(value, NEAR_FILTER_SIZE))


def test_fuzzy_names_with_the_near_filter_is_the_country_wide_search(geocoder: Geocoder) -> None:
    gaz = geocoder.gaz
    decided = found = 0
    for cc in _COUNTRIES:
        keys, pids = gaz.country_keys(cc)
        for word in _words(geocoder, 40 + len(cc), 25):
            for cutoff in (94.0, 95.0, _FUZZY_CUTOFF):
                got = gaz.fuzzy_names(cc, word, cutoff, 5)
                ranked = sorted((-score, i) for i, score in ratios_at_least(word, keys, cutoff))
                assert got == [(pids[i], -neg) for neg, i in ranked[:5]], (cc, word, cutoff)
                lo, hi = length_band(len(word), cutoff)
                decided += gaz._near_decides(len(word), lo, hi, cutoff)
                found += bool(got)
    assert decided > 300 and found > 100
