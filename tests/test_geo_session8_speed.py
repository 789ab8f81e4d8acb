"""Session 8's geocoder speed cuts give the same answers as the code they replaced: the close spellings'
places loaded only where a caller can use them, the admin1 skeleton pre-check, the short-key close fuzzy
skip, the ASCII fast path and the admin1 key memo."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from eventdesk.geo.gazetteer import UNIT_KINDS, Place
from eventdesk.geo.geocoder import (
    _ADMIN_WORDS,
    _CLOSE_CUTOFF,
    _FUZZY_CUTOFF,
    _POSSESSIVE,
    GENERIC_UNIT_NAMES,
    Geocoder,
    _ascii,
)
from eventdesk.geo.hints import admin1_abbreviations
from eventdesk.geo.normalize import fold, skeleton, unidecode_function
from eventdesk.geo.scan import STOPWORDS
from geo_support import geocoder_from


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "gaz-session8")


def _fresh(geocoder: Geocoder) -> Geocoder:
    """Another geocoder over the same index: its own memos, so neither side reads the other's."""
    return Geocoder(geocoder.gaz)


def _names(geocoder: Geocoder, count: int, seed: int) -> list[str]:
    """Names as reports write them: the index's own, misspelt, with a possessive, short, stopwords."""
    gaz = geocoder.gaz
    rng = random.Random(seed)
    out = ["the", "al", "Idlib's", "Aleppo", "Hama", "Homs", "Daraa", "Raqqa", "Qamishli", "X", "Kafr Nbl",
           "Maarat al-Numan", "Tal Abyad", "Tell Abiad", "Deir ez-Zor", "Damascus’s", "Ariha", "Jisr"]
    for cc in ("SY", "LB", "TR", "IQ"):
        keys, _pids = gaz.country_keys(cc)
        for key in rng.sample(keys, min(count, len(keys))):
            i = rng.randrange(len(key))
            out += [key.title(), key[:i] + key[i + 1 :], key[:i] + "ou" + key[i:], key + "'s"]
            out.append(key[: 4 + i % 6])
    return out


# --- the code the cuts replaced -------------------------------------------------------------------


def _candidates_before(g: Geocoder, name: str, cc: str | None, cutoff: float) -> list[tuple[Place, float]]:
    """``Geocoder._candidates`` before session 8: every close spelling loaded, the fuzzy search at any
    length."""
    name = _POSSESSIVE.sub("", name)
    key = fold(name)
    if len(key) < 2 or key in STOPWORDS:
        return []
    out = [(p, 1.0) for p in g.gaz.by_key(key) if p.kind != "cue"]
    seen = {p.id for p, _ in out}
    skel = skeleton(name)
    if len(skel.replace(" ", "")) >= 3 and (not out or len(key) >= 5):
        for _k, p, score in g.gaz.close_by_skeleton(skel, key, 70 if not out else 80):
            if p.id in seen or p.kind == "cue":
                continue
            seen.add(p.id)
            out.append((p, 0.6 + 0.35 * score / 100))
    if any(q == 1.0 for _, q in out) or out or not cc or len(key) < 5:
        return out
    for pid, score in g.gaz.fuzzy_names(cc, key, cutoff, 5):
        out.append((g.gaz.place(pid), 0.5 + 0.4 * score / 100))
    return out


def _best_before(
    g: Geocoder, name: str, cc: str | None, hint_adm1: set[str], doc_adm1: Counter[str], strict: bool
) -> tuple[int, float] | None:
    """``Geocoder._best`` for one name before session 8 (the full candidate lists)."""
    best: tuple[Place, float] | None = None
    cands = _candidates_before(g, name, cc, _CLOSE_CUTOFF if not hint_adm1 else _FUZZY_CUTOFF)
    if not cc:
        cands = [pq for pq in cands if pq[1] == 1.0 and (pq[0].population >= 20000 or pq[0].kind in
                                                           UNIT_KINDS | {"region"})]
    else:
        local = [pq for pq in cands if pq[0].cc == cc]
        if local or strict:
            cands = local
        else:
            cands = [
                pq for pq in cands if pq[1] == 1.0 and (pq[0].population >= 50000 or pq[0].kind == "admin1")
            ]
    for p, q in cands:
        if q < 1.0:
            if hint_adm1:
                if g._admin1_key(p) not in hint_adm1:
                    continue
            elif q < 0.88:
                continue
        s = g._score(p, q, cc, hint_adm1, [], doc_adm1)
        if best is None or s > best[1]:
            best = (p, s)
    return None if best is None else (best[0].id, best[1])


# --- the comparisons -------------------------------------------------------------------------------


def test_close_ids_are_close_by_skeletons_ids(geocoder: Geocoder) -> None:
    gaz = geocoder.gaz
    for name in _names(geocoder, 60, 3):
        skel = skeleton(name)
        for cutoff in (70, 80, 85):
            expected = [(p.id, score) for _k, p, score in gaz.close_by_skeleton(skel, fold(name), cutoff)]
            assert gaz.close_ids_by_skeleton(skel, fold(name), cutoff) == expected, (name, cutoff)


def test_name_candidates_are_the_full_lists(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    for name in _names(geocoder, 60, 4):
        stripped = _POSSESSIVE.sub("", name)
        key = fold(stripped)
        if len(key) < 2 or key in STOPWORDS:
            continue
        assert g._name_candidates(stripped, key) == _candidates_before(g, stripped, None, 0.0), name


def test_best_reads_what_it_read_from_the_full_lists(geocoder: Geocoder) -> None:
    rng = random.Random(9)
    g = _fresh(geocoder)
    ref = _fresh(geocoder)
    shortcuts = 0
    for name in _names(geocoder, 50, 5):
        for cc in ("SY", "LB", "TR", "IQ", None):
            hint_sets: list[set[str]] = [set(), set(rng.sample(["SY02", "SY07", "SY08", "SY11", "SY13"], 2))]
            for hint_adm1 in hint_sets:
                for strict in (False, True):
                    read = g._best_candidates(name, cc, close=not hint_adm1, strict=strict)
                    cutoff = _CLOSE_CUTOFF if not hint_adm1 else _FUZZY_CUTOFF
                    full = _candidates_before(ref, name, cc, cutoff)
                    shortcuts += [(p.id, q) for p, q in read] != [(p.id, q) for p, q in full]
                    got = g._best([name], cc, hint_adm1, [], Counter(), strict=strict)
                    expected = _best_before(ref, name, cc, hint_adm1, Counter(), strict)
                    assert (None if got is None else (got[0].id, got[1])) == expected, (name, cc, hint_adm1)
    assert shortcuts > 100  # (the shortened lists were read)


def test_strong_candidates_are_the_full_lists_strong_places(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    for name in _names(geocoder, 60, 6):
        full = [(p.id, q) for p, q in _candidates_before(g, name, None, 0.0) if q >= 0.88]
        assert [(p.id, q) for p, q in g._strong_candidates(name)] == full, name
        for ccs in (("SY",), ("LB", "TR"), ("IQ",)):
            got = {(p.id, q) for p, q in g._strong_candidates(name, ccs) if p.cc in ccs or q == 1.0}
            assert got == {(pid, q) for pid, q in full if q == 1.0 or g.gaz.place(pid).cc in ccs}, name


def test_is_governorate_is_the_candidate_test(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    ref = _fresh(geocoder)
    places = [p for name in ("Idlib", "Hama", "Aleppo", "Homs", "Raqqa", "Daraa", "Ariha") for p in
              ref.gaz.by_key(fold(name))]
    for name in _names(geocoder, 30, 7):
        for p in places:
            if p.kind not in {"city", "town", "acled"}:
                continue
            full = _candidates_before(ref, name, p.cc, _FUZZY_CUTOFF)
            expected = any(c.kind == "admin1" and c.cc == p.cc for c, _q in full)
            assert g._is_governorate(p, name) == expected, (name, p.name)


def _admin1_units_before(g: Geocoder, name: str) -> list[Place]:
    """``Geocoder._admin1_units_uncached`` before session 8 (the spelling search for any skeleton)."""
    stripped = name.strip()
    abbrev = admin1_abbreviations().get(stripped) if stripped.isupper() else None
    if abbrev:
        return [p for cc, code in abbrev for p in g.gaz.admin1_places(cc, code)]
    key = fold(_ADMIN_WORDS.sub("", name).strip() or name)
    if len(key) < 2 or key in STOPWORDS:
        return []
    found = [p for p in g.gaz.by_key(key) if p.kind == "admin1"]
    if found or len(key) < 6 or key in GENERIC_UNIT_NAMES:
        return found
    variants = g.gaz.close_by_skeleton(skeleton(name), key, 85)
    return [p for _k, p, _score in variants if p.kind == "admin1"]


def test_admin1_units_skip_only_skeletons_no_unit_has(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    extra = ["Idleb Governorate", "Aleppoo", "Rif Dimashq", "Hassakeh", "Lattakia province", "Dar'a", "KPK"]
    for name in _names(geocoder, 80, 8) + extra:
        assert g._admin1_units_uncached(name) == _admin1_units_before(g, name), name


def test_close_fuzzy_search_skips_only_what_the_caller_drops(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    ref = _fresh(geocoder)
    for name in _names(geocoder, 60, 10):
        for cc in ("SY", "LB", "TR"):
            got = [(p.id, q) for p, q in g.candidates(name, cc, close=True) if q >= 0.88 or q == 1.0]
            full = _candidates_before(ref, name, cc, _CLOSE_CUTOFF)
            assert got == [(p.id, q) for p, q in full if q >= 0.88], (name, cc)


def test_ascii_fast_path_is_unidecode() -> None:
    for name in ("Aleppo", "Kafr Nabl", "Ma`arrat", "Mayselûn", "Dayr az-Zawr", "Çorlu", "", "A`b`c"):
        assert _ascii(name) == unidecode_function()(name).replace("`", "'")


def test_admin1_key_is_the_unmemoised_key(geocoder: Geocoder) -> None:
    g = _fresh(geocoder)
    for name in _names(geocoder, 30, 12):
        for p in g.gaz.by_key(fold(name)):
            assert g.admin1_key(p) == g._admin1_key(p)
            assert g.admin1_key(p) == g._admin1_key(p)  # memoised
