"""The ``eventdesk`` command: a thin skin over the library.

Each subcommand lives in its own module and is imported only when it runs, so ``eventdesk --help``
stays fast. A command parses options, calls the API, and turns an ``EventdeskError`` into one
``Error: …`` line with exit code 1.
"""

from __future__ import annotations

import importlib

import click

__all__ = ["main"]

# command name -> (module, attribute, one-line help shown by `eventdesk --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "code": ("eventdesk.cli.code_cmd", "code", "Code reports into events and print them (no store)."),
    "ingest": ("eventdesk.cli.store_cmds", "ingest", "Code reports and store them with their events."),
    "events": ("eventdesk.cli.store_cmds", "events", "List stored events with filters."),
    "export": ("eventdesk.cli.store_cmds", "export", "Export stored events (CSV, JSONL, GeoJSON, Parquet)."),
    "documents": ("eventdesk.cli.store_cmds", "documents", "List stored reports."),
    "stats": ("eventdesk.cli.store_cmds", "stats", "Counts of what the store holds."),
    "evaluate": ("eventdesk.cli.evaluate_cmd", "evaluate", "Score the coder against a gold file."),
    "gazetteer": ("eventdesk.cli.gazetteer_cmd", "gazetteer", "Build and query the offline gazetteer."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventdesk")
def main() -> None:
    """Turn conflict news reports into an ACLED-compatible event dataset, offline.

    \b
    Example:
      eventdesk ingest examples/ && eventdesk events --format table
    """

