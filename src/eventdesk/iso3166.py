"""ISO 3166-1 countries from pycountry's data, without importing pycountry.

``import pycountry`` costs about 35 ms of a cold start (it reads its own version through
``importlib.metadata``, which pulls in the ``email`` package), several times more than reading its
country file. The actor dictionary's country names and the event ids' alpha-3 prefixes need only
that file, so it is read here directly, and looked up the way ``pycountry.countries`` does:

- ``records()``: the country records (plain dicts: alpha_2, alpha_3, name, numeric, official_name?,
  common_name?, flag), in pycountry's order;
- ``get(field, value)``: ``pycountry.countries.get(**{field: value})`` (case-insensitive; a value
  given twice in a field belongs to the later record);
- ``lookup(value)``: ``pycountry.countries.lookup(value)``: the first field (in the file's field
  order) holding ``value``, else None instead of LookupError.

When the file is not where pycountry keeps it (another pycountry layout), pycountry itself is
imported and read: the same answers, only slower.
"""

from __future__ import annotations

import functools
import json
import os
from importlib.util import find_spec

__all__ = ["get", "lookup", "records"]

_FILE = ("databases", "iso3166-1.json")
_ROOT_KEY = "3166-1"


@functools.lru_cache(maxsize=1)
def records() -> tuple[dict[str, str], ...]:
    """pycountry's ISO 3166-1 country records, in its order (do not change them)."""
    return _read()[0]


def stamp() -> bytes:
    """What ``records`` were read from (the data file's bytes), for a start-up cache key (nlp.lexcache)
    of data derived from them: cheaper than spelling the records out."""
    return _read()[1]


@functools.lru_cache(maxsize=1)
def _read() -> tuple[tuple[dict[str, str], ...], bytes]:
    spec = find_spec("pycountry")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        try:
            with open(os.path.join(folder, *_FILE), "rb") as handle:
                raw = handle.read()
            entries = json.loads(raw.decode("utf-8"))[_ROOT_KEY]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(entries, list) and all(isinstance(e, dict) for e in entries):
            return tuple(entries), raw
    import pycountry

    found = tuple(dict(country) for country in pycountry.countries)
    return found, repr(found).encode("utf-8")


@functools.lru_cache(maxsize=1)
def _indices() -> dict[str, dict[str, dict[str, str]]]:
    """field -> lower-cased value -> record, as pycountry indexes them (a later record wins a tie)."""
    indices: dict[str, dict[str, dict[str, str]]] = {}
    for record in records():
        for field, value in record.items():
            indices.setdefault(field, {})[value.lower()] = record
    return indices


def get(field: str, value: str) -> dict[str, str] | None:
    """The record whose ``field`` is ``value`` (any case), else None."""
    return _indices().get(field, {}).get(value.lower())


def lookup(value: str) -> dict[str, str] | None:
    """The record any of whose fields is ``value`` (any case; fields in the file's order), else None."""
    value = value.lower()
    for index in _indices().values():
        record = index.get(value)
        if record is not None:
            return record
    return None
