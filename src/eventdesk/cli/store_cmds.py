"""Store commands: ``ingest``, ``events``, ``export``, ``documents``, ``stats``.

Each parses options and calls :class:`eventdesk.store.EventStore`, the readers and the exporters.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import click

from ._common import db_option, echo_error, filter_options, handle_errors, parse_bbox, to_date

if TYPE_CHECKING:
    from ..store import EventQuery, EventStore

__all__ = ["documents", "events", "export", "ingest", "stats"]

PROGRESS_THRESHOLD = 50  # a progress bar only for batches larger than this


def _open_store(db: str | None, *, must_exist: bool = False) -> EventStore:
    from ..settings import Settings
    from ..store import EventStore

    return EventStore(settings=Settings.from_env(db_url=db), must_exist=must_exist)


def _count_documents(paths: Iterable[str]) -> int | None:
    """How many documents the paths hold (JSONL lines counted), or None when stdin is read."""
    from ..ingest import iter_files
    from ..ingest.readers import JSONL_SUFFIXES

    total = 0
    for path in paths:
        if path == "-":
            return None
        files = list(iter_files(path)) if os.path.isdir(path) else [path]
        for file in files:
            if os.path.splitext(file)[1].lower() in JSONL_SUFFIXES:
                try:
                    with open(file, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="FILES…")
@db_option
@click.option("--no-geocode", is_flag=True, help="Skip place resolution (no coordinates).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@handle_errors
def ingest(paths: tuple[str, ...], db: str | None, no_geocode: bool, quiet: bool) -> None:
    """Code reports and store them with their events.

    \b
    Example:
      eventdesk ingest examples/ && eventdesk events --format table

    FILES are report files (.txt, .html, .jsonl), folders (read recursively) or - for stdin.
    Each report is stored in one transaction; reports already in the store are skipped, so
    re-running changes nothing. Unreadable input is reported as "Error: <path>[:<line>]: <reason>",
    the rest is stored, and the exit code is 1. A summary line ends the run.
    """
    from ..ingest import read_paths
    from ..pipeline import Pipeline
    from ..settings import Settings

    settings = Settings.from_env(db_url=db, geocode=False if no_geocode else None)
    store = _open_store(db)
    pipeline = Pipeline(settings)
    total = None if quiet else _count_documents(paths)
    bar: Any = None
    if total is not None and total > PROGRESS_THRESHOLD:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True)

    def on_error(error: Exception) -> None:
        if bar is not None:
            bar.clear()
        echo_error(error)

    with store:
        summary = store.ingest(
            read_paths(paths),
            pipeline,
            on_error=on_error,
            on_item=(lambda _item: bar.update(1)) if bar is not None else None,
        )
    if bar is not None:
        bar.close()
    click.echo(summary.line())
    if summary.failed:
        sys.exit(1)


def _query(
    since: dt.datetime | None,
    until: dt.datetime | None,
    country: str | None,
    admin1: str | None,
    actor: str | None,
    event_type: str | None,
    sub_event_type: str | None,
    search: str | None,
    bbox: str | None,
    limit: int | None = None,
) -> EventQuery:
    from ..store import EventQuery

    return EventQuery(
        since=to_date(since),
        until=to_date(until),
        country=country,
        admin1=admin1,
        actor=actor,
        event_type=event_type,
        sub_event_type=sub_event_type,
        search=search,
        bbox=parse_bbox(bbox),
        limit=limit,
    )


@click.command()
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv", "geojson"]),
    default="table",
    show_default=True,
)
@click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
@click.option("--explain", metavar="ID", help="Show the reports behind one event instead of a list.")
@db_option
@handle_errors
def events(fmt: str, limit: int | None, explain: str | None, db: str | None, **filters: Any) -> None:
    """List stored events, filtered.

    \b
    Example:
      eventdesk events --country Syria --since 2023-01-01 --format table

    Filters combine with AND. --search is full-text over the report text; --bbox takes
    MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.
    """
    from ..export import write_events

    with _open_store(db, must_exist=True) as store:
        if explain:
            _explain(store, explain)
            return
        write_events(store.events(_query(limit=limit, **filters)), fmt, sys.stdout)


def _explain(store: EventStore, event_id: str) -> None:
    from ..dedup import MergeExplanation

    event = store.get_event(event_id)
    links = store.merges(event_id)
    assert event is not None
    click.echo(
        f"{event_id}: {event.sub_event_type or event.event_type or '(uncoded)'}, "
        f"{event.event_date or 'no date'}, {event.location or 'no place'}"
    )
    click.echo(
        f"{len(links)} report(s), {event.independent_sources} independent source(s); "
        f"claims from: {', '.join(event.claimant_sides) or '-'}"
        + ("; partisan claims only" if event.partisan_only else "")
    )
    for link in links:
        repost = f" (repost of {link['repost_of']})" if link["repost_of"] else ""
        click.echo(
            f"  {link['document_id']}  {link['published_at'] or '----------'}  {link['publisher'] or '-'}  "
            f"{link['title'] or ''}{repost}  [{link['role']}]"
        )
        if link["explanation"]:
            why = MergeExplanation.from_dict(link["explanation"])
            for line in why.summary().splitlines()[1:]:
                click.echo(f"    {line.strip()}")


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["acled-csv", "jsonl", "geojson", "parquet"]),
    default="acled-csv",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    "output",
    metavar="FILE",
    default="-",
    show_default=True,
    help="Output file; - is stdout (parquet needs a file).",
)
@filter_options
@db_option
@handle_errors
def export(fmt: str, output: str, db: str | None, **filters: Any) -> None:
    """Export stored events as ACLED CSV, JSONL, GeoJSON or Parquet.

    \b
    Example:
      eventdesk export --format acled-csv -o events.csv

    The same filters as `eventdesk events` select what is exported. JSONL is the Event JSON
    contract; acled-csv has ACLED's columns in ACLED's order; GeoJSON leaves events without
    coordinates with a null geometry; Parquet needs pyarrow (pip install 'eventdesk[parquet]').
    """
    from ..errors import ConfigError
    from ..export import write_events

    if fmt == "parquet" and output == "-":
        raise ConfigError("parquet needs an output file: -o FILE")
    with _open_store(db, must_exist=True) as store:
        selected = store.events(_query(**filters))
        if output == "-":
            count = write_events(selected, fmt, sys.stdout)
        else:
            count = write_events(selected, fmt, output)
    if output != "-":
        click.echo(f"{count} events written to {output}", err=True)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--search", help="Only reports whose text holds all these words.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many reports.")
@db_option
@handle_errors
def documents(fmt: str, search: str | None, limit: int | None, db: str | None) -> None:
    """List stored reports.

    \b
    Example:
      eventdesk documents --search "car bomb" --format table
    """
    from ..records import to_dict

    with _open_store(db, must_exist=True) as store:
        count = 0
        if fmt == "table":
            click.echo(f"{'DOCUMENT':22}  {'DATE':10}  {'PUBLISHER':24}  TITLE")
        for doc in store.documents(limit=limit, search=search):
            count += 1
            if fmt == "jsonl":
                click.echo(json.dumps(to_dict(doc), ensure_ascii=False))
                continue
            date = doc.published_at or doc.dateline
            title = (doc.title or doc.text.split("\n", 1)[0]).replace("\n", " ")
            repost = f" [repost of {doc.repost_of}]" if doc.repost_of else ""
            click.echo(
                f"{doc.id[:22]:22}  {date.isoformat() if date else '':10}  "
                f"{(doc.publisher or '')[:24]:24}  {title[:70]}{repost}"
            )
        if fmt == "table":
            click.echo(f"({count} report{'s' if count != 1 else ''})")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
@handle_errors
def stats(fmt: str, db: str | None) -> None:
    """Counts of what the store holds: reports, events, links, claims, runs.

    \b
    Example:
      eventdesk stats --format json
    """
    with _open_store(db, must_exist=True) as store:
        numbers = store.stats()
    if fmt == "json":
        click.echo(json.dumps(numbers, indent=2, ensure_ascii=False, default=str))
        return
    for key, value in numbers.items():
        if isinstance(value, dict):
            if key == "last_run":
                value = ", ".join(f"{k}={v}" for k, v in value.items())
                click.echo(f"{key}: {value}")
                continue
            click.echo(f"{key}:")
            for name, count in value.items():
                click.echo(f"  {name}: {count}")
        else:
            click.echo(f"{key}: {value if value is not None else '-'}")
