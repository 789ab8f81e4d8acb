"""The geocoder: place mentions → location, admin units, point, honest precision."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Final

from ..errors import ConfigError
from ..memo import BoundedMemo
from ..nlp.lexcache import PatternCache
from ..nlp.sentences import sentence_start
from ..records import Document, Event, Evidence, PlaceMention
from ..settings import Settings
from .gazetteer import POPULATED, UNIT_KINDS, Gazetteer, Place, haversine_km
from .hints import admin1_abbreviations, text_hints
from .normalize import fold, skeleton, unidecode_function
from .scan import STOPWORDS, TextMention, scan

if TYPE_CHECKING:
    from ..coding.actor_names import ActorEntry

__all__ = ["Geocoder", "Resolution"]

VERSION = "geo.1"
NEAR_RELATIONS = frozenset({"near", "axis", "outskirts", "countryside", "vicinity", "front"})
ADMIN_NAME_STYLES = ("acled", "ocha", "geonames")
NO_SUB_COUNTRY = "no location below country level"
# the country-wide fuzzy search of an unknown name: ratio ≥ 86 (quality 0.5 + 0.4 · ratio / 100); where
# only quality ≥ 0.88 counts (ratio ≥ 95), names below 94 need not be scored (a point below, for rounding)
_FUZZY_CUTOFF: Final = 86.0
_CLOSE_CUTOFF: Final = 94.0
# first-level units named after a direction or a generic word exist in many countries: weak evidence
_GENERIC_UNITS = (
    "north|south|east|west|central|centre|center|nord|sud|est|ouest|norte|sur|este|oeste|centro|oriental|"
    "occidental|capital|littoral|coast|coastal|highlands|lakes|upper|lower|north east|north west|south east|"
    "south west|distrito federal|far north|far west|centre est|centre ouest|centre nord|centre sud|"
    "federal district|capital district|la paz|san juan|santa cruz|bolivar|sucre"
)
GENERIC_UNIT_NAMES = frozenset(_GENERIC_UNITS.split("|"))


# countries whose names the gazetteer transliterates with a soft sign ("Ryazan'")
_SOFT_SIGN_CCS: Final = frozenset({"RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "TM", "MD"})
# the kinds of place whose name an event takes as the report spells it (Geocoder._as_written)
_AS_WRITTEN_KINDS: Final = frozenset({"city", "town", "village", "neighbourhood", "site"})


def _has_words(words: list[str], part: list[str]) -> bool:
    """``part`` occurs in ``words`` as a run of whole words."""
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


@dataclass(slots=True, init=False)  # __init__ written out
class Resolution:
    """A resolved place, ready to be written onto an event."""

    place: Place
    lat: float | None
    lon: float | None
    precision: int | None
    location: str
    cc: str
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    span: tuple[int, int] | None = None

    def __init__(
        self,
        place: Place,
        lat: float | None,
        lon: float | None,
        precision: int | None,
        location: str,
        cc: str,
        admin1: str | None = None,
        admin2: str | None = None,
        admin3: str | None = None,
        span: tuple[int, int] | None = None,
    ) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (as Place's did: docs/speed.md)
        self.place = place
        self.lat = lat
        self.lon = lon
        self.precision = precision
        self.location = location
        self.cc = cc
        self.admin1 = admin1
        self.admin2 = admin2
        self.admin3 = admin3
        self.span = span

    def copy(self) -> Resolution:
        """A shallow copy (what ``dataclasses.replace(res)`` makes, without its per-field reflection)."""
        return Resolution(
            self.place, self.lat, self.lon, self.precision, self.location, self.cc, self.admin1, self.admin2,
            self.admin3, self.span,
        )


_rx = PatternCache(__file__)
# the phrases that name a settlement (Geocoder._unfound_village)
# a place phrase that begins with a settlement noun ("town of Kiryat Shmona", "village Tir")
_SETTLEMENT_FIRST = _rx(r"(?:village|town|city|hamlet|locality|settlement|township)\b", re.IGNORECASE)
_BIG_CITY: Final = 100_000  # a city this big named alone is the city, not the unit it shares a name with
_VILLAGE_WORD = _rx(r"\b(?:village|town|hamlet|locality|settlement)\b", re.IGNORECASE)
# heads that name a facility, a street, a front or a unit, not a village
_NOT_VILLAGE_HEAD = _rx(
    r"\b(?:hospital|court|hall|square|zone|street|road|avenue|airport|prison|station|market|school|college|"
    r"university|bridge|junction|camp|base|mall|factory|office|palace|assembly|ministry|parliament|stadium|"
    r"front|axis|hills?|mountains?|valley|river|dam|field|highway|area|sector|district|province|region|"
    r"county|state|lga|upazila|sub-?district|municipality|commune|territory|township|neighbou?rhood|"
    r"quarter|suburb|cabinet|council|embassy|consulate|headquarters|church|mosque|temple|park|plaza|port|"
    r"harbou?r|terminal|stand|building|tower|house|residence|compound|cent(?:er|re)|club|hotel|barracks|"
    r"crossroads?|crossing|roundabout|intersection|checkpoint)\b",
    re.IGNORECASE,
)
_CITY_QUARTER = _rx(r"\b(?:neighbou?rhoods?|quarters?|suburbs?)\b", re.IGNORECASE)
# a natural feature or unit word right after the head, or a unit's "X of" before it
_NOT_VILLAGE_AFTER = _rx(
    r"\s+(?:hills?|mountains?|valley|badia|desert|plain|province|governorate|region|state|department|"
    r"oblast|prefecture|area\s+of)\b",
    re.IGNORECASE,
)
_IN_CITY_AFTER = _rx(r"\b(?:in|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}city\b", re.IGNORECASE)
_UNIT_OF_BEFORE = _rx(
    r"\b(?:province|governorate|region|state|department|county|oblast|prefecture|district|municipality)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = _rx(r"['’]s$")
# a wire dateline opening a line: where the report was filed ("BAMAKO, Feb 10 (Reuters) -",
# "ERBIL, Kurdistan Region —", "Idlib, 2024-05-10 (SANA) –"), not where its event happened
_PLACE_WORDS = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
_DATELINE = _rx(
    rf"(?m)^[ \t]*{_PLACE_WORDS}(?:,[ \t]+{_PLACE_WORDS})?(?:,[ \t]+[^\n—–()]{{3,30}}?)?[ \t]*"
    r"(?:\([^()\n]{1,40}\)[ \t]*)?(?:—|–|-{1,2}|:)[ \t]"
)  # ("QUETTA: Security forces …", South Asian papers' style: in capitals only, see _dateline_span)
_CAPS_WORD = _rx(r"[ \t]*[A-Z]{3,}\b")
# "Damascus, SANA - …": an agency in capitals after the place
_AGENCY_AFTER_PLACE = _rx(r",[ \t]+[A-Z]{2,}[ \t]*(?:—|–|-{1,2})[ \t]*$")
# a place phrase that names a settlement of its own, or a region: not a quarter of the dateline's city
_SETTLEMENT = _rx(
    r"\b(?:villages?|towns?|hamlets?|localit(?:y|ies)|settlements?|camps?|regions?|provinces?|states?|"
    r"count(?:y|ies)|(?:north|south|east|west|central)(?:ern)?|countryside|outskirts|"
    # a district of a province ("the Kech district of Balochistan"), not a city's own ("the city's
    # Saltivskyi district": _names_settlement)
    r"districts?(?!\s+of\s+(?:the\s+)?(?:city|capital)))\b",
    re.IGNORECASE,
)
_QUARTER = _rx(r"\b(?:neighbou?rhoods?|quarters?|districts?|suburbs?)\b", re.IGNORECASE)
_CITY_OWN = _rx(r"\b(?:city|capital|town)['’]s\b", re.IGNORECASE)
# every match of _SETTLEMENT in ASCII text holds one of these, lower-cased
_SETTLEMENT_STEMS: Final = (
    "villag", "town", "hamlet", "localit", "settlement", "camp", "region", "province", "state", "count",
    "north", "south", "east", "west", "central", "outskirts", "district",
)


def _unit_key(name: str) -> str:
    """The folded key of a unit's name without its unit words ("Kursk Oblast" → "kursk")."""
    return fold(_ADMIN_WORDS.sub("", name).strip() or name)


def _names_settlement(phrase: str) -> bool:
    """``_SETTLEMENT.search(phrase)``, tried only when a word of it could be there."""
    if phrase.isascii():
        low = phrase.lower()
        if not any(stem in low for stem in _SETTLEMENT_STEMS):
            return False
    found = _SETTLEMENT.search(phrase)
    if found is not None and found.group().lower().startswith("district"):
        return _CITY_OWN.search(phrase) is None
    return found is not None


def _dateline_span(text: str) -> tuple[int, int] | None:
    """A wire dateline near the top. A title ("Idlib - five killed") is no dateline: its place must
    be in capitals, or a date or an agency in brackets must follow it."""
    at = 0
    while at < 600:
        # (its matches open a line and hold no line break: only the line starts need a try, where
        # finditer tried every position up to 600)
        m = _DATELINE.match(text, at, 600)
        newline = text.find("\n", at, 600)
        at = 600 if newline < 0 else newline + 1
        if m is None:
            continue
        line = m.group(0)
        colon = line.rstrip().endswith(":")
        if (
            _CAPS_WORD.match(line)
            or (not colon and ("(" in line or any(c.isdigit() for c in line)))
            or _AGENCY_AFTER_PLACE.search(line)
        ):
            return m.span()
    return None
_STATE_FORCES = _rx(r"^(Military|Police) Forces of (?:the )?(.+?)(?: \(\d{4}-(?:\d{4})?\))?(?: .*)?$")
_COUNTRY_SUFFIX = _rx(r"\(([A-Z][^()]*)\)$")
_NEAR_AFTER = _rx(
    r"^['’]?s?\s+(?:area|areas|sector|sectors|axis|axes|front|fronts|frontline|frontlines|outskirts|"
    r"surroundings|vicinity|"
    r"badia|desert|plains?|road|highway|crossing|junction|hills?|farms|orchards|environs)\b",
    re.IGNORECASE,
)
_NEAR_BEFORE = _rx(
    r"\b(?:(?:area|areas|vicinity|outskirts|surroundings|environs|front|fronts|frontline|frontlines|axis|"
    r"direction|desert|badia|countryside|road|farms|orchards|hills)\s+(?:of|to|near|around|outside)|"
    r"near|nearby|around|outside|between|towards?|(?:north|south|east|west|northeast|northwest|southeast|"
    r"southwest)(?:ern)?\s+of|km\s+(?:\w+\s+)?of|kilometers?\s+(?:\w+\s+)?of|kilometres?\s+(?:\w+\s+)?of)"
    r"\s+(?:the\s+)?(?:(?:town|village|city|hamlet|farms?)\s+of\s+)?$",
    re.IGNORECASE,
)
# the last word of every _NEAR_BEFORE match (whitespace follows it, then the end)
_NEAR_LAST_WORDS: Final = (
    "of", "to", "near", "nearby", "around", "outside", "between", "toward", "towards", "the",
)


def _may_end_near(before: str) -> bool:
    """False when ``_NEAR_BEFORE.search(before)`` is sure to fail: ASCII text that does not end in
    whitespace after one of the words its matches end with."""
    if not before.isascii():
        return True
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return False
    return stripped.lower().endswith(_NEAR_LAST_WORDS)


_ADMIN_WORDS = _rx(
    r"\b(?:province|governorate|state|region|department|district|county|oblast|prefecture)\b", re.IGNORECASE
)
# a country named as an origin, inside a name, as a modifier or for a power's forces is weak evidence
_COUNTRY_USE_WEIGHT: Final = {"origin": 1.0, "name": 0.3, "modifier": 0.5, "force": 0.5}
# "Name (Unit, Unit)" or "Name, Unit" anywhere in a report (the coder's place finder missed it)
_BRACKETED = _rx(r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})(?=(?: [a-z]+){0,2} ?\(|,)")
_NOT_HEAD_WORDS = frozenset({"On", "In", "At", "Around", "As", "The", "A", "An", "According"})
_UNIT_WORDS = _rx(
    r"\s+(?:LGA|District|Municipality|Division|Zone|County|Department|Province|Region|Sub-?division|Tehsil)$",
    re.IGNORECASE,
)
# a place named in a report of a group or mission that works in a few first-level units lies this close
# to one of their seats (the Donbas line is ~100 km from Donetsk and Luhansk)
_CUE_KM = 200.0
# powers whose forces often fight abroad: their state forces say nothing about where an event is
_ABROAD_POWERS: Final = frozenset(
    {"TR", "RU", "US", "IR", "IL", "FR", "GB", "SA", "AE", "ET", "KE", "UG", "RW", "TD"}
)


# first-level units that reports name for one another (Yarmouk camp "in Rural Damascus" is in Damascus)
_TWIN_UNITS = {"SY01": "SY03", "SY03": "SY01"}


def _big_city_named(m: TextMention) -> bool:
    """A mention that names a big city and no unit word ("in Maputo", not "Maputo province")."""
    return m.relation == "in" and any(p.kind == "city" and p.population >= _BIG_CITY for p in m.places)


def _same_area(a1: str | None, units: set[str]) -> bool:
    return a1 is not None and (a1 in units or _TWIN_UNITS.get(a1) in units)


def _ascii(name: str) -> str:
    if name.isascii():  # (unidecode returns an ASCII text as it is)
        return name.replace("`", "'")
    return unidecode_function()(name).replace("`", "'")


def _named_entry(name: str) -> ActorEntry | None:
    """The actor dictionary's entry for a named (not generic) actor; None without the dictionary."""
    try:
        from ..coding.actor_dictionary import ActorDictionary

        entry = ActorDictionary.default().lookup(name)
    except (ImportError, ConfigError):  # the dictionary is another stage's: no prior without it
        return None
    return entry if entry is not None and not entry.generic else None


def _own_name(p: Place, name: str) -> bool:
    """Whether ``name`` is the place's own name (folded, spaces and hyphens aside), not an alternate."""
    a, b = fold(p.name), fold(name)
    return a == b or a.replace("-", "").replace(" ", "") == b.replace("-", "").replace(" ", "")


def _same_paragraph(text: str, a: int, b: int) -> bool:
    lo, hi = _paragraph(text, a)
    return lo <= b < hi


def _paragraph(text: str, at: int) -> tuple[int, int]:
    """The span of the paragraph (text between blank lines) that holds offset ``at``."""
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


# events whose place is where a crowd gathered (protests, riots)
_CROWD_TYPES: Final = frozenset({"Protests", "Riots"})


def _named_so(p: Place, key: str, own_ids: frozenset[int] | None) -> bool:
    """``fold(p.name) == key``, read from the index's marks when given."""
    return p.id in own_ids if own_ids is not None else fold(p.name) == key


# _Geocoder._country_scores's per-mention shares: (key, usage, partial, placey) -> (places, shares)
_SHARES_MEMO: Final[dict[tuple[str, str, bool, bool], tuple[list[Place], list[tuple[str, float]]]]] = {}


def _mention_shares(m: TextMention, own_ids: frozenset[int] | None) -> list[tuple[str, float]]:
    """What one mention adds to each country's score, in the order ``_country_scores`` adds them.
    ``own_ids``: the places whose name folds to the key, as the index marked them (``own_name_ids``), or
    None (then each name is folded)."""
    weights: dict[str, float] = {}
    cues = [p for p in m.places if p.kind == "cue"]
    # among towns only, one found by its own name is likelier than those with it as another name
    own = any(p.kind in POPULATED and _named_so(p, m.key, own_ids) for p in m.places)
    for p in cues or m.places:  # a group's name ("JWS") is that group, not a town abroad
        if p.kind == "country":
            w = _COUNTRY_USE_WEIGHT.get(m.usage, 3.0)
            if m.usage == "force" and p.cc not in _ABROAD_POWERS:
                w = 3.0  # "Syrian troops": a state's forces usually fight at home
        elif p.kind == "cue":
            w = 1.2
        elif p.kind == "admin1":
            w = 0.8 if m.key in GENERIC_UNIT_NAMES else 2.0
        elif (
            p.kind in UNIT_KINDS or p.kind in {"region", "feature", "acled"} or p.population >= 100000
        ):
            w = 1.5
        elif p.population >= 10000:
            w = 0.7
        else:
            w = 0.3
        if m.partial and p.kind != "country":  # "Adan" of "Adan Yabaal": maybe another name
            w = min(w, 0.7)
        weights[p.cc] = max(weights.get(p.cc, 0.0), w)
    if not weights:
        return []
    top = max(weights.values())
    if top >= 1.2:  # a country, group or admin1 name: its namesake villages elsewhere don't count
        weights = {cc: w for cc, w in weights.items() if w >= 1.2}
    if len(weights) == 1 and len(m.key) >= 5 and not m.partial and (m.placey or top >= 0.7):
        # a name found in one country only, written as a place ("in Gayeri"), not "Congress"
        only = next(iter(weights))
        weights[only] = max(weights[only], 0.9)
    if top < 1.2 and len(weights) > 1:  # only towns: the biggest namesake is the likeliest
        biggest: dict[str, int] = {}
        for p in m.places:
            if not own or _named_so(p, m.key, own_ids):  # by their own name first
                biggest[p.cc] = max(biggest.get(p.cc, 0), p.population)
        lead = max(weights, key=lambda c: biggest.get(c, 0))
        weights = {c: (w if c == lead else w * 0.5) for c, w in weights.items()}
    share = 1.0 / len(weights) ** 0.5
    return [(cc, w * share) for cc, w in weights.items()]


class Geocoder:
    """Resolves events' place mentions against the offline gazetteer."""

    version: ClassVar[str] = VERSION

    def __init__(self, gazetteer: Gazetteer, *, admin_names: str = "acled") -> None:
        if admin_names not in ADMIN_NAME_STYLES:
            raise ConfigError(
                f"admin_names must be one of {', '.join(ADMIN_NAME_STYLES)}, not {admin_names!r}"
            )
        self.gaz = gazetteer
        self.admin_names = admin_names
        # per-report memos hold a few hundred reports; per-name and per-place ones far more
        self._scan_memo: BoundedMemo[tuple[str, str], list[TextMention]] = BoundedMemo(256)
        self._scores_memo: BoundedMemo[tuple[str, str], dict[str, float]] = BoundedMemo(256)
        self._adm3_memo: BoundedMemo[tuple[float, float], str | None] = BoundedMemo(200000)
        self._rank_memo: BoundedMemo[tuple[str, str], list[str]] = BoundedMemo(256)
        self._fallback_memo: BoundedMemo[tuple[str, str, str | None, bool, int], Resolution | None]
        self._fallback_memo = BoundedMemo(256)
        self._adm1_keys: dict[int, str | None] = {}  # admin1_key's, by place id
        self._actor_cc_memo: BoundedMemo[str, str | None] = BoundedMemo(20000)
        self._fronts_memo: BoundedMemo[str, frozenset[str]] = BoundedMemo(20000)
        self._country_words: dict[str, set[str]] = {}
        self._units_memo: BoundedMemo[str, list[Place]] = BoundedMemo(20000)
        self._candidates_memo: dict[tuple[str, str | None, bool], list[tuple[Place, float]]] = {}
        self._names_memo: dict[str, list[tuple[Place, float]]] = {}
        self._strong_memo: dict[str, list[tuple[Place, float]]] = {}  # _best_candidates's
        self._parts_memo: dict[
            str, tuple[list[tuple[Place, float]], list[tuple[int, float]], frozenset[str]]
        ] = {}
        self._exact_memo: dict[str, tuple[list[tuple[Place, float]], frozenset[str]]] = {}  # _name_exact's
        self._reach_memo: dict[tuple[str, str, str], bool] = {}  # _units_reached's, per (key, cc, unit)
        # per report: the admin1 units its mentions name in a country, its dateline; per head name: the
        # countries it names (event_cc and _abroad_head_support ask for the same head up to three times)
        self._doc_adm1_memo: BoundedMemo[tuple[str, str, str | None], Counter[str]] = BoundedMemo(256)
        self._dateline_memo: BoundedMemo[str, tuple[int, int] | None] = BoundedMemo(256)
        self._head_cc_memo: BoundedMemo[str, dict[str, float]] = BoundedMemo(20000)
        self._cc_by_name = {fold(name): cc for cc, (_iso, name, _r) in gazetteer.countries.items()}

    def __reduce__(self) -> tuple[type[Geocoder], tuple[Gazetteer], dict[str, str]]:
        """Pickles as its gazetteer and settings; caches and locks are rebuilt."""
        return (Geocoder, (self.gaz,), {"admin_names": self.admin_names})

    def __setstate__(self, state: dict[str, str]) -> None:
        self.admin_names = state["admin_names"]

    @classmethod
    def from_settings(cls, settings: Settings) -> Geocoder:
        directory = Path(settings.gazetteer_dir) if settings.gazetteer_dir else None
        return cls(Gazetteer.open(directory), admin_names=settings.admin_names)

    # --- context ---------------------------------------------------------------------------------

    def mentions(self, doc: Document) -> list[TextMention]:
        return self._scan_memo.get((doc.id, doc.text), lambda: scan(self.gaz, doc.text))

    def _doc_scores(self, doc: Document) -> dict[str, float]:
        """Country scores of all the report's mentions, once per report (read-only: callers share it)."""
        key = (doc.id, doc.text)
        return self._scores_memo.get(key, lambda: self._country_scores(self.mentions(doc)))

    def _country_scores(self, mentions: list[TextMention]) -> dict[str, float]:
        scores: dict[str, float] = {}  # (float scores: not a Counter, whose values are typed int)
        memo = _SHARES_MEMO
        for m in mentions:
            # a mention's shares depend on its places, key, usage, partial and placey only: memoised per
            # (key, usage, partial, placey) and used only for the very same places list (the gazetteer's
            # shared list of an exact name; variants and units are new lists, computed afresh)
            mkey = (m.key, m.usage, m.partial, m.placey)
            hit = memo.get(mkey)
            if hit is not None and hit[0] is m.places:
                shares = hit[1]
            else:
                shares = _mention_shares(m, self.gaz.own_name_ids(m.key, m.places))
                if len(memo) >= 20000:
                    memo.clear()
                memo[mkey] = (m.places, shares)
            for cc, share in shares:  # (added in the same order as before: the same float sums)
                scores[cc] = scores.get(cc, 0.0) + share
        return scores

    def country_ranking(self, doc: Document) -> list[str]:
        """Countries the report may be about, most likely first (runners-up only when close)."""
        return self._rank_memo.get((doc.id, doc.text), lambda: self._country_ranking(doc))

    def _country_ranking(self, doc: Document) -> list[str]:
        scores = self._doc_scores(doc)
        by_score = sorted(scores.items(), key=lambda item: item[1], reverse=True)  # as Counter.most_common
        ranked = [(cc, score) for cc, score in by_score if cc and score >= 0.9]
        if not ranked:
            return []
        top = ranked[0][1]
        return [cc for cc, score in ranked if score >= 0.7 * top]

    def guess_cc(self, doc: Document) -> str | None:
        ranking = self.country_ranking(doc)
        return ranking[0] if ranking else None

    def guess_country(self, doc: Document) -> str | None:
        """The country the report is about (ACLED spelling), from its place names and demonyms."""
        cc = self.guess_cc(doc)
        return self.gaz.countries[cc][1] if cc and cc in self.gaz.countries else None

    # --- admin units ---------------------------------------------------------------------------

    def _syria_adm3(self, lat: float, lon: float) -> str | None:
        key = (round(lat, 5), round(lon, 5))
        return self._adm3_memo.get(key, lambda: self._syria_adm3_uncached(lat, lon))

    def _syria_adm3_uncached(self, lat: float, lon: float) -> str | None:
        known, code = self.gaz.syria_adm3(lat, lon)  # every gazetteer point, found at build time
        if known:
            return code
        from .admin import SyriaAdmin

        return SyriaAdmin.get().admin3(lat, lon)

    def admin1_key(self, p: Place) -> str | None:
        """A comparable admin1 key: OCHA P-code in Syria, "CC.code" elsewhere."""
        memo = self._adm1_keys
        hit = memo.get(p.id, "")  # ("": not known yet; a key is never empty)
        if hit == "":
            hit = self._admin1_key(p)
            if len(memo) > 200000:
                memo.clear()
            memo[p.id] = hit
        return hit

    def _admin1_key(self, p: Place) -> str | None:
        if p.cc == "SY":
            if p.within:
                return p.within[:4]
            if p.has_point:
                adm3 = self._syria_adm3(p.lat, p.lon)  # type: ignore[arg-type]
                return adm3[:4] if adm3 else None
            return None
        if p.kind == "country":
            return None
        if p.admin1:
            return f"{p.cc}.{p.admin1}"
        return None

    def _unit_name(self, code: str) -> str | None:
        unit = self.gaz.unit(code)
        if unit is None:
            return None
        n_ocha, n_acled, n_gn = unit[2], unit[3], unit[4]  # (a starred unpacking is a generic call)
        if self.admin_names == "ocha":
            return n_ocha or n_gn or n_acled
        if self.admin_names == "geonames":
            return n_gn or n_ocha or n_acled
        return n_acled or n_gn or n_ocha

    def admin_units(self, p: Place, lat: float | None, lon: float | None) -> tuple[str | None, ...]:
        if p.kind == "acled" and p.adm_names:
            parts = [x or None for x in p.adm_names.split("|")]
            if p.cc != "SY" or self.admin_names == "acled":
                return tuple(parts[:3]) if len(parts) >= 3 else (parts[0], None, None)
        if p.cc == "SY":
            adm3 = None
            if p.within and (p.kind in UNIT_KINDS or not p.has_point):
                # a unit, or a place known only by the unit containing it, is coded by that unit's
                # P-code, not by where the unit's seat lies
                lat = lon = None
            if lat is not None and lon is not None:
                adm3 = self._syria_adm3(lat, lon)
            if adm3 is None and p.within:
                code = p.within
                level = len(code) // 2 - 1  # SY06 → 1, SY0603 → 2, SY060303 → 3
                names: list[str | None] = [None, None, None]
                for lv in range(level, 0, -1):
                    names[lv - 1] = self._unit_name(code[: 2 + 2 * lv])
                return tuple(names)
            if adm3 is None:
                return (None, None, None)
            return (self._unit_name(adm3[:4]), self._unit_name(adm3[:6]), self._unit_name(adm3))
        if p.admin1:
            return (self._unit_name(f"{p.cc}.{p.admin1}"), None, None)
        if p.within:
            return (self._unit_name(p.within), None, None)
        return (None, None, None)

    # --- candidate search -----------------------------------------------------------------------

    def candidates(
        self, name: str, cc: str | None = None, *, close: bool = False
    ) -> list[tuple[Place, float]]:
        """Places a name may denote, with a match quality 0–1 (exact 1.0, variants and fuzzy less).

        ``close``: the caller keeps a name found only by the country-wide fuzzy search when its quality
        is at least 0.88 (ratio ≥ 95), so that search may skip the names that cannot score so high (a
        much narrower search); the list then lacks some fuzzy matches the caller would drop.

        Memoised per (name, country, close): the gazetteer does not change under a geocoder, and the
        fuzzy search over a whole country's names for an unknown name costs milliseconds."""
        memo = self._candidates_memo
        hit = memo.get((name, cc, False))
        if hit is None and close:
            hit = memo.get((name, cc, True))
        if hit is None:
            hit = self._candidates(name, cc, _CLOSE_CUTOFF if close else _FUZZY_CUTOFF)
            if len(memo) > 20000:
                memo.clear()
            memo[(name, cc, close)] = hit
        return list(hit)  # callers may sort their copy

    def _candidates(self, name: str, cc: str | None, cutoff: float) -> list[tuple[Place, float]]:
        name = _POSSESSIVE.sub("", name)
        key = fold(name)
        if len(key) < 2 or key in STOPWORDS:
            return []
        out = self._name_candidates(name, key)
        if any(q == 1.0 for _, q in out):
            return out
        if out or not cc or len(key) < 5:
            return out
        if cutoff == _CLOSE_CUTOFF and len(key) < 10 and all(p.cc != cc for p in self.gaz.by_key(key)):
            # the caller keeps ratio 95 and more only: a key under 10 letters reaches it with no other
            # name than itself (one letter more: 200 · 9 / 19 < 95), and the country has no such name
            return out
        for pid, score in self.gaz.fuzzy_names(cc, key, cutoff, 5):
            out.append((self.gaz.place(pid), 0.5 + 0.4 * score / 100))
        return out

    def _name_candidates(self, name: str, key: str) -> list[tuple[Place, float]]:
        """The exact places and close spellings of a name, whatever the country (a fresh list): the
        part of ``_candidates`` that a name looked up for several countries shares, memoised per name."""
        memo = self._names_memo
        hit = memo.get(name)
        if hit is None:
            exact, variants, _ccs = self._name_parts(name, key)
            hit = list(exact)
            if variants:
                places = self.gaz.places_by_id([pid for pid, _q in variants])
                hit.extend((places[pid], q) for pid, q in variants if pid in places)
            if len(memo) > 20000:
                memo.clear()
            memo[name] = hit
        return list(hit)

    def _name_parts(
        self, name: str, key: str
    ) -> tuple[list[tuple[Place, float]], list[tuple[int, float]], frozenset[str]]:
        """A name's exact places (quality 1.0), the ids and qualities of its close spellings (a nearby
        variant may beat a far exact namesake: Mayselun/Maysalun), and the countries those spellings may
        lie in (their skeleton's, a superset): what ``_name_candidates`` lists, with the variants' places
        not loaded yet (callers that keep only some countries' places skip them). Memoised per name."""
        memo = self._parts_memo
        hit = memo.get(name)
        if hit is None:
            exact, skel_ccs = self._name_exact(name, key)
            variants: list[tuple[int, float]] = []
            ccs: frozenset[str] = frozenset()
            skel = skeleton(name)
            if skel_ccs:  # (the skeleton has names, and the spellings are searched: _name_exact)
                cutoff = 70 if not exact else 80
                seen = {p.id for p, _ in exact}
                if skel in self.gaz.skeletons_of(("cue",)):  # kinds decide: load the places
                    for _k, p, score in self.gaz.close_by_skeleton(skel, key, cutoff):
                        if p.id in seen or p.kind == "cue":
                            continue
                        seen.add(p.id)
                        variants.append((p.id, 0.6 + 0.35 * score / 100))
                else:  # (no cue has this skeleton: every close spelling is kept)
                    for pid, score in self.gaz.close_ids_by_skeleton(skel, key, cutoff):
                        if pid in seen:
                            continue
                        seen.add(pid)
                        variants.append((pid, 0.6 + 0.35 * score / 100))
                if variants:
                    ccs = self.gaz.skeleton_ccs(skel)
            hit = (exact, variants, ccs)
            if len(memo) > 20000:
                memo.clear()
            memo[name] = hit
        return hit

    def _name_exact(self, name: str, key: str) -> tuple[list[tuple[Place, float]], frozenset[str]]:
        """A name's exact places (quality 1.0, read-only: callers share it) and the countries its close
        spellings may lie in (its consonant skeleton's: a superset; empty when ``_name_parts`` searches
        no spellings), without scoring the spellings: a caller that keeps, beside the exact places, only
        spellings of a country outside that set needs no more. Memoised per name."""
        memo = self._exact_memo
        hit = memo.get(name)
        if hit is None:
            exact = [(p, 1.0) for p in self.gaz.by_key(key) if p.kind != "cue"]
            skel_ccs: frozenset[str] = frozenset()
            skel = skeleton(name)
            if len(skel.replace(" ", "")) >= 3 and (not exact or len(key) >= 5):
                skel_ccs = self.gaz.skeleton_ccs(skel)
            hit = (exact, skel_ccs)
            if len(memo) > 20000:
                memo.clear()
            memo[name] = hit
        return hit

    def _strong_candidates(self, name: str, ccs: Iterable[str] | None = None) -> list[tuple[Place, float]]:
        """The places of ``candidates(name)`` (any country) of quality 0.88 or more, for callers that keep
        no others; with ``ccs`` the close spellings only when some may lie in those countries (a fresh
        list; the other close spellings' places are not loaded)."""
        stripped = _POSSESSIVE.sub("", name)
        key = fold(stripped)
        if len(key) < 2 or key in STOPWORDS:
            return []
        if ccs is not None:
            exact, skel_ccs = self._name_exact(stripped, key)
            if skel_ccs.isdisjoint(ccs):  # no spelling lies in those countries: none is scored
                return list(exact)
        exact, variants, var_ccs = self._name_parts(stripped, key)
        out = list(exact)
        strong = [(pid, q) for pid, q in variants if q >= 0.88]
        if strong and (ccs is None or not var_ccs.isdisjoint(ccs)):
            places = self.gaz.places_by_id([pid for pid, _q in strong])
            out.extend((places[pid], q) for pid, q in strong if pid in places)
        return out

    def _best_candidates(
        self, name: str, cc: str | None, *, close: bool, strict: bool, units: set[str] | None = None
    ) -> list[tuple[Place, float]]:
        """What ``_best`` can use of ``candidates(name, cc, close=close)``: the same places in the same
        order, but without the close spellings' places (not loaded) where none can change its answer
        (read-only: callers share it). ``_best`` keeps, of another country, only exact places; with
        ``close`` no spelling under quality 0.88; a weaker one in ``cc`` only empties its abroad list
        (a well-known exact namesake abroad is then not taken), which matters only when nothing else of
        ``cc`` is listed, the search is not ``strict`` and such a namesake exists.

        ``units``: the admin hints (``_best``'s ``hint_adm1``; not ``close``), inside which alone
        ``_best`` keeps a place found by the country-wide fuzzy search. When no name of those units can
        reach its cutoff, none of its places would be kept and the search is skipped (an empty list:
        with only such places ``_best`` scores nothing either)."""
        memo = self._candidates_memo
        hit = memo.get((name, cc, False))
        if hit is None and close:
            hit = memo.get((name, cc, True))
        if hit is not None:
            return hit
        stripped = _POSSESSIVE.sub("", name)
        key = fold(stripped)
        if len(key) < 2 or key in STOPWORDS:
            return []
        exact, skel_ccs = self._name_exact(stripped, key)
        if not cc:  # only exact places count
            return exact
        if exact and cc not in skel_ccs:  # no spelling lies in cc (the same answer as below, unscored)
            return exact
        exact, variants, var_ccs = self._name_parts(stripped, key)
        if not variants:  # (without an exact place either: the fuzzy search)
            if exact:
                return exact
            if units and not close and not self._units_reached(key, cc, units):
                return []
            return self.candidates(name, cc, close=close)
        if cc not in var_ccs:  # every spelling lies abroad (they stop the fuzzy search, as there)
            return exact
        if not close:
            return self.candidates(name, cc, close=close)
        strong_memo = self._strong_memo
        out = strong_memo.get(stripped)
        if out is None:
            out = self._strong_candidates(name)
            if len(strong_memo) > 20000:
                strong_memo.clear()
            strong_memo[stripped] = out
        if len(out) - len(exact) == len(variants) or strict or any(p.cc == cc for p, _q in out):
            return out  # (the spellings of other countries are dropped there too)
        if not any(p.population >= 50000 or p.kind == "admin1" for p, _q in exact):
            return out
        return self.candidates(name, cc, close=close)

    def _units_reached(self, key: str, cc: str, units: Iterable[str]) -> bool:
        """Whether some name of a place of ``cc`` in one of the first-level ``units`` (admin1 keys) scores
        the fuzzy cutoff with ``key`` (``Gazetteer.unit_names_reach``), memoised per (key, country, unit):
        when not, the country-wide fuzzy search finds no place inside them."""
        memo = self._reach_memo
        for a1 in units:
            hit = memo.get((key, cc, a1))
            if hit is None:
                hit = self.gaz.unit_names_reach(cc, (a1,), key, _FUZZY_CUTOFF)
                if len(memo) > 20000:
                    memo.clear()
                memo[(key, cc, a1)] = hit
            if hit:
                return True
        return False

    def lookup(self, name: str, cc: str | None = None) -> list[tuple[Resolution, float]]:
        """Every place a name may denote, resolved as if named plainly, best first, with match quality."""
        cands = self.candidates(name, cc)
        cands.sort(key=lambda pq: -self._score(pq[0], pq[1], cc, set(), [], Counter()))
        return [(self._resolve_place(p, "in"), q) for p, q in cands]

    def _score(
        self,
        p: Place,
        quality: float,
        cc: str | None,
        hint_adm1: set[str],
        hint_points: list[tuple[float, float]],
        doc_adm1: Counter[str],
    ) -> float:
        s = 2.0 * quality
        if cc:
            s += 3.0 if p.cc == cc else -2.0
        a1 = self.admin1_key(p) if (hint_adm1 or doc_adm1) else None
        if hint_adm1:
            if a1 and a1 in hint_adm1:
                s += 2.5
            elif a1:
                s -= 1.0
        if hint_points and p.has_point:
            d = min(haversine_km(p.lat, p.lon, la, lo) for la, lo in hint_points)  # type: ignore[arg-type]
            if d < 60:
                s += 1.0
        if a1 and doc_adm1:
            s += 0.6 * min(doc_adm1.get(a1, 0), 3) / 3  # (get: Counter's __missing__ is interpreted)
        kind = p.kind
        if kind == "acled":
            s += 1.3
        elif kind in {"village", "town"}:
            s += 1.0 if p.has_point else 0.7
        elif kind == "city":  # a populated place beats an admin unit of the same name
            s += min(1.3, max(0.6, math.log10(p.population + 10) / 5))
        elif kind == "neighbourhood":
            s += 0.2
        elif kind in UNIT_KINDS:
            s += 0.4
        elif kind in {"region", "feature"}:
            s += 0.8
        elif kind == "road":
            s -= 0.5
        elif kind == "country":
            s -= 4.0
        return s

    def _best(
        self,
        names: Iterable[str],
        cc: str | None,
        hint_adm1: set[str],
        hint_points: list[tuple[float, float]],
        doc_adm1: Counter[str],
        *,
        strict: bool = False,
    ) -> tuple[Place, float] | None:
        best: tuple[Place, float] | None = None
        for name in names:
            # without admin hints a fuzzy match counts only from quality 0.88 (below)
            cands = self._best_candidates(name, cc, close=not hint_adm1, strict=strict, units=hint_adm1)
            if not cc:  # no country known: only a well-known exact name
                cands = [
                    pq
                    for pq in cands
                    if pq[1] == 1.0 and (pq[0].population >= 20000 or pq[0].kind in UNIT_KINDS | {"region"})
                ]
            else:
                local = [pq for pq in cands if pq[0].cc == cc]
                if local or strict:
                    cands = local
                else:  # abroad only a well-known exact name (a report about Syria may name Gaziantep)
                    # … under its own name: one of a town's many other names ("Boni" for Bonn) is no
                    # reason to leave the report's country unless the place is a city of a million
                    cands = [
                        pq
                        for pq in cands
                        if pq[1] == 1.0
                        and (
                            pq[0].kind == "admin1"
                            or pq[0].population >= 1_000_000
                            or (pq[0].population >= 50000 and _own_name(pq[0], name))
                        )
                    ]
            for p, q in cands:
                if q < 1.0:  # a spelling variant must fit the admin hints, or be a close one
                    if hint_adm1:
                        if self.admin1_key(p) not in hint_adm1:
                            continue
                    elif q < 0.88:
                        continue
                s = self._score(p, q, cc, hint_adm1, hint_points, doc_adm1)
                if best is None or s > best[1]:
                    best = (p, s)
        return best

    # --- resolution ---------------------------------------------------------------------------------

    def _resolve_place(self, p: Place, relation: str, *, region: bool = False) -> Resolution:
        precision: int | None
        if p.kind == "country" or p.kind == "road":
            return Resolution(p, None, None, None, _ascii(p.name), p.cc)
        if p.has_point and (p.kind in POPULATED or p.kind in {"city", "site"}) and not region:
            lat, lon = p.lat, p.lon
            precision = 1 if relation == "in" else 2
        elif p.has_point:
            lat, lon = p.lat, p.lon
            precision = 3
        else:
            unit = self.gaz.unit(p.within or "")
            if unit is None:
                return Resolution(p, None, None, None, _ascii(p.name), p.cc)
            lat, lon = unit[6], unit[7]
            precision = 3
        if p.kind in UNIT_KINDS:
            name = self._unit_name(p.within or p.gid) or p.name
        else:
            name = _ascii(p.name)
        a1, a2, a3 = self.admin_units(p, lat, lon)
        return Resolution(p, lat, lon, precision, name, p.cc, a1, a2, a3)

    def resolve(
        self, place: PlaceMention | None, doc: Document, cc: str | None, *, fixed_cc: bool = False
    ) -> Resolution | None:
        """Resolve one place mention; ``fixed_cc`` means ``cc`` was decided from the event (its actors or
        its admin hints) and the mention's own country hint (the report-level guess) does not override it."""
        mentions = self.mentions(doc)
        doc_adm1 = self._doc_adm1(doc, cc)
        # "the village of X": not a city quarter
        elsewhere = place is not None and _names_settlement(place.phrase)
        if place is not None:
            own_span = (place.start, place.end)
            if not fixed_cc:
                cc = self._country_of_hint(place.country_hint) or cc
            hint_adm1: set[str] = set()
            hint_points: list[tuple[float, float]] = []
            hint_best: tuple[Place, float] | None = None
            hint_units: list[Place] = []
            for hint in place.hints:
                hb = self._best([hint], cc, set(), [], doc_adm1, strict=True)
                if hb is None or hb[0].kind == "cue":
                    continue  # (a group's name that points to a country is no place: "North Waziristan")
                if hb[0].kind in UNIT_KINDS:
                    hint_units.append(hb[0])
                a1 = self.admin1_key(hb[0])
                if a1:
                    hint_adm1.add(a1)
                if hb[0].has_point and hb[0].kind != "country":
                    hint_points.append((hb[0].lat, hb[0].lon))  # type: ignore[arg-type]
                if hb[0].kind != "country" and (hint_best is None or hb[1] > hint_best[1]):
                    hint_best = hb
            unit_adm1 = self._hint_admin1(place.hints, cc) if cc else set()
            if unit_adm1 and hint_adm1 & unit_adm1:
                unit_adm1 = set()  # the hints' towns lie in the unit they name: nothing to correct
            if unit_adm1:
                # "Benito Juarez, Nuevo Leon": the hint is the state, not a town called Nuevo Leon elsewhere
                hint_adm1, hint_points = unit_adm1, []
                units = [u for h in place.hints for u in self._admin1_units(h) if u.cc == cc]
                hint_best = (units[0], 0.0) if units else hint_best
            # units the hints name ("… Airport in Rural Damascus"): the event is inside them
            explicit_adm1 = {a for a in (self.admin1_key(u) for u in hint_units) if a}
            cue_only = False
            if not hint_adm1:  # governorates the text names anywhere narrow the head down
                # … but not the dateline's city: "KHARTOUM, Oct 2 - drones struck Atbara" is no hint, nor
                # another paragraph's ("In June last year the RSF seized West Darfur's capital")
                dateline = self._dateline(doc)
                lo, hi = _paragraph(doc.text, place.start)
                context = [
                    m
                    for m in mentions
                    if lo <= m.start < hi and not (dateline and dateline[0] <= m.start < dateline[1])
                ]
                hint_adm1 = self._named_adm1(context, cc)
                own_city = any(place.start <= m.start < place.end and _big_city_named(m) for m in context)
                if hint_adm1 and own_city:
                    # "in Maputo" names Maputo Province too, but means the city, unless other places of
                    # the text name units ("in Maputo province" means the province: no big city named)
                    others = [m for m in context if not place.start <= m.start < place.end]
                    if not self._named_adm1(others, cc):
                        hint_adm1 = set()
                # … or only the units a named group operates in: too weak to overrule the head
                cue_only = bool(hint_adm1) and not self._named_adm1(context, cc, cues=False)
            unit_codes = self._hint_unit_codes(place.hints, cc)
            best = self._best([place.head], cc, hint_adm1, hint_points, doc_adm1) if place.head else None
            checked = best is not None and best[0].kind not in {"country", "region", "road"}
            if best is not None and checked and hint_adm1 and not cue_only:
                a1 = self.admin1_key(best[0])
                if a1 and not _same_area(a1, hint_adm1):
                    best = None  # the head's only namesakes lie outside the governorates named
            if best is not None and checked and cue_only and self._far_from_units(best[0], hint_adm1):
                best = None  # "near Lozove" in an OSCE report on the Donbas: not the Lozove of Crimea
            if best is not None and unit_codes and self._inside(best[0], unit_codes) is False:
                best = None  # "the Al-Thawra front in Tell Abiad": not the Al-Thawrah of another district
            if best is not None and best[0].kind != "country" and best[1] > 2.0:
                governorate = self._is_governorate(best[0], place.head)
                if governorate:
                    # the coder named only the governorate: a village named in the text is better
                    found = self._fallback(
                        mentions, cc, doc_adm1, doc, skip_dateline=elsewhere, near=own_span
                    )
                    if found is not None and (found.precision or 3) < 3:
                        return found
                relation = place.relation or "in"
                if relation == "in":
                    relation = self._near_context(doc, place) or relation
                # "the Hama countryside", "northern countryside of Ar-Raqqa province": a region only (3)
                region = relation == "region" or (governorate and relation == "countryside")
                res = self._resolve_place(best[0], relation, region=region)
                res.span = self._span(doc, place, place.head)
                return res
            # the head is unknown: another place the text names may be it, but not the dateline's city
            # when the phrase names a village, a town or a region of its own
            found = self._fallback(mentions, cc, doc_adm1, doc, skip_dateline=elsewhere, near=own_span)
            if found is not None and unit_adm1 and self.admin1_key(found.place) not in unit_adm1:
                found = None  # a namesake outside the unit named beside the head: the unit is better
            outside = found is not None and not _same_area(self.admin1_key(found.place), explicit_adm1)
            if explicit_adm1 and outside:
                found = None  # "Al-Seen Airport in Rural Damascus" is no village Al-Seen of Hama
            if found is not None and unit_codes and self._inside(found.place, unit_codes) is False:
                found = None
            if found is not None and found.span is not None and (found.precision or 3) < 3:
                named = fold(doc.text[found.span[0] : found.span[1]])
                inside = place.start <= found.span[0] and found.span[1] <= place.end
                if inside and place.relation in {"near", "axis", "outskirts"}:
                    # "on the Kabul-Jalalabad highway": by the town named in it, not in it
                    found.precision = max(found.precision or 1, 2)
                elif any(fold(_UNIT_WORDS.sub("", h)) == named for h in place.hints):
                    # "Satpada (Puri, Odisha)": the unknown village lies by or in Puri, not at its centre
                    found.precision = max(found.precision or 1, 2)
            if (
                found is not None
                and hint_best is not None
                and found.span is not None
                and not _same_paragraph(doc.text, place.start, found.span[0])
            ):
                found = None  # "its base in Mansila, in the Sahel region": the region named beside the
                # unknown town, not a town another paragraph names ("… in Djibo in December")
            if found is not None and (found.precision or 3) < 3:
                return found  # a more specific place named in the text
            if hint_best is not None:
                if hint_best[0].kind in POPULATED and _QUARTER.search(place.phrase):
                    # "the Dweila neighbourhood of Damascus", "the Karrada district of Baghdad": a quarter
                    # no list has lies in the city named, coded to the city (ACLED's practice)
                    res = self._resolve_place(hint_best[0], "in")
                else:
                    res = self._resolve_place(hint_best[0], "region", region=True)
                res.span = self._span(doc, place, place.hints[0] if place.hints else place.head)
                return res
            if found is not None:
                return found
        skip = elsewhere
        near = (place.start, place.end) if place is not None else None
        found = self._fallback(mentions, cc, doc_adm1, doc, skip_dateline=skip, near=near)
        if found is None and cc is not None:  # nothing in the guessed country: try the runners-up
            for other in self.country_ranking(doc)[1:3]:
                if other != cc:
                    found = self._fallback(mentions, other, doc_adm1, doc, skip_dateline=skip, near=near)
                    if found is not None and self._alias_only(found, mentions, doc):
                        found = None  # "Boni" (a name of Bonn) in a report on Mali: nothing else says Germany
                    if found is not None:
                        break
        return found

    def _alias_only(self, found: Resolution, mentions: list[TextMention], doc: Document) -> bool:
        """Whether a runner-up country's place was named by one of its other names (not its own) and no
        other mention in the text points to that country."""
        if found.span is None or _own_name(found.place, doc.text[found.span[0] : found.span[1]]):
            return False
        rest = [m for m in mentions if m.start != found.span[0]]
        return not self._country_scores(rest).get(found.place.cc, 0.0) > 0

    def _doc_adm1(self, doc: Document, cc: str | None) -> Counter[str]:
        """How often the report's mentions name a place of each admin1 unit of ``cc`` (not countries or
        cities), once per report and country (read-only: callers share it)."""
        return self._doc_adm1_memo.get((doc.id, doc.text, cc), lambda: self._doc_adm1_uncached(doc, cc))

    def _doc_adm1_uncached(self, doc: Document, cc: str | None) -> Counter[str]:
        doc_adm1: Counter[str] = Counter()
        if not cc:
            return doc_adm1
        for m in self.mentions(doc):
            for p in m.places:
                if p.cc == cc and p.kind not in {"country", "city"}:
                    a1 = self.admin1_key(p)
                    if a1:
                        doc_adm1[a1] = doc_adm1.get(a1, 0) + 1  # (+= calls Counter's interpreted __missing__)
        return doc_adm1

    def _dateline(self, doc: Document) -> tuple[int, int] | None:
        """The report's wire dateline span (``_dateline_span``), once per report."""
        text = doc.text or ""
        return self._dateline_memo.get(text, lambda: _dateline_span(text))

    def _fallback(
        self,
        mentions: list[TextMention],
        cc: str | None,
        doc_adm1: Counter[str],
        doc: Document | None = None,
        *,
        skip_dateline: bool = False,
        near: tuple[int, int] | None = None,
    ) -> Resolution | None:
        if doc is None:
            return self._fallback_uncached(mentions, cc, doc_adm1)
        if skip_dateline:
            span = self._dateline(doc)
            if span is not None and any(span[0] <= m.start < span[1] for m in mentions):
                mentions = [m for m in mentions if not span[0] <= m.start < span[1]]
            else:
                skip_dateline = False  # nothing to skip: the same answer as without
        if near is not None:
            # a town named in the event's own sentence before any elsewhere in the report ("In El
            # Fasher, RSF shelling killed 15 in the Abu Shouk camp"; another event's town is not it)
            text = doc.text or ""
            a = sentence_start(text, near[0])
            ends = [i for i in (text.find(". ", near[1]), text.find("\n", near[1])) if i >= 0]
            b = min(ends) if ends else len(text)
            own = [m for m in mentions if a <= m.start < b]
            if own and len(own) < len(mentions):
                key = (doc.id, doc.text, cc, skip_dateline, a)
                hit = self._fallback_memo.get(key, lambda: self._fallback_uncached(own, cc, doc_adm1))
                if hit is not None and (hit.precision or 3) < 3:
                    return hit.copy()
        key = (doc.id, doc.text, cc, skip_dateline, -1)
        hit = self._fallback_memo.get(key, lambda: self._fallback_uncached(mentions, cc, doc_adm1))
        return None if hit is None else hit.copy()

    def _fallback_uncached(
        self, mentions: list[TextMention], cc: str | None, doc_adm1: Counter[str]
    ) -> Resolution | None:
        """No usable place mention: the most specific place named in the text (earliest on ties)."""
        best: tuple[tuple[float, bool, bool, int], TextMention, Place, bool] | None = None
        region_adm1 = self._region_adm1(mentions, cc)
        context_adm1 = region_adm1 or self._named_adm1(mentions, cc)
        from_cues = bool(context_adm1) and not region_adm1 and not self._named_adm1(mentions, cc, cues=False)
        for m in mentions:
            cands = [
                p for p in m.places if p.kind not in {"country", "road", "cue"} and (not cc or p.cc == cc)
            ]
            if cc is None:  # no country known: trust only well-known places
                cands = [p for p in cands if p.population >= 20000 or p.kind in UNIT_KINDS]
            if not cands:
                continue
            exact = [c for c in cands if c.id not in m.inexact]
            if m.inexact and exact:  # spelling variants beside exact namesakes: only where none fits
                fits = [c for c in exact if not context_adm1 or self.admin1_key(c) in context_adm1]
                near = [c for c in cands if c.id in m.inexact and self.admin1_key(c) in context_adm1]
                cands = exact if fits or not near else near
            ctx = context_adm1
            if (
                ctx
                and not region_adm1
                and _big_city_named(m)
                and any(c.kind == "admin1" for c in cands)
                and not self._named_adm1([x for x in mentions if x is not m], cc)
            ):
                # "in Maputo" names Maputo Province too: no context for the big city of that name, unless
                # the text's other places name units
                ctx = set()
            p = max(cands, key=lambda c: self._score(c, 1.0, cc, ctx, [], doc_adm1))
            levels = {int(c.kind[-1]) for c in m.places if c.kind in UNIT_KINDS and c.cc == p.cc}
            region = False
            if p.kind in UNIT_KINDS:
                spec = float(p.kind[-1])
                region = True
            elif p.kind in {"region", "feature"}:
                spec = 2.5
                region = True
            elif levels & {1, 2} and m.relation == "region":
                spec, region = 1.5, True
            elif 1 in levels:
                spec = 3.2
            else:
                spec = 4.0
            if ctx and (not region or p.kind in {"region", "feature"}):
                a1 = self.admin1_key(p)
                if a1 and not _same_area(a1, ctx):  # "X … in Hama countryside" but X is elsewhere
                    if from_cues:
                        continue  # a namesake far from where the named group operates: not it
                    spec -= 3.0
            key = (spec, p.id not in m.inexact, m.cue, -m.start)
            if best is None or key > best[0]:
                best = (key, m, p, region)
        if best is None:
            return None
        _, m, p, region = best
        res = self._resolve_place(p, m.relation, region=region)
        res.span = (m.start, m.end)
        return res

    def _hint_unit_codes(self, hints: Iterable[str], cc: str | None) -> set[str]:
        """P-codes of the Syrian units the hints name, at the coarsest level each hint names ("Tell Abiad"
        → the district, "Idlib" → the governorate)."""
        if cc != "SY":
            return set()
        out: set[str] = set()
        for hint in hints:
            key = fold(_ADMIN_WORDS.sub("", hint).strip() or hint)
            units = [p for p in self.gaz.by_key(key) if p.kind in UNIT_KINDS and p.cc == "SY" and p.within]
            if units:
                top = min(len(p.within or "") for p in units)
                out.update(p.within for p in units if p.within and len(p.within) == top)
        return out

    def _inside(self, p: Place, codes: set[str]) -> bool | None:
        """Whether a place of Syria lies in one of the units (P-codes); None when unknown or not a place."""
        if p.cc != "SY" or p.kind in {"country", "region", "road", "feature", "cue"}:
            return None
        if p.within and (p.kind in UNIT_KINDS or not p.has_point):
            code: str | None = p.within
        elif p.has_point:
            code = self._syria_adm3(p.lat, p.lon)  # type: ignore[arg-type]
        else:
            code = None
        if code is None:
            return None
        return any(code.startswith(c) or (len(c) == 4 and _TWIN_UNITS.get(code[:4]) == c) for c in codes)

    def _is_governorate(self, p: Place, name: str) -> bool:
        """True for an admin1 unit, or a city that shares its name with one (Idlib, Hama, Aleppo)."""
        if p.kind == "admin1":
            return True
        if p.kind not in {"city", "town", "acled"}:  # a learned ACLED place named like its governorate too
            return False
        stripped = _POSSESSIVE.sub("", name)
        key = fold(stripped)
        if len(key) < 2 or key in STOPWORDS:
            return False
        exact, skel_ccs = self._name_exact(stripped, key)
        if any(c.kind == "admin1" and c.cc == p.cc for c, _q in exact):
            return True
        if exact and p.cc not in skel_ccs:
            return False  # no spelling lies in p's country, and an exact place stops the fuzzy search
        exact, variants, var_ccs = self._name_parts(stripped, key)
        if variants and (p.cc not in var_ccs or skeleton(stripped) not in self.gaz.skeletons_of(("admin1",))):
            return False  # no spelling is a unit of that country (and spellings stop the fuzzy search)
        return any(c.kind == "admin1" and c.cc == p.cc for c, _q in self.candidates(name, p.cc))

    def _far_from_units(self, p: Place, adm1: set[str]) -> bool:
        """True when ``p`` lies more than _CUE_KM from the seat of every first-level unit in ``adm1`` (the
        units a named group or mission works in: a namesake that far away is not where it reported)."""
        units = [self.gaz.unit(a) for a in adm1]
        seats = [(u[6], u[7]) for u in units if u is not None and u[6] is not None]
        if not seats or not p.has_point:
            return False
        return min(haversine_km(p.lat, p.lon, la, lo) for la, lo in seats) > _CUE_KM  # type: ignore[arg-type]

    def _named_adm1(self, mentions: list[TextMention], cc: str | None, *, cues: bool = True) -> set[str]:
        """Admin1 units the text names at all ("in Quneitra", "Idlib countryside"); failing that, the
        units a named group or mission operates in ("OSCE SMM" → Donetsk, Luhansk)."""
        out: set[str] = set()
        cue_regions: set[str] = set()
        for m in mentions:
            for p in m.places:
                if cc and p.cc != cc:
                    continue
                if p.kind == "admin1":
                    a1 = self.admin1_key(p)
                    if a1:
                        out.add(a1)
                elif cues and p.kind == "cue" and p.adm_names:
                    cue_regions.update(self._admin1_keys_named(p.cc, p.adm_names))
        return out or cue_regions

    def _admin1_keys_named(self, cc: str, names: str) -> set[str]:
        out: set[str] = set()
        for name in names.split("|"):
            for p in self.gaz.by_key(fold(name)):
                if p.kind == "admin1" and p.cc == cc:
                    a1 = self.admin1_key(p)
                    if a1:
                        out.add(a1)
        return out

    def _region_adm1(self, mentions: list[TextMention], cc: str | None) -> set[str]:
        """Admin1 units the text names as regions ("Hama countryside", "in Idlib province")."""
        out: set[str] = set()
        for m in mentions:
            for p in m.places:
                if p.kind == "admin1" and (not cc or p.cc == cc) and m.relation == "region":
                    a1 = self.admin1_key(p)
                    if a1:
                        out.add(a1)
        return out

    def _country_of_hint(self, hint: str | None) -> str | None:
        if not hint:
            return None
        if len(hint) == 2 and hint.upper() in self.gaz.countries:
            return hint.upper()
        return self._cc_by_name.get(fold(hint))

    def _near_context(self, doc: Document, place: PlaceMention) -> str | None:
        """ "near" when the words around the head say the event is by the place, not in it: "the X area",
        "the X front", "south of X", "the road between X and Y", "in the vicinity of X"."""
        span = self._span(doc, place, place.head)
        if span is None:
            return None
        start, end = span
        before = doc.text[max(0, start - 48) : start]
        after = doc.text[end : end + 24]
        if _NEAR_AFTER.match(after) or (_may_end_near(before) and _NEAR_BEFORE.search(before)):
            return "near"
        return None

    @staticmethod
    def _span(doc: Document, place: PlaceMention, name: str) -> tuple[int, int] | None:
        text = doc.text
        lo, hi = max(0, place.start), min(len(text), place.end)
        if name:
            i = text.find(name, lo, hi) if hi > lo else -1
            if i < 0:
                i = text.find(name)
            if i >= 0:
                return (i, i + len(name))
        if hi > lo:
            return (lo, hi)
        return None

    # --- the event's own country evidence ----------------------------------------------------------

    def _hint_admin1(self, hints: Iterable[str], cc: str | None) -> set[str]:
        """Admin1 keys of first-level units the hints name ("Santiago (Metropolitana)", "El Alto, La Paz")."""
        out: set[str] = set()
        for hint in hints:
            for p in self._admin1_units(hint):
                if cc is None or p.cc == cc:
                    a1 = self.admin1_key(p)
                    if a1:
                        out.add(a1)
        return out

    def _admin1_units(self, name: str) -> list[Place]:
        """First-level units a hint names: by name, by a short form written in brackets ("TN", "KPK",
        "J&K"), or by a close spelling of a unit name ("Tillabery" for Tillaberi)."""
        return self._units_memo.get(name, lambda: self._admin1_units_uncached(name))

    def _admin1_units_uncached(self, name: str) -> list[Place]:
        stripped = name.strip()
        abbrev = admin1_abbreviations().get(stripped) if stripped.isupper() else None
        if abbrev:
            return [p for cc, code in abbrev for p in self.gaz.admin1_places(cc, code)]
        key = _unit_key(name)
        if len(key) < 2 or key in STOPWORDS:
            return []
        found = [p for p in self.gaz.by_key(key) if p.kind == "admin1"]
        if found or len(key) < 6 or key in GENERIC_UNIT_NAMES:
            return found
        skel = skeleton(name)
        if skel not in self.gaz.skeletons_of(("admin1",)):
            return []  # no first-level unit has a name of this skeleton: none of its spellings is one
        variants = self.gaz.close_by_skeleton(skel, key, 85)
        return [p for _k, p, _score in variants if p.kind == "admin1"]

    def _abroad_head_support(self, place: PlaceMention) -> set[str]:
        """Countries where the head is a well-known town (100,000+) that the hints back up: another hint
        names a place there ("Banfora (Banfora, Comoe)") or the unit hint is a generic word ("Ouest")."""
        known = {c for c, w in self._head_countries(place.head).items() if w >= 2.0} if place.head else set()
        if not known:
            return set()
        generic = any(fold(h) in GENERIC_UNIT_NAMES for h in place.hints)
        backed = {
            p.cc
            for h in place.hints
            for p in self.gaz.by_key(fold(h))
            if p.cc in known and p.kind not in {"country", "cue", "admin1"}
        }
        return known if generic else backed

    def _hint_pair_cc(self, place: PlaceMention, scores: dict[str, float] | None = None) -> str | None:
        """The country where the head lies inside a first-level unit its hints name: "Formosa (Formosa)",
        "El Salto, Jalisco", "Goday, Shabelle Zone (Somali region)". Failing a head inside the unit, a unit
        name that exists in one country only."""
        if not place.hints:
            return None
        units = [p for hint in place.hints for p in self._admin1_units(hint)]
        if not units:
            return None
        by_cc: dict[str, set[str]] = {}
        for u in units:
            a1 = self.admin1_key(u)
            if a1:
                by_cc.setdefault(u.cc, set()).add(a1)
        if place.head:
            # exact names and close spellings (no country-wide fuzzy search: a unit per hint would
            # load every hinted country's names)
            heads = self._strong_candidates(place.head, by_cc.keys())
            hits = {
                p.cc
                for p, q in heads
                if p.cc in by_cc and q >= 0.88 and p.kind != "country" and self.admin1_key(p) in by_cc[p.cc]
            }
            if len(hits) == 1:
                return next(iter(hits))
        if any(fold(h) in self._cc_by_name for h in place.hints):
            return None  # "Somali region": a unit, but a country's name too
        if len(by_cc) == 1 and scores is not None:  # the unit's one country, unless the text points elsewhere
            only = next(iter(by_cc))
            top = max(scores.values(), default=0.0)
            if scores.get(only, 0.0) < 0.5 * top:
                return None  # (asked first: the head's namesakes abroad are read only when it could pass)
            abroad = self._abroad_head_support(place)
            if abroad and only not in abroad:
                return None  # "Banfora (Banfora, Comoe)": a well-known town abroad, not a namesake unit
            return only
        return None

    def actor_countries(self, event: Event, guess: str | None = None) -> dict[str, float]:
        """Country weights from the event's actors: a named group or a localised generic actor fights at
        home; a state's forces are weaker evidence, and the forces of powers that fight abroad (Turkey,
        Russia, the US, Iran …) are none. Generic actors localised to ``guess`` add nothing (the guess
        itself put them there). Named groups of different countries in one event (JNIM of Mali and ISGS
        of Niger) fight across borders: each counts 1.0."""
        out: dict[str, float] = {}
        named: set[str] = set()
        for name in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2):
            if not name:
                continue
            state = _STATE_FORCES.match(name)
            if state:
                cc = self._cc_by_name.get(fold(state.group(2)))
                if cc and cc not in _ABROAD_POWERS:
                    out[cc] = max(out.get(cc, 0.0), 1.5)
                continue
            suffix = _COUNTRY_SUFFIX.search(name)
            if suffix:  # a generic actor: the coder may have localised it by a default, not the text
                cc = self._cc_by_name.get(fold(suffix.group(1)))
                if cc and cc != guess:
                    out[cc] = max(out.get(cc, 0.0), 1.0)
                continue
            cc = self._named_actor_cc(name)
            if cc and guess and cc != guess and guess in self._named_actor_fronts(name):
                named.add(guess)  # a group that fights in the guessed country too (Al Shabaab in Mombasa)
            elif cc and cc not in _ABROAD_POWERS:
                named.add(cc)
        for cc in named:
            out[cc] = max(out.get(cc, 0.0), 2.0 if len(named) == 1 else 1.0)
        return out

    def _named_actor_cc(self, name: str) -> str | None:
        return self._actor_cc_memo.get(name, lambda: self._named_actor_cc_uncached(name))

    def _named_actor_cc_uncached(self, name: str) -> str | None:
        entry = _named_entry(name)
        return self._cc_by_name.get(fold(entry.country)) if entry is not None and entry.country else None

    def _named_actor_fronts(self, name: str) -> frozenset[str]:
        """Country codes beyond its home where a named actor fights (the dictionary's operates_in)."""
        return self._fronts_memo.get(name, lambda: self._named_actor_fronts_uncached(name))

    def _named_actor_fronts_uncached(self, name: str) -> frozenset[str]:
        entry = _named_entry(name)
        codes = (self._cc_by_name.get(fold(country)) for country in (entry.operates_in if entry else ()))
        return frozenset(c for c in codes if c)

    def with_text_hints(self, place: PlaceMention | None, doc: Document) -> PlaceMention | None:
        """The coder's mention with the units the text writes beside its head ("Naushera sector area
        (Rajouri district, J&K)", "Tuzla, Istanbul") added to its hints (a copy; the event keeps its own)."""
        if place is None or not place.head:
            return place
        extra = [h for h in text_hints(doc.text, place.head) if h not in place.hints]
        if not extra:
            return place
        return dataclasses.replace(place, hints=[*place.hints, *extra])

    def bracket_place(self, doc: Document) -> PlaceMention | None:
        """For an event the coder found no place for: the first name written with a first-level unit in
        brackets or after a comma ("Virudhunagar district (Virudhunagar, TN)"), as a place mention."""
        for m in _BRACKETED.finditer(doc.text):
            head = m.group(1)
            if head.split()[0] in _NOT_HEAD_WORDS:
                continue
            hints = text_hints(doc.text, head)
            if any(self._admin1_units(h) for h in hints):
                return PlaceMention(head, head, m.start(1), m.end(1), doc.id, hints=hints)
        return None

    def _hint_admin2(self, place: PlaceMention, admin1: str) -> str | None:
        """Outside Syria the gazetteer has no second-level units: the report's own words give one when it
        writes "Town (Unit, Admin1)" and Admin1 is the resolved first-level unit: Unit is the admin2."""
        hints = [_UNIT_WORDS.sub("", h).strip() for h in place.hints]
        target = fold(admin1)
        for i, hint in enumerate(hints):
            key = fold(hint)
            named = key and (key == target or target.startswith(key) or key.startswith(target))
            if i == 0 or not (named or any(self._unit_name(self.admin1_key(u) or "") == admin1
                                           for u in self._admin1_units(place.hints[i]))):
                continue
            before = hints[i - 1]
            if before and fold(before) not in self._cc_by_name:
                return _ascii(before)
            return None
        return None

    def _head_countries(self, head: str) -> dict[str, float]:
        """Countries where the head names a place exactly, weighted by how well-known the place is: a
        city of a million 3.0, of 100,000 2.0; a name of 5+ letters found in one country only 1.5.
        Memoised per head (read-only: callers share it)."""
        return self._head_cc_memo.get(head, lambda: self._head_countries_uncached(head))

    def _head_countries_uncached(self, head: str) -> dict[str, float]:
        out: dict[str, float] = {}
        key = fold(_POSSESSIVE.sub("", head))
        if key in STOPWORDS:  # "a Roma camp" is no evidence for Rome
            return out
        places = self.gaz.by_key(key)
        own = any(p.kind in POPULATED and fold(p.name) == key for p in places)
        for p in places:
            if p.kind in {"country", "cue", "road"}:
                continue
            w = 3.0 if p.population >= 1000000 else 2.0 if p.population >= 100000 else 0.0
            if own and p.kind in POPULATED and fold(p.name) != key:
                w *= 0.5  # "Puno" is Puno (Peru) before it is Pune
            out[p.cc] = max(out.get(p.cc, 0.0), w)
        if len(out) == 1 and len(fold(head)) >= 5:
            only = next(iter(out))
            out[only] = max(out[only], 1.5)
        if not places and len(key) >= 6:  # "Kafr Qaseem": a close spelling of a place in one country
            variants = {p.cc for p, q in self._strong_candidates(head) if q >= 0.88 and p.kind in POPULATED}
            if len(variants) == 1:
                out[variants.pop()] = 1.0
        known = {c: w for c, w in out.items() if w > 0}
        return known if len(known) <= 2 else {}  # "Santa Cruz": too many well-known namesakes to tell

    def _rest_scores(self, doc: Document, place: PlaceMention) -> dict[str, float]:
        """Country scores of the text without the head's own mention (what else points where)."""
        span = self._span(doc, place, place.head)
        if span is None:
            return self._doc_scores(doc)
        lo, hi = span
        return self._country_scores([m for m in self.mentions(doc) if m.end <= lo or m.start >= hi])

    def event_cc(
        self, event: Event, doc: Document, cc: str | None, *, place: PlaceMention | None = None
    ) -> str | None:
        """The event's country when its own evidence (admin hints, then its head place and actors) decides
        it, else None. ``place`` is the event's mention with the text's hints (default ``event.place``)."""
        scores = self._doc_scores(doc)
        place = place if place is not None else event.place
        if place is not None:
            pair = self._hint_pair_cc(place, scores)
            if pair:
                return pair
            units = {u.cc for hint in place.hints for u in self._admin1_units(hint)}
            abroad = self._abroad_head_support(place)
            if abroad:  # a well-known town whose other hints agree is no namesake unit's
                units &= abroad
            top = max(scores.values(), default=0.0)
            ranked = [c for c in units if scores.get(c, 0.0) >= max(0.5, 0.5 * top)]
            if len(ranked) == 1:  # "El Alto, La Paz" in a report that points to one of La Paz's countries
                return ranked[0]
        if event.event_type in _CROWD_TYPES and place is not None and place.head and not place.hints:
            # a crowd gathers where it is: a city of a million named as the event's place ("marched in
            # London in solidarity with Palestinians") outweighs the countries the crowd speaks about,
            # unless the report's own country has a well-known place of that name too
            heads = self._head_countries(place.head)
            big = [c for c, w in heads.items() if w >= 3.0]
            if len(big) == 1 and big[0] != cc and (cc is None or cc not in heads):
                return big[0]
        guess = self.guess_cc(doc)
        prior = self.actor_countries(event, guess)
        home = set(prior)  # where the actors fight at home
        if place is not None and place.head:  # the event's own place counts beside its actors
            support: dict[str, float] | None = None  # the rest of the text's scores, read when asked
            for c, w in self._head_countries(place.head).items():
                if home and c not in home:  # "Basra" in a QSD report: not Iraq
                    if support is None:
                        support = self._rest_scores(doc, place)
                    if not support.get(c, 0.0) > 0:
                        continue
                prior[c] = prior.get(c, 0.0) + w
        if not prior:
            return None
        combined: dict[str, float] = dict(scores)
        for c, w in prior.items():
            combined[c] = combined.get(c, 0.0) + w
        best = max(combined, key=combined.__getitem__)
        top = combined[best]
        if best == cc or top < 1.2 or (cc and top < combined.get(cc, 0.0) + 0.3):
            return None
        return best

    # --- the stage contract -----------------------------------------------------------------------

    def geocode(self, events: list[Event], doc: Document) -> None:
        """Fill the place fields of each event in place."""
        cc_doc = self.guess_cc(doc)
        for event in events:
            event.geocoder_version = self.version
            cc = self._country_of_hint(event.country) or cc_doc
            place = self.with_text_hints(event.place, doc) or self.bracket_place(doc)
            decided = self.event_cc(event, doc, cc, place=place)
            cc = decided or cc
            res = self.resolve(place, doc, cc, fixed_cc=decided is not None)
            home = self._stray_abroad(event, doc, res)
            if home is not None:  # "Salim", "Plateau": a namesake abroad nothing else points to
                cc = home
                res = self.resolve(place, doc, home, fixed_cc=True)
                if res is not None and res.cc != home:
                    res = None
            # (a town too: "drones attacked a refinery in Ryazan city" in a report placed in Ukraine; not a
            # village, which a list may lack at home: "Tir village" is no reason for Tyre)
            abroad_ok = place is not None and bool(place.head) and (
                place.relation == "region"
                or not (_VILLAGE_WORD.search(place.phrase) or _VILLAGE_WORD.match(doc.text, place.end + 1))
            )
            if (res is None or res.lat is None) and place is not None and place.head:
                # "drones downed over Belgorod region" in a report placed in Ukraine: a region or town the
                # guessed country lacks is in the one country that has a well-known place of that name
                heads = self._head_countries(place.head)
                known = [c for c, w in heads.items() if w >= 2.0 and c != cc] if abroad_ok else []
                if not known:
                    # a town of the country whose demonym qualifies it ("rockets at the Israeli town of
                    # Kiryat Shmona" in a report whose actors are Lebanon's)
                    known = [c for c, w in heads.items() if w >= 1.5 and c != cc]
                    if len(known) != 1 or not self._demonym_qualifies(doc, place, known[0]):
                        known = []
                if len(known) == 1:
                    other = self.resolve(place, doc, known[0], fixed_cc=True)
                    if other is not None and other.lat is not None and other.cc == known[0]:
                        res = other
            if (
                place is not None
                and place.relation == "region"
                and place.head
                and res is not None
                and res.lat is not None
                and res.place.kind != "admin1"
                and fold(res.location) != fold(place.head)
            ):
                # "drones destroyed over Kursk region": a region the report names exactly, in one country,
                # outweighs a town of another spelling in the guessed country ("Kurskoye" in Crimea)
                head_key = fold(place.head)
                units = {
                    u.cc
                    for u in self._admin1_units(place.head)
                    if u.cc != res.cc and _unit_key(u.name) == head_key
                }
                if len(units) == 1:
                    unit_cc = next(iter(units))
                    other = self.resolve(place, doc, unit_cc, fixed_cc=True)
                    if other is not None and other.lat is not None and other.cc == unit_cc:
                        res = other
            if place is not None and place.head and res is not None and res.lat is not None:
                other = self._across_border(place, doc, res, cc)
                if other is not None:
                    res = other
            if res is not None and res.lat is not None:
                if res.cc != "SY" and res.admin1 and not res.admin2 and place is not None:
                    res.admin2 = self._hint_admin2(place, res.admin1)
                res.location = self._as_written(res, place)
                self._apply(event, res, doc)
                continue
            country_cc = res.cc if res is not None else cc
            self._set_country(event, country_cc)
            if res is not None and res.place.kind != "country":
                event.location = res.location
            event.latitude = event.longitude = None
            event.geo_precision = None
            event.mark_incomplete(NO_SUB_COUNTRY)

    def _as_written(self, res: Resolution, place: PlaceMention | None) -> str:
        """The report's own spelling of a town it names by one of the town's names ("Taizz" for the
        gazetteer's "Taiz", "Bint Jbeil" for "Bent Jbail"): ACLED writes a place as reports name it, in
        its common English spelling. Syria keeps the curated OCHA/ACLED spellings, places learned from
        an ACLED export keep theirs, and a head in capitals (a dateline) or outside ASCII keeps the
        gazetteer's."""
        if place is None or not place.head:
            return res.location
        head = place.head
        if head.isupper() or not head.isascii():
            return res.location
        key, own = fold(head), fold(res.location)
        if key == own and res.cc != "SY":
            # a transliterated soft sign at the end ("Ryazan'", "Homyel'") is no part of the name as written
            soft = res.cc in _SOFT_SIGN_CCS and res.location.rstrip("'’") == head
            return head if soft else res.location
        named = any(q.id == res.place.id for q in self.gaz.by_keys([key]).get(key, ()))
        if not named and self._unfound_village(res, place, key):
            return head
        if res.cc == "SY":
            return self._syria_unit_name(res, key) or res.location
        if res.place.kind not in _AS_WRITTEN_KINDS:
            return res.location
        own_words = own.split()
        if len(own_words) > len(key.split()) and _has_words(fold(place.phrase).split(), own_words):
            return res.location  # the phrase has the longer name: "in Guatemala City", head "Guatemala"
        # one of the place's own names in the gazetteer: another spelling ("Taizz"), the name without its
        # formal part ("Oaxaca" of "Oaxaca de Juarez"), or its name in another language or era ("Grodno",
        # "Kominternove"), as the report calls it (its evidence span shows the same words)
        return head if named else res.location

    def _syria_unit_name(self, res: Resolution, key: str) -> str | None:
        """A Syrian town from GeoNames written as the OCHA unit it is the seat of, when the report's name
        names that unit too ("As-Sweida" for GeoNames' "As-Suwayda"): ACLED's Syria rows spell towns as
        OCHA's gazetteer does."""
        p = res.place
        if p.source != "GeoNames" or p.kind not in POPULATED or res.lat is None or res.lon is None:
            return None
        seats = [
            q
            for q in (self.gaz.by_keys([key]).get(key, ()) if key else ())
            if q.kind in UNIT_KINDS
            and q.cc == "SY"
            and q.has_point
            and haversine_km(res.lat, res.lon, q.lat, q.lon) < 5.0  # type: ignore[arg-type]
        ]
        if seats:
            return seats[0].name
        # the seat of the sub-district, district or governorate it lies in, spelled by OCHA ("Idleb" for
        # "Idlib", "Menbij" for "Manbij"): the same name when their consonants match
        own = skeleton(fold(res.location))
        for unit in (res.admin3, res.admin2, res.admin1):
            if unit and skeleton(fold(unit)) == own:
                return unit
        return None

    def _unfound_village(self, res: Resolution, place: PlaceMention, key: str) -> bool:
        """The head is a village or town no list has, placed by its hints or its unit ("Moqokori
        (Hiraan)", "near Boni (Douentza, Mopti)", "the village of X in Y district"): the event keeps the
        report's name for it, with the unit's or the nearby town's point at precision 2 or 3 (ACLED codes an
        unlocated village so). Not a facility, street, front or unit named as the head ("Mitiga Airport
        (Tripoli)", "Chikun LGA"). The caller has checked that the head is none of the found place's names."""
        head = place.head or ""
        if res.precision is None or res.precision == 1 or _NOT_VILLAGE_HEAD.search(head):
            return False
        if _has_words(key.split(), fold(res.location).split()):
            return False  # "the Zuhur crossroads": a site of the place found, named after it
        if not (place.hints or _VILLAGE_WORD.search(place.phrase)) or _CITY_QUARTER.search(place.phrase):
            return False  # (a city's quarter no list has is coded to the city, under its name)
        at = place.phrase.find(head)
        if at >= 0:
            after = place.phrase[at + len(head) :]
            if _NOT_VILLAGE_AFTER.match(after) or _UNIT_OF_BEFORE.search(place.phrase[:at]):
                return False  # "Nameless Hills", "Al Ghiwayl valley", "the province of Jujuy"
            if _IN_CITY_AFTER.search(after):
                return False  # "Al-Rashdiyyah area in Deir-ez-Zor city": a quarter of the city
        return True

    def _stray_abroad(self, event: Event, doc: Document, res: Resolution | None) -> str | None:
        """The actors' home country when ``res`` lies in another country that nothing else in the text
        points to: no country, demonym, first-level unit, big city or group of it outside the resolved
        name. Home is the one country of the event's state forces (not the powers that fight abroad)."""
        if res is None or res.place.kind == "country":
            return None
        guess = self.guess_cc(doc)
        states = self._state_ccs(event)
        if all(cc == res.cc or cc == guess for cc in states):
            return None  # (what follows would say the same without reading the text for them)
        home = self._state_home(event, doc)
        if len(home) != 1 or res.cc in home or home == {guess}:
            return None  # (state forces of the guessed country may only carry the coder's default)
        lo, hi = res.span if res.span is not None else (-1, -1)
        key = fold(doc.text[lo:hi]) if hi > lo else None  # the same name repeated is no more evidence
        rest = [m for m in self.mentions(doc) if (m.end <= lo or m.start >= hi) and m.key != key]
        if self._country_scores(rest).get(res.cc, 0.0) >= 1.2:
            return None
        return next(iter(home))

    def _state_home(self, event: Event, doc: Document) -> set[str]:
        """Countries whose state forces are the event's actors and whose name or demonym the text writes
        ("Syrian regime forces"), except the powers that fight abroad. Named groups do not count (many
        cross borders: JNIM, ISWAP), nor forces the coder placed by a default country."""
        return {cc for cc in self._state_ccs(event) if self._text_names_country(doc, cc)}

    def _state_ccs(self, event: Event) -> list[str]:
        """The countries of the event's state-forces actors, except the powers that fight abroad."""
        out: list[str] = []
        for name in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2):
            state = _STATE_FORCES.match(name or "")
            cc = self._cc_by_name.get(fold(state.group(2))) if state else None
            if cc and cc not in _ABROAD_POWERS:
                out.append(cc)
        return out

    def _country_word_set(self, cc: str) -> set[str]:
        """The country's names and demonyms, folded."""
        words = self._country_words.get(cc)
        if words is None:
            words = {p_key for p_key, in self.gaz.country_names(cc)}
            self._country_words[cc] = words
        return words

    def _text_names_country(self, doc: Document, cc: str, start: int = 0, end: int | None = None) -> bool:
        """Whether the text (or its ``start``..``end`` part) names the country or its people."""
        words = self._country_word_set(cc)
        text = f" {fold(doc.text if start == 0 and end is None else doc.text[start:end])} "
        return any(f" {w} " in text for w in words)

    def _demonym_qualifies(self, doc: Document, place: PlaceMention, cc: str) -> bool:
        """Whether the word just before the place's phrase, which names a settlement ("town of …",
        "village of …"), is the country's name or demonym: "the Israeli town of Kiryat Shmona"."""
        if not _SETTLEMENT_FIRST.match(place.phrase):
            return False
        before = doc.text[max(0, place.start - 40) : place.start].split()
        if not before:
            return False
        return fold(before[-1]) in self._country_word_set(cc)

    def _across_border(
        self, place: PlaceMention, doc: Document, res: Resolution, cc: str | None
    ) -> Resolution | None:
        """The head placed across a border: when the event's own place was not found in the country
        guessed (``res`` is another place of the text, such as the dateline's city) and the head is a
        town of one other country that its sentence names ("rockets at an Israeli army base near Kiryat
        Shmona" in a Beirut report)."""
        if place.hints or (res.span is not None and place.start <= res.span[0] < place.end):
            return None  # the head or its hints were found, or the hints place it
        known = [c for c, w in self._head_countries(place.head).items() if w >= 1.5 and c != cc]
        if len(known) != 1:
            return None
        lo = sentence_start(doc.text, place.start)
        hi = doc.text.find(". ", place.end)
        if not self._text_names_country(doc, known[0], lo, hi if hi != -1 else len(doc.text)):
            return None
        other = self.resolve(place, doc, known[0], fixed_cc=True)
        if other is None or other.lat is None or other.cc != known[0]:
            return None
        return other

    def _set_country(self, event: Event, cc: str | None) -> None:
        if not cc or cc not in self.gaz.countries:
            return
        iso, name, region = self.gaz.countries[cc]
        event.country = name
        event.iso = iso
        event.region = region or None

    def _apply(self, event: Event, res: Resolution, doc: Document) -> None:
        self._set_country(event, res.cc)
        event.admin1, event.admin2, event.admin3 = res.admin1, res.admin2, res.admin3
        event.location = res.location
        event.latitude = round(res.lat, 4) if res.lat is not None else None
        event.longitude = round(res.lon, 4) if res.lon is not None else None
        event.geo_precision = res.precision
        event.gazetteer_id = res.place.gid
        if res.span is not None:
            start, end = res.span
            event.evidence = [e for e in event.evidence if e.field != "location"]
            event.evidence.append(Evidence("location", doc.id, start, end, doc.text[start:end]))
