"""The dedup stage inside the store: reposts and event merging on SQL tables, across ingest runs.

``EventStore.add`` calls :func:`mark_repost` before a document is inserted and :func:`file_bands`
after, and routes every event through :func:`attach_event`. Candidates come from two tables:
``document_bands`` (LSH band key → document) and ``event_blocks`` (blocking key → event), so a
new report is compared with a handful of stored ones, never with all of them. The matching itself
is :mod:`eventdesk.dedup` (pure); this module only reads and writes rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, bindparam, insert, select, update

from ..dedup import (
    MergeExplanation,
    RepostDecision,
    RepostDetector,
    SourceInfo,
    absorb,
    block_keys,
    compare,
    corroborate,
    load_rules,
    may_match,
    profile_of,
    query_keys,
)
from ..records import Document, Event, from_dict, to_dict
from . import schema

if TYPE_CHECKING:
    from ..dedup.match import Profile
    from ..dedup.rules import MergeRules
    from .eventstore import EventStore

__all__ = ["attach_event", "explain_links", "file_bands", "mark_repost"]

_CHUNK = 500  # bound parameters per IN (...) query

# Built once: composing a statement costs more than running it on SQLite (issue 5).
_docs, _bands, _blocks, _events, _links = (
    schema.documents,
    schema.document_bands,
    schema.event_blocks,
    schema.events,
    schema.event_documents,
)
_BAND_DOCUMENTS = (
    select(_docs.c.id, _docs.c.text, _docs.c.published_at, _docs.c.dateline)
    .where(
        _docs.c.id.in_(
            select(_bands.c.document_id).where(_bands.c.band_key.in_(bindparam("keys", expanding=True)))
        )
    )
    .order_by(_docs.c.id)
)
_BAND_IDS = (
    select(_bands.c.document_id)
    .where(_bands.c.band_key.in_(bindparam("keys", expanding=True)))
    .order_by(_bands.c.document_id)
)
_INSERT_BANDS = insert(_bands)
_INSERT_BLOCKS = insert(_blocks)
_BANDS_OF = select(_bands.c.band_key).where(_bands.c.document_id == bindparam("id"))
_DOCUMENT = select(_docs.c.id, _docs.c.text, _docs.c.published_at, _docs.c.dateline).where(
    _docs.c.id == bindparam("id")
)
_CANONICAL_OF = select(_docs.c.repost_of).where(_docs.c.id == bindparam("id"))
_MEMBERS = select(_docs.c.id).where(_docs.c.repost_of == bindparam("id")).order_by(_docs.c.id)
_SOURCES = select(_docs.c.id, _docs.c.publisher, _docs.c.repost_of).where(
    _docs.c.id.in_(bindparam("ids", expanding=True))
)
_EVENT_DATA = select(_events.c.data).where(_events.c.id == bindparam("id"))
_EVENT_EXISTS = select(_events.c.id).where(_events.c.id == bindparam("id"))
_BLOCKS_OF = select(_blocks.c.block_key).where(_blocks.c.event_id == bindparam("id"))
_BLOCK_EVENTS = select(
    _events.c.id,
    _events.c.created_at,
    _events.c.position,
    _events.c.event_date,
    _events.c.time_precision,
    _events.c.country,
    _events.c.data,
).where(
    _events.c.id.in_(
        select(_blocks.c.event_id).where(_blocks.c.block_key.in_(bindparam("keys", expanding=True)))
    )
)
_REPOST_TARGET = (
    select(_links.c.event_id)
    .where(and_(_links.c.document_id == bindparam("id"), _links.c.position == bindparam("position")))
    .order_by(_links.c.event_id)
    .limit(1)
)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


class _SqlBands:
    """The band index in ``document_bands`` (a ``dedup.BandStore``)."""

    def __init__(
        self, connection: Connection, cache: dict[str, Document] | None = None, *, fresh: bool = False
    ) -> None:
        self.connection = connection
        self.cache = cache  # candidates' documents, read in the same query (for ``lookup``)
        self.fresh = fresh  # documents added were inserted in this transaction: no bands filed yet

    def candidates(self, keys: Sequence[str]) -> list[str]:
        found: dict[str, None] = {}
        for chunk in _chunks(list(keys)):
            if self.cache is None:
                for (doc_id,) in self.connection.execute(_BAND_IDS, {"keys": list(chunk)}):
                    found[doc_id] = None
                continue
            for row in self.connection.execute(_BAND_DOCUMENTS, {"keys": list(chunk)}):
                found[row.id] = None
                self.cache[row.id] = Document(
                    id=row.id, text=row.text, published_at=row.published_at, dateline=row.dateline
                )
        return sorted(found) if self.cache is not None else list(found)

    def add(self, document_id: str, keys: Sequence[str]) -> None:
        existing: set[str] = set()
        if not self.fresh:
            existing = set(self.connection.execute(_BANDS_OF, {"id": document_id}).scalars())
        rows = [{"band_key": k, "document_id": document_id} for k in dict.fromkeys(keys) if k not in existing]
        if rows:
            self.connection.execute(_INSERT_BANDS, rows)


def _detector(connection: Connection) -> RepostDetector:
    cache: dict[str, Document] = {}

    def lookup(doc_id: str) -> Document | None:
        if doc_id in cache:
            return cache[doc_id]
        row = connection.execute(_DOCUMENT, {"id": doc_id}).first()
        if row is None:
            return None
        return Document(id=row.id, text=row.text, published_at=row.published_at, dateline=row.dateline)

    def canonical_of(doc_id: str) -> str | None:
        return connection.execute(_CANONICAL_OF, {"id": doc_id}).scalar()

    def members(canonical_id: str) -> list[str]:
        return list(connection.execute(_MEMBERS, {"id": canonical_id}).scalars())

    return RepostDetector(_SqlBands(connection, cache), lookup, canonical_of, members)


def mark_repost(connection: Connection, doc: Document) -> RepostDecision:
    """Decide whether ``doc`` reposts a stored document; sets ``doc.repost_of`` (before insert)."""
    decision = _detector(connection).check(doc)
    if decision.repost_of is not None or decision.relink:
        doc.repost_of = decision.repost_of
    return decision


def file_bands(store: EventStore, connection: Connection, decision: RepostDecision) -> None:
    """After the document row exists: file its band keys and move older copies under it."""
    # ``EventStore.add`` inserted the document row just before, in this transaction (the band rows
    # reference it with ON DELETE CASCADE), so it has no band rows to look up.
    _SqlBands(connection, fresh=True).add(decision.document_id, decision.band_keys)
    if not decision.relink:
        return
    docs = schema.documents
    connection.execute(
        update(docs).where(docs.c.id.in_(decision.relink)).values(repost_of=decision.document_id)
    )
    # Their events now rest on one story fewer: recount.
    links = schema.event_documents
    event_ids = connection.execute(
        select(links.c.event_id).distinct().where(links.c.document_id.in_(decision.relink))
    ).scalars()
    for event_id in sorted(event_ids):
        ev = _load_event(connection, event_id)
        if ev is not None:
            corroborate(ev, _sources(connection, ev.document_ids))
            store._write_event(connection, ev, new=False)


def _load_event(connection: Connection, event_id: str) -> Event | None:
    data = connection.execute(_EVENT_DATA, {"id": event_id}).scalar()
    return from_dict(Event, json.loads(data)) if data is not None else None


def _sources(
    connection: Connection, document_ids: Sequence[str], current: Document | None = None
) -> dict[str, SourceInfo]:
    """Outlet and repost root of each report; ``current`` (inserted in this transaction, its row
    holds exactly its own publisher and repost_of) is taken from memory instead of re-read."""
    out: dict[str, SourceInfo] = {}
    if current is not None and current.id in document_ids:
        out[current.id] = SourceInfo(current.publisher, current.repost_of)
    wanted = [d for d in document_ids if d not in out]
    for chunk in _chunks(wanted):
        for row in connection.execute(_SOURCES, {"ids": list(chunk)}):
            out[row.id] = SourceInfo(row.publisher, row.repost_of)
    repost_roots = [s.repost_of for s in out.values() if s.repost_of and s.repost_of not in out]
    for chunk in _chunks(repost_roots):
        for row in connection.execute(_SOURCES, {"ids": list(chunk)}):
            out[row.id] = SourceInfo(row.publisher, row.repost_of)
    return out


def _file_blocks(connection: Connection, event_id: str, keys: Iterable[str], *, new: bool = False) -> None:
    """File ``event_id`` under ``keys`` (``new``: the event row was just inserted, so it has no keys)."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return
    existing: set[str] = set()
    if not new:
        existing = set(connection.execute(_BLOCKS_OF, {"id": event_id}).scalars())
    rows = [{"block_key": k, "event_id": event_id} for k in wanted if k not in existing]
    if rows:
        connection.execute(_INSERT_BLOCKS, rows)


def _candidates(connection: Connection, keys: Sequence[str], mine: Profile, rules: MergeRules) -> list[Event]:
    """Stored events filed under any of ``keys`` that could match ``mine``, oldest first (ties
    broken the same on every run). Events whose date or country columns already rule them out
    (``may_match``) are dropped before their JSON is parsed."""
    order: dict[str, tuple[Any, Any, str, str]] = {}
    for chunk in _chunks(list(dict.fromkeys(keys))):  # one query per chunk: keys -> event rows
        for row in connection.execute(_BLOCK_EVENTS, {"keys": list(chunk)}):
            if row.id not in order and may_match(
                mine, row.event_date, row.time_precision, row.country, rules
            ):
                order[row.id] = (row.created_at, row.position, row.id, row.data)
    return [from_dict(Event, json.loads(row[3])) for row in sorted(order.values())]


def _repost_target(connection: Connection, doc: Document, index: int) -> str | None:
    """The event the same position of the reposted (canonical) document is linked to."""
    if doc.repost_of is None:
        return None
    return connection.execute(_REPOST_TARGET, {"id": doc.repost_of, "position": index}).scalar()


def attach_event(store: EventStore, connection: Connection, doc: Document, index: int, ev: Event) -> str:
    """Store one event of ``doc``: attach it to the stored event it repeats, or store it as new.

    The stored event keeps its id; ``ev`` (with the id it would have had) is absorbed into it and
    the link row keeps the explanation. Returns the id of the event the document is linked to.
    """
    rules = load_rules()
    if doc.id not in ev.document_ids:
        ev.document_ids.append(doc.id)
    exists = connection.execute(_EVENT_EXISTS, {"id": ev.event_id}).first()
    assert ev.event_id is not None
    if exists is not None:  # the same document and position, stored before
        store._link(connection, ev.event_id, doc.id, index)
        return ev.event_id

    target: Event | None = None
    why: MergeExplanation | None = None
    repost_target = _repost_target(connection, doc, index)
    if repost_target is not None:
        target = _load_event(connection, repost_target)
        if target is not None:
            why = compare(profile_of(target, rules), profile_of(ev, rules), rules) or MergeExplanation(
                event_id="", rules_version=rules.version
            )
            why.reposts = [doc.id]
            why.score = max(why.score, 4.0)
    if target is None:
        mine = profile_of(ev, rules)
        best: tuple[float, Event, MergeExplanation] | None = None
        for candidate in _candidates(connection, query_keys(ev, rules), mine, rules):
            found = compare(profile_of(candidate, rules), mine, rules)
            if found is not None and (best is None or found.score > best[0]):
                best = (found.score, candidate, found)
        if best is not None:
            _, target, why = best

    if target is None or why is None:
        corroborate(ev, _sources(connection, ev.document_ids, doc))
        store._write_event(connection, ev, new=True, position=index)
        store._link(connection, ev.event_id, doc.id, index)
        _file_blocks(connection, ev.event_id, block_keys(ev, rules), new=True)
        return ev.event_id

    assert target.event_id is not None
    why.event_id = target.event_id
    why.document_ids = [doc.id]
    why.attached_event_id = ev.event_id
    if doc.repost_of is not None and doc.id not in why.reposts:
        why.reposts.append(doc.id)
    absorb(target, ev, rules)
    corroborate(target, _sources(connection, target.document_ids, doc))
    store._write_event(connection, target, new=False)
    store._link(connection, target.event_id, doc.id, index, role="merged", explanation=to_dict(why))
    _file_blocks(connection, target.event_id, [*block_keys(ev, rules), *block_keys(target, rules)])
    return target.event_id


def explain_links(connection: Connection, event_id: str) -> list[dict[str, Any]]:
    """Every report linked to an event, in link order, with its role and merge explanation."""
    links, docs = schema.event_documents, schema.documents
    rows = connection.execute(
        select(
            links.c.document_id,
            links.c.position,
            links.c.role,
            links.c.explanation,
            docs.c.publisher,
            docs.c.title,
            docs.c.published_at,
            docs.c.repost_of,
        )
        .join(docs, docs.c.id == links.c.document_id)
        .where(links.c.event_id == event_id)
        .order_by(links.c.role.desc(), docs.c.ingested_at, links.c.document_id)
    )
    out = []
    for row in rows:
        out.append(
            {
                "document_id": row.document_id,
                "position": row.position,
                "role": row.role,
                "publisher": row.publisher,
                "title": row.title,
                "published_at": row.published_at.isoformat() if row.published_at else None,
                "repost_of": row.repost_of,
                "explanation": json.loads(row.explanation) if row.explanation else None,
            }
        )
    return out
