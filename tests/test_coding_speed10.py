"""Session 10's shortcuts in the coder and the reader, each compared with the code it replaces (the same
answers; docs/speed.md, "Session 10"). Texts written for these tests."""

from __future__ import annotations

import dataclasses
import random
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.coding.country_cues import _NOT_ALNUM, load_country_cues
from eventdesk.ingest import readers
from eventdesk.nlp.sentences import ascii_words

TEXTS = [
    "About 200 people protested outside the Knesset against the new budget.",
    "Traders protested as the naira fell against the dollar in Lagos.",
    "Gunmen shot a village watchman in Barangay San Isidro on 3 May 2021.",
    "The mission of the OSCE SMM recorded 12 explosions near the contact line.",
    "Hundreds of farmers marched to the provincial capital. [size=hundreds]",
    "A trader was fined 300 shekels and 2,000 naira.",
    "Kıev residents queued for hryvnia as the OSCE mission reported shelling.",
    "İstanbul traders and the Sejm debated the zloty.",
    "A ſhekel and a KNESSET and a Kelvin sign K in one text.",
    "The Tatmadaw shelled villages; the kyat fell again.",
    "",
    "   ",
    "1 2 3 -- ... ___ ' \" ()",
    "Lebanese UNIFIL patrols met the Knesset delegation near the Blue Line.",
    "On 4 June 2022, police dispersed students protesting in Kampala; the shilling fell.",
    "الجيش قصف القرية",  # Arabic script
    "Les manifestants ont défilé à Paris contre la réforme des retraites.",
]


def _old_country(cues: object, text: str) -> str | None:
    """CountryCues.country before session 10: the word split per call, no word memo."""
    assert isinstance(cues, type(load_country_cues()))
    low = text.lower()
    gates, index = cues.gates, cues.index
    if index is not None and gates is not None and len(low) == len(text) and not re.search(
        "[\u0130\u0131\u017f\u212a]", low
    ):
        candidates: set[str] = set()
        for word in low.encode("ascii", "replace").translate(_NOT_ALNUM).split():
            for head, name in index.get(word[:2], ()):
                if word.startswith(head):
                    candidates.add(name)
        if not candidates:
            return None
        found = {
            name
            for name, pattern in cues.patterns.items()
            if (name in candidates or gates.get(name) is None) and pattern.search(text)
        }
        if found and not any(w in low for w in cues.words):
            return None
        return next(iter(found)) if len(found) == 1 else None
    ungated = dataclasses.replace(cues, gates=None, index=None)
    return ungated.country(text)


def _cue_words() -> list[str]:
    cues = load_country_cues()
    words = sorted({head.decode() for items in (cues.index or {}).values() for head, _name in items})
    return [*words, "the", "of", "police", "army", "shot", "in", "Knesset", "naira", "OSCE", "Sejm"]


@pytest.mark.parametrize("text", TEXTS)
def test_country_cues_with_the_coders_words(text: str) -> None:
    cues = load_country_cues()
    low = text.lower()
    expected = _old_country(cues, text)
    assert cues.country(text) == expected
    assert cues.country(text) == expected  # (again: from the word memo)
    if len(low) == len(text):
        assert cues.country(text, ascii_words(low)) == expected


def test_country_cues_random_phrases() -> None:
    cues = load_country_cues()
    vocabulary = _cue_words()
    rng = random.Random(10)
    for _ in range(400):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 12))]
        text = " ".join(w.capitalize() if rng.random() < 0.3 else w for w in words)
        expected = _old_country(cues, text)
        assert cues.country(text) == expected, text
        assert cues.country(text, ascii_words(text.lower())) == expected, text


def _old_language(text: str) -> str | None:
    """readers._language before session 10 (a regex word list for every text)."""
    sample = text[:4000]
    if not readers._LETTER.search(sample):
        return None
    if not sample.isascii() and readers._ARABIC_LETTER.search(sample):
        letters = [c for c in sample if c.isalpha()]
        arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
        if arabic > len(letters) / 2:
            return "ar"
    words = re.findall("[a-z]+", sample.lower())
    common = sum(map(readers._COMMON_EN.__contains__, words))
    if words and common / len(words) > 0.08:
        return "en"
    return None


@pytest.mark.parametrize("text", TEXTS)
def test_language_guess_unchanged(text: str) -> None:
    assert readers._language(text) == _old_language(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="theandofinwsbyrTHEAO .,;_-1\n\t'é", max_size=80))
def test_language_guess_unchanged_random(text: str) -> None:
    assert readers._language(text) == _old_language(text)


# --- value classes: written-out methods equal the dataclass's generated ones ------------------------------


def _value_classes() -> list[tuple[type, tuple[object, ...], bool]]:
    """(class, field values, frozen) for each class whose methods session 10 wrote out."""
    import datetime as dt

    from eventdesk.coding import _Cluster
    from eventdesk.coding.claims import Outlet, _Claimant, _Found
    from eventdesk.coding.classify import Typing
    from eventdesk.coding.country_cues import CountryCues
    from eventdesk.coding.fatalities import FatalityReading
    from eventdesk.coding.places import PlaceCandidate
    from eventdesk.coding.triggers import Hit
    from eventdesk.nlp.dates import DateMention
    from eventdesk.nlp.numbers import Quantity
    from eventdesk.nlp.sentences import Sentence

    hit = Hit("clash", 3, 9, "fought")
    return [
        (Hit, ("clash", 3, 9, "fought"), True),
        (Sentence, (0, 12, "Shots fired."), True),
        (DateMention, (3, 13, "1 May 2020", dt.date(2020, 5, 1), 1, False, True), True),
        (PlaceCandidate, (4, 20, "Aleppo", 7, ("Aleppo", "Syria"), "in", True), True),
        (Typing, ("Battles", "Armed clash", hit, 0.6), True),
        (FatalityReading, (3, 1, 5, 10, 20, "stated"), True),
        (Quantity, (0, 3, "two", 2, 2, 2, False), True),
        (Outlet, ("SANA", "National", ("Syrian Arab News Agency",), "agency", "Syria", "state", "x"), True),
        (CountryCues, ("v1", {}, frozenset({"kne"}), None, None), True),
        (_Claimant, ("the army", "Military Forces of Syria", "state"), False),
        (_Found, ("the army", 0, 8, (0, 30), None, "SANA", (10, 14), []), False),
        (_Cluster, ([], {"clash": [hit]}, None, 12, True), False),
    ]


def _reference(cls: type, frozen: bool) -> type:
    """A plain dataclass with ``cls``'s fields, its methods generated by ``dataclasses``."""
    fields = [(f.name, f.type, f) for f in dataclasses.fields(cls)]
    made = dataclasses.make_dataclass(cls.__name__, fields, frozen=frozen)
    made.__qualname__ = cls.__qualname__
    return made


@pytest.mark.parametrize("case", range(12))
def test_value_class_methods_equal_the_generated_ones(case: int) -> None:
    cls, values, frozen = _value_classes()[case]
    ref = _reference(cls, frozen)
    a, b = cls(*values), cls(*values)
    ra, rb = ref(*values), ref(*values)
    assert repr(a) == repr(ra)
    assert (a == b) == (ra == rb) is True
    assert (a != b) == (ra != rb) is False
    assert a.__eq__(object()) is NotImplemented and ra.__eq__(object()) is NotImplemented
    assert a.__eq__(ra) is NotImplemented  # another class, the same fields: not equal
    names = [f.name for f in dataclasses.fields(cls)]
    assert names == [f.name for f in dataclasses.fields(ref)]
    assert dataclasses.astuple(a) == dataclasses.astuple(ra)
    first = values[0]
    other = first + "x" if isinstance(first, str) else first + 1 if isinstance(first, int) else first
    changed = dataclasses.replace(a, **{names[0]: other})
    assert getattr(changed, names[0]) == other and (changed != a) == (other != first)
    if frozen:
        try:
            expected_hash = hash(ra)
        except TypeError:  # a field that is no hash key (a dict): neither hashes
            with pytest.raises(TypeError):
                hash(a)
        else:
            assert hash(a) == expected_hash
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(a, names[0], other)


def test_value_class_defaults_equal_the_generated_ones() -> None:
    from eventdesk.coding import _Cluster
    from eventdesk.coding.claims import Outlet, _Found

    assert repr(_Cluster()) == repr(_reference(_Cluster, False)())
    one, two = _Cluster(), _Cluster()
    assert one.sentences is not two.sentences and one.hits is not two.hits  # fresh lists, as default_factory
    found = _Found("x", 0, 1, (0, 1))
    assert found.extra == [] and found.extra is not _Found("x", 0, 1, (0, 1)).extra
    assert repr(Outlet("AFP", "International")) == repr(_reference(Outlet, True)("AFP", "International"))


# --- dates: one marked pass over the words, the dateline asked once ----------------------------------------

_DATE_TEXTS = [
    "On 1 May 2020, protesters gathered in Mayfield; earlier today police said two were held.",
    "Yesterday, mayors marched from Marchmont to the Augusta hall; in March 2019 they had done so too.",
    "On Tuesday, 3 Dec. 2021 (the day before yesterday) gunmen killed two. Last night, another died.",
    "Clashes in mid-June and late July 2022 left 12 dead; overnight shelling two days ago hit Sept villages.",
    "No dates here at all, only octopus, junctions, augers and decks.",
    "KHARTOUM, March 18 (AFP) - Troops clashed with protesters on Thursday, activists said.",
    "ADEN, 14 March 2024 — A drone struck a port, officials said.",
]


def _old_month_words(low: str, words: list[tuple[int, bytes]] | None) -> list[tuple[int, int]]:
    from eventdesk.nlp import dates

    if words is None:
        return [m.span() for m in dates._MONTH_WORD.finditer(low)]
    return [
        m.span()
        for start, word in words
        if word[:3] in dates._MONTH_HEADS and (m := dates._MONTH_WORD.match(low, start)) is not None
    ]


def _old_skipped(text: str, low: str, words: list[tuple[int, bytes]] | None) -> set[str]:
    from eventdesk.nlp import dates

    skip: set[str] = set()
    if words is None:
        if not dates._ANY_MONTH.search(low):
            skip |= dates._MONTH_KINDS
    elif not any(word[:3] in dates._MONTH_HEADS for _start, word in words):
        skip |= dates._MONTH_KINDS
    if not dates._ANY_YEAR.search(text):
        skip |= {"iso", "year"}
    if words is None:
        if not dates._ANY_RELATIVE.search(low):
            skip.add("rel")
    elif not any(word in dates._RELATIVE_WORDS for _start, word in words):
        skip.add("rel")
    if "day" not in low:
        skip.add("weekday")
    return skip


@pytest.mark.parametrize("text", _DATE_TEXTS + TEXTS)
def test_marked_words_equal_the_loops_they_replace(text: str) -> None:
    from eventdesk.nlp import dates

    low = text.lower()
    words = dates._words(low)
    for _ in range(2):  # the second time from the word memo
        marks = dates._marks(words) if words is not None else None
        assert [m.span() for m in dates._month_words(low, words, marks)] == _old_month_words(low, words)
        assert [m.span() for m in dates._month_words(low, words)] == _old_month_words(low, words)
        assert dates._skipped_kinds(text, low, words, marks) == _old_skipped(text, low, words)
        assert dates._skipped_kinds(text, low, words) == _old_skipped(text, low, words)


def test_marked_words_random() -> None:
    from eventdesk.nlp import dates

    vocabulary = [
        *dates._MONTHS, "today", "tonight", "this", "yesterday", "last", "overnight", "day", "ago",
        "mayor", "marching", "junta", "decade", "2020", "1", "the", "in", "Sept.", "augusta",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 10)))
        low = text.lower()
        words = dates._words(low)
        assert [m.span() for m in dates._month_words(low, words)] == _old_month_words(low, words), text
        assert dates._skipped_kinds(text, low, words) == _old_skipped(text, low, words), text


@pytest.mark.parametrize("text", _DATE_TEXTS)
def test_dateline_memo_answers_as_the_finder(text: str) -> None:
    import datetime as dt

    from eventdesk.nlp import dates

    for published in (None, dt.date(2024, 3, 20), dt.date(2023, 1, 2)):
        expected = dates._find_dateline(text, published)
        assert dates.find_dateline(text, published) == expected
        assert dates.find_dateline(text, published) == expected  # (the kept answer)
        copy = "".join(list(text))  # an equal text, another object: asked afresh
        assert dates.find_dateline(copy, published) == expected
    assert dates.find_dateline(text, dt.date(2024, 3, 20)) == dates._find_dateline(text, dt.date(2024, 3, 20))


# --- earlier events: searched only around "after" -------------------------------------------------------

_AFTER_TEXTS = [
    "the attack came two days after an ambush on soldiers nearby killed 4.",
    "three weeks after clashes killed 20, fighting resumed; it happened after. after",
    "afterwards, protesters came back after the curfew, 12 hours after the raid.",
    "the strike followed some heavy shelling after dawn; 3 days after, another came after noon",
    "it occurred  a  few\tmonths\nafter the vote. 5 years after_ the war, 2 years afteré",
    "nothing here",
    "after",
]


@pytest.mark.parametrize("text", _AFTER_TEXTS)
def test_earlier_spans_equal_finditer(text: str) -> None:
    from eventdesk.coding import _EARLIER_EVENT, _earlier_spans

    assert _earlier_spans(text) == [m.span() for m in _EARLIER_EVENT.finditer(text)]


_AFTER_WORDS = [
    "came", "comes", "coming", "follows", "followed", "following", "occurred", "happened", "a", "an", "one",
    "two", "several", "few", "3", "12", "٣", "hours", "day", "days", "week", "months", "years", "after",
    "afterwards", "the", "attack", ",", ".", ";", "!", "?", "_", "é", "x",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(_AFTER_WORDS),
        max_size=25,
    ),
    st.lists(st.sampled_from([" ", " ", "", "  ", ",", "\n", "\t", "-"]), min_size=25, max_size=25),
)
def test_earlier_spans_random(words: list[str], gaps: list[str]) -> None:
    from eventdesk.coding import _EARLIER_EVENT, _earlier_spans

    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    assert _earlier_spans(text) == [m.span() for m in _EARLIER_EVENT.finditer(text)]


# --- place leads (a report's lead starts listed once was tried: no gain compiled; kept as a check) -------

_LEAD_TEXTS = [
    "On 3 May 2021, gunmen attacked a post in Kalo village near Bari town. In the evening, the army shelled "
    "the outskirts of Dara. The 12 dead were buried at Kuma, outside Bari.",
    "Protesters gathered in front of the governorate in Tala (Kasserine) and near the Tala police station.",
    "Air defences shot down two drones over Adler; the Adler airport was closed. 3 were hurt in the city.",
    "In Kalo, at dawn, near Bari: on the road around Dara, close to Kuma, outside Tila.",
]


@pytest.mark.parametrize("text", _LEAD_TEXTS)
def test_leads_give_the_finditer_matches(text: str) -> None:
    from eventdesk.coding import places
    from eventdesk.nlp.sentences import split_sentences

    places.share_words(text, ascii_words(text.lower()))
    spans = [(s.start, s.end) for s in split_sentences(text)] + [(0, len(text)), (5, len(text) - 7)]
    for _ in range(2):
        for a, b in spans:
            expected = [(m.span(), m.groups()) for m in places._LEAD.finditer(text, a, b)]
            assert [(m.span(), m.groups()) for m in places._leads(text, a, b)] == expected
    other = text.replace("In ", "in ")  # another report: its own starts
    assert [m.span() for m in places._leads(other, 0, len(other))] == [
        m.span() for m in places._LEAD.finditer(other)
    ]


# --- outlets: the words of a span without a match object per word ----------------------------------------


def _old_outlet_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    from eventdesk.coding.claims import _WORD

    return [
        (m.start(), m.end(), m.group().replace("'", "").replace("’", ""))
        for m in _WORD.finditer(text, start, end)
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ09 ()/.&'_-,é’\n\tXk", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_outlet_words_equal_the_pattern(text: str, a: int, b: int) -> None:
    from eventdesk.coding.claims import _words

    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert _words(text, start, end) == _old_outlet_words(text, start, end)


def test_outlets_found_as_before() -> None:
    from eventdesk.coding.claims import OutletDirectory

    outlets = OutletDirectory.default()
    text = (
        "KHARTOUM, March 18 (AFP) - Troops clashed with protesters, the Sudan News Agency (SUNA) said. "
        "Reuters and Al Jazeera reported 3 dead; the SOHR, cited by Anadolu, said 4 (AA/SANA & BBC)."
    )
    found = outlets.outlets_in(text)
    assert {o.name for _s, _e, o in found} >= {"AFP", "Reuters"}
    for s, e, _o in found:
        assert 0 <= s < e <= len(text)


def _old_has_attribution(text: str) -> bool:
    from eventdesk.coding.claims import _NOT_A_TO_Z, _PASSIVE_BYTES, _VERB_BYTES

    words = text.lower().encode("ascii", "replace").translate(_NOT_A_TO_Z).split()
    for index, word in enumerate(words):
        if word in _VERB_BYTES and (index == 0 or words[index - 1] not in _PASSIVE_BYTES):
            return True
        if word == b"according" and words[index + 1 : index + 2] == [b"to"]:
            return True
    return False


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["said", "was", "reported", "were", "according", "to", "the", "army", "Said", "accordingly", "é"]
        ),
        max_size=12,
    )
)
def test_attribution_precheck_equals_the_loop(words: list[str]) -> None:
    from eventdesk.coding.claims import _has_attribution

    for text in (" ".join(words), "".join(words), ", ".join(words)):
        assert _has_attribution(text) == _old_has_attribution(text)


# --- victims: the harm patterns tried only at the words they begin with ----------------------------------

_HARM_WORDS = [
    "kill", "killed", "killing", "kills", "killer", "shot", "shooting", "shots", "attack", "attacked",
    "attacking", "attacks", "abducted", "abducting", "kidnapped", "kidnapping", "injured", "injuring",
    "wounded", "wounding", "targeted", "targeting", "stabbed", "stabbing", "beat", "beating", "beaten",
    "murdered", "murdering", "executed", "executing", "beheaded", "beheading", "assaulted", "assaulting",
    "raped", "hit", "hits", "struck", "tortured", "torturing", "opened", "fire", "on", "at", "arrested",
    "arresting", "detained", "detaining", "captured", "capturing", "assassinated", "assassinating",
    "martyred", "martyring", "was", "were", "been", "being", "got", "is", "are", "died", "lost", "their",
    "lives", "his", "life", "by", "gunmen", "villagers", "soldiers", "civilians", "two", "the", "_shot",
    "x2", ".", ";", ",", "lynched", "found", "police",
]  # fmt: skip


def _old_victim_matches(
    pattern: re.Pattern[str], text: str, a: int, b: int, until: int
) -> list[tuple[int, int]]:
    out = []
    for m in pattern.finditer(text, a, b):
        if m.start() > until:
            break
        out.append(m.span())
    return out


def _classify_module() -> Any:
    """eventdesk.coding.classify, the module (in the compiled build the package's attribute of that name
    is the function ``classify``)."""
    import importlib

    return importlib.import_module("eventdesk.coding.classify")


def test_victim_matches_at_words_equal_finditer() -> None:
    classify = _classify_module()
    rng = random.Random(12)
    for _ in range(400):
        text = " ".join(rng.choice(_HARM_WORDS) for _ in range(rng.randint(0, 18)))
        words = ascii_words(text)
        n = len(text)
        a = rng.randint(0, n)
        b = rng.randint(a, n)
        until = rng.randint(0, n + 60)
        for pattern, firsts, head in (
            (classify._VICTIM_AFTER, classify._VICTIM_AFTER_HEADS, 3),
            (classify._VICTIM_BEFORE, classify._VICTIM_BEFORE_WORDS, 0),
        ):
            got = [m.span() for m in classify._matches_at(pattern, text, a, b, until, words, firsts, head)]
            assert got == _old_victim_matches(pattern, text, a, b, until), (text, a, b, until)


def test_victim_kind_with_shared_words() -> None:
    from eventdesk.coding.triggers import Hit

    classify = _classify_module()
    rng = random.Random(13)
    for _ in range(300):
        text = " ".join(rng.choice(_HARM_WORDS) for _ in range(rng.randint(1, 18)))
        hits: dict[str, list[Hit]] = {}
        for noun, group in (("villagers", "civilian"), ("civilians", "civilian"), ("soldiers", "armed"),
                            ("gunmen", "armed")):  # fmt: skip
            at = text.find(noun)
            while at >= 0:
                hits.setdefault(group, []).append(Hit(group, at, at + len(noun), noun))
                at = text.find(noun, at + 1)
        start = rng.randint(0, len(text))
        classify._DOC_WORDS.clear()
        expected = classify.victim_kind(text, hits, start), classify.victim_kind(text, hits)
        classify.share_words(text, ascii_words(text))
        assert (classify.victim_kind(text, hits, start), classify.victim_kind(text, hits)) == expected, text
    classify._DOC_WORDS.clear()
