"""Geo: gazetteer, toponym resolution, admin units and honest precision.

PLACEHOLDER until the geocoder lands: it resolves nothing.
"""

from __future__ import annotations

from ..records import Document, Event
from ..settings import Settings

__all__ = ["Geocoder"]


class Geocoder:
    """Placeholder: leaves events as the coder made them."""

    version = "placeholder.v0"

    @classmethod
    def from_settings(cls, settings: Settings) -> Geocoder:
        return cls()

    def guess_country(self, doc: Document) -> str | None:
        return None

    def geocode(self, events: list[Event], doc: Document) -> None:
        for event in events:
            event.geocoder_version = self.version
