"""One event from many reports, incrementally: blocking keys, candidate lookup, attach or create.

Candidate pairs never come from all pairs. Every event is filed under blocking keys, and a new event
is compared only with the events filed under the keys its own date window and place radius reach:

- fine events (exact day, place or near-place precision) at home on a fine grid (one day × 0.3°)
  and on a mid grid (8 days × 0.5°);
- coarse events (week/month dates or region-level places) in every mid-grid bucket they can reach,
  so a fine event reads a single bucket to find them, and at home on a coarse grid (31 days × 1°);
- events without coordinates under their names: (location | admin3 | gazetteer id) × 31 days.

A query reads every bucket its window and radius intersect, so the grid sizes only change how many
candidates are read, never which pairs can match. ``block_keys`` gives the same keys as strings for a
SQL table (block_key → event_id) so a store can look candidates up across runs.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from ..records import Event
from .match import MergeExplanation, Profile, compare, score
from .merge import absorb, stable_event_id
from .rules import MergeRules, load_rules

__all__ = ["AttachResult", "EventMerger", "block_keys", "query_keys"]

_KM_PER_DEG = 111.2
# (days, degrees) of the three grids. Sizes only change how many candidates are read, never which
# pairs can match: a query reads every bucket its date window and place radius intersect.
_FINE = (1, 0.3)  # fine events at home, read by fine events
_MID = (8, 0.5)  # fine events at home (read by coarse events); coarse events over their reach
_COARSE = (31, 1.0)  # coarse events at home, read by coarse events


@dataclass(slots=True)
class AttachResult:
    """What happened to an event handed to ``EventMerger.add``."""

    event_id: str
    merged: bool  # True: attached to an existing event; False: a new event
    explanation: MergeExplanation | None = None


def _is_fine(event: Event) -> bool:
    return (event.time_precision or 1) == 1 and (event.geo_precision or 1) <= 2


def _range(low: float, high: float, size: float) -> range:
    return range(math.floor(low / size), math.floor(high / size) + 1)


def _cells(
    tag: str, day: int, window: int, lat: float, lon: float, radius_km: float, grid: tuple[int, float]
) -> list[Key]:
    """Every bucket of ``grid`` that [day ± window] × (a disk of ``radius_km``) intersects."""
    days, deg = grid
    dlat = radius_km / _KM_PER_DEG
    dlon = radius_km / (_KM_PER_DEG * max(math.cos(math.radians(lat)), 0.01))
    lats = _range(lat - dlat, lat + dlat, deg)
    lons = _range(lon - dlon, lon + dlon, deg)
    return [(tag, t, y, x) for t in _range(day - window, day + window, days) for y in lats for x in lons]


def _home(tag: str, day: int, lat: float, lon: float, grid: tuple[int, float]) -> Key:
    days, deg = grid
    return (tag, day // days, math.floor(lat / deg), math.floor(lon / deg))


def _names(p: Profile) -> list[tuple[str, ...]]:
    names: list[tuple[str, ...]] = []
    if p.gid is not None:
        names.append(("g", p.gid))
    if p.loc is not None:
        names.append(("l", p.country or "", p.loc))
    if p.a3 is not None:
        names.append(("a", p.country or "", p.a3))
    return names


def _name_keys(p: Profile, day: int, window: int, tag: str) -> list[Key]:
    if window == 0:
        t = day // _COARSE[0]
        return [(tag, t, name) for name in _names(p)]
    buckets = _range(day - window, day + window, _COARSE[0])
    return [(tag, t, name) for name in _names(p) for t in buckets]


Key = tuple[str, int, int, int] | tuple[str, int, tuple[str, ...]]


def _index_keys(p: Profile, fine: bool, rules: MergeRules, names: bool = True) -> list[Key]:
    """Where an event is filed.

    f: fine events at home (fine grid); m: fine events at home (mid grid);
    X: coarse events over everything they can reach (mid grid), so a fine event reads one bucket;
    C: coarse events at home (coarse grid); n / N: names of events with / without coordinates.
    """
    assert p.day is not None
    if p.lat is None or p.lon is None:
        return _name_keys(p, p.day, 0, "N")
    if fine:
        keys = [_home("f", p.day, p.lat, p.lon, _FINE), _home("m", p.day, p.lat, p.lon, _MID)]
    else:
        reach = max(p.radius, rules.fine_radius)
        keys = _cells("X", p.day, p.window, p.lat, p.lon, reach, _MID)
        keys.append(_home("C", p.day, p.lat, p.lon, _COARSE))
    if names:
        keys.extend(_name_keys(p, p.day, 0, "n"))
    return keys


def _lookup_keys(p: Profile, fine: bool, rules: MergeRules, has_nameless: bool = True) -> list[Key]:
    """Where the events that can match an event are filed."""
    assert p.day is not None
    if p.lat is None or p.lon is None:
        return _name_keys(p, p.day, rules.max_window, "N") + _name_keys(p, p.day, rules.max_window, "n")
    fine_radius = rules.fine_radius
    if fine:
        keys = _cells("f", p.day, 0, p.lat, p.lon, fine_radius, _FINE)
        keys.append(_home("X", p.day, p.lat, p.lon, _MID))
    else:
        keys = _cells("m", p.day, p.window, p.lat, p.lon, max(p.radius, fine_radius), _MID)
        keys.extend(_cells("C", p.day, rules.max_window, p.lat, p.lon, rules.max_radius, _COARSE))
    if has_nameless:
        keys.extend(_name_keys(p, p.day, rules.max_window, "N"))
    return keys


def _key_str(key: Key) -> str:
    text = "/".join("|".join(k) if isinstance(k, tuple) else str(k) for k in key)
    if len(text) > 120:  # long place names: keep the key short enough for an indexed column
        text = text[:80] + "#" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]
    return text


def block_keys(event: Event, rules: MergeRules | None = None) -> list[str]:
    """The blocking keys an event is filed under, as strings for a SQL table (block_key → event_id)."""
    rules = rules or load_rules()
    p = Profile(event, rules)
    if p.day is None or not p.has_place:
        return []
    return [_key_str(k) for k in _index_keys(p, _is_fine(event), rules)]


def query_keys(event: Event, rules: MergeRules | None = None) -> list[str]:
    """The blocking keys to read to find every stored event that can match ``event``."""
    rules = rules or load_rules()
    p = Profile(event, rules)
    if p.day is None or not p.has_place:
        return []
    return [_key_str(k) for k in _lookup_keys(p, _is_fine(event), rules)]


class EventMerger:
    """Events in, one event per happening out; incremental and deterministic (pure, in memory).

    ``add`` files an event, or attaches it to the best matching event already held; the held event
    keeps its id. Feeding the same events in the same order gives the same ids every time.
    """

    def __init__(self, rules: MergeRules | None = None, *, all_placed: bool = False) -> None:
        """``all_placed``: the caller promises every event has coordinates (a checked batch), so
        events need not be filed under their names for events without coordinates to find."""
        self.rules = rules or load_rules()
        self.all_placed = all_placed
        self.matching_only = False  # batch workers: absorb only what matching reads
        self.events: list[Event] = []
        self._profiles: list[Profile] = []
        self._index: dict[Key, list[int]] = {}
        self._by_id: dict[str, int] = {}
        self._ordinals: dict[str, int] = {}
        self._nameless = 0
        self.explanations: dict[str, list[MergeExplanation]] = {}

    def __len__(self) -> int:
        return len(self.events)

    def get(self, event_id: str) -> Event | None:
        i = self._by_id.get(event_id)
        return None if i is None else self.events[i]

    def candidates(self, event: Event) -> list[int]:
        """Positions of held events filed under the keys ``event`` can reach (in filing order)."""
        p = Profile(event, self.rules)
        if p.day is None or not p.has_place:
            return []
        return self._candidates(p, _is_fine(event))

    def _candidates(self, p: Profile, fine: bool) -> list[int]:
        found: set[int] = set()
        index = self._index
        for key in _lookup_keys(p, fine, self.rules, self._nameless > 0):
            hits = index.get(key)
            if hits:
                found.update(hits)
        return sorted(found) if len(found) > 1 else list(found)

    def add(self, event: Event) -> AttachResult:
        """Attach ``event`` to the best match held (it is then absorbed), or hold it as a new event."""
        p = Profile(event, self.rules)
        fine = _is_fine(event)
        best: tuple[float, int] | None = None
        why: MergeExplanation | None = None
        if p.day is not None and p.has_place:
            profiles, rules = self._profiles, self.rules
            candidates = self._candidates(p, fine)
            if len(candidates) == 1:  # the common case: explain straight away
                why = compare(profiles[candidates[0]], p, rules)
                if why is not None:
                    best = (why.score, candidates[0])
            for i in candidates if len(candidates) > 1 else ():
                strength = score(profiles[i], p, rules)
                if strength is not None and (best is None or strength > best[0]):
                    best = (strength, i)
        if best is not None:
            i = best[1]
            why = why or compare(self._profiles[i], p, self.rules)
            assert why is not None
            target = self.events[i]
            assert target.event_id is not None
            why.event_id = target.event_id
            why.document_ids = list(event.document_ids)
            why.attached_event_id = event.event_id
            if absorb(target, event, self.rules, matching_only=self.matching_only):
                self._profiles[i] = Profile(target, self.rules)
            self._file(i, p, fine)
            if not self.matching_only:
                self.explanations.setdefault(target.event_id, []).append(why)
            if event.event_id is not None and event.event_id != target.event_id:
                self._by_id.setdefault(event.event_id, i)
            return AttachResult(target.event_id, True, why)
        if event.event_id is None:
            first = event.document_ids[0] if event.document_ids else "nodoc"
            ordinal = self._ordinals.get(first, 0)
            self._ordinals[first] = ordinal + 1
            event.event_id = stable_event_id(first, ordinal)
        i = len(self.events)
        self.events.append(event)
        self._profiles.append(p)
        self._by_id[event.event_id] = i
        if p.day is not None and p.has_place:
            self._file(i, p, fine)
        return AttachResult(event.event_id, False, None)

    def _file(self, i: int, p: Profile, fine: bool) -> None:
        index = self._index
        if p.lat is None:
            self._nameless += 1
        if p.lat is None and self.all_placed:
            raise ValueError("an event without coordinates was added to an all_placed merger")
        for key in _index_keys(p, fine, self.rules, not self.all_placed):
            hits = index.get(key)
            if hits is None:
                index[key] = [i]
            elif hits[-1] != i:
                hits.append(i)
