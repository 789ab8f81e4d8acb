"""Admin units of a point: point-in-polygon on OCHA's Syria polygons (shapely STRtree)."""

from __future__ import annotations

import json
import threading
from typing import Any, ClassVar

from .gazetteer import data_path

__all__ = ["SyriaAdmin"]


class SyriaAdmin:
    """Sub-district (admin3) P-code of a point in Syria; nearest sub-district within 5 km off the edge."""

    _instance: ClassVar[SyriaAdmin | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self) -> None:
        from shapely import STRtree
        from shapely.geometry import shape

        data = json.loads(data_path("syria_admin3.geojson").read_text(encoding="utf-8"))
        self.pcodes: list[str] = []
        geoms: list[Any] = []
        for feature in data["features"]:
            self.pcodes.append(feature["properties"]["pcode"])
            geoms.append(shape(feature["geometry"]))
        self.geoms = geoms
        self.tree = STRtree(geoms)

    @classmethod
    def get(cls) -> SyriaAdmin:
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def admin3(self, lat: float, lon: float) -> str | None:
        from shapely.geometry import Point

        point = Point(lon, lat)
        for i in self.tree.query(point, predicate="intersects"):
            return self.pcodes[int(i)]
        nearest = self.tree.nearest(point)
        if nearest is None:
            return None
        if self.geoms[int(nearest)].distance(point) <= 0.05:  # about 5 km: border and coast slivers
            return self.pcodes[int(nearest)]
        return None
