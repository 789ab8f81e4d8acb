"""Recognition mechanisms of session 3 (issue 3) on reports written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from eventdesk.coding.actors import ActorRoles

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "actors" / "recognition.yaml").read_text(encoding="utf-8")
)


def code(case: dict[str, Any]) -> ActorRoles:
    """The same case runner as the roles tests (a report, its event type, country and date)."""
    from test_actors_roles import code as run_case

    roles: ActorRoles = run_case(case)
    return roles


@pytest.mark.parametrize("case", CASES, ids=[c["mechanism"] for c in CASES])
def test_recognition(case: dict[str, Any]) -> None:
    roles = code(case)
    assert {roles.actor1, roles.actor2} == set(case["pair"])
    for name in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        if name in case:
            assert getattr(roles, name) == case[name], name
