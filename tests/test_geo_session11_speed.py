"""Session 11's geocoder speed cuts give the same answers as the code they replaced: the skeletons of
place kinds read from one joined row per kind (geo-index.26), and a skeleton's countries read without
cutting out its keys and ids."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import Gazetteer, add_user_file
from eventdesk.geo.normalize import skeleton

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


@pytest.fixture(scope="module")
def base_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("gaz-session11")
    add_user_file(directory, "geonames", FIXTURES / "geonames-hintpairs.txt", world=False)
    return directory


def _names_skeletons(con: sqlite3.Connection, kinds: set[str]) -> set[str]:
    """The skeletons of every name of the places of ``kinds``, read from the names table (the old query's
    rows: one per kind and skeleton)."""
    marks = ",".join("?" * len(kinds))
    sql = f"SELECT DISTINCT n.skel FROM names n JOIN places p ON p.id = n.place WHERE p.kind IN ({marks})"
    return {s for (s,) in con.execute(sql, sorted(kinds))}


@pytest.mark.parametrize(
    "kinds",
    [
        {"admin1"},
        {"cue"},
        {"town", "village", "site", "acled"},
        {"admin1", "admin2", "admin3"},
        {"country", "road", "region", "feature", "neighbourhood"},
        {"no such kind"},
    ],
)
def test_skeletons_of_kinds_are_the_names_tables(base_dir: Path, kinds: set[str]) -> None:
    gaz = Gazetteer.open(base_dir, world=False)
    con = sqlite3.connect(base_dir / "index.sqlite")
    try:
        assert gaz.skeletons_of(kinds) == _names_skeletons(con, kinds)
    finally:
        con.close()


def test_skeleton_countries_first_then_lists_as_lists_first(base_dir: Path) -> None:
    """Asked for its countries first (the row is kept unsplit), a skeleton later lists the same keys and
    place ids as when its lists are read first; a skeleton without a row is read once."""
    con = sqlite3.connect(base_dir / "index.sqlite")
    try:
        skels = [s for (s,) in con.execute("SELECT DISTINCT skel FROM names")]
    finally:
        con.close()
    assert len(skels) > 100
    skels = [*skels[::3], "no such skeleton", skeleton("Qqqxz Wwvvk")]
    lists_first = Gazetteer.open(base_dir, world=False)
    ccs_first = Gazetteer.open(base_dir, world=False)
    for skel in skels:
        keys = lists_first.skeleton_keys(skel)
        ccs = lists_first.skeleton_ccs(skel)
        assert ccs_first.skeleton_ccs(skel) == ccs
        assert ccs_first.skeleton_keys(skel) == keys
        assert ccs_first.skeleton_ccs(skel) == ccs
        for key in ("damascus", "idlib", "qqq"):
            assert ccs_first.close_ids_by_skeleton(skel, key, 70) == lists_first.close_ids_by_skeleton(
                skel, key, 70
            )
    assert not ccs_first._skel_raw  # every row read was cut out when listed
    queries: list[str] = []
    fresh = Gazetteer.open(base_dir, world=False)
    fresh._con().set_trace_callback(queries.append)
    assert fresh.skeleton_ccs("no such skeleton") == frozenset()
    assert fresh.skeleton_keys("no such skeleton") == []
    assert [q for q in queries if "skel_keys" in q] == []  # (the filter knows it has no row)
