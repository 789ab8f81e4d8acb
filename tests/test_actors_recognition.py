"""Recognition mechanisms of session 3 (issue 3) on reports written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from eventdesk.coding.actors import ActorDictionary, ActorRoles, assign_actors
from eventdesk.records import Document

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "actors" / "recognition.yaml").read_text(encoding="utf-8")
)


def code(case: dict[str, Any]) -> ActorRoles:
    """The same case runner as the roles tests (a report, its event type, country and date); with
    `span_from`, the event's span starts at that phrase, as when the coder picks a later sentence."""
    if "span_from" not in case:
        from test_actors_roles import code as run_case

        roles: ActorRoles = run_case(case)
        return roles
    text = case["text"]
    on = case.get("date") if isinstance(case.get("date"), dt.date) else None
    mentions = ActorDictionary.default().find(text, country=case.get("country"), on=on)
    return assign_actors(
        Document(id="t", text=text),
        (text.index(case["span_from"]), len(text)),
        case["event_type"],
        case["sub_event_type"],
        country=case.get("country"),
        mentions=mentions,
        on=on,
    )


@pytest.mark.parametrize("case", CASES, ids=[c["mechanism"] for c in CASES])
def test_recognition(case: dict[str, Any]) -> None:
    roles = code(case)
    assert {roles.actor1, roles.actor2} == set(case["pair"])
    for name in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        if name in case:
            assert getattr(roles, name) == case[name], name


def test_members_of_an_armed_group_clashing_is_a_battle_not_a_mob(coder: Any) -> None:
    """triggers.v18: "members of <group> clashed" no longer reads as mob violence; supporters still do."""
    text = (
        "On 14 June 2020, members of the Hamza Division clashed with armed locals in a town north of "
        "Aleppo. Nobody was hurt."
    )
    events = coder.code(Document(id="m", text=text))
    assert events and events[0].sub_event_type == "Armed clash"
    rally = (
        "On 3 May 2020, supporters of the two rival parties clashed with sticks and stones outside the "
        "town hall of a district town after the vote count."
    )
    events = coder.code(Document(id="r", text=rally))
    assert events and events[0].event_type == "Riots"
