"""Benchmark the geocoder: index build time, load time, peak memory and geocoding throughput.

    python benchmarks/bench_geo.py                   # world index in a temp dir
    python benchmarks/bench_geo.py --dir ~/.local/share/eventdesk/gazetteer --skip-build

Each step runs in its own process so that peak memory (max RSS) is that step's alone:
- build: compile the world index (GeoNames cities500 + OCHA Syria + supplement);
- load: open the index and construct a Geocoder (what a pipeline pays at start);
- geocode: synthetic notes and reports written here (templates over gazetteer names), geocoded
  with ``place=None`` (the full-text fallback scan, the slowest path) and with a PlaceMention.
Targets: load ≤ 0.5 s and ≤ 400 MB; geocoding far above the coder's 1,000 notes/s and 100 reports/s.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTE_TEMPLATES = [
    "Government troops and opposition fighters fought for hours on {d} March in {v}, a village in the {dir} "
    "countryside of {g}, a monitor said.",
    "Unidentified gunmen shot and killed a fighter near {v} in {g} governorate. 1 fatality.",
    "Turkish-backed factions shelled positions on the {v} axis in {g} countryside; no casualties reported.",
    "Islamic State fighters attacked an SDF checkpoint on the outskirts of {v}, {g}.",
]
TOWNS = [
    ("Saraqib", "Idlib"),
    ("Kafr Nabl", "Idlib"),
    ("Ariha", "Idlib"),
    ("Jisr al-Shughur", "Idlib"),
    ("Tall Rifaat", "Aleppo"),
    ("Al-Bab", "Aleppo"),
    ("Manbij", "Aleppo"),
    ("Kansaba", "Latakia"),
    ("Al-Haffah", "Latakia"),
    ("Mhardeh", "Hama"),
    ("Kafr Zita", "Hama"),
    ("Al-Mayadin", "Deir ez-Zor"),
    ("Hajin", "Deir ez-Zor"),
    ("Tal Abyad", "Raqqa"),
    ("Ras al-Ain", "Hasakah"),
    ("Douma", "Rural Damascus"),
    ("Busra al-Sham", "Daraa"),
    ("Tafas", "Daraa"),
    ("Shahba", "Suwayda"),
    ("Palmyra", "Homs"),
]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_build(directory: Path) -> dict:
    from eventdesk.geo.gazetteer import build_index

    start = time.perf_counter()
    path = build_index(directory)
    return {
        "build_s": round(time.perf_counter() - start, 2),
        "build_peak_mb": round(_rss_mb()),
        "index_mb": round(path.stat().st_size / 2**20, 1),
    }


def step_load(directory: Path) -> dict:
    base = _rss_mb()
    start = time.perf_counter()
    from eventdesk.geo.gazetteer import Gazetteer
    from eventdesk.geo.geocoder import Geocoder

    Geocoder(Gazetteer.open(directory))
    return {
        "load_s": round(time.perf_counter() - start, 3),
        "load_peak_mb": round(_rss_mb()),
        "python_base_mb": round(base),
    }


def step_geocode(directory: Path, n: int) -> dict:
    from eventdesk.geo.gazetteer import Gazetteer
    from eventdesk.geo.geocoder import Geocoder
    from eventdesk.records import Document, Event, PlaceMention

    geocoder = Geocoder(Gazetteer.open(directory))
    rng = random.Random(1)
    notes = []
    for i in range(n):
        town, gov = rng.choice(TOWNS)
        text = rng.choice(NOTE_TEMPLATES).format(
            d=rng.randint(1, 28),
            v=town,
            g=gov,
            dir=rng.choice(["northern", "southern", "eastern", "western"]),
        )
        notes.append((Document(id=f"n{i}", text=text), town, gov))
    out: dict = {}
    start = time.perf_counter()
    for doc, _town, _gov in notes:
        geocoder.guess_country(doc)
        geocoder.geocode([Event()], doc)
    dt = time.perf_counter() - start
    out["notes_scan_per_s"] = round(n / dt)
    geocoder._scan_cache.clear()  # measure cold documents again
    start = time.perf_counter()
    for doc, town, gov in notes:
        i = doc.text.find(town)
        place = PlaceMention(town, town, i, i + len(town), doc.id, hints=[gov], relation="in")
        geocoder.guess_country(doc)
        geocoder.geocode([Event(place=place)], doc)
    dt = time.perf_counter() - start
    out["notes_with_place_per_s"] = round(n / dt)
    # reports: ~25 notes' worth of text each, three events per report
    reports = [
        Document(id=f"r{i}", text=" ".join(d.text for d, _t, _g in rng.sample(notes, 25)))
        for i in range(max(1, n // 20))
    ]
    start = time.perf_counter()
    for doc in reports:
        geocoder.guess_country(doc)
        geocoder.geocode([Event(), Event(), Event()], doc)
    dt = time.perf_counter() - start
    out["reports_per_s"] = round(len(reports) / dt)
    out["geocode_peak_mb"] = round(_rss_mb())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=None, help="gazetteer dir (default: a temp dir)")
    ap.add_argument("--skip-build", action="store_true", help="use the index already in --dir")
    ap.add_argument("--notes", type=int, default=5000, help="synthetic notes to geocode")
    ap.add_argument("--step", choices=["build", "load", "geocode"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.step:
        fn = {
            "build": lambda: step_build(args.dir),
            "load": lambda: step_load(args.dir),
            "geocode": lambda: step_geocode(args.dir, args.notes),
        }[args.step]
        print(json.dumps(fn()))
        return
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.dir or Path(tmp)
        result: dict = {}
        steps = ["load", "geocode"] if args.skip_build else ["build", "load", "geocode"]
        for step in steps:
            proc = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--step",
                    step,
                    "--dir",
                    str(directory),
                    "--notes",
                    str(args.notes),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            result.update(json.loads(proc.stdout.strip().splitlines()[-1]))
        for key, value in result.items():
            print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
