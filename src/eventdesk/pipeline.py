"""The pipeline: Document → coder → geocoder → events, run in-process or on an executor.

Stage contracts (each stage package keeps them):
- ``eventdesk.coding.Coder``: ``version``; ``code(doc, country=None) -> list[Event]``, main event
  first, with ``place`` (a PlaceMention) set and ``location`` = the place's head name.
- ``eventdesk.geo.Geocoder``: ``version``; ``guess_country(doc) -> str | None`` (the country the
  report is about, from its place names); ``geocode(events, doc) -> None`` fills country, iso,
  region, admin1-3, location, latitude, longitude, geo_precision and gazetteer_id in place.
- ``eventdesk.store.EventStore`` stores documents with their events (dedup attaches them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .executor import Executor, make_executor
from .records import Document, Event
from .settings import Settings

if TYPE_CHECKING:
    from .coding import Coder
    from .geo import Geocoder

__all__ = ["Pipeline"]


class Pipeline:
    """Codes documents into events. Stages are built on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._coder: Coder | None = None
        self._geocoder: Geocoder | None = None

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            from .coding import Coder

            self._coder = Coder()
        return self._coder

    @property
    def geocoder(self) -> Geocoder | None:
        if not self.settings.geocode:
            return None
        if self._geocoder is None:
            from .geo import Geocoder

            self._geocoder = Geocoder.from_settings(self.settings)
        return self._geocoder

    def code(self, doc: Document) -> list[Event]:
        """The events of one document, main event first, geocoded when geocoding is on."""
        geocoder = self.geocoder
        country = geocoder.guess_country(doc) if geocoder is not None else None
        events = self.coder.code(doc, country=country)
        if geocoder is not None:
            geocoder.geocode(events, doc)
            _relocalize_actors(events, country, doc.text)
        _localize_actors(events)  # both modes: no "(X)" placeholder reaches output
        return events

    def code_many(
        self, docs: Iterable[Document], executor: Executor | None = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        """(document, events) pairs in input order, through the settings' executor."""
        executor = executor or make_executor(self.settings.executor, self.settings.workers)
        return executor.map(self._pair, docs)

    def _pair(self, doc: Document) -> tuple[Document, list[Event]]:
        return doc, self.code(doc)


def _relocalize_actors(events: list[Event], guess: str | None, text: str) -> None:
    """Generic actor names coded before the country was settled follow the geocoder's final country."""
    if all(event.country is None for event in events):
        return
    # (one import, not four per report: a function's import is a module-table lookup per name compiled)
    from .coding.actors import relocalize_events

    relocalize_events(events, guess, text)


def _localize_actors(events: list[Event]) -> None:
    """Fill "(X)" in generic actor names ("Protesters (X)") with the event's country (from the geocoder
    when it ran); with no country known the placeholder becomes "(country unknown)"."""
    for event in events:
        if any(
            name and ("(X)" in name or name.endswith(" of X") or " of X " in name)
            for name in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
        ):
            from .coding.actors import localize

            localize(event, event.country)
