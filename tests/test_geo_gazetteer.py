"""Building the index and loading user files (GeoNames dump, ACLED export, supplement)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventdesk.errors import GazetteerError
from eventdesk.geo.gazetteer import Gazetteer, Place, add_user_file, build_index
from eventdesk.geo.normalize import fold, skeleton

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


@pytest.fixture(scope="module")
def base_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("gaz")
    build_index(directory, world=False)
    return directory


def test_base_index_has_syria_units_and_supplement(base_dir: Path) -> None:
    gaz = Gazetteer.open(base_dir, world=False)
    stats = gaz.stats()
    assert stats["admin1"] == 14 and stats["admin2"] == 62 and stats["admin3"] == 272
    kinds = {p.kind for p in gaz.by_key(fold("Jabal al-Akrad"))}
    assert kinds == {"region"}
    unit = gaz.by_key(fold("Idleb"))
    assert any(p.gid == "SY07" for p in unit)
    assert gaz.countries["SY"] == (760, "Syria", "Middle East")


def test_supplement_rows_name_a_source() -> None:
    from eventdesk.geo.gazetteer import _read_tsv, data_path

    rows = list(_read_tsv(data_path("supplement.tsv")))
    assert rows
    for row in rows:
        assert row["source"].strip(), row["name"]
        assert "acled" not in row["source"].lower()
        if not row["latitude"]:
            assert row["within"] or row["kind"] == "road", row["name"]


def test_add_geonames_dump(tmp_path: Path) -> None:
    add_user_file(tmp_path, "geonames", FIXTURES / "geonames-mini.txt", world=False)
    gaz = Gazetteer.open(tmp_path, world=False)
    kabani = [p for p in gaz.by_key(fold("Kabanah")) if p.source.startswith("GeoNames")]
    assert kabani and kabani[0].gid == "9900001" and kabani[0].kind == "village"
    assert (tmp_path / "user" / "geonames-geonames-mini.txt").exists()


def test_add_acled_export(tmp_path: Path) -> None:
    add_user_file(tmp_path, "acled", FIXTURES / "acled-mini.csv", world=False)
    gaz = Gazetteer.open(tmp_path, world=False)
    places = gaz.by_key(fold("Kafr Zibad"))
    assert len(places) == 1
    p = places[0]
    assert p.kind == "acled" and p.cc == "SY" and (p.lat, p.lon) == (35.61, 36.54)
    assert p.adm_names == "Idleb|Ariha|Ehsem"


def test_add_supplement(tmp_path: Path) -> None:
    add_user_file(tmp_path, "supplement", FIXTURES / "supplement-mini.tsv", world=False)
    gaz = Gazetteer.open(tmp_path, world=False)
    assert [p.name for p in gaz.by_key(fold("Tal al-Zeitoun"))] == ["Zeitoun Hill"]


def test_bad_files_raise_and_change_nothing(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="19 tab-separated"):
        add_user_file(tmp_path, "geonames", FIXTURES / "geonames-bad.txt", world=False)
    with pytest.raises(GazetteerError, match="not an ACLED export"):
        add_user_file(tmp_path, "acled", FIXTURES / "geonames-mini.txt", world=False)
    with pytest.raises(GazetteerError, match="no such file"):
        add_user_file(tmp_path, "acled", tmp_path / "missing.csv", world=False)
    assert not (tmp_path / "user").exists()


def test_old_or_foreign_index_is_rebuilt_or_rejected(tmp_path: Path) -> None:
    build_index(tmp_path, world=False)
    con = sqlite3.connect(tmp_path / "index.sqlite")
    con.execute("UPDATE meta SET value='old' WHERE key='version'")
    con.commit()
    con.close()
    with pytest.raises(GazetteerError, match="another version"):
        Gazetteer(tmp_path / "index.sqlite")
    gaz = Gazetteer.open(tmp_path, world=False)  # open() rebuilds a stale index
    assert gaz.stats()["admin1"] == 14
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer(tmp_path / "nothing.sqlite")


_PLACE_FIELDS = ("id", "gid", "name", "cc", "kind", "lat", "lon", "population", "admin1", "within", "source")


def vars_of(place: Place) -> tuple[object, ...]:
    """A place's field values (compiled classes have no ``__slots__`` to list them)."""
    return tuple(getattr(place, name) for name in (*_PLACE_FIELDS, "adm_names"))


def test_packed_lookup_tables_agree_with_the_names_table(base_dir: Path) -> None:
    """skel_keys, country_names, kind_skels and key_places are copies of the names table, in its rowid
    order (key_places: a name's places in the order an exact lookup of the names table gives them)."""
    gaz = Gazetteer.open(base_dir, world=False)
    con = sqlite3.connect(base_dir / "index.sqlite")
    skels = [s for (s,) in con.execute("SELECT DISTINCT skel FROM names")]
    assert len(skels) > 100
    for skel in skels[::5]:
        rows = con.execute("SELECT key, place FROM names WHERE skel = ? ORDER BY rowid LIMIT 200", (skel,))
        assert gaz.skeleton_keys(skel) == rows.fetchall()
        rows = con.execute("SELECT cc FROM names WHERE skel = ? ORDER BY rowid LIMIT 200", (skel,))
        assert gaz.skeleton_ccs(skel) == {cc for (cc,) in rows}
    assert gaz.skeleton_ccs("no such skeleton") == frozenset()
    assert gaz.skeleton_keys("no such skeleton") == []
    # key_places: each name's places as the names table joined with places gives them (values and types)
    keys = [k for (k,) in con.execute("SELECT DISTINCT key FROM names")]
    found = gaz.by_keys([*keys, "no such name"])
    assert found["no such name"] == []
    fresh = Gazetteer.open(base_dir, world=False)
    for key in keys:
        joined = fresh._places(fresh._SELECT + " WHERE n.key = ?", (key,))
        assert found[key] == joined
        assert [[type(v) for v in (*vars_of(p),)] for p in found[key]] == [
            [type(v) for v in (*vars_of(p),)] for p in joined
        ]
    sql = "SELECT n.key FROM names n JOIN places p ON p.id = n.place WHERE p.gid = ?"
    assert sorted(gaz.country_names("SY")) == sorted(con.execute(sql, ("country:SY",)).fetchall())
    local = {"town", "village", "site", "acled"}
    sql = "SELECT n.skel FROM names n JOIN places p ON p.id = n.place WHERE p.kind IN (?, ?, ?, ?)"
    assert gaz.skeletons_of(local) == {s for (s,) in con.execute(sql, sorted(local))}
    con.close()
    with pytest.raises(GazetteerError):
        gaz.skeletons_of({"city", "town"})


def test_an_open_index_keeps_reading_its_file_across_a_rebuild(tmp_path: Path) -> None:
    """The index is opened immutable: safe because a rebuild writes a new file and renames it."""
    build_index(tmp_path, world=False)
    old = Gazetteer.open(tmp_path, world=False)
    assert old.by_key(fold("Idleb"))
    add_user_file(tmp_path, "geonames", FIXTURES / "geonames-mini.txt", world=False)
    new = Gazetteer.open(tmp_path, world=False)
    assert any(p.gid == "9900001" for p in new.by_key(fold("Kabanah")))
    assert not any(p.gid == "9900001" for p in old.by_key(fold("Kabanah")))
    assert old.by_key(fold("Damascus")) and old.skeleton_keys(skeleton("Damascus"))


def test_syria_sub_districts_of_gazetteer_points_are_found_at_build_time(base_dir: Path) -> None:
    from eventdesk.geo.admin import SyriaAdmin

    gaz = Gazetteer.open(base_dir, world=False)
    towns = [p for p in gaz.by_key(fold("Kansaba")) if p.cc == "SY" and p.has_point]
    assert towns
    admin = SyriaAdmin.get()
    for p in towns:
        known, code = gaz.syria_adm3(p.lat, p.lon)  # type: ignore[arg-type]
        assert known and code == admin.admin3(p.lat, p.lon)  # type: ignore[arg-type]
        assert code is not None and code.startswith("SY06")  # Latakia governorate
    assert gaz.syria_adm3(10.0, 10.0) == (False, None)  # not a point of the index: caller tests polygons


def test_units_are_read_one_at_a_time_and_agree_with_the_table(base_dir: Path) -> None:
    gaz = Gazetteer.open(base_dir, world=False)
    units = gaz.units
    assert len(units) > 300
    for code in ("SY08", "SY0800", "SY080000", "SY0206"):
        assert gaz.unit(code) == units[code]
    assert gaz.unit("no such unit") is None
    assert gaz.unit("no such unit") is None  # (remembered)


def test_a_place_is_one_entry_whatever_lookup_loaded_it(base_dir: Path) -> None:
    gaz = Gazetteer.open(base_dir, world=False)
    by_name = gaz.by_key(fold("Idleb"))
    assert by_name
    by_id = gaz.places_by_id([p.id for p in by_name])
    assert all(by_id[p.id] is p for p in by_name)
    fresh = Gazetteer.open(base_dir, world=False)
    first = fresh.places_by_id([p.id for p in by_name])
    again = fresh.by_keys([fold("Idleb")])[fold("Idleb")]
    assert [p.id for p in again] == [p.id for p in by_name]
    assert all(first[p.id] is p for p in again)
    assert again == by_name
