"""Session 7's shortcuts in the coder's scanners give the same answers as the plain regex scans."""

from __future__ import annotations

import itertools

import pytest

from eventdesk.coding import claims, classify, places, triggers
from eventdesk.coding.triggers import TriggerLexicon, load_triggers
from eventdesk.records import Claim, Event, Evidence, PlaceMention
from text_variants import all_variants

# reports written for these tests, in the style of the notes the coder reads
REPORTS = [
    "On 3 May 2021, unidentified gunmen killed two civilians in Kafr Nabl, local sources said.",
    "Syrian state media SANA reported that the army shelled the Kabanah axis in the Latakia countryside.",
    "The Defense Ministry (MoD) said its forces repelled an attack near al-Bab town on Monday.",
    "Hayat Tahrir al-Sham's military wing said it killed 12 soldiers, while activists said four died.",
    "Police shot dead a protester and wounded 3 others during a demonstration in Nairobi city.",
    "According to residents, militants abducted a teacher from Bama town, Borno state; no fatalities.",
    "An airstrike hit a house in the village of Natugo, killing a woman and her son (AFP).",
    "Clashes erupted between the SDF and ISIS cells near Deir Hafer; 3 fatalities coded as 3.",
    "Two bodies were found dead near the Marib front, the monitor said, days after the shelling.",
    "Protesters gathered in Ysyk-Ata district to demand the release of detainees; police dispersed them.",
    "A roadside IED exploded under a patrol on the Kabul-Jalalabad highway, officials reported.",
    "Militants stormed a checkpoint, the army's spokesman told reporters. Soldiers were killed_in action.",
    "Fighting near Kafr Zita town and the Kabanah axis, then al-Bab city; Tal Rifaat village, Manbij camp.",
    "L'armée a repoussé une attaque près de Ménaka; the army said on Tuesday that it killed 5 fighters.",
]


TEXTS = all_variants(REPORTS)


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return load_triggers()


def test_trigger_scan_same_as_running_every_pattern(lexicon: TriggerLexicon) -> None:
    reference = triggers._default.__wrapped__()  # a fresh lexicon, not the shared one
    reference._outer_starts = {}  # no group decided from the word alone: every pattern runs
    for text in TEXTS:
        assert lexicon.scan(text) == reference.scan(text)


def _groups() -> dict[str, list[str]]:
    return {name: ["zzqx"] for name in triggers.REQUIRED_GROUPS} | {
        "killed": [r"kill(?:ed|ing)", r"shot dead", r"killed by \w+"],
        "heavy": [r"tanks?"],
    }


def _verdicts(lexicon: TriggerLexicon, word: bytes) -> dict[str, int]:
    return {name: verdict for name, verdict, _needs in lexicon._plan_of(word)}


def test_word_alone_verdicts() -> None:
    lexicon = TriggerLexicon("t", _groups())
    plan = _verdicts(lexicon, b"killing")
    assert plan["killed"] == 1  # no multi-word item begins with "killing"
    assert _verdicts(lexicon, b"killed")["killed"] == 0  # "killed by …" may follow
    assert _verdicts(lexicon, b"shot")["killed"] == 0  # "shot dead" begins in the word "shot"
    assert _verdicts(lexicon, b"shots")["killed"] == -1
    assert _verdicts(lexicon, b"tank")["heavy"] == 1
    assert _verdicts(lexicon, b"tanker")["heavy"] == -1
    for text in ("They killed by mistake; killing tanks_ and tanker tank.", "shot dead; tanks, killing"):
        reference = TriggerLexicon("t", _groups())
        reference._outer_starts = {}
        assert lexicon.scan(text) == reference.scan(text)


def test_outer_word_heads() -> None:
    assert triggers.outer_word_heads([r"kill(?:ed|ing)", r"tanks?"]) == ((), ())
    assert triggers.outer_word_heads([r"shot dead", r"killed by \w+"]) == ((), ("killed", "shot"))
    assert triggers.outer_word_heads([r"kill(?:ed)? \w+"]) == (("kill",), ())
    assert triggers.outer_word_heads([r"(?:the )?army"]) == (("army",), ("the",))
    assert triggers.outer_word_heads([r"\w+ killed"]) is None


def _said_spans(sentence: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    verb = claims._SPACE_VERB.search(sentence)
    assert verb is not None
    plain = [m.span() for m in claims._SAID.finditer(sentence)]
    short = [m.span() for m in claims._SAID.finditer(sentence, claims._said_from(sentence, verb.start()))]
    assert [m.span() for m in claims._said_matches(sentence, verb)] == plain
    return plain, short


@pytest.mark.parametrize("text", TEXTS)
def test_said_scan_starts_late_with_the_same_matches(text: str) -> None:
    for start, end in claims._sentences(text, 0, len(text)):
        sentence = text[start:end]
        if claims._SPACE_VERB.search(sentence):
            plain, short = _said_spans(sentence)
            assert short == plain


def test_said_scan_parenthesis_and_quotes() -> None:
    for sentence in (
        "Reuters (citing AFP, Xinhua) said", 'He wrote: "the army" said', "a, b, the Defense Ministry said",
        "militants, rebels) the group said", "X, al-Nusra Front's media office said",
        "Police said, and the Army said; rebels, the Defense Ministry said, a witness said",
    ):
        plain, short = _said_spans(sentence)
        assert short == plain and plain


@pytest.mark.parametrize("text", TEXTS)
def test_bare_place_scan_starts_late_with_the_same_matches(text: str) -> None:
    for start, end in ((0, len(text)), (5, len(text))):
        gate = places._BARE_GATE.search(text, start, end)
        if gate is None:
            continue
        segment = text[start:end]
        plain = [m.span() for m in places._BARE.finditer(segment)]
        begin = places._bare_from(segment, gate.start() - start)
        assert [m.span() for m in places._BARE.finditer(segment, begin)] == plain
        assert [m.span() for m in places._bare_matches(segment, gate.start() - start)] == plain


def test_victim_kind_without_victim_nouns(lexicon: TriggerLexicon) -> None:
    for text in TEXTS:
        low = text.lower()
        hits = lexicon.scan(low)
        for start, end in itertools.product((0, 10), (None, len(low) // 2)):
            kind = classify.victim_kind(low, hits, start, end)
            stop = len(low) if end is None else end
            if not any(start <= h.start < stop for g in ("civilian", "armed") for h in hits.get(g, [])):
                assert kind is None


def test_records_init_as_the_dataclass() -> None:
    event = Event(event_type="Battles", fatalities=3)
    other = Event()
    assert event.claims == [] and event.claims is not other.claims and event.complete
    assert event.sources_count == 1 and event.event_date is None
    claim = Claim("SOHR", evidence=[Evidence("claimant", "d1", 0, 4, "SOHR")])
    assert claim.partisan is False and claim.evidence[0].quote == "SOHR"
    place = PlaceMention("in Aleppo", "Aleppo", 3, 9, "d1")
    assert place.hints == [] and place.relation == "in" and place.country_hint is None
    assert Evidence("a", "b", 1, 2, "q") == Evidence(field="a", document_id="b", start=1, end=2, quote="q")


def test_quantity_scan_at_word_starts() -> None:
    from eventdesk.nlp import numbers

    extra = [
        "more than 20 and 1,200 killed; twenty-one or fourteen hurt, at least 3-5, 2.5 km, _5 5km",
        "one hundred and two; a number of; dozens of; an unknown number of; nearly forty; fourteenth",
    ]
    for text in TEXTS + extra:
        low = text.lower()
        for start, end in ((0, len(low)), (4, len(low) - 3), (0, 40), (len(low) // 2, len(low))):
            expected = [(m.span(), m.groups()) for m in numbers._QUANTITY.finditer(low, start, end)]
            assert [(m.span(), m.groups()) for m in numbers._quantity_matches(low, start, end)] == expected


def test_date_kinds_at_word_starts() -> None:
    from eventdesk.nlp import dates
    from eventdesk.nlp.sentences import ascii_words

    extra = [
        "between 3 and 5 May, from 12 to 14 june 2021, on 5th of March, 2020, Feb. 16, mid-June, 5May",
        "the end of July 2022; in August; since 2019; two days ago, last night, on Tuesday, _5 May 2020",
        "this past Friday early Monday 3rd sept 9 the day before yesterday, earlier this week, 12-14 May",
    ]
    for text in TEXTS + extra:
        low = text.lower()
        for start, end in ((0, len(low)), (4, len(low) - 3), (0, 40), (len(low) // 2, len(low))):
            segment = low[start:end]
            # (offsets into low, as find_dates gives them)
            words = [(start + o, w) for o, w in ascii_words(segment)] if segment.isascii() else None
            for kind, pattern in dates._PATTERNS:
                expected = [(m.span(), m.groups()) for m in pattern.finditer(low, start, end)]
                found = dates._kind_matches(kind, pattern, low, start, end, words)
                assert [(m.span(), m.groups()) for m in found] == expected
