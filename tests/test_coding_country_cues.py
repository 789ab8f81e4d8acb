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


# --- the per-country gates only skip searches that cannot match -------------------------------------
_GATE_TEXTS = [
    "During the protest over unpaid salaries, civilians were injured near the ring road.",
    "The Knesset voted while the shekel fell; in Lagos the naira slid and Amotekun guards patrolled.",
    "Police said the Rosgvardiya unit and the State Duma guard were deployed.",
    "Kıev residents queued for hryvnia as the OSCE mission reported shelling.",  # dotless i
    "The Tatmadaw shelled villages; the kyat fell again.",
    "İstanbul traders and the Sejm debated the zloty.",  # dotted capital I changes the length
    "Lebanese UNIFIL patrols met the Knesset delegation.",
    "Nothing here names any institution at all.",
    "A ſhekel and a KNESSET and a Kelvin sign K in one text.",
]


@pytest.mark.parametrize("text", _GATE_TEXTS)
def test_gated_cues_equal_searching_every_country(text: str) -> None:
    import dataclasses

    cues = load_country_cues()
    assert cues.gates is not None and set(cues.gates) == set(cues.patterns)
    ungated = dataclasses.replace(cues, gates=None)
    assert cues.country(text) == ungated.country(text)
    # and per country: a skipped pattern indeed has no match
    low = text.lower()
    plain = len(low) == len(text) and not any(c in text for c in "\u0130\u0131\u017f\u212a")
    for name, gate in cues.gates.items():
        if plain and gate is not None and not any(w in low for w in gate):
            assert cues.patterns[name].search(text) is None, name


def test_folded_characters_are_all_known() -> None:
    """The characters IGNORECASE matches to an ASCII letter or digit while lower() does not make
    them one: the gate falls back to searching every country where one of them occurs."""
    import re

    from eventdesk.coding.country_cues import _FOLDED

    ascii_class = re.compile("[a-z0-9]", re.I)
    special = {
        chr(cp)
        for cp in range(0x80, 0x110000)
        if ascii_class.fullmatch(chr(cp)) and not (chr(cp).lower().isascii() and len(chr(cp).lower()) == 1)
    }
    assert all(_FOLDED.fullmatch(c) for c in special)
