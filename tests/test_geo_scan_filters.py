"""Session 8's shortcuts in the text scan's index lookups give the answers of the code they replace: the
membership filters of names and skeletons (a lookup whose filter bit is clear skips its query)."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest

from eventdesk.geo.gazetteer import (
    KEY_FILTER_SIZE,
    SKEL_FILTER_SIZE,
    Gazetteer,
    Place,
    build_index,
    filter_bits,
    filter_slot,
    may_hold,
)
from eventdesk.geo.normalize import fold, skeleton
from eventdesk.geo.scan import scan


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("gaz-filters")
    build_index(directory, world=False)
    return directory


def _rows(directory: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(directory / "index.sqlite")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# names and skeletons the Syria index lacks, and a few it has (written here, not read from any corpus)
_WORDS = [
    "Aleppo", "Idlib", "Idleb", "Damascus", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Jabal al-Akrad",
    "Kafr Nabl", "Tal Rifaat", "Maarat al-Numan", "Jisr al-Shughur", "Afrin", "Manbij", "Qamishli",
    "Zzyzx", "Quuxville", "Monday", "Reuters", "Observatory", "Baranqa", "Ukraine", "Peru", "Lima",
    "Sudanese", "Khan Shaykhun", "Al-Bab", "Daraa", "As-Suwayda", "Latakia", "Tartus", "Azaz", "Ariha",
    "Saraqib", "Kobani", "Ain Issa", "Hasakah", "Palmyra", "Tadmur", "Mayadin", "Bukamal", "Nubl",
]


def test_the_hash_is_stable_and_the_filter_holds_its_values() -> None:
    # crc32, not the per-process salted hash(): an index built by one process is read by others
    assert filter_slot("aleppo", 1 << 24) == zlib.crc32(b"aleppo") & ((1 << 24) - 1)
    values = [fold(w) for w in _WORDS] + ["", "é", "\udcff"]
    bits = filter_bits(values, 1 << 12)
    assert len(bits) == (1 << 12) // 8
    assert all(may_hold(bits, v, 1 << 12) for v in values)
    # a clear bit is "surely absent": with one value, every other slot is clear
    one = filter_bits(["aleppo"], 1 << 12)
    others = [v for v in values if filter_slot(v, 1 << 12) != filter_slot("aleppo", 1 << 12)]
    assert others and not any(may_hold(one, v, 1 << 12) for v in others)


def test_every_name_and_skeleton_of_the_index_passes_its_filter(index_dir: Path) -> None:
    gaz = Gazetteer.open(index_dir, world=False)
    keys = [k for k, in _rows(index_dir, "SELECT key FROM key_places")]
    skels = [s for s, in _rows(index_dir, "SELECT skel FROM skel_keys")]
    assert len(keys) > 1000 and len(skels) > 1000
    key_bits, skel_bits = gaz._filter("keys"), gaz._filter("skels")
    assert len(key_bits) == KEY_FILTER_SIZE // 8 and len(skel_bits) == SKEL_FILTER_SIZE // 8
    assert all(may_hold(key_bits, k, KEY_FILTER_SIZE) for k in keys)
    assert all(may_hold(skel_bits, s, SKEL_FILTER_SIZE) for s in skels)


def _by_keys_unfiltered(gaz: Gazetteer, keys: list[str]) -> dict[str, list[Place]]:
    """``by_keys`` as before the filter: every key queried (a fresh gazetteer, nothing cached)."""
    out: dict[str, list[Place]] = {k: [] for k in dict.fromkeys(keys)}
    marks = ",".join("?" * len(out))
    sql = f"SELECT key, places FROM key_places WHERE key IN ({marks})"
    for key, _packed in gaz._con().execute(sql, list(out)):
        out[key] = gaz.by_key(key)
    return out


def test_filtered_lookups_give_the_unfiltered_answers(index_dir: Path) -> None:
    keys = [fold(w) for w in _WORDS] + [fold(w) + "x" for w in _WORDS] + ["sham", "zzz", ""]
    keys += [k for k, in _rows(index_dir, "SELECT key FROM key_places LIMIT 300")]
    gaz = Gazetteer.open(index_dir, world=False)
    got = gaz.by_keys(keys)
    want = _by_keys_unfiltered(Gazetteer.open(index_dir, world=False), keys)
    assert got.keys() == want.keys()
    for k in want:
        assert [p.id for p in got[k]] == [p.id for p in want[k]], k
    assert any(got.values()) and not all(got.values())
    assert gaz.by_keys(keys) == got  # cached, absent names too

    skels = [skeleton(w) for w in _WORDS] + [skeleton(w) + "q" for w in _WORDS]
    skels += [s for s, in _rows(index_dir, "SELECT skel FROM skel_keys LIMIT 300")]
    fresh = Gazetteer.open(index_dir, world=False)
    con = fresh._con()
    for skel in skels:
        row = con.execute("SELECT keys, places, ccs FROM skel_keys WHERE skel = ?", (skel,)).fetchone()
        keys_of, pids = gaz._skeleton_lists(skel)
        ccs = gaz.skeleton_ccs(skel)
        if row is None:
            assert (keys_of, pids, ccs) == ([], [], frozenset()), skel
        else:
            assert keys_of == row[0].split("\x1f") and len(pids) == len(keys_of), skel
            assert ccs == frozenset(row[2].split("\x1f")), skel


def test_scan_reads_the_same_names_with_the_filters(index_dir: Path) -> None:
    text = (
        "Syrian regime forces shelled Kafr Nabl and the outskirts of Maarat al-Numan in southern Idleb on "
        "Monday, the Observatory said. Turkish artillery hit Tal Rifaat; clashes were reported near Zzyzx "
        "village in Aleppo countryside and in Baranqa, north of Hama."
    )
    gaz = Gazetteer.open(index_dir, world=False)
    plain = Gazetteer.open(index_dir, world=False)
    plain._key_bits = b"\xff" * (KEY_FILTER_SIZE // 8)  # a filter that holds everything: every key queried
    plain._skel_bits = b"\xff" * (SKEL_FILTER_SIZE // 8)

    def seen(g: Gazetteer) -> list[tuple[object, ...]]:
        return [(m.start, m.end, m.key, [p.id for p in m.places], m.placey) for m in scan(g, text)]

    assert seen(gaz) == seen(plain) and seen(gaz)
