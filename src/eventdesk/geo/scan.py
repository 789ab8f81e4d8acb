"""Find gazetteer names in running text (capitalised word runs, longest match first)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from ..nlp.lexcache import PatternCache
from .gazetteer import Gazetteer, Place
from .normalize import ARTICLES, fold, fold_pieces, skeleton, word_spellings

__all__ = ["STOPWORDS", "TextMention", "scan", "stopwords"]

_rx = PatternCache(__file__)
_WORD: Final = _rx(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][\w'’‘ʿʾ`]*")
# (French names joined by "au", "aux", "sur", "en": "Port-au-Prince", "Boulogne-sur-Mer")
_CONNECT: Final = ARTICLES | {
    "de", "del", "la", "le", "du", "des", "bin", "ibn", "bani", "beni", "of", "el", "al", "au", "aux", "sur",
    "en",
}
_CUES_1: Final = {
    "in",
    "at",
    "on",
    "into",
    "inside",
    "of",
    "from",
    "to",
    "towards",
    "toward",
    "across",
    "village",
    "town",
    "city",
    "neighbourhood",
    "neighborhood",
    "district",
    "province",
    "governorate",
}
# (tuples used as str.startswith/endswith arguments are typed tuple[str, ...]: mypyc keeps a fixed-length
# tuple unboxed and builds a new tuple object from it at every such call)
_NEAR_BEFORE: Final[tuple[str, ...]] = (
    "near",
    "outskirts of",
    "vicinity of",
    "around",
    "close to",
    "outside",
    "nearby",
    "frontline of",
    "front line of",
    "front of",
    "axis of",
    "edge of",
    "surroundings of",
    "countryside of",
    "near the town of",
    "near the village of",
    "west of",
    "east of",
    "north of",
    "south of",
    "northwest of",
    "northeast of",
    "southwest of",
    "southeast of",
    "km from",
    "kilometres from",
    "kilometers from",
    "environs of",
    "periphery of",
    "the direction of",
    "fronts of",
    "axes of",
)
_REGION_BEFORE: Final[tuple[str, ...]] = (
    "countryside of",
    "province of",
    "governorate of",
    "region of",
    "countrysides of",
    "district of",
    "suburbs of",
    "desert of",
    "badia of",
)
_NEAR_AFTER: Final[tuple[str, ...]] = (
    "axis",
    "axes",
    "front",
    "frontline",
    "outskirts",
    "area",
    "environs",
    "surroundings",
    "vicinity",
    "plain",
    "plains",
    "'s outskirts",
    "’s outskirts",
    "fronts",
    "countryside",
)
_REGION_AFTER: Final[tuple[str, ...]] = (
    "countryside",
    "countrysides",
    "province",
    "governorate",
    "region",
    "district",
    "desert",
    "badia",
    "county",
    "oblast",
    "department",
    "'s countryside",
    "’s countryside",
    "suburbs",
    "rural",
    "eastern countryside",
    "western countryside",
    "northern countryside",
    "southern countryside",
)

_STOP_TEXT = """
of the and a an in on at by for with from to as is it he she they we this that these those there here
when while after before during since according also but or not no yes all some many several
one two three four five six
seven eight nine ten first second third last next new old more most other such same own only just over under
again further then once about above below between through into up down out off very can will just should now
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
ramadan eid christmas easter
september october november december today yesterday tomorrow morning evening night dawn noon
police army battle deal union state states media security forces force government ministry president party
islamic republic front council national democratic free liberation hope victory peace unity independence
progress justice mission general colonel captain major sergeant commander leader chief minister mayor governor
imam saint king queen prince emperor sultan emir reuters afp ap sana sohr news agency press report reports
reported reporting source sources statement official officials spokesman spokesperson military militia rebels
rebel fighters fighter troops soldiers soldier civilians civilian people man men woman women child children
killed wounded injured attack attacks attacked clash clashes clashed fighting fight shelling shelled strike
strikes airstrike airstrikes drone drones rocket rockets mortar mortars bomb bombs explosion ied mine mines
gunmen gunman unknown unidentified group groups brigade brigades division regiment battalion unit units
sham nusra tahrir hayat ahrar jaysh jaish ansar faylaq liwa qaeda daesh isis isil tip fsa saa ndf
russian russians turkish turks iranian american syrian israeli kurdish kurds arab arabs
north south east west northern southern eastern western central northwest northeast southwest southeast
countryside village town city area region province governorate district road highway axis border airport
base checkpoint camp prison hospital school mosque church market bridge dam river lake sea island
islands mount mountain mountains hill hills valley plain desert field fields oil gas station square street
however meanwhile moreover although though because thus therefore yet still even despite amid among amidst
said says say told added noted stated claimed confirmed denied announced
human rights watch amnesty international united nations un who icrc red crescent cross
observatory committee coalition alliance operation operations
deal battle police union hope victory liberty freedom progress paradise eden bliss
university college hospital bank hotel company building municipality stadium court supreme congress parliament
senate assembly palace headquarters office
abu umm ibn bin bint roma jan feb mar apr jun jul aug sep sept oct nov dec desk news blog posted
"""
STOPWORDS: Final[frozenset[str]] = frozenset(_STOP_TEXT.split())


# generic first words of Arabic place names: alone, before another capitalised word, they are not a place
GENERIC_HEADS: Final = frozenset(
    {
        "tal",
        "deir",
        "kafr",
        "ain",
        "jabal",
        "khirba",
        "beit",
        "wadi",
        "ras",
        "sheikh",
        "qasr",
        "umm",
        "abu",
        "jisr",
        "bir",
        "tall",
        "maarat",
        "marj",
        "mazraa",
        "hayy",
        "hay",
        "khan",
        "qalaat",
        "arab",
        "jub",
        "rasm",
    }
)
_PREV_WORD: Final = _rx(r"\b([A-Z][a-z]+)[\s-]+(?:(?:al|el|ad|ash|as|at|az|an|ar|ez|es|ed)[-\s])?$")
# the words whose fold is a generic head ("Tell", "Jebel" …): _PREV_WORD's word must be one
_HEAD_SPELLINGS: Final = word_spellings(GENERIC_HEADS)


def _trailing_word(piece: str) -> str:
    """The run of word characters (``\\w``: letters, digits, "_") that ends ``piece``."""
    i = len(piece)
    while i > 0 and (piece[i - 1].isalnum() or piece[i - 1] == "_"):
        i -= 1
    return piece[i:]


def _after_generic_head(text: str, start: int) -> bool:
    """Whether ``_PREV_WORD`` finds a generic head ("Tal", "Khan" …) right before ``start`` ("Tuman" of
    "Khan Tuman"). Its word is followed by spaces or hyphens (and maybe an article): it is the whole
    trailing word of one of the last two pieces of the text split at spaces and hyphens, so the pattern
    runs only when such a word is spelled as a generic head."""
    before = text[max(0, start - 30) : start]
    pieces = before.replace("-", " ").rsplit(None, 2)
    if not any(_trailing_word(piece).lower() in _HEAD_SPELLINGS for piece in pieces[-2:]):
        return False
    prev = _PREV_WORD.search(before)
    return bool(prev and fold(prev.group(1)) in GENERIC_HEADS)


_CAP_NEXT: Final = _rx(r"[\s-]+(?:(?:al|el|ad|ash|as|at|az|an|ar|ez|es|ed)[-\s])?[A-Z]")


def stopwords() -> frozenset[str]:
    return STOPWORDS


@dataclass(slots=True)
class TextMention:
    """A span of the text that names gazetteer places."""

    start: int
    end: int
    text: str
    key: str
    places: list[Place]
    relation: str = "in"  # "in", "near" (axis, outskirts, vicinity …) or "region" (X countryside/province)
    cue: bool = False  # preceded by a locative word ("in", "village of" …)
    hints: list[str] = field(default_factory=list)
    # how a country's name or demonym is used, when not as a location: "origin" ("migrants from
    # Afghanistan"), "name" (inside an institution's name: "Bank Saderat Iran"), "modifier" ("Palestinian
    # refugee camp", "US dollar", "Burkinabe individuals") or "force" ("Saudi planes", "French forces")
    usage: str = ""
    # written as a place: after a locative word (also before a run of names: "in Majdel Aanjar"), in a
    # list after a comma, or before a place noun ("the Rashayya-Masnaa road"); not "the National Congress"
    placey: bool = False
    # the first words of a longer name the gazetteer lacks ("Adan" of "Adan Yabaal District")
    partial: bool = False
    # ids of ``places`` found as spelling variants ("Maysalun" for a learned "Mayselun"), not by exact name
    inexact: frozenset[int] = frozenset()

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        key: str,
        places: list[Place],
        relation: str = "in",
        cue: bool = False,
        hints: list[str] | None = None,
        usage: str = "",
        placey: bool = False,
        partial: bool = False,
        inexact: frozenset[int] = frozenset(),
    ) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (as Place's: docs/speed.md); this one
        # is compiled. ``hints`` None is a new empty list, as the field's default_factory gave
        self.start = start
        self.end = end
        self.text = text
        self.key = key
        self.places = places
        self.relation = relation
        self.cue = cue
        self.hints = [] if hints is None else hints
        self.usage = usage
        self.placey = placey
        self.partial = partial
        self.inexact = inexact


_ADJ_BEFORE: Final = _rx(r"\b(?:pro|anti|non|ex|post|pre)-$", re.IGNORECASE)
_ADJ_AFTER: Final = _rx(
    r"(?:-(?:backed|based|affiliated|led|supported|aligned|linked|born|made|allied|sponsored|funded|controlled|held)"
    r"|\s(?:backed|affiliated|aligned|sponsored|funded)\s)"
)
_TRAILING_ARTICLE: Final = _rx(r"\s(?:al|el|ad|ash|as|at|az|an|ar|ez|es|ed)-$")


def _is_cap(word: str) -> bool:
    if word[:1].isupper():
        return True
    return "-" in word and any(part[:1].isupper() for part in word.split("-"))


# a city's centre named before it ("in central Maputo"): the city itself when it is a big one
_CITY_CENTRE_BEFORE: Final = _rx(r"\b(?:central|downtown)\s+$", re.IGNORECASE)
_CENTRE_CITY: Final = 500_000
_REGION_DIRECTION: Final = _rx(
    r"\b(?:north|south|east|west|northern|southern|eastern|western|central|north-?east|north-?west|"
    r"south-?east|south-?west|north-?eastern|north-?western|south-?eastern|south-?western|rural|"
    r"northeastern|northwestern|southeastern|southwestern)$"
)
_DIRECTION_REACH: Final = 16  # the longest direction word ("south-western", 13), a final newline, room
# "<Unknown> village in Aleppo": the named unit is the region of a place the gazetteer lacks
_OF_A_PLACE: Final = _rx(
    r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+(?:village|town|area|front|frontline|farms|hill|axis|neighbou?rhood)s?"
    r"\s+(?:in|of)$",
)


_ARTICLE_BEFORE: Final = _rx(r"\b(?:an?)\s+$", re.IGNORECASE)
_DET_BEFORE: Final = _rx(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_PERSON_AFTER: Final = _rx(
    r"(?:\s*[,.;:)]|\s+(?:and|or|was|were|is|are|who|had|has|said|died|fled|man|woman|men|women)\b)"
)
_FROM_BEFORE: Final = _rx(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_NAME_BEFORE: Final = _rx(r"\b([A-Z][\w'’-]++)\s++([A-Z][\w'’-]++)\s++$")  # (possessive: as _RUN_BEFORE)
_DETERMINERS: Final[tuple[str, ...]] = ("the", "a", "an")  # _DET_BEFORE's words, and _ARTICLE_BEFORE's
_ARTICLES_AN: Final[tuple[str, ...]] = ("a", "an")
_NOT_NAME_WORDS: Final = frozenset(
    {"in", "at", "on", "of", "from", "to", "into", "the", "and", "northern", "southern", "eastern", "western"}
    | {"central", "north", "south", "east", "west", "northeastern", "northwestern", "southeastern"}
    | {"southwestern", "upper", "lower", "greater"}
)
_MODIFIER_AFTER: Final = _rx(
    r"\s+(?:refugees?|refugee camps?|camps?|migrants?|nationals?|citizens?|individuals|expatriates?|"
    r"tourists?|pilgrims?|workers|students|embassy|embassies|consulates?|ambassadors?|diplomats?|"
    r"dollars?|pounds?|currency|companies|company|firms?|investors?|businessm[ae]n|origin|descent|"
    r"nationality|passports?|flags?|Operation|border guards?)\b"
)
_FORCE_AFTER: Final = _rx(
    r"\s+(?:(?:military|armed|security|special|air|naval|ground|occupation|coalition|backed)\s+)?"
    r"(?:forces?|troops|soldiers|army|military|planes?|aircrafts?|jets?|warplanes?|fighter jets|drones?|"
    r"navy|air force|artillery|helicopters?|warships?|gunboats?|vessels?|coalition|Operation)\b",
    re.IGNORECASE,
)


# (possessive: every part is followed by what it cannot hold, so giving back never leads to a match: see
# _RUN_BEFORE_PLAIN in tests/test_geo_scan_speed9.py)
_RUN_BEFORE: Final = _rx(r"(?:\b(\w++)\s++)(?:[A-Z][\w'’]*+[\s-]++){0,3}+$")
_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _list_before(before: str) -> bool:
    r"""``re.search(r"[A-Za-z]\s*,\s*$", before)``: the text ends with a comma and white space, and an
    ASCII letter then white space come before the comma (``\s`` and ``str.strip`` agree on white space;
    "$" may sit before a final newline, which ``\s*`` can also take)."""
    head = before.rstrip()
    if not head.endswith(","):
        return False
    return head[:-1].rstrip()[-1:] in _ASCII_LETTERS


_PLACE_NOUN_AFTER: Final = _rx(
    r"(?:-[A-Z][\w'’]*)*\s+(?:road|highway|village|town|city|camp|area|district|municipality|square|bridge|"
    r"roundabout|junction|crossing|checkpoint|neighbou?rhood|suburb|region|province|county|state|sector)\b"
)


_NAME_GOES_ON: Final = _rx(r" (?:(?:al|el|de|del|la|da|do|dos|des|du)[ -])?[A-Z][a-z]")
_UNIT_WORD_NEXT: Final = _rx(
    r" (?:City|Province|Governorate|District|State|Region|Department|County|Countryside|Oblast|Municipality|"
    r"Town|Village|Camp|Airport|Prefecture|Zone|Division|Sector|Area)\b"
)


def _by_end(phrases: tuple[str, ...], at: int) -> dict[str, tuple[str, ...]]:
    """The phrases grouped by their character at ``at`` (-1: the last, for ``str.endswith``; 0: the first,
    for ``str.startswith``): a text ends (begins) with one of ``phrases`` exactly when it ends (begins)
    with one of its own character's group (no phrase is empty), so one dict look-up and a short tuple
    replace a long tuple's test."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[at], []).append(phrase)
    return {ch: tuple(group) for ch, group in groups.items()}


_CUE_ENDS: Final = tuple(sorted(_CUES_1))


_CUE_BY_LAST: Final = _by_end(_CUE_ENDS, -1)


def _ends_with_cue(word: str) -> bool:
    """``word.endswith(_CUE_ENDS)``, as the group of its last character (``_by_end``)."""
    ends = _CUE_BY_LAST.get(word[-1:])
    return ends is not None and word.endswith(ends)


def _placey(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    # _RUN_BEFORE's word is followed by spaces and at most three capitalised words joined by spaces or
    # hyphens: it ends one of the last four chunks of ``before`` split at spaces and hyphens, and only a
    # cue word counts. So the search runs only when such a chunk ends with a cue word, from the fourth-last
    # chunk (a later start sees the same word boundaries; no match can start before it)
    parts = before.replace("-", " ").rsplit(None, 4)
    last = parts[1:] if len(parts) == 5 else parts
    if any(_ends_with_cue(part.lower()) for part in last):
        run = _RUN_BEFORE.search(before, len(parts[0]) if len(parts) == 5 else 0)
        if run and run.group(1) and run.group(1).lower() in _CUES_1:
            return True
    # (_PLACE_NOUN_AFTER begins with a hyphen or white space)
    follows = text[end : end + 1]
    return _list_before(before) or (
        (follows == "-" or follows.isspace()) and bool(_PLACE_NOUN_AFTER.match(text, end))
    )


def _usage(text: str, start: int, end: int, *, demonym: bool = False) -> str:
    """How a country's name or demonym is used when it is not the event's location (see TextMention)."""
    before = text[max(0, start - 40) : start]
    # the three word-before patterns end with "\s+$" and ignore case: an ASCII text that ends with white
    # space is read from its end instead (``_ascii_ends``), any other only by its pattern
    tail = ""  # the ASCII text without its final white space, in lower case ("": no such text)
    if before.isascii():
        stripped = before.rstrip()
        if len(stripped) < len(before):
            tail = stripped.lower()
    plain = not before.isascii()
    if (
        demonym
        and (_DET_BEFORE.search(before) if plain else bool(tail) and _ascii_ends(tail, _DETERMINERS, False))
        and _PERSON_AFTER.match(text, end)
    ):
        return "modifier"  # "the Palestinian and wounded him": a person, not a place
    if _FROM_BEFORE.search(before) if plain else bool(tail) and _ascii_ends(tail, ("from",), True):
        return "origin"
    name = _NAME_BEFORE.search(before)
    if name and not {w.lower() for w in name.groups()} & _NOT_NAME_WORDS and "." not in before[-3:]:
        return "name"
    if _MODIFIER_AFTER.match(text, end) or (
        _ARTICLE_BEFORE.search(before) if plain else bool(tail) and _ascii_ends(tail, _ARTICLES_AN, False)
    ):
        return "modifier"  # "Palestinian refugee camp", "an Uzbek fighter" (a person's nationality)
    if _FORCE_AFTER.match(text, end):
        return "force"
    return ""


# the phrases as written and followed by "the" (tested by their last character's group: _by_end)
_REGION_BEFORE_ENDS: Final = tuple(p for phrase in _REGION_BEFORE for p in (phrase, phrase + " the"))
_NEAR_BEFORE_ENDS: Final = tuple(p for phrase in _NEAR_BEFORE for p in (phrase, phrase + " the"))
# how _REGION_DIRECTION's words end, and the nouns (with their "s?") before _OF_A_PLACE's "in"/"of"
_DIRECTION_ENDS: Final[tuple[str, ...]] = ("th", "st", "rn", "al")
_PLACE_NOUNS: Final[tuple[str, ...]] = (
    "village", "town", "area", "front", "frontline", "farms", "hill", "axis"
)
_OF_A_PLACE_NOUNS: Final = tuple(
    noun + plural for noun in (*_PLACE_NOUNS, "neighbourhood", "neighborhood") for plural in ("", "s")
)


_REGION_BEFORE_BY_LAST: Final = _by_end(_REGION_BEFORE_ENDS, -1)
_NEAR_BEFORE_BY_LAST: Final = _by_end(_NEAR_BEFORE_ENDS, -1)
_REGION_AFTER_BY_FIRST: Final = _by_end(_REGION_AFTER, 0)
_NEAR_AFTER_BY_FIRST: Final = _by_end(_NEAR_AFTER, 0)
_OF_A_PLACE_BY_LAST: Final = _by_end(_OF_A_PLACE_NOUNS, -1)
_DIRECTION_LAST: Final = frozenset(end[-1] for end in _DIRECTION_ENDS)


def _relation(text: str, start: int, end: int) -> tuple[str, bool]:
    before = text[max(0, start - 40) : start].lower().rstrip()
    if before.endswith("-"):  # (the pattern ends "-$": nothing to remove otherwise)
        before = _TRAILING_ARTICLE.sub("", before)
    after = text[end : end + 25].lower().lstrip()
    # (each phrase tuple is tested as its group of the text's last or first character: _by_end)
    last_ch = before[-1:]
    first_ch = after[:1]
    ends = _REGION_BEFORE_BY_LAST.get(last_ch)
    if ends is not None and before.endswith(ends):
        return "region", True
    starts = _REGION_AFTER_BY_FIRST.get(first_ch)
    if starts is not None and after.startswith(starts):
        return "region", True
    raw_before = text[max(0, start - 60) : start].rstrip()
    # both patterns end at the end of the text ("$": or before a final newline): a direction word lies in
    # its last _DIRECTION_REACH characters (a search from there sees the same word boundaries) and ends
    # as one of _DIRECTION_ENDS; a place phrase ends with a place noun, spaces and "in"/"of"
    tail = before[:-1] if last_ch == "\n" else before
    if (
        tail[-1:] in _DIRECTION_LAST
        and tail.endswith(_DIRECTION_ENDS)
        and _REGION_DIRECTION.search(before, max(0, len(before) - _DIRECTION_REACH))
    ):
        return "region", True  # "in southeast Idleb", "rural Ras al-Ain"
    if raw_before.endswith(("in", "of")):
        head = raw_before[:-2].rstrip()
        nouns = _OF_A_PLACE_BY_LAST.get(head[-1:])
        if nouns is not None and head.endswith(nouns) and _OF_A_PLACE.search(raw_before):
            return "region", True  # "X village in Aleppo"
    ends = _NEAR_BEFORE_BY_LAST.get(last_ch)
    if ends is not None and before.endswith(ends):
        return "near", True
    starts = _NEAR_AFTER_BY_FIRST.get(first_ch)
    if starts is not None and after.startswith(starts):
        return "near", True
    words = before.rsplit(None, 2)  # (its last two words are split()'s last two)
    last = words[-1] if words else ""
    if last == "the" and len(words) > 1:
        last = words[-2]
    return "in", last in _CUES_1


# the upper-case letters a _WORD match can start with (a set test, not a str.isupper call per word)
_UPPER_FIRST: Final = frozenset(
    ch
    for lo, hi in ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
    for ch in map(chr, range(lo, hi + 1))
    if ch.isupper()
)


_ADJ_WORDS: Final = frozenset({"backed", "affiliated", "aligned", "sponsored", "funded"})  # _ADJ_AFTER's
_ADJ_WORDS_AFTER: Final = tuple(sorted(_ADJ_WORDS))
# the letters a _WORD match can start with (× and ÷ among them, the only ones \w does not hold)
_START_LETTERS: Final = frozenset(
    ch
    for lo, hi in ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
    for ch in map(chr, range(lo, hi + 1))
)


def _char_class(chars: frozenset[str]) -> str:
    """A regular expression character class of exactly ``chars`` (as ranges)."""
    points = sorted(ord(ch) for ch in chars)
    out: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        lo, hi = re.escape(chr(points[i])), re.escape(chr(points[j]))
        out.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(out) + "]"


_START_CLASS = r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"
_CONT_CLASS = r"[\w'’‘ʿʾ`]"
_UPPER_CLASS = _char_class(_UPPER_FIRST)
# a region of the text where capitalised runs may lie: a word that begins with a capital (if it begins a
# _WORD match at all: _starts_word), then words after spaces or hyphens that begin with a capital or are
# short enough to be connectors (every _CONNECT word has at most 4 letters, and lower() never shortens).
# Every run _candidate_spans finds lies in one region, and a region's words are _WORD's matches there
_REGION: Final = _rx(
    f"{_UPPER_CLASS}{_CONT_CLASS}*+"
    f"(?:[ -]++(?:{_UPPER_CLASS}{_CONT_CLASS}*+|{_START_CLASS}{_CONT_CLASS}{{0,3}}+(?!{_CONT_CLASS})))*+"
)
_WORD_QUOTES: Final = "_'’‘`"  # _WORD's word characters beyond letters and digits (ʿʾ are letters)


def _starts_word(text: str, at: int) -> bool:
    """Whether a _WORD match (as finditer finds them) begins at ``at``, a letter it can begin with: not when
    a letter it can begin with comes before, joined by word characters only (that match goes on over
    ``at``; "McDonald", "×B"); else yes ("3Aleppo", "‘Aleppo": the digits and quotes start no match)."""
    k = at - 1
    while k >= 0:
        ch = text[k]
        if ch in _START_LETTERS:
            return False
        if not (ch.isalnum() or ch in _WORD_QUOTES):  # (\w is str.isalnum or "_")
            return True
        k -= 1
    return True


def _candidate_spans(text: str) -> list[tuple[int, int, str]]:
    """Capitalised word runs and their sub-runs (up to six words), as (start, end, text). Not memoised:
    a report is scanned once (Geocoder.mentions keeps the result), so a memo keyed by the whole text
    only paid when the same text came again."""
    # only the regions that can hold a run are split into words (most of a report is lower-case words,
    # which the old split of the whole text cut out one by one): a run begins with a capitalised word and
    # goes on over spaces and hyphens, capitalised words and connectors, all inside one _REGION match
    spans: list[tuple[int, int, str]] = []
    search = _REGION.search
    m = search(text)
    while m is not None:
        s, e = m.span()
        if s and not _starts_word(text, s):
            m = search(text, s + 1)  # a capital inside a word ("McDonald"): look on from the next letter
            continue
        _region_spans(text, s, text[s:e], spans)
        m = search(text, e)
    return spans


# _region_candidates' memo: (the text read before the region, the region, the text read after it) ->
# its candidates, offsets from the region's start (a dict: names repeat across reports)
_REGION_MEMO: Final[dict[tuple[str, str, str], list[tuple[int, int, str, str]]]] = {}
_AFTER_REACH: Final = 16  # the adjective tests after a word read at most 12 characters (" affiliated ")


def _candidates(text: str) -> list[tuple[int, int, str, str]]:
    """``scan``'s candidates: the spans of ``_candidate_spans`` with their keys (``_span_key``), those
    whose key has three or more characters and is no stopword, in the same order. Each region's are
    memoised per region and the few characters around it that its tests read (``_region_context``), so a
    region seen before (a name, a sentence's first word) costs a dict look-up and its offsets."""
    out: list[tuple[int, int, str, str]] = []
    memo = _REGION_MEMO
    search = _REGION.search
    m = search(text)
    while m is not None:
        s, e = m.span()
        if s and not _starts_word(text, s):
            m = search(text, s + 1)
            continue
        mkey = _region_context(text, s, e)
        hit = memo.get(mkey)
        if hit is None:
            hit = _region_candidates(mkey[0], mkey[1], mkey[2])  # (a starred call is a generic one)
            if len(memo) >= 65536:
                memo.clear()
            memo[mkey] = hit
        for rs, re_, chunk, key in hit:
            out.append((s + rs, s + re_, chunk, key))
        m = search(text, e)
    return out


def _region_context(text: str, s: int, e: int) -> tuple[str, str, str]:
    """The region ``text[s:e]`` with what its spans' tests read outside it, else "": the six characters
    before it when a hyphen lies in the two before it or in its first five (``_ADJ_BEFORE``'s window of a
    word starting within five characters of ``s``: only a hyphen there lets it run), and the
    ``_AFTER_REACH`` characters after it when a hyphen or a space and one of ``_ADJ_WORDS`` follow (the
    adjective test of its last word; an inner word's test reads the region only: the words it takes
    there, "-led" of "Iran-led Coalition", are region words, and no longer one is)."""
    region = text[s:e]
    before = ""
    if text.find("-", max(0, s - 2), min(e, s + 5)) >= 0:  # (the two before it and its first five)
        before = text[max(0, s - 6) : s]
    after = ""
    if text[e : e + 1] == "-" or text.startswith(_ADJ_WORDS_AFTER, e + 1):
        after = text[e : e + _AFTER_REACH]
    return before, region, after


def _region_candidates(before: str, region: str, after: str) -> list[tuple[int, int, str, str]]:
    """The candidates of one region in its context (``_region_context``), offsets from its start."""
    text = before + region + after
    base = len(before)
    spans: list[tuple[int, int, str]] = []
    _region_spans(text, base, region, spans)
    if not spans:
        return []
    # each span's key (``_span_key``) from the region's words, cut as _region_spans and fold cut them: a
    # span runs from a word's start to a word's end; its first character is a letter (the quotes
    # _span_key strips can only end it) and only its last word loses a possessive "'s" and end quotes
    words: list[str] = []
    word_at: dict[int, int] = {}  # a word's start offset -> its index
    word_to: dict[int, int] = {}  # a word's end offset -> its index
    pos = base
    for piece in region.replace("-", " ").split(" "):
        if piece:
            word_at[pos] = word_to[pos + len(piece)] = len(words)
            words.append(piece)
        pos += len(piece) + 1
    out: list[tuple[int, int, str, str]] = []
    for start, end, chunk in spans:
        last_i = word_to[end]
        last = words[last_i]
        if last.endswith(("'s", "’s")):
            last = last[:-2]
        pieces = words[word_at[start] : last_i]
        pieces.append(last.strip("'’‘"))
        key = fold_pieces(pieces)
        if len(key) >= 3 and key not in STOPWORDS:
            out.append((start - base, end - base, chunk, key))
    return out


def _region_spans(text: str, base: int, region: str, spans: list[tuple[int, int, str]]) -> None:
    """The spans of the runs in one _REGION match (``region``, at ``base``): its words are its pieces
    between spaces and hyphens (so every gap between them passes the run's gap test)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = base
    for piece in region.replace("-", " ").split(" "):
        if piece:
            words.append(piece)
            starts.append(pos)
            ends.append(pos + len(piece))
        pos += len(piece) + 1
    n = len(words)
    # each word tested once; a _WORD match holds no hyphen, so _is_cap is its first letter's case
    caps = [w[0] in _UPPER_FIRST for w in words]
    i = 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        # a run of capitalised words joined by connectors (inside a region: no sentence punctuation). A
        # connector's look-ahead past the region's end ends the run where the whole text's would: the next
        # word there is not joined by spaces or hyphens only, or is neither capitalised nor a connector
        j = i
        run_end = i
        while j + 1 < n and j - i < 6:
            if caps[j + 1]:
                j += 1
                run_end = j
            elif (
                words[j + 1].lower() in _CONNECT
                and j + 2 < n
                and (caps[j + 2] or (words[j + 2].lower() in _CONNECT and j + 3 < n and caps[j + 3]))
            ):
                j += 1  # "Santa Cruz de la Sierra": up to two connector words inside a name
            else:
                break
        # "Turkey-backed", "Iran-affiliated": actors, not places (each end tested once; the pattern needs a
        # hyphen after the word, or a space and one of _ADJ_WORDS: the text goes on with one of them)
        adjective: list[bool] = []
        for b in range(i, run_end + 1):
            we = ends[b]
            adjective.append(
                (text[we : we + 1] == "-" or text.startswith(_ADJ_WORDS_AFTER, we + 1))
                and bool(_ADJ_AFTER.match(text, we))
            )
        for a in range(i, run_end + 1):
            ws = starts[a]
            # "pro-Turkey", "anti-Assad": the pattern ends with a hyphen right before the word (or before a
            # final newline: "$")
            if not caps[a] or (
                "-" in text[max(0, ws - 2) : ws] and _ADJ_BEFORE.search(text[max(0, ws - 6) : ws])
            ):
                continue
            for b in range(a, min(run_end, a + 5) + 1):
                if adjective[b - i]:
                    continue
                end = ends[b]
                spans.append((ws, end, text[ws:end]))
        i = run_end + 1


# a place name inside an armed group's name ("Qalamoun Shield Forces", "Free Idlib Army", "Hamza
# Division") says where the group comes from, not where the event is
_GROUP_WORD_AFTER: Final = _rx(
    r"(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:Forces|Force|Army|Brigades?|Battalions?|Division|Corps|Regiment|Shield|"
    r"Shields|Falcons|Hawks|Lions|Knights|Guards?|Militias?|Movement|Revolutionaries|Gathering|Legion|Commandos)\b"
)
# the group words as they begin a chunk of text (prefixes: "Brigade" for "Brigades?"), and how far
# _group_word_after reads to see three whole chunks
_GROUP_WORDS: Final[tuple[str, ...]] = (
    "Forces", "Force", "Army", "Brigade", "Battalion", "Division", "Corps", "Regiment", "Shield", "Falcons",
    "Hawks", "Lions", "Knights", "Guard", "Militia", "Movement", "Revolutionaries", "Gathering", "Legion",
    "Commandos",
)
_GROUP_FIRST: Final = frozenset(word[0] for word in _GROUP_WORDS)
_GROUP_REACH: Final = 80


def _group_word_after(text: str, end: int) -> bool:
    """``_GROUP_WORD_AFTER.match(text, end)``: its group word, after spaces and at most two capitalised
    words (each a whole chunk between spaces), begins one of the first three chunks after ``end``; the
    pattern runs only when one does, or when those chunks are not all inside the text read."""
    if not text[end : end + 1].isspace():
        return False
    chunks = text[end : end + _GROUP_REACH].split(None, 3)
    if (len(chunks) == 4 or end + _GROUP_REACH >= len(text)) and not any(
        chunk[:1] in _GROUP_FIRST and chunk.startswith(_GROUP_WORDS) for chunk in chunks[:3]
    ):
        return False
    return bool(_GROUP_WORD_AFTER.match(text, end))


# "the Kyiv regime", "the Damascus regime": a government named by its capital, not a place
_REGIME_AFTER: Final = _rx(r"[ \t]+(?:regime|junta)\b")
_REGIME_WORDS: Final[tuple[str, ...]] = ("regime", "junta")


def _regime_after(text: str, end: int) -> bool:
    """``_REGIME_AFTER.match(text, end)``, run only when spaces or tabs and then "regime" or "junta"
    follow (its matches begin so)."""
    i = end
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    return i > end and text.startswith(_REGIME_WORDS, i) and bool(_REGIME_AFTER.match(text, end))


_UNIT_WORD_AFTER: Final = _rx(r"\s+(?:province|governorate|state|region|district|oblast|department|county)\b")
_UNIT_WORD_FIRST: Final = frozenset("pgsrdoc")  # the first letters of _UNIT_WORD_AFTER's words


def _unit_word_after(text: str, end: int) -> bool:
    """``_UNIT_WORD_AFTER.match(text, end)``, run only when a space and a unit word's first letter (or more
    spaces) follow."""
    if not text[end : end + 1].isspace():
        return False
    second = text[end + 1 : end + 2]
    if second not in _UNIT_WORD_FIRST and not second.isspace():
        return False
    return bool(_UNIT_WORD_AFTER.match(text, end))


def _unit_variants(gaz: Gazetteer, name: str, key: str) -> list[Place]:
    return [
        p
        for _k, p, _score in gaz.close_by_skeleton(skeleton(name), key, 75)
        if p.kind in {"admin1", "admin2", "admin3"}
    ]


_LOCATIVE_AFTER: Final = _rx(
    r"\s+(?:village|town|city|hamlet|farms|neighbou?rhood|area|front|axis|hill)s?\b", re.I
)
# the first letters of _LOCATIVE_AFTER's words (none of them is one that IGNORECASE folds specially)
_LOCATIVE_AFTER_FIRST: Final = frozenset("vtchfna")


def _locative_after(text: str, end: int) -> bool:
    """``_LOCATIVE_AFTER.match(text, end)``, run only when white space and then one of its words' first
    letters (any case) follow (``str.isspace`` is the pattern's Unicode ``\\s``)."""
    n = len(text)
    i = end
    while i < n and text[i].isspace():
        i += 1
    if i == end or text[i : i + 1].lower() not in _LOCATIVE_AFTER_FIRST:
        return False
    return bool(_LOCATIVE_AFTER.match(text, end))


_WORLD_KINDS: Final = frozenset({"city", "feature", "road"})  # worldwide namesakes: no evidence of a country
_LOCATIVE_BEFORE: Final = _rx(
    r"(?:\b(?:in|at|near|of|around|towards?)\s+(?:the\s+)?(?:(?:village|town|city|hamlet)\s+of\s+)?)$", re.I
)
# the words _LOCATIVE_BEFORE's text can end with before its final spaces
_LOCATIVE_LAST: Final[tuple[str, ...]] = ("in", "at", "near", "of", "around", "toward", "towards", "the")


def _locative_before(text: str, start: int) -> bool:
    """``_LOCATIVE_BEFORE.search(text[start - 24 : start])``, run only when the text before ``start`` ends
    with spaces after one of _LOCATIVE_LAST (any case; non-ASCII letters: always, as the pattern ignores
    case with Unicode's foldings). An ASCII text is read from its end instead (``_ascii_ends``)."""
    before = text[max(0, start - 24) : start]
    word = before.rstrip()
    if len(word) == len(before):
        return False  # the pattern ends with spaces
    if before.isascii():
        return _ascii_ends(word.lower(), _LOCATIVE_WORDS, True)
    last = word[-7:]
    if last.isascii() and not last.lower().endswith(_LOCATIVE_LAST):
        return False
    return bool(_LOCATIVE_BEFORE.search(before))


_LOCATIVE_WORDS: Final[tuple[str, ...]] = ("in", "at", "near", "of", "around", "toward", "towards")
_ASCII_WORD_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def _ascii_ends(word: str, firsts: tuple[str, ...], then_the: bool) -> bool:
    r"""Whether ``re.search(r"\b(?:FIRSTS)\s+(?:the\s+)?$", text, re.I)`` matches (without "the" unless
    ``then_the``), given an ASCII text that ends with white space, in lower case without that white
    space (``word``): it ends with one of ``firsts`` at a word boundary, or with one, white space and
    "the". (_LOCATIVE_BEFORE's "(village|town|city|hamlet) of" part ends with "of", itself one of its
    first words after white space: with or without it the pattern matches.)"""
    if then_the and word.endswith("the"):
        head = word[:-3]
        stripped = head.rstrip()
        if len(stripped) < len(head) and _ends_with_any(stripped, firsts):
            return True
    return _ends_with_any(word, firsts)


def _ends_with_any(word: str, words: tuple[str, ...]) -> bool:
    """Whether ``word`` (ASCII, lower case) ends with one of ``words`` at a word boundary."""
    for w in words:
        if word.endswith(w):
            cut = len(word) - len(w)
            if cut == 0 or word[cut - 1] not in _ASCII_WORD_CHARS:
                return True
    return False


_VARIANT_KINDS: Final = frozenset({"city", "town", "village", "neighbourhood", "acled", "site"})
_LOCAL_KINDS: Final = frozenset({"town", "village", "acled", "site"})


def _place_variants(gaz: Gazetteer, name: str, key: str) -> list[Place]:
    """Populated places spelled a little differently ("Maysalun"/"Mayselun", "Alzarah"/"Az-Zara"):
    same consonant skeleton, or the name without an Arabic article written solid ("Al"+name), and a
    close spelling (ratio ≥ 85). Memoised per gazetteer (names repeat across reports)."""
    memo = gaz._variants_memo
    hit = memo.get((name, key))
    if hit is None:
        hit = _place_variants_uncached(gaz, name, key)
        if len(memo) > 20000:
            memo.clear()
        memo[(name, key)] = hit
    return list(hit)


def _variant_tries(name: str, key: str) -> list[tuple[str, str]]:
    """The spellings _place_variants looks up, in order: the name, then without a solid "Al"/"El"."""
    tries = [(name, key)]
    if key.startswith(("al", "el")) and " " not in key and len(key) >= 6:
        tries.append((name[2:], key[2:]))
    return tries


def _may_have_local_variant(gaz: Gazetteer, name: str, key: str) -> bool:
    """False when no town, village, site or ACLED place has the skeleton of any spelling
    _place_variants tries: beside exact namesakes it would then find nothing scan keeps. Memoised per
    gazetteer and name."""
    memo = gaz._local_variant_memo
    hit = memo.get((name, key))
    if hit is None:
        local = gaz.skeletons_of(_LOCAL_KINDS)
        hit = any(skeleton(n) in local for n, _k in _variant_tries(name, key))
        if len(memo) > 20000:
            memo.clear()
        memo[(name, key)] = hit
    return hit


def _place_variants_uncached(gaz: Gazetteer, name: str, key: str) -> list[Place]:
    tries = _variant_tries(name, key)
    out: list[Place] = []
    ids: set[int] = set()  # places are equal exactly when their ids are (one row each)
    for n, k in tries:
        for _other, p, _score in gaz.close_by_skeleton(skeleton(n), k, 85):
            if p.kind in _VARIANT_KINDS and p.id not in ids:
                ids.add(p.id)
                out.append(p)
        if out:
            break
    return out


_SPAN_KEYS: Final[dict[str, str]] = {}  # _span_key's memo (a dict: an lru_cache is a Python-level call)


def _span_key(chunk: str) -> str:
    """The folded key of a candidate span (a possessive "'s" and quotes dropped)."""
    hit = _SPAN_KEYS.get(chunk)
    if hit is None:
        # (a span ends with a word, never a newline: "$" is the end)
        hit = fold((chunk[:-2] if chunk.endswith(("'s", "’s")) else chunk).strip("'’‘"))
        if len(_SPAN_KEYS) >= 65536:
            _SPAN_KEYS.clear()
        _SPAN_KEYS[chunk] = hit
    return hit


class _SpanTests:
    """Whether a candidate span is a name of its own (not part of a longer unknown name or of a group's
    name), tested once per span and only when asked."""

    def __init__(self, text: str, candidates: list[tuple[int, int, str, str]]) -> None:
        self.text = text
        self.candidates = candidates
        self.passed: dict[int, bool] = {}  # by candidate index
        # a run of n capitalised words gives up to n spans per start and per end: test each start's
        # preceding word and each end's following words once
        self.after_generic: dict[int, bool] = {}
        self.in_group: dict[int, bool] = {}

    def kept(self, i: int) -> bool:
        hit = self.passed.get(i)
        if hit is None:
            start, end, _chunk, key = self.candidates[i]
            hit = self.passed[i] = self.named(start, end, key)
        return hit

    def named(self, start: int, end: int, key: str) -> bool:
        text = self.text
        if key in GENERIC_HEADS and _CAP_NEXT.match(text, end):
            return False  # "Tal" of an unknown "Tal Hawash" is not the town At-Tall
        generic = self.after_generic.get(start)
        if generic is None:
            generic = self.after_generic[start] = _after_generic_head(text, start)
        if generic:
            return False  # "Tuman" of an unknown "Khan Tuman" is not Thumane
        group = self.in_group.get(end)
        if group is None:
            group = self.in_group[end] = bool(
                (_group_word_after(text, end) and not _unit_word_after(text, end))
                or _regime_after(text, end)
            )
        return not group


def scan(gaz: Gazetteer, text: str) -> list[TextMention]:
    """Gazetteer names in the text: longest non-overlapping matches, stopwords removed."""
    candidates = _candidates(text)
    # every candidate's key is looked up at once (one query); the tests of the words around a span, which
    # say whether it is a name at all, are made only for the spans that can name a place: most spans of a
    # report name nothing the gazetteer has, and their tests cost more than their keys' lookup
    found = gaz.by_keys([cand[3] for cand in candidates])
    tests = _SpanTests(text, candidates)
    for i, (_s, e, c, k) in enumerate(candidates):
        # "Wassit province": a unit named with its generic word, spelled otherwise
        if not found.get(k) and len(k) >= 4 and _unit_word_after(text, e) and tests.kept(i):
            units = _unit_variants(gaz, c, k)
            if units:
                found[k] = units
    # the spans found and kept, and the countries the text names outright (a country, a group, a unit):
    # where spelling variants may lie (one pass for both)
    covered: list[tuple[int, int]] = []
    named_ccs: set[str] = set()
    for i, (s, e, _c, k) in enumerate(candidates):
        places = found.get(k)
        if places and tests.kept(i):
            covered.append((s, e))
            for p in places:
                if p.kind not in _WORLD_KINDS:
                    named_ccs.add(p.cc)
    inexact: dict[str, frozenset[int]] = {}
    for i, (s, e, c, k) in enumerate(candidates if named_ccs else []):  # "Maysalun village": a variant
        if len(k) < 5:
            continue
        if any(cs <= s and e <= ce and ce - cs > e - s for cs, ce in covered):
            continue  # inside a longer name found (tested before the patterns: cheaper)
        if not (_locative_after(text, e) or _locative_before(text, s)):
            continue
        if not tests.kept(i):
            continue
        exact = found.get(k) or []
        if exact and not _may_have_local_variant(gaz, c, k):
            continue  # beside exact namesakes only local places count, and none is spelled so
        if not any(named_ccs & gaz.skeleton_ccs(skeleton(n)) for n, _k in _variant_tries(c, k)):
            continue  # the variants kept lie in a country named: no name of these skeletons does
        exact_ids = {p.id for p in exact}
        variants = [
            p
            for p in _place_variants(gaz, c, k)
            if p.cc in named_ccs and p.id not in exact_ids and (not exact or p.kind in _LOCAL_KINDS)
        ]
        if variants:  # beside exact namesakes only local entries (a village, your ACLED places)
            found[k] = [*exact, *variants]
            inexact[k] = frozenset(p.id for p in variants)
    hits = [span for i, span in enumerate(candidates) if found.get(span[3]) and tests.kept(i)]
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int]] = []
    out: list[TextMention] = []
    for s, e, c, k in hits:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        relation, cue = _relation(text, s, e)
        if relation == "region" and _CITY_CENTRE_BEFORE.search(text, max(0, s - 12), s) and any(
            p.kind == "city" and p.population >= _CENTRE_CITY for p in found[k]
        ):
            relation = "in"  # "in central Maputo", "downtown Nairobi": the city itself, not a region
        countries = [p for p in found[k] if p.kind == "country"]
        demonym = bool(countries) and all(fold(p.name) != k for p in countries)
        usage = _usage(text, s, e, demonym=demonym) if countries else ""
        placey = cue or relation != "in" or _placey(text, s, e)
        # (_NAME_GOES_ON begins with a space)
        goes_on = text[e : e + 1] == " " and bool(_NAME_GOES_ON.match(text, e))
        partial = goes_on and not _UNIT_WORD_NEXT.match(text, e)
        out.append(
            TextMention(
                s, e, c, k, found[k], relation, cue, usage=usage, placey=placey, partial=partial,
                inexact=inexact.get(k, frozenset()),
            )
        )
    out.sort(key=lambda m: m.start)
    return out
