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
from typing import Final

from ..nlp.lexcache import PatternCache
from ..nlp.numbers import Quantity
from ..nlp.values import FrozenValueRecord
from .triggers import Hit

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["FatalityReading", "read_fatalities"]


# per-call patterns, compiled once
_STOP_OR_AND: Final = _rx(r"[;.]|\band\b")
_INCLUDING: Final = _rx(r"\bincluding\s*$")
_CLAUSE_BREAK: Final = _rx(r"[;.]|\b(?:and|while|after|but)\b")
_HARM_WORD: Final = _rx(r"\b(?:kill|dead|died|injur|wound)")
_AND_WOUNDED: Final = _rx(r"\s+(?:and|or)\s+(?:wound|injur)")
_NEGATED: Final = _rx(r"\b(?:no|none|nobody|neither|nor|without)\b(?:\s+\w+){0,3}\s*$")
_CLAUSE_SPLIT: Final = _rx(r"[,.;]")
_AND_WORD: Final = _rx(r"\b(?:and|as well as)\b")
_LEAD_WORD: Final = _rx(r"(?:(?:all|the|his|her|their)\s+)?$")

# ACLED's own tally at the end of a note: "3 fatalities", "fatalities coded as 10", "… coded as 31"
_TALLY: Final = _rx(
    r"\b(?:(?P<n>\d+)\s+(?:reported\s+)?fatalit(?:y|ies)|(?:fatalit|casualt|killed|dead|deaths)[^.;]{0,70}?"
    r"\bcoded\s+(?:as|to)\s+(?P<c>\d+)|coded\s+(?:as|to)\s+(?P<c2>\d+)\s+fatalit)",
)
_NON_PERSON: Final = _rx(
    r"\s*-?(?:%|percent|per cent|years?|yrs|km|kilomet|miles?|met(?:er|re)s?|hours?|days?|weeks?|months?|"
    r"minutes?|am\b|pm\b|mm\b|houses?|homes?|buildings?|rockets?|shells?|missiles?|mortars?|vehicles?|"
    r"cars?|trucks?|strikes?|air ?strikes?|raids?|explosions?|times|villages?|towns?|rounds?|drones?|"
    r"shots|bursts?|hectares?|tons?|dollars?|usd|\$|acres?|kg)\b",
    re.I,
)
# one person named by a role or a family tie: "the driver", "the village head", "his wife"
_PERSON: Final = (
    r"(?:driver|pilot|commander|leader|head|chief|imam|priest|pastor|officer|soldier|policeman|"
    r"policewoman|guard|civilian|man|woman|boy|girl|child|baby|infant|teenager|son|daughter|wife|"
    r"husband|father|mother|brother|sister|owner|shepherd|farmer|teacher|doctor|nurse|journalist|"
    r"reporter|mayor|governor|councill?or|candidate|official|judge|lawyer|activist|fighter|militant|"
    r"bomber|attacker|assailant|gunman|passenger|resident|villager|student|worker|trader|merchant|"
    r"engineer|elder|emir|cleric|sheikh|mukhtar|deputy|director|spokesman|bodyguard|escort|"
    r"companion|nephew|niece|grandson|granddaughter|grandfather|grandmother|uncle|cousin)"
)
_ONE_PERSON: Final = rf"(?:the|his|her|their|its)\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON}\b(?!['’]s)"
# "killing a local council candidate", "shot him", "killing the driver": one victim
# (not "eliminated a terrorist cell", "killed a group of", "hit an army convoy": a body of people, no count)
_COLLECTIVE: Final = (
    r"(?:cells?|groups?|squads?|units?|teams?|gangs?|networks?|convoys?|patrols?|number|few)\b"
)
_SINGULAR_AFTER: Final = _rx(
    rf"\s+(?:(?:a|an|one|another)\s+(?!{_COLLECTIVE})[\w'-]+(?![\w'-])(?!\s+{_COLLECTIVE})|(?:him|her)\b|{_ONE_PERSON})"
)
# "the body of a man was found": one dead ("the death of a teenager" that a protest is about is not)
_BODY_OF_ONE: Final = _rx(r"\s+of\s+(?:a|an|one|another)\s+[\w'-]+")
# "clashed …, resulting in the death of a fighter": the clash's one dead (not a death a protest is about)
_CONSEQUENCE_BEFORE: Final = _rx(
    r"\b(?:result(?:ing|ed)\s+in|lead(?:ing)?\s+to|led\s+to|caus(?:ing|ed))\s+the\s+$"
)
_AND_SINGULAR: Final = _rx(rf"\band (?:(?:a|an|another|one) (?!number\b|few\b)|{_ONE_PERSON})")
# "killing three soldiers and [all] four attackers", "a woman and her two sons": joined counts after
# the first; "and the driver": one more victim
_AND_NEXT: Final = _rx(
    r"(?:\s+[\w'-]+){0,6}?\s*(?:,|\s+and|\s+as well as)\s+(?:(?:all|the|his|her|their)\s+)?"
)
_ONE_VICTIM: Final = _rx(rf"(?:(?:an?|one|another)\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON}\b|{_ONE_PERSON})")
_ONE_BEFORE: Final = _rx(
    rf"(?:^|[^\w'-])(?:an?|one|the)\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON}\s+and\s+(?:his|her|their)\s+$"
)
_PAIR_BEFORE: Final = _rx(
    rf"(?:^|[^\w'-])(?:an?|one|the)\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON}\s+and\s+(?:his|her|their)\s+"
    rf"(?:[\w'-]+\s+)?{_PERSON}\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+){{0,2}}$"
)
_NOT_DEAD_AFTER: Final = _rx(
    r"\s+(?:[\w'-]+\s+){0,2}?(?:were\s+|was\s+)?(?:injur|wound|hurt|missing|arrest|captur|abduct|kidnap|"
    r"detain|rescued|released|escaped|survived|displac)"
)
# a count from another claimant in the same sentence ("JNIM claimed 17, while the army said two")
_RIVAL_CLAIM: Final = _rx(
    r"\b(?:while|whereas|but|however|although)\b[^.;]{0,80}?\b(?:said|says|claimed|claims|put|puts|"
    r"reported|reports|stated|announced|acknowledged|admitted|according)\b"
)
_SINGULAR_BEFORE: Final = _rx(
    r"(?:^|\b)(?:a|an|one|another)\s+[^.;,]{0,80}?\b(?:was|has been|had been|is)\s+(?:\w+\s+){0,2}$"
)
_PRONOUN_DIED_BEFORE: Final = _rx(
    r"\b(?:he|she)\s+(?:(?:later|subsequently|eventually|also|then)\s+)?"
    r"(?:(?:was|had\s+been|has\s+been)\s+(?:\w+\s+){0,2})?$",
    re.I,
)
# "killing 12 worshippers and themselves", "… and himself": the attackers after the victims
_AND_SELF: Final = _rx(r"(?:\s+[\w'-]+){0,2}?,?\s+(?:and|as\s+well\s+as)\s+(himself|herself|themselves)\b")
_BOMBERS: Final = _rx(r"\s+(?:suicide\s+)?(?:bombers|attackers)\b")


def _bomber_count(quantities: list[Quantity], text: str, span: tuple[int, int]) -> int:
    """How many bombers the span names ("two suicide bombers"), 0 when it gives no number."""
    for q in quantities:
        if span[0] <= q.start < span[1] and not q.vague and _BOMBERS.match(text, q.end):
            return q.best
    return 0


# "killed herself and 6 guests": the bomber and the victims after "and"
_SELF_AND: Final = _rx(r"\s+(?:himself|herself)\s+(?:and|as\s+well\s+as|along\s+with)\s+")
_PLURAL_NEAR: Final = _rx(
    r"\b(?:civilians|people|soldiers|fighters|militants|members|troops|insurgents|rebels|villagers|"
    r"residents|gunmen|men|women|children|persons|policemen|officers|terrorists|jihadists|elements|"
    r"personnel|combatants|bandits|attackers|assailants|others|them)\b"
)


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class FatalityReading(FrozenValueRecord):
    best: int
    low: int
    high: int
    start: int | None = None  # evidence span in the document text
    end: int | None = None
    rule: str = ""

    def __init__(
        self,
        best: int,
        low: int,
        high: int,
        start: int | None = None,
        end: int | None = None,
        rule: str = "",
    ) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md)
        object.__setattr__(self, "best", best)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "rule", rule)


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
        if _HARM_WORD.search(between) or _GATHERED.search(between):
            continue  # "thousands of people attended the funeral of a commander killed …": not the dead
        return q
    return None


# a death named as what people protest or condemn ("protesting over the killing of two teenagers",
# "condemned the murder of a journalist") is the cause of the event, not its dead
_OF_AFTER: Final = _rx(r"s?\s+of\b")
_GRIEVANCE_BEFORE: Final = _rx(
    r"\b(?:over|against|about|condemn\w*|denounc\w*|decr(?:y|ied|ying)|justice\s+for|outrage\s+at|anger\s+at|"
    r"protest\s+(?:at|of))\s+(?:the\s+)?(?:recent\s+|alleged\s+|brutal\s+|suspected\s+|extrajudicial\s+)?$"
)


# a later sentence that gives another source's count of the same dead (not a part of them)
_RIVAL_SOURCE: Final = _rx(
    r"\b(?:said|says|claimed|claims|reported|reports|stated|announced|acknowledged|admitted|according\s+to|"
    r"put\s+the\s+(?:death\s+)?toll|confirmed)\b"
)
_SUBSET: Final = _rx(r"\b(?:of\s+them|among\s+(?:them|the)|including|of\s+the\s+(?:dead|victims|killed))\b")


_GATHERED: Final = _rx(
    r"\b(?:attend(?:ed|ing)?|gathered|mourned|marched|joined|took part|funerals?|buried)\b"
)


_JOINED: Final = _rx(r"\s+(?:[\w'-]+\s+){0,3}?(?:and|as well as|,)\s+(?:(?:his|her|their|all)\s+)?$")


def _dead_count(text: str, q: Quantity) -> bool:
    """A count of people, not followed by an injury or capture word."""
    return not _NON_PERSON.match(text, q.end) and not _NOT_DEAD_AFTER.match(text, q.end)


def _following(quantities: list[Quantity], text: str, end: int, hi: int) -> tuple[list[Quantity], int]:
    """Victims listed after the one that ends at ``end``, in a list closed by "and": counts ("killing
    three soldiers and all four attackers", "a woman and her two sons") and single people ("ten
    policemen and the driver", "a woman, her husband and their three children"). A count or person
    followed by an injury word is not among the dead."""
    by_start = {p.start: p for p in quantities if end < p.start < hi}
    found: list[Quantity] = []
    singles = 0
    closed = False  # the list ends with "and", not only commas
    while True:
        m = _AND_NEXT.match(text, end)
        if m is None or m.end() > hi:
            break
        joint = m.group(0)
        with_and = bool(_AND_WORD.search(joint))
        nxt = by_start.get(m.end())
        if nxt is not None and _dead_count(text, nxt):
            found.append(nxt)
            closed = with_and
            end = nxt.end
            continue
        lead = _LEAD_WORD.search(joint)
        person = _ONE_VICTIM.match(text, m.end() - (len(lead.group(0)) if lead else 0), hi)
        if person is not None and not _NOT_DEAD_AFTER.match(text, person.end()):
            singles += 1
            closed = with_and
            end = person.end()
            continue
        break
    if not closed:
        return [], 0  # "two soldiers, three of them officers": no list closed by "and"
    return found, singles


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


_ADDITION: Final = _rx(
    r"\b(?:also|another|other|additional|further|more(?!\s+than)|as well|in addition|too)\b"
    # "other sources reported 18 dead" is a rival count of the same dead, not more dead
    r"(?!\s+(?:sources?|reports?|accounts?|media|outlets?|estimates?|figures?|tolls?|witnesses|officials)\b)"
)


# who the counted dead are, when the words say so: the state's men, armed groups' men, or civilians
_SIDE_NOUNS: Final = (
    (
        "state",
        _rx(
            r"\b(?:soldiers?|troops|policem[ae]n|police\s+officers?|servicem[ae]n|guards?|"
            r"gendarmes?|security\s+personnel|army\s+personnel)\b"
        ),
    ),
    (
        "armed",
        _rx(
            r"\b(?:gunm[ae]n|militants?|attackers?|assailants?|insurgents?|rebels?|terrorists?|"
            r"jihadists?|bandits?|bombers?|guerrill?as?)\b"
        ),
    ),
    (
        "civilian",
        _rx(
            r"\b(?:civilians?|villagers?|residents?|children|passengers?|worshippers?|pupils?|"
            r"farmers?|shepherds?)\b"
        ),
    ),
)


def _side(text: str, reading: FatalityReading) -> str | None:
    """The side of a count's dead, from the words around its evidence ("five gunmen", "three soldiers")."""
    if reading.start is None or reading.end is None:
        return None
    return _side_at(text, reading.start, reading.end)


def _side_at(text: str, start: int, end: int) -> str | None:
    window = _CLAUSE_SPLIT.split(text[start : end + 30], maxsplit=1)[0]
    found = {name for name, pattern in _SIDE_NOUNS if pattern.search(window)}
    return found.pop() if len(found) == 1 else None


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
        span = text[a:b]  # every tally says "fatalit" or "coded": the search runs only where one occurs
        tally = _TALLY.search(text, a, b) if "fatalit" in span or "coded" in span else None
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
    # (the first count's side is read only where a later count is compared with it)
    sides = {_side(text, first)} if len(counted) > 1 else set()
    for reading, (a, b) in counted[1:]:
        near = (a, b)
        if reading.start is not None and reading.end is not None:
            near = (max(a, reading.start - 25), reading.end)
        side = _side(text, reading)
        other_side = side is not None and None not in sides and side not in sides
        if reading.best and (_ADDITION.search(text, *near) or other_side):
            # "killing all five gunmen. Three soldiers were killed in the fighting": the other side's
            # dead add up; a later count of the same people restates or disputes the first
            sides.add(side)
            best += reading.best
            low += reading.low
            high += reading.high
        else:
            rival = _RIVAL_SOURCE.search(text, a, b) and not _SUBSET.search(text, a, b)
            if rival and 0 < reading.best < best:
                # "ISWAP claimed it killed 12 soldiers. The army said four died": conflicting reports of
                # the same dead, and ACLED keeps the most conservative
                best = reading.best
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
    rivals: list[tuple[int, int, int]] = []  # earlier claimants' (best, low, high) in this span
    last_end = 0
    last_side: str | None = None
    for hit in hits.get("killed", []):
        span = within(hit.start)
        if span is None or any(a <= hit.start < b for a, b in casualty_spans):
            continue
        if _AND_WOUNDED.match(text[hit.end :]):
            continue
        lead = text[max(span[0], hit.start - 40) : hit.start]
        if _NEGATED.search(lead):
            continue
        if _OF_AFTER.match(text, hit.end) and _GRIEVANCE_BEFORE.search(lead):
            continue  # "protesting over the killing of two teenagers": the cause of the event, not its dead
        own = _SELF_AND.match(text, hit.end) if total == 0 else None
        if own is not None:
            # "she killed herself and 6 guests", "blew himself up, killing himself and a policeman": the
            # bomber's death counts beside the victims' (ACLED counts the attacker among the fatalities)
            q = next((q for q in quantities if q.start == own.end() and q.start not in used), None)
            if q is not None and not _NON_PERSON.match(text, q.end):
                used.add(q.start)
                total, low, high = q.best + 1, (q.low if not q.vague else 1) + 1, q.high + 1
                vague_only = vague_only and q.vague
                first = (hit.start, q.end)
                continue
            if _ONE_VICTIM.match(text, own.end()):
                total, low, high = 2, 2, 2
                vague_only = False
                first = (hit.start, own.end())
                continue
        q = _quantity_near(quantities, text, hit, span[0], span[1])
        if q is not None and q.start not in used:
            if _INCLUDING.search(text[max(span[0], q.start - 12) : q.start]) and total:
                continue
            used.add(q.start)
            best = q.best
            if q.vague and heavy and q.best == 3:
                best = 10
            side = _side_at(text, min(q.start, hit.start), max(q.end, hit.end))
            if (
                total
                and _RIVAL_CLAIM.search(text, last_end, min(q.start, hit.start))
                and not (side and last_side and side != last_side)
            ):
                # another claimant's figure for the same dead: an alternative, not an addition
                rivals.append((total, low, high))
                total = low = high = 0
            last_end = max(q.end, hit.end)
            last_side = side
            total += best
            low += q.low if not q.vague else 1
            high += q.high
            vague_only = vague_only and q.vague
            first = first or (min(q.start, hit.start), max(q.end, hit.end))
            if q.end <= hit.start:
                # "a mother and her three children were killed": the singular victim joined before
                if _ONE_BEFORE.search(text, max(span[0], q.start - 60), q.start):
                    total += 1
                    low += 1
                    high += 1
                # "two guerrillas and one soldier were killed": every count joined by "and" dies
                for extra in _conjoined(quantities, text, q, span[0]):
                    if extra.start not in used:
                        used.add(extra.start)
                        total += extra.best
                        low += extra.low
                        high += extra.high
            else:
                # "killing three soldiers and all four attackers", "... and the driver"
                extras, singles = _following(quantities, text, q.end, span[1])
                for extra in extras:
                    if extra.start not in used:
                        used.add(extra.start)
                        total += extra.best
                        low += extra.low if not extra.vague else 1
                        high += extra.high
                        last_end = extra.end
                total += singles
                low += singles
                high += singles
                own = _AND_SELF.match(text, last_end if extras else q.end)
                if own is not None and own.end() <= span[1]:
                    # "killing 12 worshippers and themselves": the bombers die too (ACLED counts them)
                    bombers = 1 if own.group(1) != "themselves" else _bomber_count(quantities, text, span)
                    total += bombers
                    low += bombers
                    high += bombers
            continue
        if q is not None:
            continue
        after = _SINGULAR_AFTER.match(text, hit.end)
        if after is None and (
            hit.text.lower() in ("body", "corpse")
            or (
                hit.text.lower() == "death"
                and _CONSEQUENCE_BEFORE.search(text, max(span[0], hit.start - 30), hit.start)
            )
        ):
            after = _BODY_OF_ONE.match(text, hit.end)
        before = _SINGULAR_BEFORE.search(text[max(span[0], hit.start - 100) : hit.start])
        if before is None and hit.text.lower() in ("died", "dead"):
            # "he died of his injuries", "she was later pronounced dead": one person
            before = _PRONOUN_DIED_BEFORE.search(text, max(span[0], hit.start - 40), hit.start)
        pair = _PAIR_BEFORE.search(text[max(span[0], hit.start - 100) : hit.start])
        if pair and total == 0:
            # "a man and his son were killed": two named people
            total, low, high = 2, 2, 2
            vague_only = False
            first = first or (hit.start, hit.end)
            continue
        if after or before:
            if total == 0:
                # "killed a commander and a security official": each singular victim counts
                clause = _CLAUSE_SPLIT.split(text[hit.end : min(span[1], hit.end + 120)], maxsplit=1)[0]
                n = 1 + len(_AND_SINGULAR.findall(clause)) if after else 1
                if after:
                    # "killing a woman and her two sons", "a woman, her husband and their three
                    # children": the victims listed after the first one
                    extras, singles = _following(quantities, text, after.end(), span[1])
                    extras = [p for p in extras if p.start not in used]
                    if extras or singles:
                        used.update(p.start for p in extras)
                        n = 1 + singles + sum(p.best for p in extras)
                total, low, high = n, n, n
                vague_only = False
                first = first or (hit.start, hit.end)
            continue
        near = text[max(span[0], hit.start - 40) : min(span[1], hit.end + 40)]
        if total == 0 and _PLURAL_NEAR.search(near) and hit.text not in {"death", "deaths", "dead"}:
            vague = 10 if heavy else 3
            total, low, high = vague, 1, max(vague, 9)
            first = first or (hit.start, hit.end)
    if total and rivals:
        # rival claims: ACLED keeps the most conservative figure
        rivals.append((total, low, high))
        total = min(r[0] for r in rivals)
        low = min(r[1] for r in rivals)
        high = max(r[2] for r in rivals)
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
        span = within(start)
        assert span is not None
        if _NEGATED.search(text, max(span[0], start - 40), start):
            continue  # "no casualties were reported": not a count, whatever number stands nearby
        # a count of the casualties stands beside the word, in its sentence ("several houses. No
        # casualties" counts no one)
        q = next(
            (
                q
                for q in quantities
                if span[0] <= q.start < span[1]
                and ((end <= q.start <= end + 40) or (0 <= start - q.end <= 40))
            ),
            None,
        )
        if q is not None and q.vague:
            return FatalityReading(3, 1, q.high, start, end, "vague casualties")
        if q is not None:
            return FatalityReading(10 if heavy else 0, 0, q.high, start, end, "casualties only")
    return FatalityReading(0, 0, 0, None, None, "none reported")
