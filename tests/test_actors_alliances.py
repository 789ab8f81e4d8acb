"""Alliances in the actor dictionary (actors.yaml `alliances`), and country-bound unit names."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.coding.actors import ActorDictionary, load_actor_data
from eventdesk.errors import ConfigError

MINIMAL = """
version: test
actors: []
generic: []
state_forces: {}
"""


def test_partners_are_allied_on_the_date() -> None:
    d = ActorDictionary.default()
    on = dt.date(2019, 3, 1)
    assert d.allied("Global Coalition Against Daesh", "QSD: Syrian Democratic Forces", on)
    assert d.allied("Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)", on)
    assert not d.allied("QSD: Syrian Democratic Forces", "Military Forces of Turkey (2016-)", on)
    assert not d.allied("Islamic State (Syria)", "Global Coalition Against Daesh", on)


def test_alliance_dates_and_units_of_one_state() -> None:
    d = ActorDictionary.default()
    # the Turkish-backed alliance starts with the first Turkish operation in 2016
    assert not d.allied("Military Forces of Turkey (2016-)", "JWS: Syrian National Army", dt.date(2015, 1, 1))
    assert d.allied("Military Forces of Turkey (2016-)", "JWS: Syrian National Army", dt.date(2019, 1, 1))
    # two units of one state are not "partners": infighting inside a state stays possible
    unit = "Military Forces of Syria (2000-) 4th Armored Division"
    assert not d.allied(unit, "Military Forces of Syria (2000-)")


def test_alliance_schema_is_checked() -> None:
    with pytest.raises(ConfigError, match="alliances"):
        load_actor_data(MINIMAL + "alliances:\n  - name: no members\n")
    with pytest.raises(ConfigError, match="alliances"):
        load_actor_data(MINIMAL + "alliances:\n  - {name: x, members: [A, B], from: not-a-date}\n")
    assert load_actor_data(MINIMAL + "alliances:\n  - {name: x, members: [A, B]}\n")["alliances"]


def test_a_unit_bound_to_one_country_is_not_that_unit_elsewhere() -> None:
    d = ActorDictionary.default()
    text = "Regime military police arrested a man at a checkpoint in Deir ez-Zor."
    names = [m.canonical for m in d.find(text, country="Syria", on=dt.date(2022, 1, 1))]
    assert not any("Brazil" in n for n in names)
    text = "Military police officers shot a suspect in a favela in Rio de Janeiro."
    names = [m.canonical for m in d.find(text, country="Brazil", on=dt.date(2020, 5, 1))]
    assert "Police Forces of Brazil (2019-2022) Military Police" in names


def test_a_de_facto_state_is_at_home_in_the_country_it_is_reported_under() -> None:
    from eventdesk.coding.actors import assign_actors
    from eventdesk.records import Document

    text = "On 3 May 2020, the Artsakh Defense Army fired on positions of the Azerbaijani army near Tartar."
    d = ActorDictionary.default()
    on = dt.date(2020, 5, 3)
    roles = assign_actors(
        Document(id="t", text=text),
        (0, len(text)),
        "Battles",
        "Armed clash",
        country="Azerbaijan",
        mentions=d.find(text, country="Azerbaijan", on=on),
        on=on,
    )
    expected = {"Military Forces of Artsakh (2007-2020)", "Military Forces of Azerbaijan (2003-)"}
    assert {roles.actor1, roles.actor2} == expected
    assert roles.interaction == 11  # not external forces (18)
