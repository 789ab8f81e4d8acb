"""Gold files: ACLED-format CSV, the seed's gold JSON, and eventdesk's own fixture gold (YAML/JSONL).

Every reader turns a gold file into ``GoldCase`` records: the ``Document`` the coder sees and the
``GoldEvent`` answers kept beside it. For ACLED rows the Document holds the ``notes`` text and
nothing else: no date, no source, no file name and not ``event_id_cnty`` (its prefix is the
country's ISO code, an answer). The row's id is kept on the case, for error listings only.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError, EventdeskError
from ..records import Document

__all__ = [
    "GOLD_FIELDS",
    "GoldCase",
    "GoldEvent",
    "GoldSet",
    "date_stated_in_text",
    "load_gold",
    "parse_gold_date",
]

# Fields a gold event may carry; only those a gold file gives are scored.
GOLD_FIELDS: tuple[str, ...] = (
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "interaction",
    "fatalities",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
)

# Allies a YAML/JSON gold event may also give (not read from ACLED CSV rows, so dev scores are unchanged).
ASSOC_FIELDS: tuple[str, ...] = ("assoc_actor_1", "assoc_actor_2")

# ACLED inter codes, for gold files that write the actor type as words ("State forces").
INTER_NAMES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "rebel groups": 2,
    "political militia": 3,
    "political militias": 3,
    "identity militia": 4,
    "identity militias": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
    "external forces": 8,
    "other forces": 8,
}

_INT_FIELDS = {"time_precision", "inter1", "inter2", "interaction", "geo_precision"}
_FLOAT_FIELDS = {"latitude", "longitude"}


@dataclass(slots=True)
class GoldEvent:
    """The expected coding of one event. ``scored`` names the fields the gold gives.

    A field in ``scored`` whose value is None means "must be empty" (an ACLED row with no actor2).
    Fatalities are a range: an exact figure has ``fatalities_min == fatalities_max``.
    """

    event_date: dt.date | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    claims: list[dict[str, str]] = field(default_factory=list)
    scored: frozenset[str] = frozenset()
    # Allies (semicolon lists), given only by YAML/JSON gold files: scored as sets when present.
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None


@dataclass(slots=True)
class GoldCase:
    """One input report with its expected events (main event first).

    ``complete`` says the gold lists every event of the report (fixture and seed gold), so extra
    predicted events are errors; an ACLED row gives only one event of its note.
    ``forbid_years`` and ``year_counts`` are hard rules: no predicted event in those years, and
    exactly that many predicted events per year.
    """

    id: str
    document: Document
    events: list[GoldEvent]
    complete: bool = False
    forbid_years: list[int] = field(default_factory=list)
    year_counts: dict[int, int] = field(default_factory=dict)
    date_in_text: bool = False
    path: str | None = None
    line: int | None = None


@dataclass(slots=True)
class GoldSet:
    """A gold file read: its cases, the format it had, and the rows that could not be read."""

    path: str
    kind: str  # "acled-csv" | "seed-json" | "fixture"
    cases: list[GoldCase]
    problems: list[EvaluationError] = field(default_factory=list)


# --- dates ---------------------------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%B-%y", "%d-%b-%Y", "%d %b %Y", "%d/%m/%Y")


def parse_gold_date(value: str) -> dt.date:
    """A gold date in any layout ACLED exports use ("08 September 2017", "6-May-20", ISO)."""
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {value!r}")


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A day+month+year or month+year anywhere in the text, or a numeric date. Deliberately simple:
# it decides only whether a note *can* be dated from its own words.
_DATE_IN_TEXT = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})\b",
    re.IGNORECASE,
)


def date_stated_in_text(text: str) -> bool:
    """True when the text states a day+month+year, a month+year or a numeric date."""
    return _DATE_IN_TEXT.search(text) is not None


# --- reading -------------------------------------------------------------------------------------


def load_gold(path: str | Path) -> GoldSet:
    """Read a gold file, choosing the reader by extension and content."""
    p = Path(path)
    if not p.exists():
        raise EvaluationError("file not found", path=str(p))
    if p.is_dir():
        return _read_fixture_dir(p)
    suffix = p.suffix.lower()
    if suffix in {".csv", ".tsv"}:
        return _read_acled_csv(p)
    if suffix in {".yaml", ".yml"}:
        return _read_fixture(p, _load_yaml(p))
    if suffix == ".jsonl":
        return _read_fixture(p, _load_jsonl(p))
    if suffix == ".json":
        data = _load_json(p)
        if isinstance(data, dict) and "document" in data:
            return _read_seed_json(p, data)
        return _read_fixture(p, data)
    kind = suffix or "(no extension)"
    raise EvaluationError(f"unknown gold format {kind!r}; use .csv, .json, .yaml or .jsonl", path=str(p))


def _read_text(p: Path) -> str:
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"not UTF-8 text ({exc.reason})", path=str(p)) from exc
    except OSError as exc:
        raise EvaluationError(exc.strerror or str(exc), path=str(p)) from exc


def _load_json(p: Path) -> Any:
    try:
        return json.loads(_read_text(p))
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"bad JSON at line {exc.lineno}: {exc.msg}", path=str(p)) from exc


def _load_jsonl(p: Path) -> list[Any]:
    items = []
    for number, line in enumerate(_read_text(p).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"bad JSON: {exc.msg}", path=f"{p}:{number}") from exc
        if isinstance(item, dict):
            item.setdefault("_line", number)
        items.append(item)
    return items


def _load_yaml(p: Path) -> Any:
    import yaml

    try:
        return yaml.safe_load(_read_text(p))
    except yaml.YAMLError as exc:
        raise EvaluationError(f"bad YAML: {exc}".splitlines()[0], path=str(p)) from exc


# ACLED CSV -----------------------------------------------------------------------------------------


def _read_acled_csv(p: Path) -> GoldSet:
    text = _read_text(p)
    delimiter = "\t" if p.suffix.lower() == ".tsv" else ","
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise EvaluationError("empty file", path=str(p)) from None
    except csv.Error as exc:
        raise EvaluationError(f"bad CSV: {exc}", path=str(p)) from exc
    header = [h.strip().lstrip("\ufeff") for h in header]
    if "notes" not in header:
        raise EvaluationError("no 'notes' column (not an ACLED-format CSV)", path=str(p))
    gold = GoldSet(path=str(p), kind="acled-csv", cases=[])
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            gold.problems.append(EvaluationError(f"bad CSV: {exc}", path=f"{p}:{line}"))
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            gold.problems.append(EvaluationError(
                f"{len(row)} cells, header has {len(header)}", path=f"{p}:{start}"))
            continue
        record = dict(zip(header, row, strict=True))
        try:
            gold.cases.append(_acled_case(record, p, start, len(gold.cases) + 1))
        except ValueError as exc:
            gold.problems.append(EvaluationError(str(exc), path=f"{p}:{start}"))
    return gold


def _acled_case(record: dict[str, str], p: Path, line: int, number: int) -> GoldCase:
    notes = record["notes"].strip()
    if not notes:
        raise ValueError("empty notes")
    # The coder sees the notes and a neutral id only; every other column is the answer.
    document = Document(id=f"gold-row-{number}", text=notes)
    values: dict[str, Any] = {}
    for name in GOLD_FIELDS:
        if name not in record:
            continue
        values[name] = record[name]
    event = _gold_event(values)
    label = record.get("event_id_cnty") or record.get("data_id") or f"row {number}"
    return GoldCase(id=label, document=document, events=[event], complete=False,
                    date_in_text=date_stated_in_text(notes), path=str(p), line=line)


# Field conversion shared by all formats ---------------------------------------------------------------


def _gold_event(values: dict[str, Any]) -> GoldEvent:
    """A GoldEvent from raw field values (strings from CSV, typed values from JSON/YAML)."""
    event = GoldEvent()
    scored: set[str] = set()
    for name, raw in values.items():
        if name not in GOLD_FIELDS:
            continue
        value = raw.strip() if isinstance(raw, str) else raw
        if value == "":
            value = None
        if name == "fatalities":
            low, high = _fatality_range(value)
            event.fatalities_min, event.fatalities_max = low, high
            scored.add(name)
            continue
        if value is not None:
            if name == "event_date":
                value = value if isinstance(value, dt.date) else parse_gold_date(str(value))
            elif name in {"inter1", "inter2"} and isinstance(value, str) and not value.isdigit():
                code = INTER_NAMES.get(value.lower())
                if code is None:
                    raise ValueError(f"unknown actor type {value!r} in {name}")
                value = code
            elif name in _INT_FIELDS:
                value = _to_int(value, name)
                if name in {"inter1", "inter2"} and value == 0:
                    value = None  # ACLED writes inter2 0 when there is no actor2
            elif name in _FLOAT_FIELDS:
                try:
                    value = float(value)
                except (TypeError, ValueError):
                    raise ValueError(f"{name} is not a number: {value!r}") from None
            else:
                value = str(value)
        setattr(event, name, value)
        scored.add(name)
    event.scored = frozenset(scored)
    return event


def _to_int(value: Any, name: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValueError(f"{name} is not a whole number: {value!r}") from None


def _fatality_range(value: Any) -> tuple[int | None, int | None]:
    if value is None:
        return None, None
    if isinstance(value, dict):
        low = value.get("accept_min", value.get("min"))
        high = value.get("accept_max", value.get("max"))
        if low is None or high is None:
            raise ValueError("fatalities range needs accept_min and accept_max")
        return _to_int(low, "fatalities"), _to_int(high, "fatalities")
    number = _to_int(value, "fatalities")
    return number, number


# Seed gold JSON ------------------------------------------------------------------------------------


def _read_seed_json(p: Path, data: dict[str, Any]) -> GoldSet:
    doc_info = data.get("document") or {}
    if not isinstance(doc_info, dict) or not doc_info.get("file"):
        raise EvaluationError("seed gold needs document.file", path=str(p))
    text_path = (p.parent / doc_info["file"]).resolve()
    if not text_path.exists():
        raise EvaluationError(f"document file {doc_info['file']!r} not found", path=str(p))
    text = _read_text(text_path)
    published = _optional_date(doc_info.get("published_at"), p)
    # The report is read as `eventdesk code` reads it (ingest: header, blog line, dateline); the
    # gold's post date fills in only when the reader finds none. The gold's dateline is an answer.
    try:
        document = report_document(text, f"gold-{text_path.stem}", source_file=str(text_path))
    except ValueError as exc:
        raise EvaluationError(str(exc), path=str(text_path)) from exc
    document.published_at = document.published_at or published
    events = []
    for raw in data.get("events") or []:
        try:
            event = _gold_event(raw)
        except ValueError as exc:
            raise EvaluationError(str(exc), path=str(p)) from exc
        event.claims = [c for c in raw.get("claims") or [] if isinstance(c, dict)]
        events.append(event)
    # Hard rules: the years the gold's own "must not code" notes name are forbidden unless a gold
    # event has that year; each gold year must appear exactly as often as the gold has it.
    year_counts: dict[int, int] = {}
    for event in events:
        if event.event_date is not None:
            year_counts[event.event_date.year] = year_counts.get(event.event_date.year, 0) + 1
    forbid: set[int] = set()
    for key, notes in data.items():
        if key.startswith("must_not") and isinstance(notes, list):
            for note in notes:
                forbid.update(int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", str(note)))
    forbid -= set(year_counts)
    case = GoldCase(id=text_path.name, document=document, events=events, complete=True,
                    forbid_years=sorted(forbid, reverse=True), year_counts=year_counts,
                    date_in_text=date_stated_in_text(text), path=str(p))
    return GoldSet(path=str(p), kind="seed-json", cases=[case])


def _optional_date(value: Any, p: Path) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return parse_gold_date(str(value))
    except ValueError as exc:
        raise EvaluationError(str(exc), path=str(p)) from exc


def report_document(text: str, doc_id: str, source_file: str | None = None) -> Document:
    """A report as the ingest stage reads it (header lines, blog-scrape line, title, dateline),
    with a stable id. Falls back to the bare text when the ingest stage is not available."""
    try:
        from ..ingest import read_text
    except ImportError:  # pragma: no cover - ingest ships with eventdesk
        return Document(id=doc_id, text=text, source_file=source_file)
    try:
        document = read_text(text, source_file)
    except EventdeskError as exc:
        raise ValueError(str(exc)) from exc
    document.id = doc_id
    document.ingested_at = None
    return document


# Fixture gold (YAML list / JSONL) --------------------------------------------------------------------

_CASE_KEYS = {"id", "text", "file", "published_at", "dateline", "title", "events",
              "forbid_years", "year_counts", "note", "_line"}


def _read_fixture_dir(p: Path) -> GoldSet:
    """Every fixture gold file of a directory (*.yaml, *.yml, *.jsonl), as one gold set."""
    files = sorted(f for f in p.iterdir() if f.suffix.lower() in {".yaml", ".yml", ".jsonl"})
    if not files:
        raise EvaluationError("no fixture gold files (*.yaml, *.yml, *.jsonl) in directory", path=str(p))
    merged = GoldSet(path=str(p), kind="fixture", cases=[])
    seen: set[str] = set()
    for f in files:
        part = load_gold(f)
        merged.problems.extend(part.problems)
        for case in part.cases:
            if case.id in seen:
                merged.problems.append(EvaluationError(f"duplicate case id {case.id!r}", path=str(f)))
                continue
            seen.add(case.id)
            merged.cases.append(case)
    return merged


def _read_fixture(p: Path, data: Any) -> GoldSet:
    if isinstance(data, dict) and "cases" in data:
        data = data["cases"]
    if not isinstance(data, list):
        raise EvaluationError("fixture gold must be a list of cases (or {cases: [...]})", path=str(p))
    gold = GoldSet(path=str(p), kind="fixture", cases=[])
    seen: set[str] = set()
    for number, item in enumerate(data, start=1):
        line = item.get("_line") if isinstance(item, dict) else None
        where = f"{p}:{line}" if line else f"{p}: case {number}"
        try:
            case = _fixture_case(p, item, number)
        except (ValueError, EvaluationError) as exc:
            reason = exc.args[0] if isinstance(exc, ValueError) else str(exc)
            gold.problems.append(EvaluationError(reason, path=where))
            continue
        if case.id in seen:
            gold.problems.append(EvaluationError(f"duplicate case id {case.id!r}", path=where))
            continue
        seen.add(case.id)
        case.line = line
        case.path = str(p)
        gold.cases.append(case)
    return gold


def _fixture_case(p: Path, item: Any, number: int) -> GoldCase:
    if not isinstance(item, dict):
        raise ValueError("a case must be a mapping")
    unknown = set(item) - _CASE_KEYS
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(sorted(unknown))}")
    case_id = str(item.get("id") or f"case-{number}")
    if "text" in item:
        text = str(item["text"])
        source_file = None
    elif "file" in item:
        text_path = p.parent / str(item["file"])
        if not text_path.exists():
            raise ValueError(f"document file {item['file']!r} not found")
        text = _read_text(text_path)
        source_file = str(text_path)
    else:
        raise ValueError("a case needs 'text' or 'file'")
    if not text.strip():
        raise ValueError("empty text")
    document = report_document(text, f"gold-{case_id}", source_file=source_file)
    # The case's own metadata (what a feed or page header would give) wins over the reader's guess.
    document.published_at = _optional_date(item.get("published_at"), p) or document.published_at
    document.dateline = _optional_date(item.get("dateline"), p) or document.dateline
    document.title = item.get("title") or document.title
    events = []
    for raw in item.get("events") or []:
        if not isinstance(raw, dict):
            raise ValueError("each event must be a mapping")
        unknown = set(raw) - set(GOLD_FIELDS) - set(ASSOC_FIELDS) - {"claims", "note"}
        if unknown:
            raise ValueError(f"unknown event field(s) {', '.join(sorted(unknown))}")
        event = _gold_event(raw)
        for name in ASSOC_FIELDS:
            if name in raw:
                value = None if raw[name] is None else str(raw[name]).strip() or None
                setattr(event, name, value)
                event.scored = event.scored | {name}
        event.claims = [c for c in raw.get("claims") or [] if isinstance(c, dict)]
        events.append(event)
    year_counts = {int(k): int(v) for k, v in (item.get("year_counts") or {}).items()}
    forbid = [int(y) for y in item.get("forbid_years") or []]
    return GoldCase(id=case_id, document=document, events=events, complete=True,
                    forbid_years=forbid, year_counts=year_counts,
                    date_in_text=date_stated_in_text(text))


def iter_documents(gold: GoldSet) -> Iterator[Document]:
    """The documents of a gold set, in order (what the coder is given)."""
    for case in gold.cases:
        yield case.document
