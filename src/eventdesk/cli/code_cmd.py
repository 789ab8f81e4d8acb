"""``eventdesk code``: code reports into events and print them, without a store."""

from __future__ import annotations

import click

from ._common import handle_errors
from .code_run import FORMATS, run_code

__all__ = ["code"]


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="FILES…")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="jsonl",
    show_default=True,
    help="jsonl: the Event JSON contract, one per line; csv: ACLED columns; geojson: a FeatureCollection.",
)
@click.option("--no-geocode", is_flag=True, help="Skip place resolution (no coordinates).")
@handle_errors
def code(paths: tuple[str, ...], fmt: str, no_geocode: bool) -> None:
    """Code reports into events and write them to stdout, without storing.

    \b
    Example:
      eventdesk code examples/ --format jsonl

    FILES are report files (.txt, .html, .jsonl), folders (read recursively) or - for stdin.
    A file or line that cannot be read is reported as "Error: <path>[:<line>]: <reason>"; the rest
    is still coded and the exit code is 1.
    """
    # the work is in code_run (click-free: `eventdesk code` with plain arguments runs it without
    # importing click; eventdesk.cli.run)
    run_code(paths, fmt, no_geocode)
