"""`eventdesk evaluate`: exit codes, exact error lines, output formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.errors import CodingError
from eventdesk.pipeline import Pipeline
from eventdesk.records import Document, Event

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp"
)


def row(event_id: str, date: str, notes: str, sub_event_type: str = "Armed clash") -> str:
    return (f"{event_id},{date},2022,1,Political violence,Battles,{sub_event_type},"
            'Military Forces of Syria (2000-),,1,"HTS: Hayat Tahrir al Sham",,2,12,,760,Middle East,Syria,'
            f'Idleb,Ariha,Ariha,Ariha,35.81,36.61,1,Testwire,National,"{notes}",2,,1700000000')


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deterministic stand-in for the coder: one Armed clash on 3 March 2022 per report."""

    def code(self: Pipeline, doc: Document) -> list[Event]:
        if "explode" in doc.text:
            raise CodingError("boom", document_id=doc.id)
        return [Event(event_type="Battles", sub_event_type="Armed clash", event_date=dt.date(2022, 3, 3),
                      fatalities=2)]

    monkeypatch.setattr(Pipeline, "code", code)


@pytest.fixture
def gold_csv(tmp_path: Path) -> Path:
    path = tmp_path / "gold.csv"
    path.write_text("\n".join([
        HEADER,
        row("XYZ1", "03 March 2022", "On 3 March 2022, army units and rebels traded fire near a hill town."),
        row("XYZ2", "04 March 2022", "On 4 March 2022, the army retook a village from rebels.",
            "Government regains territory"),
    ]) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["evaluate", *args])


def test_help_opens_with_a_runnable_example() -> None:
    result = CliRunner().invoke(main, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "\n  Example:\n    eventdesk evaluate " in result.output


def test_missing_file_is_one_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = CliRunner().invoke(main, ["evaluate", str(missing)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: file not found\n"
    assert result.stdout == ""


def test_csv_without_notes_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: no 'notes' column (not an ACLED-format CSV)\n"


def test_text_report(fake_coder: None, gold_csv: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(gold_csv), "--no-geocode", "--errors", "5",
                                       "--errors-field", "sub_event_type"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"== {gold_csv} (acled-csv, 2 cases;")
    assert any(line.split()[:2] == ["sub_event_type", "0.500"] for line in lines)
    assert any(line.split()[:2] == ["event_date", "0.500"] for line in lines)
    assert "  Government regains territory" in result.stdout
    expected = "[XYZ2] sub_event_type: expected 'Government regains territory', got 'Armed clash'"
    assert expected in result.stdout
    assert "errors (1 of 1):" in result.stdout
    assert result.stderr == ""


def test_json_report_and_limit(fake_coder: None, gold_csv: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(gold_csv), "--format", "json", "--limit", "1"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["cases"] == 1 and report["total_cases"] == 2
    assert report["metrics"]["sub_event_type"]["value"] == 1.0
    assert report["metrics"]["within_25km"]["value"] == 0.0  # no point is a miss


def test_bad_row_and_coder_failure_go_on(fake_coder: None, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("\n".join([
        HEADER,
        row("XYZ1", "03 March 2022", "On 3 March 2022, army units and rebels traded fire near a hill town."),
        row("XYZ2", "not a date", "On 4 March 2022, the army retook a village."),
        row("XYZ3", "05 March 2022", "On 5 March 2022, a shell hit a depot and made it explode."),
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {path}:3: unreadable date 'not a date'",
        f"Error: {path}:4: XYZ3: coder failed: gold-row-2: boom",
    ]
    assert result.stdout.startswith(f"== {path} (acled-csv, 2 cases;")


def test_several_gold_files_one_bad(fake_coder: None, gold_csv: Path, tmp_path: Path) -> None:
    missing = tmp_path / "gone.yaml"
    result = CliRunner().invoke(main, ["evaluate", str(missing), str(gold_csv), "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: file not found\n"
    reports = json.loads(result.stdout)
    assert [r["path"] for r in reports] == [str(gold_csv)]


def test_compare_and_by(fake_coder: None, gold_csv: Path, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.json"
    earlier.write_text(json.dumps({"path": str(gold_csv), "metrics": {
        "sub_event_type": {"value": 0.25, "n": 2}}}), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold_csv), "--compare", str(earlier),
                                       "--by", "sub_event_type"])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["sub_event_type", "0.500", "2", "+0.250"] in [r[:4] for r in rows]
    assert "by sub_event_type:" in result.stdout
    assert ["Government", "regains", "territory", "1"] in [r[:4] for r in rows]


def test_compare_with_a_bad_report(gold_csv: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold_csv), "--compare", str(bad)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: not an `eventdesk evaluate --format json` report\n"


def test_a_crashing_stage_is_reported_and_the_rest_measured(monkeypatch: pytest.MonkeyPatch,
                                                             gold_csv: Path) -> None:
    def code(self: Pipeline, doc: Document) -> list[Event]:
        if doc.id == "gold-row-1":
            raise KeyError("oops")
        return [Event(event_type="Battles")]

    monkeypatch.setattr(Pipeline, "code", code)
    result = CliRunner().invoke(main, ["evaluate", str(gold_csv), "--format", "json"])
    assert result.exit_code == 1
    assert f"Error: {gold_csv}:2: XYZ1: pipeline crashed: KeyError: 'oops'" in result.stderr.splitlines()
    assert json.loads(result.stdout)["metrics"]["event_type"]["value"] == 0.5
