"""Session 7's geocoder speed cuts give the same answers as the code they replaced."""

from __future__ import annotations

import random

import pytest

from eventdesk.coding.actor_dictionary import ActorDictionary
from eventdesk.coding.actors import _countries_named, countries_named

TEXTS = [
    "Venezuelan migrants protested in Bogota on Monday, Colombian police said.",
    "Syrian regime forces shelled Kafr Nabl.\nTurkish\nArtillery hit Tal Rifaat; Kurdish groups said so.",
    "On 3 May, Russian forces struck Odesa. Ukrainian officials reported two dead in Mykolaiv Oblast.",
    "Unidentified gunmen killed a trader in Maiduguri (Borno), Nigeria. The Nigerian Army said nothing.",
    "Sudanese Armed Forces and the RSF clashed near El Fasher, North Darfur, on Friday.",
    "no capitals here at all, just words",
    "Mali\tBurkina Faso Niger Chad Sudanese\n\nSomali Kenyan Ethiopia Eritrean",
]


def _soup(rng: random.Random) -> str:
    words = ["Syrian", "Syria", "Peru", "Lima", "Chad", "N'Djamena", "Iraqi", "Kurdish", "Gaza",
             "Israel", "the",
             "police", "Somalia", "Al", "Shabaab", "Mexico City", "Kyiv", "Ukrainian", "Turkiye", "Côte"]
    seps = [" ", "  ", "\n", "\t", ", ", ". ", " - "]
    return "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randrange(1, 40)))


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.default()


def test_countries_named_is_the_unmemoised_reading(dictionary: ActorDictionary) -> None:
    rng = random.Random(7)
    for text in TEXTS + [_soup(rng) for _ in range(300)]:
        assert countries_named(dictionary, text) == _countries_named(dictionary, text), text
        assert countries_named(dictionary, text) == _countries_named(dictionary, text), text  # memoised


def _after_before_session7(text: str, end: int) -> list[str]:
    """``hints._after`` as it was: every pattern tried at every step."""
    from eventdesk.geo import hints

    out: list[str] = []
    pos = end
    for _ in range(3):
        gap = hints._GAP.match(text, pos)
        if gap and gap.end() - pos <= 60:
            paren = hints._PAREN.match(text, gap.end())
            if paren:
                out.extend(h for h in (hints._clean(p) for p in paren.group(1).split(",")) if h)
                pos = paren.end()
                continue
        words = hints._FEATURE_GAP.match(text, pos)
        comma = hints._COMMA.match(text, words.end() if words else pos)
        if comma:
            hint = hints._clean(comma.group(1))
            if hint is None:
                break
            out.append(hint)
            pos = comma.end()
            continue
        break
    return out


HINT_TEXTS = [
    "Clashes in Bafoussam town (Mifi, Ouest) left two dead.",
    "Shelling hit the LoC in Naushera sector area (Rajouri district, J&K) on Monday.",
    "In Goday, Shabelle Zone (Somali region), militants attacked a post.",
    "In Cartagena, Bolivar department, 13 people were arrested.",
    "Police in Tulcan city, Carchi, dispersed a march; in Tulcan\u2003town, Carchi too.",
    "Villagers of Kabo on the outskirts of Suri (Kabo, Upper Nile) fled.",
    "Gunmen struck Makepe \n, Littoral and the town of Makepe\t city, Wouri.",
    "A raid in Wana (South Waziristan, KPK), then in Wana , Tank.",
]


def test_text_hints_read_what_the_old_reading_read() -> None:
    from eventdesk.geo import hints

    rng = random.Random(3)
    texts = list(HINT_TEXTS)
    for _ in range(300):
        pieces = ["Tulcan", " city", ", Carchi", " (Mifi, Ouest)", " area", "  ", "\n",
                                                    " on the outskirts of Suri",
                  ", Bolivar department", "(", ")", ",", " sector area ", " x" * 30, "Wana", " (KPK)"]
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 25))))
    for text in texts:
        for end in range(len(text) + 1):
            assert hints._after(text, end) == _after_before_session7(text, end), (text, end)


def test_settlement_precheck_is_the_pattern() -> None:
    from eventdesk.geo.geocoder import _SETTLEMENT, _names_settlement

    words = ["the", "village", "Villages", "TOWN", "townships", "of", "Hamlet", "locality",
             "localities", "camp",
             "Camps", "region", "provinces", "STATE", "county", "counties", "Countryside", "outskirts",
"north",
             "Northern", "southern", "East", "western", "Central", "centralized", "Kafr", "Nabl",
"Idlib", "ſtate",
             "\u212aounty", "al-", "-", "Aleppo's", "westward", "x"]
    rng = random.Random(5)
    phrases = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 7))) for _ in range(3000)]
    phrases += ["in the village of Kafr Nabl", "Aleppo", "eastern Ghouta", "Ain Issa camp", "Town", ""]
    for phrase in phrases:
        assert _names_settlement(phrase) == bool(_SETTLEMENT.search(phrase)), phrase


def test_near_precheck_never_skips_a_match() -> None:
    from eventdesk.geo.geocoder import _NEAR_BEFORE, _may_end_near

    words = ["in", "the", "area", "of", "to", "near", "nearby", "Around", "OUTSIDE", "between",
             "towards", "toward",
             "northern", "north", "km", "5", "kilometres", "kilometers", "town", "village", "farms", "road",
             "vicinity", "front", "Idlib", "and", "ſ", "\u212am", "at", "on", "x"]
    seps = [" ", "  ", "\n", "\t", ", ", "-"]
    rng = random.Random(9)
    texts = [
        "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randrange(1, 9))) for _ in range(5000)
    ]
    texts += ["clashes in ", "shelling near ", "5 km south of the town of ", "near\n", "near", ""]
    for text in texts:
        before = text[-48:]
        if _NEAR_BEFORE.search(before):
            assert _may_end_near(before), before
