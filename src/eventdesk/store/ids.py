"""Stable event ids: the same document and position always give the same id.

``<ISO3 or XXX>-<first 10 hex of sha1(document_id + ':' + index)>``. The country prefix comes from
the event's numeric ISO code or its country name; an event with neither gets ``XXX``. The dedup
stage keeps the id of the first event when later reports attach to it.
"""

from __future__ import annotations

import functools

from ..records import Event

__all__ = ["assign_event_ids", "event_id_for", "iso3_for"]


try:
    # the interpreter's builtin SHA-1 (the same digests): ``import hashlib`` loads OpenSSL's library,
    # ~11 M instructions of a start-up, for a digest of a few bytes per event
    from _sha1 import sha1 as _sha1
except ImportError:  # pragma: no cover - an interpreter built without its own hashes
    from hashlib import sha1 as _sha1


@functools.lru_cache(maxsize=512)
def _iso3(iso: int | None, country: str | None) -> str:
    # pycountry's answers (countries.get / lookup) from its data file, without importing it (iso3166)
    import eventdesk.iso3166 as iso3166

    record = None
    if iso is not None:
        record = iso3166.get("numeric", f"{int(iso):03d}")
    if record is None and country:
        record = iso3166.get("name", country) or iso3166.get("common_name", country)
        record = record or iso3166.lookup(country)
    return str(record["alpha_3"]) if record is not None else "XXX"


def iso3_for(event: Event) -> str:
    """ISO 3166 alpha-3 of the event's country, or ``XXX`` when it is unknown."""
    if event.iso is None and not event.country:
        return "XXX"
    return _iso3(event.iso, event.country)


def event_id_for(document_id: str, index: int, event: Event) -> str:
    """The id of the ``index``-th event (0 = main event) coded from ``document_id``."""
    digest = _sha1(f"{document_id}:{index}".encode(), usedforsecurity=False).hexdigest()[:10]
    return f"{iso3_for(event)}-{digest}"


def assign_event_ids(document_id: str, events: list[Event]) -> list[Event]:
    """Give each event of a document its stable id and the document id (in place); returns them."""
    for index, event in enumerate(events):
        if event.event_id is None:
            event.event_id = event_id_for(document_id, index, event)
        if document_id not in event.document_ids:
            event.document_ids.append(document_id)
    return events
