"""Session 10's shortcuts in the geocoder's text scan: each must give exactly what the code it replaced
gave. The references below are the replaced versions (or the plain code they stand for)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.geo import normalize, scan
from eventdesk.geo.normalize import fold, skeleton
from geo_support import geocoder_from

_PIECES = [
    "Al", "al", "Pro", "pro", "ex", "Ex", "anti", "non", "post", "-", "-", " ", " ", "  ", "\n", "\t", "Iran",
    "led", "born", "Held", "backed", " backed ", "affiliated", " sponsored\n", "Turkey", "de", "la", "Santa",
    "Cruz", "Sierra", "Aleppo", "Idlib", "3", "‘", "'s", "’", "Mc", "Donald", "x", "×", "É", "Ülke", "Tal",
    "Khan", "Tuman", "of", ",", ".", "A", "B", "Deir", "ez", "Zor", "Syria", "Forces", "the", "The", "in",
    "In", "Ras", "Ain", "Bani", "\u00a0",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _plain_candidates(text: str) -> list[tuple[int, int, str, str]]:
    """scan's candidates as session 9 made them: every span of the whole text, keyed, filtered."""
    out: list[tuple[int, int, str, str]] = []
    for start, end, chunk in scan._candidate_spans(text):
        key = scan._span_key(chunk)
        if len(key) >= 3 and key not in scan.STOPWORDS:
            out.append((start, end, chunk, key))
    return out


def test_region_memo_on_written_examples() -> None:
    # the same regions in contexts whose adjective tests differ: the memo must not mix them up
    for text in [
        "pro-Turkey Syrian National Army fighters and Turkey-backed Syrian National Army",
        "Iran-led Coalition forces near Deir ez-Zor; Iran led forces; an Iran backed militia",
        "ex-Aleppo governor, Aleppo-born, Aleppo born, Al-Pro-Assad, 3Pro-Assad, ‘Pro-Assad",
        "Santa Cruz de la Sierra and Santa Cruz de la, Khan Tuman-affiliated, Khan Tuman affiliated ",
        "Non-Idlib, non-Idlib, Post-Idlib", "A-Idlib", "Aleppo", "-Aleppo", "pro-Aleppo-backed",
    ]:
        assert scan._candidates(text) == _plain_candidates(text), text
        assert scan._candidates(text) == _plain_candidates(text), text  # (from the memo)


@settings(max_examples=400, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_region_memo_is_the_plain_split(batch: list[str]) -> None:
    # several texts in a row: a region memoised in one context is then read in another
    for text in batch:
        assert scan._candidates(text) == _plain_candidates(text), text


_AFTER_PIECES = [" ", "  ", "\t", "\n", "\u00a0", "regime", "junta", "Regime", "regimes", "_", "x", "-", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_PIECES), max_size=8).map("".join))
def test_regime_after_is_the_pattern(tail: str) -> None:
    text = "the Kyiv" + tail
    for end in range(len(text) + 1):
        assert scan._regime_after(text, end) == bool(scan._REGIME_AFTER.match(text, end)), (text, end)


def test_phrase_groups_are_the_tuples() -> None:
    # _by_end's groups hold every phrase once, under its own first or last character
    for phrases, groups, at in [
        (scan._REGION_BEFORE_ENDS, scan._REGION_BEFORE_BY_LAST, -1),
        (scan._NEAR_BEFORE_ENDS, scan._NEAR_BEFORE_BY_LAST, -1),
        (scan._REGION_AFTER, scan._REGION_AFTER_BY_FIRST, 0),
        (scan._NEAR_AFTER, scan._NEAR_AFTER_BY_FIRST, 0),
        (scan._OF_A_PLACE_NOUNS, scan._OF_A_PLACE_BY_LAST, -1),
        (scan._CUE_ENDS, scan._CUE_BY_LAST, -1),
    ]:
        assert sorted(p for group in groups.values() for p in group) == sorted(phrases)
        assert all(p[at] == ch for ch, group in groups.items() for p in group)
    for word in ["", "in", "within", "toward", "towards", "the", "village", "xcity", "ofx", "n", "İn"]:
        assert scan._ends_with_cue(word) == word.endswith(scan._CUE_ENDS), word


def test_local_variant_memo_is_the_plain_test(tmp_path_factory: pytest.TempPathFactory) -> None:
    gaz = geocoder_from(tmp_path_factory, "speed10").gaz
    local = gaz.skeletons_of(scan._LOCAL_KINDS)
    names = ["Maysalun", "Mayselun", "Alzarah", "Az-Zara", "Aleppo", "Idlib", "Alsafira", "Elbab", "Xyzzyq"]
    for _round in range(2):  # computed, then read from the memos
        for name in names:
            key = fold(name)
            tries = scan._variant_tries(name, key)
            plain_local = any(skeleton(n) in local for n, _k in tries)
            assert scan._may_have_local_variant(gaz, name, key) == plain_local, name


_LOCATIVE_PIECES = [
    " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1c", "village", "Villages", "TOWN", "city", "hamlet",
    "farms", "neighbourhood", "Neighborhood", "area", "front", "axis", "hill", "hills", "s", "x", "Aleppo",
    ",", "İ", "K", "ſ", "-",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LOCATIVE_PIECES), max_size=8).map("".join))
def test_locative_after_is_the_pattern(tail: str) -> None:
    text = "Kafr Nabl" + tail
    for end in range(len(text) + 1):
        assert scan._locative_after(text, end) == bool(scan._LOCATIVE_AFTER.match(text, end)), (text, end)


_NAME_PIECES = ["Al", "al", "Deir", "ez", "Zor", "Ras", "Jisr", "Province", "'s", "’", "‘", "É", "ñ", "1"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=3).map("".join), max_size=5))
def test_fold_pieces_is_fold(pieces: list[str]) -> None:
    assert normalize.fold_pieces(pieces) == normalize.fold(" ".join(pieces)), pieces
    assert normalize.fold_pieces(pieces) == normalize._fold("-".join(pieces)), pieces
