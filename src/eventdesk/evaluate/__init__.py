"""Evaluate: score the coder and geocoder against gold files.

Gold formats: an ACLED-format CSV (only ``notes`` reaches the coder), the seed's gold JSON, and
eventdesk's fixture gold (YAML or JSONL). ``evaluate_gold`` runs the real ``Pipeline`` and returns
an ``Evaluation``; ``render_text`` / ``evaluation_dict`` present it. See docs/evaluate.md.
"""

from __future__ import annotations

from .gold import GoldCase, GoldEvent, GoldSet, date_stated_in_text, load_gold, parse_gold_date
from .metrics import Check, FieldError, Metric, Scores, haversine_km, normalize_name, score_cases, weighted_f1
from .report import evaluation_dict, render_text
from .runner import Evaluation, breakdown, evaluate_gold, select_cases

__all__ = [
    "Check",
    "Evaluation",
    "FieldError",
    "GoldCase",
    "GoldEvent",
    "GoldSet",
    "Metric",
    "Scores",
    "breakdown",
    "date_stated_in_text",
    "evaluate_gold",
    "evaluation_dict",
    "haversine_km",
    "load_gold",
    "normalize_name",
    "parse_gold_date",
    "render_text",
    "score_cases",
    "select_cases",
    "weighted_f1",
]
