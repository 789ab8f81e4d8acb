"""Session 12's shortcuts in the trigger scan, each compared with the code it replaces (the same answers;
docs/speed.md, "Session 12"). Texts written for these tests."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.coding import triggers
from eventdesk.coding.triggers import TriggerLexicon, load_triggers
from eventdesk.nlp.sentences import ascii_words

TEXTS = [
    "On 3 May 2021, gunmen killed two civilians and abducted a teacher near the market, police said.",
    "Security forces fired tear gas at protesters; soldiers shot dead three men during the march.",
    "The coronavirus outbreak killed off tourism, and the deal was killed in parliament on Monday.",
    "Militants attacked an army post; the military said its forces repelled the assault at dawn.",
    "Police evicted traders from the square, then policemen arrested 12 people and seized weapons.",
    "A drone strike hit a convoy; air defences shot down two missiles over the city, officials said.",
    "Crowds of about 2,000 (size=2000) marched to the governor's office, chanting and burning tyres.",
    "kill killed killing kills skill killer shot shots shotgun forces forced forceful policy police",
    "",
    "a",
    "zz 9 99 1st x-ray",
]

_VOCABULARY = (
    "killed kill killing shot dead attack attacked attackers police policemen forces military army troops "
    "soldiers fired at on in during protest protesters march marches rally evicted arrested seized bomb "
    "explosion drone strike shelling clashes fighting militants gunmen abducted kidnapped tourism economy "
    "deal coronavirus court verdict match goals fire blaze war price the a of and two 12 2,000 size said"
)
_WORDS = tuple(_VOCABULARY.split(" "))
_SEPS = (" ", " ", " ", ", ", ". ", "-", "\n", "; ", " (", ") ", "'s ")


def _random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 40)):
        word = rng.choice(_WORDS)
        if rng.random() < 0.2:
            word = word.capitalize()
        parts.append(word + rng.choice(_SEPS))
    return "".join(parts)


def _old_groups_of(lexicon: TriggerLexicon, word: bytes) -> tuple[str, ...]:
    # the code _groups_of replaces: every leading part, longest first
    for k in range(min(len(word), lexicon._longest_head), 0, -1):
        names = lexicon._head_groups.get(word[:k])
        if names is not None:
            return names
    return ()


def _old_needs(word: str, index: triggers._StartIndex | None) -> triggers._Needs | None:
    # the code _needs' lengths replace: every leading part looked up
    if index is None:
        return None
    whole, longer = index[0], index[1]
    for k in range(len(word) + 1):
        if word[:k] in whole:
            return None
    return longer.get(word, ())


class _OldLexicon(TriggerLexicon):
    """The lexicon as it was before session 12: no head threes, no start lengths, any() over a generator."""

    def _groups_of(self, word: bytes) -> tuple[str, ...]:
        return _old_groups_of(self, word)

    def _plan_of(self, word: bytes) -> tuple[triggers._Step, ...]:
        plan = []
        alone = word.decode("ascii")
        for name, verdict, _needs in super()._plan_of(word):
            plan.append((name, verdict, _old_needs(alone, self._starts.get(name))))
        return tuple(plan)


def _words_to_try(lexicon: TriggerLexicon) -> set[bytes]:
    words = {word for text in TEXTS for _at, word in ascii_words(text.lower())}
    for head in (head for head, names in lexicon._head_groups.items() if names is not None):
        words.update({head, head[:1], head[:2], head[:3], head[:-1], head + b"s", head + b"xyz", b"q" + head})
    return {w for w in words if w}


def test_groups_of_same_as_every_leading_part() -> None:
    lexicon = load_triggers()
    for word in _words_to_try(lexicon):
        assert lexicon._groups_of(word) == _old_groups_of(lexicon, word), word


def _a_z_0_9(raw: bytes) -> bytes:
    return bytes(97 + c % 26 if c % 3 else 48 + c % 10 for c in raw)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=12).map(_a_z_0_9))
def test_groups_of_same_on_random_words(word: bytes) -> None:
    lexicon = load_triggers()
    assert lexicon._groups_of(word) == _old_groups_of(lexicon, word)


def test_needs_same_with_start_lengths() -> None:
    lexicon = load_triggers()
    words = {w.decode() for w in _words_to_try(lexicon)} | {"", "in", "killed", "size"}
    for name, index in lexicon._starts.items():
        assert index is None or index[2] == tuple(sorted({len(start) for start in index[0]}))
        for word in words:
            assert triggers._needs(word, index) == _old_needs(word, index), (name, word)


def test_head_groups_hold_the_first_three_of_longer_heads() -> None:
    lexicon = load_triggers()
    heads = {head for head, names in lexicon._head_groups.items() if names is not None}
    assert {head[:3] for head in heads} <= set(lexicon._head_groups)
    for key, names in lexicon._head_groups.items():
        if names is None:  # no head, the first three of one
            assert len(key) == 3 and any(len(head) > 3 and head[:3] == key for head in heads)


def test_followed_by_same_as_any() -> None:
    needs = ((5, ("shot ", "kill ")), (9, ("shot dead",)), (2, ("a-",)))
    for text in [*TEXTS, "shot dead", "shot  dead", "kill them", "a-b", "sh"]:
        for start in range(len(text) + 1):
            expected = any(text[start : start + size] in options for size, options in needs)
            assert triggers._followed_by(text, start, needs) is expected


# (a compiled TriggerLexicon takes no interpreted subclass: the pure-Python suite runs this comparison)
@pytest.mark.skipif(not triggers.__file__.endswith(".py"), reason="the lexicon is compiled (mypyc)")
def test_scan_same_as_before() -> None:
    lexicon = load_triggers()
    old = _OldLexicon(lexicon.version, _groups())
    rng = random.Random(12)
    for text in [*TEXTS, *(_random_text(rng) for _ in range(400))]:
        assert lexicon.scan(text) == old.scan(text), text


def _groups() -> dict[str, list[str]]:
    from importlib import resources

    import yaml

    text = resources.files("eventdesk").joinpath("data/event_triggers.yaml").read_text(encoding="utf-8")
    return triggers._validate(yaml.safe_load(text), "event_triggers.yaml")[1]
