"""Helpers shared by the geocoder tests: small gazetteer indexes built from fixture files, and an
event whose place mention is a head name found in the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import Gazetteer, add_user_file, build_index
from eventdesk.geo.geocoder import Geocoder
from eventdesk.records import Document, Event, PlaceMention


def geocoder_from(
    factory: pytest.TempPathFactory, label: str, kind: str | None = None, path: Path | None = None
) -> Geocoder:
    """A geocoder over the package data (no world cities), plus one user file of ``kind`` if given."""
    directory = factory.mktemp(label)
    if kind is None or path is None:
        build_index(directory, world=False)
    else:
        add_user_file(directory, kind, path, world=False)
    return Geocoder(Gazetteer.open(directory, world=False))


def place_event(doc: Document, head: str, hints: list[str] | None = None, **fields: str) -> Event:
    """An event placed "in" ``head`` (its first occurrence in the report), with region ``hints``."""
    start = doc.text.index(head)
    place = PlaceMention(head, head, start, start + len(head), doc.id, hints=hints or [], relation="in")
    return Event(place=place, **fields)
