"""Loading actors.yaml and checking its schema (one ``ConfigError`` per problem, with its place)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from importlib import resources
from typing import Any

from ..errors import ConfigError
from .actor_names import _INTER_RANGE

# --- loading and schema ----------------------------------------------------------------------------


def _fail(where: str, reason: str) -> ConfigError:
    return ConfigError(f"actors.yaml: {where}: {reason}")


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise _fail(where, f"bad date {value!r}") from exc


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, "expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _inter(value: Any, where: str) -> int:
    if not isinstance(value, int) or value not in _INTER_RANGE:
        raise _fail(where, f"inter must be an integer 1-8, got {value!r}")
    return value


def load_actor_data(text: str | None = None) -> dict[str, Any]:
    """Parse and schema-check actors.yaml (the packaged file unless ``text`` is given).

    The checked data is kept in the start-up cache (``nlp.lexcache``), keyed by the text and this
    module's source: a later process reads it back instead of parsing the YAML again."""
    from ..nlp.lexcache import cached, source_of

    if text is None:
        text = resources.files("eventdesk").joinpath("data/actors.yaml").read_text(encoding="utf-8")
    checked = text
    return _thaw(cached("actors-yaml", [text, source_of(__file__)], lambda: _freeze(_check_data(checked))))


# YAML gives dates (``from: 2000-07-17``) that marshal cannot store; in the cache a date is the
# tuple ("date", ordinal) (YAML itself never gives a tuple).
def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return {_freeze(k): _freeze(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_freeze(v) for v in value]
    if type(value) is dt.date:
        return ("date", value.toordinal())
    return value  # anything else marshal cannot store leaves the value uncached (lexcache)


def _thaw(value: Any) -> Any:
    if isinstance(value, dict):
        return {_thaw(k): _thaw(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_thaw(v) for v in value]
    if isinstance(value, tuple):
        return dt.date.fromordinal(value[1])
    return value


def _check_data(text: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ConfigError(f"actors.yaml: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise _fail("top level", "expected a mapping")
    for key in ("version", "actors", "generic", "state_forces"):
        if key not in data:
            raise _fail("top level", f"missing key {key!r}")
    if not isinstance(data["version"], str):
        raise _fail("version", "expected a string")
    allowed = {
        "name",
        "inter",
        "country",
        "aliases",
        "former",
        "subunits",
        "conflicts",
        "by_country",
        "by_place",
        "member_of",
        "generic",
        "template",
        "since_names",
        "former_of",
        "until",
        "absorbs",
        "operates_in",
    }
    seen: set[str] = set()
    for i, entry in enumerate(data["actors"]):
        where = f"actors[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise _fail(where, "each actor needs a name")
        where = f"actor {entry['name']!r}"
        unknown = set(entry) - allowed
        if unknown:
            raise _fail(where, f"unknown key(s) {', '.join(sorted(unknown))}")
        if entry["name"] in seen:
            raise _fail(where, "duplicate name")
        seen.add(entry["name"])
        _inter(entry.get("inter"), where)
        _strings(entry.get("aliases"), f"{where}.aliases")
        _strings(entry.get("subunits"), f"{where}.subunits")
        for j, former in enumerate(entry.get("former") or []):
            if not isinstance(former, dict) or "name" not in former:
                raise _fail(f"{where}.former[{j}]", "needs a name")
            _date(former.get("until"), f"{where}.former[{j}].until")
            _strings(former.get("aliases"), f"{where}.former[{j}].aliases")
    for i, entry in enumerate(data["generic"]):
        where = f"generic[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("canonical"), str):
            raise _fail(where, "needs a canonical name")
        _inter(entry.get("inter"), where)
        _strings(entry.get("aliases"), f"{where}.aliases")
    for i, alliance in enumerate(data.get("alliances") or []):
        where = f"alliances[{i}]"
        if not isinstance(alliance, dict) or not isinstance(alliance.get("name"), str):
            raise _fail(where, "an alliance needs a name")
        if not alliance.get("members"):
            raise _fail(where, "an alliance needs members")
        _strings(alliance.get("members"), f"{where}.members")
        _date(alliance.get("from"), f"{where}.from")
        _date(alliance.get("until"), f"{where}.until")
    if not isinstance(data["state_forces"], dict):
        raise _fail("state_forces", "expected a mapping of country to forces")
    for country, spec in data["state_forces"].items():
        where = f"state_forces.{country}"
        if not isinstance(spec, dict):
            raise _fail(where, "expected a mapping")
        _strings(spec.get("demonyms"), f"{where}.demonyms")
        for kind in ("military", "police"):
            for j, era in enumerate(spec.get(kind) or []):
                if not isinstance(era, dict) or not isinstance(era.get("label"), str):
                    raise _fail(f"{where}.{kind}[{j}]", "an era needs a label")
                _date(era.get("from"), f"{where}.{kind}[{j}].from")
                _date(era.get("until"), f"{where}.{kind}[{j}].until")
    return data


def _country_names(data: Mapping[str, Any]) -> dict[str, str]:
    """ACLED country name for each ISO3 code, from pycountry with ACLED's spellings on top."""
    # pycountry's data without its import cost; not `from .. import`, which mypyc may bind to None
    import eventdesk.iso3166 as iso3166

    overrides = (data.get("countries") or {}).get("names") or {}
    names: dict[str, str] = {}
    for country in iso3166.records():
        iso3 = country["alpha_3"]
        names[iso3] = overrides.get(iso3, country.get("common_name") or country["name"])
    for extra in (data.get("countries") or {}).get("extra") or []:
        names[extra["iso3"]] = extra["name"]
    return names


def _pycountry_names() -> dict[str, list[str]]:
    import eventdesk.iso3166 as iso3166

    return {
        c["alpha_3"]: [n for n in (c["name"], c.get("common_name"), c.get("official_name")) if n]
        for c in iso3166.records()
    }
