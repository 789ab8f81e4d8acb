"""Batch dedup: many events at once, on several cores when the batch is large.

Events in different countries never match, so a batch splits by country into independent parts.
The parent forks workers (the events are shared, not copied) and merges the first part itself while
they run. Each worker runs an ``EventMerger`` over its part and sends back only who merged with whom
(input positions) and the explanations; the parent folds those groups. Ids are given in input order,
so the result is the same as a single ``EventMerger`` fed the whole batch, whatever the number of
workers.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from ..records import Event
from .blocking import EventMerger
from .match import MergeExplanation, _fold
from .merge import fold, stable_event_id
from .rules import MergeRules, load_rules

__all__ = ["Deduplicated", "deduplicate"]

PARALLEL_MIN = 20_000  # below this, forking costs more than it saves

_SHARED: list[Event] = []  # the batch, visible to forked workers


@dataclass(slots=True)
class Deduplicated:
    """One event per happening, in order of first report, with the explanation of every merge."""

    events: list[Event]
    explanations: dict[str, list[MergeExplanation]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.events)


# A part's answer: groups of input positions (first = the event that holds the group), per merge
# (holder position, explanation), and whether the groups are already folded (the part run in the
# parent) or not (a forked worker's, whose explanations travel as tuples: they pickle ten times
# faster than dataclasses).
_Part = tuple[list[list[int]], list[tuple[int, "MergeExplanation | tuple[object, ...]"]], bool]
_FIELDS = tuple(f.name for f in fields(MergeExplanation))


def _run_part(args: tuple[list[int], MergeRules, bool]) -> _Part:
    positions, rules, in_parent = args
    merger = EventMerger(rules, all_placed=all(_SHARED[p].latitude is not None for p in positions))
    merger.matching_only = not in_parent  # a worker's events are thrown away: the parent folds
    holder_of: list[int] = []  # merger event index -> input position of its holder
    groups: list[list[int]] = []
    merges: list[tuple[int, MergeExplanation | tuple[object, ...]]] = []
    for position in positions:
        event = _SHARED[position]
        before = len(merger.events)
        result = merger.add(event)
        if len(merger.events) > before:
            holder_of.append(position)
            groups.append([position])
        else:
            index = merger._by_id[result.event_id]
            groups[index].append(position)
            why = result.explanation
            assert why is not None
            merges.append((holder_of[index], why if in_parent else tuple(getattr(why, n) for n in _FIELDS)))
    return groups, merges, in_parent


def _split(events: list[Event], workers: int) -> list[list[int]] | None:
    """Input positions per worker, by country (None when a country is missing: no safe split)."""
    by_country: dict[str | None, list[int]] = {}
    for position, event in enumerate(events):
        if event.country is None:
            return None
        by_country.setdefault(_fold(event.country), []).append(position)
    parts: list[list[int]] = [[] for _ in range(workers)]
    for positions in sorted(by_country.values(), key=len, reverse=True):
        min(parts, key=len).extend(positions)
    return [sorted(p) for p in parts if p]


def deduplicate(
    events: Iterable[Event], rules: MergeRules | None = None, *, workers: int = 1
) -> Deduplicated:
    """Merge ``events`` (in the order given) into one event per happening.

    ``workers`` > 1 (0 = one per core) splits large batches by country over forked processes;
    the result is identical to ``workers=1``.
    """
    rules = rules or load_rules()
    if workers == 0:
        workers = os.cpu_count() or 1
    batch = list(events)
    parts = _split(batch, workers) if workers > 1 and len(batch) >= PARALLEL_MIN else None
    if parts is None or len(parts) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        merger = EventMerger(rules)
        for event in batch:
            merger.add(event)
        return Deduplicated(merger.events, merger.explanations)

    global _SHARED
    _SHARED = batch
    pristine = [e.event_id for e in batch]
    try:
        # Fork first (the workers see the batch untouched), then merge the first part here.
        with multiprocessing.get_context("fork").Pool(len(parts) - 1) as pool:
            pending = pool.map_async(_run_part, [(p, rules, False) for p in parts[1:]], chunksize=1)
            own = _run_part((parts[0], rules, True))
            answers = [own, *pending.get()]
    finally:
        _SHARED = []
    return _assemble(batch, pristine, answers, rules)


def _assemble(
    batch: list[Event], pristine: list[str | None], answers: list[_Part], rules: MergeRules
) -> Deduplicated:
    groups = sorted(
        ((g, folded) for part_groups, _, folded in answers for g in part_groups), key=lambda x: x[0][0]
    )
    ordinals: dict[str, int] = {}
    ids: dict[int, str] = {}
    for group, folded in groups:
        holder = batch[group[0]]
        event_id = pristine[group[0]]
        if event_id is None:  # ids in input order, as one merger would give them
            first = holder.document_ids[0] if holder.document_ids else "nodoc"
            ordinal = ordinals.get(first, 0)
            ordinals[first] = ordinal + 1
            event_id = stable_event_id(first, ordinal)
        holder.event_id = ids[group[0]] = event_id
        if not folded:
            for position in group[1:]:
                fold(holder, batch[position], rules)
    explanations: dict[str, list[MergeExplanation]] = {}
    for _, merges, _ in answers:
        for holder_position, found in merges:
            why = found if isinstance(found, MergeExplanation) else MergeExplanation(*found)  # type: ignore[arg-type]
            why.event_id = ids[holder_position]
            explanations.setdefault(why.event_id, []).append(why)
    ordered = [g[0] for g, _ in groups]
    return Deduplicated(
        [batch[p] for p in ordered],
        {k: explanations[k] for k in (ids[p] for p in ordered) if k in explanations},
    )
