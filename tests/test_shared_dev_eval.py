"""`eventdesk evaluate` on ../shared (the seed and a sample of the ACLED dev rows), when it exists.

Measurement, not a gate: the only assertions are the seed's hard rules (no event dated 2019 or 2015,
exactly one event dated 2023) and that scoring runs without coder failures. Deselect with
``-m 'not shared_data'``. Set EVENTDESK_SHARED to point at another copy of the shared folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventdesk.evaluate import evaluate_gold
from eventdesk.pipeline import Pipeline
from eventdesk.settings import Settings

pytestmark = pytest.mark.shared_data

SHARED = Path(os.environ.get("EVENTDESK_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")


def shared_file(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def test_seed_hard_rules(pipeline: Pipeline) -> None:
    evaluation = evaluate_gold(shared_file("corpus/seed-article.gold.json"), pipeline)
    rules = {c.name: c for c in evaluation.scores.checks}
    for name in ("no event dated 2019", "no event dated 2015", "exactly 1 event(s) dated 2023"):
        assert rules[name].passed, f"{name}: got {rules[name].got}"


@pytest.mark.parametrize("name", ["acled-dev-syria-battles.csv", "acled-dev-global-2020.csv"])
def test_dev_sample_scores(pipeline: Pipeline, name: str) -> None:
    evaluation = evaluate_gold(shared_file(f"dev/{name}"), pipeline, sample=150, seed=7)
    assert len(evaluation.cases) == 150
    assert not evaluation.problems, [str(p) for p in evaluation.problems[:5]]
    assert evaluation.scores.metrics["event_type"].n == 150
