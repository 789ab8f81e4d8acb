"""Gold readers: the ACLED CSV reader never lets an answer column reach the coder."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventdesk.errors import EvaluationError
from eventdesk.evaluate import evaluate_gold, load_gold, select_cases
from eventdesk.records import Document, Event, to_dict

# Our own rows, in ACLED's two export layouts (invented events).
SYRIA_LAYOUT = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp\n"
    'XYZ101,03 March 2022,2022,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-),,1,'
    '"HTS: Hayat Tahrir al Sham",,2,12,,760,Middle East,Syria,Idleb,Ariha,Ariha,Ariha,35.81,36.61,1,'
    'Testwire,National,"On 3 March 2022, army units and rebels traded fire at the edge of a hill town.",'
    "2,,1700000000\n"
)
GLOBAL_LAYOUT = (
    "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,"
    "admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3\n"
    "99001,566,NGA9001,9001,6-May-20,2020,1,Protests,Peaceful protest,Protesters (Nigeria),,6,,,0,60,"
    'Western Africa,Nigeria,Lagos,Ikeja,,Ikeja,6.6,3.35,1,Testpaper,National,"A few traders marched '
    'peacefully to demand lower market fees. [size=no report]",0,1600000000,NGA\n'
)


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("content", [SYRIA_LAYOUT, GLOBAL_LAYOUT], ids=["syria-layout", "global-layout"])
def test_document_from_acled_row_holds_only_the_notes(tmp_path: Path, content: str) -> None:
    gold = load_gold(write(tmp_path, "rows.csv", content))
    assert gold.kind == "acled-csv" and len(gold.cases) == 1 and not gold.problems
    doc = gold.cases[0].document
    header, row = list(csv.reader(content.splitlines()))
    notes = row[header.index("notes")]
    assert doc.text == notes
    # Every field except the id and the text keeps its default: nothing else came from the row.
    defaults = Document(id="x", text="x")
    for f in dataclasses.fields(Document):
        if f.name not in {"id", "text"}:
            assert getattr(doc, f.name) == getattr(defaults, f.name), f.name
    # The id is neutral: not event_id_cnty (its prefix is the country code) nor any other cell.
    assert doc.id == "gold-row-1"
    assert gold.cases[0].id in {"XYZ101", "NGA9001"}
    serialised = json.dumps(to_dict(doc))
    answers = ("XYZ101", "NGA9001", "Idleb", "Lagos", "Syria", "Nigeria", "Testwire", "Testpaper", "Ikeja")
    for answer in answers:
        assert answer not in serialised
    assert len(header) > 25


def test_acled_answers_are_parsed(tmp_path: Path) -> None:
    syria = load_gold(write(tmp_path, "s.csv", SYRIA_LAYOUT)).cases[0].events[0]
    assert syria.event_date == dt.date(2022, 3, 3)
    assert (syria.actor2, syria.interaction, syria.fatalities_min, syria.latitude) == (
        "HTS: Hayat Tahrir al Sham", 12, 2, 35.81)
    world = load_gold(write(tmp_path, "g.csv", GLOBAL_LAYOUT)).cases[0].events[0]
    assert world.event_date == dt.date(2020, 5, 6)
    assert world.actor2 is None and "actor2" in world.scored  # empty cell: must be empty


class RecordingPipeline:
    """Stands in for Pipeline: records what the coder is given."""

    def __init__(self) -> None:
        self.seen: list[Document] = []
        self.coder = SimpleNamespace(version="recording")
        self.geocoder = None

    def code(self, doc: Document) -> list[Event]:
        self.seen.append(doc)
        return [Event(event_type="Battles")]


def test_evaluation_feeds_the_coder_only_notes(tmp_path: Path) -> None:
    pipeline = RecordingPipeline()
    evaluation = evaluate_gold(write(tmp_path, "s.csv", SYRIA_LAYOUT), pipeline)  # type: ignore[arg-type]
    assert [d.text for d in pipeline.seen] == [evaluation.cases[0].document.text]
    assert pipeline.seen[0].published_at is None
    assert evaluation.scores.value("event_type") == 1.0


def test_bad_rows_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    lines = SYRIA_LAYOUT.splitlines()
    notes = '"On 3 March 2022, army units and rebels traded fire at the edge of a hill town."'
    empty_notes = lines[1].replace(notes, '""')
    bad_date = lines[1].replace("03 March 2022", "the third")
    path = write(tmp_path, "bad.csv", "\n".join([lines[0], empty_notes, lines[1], bad_date, "a,b"]) + "\n")
    gold = load_gold(path)
    assert len(gold.cases) == 1
    assert [str(p) for p in gold.problems] == [
        f"{path}:2: empty notes",
        f"{path}:4: unreadable date 'the third'",
        f"{path}:5: 2 cells, header has 31",
    ]


def test_csv_without_notes_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "a,b\n1,2\n")
    with pytest.raises(EvaluationError, match="no 'notes' column"):
        load_gold(path)


def test_seed_style_json(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", "Army repelled an attack at dawn today. In 2019 ...")
    data = {
        "document": {"file": "story.txt", "published_at": "2023-07-08", "dateline": "2023-07-07"},
        "events": [{"event_date": "2023-07-07", "event_type": "Battles", "inter1": "State forces",
                    "fatalities": {"accept_min": 1, "accept_max": 3},
                    "claims": [{"claimant": "Ministry", "via": "Agency"}]}],
        "must_not_code_as_2023_events": ["the 2019 battles (background)", "the 2015 capture"],
    }
    gold = load_gold(write(tmp_path, "story.gold.json", json.dumps(data)))
    assert gold.kind == "seed-json"
    (case,) = gold.cases
    assert case.document.published_at == dt.date(2023, 7, 8)
    assert case.document.dateline is None  # the gold's dateline is an answer, never given to the coder
    assert case.forbid_years == [2019, 2015]
    assert case.year_counts == {2023: 1}
    event = case.events[0]
    assert (event.inter1, event.fatalities_min, event.fatalities_max) == (1, 1, 3)
    assert event.claims == [{"claimant": "Ministry", "via": "Agency"}]


def test_fixture_yaml_and_jsonl(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "- id: one\n  published_at: 2024-01-02\n  text: Rebels attacked a post.\n"
                              "  events:\n    - {event_type: Battles, fatalities: 0}\n"
                              "- id: two\n  text: Prices rose.\n  events: []\n")
    write(tmp_path, "b.jsonl", json.dumps({"id": "three", "text": "A protest.", "events": [
        {"event_type": "Protests"}]}) + "\n")
    gold = load_gold(tmp_path)
    assert [c.id for c in gold.cases] == ["one", "two", "three"]
    assert gold.cases[0].document.published_at == dt.date(2024, 1, 2)
    assert gold.cases[1].events == []
    assert all(c.complete for c in gold.cases)


def test_fixture_problems_name_the_case(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.jsonl", "\n".join([
        json.dumps({"id": "a", "text": "x", "events": [{"event_typ": "Battles"}]}),
        "{not json",
    ]))
    with pytest.raises(EvaluationError, match=r"bad\.jsonl:2: bad JSON"):
        load_gold(path)
    yaml_text = "- id: a\n  text: x\n  events: [{event_typ: Battles}]\n- id: b\n  text: y\n"
    path = write(tmp_path, "bad.yaml", yaml_text)
    gold = load_gold(path)
    assert [c.id for c in gold.cases] == ["b"]
    assert [str(p) for p in gold.problems] == [f"{path}: case 1: unknown event field(s) event_typ"]


def test_select_cases_is_reproducible(tmp_path: Path) -> None:
    items = "".join(f"- id: c{i}\n  text: report {i}\n  events: []\n" for i in range(20))
    gold = load_gold(write(tmp_path, "many.yaml", items))
    first = [c.id for c in select_cases(gold.cases, sample=5, seed=3)]
    assert first == [c.id for c in select_cases(gold.cases, sample=5, seed=3)]
    assert len(first) == 5
    assert [c.id for c in select_cases(gold.cases, limit=2)] == ["c0", "c1"]
    assert [c.id for c in select_cases(gold.cases, offset=18)] == ["c18", "c19"]


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"unknown gold format '\.txt'"):
        load_gold(write(tmp_path, "gold.txt", "x"))


def test_fixture_assoc_actors_are_scored_as_sets(tmp_path: Path) -> None:
    # allies are a semicolon list: order and era closing years do not matter, a missing ally does
    write(tmp_path, "assoc.yaml",
          "- id: one\n  text: On 2 May 2023, X backed by Y and Z attacked W.\n  events:\n"
          "    - {event_type: Battles, actor1: X, assoc_actor_1: 'Z (2016-); Y', assoc_actor_2: W2}\n"
          "- id: two\n  text: On 2 May 2023, Q attacked R.\n  events:\n"
          "    - {event_type: Battles, actor1: Q, assoc_actor_1: P}\n")
    gold = load_gold(tmp_path)
    assert not gold.problems
    assert gold.cases[0].events[0].assoc_actor_1 == "Z (2016-); Y"
    assert "assoc_actor_1" in gold.cases[0].events[0].scored

    answers = {
        "one": Event(event_type="Battles", actor1="X", assoc_actor_1="Y; Z (2016-2024)"),
        "two": Event(event_type="Battles", actor1="Q"),
    }

    class Fake(RecordingPipeline):
        def code(self, doc: Document) -> list[Event]:
            return [answers["one" if "X backed" in doc.text else "two"]]

    evaluation = evaluate_gold(gold, Fake())  # type: ignore[arg-type]
    metrics = evaluation.scores.metrics
    assert (metrics["assoc_actor_1"].value, metrics["assoc_actor_1"].n) == (0.5, 2)
    assert (metrics["assoc_actor_2"].value, metrics["assoc_actor_2"].n) == (0.0, 1)
