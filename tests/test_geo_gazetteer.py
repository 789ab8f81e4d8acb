"""Building the index and loading user files (GeoNames dump, ACLED export, supplement)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventdesk.errors import GazetteerError
from eventdesk.geo.gazetteer import Gazetteer, add_user_file, build_index
from eventdesk.geo.normalize import fold

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
