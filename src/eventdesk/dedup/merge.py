"""Folding one event into another, and counting who an event rests on.

``absorb(target, other)`` keeps every document id, claim and piece of evidence, fills what the
target lacks, and keeps the finest date and place and the highest sub-event type the reports give.
Fatalities follow ACLED: ``fatalities`` is the most conservative figure (the smallest positive
per-report figure; a report that gives none does not count as "0"), while ``fatalities_low`` /
``fatalities_high`` span every report and claim and ``fatalities_best`` is the largest per-report
best estimate (later reports usually carry updated tolls).

``corroborate(event, sources)`` sets sources_count (reports), independent_sources (distinct outlets
of original stories: a repost counts as its original), source, claimant_sides and partisan_only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from ..records import Claim, Event
from .rules import MergeRules

__all__ = ["SourceInfo", "absorb", "corroborate", "fold", "stable_event_id"]

INDEPENDENT = "independent"


def stable_event_id(document_id: str, ordinal: int = 0) -> str:
    """The id an event gets from the first report that coded it: same report, same id, every run."""
    digest = hashlib.sha256(f"{document_id}#{ordinal}".encode()).hexdigest()[:16]
    return f"ev{digest}"


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What corroboration needs to know about a report."""

    outlet: str | None = None
    repost_of: str | None = None


def _rank(value: str | None, ranks: dict[str, int]) -> int:
    if value is None:
        return len(ranks) + 1
    return ranks.get(value, len(ranks))


def _conservative(a: int | None, b: int | None) -> int | None:
    """The smaller positive figure; a report without deaths (0 or None) is not a conflicting one."""
    if a is not None and a > 0:
        return a if b is None or b <= 0 or a <= b else b
    if b is not None and b > 0:
        return b
    return _min_known(a, b)


def _min_known(*values: int | None) -> int | None:
    low = None
    for v in values:
        if v is not None and (low is None or v < low):
            low = v
    return low


def _max_known(*values: int | None) -> int | None:
    high = None
    for v in values:
        if v is not None and (high is None or v > high):
            high = v
    return high


_PLACE_FIELDS = (
    "country",
    "iso",
    "region",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "gazetteer_id",
    "place",
)
_FILL_FIELDS = (
    "disorder_type",
    "event_type",
    "sub_event_type",
    "civilian_targeting",
    "source_scale",
    "notes",
    "tags",
    "coder_version",
    "geocoder_version",
    "year",
)


def _claim_key(c: Claim) -> tuple[object, ...]:
    return (c.claimant, c.via, c.claim, c.fatalities, c.document_id)


def _matching_fields(e: Event) -> tuple[object, ...]:
    return (
        e.event_date,
        e.time_precision,
        e.latitude,
        e.longitude,
        e.geo_precision,
        e.location,
        e.admin3,
        e.gazetteer_id,
        e.country,
        e.event_type,
        e.sub_event_type,
        e.actor1,
        e.actor2,
        e.inter1,
        e.inter2,
    )


def absorb(target: Event, other: Event, rules: MergeRules, *, matching_only: bool = False) -> bool:
    """Fold ``other`` into ``target`` in place; ``target`` keeps its event_id.

    Returns whether a field that matching reads (date, place, type, actors) changed.
    ``matching_only`` folds just those fields (for batch workers whose events are thrown away).
    """
    before = _matching_fields(target)
    if not matching_only:
        _absorb_records(target, other)
    _absorb_matching(target, other, rules)
    if not matching_only:
        _absorb_rest(target, other, rules)
    return _matching_fields(target) != before


def fold(target: Event, other: Event, rules: MergeRules) -> None:
    """``absorb`` without reporting what changed (when nothing will be matched against ``target``)."""
    _absorb_records(target, other)
    _absorb_matching(target, other, rules)
    _absorb_rest(target, other, rules)


def _absorb_records(target: Event, other: Event) -> None:
    for doc in other.document_ids:
        if doc not in target.document_ids:
            target.document_ids.append(doc)
    if other.claims:
        seen = {_claim_key(c) for c in target.claims}
        for claim in other.claims:
            if _claim_key(claim) not in seen:
                target.claims.append(claim)
                seen.add(_claim_key(claim))
    if other.evidence:
        target.evidence.extend(e for e in other.evidence if e not in target.evidence)


def _absorb_matching(target: Event, other: Event, rules: MergeRules) -> None:
    # The date: the finest time precision wins; on a tie the target keeps its own.
    if other.event_date is not None and (
        target.event_date is None or (other.time_precision or 1) < (target.time_precision or 1)
    ):
        target.event_date = other.event_date
        target.time_precision = other.time_precision
        target.year = other.event_date.year
    # The place: the finest geo precision with coordinates wins.
    if other.latitude is not None and (
        target.latitude is None or (other.geo_precision or 3) < (target.geo_precision or 3)
    ):
        for name in _PLACE_FIELDS:
            setattr(target, name, getattr(other, name))
    # The type: the highest in ACLED's hierarchy (an airstrike during a battle is a Battles event).
    if other.event_type is not None and (
        target.event_type is None
        or (
            (other.event_type != target.event_type or other.sub_event_type != target.sub_event_type)
            and (
                _rank(other.event_type, rules.event_type_rank),
                _rank(other.sub_event_type, rules.sub_event_rank),
            )
            < (
                _rank(target.event_type, rules.event_type_rank),
                _rank(target.sub_event_type, rules.sub_event_rank),
            )
        )
    ):
        target.event_type = other.event_type
        target.sub_event_type = other.sub_event_type
        target.disorder_type = other.disorder_type or target.disorder_type
        target.civilian_targeting = other.civilian_targeting
    _merge_actors(target, other, rules)


def _absorb_rest(target: Event, other: Event, rules: MergeRules) -> None:
    for name in _FILL_FIELDS:
        if getattr(target, name) is None:
            value = getattr(other, name)
            if value is not None:
                setattr(target, name, value)

    tf, of = target.fatalities, other.fatalities
    tb = tf if target.fatalities_best is None else target.fatalities_best
    ob = of if other.fatalities_best is None else other.fatalities_best
    target.fatalities_low = _min_known(target.fatalities_low, other.fatalities_low, tf, of)
    target.fatalities_high = _max_known(
        target.fatalities_high, other.fatalities_high, target.fatalities_best, other.fatalities_best, tf, of
    )
    target.fatalities_best = _max_known(tb, ob)
    target.fatalities = _conservative(tf, of)
    if other.confidence is not None and (target.confidence is None or other.confidence > target.confidence):
        target.confidence = other.confidence
    if target.complete is False and other.complete:
        target.complete = True
        target.incomplete_reasons = []


def _is_generic(name: str | None, rules: MergeRules) -> bool:
    if name is None:
        return True
    folded = name.casefold()
    return any(folded.startswith(g.prefix) for g in rules.generic_actors)


def _merge_actors(target: Event, other: Event, rules: MergeRules) -> None:
    """Fill a missing or generic side of ``target`` with the named actor ``other`` gives for it."""
    if (
        other.assoc_actor_1 is None
        and other.assoc_actor_2 is None
        and other.actor1 in (target.actor1, target.actor2, None)
        and other.actor2 in (target.actor1, target.actor2, None)
        and target.actor1 != target.actor2
    ):
        return  # nothing new (the common case: reports of one event name the same sides)
    pairs = [(target.actor1, target.inter1), (target.actor2, target.inter2)]
    if pairs[1][0] is not None and pairs[1][0] == pairs[0][0]:
        pairs[1] = (None, None)  # an actor does not fight itself: a coding slip, one side unknown
    incoming = [(other.actor1, other.inter1), (other.actor2, other.inter2)]
    names = {p[0] for p in pairs if p[0] is not None}
    for name, inter in incoming:
        if name is None or name in names or _is_generic(name, rules):
            continue
        for slot, (current, _) in enumerate(pairs):
            if _is_generic(current, rules):
                pairs[slot] = (name, inter)
                names.add(name)
                break
    (target.actor1, target.inter1), (target.actor2, target.inter2) = pairs
    if target.inter1 is not None and target.inter2 is not None:
        low, high = sorted((target.inter1, target.inter2))
        target.interaction = low * 10 + high
    for attr in ("assoc_actor_1", "assoc_actor_2"):
        mine = [a for a in (getattr(target, attr) or "").split("; ") if a]
        for extra in (getattr(other, attr) or "").split("; "):
            if extra and extra not in mine:
                mine.append(extra)
        setattr(target, attr, "; ".join(mine) or None)


def corroborate(event: Event, sources: Mapping[str, SourceInfo] | None = None) -> None:
    """Set the source counts, claimant sides and partisan flag of ``event`` from its reports."""
    sources = sources or {}
    outlets: list[str] = []
    independent: set[str] = set()
    for doc in event.document_ids:
        info = sources.get(doc, SourceInfo())
        outlet = info.outlet or doc
        if info.outlet and info.outlet not in outlets:
            outlets.append(info.outlet)
        root = info.repost_of or doc
        root_info = sources.get(root, SourceInfo()) if info.repost_of else info
        independent.add((root_info.outlet or root) if info.repost_of else outlet)
    event.sources_count = len(event.document_ids)
    event.independent_sources = len(independent)
    if outlets:
        existing = [s for s in (event.source or "").split("; ") if s]
        for outlet in outlets:
            if outlet not in existing:
                existing.append(outlet)
        event.source = "; ".join(existing)
    sides: list[str] = []
    for claim in event.claims:
        side = (claim.side or claim.claimant) if claim.partisan else INDEPENDENT
        if side not in sides:
            sides.append(side)
    event.claimant_sides = sorted(sides)
    event.partisan_only = bool(event.claims) and all(c.partisan for c in event.claims)
