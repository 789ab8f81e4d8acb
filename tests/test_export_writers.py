"""Exporters: the Event JSON contract, ACLED CSV, GeoJSON, Parquet and the table view."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from eventdesk.errors import ConfigError
from eventdesk.export import event_feature, render_table, write_csv, write_events, write_geojson, write_jsonl
from eventdesk.records import (
    ACLED_COLUMNS,
    Claim,
    Document,
    Event,
    Evidence,
    PlaceMention,
    from_dict,
    json_default,
    to_dict,
)

OUR_KEYS = {
    "document_ids",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "claims",
    "evidence",
    "confidence",
    "coder_version",
    "complete",
    "incomplete_reasons",
}


def sample_events() -> list[Event]:
    located = Event(
        event_id="SYR-0123456789",
        event_date=dt.date(2024, 3, 11),
        year=2024,
        time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria (2000-2024)",
        inter1=1,
        actor2="Civilians (Syria)",
        inter2=7,
        interaction=17,
        civilian_targeting="Civilian targeting",
        iso=760,
        region="Middle East",
        country="Syria",
        admin1="Idleb",
        admin2="Ariha",
        location="Kansafra",
        latitude=35.62,
        longitude=36.5,
        geo_precision=1,
        source="Frontline Desk",
        source_scale="National",
        notes='On 11 March 2024, army artillery shelled Kansafra, "killing" 2 civilians, one a child.',
        fatalities=2,
        document_ids=["d1"],
        fatalities_low=2,
        fatalities_best=2,
        fatalities_high=2,
        claims=[
            Claim(
                claimant="Syrian Civil Defence", claim="two civilians killed", fatalities=2, document_id="d1"
            )
        ],
        evidence=[Evidence(field="location", document_id="d1", start=40, end=48, quote="Kansafra")],
        confidence=0.8,
        coder_version="rules.v1",
    )
    unlocated = Event(event_id="XXX-9876543210", document_ids=["d2"], notes="Ünïcode, commas; and\nnewlines")
    unlocated.mark_incomplete("no location")
    unlocated.mark_incomplete("no date")
    return [located, unlocated]


def test_jsonl_is_the_event_contract_and_round_trips() -> None:
    out = io.StringIO()
    assert write_jsonl(sample_events(), out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    for line, event in zip(lines, sample_events(), strict=True):
        data = json.loads(line)
        assert set(ACLED_COLUMNS) <= set(data)
        assert set(data) >= OUR_KEYS
        assert from_dict(Event, data) == event
    second = json.loads(lines[1])
    assert second["complete"] is False and second["incomplete_reasons"] == ["no location", "no date"]
    assert "Ünïcode" in lines[1]  # UTF-8, not \\u escapes


def test_jsonl_writes_what_to_dict_gives() -> None:
    # the writer encodes events directly (records.json_default, orjson), byte for byte as
    # json.dumps(to_dict(…)) with compact separators (docs/export.md)
    events = sample_events()
    events[0].place = PlaceMention("Kansafra", "Kansafra", 40, 48, "d1", hints=["Idleb"])
    doc = Document("d1", "x", published_at=dt.date(2024, 3, 12), ingested_at=dt.datetime(2024, 3, 12, 8))
    out = io.StringIO()
    write_jsonl(events, out)
    expected = "".join(
        json.dumps(to_dict(event), ensure_ascii=False, separators=(",", ":")) + "\n" for event in events
    )
    assert out.getvalue() == expected
    encode = json.JSONEncoder(ensure_ascii=False, default=json_default).encode
    assert encode(doc) == json.dumps(to_dict(doc), ensure_ascii=False)
    with pytest.raises(TypeError, match="not JSON serializable"):
        encode(object())


def test_csv_has_acled_columns_in_acled_order() -> None:
    out = io.StringIO()
    write_csv(sample_events(), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert rows[0][0] == "event_id" and rows[0][-1] == "tags"
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["event_date"] == "2024-03-11"
    assert first["latitude"] == "35.62" and first["fatalities"] == "2"
    assert first["notes"].startswith("On 11 March 2024")
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["latitude"] == "" and second["notes"] == "Ünïcode, commas; and\nnewlines"


def test_geojson_leaves_unlocated_events_without_geometry() -> None:
    out = io.StringIO()
    write_geojson(sample_events(), out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    located, unlocated = collection["features"]
    assert located["geometry"] == {"type": "Point", "coordinates": [36.5, 35.62]}
    assert located["properties"]["geo_precision"] == 1
    assert located["id"] == "SYR-0123456789"
    assert unlocated["geometry"] is None
    assert unlocated["properties"]["complete"] is False


def test_geojson_empty_collection_is_valid() -> None:
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_feature_needs_both_coordinates() -> None:
    assert event_feature(Event(latitude=35.0))["geometry"] is None


def test_parquet_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert write_events(sample_events(), "parquet", path) == 2
    table = pq.read_table(path)
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    rows = table.to_pylist()
    assert rows[0]["event_date"] == dt.date(2024, 3, 11)
    assert rows[0]["document_ids"] == ["d1"]
    assert json.loads(rows[0]["claims_json"])[0]["claimant"] == "Syrian Civil Defence"
    assert rows[1]["latitude"] is None and rows[1]["incomplete_reasons"] == ["no location", "no date"]


def test_parquet_of_nothing_is_a_valid_empty_file(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "empty.parquet"
    assert write_events([], "parquet", path) == 0
    assert pq.read_table(path).num_rows == 0


def test_parquet_needs_a_path() -> None:
    with pytest.raises(ConfigError, match="needs an output file"):
        write_events(sample_events(), "parquet", io.StringIO())


def test_unknown_format() -> None:
    with pytest.raises(ConfigError, match="unknown format 'xml'"):
        write_events([], "xml", io.StringIO())


def test_table_view() -> None:
    out = io.StringIO()
    assert render_table(sample_events(), out, width=170) == 2
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:3] == ["EVENT", "DATE", "TYPE"]
    assert "SYR-0123456789" in lines[1] and "Kansafra, Idleb, Syria" in lines[1]
    assert "incomplete: no location; no date" in lines[2]
    assert lines[-1] == "(2 events)"
    assert all(len(line) <= 170 for line in lines)


def test_write_events_to_a_path(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert write_events(sample_events(), "acled-csv", path) == 2
    assert path.read_text(encoding="utf-8").startswith("event_id,event_date,year,")


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from eventdesk.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'eventdesk\[parquet\]'"):
        write_events(sample_events(), "parquet", tmp_path / "x.parquet")
