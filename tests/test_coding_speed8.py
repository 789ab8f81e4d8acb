"""Session 8's shortcuts in the coder's scanners give the same answers as the code they replace."""

from __future__ import annotations

import re

import pytest

from eventdesk.coding import places, triggers
from eventdesk.coding.triggers import TriggerLexicon, load_triggers
from text_variants import all_variants

# reports written for these tests, in the style of the notes the coder reads
REPORTS = [
    "On 3 May 2021, unidentified gunmen killed two civilians in Kafr Nabl, local sources said.",
    "In the past year, militants were found dumped near the road; no one was killed in the clashes.",
    "Over the last decade the army shelled the Kabanah axis in the northern countryside of Latakia.",
    "Coronavirus cases rose; police fired tear gas at protesters in al-Bab city, reports said.",
    "Forces destroyed two tanks near the Marib front; troops later stormed the village of Natugo.",
    "Air defences shot down 12 Ukrainian drones over Belgorod region, the ministry told reporters.",
    "Protesters gathered outside the parliament in - Nairobi; no fatalities were reported.",
    "Gunmen abducted a teacher 5 km north of Bama town, Borno state, in the early hours of Monday.",
    "Clashes took place in the vicinity of Deir Hafer and on the outskirts of al-Safira (Aleppo).",
    "The bodies of two men were found bound in Kut e Abdollah; residents said they were shot dead.",
    "Fighting near kafr zita and in _Aleppo, then in (Idlib) and in\tHama; in 2023 in the city.",
    "Soldiers killed and wounded dozens; size=400 protesters marched in the capital, to mark the day.",
]


TEXTS = all_variants(REPORTS)


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return load_triggers()


def lexicon_groups() -> dict[str, list[str]]:
    from importlib import resources

    import yaml

    text = resources.files("eventdesk").joinpath("data/event_triggers.yaml").read_text(encoding="utf-8")
    return triggers._validate(yaml.safe_load(text), "event_triggers.yaml")[1]


def test_needs_same_as_reading_every_start(lexicon: TriggerLexicon) -> None:
    # the index gives what a plain reading of the start list gives, for every word of the test texts
    def plain(word: str, starts: tuple[str, ...]) -> tuple[tuple[int, tuple[str, ...]], ...] | None:
        longer: dict[int, set[str]] = {}
        for start in starts:
            if len(start) <= len(word):
                if word.startswith(start):
                    return None
            elif start.startswith(word) and not start[len(word)].isalnum():
                longer.setdefault(len(start), set()).add(start)
        return tuple((n, tuple(sorted(v))) for n, v in sorted(longer.items()))

    groups = lexicon_groups()
    words = {w for text in TEXTS for w in re.findall("[a-z0-9]+", text.lower())} | {"killed", "in", "no"}
    for name, items in groups.items():
        starts = triggers.literal_starts_of(items)
        assert starts is not None
        index = triggers.start_index_of(items)
        for word in words:
            assert triggers._needs(word, index) == plain(word, starts), (name, word)


def test_trigger_scan_same_without_literal_starts(lexicon: TriggerLexicon) -> None:
    reference = triggers._default.__wrapped__()  # a fresh lexicon, not the shared one
    reference._starts = dict.fromkeys(reference._starts)  # no literal starts: every pattern runs
    for text in TEXTS:
        assert lexicon.scan(text) == reference.scan(text), text


def test_every_match_begins_with_a_literal_start(lexicon: TriggerLexicon) -> None:
    # each group's pattern, tried at every offset of the (lower-cased) test texts
    for name, pattern in lexicon.patterns.items():
        starts = triggers.literal_starts_of(lexicon_groups()[name])
        assert starts is not None
        for text in TEXTS:
            low = text.lower()
            for at in range(len(low)):
                if pattern.match(low, at) is not None:
                    assert low.startswith(starts, at), (name, low[at : at + 30])


def test_literal_starts() -> None:
    assert triggers.literal_starts_of([r"kill(?:ed|ing)", r"shot dead", r"killed by \w+"]) == (
        "killed",
        "killed by ",
        "killing",
        "shot dead",
    )
    assert triggers.literal_starts_of([r"(?:ab)+c", r"x(?:ab)?c", r"no (?:one|body) was"]) == (
        "ab",
        "no body was",
        "no one was",
        "xabc",
        "xc",
    )
    assert triggers.literal_starts_of([r"\w+ killed"]) == ("",)  # any start
    assert triggers.literal_starts_of([r"(?i:Killed)"]) is None
    long = triggers.literal_starts_of(["a" * 40])
    assert long == ("a" * triggers._START_LEN,)
    many = triggers.literal_starts_of(["(?:a|b|c|d|e|f)(?:a|b|c|d|e|f)(?:a|b|c|d|e|f)(?:a|b|c|d|e|f)"])
    assert many is not None and len(many) <= triggers._MAX_STARTS


def test_needs() -> None:
    starts = triggers.start_index_of([r"kill(?:ed|ing)", r"shot dead", r"killed by \w+"])
    assert triggers._needs("killed", starts) is None  # a match may end inside the word: run
    assert triggers._needs("shot", starts) == ((9, ("shot dead",)),)
    assert triggers._needs("shots", starts) == ()  # nothing can match
    assert triggers._needs("kill", starts) == ()
    assert triggers._needs("x", None) is None
    assert triggers._followed_by("they shot dead two", 5, ((9, ("shot dead",)),))
    assert not triggers._followed_by("they shot two dead", 5, ((9, ("shot dead",)),))


def test_plan_steps() -> None:
    groups = {name: ["zzqx"] for name in triggers.REQUIRED_GROUPS} | {
        "killed": [r"kill(?:ed|ing)", r"shot dead", r"killed by \w+"],
    }
    lexicon = TriggerLexicon("t", groups)
    plan = {name: (verdict, needs) for name, verdict, needs in lexicon._plan_of(b"shot")}
    assert plan["killed"] == (0, ((9, ("shot dead",)),))
    reference = TriggerLexicon("t", groups)
    reference._starts = dict.fromkeys(reference._starts)
    for text in ("They shot dead a man; shot him dead; killed by gunmen.", "shot_dead shot  dead, shot"):
        assert lexicon.scan(text) == reference.scan(text)


# --- places: a lead's start and name span are read once per match -----------------------------------


@pytest.mark.parametrize("text", TEXTS)
def test_lead_prep_begins_the_match(text: str) -> None:
    # _find_places reads a lead's start as its prep's start
    for m in places._LEAD.finditer(text):
        assert m.start("prep") == m.start()


# --- claims: the claimant scan stops after the last reporting verb --------------------------------------

SAID_SENTENCES = [
    "Local sources said the army reported that Abu Ali Hassan Naser of the Free Brigade and Sons attacked.",
    "Thursday 4 March 2021 (sources said), Ahmad Bashar Hassan Kareem Omar Jamil Fadi of Idlib, Syria, a",
    "The Defense Ministry (MoD) said, and Syrian state media SANA reported, that the group's wing claimed",
    "Reuters (AFP said) said; the militants' media office later said x said",
]


@pytest.mark.parametrize("sentence", SAID_SENTENCES + [t for t in TEXTS if " said" in t or " reported" in t])
def test_said_scan_stops_after_the_last_verb(sentence: str) -> None:
    from eventdesk.coding import claims

    verb = claims._SPACE_VERB.search(sentence)
    assert verb is not None
    expected = [m.span() for m in claims._SAID.finditer(sentence)]
    assert [m.span() for m in claims._said_matches(sentence, verb)] == expected
