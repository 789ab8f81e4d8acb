"""Session 10's shortcuts in the coder and the reader, each compared with the code it replaces (the same
answers; docs/speed.md, "Session 10"). Texts written for these tests."""

from __future__ import annotations

import dataclasses
import random
import re

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
