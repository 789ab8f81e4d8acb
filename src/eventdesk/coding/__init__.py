"""Coding: from a Document to ACLED-style events with actors, fatalities, claims and evidence.

PLACEHOLDER: this minimal coder stands behind the interface until the real coder lands; it is
replaced, not kept.
"""

from __future__ import annotations

from ..records import Document, Event

__all__ = ["Coder"]


class Coder:
    """Placeholder: one incomplete event per document."""

    version = "placeholder.v0"

    def code(self, doc: Document, country: str | None = None) -> list[Event]:
        event = Event(document_ids=[doc.id], country=country, coder_version=self.version)
        event.mark_incomplete("placeholder coder")
        return [event]
