"""The store's tables (SQLAlchemy Core). Created and changed only by :mod:`.migrations`.

Portable types only; SQLite-specific parts (FTS5) live in the migrations, behind a dialect check.
See docs/store.md for the schema and how to add a migration.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "claims",
    "document_bands",
    "documents",
    "event_blocks",
    "event_documents",
    "events",
    "evidence",
    "metadata",
    "runs",
    "schema_version",
]

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(40), nullable=False),
    Column("finished_at", String(40)),
    Column("status", String(20), nullable=False),  # running | done (a killed run stays "running")
    Column("coder_version", String(80)),
    Column("geocoder_version", String(80)),
    Column("documents_added", Integer, nullable=False, default=0),
    Column("documents_skipped", Integer, nullable=False, default=0),
    Column("events_added", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("text_hash", String(40), nullable=False, index=True),  # document_id_for(text), even for JSONL ids
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("publisher", String(300), index=True),
    Column("author", String(300)),
    Column("published_at", Date, index=True),
    Column("dateline", Date),
    Column("language", String(20)),
    Column("source_file", Text),
    Column("source_line", Integer),
    Column("ingested_at", String(40)),
    Column("repost_of", String(100), index=True),  # set by the dedup stage
    Column("notes", Text),  # JSON list of reader remarks
    Column("run_id", Integer, ForeignKey("runs.id")),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_date", Date, index=True),
    Column("year", Integer),
    Column("time_precision", Integer),
    Column("disorder_type", String(80)),
    Column("event_type", String(80), index=True),
    Column("sub_event_type", String(120), index=True),
    Column("actor1", String(300), index=True),
    Column("assoc_actor_1", Text),
    Column("actor2", String(300), index=True),
    Column("assoc_actor_2", Text),
    Column("interaction", Integer),
    Column("iso", Integer),
    Column("country", String(100), index=True),
    Column("admin1", String(200), index=True),
    Column("admin2", String(200)),
    Column("location", String(300)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("complete", Boolean, nullable=False, default=True),
    Column("confidence", Float),
    Column("coder_version", String(80)),
    Column("sources_count", Integer, nullable=False, default=1),
    Column("position", Integer, nullable=False, default=0),  # index within its first document
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("data", Text, nullable=False),  # the full Event JSON (records.to_dict)
    Index("ix_events_lat_lon", "latitude", "longitude"),  # map-box queries
    Index("ix_events_created", "created_at", "position"),
)

event_documents = Table(
    "event_documents",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String(100), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),  # index of the event within that document
    Column("role", String(20), nullable=False, default="origin"),  # origin | merged (dedup)
    Column("explanation", Text),  # why a report was merged into the event (dedup), JSON
    Index("ix_event_documents_document", "document_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", String(100)),
    Column("claimant", String(300), nullable=False),
    Column("via", String(300)),
    Column("partisan", Boolean, nullable=False, default=False),
    Column("side", String(300)),
    Column("claim", Text),
    Column("fatalities", Integer),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", String(100), nullable=False),
    Column("field", String(60), nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
)

# dedup: LSH band keys of documents (near-duplicate candidates across ingest runs)
document_bands = Table(
    "document_bands",
    metadata,
    Column("band_key", String(40), primary_key=True),
    Column("document_id", String(100), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_document_bands_document", "document_id"),
)

# dedup: blocking keys of events (date window x grid cell or place name -> candidate events)
event_blocks = Table(
    "event_blocks",
    metadata,
    Column("block_key", String(200), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_blocks_event", "event_id"),
)
