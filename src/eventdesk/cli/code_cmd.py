"""``eventdesk code``: code reports into events and print them, without a store."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import click

from ..errors import InputError
from ..records import Event
from ._common import echo_error, handle_errors

__all__ = ["code"]


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="FILES…")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "geojson"]),
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
    # Start-up (these imports, the lexicons, the actor dictionary and the gazetteer's tables that the
    # first report loads) makes many long-lived objects and little garbage: the collector, which would
    # walk them again and again meanwhile (about a tenth of a one-report run), stays off until the
    # first report is coded and they are frozen (below).
    collecting = gc.isenabled()
    gc.disable()
    try:
        _code(paths, fmt, no_geocode, collecting)
    finally:
        if collecting and not gc.isenabled():  # no report was coded, or only the last one
            gc.freeze()
            gc.enable()


def _code(paths: tuple[str, ...], fmt: str, no_geocode: bool, collecting: bool) -> None:
    from ..export import write_events
    from ..ingest import read_paths
    from ..ingest.readers import coding_failure
    from ..pipeline import Pipeline
    from ..records import Document
    from ..settings import Settings
    from ..store.ids import assign_event_ids

    pipeline = Pipeline(Settings.from_env(geocode=False if no_geocode else None))
    failures = 0
    coded_one = frozen = False

    def events() -> Iterator[Event]:
        nonlocal failures, coded_one, frozen
        for item in read_paths(paths):
            if coded_one and not frozen:
                # the lexicons, the actor dictionary and the gazetteer's tables, loaded by the first
                # report, live as long as the process: keep the collector from walking them again and
                # again (about a sixth of a batch's time); what is made from here on is collected as usual
                # (the collector is off until now: see code())
                gc.freeze()
                frozen = True
                if collecting:
                    gc.enable()
            if isinstance(item, InputError):
                failures += 1
                echo_error(item)
                continue
            assert isinstance(item, Document)
            try:
                coded = pipeline.code(item)
            except Exception as exc:  # one report's coder failure must not stop the batch
                failures += 1
                echo_error(coding_failure(item, exc))
                continue
            coded_one = True
            yield from assign_event_ids(item.id, coded)

    write_events(events(), fmt, sys.stdout)
    sys.stdout.flush()
    if failures:
        sys.exit(1)
