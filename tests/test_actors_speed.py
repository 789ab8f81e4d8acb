"""Session 7 speed rewrites of the actor stage give what the code they replace gave."""

from __future__ import annotations

import random
import re

from eventdesk.coding.actor_text import _TOKEN, _norm_alias, _token_spans
from eventdesk.coding.actors import ActorDictionary

_SAMPLES = [
    "Syrian Democratic Forces (SDF) clashed with Turkish-backed factions near Manbij.",
    "Members of Hay'at Tahrir al-Sham and Assad's forces exchanged fire on 3 March.",
    "U.S. forces / coalition aircraft struck an ISIS cell; the group's leader was killed.",
    "Police in São Paulo arrested 12 protesters; a Kelvin sign \u212a and a long s \u017f and ı.",
    "x's_y a_b 's 'ss ''a a'' (a)(b) 1.2.3 .. // snake_case_word ab's. end's",
    "",
]


def _reference(text: str) -> tuple[list[str], list[int], list[int]]:
    found = list(_TOKEN.finditer(text))
    return [m.group() for m in found], [m.start() for m in found], [m.end() for m in found]


def test_token_spans_equal_the_pattern() -> None:
    rng = random.Random(7)
    alphabet = "abcsSZ09 '''()/._-,!?\t\n"
    texts = list(_SAMPLES) + [s.lower() for s in _SAMPLES]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(5000)]
    texts += ["".join(rng.choice(alphabet + "éı") for _ in range(rng.randint(0, 24))) for _ in range(500)]
    for text in texts:
        assert _token_spans(text) == _reference(text), text


def test_capitalised_pattern_equals_the_word_boundary_form() -> None:
    from eventdesk.coding.actors import _CAPITALISED

    old = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")
    rng = random.Random(11)
    alphabet = "aAbBzZ _'é\u00c9\n1-"
    texts = list(_SAMPLES)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(5000)]
    for text in texts:
        assert [m.span() for m in _CAPITALISED.finditer(text)] == [m.span() for m in old.finditer(text)], text


def test_country_words_are_memoised_faithfully() -> None:
    dictionary = ActorDictionary.default()
    for word in ["Syrian", "Syria", "Turkiye", "Turkish", "Nowhere", "Ukrainian", "syrian", "Iraq's", ""] * 2:
        key = _norm_alias(word)
        expected = dictionary._country_alias.get(key) or dictionary._demonyms.get(key)
        assert dictionary.country_of(word) == expected
        assert dictionary.country_named(word) == dictionary._country_alias.get(key)


def test_actor_mention_fields_are_the_ones_built_directly() -> None:
    # actor_country._relocalize builds ActorMention positionally instead of dataclasses.replace: a new
    # field must be passed there too
    from dataclasses import fields

    from eventdesk.records import ActorMention

    assert [f.name for f in fields(ActorMention)] == [
        "text", "start", "end", "canonical", "inter", "country", "generic"
    ]


def test_description_and_dealings_prechecks_keep_the_matches() -> None:
    from eventdesk.coding.actor_sides import _DESCRIPTION_BEFORE, _may_describe

    heads = [
        "X, a pro-",
        "which swore allegiance to the '",
        "a commander who had reconciled with the ",
        "who settled his status with ",
        "WHO SETTLED HIS STATUS WITH ",
        "who ſettled his status with ",
        "a fighter who DEFECTED FROM ",
        "who had DESERTED from the ",
        "pledged bay'ah to ",
        "declared loyalty to the ",
    ]
    for head in heads:
        assert _DESCRIPTION_BEFORE.search(head), head
        assert _may_describe(head.lower()), head


def test_country_fires_pattern_equals_the_word_boundary_form() -> None:
    from eventdesk.coding.actors import _COUNTRY_FIRES

    old = re.compile(
        r"\b([A-Z](?:[a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{1,2}(?![\w-])))"
        r"(?:\s+and\s+(?:the\s+)?(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,3}))?"
        r"\s+(?:(?:has|had|have|also|again|reportedly|then|later)\s+)*"
        r"(?:launched|fired|struck|shelled|bombed|bombarded|pounded|attacked|targeted|hit|carried\s+out)\b"
    )
    rng = random.Random(5)
    words = ["Russia", "Israel", "xRussia", "US", "UK", "and", "the", "New York", "also", "fired", "hit"]
    words += ["_Ab", "é", " ", "\n"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(5000)]
    for text in texts:
        for pos in (0, 1, 5):
            assert [(m.span(), m.span(1)) for m in _COUNTRY_FIRES.finditer(text, pos)] == [
                (m.span(), m.span(1)) for m in old.finditer(text, pos)
            ], (text, pos)


def test_side_prechecks_keep_the_matches() -> None:
    from eventdesk.coding.actor_sides import _OPPONENT_FIRST, _may_oppose_first

    for head in [
        "After clashes with ",
        "following heavy fighting against the ",
        "DURING BATTLES WITH ",
        "amid confrontations by ",
        "in an attack by the ",
        "after attacks with ",
    ]:
        assert _OPPONENT_FIRST.search(head), head
        assert _may_oppose_first(head), head
    assert not _may_oppose_first("the army said on Monday that ")
    assert _may_oppose_first("ſome text ")  # outside ASCII: always searched


def test_day_month_year_pattern_equals_the_word_boundary_form() -> None:
    from eventdesk.coding.actor_country import _DAY_MONTH_YEAR

    months = "(January|February|March|April|May|June|July|August|September|October|November|December)"
    old = re.compile(r"\b(\d{1,2})\s+" + months + r"\s+((?:19|20)\d\d)\b")
    rng = random.Random(9)
    texts = [
        rng.choice(["", "a", "1", "_", "12", "é"])
        + rng.choice(["", " ", "x"])
        + f"{rng.randint(0, 120)} {rng.choice(['May', 'June', 'may'])} {rng.choice([1999, 2020, 2101])}"
        + rng.choice(["", "x", "1", " ."])
        for _ in range(3000)
    ]
    for text in texts:
        for pos in (0, 1, 2, 3):
            assert [(m.span(), m.groups()) for m in _DAY_MONTH_YEAR.finditer(text, pos)] == [
                (m.span(), m.groups()) for m in old.finditer(text, pos)
            ], (text, pos)


def test_prechecks_never_skip_a_match() -> None:
    """Random phrases over the patterns' own words: wherever a pattern matches, its pre-check says so."""
    from eventdesk.coding import actor_sides as sides
    from eventdesk.coding import actors

    words_text = (
        "the of by with for to from under control rule controlled held run occupied administered dominated "
        "killing deaths arrest of by protest against over justice alleged backed supported accompanied "
        "assisted aided reinforced covered up air support cover backing help pro- a an swore allegiance "
        "loyalty bay'ah reconciled settled his status settlement deal defected deserted clashes fighting "
        "battles confrontations attack attacks after amid during in following ſ ı K"
    )
    vocabulary = words_text.split(" ")
    rng = random.Random(13)
    pairs = [
        (actors._CONTROLLER_BEFORE, lambda h: actors._may_control(h.lower())),
        (actors._GRIEVANCE_AGENT, lambda h: actors._by_and_of(h.lower())),
        (sides._SUPPORTED, sides._may_be_supported),
        (sides._DESCRIPTION_BEFORE, lambda h: sides._may_describe(h.lower())),
        (sides._OPPONENT_FIRST, sides._may_oppose_first),
    ]
    hits = 0
    for _ in range(20000):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 7))]
        words = [w.upper() if rng.random() < 0.2 else w for w in words]
        head = rng.choice(["", "x ", ", "]) + " ".join(words) + rng.choice([" ", "", "  "])
        for pattern, may in pairs:
            if pattern.search(head):
                hits += 1
                assert may(head), (pattern.pattern[:40], head)
    assert hits > 100


def test_word_keys_equal_norm_alias() -> None:
    dictionary = ActorDictionary.default()
    for word in ["Syria", "SYRIA", "Hama", "abc123", "Straße", "Kelvin\u212a", "İzmir", "a'b", "x y", ""]:
        assert dictionary._key(word) == _norm_alias(word), word
