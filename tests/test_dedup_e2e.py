"""dedup end to end: report files → real Pipeline (coder + geocoder) → EventStore → events.

The fixture reports are our own (tests/fixtures/dedup/reports.py). The seed and the three-outlet
articles are read from ../shared only when it is there (evaluation material, never committed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.fixtures.dedup.reports import make_repost, many_reports, nearby_reports

from eventdesk.ingest import read_paths
from eventdesk.pipeline import Pipeline
from eventdesk.records import Event, to_dict
from eventdesk.store import EventStore

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "corpus" / "seed-article.txt"
ARTICLES = SHARED / "corpus" / "articles"


def ingest(folder: Path, db: Path) -> tuple[EventStore, list[Event]]:
    store = EventStore(f"sqlite:///{db}")
    summary = store.ingest(read_paths([str(folder)]), Pipeline())
    assert summary.failed == 0, summary.errors
    return store, list(store.events())


@pytest.fixture(scope="module")
def fixture_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for name, text in [*many_reports(), *nearby_reports()]:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ingested(
    fixture_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[EventStore, list[Event]]:
    return ingest(fixture_folder, tmp_path_factory.mktemp("db") / "events.db")


def _by_source(store: EventStore, events: list[Event]) -> dict[str, list[str]]:
    names = {d.id: Path(d.source_file or d.id).name for d in store.documents()}
    return {str(e.event_id): sorted(names[d] for d in e.document_ids) for e in events}


def test_fifty_reports_give_one_event(ingested: tuple[EventStore, list[Event]]) -> None:
    store, events = ingested
    groups = _by_source(store, events)
    main = [e for e in events if len(e.document_ids) == 50]
    assert len(main) == 1, groups
    event = main[0]
    assert sorted(groups[str(event.event_id)]) == sorted(name for name, _ in many_reports())
    assert event.location == "Sarmin" and event.sub_event_type == "Armed clash"
    assert event.independent_sources == 10  # ten outlets, no reposts among them
    assert event.fatalities == 3


def test_nearby_events_stay_apart(ingested: tuple[EventStore, list[Event]]) -> None:
    store, events = ingested
    groups = _by_source(store, events)
    assert ["sarmin-next-day.txt"] in groups.values()
    assert ["kafr-nabl-same-day.txt"] in groups.values()
    assert len(events) == 3


def test_rerun_and_reingest_give_identical_events(
    fixture_folder: Path, ingested: tuple[EventStore, list[Event]], tmp_path: Path
) -> None:
    store, events = ingested
    summary = store.ingest(read_paths([str(fixture_folder)]), Pipeline())
    assert summary.added == 0 and summary.skipped == 52
    assert [to_dict(e) for e in store.events()] == [to_dict(e) for e in events]
    _, rerun = ingest(fixture_folder, tmp_path / "again.db")
    assert [to_dict(e) for e in rerun] == [to_dict(e) for e in events]


@pytest.mark.skipif(not SEED.exists(), reason="../shared corpus not available")
def test_seed_with_its_repost_gives_one_event_one_canonical_one_repost(tmp_path: Path) -> None:
    folder = tmp_path / "seed"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "seed-repost.txt").write_text(make_repost(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    store, events = ingest(folder, tmp_path / "seed.db")
    docs = list(store.documents())
    reposts = [d for d in docs if d.repost_of]
    assert len(docs) == 2 and len(reposts) == 1
    canonical = next(d for d in docs if not d.repost_of)
    assert reposts[0].repost_of == canonical.id and Path(canonical.source_file or "").name == "seed.txt"
    main = [e for e in events if set(e.document_ids) == {d.id for d in docs}]
    assert len(main) == 1 and len(events) == 1
    assert main[0].independent_sources == 1 and main[0].sources_count == 2


@pytest.mark.skipif(not ARTICLES.exists(), reason="../shared corpus not available")
def test_three_outlets_of_one_event_become_one_event(tmp_path: Path) -> None:
    store, events = ingest(ARTICLES, tmp_path / "articles.db")
    groups = _by_source(store, events)
    together = [files for files in groups.values() if {"015.txt", "016.txt", "017.txt"} <= set(files)]
    assert len(together) == 1
    event = next(e for e in events if {"015.txt", "016.txt", "017.txt"} <= set(groups[str(e.event_id)]))
    assert event.independent_sources == 3
    # No other event mixes reports from different articles.
    assert all(len(set(files)) == 1 for eid, files in groups.items() if eid != event.event_id)
