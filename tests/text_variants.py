"""Variants of the reports a shortcut test feeds to old and new code (case, spacing, word order)."""

from __future__ import annotations

import random


def variants(text: str, rng: random.Random) -> list[str]:
    words = text.split(" ")
    out = [text, text.upper(), text.lower(), text.replace(" ", "  "), text.replace(",", "")]
    for _ in range(6):
        shuffled = list(words)
        rng.shuffle(shuffled)
        out.append(" ".join(shuffled))
    return out


def all_variants(reports: list[str]) -> list[str]:
    """Every report's variants, each report with its own seeded generator (the same texts every run)."""
    return [v for i, text in enumerate(reports) for v in variants(text, random.Random(i))]
