"""Export: events out as JSONL (the Event JSON contract), ACLED CSV, GeoJSON, Parquet or a table.

Writers stream: they take any iterable of events and never hold the whole set, except Parquet,
which writes in row groups. pyarrow is imported only by the Parquet writer.
"""

from __future__ import annotations

from .writers import (
    FORMATS,
    event_feature,
    render_table,
    write_csv,
    write_events,
    write_geojson,
    write_jsonl,
    write_parquet,
)

__all__ = [
    "FORMATS",
    "event_feature",
    "render_table",
    "write_csv",
    "write_events",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
