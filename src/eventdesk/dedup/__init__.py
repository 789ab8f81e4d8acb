"""Dedup: from reports to events.

- Reposts: exact and near-duplicate reports (MinHash LSH candidates, word-level verification), one
  canonical document per group, the others linked by ``repost_of`` (``RepostDetector``).
- Events: one event per happening by the codebook's unit, found through blocking keys, never all
  pairs (``EventMerger``, ``deduplicate``); each merge keeps a ``MergeExplanation``.
- Corroboration: sources_count, independent_sources, claimant_sides, partisan_only (``corroborate``).

The package is pure (no database); ``eventdesk.store`` files its band and block keys in SQL tables.
"""

from __future__ import annotations

from .batch import Deduplicated, deduplicate
from .blocking import AttachResult, EventMerger, block_keys, query_keys
from .match import MergeExplanation, compare, haversine_km, may_match, profile_of
from .merge import SourceInfo, absorb, corroborate, stable_event_id
from .reposts import (
    BandStore,
    MemoryBandStore,
    RepostDecision,
    RepostDetector,
    band_keys,
    find_reposts,
    is_better_canonical,
    verify,
)
from .rules import MergeRules, load_rules

__all__ = [
    "AttachResult",
    "BandStore",
    "Deduplicated",
    "EventMerger",
    "MemoryBandStore",
    "MergeExplanation",
    "MergeRules",
    "RepostDecision",
    "RepostDetector",
    "SourceInfo",
    "absorb",
    "band_keys",
    "block_keys",
    "compare",
    "corroborate",
    "deduplicate",
    "find_reposts",
    "haversine_km",
    "is_better_canonical",
    "load_rules",
    "may_match",
    "profile_of",
    "query_keys",
    "stable_event_id",
    "verify",
]
