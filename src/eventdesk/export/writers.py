"""The writers behind :mod:`eventdesk.export`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import IO, Any

from ..errors import ConfigError, MissingExtraError
from ..records import ACLED_COLUMNS, Event, finite_floats, json_default, to_dict

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

# format name -> needs a binary file path (True) or writes text to a stream (False)
FORMATS: dict[str, bool] = {
    "jsonl": False,
    "csv": False,
    "acled-csv": False,
    "geojson": False,
    "parquet": True,
    "table": False,
}

# Beyond the ACLED columns, the fields a GeoJSON or Parquet user needs to judge an event.
_EXTRA_FIELDS = (
    "document_ids",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "confidence",
    "coder_version",
    "geocoder_version",
    "gazetteer_id",
    "complete",
    "incomplete_reasons",
    "sources_count",
    "independent_sources",
    "partisan_only",
)


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    """One Event JSON object per line (records.to_dict), compact (no space after ``:`` and ``,``);
    returns the count."""
    # orjson writes what json.dumps(to_dict(event), ensure_ascii=False, separators=(",", ":")) writes,
    # parsed (floats may differ in spelling only: 1e-05 / 0.00001), ~4x faster (docs/speed.md, "Session 9").
    # records.json_default gives the event's fields (records and dates inside already converted, from
    # compiled code); anything else that is not plain JSON reaches it too (passthrough), as with json.
    # What orjson cannot write as json would (a lone surrogate, an int beyond 64 bits, a non-finite
    # float: orjson writes null for NaN) is written by json's encoder, with the same separators.
    import orjson

    dumps = orjson.dumps
    option = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_APPEND_NEWLINE
    fallback = _json_encoder().encode
    write = out.write
    count = 0
    for event in events:
        if finite_floats(event):
            try:
                write(dumps(json_default(event), default=json_default, option=option).decode())
                count += 1
                continue
            except TypeError:  # orjson.JSONEncodeError is a TypeError
                pass
        write(fallback(event) + "\n")
        count += 1
    return count


def _json_encoder() -> json.JSONEncoder:
    """The standard library's encoder writing the JSONL's bytes (write_jsonl's fallback). A record tree
    has no cycles: no circular check (it keeps a dict of the ids of every dict and list written)."""
    return json.JSONEncoder(
        ensure_ascii=False, default=json_default, check_circular=False, separators=(",", ":")
    )


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    """ACLED's columns in ACLED's order; unknown values are empty cells."""
    import csv  # only this writer needs it (eventdesk code writes JSONL by default)

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    count = 0
    for event in events:
        row = event.acled_row()
        writer.writerow(["" if row[name] is None else row[name] for name in ACLED_COLUMNS])
        count += 1
    return count


def event_feature(event: Event) -> dict[str, Any]:
    """A GeoJSON Feature; an event without coordinates gets a null geometry, never a made-up point."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    properties = event.acled_row()
    for name in _EXTRA_FIELDS:
        properties[name] = getattr(event, name)
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": properties}


def write_geojson(events: Iterable[Event], out: IO[str]) -> int:
    """A FeatureCollection, written feature by feature."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event in events:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(event_feature(event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def _parquet_schema() -> Any:
    import pyarrow as pa

    types: dict[str, Any] = {
        "year": pa.int32(),
        "time_precision": pa.int8(),
        "inter1": pa.int8(),
        "inter2": pa.int8(),
        "interaction": pa.int16(),
        "iso": pa.int16(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "geo_precision": pa.int8(),
        "fatalities": pa.int32(),
        "event_date": pa.date32(),
    }
    fields = [pa.field(name, types.get(name, pa.string())) for name in ACLED_COLUMNS]
    fields += [
        pa.field("document_ids", pa.list_(pa.string())),
        pa.field("fatalities_low", pa.int32()),
        pa.field("fatalities_best", pa.int32()),
        pa.field("fatalities_high", pa.int32()),
        pa.field("confidence", pa.float64()),
        pa.field("coder_version", pa.string()),
        pa.field("geocoder_version", pa.string()),
        pa.field("gazetteer_id", pa.string()),
        pa.field("complete", pa.bool_()),
        pa.field("incomplete_reasons", pa.list_(pa.string())),
        pa.field("sources_count", pa.int32()),
        pa.field("independent_sources", pa.int32()),
        pa.field("partisan_only", pa.bool_()),
        pa.field("claims_json", pa.string()),
        pa.field("evidence_json", pa.string()),
    ]
    return pa.schema(fields)


def _parquet_row(event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(event, name) for name in ACLED_COLUMNS}
    for name in _EXTRA_FIELDS:
        row[name] = getattr(event, name)
    data = to_dict(event)
    row["claims_json"] = json.dumps(data["claims"], ensure_ascii=False)
    row["evidence_json"] = json.dumps(data["evidence"], ensure_ascii=False)
    return row


def write_parquet(events: Iterable[Event], path: str | os.PathLike[str], batch_size: int = 10_000) -> int:
    """A Parquet file of ACLED columns plus eventdesk's fields (claims and evidence as JSON)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "parquet") from exc
    schema = _parquet_schema()
    count = 0
    with pq.ParquetWriter(os.fspath(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(_parquet_row(event))
            count += 1
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


_TABLE_COLUMNS = (
    ("event_id", "EVENT", 14),
    ("event_date", "DATE", 10),
    ("sub_event_type", "TYPE", 22),
    ("actor1", "ACTOR 1", 22),
    ("actor2", "ACTOR 2", 22),
    ("place", "PLACE", 26),
    ("fatalities", "FAT", 3),
    ("status", "STATUS", 16),
)


def _cell(event: Event, name: str) -> str:
    if name == "place":
        parts = [event.location, event.admin1, event.country]
        seen: list[str] = []
        for part in parts:
            if part and part not in seen:
                seen.append(part)
        return ", ".join(seen)
    if name == "sub_event_type":
        return event.sub_event_type or event.event_type or ""
    if name == "status":
        return "ok" if event.complete else "incomplete: " + "; ".join(event.incomplete_reasons)
    value = getattr(event, name)
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def render_table(events: Iterable[Event], out: IO[str], width: int | None = None) -> int:
    """A fixed-width table for the terminal; long cells are cut with an ellipsis."""
    import shutil

    width = width or shutil.get_terminal_size((160, 24)).columns
    columns = list(_TABLE_COLUMNS)
    # widen the last column into whatever room the terminal has left
    used = sum(w for _, _, w in columns) + 2 * (len(columns) - 1)
    name, title, last = columns[-1]
    columns[-1] = (name, title, max(last, width - used + last))

    def line(cells: list[str]) -> str:
        parts = []
        for (_, _, w), cell in zip(columns, cells, strict=True):
            cell = cell.replace("\n", " ")
            parts.append((cell[: w - 1] + "…") if len(cell) > w else cell.ljust(w))
        return "  ".join(parts).rstrip()

    out.write(line([title for _, title, _ in columns]) + "\n")
    count = 0
    for event in events:
        out.write(line([_cell(event, name) for name, _, _ in columns]) + "\n")
        count += 1
    out.write(f"({count} event{'s' if count != 1 else ''})\n")
    return count


def write_events(events: Iterable[Event], fmt: str, out: IO[str] | str | os.PathLike[str]) -> int:
    """Write ``events`` in ``fmt`` to a text stream or (for every format) a file path."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if FORMATS[fmt]:
        if not isinstance(out, str | os.PathLike):
            raise ConfigError(f"{fmt} needs an output file (-o FILE)")
        return write_parquet(events, out)
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return write_events(events, fmt, handle)
    if fmt == "jsonl":
        return write_jsonl(events, out)
    if fmt in ("csv", "acled-csv"):
        return write_csv(events, out)
    if fmt == "geojson":
        return write_geojson(events, out)
    return render_table(events, out)
