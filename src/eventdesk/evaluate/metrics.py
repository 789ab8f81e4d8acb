"""Scoring predicted events against gold: per-field accuracy, weighted F1, MAE, distances, checks.

The main event of a report is the first gold event and the first predicted event. A field is scored
only when the gold gives it; a missing predicted event counts as a miss on every field (so accuracy
is over all gold rows, and ``coverage`` says how many rows got an event at all).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import Event
from .gold import ASSOC_FIELDS, GOLD_FIELDS, GoldCase, GoldEvent

__all__ = [
    "NO_EVENT",
    "Check",
    "FieldError",
    "Metric",
    "Scores",
    "haversine_km",
    "normalize_name",
    "score_cases",
    "weighted_f1",
]

NO_EVENT = "(no event)"

# Report order of the metrics, with the kind of number each is.
METRIC_ORDER: tuple[tuple[str, str], ...] = (
    ("coverage", "share"),
    ("event_type", "accuracy"),
    ("event_type_f1", "weighted F1"),
    ("sub_event_type", "accuracy"),
    ("sub_event_type_f1", "weighted F1"),
    ("sub_event_type_any", "share"),
    ("disorder_type", "accuracy"),
    ("actor1", "accuracy"),
    ("actor2", "accuracy"),
    ("actor_pair", "accuracy"),
    ("actor_pair_loose", "accuracy"),
    ("assoc_actor_1", "accuracy"),
    ("assoc_actor_2", "accuracy"),
    ("inter1", "accuracy"),
    ("inter2", "accuracy"),
    ("interaction", "accuracy"),
    ("event_date", "accuracy"),
    ("event_date_in_text", "accuracy"),
    ("time_precision", "accuracy"),
    ("type_and_date", "accuracy"),
    ("fatalities_exact", "accuracy"),
    ("fatalities_mae", "mean abs error"),
    ("location", "accuracy"),
    ("location_loose", "accuracy"),
    ("country", "accuracy"),
    ("admin1", "accuracy"),
    ("admin1_loose", "accuracy"),
    ("admin2", "accuracy"),
    ("admin3", "accuracy"),
    ("within_10km", "share"),
    ("within_25km", "share"),
    ("geo_precision", "accuracy"),
    ("no_event_correct", "share"),
    ("events_recall", "share"),
    ("events_precision", "share"),
)

# Fields compared as names (case, diacritics, hyphens, apostrophes and Arabic articles folded).
_NAME_FIELDS = ("location", "country", "admin1", "admin2", "admin3")
# Fields compared exactly (strings whitespace-normalised).
_EXACT_FIELDS = ("event_type", "sub_event_type", "disorder_type", "actor1", "actor2",
                 "inter1", "inter2", "interaction", "time_precision", "geo_precision")
GEO_FIELDS = frozenset({"location", "country", "admin1", "admin2", "admin3", "latitude", "longitude",
                        "geo_precision", "within_10km", "within_25km"})


@dataclass(slots=True)
class Metric:
    """One number of the report: ``value`` over ``n`` scored rows (None when nothing was scored)."""

    name: str
    kind: str
    value: float | None
    n: int


@dataclass(slots=True)
class FieldError:
    """A field the coder got wrong, for ``--errors`` listings."""

    case_id: str
    field: str
    expected: Any
    got: Any
    snippet: str


@dataclass(slots=True)
class Check:
    """A named PASS/FAIL check (seed fields and hard rules)."""

    case_id: str
    name: str
    passed: bool
    expected: Any = None
    got: Any = None
    geographic: bool = False


@dataclass(slots=True)
class Scores:
    """Everything measured on one gold set."""

    metrics: dict[str, Metric]
    confusion: dict[str, dict[str, int]]  # gold sub_event_type -> predicted -> count
    errors: list[FieldError] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    def value(self, name: str) -> float | None:
        metric = self.metrics.get(name)
        return metric.value if metric else None


# --- comparisons ----------------------------------------------------------------------------------

_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "es", "et", "ez",
             "the"}
_ADMIN_WORDS = {"governorate", "province", "state", "region", "oblast", "department", "district",
                "muhafazat", "division", "county", "territory"}


def normalize_name(value: str | None, *, admin: bool = False) -> str:
    """Fold a place name: case, diacritics, hyphens and apostrophes, Arabic articles (al-, ash-…).

    With ``admin`` also drops words such as "Governorate" or "Province".
    """
    if not value:
        return ""
    from unidecode import unidecode

    text = unidecode(unicodedata.normalize("NFKC", value)).lower()
    text = re.sub(r"['`\u2019\u02bf\u02be]", "", text)
    tokens = re.split(r"[\s\-_/.,()]+", text)
    drop = _ARTICLES | (_ADMIN_WORDS if admin else set())
    kept = [t for t in tokens if t and t not in drop]
    return " ".join(kept) or " ".join(t for t in tokens if t)


def _skeleton(value: str) -> str:
    """A spelling-tolerant key: the folded name without vowels (y, w too), doubled letters or a
    final h, so Idlib/Idleb, Hama/Hamah, Manbij/Menbij and Sweida/Suwayda meet."""
    text = normalize_name(value, admin=True).replace(" ", "")
    text = re.sub(r"[aeiouyw]", "", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    return text.removesuffix("h")


def _loose_match(expected: str | None, got: str | None) -> bool:
    """Same place under transliteration variants; an ACLED "City - Neighbourhood" location also
    matches its neighbourhood or its city alone."""
    if not expected or not got:
        return False
    wanted = {_skeleton(expected)}
    if " - " in expected:
        wanted.update(_skeleton(part) for part in expected.split(" - "))
    return _skeleton(got) in wanted and _skeleton(got) != ""


_ERA = re.compile(r"\((\d{4})-\d{4}\)")


def era_open(actor: str) -> str:
    """An actor label with its era's closing year dropped: "Military Forces of Afghanistan (2014-2021)"
    -> "... (2014-)". ACLED closes an era's label retroactively when a government falls, so an export
    made while the era ran writes "(2014-)" for the same actor that a later export writes "(2014-2021)"."""
    return _ERA.sub(r"(\1-)", actor)


def _assoc_set(value: str | None) -> frozenset[str]:
    """A semicolon list of allies as a set of era-open names."""
    return frozenset(era_open(" ".join(part.split())) for part in (value or "").split(";") if part.strip())


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return value


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float | None:
    """F1 per gold label, weighted by the label's gold support (scikit-learn's "weighted")."""
    if not gold:
        return None
    support = Counter(gold)
    predicted_count = Counter(predicted)
    hits = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    total = 0.0
    for label, n in support.items():
        tp = hits[label]
        precision = tp / predicted_count[label] if predicted_count[label] else 0.0
        recall = tp / n
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += f1 * n
    return total / len(gold)


def _fatalities_ok(gold: GoldEvent, got: int | None) -> bool:
    if got is None:
        return gold.fatalities_min is None
    if gold.fatalities_min is None or gold.fatalities_max is None:
        return False
    return gold.fatalities_min <= got <= gold.fatalities_max


def _fatalities_error(gold: GoldEvent, got: int) -> float | None:
    if gold.fatalities_min is None or gold.fatalities_max is None:
        return None
    if got < gold.fatalities_min:
        return float(gold.fatalities_min - got)
    if got > gold.fatalities_max:
        return float(got - gold.fatalities_max)
    return 0.0


def _expected_fatalities(gold: GoldEvent) -> Any:
    if gold.fatalities_min == gold.fatalities_max:
        return gold.fatalities_min
    return f"{gold.fatalities_min}..{gold.fatalities_max}"


def _source_ok(expected: str, got: str | None) -> bool:
    """The gold's first outlet (before any parenthesis or semicolon) is named in the predicted source."""
    if not got:
        return False
    outlet = re.split(r"[;(]", expected)[0].strip().lower()
    return bool(outlet) and outlet in got.lower()


def _claims_ok(expected: list[dict[str, str]], got: Event | None) -> bool:
    if got is None:
        return False
    for want in expected:
        claimant = normalize_name(want.get("claimant"))
        via = normalize_name(want.get("via"))
        found = any(
            claimant and claimant in normalize_name(c.claimant)
            and (not via or via == normalize_name(c.via))
            for c in got.claims
        )
        if not found:
            return False
    return True


class _Tally:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.totals: Counter[str] = Counter()
        self.sums: dict[str, float] = {}

    def add(self, name: str, ok: bool) -> None:
        self.totals[name] += 1
        if ok:
            self.hits[name] += 1

    def add_value(self, name: str, value: float) -> None:
        self.totals[name] += 1
        self.sums[name] = self.sums.get(name, 0.0) + value


def _snippet(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def score_cases(cases: Sequence[GoldCase], predictions: Sequence[Sequence[Event]]) -> Scores:
    """Score predictions (one list of events per case, main event first) against the gold cases."""
    tally = _Tally()
    errors: list[FieldError] = []
    checks: list[Check] = []
    labels: dict[str, tuple[list[str], list[str]]] = {"event_type": ([], []), "sub_event_type": ([], [])}
    confusion: dict[str, Counter[str]] = {}

    for case, events in zip(cases, predictions, strict=True):
        snippet = _snippet(case.document.text)

        def miss(name: str, expected: Any, got: Any, case_id: str = case.id, snip: str = snippet) -> None:
            errors.append(FieldError(case_id, name, expected, got, snip))

        if not case.events:
            ok = not events
            tally.add("no_event_correct", ok)
            if not ok:
                miss("no_event", "no event", f"{len(events)} event(s): {events[0].sub_event_type}")
        else:
            _score_main(case, case.events[0], events[0] if events else None, tally, miss, labels, confusion)
            main = case.events[0]
            # Diagnostics: was the main event found at all, even if not ranked first?
            if "sub_event_type" in main.scored:
                tally.add("sub_event_type_any", any(e.sub_event_type == main.sub_event_type for e in events))
        if case.complete and case.events:
            _score_event_sets(case, events, tally)
        elif case.complete and events:
            tally.totals["events_precision"] += len(events)
        checks.extend(_hard_rules(case, events))

    metrics: dict[str, Metric] = {}
    for name, kind in METRIC_ORDER:
        if name in {"event_type_f1", "sub_event_type_f1"}:
            gold_labels, predicted_labels = labels[name.removesuffix("_f1")]
            metrics[name] = Metric(name, kind, weighted_f1(gold_labels, predicted_labels), len(gold_labels))
            continue
        n = tally.totals[name]
        if name == "fatalities_mae":
            value = tally.sums.get(name, 0.0) / n if n else None
        else:
            value = tally.hits[name] / n if n else None
        metrics[name] = Metric(name, kind, value, n)
    return Scores(
        metrics=metrics,
        confusion={g: dict(c.most_common()) for g, c in sorted(confusion.items())},
        errors=errors,
        checks=checks,
    )


def _score_main(case: GoldCase, gold: GoldEvent, got: Event | None, tally: _Tally, miss: Any,
                labels: dict[str, tuple[list[str], list[str]]],
                confusion: dict[str, Counter[str]]) -> None:
    tally.add("coverage", got is not None)
    if got is None:
        miss("coverage", "an event", None)

    def value_of(name: str) -> Any:
        return _clean(getattr(got, name)) if got is not None else None

    for name in _EXACT_FIELDS:
        if name not in gold.scored:
            continue
        expected, actual = _clean(getattr(gold, name)), value_of(name)
        ok = got is not None and expected == actual
        tally.add(name, ok)
        if not ok and got is not None:
            miss(name, expected, actual)
    for name in ("event_type", "sub_event_type"):
        if name in gold.scored:
            g = _clean(getattr(gold, name)) or NO_EVENT
            p = (value_of(name) or "(empty)") if got is not None else NO_EVENT
            labels[name][0].append(g)
            labels[name][1].append(p)
            if name == "sub_event_type":
                confusion.setdefault(g, Counter())[p] += 1
    if "actor1" in gold.scored and "actor2" in gold.scored:
        expected_pair = {a for a in (_clean(gold.actor1), _clean(gold.actor2)) if a}
        got_pair = {a for a in (value_of("actor1"), value_of("actor2")) if a}
        ok = got is not None and expected_pair == got_pair
        tally.add("actor_pair", ok)
        tally.add("actor_pair_loose", ok or (got is not None and {era_open(a) for a in expected_pair}
                                             == {era_open(a) for a in got_pair}))
    for name in ASSOC_FIELDS:
        # allies as sets of names, era suffixes loose; only YAML/JSON gold gives them
        if name not in gold.scored:
            continue
        expected_set = _assoc_set(getattr(gold, name))
        actual_set = _assoc_set(value_of(name))
        ok = got is not None and expected_set == actual_set
        tally.add(name, ok)
        if not ok and got is not None:
            miss(name, _clean(getattr(gold, name)), value_of(name))
    if "event_date" in gold.scored:
        ok = got is not None and got.event_date == gold.event_date
        tally.add("event_date", ok)
        if case.date_in_text:
            tally.add("event_date_in_text", ok)
        if not ok and got is not None:
            miss("event_date", _iso(gold.event_date), _iso(got.event_date))
    if "event_type" in gold.scored and "event_date" in gold.scored:
        tally.add("type_and_date", got is not None and got.event_type == gold.event_type
                  and got.event_date == gold.event_date)
    if "fatalities" in gold.scored:
        actual = got.fatalities if got is not None else None
        ok = got is not None and _fatalities_ok(gold, actual)
        tally.add("fatalities_exact", ok)
        if not ok and got is not None:
            miss("fatalities", _expected_fatalities(gold), actual)
        if actual is not None:
            error = _fatalities_error(gold, actual)
            if error is not None:
                tally.add_value("fatalities_mae", error)
    for name in _NAME_FIELDS:
        # An empty place field in the gold means "not coded" (ACLED leaves admin3 empty in most
        # countries), not "must be empty": it is not scored.
        if name not in gold.scored or not getattr(gold, name):
            continue
        admin = name.startswith("admin") or name == "country"
        expected = normalize_name(getattr(gold, name), admin=admin)
        actual = normalize_name(value_of(name), admin=admin)
        ok = got is not None and expected == actual
        tally.add(name, ok)
        if name in {"location", "admin1"}:
            tally.add(f"{name}_loose", got is not None and (ok or _loose_match(getattr(gold, name),
                                                                                value_of(name))))
        if not ok and got is not None:
            miss(name, getattr(gold, name), value_of(name))
    if gold.latitude is not None and gold.longitude is not None:
        distance = None
        if got is not None and got.latitude is not None and got.longitude is not None:
            distance = haversine_km(gold.latitude, gold.longitude, got.latitude, got.longitude)
        tally.add("within_10km", distance is not None and distance <= 10)
        tally.add("within_25km", distance is not None and distance <= 25)
        if got is not None and (distance is None or distance > 25):
            where = "no point" if distance is None else f"{distance:.0f} km off"
            miss("distance", f"{gold.location} ({gold.latitude}, {gold.longitude})",
                 f"{got.location} ({where})")


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None else None


def _score_event_sets(case: GoldCase, events: Sequence[Event], tally: _Tally) -> None:
    """Recall and precision of all events of a fully-coded report, matched on type and date."""
    unmatched = list(events)
    for gold in case.events:
        match = next((e for e in unmatched if _same_event(gold, e)), None)
        tally.add("events_recall", match is not None)
        if match is not None:
            unmatched.remove(match)
            tally.add("events_precision", True)
    for _ in unmatched:
        tally.add("events_precision", False)


def _same_event(gold: GoldEvent, got: Event) -> bool:
    if "event_type" in gold.scored and gold.event_type != got.event_type:
        return False
    return not ("event_date" in gold.scored and gold.event_date != got.event_date)


def _hard_rules(case: GoldCase, events: Sequence[Event]) -> list[Check]:
    checks = []
    years = Counter(e.event_date.year for e in events if e.event_date is not None)
    for year in case.forbid_years:
        checks.append(Check(case.id, f"no event dated {year}", years[year] == 0, 0, years[year]))
    for year, count in sorted(case.year_counts.items()):
        checks.append(Check(case.id, f"exactly {count} event(s) dated {year}", years[year] == count,
                            count, years[year]))
    return checks


# --- field-by-field checks (seed gold) --------------------------------------------------------------

_INTER_LABELS = {1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
                 5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces"}


def field_checks(case: GoldCase, events: Sequence[Event], max_km: float = 15.0) -> list[Check]:
    """PASS/FAIL of every field the gold's main event gives, against the first predicted event."""
    if not case.events:
        return []
    gold = case.events[0]
    got = events[0] if events else None
    checks: list[Check] = []

    def add(name: str, passed: bool, expected: Any, actual: Any) -> None:
        checks.append(Check(case.id, name, passed, expected, actual, geographic=name in GEO_FIELDS))

    for name in gold.scored:
        if name in {"latitude", "longitude"}:
            continue
        actual = getattr(got, name, None) if got is not None else None
        if name == "fatalities":
            add(name, got is not None and _fatalities_ok(gold, actual), _expected_fatalities(gold), actual)
        elif name == "event_date":
            add(name, got is not None and actual == gold.event_date, _iso(gold.event_date), _iso(actual))
        elif name in _NAME_FIELDS:
            admin = name != "location"
            ok = got is not None and normalize_name(getattr(gold, name), admin=admin) == normalize_name(
                actual, admin=admin)
            add(name, ok, getattr(gold, name), actual)
        elif name == "source":
            add(name, _source_ok(gold.source or "", actual), gold.source, actual)
        elif name in {"inter1", "inter2"}:
            expected = getattr(gold, name)
            add(name, got is not None and actual == expected, _INTER_LABELS.get(expected, expected), actual)
        else:
            expected = _clean(getattr(gold, name))
            add(name, got is not None and _clean(actual) == expected, expected, _clean(actual))
    if gold.latitude is not None and gold.longitude is not None:
        distance = None
        if got is not None and got.latitude is not None and got.longitude is not None:
            distance = haversine_km(gold.latitude, gold.longitude, got.latitude, got.longitude)
        shown = None
        if got is not None and distance is not None:
            shown = f"({got.latitude}, {got.longitude}), {distance:.1f} km"
        add(f"point within {max_km:g} km", distance is not None and distance <= max_km,
            f"({gold.latitude}, {gold.longitude})", shown)
        checks[-1].geographic = True
    if gold.claims:
        got_claims = [f"{c.claimant} via {c.via}" for c in got.claims] if got is not None else []
        add("claims", _claims_ok(gold.claims, got),
            "; ".join(f"{c.get('claimant')} via {c.get('via')}" for c in gold.claims), got_claims)
    order = {name: i for i, name in enumerate((*GOLD_FIELDS, "claims"))}
    checks.sort(key=lambda c: (c.geographic, order.get(c.name, 99)))
    return checks
