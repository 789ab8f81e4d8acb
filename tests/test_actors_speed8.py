"""Session 8 speed rewrites of the actor stage give what the code they replace gave."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import fields

from eventdesk.coding.actor_country import _many_countries, _outvoted
from eventdesk.coding.actor_sides import _Side
from eventdesk.coding.actor_text import _Candidate
from eventdesk.coding.actors import ActorDictionary, ActorRoles
from eventdesk.records import ActorMention


def _outvoted_with_counter(
    dictionary: ActorDictionary, mentions: list[ActorMention], country: str
) -> str | None:
    # the session-7 code, with its Counter
    votes: Counter[str] = Counter()
    local: set[str] = set()
    seen: set[str] = set()
    for m in mentions:
        if m.generic or not m.country or m.canonical in seen or _many_countries(dictionary, m):
            continue
        if m.inter not in (1, 2, 3, 4):
            continue
        seen.add(m.canonical)
        if m.country != country and dictionary.operates_in(m.canonical, country):
            votes[country] += 1
            continue
        votes[m.country] += 1
        if m.inter != 1:
            local.add(m.country)
    if not votes:
        return None
    best, count = votes.most_common(1)[0]
    if best != country and best in local and count > votes.get(country, 0) and count >= 2:
        return best
    return None


def test_outvoted_equals_the_counter_version() -> None:
    dictionary = ActorDictionary.default()
    entries = [e for e in dictionary.entries.values() if e.country][:400]
    assert entries
    countries = [*sorted({e.country for e in entries if e.country})[:6], "Syria", "Kenya"]
    rng = random.Random(5)
    for _ in range(3000):
        mentions = []
        for k in range(rng.randint(0, 7)):
            entry = rng.choice(entries)
            mentions.append(
                ActorMention(
                    entry.name, k * 10, k * 10 + 5, entry.name,
                    rng.choice([None, 1, 2, 3, 4, 5, 8]),
                    rng.choice([*countries, None]),
                    rng.random() < 0.2,
                )
            )
        country = rng.choice(countries)
        expected = _outvoted_with_counter(dictionary, mentions, country)
        assert _outvoted(dictionary, mentions, country) == expected


def test_written_out_inits_keep_the_dataclass_fields_and_defaults() -> None:
    roles = ActorRoles(country="Syria")
    assert [f.name for f in fields(ActorRoles)] == [
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "evidence",
        "country",
    ]
    assert (roles.actor1, roles.inter1, roles.evidence, roles.country) == (None, None, [], "Syria")
    assert ActorRoles().evidence is not ActorRoles().evidence
    full = ActorRoles("a", "b", 1, "d", "e", 2, 12, [], "h")
    assert (full.actor1, full.assoc_actor_1, full.inter1) == ("a", "b", 1)
    assert (full.actor2, full.assoc_actor_2) == ("d", "e")
    assert (full.inter2, full.interaction, full.evidence, full.country) == (2, 12, [], "h")
    named = ActorRoles(
        actor1="a", assoc_actor_1="b", inter1=1, actor2="d", assoc_actor_2="e", inter2=2, interaction=12,
        evidence=[], country="h",
    )
    assert full == named
    assert [f.name for f in fields(_Side)] == ["mentions"]
    assert _Side().mentions == [] and _Side().mentions is not _Side().mentions
    m = ActorMention("x", 0, 1, "X")
    assert _Side([m]).mentions == [m]
    entry = next(iter(ActorDictionary.default().entries.values()))
    assert [f.name for f in fields(_Candidate)] == ["entry", "bound", "security", "local"]
    cand = _Candidate(entry, bound=True)
    assert (cand.entry, cand.bound, cand.security, cand.local) == (entry, True, False, False)
    assert _Candidate(entry, False, True, True) == _Candidate(entry, bound=False, security=True, local=True)
