"""The JSONL reader's orjson path (session 9) against the path it stands in for: each line decoded
(``readers.decode``) and parsed with ``json.loads``. Same documents, notes and error messages."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from eventdesk.errors import InputError
from eventdesk.ingest import readers

_LINES: list[bytes] = [
    b'{"id": "a1", "text": "Shelling hit the town of Kafr Nabl on Monday, killing two civilians."}',
    b'{"id": 17, "text": "  Clashes near the river.  ", "published_at": "2024-03-12"}',
    b'{"id": 12345678901234567890123, "text": "An id beyond 64 bits stays an integer."}',
    b'{"id": 1.5, "text": "A float id is refused."}',
    b'{"text": "No id: the content hash.", "extra": 1, "other": [1, 2]}',
    b'{"id": "d", "text": "Duplicate keys", "text": "the last one wins"}',
    b'{"id": "e", "text": "Caf\xe9 in cp1252"}',
    b'\xef\xbb\xbf{"id": "f", "text": "A BOM on a later line"}',
    b'{"id": "g", "text": "A lone surrogate \\ud800 escape"}',
    b'{"id": "h", "text": "Emoji \\ud83d\\ude00 and \\u00e9", "language": "en"}',
    b'{"id": "i", "text": "NaN value", "n": NaN}',
    b'{"id": "j", "text": "Huge float", "n": 1e400}',
    b'{"id": "k", "text": ""}',
    b'{"id": "l"}',
    b'["not", "an", "object"]',
    b'{"id": "m", "text": "Trailing" } x',
    b'{"id": "n", "text": "bad url", "url": 5}',
    b'{"id": "o", "text": "Unterminated',
    b'  {"id": "p", "text": "Spaces around"}  ',
    b'{"id": "q", "text": "A dateline", "dateline": "12 March 2024", "title": "T", "author": "A"}',
    b'{"id": "r", "text": "x\\u0000y"}',
    b'%PDF-1.4 not json',
]


def _read(path: Path) -> list[Any]:
    out: list[Any] = []
    for item in readers.read_file(path):
        if isinstance(item, InputError):
            out.append(("error", str(item)))
        else:
            fields = dataclasses.asdict(item)
            assert isinstance(fields.pop("ingested_at"), dt.datetime)
            out.append(fields)
    return out


@pytest.mark.parametrize("first", [b"", b"\xef\xbb\xbf"])
def test_orjson_path_reads_what_json_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: bytes
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(first + b"\n".join(_LINES) + b"\r\n\n")
    fast = _read(path)
    monkeypatch.setattr(readers, "_fast_loads", lambda: (lambda raw: None))
    assert _read(path) == fast
    assert len(fast) == len(_LINES)
    assert any(item[0] == "error" for item in fast if isinstance(item, tuple))


def test_now_is_the_current_second() -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    now = readers._now()
    after = dt.datetime.now(dt.UTC).replace(microsecond=0)
    assert before <= now <= after and now.microsecond == 0 and now.tzinfo is dt.UTC
    assert readers._now() in (now, after, after + dt.timedelta(seconds=1))
