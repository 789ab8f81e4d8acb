"""``eventdesk code`` without click (session 9): ``cli.code_run.plain_code_args`` takes exactly the command
lines click would parse the same way, and the click-free run writes what the click command writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import eventdesk
from eventdesk.cli import main
from eventdesk.cli.code_cmd import code
from eventdesk.cli.code_run import FORMATS, plain_code_args

_ARGVS: list[list[str]] = [
    ["code", "a.txt"],
    ["code", "a.txt", "b.jsonl", "-"],
    ["code", "--no-geocode", "a.txt"],
    ["code", "a.txt", "--format", "csv"],
    ["code", "--format=geojson", "a.txt", "--no-geocode", "b"],
    ["code", "--format", "csv", "--format", "jsonl", "x"],
    ["code", "--no-geocode", "--no-geocode", "x"],
    ["code"],
    ["code", "--format", "csv"],
    ["code", "x", "--format"],
    ["code", "x", "--format", "CSV"],
    ["code", "x", "--format=xml"],
    ["code", "--help"],
    ["code", "-h", "x"],
    ["code", "x", "--", "--no-geocode"],
    ["code", "x", "--geo"],
    ["code", "x", "--no-geo"],
    ["code", "x", "-n"],
    ["events", "x"],
    ["--version"],
    [],
]


@pytest.mark.parametrize("argv", _ARGVS, ids=lambda a: " ".join(a) or "(none)")
def test_plain_arguments_parse_as_click_parses_them(argv: list[str]) -> None:
    plain = plain_code_args(argv)
    if plain is None:
        return  # click's: nothing to compare
    assert argv[0] == "code"
    ctx = code.make_context("code", argv[1:])
    assert (ctx.params["paths"], ctx.params["fmt"], ctx.params["no_geocode"]) == plain


def test_the_fast_path_takes_the_common_lines_and_leaves_the_rest() -> None:
    taken = [argv for argv in _ARGVS if plain_code_args(argv) is not None]
    assert len(taken) == 7
    assert plain_code_args(["code", "x", "--format", "csv"]) == (("x",), "csv", False)
    assert list(FORMATS) == list(code.params[1].type.choices)  # type: ignore[attr-defined]


def test_completion_requests_go_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_EVENTDESK_COMPLETE", "bash_complete")
    assert plain_code_args(["code", "x"]) is None


def _env() -> dict[str, str]:
    """The environment of a child process that imports this eventdesk (the tree or build under test)."""
    src = str(Path(eventdesk.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


_REPORT = ("Two civilians were killed on Monday when government forces shelled the town of Kafr Nabl "
           "in the southern countryside of Idlib, local activists said.\n")


def test_without_click_the_output_and_exit_code_are_the_click_commands(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(_REPORT, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    for fmt in FORMATS:
        args = ["code", str(report), str(missing), "--no-geocode", "--format", fmt]
        runner = CliRunner()
        expected = runner.invoke(main, args)
        script = f"import sys; from eventdesk.cli import run\nsys.argv[1:] = {args!r}\nrun()"
        command = [sys.executable, "-c", script]
        run = subprocess.run(command, capture_output=True, text=True, check=False, env=_env())
        assert run.stderr == f"Error: {missing}: no such file or directory\n", run.stderr
        assert run.returncode == expected.exit_code == 1
        assert run.stdout == expected.stdout
        assert run.stderr == f"Error: {missing}: no such file or directory\n"
    # a run without errors never imports click
    script = ("import sys; from eventdesk.cli import run\n"
              "sys.argv[1:] = ['code', sys.argv[1], '--no-geocode']\n"
              "try:\n    run()\nexcept SystemExit as exc:\n"
              "    sys.stderr.write(f'exit {exc.code}, click {\"click\" in sys.modules}')\n")
    command = [sys.executable, "-c", script, str(report)]
    ok = subprocess.run(command, capture_output=True, text=True, check=False, env=_env())
    assert ok.stderr == "exit 0, click False"
    assert ok.stdout == CliRunner().invoke(main, ["code", str(report), "--no-geocode"]).stdout


def test_the_collectors_settings_are_restored_after_a_batch(tmp_path: Path) -> None:
    import gc

    report = tmp_path / "report.txt"
    report.write_text(_REPORT, encoding="utf-8")
    before = gc.get_threshold(), gc.isenabled()
    result = CliRunner().invoke(main, ["code", str(report), str(report), "--no-geocode"])
    assert result.exit_code == 0 and result.stdout.count("\n") >= 2
    assert (gc.get_threshold(), gc.isenabled()) == before


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    """``eventdesk code … | head -c 50``: the closed pipe exits 1 with nothing on stderr (no traceback, no
    warning from a deprecated click helper)."""
    reports = tmp_path / "reports.jsonl"
    line = '{"id": "r%d", "text": "On 3 May 2024, gunmen killed %d farmers near Kadawa (Maru, Zamfara)."}\n'
    reports.write_text("".join(line % (i, i % 9 + 2) for i in range(400)), encoding="utf-8")
    script = (
        "import sys; from eventdesk.cli import run\n"
        "sys.argv[1:] = ['code', sys.argv[1], '--no-geocode']\nrun()"
    )
    command = [sys.executable, "-W", "error", "-c", script, str(reports)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env()) as child:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.read(50)
        child.stdout.close()  # the reader goes away
        err = child.stderr.read()
        assert child.wait(timeout=120) == 1
    assert err == b""
