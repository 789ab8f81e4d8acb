"""The geocoder's fuzzy search over a country's names reads only the keys whose length can reach the
cutoff: it must return exactly what rapidfuzz's extract over all of them returns (ties in index order)."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from eventdesk.geo.geocoder import Geocoder, _close_country_keys
from eventdesk.geo.normalize import ratios, skeleton
from geo_support import geocoder_from


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-fuzzy")


def test_length_groups_keep_every_key_in_index_order(geocoder: Geocoder) -> None:
    keys, _pids = geocoder.gaz.country_keys("SY")
    groups = geocoder.gaz.country_keys_by_length("SY")
    seen: list[int] = []
    for length, (group, positions) in groups.items():
        assert positions == sorted(positions)
        assert all(len(k) == length for k in group)
        assert group == [keys[i] for i in positions]
        seen.extend(positions)
    assert sorted(seen) == list(range(len(keys)))


def test_close_keys_match_a_full_extract(geocoder: Geocoder) -> None:
    gaz = geocoder.gaz
    keys, _pids = gaz.country_keys("SY")
    rng = random.Random(7)
    queries = ["tell hamra", "kfar minaa", "wadi ashar", "qasr nadimm", "sarabad", "jisr shugur"]
    for key in rng.sample(keys, 300):  # near spellings of real keys: many ties at the same score
        i = rng.randrange(len(key))
        queries += [key, key[:i] + key[i + 1 :], key[:i] + "e" + key[i:], key + "a", key[1:]]
    for query in queries:
        if len(query) < 5:
            continue
        expected = [
            (i, score)
            for _k, score, i in process.extract(query, keys, scorer=fuzz.ratio, limit=5, score_cutoff=86)
        ]
        assert _close_country_keys(gaz, "SY", query) == expected, query


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
