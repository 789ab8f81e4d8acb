"""Options and error handling shared by the store and code commands."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import EventdeskError

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["db_option", "echo_error", "filter_options", "handle_errors", "parse_bbox", "to_date"]


def echo_error(message: object) -> None:
    """One ``Error: …`` line on stderr."""
    click.echo(f"Error: {message}", err=True)


def handle_errors(fn: F) -> F:
    """Turn an EventdeskError into ``Error: <message>`` and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except EventdeskError as exc:
            echo_error(exc)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


db_option = click.option(
    "--db",
    "db",
    metavar="URL",
    envvar="EVENTDESK_DB",
    default=None,
    help="SQLAlchemy URL of the store [env EVENTDESK_DB; default sqlite:///eventdesk.db].",
)

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def to_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(part) for part in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise click.BadParameter("expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", param_hint="--bbox")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-90 <= min_lat <= max_lat <= 90 and -180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise click.BadParameter(
            "latitudes must be in [-90, 90], min ≤ max; longitudes in [-180, 180]", param_hint="--bbox"
        )
    return min_lon, min_lat, max_lon, max_lat


def filter_options(fn: F) -> F:
    """The event filters of ``events`` and ``export``."""
    options = [
        click.option("--since", type=_DATE, help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", type=_DATE, help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--country", help="Country name, e.g. Syria."),
        click.option("--admin1", help="First-level admin unit, e.g. Idleb."),
        click.option("--actor", help="Any actor or associated actor containing this text."),
        click.option("--event-type", help='ACLED event type, e.g. "Battles".'),
        click.option("--sub-event-type", help='ACLED sub-event type, e.g. "Armed clash".'),
        click.option("--search", help="Full-text search over the report text (all words must occur)."),
        click.option("--bbox", metavar="W,S,E,N", help="Map box: MIN_LON,MIN_LAT,MAX_LON,MAX_LAT."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn
