"""The docs tell the truth: every CLI command is in the README and its help opens with an example."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from eventdesk.cli import COMMANDS, main

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command(name: str) -> click.Command:
    module, attribute, _ = COMMANDS[name]
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            pytest.skip(f"{module} is not written yet")
        raise
    command = getattr(loaded, attribute)
    assert isinstance(command, click.Command)
    return command


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_in_the_readme(name: str) -> None:
    _command(name)
    assert re.search(rf"eventdesk {name}\b", README), f"`eventdesk {name}` is not shown in README.md"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_opens_with_a_runnable_example(name: str) -> None:
    _command(name)
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    body = result.output.split("\n\n", 1)[1]  # after the usage line
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    example_at = lines.index("Example:") if "Example:" in lines else lines.index("Examples:")
    assert example_at <= 1, f"help of {name} does not open with an example"
    assert lines[example_at + 1].startswith(f"eventdesk {name}")


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


def test_readme_opens_with_the_two_commands() -> None:
    blocks = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)
    assert blocks[0] == (
        "python3 -m pip install -e . && eventdesk ingest examples/ && eventdesk events --format table"
    )
    assert blocks[1] == "python3 -m pip install -e '.[dev]' && scripts/check"


def test_examples_folder_has_every_input_kind() -> None:
    suffixes = {path.suffix for path in (ROOT / "examples").iterdir()}
    assert {".txt", ".html", ".jsonl"} <= suffixes


def test_import_and_help_do_not_load_heavy_modules() -> None:
    code = (
        "import sys, eventdesk; from eventdesk.cli import main\n"
        "names = ('sqlalchemy', 'trafilatura', 'pyarrow', 'shapely', 'yaml', 'tqdm')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""
