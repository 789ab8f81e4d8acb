"""Actor output does not depend on the hash seed (set order) of the process."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventdesk.coding.actor_text import _translit_variants
from eventdesk.coding.actors import ActorDictionary

# Written for this test. Two spelling changes at once (Jaish for Jaysh, -iyah for -iya) used to fall
# past a cut of the variant list taken in set order, so the evidence quote was the whole name under
# one seed and "Usud al-Sharqiyah" under another.
REPORT = (
    "On 3 May 2019, Jaish Usud al-Sharqiyah fighters clashed with IS militants near the T3 pumping "
    "station in the eastern Homs desert. Separately, fighters of Jeish Khalid bin al-Waleed attacked "
    "a checkpoint of the regime near Nawa in Daraa."
)

_SCRIPT = """
import json, sys
from eventdesk.pipeline import Pipeline
from eventdesk.settings import Settings
from eventdesk.records import Document, document_id_for, to_dict
import dataclasses
text = sys.stdin.read()
pipe = Pipeline(dataclasses.replace(Settings.from_env(), geocode=False))
events = [to_dict(e) for e in pipe.code(Document(id=document_id_for(text), text=text))]
print(json.dumps(events, sort_keys=True, default=str))
"""


def _code_with_seed(seed: str) -> list[dict[str, object]]:
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT], input=REPORT, env=env, capture_output=True, text=True, check=True
    )
    result: list[dict[str, object]] = json.loads(out.stdout)
    return result


def test_coded_events_are_the_same_under_different_hash_seeds() -> None:
    first, second = _code_with_seed("0"), _code_with_seed("1")
    assert first, "the report codes to at least one event"
    assert first == second
    quotes = [e["quote"] for ev in first for e in ev["evidence"] if e["field"] == "actor1"]  # type: ignore[attr-defined]
    assert "Jaish Usud al-Sharqiyah" in quotes


def test_every_transliteration_variant_is_matched() -> None:
    actors = ActorDictionary.default()
    found = actors.find(REPORT, country="Syria", on=dt.date(2019, 5, 3))
    texts = {m.text: m.canonical for m in found}
    assert texts["Jaish Usud al-Sharqiyah"] == "Lions of the East Army"
    assert "Jeish Khalid bin al-Waleed" in texts


@pytest.mark.parametrize("alias", ["Jaysh Usud al-Sharqiya", "Jaish Khalid ibn al-Walid"])
def test_variants_are_sorted_not_set_ordered(alias: str) -> None:
    variants = _translit_variants(alias)
    assert variants[0] == alias
    assert len(variants) == len(set(variants))
    assert variants == _translit_variants(alias)
    assert "jaish usud al sharqiyah" in _translit_variants("Jaysh Usud al-Sharqiya")
