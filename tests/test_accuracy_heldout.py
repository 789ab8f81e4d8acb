"""The held-out gate: tests/fixtures/heldout, reports written before a round of coder and geocoder
work and never used for tuning, must not score below the floors in heldout_baseline.json.

The fixture gold gate (test_accuracy_gate.py) guards the set the coder was tuned on; this one
guards text nobody tuned on, so a change that overfits shows up here first. Floors are the value
measured when pinned minus one case (1/n), rounded down. Lower one only on purpose, with a
`history` entry saying why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.evaluate import Evaluation, evaluate_gold, load_gold
from eventdesk.pipeline import Pipeline
from eventdesk.settings import Settings

HERE = Path(__file__).parent
BASELINE = json.loads((HERE / "heldout_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    gold = load_gold(HERE.parent / BASELINE["gold"])
    assert not gold.problems, [str(p) for p in gold.problems]
    return evaluate_gold(gold, Pipeline(Settings()))


def test_heldout_set_is_whole(evaluation: Evaluation) -> None:
    assert len(evaluation.cases) == BASELINE["cases"]
    assert not evaluation.problems, [str(p) for p in evaluation.problems]


def test_no_heldout_metric_below_its_floor(evaluation: Evaluation) -> None:
    values = {name: metric.value for name, metric in evaluation.scores.metrics.items()}
    below = {
        name: (values.get(name), floor)
        for name, floor in BASELINE["floors"].items()
        if (values.get(name) or 0.0) < floor - 1e-9
    }
    table = "\n".join(f"  {name:<20} {values.get(name)}" for name in sorted(values))
    assert not below, f"below floor: {below}\ncurrent:\n{table}"
