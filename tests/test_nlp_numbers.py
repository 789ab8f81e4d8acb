"""The number reader: digits, words, ACLED's vague quantities, and never crashing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.nlp.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("killing 14 villagers", 14),
        ("two soldiers", 2),
        ("twenty-one people", 21),
        ("a dozen fighters", 12),
        ("more than 20 members", 20),
        ("at least 9 civilians", 9),
        ("dozens of people", 12),
        ("tens of fighters", 10),
        ("hundreds of protesters", 100),
        ("a number of terrorists", 3),
        ("several members", 3),
        ("8-10 residents", 8),
        ("1,200 displaced", 1200),
        ("three hundred and five", 305),
    ],
)
def test_reads(text: str, best: int) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.best == best
    assert quantity.low <= quantity.best <= quantity.high


def test_more_than_raises_high() -> None:
    (quantity,) = find_quantities("more than 20")
    assert quantity.high > 20


def test_years_and_articles_are_not_counts() -> None:
    assert find_quantities("In 2019 a man") == []


def test_parse_number() -> None:
    assert parse_number("twenty-one") == 21
    assert parse_number("1,200") == 1200
    assert parse_number("several") == 3
    assert parse_number("nonsense") is None
    assert parse_number("") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_and_outputs_are_sane(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert 0 <= q.low <= q.best <= q.high


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 99_999))
def test_digits_roundtrip(n: int) -> None:
    if 1900 <= n <= 2100:
        return
    (q,) = find_quantities(f"killing {n} people")
    assert q.best == n
