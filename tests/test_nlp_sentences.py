"""Sentence splitting keeps offsets and knows abbreviations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.nlp.sentences import split_sentences


def test_splits_with_offsets() -> None:
    text = 'Gen. Ali said the U.S. left. "They fled," he said. Then 3 more came!\n\nHEADLINE\nBody text.'
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Gen. Ali said the U.S. left.",
        '"They fled," he said.',
        "Then 3 more came!",
        "HEADLINE",
        "Body text.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_offsets_always_match(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.start >= last and s.text.strip() == s.text and s.text
        last = s.end


def test_hard_wrapped_lines_run_on() -> None:
    text = (
        "CITY — Gunmen attacked a checkpoint on the main road north of the town on Monday, killing\n"
        "two policemen, officials said. Nobody claimed the attack.\n"
        "Short headline\n"
        "Body."
    )
    sentences = [s.text for s in split_sentences(text)]
    assert sentences[0].startswith("CITY") and sentences[0].endswith("officials said.")
    assert "Short headline" in sentences


@pytest.mark.parametrize(
    "text",
    [
        "",
        "On 3 May, 5km north of al-Bab",
        "Xin _in 4th\n\nİstanbul Kelvin \u212a caf\u00e9s a\u2019b",
        "  ..  ",
    ],
)
def test_ascii_words_are_the_runs_of_lower_case_letters_and_digits(text: str) -> None:
    import re

    from eventdesk.nlp.sentences import ascii_words

    expected = [(m.start(), m.group().encode()) for m in re.finditer("[a-z0-9]+", text)]
    assert ascii_words(text) == expected
