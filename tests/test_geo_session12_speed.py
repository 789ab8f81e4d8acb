"""Session 12's geocoder speed cuts give the same answers as the code they replaced: places read from
marshalled rows (geo-index.27: key_places' entries and place_rows by id) are the places the places table's
columns gave, with the same values and types."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import Gazetteer, Place, add_user_file, build_index

FIXTURES = Path(__file__).parent / "fixtures" / "geo"
_FIELDS = (
    "id", "gid", "name", "cc", "kind", "lat", "lon", "population", "admin1", "within", "source", "adm_names",
)


@pytest.fixture(scope="module")
def base_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("gaz-session12")
    add_user_file(directory, "geonames", FIXTURES / "geonames-hintpairs.txt", world=False)
    return directory


def _values(place: Place) -> list[object]:
    return [getattr(place, name) for name in _FIELDS]


def _columns(gaz: Gazetteer, ids: list[int]) -> dict[int, Place]:
    """``places_by_id`` as it was: the places table's twelve columns (a fresh gazetteer: nothing cached)."""
    marks = ",".join("?" * len(ids))
    sql = (
        "SELECT id, gid, name, cc, kind, lat, lon, pop, admin1, within, source, adm_names"
        f" FROM places WHERE id IN ({marks})"
    )
    return {row[0]: gaz._place_from(row, 0) for row in gaz._con().execute(sql, ids)}


def test_places_by_id_reads_the_places_rows(base_dir: Path) -> None:
    con = sqlite3.connect(base_dir / "index.sqlite")
    ids = [pid for (pid,) in con.execute("SELECT id FROM places ORDER BY id")]
    con.close()
    assert len(ids) > 1000
    asked = [*ids[::3], 10**9, ids[0], *ids[1::3]]  # an unknown id, an id twice, out of order
    got = Gazetteer.open(base_dir, world=False).places_by_id(asked)
    want = _columns(Gazetteer.open(base_dir, world=False), ids)
    assert list(got) == list(dict.fromkeys(pid for pid in asked if pid in want))
    for pid, place in got.items():
        assert _values(place) == _values(want[pid])
        assert [type(v) for v in _values(place)] == [type(v) for v in _values(want[pid])]


def test_places_by_id_and_by_keys_share_their_places(base_dir: Path) -> None:
    """A place comes once, by name or by id, whichever read it first."""
    gaz = Gazetteer.open(base_dir, world=False)
    con = sqlite3.connect(base_dir / "index.sqlite")
    rows = con.execute("SELECT key, place FROM names ORDER BY rowid LIMIT 400").fetchall()
    con.close()
    by_id = gaz.places_by_id([pid for _key, pid in rows[::2]])
    found = gaz.by_keys([key for key, _pid in rows])
    for key, pid in rows:
        place = next(p for p in found[key] if p.id == pid)
        assert gaz.places_by_id([pid])[pid] is place
        if pid in by_id:
            assert by_id[pid] is place


def test_an_index_of_the_same_files_opens_without_hashing_them(tmp_path: Path) -> None:
    """The build's file stats stand for their fingerprint; a stale fingerprint or other stats are checked
    by hashing the files, as before (and a stale index is rebuilt). (Seen through a made-up fingerprint:
    it passes only when the files are not hashed; no monkeypatching, which compiled calls do not see.)"""
    from eventdesk.geo import gazetteer

    build_index(tmp_path, world=False)
    path = tmp_path / gazetteer.INDEX_NAME
    fingerprint = gazetteer.data_fingerprint()
    made_up = "0123456789abcdef"
    assert made_up != fingerprint

    def stamp(data: str, data_stat: str) -> None:
        con = sqlite3.connect(path)
        con.execute("UPDATE meta SET value = ? WHERE key = 'data'", (data,))
        con.execute("UPDATE meta SET value = ? WHERE key = 'data_stat'", (data_stat,))
        con.commit()
        con.close()

    assert gazetteer._version_ok(path)  # as built
    stamp(made_up, f"{made_up} {gazetteer.data_stat()}")
    assert gazetteer._version_ok(path)  # the same files: trusted, not hashed
    stamp(made_up, f"{made_up} other files")
    assert not gazetteer._version_ok(path)  # other stats: hashed, and the index's fingerprint is not theirs
    stamp(fingerprint, f"{made_up} other files")
    assert gazetteer._version_ok(path)  # hashed: the same contents
    stamp("stale", f"{fingerprint} {gazetteer.data_stat()}")
    assert not gazetteer._version_ok(path)  # the index's own fingerprint differs: rebuilt on open
    Gazetteer.open(tmp_path, world=False)
    con = sqlite3.connect(path)
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    con.close()
    assert meta["data"] == fingerprint and meta["data_stat"] == f"{fingerprint} {gazetteer.data_stat()}"


def test_filters_read_through_a_blob_are_the_stored_values(tmp_path: Path, base_dir: Path) -> None:
    from eventdesk.errors import GazetteerError

    con = sqlite3.connect(base_dir / "index.sqlite")
    stored = dict(con.execute("SELECT name, bits FROM key_filter").fetchall())
    con.close()
    gaz = Gazetteer.open(base_dir, world=False)
    assert sorted(stored) == ["keys", "near", "skels"]
    for name, bits in stored.items():
        assert gaz._filter(name) == bits and type(gaz._filter(name)) is bytes
    build_index(tmp_path, world=False)
    con = sqlite3.connect(tmp_path / "index.sqlite")
    con.execute("DELETE FROM key_filter WHERE name = 'near'")
    con.execute("UPDATE key_filter SET bits = x'' WHERE name = 'skels'")
    con.commit()
    con.close()
    gaz = Gazetteer.open(tmp_path, world=False)
    for name in ("near", "skels"):
        with pytest.raises(GazetteerError, match=f"no {name} filter"):
            gaz._filter(name)
