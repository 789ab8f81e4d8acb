"""Session 9's start-up and output rewrites against what they replace.

- The records' written-out ``__init__``, ``__eq__`` and ``__repr__`` (``@dataclass(init=False, repr=False,
  eq=False)``) against the methods ``dataclasses`` generates for the same fields.
- The JSONL writer (orjson) against ``json.dumps(to_dict(event), ensure_ascii=False, separators=(",", ":"))``:
  the same bytes, and json's own output where orjson cannot write the same thing (NaN, a lone surrogate,
  an int beyond 64 bits).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import math
import random
from typing import Any

import pytest

from eventdesk import records
from eventdesk.export import write_jsonl
from eventdesk.records import ActorMention, Claim, Document, Event, Evidence, PlaceMention, to_dict

_RECORDS: list[type] = [Document, Evidence, ActorMention, PlaceMention, Claim, Event]
# field kinds by name (compiled, a field's declared type is not readable: records are type-checked on
# assignment, so each field gets values of its own type); the others are strings
_INTS = {"start", "end", "source_line", "inter", "fatalities", "year", "time_precision", "inter1", "inter2",
         "interaction", "iso", "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high",
         "sources_count", "independent_sources"}
_FLOATS = {"latitude", "longitude", "confidence"}
_DATES = {"published_at", "dateline", "event_date"}
_POOLS: dict[str, list[Any]] = {
    "int": [0, 7, -1, 10**6],
    "float": [1.5, 0.0, float("nan"), 36.2, 1],
    "bool": [True, False],
    "date": [dt.date(2024, 3, 1), dt.date(2023, 1, 9)],
    "datetime": [dt.datetime(2024, 3, 1, 8), dt.datetime(2024, 3, 1, 8, 0, 1)],
    "list": [[], ["a", "b"], ["a"]],
    "place": [PlaceMention("p", "h", 0, 1, "d"), PlaceMention("p", "h", 0, 2, "d")],
    "str": ["", "Aleppo", "ſ☃\u2028", "a"],
}


def _kind(cls: type, f: dataclasses.Field[Any]) -> str:
    if f.default_factory is list:
        return "list"
    if f.name in _INTS:
        return "int"
    if f.name in _FLOATS:
        return "float"
    if f.name in _DATES:
        return "date"
    if f.name == "ingested_at":
        return "datetime"
    if f.name == "place":
        return "place"
    if isinstance(f.default, bool):
        return "bool"
    return "str"


def _generated(cls: type) -> type:
    """A plain dataclass with ``cls``'s name and fields, whose methods dataclasses generates."""
    spec = [(f.name, Any, dataclasses.field(default=None)) for f in dataclasses.fields(cls)]
    made = dataclasses.make_dataclass(cls.__name__, spec)
    made.__qualname__ = cls.__qualname__
    return made


def _value(cls: type, f: dataclasses.Field[Any], rng: random.Random) -> Any:
    pool = _POOLS[_kind(cls, f)]
    if f.default is None and rng.random() < 0.3:
        return None
    value = rng.choice(pool)
    return list(value) if isinstance(value, list) else value


def _values(cls: type, rng: random.Random) -> dict[str, Any]:
    return {f.name: _value(cls, f, rng) for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", _RECORDS, ids=lambda c: c.__name__)
def test_written_out_methods_do_what_the_generated_ones_do(cls: type) -> None:
    rng = random.Random(cls.__name__)
    reference = _generated(cls)
    fields = dataclasses.fields(cls)
    for _ in range(200):
        first = _values(cls, rng)
        second = dict(first) if rng.random() < 0.4 else _values(cls, rng)
        if rng.random() < 0.3:  # one field differs
            f = rng.choice(fields)
            second[f.name] = _value(cls, f, rng)
        a, b = cls(**first), cls(**second)
        ra, rb = reference(**first), reference(**second)
        assert repr(a) == repr(ra)
        assert (a == b) is (ra == rb)
        assert (a != b) is (ra != rb)
        assert (a == cls(**first)) is (ra == reference(**first))  # NaN fields: each its own object
    assert cls(**first).__eq__(object()) is NotImplemented
    with pytest.raises(TypeError):
        hash(cls(**first))


def test_defaults_and_fields_are_those_of_the_declaration() -> None:
    doc = Document("d1", "text")
    assert doc.notes == [] and doc.notes is not Document("d2", "t").notes
    assert [f.name for f in dataclasses.fields(Document)][:3] == ["id", "text", "title"]
    assert dataclasses.replace(doc, title="x") == Document("d1", "text", title="x")
    assert Event() == Event() and Event() != Event(event_id="x")
    assert Claim("a") != Evidence("f", "d", 0, 1, "q")


def _jsonl(events: list[Any]) -> str:
    out = io.StringIO()
    assert write_jsonl(events, out) == len(events)
    return out.getvalue()


def _compact(event: Any) -> str:
    return json.dumps(to_dict(event), ensure_ascii=False, separators=(",", ":")) + "\n"


def test_jsonl_falls_back_to_json_where_orjson_would_write_something_else() -> None:
    cases = [
        Event(event_id="nan", latitude=float("nan")),
        Event(event_id="inf", longitude=-math.inf, confidence=math.inf),
        Event(event_id="surrogate", notes="bad \udc80 byte"),
        Event(event_id="big", fatalities=2**70),
        Event(event_id="plain", latitude=35.5, notes="Ḥamā"),
    ]
    for event in cases:
        assert _jsonl([event]) == _compact(event)
    assert "NaN" in _jsonl(cases[:1])


def test_jsonl_floats_parse_to_the_same_values() -> None:
    # orjson spells a few floats differently (1e-05 -> 0.00001, 1e+16 -> 1e16): the same numbers
    events = [Event(event_id=str(x), latitude=x, longitude=-x, confidence=x) for x in
              (1e-05, 1e16, 1e22, 5e-324, 1.7976931348623157e308, 0.1, 36.2, -0.0, 12.0)]
    lines = _jsonl(events).splitlines()
    assert [json.loads(line) for line in lines] == [to_dict(e) for e in events]


def test_the_fast_path_covers_the_records_written() -> None:
    assert records.finite_floats(Event(latitude=1.0, longitude=2.0, confidence=0.5))
    assert records.finite_floats(Event())
    assert not records.finite_floats(Event(confidence=float("nan")))
    assert records.finite_floats({"latitude": float("nan")})  # not an Event: json_default or json writes it
