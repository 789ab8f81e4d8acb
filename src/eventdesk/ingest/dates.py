"""Dates in report metadata: ``published:`` values, blog post lines and story datelines.

Only full dates (year, month and day) become ``datetime.date`` values; a partial date such as
``2020-10`` is not guessed into a day.
"""

from __future__ import annotations

import datetime as dt
import re

from ..nlp.lexcache import PatternCache

__all__ = ["find_dateline", "parse_full_date", "parse_published"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_rx = PatternCache(__file__)
_ISO = _rx(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d-])")
_MDY = _rx(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
_DMY = _rx(
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I
)
_PARTIAL = _rx(r"^\d{4}(?:-\d{1,2})?\b")
# "ALEPPO, July 7, 2023 —" or "IDLIB (Reuters), 7 July 2023 -": a place in capitals, then the date.
_DATELINE_PREFIX = _rx(r"^[A-Z][A-Z .'’-]{1,40}(?:\([^)]{1,40}\))?,\s*")


def _build(year: str, month: str, day: str) -> dt.date | None:
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower()[:3])
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def _match_date(match: re.Match[str] | None) -> dt.date | None:
    if match is None:
        return None
    return _build(match.group("year"), match.group("month"), match.group("day"))


def parse_full_date(value: str) -> dt.date | None:
    """The full date that ``value`` starts with (ISO, "JUL 07, 2023", "7 July 2023"), else None."""
    value = value.strip()
    for pattern in (_ISO, _MDY, _DMY):
        date = _match_date(pattern.match(value))
        if date is not None:
            return date
    return None


def parse_published(value: str) -> tuple[dt.date | None, dt.date | None, str | None]:
    """Read a ``published:`` header value into (published_at, events date, note).

    "2020-09-14 (from URL)" gives the date; "2020-10 (from URL)" gives None (no day is guessed);
    "unknown (reports events of Tuesday 2019-09-24)" gives no publication date but the events'
    date, which the caller keeps as the dateline. Anything else gives None with a note.
    """
    value = value.strip()
    published = parse_full_date(value)
    if published is not None:
        return published, None, None
    if _PARTIAL.match(value):
        return None, None, f"published date {value!r} is not a full date; left empty"
    inner = None
    for pattern in (_ISO, _MDY, _DMY):
        inner = _match_date(pattern.search(value))
        if inner is not None:
            break
    if inner is not None:
        return None, inner, f"published date unknown; events date {inner.isoformat()} taken from {value!r}"
    if value:
        return None, None, f"published date {value!r} not understood; left empty"
    return None, None, None


def find_dateline(text: str, max_lines: int = 8) -> dt.date | None:
    """The story's own date from a dateline near the top ("JUL 07, 2023" on its own line)."""
    seen = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > max_lines:
            break
        if len(line) <= 40:
            date = parse_full_date(line)
            if date is not None and _only_date(line):
                return date
        prefix = _DATELINE_PREFIX.match(line)
        if prefix:
            date = parse_full_date(line[prefix.end() :])
            if date is not None:
                return date
    return None


def _only_date(line: str) -> bool:
    for pattern in (_ISO, _MDY, _DMY):
        match = pattern.match(line)
        if match and not line[match.end() :].strip(" .,|-—–"):
            return True
    return False
