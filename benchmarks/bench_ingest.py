"""Ingest throughput and peak memory on a generated corpus (10,000 reports by default).

    python benchmarks/bench_ingest.py                      # full pipeline: read, code, geocode, store
    python benchmarks/bench_ingest.py --no-geocode         # without place resolution
    python benchmarks/bench_ingest.py --store-only         # read + store constructed events (no coder)
    python benchmarks/bench_ingest.py -n 2000 --keep out/  # smaller, keep the corpus and the DB

The corpus is built from this file's own sentence templates (countries, places, actors and numbers
drawn with a fixed seed), written as one JSONL file, and ingested into a temporary SQLite store with
``EventStore.ingest`` exactly as ``eventdesk ingest`` does (one transaction per report). Printed:
documents/s for reading alone and for the whole ingest, and peak memory (ru_maxrss of this process).
Re-ingesting the same corpus is timed too (every report skipped).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from eventdesk.ingest import read_paths
from eventdesk.records import Document, Event
from eventdesk.settings import Settings

# (country, [(place, admin1)], [actors]) — names from general knowledge of the conflicts.
SETTINGS = [
    (
        "Syria",
        [
            ("Saraqib", "Idlib"),
            ("Ariha", "Idlib"),
            ("Atarib", "Aleppo"),
            ("Tall Rifaat", "Aleppo"),
            ("Daraa al-Balad", "Daraa"),
            ("Mayadin", "Deir ez-Zor"),
            ("Jableh", "Latakia"),
            ("Palmyra", "Homs"),
        ],
        [
            "Syrian army",
            "Hayat Tahrir al-Sham",
            "the SDF",
            "Turkish-backed factions",
            "Islamic State fighters",
        ],
    ),
    (
        "Nigeria",
        [
            ("Maiduguri", "Borno"),
            ("Gwoza", "Borno"),
            ("Damaturu", "Yobe"),
            ("Zaria", "Kaduna"),
            ("Kauru", "Kaduna"),
            ("Gusau", "Zamfara"),
        ],
        ["Nigerian troops", "ISWAP fighters", "Boko Haram insurgents", "bandits", "vigilantes"],
    ),
    (
        "Ukraine",
        [
            ("Kharkiv", "Kharkiv"),
            ("Kupiansk", "Kharkiv"),
            ("Kherson", "Kherson"),
            ("Avdiivka", "Donetsk"),
            ("Zaporizhzhia", "Zaporizhzhia"),
            ("Sumy", "Sumy"),
        ],
        ["Russian forces", "Ukrainian forces"],
    ),
    (
        "Yemen",
        [("Taiz", "Taizz"), ("Marib", "Marib"), ("Hodeidah", "Al Hodeidah"), ("Saada", "Sadah")],
        ["Houthi forces", "government forces", "Southern Transitional Council fighters"],
    ),
]
OUTLETS = ["Desert Wire", "Sahel Monitor", "Frontline Desk", "Gulf Ledger", "Steppe Post", "Valley Courier"]
LEADS = [
    "{a1} shelled {place} in {admin1} on {weekday}, killing {n} civilians, local sources said.",
    "At least {n} people were killed when {a1} attacked positions held by {a2} near {place} on {weekday}.",
    "{a1} and {a2} clashed for several hours on the outskirts of {place}, {admin1}, a monitor reported.",
    "A drone strike by {a1} hit a vehicle on the road to {place} on {weekday}; {n} occupants died.",
    "Hundreds of residents of {place} protested on {weekday} against rising prices and power cuts.",
    "Gunmen abducted {n} farmers near {place} in {admin1} late on {weekday}, residents said.",
    "An explosive device planted by {a1} went off near a market in {place}, wounding {n} people.",
    "{a1} said it repelled an attack by {a2} on a checkpoint near {place} and killed {n} attackers.",
]
FOLLOWS = [
    "The figures could not be independently verified.",
    "Medical workers said {k} of the wounded were in critical condition.",
    "{a2} did not comment on the incident.",
    "It was the {ordinal} such incident in {admin1} this month.",
    "Residents said about {k}0 families fled toward {other} after the attack.",
    "Schools in {place} were closed until {weekday2}.",
    "A spokesman for {a1} accused {a2} of breaking a local truce.",
    "Rescue teams searched the rubble of {k} houses for survivors.",
    "Prices of fuel and bread in {place} have risen by {k}0 percent since spring.",
    "Local officials called for an investigation into the incident.",
    "{name}, a shopkeeper in {place}, said the shooting lasted until {hour} o'clock.",
    "The road between {place} and {other} was closed for {k} days.",
    "Aid groups said {k}00 people had been displaced in {admin1} since the start of the year.",
    "{name}, a local council member, said the area had been calm for {k} weeks before the attack.",
    "Witnesses described hearing {k} loud explosions shortly after {hour} o'clock.",
    "A hospital in {other} received {k} of the injured.",
]
NAMES = ["Ahmad", "Fatima", "Musa", "Halima", "Olena", "Taras", "Yusuf", "Mariam", "Ibrahim", "Aisha",
         "Bohdan", "Khalid", "Zainab", "Sani", "Iryna", "Omar"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = ["second", "third", "fourth", "fifth"]


def generate(n: int, seed: int = 42) -> list[dict[str, str]]:
    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    reports = []
    for i in range(n):
        _country, places, actors = rng.choice(SETTINGS)
        place, admin1 = rng.choice(places)
        other, _ = rng.choice(places)
        a1, a2 = rng.sample(actors, 2) if len(actors) > 1 else (actors[0], "unidentified gunmen")
        date = start + dt.timedelta(days=rng.randrange(900))
        slots = {
            "a1": a1, "a2": a2, "place": place, "admin1": admin1, "other": other,
            "weekday": WEEKDAYS[date.weekday()], "n": str(rng.randint(1, 30)),
            "ordinal": rng.choice(ORDINALS), "k": str(rng.randint(2, 9)), "hour": str(rng.randint(1, 12)),
            "name": f"{rng.choice(NAMES)} {rng.choice(NAMES)}", "weekday2": rng.choice(WEEKDAYS),
        }  # fmt: skip
        sentences = [rng.choice(LEADS), *rng.sample(FOLLOWS, rng.randint(3, 6))]
        text = f"{place.upper()}, {date:%B} {date.day}, {date.year} — " + " ".join(
            s.format(**slots)[0].upper() + s.format(**slots)[1:] for s in sentences
        )
        reports.append(
            {
                "id": f"bench-{i:06d}",
                "text": text,
                "publisher": rng.choice(OUTLETS),
                "published_at": (date + dt.timedelta(days=rng.randint(0, 1))).isoformat(),
                "title": f"Report {i} from {place}",
            }
        )
    return reports


class StoreOnlyPipeline:
    """Constructed events (one per report, from the report's own metadata): measures the store alone."""

    class _Coder:
        version = "bench.store-only"

    coder = _Coder()
    geocoder = None

    def code(self, doc: Document) -> list[Event]:
        return [
            Event(
                event_date=doc.dateline or doc.published_at,
                event_type="Battles",
                sub_event_type="Armed clash",
                country="Syria",
                location=(doc.title or "").rsplit(" ", 1)[-1],
                notes=doc.text[:200],
                coder_version=self.coder.version,
            )
        ]


def peak_mb() -> float:
    # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=10_000, help="number of reports (default 10,000)")
    parser.add_argument("--no-geocode", action="store_true", help="skip place resolution")
    parser.add_argument("--store-only", action="store_true", help="store constructed events; no coder")
    parser.add_argument("--keep", type=Path, help="write the corpus and the DB here instead of a temp dir")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="eventdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    db = folder / "bench.db"
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with corpus.open("w", encoding="utf-8") as out:
        for report in generate(args.n):
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
    t_gen = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_read = sum(1 for item in read_paths([corpus]) if isinstance(item, Document))
    t_read = time.perf_counter() - t0

    from eventdesk.pipeline import Pipeline
    from eventdesk.store import EventStore

    if args.store_only:
        pipeline: object = StoreOnlyPipeline()
        mode = "store only (constructed events, no coder)"
    else:
        pipeline = Pipeline(Settings.from_env(geocode=False if args.no_geocode else None))
        mode = "full pipeline" + (" without geocoding" if args.no_geocode else "")
        # load coder lexicons and the gazetteer before timing: a one-off start-up cost
        t0 = time.perf_counter()
        pipeline.code(Document(id="warm-up", text="Shelling hit Saraqib on Monday, killing two civilians."))  # type: ignore[attr-defined]
        print(f"start-up (lexicons, gazetteer): {time.perf_counter() - t0:.1f} s")

    with EventStore(f"sqlite:///{db}") as store:
        t0 = time.perf_counter()
        summary = store.ingest(read_paths([corpus]), pipeline)  # type: ignore[arg-type]
        t_ingest = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = store.ingest(read_paths([corpus]), pipeline)  # type: ignore[arg-type]
        t_again = time.perf_counter() - t0
        stats = store.stats()
        problems = store.integrity_problems()

    print(
        f"mode: {mode}; corpus: {args.n} reports ({corpus.stat().st_size / 1e6:.1f} MB), "
        f"generated in {t_gen:.1f} s"
    )
    print(f"read only:  {n_read} documents in {t_read:.1f} s = {n_read / t_read:,.0f} documents/s")
    print(f"ingest:     {summary.line()}")
    print(f"            {t_ingest:.1f} s = {summary.added / t_ingest:,.1f} documents/s")
    print(f"re-ingest:  {again.line()} in {t_again:.1f} s = {again.read / t_again:,.0f} documents/s")
    print(
        f"store:      {stats['events']} events, {stats['reposts']} reposts, "
        f"{db.stat().st_size / 1e6:.1f} MB; integrity: {problems or 'ok'}"
    )
    print(f"peak memory (ru_maxrss): {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
