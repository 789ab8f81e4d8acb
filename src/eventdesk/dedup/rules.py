"""The merge rules as a typed object, loaded from ``data/dedup/merge_rules.yaml`` with a schema check."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["GenericActor", "MergeRules", "load_rules"]

_DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "dedup" / "merge_rules.yaml"


@dataclass(frozen=True, slots=True)
class GenericActor:
    """A generic actor name (by prefix) and the inter codes of the named actors it can stand for."""

    prefix: str
    stands_for_inter: frozenset[int]


@dataclass(frozen=True, slots=True)
class MergeRules:
    """What makes two events one happening. Defaults match the bundled rules file."""

    version: str = "merge_rules.v3"
    date_window_days: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 3, 3: 15})
    place_radius_km: dict[int, float] = field(default_factory=lambda: {1: 10.0, 2: 15.0, 3: 50.0})
    distinct_places_km: float = 2.0
    families: dict[str, frozenset[str]] = field(default_factory=dict)
    strict_types: frozenset[str] = frozenset()
    distinct_by_associates: frozenset[str] = frozenset()
    sub_event_priority: tuple[str, ...] = ()
    event_type_priority: tuple[str, ...] = ()
    generic_actors: tuple[GenericActor, ...] = ()
    # derived once (matching reads them for every event)
    max_window: int = field(init=False, default=0)
    max_radius: float = field(init=False, default=0.0)
    fine_radius: float = field(init=False, default=0.0)  # the widest radius of a fine (precision 1-2) place
    sub_event_rank: dict[str, int] = field(init=False, default_factory=dict)
    event_type_rank: dict[str, int] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        radii = self.place_radius_km
        object.__setattr__(self, "max_window", max(self.date_window_days.values()))
        object.__setattr__(self, "max_radius", max(radii.values()))
        object.__setattr__(self, "fine_radius", max(radii.get(1, 0.0), radii.get(2, 0.0)))
        object.__setattr__(self, "sub_event_rank", {s: i for i, s in enumerate(self.sub_event_priority)})
        object.__setattr__(self, "event_type_rank", {s: i for i, s in enumerate(self.event_type_priority)})

    def window(self, time_precision: int | None) -> int:
        """Date window half-width in days; unknown precision counts as the exact day."""
        window = self.date_window_days.get(time_precision or 1)
        return self.date_window_days[1] if window is None else window

    def radius(self, geo_precision: int | None) -> float:
        """Place radius in km; unknown precision counts as the coarsest."""
        radius = self.place_radius_km.get(geo_precision or 3)
        return self.max_radius if radius is None else radius


def _fail(path: Path, reason: str) -> ConfigError:
    return ConfigError(f"{path}: {reason}")


def _int_map(raw: Any, key: str, path: Path) -> dict[int, float]:
    if not isinstance(raw, dict) or not raw:
        raise _fail(path, f"{key} must be a non-empty mapping of precision -> number")
    out: dict[int, float] = {}
    for k, v in raw.items():
        if not isinstance(k, int) or k not in (1, 2, 3) or not isinstance(v, int | float) or v < 0:
            raise _fail(path, f"{key}: bad entry {k!r}: {v!r}")
        out[k] = v
    if 1 not in out:
        raise _fail(path, f"{key} needs an entry for precision 1")
    return out


def _str_list(raw: Any, key: str, path: Path) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
        raise _fail(path, f"{key} must be a list of strings")
    return tuple(raw)


def parse_rules(raw: Any, path: Path) -> MergeRules:
    """Check and convert the YAML content of a rules file."""
    if not isinstance(raw, dict):
        raise _fail(path, "rules file must be a mapping")
    known = {
        "version",
        "date_window_days",
        "place_radius_km",
        "distinct_places_km",
        "families",
        "strict_types",
        "distinct_by_associates",
        "sub_event_priority",
        "event_type_priority",
        "generic_actors",
    }
    unknown = set(raw) - known
    if unknown:
        raise _fail(path, f"unknown key(s): {', '.join(sorted(unknown))}")
    version = raw.get("version")
    if not isinstance(version, str) or not version:
        raise _fail(path, "version must be a non-empty string")
    families_raw = raw.get("families") or {}
    if not isinstance(families_raw, dict):
        raise _fail(path, "families must be a mapping of name -> list of event types")
    families = {
        str(name): frozenset(_str_list(types, f"families.{name}", path))
        for name, types in families_raw.items()
    }
    generics = []
    for entry in raw.get("generic_actors") or []:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("prefix"), str)
            or not isinstance(entry.get("stands_for_inter"), list)
            or not all(isinstance(i, int) and 1 <= i <= 8 for i in entry["stands_for_inter"])
        ):
            raise _fail(path, f"generic_actors: bad entry {entry!r}")
        generics.append(GenericActor(entry["prefix"].casefold(), frozenset(entry["stands_for_inter"])))
    windows = _int_map(raw.get("date_window_days"), "date_window_days", path)
    distinct = raw.get("distinct_places_km", 2.0)
    if not isinstance(distinct, int | float) or distinct < 0:
        raise _fail(path, f"distinct_places_km must be a number >= 0, not {distinct!r}")
    return MergeRules(
        version=version,
        date_window_days={k: int(v) for k, v in windows.items()},
        place_radius_km={
            k: float(v) for k, v in _int_map(raw.get("place_radius_km"), "place_radius_km", path).items()
        },
        distinct_places_km=float(distinct),
        families=families,
        strict_types=frozenset(_str_list(raw.get("strict_types") or [], "strict_types", path)),
        distinct_by_associates=frozenset(
            _str_list(raw.get("distinct_by_associates") or [], "distinct_by_associates", path)
        ),
        sub_event_priority=_str_list(raw.get("sub_event_priority") or [], "sub_event_priority", path),
        event_type_priority=_str_list(raw.get("event_type_priority") or [], "event_type_priority", path),
        generic_actors=tuple(generics),
    )


@functools.lru_cache(maxsize=8)
def load_rules(path: str | Path | None = None) -> MergeRules:
    """The merge rules from ``path`` (default: the bundled file), checked. Cached per path."""
    import yaml

    p = Path(path) if path is not None else _DEFAULT_PATH
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(p, f"cannot read rules file: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise _fail(p, f"invalid YAML: {exc}") from exc
    return parse_rules(raw, p)
