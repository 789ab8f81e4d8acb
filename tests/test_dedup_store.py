"""dedup inside the EventStore: persistent band and block keys, stable ids, explanations.

Events here are constructed (no coder), so these tests pin the store wiring; the end-to-end tests
through the real Pipeline are in test_dedup_e2e.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from tests.fixtures.dedup.reports import body, make_repost, many_reports
from tests.test_dedup_merge import clash, fifty_reports

from eventdesk.cli import main
from eventdesk.records import Claim, Document, Event, to_dict
from eventdesk.store import EventStore

REPORTS = [body(text) for _, text in many_reports()]


def docs_and_events() -> list[tuple[Document, list[Event]]]:
    pairs = []
    for i, event in enumerate(fifty_reports()):
        doc = Document(
            id=f"doc{i:02d}",
            text=REPORTS[i],
            publisher=f"Outlet {i % 10}",
            published_at=dt.date(2023, 10, 17),
        )
        event.document_ids = []
        pairs.append((doc, [event]))
    return pairs


def fill(url: str, pairs: list[tuple[Document, list[Event]]]) -> list[dict[str, object]]:
    with EventStore(url) as store:
        for doc, events in pairs:
            store.add(doc, [dataclasses.replace(e, document_ids=[]) for e in events])
        return [to_dict(e) for e in store.events()]


def test_fifty_reports_become_one_stored_event(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    events = fill(url, docs_and_events())
    assert len(events) == 1
    (event,) = events
    assert event["document_ids"] == [f"doc{i:02d}" for i in range(50)]
    assert event["sources_count"] == 50 and event["independent_sources"] == 10
    with EventStore(url) as store:
        links = store.merges(str(event["event_id"]))
        assert [link["role"] for link in links].count("origin") == 1
        assert all(link["explanation"]["date"] for link in links if link["role"] == "merged")
        assert store.integrity_problems() == []


def test_reingest_changes_nothing_and_reruns_give_identical_ids(tmp_path: Path) -> None:
    pairs = [
        *docs_and_events(),
        (Document(id="later", text="Another day."), [clash("x", event_date=dt.date(2023, 11, 1))]),
    ]
    first = fill(f"sqlite:///{tmp_path / 'a.db'}", pairs)
    again = fill(f"sqlite:///{tmp_path / 'a.db'}", pairs)  # re-ingest into the same store
    fresh = fill(f"sqlite:///{tmp_path / 'b.db'}", pairs)  # re-run into a new store
    assert [e["event_id"] for e in first] == [e["event_id"] for e in fresh] == [e["event_id"] for e in again]
    assert first == again == fresh


def test_matching_persists_across_store_sessions(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    with EventStore(url) as store:
        (first,) = store.add(Document(id="a", text=REPORTS[0]), [clash("a", document_ids=[])]) or [None]
    with EventStore(url) as store:
        (second,) = store.add(Document(id="b", text=REPORTS[1]), [clash("b", document_ids=[])]) or [None]
        assert first == second
        assert store.count_events() == 1


def test_a_repost_is_linked_and_not_independent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    claim = Claim(
        claimant="Syrian Ministry of Defense", partisan=True, side="Military Forces of Syria (2000-)"
    )
    original = Document(
        id="orig", text=REPORTS[0], publisher="Levant Monitor", published_at=dt.date(2023, 10, 17)
    )
    repost = Document(
        id="copy", text=make_repost(REPORTS[0]), publisher="levantdigest", published_at=dt.date(2023, 10, 18)
    )
    with EventStore(url) as store:
        store.add(original, [clash("x", document_ids=[], claims=[claim])])
        # The repost's coding differs a little (no place resolved); it still lands on the same event.
        store.add(
            repost, [clash("y", document_ids=[], latitude=None, longitude=None, location=None, admin3=None)]
        )
        docs = {d.id: d.repost_of for d in store.documents()}
        assert docs == {"orig": None, "copy": "orig"}
        (event,) = list(store.events())
        assert event.document_ids == ["orig", "copy"]
        assert (event.sources_count, event.independent_sources) == (2, 1)
        assert event.partisan_only and event.claimant_sides == ["Military Forces of Syria (2000-)"]
        merged = [link for link in store.merges(str(event.event_id)) if link["role"] == "merged"]
        assert merged[0]["explanation"]["reposts"] == ["copy"]
        assert store.stats()["reposts"] == 1


def test_an_earlier_original_arriving_later_takes_over(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    with EventStore(url) as store:
        store.add(
            Document(
                id="copy", text=make_repost(REPORTS[0]), publisher="blog", published_at=dt.date(2023, 10, 18)
            ),
            [],
        )
        store.add(
            Document(
                id="orig", text=REPORTS[0], publisher="Levant Monitor", published_at=dt.date(2023, 10, 17)
            ),
            [],
        )
        assert {d.id: d.repost_of for d in store.documents()} == {"copy": "orig", "orig": None}


def test_explain_command_shows_reports_and_reasons(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    events = fill(url, docs_and_events()[:3])
    event_id = str(events[0]["event_id"])
    result = CliRunner().invoke(main, ["events", "--db", url, "--explain", event_id])
    assert result.exit_code == 0, result.output
    assert "3 report(s), 3 independent source(s)" in result.output
    assert "[origin]" in result.output and result.output.count("[merged]") == 2
    assert "date:   same day" in result.output and "actors:" in result.output
    missing = CliRunner().invoke(main, ["events", "--db", url, "--explain", "nope"])
    assert missing.exit_code == 1 and missing.output.startswith("Error: no event 'nope'")
