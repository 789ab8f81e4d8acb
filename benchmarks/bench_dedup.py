"""Benchmark: deduplicate synthetic events with the in-memory library path (eventdesk.dedup).

    python benchmarks/bench_dedup.py                      # 10k, 100k, 1M on 2 workers
    python benchmarks/bench_dedup.py --workers 1          # one core
    python benchmarks/bench_dedup.py --sizes 10000,50000

Each size runs in its own process so the reported peak memory (max RSS) is that size's alone.
Synthetic reports: happenings spread over hotspots and open country across five years, each told by
1-4 reports that vary the way real ones do (a few km of place jitter, a generic or missing actor,
an airstrike report of a battle, a week- or month-level date, a region-level place). The truth is
known, so pair precision and recall are printed with the time. This measures ``deduplicate``
(blocking + matching + merging + explanations, in memory; batches of 20k+ split by country over
forked workers); the SQL path in the store reads the same keys from tables and is bounded by the
database, not by this. ``cpu_s`` is the parent's CPU time, ``worker_cpu_s`` all workers' together;
``max_RSS_MB`` is the parent's peak resident memory, ``worker_RSS_MB`` the largest worker's (forked
workers share the parent's pages until they write them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections import Counter

from eventdesk.dedup import deduplicate
from eventdesk.records import Event

ACTORS = [(f"Armed Group {i}", 2 + i % 3) for i in range(60)] + [
    (f"Military Forces of Country {i} (2000-)", 1) for i in range(20)
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
]
START = dt.date(2019, 1, 1).toordinal()
DAYS = 5 * 365
HOTSPOTS = 300


def synthetic(n: int, seed: int = 7) -> tuple[list[Event], list[int]]:
    """``n`` reports and, for each, the id of the happening it tells."""
    rng = random.Random(seed)
    hotspots = [(rng.uniform(-30, 55), rng.uniform(-15, 110)) for _ in range(HOTSPOTS)]
    events: list[Event] = []
    truth: list[int] = []
    happening = 0
    while len(events) < n:
        happening += 1
        if rng.random() < 0.6:
            hlat, hlon = rng.choice(hotspots)
            lat, lon = rng.gauss(hlat, 0.6), rng.gauss(hlon, 0.6)
        else:
            lat, lon = rng.uniform(-30, 55), rng.uniform(-15, 110)
        day = START + rng.randrange(DAYS)
        etype, sub = rng.choice(TYPES)
        a1, i1 = rng.choice(ACTORS)
        a2, i2 = rng.choice(ACTORS)
        country = f"Country {int((lat + 90) // 6)}-{int((lon + 180) // 6)}"
        for r in range(min(rng.choice((1, 1, 1, 2, 2, 3, 4)), n - len(events))):
            jitter = rng.uniform(0, 4) / 111.2
            angle = rng.uniform(0, 2 * math.pi)
            tp, gp = 1, 1
            rday, rlat, rlon = day, lat + jitter * math.sin(angle), lon + jitter * math.cos(angle)
            roll = rng.random()
            if roll < 0.05:
                tp, rday = 2, day + rng.randint(-2, 2)
            elif roll < 0.07:
                tp, rday = 3, day + rng.randint(-10, 10)
            elif roll < 0.10:
                gp, rlat, rlon = 3, lat + rng.uniform(-0.2, 0.2), lon + rng.uniform(-0.2, 0.2)
            ra2, ri2 = a2, i2
            if r and rng.random() < 0.15:
                ra2, ri2 = ("Unidentified Armed Group (X)", 3) if i2 != 1 else (None, None)
            rtype, rsub = etype, sub
            if r and etype == "Battles" and rng.random() < 0.2:
                rtype, rsub = "Explosions/Remote violence", "Air/drone strike"
            events.append(
                Event(
                    event_date=dt.date.fromordinal(rday),
                    time_precision=tp,
                    event_type=rtype,
                    sub_event_type=rsub,
                    actor1=a1,
                    inter1=i1,
                    actor2=ra2,
                    inter2=ri2,
                    country=country,
                    location=f"Place {happening}" if gp == 1 else None,
                    latitude=rlat,
                    longitude=rlon,
                    geo_precision=gp,
                    fatalities=rng.choice((0, 0, 1, 2, 3, 5, 12)),
                    document_ids=[f"d{len(events)}"],
                )
            )
            truth.append(happening)
    return events, truth


def pair_scores(truth: list[int], clusters: list[list[int]]) -> tuple[float, float]:
    """Pairwise precision and recall of the found clusters against the true happenings."""

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    found = sum(pairs(len(c)) for c in clusters)
    true = sum(pairs(c) for c in Counter(truth).values())
    right = sum(pairs(c) for cluster in clusters for c in Counter(truth[i] for i in cluster).values())
    return (right / found if found else 1.0), (right / true if true else 1.0)


def run_one(n: int, workers: int) -> dict[str, float]:
    t0 = time.perf_counter()
    events, truth = synthetic(n)
    t1 = time.perf_counter()
    position = {e.document_ids[0]: i for i, e in enumerate(events)}
    c1 = time.process_time()
    merger = deduplicate(events, workers=workers)
    t2 = time.perf_counter()
    cpu = time.process_time() - c1
    clusters = [[position[d] for d in e.document_ids] for e in merger.events]
    precision, recall = pair_scores(truth, clusters)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "reports": n,
        "happenings": len(set(truth)),
        "events": len(merger.events),
        "generate_s": round(t1 - t0, 2),
        "dedup_s": round(t2 - t1, 2),
        "cpu_s": round(cpu, 2),
        "per_report_us": round((t2 - t1) / n * 1e6, 2),
        "pair_precision": round(precision, 4),
        "pair_recall": round(recall, 4),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_rss_mb": round(children.ru_maxrss / 1024, 1),
        "worker_cpu_s": round(children.ru_utime + children.ru_stime, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--workers", type=int, default=2, help="processes (0 = one per core)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.workers)))
        return
    header = (
        "reports  happenings  events  generate_s  dedup_s  cpu_s  us/report  pair_P  pair_R  "
        "max_RSS_MB  worker_RSS_MB  worker_cpu_s"
    )
    print(
        f"eventdesk.dedup.deduplicate, in-memory library path, workers={args.workers}, one process per size"
    )
    print(header)
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--workers", str(args.workers)],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout)
        print(
            f"{r['reports']:>7}  {r['happenings']:>10}  {r['events']:>6}  {r['generate_s']:>10}  "
            f"{r['dedup_s']:>7}  {r['cpu_s']:>5}  {r['per_report_us']:>9}  {r['pair_precision']:>6}  "
            f"{r['pair_recall']:>6}  {r['max_rss_mb']:>10}  {r['worker_rss_mb']:>13}  {r['worker_cpu_s']:>12}"
        )


if __name__ == "__main__":
    main()
