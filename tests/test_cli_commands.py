"""The CLI: exact error lines, exit codes, summaries and formats of code/ingest/events/export/documents/stats.

Coding runs with --no-geocode (fast, no gazetteer); the events that the filters are checked on are
built here and stored through the API, so these tests do not depend on the coder's output.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventdesk.cli import main
from eventdesk.records import ACLED_COLUMNS, Document, Event, document_id_for
from eventdesk.store import EventStore

EXAMPLES = Path(__file__).parents[1] / "examples"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def bad_files(tmp_path: Path) -> tuple[Path, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return empty, binary


# --- code ----------------------------------------------------------------------------------------


def test_code_jsonl_contract() -> None:
    result = run("code", str(FIXTURES / "header.txt"), str(FIXTURES / "notes.jsonl"), "--no-geocode")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    for event in events:
        assert set(ACLED_COLUMNS) <= set(event)
        assert event["event_id"] and event["document_ids"]
    assert {"n-1", "42"} <= {doc for event in events for doc in event["document_ids"]}


def test_code_is_deterministic() -> None:
    first = run("code", str(FIXTURES / "notes.jsonl"), "--no-geocode").stdout
    second = run("code", str(FIXTURES / "notes.jsonl"), "--no-geocode").stdout
    assert [json.loads(x)["event_id"] for x in first.splitlines()] == [
        json.loads(x)["event_id"] for x in second.splitlines()
    ]


def test_code_csv_and_geojson() -> None:
    result = run("code", str(FIXTURES / "header.txt"), "--format", "csv", "--no-geocode")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) >= 2
    result = run("code", str(FIXTURES / "header.txt"), "--format", "geojson", "--no-geocode")
    assert json.loads(result.stdout)["type"] == "FeatureCollection"


def test_code_reads_stdin() -> None:
    result = run(
        "code", "-", "--no-geocode", input='{"id": "s1", "text": "On 3 May 2024, gunmen killed 2 people."}\n'
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["document_ids"] == ["s1"]


def test_code_bad_input_exact_lines_and_rest_kept(bad_files: tuple[Path, Path]) -> None:
    empty, binary = bad_files
    bad_lines = FIXTURES / "bad-lines.jsonl"
    result = run(
        "code", str(empty), str(bad_lines), str(binary), str(FIXTURES / "header.txt"), "--no-geocode"
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {empty}: empty file",
        f"Error: {bad_lines}:2: invalid JSON: Expecting ',' delimiter (column 53)",
        f"Error: {bad_lines}:3: JSON line is not an object",
        f'Error: {bad_lines}:4: missing or empty "text"',
        f"Error: {binary}: binary file, not a text report",
    ]
    documents = {doc for line in result.stdout.splitlines() for doc in json.loads(line)["document_ids"]}
    assert {"ok-1", "ok-2"} <= documents
    assert len(documents) >= 3  # and the header report


def test_code_missing_file() -> None:
    result = run("code", "no/such/file.txt", "--no-geocode")
    assert result.exit_code == 1
    assert result.stderr == "Error: no/such/file.txt: no such file or directory\n"


# --- ingest --------------------------------------------------------------------------------------


def test_ingest_examples_then_reingest_changes_nothing(db: str) -> None:
    first = run("ingest", str(EXAMPLES), "--db", db, "--no-geocode")
    assert first.exit_code == 0, first.stderr
    n_docs = 7  # five files, one holding three JSONL reports
    assert first.stdout.startswith(f"{n_docs} documents read: {n_docs} added, 0 already stored, 0 failed; ")
    with EventStore(db) as store:
        before = store.stats()
        ids = [e.event_id for e in store.events()]
    assert before["documents"] == n_docs and before["events"] >= 1
    second = run("ingest", str(EXAMPLES), "--db", db, "--no-geocode")
    assert second.exit_code == 0
    assert second.stdout == (
        f"{n_docs} documents read: 0 added, {n_docs} already stored, 0 failed; "
        "0 events coded, 0 new in the store\n"
    )
    with EventStore(db) as store:
        assert store.stats() == before
        assert [e.event_id for e in store.events()] == ids
        assert store.integrity_problems() == []


def test_ingest_bad_input_exit_code_and_summary(db: str, bad_files: tuple[Path, Path]) -> None:
    empty, binary = bad_files
    result = run("ingest", str(empty), str(FIXTURES / "header.txt"), str(binary), "--db", db, "--no-geocode")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {empty}: empty file",
        f"Error: {binary}: binary file, not a text report",
    ]
    assert result.stdout.startswith("3 documents read: 1 added, 0 already stored, 2 failed; ")


def test_ingest_env_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("EVENTDESK_DB", url)
    assert run("ingest", str(FIXTURES / "header.txt"), "--no-geocode").exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_ingest_progress_bar_on_large_batches(db: str, tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"m{i}", "text": f"Report {i} of protests in town {i}."}) + "\n"
            for i in range(60)
        ),
        encoding="utf-8",
    )
    result = run("ingest", str(corpus), "--db", db, "--no-geocode")
    assert result.exit_code == 0
    assert "/60" in result.stderr  # tqdm, on stderr
    assert result.stdout.startswith("60 documents read: 60 added")
    quiet = run("ingest", str(corpus), "--db", db, "--no-geocode", "--quiet")
    assert quiet.stderr == ""


# --- events, export, documents, stats ------------------------------------------------------------


@pytest.fixture
def filled(db: str) -> str:
    rows = [
        (
            "Artillery shelled Kansafra.",
            "Syria",
            "Idleb",
            dt.date(2024, 3, 11),
            "Military Forces of Syria",
            35.6,
            36.5,
        ),
        ("ISWAP attacked Marte.", "Nigeria", "Borno", dt.date(2024, 5, 18), "ISWAP", 12.4, 13.8),
        (
            "A strike hit Kharkiv.",
            "Ukraine",
            "Kharkiv",
            dt.date(2024, 6, 21),
            "Military Forces of Russia",
            50.0,
            36.2,
        ),
    ]
    with EventStore(db) as store:
        for text, country, admin1, date, actor, lat, lon in rows:
            doc = Document(id=document_id_for(text), text=text, title=text, publisher="Test Wire")
            event = Event(
                event_date=date,
                country=country,
                admin1=admin1,
                actor1=actor,
                event_type="Battles",
                sub_event_type="Armed clash",
                latitude=lat,
                longitude=lon,
                location=text.split()[-1].rstrip("."),
            )
            store.add(doc, [event])
    return db


def _event_countries(result: Result) -> list[str]:
    return [json.loads(line)["country"] for line in result.stdout.splitlines()]


def test_events_filters(filled: str) -> None:
    def countries(*args: str) -> list[str]:
        result = run("events", "--db", filled, "--format", "jsonl", *args)
        assert result.exit_code == 0, result.stderr
        return _event_countries(result)

    assert countries() == ["Syria", "Nigeria", "Ukraine"]
    assert countries("--since", "2024-05-01") == ["Nigeria", "Ukraine"]
    assert countries("--until", "2024-05-01") == ["Syria"]
    assert countries("--country", "Nigeria") == ["Nigeria"]
    assert countries("--admin1", "kharkiv") == ["Ukraine"]
    assert countries("--actor", "russia") == ["Ukraine"]
    assert countries("--event-type", "Battles", "--sub-event-type", "Armed clash") == [
        "Syria",
        "Nigeria",
        "Ukraine",
    ]
    assert countries("--search", "Marte") == ["Nigeria"]
    assert countries("--bbox", "30,30,40,55") == ["Syria", "Ukraine"]
    assert countries("--limit", "1") == ["Syria"]


def test_events_table_csv_geojson(filled: str) -> None:
    table = run("events", "--db", filled)
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].startswith("EVENT")
    assert table.stdout.splitlines()[-1] == "(3 events)"
    rows = list(csv.reader(io.StringIO(run("events", "--db", filled, "--format", "csv").stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 4
    geo = json.loads(run("events", "--db", filled, "--format", "geojson").stdout)
    assert len(geo["features"]) == 3 and geo["features"][0]["geometry"]["type"] == "Point"


def test_events_bad_options(filled: str) -> None:
    bad_box = run("events", "--db", filled, "--bbox", "1,2,3")
    assert bad_box.exit_code == 2 and "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT" in bad_box.stderr
    bad_date = run("events", "--db", filled, "--since", "May 2024")
    assert bad_date.exit_code == 2


def test_events_without_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = run("events", "--db", f"sqlite:///{missing}")
    assert result.exit_code == 1
    assert result.stderr == f"Error: no store at {missing}; run 'eventdesk ingest' first or pass --db\n"
    assert not missing.exists()


def test_events_explain(filled: str) -> None:
    event_id = json.loads(run("events", "--db", filled, "--format", "jsonl").stdout.splitlines()[0])[
        "event_id"
    ]
    result = run("events", "--db", filled, "--explain", event_id)
    assert result.exit_code == 0
    assert event_id in result.stdout and document_id_for("Artillery shelled Kansafra.") in result.stdout
    missing = run("events", "--db", filled, "--explain", "XXX-0000000000")
    assert missing.exit_code == 1
    assert missing.stderr == "Error: no event 'XXX-0000000000' in the store\n"


def test_export_formats(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = run("export", "--db", filled, "--format", "acled-csv", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == f"3 events written to {out}\n"
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 4
    jsonl = run("export", "--db", filled, "--format", "jsonl", "--country", "Syria")
    assert _event_countries(jsonl) == ["Syria"]
    geo = tmp_path / "events.geojson"
    assert run("export", "--db", filled, "--format", "geojson", "-o", str(geo)).exit_code == 0
    assert len(json.loads(geo.read_text(encoding="utf-8"))["features"]) == 3


def test_export_parquet(filled: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    assert run("export", "--db", filled, "--format", "parquet", "-o", str(out)).exit_code == 0
    assert pq.read_table(out).num_rows == 3
    to_stdout = run("export", "--db", filled, "--format", "parquet")
    assert to_stdout.exit_code == 1
    assert to_stdout.stderr == "Error: parquet needs an output file: -o FILE\n"


def test_documents(filled: str) -> None:
    result = run("documents", "--db", filled)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["DOCUMENT", "DATE", "PUBLISHER"]
    assert lines[-1] == "(3 reports)"
    found = run("documents", "--db", filled, "--search", "Kharkiv", "--format", "jsonl")
    (doc,) = [json.loads(line) for line in found.stdout.splitlines()]
    assert doc["text"] == "A strike hit Kharkiv."


def test_stats(filled: str) -> None:
    text = run("stats", "--db", filled)
    assert text.exit_code == 0
    assert "documents: 3" in text.stdout and "events: 3" in text.stdout
    numbers = json.loads(run("stats", "--db", filled, "--format", "json").stdout)
    assert numbers["documents"] == 3 and numbers["by_country"]["Syria"] == 1


def test_coder_failure_is_one_error_line(db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from eventdesk.pipeline import Pipeline

    original = Pipeline.code

    def flaky(self: Pipeline, doc: Document) -> list[Event]:
        if "explode" in doc.text:
            raise RuntimeError("coder bug")
        return original(self, doc)

    monkeypatch.setattr(Pipeline, "code", flaky)
    corpus = tmp_path / "two.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Calm day."}\n{"id": "b", "text": "They explode."}\n', encoding="utf-8"
    )
    result = run("ingest", str(corpus), "--db", db, "--no-geocode")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {corpus}:2: coding failed: RuntimeError: coder bug\n"
    assert result.stdout.startswith("2 documents read: 1 added, 0 already stored, 1 failed; ")
    coded = run("code", str(corpus), "--no-geocode")
    assert coded.exit_code == 1
    assert coded.stderr == f"Error: {corpus}:2: coding failed: RuntimeError: coder bug\n"
    assert all(json.loads(x)["document_ids"] == ["a"] for x in coded.stdout.splitlines())
