"""The ``eventdesk gazetteer`` command."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from eventdesk.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


def test_help_opens_with_an_example() -> None:
    result = CliRunner().invoke(main, ["gazetteer", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_build_add_lookup(tmp_path: Path) -> None:
    runner = CliRunner()
    d = str(tmp_path)
    result = runner.invoke(main, ["gazetteer", "build", "--no-world", "--dir", d])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["gazetteer", "add", str(FIXTURES / "geonames-mini.txt"), "--no-world", "--dir", d]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["gazetteer", "add-acled", str(FIXTURES / "acled-mini.csv"), "--no-world", "--dir", d]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["gazetteer", "lookup", "Kabanah", "--country", "SY", "--dir", d])
    assert result.exit_code == 0
    first = result.output.splitlines()[0].split("\t")
    assert first[0] == "Kabani" and "9900001" in first
    result = runner.invoke(main, ["gazetteer", "lookup", "Kafr Zibad", "--dir", d])
    assert "Idleb / Ariha / Ehsem" in result.output
    result = runner.invoke(main, ["gazetteer", "info", "--dir", d])
    assert "geonames-geonames-mini.txt" in result.output


def test_bad_file_is_one_error_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["gazetteer", "add", str(FIXTURES / "geonames-bad.txt"), "--no-world", "--dir", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: ") and len(result.output.strip().splitlines()) == 1
