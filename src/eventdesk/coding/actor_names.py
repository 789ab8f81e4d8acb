"""Actor naming: entries, eras, dated names and ACLED state-force names ("Military Forces of Syria
(2000-)").

Part of the actor dictionary (``actor_dictionary``); see docs/actors.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

UNLOCALIZED: Final = "X"
# the honest label when nothing in the report or the geocoder names one
UNKNOWN_COUNTRY: Final = "country unknown"
# ACLED renames an era when it ends ("(2014-)" becomes "(2014-2021)"). With a vintage date, eras still
# open on that date print open, as in an ACLED export of that day (EVENTDESK_ACTOR_VINTAGE=2021-01-01).
_VINTAGE: Final[list[dt.date | None]] = [None]
# Countries ACLED names with an article in state-force names ("Military Forces of the Philippines").
_WITH_ARTICLE: Final[set[str]] = set()
# De facto states and the country ACLED reports their territory under ("Artsakh" -> "Azerbaijan").
TERRITORY_OF: Final[dict[str, str]] = {}


def at_home(force_country: str | None, country: str | None) -> bool:
    """Are a state's forces at home in ``country`` (their own, or the one their territory is in)?"""
    if force_country == country:
        return True
    return force_country is not None and TERRITORY_OF.get(force_country) == country


_INTER_RANGE: Final = range(1, 9)
_PARTISAN_WORDS: Final = (
    ("terror", "mercenar", "regime", "occupation", "enemy", "takfiri", "khawarij", "zionist")
)
_QUOTES: Final = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ʿ": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True, slots=True)
class Era:
    """A government era of a state's forces; ``label`` is what ACLED prints in brackets."""

    label: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, on: dt.date) -> bool:
        return (self.start is None or on >= self.start) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class DatedName:
    """A former or later name of an actor: valid from ``start`` to ``end`` (inclusive)."""

    name: str
    start: dt.date | None = None
    end: dt.date | None = None
    inter: int | None = None


@dataclass(slots=True, init=False)  # __init__ written out
class ActorEntry:
    """One actor of the dictionary (a named group, a state's forces, or a generic actor)."""

    name: str
    inter: int
    country: str | None = None
    kind: str = "named"  # named | military | police | generic
    aliases: tuple[str, ...] = ()
    names: tuple[DatedName, ...] = ()  # former and later names, for dating
    eras: tuple[Era, ...] = ()  # state forces only
    unit: str | None = None  # state sub-unit suffix ("Republican Guard")
    by_country: dict[str, str] = field(default_factory=dict)
    by_place: dict[str, tuple[str, ...]] = field(default_factory=dict)
    member_of: str | None = None
    absorbs: tuple[str, ...] = ()  # actors coded as this one when it is named with them (operations)
    conflicts: tuple[str, ...] = ()
    operates_in: tuple[str, ...] = ()  # other countries where it fights too (Al Shabaab in Kenya)
    generic: bool = False  # a generic or country-bound word ("rebels", "gunmen")
    partisan: bool = False  # partisan wording that must be resolved by coreference ("terrorists")

    def __init__(
        self,
        name: str,
        inter: int,
        country: str | None = None,
        kind: str = "named",
        aliases: tuple[str, ...] = (),
        names: tuple[DatedName, ...] = (),
        eras: tuple[Era, ...] = (),
        unit: str | None = None,
        by_country: dict[str, str] | None = None,
        by_place: dict[str, tuple[str, ...]] | None = None,
        member_of: str | None = None,
        absorbs: tuple[str, ...] = (),
        conflicts: tuple[str, ...] = (),
        operates_in: tuple[str, ...] = (),
        generic: bool = False,
        partisan: bool = False,
    ) -> None:
        # written out: the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md); ~720
        # entries are made at every start-up (the two dicts: a new one each, as their default_factory)
        self.name = name
        self.inter = inter
        self.country = country
        self.kind = kind
        self.aliases = aliases
        self.names = names
        self.eras = eras
        self.unit = unit
        self.by_country = {} if by_country is None else by_country
        self.by_place = {} if by_place is None else by_place
        self.member_of = member_of
        self.absorbs = absorbs
        self.conflicts = conflicts
        self.operates_in = operates_in
        self.generic = generic
        self.partisan = partisan

    def canonical(
        self,
        on: dt.date | None = None,
        country: str | None = None,
        era_lookup: Mapping[str, tuple[Era, ...]] | None = None,
    ) -> str:
        """The ACLED name on a date, in a country (generic names keep "(X)" until localised)."""
        if self.kind in ("military", "police"):
            return state_name(self.kind, self.country or country, self.eras, on, self.unit, era_lookup)
        if country and country in self.by_country:
            return self.by_country[country]
        if on is not None:
            for dated in self.names:
                if (dated.start is None or on >= dated.start) and (dated.end is None or on <= dated.end):
                    return dated.name
        if "(X)" in self.name and country:
            return self.name.replace("(X)", f"({country})")
        return self.name

    def inter_on(self, on: dt.date | None) -> int:
        if on is not None:
            for dated in self.names:
                if (
                    dated.inter
                    and (dated.start is None or on >= dated.start)
                    and (dated.end is None or on <= dated.end)
                ):
                    return dated.inter
        return self.inter


def state_name(
    kind: str,
    country: str | None,
    eras: tuple[Era, ...],
    on: dt.date | None,
    unit: str | None = None,
    era_lookup: Mapping[str, tuple[Era, ...]] | None = None,
) -> str:
    """ "Military Forces of Syria (2000-)" / "Police Forces of X" with the era that covers ``on``."""
    base = "Military Forces" if kind == "military" else "Police Forces"
    if not country:
        return f"{base} of {UNLOCALIZED}"
    if not eras and era_lookup is not None:
        eras = era_lookup.get(f"{kind}:{country}", ())
    name = f"{base} of the {country}" if country in _WITH_ARTICLE else f"{base} of {country}"
    if eras:
        era = eras[-1]
        if on is not None:
            for candidate in eras:
                if candidate.covers(on):
                    era = candidate
                    break
            else:
                if eras[0].start and on < eras[0].start:
                    era = eras[0]
        label = era.label
        vintage = _VINTAGE[0]
        if vintage is not None and era.end is not None and vintage <= era.end:
            label = label.split("-")[0] + "-"
        name = f"{name} ({label})"
    if unit:
        name = f"{name} {unit}"
    return name
