"""Place mentions: the phrase that says where an event happened, its head name and region hints.

"the Kabanah axis in the northern countryside of Latakia" → head "Kabanah", relation "axis",
hints ["Latakia"]. "Natugo village (Quissanga, Cabo Delgado)" → head "Natugo", hints ["Quissanga",
"Cabo Delgado"]. The geocoder resolves the head; the coder only reads the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from ..nlp.lexcache import PatternCache
from ..nlp.sentences import ascii_words, first_word_at
from ..nlp.values import FrozenValueRecord

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["PlaceCandidate", "find_places", "share_words"]

_LOWER_PARTICLE: Final = (
    r"(?:al|el|ad|ar|as|an|at|az|ash|ath|adh|ad-|bin|ibn|abu|umm|bani|beni|de|del|della|da|do|dos|das|di|"
    r"la|las|le|les|los|des|du|van|von|wa|w|y|e)"
)
_TOKEN: Final = r"(?:[A-Z][\w'’\-]*|" + _LOWER_PARTICLE + r"[-‐][A-Z][\w'’\-]*)"
# up to two particles between words: "San Juan de los Cerritos", "Kut e Abdollah"
_NAME: Final = rf"{_TOKEN}(?:(?:\s+|-)(?:{_LOWER_PARTICLE}(?:\s+|-)){{0,2}}{_TOKEN}){{0,3}}"
_FEATURE: Final = (
    r"(?:village|town|city|district|sub-?district|province|governorate|region|area|axis|countryside|"
    r"camp|neighbou?rhood|quarter|county|municipality|lga|state|department|commune|sub-?prefecture|prefecture|"
    r"territory|"
    r"subdivision|sector|"
    r"locality|settlement|suburb|outskirts|highway|road|front|frontline|valley|mountains?|hills?|plain|"
    r"desert|badia)"
)
_COMPASS: Final = (
    r"(?:north(?:ern|west(?:ern)?|east(?:ern)?)?|south(?:ern|west(?:ern)?|east(?:ern)?)?|"
    r"east(?:ern)?|west(?:ern)?|central)"
)
# the feature words of a lead "the northern countryside of", "the outskirts of"
_LEAD_AREA: Final = (
    r"(?:countryside|outskirts|suburbs|areas?|village|town|city|district|province|governorate|region|axis|"
    r"vicinity|neighbou?rhood|countrysides|front ?lines?|fronts?|entrance|outskirt|desert|badia)"
)
# Written for the regex engine's speed (same matches as the plain form, in the same order): a lookahead
# rejects most word starts at once, and every alternative begins with a literal (an optional leading
# part such as "(?:re)?" or "(?:the\s+)?" is spelled out as two alternatives), so the engine skips an
# alternative on its first character instead of entering it.
_LEAD: Final = _rx(
    rf"\b(?=[a-z\d])(?P<prep>in|near|at|outside|around|on|nearby|"
    # aircraft and drones brought down over a place: "shot down 12 drones over Belgorod region"
    rf"(?:shot\s+down|downed|intercepted|destroyed)\s+(?:[\w-]+\s+){{0,6}}?over|"
    # a place named as the object of a territorial or remote-violence verb: "captured Qhriyyeh"
    rf"recaptured|captured|seized|stormed|shelled|struck|bombarded|entered|besieged|liberated|"
    rf"took (?:full )?control (?:of|over)|controlling|took over|"
    rf"on the outskirts of|on the edge of|in the vicinity of|close to|\d+\s*km\s+{_COMPASS} of|{_COMPASS} of|"
    rf"the\s+{_COMPASS}\s+{_LEAD_AREA} of|the\s+{_LEAD_AREA} of|{_COMPASS}\s+{_LEAD_AREA} of|{_LEAD_AREA} of)"
    rf"\s+(?:the\s+)?"
    # "destroyed 14 drones over the territory of Belgorod region", "over the skies of Kursk"
    rf"(?:(?:territory|skies|airspace)\s+of\s+(?:the\s+)?)?"
    rf"(?:(?:{_COMPASS})\s+(?:countryside|outskirts|suburbs|parts?|areas?|province|governorate|region|"
    rf"district|state)\s+of\s+)?"
    rf"(?P<name>{_NAME})",
)
# The words (runs of a-z0-9) a _LEAD match can begin with: each first word of its alternatives stands
# whole (white space follows it in the pattern); a number begins "5 km north of" ("40km": any word that
# begins with a digit). Keep in step with _LEAD (tests/test_coding_places_speed.py and
# tests/test_coding_speed9.py check it).
_COMPASS_WORDS: Final = tuple(
    f"{side}{part}"
    for side, parts in (
        ("north", ("", "ern", "west", "western", "east", "eastern")),
        ("south", ("", "ern", "west", "western", "east", "eastern")),
        ("east", ("", "ern")),
        ("west", ("", "ern")),
        ("central", ("",)),
    )
    for part in parts
)
_LEAD_AREA_WORDS: Final = (
    "countryside", "outskirts", "suburbs", "area", "areas", "village", "town", "city", "district",
    "province", "governorate", "region", "axis", "vicinity", "neighbourhood", "neighborhood",
    "countrysides", "front", "frontline", "frontlines", "fronts", "entrance", "outskirt", "desert", "badia",
)  # fmt: skip
_LEAD_WORDS: Final = frozenset(
    word.encode()
    for word in (
        "in", "near", "at", "outside", "around", "on", "nearby", "shot", "downed", "intercepted",
        "destroyed", "recaptured", "captured", "seized", "stormed", "shelled", "struck", "bombarded",
        "entered", "besieged", "liberated", "took", "controlling", "close", "the",
        *_COMPASS_WORDS, *_LEAD_AREA_WORDS,
    )
)  # fmt: skip

# Per lead word, what the word after it must be for a _LEAD match to begin at the lead (every
# alternative's first word is followed by white space, then by the word given here): (the words it may
# be, whether a capitalised word will do). A preposition or verb is followed by the name (a capital, or a
# particle joined to one: "al-Bab"), "the", "territory|skies|airspace of" or a compass word; "the" by a
# compass or area word; a compass word by "of" or an area word; an area word by "of". Words not listed
# ("destroyed … over", "downed", "intercepted") are not gated. Keep in step with _LEAD (the tests of
# tests/test_coding_speed11.py compare the gated scan with finditer).
_PARTICLE_WORDS: Final = frozenset(
    w.encode() for w in re.findall(r"[a-z]+", _LOWER_PARTICLE)
)
_AFTER_PREP: Final = (
    frozenset({b"the", b"territory", b"skies", b"airspace", *(w.encode() for w in _COMPASS_WORDS)})
    | _PARTICLE_WORDS,
    True,
)
_AREA_BYTES: Final = frozenset(w.encode() for w in _LEAD_AREA_WORDS)
_LEAD_NEXT: Final[dict[bytes, tuple[frozenset[bytes], bool]]] = {
    **{
        w.encode(): _AFTER_PREP
        for w in (
            "in", "near", "at", "outside", "around", "on", "nearby", "recaptured", "captured", "seized",
            "stormed", "shelled", "struck", "bombarded", "entered", "besieged", "liberated", "controlling",
        )
    },
    b"shot": (frozenset({b"down"}), False),
    b"took": (frozenset({b"full", b"control", b"over"}), False),
    b"close": (frozenset({b"to"}), False),
    b"the": (frozenset({*(w.encode() for w in _COMPASS_WORDS)}) | _AREA_BYTES, False),
    **{w.encode(): (frozenset({b"of"}) | _AREA_BYTES, False) for w in _COMPASS_WORDS},
    **{w.encode(): (frozenset({b"of"}), False) for w in _LEAD_AREA_WORDS if w != "front"},
    b"front": (frozenset({b"of", b"line", b"lines"}), False),
}  # fmt: skip


def _may_lead(text: str, words: list[tuple[int, bytes]], k: int, end: int) -> bool:
    """Whether a _LEAD match may begin at ``words[k]`` (a lead word not capitalised, or a word that begins
    with a digit) of an ASCII ``text`` scanned up to ``end``, read from the word after it: a gated lead
    word (_LEAD_NEXT) must be followed, after white space only and before ``end``, by a word it allows; a
    number by "km" ("5 km north of"), or its own word must go on with "km" ("5km"). Only a shortcut:
    where it says no, the regex finds no match."""
    at, word = words[k]
    number = word[0] <= 57
    if number:  # "\d+\s*km\s+<compass> of" is the only lead that begins with a digit
        digits = len(word) - len(word.lstrip(b"0123456789"))
        if digits < len(word):
            return word.startswith(b"km", digits)
        gate: tuple[frozenset[bytes], bool] | None = None
    else:
        gate = _LEAD_NEXT.get(word)
        if gate is None:
            return True  # ("destroyed … over": any words between)
    if k + 1 >= len(words):
        return False
    after, nxt = words[k + 1]
    stop = at + len(word)
    if after >= end or not text[stop:after].isspace():
        return False
    if gate is None:
        return nxt.startswith(b"km")
    allowed, capital = gate
    return nxt in allowed or (capital and "A" <= text[after] <= "Z")


# the words of the report the coder is reading (``share_words``): (text, ascii_words of its lower case)
_DOC_WORDS: list[tuple[str, list[tuple[int, bytes]]]] = []


def share_words(text: str, words: list[tuple[int, bytes]]) -> None:
    """Give the place finder ``sentences.ascii_words(text.lower())`` of an ASCII ``text`` it is about to
    read (the coder has them): its lead scans then do not split the text again."""
    _DOC_WORDS[:] = [(text, words)]


def _words_of(text: str) -> list[tuple[int, bytes]]:
    """``ascii_words(text.lower())`` of an ASCII text, shared per report (the last text asked)."""
    if _DOC_WORDS:
        shared = _DOC_WORDS[0]
        if shared[0] is text:
            return shared[1]
    words = ascii_words(text.lower())
    _DOC_WORDS[:] = [(text, words)]
    return words


def _leads(text: str, start: int, end: int) -> list[re.Match[str]]:
    """``list(_LEAD.finditer(text, start, end))``, with the regex tried only where a lead can begin: in
    ASCII text a match begins with a lower-case letter or a digit after a character that is no letter,
    digit or "_" (\\b and the lookahead), and its first word stands whole. Such a place begins a word
    (a run of a-z0-9) of the lower-cased text that is one of _LEAD_WORDS or begins with a digit; those
    words come from the report's shared word list (``share_words``), the first at or after ``start``
    found by bisection. Trying a few places more than needed (a capitalised "In", "_in") changes
    nothing: the regex says no there, and the places are tried in order, as finditer does."""
    if not text.isascii():
        return list(_LEAD.finditer(text, start, end))
    words = _words_of(text)
    lo = first_word_at(words, start)
    found: list[re.Match[str]] = []
    resume = start  # like finditer: the next match starts after the last one
    leads = _LEAD_WORDS
    for k in range(lo, len(words)):
        at, word = words[k]
        if at >= end:
            break
        if at < resume:
            continue
        # (a-z0-9: a byte up to "9" is a digit; a word of _LEAD_WORDS not capitalised: "In", "The")
        if (word[0] <= 57 or (word in leads and "a" <= text[at] <= "z")) and _may_lead(text, words, k, end):
            m = _LEAD.match(text, at, end)
            if m is not None:
                found.append(m)
                resume = m.end()
    return found


_POSTFIX: Final = _rx(rf"\s+(?:{_COMPASS}\s+)?(?P<feature>{_FEATURE})\b", re.I)
_PAREN: Final = _rx(rf"\s*\((?P<hints>{_NAME}(?:\s*,\s*{_NAME})*)\)")
_COMMA_HINT: Final = _rx(
    # a unit after a comma, alone or with its feature word: ", Carchi", ", Cedeno municipality"
    rf",\s+(?P<hint>{_NAME})(?=\s*(?:[,.;)(]|$|\s+(?:{_FEATURE})\b))"
)
_TAIL: Final = _rx(
    # (", in the Sahel region": the unit after a comma too)
    rf",?\s+(?:in|of|within)\s+(?:the\s+)?(?:{_COMPASS}\s+)?(?:(?:countryside|outskirts|suburbs|parts?|area|"
    rf"province|governorate|region|district|state)\s+of\s+)?(?:the\s+)?(?P<hint>{_NAME})"
)
# an apposition that places the town: "Minova, a lakeside trading town in South Kivu province"
_APPOSITION: Final = _rx(
    rf",\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:town|village|city|locality|settlement|community|hamlet|suburb)"
    rf"\s+(?:in|of)\s+(?:the\s+)?(?:{_COMPASS}\s+)?(?P<hint>{_NAME})"
)
_POSSESSIVE: Final = _rx(
    rf"(?P<hint>{_NAME})['’]s\s+(?:{_COMPASS}\s+)?(?:countryside|province|suburbs|outskirts)\s+?"
)

_MONTHS: Final = set(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
# capitalised words that start a non-place name after a locative preposition
_NOT_PLACE: Final = _rx(
    r"^(?:The|A|An|This|That|These|Those|His|Her|Their|Its|Our|Army|Forces?|Police|Ministry|Military|"
    r"Government|Islamic State|IS|ISIS|ISIL|Daesh|HTS|SDF|QSD|SNA|FSA|YPG|PKK|TIP|Al-Qaeda|Al Qaeda|"
    r"Reuters|AFP|AP|SANA|SOHR|OSCE|UN|UNHCR|UNICEF|Coronavirus|Covid|COVID-19|Christmas|Ramadan|Eid|"
    r"Parliament|Congress|Senate|President|Prime|Minister|General|Colonel|Mr|Mrs|Dr|Some|Several|Many|"
    r"Both|Other|Unknown|Unidentified|Security|Syrian|Russian|Turkish|Iranian|Iraqi|Israeli|American|"
    r"Afghan|Ukrainian|Nigerian|Somali|Yemeni|Indian|Pakistani|Mexican|Colombian|Brazilian|Burmese|"
    r"Kurdish|Arab|French|British|US|U\.S\.|Twitter|Facebook|Telegram|Liveuamap|Operation|According|"
    r"Sources?|Local|Residents|Protesters|Demonstrators|Members?|Supporters|Workers|Students|Hezbollah|"
    r"Hamas|Taliban|Houthis?|Ansar|Boko|Hayat|Hay'at|Tahrir|Jabhat|Jaish|Jaysh|Harakat|Liwa|Kataib|Saraya|Faylaq|Ahrar|"
    r"Shabaab|Al Shabaab|JNIM|ISWAP|ISGS|ELN|FARC|CJNG|Wagner|NATO)\b"
)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    # pycountry's names without its import cost; not `from .. import`, which mypyc may bind to None
    import eventdesk.iso3166 as iso3166

    names: set[str] = set()
    for country in iso3166.records():
        for attr in ("name", "common_name", "official_name"):
            value = country.get(attr)
            if value:
                names.add(value.lower())
    return frozenset(names)


def _is_demonym(name: str) -> bool:
    """A country's demonym ("Lebanese", "Syrian"), from the actor dictionary's country table."""
    from .actor_dictionary import ActorDictionary

    if " " in name or _is_country(name):
        return False
    return ActorDictionary.default().country_of(name) is not None


def _is_country(name: str) -> bool:
    """A country alone is not an event location (codebook §4): the geocoder gets no head for it."""
    return name.lower() in _country_names()


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class PlaceCandidate(FrozenValueRecord):
    phrase_start: int
    phrase_end: int
    head: str
    head_start: int
    hints: tuple[str, ...]
    relation: str
    specific: bool  # a town/village/place named, not just a region

    def __init__(
        self,
        phrase_start: int,
        phrase_end: int,
        head: str,
        head_start: int,
        hints: tuple[str, ...],
        relation: str,
        specific: bool,
    ) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md)
        object.__setattr__(self, "phrase_start", phrase_start)
        object.__setattr__(self, "phrase_end", phrase_end)
        object.__setattr__(self, "head", head)
        object.__setattr__(self, "head_start", head_start)
        object.__setattr__(self, "hints", hints)
        object.__setattr__(self, "relation", relation)
        object.__setattr__(self, "specific", specific)


_ENDS_OF: Final = _rx(r"\b(?:of)$")
_COMPASS_OR_KM: Final = _rx(r"(?:north|south|east|west|km)")


def _relation(prep: str, lead: str, feature: str | None) -> tuple[str, bool]:
    lead = lead.lower()
    feature = (feature or "").lower()
    if "axis" in lead or feature == "axis":
        return "axis", True
    if (
        "outskirts" in lead
        or "vicinity" in lead
        or "edge" in lead
        or "suburbs" in lead
        or feature
        in {
            "outskirts",
            "suburb",
        }
    ):
        return "outskirts", True
    if feature in {"road", "highway"}:
        return "near", True  # "on the Kabul-Jalalabad highway": by the road, not in a town
    if prep in {"near", "nearby", "around", "outside", "close to"} or (
        _ENDS_OF.search(prep) and _COMPASS_OR_KM.search(prep)
    ):
        return "near", True
    if "countryside" in lead or feature == "countryside":
        return "countryside", False
    if feature in {"desert", "badia"} or "desert" in lead or "badia" in lead:
        return "near", True  # "the Sokhneh desert": around the town it is named after (ACLED: 2)
    regions = ("province", "governorate", "region", "district")
    if any(w in lead for w in regions) or feature in {
        "province",
        "governorate",
        "region",
        "state",
        "district",
        "county",
        "department",
        "prefecture",
        "lga",
        "territory",  # the DRC's territoires: "in Djugu territory" is the unit, not its town
    }:
        return "region", False
    return "in", True


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceCandidate]:
    """Place candidates in ``text[start:end]`` (offsets into ``text``), in order."""
    return list(_find_places(text, start, len(text) if end is None else end))


_FEATURE_WORD: Final = _rx(_FEATURE, re.I)
_BARE: Final = _rx(
    rf"\b(?:the\s+)?(?P<name>{_NAME})\s+(?P<f>axis|countryside|outskirts|village|town|township|city|camp|"
    rf"base|airbase|airport|hills?|dam|crossing)\b"
)
_BARE_GATE: Final = _rx(
    r"\s(?:axis|countryside|outskirts|village|town|township|city|camp|base|airbase|airport|hills?|dam|crossing)\b"
)

# a character no _BARE match holds; the last of them before the first feature word: where _BARE's
# scan may begin (_bare_from)
_OUTSIDE_BARE: Final = _rx(r".*[^\w\s'’\-‐]", re.DOTALL)


def _bare_from(segment: str, gate: int, pos: int = 0) -> int:
    """Where ``_BARE.finditer(segment, pos)`` can find its first match: after the last character before
    the first feature word from ``pos`` (the space before it at ``gate``) that no match holds (a match
    holds the text from where it begins to that feature word). Only a shortcut: the same matches."""
    m = _OUTSIDE_BARE.match(segment, pos, gate)
    return pos if m is None else m.end()


def _bare_matches(segment: str, gate: int) -> list[re.Match[str]]:
    """``list(_BARE.finditer(segment))``, given where its first feature word is (``_BARE_GATE``): each
    search begins at ``_bare_from``, and none runs where no feature word follows (every match ends
    with one)."""
    found: list[re.Match[str]] = []
    pos = 0
    next_gate: int | None = gate
    while next_gate is not None:
        m = _BARE.search(segment, _bare_from(segment, next_gate, pos))
        if m is None:
            break
        found.append(m)
        pos = m.end()
        after = _BARE_GATE.search(segment, pos)
        next_gate = after.start() if after is not None else None
    return found


# a capitalised feature word heading its own unit: "the Municipality of Soyaltepec"
_FEATURE_OF: Final = _rx(rf"\s+of\s+(?:the\s+)?(?P<name>{_NAME})")
# a name that runs on into an organisation's name and acronym: "Kilusan at Alyansa ng mga Dating
# Rebelde (KADRE)", "Union of Teachers (UTU)"
_ORG_TAIL: Final = _rx(r"(?:\s+[a-z]{1,4}){1,3}(?:\s+[A-Z][\w'’-]*){1,4}\s*\([A-Z]{2,}\)")


def _hints_after(text: str, p_end: int, end: int) -> tuple[list[str], int]:
    """Units named after a place: "(Quissanga, Cabo Delgado)", "in Ysyk-Ata district", ", Carchi";
    the hints and where the phrase ends."""
    hints: list[str] = []
    paren = _PAREN.match(text, p_end)
    if paren:
        hints.extend(h.strip() for h in paren.group("hints").split(","))
        p_end = paren.end()
    for _ in range(3):
        tail = _TAIL.match(text, p_end) or _COMMA_HINT.match(text, p_end) or _APPOSITION.match(text, p_end)
        if not tail or tail.end() > end:
            break
        hint = tail.group("hint")
        if hint in _MONTHS or _NOT_PLACE.match(hint):
            break
        hints.append(hint)
        p_end = tail.end()
        feature_t = _POSTFIX.match(text, p_end)
        if feature_t:
            p_end = feature_t.end()
        paren = _PAREN.match(text, p_end)
        if paren:
            hints.extend(h.strip() for h in paren.group("hints").split(","))
            p_end = paren.end()
    return hints, p_end


# a lead's name -> _name_facts: names repeat across reports ("Aleppo", "the village")
_NAME_FACTS: Final[dict[str, tuple[bool, bool]]] = {}


def _name_facts(name: str) -> tuple[bool, bool]:
    """What ``_find_places`` reads of a lead's name alone: whether it is no place (a month, a word of
    _NOT_PLACE, a country) and whether it is a feature word ("the Municipality of …")."""
    rejected = bool(
        name in _MONTHS or _NOT_PLACE.match(name) or name.split()[0] in _MONTHS or _is_country(name)
    )
    return rejected, _FEATURE_WORD.fullmatch(name) is not None


_OWNER_PART: Final = _rx(r"^(?P<owner>.+?)['’]s(?:\s+(?P<part>.+))?$")


def _possessive(head: str) -> tuple[str, str]:
    """(owner, part) of a possessive head ("Conakry's Ratoma" → "Conakry", "Ratoma"; "Gaza's" → "Gaza",
    ""); ("", "") when the head has no possessive."""
    m = _OWNER_PART.match(head)
    if m is None:
        return "", ""
    return m.group("owner"), m.group("part") or ""


@lru_cache(maxsize=512)
def _find_places(text: str, start: int, end: int) -> tuple[PlaceCandidate, ...]:
    out: list[PlaceCandidate] = []
    names = _NAME_FACTS
    for m in _leads(text, start, end):
        name = m.group("name")
        named = names.get(name)
        if named is None:
            named = _name_facts(name)
            if len(names) > 50_000:  # a bounded memo
                names.clear()
            names[name] = named
        if named[0]:
            continue
        # (a match's prep begins where it does: \b and a lookahead come first in _LEAD)
        m_start = m.start()
        name_start, name_end = m.span("name")
        if _ORG_TAIL.match(text, name_end):
            continue
        if _is_demonym(name):
            continue  # "the southern Lebanese town of Nabatieh", "on the Lebanese border": no place
        head_start = name_start
        p_end = name_end
        if named[1]:
            unit = _FEATURE_OF.match(text, p_end)
            if unit is None or unit.end() > end:
                continue  # "near the Municipality building": no place named
            feature_word = name
            name = unit.group("name")
            head_start, p_end = unit.start("name"), unit.end("name")
        else:
            feature_word = None
        # trim trailing capitalised non-place words (e.g. "Idlib Province" stays, "Kabanah Axis" head)
        head = name
        feature_m = _POSTFIX.match(text, p_end)
        feature = feature_m.group("feature") if feature_m else feature_word
        words = head.split()
        if len(words) > 1 and _FEATURE_WORD.fullmatch(words[-1]):
            feature = words[-1]
            head = " ".join(words[:-1])
        if feature_m:
            p_end = feature_m.end()
        hints, p_end = _hints_after(text, p_end, end)
        if "'s" in head or "’s" in head:
            # "in Conakry's Ratoma commune": the place is Ratoma, in Conakry; "in Gaza's south": Gaza
            owner, part = _possessive(head)
            if owner:
                if part:
                    head_start += len(head) - len(part)
                    head, hints = part, [owner, *hints]
                else:
                    head = owner
        lead = text[m_start:name_start]
        relation, specific = _relation(m.group("prep").lower(), lead, feature)
        if relation in {"countryside", "region"} and not hints:
            specific = False
        phrase_start = m_start
        if lead.lower().startswith(("in ", "at ", "on ", "from ", "into ", "near ")) and relation in {
            "in",
            "near",
        }:
            phrase_start = name_start if relation == "in" else m_start
        out.append(
            PlaceCandidate(
                phrase_start, p_end, head.strip(), head_start, tuple(dict.fromkeys(hints)), relation, specific
            )
        )
    # "the Kabanah axis", "Idlib's countryside", "Markada countryside" without a preposition
    # (_BARE only where one of its feature words follows a space: most sentences have none)
    gate = _BARE_GATE.search(text, start, end)
    bare: list[re.Match[str]] = []
    if gate is not None:
        bare = _bare_matches(text[start:end], gate.start() - start)
    for m in bare:
        s = start + m.start("name")
        if any(c.head_start <= s < c.phrase_end for c in out) or _NOT_PLACE.match(m.group("name")):
            continue
        if _is_demonym(m.group("name")):
            continue  # "the Lebanese town of Nabatieh" (but "the Aley town of …", "Yangi village of …")
        rel = {"axis": "axis", "countryside": "countryside", "outskirts": "outskirts"}.get(m.group("f"), "in")
        out.append(
            PlaceCandidate(
                start + m.start(), start + m.end(), m.group("name"), s, (), rel, rel != "countryside"
            )
        )
    out.sort(key=lambda c: c.phrase_start)
    return tuple(out)
