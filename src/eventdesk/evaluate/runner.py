"""Run the real pipeline over a gold set and score it."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EvaluationError, EventdeskError
from ..records import Event
from .gold import GoldCase, GoldSet, load_gold
from .metrics import Check, Scores, field_checks, score_cases

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["Evaluation", "breakdown", "evaluate_gold", "select_cases"]

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Evaluation:
    """The outcome of scoring one gold file."""

    path: str
    kind: str
    cases: list[GoldCase]
    predictions: list[list[Event]]
    scores: Scores
    field_checks: list[Check] = field(default_factory=list)
    problems: list[EvaluationError] = field(default_factory=list)  # unreadable rows, coder failures
    total_cases: int = 0  # cases in the file before --limit / --sample
    coder_version: str | None = None
    geocoder_version: str | None = None


def select_cases(cases: Sequence[GoldCase], *, limit: int | None = None, sample: int | None = None,
                 seed: int = 0, offset: int = 0) -> list[GoldCase]:
    """A reproducible subset: skip ``offset`` cases, take a random sample (kept in file order), then
    the first ``limit``. ``offset`` serves split experiments (learn from the first half, score the
    second)."""
    chosen = list(cases)[offset:]
    if sample is not None and sample < len(chosen):
        keep = set(random.Random(seed).sample(range(len(chosen)), sample))
        chosen = [c for i, c in enumerate(chosen) if i in keep]
    if limit is not None:
        chosen = chosen[:limit]
    return chosen


def _where(case: GoldCase, gold: GoldSet) -> str:
    path = case.path or gold.path
    return f"{path}:{case.line}" if case.line else path


def evaluate_gold(
    gold: GoldSet | str | Path,
    pipeline: Pipeline | None = None,
    *,
    limit: int | None = None,
    sample: int | None = None,
    seed: int = 0,
    offset: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> Evaluation:
    """Code every case of a gold set with ``pipeline`` (a default one if None) and score it.

    A document the pipeline fails on (an EventdeskError, or a crash, whose traceback is logged at
    debug level) is scored as "no event" and listed in ``problems``; the rest is still measured.
    """
    if not isinstance(gold, GoldSet):
        gold = load_gold(gold)
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    cases = select_cases(gold.cases, limit=limit, sample=sample, seed=seed, offset=offset)
    problems = list(gold.problems)
    predictions: list[list[Event]] = []
    for number, case in enumerate(cases, start=1):
        try:
            events = pipeline.code(case.document)
        except EventdeskError as exc:
            problems.append(EvaluationError(f"{case.id}: coder failed: {exc}", path=_where(case, gold)))
            events = []
        except Exception as exc:  # a bug in a stage: report it and measure the rest
            logger.debug("pipeline crashed on %s", case.id, exc_info=True)
            problems.append(EvaluationError(f"{case.id}: pipeline crashed: {type(exc).__name__}: {exc}",
                                            path=_where(case, gold)))
            events = []
        predictions.append(list(events))
        if progress is not None:
            progress(number, len(cases))
    scores = score_cases(cases, predictions)
    checks: list[Check] = []
    if gold.kind == "seed-json":
        for case, events in zip(cases, predictions, strict=True):
            checks.extend(field_checks(case, events))
    # Versions as written into the events, so scoring never builds a stage it did not use.
    coded = [e for events in predictions for e in events]
    coder_version = next((e.coder_version for e in coded if e.coder_version), None)
    geocoder_version = next((e.geocoder_version for e in coded if e.geocoder_version), None)
    return Evaluation(
        path=gold.path,
        kind=gold.kind,
        cases=cases,
        predictions=predictions,
        scores=scores,
        field_checks=checks,
        problems=problems,
        total_cases=len(gold.cases),
        coder_version=coder_version,
        geocoder_version=geocoder_version,
    )


def breakdown(evaluation: Evaluation, field_name: str) -> dict[str, Scores]:
    """The evaluation re-scored per value of a gold field of the main event (country, event_type …).

    Reports without gold events fall in the group "(no event)".
    """
    groups: dict[str, tuple[list[GoldCase], list[list[Event]]]] = {}
    for case, events in zip(evaluation.cases, evaluation.predictions, strict=True):
        if case.events:
            value = getattr(case.events[0], field_name, None)
            key = str(value) if value not in (None, "") else "(empty)"
        else:
            key = "(no event)"
        bucket = groups.setdefault(key, ([], []))
        bucket[0].append(case)
        bucket[1].append(events)
    return {key: score_cases(cases, predictions) for key, (cases, predictions) in groups.items()}
