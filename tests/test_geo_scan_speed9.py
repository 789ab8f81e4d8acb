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
    """A full memo is emptied before the next entry (the size is a Final constant: compiled code inlines
    it, so the memo is filled up instead of the size patched)."""
    monkeypatch.setattr(normalize, "_FOLDS", dict.fromkeys(map(str, range(normalize._MEMO_SIZE)), ""))
    for name in ["Aleppo", "Idlib"]:
        assert fold(name) == normalize._fold(name)
    assert normalize._FOLDS == {"Aleppo": "aleppo", "Idlib": "idlib"}


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


_WORD_SPLIT = re.compile(r"([A-Za-z\u00C0-\u024F\u1E00-\u1EFF][\w'’‘ʿʾ`]*)")


def _split_spans(text: str) -> list[tuple[int, int, str]]:
    """_candidate_spans as it was (session 8): the whole text split into words."""
    parts = _WORD_SPLIT.split(text)
    words = parts[1::2]
    n = len(words)
    starts: list[int] = []
    ends: list[int] = []
    pos = len(parts[0])
    for k in range(n):
        starts.append(pos)
        pos += len(words[k])
        ends.append(pos)
        pos += len(parts[2 * k + 2])
    caps = [w[0] in scan._UPPER_FIRST for w in words]
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        j = run_end = i
        while j + 1 < n and j - i < 6:
            we, ns = ends[j], starts[j + 1]
            if not (ns - we == 1 and text[we] == " ") and text[we:ns].strip(" -") != "":
                break
            if caps[j + 1]:
                j += 1
                run_end = j
            elif (
                words[j + 1].lower() in scan._CONNECT
                and j + 2 < n
                and (caps[j + 2] or (words[j + 2].lower() in scan._CONNECT and j + 3 < n and caps[j + 3]))
            ):
                j += 1
            else:
                break
        adjective: list[bool] = []
        for b in range(i, run_end + 1):
            we = ends[b]
            adjective.append(
                (
                    text[we : we + 1] == "-"
                    or (b + 1 < n and starts[b + 1] == we + 1 and words[b + 1] in scan._ADJ_WORDS)
                )
                and bool(scan._ADJ_AFTER.match(text, we))
            )
        for a in range(i, run_end + 1):
            ws = starts[a]
            before = text[max(0, ws - 6) : ws]
            if not caps[a] or ("-" in text[max(0, ws - 2) : ws] and scan._ADJ_BEFORE.search(before)):
                continue
            for b in range(a, min(run_end, a + 5) + 1):
                if not adjective[b - i]:
                    spans.append((ws, ends[b], text[ws : ends[b]]))
        i = run_end + 1
    return spans


# words and joints of capitalised runs, and characters where _WORD's matches begin or go on unexpectedly
_RUN_PIECES = [
    "Aleppo", "Santa", "Cruz", "Sierra", "de", "De", "la", "del", "al", "Al", "el", "bani", "Beni", "of",
    "the", "ibn", "l", "ash", "an", "DE", "İ", "ſ", "K", "McDonald", "eBay", "iPhone", "3", "3Aleppo", "_",
    "‘", "’", "'", "`", "ʿ", "×", "÷", "ñ", "É", "Ḁ", "ß", "é", "backed", "funded", "affiliated", "Turkey",
    "pro", "anti", "villages", "river", " ", " ", " ", "  ", "-", "-", " - ", ", ", ".", "\n", "\t", "(",
    "'s", "’s", "\u00a0", "Ÿ", "Ǆ", "ǅ", "ǆ", "Ω", "Б", "٣", "²",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=30).map("".join))
def test_candidate_spans_by_regions_are_the_split_spans(text: str) -> None:
    assert scan._candidate_spans(text) == _split_spans(text)


def test_candidate_spans_on_written_examples() -> None:
    for text in [
        "On 3 May 2023, Turkey-backed factions and Iran backed militias shelled Kafr Nabl in Santa Cruz de",
        "Sierra; McDonald's in eBay Town, 3Aleppo and ‘Aleppo’ ×Aleppo ÷ Homs - Hama -- Deir ez-Zor al Bab",
        "pro-Turkey anti-Assad Free Syrian Army Idlib Hama Homs Aleppo Raqqa Daraa Quneitra Tartus Latakia",
        "Beni Suef Bani Walid De la Cruz of the Lake ibn Saud l Al- El -Bab",
    ]:
        assert scan._candidate_spans(text) == _split_spans(text)


_LOCATIVE_PIECES = [
    "in", "IN", "In", "at", "near", "of", "Of", "around", "toward", "towards", "TOWARDS", "the", "The", "tHe",
    "village", "town of", "hamlet", "city", "with", "brea", "x", "_", "1", "-", ",", ".", " ", "  ", "\n",
    "\t", "\x1c", "\u00a0", "ſ", "ı", "K", "é",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_LOCATIVE_PIECES), max_size=14).map("".join))
def test_locative_before_is_the_plain_pattern(text: str) -> None:
    """_locative_before reads an ASCII text from its end instead of searching it."""
    for start in range(len(text) + 1):
        old = bool(scan._LOCATIVE_BEFORE.search(text[max(0, start - 24) : start]))
        assert scan._locative_before(text, start) == old, (text, start)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_group_word_after_is_the_plain_pattern(text: str) -> None:
    for end in range(len(text) + 1):
        for tail in ("", " Forces", "  Free  Army", " Hawks", " Legionnaire"):
            full = text + tail
            assert scan._group_word_after(full, end) == bool(scan._GROUP_WORD_AFTER.match(full, end))


_ROWS = [
    (7, "sy:1", "Aleppo", "SY", "city", 36.2, 37.15, 2000000, "SY02", None, "ocha", None),
    (8, "sup:x", "", "SY", "village", None, None, 0, "", "SY0200", "sup", "Aleppo|Jebel Saman|"),
    (9, "acled:SY:a", "Tall\x1dX", "SY", "acled", 1e-7, -0.0, 12, None, None, "acled", "a|b|c"),
    (10, "g", "Name", "SY", "town", "36.1", 37.0, 5, None, None, "geonames", None),  # a text latitude
    (11, "g", "Name", "SY", "town", 36.1, 37.0, None, None, None, "geonames", None),  # no population
    (12, "g", "Name", "SY", "town", 36.1, 37, 5, None, None, "geonames", None),  # an integer longitude
]


def test_key_places_entries_read_back_the_row(geo: Geocoder) -> None:
    """The marshalled layout (geo-index.27) gives each row's values and types back, rows of odd types too
    (those are only unpacked: the compiled Place takes no text latitude). An entry's mark says whether the
    place's own name folds to the key; a name that is no text is marked for fold to decide. A place_rows
    value is the row alone."""
    import marshal

    from eventdesk.geo.gazetteer import _ENTRY_WIDTH, Gazetteer, _key_entry

    gaz = Gazetteer(geo.gaz.path)  # its own place cache: the made-up places stay out of the others'
    odd = (13, "g", 7, "SY", "town", 36.1, 37.0, 5, None, None, "geonames", None)  # a name that is no text
    for key in ("aleppo", "tall x", ""):
        flat: list[object] = []
        for row in (*_ROWS, odd):
            entry = _key_entry(row, key)
            assert len(entry) == _ENTRY_WIDTH and entry[1:] == row
            assert entry[0] == (-1 if row is odd else 1 if fold(str(row[2])) == key else 0)
            flat.extend(entry)
        values = marshal.loads(marshal.dumps(tuple(flat)))
        assert values == tuple(flat) and [type(v) for v in values] == [type(v) for v in flat]
        for i, row in enumerate(_ROWS):
            if row[0] > 9:
                continue
            alone = marshal.loads(marshal.dumps(row))
            for place in (gaz._new_place(values, i * _ENTRY_WIDTH + 1), gaz._new_place(alone, 0)):
                names = ("id", "gid", "name", "cc", "kind", "lat", "lon", "population", "admin1", "within")
                got = [getattr(place, f) for f in (*names, "source", "adm_names")]
                assert got == list(row) and [type(v) for v in got] == [type(v) for v in row]


def test_own_name_ids_are_the_places_named_so(geo: Geocoder) -> None:
    """own_name_ids (the index's marks) are the places of by_keys' list whose name folds to the key; for any
    other list (a variant's, a unit's) there are none to read."""
    import sqlite3

    gaz = geo.gaz
    con = sqlite3.connect(gaz.path)
    keys = [k for (k,) in con.execute("SELECT key FROM key_places")]
    con.close()
    assert len(keys) > 1000
    found = gaz.by_keys(keys)
    for key in keys:
        places = found[key]
        ids = gaz.own_name_ids(key, places)
        assert ids == {p.id for p in places if fold(p.name) == key}
        assert gaz.own_name_ids(key, list(places)) is None
    assert gaz.own_name_ids("no such name", []) is None


# _usage's word-before patterns as they were searched
_DET_BEFORE_PLAIN = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_ARTICLE_BEFORE_PLAIN = re.compile(r"\b(?:an?)\s+$", re.IGNORECASE)
_FROM_BEFORE_PLAIN = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_NAME_BEFORE_PLAIN = re.compile(r"\b([A-Z][\w'’-]+)\s+([A-Z][\w'’-]+)\s+$")
_USAGE_PIECES = [
    "the", "The", "a", "A", "an", "AN", "from", "From", "FROM", "Iran", "banana", "then", "Tal", "Afar",
    "Free", "Syrian", "O'Brien", "al-Assad", "x", "_", "1", "-", ",", ".", " ", "  ", "\n", "\t", "\x1c",
    "\u00a0", "ſ", "ı", "é", "É",
]


def _old_usage(text: str, start: int, end: int, demonym: bool) -> str:
    before = text[max(0, start - 40) : start]
    if demonym and _DET_BEFORE_PLAIN.search(before) and scan._PERSON_AFTER.match(text, end):
        return "modifier"
    if _FROM_BEFORE_PLAIN.search(before):
        return "origin"
    name = _NAME_BEFORE_PLAIN.search(before)
    if name and not {w.lower() for w in name.groups()} & scan._NOT_NAME_WORDS and "." not in before[-3:]:
        return "name"
    if scan._MODIFIER_AFTER.match(text, end) or _ARTICLE_BEFORE_PLAIN.search(before):
        return "modifier"
    if scan._FORCE_AFTER.match(text, end):
        return "force"
    return ""


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_USAGE_PIECES), max_size=14).map("".join))
def test_usage_is_the_plain_patterns(text: str) -> None:
    """_usage reads its word-before patterns from the end of an ASCII text; _NAME_BEFORE is possessive."""
    for tail in ("", " man", " forces", " refugees"):
        full = text + tail
        for start in range(len(text) + 1):
            for demonym in (False, True):
                assert scan._usage(full, start, len(text), demonym=demonym) == _old_usage(
                    full, start, len(text), demonym
                ), (full, start)
