"""Are two coded events the same happening? The pairwise test, with the reasons kept.

The codebook's unit is one type of interaction between the same actors on one day at one location.
Two events match when every part is compatible:

- date: within the wider of the two date windows (0 days at time_precision 1, wider at 2 and 3);
- type: the same event_type, or two types of one family in the rules file (an airstrike report and a
  clash report of one battle), never two different Strategic developments;
- actors: the same pair as a set, where a missing side or a generic name ("Unidentified Armed
  Group") can stand for a named actor of a fitting inter code;
- place: the same gazetteer id or location name, or within the wider of the two place radii; the
  same admin3 counts only when one event has no coordinates.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, fields
from typing import Any

from ..records import Event
from .rules import MergeRules

__all__ = ["MergeExplanation", "Profile", "compare", "haversine_km", "may_match", "profile_of", "score"]

_EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class MergeExplanation:
    """Why an event (from ``document_ids``) was attached to ``event_id``: one line per criterion."""

    event_id: str
    document_ids: list[str] = field(default_factory=list)
    attached_event_id: str | None = None  # the id the attached event carried, when it had one
    date_diff_days: int | None = None
    distance_km: float | None = None
    date: str = ""
    place: str = ""
    actors: str = ""
    event_type: str = ""
    score: float = 0.0
    rules_version: str = ""
    reposts: list[str] = field(default_factory=list)  # attached documents that repost another one

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MergeExplanation:
        """Rebuild from ``records.to_dict`` output (as stored with the link); unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def summary(self) -> str:
        """One readable paragraph: what was attached and on which grounds."""
        docs = ", ".join(self.document_ids) or "(no document)"
        lines = [
            f"{docs} -> {self.event_id} (score {self.score:.2f}, {self.rules_version})",
            f"  date:   {self.date}",
            f"  place:  {self.place}",
            f"  actors: {self.actors}",
            f"  type:   {self.event_type}",
        ]
        if self.reposts:
            lines.append(f"  reposts (not independent): {', '.join(self.reposts)}")
        return "\n".join(lines)


_FOLD_CACHE: dict[str, str | None] = {}


def _fold(value: str | None) -> str | None:
    """Case- and space-insensitive form of a name (memoised: names repeat across reports)."""
    if value is None:
        return None
    folded = _FOLD_CACHE.get(value)
    if folded is None:
        folded = " ".join(value.split()).casefold() or None
        if len(_FOLD_CACHE) < 200_000:
            _FOLD_CACHE[value] = folded
    return folded


_NONE: frozenset[str | None] = frozenset()


class Profile:
    """The fields of an event that matching reads, folded once (events are compared many times)."""

    __slots__ = (
        "a3",
        "actors",
        "associates",
        "country",
        "day",
        "event_type",
        "gid",
        "lat",
        "loc",
        "lon",
        "place_name",
        "precise",
        "radius",
        "sub_event_type",
        "window",
    )

    def __init__(self, event: Event, rules: MergeRules) -> None:
        self.day = event.event_date.toordinal() if event.event_date is not None else None
        self.window = rules.window(event.time_precision)
        self.lat = event.latitude
        self.lon = event.longitude
        if self.lat is None or self.lon is None:
            self.lat = self.lon = None
        self.radius = rules.radius(event.geo_precision)
        # coded to a named place (itself or near it), not to a region
        self.precise = event.geo_precision in (1, 2) and event.location is not None
        self.country = _fold(event.country)
        self.loc = _fold(event.location)
        self.place_name = event.location
        self.a3 = (
            "|".join(_fold(x) or "" for x in (event.admin1, event.admin2, event.admin3))
            if event.admin3
            else None
        )
        self.gid = event.gazetteer_id or None
        self.event_type = event.event_type
        self.sub_event_type = event.sub_event_type
        self.associates = (
            frozenset(
                _fold(a)
                for field in (event.assoc_actor_1, event.assoc_actor_2)
                if field
                for a in field.split(";")
                if a.strip()
            )
            if event.assoc_actor_1 or event.assoc_actor_2
            else _NONE
        )
        first = _actor(event.actor1, event.inter1, rules)
        second = _actor(event.actor2, event.inter2, rules)
        # One actor on both sides is a coding slip (an actor does not fight itself): one side known.
        self.actors = (
            first,
            None if second is not None and first is not None and second[0] == first[0] else second,
        )

    @property
    def has_place(self) -> bool:
        return self.lat is not None or self.loc is not None or self.a3 is not None or self.gid is not None


def profile_of(event: Event, rules: MergeRules) -> Profile:
    return Profile(event, rules)


# An actor slot: (folded name, inter code, the inter codes it can stand for when generic, else None).
# (folded name, inter, inter codes it stands for when generic, display name)
_Actor = tuple[str, int | None, frozenset[int] | None, str] | None


_ACTOR_CACHE: dict[tuple[str, str | None, int | None], _Actor] = {}


def _actor(name: str | None, inter: int | None, rules: MergeRules) -> _Actor:
    if name is None:
        return None
    key = (rules.version, name, inter)
    cached = _ACTOR_CACHE.get(key, False)
    if cached is not False:
        return cached  # type: ignore[return-value]
    folded = _fold(name)
    result: _Actor = None
    if folded is not None:
        stands_for = next(
            (g.stands_for_inter for g in rules.generic_actors if folded.startswith(g.prefix)), None
        )
        result = (folded, inter, stands_for, " ".join(name.split()))
    if len(_ACTOR_CACHE) < 100_000:
        _ACTOR_CACHE[key] = result
    return result


def _slot(a: _Actor, b: _Actor, explain: bool) -> tuple[float, str] | None:
    """How well two actor slots agree: (score, reason), or None when they are different actors."""
    if a is None or b is None:
        if a is None and b is None:
            return 0.5, "unknown in both"
        known = a or b
        assert known is not None
        return 0.5, f"{known[3]} / unknown" if explain else ""
    if a[0] == b[0]:
        return 1.0, a[3]
    if a[2] is not None and b[2] is None and b[1] is not None and b[1] in a[2]:
        return 0.7, f"{b[3]} (generic {a[3]})" if explain else ""
    if b[2] is not None and a[2] is None and a[1] is not None and a[1] in b[2]:
        return 0.7, f"{a[3]} (generic {b[3]})" if explain else ""
    if a[2] is not None and b[2] is not None and a[2] & b[2]:
        return 0.7, f"{a[3]} ~ {b[3]} (both generic)" if explain else ""
    return None


def _actors(a: Profile, b: Profile, explain: bool) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    a1, a2 = a.actors
    for b1, b2 in ((b.actors[0], b.actors[1]), (b.actors[1], b.actors[0])):
        s1 = _slot(a1, b1, explain)
        if s1 is None:
            continue
        s2 = _slot(a2, b2, explain)
        if s2 is None:
            continue
        score = (s1[0] + s2[0]) / 2
        if best is None or score > best[0]:
            label = "same pair" if score == 1.0 else "compatible pair"
            best = (score, f"{label}: {s1[1]} vs {s2[1]}" if explain else "")
    return best


def _types(a: Profile, b: Profile, rules: MergeRules, explain: bool) -> tuple[float, str] | None:
    ta, tb = a.event_type, b.event_type
    if ta is None or tb is None:
        known = ta or tb
        return 0.4, f"type unknown in one report ({known or 'both unknown'})" if explain else ""
    if ta == tb:
        sa, sb = a.sub_event_type, b.sub_event_type
        if sa == sb:
            return 1.0, f"same sub_event_type: {sa or ta}" if explain else ""
        if ta in rules.strict_types and sa is not None and sb is not None:
            return None
        return 0.8, f"same event_type {ta}: {sa} / {sb}" if explain else ""
    for name, members in rules.families.items():
        if ta in members and tb in members:
            return 0.6, f"{ta} / {tb} (family {name})" if explain else ""
    return None


def _place(
    a: Profile, b: Profile, rules: MergeRules, explain: bool
) -> tuple[float, str, float | None] | None:
    if a.gid is not None and a.gid == b.gid:
        return 1.0, f"same gazetteer id {a.gid}" if explain else "", 0.0
    if a.lat is not None and b.lat is not None:
        assert a.lon is not None and b.lon is not None
        limit = a.radius if a.radius > b.radius else b.radius
        if a.precise and b.precise and a.loc != b.loc:
            limit = rules.distinct_places_km  # two different named places
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if d <= limit:
            if a.loc is not None and a.loc == b.loc:
                return 1.0, f"same location {a.place_name} ({d:.1f} km)" if explain else "", d
            score = 1.0 - 0.5 * d / limit if limit else 1.0
            return score, f"{d:.1f} km apart (limit {limit:g} km)" if explain else "", d
        return None
    if a.loc is not None and a.loc == b.loc:
        return 0.9, f"same location name {a.place_name}" if explain else "", None
    if a.a3 is not None and a.a3 == b.a3:
        return 0.6, f"same admin3 {a.a3.rsplit('|', 1)[-1]}" if explain else "", None
    return None


def may_match(
    a: Profile,
    event_date: dt.date | None,
    time_precision: int | None,
    country: str | None,
    rules: MergeRules,
) -> bool:
    """Whether an event with these stored fields could match ``a`` (the date and country gates of
    :func:`compare`, checked before the stored event is loaded); False only when compare would say no."""
    if a.day is None or event_date is None:
        return False
    folded = _fold(country)
    if a.country is not None and folded is not None and a.country != folded:
        return False
    window = rules.window(time_precision)
    return abs(a.day - event_date.toordinal()) <= (a.window if a.window > window else window)


def score(a: Profile, b: Profile, rules: MergeRules) -> float | None:
    """How strongly ``a`` and ``b`` are one event (higher is stronger), or None when they are not."""
    found = _match(a, b, rules, explain=False)
    return None if found is None else found[0]


def compare(a: Profile, b: Profile, rules: MergeRules) -> MergeExplanation | None:
    """The explanation of why ``a`` and ``b`` are one event, or None when they are not.

    The explanation's ids are left empty; the caller fills them in.
    """
    found = _match(a, b, rules, explain=True)
    return None if found is None else found[1]


def _match(
    a: Profile, b: Profile, rules: MergeRules, explain: bool
) -> tuple[float, MergeExplanation | None] | None:
    if a.day is None or b.day is None or not a.has_place or not b.has_place:
        return None  # an undated or unplaced event cannot be matched to anything
    if a.country is not None and b.country is not None and a.country != b.country:
        return None
    diff = abs(a.day - b.day)
    window = a.window if a.window > b.window else b.window
    if diff > window:
        return None
    types = _types(a, b, rules, explain)
    if types is None:
        return None
    if (
        a.associates
        and b.associates
        and a.event_type in rules.distinct_by_associates
        and not a.associates & b.associates
    ):
        return None  # two protests by different groups
    actors = _actors(a, b, explain)
    if actors is None:
        return None
    place = _place(a, b, rules, explain)
    if place is None:
        return None
    date_score = 1.0 - diff / (window + 1)
    total = round(date_score + place[0] + actors[0] + types[0], 4)
    if not explain:
        return total, None
    date_reason = "same day" if diff == 0 else f"{diff} day(s) apart (window ±{window})"
    return total, MergeExplanation(
        event_id="",
        date_diff_days=diff,
        distance_km=None if place[2] is None else round(place[2], 3),
        date=date_reason,
        place=place[1],
        actors=actors[1],
        event_type=types[1],
        score=total,
        rules_version=rules.version,
    )
