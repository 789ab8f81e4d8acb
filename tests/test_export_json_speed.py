"""The JSONL writer's compiled per-record dicts (records._event_json & co.) against the code they
replace: ``json.dumps(to_dict(event), ensure_ascii=False)`` for every event, byte for byte with the
JSONL's compact separators (session 9: the writer is orjson)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import random
from typing import Any

from eventdesk import records
from eventdesk.export import write_jsonl
from eventdesk.records import Claim, Event, Evidence, PlaceMention, json_default, to_dict

_WORDS = ["Aleppo", "shelling", "Ḥamā", "ı", "ſ", "K", "\"quoted\"", "back\\slash", "tab\tnew\nline",
          "☃", "\u2028", "", "SANA", "Syrian Democratic Forces"]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 4)))


def _maybe(rng: random.Random, value: Any) -> Any:
    return None if rng.random() < 0.3 else value


def _evidence(rng: random.Random) -> Evidence:
    start, end = rng.randint(0, 500), rng.randint(0, 500)
    return Evidence(_text(rng), "d" + str(rng.randint(0, 99)), start, end, _text(rng))


def _claim(rng: random.Random) -> Claim:
    return Claim(_text(rng), _maybe(rng, _text(rng)), rng.random() < 0.5, _maybe(rng, _text(rng)), _text(rng),
                 _maybe(rng, rng.randint(0, 40)), _maybe(rng, "d1"),
                 [_evidence(rng) for _ in range(rng.randint(0, 3))])


_COUNTS = {"sources_count", "independent_sources"}
_INT_FIELDS = {
    "year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
    "fatalities_low", "fatalities_best", "fatalities_high", *_COUNTS,
}


def _event(rng: random.Random) -> Event:
    assert {f.name for f in dataclasses.fields(Event)} >= _INT_FIELDS
    event = Event()
    for f in dataclasses.fields(Event):
        current = getattr(event, f.name)
        if f.name == "event_date":
            day = dt.date(2024, 3, rng.randint(1, 28))
            value: Any = rng.choice([None, day, dt.datetime(2024, 3, 1, 12, 5)])
        elif f.name == "claims":
            value = [_claim(rng) for _ in range(rng.randint(0, 3))]
        elif f.name == "evidence":
            value = [_evidence(rng) for _ in range(rng.randint(0, 5))]
        elif f.name == "place":
            hints = [_text(rng) for _ in range(rng.randint(0, 2))]
            place = PlaceMention(_text(rng), _text(rng), 0, rng.randint(0, 9), "d2", hints, "near",
                                 _maybe(rng, "SY"))
            value = _maybe(rng, place)
        elif isinstance(current, list):
            value = [_text(rng) for _ in range(rng.randint(0, 3))]
        elif isinstance(current, bool):
            value = rng.random() < 0.5
        elif f.name in ("latitude", "longitude", "confidence"):
            value = _maybe(rng, rng.uniform(-90, 90))
        elif f.name in _INT_FIELDS:  # (compiled, the fields' types read as `type`: named here)
            value = rng.randint(1, 9) if f.name in _COUNTS else _maybe(rng, rng.randint(0, 10**6))
        else:
            value = _maybe(rng, _text(rng))
        setattr(event, f.name, value)
    return event


def test_each_fast_dict_has_the_fields_in_declaration_order() -> None:
    rng = random.Random(3)
    event = _event(rng)
    claim = _claim(rng)
    cases: list[tuple[Any, Any]] = [
        (records._event_json, event),
        (records._claim_json, claim),
        (records._evidence_json, _evidence(rng)),
        (records._place_mention_json, PlaceMention("p", "h", 0, 1, "d")),
    ]
    for fast, record in cases:
        names = [f.name for f in dataclasses.fields(record)]
        assert list(fast(record)) == names


def test_jsonl_is_byte_identical_to_dumps_of_to_dict() -> None:
    rng = random.Random(7)
    events = [_event(rng) for _ in range(300)] + [Event()]
    out = io.StringIO()
    assert write_jsonl(events, out) == len(events)
    compact = (",", ":")
    expected = "".join(json.dumps(to_dict(e), ensure_ascii=False, separators=compact) + "\n" for e in events)
    assert out.getvalue() == expected


def test_other_records_and_date_subclasses_still_go_through_the_generic_path() -> None:
    @dataclasses.dataclass
    class Note:
        text: str
        when: dt.date

    class MyDate(dt.date):
        pass

    # (compiled records take no interpreted subclasses; list items are not type-checked at run time)
    event = Event(event_id="x", event_date=MyDate(2024, 1, 2))
    event.evidence = [Note("t", dt.date(2024, 1, 3)), Evidence("g", "d", 1, 2, "r")]  # type: ignore[list-item]
    event.claims = [Claim("c", evidence=[Evidence("h", "d", 2, 3, "s")])]
    encoded = json.JSONEncoder(ensure_ascii=False, default=json_default, separators=(",", ":")).encode(event)
    assert encoded == json.dumps(to_dict(event), ensure_ascii=False, separators=(",", ":"))
    out = io.StringIO()
    write_jsonl([event], out)
    assert out.getvalue() == encoded + "\n"
