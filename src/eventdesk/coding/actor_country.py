"""Actor countries: which country an event's actors belong to, and names that change with it.

``infer_country`` and the private helpers here read the country from the actors themselves (groups
fight at home), from the country-bound words of the event ("regime forces"), from the first-level
units the report names ("in Idleb province") or from a country named outright; ``_redate``,
``_relocalize``, ``_abroad`` and friends rename a mention once the country and date are known.
Used by ``coding.actors.assign_actors``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from typing import Any, Final

from ..nlp.lexcache import PatternCache
from ..records import ActorMention
from .actor_dictionary import ActorDictionary
from .actor_names import at_home
from .actor_text import standing_for

_rx = PatternCache(__file__)


def infer_country(mentions: list[ActorMention]) -> str | None:
    """The country an event is in, judged by its actors: non-state actors fight at home."""
    if not mentions:
        return None
    home = _most_common([m.country for m in mentions if m.country and not m.generic and m.inter != 1])
    if home is not None:
        return home
    state = {m.country for m in mentions if m.country and m.inter == 1 and not m.generic}
    if len(state) == 1:
        return next(iter(state))
    return _most_common([m.country for m in mentions if m.country])


def _most_common(values: list[str | None]) -> str | None:
    """The most frequent value, the first seen on a tie (``Counter.most_common(1)`` without a Counter)."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    counts: dict[str | None, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=counts.__getitem__)


_MONTHS: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# (``\b(\d{1,2})`` written ``(\d(?<!\w\d)\d?)``: the same matches, but the search skips to digits)
_DAY_MONTH_YEAR: Final = _rx(
    r"(\d(?<!\w\d)\d?)\s+(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+((?:19|20)\d\d)\b"
)


# (report text, its first full date in the first 3,000 characters): the fallback of every event's
# ``_text_date``, searched once per report (one tuple, replaced whole: safe between threads)
_REPORT_DATE: Final[list[tuple[str, re.Match[str] | None] | None]] = [None]


def _text_date(text: str, start: int, end: int) -> dt.date | None:
    """The first full date written in the event's text or, failing that, in the report ("On 4 May 2020")."""
    size = len(text)
    # (an event that spans the report's first 3,000 characters searches what the fallback searches)
    match = (
        None
        if start == 0 and min(end, size) == min(3000, size)
        else _DAY_MONTH_YEAR.search(text, start, end)
    )
    if match is None:
        known = _REPORT_DATE[0]
        if known is not None and known[0] is text:
            match = known[1]
        else:
            match = _DAY_MONTH_YEAR.search(text, 0, 3000)
            _REPORT_DATE[0] = (text, match)
    if match is None:
        return None
    written = match.group(0)
    day = _WRITTEN_DATES.get(written, _NO_DATE)
    if day is _NO_DATE:
        # (the groups are read off the match's own text: one written date is always the same day)
        try:
            day = dt.date(int(match.group(3)), _MONTHS.index(match.group(2).lower()) + 1, int(match.group(1)))
        except ValueError:
            day = None
        if len(_WRITTEN_DATES) > 20000:
            _WRITTEN_DATES.clear()
        _WRITTEN_DATES[written] = day
    return day


# a written date ("4 May 2020") -> its day (None: no such day), across reports: reports of a batch
# repeat their dates, and a date made from the match's groups cost ~7 K instructions compiled
_WRITTEN_DATES: Final[dict[str, dt.date | None]] = {}
_NO_DATE: Final = dt.date.min  # (a sentinel: no written date in the 1900s-2000s is the first day)


def _redate(
    dictionary: ActorDictionary, mention: ActorMention, country: str | None, on: dt.date | None
) -> ActorMention:
    """Names that change with time (state-force eras, former names) as of the event's date."""
    if mention.generic and "Forces of" not in mention.canonical:
        return mention
    entry = dictionary.lookup(mention.canonical)
    if entry is None or not (entry.kind in ("military", "police") or entry.names or entry.by_country):
        return mention
    if on is None and not entry.by_country:
        return mention
    if entry.kind in ("military", "police") and entry.country is None:
        return mention
    name = entry.canonical(on, country)
    inter = entry.inter_on(on)
    if entry.kind in ("military", "police") and ") " in mention.canonical:
        # a unit composed from the text ("regime's 6th Armored Division") keeps its unit
        unit = mention.canonical.split(") ", 1)[1]
        if not name.endswith(unit):
            name = f"{name} {unit}"
    if name == mention.canonical and inter == mention.inter:
        return mention
    # (built directly, not with dataclasses.replace: the same record, without its interpreted field loop;
    # tests/test_actors_speed.py pins the record's fields)
    return ActorMention(
        mention.text, mention.start, mention.end, name, inter, mention.country, mention.generic
    )


def _abroad(dictionary: ActorDictionary, mention: ActorMention, country: str | None) -> ActorMention:
    """State forces acting in a country where ACLED codes them as a coalition ("Saudi forces" in Yemen)."""
    if country is None or mention.inter != 1 or not mention.country or mention.country == country:
        return mention
    actor = dictionary.abroad.get((mention.country, country))
    if actor is None:
        return mention
    entry = dictionary.lookup(actor)
    return replace(
        mention,
        canonical=actor,
        inter=entry.inter if entry else 8,
    )


_OUR: Final = _rx(r"\b(?:our|we)\b", re.IGNORECASE)


# "the Houthis said their air defences …", "the KIA said its troops …", "the army said in a statement on
# 5 January that its jets …": the speaker's own forces
_SAID_ITS: Final = _rx(
    r"\b(?:said|says|claimed|claims|announced|stated|reported)\s+(?:in\s+a\s+statement\s+)?"
    r"(?:(?:on|late|early)\s+(?:on\s+)?(?:\w+\s+){1,4}?)?(?:that\s+)?(?:its|their)\s+$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _faction_bases() -> frozenset[str]:
    """The state forces with an outlet of one of their factions ("Military Forces of Yemen": Saba speaks
    for the Supreme Political Council's), read once from outlets.yaml."""
    from .claims import OutletDirectory

    sides = (o.side for o in OutletDirectory.default().outlets.values() if o.side)
    return frozenset(side.split(" (")[0] for side in sides if ") " in side)


# a jihadist outlet's word for its own fighters
_SELF_WORDS: Final = frozenset({"mujahideen", "mujahidin", "mujahedeen"})


def _speaker_forces(
    mention: ActorMention,
    mentions: list[ActorMention],
    text: str,
    dictionary: ActorDictionary | None = None,
    on: dt.date | None = None,
) -> ActorMention:
    """ "our armed forces" in a ministry's own statement are that state's forces; "X said its
    troops …" are X's; "our forces" in a partisan outlet's report with no speaker named are the forces
    the outlet speaks for (outlets.yaml ``side``: Hawar News, the SDF); so are "the mujahideen" in a
    jihadist outlet's (Radio Andalus: Al Shabaab)."""
    own_fighters = mention.generic and mention.text.lower().removeprefix("the ") in _SELF_WORDS
    if dictionary is not None and own_fighters:
        return _outlet_side(mention, text, dictionary, on)
    if (
        dictionary is not None
        and mention.inter == 1
        and mention.canonical.endswith(")")
        and mention.canonical.split(" (")[0] in _faction_bases()
    ):
        # "Yemeni forces" in a Houthi outlet's report: the state's forces of the faction it speaks for
        # (a country with two governments' armies); the side must be that country's forces
        own = _outlet_side(mention, text, dictionary, on)
        if own is not mention and own.canonical.split(" (")[0] == mention.canonical.split(" (")[0]:
            return own
    if (
        mention.generic
        and mention.inter == 1
        and _may_say_its(text, mention.start)
        and _SAID_ITS.search(text, max(0, mention.start - 60), mention.start)
    ):
        named = [
            m
            for m in mentions
            if not m.generic and m.inter in (1, 2, 3, 4, 8) and mention.start - 120 <= m.start < mention.start
        ]
        if named:
            return standing_for(mention, named[-1])
    if mention.generic and mention.inter == 1 and not _OUR.search(mention.text):
        # "The Russian Defence Ministry said that on 13 May air defence systems intercepted …": a state's
        # forces named by no country in the clause a state's ministry or army says are its own
        talking = [
            m
            for m in mentions
            if m.inter == 1
            and not m.generic
            and m.country
            and mention.start - 150 <= m.start < mention.start
            and _SPEAKS.match(text, m.end)
        ]
        if talking and ". " not in text[talking[-1].end : mention.start]:
            return _as_speakers(mention, talking[-1])
        # "… air defence systems intercepted 16 drones over Belgorod region, the Russian Defence Ministry
        # said": the state speaking at the end of the same sentence
        after = [
            m
            for m in mentions
            if m.inter == 1
            and not m.generic
            and m.country
            and mention.end < m.start <= mention.end + 200
            and _SPEAKS.match(text, m.end)
        ]
        if after and ". " not in text[mention.end : after[0].start]:
            return _as_speakers(mention, after[0])
        return mention
    if not (mention.generic and mention.inter == 1 and _OUR.search(mention.text)):
        return mention
    speakers = [
        m
        for m in mentions
        if m.inter == 1 and not m.generic and m.country and mention.start - 800 <= m.start < mention.start
    ]
    talking = [m for m in speakers if _SPEAKS.match(text, m.end)]
    if talking:
        # "Azerbaijan's Ministry of Defence said that … Armenian forces opened fire on our units": the state
        # whose ministry speaks, not the forces named between
        return standing_for(mention, talking[-1], inter=1)
    if speakers and dictionary is not None:
        # the state forces named before are no speaker ("the Turkish army shelled …; our forces
        # responded" in an SDF outlet's report): the partisan outlet's own forces, when it has a side
        own = _outlet_side(mention, text, dictionary, on)
        if own is not mention:
            return own
    if not speakers:
        # "Our forces repelled an attack …, the SDF said in a statement": the group speaking after it
        after = [
            m
            for m in mentions
            if not m.generic
            and m.inter in (1, 2, 3, 4)
            and mention.end < m.start <= mention.end + 400
            and _SPEAKS.match(text, m.end)
        ]
        if after:
            return standing_for(mention, after[0])
        return _outlet_side(mention, text, dictionary, on) if dictionary is not None else mention
    return standing_for(mention, speakers[-1], inter=1)


def _as_speakers(mention: ActorMention, speaker: ActorMention) -> ActorMention:
    """A generic state-forces mention read as the speaking state's forces, when it named another state's:
    the state's forces as a whole (not the speaking unit: "the Philippine army's 8th Infantry Division
    said" names who speaks, not who fought)."""
    if mention.country == speaker.country:
        return mention
    canonical = speaker.canonical
    if ") " in canonical:  # "Military Forces of X (2019-) 8th Infantry Division"
        canonical = canonical.split(") ", 1)[0] + ")"
    return replace(mention, canonical=canonical, inter=1, country=speaker.country, generic=False)


def _outlet_side(
    mention: ActorMention, text: str, dictionary: ActorDictionary, on: dt.date | None
) -> ActorMention:
    """``mention`` read as the actor the one partisan outlet named in the report speaks for."""
    sides = _outlet_sides(text)
    if len(sides) != 1:
        return mention
    entry = dictionary.lookup(next(iter(sides)))
    if entry is None or not entry.aliases:
        return mention
    actor = dictionary.resolve_cached(entry.aliases[0], entry.country, on)
    return standing_for(mention, actor) if actor is not None else mention


def _may_say_its(text: str, end: int) -> bool:
    """False when ``_SAID_ITS`` cannot match before ``end``: every match ends in "its" or "their" and
    white space (``$`` is the window's end, or a line break just before it); a tail that is not ASCII
    (a character IGNORECASE folds to i, s or k) is left to the pattern."""
    if end <= 0 or not text[end - 1].isspace():
        return False
    last = text[max(0, end - 60) : end].rstrip()[-5:]
    if not last.isascii():
        return True
    last = last.lower()
    return last.endswith("its") or last.endswith("their")


# (report text, outlet directory, the sides of the outlets it names): read once per report, not per
# mention (one tuple, replaced whole: safe between threads)
_REPORT_SIDES: Final[list[tuple[str, object, frozenset[str]] | None]] = [None]


def _outlet_sides(text: str) -> frozenset[str]:
    """The sides (outlets.yaml ``side``) of the partisan outlets ``text`` names."""
    from .claims import OutletDirectory

    directory = OutletDirectory.default()
    known = _REPORT_SIDES[0]
    if known is not None and known[0] is text and known[1] is directory:
        return known[2]
    sides = frozenset(o.side for _, _, o in directory.outlets_in(text) if o.side)
    _REPORT_SIDES[0] = (text, directory, sides)
    return sides


_SPEAKS: Final = _rx(r"\s+(?:(?:has|had|also)\s+)?(?:said|says|stated|announced|reported|claimed|added)\b")


def _bound_country(
    dictionary: ActorDictionary, text: str, start: int, end: int, on: dt.date | None
) -> str | None:
    """The one country the event's actors point to when read without a country (None if mixed)."""
    if not dictionary.may_bind(text, start, end):
        return None  # no word the loop below counts is in the span (most events: the search is spared)
    countries = set()
    for mention in dictionary.find(text, start, end, on=on):
        if not mention.country:
            continue
        entry = dictionary.lookup(mention.canonical)
        if entry is None or entry.by_country:
            continue  # actors present in many countries (Islamic State) say nothing
        # only words that belong to one country's conflict: "regime forces", "opposition rebels"
        if (entry.generic and entry.country) or (mention.inter == 1 and "regime" in mention.text.lower()):
            countries.add(mention.country)
    return countries.pop() if len(countries) == 1 else None


def _home_country(mentions: list[ActorMention]) -> str | None:
    return _most_common([m.country for m in mentions if m.country and not m.generic and m.inter in (2, 3, 4)])


def _outvoted(dictionary: ActorDictionary, mentions: list[ActorMention], country: str) -> str | None:
    """Another country when the event's named actors belong to it more than to ``country`` (a place
    guess): "Syrian regime forces, backed by Hezbollah and the NDF" are in Syria, not Lebanon. Actors
    ACLED names per country do not vote (their country came from the guess)."""
    # (a plain dict, not a Counter: Counter's methods are interpreted code, and this runs per event)
    votes: dict[str, int] = {}
    local: set[str] = set()  # countries with a non-state actor (they fight at home); state forces go abroad
    seen: set[str] = set()
    for m in mentions:
        if m.generic or not m.country or m.canonical in seen or _many_countries(dictionary, m):
            continue
        if m.inter not in (1, 2, 3, 4):
            continue
        seen.add(m.canonical)
        if m.country != country and dictionary.operates_in(m.canonical, country):
            votes[country] = votes.get(country, 0) + 1  # a group that fights in the guessed country too
            continue  # (Al Shabaab in Kenya)
        votes[m.country] = votes.get(m.country, 0) + 1
        if m.inter != 1:
            local.add(m.country)
    if not votes:
        return None
    # Counter.most_common(1): the highest count, the first counted on a tie
    best, count = "", 0
    for name, n in votes.items():
        if n > count:
            best, count = name, n
    if best != country and best in local and count > votes.get(country, 0) and count >= 2:
        return best
    return None


def _named_country(
    dictionary: ActorDictionary, text: str, actors: list[ActorMention] | None = None
) -> str | None:
    """A country named in the report ("in Nigeria", "Pakistani police"), as a last resort. With
    ``actors``, a demonym that is part of an actor's name ("the Lebanese army", "Lebanese Hezbollah")
    says whose forces they are, not where the event is, and is skipped.

    Memoised per (text, actor spans): every event of a report asks again."""
    key = (text, None if actors is None else tuple((m.start, m.end) for m in actors))
    memo: dict[tuple[str, _Spans | None], str | None] = dictionary.memos.setdefault("named_country", {})
    if key in memo:
        return memo[key]
    result = _find_named_country(dictionary, text, actors)
    if len(memo) > 2000:
        memo.clear()
    memo[key] = result
    return result


_Spans = tuple[tuple[int, int], ...]
# per dictionary (ActorDictionary.memos): (text, actor spans) -> the answer of _named_country / _unit_country


# a capitalised word or two (precompiled: a module-level re.finditer goes through re's interpreted cache)
_NAMED_WORD: Final = _rx(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")


def _find_named_country(
    dictionary: ActorDictionary, text: str, actors: list[ActorMention] | None
) -> str | None:
    for found in _NAMED_WORD.finditer(text[:2000]):
        word = found.group(0)
        before = text[max(0, found.start() - 5) : found.start()].lower()
        if before.endswith(("pro-", "anti-")) or text.startswith("-backed", found.end()):
            continue  # "pro-Iran militias", "Turkish-backed factions": a patron, not the place
        if actors is not None and any(
            m.start <= found.start() < m.end
            or (m.start >= found.end() and not text[found.end() : m.start].strip())
            for m in actors
        ):
            continue
        country = dictionary.country_of(word)
        if country:
            return country
    return None


_UNIT_WORD: Final = _rx(r"\b[A-Z][\w'’]*(?:[ -](?:[A-Z][\w'’]*|ez|es|el|al|ad|ar|as|az|ash))*")


class _FirstWords:
    """The first tokens of the unit index's keys ("~" dropped from a skeleton key; no key begins with two),
    asked by bisection over the sorted keys themselves: no set of ~4,800 words made at start. A key that
    begins with the word is the word, or the word and a space: no key holds a character below the space,
    so such keys follow the word at once in sorted order."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys

    def __contains__(self, word: str) -> bool:
        if word.startswith("~"):
            return False  # (no first token begins with one: it is dropped from the keys)
        keys = self.keys
        for probe in (word, "~" + word):
            at = bisect_left(keys, probe)
            if at < len(keys):
                key = keys[at]
                if key == probe or key.startswith(probe + " "):
                    return True
        return False


class _UnitIndex:
    """``_unit_index``: a unit name's key -> its ACLED country, as sorted keys (asked by bisection) and one
    character per key, the position of its country among ``names`` (made from two strings in the start-up
    cache: a marshalled dict of ~7,000 keys and a set of their ~4,800 first tokens cost ~10 M instructions
    to read back, the keys split in C ~2 M)."""

    def __init__(self, keys: list[str], codes: str, names: list[str]) -> None:
        self.keys = keys
        self.codes = codes
        self.names = names

    def get(self, key: str) -> str | None:
        keys = self.keys
        at = bisect_left(keys, key)
        if at < len(keys) and keys[at] == key:
            return self.names[ord(self.codes[at])]
        return None

    def items(self) -> list[tuple[str, str]]:
        names = self.names
        return [(key, names[ord(code)]) for key, code in zip(self.keys, self.codes, strict=True)]


_UNIT_INDEX: list[_UnitIndex] = []
_UNIT_FIRST: Final = _FirstWords([])  # the first tokens of the index's keys (its keys: set by _unit_index)
_UNIT_SUFFIX: Final = _rx(
    r"\s+(?:Province|State|Region|Governorate|Department|District|County|Oblast|Division|Prefecture|"
    r"Municipality|Territory|Wilayah|Vilayet)$",
    re.IGNORECASE,
)
_UNIT_BEFORE: Final = _rx(r"\b(?:in|of|near|from|to|at|across)\s+(?:the\s+)?$")
_UNIT_AFTER: Final = _rx(
    r"[\s,]*(?:province|governorate|countryside|state|region|district|department|county|city)\b"
)
# English words that are also the name of a first-level unit somewhere: never a country cue alone
_NOT_UNITS: Final = frozenset(
    {
        "southern",
        "northern",
        "eastern",
        "western",
        "central",
        "north",
        "south",
        "east",
        "west",
        "capital",
        "national",
        "colonia",
        "wadi",
        "centre",
        "center",
        "coast",
        "lakes",
        "islands",
        "border",
        "federal",
    }
)


def _unit_index() -> _UnitIndex:
    """Folded first-level unit name -> ACLED country, for names found in one country only.

    Built once from the gazetteer tables shipped as package data (admin1.tsv, its ACLED spellings and
    aliases, countries.tsv); a key is the folded name, or its consonant skeleton when that is long
    enough to be distinctive ("Idleb" and "Idlib" share one).
    """
    if _UNIT_INDEX:
        return _UNIT_INDEX[0]
    from importlib import resources

    import eventdesk.geo.normalize as normalize  # (not `from ..geo import normalize`: None under mypyc)

    from ..nlp.lexcache import cached, source_of

    base = resources.files("eventdesk.data") / "gazetteer"
    countries = (base / "countries.tsv").read_text(encoding="utf-8")
    tables: list[str] = []
    for table in ("admin1.tsv", "admin1_acled.tsv", "admin1_aliases.tsv"):
        try:
            tables.append((base / table).read_text(encoding="utf-8"))
        except OSError:
            tables.append("")  # a missing table adds no names

    def build() -> tuple[str, str, list[str]]:
        from ..geo.normalize import fold, skeleton

        names: dict[str, str] = {}
        for line in countries.splitlines():
            cols = line.split("\t")
            if len(cols) > 2 and not line.startswith("#") and cols[0] != "iso2":
                names[cols[0]] = cols[2]
        keys: dict[str, set[str]] = {}
        for text in tables:
            for line in text.splitlines():
                cols = line.split("\t")
                if line.startswith("#") or len(cols) < 3 or cols[0] == "country":
                    continue
                cc, name = cols[0], cols[-1]
                # "Cabo Delgado Province" is also named "Cabo Delgado"
                bare = _UNIT_SUFFIX.sub("", name)
                for variant in {name, bare}:
                    folded = fold(variant)
                    if len(folded) < 4:
                        continue
                    keys.setdefault(folded, set()).add(cc)
                    skel = skeleton(variant)
                    if len(skel.replace(" ", "")) >= 4:
                        keys.setdefault("~" + skel, set()).add(cc)
        index = {
            key: names[next(iter(ccs))]
            for key, ccs in keys.items()
            if len(ccs) == 1 and next(iter(ccs)) in names
        }
        # the keys sorted and joined by line breaks, the countries as one character a key; the keys' first
        # tokens are asked of the sorted keys (_FirstWords: fold and skeleton leave no character below the
        # space, line breaks included; tests/test_coding_actors_speed12.py)
        keys_sorted = sorted(index)
        country_names = sorted(set(index.values()))
        position = {name: at for at, name in enumerate(country_names)}
        codes = "".join(chr(position[index[key]]) for key in keys_sorted)
        return "\n".join(keys_sorted), codes, country_names

    # from the start-up cache (nlp.lexcache) after the first run; the key holds the tables, this
    # module and geo.normalize (fold, skeleton), and the installed unidecode that fold uses
    parts = [countries, *tables, source_of(__file__), source_of(normalize.__file__), _unidecode_stamp()]
    keys, codes, names = cached("actor-units", parts, build)
    index = _UnitIndex(keys.split("\n") if keys else [], codes, names)
    _UNIT_FIRST.keys = index.keys
    _UNIT_INDEX.append(index)
    return index


def _unidecode_stamp() -> str | None:
    """Where the installed unidecode is, with its size and time (a reinstall changes them), without
    importing it; None (no caching) when it cannot be found."""
    import importlib.util
    import os

    try:
        spec = importlib.util.find_spec("unidecode")
        origin = spec.origin if spec is not None else None
        if origin is None:
            return None
        stat = os.stat(origin)
    except (ImportError, OSError, ValueError):
        return None
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"


def _unit_country(dictionary: ActorDictionary, text: str, mentions: list[ActorMention]) -> str | None:
    """The country of the first first-level unit named in the report ("in Idleb province", "Borno
    State"), outside actor names. A cheap country guess for when the geocoder is off or found none.

    Memoised per (text, actor spans): every event of a report asks again with the same mentions; the
    work per capitalised run is memoised across reports (``_run_unit``)."""
    key = (text, tuple((m.start, m.end) for m in mentions))
    memo: dict[tuple[str, _Spans], str | None] = dictionary.memos.setdefault("unit_country", {})
    if key in memo:
        return memo[key]
    try:
        _unit_index()
    except Exception:  # the geo tables are optional for the actor stage
        return None
    taken = key[1]
    votes: dict[str, int] = {}
    first: dict[str, int] = {}
    runs = _RUN_INFO
    for match in _UNIT_WORD.finditer(text, 0, min(len(text), 3000)):
        if taken:
            at = match.start()
            if any(s <= at < e for s, e in taken):
                continue
        run = match.group(0)
        info = runs.get(run)
        if info is None:
            info = _run_info(run)
            if len(runs) > 50_000:  # a bounded memo
                runs.clear()
            runs[run] = info
        all_heads, any_heads, plain, variant = info
        if all_heads:
            found = plain
        else:  # a spelling variant ("Idleb") is tried only beside a place cue
            if not variant and not any_heads:
                continue  # nothing to find here, cue or not
            before = text[max(0, match.start() - 12) : match.start()].lower()
            after = text[match.end() : match.end() + 14].lower()
            cued = _UNIT_BEFORE.search(before) is not None or _UNIT_AFTER.match(after) is not None
            if not cued and not any_heads:
                continue
            found = variant if cued else plain
        if found:
            votes[found] = votes.get(found, 0) + 1
            first.setdefault(found, match.start())
    result = None
    if votes:
        best = max(votes, key=lambda c: (votes[c], -first[c]))
        result = dictionary.country_of(best) or best
    if len(memo) > 2000:
        memo.clear()
    memo[key] = result
    return result


# capitalised run -> _run_info: runs repeat across reports ("Syrian", "Idlib", "Monday")
_RUN_INFO: Final[dict[str, tuple[bool, bool, str | None, str | None]]] = {}


def _run_info(run: str) -> tuple[bool, bool, str | None, str | None]:
    """What ``_unit_country`` reads of a capitalised run, in one memo lookup: whether all / any of its
    words start a unit name (``_run_heads``), and the country of the unit it names read plainly and with
    spelling variants (``_run_unit``; each computed only where ``_unit_country`` can read it)."""
    all_heads, any_heads = _run_heads(run)
    plain = _run_unit(run, False) if all_heads or any_heads else None
    variant = None if all_heads else _run_unit(run, True)
    return all_heads, any_heads, plain, variant


@lru_cache(maxsize=16384)
def _run_heads(run: str) -> tuple[bool, bool]:
    """Whether all / any words of a capitalised run start a unit name."""
    heads = [_word_head(word) for word in run.split(" ")]
    return all(heads), any(heads)


@lru_cache(maxsize=32768)
def _word_head(word: str) -> bool:
    """True when the word starts a unit name (``_unit_index`` is built first)."""
    from ..geo.normalize import fold

    return fold(word).split(" ")[0] in _UNIT_FIRST


@lru_cache(maxsize=16384)
def _run_unit(run: str, cued: bool) -> str | None:
    """The country of the unit a capitalised run names: the longest run first, then shorter runs from
    each start ("Deir ez Zor countryside"); spelling variants ("Idleb") only when ``cued``."""
    from ..geo.normalize import fold, skeleton

    index = _unit_index()
    words = run.split(" ")
    heads = [_word_head(word) for word in words]
    for i in range(len(words)):
        if not heads[i] and (not cued or skeleton(words[i]).split(" ")[0] not in _UNIT_FIRST):
            continue
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            folded = fold(phrase)
            if folded in _NOT_UNITS:
                continue
            # a spelling variant ("Idleb") counts only where the text marks a place
            found = index.get(folded) or (index.get("~" + skeleton(phrase)) if cued else None)
            if found:
                return found
    return None


def _place_many(
    dictionary: ActorDictionary, text: str, mentions: list[ActorMention], everyone: list[ActorMention]
) -> list[ActorMention]:
    """``mentions`` with each many-country actor given the country of the place the report names, when
    the actor has a branch there ("Daesh" in Kirkuk is Islamic State (Iraq)); otherwise unchanged."""
    if not any(_many_countries(dictionary, m) for m in mentions):
        return mentions
    where = _unit_country(dictionary, text, everyone) or _named_country(dictionary, text, everyone)
    if where is None:
        return mentions
    out = []
    for m in mentions:
        entry = dictionary.lookup(m.canonical) if _many_countries(dictionary, m) else None
        if entry is not None and where in entry.by_country and m.country != where:
            m = ActorMention(m.text, m.start, m.end, m.canonical, m.inter, where, m.generic)  # (no replace())
        out.append(m)
    return out


def _many_countries(dictionary: ActorDictionary, mention: ActorMention) -> bool:
    """True for an actor ACLED names per country ("Islamic State (Iraq)", "… (Syria)")."""
    if mention.generic or mention.inter == 1:
        return False
    entry = dictionary.lookup(mention.canonical)
    return entry is not None and bool(entry.by_country)


def _relocalize(
    dictionary: ActorDictionary, mention: ActorMention, country: str | None, on: dt.date | None
) -> ActorMention:
    """Re-resolve a mention once the event's country is known (bound words, "(X)" names)."""
    if country is None:
        return mention
    if not (mention.generic or dictionary.is_unlocalized(mention.canonical)):
        return mention
    fresh = dictionary.resolve_cached(mention.text, country, on)
    # (built directly, not with dataclasses.replace: the same object, without its interpreted field loop)
    if fresh is not None:
        return ActorMention(
            mention.text,
            mention.start,
            mention.end,
            fresh.canonical,
            fresh.inter,
            fresh.country or country,
            mention.generic,
        )
    return ActorMention(
        mention.text,
        mention.start,
        mention.end,
        dictionary.localize_name(mention.canonical, country, on),
        mention.inter,
        mention.country or country,
        mention.generic,
    )


def _inter_for(mention: ActorMention, country: str | None) -> int | None:
    """State forces outside their own country are external forces (8)."""
    if mention.inter == 1 and country and mention.country and not at_home(mention.country, country):
        return 8
    return mention.inter


def _by_place(dictionary: ActorDictionary, mention: ActorMention, text: str) -> ActorMention:
    entry = dictionary.lookup(mention.canonical)
    if entry is None or not entry.by_place:
        return mention
    lowered = text.lower()
    for name, places in entry.by_place.items():
        if any(re.search(rf"(?<!\w){re.escape(p.lower())}(?!\w)", lowered) for p in places):
            op = dictionary.lookup(name)
            return replace(
                mention,
                canonical=name,
                inter=op.inter if op else 8,
            )
    return mention


def _conflict_rule(
    dictionary: ActorDictionary, country: str | None, event_type: str | None, on: dt.date | None
) -> dict[str, Any] | None:
    """The ``conflict_defaults`` rule for the country's war on ``on`` and an event of ``event_type``."""
    if country is None or on is None:
        return None
    for rule in dictionary.conflict_defaults:
        if rule.get("country") != country or event_type not in (rule.get("event_types") or ()):
            continue
        begin, until = rule.get("from"), rule.get("until")
        if (begin and on < begin) or (until and on > until):
            continue
        return rule
    return None


def _conflict_default(
    dictionary: ActorDictionary, country: str | None, event_type: str | None, on: dt.date | None
) -> tuple[tuple[str, int | None], tuple[str, int | None]] | None:
    """The two parties ACLED assumes for unattributed fire in some conflicts (Donbas before 2022)."""
    rule = _conflict_rule(dictionary, country, event_type, on)
    if rule is None or country is None:
        return None
    names = []
    for key in ("actor1", "actor2"):
        entry = dictionary.lookup(rule[key])
        names.append((entry.canonical(on, country) if entry else rule[key], entry.inter if entry else None))
    return names[0], names[1]


def _war_speaker(
    dictionary: ActorDictionary, country: str | None, on: dt.date | None, low: str
) -> int | None:
    """0 or 1: which party of the country's war (``_conflict_default``'s pair) the lower-cased report
    speaks for, by its official speakers' words (``actor1_speakers``, ``actor2_speakers``); None when
    neither or both speak."""
    rule = _conflict_rule(dictionary, country, "Battles", on)
    if rule is None:
        return None
    speaks = [
        any(word in low for word in rule.get(key) or ()) for key in ("actor1_speakers", "actor2_speakers")
    ]
    return (0 if speaks[0] else 1) if speaks[0] != speaks[1] else None


def _as_police(
    dictionary: ActorDictionary, mention: ActorMention, country: str, on: dt.date | None
) -> ActorMention:
    owner = mention.country or country
    return replace(
        mention,
        canonical=dictionary.state_forces("police", owner, on),
        inter=1,
        country=owner,
    )
