"""The click group behind ``eventdesk`` (imported only when click is needed: see ``eventdesk.cli.run``)."""

from __future__ import annotations

import importlib

import click

from . import COMMANDS

__all__ = ["LazyGroup", "main"]


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

