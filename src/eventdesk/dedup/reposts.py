"""Exact and near-duplicate reports: syndicated wire copy, blog reposts, lightly edited copies.

A document's text is cut into word shingles and summarised by a MinHash signature (datasketch).
The signature is split into LSH bands; each band hashes to a short string key ("07:3f9a…"), so
documents that share any band key are candidates. The keys are plain strings on purpose: a store
keeps them in a table (band_key → document_id) and finds candidates across ingest runs without
holding an index in memory. Every candidate is verified on the words themselves (rapidfuzz): the
longest common word subsequence must cover most of the shorter text, so a new blog header, a byline
or a footer around a copied story still counts, and two outlets writing up one event in their own
words does not.

The canonical document of a group is the earliest published, then the longest (most complete),
then the smallest id; the others carry ``repost_of`` = its id and are not independent sources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..records import Document

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = [
    "BandStore",
    "MemoryBandStore",
    "RepostDecision",
    "RepostDetector",
    "band_keys",
    "find_reposts",
    "is_better_canonical",
    "verify",
]

NUM_PERM = 120
BANDS = 40  # 40 bands × 3 rows: a pair at Jaccard 0.5 is a candidate with p > 0.99
ROWS = NUM_PERM // BANDS
SHINGLE = 4  # words per shingle
MIN_COVERAGE = 0.85  # common word subsequence / shorter text
MIN_LENGTH_RATIO = 0.4  # shorter / longer: a roundup quoting a story is not a repost of it
SHORT_TEXT = 40  # words; below this only a copy of every word counts (templated briefs differ little)
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The lower-cased words of a text; punctuation, case and spacing edits disappear."""
    return _WORD.findall(text.casefold())


_PERMUTATIONS: list[object] = []  # datasketch's (a, b) arrays for NUM_PERM/seed 1, built once


def _minhash(tokens: Sequence[str]) -> MinHash:
    from datasketch import MinHash

    if not _PERMUTATIONS:  # drawing them costs more than hashing a report: reuse (same values)
        first = MinHash(num_perm=NUM_PERM, seed=1)
        _PERMUTATIONS.extend((first.permutations, first.scheme))
    mh = MinHash(num_perm=NUM_PERM, seed=1, permutations=_PERMUTATIONS[0], scheme=_PERMUTATIONS[1])
    if len(tokens) < SHINGLE:
        shingles = {" ".join(tokens).encode("utf-8")}
    else:
        shingles = {
            " ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)
        }
    mh.update_batch(list(shingles))
    return mh


def band_keys(text: str) -> list[str]:
    """The LSH band keys of a text (``BANDS`` short strings). Same text, same keys, every run."""
    tokens = words(text)
    if not tokens:
        return []
    values = _minhash(tokens).hashvalues
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        keys.append(f"{band:02d}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


@dataclass(frozen=True, slots=True)
class Verification:
    """How much of the shorter text the longer one carries, word for word."""

    coverage: float  # longest common word subsequence / words of the shorter text
    length_ratio: float  # words of the shorter / words of the longer
    short_words: int = 0  # words of the shorter text

    @property
    def is_repost(self) -> bool:
        needed = 1.0 if self.short_words < SHORT_TEXT else MIN_COVERAGE
        return self.coverage >= needed and self.length_ratio >= MIN_LENGTH_RATIO


def verify(a: str | Sequence[str], b: str | Sequence[str]) -> Verification:
    """Compare two texts (or word lists) word by word.

    Long texts may differ a little (a new header, a corrected toll in a wire update: still one
    story). Short texts must be copied whole: templated briefs ("clashes near village 5", "… 6")
    differ in a word or two and are different reports.
    """
    from rapidfuzz.distance import LCSseq

    wa = words(a) if isinstance(a, str) else a
    wb = words(b) if isinstance(b, str) else b
    if len(wa) > len(wb):
        wa, wb = wb, wa
    short, long_ = len(wa), len(wb)
    if short == 0:
        return Verification(1.0 if long_ == 0 else 0.0, 1.0 if long_ == 0 else 0.0)
    common = LCSseq.similarity(wa, wb)
    return Verification(common / short, short / long_, short)


def _rank(doc: Document) -> tuple[dt.date, int, str]:
    published = doc.published_at or doc.dateline or dt.date.max
    return (published, -len(doc.text), doc.id)


def is_better_canonical(a: Document, b: Document) -> bool:
    """Whether ``a`` should be the canonical document rather than ``b``."""
    return _rank(a) < _rank(b)


class BandStore(Protocol):
    """Where band keys live: in memory here, in a SQL table in the event store."""

    def candidates(self, keys: Sequence[str]) -> Iterable[str]:
        """Ids of documents filed under any of ``keys``."""
        ...

    def add(self, document_id: str, keys: Sequence[str]) -> None:
        """File a document under its keys."""
        ...


class MemoryBandStore:
    """A band index in a dict (for batches and tests)."""

    def __init__(self) -> None:
        self._keys: dict[str, list[str]] = {}

    def candidates(self, keys: Sequence[str]) -> list[str]:
        found: dict[str, None] = {}
        for key in keys:
            for doc_id in self._keys.get(key, ()):
                found[doc_id] = None
        return list(found)

    def add(self, document_id: str, keys: Sequence[str]) -> None:
        for key in keys:
            ids = self._keys.setdefault(key, [])
            if document_id not in ids:
                ids.append(document_id)


@dataclass(slots=True)
class RepostDecision:
    """The outcome for one new document.

    ``repost_of`` is the canonical id the new document reposts (None when it is original or becomes
    canonical itself). ``relink`` lists already-stored documents that must now point to the new
    document, because it is an earlier or more complete copy than their canonical.
    """

    document_id: str
    repost_of: str | None = None
    matched: str | None = None  # the stored document the verification passed against
    coverage: float | None = None
    relink: list[str] = field(default_factory=list)
    band_keys: list[str] = field(default_factory=list)


class RepostDetector:
    """Finds the canonical copy of each new document among those seen before.

    ``lookup(id)`` returns a stored Document (for verification and ranking); ``canonical_of(id)``
    the canonical id a stored document points to (None when it is canonical); ``members(id)`` the
    stored documents that point to a canonical id. The defaults keep all of this in memory.
    """

    def __init__(
        self,
        bands: BandStore | None = None,
        lookup: Callable[[str], Document | None] | None = None,
        canonical_of: Callable[[str], str | None] | None = None,
        members: Callable[[str], list[str]] | None = None,
    ) -> None:
        self.bands: BandStore = bands if bands is not None else MemoryBandStore()
        self._docs: dict[str, Document] = {}
        self._canonical: dict[str, str | None] = {}
        self._lookup = lookup or self._docs.get
        self._canonical_of = canonical_of or (lambda d: self._canonical.get(d))
        self._members = members or (lambda c: [d for d, k in self._canonical.items() if k == c])

    def check(self, doc: Document) -> RepostDecision:
        """Decide about ``doc`` without filing it."""
        keys = band_keys(doc.text)
        decision = RepostDecision(doc.id, band_keys=keys)
        if not keys:
            return decision
        tokens = words(doc.text)
        best: tuple[float, str] | None = None
        for other_id in self.bands.candidates(keys):
            if other_id == doc.id:
                continue
            other = self._lookup(other_id)
            if other is None:
                continue
            result = verify(tokens, words(other.text))
            if result.is_repost and (best is None or result.coverage > best[0]):
                best = (result.coverage, other_id)
        if best is None:
            return decision
        decision.coverage, decision.matched = best
        canonical_id = self._canonical_of(decision.matched) or decision.matched
        canonical = self._lookup(canonical_id)
        if canonical is not None and is_better_canonical(doc, canonical):
            decision.relink = [canonical_id, *[m for m in self._members(canonical_id) if m != doc.id]]
        else:
            decision.repost_of = canonical_id
        return decision

    def add(self, doc: Document) -> RepostDecision:
        """Decide about ``doc``, file it, and set ``doc.repost_of`` (in-memory bookkeeping included)."""
        decision = self.check(doc)
        doc.repost_of = decision.repost_of
        self._docs[doc.id] = doc
        self._canonical[doc.id] = decision.repost_of
        for other in decision.relink:
            self._canonical[other] = doc.id
            stored = self._docs.get(other)
            if stored is not None:
                stored.repost_of = doc.id
        self.bands.add(doc.id, decision.band_keys)
        return decision


def find_reposts(docs: Iterable[Document]) -> dict[str, str | None]:
    """``{document id: canonical id or None}`` for a batch; sets ``repost_of`` on each document."""
    detector = RepostDetector()
    for doc in docs:
        detector.add(doc)
    return dict(detector._canonical)
