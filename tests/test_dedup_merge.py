"""dedup, pure library: one event from many reports, nearby events kept apart, corroboration."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

import pytest

from eventdesk.dedup import (
    EventMerger,
    MergeExplanation,
    SourceInfo,
    block_keys,
    corroborate,
    deduplicate,
    haversine_km,
    load_rules,
    query_keys,
    stable_event_id,
)
from eventdesk.errors import ConfigError
from eventdesk.records import Claim, Event, to_dict

DAY = dt.date(2023, 10, 17)
SARMIN = (35.9037, 36.7238)
ARMY = "Military Forces of Syria (2000-)"
HTS = "HTS: Hayat Tahrir al Sham"


def north_of(point: tuple[float, float], km: float) -> tuple[float, float]:
    return point[0] + km / 111.2, point[1]


def clash(doc: str, **changes: object) -> Event:
    event = Event(
        event_date=DAY,
        year=DAY.year,
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=ARMY,
        inter1=1,
        actor2=HTS,
        inter2=2,
        interaction=12,
        country="Syria",
        iso=760,
        admin1="Idleb",
        admin2="Idleb",
        admin3="Sarmin",
        location="Sarmin",
        latitude=SARMIN[0],
        longitude=SARMIN[1],
        geo_precision=1,
        fatalities=3,
        document_ids=[doc],
    )
    return dataclasses.replace(event, **changes)  # type: ignore[arg-type]


def fifty_reports() -> list[Event]:
    """50 codings of one clash, varied the way different outlets' reports vary."""
    events = []
    for i in range(50):
        lat, lon = north_of(SARMIN, (i % 7) * 0.9)  # up to ~5.4 km of geocoding spread
        changes: dict[str, object] = {"latitude": lat, "longitude": lon, "fatalities": 3 + i % 4}
        if i % 5 == 1:
            changes.update(actor2="Unidentified Armed Group (Syria)", inter2=3)  # "militants"
        if i % 5 == 2:
            changes.update(actor1=HTS, inter1=2, actor2=ARMY, inter2=1)  # sides named the other way round
        if i % 5 == 3:
            changes.update(
                event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack"
            )
        if i % 5 == 4:
            changes.update(actor2=None, inter2=None, location=None, admin3=None, geo_precision=2)
        if i % 10 == 9:
            changes.update(time_precision=2, event_date=DAY + dt.timedelta(days=1))
        events.append(clash(f"doc{i:02d}", **changes))
    return events


def test_fifty_reports_of_one_clash_become_one_event() -> None:
    merger = deduplicate(fifty_reports())
    assert len(merger.events) == 1
    (event,) = merger.events
    assert event.document_ids == [f"doc{i:02d}" for i in range(50)]
    assert event.event_id == stable_event_id("doc00")
    assert (event.actor1, event.actor2) == (ARMY, HTS)
    assert event.event_type == "Battles" and event.sub_event_type == "Armed clash"
    assert event.fatalities == 3  # the most conservative figure
    assert (event.fatalities_low, event.fatalities_high) == (3, 6)
    assert event.time_precision == 1 and event.event_date == DAY
    assert len(merger.explanations[event.event_id]) == 49


def test_same_village_next_day_stays_apart() -> None:
    merger = deduplicate([clash("a"), clash("b", event_date=DAY + dt.timedelta(days=1))])
    assert len(merger.events) == 2


def test_two_villages_thirty_km_apart_stay_apart() -> None:
    lat, lon = north_of(SARMIN, 30)
    assert 29.5 < haversine_km(*SARMIN, lat, lon) < 30.5
    other = clash("b", location="Other village", admin3="Other", latitude=lat, longitude=lon)
    assert len(deduplicate([clash("a"), other]).events) == 2


def test_two_named_villages_five_km_apart_stay_apart_but_one_place_with_two_points_merges() -> None:
    lat, lon = north_of(SARMIN, 5)
    other_village = clash("b", location="Tell Sultan", admin3="Sarmin", latitude=lat, longitude=lon)
    assert len(deduplicate([clash("a"), other_village]).events) == 2
    lat, lon = north_of(SARMIN, 1.5)
    other_spelling = clash("c", location="Sarmeen", latitude=lat, longitude=lon, gazetteer_id="g2")
    assert len(deduplicate([clash("a"), other_spelling]).events) == 1
    near = clash("d", location="Sarmin", latitude=north_of(SARMIN, 5)[0], geo_precision=2)
    assert len(deduplicate([clash("a"), near]).events) == 1  # "near Sarmin" coded to another point


def test_nearby_but_different_actors_or_types_stay_apart() -> None:
    events = [
        clash("a"),
        clash("b", actor2="Islamic State (Syria)", inter2=2),
        clash(
            "c",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Syria)",
            inter1=6,
            actor2=None,
            inter2=None,
        ),
        clash("d", event_type="Strategic developments", sub_event_type="Arrests"),
        clash("e", event_type="Strategic developments", sub_event_type="Agreement"),
    ]
    assert len(deduplicate(events).events) == 5


def test_week_precision_widens_the_window() -> None:
    week = clash("b", time_precision=2, event_date=DAY + dt.timedelta(days=3))
    assert len(deduplicate([clash("a"), week]).events) == 1
    late = clash("c", time_precision=2, event_date=DAY + dt.timedelta(days=4))
    assert len(deduplicate([clash("a"), late]).events) == 2


def test_region_precision_widens_the_radius_and_finer_place_wins() -> None:
    lat, lon = north_of(SARMIN, 40)
    region = clash("a", location="Idlib", admin3=None, latitude=lat, longitude=lon, geo_precision=3)
    merger = deduplicate([region, clash("b")])
    assert len(merger.events) == 1
    assert merger.events[0].location == "Sarmin" and merger.events[0].geo_precision == 1


def test_place_without_coordinates_matches_by_name_or_admin3() -> None:
    by_name = clash("b", latitude=None, longitude=None)
    by_admin3 = clash("c", latitude=None, longitude=None, location="Sarmin countryside")
    merger = deduplicate([clash("a"), by_name, by_admin3])
    assert len(merger.events) == 1


def test_undated_or_unplaced_events_are_never_merged() -> None:
    blank = Event(document_ids=["x"])
    merger = deduplicate([clash("a"), clash("b", event_date=None), blank, Event(document_ids=["y"])])
    assert len(merger.events) == 4


def test_reruns_give_identical_ids_and_events() -> None:
    first = deduplicate([*fifty_reports(), clash("z", event_date=DAY + dt.timedelta(days=5))])
    second = deduplicate([*fifty_reports(), clash("z", event_date=DAY + dt.timedelta(days=5))])
    assert [to_dict(e) for e in first.events] == [to_dict(e) for e in second.events]


def test_an_event_keeps_its_id_when_later_reports_attach() -> None:
    merger = EventMerger()
    first = merger.add(clash("a", event_id="SYR-keep"))
    later = merger.add(clash("b", event_id="SYR-other"))
    assert first.event_id == later.event_id == "SYR-keep" and later.merged
    assert merger.get("SYR-other") is merger.get("SYR-keep")
    assert later.explanation is not None and later.explanation.attached_event_id == "SYR-other"


def test_explanation_says_why() -> None:
    merger = EventMerger()
    merger.add(clash("a"))
    lat, lon = north_of(SARMIN, 4)
    result = merger.add(
        clash(
            "b",
            latitude=lat,
            longitude=lon,
            actor2="Unidentified Armed Group (Syria)",
            inter2=3,
            location="Sarmin",
            geo_precision=2,
        )
    )
    why = result.explanation
    assert isinstance(why, MergeExplanation)
    assert why.date_diff_days == 0 and why.distance_km is not None and 3.9 < why.distance_km < 4.1
    assert "generic" in why.actors and why.place == "same location Sarmin (4.0 km)"
    assert why.rules_version == load_rules().version
    assert MergeExplanation.from_dict(to_dict(why)) == why
    assert why.summary().splitlines()[0].startswith("b -> ")


def test_generic_actor_is_filled_by_the_named_one() -> None:
    merger = deduplicate([clash("a", actor2="Unidentified Armed Group (Syria)", inter2=3), clash("b")])
    assert merger.events[0].actor2 == HTS


def test_type_hierarchy_keeps_the_highest_sub_event() -> None:
    strike = clash("a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    merger = deduplicate([strike, clash("b")])
    assert (merger.events[0].event_type, merger.events[0].sub_event_type) == ("Battles", "Armed clash")


def test_blocking_reads_few_candidates() -> None:
    """Thousands of events on other days and places are never compared with a new one."""
    merger = EventMerger()
    for i in range(2000):
        lat, lon = north_of(SARMIN, 20 + (i % 40) * 20)
        merger.add(
            clash(
                f"o{i}",
                event_date=DAY + dt.timedelta(days=i // 40 + 1),
                latitude=lat,
                longitude=lon,
                location=f"Place {i}",
                admin3=f"A{i}",
            )
        )
    assert len(merger) == 2000
    assert merger.candidates(clash("new")) == []
    merger.add(clash("here"))
    assert len(merger.candidates(clash("again"))) == 1


def test_block_keys_are_strings_and_reach_each_other() -> None:
    a, b = clash("a"), clash("b", latitude=north_of(SARMIN, 9)[0])
    assert all(isinstance(k, str) for k in block_keys(a))
    assert set(block_keys(a)) & set(query_keys(b))
    coarse = clash("c", time_precision=3, event_date=DAY + dt.timedelta(days=12))
    assert set(block_keys(a)) & set(query_keys(coarse))
    assert set(block_keys(coarse)) & set(query_keys(a))
    assert block_keys(Event()) == []


def test_corroboration_counts_outlets_and_reposts() -> None:
    event = clash("d1", document_ids=["d1", "d2", "d3", "d4"])
    event.claims = [
        Claim(claimant="Syrian Ministry of Defense", partisan=True, side=ARMY, fatalities=10),
        Claim(claimant="HTS sources", partisan=True, side=HTS, fatalities=0),
    ]
    sources = {
        "d1": SourceInfo("SANA"),
        "d2": SourceInfo("A blog", repost_of="d1"),
        "d3": SourceInfo("SANA"),
        "d4": SourceInfo("Enab Baladi"),
    }
    corroborate(event, sources)
    assert event.sources_count == 4
    assert event.independent_sources == 2  # SANA twice and a repost of SANA count once
    assert event.claimant_sides == sorted([ARMY, HTS])
    assert event.partisan_only
    assert event.source == "SANA; A blog; Enab Baladi"
    event.claims.append(Claim(claimant="SOHR"))
    corroborate(event, sources)
    assert not event.partisan_only and "independent" in event.claimant_sides


def test_fatalities_keep_the_conservative_figure_and_span_the_claims() -> None:
    reports = [
        clash("a", fatalities=7),
        clash("b", fatalities=0),
        clash("c", fatalities=4, fatalities_high=12),
    ]
    (event,) = deduplicate(reports).events
    assert event.fatalities == 4  # a report silent on deaths is not a claim of zero
    assert (event.fatalities_low, event.fatalities_best, event.fatalities_high) == (0, 7, 12)


def test_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("version: x\ndate_window_days: {1: 0}\nplace_radius_km: {1: -3}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="place_radius_km"):
        load_rules(bad)
    bad.write_text("version: x\nsurprise: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        load_rules(bad)
    rules = load_rules()
    assert rules.window(2) == 3 and rules.radius(1) == 10 and math.isclose(rules.max_radius, 50)


def test_parallel_batch_gives_the_same_events_as_one_merger(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.dedup import batch

    monkeypatch.setattr(batch, "PARALLEL_MIN", 10)

    def reports() -> list[Event]:
        out = []
        for country, shift in (("Syria", 0.0), ("Iraq", 3.0), ("Turkey", 6.0)):
            for e in fifty_reports()[:20]:
                out.append(
                    dataclasses.replace(
                        e,
                        country=country,
                        latitude=(e.latitude or 0) + shift,
                        document_ids=[f"{country}-{e.document_ids[0]}"],
                    )
                )
        return out

    one = deduplicate(reports(), workers=1)
    two = deduplicate(reports(), workers=2)
    three = deduplicate(reports(), workers=3)
    assert len(one) == len(two) == len(three) == 3
    assert [to_dict(e) for e in one.events] == [to_dict(e) for e in two.events]
    assert [to_dict(e) for e in one.events] == [to_dict(e) for e in three.events]
    assert {k: [to_dict(w) for w in v] for k, v in one.explanations.items()} == {
        k: [to_dict(w) for w in v] for k, v in two.explanations.items()
    }


def test_protests_by_different_groups_in_one_city_stay_apart() -> None:
    def protest(doc: str, group: str | None) -> Event:
        return clash(
            doc,
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Syria)",
            inter1=6,
            actor2=None,
            inter2=None,
            assoc_actor_1=group,
        )

    teachers, farmers = protest("a", "Teachers (Syria)"), protest("b", "Farmers (Syria)")
    assert len(deduplicate([teachers, farmers]).events) == 2
    assert len(deduplicate([protest("c", "Teachers (Syria)"), protest("d", None)]).events) == 1


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"event_date": DAY + dt.timedelta(days=1)},
        {"event_date": DAY + dt.timedelta(days=3)},
        {"event_date": DAY + dt.timedelta(days=3), "time_precision": 2},
        {"event_date": DAY + dt.timedelta(days=40), "time_precision": 3},
        {"event_date": None},
        {"country": "Turkey"},
        {"country": "  syria "},
        {"country": None},
    ],
)
def test_may_match_rules_out_only_what_compare_rejects(changes: dict[str, object]) -> None:
    """The store drops candidates by their date and country columns before loading them."""
    from eventdesk.dedup import compare, may_match, profile_of

    rules = load_rules()
    mine, other = clash("r1"), clash("r2", **changes)
    possible = may_match(
        profile_of(mine, rules), other.event_date, other.time_precision, other.country, rules
    )
    found = compare(profile_of(other, rules), profile_of(mine, rules), rules)
    if not possible:
        assert found is None
    if not changes or changes == {"country": "  syria "}:
        assert possible and found is not None
