"""Dates in headers and datelines."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.ingest.dates import find_dateline, parse_full_date, parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("JUL 07, 2023", dt.date(2023, 7, 7)),
        ("July 7, 2023", dt.date(2023, 7, 7)),
        ("Sept. 3, 2022", dt.date(2022, 9, 3)),
        ("7 September 2022", dt.date(2022, 9, 7)),
        ("Tuesday, 7 March 2023", dt.date(2023, 3, 7)),
        ("2019-07-31", dt.date(2019, 7, 31)),
        ("2019-07-31T10:00:00Z", dt.date(2019, 7, 31)),
        ("2023-02-30", None),
        ("2020-10", None),
        ("yesterday", None),
    ],
)
def test_parse_full_date(value: str, expected: dt.date | None) -> None:
    assert parse_full_date(value) == expected


def test_parse_published_shapes() -> None:
    assert parse_published("2020-09-14 (from URL)") == (dt.date(2020, 9, 14), None, None)
    published, events_date, note = parse_published("unknown (reports events of Tuesday 2019-09-24)")
    assert published is None and events_date == dt.date(2019, 9, 24) and note
    published, events_date, note = parse_published("2020-10 (from URL)")
    assert published is None and events_date is None and note and "not a full date" in note


def test_find_dateline_only_near_the_top() -> None:
    assert find_dateline("JUL 07, 2023\n\nText") == dt.date(2023, 7, 7)
    assert find_dateline("Title\nALEPPO, 7 July 2023 - Shelling") == dt.date(2023, 7, 7)
    far = "\n".join(f"line {i}" for i in range(20)) + "\nJUL 07, 2023"
    assert find_dateline(far) is None
    assert find_dateline("Shelling on July 7, 2023 killed two people in the town.") is None


@given(st.text(max_size=200))
def test_date_parsers_never_crash(value: str) -> None:
    parse_full_date(value)
    parse_published(value)
    find_dateline(value)
