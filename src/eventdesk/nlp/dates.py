"""A date resolver for news reports and ACLED notes.

``find_dates(text, reference)`` finds absolute dates ("On 16 February 2020,", "16 Feb. 2020",
"February 16", "2020-02-16", "JUL 07, 2023"), spans ("between 3 and 5 May" → the middle day,
precision 2), parts of months ("in late March" → precision 2, "in mid-March" / "in March" →
precision 3, coded mid-month), bare years ("In 2019," → precision 4, background only) and
relative expressions resolved against the report's own date ("at dawn today", "yesterday",
"last night", "on Monday" = the most recent Monday on or before the report date, "two days ago",
"last week" → precision 2).

It is our own resolver, not dateparser: dateparser misses "at dawn today" and reads "a three year
old ceasefire" as a date, and it is slow. Precision follows ACLED: 1 day, 2 week/span, 3 month;
4 marks a year-only mention, which never dates an event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final

from .lexcache import PatternCache
from .sentences import ascii_words, matches_at_words, words_within
from .values import FrozenValueRecord

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["DateMention", "find_dateline", "find_dates", "resolve_reference_date"]

_MONTHS: Final = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS: Final = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_NUMWORDS: Final = (
    {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}
)

# an abbreviation's dot belongs to the date only when a number follows ("Feb. 16", "16 Feb. 2020")
_MON: Final = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?:\.(?=\s*\d))?"
_MON2: Final = _MON.replace("?P<mon>", "?P<mon2>")
_DAY: Final = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2: Final = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR: Final = r"(?P<year>(?:19|20)\d\d)"
_YEAR2: Final = r"(?P<year2>(?:19|20)\d\d)"
_WD: Final = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"

# \b{_YEAR}\b, written to begin with a literal (the word-start test follows the first digit), so the
# regex engine jumps from one "1" or "2" to the next instead of trying every position
_YEAR_WORD: Final = _rx(r"(?P<year>(?:1(?<!\w1)9|2(?<!\w2)0)\d\d)\b")
# Each pattern starts with a lookahead for the letters its matches can begin with (or, for a year, a
# literal first digit): the regex engine then rejects most word starts at once. Same matches as without.
_PATTERNS: Final[list[tuple[str, re.Pattern[str]]]] = [
    ("iso", _rx(r"(?P<year>(?:1(?<!\w1)9|2(?<!\w2)0)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "span_dm",
        _rx(
            rf"\b(?=[bf\d])(?:between\s+|from\s+)?{_DAY}(?:\s+{_MON2}(?:,?\s+{_YEAR2})?)?\s*(?:and|to|-|–|—)\s*{_DAY2}\s+"
            rf"(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b",
        ),
    ),
    (
        "span_md",
        _rx(
            rf"\b(?=[bfjmasond])(?:between\s+|from\s+)?{_MON}\s+{_DAY}\s*(?:and|to|-|–|—)\s*(?:{_MON2}\s+)?{_DAY2}"
            rf"(?:,?\s+{_YEAR})?\b",
        ),
    ),
    ("dmy", _rx(rf"\b(?=\d){_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b")),
    ("mdy", _rx(rf"\b(?=[jfmasond]){_MON}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dm", _rx(rf"\b(?=\d){_DAY}\s+(?:of\s+)?{_MON}(?![a-z])")),
    ("md", _rx(rf"\b(?=[jfmasond]){_MON}\s+{_DAY}\b(?!\s*(?:%|km|people|percent))")),
    (
        "part",
        _rx(
            rf"\b(?=[emltb])(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
            rf"the\s+middle\s+of|end\s+of|beginning\s+of)[\s-]+{_MON}(?:,?\s+{_YEAR})?\b",
        ),
    ),
    ("my", _rx(rf"\b(?=[jfmasond]){_MON}\s+(?:of\s+)?{_YEAR}\b")),
    ("month", _rx(rf"\b(?=[idstub])(?P<prep>in|during|since|throughout|until|by)\s+{_MON}(?![a-z])")),
    ("year", _rx(rf"\b(?=[isdobua])(?P<prep>in|since|during|of|by|until|before|after)\s+{_YEAR}\b")),
    (
        "rel",
        _rx(
            r"\b(?=[teylofsa\d])(?P<rel>today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|"
            r"yesterday|last\s+night|overnight|the\s+day\s+before\s+yesterday|last\s+week|this\s+week|"
            r"last\s+month|this\s+month|earlier\s+this\s+week|(?P<n>\d+|one|two|three|four|five|six|seven|"
            r"a|an)\s+(?P<unit>days?|weeks?)\s+ago)\b",
        ),
    ),
    ("weekday", _rx(rf"\b(?=[oltemwfs])(?:on\s+|last\s+|this\s+past\s+|early\s+|late\s+)?{_WD}\b")),
]


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class DateMention(FrozenValueRecord):
    """A date expression: ``date`` is what it resolves to (None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: int  # 1 day, 2 week/span, 3 month, 4 year only
    relative: bool = False
    explicit_year: bool = False

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        date: dt.date | None,
        precision: int,
        relative: bool = False,
        explicit_year: bool = False,
    ) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "relative", relative)
        object.__setattr__(self, "explicit_year", explicit_year)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, reference: dt.date | None, default_year: int | None) -> int | None:
    """A year for a date given without one: the report's year, or the year before if it would
    otherwise fall more than a week after the report."""
    if reference is not None:
        candidate = _safe_date(reference.year, month, day)
        if candidate is not None and candidate > reference + dt.timedelta(days=7):
            return reference.year - 1
        return reference.year
    return default_year


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def find_dates(
    text: str,
    reference: dt.date | None = None,
    low: str | None = None,
    words: list[tuple[int, bytes]] | None = None,
) -> list[DateMention]:
    """Date mentions in ``text``, in order, non-overlapping (longest pattern first). ``low`` and
    ``words``: the caller's lower-cased text (as below) and its ``sentences.ascii_words``, when it has
    them (computed here otherwise)."""
    default_year = None
    m = _YEAR_WORD.search(text)
    if m:
        default_year = int(m.group("year"))
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    # patterns run on lower-cased text (no IGNORECASE: faster); case is read from ``text``
    if low is None or len(low) != len(text):
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        words = None
    words = _words(low) if words is None or not low.isascii() else words
    # the words that start like a month and whether one is a relative word: one pass, memoised per word
    marks = _marks(words) if words is not None else None
    skip = _skipped_kinds(text, low, words, marks)
    # patterns built on a month name or a year only run in windows around one: much faster
    windows = _windows(_month_words(low, words, marks), low, 45, 30) if _MONTH_KINDS - skip else []
    year_windows = _windows(_ANY_YEAR.finditer(low), low, 25, 10) if "year" not in skip else []
    whole = [(0, len(text))]
    # per window, the kinds its words rule out (a window is scanned by every kind but those)
    # per span, its words (None: not ASCII), offsets into ``low``; a kind's pattern is tried only at the
    # words it can begin with. An ASCII text's windows take theirs from its words (words_within).
    span_words: dict[tuple[int, int], list[tuple[int, bytes]] | None] = {(0, len(text)): words}
    for a, b in (*windows, *year_windows):
        if (a, b) not in span_words:
            if words is not None:
                span_words[(a, b)] = words_within(words, a, b)
            else:
                segment = low[a:b]
                ascii_segment = segment.isascii()
                span_words[(a, b)] = [(a + o, w) for o, w in ascii_words(segment)] if ascii_segment else None
    ruled_out = [_ruled_out(low, a, b, span_words[(a, b)]) for a, b in (*windows, *year_windows)]
    for kind, pattern in _PATTERNS:
        if kind in skip:
            continue
        spans = windows if kind in _MONTH_KINDS else year_windows if kind in _YEAR_KINDS else whole
        first = 0 if spans is windows else len(windows)  # the spans' index in ruled_out
        for index, (a, b) in enumerate(spans):
            if spans is not whole and kind in ruled_out[first + index]:
                continue
            for match in _kind_matches(kind, pattern, low, a, b, span_words[(a, b)]):
                s, e = match.span()
                if taken and any(s < te and ts < e for ts, te in taken):
                    continue
                mention = _resolve(kind, match, reference, default_year, text)
                if mention is None:
                    continue
                if mention.precision == 1 and mention.date and _WEEK_OF.search(low, max(0, s - 30), s):
                    # "during the week of 10 June": that week, coded to its middle
                    mention = replace(mention, date=mention.date + dt.timedelta(days=3), precision=2)
                taken.append((s, e))
                found.append(mention)
    found.sort(key=lambda d: d.start)
    if "day" in low and _CHAINED_DAY.search(low):
        found = _chained_days(text, low, found, taken)
    return found


# a day told from the date before it ("The previous day, drones struck …"), not from the report's date.
# Only backwards: "the following day" in a note mostly tells the event's aftermath ("the shooters were
# arrested the following day"), which goes on with the event
_CHAINED_DAY: Final = _rx(
    r"\b(?:the\s+previous\s+day|the\s+day\s+before(?!\s+yesterday)|a\s+day\s+earlier|one\s+day\s+earlier|"
    # … and forwards only where a sentence begins with it: "The following day, RSF artillery shelled …" is
    # the next episode's day
    r"(?:on\s+)?the\s+(?:following|next)\s+day|a\s+day\s+later)\b"
)


# the verbs that tell when something was said ("activists said on Thursday")
_SAID: Final = r"\b(?:said|says|told|reported|announced|added|stated|confirmed|claimed)"
_TOLD_BEFORE: Final = _rx(_SAID + r"\b[^.]{0,25}$")


def _chained_days(
    text: str, low: str, found: list[DateMention], taken: list[tuple[int, int]]
) -> list[DateMention]:
    """Add "the previous day" as the day before the last exact date mentioned before it, unless that date
    is when something was said (none: left out, a guessed day would be fake precision)."""
    added: list[DateMention] = []
    for match in _CHAINED_DAY.finditer(low):
        s, e = match.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        forward = match.group().endswith(("following day", "next day", "day later"))
        if forward and not (s == 0 or low[max(0, s - 2) : s] in (". ", ".\n") or low[s - 1] == "\n"):
            continue  # "the shooters were arrested the following day": the event's aftermath
        before = [
            d
            for d in (*found, *added)
            if d.end <= s
            and d.precision == 1
            and d.date is not None
            and not _TOLD_BEFORE.search(low, max(0, d.start - 40), d.start)  # "said on Thursday"
        ]
        if not before:
            continue
        anchor = max(before, key=lambda d: d.start).date
        assert anchor is not None
        step = dt.timedelta(days=1 if forward else -1)
        added.append(DateMention(s, e, text[s:e], anchor + step, 1, True, False))
    if not added:
        return found
    return sorted([*found, *added], key=lambda d: d.start)


_MONTH_BYTES: Final = frozenset(name.encode() for name in _MONTHS)
# per kind, the words (runs of a-z0-9) its matches can begin with: each such word is followed by a space,
# a dot, a hyphen or \b in the pattern, so it stands whole; the kinds of _DIGIT_FIRST begin with a
# number too. (iso begins with a literal digit: the regex engine finds its starts itself.)
_FIRST_WORDS: Final[dict[str, frozenset[bytes]]] = {
    "span_dm": frozenset({b"between", b"from"}),
    "span_md": frozenset({b"between", b"from"}) | _MONTH_BYTES,
    "dmy": frozenset(),
    "mdy": _MONTH_BYTES,
    "dm": frozenset(),
    "md": _MONTH_BYTES,
    "part": frozenset({b"early", b"mid", b"late", b"the", b"end", b"beginning"}),
    "my": _MONTH_BYTES,
    "month": frozenset({b"in", b"during", b"since", b"throughout", b"until", b"by"}),
    "year": frozenset({b"in", b"since", b"during", b"of", b"by", b"until", b"before", b"after"}),
    "rel": frozenset(
        {b"today", b"tonight", b"this", b"earlier", b"yesterday", b"last", b"overnight", b"the"}
        | {w.encode() for w in _NUMWORDS}
    ),
    "weekday": frozenset({b"on", b"last", b"this", b"early", b"late"} | {w.encode() for w in _WEEKDAYS}),
}
_DIGIT_FIRST: Final = frozenset({"span_dm", "dmy", "dm", "rel"})


def _kind_matches(
    kind: str, pattern: re.Pattern[str], low: str, a: int, b: int, words: list[tuple[int, bytes]] | None
) -> list[re.Match[str]]:
    """``list(pattern.finditer(low, a, b))``, with the pattern tried only at the words of ``low[a:b]``
    (``words``: their ascii_words, offsets into ``low``; None, not ASCII: a plain scan) that can begin a
    match of its kind:
    in ASCII text a match begins a run of a-z0-9 (its \\b and first-letter lookahead)."""
    firsts = _FIRST_WORDS.get(kind)
    if firsts is None or words is None:
        return list(pattern.finditer(low, a, b))
    if kind not in _NEXT_GATED:
        return matches_at_words(pattern, low, a, b, words, firsts, kind in _DIGIT_FIRST, True)
    # as matches_at_words, and only where the word after the first allows a match (_may_begin)
    found: list[re.Match[str]] = []
    resume = a  # like finditer: the next match starts after the last one
    digits = kind in _DIGIT_FIRST
    for index, (at, word) in enumerate(words):
        if (
            at >= resume
            and (word in firsts or (digits and 48 <= word[0] <= 57))
            and _may_begin(kind, low, words, index)
        ):
            m = pattern.match(low, at, b)
            if m is not None:
                found.append(m)
                resume = m.end()
    return found


# The kinds whose first word says what the word after it must be (_may_begin), and those words
_NEXT_GATED: Final = frozenset({"dm", "dmy", "md", "mdy", "month", "year", "rel", "weekday", "span_dm"})
# a day as its own word: [0-3]?\d(?:st|nd|rd|th)? (_DAY, followed by white space, a comma or \b)
_DAY_WORDS: Final = frozenset(
    f"{day}{suffix}".encode()
    for day in (*(str(d) for d in range(10)), *(f"{d:02d}" for d in range(40)))
    for suffix in ("", "st", "nd", "rd", "th")
)
_WEEKDAY_BYTES: Final = frozenset(name.encode() for name in _WEEKDAYS)
_UNIT_WORDS: Final = frozenset({b"day", b"days", b"week", b"weeks"})
_REL_NEXT: Final[dict[bytes, frozenset[bytes]]] = {
    b"the": frozenset({b"day"}),  # the day before yesterday
    b"this": frozenset({b"morning", b"afternoon", b"evening", b"week", b"month"}),
    b"last": frozenset({b"night", b"week", b"month"}),
    b"earlier": frozenset({b"today", b"this"}),
    **{word.encode(): _UNIT_WORDS for word in _NUMWORDS},  # "two days ago", "a week ago"
}
_WEEKDAY_NEXT: Final[dict[bytes, frozenset[bytes]]] = {
    b"on": _WEEKDAY_BYTES,
    b"last": _WEEKDAY_BYTES,
    b"early": _WEEKDAY_BYTES,
    b"late": _WEEKDAY_BYTES,
    b"this": frozenset({b"past"}),
}


def _may_begin(kind: str, low: str, words: list[tuple[int, bytes]], index: int) -> bool:
    """Whether a match of ``kind`` may begin at ``words[index]`` (a first word of the kind), read from the
    word after it in ``words`` (the window's words: a match lies inside the window): the patterns go on
    after white space (a month's abbreviation dot before it) with a day (dm/dmy: the first word is one),
    a month, a year, a unit or a weekday. Only a shortcut: where it says no, the pattern cannot match.
    A first word that alone may be the whole match ("today", "monday", "between") is not gated."""
    at, word = words[index]
    if kind == "span_dm":
        if word[0] > 57:
            return True  # ("between", "from")
        # _DAY is one or two digits (the first of two 0-3), and no digit follows it
        lead = len(word) - len(word.lstrip(b"0123456789"))
        return lead == 1 or (lead == 2 and word[0] <= 51)
    if kind in ("dm", "dmy") and word not in _DAY_WORDS:
        return False
    if kind == "rel":
        if word[0] <= 57:
            if not word.isdigit():
                return False  # "\d+\s+(days|weeks) ago"
            allowed: frozenset[bytes] | None = _UNIT_WORDS
        else:
            allowed = _REL_NEXT.get(word)
        if allowed is None:
            return True  # ("today", "yesterday", "overnight" …: whole on their own)
    elif kind == "weekday":
        allowed = _WEEKDAY_NEXT.get(word)
        if allowed is None:
            return True  # (a weekday's own name)
    else:
        allowed = None
    if index + 1 >= len(words):
        return False
    after, nxt = words[index + 1]
    gap = low[at + len(word) : after]
    if kind in ("md", "mdy") and gap[:1] == ".":
        gap = gap[1:]  # "may. 5": the abbreviation's dot
    if not gap.isspace():
        return False
    if allowed is not None:
        return nxt in allowed
    if kind in ("md", "mdy"):
        return nxt in _DAY_WORDS
    if kind == "year":
        return len(nxt) == 4 and nxt[:2] in _CENTURIES and nxt.isdigit()
    # dm, dmy: "of" or a month; month: a month (its first three letters, as _marks reads them)
    return (kind != "month" and nxt == b"of") or nxt[:3] in _MONTH_HEADS


_CENTURIES: Final = frozenset({b"19", b"20"})
_TWO_DIGITS: Final = frozenset(f"{n:02d}".encode() for n in range(100))
_PART_WORDS: Final = frozenset({b"early", b"mid", b"late", b"end", b"beginning", b"start", b"middle"})
_MONTH_PREPS: Final = frozenset({b"in", b"during", b"since", b"throughout", b"until", b"by"})
_YEAR_PREPS: Final = frozenset({b"in", b"since", b"during", b"of", b"by", b"until", b"before", b"after"})
_DAY_KINDS: Final = frozenset({"span_dm", "span_md", "dmy", "mdy", "dm", "md"})


def _ruled_out(low: str, a: int, b: int, span_words: list[tuple[int, bytes]] | None = None) -> frozenset[str]:
    """The pattern kinds that cannot match in ``low[a:b]``, read from its words (runs of a-z0-9, found
    in C): a day or a year needs a word of digits, a span "and", "to" or a dash, "part" and "month"
    and "year" one of their words standing alone. Only a shortcut (what it rules out would find
    nothing); a window with a character outside ASCII rules out nothing. ``span_words``: the window's
    ascii_words when the caller has them."""
    window = low[a:b]
    if not window.isascii():
        return frozenset()
    words = {word for _offset, word in (ascii_words(window) if span_words is None else span_words)}
    out: set[str] = set()
    if not any(48 <= word[0] <= 57 for word in words):  # a word that begins with a digit
        out |= _DAY_KINDS
    if not any(len(word) == 4 and word[:2] in _CENTURIES and word[2:] in _TWO_DIGITS for word in words):
        out |= {"dmy", "mdy", "my", "iso", "year"}
    if "and" not in window and "to" not in window and "-" not in window:
        out |= {"span_dm", "span_md"}  # (an en or em dash is not ASCII)
    if "-" not in window:
        out.add("iso")
    if not words & _PART_WORDS:
        out.add("part")
    if not words & _MONTH_PREPS:
        out.add("month")
    if not words & _YEAR_PREPS:
        out.add("year")
    return frozenset(out)


_WEEK_OF: Final = _rx(r"\bweek\s+(?:of|starting|beginning)\s+(?:on\s+)?$")
_ANY_MONTH: Final = _rx(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_ANY_YEAR: Final = _rx(r"(?:19|20)\d\d")
_ANY_RELATIVE: Final = _rx(r"today|tonight|this |yesterday|last |overnight|day before|ago\b")
# a word every relative expression contains ("rel": "earlier today", "two days ago", "this morning")
_RELATIVE_WORDS: Final = frozenset(
    {b"today", b"tonight", b"this", b"yesterday", b"last", b"overnight", b"day", b"ago"}
)
_MONTH_KINDS: Final = frozenset({"span_dm", "span_md", "dmy", "mdy", "dm", "md", "part", "my", "month"})


# \b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?, written (like _YEAR_WORD) to begin with
# a literal per branch so the engine skips to the next possible first letter
_MONTH_WORD: Final = _rx(
    r"(?:j(?<!\wj)(?:an|un|ul)|f(?<!\wf)eb|m(?<!\wm)(?:ar|ay)|a(?<!\wa)(?:pr|ug)|s(?<!\ws)ep|o(?<!\wo)ct|"
    r"n(?<!\wn)ov|d(?<!\wd)ec)[a-z]*\.?"
)
_YEAR_KINDS: Final = frozenset({"iso", "year"})


def _words(low: str) -> list[tuple[int, bytes]] | None:
    """The words of an ASCII text (runs of a-z0-9, sentences.ascii_words) with their offsets; None for
    a text with a character outside ASCII (where \\b and \\d read more than these words)."""
    return ascii_words(low) if low.isascii() else None


_MONTH_HEADS: Final = frozenset(name[:3].encode() for name in _MONTHS)


# per word (a run of a-z0-9, as bytes): 1 when it starts like a month (its first three letters are in
# _MONTH_HEADS), 2 when it is one of _RELATIVE_WORDS, 3 both, 0 neither (words repeat across reports)
_WORD_MARKS: Final[dict[bytes, int]] = {}


def _marks(words: list[tuple[int, bytes]]) -> tuple[list[int], bool]:
    """The offsets of the ``words`` that start like a month, and whether one of them is a relative word
    (what ``_month_words`` and ``_skipped_kinds`` read), in one pass with a per-word memo."""
    memo = _WORD_MARKS
    if len(memo) > 100_000:  # a bounded memo
        memo.clear()
    months: list[int] = []
    relative = False
    for start, word in words:
        mark = memo.get(word)
        if mark is None:
            mark = (1 if word[:3] in _MONTH_HEADS else 0) | (2 if word in _RELATIVE_WORDS else 0)
            memo[word] = mark
        if mark:
            if mark & 1:
                months.append(start)
            if mark & 2:
                relative = True
    return months, relative


def _month_words(
    low: str, words: list[tuple[int, bytes]] | None, marks: tuple[list[int], bool] | None = None
) -> list[re.Match[str]]:
    """``list(_MONTH_WORD.finditer(low))``: in an ASCII text a month word begins a word (\\b), so only
    the words that start like a month are tried (``marks``: ``_marks(words)`` when the caller has it)."""
    if words is None:
        return list(_MONTH_WORD.finditer(low))
    found: list[re.Match[str]] = []
    for start in (marks or _marks(words))[0]:
        m = _MONTH_WORD.match(low, start)
        if m is not None:
            found.append(m)
    return found


def _windows(anchors: Iterable[re.Match[str]], low: str, before: int, after: int) -> list[tuple[int, int]]:
    """Merged spans around the anchors (matches in ``low``), wide enough for the patterns that need it."""
    windows: list[tuple[int, int]] = []
    for m in anchors:
        a = max(0, m.start() - before)
        b = min(len(low), m.end() + after)
        # widen to whitespace so a window never cuts a word (\b would see a false edge)
        while a > 0 and not low[a - 1].isspace():
            a -= 1
        while b < len(low) and not low[b].isspace():
            b += 1
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    return windows


def _skipped_kinds(
    text: str,
    low: str,
    words: list[tuple[int, bytes]] | None = None,
    marks: tuple[list[int], bool] | None = None,
) -> set[str]:
    """Pattern kinds that cannot match: a cheap pre-check keeps find_dates fast on long texts.
    ``words``: ``_words(low)`` (the checks then read words, not the whole text again); ``marks``:
    ``_marks(words)`` when the caller has it."""
    skip: set[str] = set()
    if words is not None and marks is None:
        marks = _marks(words)
    if marks is None:
        if not _ANY_MONTH.search(low):
            skip |= _MONTH_KINDS
    elif not marks[0]:
        skip |= _MONTH_KINDS  # (no month word: no window to run them in)
    if not _ANY_YEAR.search(text):
        skip |= {"iso", "year"}
    if marks is None:
        if not _ANY_RELATIVE.search(low):
            skip.add("rel")
    elif not marks[1]:
        skip.add("rel")
    if "day" not in low:
        skip.add("weekday")
    return skip


def _resolve(
    kind: str, m: re.Match[str], reference: dt.date | None, default_year: int | None, source: str
) -> DateMention | None:
    g = m.groupdict()
    text = source[m.start() : m.end()]
    year = int(g["year"]) if g.get("year") else None
    explicit = year is not None
    date: dt.date | None = None
    precision = 1
    relative = False
    if kind == "iso":
        date = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        if date is None:
            return None
    elif kind in {"dmy", "mdy", "dm", "md"}:
        month, day = _month(g["mon"]), int(g["day"])
        if not 1 <= day <= 31:
            return None
        if year is None:
            year = _infer_year(month, day, reference, default_year)
        date = _safe_date(year, month, day) if year else None
        if year and date is None:
            return None
    elif kind in {"span_dm", "span_md"}:
        d1, d2 = int(g["day"]), int(g["day2"])
        month = _month(g["mon"])
        month1 = _month(g["mon2"]) if g.get("mon2") else month
        if kind == "span_md" and g.get("mon2"):
            month1, month = month, _month(g["mon2"])
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        if year is None:
            year = _infer_year(month, d2, reference, default_year)
        if year is None:
            return DateMention(m.start(), m.end(), text, None, 2)
        year1 = int(g["year2"]) if g.get("year2") else year if month1 <= month else year - 1
        first = _safe_date(year1, month1, d1)
        last = _safe_date(year, month, d2)
        if first is None or last is None or last < first or (last - first).days > 31:
            return None
        date = first + (last - first) // 2
        precision = 1 if first == last else 2
    elif kind == "part":
        month = _month(g["mon"])
        part = g["part"].lower()
        if year is None:
            year = _infer_year(month, 15, reference, default_year)
        day, precision = 15, 3
        if part in {"early", "the beginning of", "the start of", "beginning of"}:
            day, precision = 5, 2
        elif part in {"late", "the end of", "end of"}:
            day, precision = 25, 2
        date = _safe_date(year, month, day) if year else None
    elif kind == "my":
        date = _safe_date(int(g["year"]), _month(g["mon"]), 15)
        precision = 3
    elif kind == "month":
        if g["mon"] in {"mar", "may", "jun", "jul", "jan", "dec", "oct", "sep", "aug", "apr"} and (
            source[m.start("mon")].islower()
        ):
            return None  # "may" the verb, "mar" the verb
        month = _month(g["mon"])
        year = _infer_year(month, 15, reference, default_year)
        date = _safe_date(year, month, 15) if year else None
        precision = 3
    elif kind == "year":
        date = _safe_date(int(g["year"]), 7, 1)
        precision = 4
    elif kind == "rel":
        relative = True
        rel = " ".join(g["rel"].lower().split())
        offset, precision = 0, 1
        if rel in {"yesterday", "last night"}:
            offset = 1
        elif rel == "the day before yesterday":
            offset = 2
        elif rel == "overnight":
            offset = 0
        elif rel in {"last week"}:
            offset, precision = 7, 2
        elif rel in {"this week", "earlier this week"}:
            offset, precision = 2, 2
        elif rel == "last month":
            offset, precision = 30, 3
        elif rel == "this month":
            offset, precision = 0, 3
        elif g.get("unit"):
            n = g["n"].lower()
            count = int(n) if n.isdigit() else _NUMWORDS.get(n, 1)
            if g["unit"].lower().startswith("week"):
                offset, precision = 7 * count, 2
            else:
                offset = count
        if reference is None or offset > 3660:
            return DateMention(m.start(), m.end(), text, None, precision, True)
        date = reference - dt.timedelta(days=offset)
        if precision == 3:
            date = date.replace(day=15)
    elif kind == "weekday":
        relative = True
        if source[m.start("wd")].islower() and not text.lower().startswith("on "):
            return None
        if reference is None:
            return DateMention(m.start(), m.end(), text, None, 1, True)
        back = (reference.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
        if text.lower().startswith("last ") and back == 0:
            back = 7
        date = reference - dt.timedelta(days=back)
    return DateMention(m.start(), m.end(), text, date, precision, relative, explicit)


_KEYS: Final = (
    r"(?:date(?: of (?:report|publication))?|published(?: on)?|posted(?: on)?|dateline|"
    r"(?:last )?updated(?: on)?|filed(?: on)?|published_at)\s*[:=]?\s*(.+)$"
)
_HEADER_KEYS: Final = _rx(r"^\s*" + _KEYS, re.I | re.M)
# a footer's key may follow the byline on its line: "Reporting by staff; published 19 August 2024" (what
# stands before the key is checked by the caller: a pattern that opens with the key words is searched fast)
_FOOTER_KEYS: Final = _rx(r"\b" + _KEYS, re.I | re.M)


# a wire dateline opening a paragraph: one or two capitalised place names, each with its comma
# ("ADEN, ", "KHARTOUM, Sudan, "), the date, an optional agency in brackets, then a dash or colon
_DATELINE_PLACE: Final = _rx(r"(?:[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3},[ \t]+){1,2}")
_DATELINE_WEEKDAY: Final = _rx(r"(?:" + "|".join(_WEEKDAYS) + r"),?[ \t]+", re.I)
_DATELINE_END: Final = _rx(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[—–-]+|:)\s")
_NOT_A_PLACE: Final = (
    frozenset({"on", "in", "at", "since", "by", "from", "until", "between", "during", "after"})
)


def find_dateline(text: str, published: dt.date | None = None) -> DateMention | None:
    """The date of a wire dateline that opens one of the first lines ("ADEN, 14 March 2024 — …",
    "KHARTOUM, March 18 (AFP) - …", "Idlib, 2024-05-10 (SANA) – …"), with its offsets in ``text``.

    It is the date the report speaks from, not an event's date: "yesterday" and "on Tuesday" in the
    sentence after it resolve against it. A date without a year takes ``published``'s (None when
    there is none). ACLED notes ("On 16 February 2020, …") have no dateline.

    The coder asks twice per report (``resolve_reference_date``, then for the dateline's offsets): the
    last answer is kept with the very text object it is for (held, so no other text can share its id)."""
    last = _LAST_DATELINE[0] if _LAST_DATELINE else None
    if last is not None and last[0] is text and last[1] == published:
        return last[2]
    found = _find_dateline(text, published)
    _LAST_DATELINE[:] = [(text, published, found)]
    return found


# (text, published, find_dateline's answer) of the last call
_LAST_DATELINE: Final[list[tuple[str, dt.date | None, DateMention | None]]] = []


def _find_dateline(text: str, published: dt.date | None) -> DateMention | None:
    offset = 0
    for line in text[:600].split("\n")[:12]:
        start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        m = _DATELINE_PLACE.match(line)
        if m is None or line.split(None, 1)[0].strip(",").lower() in _NOT_A_PLACE:
            continue
        end = m.end()
        day = _DATELINE_WEEKDAY.match(line, end)  # "CULIACAN, Sinaloa, Saturday 15 March 2025 - …"
        if day is not None:
            end = day.end()
        rest = line[end : end + 60]
        dates = find_dates(rest, published)
        if not dates:
            continue
        first = dates[0]
        a = start + end
        if first.date is None and published is None and first.start == 0 and not first.relative:
            first = _year_by_weekday(text, a + first.end, rest) or first
        if first.start != 0 or first.relative or first.precision != 1 or first.date is None:
            continue
        if not _DATELINE_END.match(rest, first.end):
            continue
        lead = start + m.end()  # (the weekday before the date is part of the dateline's span)
        stop = a + first.end
        return DateMention(lead, stop, text[lead:stop], first.date, 1, False, first.explicit_year)
    return None


_WEEKDAY_WORD: Final = _rx(r"\b(?:on|late on|early on|since|until)\s+(" + "|".join(_WEEKDAYS) + r")\b", re.I)


_SAID_ON_WEEKDAY: Final = _rx(
    _SAID + r"\s+(?:[\w'’-]+\s+){0,3}?(?:on|late on|early on)\s+(" + "|".join(_WEEKDAYS) + r")\b",
    re.I,
)


def _year_by_weekday(text: str, after: int, rest: str) -> DateMention | None:
    """The dateline date of ``rest`` when the dateline gives no year ("KHARTOUM, March 14 (Reuters) - …
    said on Thursday …"): the first year, from the latest one the report names (a report names past
    years, not later ones), in which that day falls on the weekday the story gives it. None when the
    report names no year or no weekday, or no year within six fits: a guessed year would be fake
    precision."""
    # the day the story was told ("activists said on Thursday") is the dateline's; the first weekday
    # otherwise (often the event's own day, which is the dateline's or the day before)
    said = _SAID_ON_WEEKDAY.search(text, after, after + 600) or _WEEKDAY_WORD.search(text, after, after + 300)
    years = [int(y.group("year")) for y in _YEAR_WORD.finditer(text)]
    if said is None or not years:
        return None
    weekday = _WEEKDAYS[said.group(1).lower()]
    base = max(years)
    for year in range(base, base + 7):
        dates = find_dates(rest, dt.date(year, 12, 31))
        date = dates[0].date if dates and dates[0].start == 0 else None
        if date is not None and date.year == year and date.weekday() == weekday:
            return dates[0]
    return None


def _may_have_header(low: str) -> bool:
    return "date" in low or "posted" in low or "published" in low or "filed" in low


def resolve_reference_date(text: str, published: dt.date | None = None) -> dt.date | None:
    """The date a report speaks from: a dateline standing on its own line near the top
    ("JUL 07, 2023"), else a wire dateline opening a line ("ADEN, 14 March 2024 — …"), else a header
    ("date 2023-07-08", "published: …"), else ``published``, else a footer line ("Published on …")."""
    head = text[:600]
    for line in head.splitlines()[:12]:
        stripped = line.strip()
        if not stripped or len(stripped) > 40:
            continue
        dates = [d for d in find_dates(stripped) if d.precision == 1 and d.date and d.explicit_year]
        if dates and not _HEADER_KEYS.match(stripped) and len(dates[0].text) >= len(stripped) - 22:
            return dates[0].date
    inline = find_dateline(text, published)
    if inline is not None:
        return inline.date
    # a header line; else the document's own metadata; else a footer line ("Published on 12 March 2024"
    # under a reposted article)
    foot = "" if published else text[max(0, len(text) - 600) :]
    for part, keys in ((head, _HEADER_KEYS), (foot, _FOOTER_KEYS)):
        if part.isascii() and not _may_have_header(part.lower()):
            continue  # (every key says "date", "posted", "published" or "filed": in ASCII, nothing to find)
        for match in keys.finditer(part):
            if keys is _FOOTER_KEYS:
                before = part[: match.start()].rstrip(" \t")
                if before and before[-1] not in "\n;|•·":
                    continue  # a key opens a line or follows the byline's separator
            dates = [d for d in find_dates(match.group(1)) if d.precision == 1 and d.date and d.explicit_year]
            if dates:
                return dates[0].date
    return published
