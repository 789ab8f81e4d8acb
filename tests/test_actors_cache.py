"""The actor stage's start-up cache gives exactly what building afresh gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from eventdesk.coding import actor_country, actor_dictionary
from eventdesk.coding.actor_schema import _check_data, _freeze, _thaw, load_actor_data
from eventdesk.coding.actors import ActorDictionary

_REPORT = (
    "On 3 March 2021, Syrian regime forces and the NDF clashed with HTS fighters near Kafr Nabl in "
    "Idleb province. Turkish drones struck SDF positions; gunmen killed two civilians."
)


def _fresh_default(monkeypatch: pytest.MonkeyPatch) -> ActorDictionary:
    monkeypatch.setattr(ActorDictionary, "_default", None)
    for name in ("_MEMO_KEYS", "_MEMO_NORM", "_MEMO_VARIANTS"):
        monkeypatch.setattr(actor_dictionary, name, {})
    return ActorDictionary.default()


def _tables(d: ActorDictionary) -> dict[str, Any]:
    def cands(table: dict[str, Any]) -> list[Any]:
        return sorted((k, [(c.entry.name, c.bound, c.security) for c in v]) for k, v in table.items())

    return {
        "candidates": cands(d._candidates),
        "cs": cands(d._cs_candidates),
        "former": sorted(d._former_keys.items()),
        "countries": sorted(d._country_alias.items()),
        "places": sorted(d._places.items()),
        "entries": sorted((k, repr(v)) for k, v in d.entries.items()),
        "found": [(m.start, m.end, m.canonical, m.inter, m.country) for m in d.find(_REPORT)],
    }


def test_yaml_data_survives_the_cache_format() -> None:
    text = "version: t\nactors: []\ngeneric: []\nstate_forces:\n  Syria:\n    military:\n"
    text += "      - {label: '2000-', from: 2000-07-17}\n"
    data = _check_data(text)
    assert data["state_forces"]["Syria"]["military"][0]["from"] == dt.date(2000, 7, 17)
    assert _thaw(_freeze(data)) == data


def test_cached_dictionary_equals_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTDESK_CACHE", "off")
    fresh = _tables(_fresh_default(monkeypatch))
    monkeypatch.setenv("EVENTDESK_CACHE", str(tmp_path))
    first = _tables(_fresh_default(monkeypatch))  # builds and writes the cache
    names = [p.name for p in (tmp_path / "lexicons").iterdir()]
    assert any(n.startswith("actors-yaml") for n in names)
    assert any(n.startswith("actor-aliases") for n in names)
    second = _tables(_fresh_default(monkeypatch))  # reads it back
    assert fresh == first == second
    assert load_actor_data() == _check_data(
        (Path(actor_dictionary.__file__).parent.parent / "data" / "actors.yaml").read_text(encoding="utf-8")
    )


def test_cached_unit_index_equals_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def build() -> tuple[dict[str, str], set[str]]:
        monkeypatch.setattr(actor_country, "_UNIT_INDEX", [])
        monkeypatch.setattr(actor_country._UNIT_FIRST, "keys", [])
        index = actor_country._unit_index()
        return dict(index.items()), set(actor_country._UNIT_FIRST.keys)

    monkeypatch.setenv("EVENTDESK_CACHE", "off")
    fresh = build()
    monkeypatch.setenv("EVENTDESK_CACHE", str(tmp_path))
    assert build() == fresh  # written
    assert build() == fresh  # read back
    assert any(p.name.startswith("actor-units") for p in (tmp_path / "lexicons").iterdir())
