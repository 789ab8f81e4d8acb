"""The date resolver: formats, relative expressions, precision, and never crashing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.coding import Coder
from eventdesk.nlp.dates import find_dateline, find_dates, resolve_reference_date
from eventdesk.records import Document

REF = dt.date(2023, 7, 7)  # a Friday


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("On 16 February 2020, troops", dt.date(2020, 2, 16), 1),
        ("on 16 Feb. 2020 near", dt.date(2020, 2, 16), 1),
        ("on February 16 the", dt.date(2023, 2, 16), 1),
        ("posted 2020-02-16", dt.date(2020, 2, 16), 1),
        ("JUL 07, 2023", dt.date(2023, 7, 7), 1),
        ("at dawn today", REF, 1),
        ("yesterday", dt.date(2023, 7, 6), 1),
        ("last night", dt.date(2023, 7, 6), 1),
        ("on Monday", dt.date(2023, 7, 3), 1),
        ("on Friday", REF, 1),
        ("this morning", REF, 1),
        ("two days ago", dt.date(2023, 7, 5), 1),
        ("last week", dt.date(2023, 6, 30), 2),
        ("in early March", dt.date(2023, 3, 5), 2),
        ("in late March 2020", dt.date(2020, 3, 25), 2),
        ("in mid-March", dt.date(2023, 3, 15), 3),
        ("during March 2021", dt.date(2021, 3, 15), 3),
        ("between 3 and 5 May", dt.date(2023, 5, 4), 2),
        ("from 3-5 May 2020", dt.date(2020, 5, 4), 2),
    ],
)
def test_resolves(text: str, date: dt.date, precision: int) -> None:
    found = [d for d in find_dates(text, REF) if d.precision <= 3]
    assert found, text
    assert (found[0].date, found[0].precision) == (date, precision)
    assert text[found[0].start : found[0].end] == found[0].text


def test_no_year_date_after_the_report_is_last_year() -> None:
    (mention,) = find_dates("on December 30 militants", REF)
    assert mention.date == dt.date(2022, 12, 30)


def test_year_only_is_precision_4() -> None:
    (mention,) = find_dates("In 2019, the army clashed with the group.", REF)
    assert mention.precision == 4


def test_not_dates() -> None:
    assert find_dates("despite a three year old ceasefire", REF) == []
    assert find_dates("you may go now", REF) == []
    assert find_dates("the ceasefire may hold", REF) == []


def test_relative_without_reference_is_unresolved() -> None:
    (mention,) = find_dates("clashes at dawn today", None)
    assert mention.relative and mention.date is None


def test_reference_date_from_dateline_and_header() -> None:
    text = "date 2023-07-08 Posted on by someone\n\nJUL 07, 2023\n\nA story."
    assert resolve_reference_date(text) == dt.date(2023, 7, 7)
    assert resolve_reference_date("published: 2019-07-31\n\nText.") == dt.date(2019, 7, 31)
    assert resolve_reference_date("No date here.", dt.date(2020, 1, 1)) == dt.date(2020, 1, 1)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))))
def test_never_crashes_and_outputs_are_sane(text: str, reference: dt.date | None) -> None:
    for mention in find_dates(text, reference):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.precision in (1, 2, 3, 4)
        if mention.date is not None:
            assert 1800 < mention.date.year < 2200


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 28),
    st.sampled_from(["January", "Feb.", "march", "APR", "September"]),
    st.integers(1990, 2030),
)
def test_day_month_year_roundtrip(day: int, month: str, year: int) -> None:
    (mention,) = find_dates(f"On {day} {month} {year}, x", REF)
    assert mention.date is not None
    assert (mention.date.day, mention.date.year, mention.precision) == (day, year, 1)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("HODEIDAH, 3 April 2024 — Coalition jets struck a port", None, dt.date(2024, 4, 3)),
        ("Report title\nGAO, Mali, 12 May 2024 - Jihadists ambushed a convoy", None, dt.date(2024, 5, 12)),
        ("KANDAHAR, May 20 (Reuters) - A bomb went off", dt.date(2024, 5, 21), dt.date(2024, 5, 20)),
        ("Daraa, 2024-02-11 (SANA) – Army units foiled", None, dt.date(2024, 2, 11)),
        ("On 16 February 2020, clashes took place in Idleb.", None, None),  # an ACLED note, no dateline
        ("In Aleppo, 3 May 2020 - clashes", None, None),
        ("KANDAHAR, May 20 (Reuters) - A bomb went off", None, None),  # no year anywhere: unknown
        ("GAO (AFP) - Jihadists ambushed a convoy on Tuesday", None, None),
    ],
)
def test_wire_dateline_is_the_reference_date(
    text: str, published: dt.date | None, expected: dt.date | None
) -> None:
    mention = find_dateline(text, published)
    assert (mention.date if mention else None) == expected
    if mention is not None:
        assert text[mention.start : mention.end] == mention.text


def test_relative_days_resolve_against_a_wire_dateline(coder: Coder) -> None:
    base = (
        "MARIB, 14 March 2024 — Houthi fighters attacked government positions in Sirwah {when}, "
        "killing two soldiers."
    )
    for when, day in [("last night", 13), ("yesterday", 13), ("on Tuesday", 12), ("on 9 March", 9)]:
        events = coder.code(Document(id="d", text=base.format(when=when)))
        assert events and events[0].event_date == dt.date(2024, 3, day), when
        assert events[0].time_precision == 1
    # no day in the sentence: the report's date, as a span of the days before it
    events = coder.code(Document(id="d", text=base.format(when="").replace(" ,", ",")))
    assert events[0].event_date == dt.date(2024, 3, 14) and events[0].time_precision == 2


def test_a_statement_date_does_not_open_another_days_event(coder: Coder) -> None:
    text = (
        "BUNIA, 22 October 2024 — Militiamen attacked the village of Mbala on Sunday night, residents "
        "said. At least seven people were killed and several houses burned, a local official said on Tuesday."
    )
    events = coder.code(Document(id="d", text=text))
    assert [(e.event_date, e.fatalities) for e in events] == [(dt.date(2024, 10, 20), 7)]


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("On 30 December 2023 - 1 January 2024, rebels shelled the town.", dt.date(2023, 12, 31), 2),
        ("From 29 December 2023 to 2 January 2024, rebels shelled the town.", dt.date(2023, 12, 31), 2),
        ("During the week of 10 June 2024, the army shelled villages.", dt.date(2024, 6, 13), 2),
        ("On 10 June 2024, the army shelled villages for a week.", dt.date(2024, 6, 10), 1),
    ],
)
def test_spans_across_a_year_and_named_weeks(text: str, day: dt.date, precision: int) -> None:
    found = find_dates(text)
    assert (found[0].date, found[0].precision) == (day, precision)


def test_a_footer_date_line_is_the_reference_when_nothing_else_dates_the_report() -> None:
    text = "Local sources said warplanes struck Darat yesterday.\n\nPublished on 12 March 2024\n"
    assert resolve_reference_date(text) == dt.date(2024, 3, 12)
    text = "Local sources said warplanes struck Darat yesterday.\nDate of report: 2 March 2021"
    assert resolve_reference_date(text) == dt.date(2021, 3, 2)
    # below the report's head, the document's own metadata outranks a footer
    long = "Local sources said warplanes struck Darat yesterday. " * 15 + "\nDate of report: 2 March 2021"
    assert resolve_reference_date(long) == dt.date(2021, 3, 2)
    assert resolve_reference_date(long, dt.date(2021, 3, 3)) == dt.date(2021, 3, 3)
