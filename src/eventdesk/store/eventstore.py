"""EventStore: documents with their events in one SQL store (SQLite by default).

Each document is written in one transaction together with its events, links, claims and evidence,
so a process killed mid-ingest leaves whole documents only, and re-running adds the rest. A
document already stored (same id) is skipped without re-coding: re-ingest changes nothing.

Every stored event goes through :meth:`EventStore._attach_event`, the one place where an event is
matched to what the store holds (the dedup stage replaces the matching there).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from ..errors import CodingError, ConfigError, EventdeskError, InputError, StoreError
from ..ingest.readers import coding_failure
from ..records import Document, Event, document_id_for, from_dict, to_dict
from ..settings import DEFAULT_DB_URL, Settings
from . import dedup, schema
from .ids import event_id_for
from .migrations import FTS_TABLE, migrate

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["EventQuery", "EventStore", "IngestSummary"]

log = logging.getLogger(__name__)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(slots=True)
class EventQuery:
    """Filters for :meth:`EventStore.events`; every filter is optional and they combine with AND.

    bbox is (min_lon, min_lat, max_lon, max_lat), GeoJSON order. ``actor`` matches any actor or
    associated actor, case-insensitively, as a substring. ``search`` is a full-text query over the
    report text (FTS5 on SQLite, LIKE elsewhere).
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    search: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    document_id: str | None = None
    limit: int | None = None


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    added: int = 0
    skipped: int = 0  # already in the store
    events: int = 0  # events coded from the added documents
    new_events: int = 0  # events the store holds now that it did not before (the rest merged)
    errors: list[str] = field(default_factory=list)
    run_id: int | None = None

    @property
    def failed(self) -> int:
        return len(self.errors)

    def line(self) -> str:
        return (
            f"{self.read} documents read: {self.added} added, {self.skipped} already stored, "
            f"{self.failed} failed; {self.events} events coded, {self.new_events} new in the store"
        )


class EventStore:
    """Documents and events in SQL. Use as a context manager or call :meth:`close`."""

    def __init__(
        self,
        url: str | None = None,
        *,
        settings: Settings | None = None,
        must_exist: bool = False,
        echo: bool = False,
    ):
        """Open (and create or migrate) the store at ``url``.

        ``must_exist`` refuses to create a new SQLite file (for commands that only read).
        """
        if url is None:
            url = settings.db_url if settings is not None else Settings.from_env().db_url
        self.url = url or DEFAULT_DB_URL
        if must_exist:
            _check_exists(self.url)
        try:
            self.engine: Engine = create_engine(self.url, echo=echo, future=True)
        except (SQLAlchemyError, ValueError) as exc:
            raise ConfigError(f"invalid database URL {self.url!r}: {exc}") from exc
        except ImportError as exc:
            raise ConfigError(f"no database driver for {self.url!r}: {exc}") from exc
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine)
        try:
            self.schema_version = migrate(self.engine)
            with self.engine.connect() as connection:
                self.has_fts = self.dialect == "sqlite" and bool(
                    connection.execute(
                        text("SELECT count(*) FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE}
                    ).scalar()
                )
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store {self.url}: {_short(exc)}", url=self.url) from exc

    # --- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventStore({self.url!r})"

    # --- writing ---------------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        with self._connect() as connection:
            return self._has_document(connection, document_id)

    def add(self, doc: Document, events: list[Event], *, run_id: int | None = None) -> list[str] | None:
        """Store a document with its events in one transaction; the stored event ids.

        Returns None (and changes nothing) when the document is already stored.
        """
        try:
            with self.engine.begin() as connection:
                if self._has_document(connection, doc.id):
                    return None
                repost = dedup.mark_repost(connection, doc)
                self._insert_document(connection, doc, run_id)
                dedup.file_bands(self, connection, repost)
                ids = [self._attach_event(connection, doc, index, ev) for index, ev in enumerate(events)]
                if run_id is not None:
                    connection.execute(_COUNT_RUN, {"run_id": run_id, "events": len(ids)})
                return ids
        except IntegrityError:
            if self.has_document(doc.id):  # another process stored it meanwhile
                return None
            raise
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store document {doc.id}: {_short(exc)}", url=self.url) from exc

    def ingest(
        self,
        items: Iterable[Document | InputError],
        pipeline: Pipeline,
        *,
        on_error: Callable[[EventdeskError], None] | None = None,
        on_item: Callable[[Document | InputError], None] | None = None,
    ) -> IngestSummary:
        """Code and store documents; reader and coder errors are collected (and passed to
        ``on_error``) and the batch goes on.

        Documents already stored are skipped before coding. A run row (coder version, counts) is
        written when the run adds anything.
        """
        summary = IngestSummary()
        events_before = self.count_events()
        for item in items:
            summary.read += 1
            if isinstance(item, InputError):
                summary.errors.append(str(item))
                if on_error is not None:
                    on_error(item)
            elif self.has_document(item.id):
                summary.skipped += 1
            else:
                try:
                    events = pipeline.code(item)
                except Exception as exc:  # one report's coder failure must not stop the batch
                    error = coding_failure(item, exc)
                    log.warning("%s", error, exc_info=not isinstance(exc, CodingError))
                    summary.errors.append(str(error))
                    if on_error is not None:
                        on_error(error)
                    if on_item is not None:
                        on_item(item)
                    continue
                if summary.run_id is None:
                    summary.run_id = self._start_run(pipeline)
                ids = self.add(item, events, run_id=summary.run_id)
                if ids is None:
                    summary.skipped += 1
                else:
                    summary.added += 1
                    summary.events += len(ids)
            if on_item is not None:
                on_item(item)
        summary.new_events = self.count_events() - events_before
        if summary.run_id is not None:
            self._finish_run(summary)
        return summary

    def _start_run(self, pipeline: Pipeline) -> int:
        geocoder = pipeline.geocoder
        with self.engine.begin() as connection:
            result = connection.execute(
                insert(schema.runs).values(
                    started_at=_now(),
                    status="running",
                    coder_version=getattr(pipeline.coder, "version", None),
                    geocoder_version=getattr(geocoder, "version", None) if geocoder else None,
                    documents_added=0,
                    documents_skipped=0,
                    events_added=0,
                    errors=0,
                )
            )
            run_id = result.inserted_primary_key[0] if result.inserted_primary_key else None
        assert run_id is not None
        return int(run_id)

    def _finish_run(self, summary: IngestSummary) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                update(schema.runs)
                .where(schema.runs.c.id == summary.run_id)
                .values(
                    finished_at=_now(),
                    status="done",
                    documents_skipped=summary.skipped,
                    errors=summary.failed,
                )
            )

    def _has_document(self, connection: Connection, document_id: str) -> bool:
        return connection.execute(_HAS_DOCUMENT, {"_id": document_id}).first() is not None

    def _insert_document(self, connection: Connection, doc: Document, run_id: int | None) -> None:
        # statements with parameters (not .values()) so SQLAlchemy compiles each one once
        connection.execute(
            insert(schema.documents),
            {
                "id": doc.id,
                "text_hash": document_id_for(doc.text),
                "text": doc.text,
                "title": doc.title,
                "url": doc.url,
                "publisher": doc.publisher,
                "author": doc.author,
                "published_at": doc.published_at,
                "dateline": doc.dateline,
                "language": doc.language,
                "source_file": doc.source_file,
                "source_line": doc.source_line,
                "ingested_at": (doc.ingested_at or dt.datetime.now(dt.UTC)).isoformat(),
                "repost_of": doc.repost_of,
                "notes": json.dumps(doc.notes, ensure_ascii=False) if doc.notes else None,
                "run_id": run_id,
            },
        )
        if self.has_fts:
            connection.execute(
                text(f"INSERT INTO {FTS_TABLE} (document_id, title, text) VALUES (:id, :title, :text)"),
                {"id": doc.id, "title": doc.title or "", "text": doc.text},
            )

    def _attach_event(self, connection: Connection, doc: Document, index: int, ev: Event) -> str:
        """Store one event of ``doc`` and link it; returns the id of the event it is linked to.

        The dedup stage (:mod:`.dedup`) finds a stored event that is the same happening (blocking
        keys in ``event_blocks``, the rules of :mod:`eventdesk.dedup`) and merges ``ev`` into it,
        linking the document with role "merged" and the explanation; otherwise ``ev`` is new.
        """
        ev.event_id = ev.event_id or event_id_for(doc.id, index, ev)
        return dedup.attach_event(self, connection, doc, index, ev)

    def _write_event(self, connection: Connection, ev: Event, *, new: bool, position: int = 0) -> None:
        """Insert (``new``) or overwrite an event row with its claims and evidence rows."""
        assert ev.event_id is not None
        now = _now()
        values = _event_columns(ev)
        values["data"] = json.dumps(to_dict(ev), ensure_ascii=False, sort_keys=True)
        values["updated_at"] = now
        if new:
            values.update(id=ev.event_id, created_at=now, position=position)
            connection.execute(insert(schema.events), values)
        else:
            values["_id"] = ev.event_id
            connection.execute(_UPDATE_EVENT, values)
            connection.execute(_DELETE_CLAIMS, {"_id": ev.event_id})
            connection.execute(_DELETE_EVIDENCE, {"_id": ev.event_id})
        if ev.claims:
            connection.execute(
                insert(schema.claims),
                [
                    {
                        "event_id": ev.event_id,
                        "document_id": c.document_id,
                        "claimant": c.claimant,
                        "via": c.via,
                        "partisan": c.partisan,
                        "side": c.side,
                        "claim": c.claim,
                        "fatalities": c.fatalities,
                    }
                    for c in ev.claims
                ],
            )
        if ev.evidence:
            connection.execute(
                insert(schema.evidence),
                [
                    {
                        "event_id": ev.event_id,
                        "document_id": e.document_id,
                        "field": e.field,
                        "char_start": e.start,
                        "char_end": e.end,
                        "quote": e.quote,
                    }
                    for e in ev.evidence
                ],
            )

    def _link(
        self,
        connection: Connection,
        event_id: str,
        document_id: str,
        position: int,
        *,
        role: str = "origin",
        explanation: dict[str, Any] | None = None,
    ) -> None:
        table = schema.event_documents
        found = connection.execute(_HAS_LINK, {"_event": event_id, "_document": document_id}).first()
        if found is None:
            connection.execute(
                insert(table),
                {
                    "event_id": event_id,
                    "document_id": document_id,
                    "position": position,
                    "role": role,
                    "explanation": json.dumps(explanation, ensure_ascii=False) if explanation else None,
                },
            )

    # --- reading ---------------------------------------------------------------------------------

    def events(self, query: EventQuery | None = None, **filters: Any) -> Iterator[Event]:
        """Stored events matching the query (or keyword filters), oldest ingest first."""
        query = query or EventQuery(**filters)
        table = schema.events
        statement = select(table.c.data).where(*self._conditions(query))
        statement = statement.order_by(table.c.created_at, table.c.position, table.c.id)
        if query.limit is not None:
            statement = statement.limit(query.limit)
        with self._connect() as connection:
            for (data,) in connection.execute(statement):
                yield _event_from_json(data)

    def count_events(self, query: EventQuery | None = None, **filters: Any) -> int:
        query = query or EventQuery(**filters)
        statement = select(func.count()).select_from(schema.events).where(*self._conditions(query))
        with self._connect() as connection:
            return int(connection.execute(statement).scalar() or 0)

    def get_event(self, event_id: str) -> Event | None:
        with self._connect() as connection:
            data = connection.execute(
                select(schema.events.c.data).where(schema.events.c.id == event_id)
            ).scalar()
        return _event_from_json(data) if data is not None else None

    def _conditions(self, query: EventQuery) -> list[ColumnElement[bool]]:
        table = schema.events
        conditions: list[ColumnElement[bool]] = []
        if query.since is not None:
            conditions.append(table.c.event_date >= query.since)
        if query.until is not None:
            conditions.append(table.c.event_date <= query.until)
        if query.country:
            conditions.append(func.lower(table.c.country) == query.country.lower())
        if query.admin1:
            conditions.append(func.lower(table.c.admin1) == query.admin1.lower())
        if query.event_type:
            conditions.append(func.lower(table.c.event_type) == query.event_type.lower())
        if query.sub_event_type:
            conditions.append(func.lower(table.c.sub_event_type) == query.sub_event_type.lower())
        if query.actor:
            pattern = f"%{_escape_like(query.actor.lower())}%"
            conditions.append(
                or_(
                    *(
                        func.lower(column).like(pattern, escape="\\")
                        for column in (
                            table.c.actor1,
                            table.c.actor2,
                            table.c.assoc_actor_1,
                            table.c.assoc_actor_2,
                        )
                    )
                )
            )
        if query.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = query.bbox
            conditions.append(table.c.latitude.between(min_lat, max_lat))
            if min_lon <= max_lon:
                conditions.append(table.c.longitude.between(min_lon, max_lon))
            else:  # the box crosses the antimeridian
                conditions.append(or_(table.c.longitude >= min_lon, table.c.longitude <= max_lon))
        if query.document_id:
            links = schema.event_documents
            conditions.append(
                table.c.id.in_(select(links.c.event_id).where(links.c.document_id == query.document_id))
            )
        if query.search:
            conditions.append(table.c.id.in_(self._search_event_ids(query.search)))
        return conditions

    def _matching_documents(self, search: str) -> Any:
        """A SELECT of the ids of documents whose text (or title) holds every word of ``search``."""
        table = schema.documents
        if self.has_fts:
            matching = (
                text(f"SELECT document_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q")
                .bindparams(q=fts_query(search))
                .columns(document_id=table.c.id.type)
            )
            return select(matching.subquery().c.document_id)
        conditions = [
            func.lower(table.c.text).like(f"%{_escape_like(word.lower())}%", escape="\\")
            for word in search.split()
        ]
        return select(table.c.id).where(*conditions)

    def _search_event_ids(self, search: str) -> Any:
        links = schema.event_documents
        return select(links.c.event_id).where(links.c.document_id.in_(self._matching_documents(search)))

    def documents(
        self, *, limit: int | None = None, offset: int = 0, search: str | None = None
    ) -> Iterator[Document]:
        """Stored documents in ingest order, optionally only those matching a text search."""
        table = schema.documents
        statement = select(table).order_by(table.c.ingested_at, table.c.id).offset(offset)
        if search:
            statement = statement.where(table.c.id.in_(self._matching_documents(search)))
        if limit is not None:
            statement = statement.limit(limit)
        with self._connect() as connection:
            for row in connection.execute(statement).mappings():
                yield _document_from_row(row)

    def get_document(self, document_id: str) -> Document | None:
        with self._connect() as connection:
            row = (
                connection.execute(select(schema.documents).where(schema.documents.c.id == document_id))
                .mappings()
                .first()
            )
        return _document_from_row(row) if row is not None else None

    def explain(self, event_id: str) -> list[Document]:
        """The reports an event was coded from (the dedup stage adds why they were merged)."""
        links = schema.event_documents
        with self._connect() as connection:
            ids = (
                connection.execute(
                    select(links.c.document_id)
                    .where(links.c.event_id == event_id)
                    .order_by(links.c.document_id)
                )
                .scalars()
                .all()
            )
        if not ids and self.get_event(event_id) is None:
            raise StoreError(f"no event {event_id!r} in the store", url=self.url)
        return [doc for doc_id in ids if (doc := self.get_document(doc_id)) is not None]

    def merges(self, event_id: str) -> list[dict[str, Any]]:
        """Every report linked to an event with its role (origin | merged) and why it was merged."""
        with self._connect() as connection:
            links = dedup.explain_links(connection, event_id)
        if not links and self.get_event(event_id) is None:
            raise StoreError(f"no event {event_id!r} in the store", url=self.url)
        return links

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds."""
        with self._connect() as connection:

            def count(table: Any, *where: ColumnElement[bool]) -> int:
                return int(
                    connection.execute(select(func.count()).select_from(table).where(*where)).scalar() or 0
                )

            ev = schema.events
            by_country = connection.execute(
                select(ev.c.country, func.count())
                .group_by(ev.c.country)
                .order_by(func.count().desc(), ev.c.country)
            ).all()
            by_type = connection.execute(
                select(ev.c.event_type, func.count())
                .group_by(ev.c.event_type)
                .order_by(func.count().desc(), ev.c.event_type)
            ).all()
            dates = connection.execute(select(func.min(ev.c.event_date), func.max(ev.c.event_date))).first()
            last_run = (
                connection.execute(select(schema.runs).order_by(schema.runs.c.id.desc()).limit(1))
                .mappings()
                .first()
            )
            return {
                "url": self.url,
                "schema_version": self.schema_version,
                "documents": count(schema.documents),
                "reposts": count(schema.documents, schema.documents.c.repost_of.is_not(None)),
                "events": count(ev),
                "incomplete_events": count(ev, ev.c.complete.is_(False)),
                "geolocated_events": count(ev, ev.c.latitude.is_not(None)),
                "links": count(schema.event_documents),
                "claims": count(schema.claims),
                "evidence": count(schema.evidence),
                "runs": count(schema.runs),
                "interrupted_runs": count(schema.runs, schema.runs.c.status == "running"),
                "first_event_date": _iso(dates[0]) if dates else None,
                "last_event_date": _iso(dates[1]) if dates else None,
                "by_country": {str(k) if k is not None else "(unknown)": int(v) for k, v in by_country},
                "by_event_type": {str(k) if k is not None else "(uncoded)": int(v) for k, v in by_type},
                "last_run": dict(last_run) if last_run is not None else None,
            }

    def integrity_problems(self) -> list[str]:
        """Consistency checks: SQLite's own, then the store's invariants. Empty when all is well."""
        problems: list[str] = []
        links = schema.event_documents
        with self._connect() as connection:
            if self.dialect == "sqlite":
                result = connection.execute(text("PRAGMA integrity_check")).scalars().all()
                if result != ["ok"]:
                    problems.extend(f"sqlite: {line}" for line in result)
                fk = connection.execute(text("PRAGMA foreign_key_check")).all()
                problems.extend(f"foreign key: {tuple(row)}" for row in fk)
            orphan_events = connection.execute(
                select(func.count())
                .select_from(schema.events)
                .where(~schema.events.c.id.in_(select(links.c.event_id)))
            ).scalar()
            if orphan_events:
                problems.append(f"{orphan_events} events linked to no document")
            dangling = connection.execute(
                select(func.count())
                .select_from(links)
                .where(
                    or_(
                        ~links.c.event_id.in_(select(schema.events.c.id)),
                        ~links.c.document_id.in_(select(schema.documents.c.id)),
                    )
                )
            ).scalar()
            if dangling:
                problems.append(f"{dangling} links to missing events or documents")
            if self.has_fts:
                fts_rows = connection.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar()
                docs = connection.execute(select(func.count()).select_from(schema.documents)).scalar()
                if fts_rows != docs:
                    problems.append(f"full-text index has {fts_rows} rows for {docs} documents")
        return problems

    def _connect(self) -> Any:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot connect to {self.url}: {_short(exc)}", url=self.url) from exc


# --- helpers -------------------------------------------------------------------------------------


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, and explicit BEGIN so a transaction covers every statement."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below own transactions
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Checkpoint the WAL every ~40 MB rather than every 4 MB: ingest commits once per report and
        # the default made every ~50th commit copy and sync pages back (+25-30 % store-only docs/s).
        cursor.execute("PRAGMA wal_autocheckpoint=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")


_EVENT_COLUMNS = (
    "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "interaction", "iso", "country", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "complete", "confidence",
    "coder_version", "sources_count", "data", "updated_at",
)  # fmt: skip
_UPDATE_EVENT = (
    update(schema.events)
    .where(schema.events.c.id == bindparam("_id"))
    .values({name: bindparam(name) for name in _EVENT_COLUMNS})
)
_HAS_DOCUMENT = select(schema.documents.c.id).where(schema.documents.c.id == bindparam("_id"))
_HAS_LINK = select(schema.event_documents.c.event_id).where(
    schema.event_documents.c.event_id == bindparam("_event"),
    schema.event_documents.c.document_id == bindparam("_document"),
)
_DELETE_CLAIMS = delete(schema.claims).where(schema.claims.c.event_id == bindparam("_id"))
_DELETE_EVIDENCE = delete(schema.evidence).where(schema.evidence.c.event_id == bindparam("_id"))
_COUNT_RUN = (
    update(schema.runs)
    .where(schema.runs.c.id == bindparam("run_id"))
    .values(
        documents_added=schema.runs.c.documents_added + 1,
        events_added=schema.runs.c.events_added + bindparam("events"),
    )
)


def _check_exists(url: str) -> None:
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception as exc:
        raise ConfigError(f"invalid database URL {url!r}: {exc}") from exc
    database = parsed.database
    in_file = parsed.get_backend_name() == "sqlite" and database not in (None, "", ":memory:")
    if in_file and database and not os.path.exists(database):
        raise StoreError(f"no store at {database}; run 'eventdesk ingest' first or pass --db", url=url)


def _event_columns(ev: Event) -> dict[str, Any]:
    return {
        "event_date": ev.event_date,
        "year": ev.year if ev.year is not None else (ev.event_date.year if ev.event_date else None),
        "time_precision": ev.time_precision,
        "disorder_type": ev.disorder_type,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1,
        "assoc_actor_1": ev.assoc_actor_1,
        "actor2": ev.actor2,
        "assoc_actor_2": ev.assoc_actor_2,
        "interaction": ev.interaction,
        "iso": ev.iso,
        "country": ev.country,
        "admin1": ev.admin1,
        "admin2": ev.admin2,
        "location": ev.location,
        "latitude": ev.latitude,
        "longitude": ev.longitude,
        "geo_precision": ev.geo_precision,
        "fatalities": ev.fatalities,
        "complete": ev.complete,
        "confidence": ev.confidence,
        "coder_version": ev.coder_version,
        "sources_count": ev.sources_count,
    }


def _event_from_json(data: str) -> Event:
    return from_dict(Event, json.loads(data))


def _document_from_row(row: Any) -> Document:
    ingested = row["ingested_at"]
    return Document(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        publisher=row["publisher"],
        author=row["author"],
        published_at=row["published_at"],
        dateline=row["dateline"],
        language=row["language"],
        source_file=row["source_file"],
        source_line=row["source_line"],
        ingested_at=dt.datetime.fromisoformat(ingested) if ingested else None,
        repost_of=row["repost_of"],
        notes=json.loads(row["notes"]) if row["notes"] else [],
    )


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if value is not None else None)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_FTS_TOKEN = re.compile(r"\w+(?:\*)?", re.UNICODE)


def fts_query(search: str) -> str:
    """A user's words as a safe FTS5 query: every word must occur (a trailing * keeps a prefix)."""
    terms = []
    for token in _FTS_TOKEN.findall(search):
        prefix = token.endswith("*")
        word = token.rstrip("*")
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or '""'


def _short(exc: BaseException) -> str:
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return message[:300]
