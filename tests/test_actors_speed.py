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
