"""Turning an ``Evaluation`` into a text report or a JSON-ready dict."""

from __future__ import annotations

from typing import Any

from .metrics import FieldError, Scores
from .runner import Evaluation, breakdown

__all__ = ["evaluation_dict", "render_text"]


def _fmt(value: float | None, kind: str) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if kind == "mean abs error" else f"{value:.3f}"


def render_text(evaluation: Evaluation, *, errors: int = 0, error_field: str | None = None,
                confusion: bool = True, previous: dict[str, float | None] | None = None,
                by: str | None = None) -> str:
    """A human-readable report: metrics, checks, the sub-event confusion table, error examples.

    ``previous`` (metric values of an earlier run) adds a change column; ``by`` (a gold field such
    as country or sub_event_type) adds the main metrics per group.
    """
    lines: list[str] = []
    shown = len(evaluation.cases)
    scope = f"{shown} of {evaluation.total_cases}" if shown != evaluation.total_cases else f"{shown}"
    lines.append(f"== {evaluation.path} ({evaluation.kind}, {scope} cases; coder "
                 f"{evaluation.coder_version}, geocoder {evaluation.geocoder_version or 'off'})")
    change = " change" if previous is not None else ""
    lines.append(f"{'metric':<22}{'value':>8}{'n':>7}{change}  kind")
    for metric in evaluation.scores.metrics.values():
        if metric.n == 0:
            continue
        delta = ""
        if previous is not None:
            before = previous.get(metric.name)
            delta = " " * 7 if before is None or metric.value is None else f"{metric.value - before:+7.3f}"
        lines.append(f"{metric.name:<22}{_fmt(metric.value, metric.kind):>8}{metric.n:>7}{delta}  "
                     f"{metric.kind}")
    if by:
        lines.append("")
        lines.extend(_breakdown_lines(evaluation, by))
    checks = evaluation.field_checks + evaluation.scores.checks
    if checks:
        lines.append("")
        lines.append("checks:")
        for check in checks:
            mark = "PASS" if check.passed else "FAIL"
            geo = " (geo)" if check.geographic else ""
            lines.append(f"  {mark}  {check.case_id}: {check.name}{geo}: expected {check.expected!r}, "
                         f"got {check.got!r}")
        failed = [c for c in checks if not c.passed]
        non_geo = [c for c in checks if not c.geographic]
        lines.append(f"  {len(checks) - len(failed)}/{len(checks)} passed; non-geographic "
                     f"{sum(c.passed for c in non_geo)}/{len(non_geo)}")
    if confusion and evaluation.scores.confusion and evaluation.kind != "seed-json":
        lines.append("")
        lines.extend(_confusion_lines(evaluation.scores.confusion))
    if errors:
        picked = _pick_errors(evaluation.scores.errors, errors, error_field)
        lines.append("")
        lines.append(f"errors ({len(picked)} of {_count(evaluation.scores.errors, error_field)}):")
        for err in picked:
            lines.append(f"  [{err.case_id}] {err.field}: expected {err.expected!r}, got {err.got!r}")
            lines.append(f"      {err.snippet}")
    return "\n".join(lines)


# metric -> short column label for the per-group table
_BY_METRICS = {"coverage": "coverage", "event_type": "type", "sub_event_type": "sub_type",
               "actor_pair": "actor_pair", "event_date": "date", "fatalities_exact": "fatalities",
               "admin1": "admin1", "within_25km": "<=25km"}


def _breakdown_lines(evaluation: Evaluation, by: str) -> list[str]:
    groups = breakdown(evaluation, by)
    header = "".join(f"{label:>11}" for label in _BY_METRICS.values())
    lines = [f"by {by}:", f"  {'':<34}{'n':>5}{header}"]

    def size(scores: Scores) -> int:
        return max(scores.metrics["coverage"].n, scores.metrics["no_event_correct"].n)

    for group, scores in sorted(groups.items(), key=lambda kv: (-size(kv[1]), kv[0])):
        cells = "".join(f"{_fmt(scores.value(name), 'accuracy'):>11}" for name in _BY_METRICS)
        lines.append(f"  {group[:34]:<34}{size(scores):>5}{cells}")
    return lines


def _count(errors: list[FieldError], error_field: str | None) -> int:
    return sum(1 for e in errors if error_field is None or e.field == error_field)


def _pick_errors(errors: list[FieldError], n: int, error_field: str | None) -> list[FieldError]:
    """``n`` examples; without a field filter, taken round-robin over fields so each field shows."""
    if error_field is not None:
        return [e for e in errors if e.field == error_field][:n]
    by_field: dict[str, list[FieldError]] = {}
    for err in errors:
        by_field.setdefault(err.field, []).append(err)
    picked: list[FieldError] = []
    index = 0
    while len(picked) < n and any(index < len(v) for v in by_field.values()):
        for items in by_field.values():
            if index < len(items) and len(picked) < n:
                picked.append(items[index])
        index += 1
    return picked


def _confusion_lines(confusion: dict[str, dict[str, int]]) -> list[str]:
    """One line per gold sub-event type: support, correct, and the commonest wrong predictions."""
    lines = ["sub_event_type confusion (gold: n, correct, top mistakes):"]
    width = max(len(g) for g in confusion) + 2
    for gold, row in sorted(confusion.items(), key=lambda kv: -sum(kv[1].values())):
        total = sum(row.values())
        correct = row.get(gold, 0)
        wrong = [(p, n) for p, n in sorted(row.items(), key=lambda kv: -kv[1]) if p != gold][:3]
        mistakes = ", ".join(f"{p} {n}" for p, n in wrong)
        lines.append(f"  {gold:<{width}}{total:>5}{correct:>6}  {mistakes}")
    return lines


def evaluation_dict(
    evaluation: Evaluation, *, errors: int = 0, error_field: str | None = None
) -> dict[str, Any]:
    """The report as plain JSON values."""
    return {
        "path": evaluation.path,
        "kind": evaluation.kind,
        "cases": len(evaluation.cases),
        "total_cases": evaluation.total_cases,
        "coder_version": evaluation.coder_version,
        "geocoder_version": evaluation.geocoder_version,
        "metrics": {
            m.name: {"value": m.value, "n": m.n, "kind": m.kind}
            for m in evaluation.scores.metrics.values()
            if m.n
        },
        "checks": [
            {"case": c.case_id, "name": c.name, "passed": c.passed, "expected": c.expected, "got": c.got,
             "geographic": c.geographic}
            for c in evaluation.field_checks + evaluation.scores.checks
        ],
        "confusion": evaluation.scores.confusion,
        "errors": [
            {"case": e.case_id, "field": e.field, "expected": e.expected, "got": e.got, "snippet": e.snippet}
            for e in _pick_errors(evaluation.scores.errors, errors, error_field)
        ],
        "problems": [str(p) for p in evaluation.problems],
    }
