"""Sentence splitting with character offsets.

A rule-based splitter is enough for news and ACLED notes and costs microseconds: it breaks after
``.``, ``!`` or ``?`` (optionally followed by closing quotes or brackets) when the next word starts
a sentence, and never after a known abbreviation, an initial or a number like "No. 4". Blank lines
always end a sentence (headlines and datelines stand alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .lexcache import PatternCache
from .values import FrozenValueRecord

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["Sentence", "ascii_words", "matches_at_words", "split_sentences", "words_within"]

# Lower-cased abbreviations that end with a dot but rarely end a sentence.
_ABBREVIATIONS: Final = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt brig adm cmdr gov sen rep st mt ft no nos vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec approx dept est govt inc ltd co corp univ u.s
    u.n u.k e.g i.e a.m p.m km al
    """.split()  # noqa: SIM905
)

# sentence punctuation before the next sentence's start, or a blank line; written to begin with a
# character class, so the regex engine jumps from one [.!?\n] to the next instead of trying every position
# (the plain form: [.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n[ \t]*\n, the same matches)
_BOUNDARY: Final = _rx(
    r"""[.!?\n](?:(?<=[.!?])[.!?]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|(?<=\n)[ \t]*\n)"""
)


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Sentence(FrozenValueRecord):
    """One sentence: ``text == source[start:end]``."""

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the dot at ``dot`` closes an abbreviation or an initial."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # single capital initial: "J. Smith"; but not the pronoun "I."
    return len(word) == 1 and text[j].isupper() and text[j] != "I"


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with offsets; whitespace between sentences is dropped."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        token = match.group()
        if token.startswith(".") and _is_abbreviation(text, match.start()):
            continue
        end = match.start() if token.startswith("\n") else match.end()
        _append(text, start, end, sentences)
        start = match.end()
    _append(text, start, len(text), sentences)
    return sentences


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    # A single line break ends a short line of its own (a headline, a dateline, a header field);
    # a long line without closing punctuation is hard-wrapped text and runs on into the next line.
    chunk = text[start:end]
    if "\n" in chunk:
        offset = start
        piece_start: int | None = None
        lines = chunk.split("\n")
        for i, line in enumerate(lines):
            s = offset
            e = offset + len(line)
            offset = e + 1
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            if piece_start is None:
                piece_start = s
            last = i == len(lines) - 1
            whole_line = s == 0 or text[s - 1] == "\n"
            if last or (whole_line and e - s < _SHORT_LINE) or text[e - 1] in _LINE_END:
                out.append(Sentence(piece_start, e, text[piece_start:e]))
                piece_start = None
        return
    out.append(Sentence(start, end, chunk))


_SHORT_LINE: Final = 50
_LINE_END: Final = frozenset('.!?:;"”’)]')


# bytes: lower-case ASCII letters and digits kept, every other byte a space
_LOWER_ALNUM: Final = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


def sentence_start(text: str, at: int) -> int:
    """Where the sentence or line holding offset ``at`` begins: after the last ". " or line break before
    it (0 when there is none), the cheap bound the coder's and geocoder's windows use."""
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


def ascii_words(text: str) -> list[tuple[int, bytes]]:
    """(offset, word) for each run of lower-case ASCII letters and digits in ``text``, the word as
    bytes: what ``[(m.start(), m.group().encode()) for m in re.finditer("[a-z0-9]+", text)]`` gives,
    found in C (the text as bytes, a character outside ASCII one "?", every other byte made a space,
    split at spaces) instead of one regex step and match object per word."""
    words: list[tuple[int, bytes]] = []
    offset = 0
    for piece in text.encode("ascii", "replace").translate(_LOWER_ALNUM).split(b" "):
        if piece:
            words.append((offset, piece))
        offset += len(piece) + 1
    return words


def first_word_at(words: list[tuple[int, bytes]], at: int, lo: int = 0) -> int:
    """The index of the first of ``words`` (offset, word), in text order, whose offset is ``at`` or more
    (searched from ``lo``; ``len(words)`` when none is)."""
    hi = len(words)
    while lo < hi:
        mid = (lo + hi) // 2
        if words[mid][0] < at:
            lo = mid + 1
        else:
            hi = mid
    return lo


def words_within(words: list[tuple[int, bytes]], start: int, end: int) -> list[tuple[int, bytes]]:
    """``[(start + o, w) for o, w in ascii_words(text[start:end])]`` read from ``words``, the
    ascii_words of a whole ASCII ``text``: its words in the span, offsets kept (into ``text``), the two
    found by bisection and the list sliced, not split again. A word the span's end cuts keeps its part
    before the end; one its start cuts, its part from the start (as the span's own split has them)."""
    if end <= start:
        return []  # (an empty span; and compiled, a bytes slice with its stop before its start fails)
    first = first_word_at(words, start)
    out = words[first : first_word_at(words, end, first)]
    if out:
        at, word = out[-1]
        if at + len(word) > end:
            out[-1] = (at, word[: end - at])
    if first > 0:
        at, word = words[first - 1]
        if at + len(word) > start:
            piece = word[start - at : end - at]
            if piece:
                out.insert(0, (start, piece))
    return out


def matches_at_words(
    pattern: re.Pattern[str],
    text: str,
    start: int,
    end: int,
    words: list[tuple[int, bytes]],
    firsts: frozenset[bytes],
    digits: bool,
    absolute: bool = False,
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text, start, end))`` for a pattern whose matches begin a run of a-z0-9
    that is one of ``firsts`` (or, with ``digits``, starts with a digit): the pattern is tried only at
    those of ``words`` (the ascii_words of ``text[start:end]``, offsets from ``start``; with
    ``absolute``, offsets into ``text``: ``words_within``)."""
    found: list[re.Match[str]] = []
    resume = start  # like finditer: the next match starts after the last one
    base = 0 if absolute else start
    for offset, word in words:
        at = base + offset
        if at >= resume and (word in firsts or (digits and 48 <= word[0] <= 57)):
            m = pattern.match(text, at, end)
            if m is not None:
                found.append(m)
                resume = m.end()
    return found
