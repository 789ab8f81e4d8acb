"""Batched rapidfuzz scoring in the gazetteer gives exactly the scores and keys of one fuzz.ratio call per
key (what the lookups it replaced computed)."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

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
