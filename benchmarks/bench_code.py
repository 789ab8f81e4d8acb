"""Benchmark the coder: cold start and throughput on ACLED-length notes and article-length reports.

    python benchmarks/bench_code.py                # generated texts, in-process and through the CLI
    python benchmarks/bench_code.py --n 3000 --no-cli

Texts are generated here from templates (invented places and wording), so the benchmark runs
anywhere. ``generated notes`` are one-sentence notes of about 130 characters (the lines earlier
sessions reported); ``full-length notes`` are two- and three-clause notes of about 225 characters,
nearer real ACLED notes (the ../shared dev files: mean about 240, median about 210), so they are the
fairer measure of the notes/s target. When ../shared exists, its dev notes and articles are timed
too (read locally, never copied). Targets (one core): 1,000 notes/s, 100 reports/s, cold start
≤ 1 s. Rates are per CPU-second (process time), so a busy machine does not distort them; wall rates
are shown too.

Each in-process line is timed after one warm-up document (the one-time loading of the lexicons,
the actor dictionary and the gazetteer is the cold start, measured on its own); ``first pass``
gives the rate with that loading counted in. ``coder`` lines run ``Coder.code`` alone (what
``eventdesk code --no-geocode`` does); ``pipeline`` lines run ``Pipeline.code`` with geocoding on
(country guess, coder, geocoder, actor localisation), i.e. end to end.

``eventdesk code`` lines run the command in a fresh process on a JSONL file of the texts, output
(the Event JSON lines) to /dev/null, and count the child's CPU seconds:
- ``eventdesk code: generated …`` (the first two, as in earlier rounds) and ``--no-geocode`` lines:
  reading, coding, event ids and JSON writing, without place resolution; ``geocoded`` lines: the
  real end to end (the default command, gazetteer included).
- ``incl. start-up``: documents / CPU seconds of one run over all of them (interpreter start,
  imports, lexicon and gazetteer loading counted in: what a user waits for on a batch this size).
- ``steady state``: the per-document rate once started, from runs over N and 4N documents
  (the first quarter, then all): 3N / (cpu(4N) - cpu(N)); the start-up cost cancels out. Each
  size's CPU time is the least of ``--repeat`` runs (default 2): the difference is noisy.
- ``start-up`` (printed with the steady state): cpu(N) - N / steady rate, the fixed cost per run.
- ``../shared dev notes (both files)``: the real dev notes (global and Syria, 2,500), one run each,
  geocoded and not, start-up included: what an analyst's batch of real notes costs.
The first line names the build timed (``build: pure Python`` or ``build: mypyc (N compiled
modules)``) and where it was imported from; the ``eventdesk code`` runs inherit PYTHONPATH, so
``PYTHONPATH=<tree with the compiled modules>/src python benchmarks/bench_code.py`` times a compiled
build throughout (docs/speed.md).
The command runs with bytecode caching on, as an installed package does (PYTHONDONTWRITEBYTECODE is
dropped from its environment; a warm-up run writes the .pyc files and the user cache of derived lexicon
data, nlp.lexcache, before anything is timed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Tell Hamra", "Kfar Mina", "Wadi Ashar", "Qasr Nadim", "Ban Tor", "Darat", "Sarabad", "Haddad"]
REGIONS = ["Rivertown", "North Province", "Lakeside", "Eastern Hills"]
NOTES = [
    "On {d}, clashes took place between government forces and rebel fighters in {p} in the {r} countryside. "
    "Several fighters died on both sides (number not given).",
    "On {d}, unidentified gunmen shot and killed a farmer near {p} ({r}). 1 fatality.",
    "On {d}, warplanes carried out airstrikes on {p} in {r}, killing 4 civilians and injuring 9 others.",
    "On {d}, around 300 teachers held a protest in {p} ({r}) demanding unpaid salaries. [size=around 300]",
    "On {d}, militants attacked a military checkpoint on the {p} axis, killing two soldiers. 2 fatalities.",
    "On {d}, a roadside bomb exploded near a police patrol in {p} town, {r}. No casualties were reported.",
]
# real ACLED notes are longer than NOTES (the dev files: mean about 240 characters, median about 210):
# two or three clauses, with the fatality count, sources or context the shorter templates leave out
FULL_NOTES = [
    "On {d}, clashes took place between government forces and rebel fighters on the outskirts of {p} in "
    "the {r} countryside, after the rebels attacked an army position. Several fighters died on both sides "
    "(number not given). Local sources said the army shelled {q} afterwards.",
    "On {d}, unidentified gunmen riding a motorbike shot and killed a farmer near {p} ({r}) while he was "
    "working in his field. The motive remains unknown. 1 fatality.",
    "On {d}, warplanes carried out at least four airstrikes on the market area of {p} in {r}, killing 4 "
    "civilians, including two children, and injuring 9 others, according to a local monitoring group.",
    "On {d}, around 300 teachers held a protest in front of the education directorate in {p} ({r}), "
    "demanding the payment of three months of unpaid salaries and better working conditions. "
    "[size=around 300]",
    "On {d}, militants attacked a military checkpoint on the {p} axis with machine guns and RPGs, killing "
    "two soldiers and wounding three others, before withdrawing towards {q}. 2 fatalities.",
    "On {d}, a roadside bomb exploded near a police patrol vehicle on the road between {p} and {q}, {r}. "
    "The vehicle was damaged, but no casualties were reported. The police opened an investigation.",
]
PARAGRAPHS = [
    "The ministry said in a statement that a unit of the army repelled an attack by armed men at dawn today "
    "on the {p} axis in the northern countryside of {r}, killing and wounding a number of attackers.",
    "Local sources said fighting continued for several hours and that residents fled towards {q}.",
    "In 2019, the army fought the same group for weeks near {p}, and dozens were killed on both sides.",
    "Over recent months militants have used drones and rockets against villages in the area, officials say.",
    "The government has sought talks with neighbouring states, but officials insisted that foreign forces "
    "must withdraw before any agreement can be reached.",
    "A monitoring group said on {w} that shelling on {q} killed three civilians, including a child.",
    "Aid agencies warned that thousands of displaced families lack shelter, food and medicine this winter.",
]


def make_notes(n: int, rng: random.Random, templates: list[str] = NOTES) -> list[str]:
    out = []
    for _ in range(n):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1000))
        template = rng.choice(templates)
        p, r = rng.choice(PLACES), rng.choice(REGIONS)
        q = rng.choice([x for x in PLACES if x != p]) if "{q}" in template else ""
        out.append(template.format(d=f"{day.day} {day:%B %Y}", p=p, q=q, r=r))
    return out


def make_reports(n: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(n):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1000))
        head = f"{day:%b %d, %Y}".upper()
        paras = [
            p.format(p=rng.choice(PLACES), q=rng.choice(PLACES), r=rng.choice(REGIONS), w=f"{day:%A}")
            for p in rng.sample(PARAGRAPHS, len(PARAGRAPHS))
        ]
        out.append("Army repels attack in the north\n\n" + head + "\n\n" + "\n\n".join(paras) + "\n")
    return out


WARM_UP = "On 1 May 2020, rebels clashed with troops in Darat."


def time_in_process(label: str, texts: list[str], geocode: bool | None = None) -> float:
    """Docs per CPU-second after a warm-up document; ``geocode`` None times the coder alone, else the
    pipeline with geocoding on or off."""
    from eventdesk.records import Document, document_id_for

    docs = [Document(id=document_id_for(t), text=t) for t in texts]
    cpu0 = time.process_time()
    if geocode is None:
        from eventdesk.coding import Coder

        code = Coder().code
    else:
        from eventdesk.pipeline import Pipeline
        from eventdesk.settings import Settings

        code = Pipeline(Settings.from_env(geocode=geocode)).code
    code(Document(id="warm-up", text=WARM_UP))
    warm_up = time.process_time() - cpu0
    start, cpu = time.perf_counter(), time.process_time()
    events = sum(len(code(doc)) for doc in docs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    rate = len(docs) / cpu
    print(
        f"{label:50s} {len(docs):6d} docs {events:6d} events {elapsed:7.2f} s wall "
        f"{rate:7.0f} docs/s per CPU-second ({len(docs) / elapsed:.0f}/s wall; "
        f"first pass {len(docs) / (cpu + warm_up):.0f}/s)"
    )
    return rate


def cold_start() -> tuple[float, float]:
    """Wall and CPU seconds from a fresh interpreter to the first coded document."""
    code = (
        "import time; t=time.perf_counter(); c=time.process_time(); from eventdesk.coding import Coder; "
        "from eventdesk.records import Document; "
        "Coder().code(Document(id='x', text='On 1 May 2020, rebels clashed with troops in Darat.')); "
        "print(time.perf_counter()-t, time.process_time()-c)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


# the command as an installed package runs it: bytecode cached (pip writes .pyc files at install), so
# a PYTHONDONTWRITEBYTECODE in the caller's environment does not add recompiling to every run
_CLI_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run_cli(texts: list[str], geocode: bool) -> tuple[float, float]:
    """CPU and wall seconds of one ``eventdesk code`` run over ``texts`` (as a JSONL file)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.jsonl"
        with path.open("w") as fh:
            for i, text in enumerate(texts):
                fh.write(json.dumps({"id": f"b{i}", "text": text}) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            ["eventdesk", "code", *([] if geocode else ["--no-geocode"]), str(path)],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_CLI_ENV,
        )
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, elapsed


def time_cli(label: str, texts: list[str], geocode: bool = False) -> float:
    """Docs per CPU-second of ``eventdesk code`` over ``texts``, start-up included."""
    cpu, elapsed = _run_cli(texts, geocode)
    rate = len(texts) / cpu
    print(
        f"{label:50s} {len(texts):6d} docs {elapsed:7.2f} s wall "
        f"{rate:7.0f} docs/s per CPU-second, incl. start-up ({len(texts) / elapsed:.0f}/s wall)"
    )
    return rate


def time_cli_steady(label: str, texts: list[str], geocode: bool = False, repeat: int = 2) -> float:
    """Docs per CPU-second of ``eventdesk code`` once started: runs over N = len/4 and 4N texts,
    rate 3N / (cpu(4N) - cpu(N)), each size's CPU time the least of ``repeat`` runs (a difference of
    two noisy numbers is noisier still); also prints the rate incl. start-up of the 4N run."""
    n = max(len(texts) // 4, 1)
    small = full = float("inf")
    elapsed = 0.0
    for _ in range(max(repeat, 1)):
        small = min(small, _run_cli(texts[:n], geocode)[0])
        cpu, wall = _run_cli(texts[: 4 * n], geocode)
        if cpu < full:
            full, elapsed = cpu, wall
    steady = 3 * n / (full - small) if full > small else float("inf")
    startup = small - n / steady
    print(
        f"{label:50s} {4 * n:6d} docs {elapsed:7.2f} s wall "
        f"{4 * n / full:7.0f} docs/s per CPU-second incl. start-up; steady state {steady:.0f}/s "
        f"(N={n} vs 4N; start-up {startup:.2f} s CPU)"
    )
    return steady


def build_kind() -> str:
    """Which eventdesk is timed: the mypyc-compiled build (``EVENTDESK_COMPILE=1``, docs/speed.md)
    or pure Python, and from where (put a compiled tree first on PYTHONPATH to time it)."""
    import eventdesk

    modules = eventdesk.compiled()
    kind = f"mypyc ({len(modules)} compiled modules)" if modules else "pure Python"
    return f"build: {kind}, eventdesk from {Path(eventdesk.__file__).parent}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="generated notes (reports: n/10)")
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI timing")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs per size for the steady-state CLI lines (least CPU kept)"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    notes = make_notes(args.n, rng)
    reports = make_reports(max(args.n // 10, 10), rng)
    full_notes = make_notes(args.n, rng, FULL_NOTES)
    print(build_kind())
    wall, cpu = cold_start()
    print(f"cold start (import + first document): {wall:.2f} s wall, {cpu:.2f} s CPU")
    time_in_process("coder: generated ACLED-length notes", notes)
    time_in_process("coder: generated article-length reports", reports)
    time_in_process("coder: generated full-length notes", full_notes)
    time_in_process("pipeline+geocoding: generated notes", notes, geocode=True)
    time_in_process("pipeline+geocoding: generated full-length notes", full_notes, geocode=True)
    time_in_process("pipeline+geocoding: generated reports", reports, geocode=True)
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    if shared.is_dir():
        import csv

        with (shared / "dev" / "acled-dev-global-2020.csv").open(encoding="utf-8") as fh:
            dev = [row["notes"] for row in csv.DictReader(fh)]
        paths = sorted((shared / "corpus" / "articles").glob("*.txt"))
        articles = [p.read_text(encoding="utf-8") for p in paths]
        time_in_process("coder: ../shared dev notes (global 2020)", dev)
        time_in_process("coder: ../shared articles (x20)", articles * 20)
        time_in_process("pipeline+geocoding: ../shared dev notes", dev, geocode=True)
        time_in_process("pipeline+geocoding: ../shared articles (x20)", articles * 20, geocode=True)
        with (shared / "dev" / "acled-dev-syria-battles.csv").open(encoding="utf-8") as fh:
            dev += [row["notes"] for row in csv.DictReader(fh)]
    if not args.no_cli:
        _run_cli(notes[:20], geocode=True)  # warm-up: bytecode and start-up caches written, not timed
        time_cli("eventdesk code: generated notes", notes)
        time_cli("eventdesk code: generated reports", reports)
        k = args.repeat
        time_cli_steady("eventdesk code --no-geocode: generated notes", notes, repeat=k)
        time_cli_steady("eventdesk code --no-geocode: generated reports", reports, repeat=k)
        time_cli_steady("eventdesk code (geocoded): generated notes", notes, geocode=True, repeat=k)
        time_cli_steady("eventdesk code (geocoded): generated reports", reports, geocode=True, repeat=k)
        time_cli_steady("eventdesk code (geocoded): full-length notes", full_notes, geocode=True, repeat=k)
        if shared.is_dir():
            time_cli("eventdesk code: ../shared dev notes (both files)", dev, geocode=True)
            time_cli("eventdesk code --no-geocode: ../shared dev notes", dev)


if __name__ == "__main__":
    main()
