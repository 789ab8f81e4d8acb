"""Session 12 speed rewrites of the actor stage give what the code they replace gave."""

from __future__ import annotations

import datetime as dt
import random

from eventdesk.coding.actor_country import _bound_country
from eventdesk.coding.actors import ActorDictionary

# words the country-bound actors and their neighbours are made of, and letters IGNORECASE and lower() fold
_WORDS = (
    "Syrian", "regime", "Regime", "REGIME", "forces", "rebels", "rebel", "opposition", "Opposition",
    "factions", "faction", "fighters", "members", "armed", "the", "Free", "Syrian", "Army", "FSA",
    "Iranian-backed", "militias", "pro-Iran", "militia", "settlers", "Israeli", "Jewish", "colonists",
    "Hilltop", "Youth", "militiamen", "(Rio)", "(Syria)", "Brazil", "police", "army", "Turkish", "HTS",
    "SDF", "gunmen", "and", "of", "in", "Idlib", ",", ".", "killed", "attacked", "former", "reconciled",
    "Fatemiyoun", "Division", "İ", "ı", "ſ", "K", "é", "REGİME", "regime's", "anti-regime", "Hezbollah",
    "Houthi", "Islamic", "State",
)


def _bound_country_unshortcut(
    dictionary: ActorDictionary, text: str, start: int, end: int, on: dt.date | None
) -> str | None:
    """``_bound_country`` as it was before session 12 (a search of every window)."""
    countries = set()
    for mention in dictionary.find(text, start, end, on=on):
        if not mention.country:
            continue
        entry = dictionary.lookup(mention.canonical)
        if entry is None or entry.by_country:
            continue
        if (entry.generic and entry.country) or (mention.inter == 1 and "regime" in mention.text.lower()):
            countries.add(mention.country)
    return countries.pop() if len(countries) == 1 else None


def test_binding_words_shortcut_keeps_bound_country() -> None:
    dictionary = ActorDictionary.default()
    assert dictionary._binding_words is not None  # (the packaged tables allow the shortcut)
    rng = random.Random(12)
    words = list(_WORDS) + sorted(dictionary._binding_words) + sorted(dictionary._starters)[:300]
    skipped = 0
    for _ in range(1500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        start = rng.choice((0, 0, rng.randint(0, len(text))))
        end = rng.choice((len(text), len(text), rng.randint(start, len(text))))
        on = rng.choice((None, dt.date(2015, 3, 1), dt.date(2023, 6, 1)))
        expected = _bound_country_unshortcut(dictionary, text, start, end, on)
        if not dictionary.may_bind(text, start, end):
            skipped += 1
            assert expected is None, (text, start, end)
        assert _bound_country(dictionary, text, start, end, on) == expected, (text, start, end)
    assert skipped > 100


def test_binding_words_cover_every_bound_actors_alias() -> None:
    dictionary = ActorDictionary.default()
    words = dictionary._binding_words
    assert words is not None
    bound = [e for e in dictionary.entries.values() if e.generic and e.country and not e.by_country]
    assert bound
    for entry in bound:
        for alias in (entry.name, *entry.aliases):
            for text in (alias, f"the {alias} attacked", f"{alias} (Syria) and regime forces"):
                if _bound_country_unshortcut(dictionary, text, 0, len(text), None) is not None:
                    assert dictionary.may_bind(text, 0, len(text)), text
