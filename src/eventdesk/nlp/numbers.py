"""A number reader for casualty counts: digits, number words and ACLED's vague quantities.

``find_quantities`` returns every quantity in a text with its offsets and a low/best/high reading.
Vague words follow ACLED's conventions (codebook §6): "several", "a number of", "a few", "many"
read as 3; "tens" as 10; "dozens" as 12; "hundreds" as 100. "more than 20" keeps 20 as the
conservative figure (ACLED codes the stated number) with a higher ``high``; "8-10" keeps the lower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .lexcache import PatternCache
from .sentences import ascii_words, matches_at_words, words_within
from .values import FrozenValueRecord

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["Quantity", "find_quantities", "parse_number"]

_UNITS: Final = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "couple": 2, "pair": 2,
}  # fmt: skip
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Final = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
# ACLED's stand-ins for unstated numbers
VAGUE: Final = {
    "several": 3, "a number of": 3, "a few": 3, "few": 3, "many": 3, "some": 3, "numerous": 3,
    "an unknown number of": 3, "an unspecified number of": 3, "unspecified number of": 3,
    "unknown number of": 3, "multiple": 3, "scores of": 12, "tens of": 10, "tens": 10,
    "dozens of": 12, "dozens": 12, "hundreds of": 100, "hundreds": 100, "thousands of": 1000,
    "a handful of": 3, "various": 3,
}  # fmt: skip

# longest first, then alphabetical: the same pattern text in every process (a set's order is not), so
# the start-up cache (keyed by pattern text) finds it instead of storing another copy each run
_WORD: Final = (
    r"(?:" + "|".join(sorted(set(_UNITS) | set(_TENS) | set(_SCALES), key=lambda w: (-len(w), w))) + r")"
)
_WORDNUM: Final = rf"{_WORD}(?:[\s-]+(?:and[\s-]+)?{_WORD})*"
_DIGITS: Final = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_MODIFIERS: Final = (
    "more than", "over", "at least", "no fewer than", "not less than", "nearly", "almost", "about", "around",
    "approximately", "some", "roughly", "up to", "as many as", "less than", "fewer than", "an estimated",
    "estimated",
)  # fmt: skip
_MODIFIER: Final = r"(?P<mod>" + "|".join(_MODIFIERS) + r")\s+"
_VAGUE: Final = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
# the characters a quantity can begin with: a lookahead on them rejects most word starts at once
_FIRST: Final = "".join(sorted({w[0] for w in (*_MODIFIERS, *VAGUE, *_UNITS, *_TENS, *_SCALES)}))
_QUANTITY: Final = _rx(
    rf"\b(?=[\d{_FIRST}])(?:{_MODIFIER})?(?:(?P<v>{_VAGUE})|(?P<a>{_DIGITS})(?:\s*(?:-|–|to|or)\s*(?P<b>{_DIGITS}))?"
    rf"|(?P<w>{_WORDNUM})(?:\s*(?:-|–|to|or)\s*(?P<w2>{_WORDNUM}))?)\b",
)  # matched on lower-cased text: no IGNORECASE, which is much slower


# the words a quantity can begin with (a run of a-z0-9 standing alone: each is followed by a space, a
# hyphen or \b in _QUANTITY), as bytes; a word of digits begins one too
_FIRST_WORDS: Final = frozenset(
    w.split()[0].encode() for w in (*_MODIFIERS, *VAGUE, *_UNITS, *_TENS, *_SCALES)
)


def _quantity_matches(
    lowered: str, start: int, end: int, words: list[tuple[int, bytes]] | None = None
) -> list[re.Match[str]]:
    """``list(_QUANTITY.finditer(lowered, start, end))``, with the pattern tried only at the words that
    can begin a quantity: in ASCII text a match begins a run of a-z0-9 (\\b), one of _FIRST_WORDS or
    a digit (found in C: sentences.ascii_words; ``words``: those of all ``lowered`` when the caller has
    them, read with ``words_within``)."""
    segment = lowered[start:end]
    if not segment.isascii():
        return list(_QUANTITY.finditer(lowered, start, end))
    if words is not None:
        within = words_within(words, start, end)
        return matches_at_words(_QUANTITY, lowered, start, end, within, _FIRST_WORDS, True, True)
    return matches_at_words(_QUANTITY, lowered, start, end, ascii_words(segment), _FIRST_WORDS, True)


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Quantity(FrozenValueRecord):
    """A number found in text: ``best`` is ACLED's conservative reading."""

    start: int
    end: int
    text: str
    best: int
    low: int
    high: int
    vague: bool = False

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        best: int,
        low: int,
        high: int,
        vague: bool = False,
    ) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "best", best)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        object.__setattr__(self, "vague", vague)


_SPACE_OR_HYPHEN: Final = _rx(r"[\s-]+")


def _words_to_int(words: str) -> int | None:
    total = 0
    current = 0
    seen = False
    for token in _SPACE_OR_HYPHEN.split(words.lower()):
        if not token or token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES:
            current = max(current, 1) * _SCALES[token]
            if _SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_DIGITS_RE: Final = _rx(_DIGITS)
_WORDNUM_RE: Final = _rx(_WORDNUM, re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """The integer a number phrase stands for ("21", "twenty-one", "1,200", "a dozen"), else None."""
    phrase = text.strip().lower()
    if not phrase:
        return None
    if phrase in VAGUE:
        return VAGUE[phrase]
    if _DIGITS_RE.fullmatch(phrase):
        try:
            return int(float(phrase.replace(",", "")))
        except (ValueError, OverflowError):
            return None
    if _WORDNUM_RE.fullmatch(phrase):
        return _words_to_int(phrase)
    return None


# capitalised words that may stand right before a count in the middle of a sentence
_BEFORE_A_COUNT: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february"}
    | {"march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
    | {"some", "about", "around", "over", "nearly", "almost", "only", "another", "all"}
)
# a capitalised word right before the digits, itself after a word (not at a sentence's start)
_NAME_WORD_BEFORE: Final = _rx(r"(?<=[\w,)'’] )\b([A-Z][A-Za-z]*)(?: |-)$")


def _in_a_name(text: str, start: int) -> bool:
    """Whether the digits at ``start`` end a name: glued by a hyphen to letters ("MS-13", "M-23") or
    after a capitalised word inside a sentence ("the Barrio 18 gang", "Brigade 313")."""
    if start < 2 or text[start - 1] not in " -":
        return False
    if text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    word = _NAME_WORD_BEFORE.search(text, max(0, start - 30), start)
    return word is not None and word.group(1).lower() not in _BEFORE_A_COUNT


def find_quantities(
    text: str,
    start: int = 0,
    end: int | None = None,
    text_lower: str | None = None,
    words: list[tuple[int, bytes]] | None = None,
) -> list[Quantity]:
    """Every quantity in ``text[start:end]`` (offsets into ``text``), in order. Years (1900-2100
    digits) are skipped. ``text_lower`` and ``words``: the caller's lower-cased text (as below) and its
    ``sentences.ascii_words``, when it has them (a caller reading many spans of one text)."""
    out: list[Quantity] = []
    if text_lower is not None and len(text_lower) == len(text):
        lowered = text_lower
    else:
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        words = None
    for m in _quantity_matches(lowered, start, len(text) if end is None else end, words):
        mod = (m.group("mod") or "").lower()
        if m.group("a"):
            a = parse_number(m.group("a"))
            if a is None or (1900 <= a <= 2100 and "," not in m.group("a") and not m.group("b")):
                continue
            if not m.group("mod") and _in_a_name(text, m.start()):
                continue  # "MS-13", "the Barrio 18 gang", "Brigade 313": a name, not a count
            b = parse_number(m.group("b")) if m.group("b") else None
            low, high = (a, b) if b is not None and b >= a else (a, a)
            best, vague = low, False
        elif m.group("w"):
            a = _words_to_int(m.group("w"))
            if a is None:
                continue
            word = m.group("w").lower()
            if word in {"a", "an"} and not mod:
                continue  # articles count only where the caller asks ("a civilian")
            b = _words_to_int(m.group("w2")) if m.group("w2") else None
            low, high = (a, b) if b is not None and b >= a else (a, a)
            best, vague = low, False
        else:
            phrase = m.group("v").lower()
            best = VAGUE[phrase]
            low, high, vague = 1, max(best, 3) * (3 if best >= 10 else 1), True
            if phrase.startswith(("several", "a few", "few", "a number", "a handful")):
                low, high = 2, 9
        if mod in {"more than", "over", "at least", "no fewer than", "not less than"}:
            high = max(high, best * 2)
        elif mod in {"nearly", "almost", "less than", "fewer than", "up to"}:
            low = min(low, max(best // 2, 1 if best else 0))
        elif mod in {"about", "around", "approximately", "roughly", "some", "an estimated", "estimated"}:
            low, high = min(low, int(best * 0.8)), max(high, int(best * 1.2 + 0.5))
        s, e = m.span()
        out.append(Quantity(s, e, text[s:e], best, min(low, best), max(high, best), vague))
    return out
