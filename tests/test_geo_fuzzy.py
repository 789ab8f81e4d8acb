"""Batched rapidfuzz scoring in the gazetteer gives exactly the scores and keys of one fuzz.ratio call per
key (what the lookups it replaced computed)."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from eventdesk.geo.gazetteer import length_band, letter_classes, max_indel
from eventdesk.geo.geocoder import Geocoder
from eventdesk.geo.normalize import ratios, skeleton
from geo_support import geocoder_from


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-fuzzy")


def test_close_by_skeleton_is_the_filtered_skeleton_lookup(geocoder: Geocoder) -> None:
    gaz = geocoder.gaz
    keys, _pids = gaz.country_keys("SY")
    rng = random.Random(11)
    for key in rng.sample(keys, 200):
        i = rng.randrange(len(key))
        for query in (key, key[:i] + key[i + 1 :], key[:i] + "ou" + key[i:]):
            skel = skeleton(query)
            for cutoff in (70, 75, 80, 85):
                expected = [
                    (k, p, fuzz.ratio(query, k))
                    for k, p in gaz.by_skeleton(skel, lambda k, q=query, c=cutoff: fuzz.ratio(q, k) >= c)
                ]
                assert gaz.close_by_skeleton(skel, query, cutoff) == expected, (query, cutoff)


def test_ratios_are_fuzz_ratio_in_order() -> None:
    others = ["tell hamra", "tal hamra", "hamra", "", "tell hamraa", "zzz", "tell hamra"]
    assert ratios("tell hamra", others) == [fuzz.ratio("tell hamra", o) for o in others]


def test_length_band_holds_every_length_that_can_reach_the_cutoff() -> None:
    for cutoff in (70, 80, 85, 86, 95):
        for a in range(1, 60):
            lo, hi = length_band(a, cutoff)
            for b in range(0, 120):
                best = 200 * min(a, b) / (a + b) if a + b else 100.0  # ratio when one name holds the other
                if best >= cutoff:
                    assert lo <= b <= hi, (a, b, cutoff)


def test_fuzzy_names_is_the_extract_over_all_the_countrys_names(geocoder: Geocoder) -> None:
    gaz = geocoder.gaz
    rng = random.Random(5)
    for cc in ("SY", "LB", "TR"):
        keys, pids = gaz.country_keys(cc)
        assert len(keys) == len(pids) and keys
        for key in rng.sample(keys, min(80, len(keys))):
            i = rng.randrange(len(key))
            for query in (key, key[:i] + key[i + 1 :], key[:i] + "e" + key[i:], "al " + key, key + "iya"):
                for cutoff, limit in ((86, 5), (94, 5), (70, 3)):
                    expected = [
                        (pids[idx], score)
                        for _k, score, idx in process.extract(
                            query, keys, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff
                        )
                    ]
                    assert gaz.fuzzy_names(cc, query, cutoff, limit) == expected, (cc, query, cutoff)


def test_fuzzy_names_of_an_unknown_country_is_empty(geocoder: Geocoder) -> None:
    assert geocoder.gaz.fuzzy_names("XX", "damascus", 86, 5) == []
    assert geocoder.gaz.country_keys("XX") == ([], [])


def test_letter_class_distance_never_exceeds_the_indel_distance() -> None:
    rng = random.Random(7)
    alphabet = "aeioulmnrbdgkqtszhy 019"
    for _ in range(3000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        ca, cb = letter_classes(a), letter_classes(b)
        assert sum(ca) == len(a) and sum(cb) == len(b)
        assert sum(abs(x - y) for x, y in zip(ca, cb, strict=True)) <= Indel.distance(a, b)


def test_max_indel_is_the_distance_at_the_cutoff() -> None:
    for cutoff in (70.0, 86.0, 94.0):
        for a in range(1, 30):
            for b in range(1, 30):
                reach = max_indel(a, b, cutoff)
                assert 100 * (1 - reach / (a + b)) >= cutoff - 1e-6
                assert 100 * (1 - (reach + 1) / (a + b)) < cutoff
