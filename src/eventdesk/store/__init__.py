"""Store: documents, events, event↔document links, claims, evidence and runs in SQL.

SQLite by default (WAL, FTS5 over report text); any SQLAlchemy 2 URL works (PostgreSQL by
changing the URL). SQLAlchemy is imported only when :class:`EventStore` is first used, so
``eventdesk.store.ids`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .eventstore import EventQuery, EventStore, IngestSummary

__all__ = ["EventQuery", "EventStore", "IngestSummary"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import eventstore

        return getattr(eventstore, name)
    raise AttributeError(f"module 'eventdesk.store' has no attribute {name!r}")
