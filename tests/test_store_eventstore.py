"""EventStore: storing, idempotent re-ingest, filters, search, explain, stats, migrations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from eventdesk import EventStore as LazyEventStore
from eventdesk.errors import InputError, StoreError
from eventdesk.records import Claim, Document, Event, Evidence, document_id_for
from eventdesk.store import EventQuery, EventStore
from eventdesk.store import schema as tables
from eventdesk.store.ids import event_id_for
from eventdesk.store.migrations import MIGRATIONS


def make_doc(text: str, **fields: object) -> Document:
    return Document(id=str(fields.pop("id", document_id_for(text))), text=text, **fields)  # type: ignore[arg-type]


def make_event(doc: Document, **fields: object) -> Event:
    quote = doc.text.split()[0]
    event = Event(
        document_ids=[doc.id],
        coder_version="test.v1",
        evidence=[Evidence(field="event_type", document_id=doc.id, start=0, end=len(quote), quote=quote)],
        claims=[Claim(claimant="Local sources", claim="two killed", fatalities=2, document_id=doc.id)],
    )
    for key, value in fields.items():
        setattr(event, key, value)
    return event


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EventStore]:
    with EventStore(f"sqlite:///{tmp_path / 'events.db'}") as opened:
        yield opened


class FakeCoder:
    version = "fake.v1"

    def code(self, doc: Document, country: str | None = None) -> list[Event]:
        return [
            make_event(doc, event_type="Battles", sub_event_type="Armed clash", country="Syria"),
            make_event(
                doc, event_type="Strategic developments", sub_event_type="Looting/property destruction"
            ),
        ]


class FakePipeline:
    """Stands in for the real Pipeline: the store is tested with events built here."""

    coder = FakeCoder()
    geocoder = None

    def __init__(self) -> None:
        self.calls = 0

    def code(self, doc: Document) -> list[Event]:
        self.calls += 1
        return self.coder.code(doc)


def test_lazy_export_is_the_same_class() -> None:
    assert LazyEventStore is EventStore


def test_add_and_read_back(store: EventStore) -> None:
    doc = make_doc("Shelling hit Kafr Ruma on Monday.", title="Shelling", published_at=dt.date(2024, 1, 8))
    event = make_event(
        doc, event_date=dt.date(2024, 1, 8), country="Syria", iso=760, latitude=35.6, longitude=36.6
    )
    ids = store.add(doc, [event])
    assert ids == [event_id_for(doc.id, 0, event)]
    assert ids[0].startswith("SYR-")
    (stored,) = list(store.events())
    assert stored == event
    assert stored.event_id == ids[0]
    back = store.get_document(doc.id)
    assert back is not None and back.title == "Shelling" and back.published_at == dt.date(2024, 1, 8)
    assert store.get_event(ids[0]) == event
    assert store.get_event("nope") is None


def test_readding_a_document_changes_nothing(store: EventStore) -> None:
    doc = make_doc("Clashes near Ariha.")
    first = store.add(doc, [make_event(doc), make_event(doc)])
    before = store.stats()
    assert store.add(doc, [make_event(doc)]) is None
    after = store.stats()
    assert before == after
    assert [e.event_id for e in store.events()] == first


def test_ingest_is_idempotent_and_skips_coding(store: EventStore) -> None:
    docs: list[Document | InputError] = [make_doc(f"Report number {i} about shelling.") for i in range(5)]
    docs.append(InputError("empty file", path="bad.txt"))
    pipeline = FakePipeline()
    errors: list[str] = []
    first = store.ingest(docs, pipeline, on_error=lambda e: errors.append(str(e)))  # type: ignore[arg-type]
    assert (first.read, first.added, first.skipped, first.events, first.failed) == (6, 5, 0, 10, 1)
    assert errors == ["bad.txt: empty file"]
    ids = [e.event_id for e in store.events()]
    stats = store.stats()
    second = store.ingest(docs, pipeline)  # type: ignore[arg-type]
    assert (second.added, second.skipped, second.events) == (0, 5, 0)
    assert pipeline.calls == 5  # stored documents are not re-coded
    assert [e.event_id for e in store.events()] == ids
    assert store.stats() == stats  # not even a run row is added
    assert stats["runs"] == 1 and stats["last_run"]["documents_added"] == 5
    assert stats["last_run"]["coder_version"] == "fake.v1"
    assert stats["last_run"]["status"] == "done"
    assert store.integrity_problems() == []


def test_events_come_out_main_event_first(store: EventStore) -> None:
    for i in range(3):
        doc = make_doc(f"Document {i}.")
        store.add(doc, [make_event(doc, notes=f"{i}-main"), make_event(doc, notes=f"{i}-second")])
    assert [e.notes for e in store.events()] == [
        "0-main",
        "0-second",
        "1-main",
        "1-second",
        "2-main",
        "2-second",
    ]


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    rows = [
        (
            "Shelling hit Kansafra in Jabal al-Zawiya.",
            dict(
                event_date=dt.date(2024, 3, 11),
                country="Syria",
                admin1="Idleb",
                actor1="Military Forces of Syria (2000-2024)",
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                latitude=35.62,
                longitude=36.50,
            ),
        ),
        (
            "ISWAP fighters attacked a base in Marte.",
            dict(
                event_date=dt.date(2024, 5, 18),
                country="Nigeria",
                admin1="Borno",
                actor1="ISWAP: Islamic State West Africa Province",
                actor2="Military Forces of Nigeria (2023-)",
                event_type="Battles",
                sub_event_type="Armed clash",
                latitude=12.36,
                longitude=13.83,
            ),
        ),
        (
            "A missile strike hit Kharkiv city.",
            dict(
                event_date=dt.date(2024, 6, 21),
                country="Ukraine",
                admin1="Kharkiv",
                actor1="Military Forces of Russia (2000-)",
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                latitude=49.99,
                longitude=36.23,
            ),
        ),
        ("Protesters gathered in the square.", dict(event_date=None, country=None)),
    ]
    for text, fields in rows:
        doc = make_doc(text)
        store.add(doc, [make_event(doc, **fields)])
    return store


def _countries(store: EventStore, **filters: object) -> list[str | None]:
    return [e.country for e in store.events(EventQuery(**filters))]  # type: ignore[arg-type]


def test_filters(filled: EventStore) -> None:
    assert _countries(filled) == ["Syria", "Nigeria", "Ukraine", None]
    assert _countries(filled, since=dt.date(2024, 5, 1)) == ["Nigeria", "Ukraine"]
    assert _countries(filled, until=dt.date(2024, 5, 18)) == ["Syria", "Nigeria"]
    assert _countries(filled, country="syria") == ["Syria"]
    assert _countries(filled, admin1="Borno") == ["Nigeria"]
    assert _countries(filled, actor="military forces of nigeria") == ["Nigeria"]
    assert _countries(filled, actor="Russia") == ["Ukraine"]
    assert _countries(filled, actor="50%_") == []
    assert _countries(filled, event_type="Battles") == ["Nigeria"]
    assert _countries(filled, sub_event_type="Shelling/artillery/missile attack") == ["Syria", "Ukraine"]
    assert _countries(filled, bbox=(35.0, 30.0, 40.0, 51.0)) == ["Syria", "Ukraine"]
    assert _countries(filled, bbox=(170.0, -10.0, -170.0, 10.0)) == []
    assert _countries(filled, limit=2) == ["Syria", "Nigeria"]
    assert filled.count_events(country="Ukraine") == 1
    assert filled.events(country="Nigeria").__next__().admin1 == "Borno"


def test_full_text_search(filled: EventStore) -> None:
    assert filled.has_fts
    assert _countries(filled, search="missile Kharkiv") == ["Ukraine"]
    assert _countries(filled, search="kharkiv") == ["Ukraine"]
    assert _countries(filled, search="shell*") == ["Syria"]
    assert _countries(filled, search='base" OR "x') == []  # quotes and operators are taken as words
    assert _countries(filled, search="nowhere") == []
    assert [d.text for d in filled.documents(search="square")] == ["Protesters gathered in the square."]


def test_search_falls_back_to_like_without_fts(filled: EventStore) -> None:
    filled.has_fts = False  # what a PostgreSQL store does
    assert _countries(filled, search="missile Kharkiv") == ["Ukraine"]
    assert _countries(filled, search="nowhere") == []


def test_explain_lists_documents(filled: EventStore) -> None:
    event = next(iter(filled.events(country="Nigeria")))
    assert event.event_id is not None
    (doc,) = filled.explain(event.event_id)
    assert doc.text.startswith("ISWAP")
    with pytest.raises(StoreError, match="no event 'missing'"):
        filled.explain("missing")


def test_stats(filled: EventStore) -> None:
    stats = filled.stats()
    assert stats["documents"] == 4 and stats["events"] == 4
    assert stats["links"] == 4 and stats["claims"] == 4 and stats["evidence"] == 4
    assert stats["by_country"]["Syria"] == 1 and stats["by_country"]["(unknown)"] == 1
    assert stats["first_event_date"] == "2024-03-11" and stats["last_event_date"] == "2024-06-21"
    assert stats["geolocated_events"] == 3


def test_claims_and_evidence_rows(filled: EventStore) -> None:
    with filled.engine.connect() as connection:
        rows = connection.execute(select(tables.evidence.c.quote, tables.evidence.c.char_start)).all()
        claimants = connection.execute(select(tables.claims.c.claimant)).scalars().all()
    assert ("Shelling", 0) in [tuple(r) for r in rows]
    assert claimants == ["Local sources"] * 4


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    with EventStore(url) as first:
        assert first.schema_version == max(m.version for m in MIGRATIONS)
    with EventStore(url) as second, second.engine.connect() as connection:
        versions = connection.execute(select(tables.schema_version.c.version)).scalars().all()
    assert versions == sorted({m.version for m in MIGRATIONS})


def test_wal_mode(store: EventStore) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        EventStore(f"sqlite:///{tmp_path / 'missing.db'}", must_exist=True)
    assert not (tmp_path / "missing.db").exists()


def test_in_memory_store_works() -> None:
    with EventStore("sqlite://") as memory:
        doc = make_doc("In memory.")
        assert memory.add(doc, [make_event(doc)]) is not None


def test_settings_url_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTDESK_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with EventStore() as from_env:
        assert from_env.url.endswith("env.db")


def test_a_coder_failure_does_not_stop_the_batch(store: EventStore) -> None:
    class Flaky(FakePipeline):
        def code(self, doc: Document) -> list[Event]:
            if "boom" in doc.text:
                raise ValueError("cannot parse")
            return super().code(doc)

    docs = [make_doc("First report."), make_doc("A boom report.", source_file="b.jsonl", source_line=3)]
    docs.append(make_doc("Third report."))
    errors: list[str] = []
    summary = store.ingest(docs, Flaky(), on_error=lambda e: errors.append(str(e)))  # type: ignore[arg-type]
    assert errors == ["b.jsonl:3: coding failed: ValueError: cannot parse"]
    assert (summary.added, summary.failed) == (2, 1)
    assert not store.has_document(docs[1].id)  # it will be coded again on the next run


def test_schema_compiles_for_postgresql() -> None:
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    for table in tables.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=postgresql.dialect()))
        for index in table.indexes:
            str(CreateIndex(index).compile(dialect=postgresql.dialect()))


def test_filters_compile_for_postgresql(store: EventStore) -> None:
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql

    store.has_fts = False  # what a PostgreSQL store has
    query = EventQuery(
        since=dt.date(2024, 1, 1), country="Syria", actor="HTS", search="drone strike", bbox=(35, 35, 37, 37)
    )
    statement = select(tables.events.c.id).where(*store._conditions(query))
    sql = str(statement.compile(dialect=postgresql.dialect()))
    assert "lower(events.country)" in sql and "LIKE" in sql.upper()
