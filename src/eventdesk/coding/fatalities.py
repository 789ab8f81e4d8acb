"""Fatalities by ACLED's rules (codebook §6), with a low/best/high range.

- Numbers next to death words count ("killing 14 villagers", "two soldiers were shot dead").
- A singular victim ("a civilian was killed", "killing him") counts 1.
- Vague plurals ("several", "a number of", plural "fighters were killed") count 3, or 10 when the
  report describes heavy fighting; "dozens" 12, "tens" 10, "hundreds" 100.
- "killed and wounded N" / "N casualties": the dead are unknown, so 0 (high = N), unless the
  quantity is vague, which ACLED reads as a small number of dead (3).
- Injuries never count. An explicit ACLED tally ("3 fatalities", "coded as 10") wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.lexcache import PatternCache
from ..nlp.numbers import Quantity
from .triggers import Hit

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["FatalityReading", "read_fatalities"]

# ACLED's own tally at the end of a note: "3 fatalities", "fatalities coded as 10", "… coded as 31"
_TALLY = _rx(
    r"\b(?:(?P<n>\d+)\s+(?:reported\s+)?fatalit(?:y|ies)|(?:fatalit|casualt|killed|dead|deaths)[^.;]{0,70}?"
    r"\bcoded\s+(?:as|to)\s+(?P<c>\d+)|coded\s+(?:as|to)\s+(?P<c2>\d+)\s+fatalit)",
)
_NON_PERSON = _rx(
    r"\s*(?:%|percent|per cent|years?|yrs|km|kilomet|miles?|met(?:er|re)s?|hours?|days?|weeks?|months?|"
    r"minutes?|am\b|pm\b|mm\b|houses?|homes?|buildings?|rockets?|shells?|missiles?|mortars?|vehicles?|"
    r"cars?|trucks?|strikes?|air ?strikes?|raids?|explosions?|times|villages?|towns?|rounds?|drones?|"
    r"shots|bursts?|hectares?|tons?|dollars?|usd|\$|acres?|kg)\b",
    re.I,
)
# "killing a local council candidate", "shot him": one victim
_SINGULAR_AFTER = _rx(r"\s+(?:(?:a|an|one|another)\s+[\w'-]+|(?:him|her)\b)")
_AND_SINGULAR = _rx(r"\band (?:a|an|another|one) (?!number\b|few\b)")
_SINGULAR_BEFORE = _rx(
    r"(?:^|\b)(?:a|an|one|another)\s+[^.;,]{0,80}?\b(?:was|has been|had been|is)\s+(?:\w+\s+){0,2}$"
)
_PLURAL_NEAR = _rx(
    r"\b(?:civilians|people|soldiers|fighters|militants|members|troops|insurgents|rebels|villagers|"
    r"residents|gunmen|men|women|children|persons|policemen|officers|terrorists|jihadists|elements|"
    r"personnel|combatants|bandits|attackers|assailants|others|them)\b"
)


@dataclass(frozen=True, slots=True)
class FatalityReading:
    best: int
    low: int
    high: int
    start: int | None = None  # evidence span in the document text
    end: int | None = None
    rule: str = ""


# per-call patterns, compiled once
_STOP_OR_AND = _rx(r"[;.]|\band\b")
_INCLUDING = _rx(r"\bincluding\s*$")
_CLAUSE_BREAK = _rx(r"[;.]|\b(?:and|while|after|but)\b")
_HARM_WORD = _rx(r"\b(?:kill|dead|died|injur|wound)")
_AND_WOUNDED = _rx(r"\s+(?:and|or)\s+(?:wound|injur)")
_NEGATED = _rx(r"\b(?:no|none|nobody|neither|nor|without)\b(?:\s+\w+){0,3}\s*$")
_CLAUSE_SPLIT = _rx(r"[,.;]")


def _quantity_near(quantities: list[Quantity], text: str, hit: Hit, lo: int, hi: int) -> Quantity | None:
    """The quantity that counts the dead of a death word: right after an active verb
    ("killing at least 9"), else before it ("3 soldiers were killed")."""
    for q in quantities:
        if hit.end <= q.start <= hit.end + 22 and q.start < hi and not _NON_PERSON.match(text, q.end):
            between = text[hit.end : q.start]
            if not _STOP_OR_AND.search(between):
                return q
    before = [q for q in quantities if lo <= q.start and q.end <= hit.start and hit.start - q.end <= 60]
    for q in reversed(before):
        if _INCLUDING.search(text[max(lo, q.start - 12) : q.start]):
            continue  # "19 civilians including eight children were killed": the total counts
        between = text[q.end : hit.start]
        if _NON_PERSON.match(text, q.end) or _CLAUSE_BREAK.search(between):
            continue
        if _HARM_WORD.search(between):
            continue
        return q
    return None


_JOINED = _rx(r"\s+(?:[\w'-]+\s+){0,3}?(?:and|as well as|,)\s+$")


def _conjoined(quantities: list[Quantity], text: str, q: Quantity, lo: int) -> list[Quantity]:
    """Counts listed before ``q`` with "and" or commas ("two rebels, three soldiers and one ...")."""
    found: list[Quantity] = []
    current = q
    for prev in reversed([p for p in quantities if lo <= p.start and p.end <= q.start]):
        gap = text[prev.end : current.start]
        if len(gap) > 40 or not _JOINED.match(gap) or _NON_PERSON.match(text, prev.end):
            break
        found.append(prev)
        current = prev
    return found


_ADDITION = _rx(r"\b(?:also|another|other|additional|further|more|as well|in addition|too)\b")


def read_fatalities(
    text: str,
    spans: list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    quantities: list[Quantity],
) -> FatalityReading:
    """Fatalities of an event whose sentences are ``spans`` of the lower-cased ``text``.

    Counts in one sentence add up (different victims). Across sentences the first count stands:
    later sentences usually restate or dispute it ("the monitor said at least seven"), and ACLED
    keeps the conservative figure; a later count adds only when it says so ("two more", "also").
    """
    for a, b in spans:
        tally = _TALLY.search(text, a, b)
        if tally:
            n = int(tally.group("n") or tally.group("c") or tally.group("c2"))
            return FatalityReading(n, n, n, tally.start(), tally.end(), "stated tally")
    heavy = any(a <= h.start < b for h in hits.get("heavy", []) for a, b in spans)
    readings = [_read_span(text, [span], hits, quantities, heavy) for span in spans]
    pairs = zip(readings, spans, strict=True)
    counted = [(r, span) for r, span in pairs if r.best or r.rule != "none reported"]
    if not counted:
        return FatalityReading(0, 0, 0, None, None, "none reported")
    first, _ = counted[0]
    best, low, high = first.best, first.low, first.high
    for reading, (a, b) in counted[1:]:
        near = (a, b)
        if reading.start is not None and reading.end is not None:
            near = (max(a, reading.start - 25), reading.end)
        if reading.best and _ADDITION.search(text, *near):
            best += reading.best
            low += reading.low
            high += reading.high
        else:
            low = min(low, reading.low)
            high = max(high, reading.high)
    return FatalityReading(best, min(low, best), max(high, best), first.start, first.end, first.rule)


def _read_span(
    text: str,
    spans: list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    quantities: list[Quantity],
    heavy: bool,
) -> FatalityReading:
    def within(start: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in spans if a <= start < b), None)

    casualty_spans = [(h.start, h.end) for h in hits.get("casualties", []) if within(h.start)]
    total = low = high = 0
    used: set[int] = set()
    first: tuple[int, int] | None = None
    vague_only = True
    for hit in hits.get("killed", []):
        span = within(hit.start)
        if span is None or any(a <= hit.start < b for a, b in casualty_spans):
            continue
        if _AND_WOUNDED.match(text[hit.end :]):
            continue
        lead = text[max(span[0], hit.start - 40) : hit.start]
        if _NEGATED.search(lead):
            continue
        q = _quantity_near(quantities, text, hit, span[0], span[1])
        if q is not None and q.start not in used:
            if _INCLUDING.search(text[max(span[0], q.start - 12) : q.start]) and total:
                continue
            used.add(q.start)
            best = q.best
            if q.vague and heavy and q.best == 3:
                best = 10
            total += best
            low += q.low if not q.vague else 1
            high += q.high
            vague_only = vague_only and q.vague
            first = first or (min(q.start, hit.start), max(q.end, hit.end))
            if q.end <= hit.start:
                # "two guerrillas and one soldier were killed": every count joined by "and" dies
                for extra in _conjoined(quantities, text, q, span[0]):
                    if extra.start not in used:
                        used.add(extra.start)
                        total += extra.best
                        low += extra.low
                        high += extra.high
            continue
        if q is not None:
            continue
        after = _SINGULAR_AFTER.match(text, hit.end)
        before = _SINGULAR_BEFORE.search(text[max(span[0], hit.start - 100) : hit.start])
        if after or before:
            if total == 0:
                # "killed a commander and a security official": each singular victim counts
                clause = _CLAUSE_SPLIT.split(text[hit.end : min(span[1], hit.end + 120)], maxsplit=1)[0]
                n = 1 + len(_AND_SINGULAR.findall(clause)) if after else 1
                total, low, high = n, n, n
                vague_only = False
                first = first or (hit.start, hit.end)
            continue
        near = text[max(span[0], hit.start - 40) : min(span[1], hit.end + 40)]
        if total == 0 and _PLURAL_NEAR.search(near) and hit.text not in {"death", "deaths", "dead"}:
            vague = 10 if heavy else 3
            total, low, high = vague, 1, max(vague, 9)
            first = first or (hit.start, hit.end)
    if total:
        return FatalityReading(
            total,
            min(low, total),
            max(high, total),
            first[0] if first else None,
            first[1] if first else None,
            "vague plural" if vague_only else "stated",
        )
    for start, end in casualty_spans:
        q = next(
            (q for q in quantities if (end <= q.start <= end + 40) or (0 <= start - q.end <= 40)),
            None,
        )
        if q is not None and q.vague:
            return FatalityReading(3, 1, q.high, start, end, "vague casualties")
        if q is not None:
            return FatalityReading(10 if heavy else 0, 0, q.high, start, end, "casualties only")
    return FatalityReading(0, 0, 0, None, None, "none reported")
