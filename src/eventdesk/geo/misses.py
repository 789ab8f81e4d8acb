"""Why geocoded events miss: a breakdown of the cases more than N km off against an ACLED-format gold file.

    python -m eventdesk.geo.misses ../shared/dev/acled-dev-syria-battles.csv [--offset 500] [--gazetteer DIR]

For every case whose first event is more than ``--km`` (default 10) from the gold point, or has no point,
the gold location's name (each part of an "A - B" name too) is looked up in the gazetteer:

- ``no list has it``: no entry under that name (exact or a close spelling) lies within ``--km`` of the
  gold point and none is known by a containing unit only: only more village data can fix these;
- ``known by its unit only``: an entry of that name has no point (curated ``within``): precision 3 at best;
- ``known, not named in the note``: the gazetteer has it but the note does not write the name (the
  coder of the gold row used other knowledge);
- ``known and named, missed``: a resolution error (another place of the note chosen, a namesake, no point).

The gold answers are read only to measure; nothing is learned from them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .gazetteer import haversine_km
from .geocoder import Geocoder
from .normalize import fold

__all__ = ["classify_miss", "main"]

NO_LIST = "no list has it"
UNIT_ONLY = "known by its unit only"
NOT_NAMED = "known, not named in the note"
MISSED = "known and named, missed"


def _parts(location: str) -> list[str]:
    parts = [p.strip() for p in location.split(" - ")] if " - " in location else []
    return [location, *[p for p in parts if p]]


def classify_miss(geocoder: Geocoder, location: str, lat: float, lon: float, note: str, cc: str | None,
                  km: float = 10.0) -> str:
    """The cause class of one miss (see the module docstring)."""
    from rapidfuzz import fuzz

    known: list[str] = []
    unit_only = False
    for name in _parts(location):
        for place, quality in geocoder.candidates(name, cc):
            if quality < 0.85 or place.kind in {"country", "admin1", "road", "cue"}:
                continue
            if place.has_point:
                if haversine_km(lat, lon, place.lat, place.lon) <= km:  # type: ignore[arg-type]
                    known.append(name)
            elif place.within:
                unit_only = True
    if not known:
        return UNIT_ONLY if unit_only else NO_LIST
    text = fold(note)
    named = any(len(fold(n)) >= 3 and fuzz.partial_ratio(fold(n), text) >= 90 for n in known)
    return MISSED if named else NOT_NAMED


def main(argv: Sequence[str] | None = None) -> int:
    summary = (__doc__ or "").split("\n")[0]
    parser = argparse.ArgumentParser(prog="python -m eventdesk.geo.misses", description=summary)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--gazetteer", type=Path, help="gazetteer index directory (default: settings)")
    parser.add_argument("--km", type=float, default=10.0)
    parser.add_argument("--examples", type=int, default=0, help="print N misses of each class")
    args = parser.parse_args(argv)

    from ..evaluate import load_gold, select_cases
    from ..evaluate.metrics import haversine_km as km_between
    from ..pipeline import Pipeline
    from ..settings import Settings

    settings = Settings.from_env()
    if args.gazetteer is not None:
        settings.gazetteer_dir = args.gazetteer
    pipeline = Pipeline(settings)
    geocoder = pipeline.geocoder
    assert geocoder is not None
    gold = load_gold(args.gold)
    cases = select_cases(gold.cases, offset=args.offset, limit=args.limit)
    classes: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    scored = 0
    for case in cases:
        if not case.events or case.events[0].latitude is None:
            continue
        g = case.events[0]
        scored += 1
        events = pipeline.code(case.document)
        e = events[0] if events else None
        has_point = e is not None and e.latitude is not None and e.longitude is not None
        if has_point and km_between(g.latitude, g.longitude, e.latitude, e.longitude) <= args.km:  # type: ignore
            continue
        cc = geocoder._country_of_hint(g.country) if g.country else None
        cls = classify_miss(geocoder, g.location or "", g.latitude, g.longitude,  # type: ignore[arg-type]
                            case.document.text, cc, args.km)
        if cls == MISSED and (e is None or e.latitude is None):
            cls += " (no point)"
        classes[cls] += 1
        examples.setdefault(cls, []).append(f"{case.id}: {g.location!r} -> {e.location if e else None!r}")
    total = sum(classes.values())
    print(f"{args.gold}: {scored} cases with a gold point, {total} more than {args.km:g} km off or no point")
    for cls, n in classes.most_common():
        print(f"  {n:5d}  {cls}")
        for line in examples[cls][: args.examples]:
            print(f"         {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
