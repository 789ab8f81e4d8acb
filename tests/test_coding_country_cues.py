"""Country cues (data/country_cues.yaml): a report's own words for one country's institutions,
currency or forces give the event a country when nothing else does. Reports written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventdesk.coding import Coder
from eventdesk.coding.country_cues import country_from_cues, load_country_cues
from eventdesk.errors import ConfigError
from eventdesk.records import Document


def test_packaged_cues_load() -> None:
    cues = load_country_cues()
    assert cues.version.startswith("country_cues.v")
    assert "Israel" in cues.patterns


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("About 200 people protested outside the Knesset against the new budget.", "Israel"),
        ("Traders protested as the naira fell against the dollar.", "Nigeria"),
        ("Gunmen shot a village watchman in Barangay San Isidro.", "Philippines"),
        ("The mission of the OSCE SMM recorded 12 explosions near the contact line.", "Ukraine"),
        # nothing, or two countries: no cue
        ("Hundreds of farmers marched to the provincial capital.", None),
        ("A trader was fined 300 shekels and 2,000 naira.", None),
        # shared currencies are no cue
        ("Protesters denounced the fall of the dinar and the peso.", None),
    ],
)
def test_cues(text: str, country: str | None) -> None:
    assert country_from_cues(text) == country


def test_coder_uses_cues_only_without_a_country() -> None:
    coder = Coder()
    text = "On 5 May 2024, dozens of shop owners protested outside the Knesset against the closures."
    doc = Document(id="t", text=text, published_at=dt.date(2024, 5, 6))
    events = coder.code(doc)
    assert events and events[0].country == "Israel"
    assert events[0].place is None or events[0].place.country_hint == "Israel"
    # a country already decided (the geocoder's guess) is kept
    assert coder.code(doc, country="Jordan")[0].country == "Jordan"


def test_bad_cue_files_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("countries: {Israel: [Knesset]}\n")
    with pytest.raises(ConfigError, match="version"):
        load_country_cues(path)
    path.write_text('version: "x"\ncountries: {Israel: ["(unclosed"]}\n')
    with pytest.raises(ConfigError, match="bad pattern"):
        load_country_cues(path)
    path.write_text('version: "x"\ncountries: {Israel: []}\n')
    with pytest.raises(ConfigError, match="non-empty"):
        load_country_cues(path)
