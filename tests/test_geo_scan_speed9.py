"""Session 9's shortcuts in the geocoder's text scan and country scores: each must give exactly what the
code it replaced gave. The references below are the replaced versions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.geo import geocoder as geocoder_module
from eventdesk.geo import normalize, scan
from eventdesk.geo.gazetteer import POPULATED, UNIT_KINDS
from eventdesk.geo.geocoder import Geocoder
from eventdesk.geo.normalize import fold
from eventdesk.geo.scan import TextMention
from geo_support import geocoder_from

_PIECES = [
    "in ", "In ", "of ", "at ", "near ", "the ", "village of ", "town ", "Aleppo", "Idlib", "al-", "Tal ",
    "Khan ", " - ", "-", " ", "  ", "\n", "\t", ", ", ",", " ,", ",\n", ".", "'s ", "’s ", "’", "'", "×", "÷",
    "ñ", "É", "1", "_", "x", "Z", "Qorret Tashli ", "Syria", "into ", "towards ", "district ", "Kafr-",
    "\u00a0", "\u2003", "\x1c", "A" * 70 + " ",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)

# the patterns as they were: _RUN_BEFORE without possessive parts, _LIST_BEFORE (now _list_before)
_RUN_BEFORE_PLAIN = re.compile(r"(?:\b(\w+)\s+)(?:[A-Z][\w'’]*[\s-]+){0,3}$")
_LIST_BEFORE_PLAIN = re.compile(r"[A-Za-z]\s*,\s*$")


def _same_run(text: str) -> None:
    for pos in range(len(text) + 1):
        new, old = scan._RUN_BEFORE.search(text, pos), _RUN_BEFORE_PLAIN.search(text, pos)
        assert (new and (new.span(), new.group(1))) == (old and (old.span(), old.group(1))), (text, pos)


def _same_list(text: str) -> None:
    for cut in range(len(text) + 1):
        before = text[:cut]
        assert scan._list_before(before) == bool(_LIST_BEFORE_PLAIN.search(before)), before


def test_shortcuts_on_written_examples() -> None:
    for text in [
        "Clashes in Sweida - Qorret Tashli town, in Aleppo countryside,\n in addition",
        "fighting in the villages of Kafr Nabl and Hass near Maarat al-",
        "protesters gathered outside the Civil Hospital, Ludhiana (Punjab) and Jaipur , \n",
        "In Majdel Aanjar-Masnaa ,\tQusayr's ,\u00a0",
    ]:
        _same_run(text)
        _same_list(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_run_before_is_the_plain_pattern(text: str) -> None:
    _same_run(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_list_before_is_the_plain_pattern(text: str) -> None:
    _same_list(text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_dict_memos_give_the_functions_values(text: str) -> None:
    """fold, skeleton and _span_key memoise in plain dicts (were lru_cache): the same values, hit or miss."""
    for _ in range(2):
        assert fold(text) == normalize._fold(text)
        assert normalize.skeleton(text) == normalize._skeleton(text)
        chunk = text + "'s"
        assert scan._span_key(chunk) == fold(chunk[:-2].strip("'’‘"))


def test_memos_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize, "_FOLDS", {})
    monkeypatch.setattr(normalize, "_MEMO_SIZE", 3)
    for name in ["Aleppo", "Idlib", "Hama", "Homs", "Raqqa"]:
        assert fold(name) == normalize._fold(name)
    assert len(normalize._FOLDS) <= 3


def test_text_mention_defaults_as_the_dataclass_gave() -> None:
    a = TextMention(0, 6, "Aleppo", "aleppo", [])
    b = TextMention(0, 6, "Aleppo", "aleppo", [])
    assert a.hints == [] and a.hints is not b.hints
    defaults = ("in", False, "", False, False, frozenset())
    assert (a.relation, a.cue, a.usage, a.placey, a.partial, a.inexact) == defaults
    assert a == b
    c = TextMention(1, 2, "x", "x", [], "near", True, ["Idlib"], usage="force", placey=True, partial=True,
                    inexact=frozenset({3}))
    assert (c.relation, c.cue, c.hints, c.usage, c.placey, c.partial, c.inexact) == (
        "near", True, ["Idlib"], "force", True, True, frozenset({3})
    )


def _old_country_scores(mentions: list[TextMention]) -> dict[str, float]:
    """Geocoder._country_scores before the per-mention memo."""
    g = geocoder_module
    scores: dict[str, float] = {}
    for m in mentions:
        weights: dict[str, float] = {}
        cues = [p for p in m.places if p.kind == "cue"]
        own = any(p.kind in POPULATED and fold(p.name) == m.key for p in m.places)
        for p in cues or m.places:
            if p.kind == "country":
                w = g._COUNTRY_USE_WEIGHT.get(m.usage, 3.0)
                if m.usage == "force" and p.cc not in g._ABROAD_POWERS:
                    w = 3.0
            elif p.kind == "cue":
                w = 1.2
            elif p.kind == "admin1":
                w = 0.8 if m.key in g.GENERIC_UNIT_NAMES else 2.0
            elif p.kind in UNIT_KINDS or p.kind in {"region", "feature", "acled"} or p.population >= 100000:
                w = 1.5
            elif p.population >= 10000:
                w = 0.7
            else:
                w = 0.3
            if m.partial and p.kind != "country":
                w = min(w, 0.7)
            weights[p.cc] = max(weights.get(p.cc, 0.0), w)
        if not weights:
            continue
        top = max(weights.values())
        if top >= 1.2:
            weights = {cc: w for cc, w in weights.items() if w >= 1.2}
        if len(weights) == 1 and len(m.key) >= 5 and not m.partial and (m.placey or top >= 0.7):
            only = next(iter(weights))
            weights[only] = max(weights[only], 0.9)
        if top < 1.2 and len(weights) > 1:
            biggest: dict[str, int] = {}
            for p in m.places:
                if not own or fold(p.name) == m.key:
                    biggest[p.cc] = max(biggest.get(p.cc, 0), p.population)
            lead = max(weights, key=lambda c: biggest.get(c, 0))
            weights = {c: (w if c == lead else w * 0.5) for c, w in weights.items()}
        share = 1.0 / len(weights) ** 0.5
        for cc, w in weights.items():
            scores[cc] = scores.get(cc, 0.0) + w * share
    return scores


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return geocoder_from(tmp_path_factory, "speed9")


_REPORTS = [
    "On 3 March 2024, Syrian regime forces shelled Kafr Nabl and Hass in southern Idlib countryside.",
    "Turkish drones struck a car near Qamishli in Al-Hasakeh; SDF fighters clashed with Syrian troops.",
    "Unidentified gunmen killed a man in Daraa al-Balad. Russian warplanes hit the Idlib province.",
    "Clashes near the town of Maarat al-Numan; Hama and Homs were calm. Lebanese border near Qusayr.",
    "In Aleppo city, Aleppo residents protested; in Manbij, Manbij Military Council fighters arrested two.",
]


def test_country_scores_memo_gives_the_old_scores(geo: Geocoder) -> None:
    geocoder_module._SHARES_MEMO.clear()
    for _round in range(2):  # a cold memo, then every mention a hit
        for text in [*_REPORTS, " ".join(_REPORTS)]:
            mentions = scan.scan(geo.gaz, text)
            assert mentions
            assert geo._country_scores(mentions) == _old_country_scores(mentions)
            # the same key with another places list (a variant's, a unit's): computed afresh, not the memo's
            for m in mentions:
                other = TextMention(m.start, m.end, m.text, m.key, list(reversed(m.places)), usage=m.usage,
                                    placey=m.placey, partial=m.partial)
                assert geo._country_scores([other]) == _old_country_scores([other])
                assert geo._country_scores([m, other, m]) == _old_country_scores([m, other, m])
