"""Actors: find them in a report and give them their ACLED roles in an event.

``ActorDictionary.default().find(text, ...)`` returns ``ActorMention`` records; ``assign_actors``
turns the mentions of an event's sentence(s) into actor1 / assoc_actor_1 / actor2 / assoc_actor_2,
inter codes and the interaction code, following the codebook (civilians are actor2 in violence
against civilians, protesters and rioters are actor1 of their events, allies go to the assoc
columns, a state's forces abroad are inter 8). ``localize`` fills "(X)" in generic actor names once
the geocoder knows the country.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..records import ActorMention, Document, Event, Evidence
from .actor_dictionary import UNLOCALIZED, ActorDictionary, ActorEntry, load_actor_data

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorRoles",
    "assign_actors",
    "interaction_code",
    "load_actor_data",
    "localize",
]

_CIVILIANS = 7
_PROTESTERS = 6
_RIOTERS = 5

# Between two actor mentions: the second is an ally of the first ("X, backed by Y", "X and Y").
_ALLY_GAP = re.compile(
    r"^[\s,]*(?:and|&|as\s+well\s+as|along\s+with|alongside|together\s+with|backed\s+by|supported\s+by|"
    r"with\s+the\s+support\s+of|with\s+support\s+from|in\s+coordination\s+with|assisted\s+by|aided\s+by|"
    r"and\s+(?:their|its)\s+allies?,?|including|with\s+(?:the\s+)?help\s+of|reinforced\s+by|"
    r"accompanied\s+by|joined\s+by|and\s+allied|of|of\s+the|,)?[\s,]*(?:the\s+|its\s+|their\s+|allied\s+)?$",
    re.IGNORECASE,
)
# Between two mentions, the second is the agent: "Y were killed by X", "an attack by X". Checked on the
# last words of the gap (a regex with look-behinds is ten times slower on every gap).
_AGENT_NOT_AFTER = frozenset(
    {
        "held",
        "controlled",
        "run",
        "operated",
        "occupied",
        "backed",
        "supported",
        "led",
        "manned",
        "dominated",
        "accompanied",
        "assisted",
        "aided",
        "reinforced",
        "joined",
        "advised",
        "commanded",
        "covered",
        "followed",
        "surrounded",
        "affiliated",
    }
)
_GAP_WORDS = re.compile(r"[a-z]+")


def _agent_gap(gap: str) -> bool:
    words = _GAP_WORDS.findall(gap.lower())
    tail = len(words) - 4
    for index in range(max(0, tail - 1), len(words)):
        word = words[index]
        if word == "by" and index >= tail and (index == 0 or words[index - 1] not in _AGENT_NOT_AFTER):
            return True
        if word in ("blamed", "accused") and index >= tail:
            return True
        if word == "of" and index > 0 and words[index - 1] in ("hands", "side") and index >= tail:
            return True
    return "attributed" in words and words[-1:] == ["to"]


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_OPPONENT_FIRST = re.compile(
    r"\b(?:following|after|amid|during|in)\s+(?:\w+\s+){0,2}(?:clashes|fighting|battles|confrontations|"
    r"an\s+attack|attacks)\s+(?:with|against|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "with the air support of X": shared by the two ally patterns
_SUPPORT_OF = (
    r"\bwith\s+(?:the\s+)?(?:air\s+|aerial\s+|artillery\s+)?(?:support|cover|backing|help)\s+(?:of|from)\b"
)
_SUPPORTED = re.compile(
    r"\b(?:backed|supported|accompanied|assisted|aided|reinforced|covered)\s+(?:by|with)\b|" + _SUPPORT_OF,
    re.IGNORECASE,
)
_AND = re.compile(r"\band\b", re.IGNORECASE)
_BETWEEN_WORD = re.compile(r"\bbetween\b", re.IGNORECASE)
_AGAINST = re.compile(r"\b(?:against|versus|vs\.?)\s", re.IGNORECASE)
_ALLY_ANYWHERE = re.compile(
    r"\b(?:backed|supported|accompanied|assisted|aided|reinforced|joined|led|advised|commanded|covered)\s+(?:by|with)\b|"
    + _SUPPORT_OF
    + r"|"
    r"\b(?:alongside|along\s+with|together\s+with|in\s+(?:coordination|cooperation|conjunction)\s+with|"
    r"jointly\s+with|allied\s+with|loyal\s+to|and\s+(?:its\s+|their\s+)?affiliates|coded\s+as|"
    r"(?:under|with)\s+(?:the\s+)?(?:air\s+)?cover\s+of|"
    r"(?:operating|operates|operated|fighting|working)\s+(?:as\s+part\s+of|under|within|with)|as\s+part\s+of|"
    r"under\s+the\s+(?:umbrella|banner|command)\s+of|affiliated\s+(?:with|to))\b",
    re.IGNORECASE,
)
_OPPOSE = re.compile(
    r"\b(?:against|clash\w*|attack\w*|fought|fight(?:s|ing)?|target\w*|shell\w*|ambush\w*|advanc\w*|repel\w*|"
    r"killed|kill\w*|captur\w*|seiz\w*|took|struck|hit|raid\w*|battl\w*|stormed|assault\w*|confront\w*|"
    r"engag\w*|exchang\w*|between|versus|vs|on\s+(?:the\s+)?one\s+hand|on\s+the\s+other|shot|shoot\w*|wound\w*|"
    r"injur\w*|assassinat\w*|detain\w*|arrest\w*|abduct\w*|kidnap\w*|foil\w*|thwart\w*|infiltrat\w*|repuls\w*|"
    r"bomb\w*|fired|fire|execut\w*|murder\w*|stabb\w*|beat\w*|opened|pushed|expelled|seized|"
    r"confronted|downed|intercepted|responded)\b",
    re.IGNORECASE,
)
_RECIPROCAL_AFTER = re.compile(
    r"^\s*(?:fighters|forces|troops|members|militants|militiamen|groups|factions)?\s*"
    r"(?:have\s+|had\s+)?(?:clashed|fought|exchanged|engaged|battled|skirmished|traded)\b"
    r"(?!\s+(?:\w+ly\s+)?(?:with|against))",
    re.IGNORECASE,
)
_EXPLOSIVE = re.compile(
    r"\b(?:IED|IEDs|explosive|explosives|bomb|bombs|landmine|landmines|mine|mines|blast|explosion|exploded|"
    r"detonated|booby-trapped|booby\s+trapped|car\s+bomb|VBIED|roadside|grenade|suicide)\b",
    re.IGNORECASE,
)
_SUBJECT_HINT = re.compile(r"\b(?:planted|detonated|threw|hurled|launched|fired|claimed)\b", re.IGNORECASE)
_ENEMY_WORDS = (
    "terror",
    "enemy",
    "militant",
    "insurgent",
    "extremist",
    "infiltrator",
    "takfiri",
    "outlaw",
    "saboteur",
    "gang",
    "khawarij",
)
_COLLECTIVE_ONLY = re.compile(r"^(?:the\s+)?(?:factions|enemy)$", re.IGNORECASE)
_AMONG = re.compile(
    r"\b(?:among|amongst|between\s+(?:two|rival|members|factions)|internal|infighting|"
    r"in-fighting|within)\b",
    re.IGNORECASE,
)
_RECIPROCAL = re.compile(
    r"\b(?:clashed|clashes|fought|exchanged\s+(?:fire|gunfire|shelling)|battled|skirmished)"
    r"\b(?!\s+(?:\w+ly\s+)?(?:with|against|broke|erupted|took|between))",
    re.IGNORECASE,
)


# Named with a bigger side, these are its associates, not its main actor ("rebel and Islamist factions").
_SECONDARY = ("Islamist Militia (",)


@dataclass(slots=True)
class ActorRoles:
    """The actor columns of one event, with the text spans they came from."""

    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    country: str | None = None  # the country the roles were localised to (given or inferred)

    def apply(self, event: Event) -> None:
        """Copy the roles onto an event (evidence is appended)."""
        event.actor1, event.assoc_actor_1, event.inter1 = self.actor1, self.assoc_actor_1, self.inter1
        event.actor2, event.assoc_actor_2, event.inter2 = self.actor2, self.assoc_actor_2, self.inter2
        event.interaction = self.interaction
        event.evidence.extend(self.evidence)


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: both inter codes, lower first; 10, 20 … when there is only one actor."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return int(f"{inter1 or inter2}0")
    low, high = sorted((inter1, inter2))
    return int(f"{low}{high}")


@dataclass(slots=True)
class _Side:
    mentions: list[ActorMention] = field(default_factory=list)

    def main(self) -> ActorMention | None:
        pool = [m for m in self.mentions if m.inter != _CIVILIANS] or self.mentions
        if any(m.canonical.startswith(_SECONDARY) for m in pool):
            stronger = [
                m
                for m in pool
                if not m.canonical.startswith(_SECONDARY) and (not m.generic or "Rebels" in m.canonical)
            ]
            pool = stronger or pool
        return pool[0] if pool else None


def infer_country(mentions: list[ActorMention]) -> str | None:
    """The country an event is in, judged by its actors: non-state actors fight at home."""
    home = Counter(m.country for m in mentions if m.country and not m.generic and m.inter != 1)
    if home:
        return home.most_common(1)[0][0]
    state = Counter(m.country for m in mentions if m.country and m.inter == 1 and not m.generic)
    if len(state) == 1:
        return next(iter(state))
    generic = Counter(m.country for m in mentions if m.country)
    return generic.most_common(1)[0][0] if generic else None


_MONTHS = (
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
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+((?:19|20)\d\d)\b"
)


def _text_date(text: str, start: int, end: int) -> dt.date | None:
    """The first full date written in the event's text or, failing that, in the report ("On 4 May 2020")."""
    match = _DAY_MONTH_YEAR.search(text, start, end) or _DAY_MONTH_YEAR.search(text, 0, 3000)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(3)), _MONTHS.index(match.group(2).lower()) + 1, int(match.group(1)))
    except ValueError:
        return None


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
    if name == mention.canonical and inter == mention.inter:
        return mention
    return replace(
        mention,
        canonical=name,
        inter=inter,
    )


_REPORTING = re.compile(
    r"^\s*(?:\([^)]{1,20}\)\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|reported|reports|announced|"
    r"stated|added|published|posted|denied|confirmed)\b",
    re.IGNORECASE,
)
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)


def _drop_claimants(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A party named only as the source ("the group's media office reported that …") is not a side."""
    out = []
    for mention in mentions:
        speaking = _REPORTING.match(text[mention.end : mention.end + 40]) or _ACCORDING_BEFORE.search(
            text[max(0, mention.start - 20) : mention.start]
        )
        own = re.match(r"^\W*\w+\s+(?:that\s+)?(?:its|their|our)\b", text[mention.end : mention.end + 40])
        if (
            speaking
            and not own
            and sum(1 for m in mentions if m is not mention and m.inter not in (_CIVILIANS,)) >= 2
            and not any(m is not mention and m.canonical == mention.canonical for m in mentions)
        ):
            continue
        out.append(mention)
    return out


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


_OUR = re.compile(r"\b(?:our|we)\b", re.IGNORECASE)


def _speaker_forces(mention: ActorMention, mentions: list[ActorMention], text: str) -> ActorMention:
    """ "our armed forces" in a ministry's own statement are that state's forces."""
    if not (mention.generic and mention.inter == 1 and _OUR.search(mention.text)):
        return mention
    speakers = [
        m
        for m in mentions
        if m.inter == 1 and not m.generic and m.country and mention.start - 800 <= m.start < mention.start
    ]
    if not speakers:
        return mention
    speaker = speakers[-1]
    return replace(
        mention,
        canonical=speaker.canonical,
        inter=1,
        country=speaker.country,
        generic=False,
    )


def _bound_country(
    dictionary: ActorDictionary, text: str, start: int, end: int, on: dt.date | None
) -> str | None:
    """The one country the event's actors point to when read without a country (None if mixed)."""
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
    home = Counter(m.country for m in mentions if m.country and not m.generic and m.inter in (2, 3, 4))
    return home.most_common(1)[0][0] if home else None


def _named_country(dictionary: ActorDictionary, text: str) -> str | None:
    """A country named in the report ("in Nigeria", "Pakistani police"), as a last resort."""
    for found in re.finditer(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b", text[:2000]):
        word = found.group(0)
        before = text[max(0, found.start() - 5) : found.start()].lower()
        if before.endswith(("pro-", "anti-")) or text.startswith("-backed", found.end()):
            continue  # "pro-Iran militias", "Turkish-backed factions": a patron, not the place
        country = dictionary.country_of(word)
        if country:
            return country
    return None


_UNIT_WORD = re.compile(r"\b[A-Z][\w'’]*(?:[ -](?:[A-Z][\w'’]*|ez|es|el|al|ad|ar|as|az|ash))*")
_UNIT_INDEX: list[dict[str, str]] = []
_UNIT_FIRST: set[str] = set()
_UNIT_SUFFIX = re.compile(
    r"\s+(?:Province|State|Region|Governorate|Department|District|County|Oblast|Division|Prefecture|"
    r"Municipality|Territory|Wilayah|Vilayet)$",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(r"\b(?:in|of|near|from|to|at|across)\s+(?:the\s+)?$")
_UNIT_AFTER = re.compile(
    r"[\s,]*(?:province|governorate|countryside|state|region|district|department|county|city)\b"
)
# English words that are also the name of a first-level unit somewhere: never a country cue alone
_NOT_UNITS = frozenset(
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


def _unit_index() -> dict[str, str]:
    """Folded first-level unit name -> ACLED country, for names found in one country only.

    Built once from the gazetteer tables shipped as package data (admin1.tsv, its ACLED spellings and
    aliases, countries.tsv); a key is the folded name, or its consonant skeleton when that is long
    enough to be distinctive ("Idleb" and "Idlib" share one).
    """
    if _UNIT_INDEX:
        return _UNIT_INDEX[0]
    from importlib import resources

    from ..geo.normalize import fold, skeleton

    base = resources.files("eventdesk.data") / "gazetteer"
    names: dict[str, str] = {}
    for line in (base / "countries.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 2 and not line.startswith("#") and cols[0] != "iso2":
            names[cols[0]] = cols[2]
    keys: dict[str, set[str]] = {}
    for table in ("admin1.tsv", "admin1_acled.tsv", "admin1_aliases.tsv"):
        try:
            text = (base / table).read_text(encoding="utf-8")
        except OSError:
            continue
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
        key: names[next(iter(ccs))] for key, ccs in keys.items() if len(ccs) == 1 and next(iter(ccs)) in names
    }
    # first tokens of the keys, so most capitalised words are dismissed with one set lookup
    _UNIT_FIRST.update(key.lstrip("~").split(" ")[0] for key in index)
    _UNIT_INDEX.append(index)
    return index


def _unit_country(dictionary: ActorDictionary, text: str, mentions: list[ActorMention]) -> str | None:
    """The country of the first first-level unit named in the report ("in Idleb province", "Borno
    State"), outside actor names. A cheap country guess for when the geocoder is off or found none."""
    try:
        from ..geo.normalize import fold, skeleton

        index = _unit_index()
    except Exception:  # the geo tables are optional for the actor stage
        return None
    taken = [(m.start, m.end) for m in mentions]
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for match in _UNIT_WORD.finditer(text, 0, min(len(text), 3000)):
        if any(s <= match.start() < e for s, e in taken):
            continue
        words = match.group(0).split(" ")
        heads = [fold(word).split(" ")[0] in _UNIT_FIRST for word in words]
        cued = False
        if not all(heads):  # a spelling variant ("Idleb") is tried only beside a place cue
            before = text[max(0, match.start() - 12) : match.start()].lower()
            after = text[match.end() : match.end() + 14].lower()
            cued = _UNIT_BEFORE.search(before) is not None or _UNIT_AFTER.match(after) is not None
            if not cued and not any(heads):
                continue
        # the longest run first, then shorter runs from each start ("Deir ez Zor countryside")
        found = None
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
                    break
            if found:
                break
        if found:
            votes[found] += 1
            first.setdefault(found, match.start())
    if not votes:
        return None
    best = max(votes, key=lambda c: (votes[c], -first[c]))
    return dictionary.country_of(best) or best


def _place_many(
    dictionary: ActorDictionary, text: str, mentions: list[ActorMention], everyone: list[ActorMention]
) -> list[ActorMention]:
    """``mentions`` with each many-country actor given the country of the place the report names, when
    the actor has a branch there ("Daesh" in Kirkuk is Islamic State (Iraq)); otherwise unchanged."""
    if not any(_many_countries(dictionary, m) for m in mentions):
        return mentions
    where = _unit_country(dictionary, text, everyone) or _named_country(dictionary, text)
    if where is None:
        return mentions
    out = []
    for m in mentions:
        entry = dictionary.lookup(m.canonical) if _many_countries(dictionary, m) else None
        if entry is not None and where in entry.by_country and m.country != where:
            m = ActorMention(
                text=m.text,
                start=m.start,
                end=m.end,
                canonical=m.canonical,
                inter=m.inter,
                country=where,
                generic=m.generic,
            )
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
    if fresh is not None:
        return replace(
            mention,
            canonical=fresh.canonical,
            inter=fresh.inter,
            country=fresh.country or country,
        )
    return replace(
        mention,
        canonical=dictionary.localize_name(mention.canonical, country, on),
        country=mention.country or country,
    )


def _resolve_partisan(
    mention: ActorMention,
    doc_mentions: list[ActorMention],
    span: tuple[int, int],
) -> ActorMention:
    """ "terrorists", "the enemy", "militants" → the opposing armed group named in the report."""
    if not mention.generic or mention.inter != 3 or "Unidentified" not in mention.canonical:
        return mention
    words = mention.text.lower()
    definite = re.match(r"^the\s+(?:attackers|assailants|militants|gunmen|insurgents|fighters)$", words)
    if not any(w in words for w in _ENEMY_WORDS) and not definite:
        return mention
    partisan = any(
        w in words for w in ("terror", "enemy", "takfiri", "infiltrator", "saboteur", "outlaw", "khawarij")
    )
    named = [m for m in doc_mentions if not m.generic and m.inter in (2, 3, 4)]
    if not partisan:  # plain "militants" corefers only within the event's own sentence(s)
        named = [m for m in named if span[0] <= m.start < span[1]]
    if not named:
        return mention
    best = min(named, key=lambda m: (0 if m.start <= mention.start else 1, abs(m.start - mention.start)))
    return replace(
        mention,
        canonical=best.canonical,
        inter=best.inter,
        country=best.country,
        generic=True,
    )


def _is_ally_gap(gap: str) -> bool:
    if len(gap) < 60 and _ALLY_GAP.match(gap):
        return True
    if len(gap) < 40 and _AND.search(gap) and not _OPPOSE.search(gap):
        return True  # "regime forces and Syrian and non-Syrian allied militias"
    allies = [m.end() for m in _ALLY_ANYWHERE.finditer(gap)]
    if not allies:
        return False
    hostile = [m.end() for m in _OPPOSE.finditer(gap)]
    if hostile:
        allies = [m.end() for m in _SUPPORTED.finditer(gap)]
        if not allies:
            return False
    # "amid shelling and supported by Coalition airstrikes": the alliance word is the last word that counts
    return not hostile or allies[-1] > hostile[-1]


def _split_sides(text: str, mentions: list[ActorMention], span: tuple[int, int]) -> list[_Side]:
    """Group the event's mentions into sides using the words between them; side 0 is actor1's."""
    sides = [_Side(), _Side()]
    if not mentions:
        return sides
    start, end = span
    order, prefix = mentions, []
    between = _BETWEEN_WORD.search(text, start, end)
    against = False
    if between is not None:
        after = [m for m in mentions if m.start >= between.end()]
        if len(after) >= 2:
            # "shelling and clashes between A and B": A and B are the sides; earlier ones back them
            order = after
            prefix = [m for m in mentions if m.start < between.end()]
            against = bool(_AGAINST.search(text, between.end(), end))
    between_open = between is not None and order is not mentions
    current = 0
    # "After fighting with HTS, the army retook the village": the first named is the opponent
    opponent_first = (
        _OPPONENT_FIRST.search(text[max(start, order[0].start - 80) : order[0].start]) is not None
    )
    last_listed = 0
    if opponent_first:
        # the fronted list ends at its "…, and Z" item; the next mention is the subject
        for k in range(1, len(order)):
            gap = text[order[k - 1].end : order[k].start]
            if not _ALLY_GAP.match(gap):
                break
            if _AND.search(gap):
                last_listed = k
    for index, mention in enumerate(order):
        if index == 0:
            sides[1 if opponent_first else 0].mentions.append(mention)
            current = 1 if opponent_first else 0
            continue
        if opponent_first and not sides[0].mentions:
            if index <= last_listed:
                sides[1].mentions.append(mention)
            else:
                current = 0
                sides[0].mentions.append(mention)
            continue
        gap = text[order[index - 1].end : mention.start]
        if _agent_gap(gap) and not _ALLY_GAP.match(gap):
            # "Y were killed by X": X is actor1's side; what came before is the other side
            if not sides[1].mentions:
                sides[1].mentions.extend(sides[0].mentions)
                sides[0].mentions = [mention]
                current = 0
            # after both sides, "a response by X" is too ambiguous to place
            continue
        already = next(
            (side for side in sides if any(m.canonical == mention.canonical for m in side.mentions)), None
        )
        if already is not None:
            # the same actor named again ("HTS … the group's fighters") stays on its side
            already.mentions.append(mention)
            current = sides.index(already)
            continue
        if _is_ally_gap(gap):
            conj_and = re.search(r"\b(?:and|&)\b", gap, re.IGNORECASE) is not None
            if between_open and conj_and and not against and not sides[1].mentions:
                between_open = False
                current = 1
            elif (
                conj_and
                and not sides[1].mentions
                and not between_open
                and _reciprocal_run(text, order, index)
            ):
                current = 1
            sides[current].mentions.append(mention)
            continue
        if not sides[1].mentions:
            current = 1
            sides[1].mentions.append(mention)
        # a further party after both sides, not listed as an ally, is left out
    for mention in prefix:
        if any(mention.canonical == m.canonical for side in sides for m in side.mentions):
            continue
        sides[0].mentions.append(mention)
    if not sides[0].mentions:
        sides.reverse()
    return sides


def _reciprocal_run(text: str, order: list[ActorMention], index: int) -> bool:
    """ "A and B (and C) clashed/exchanged fire" with no object: the first "and" separates the sides."""
    j = index
    while j + 1 < len(order) and _is_ally_gap(text[order[j].end : order[j + 1].start]):
        j += 1
    return bool(_RECIPROCAL_AFTER.match(text[order[j].end : order[j].end + 60]))


def _dedupe(mentions: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        if mention.canonical not in seen:
            seen.add(mention.canonical)
            out.append(mention)
    return out


def _inter_for(mention: ActorMention, country: str | None) -> int | None:
    """State forces outside their own country are external forces (8)."""
    if mention.inter == 1 and country and mention.country and mention.country != country:
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


def assign_actors(
    doc: Document,
    span: tuple[int, int],
    event_type: str | None,
    sub_event_type: str | None,
    *,
    country: str | None,
    mentions: list[ActorMention] | None,
    on: dt.date | None = None,
    dictionary: ActorDictionary | None = None,
) -> ActorRoles:
    """actor1/actor2, their associates, inter codes and interaction for the event in ``span``.

    ``mentions`` are the document's actor mentions (``find`` over the whole text); when None they are
    found here. ``country`` is the event's country when known; otherwise it is inferred from
    country-specific actors and returned in ``ActorRoles.country``.
    """
    dictionary = dictionary or ActorDictionary.default()
    text = doc.text
    start, end = span
    if mentions is None:
        mentions = dictionary.find(text, country=country, on=on)
    in_span = sorted((m for m in mentions if start <= m.start < end), key=lambda m: m.start)
    on = on or _text_date(text, start, end) or doc.reference_date
    # actors ACLED names per country (Islamic State) are placed by the units or country the report names
    placed = _place_many(dictionary, text, in_span, mentions)
    home = _home_country(placed)
    if country is None:
        country = (
            infer_country(placed)
            or infer_country(_place_many(dictionary, text, mentions, mentions))
            or _unit_country(dictionary, text, mentions)
            or _named_country(dictionary, text)
        )
    elif (
        home is not None
        and home != country
        and not any(m.country == country for m in in_span if not m.generic)
    ):
        # the actors fight at home: a place-name guess elsewhere does not rename them
        country = home
        in_span = dictionary.find(text, start, end, country=country, on=on)
    elif not any(m.country == country for m in in_span if not m.generic):
        # country-bound words ("regime forces", "rebels") name their country too
        bound_home = _bound_country(dictionary, text, start, end, on)
        if (
            bound_home is not None
            and bound_home != country
            and not any(m.country == country for m in in_span if not m.generic)
        ):
            country = bound_home
            in_span = dictionary.find(text, start, end, country=country, on=on)
    in_span = [_speaker_forces(m, mentions, text) for m in in_span]
    in_span = [_redate(dictionary, _relocalize(dictionary, m, country, on), country, on) for m in in_span]
    in_span = _drop_claimants(text, in_span)
    in_span = [_resolve_partisan(m, mentions, span) for m in in_span]
    in_span = _absorb(dictionary, in_span)
    in_span = [_abroad(dictionary, m, country) for m in in_span]
    security_police = event_type in ("Protests", "Riots") or sub_event_type == "Arrests"
    if security_police and country:
        in_span = [
            _as_police(dictionary, m, country, on)
            if dictionary.is_security_term(m.text)
            or (m.inter == 1 and m.generic and "Military Forces" in m.canonical)
            else m
            for m in in_span
        ]
    if event_type == "Battles":
        in_span = [_communal(m, text, span, country) for m in in_span]
    roles = ActorRoles(country=country)
    civilians = [m for m in in_span if m.inter == _CIVILIANS]
    armed = [m for m in in_span if m.inter not in (_CIVILIANS, _PROTESTERS, _RIOTERS)]
    # a bare collective word ("factions") next to a named group is that group, not a second actor
    if any(not m.generic for m in armed):
        armed = [m for m in armed if not (_COLLECTIVE_ONLY.match(m.text.strip()) and m.generic)]
    where = country or UNLOCALIZED

    def generic_name(base: str) -> str:
        return f"{base} ({where})"

    side1: list[ActorMention] = []
    side2: list[ActorMention] = []
    name1: str | None = None
    name2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    if event_type == "Protests":
        name1, inter1 = generic_name("Protesters"), _PROTESTERS
        side1 = [m for m in in_span if m.inter == _PROTESTERS][:1]
        if sub_event_type in ("Protest with intervention", "Excessive force against protesters"):
            forces = [m for m in armed if m.inter in (1, 3, 8)]
            if forces:
                side2 = [forces[0]]
        side1 += [m for m in armed if m.inter in (2, 3, 4) and m not in side2]
    elif event_type == "Riots":
        name1, inter1 = generic_name("Rioters"), _RIOTERS
        side1 = [m for m in in_span if m.inter in (_RIOTERS, _PROTESTERS)][:1]
        forces = [m for m in armed if m.inter in (1, 8)]
        if forces:
            side2 = [forces[0]]
        elif _TWO_GROUPS.search(text, start, end):
            name2, inter2 = name1, _RIOTERS  # "two groups of villagers clashed"
        elif sub_event_type == "Mob violence":
            name2, inter2 = generic_name("Civilians"), _CIVILIANS
            side2 = civilians[:1]
        side1 += [m for m in armed if m.inter in (2, 3, 4)]
    else:
        sides = _split_sides(text, armed, span)
        armed = _dedupe_adjacent(armed)
        side1, side2 = sides[0].mentions, sides[1].mentions
        if len(armed) >= 2 and not side2:
            verb = _RECIPROCAL.search(text, armed[-1].end, end)
            if (
                verb
                and not re.search(r"\bbetween\b", text[start : armed[0].start], re.IGNORECASE)
                and verb.start() - armed[-1].end < 40
            ):
                # "SDF and regime forces exchanged fire": the first named against the rest
                side1, side2 = armed[:1], armed[1:]
        other = (
            _other_named(text, span, side1[0], in_span)
            if event_type == "Battles" and side1 and not side2
            else None
        )
        if (
            event_type == "Battles"
            and side1
            and not side2
            and other is None
            and len({m.canonical for m in side1}) == 1
            and (
                _AMONG.search(text, start, end)
                or _TWO_GROUPS.search(text, start, end)
                or _BETWEEN_WORD.search(text, start, side1[0].start)
            )
        ):
            side2 = side1[:1]  # infighting: "clashes among members of …", "between two families"
        elif other is not None:
            # "clashes between KLMN and HTS": a named group the dictionary does not know is the other
            # side, under the name the report gives it; an actor never fights itself here
            name2, inter2 = other, 3
        if (
            event_type == "Violence against civilians"
            and not civilians
            and side1
            and side2
            and any(not m.generic for m in side2)
        ):
            # no civilian in the text and the victims belong to an armed group ("killed a QSD member"):
            # keep the two armed sides rather than invent civilians (ACLED codes this as a battle)
            pass
        elif event_type == "Violence against civilians":
            side1 = side1 + side2
            side2 = []
            name2, inter2 = generic_name("Civilians"), _CIVILIANS
            if not side1:
                name1, inter1 = generic_name("Unidentified Armed Group"), 3
        elif event_type == "Explosions/Remote violence":
            if (
                side1
                and not side2
                and sub_event_type in ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade")
                and _is_target(text, span, side1[0])
            ):
                side2 = side1
                side1 = []
                name1, inter1 = generic_name("Unidentified Armed Group"), 3
            if not side2 and any(_victim(text, c, span) for c in civilians):
                name2, inter2 = generic_name("Civilians"), _CIVILIANS
        elif (
            event_type == "Battles"
            and side1
            and not side2
            and name2 is None
            and _victim_only(text, span, side1, armed)
        ):
            # "an IS commander was killed … under unknown circumstances", "the body of a QSD member was
            # found": the named group lost a member to an unnamed attacker, who is actor1
            side1, side2 = [], side1
            name1, inter1 = generic_name("Unidentified Armed Group"), 3
        elif event_type == "Battles" and side1 and not side2 and name2 is None:
            name2, inter2 = generic_name("Unidentified Armed Group"), 3
        elif event_type == "Battles" and not side1 and not side2:
            name1, inter1 = generic_name("Unidentified Armed Group"), 3
    if (
        not side1
        and not side2
        and name1 in (None, generic_name("Unidentified Armed Group"))
        and name2 is None
    ):
        pair = _conflict_default(dictionary, country, event_type, on)
        if pair is not None:
            (name1, inter1), (name2, inter2) = pair
    main1 = _Side(side1).main() if side1 else None
    main2 = _Side(side2).main() if side2 else None
    if main1 is not None and name1 is None:
        name1, inter1 = main1.canonical, _inter_for(main1, country)
    if main2 is not None and name2 is None:
        name2, inter2 = main2.canonical, _inter_for(main2, country)
    if main1 is None and main2 is not None and name1 is None:
        name1, inter1, name2, inter2 = name2, inter2, None, None
        main1, main2, side1, side2 = main2, None, side2, []
    if (
        name1 is not None
        and name1 == name2
        and event_type not in ("Riots",)
        and not (_AMONG.search(text, start, end) or _TWO_GROUPS.search(text, start, end))
        and not (side1 and side2 and side1[0] is side2[0])
    ):
        # the same actor on both sides without infighting words: one side is unknown
        name2, inter2, main2, side2 = None, None, None, []
    roles.actor1, roles.inter1 = name1, inter1
    roles.actor2, roles.inter2 = name2, inter2
    roles.assoc_actor_1 = _assoc(side1, {name1, name2})
    roles.assoc_actor_2 = _assoc(side2, {name1, name2, *(roles.assoc_actor_1 or "").split("; ")})
    roles.interaction = interaction_code(inter1, inter2)
    for field_name, mention in (("actor1", main1), ("actor2", main2)):
        if mention is not None:
            roles.evidence.append(
                Evidence(field_name, doc.id, mention.start, mention.end, text[mention.start : mention.end])
            )
    if name2 and name2.startswith("Civilians") and civilians:
        c = civilians[0]
        roles.evidence.append(Evidence("actor2", doc.id, c.start, c.end, text[c.start : c.end]))
    if name1 and name1.startswith(("Protesters", "Rioters")) and side1 and side1[0].inter in (5, 6):
        p = side1[0]
        roles.evidence.append(Evidence("actor1", doc.id, p.start, p.end, text[p.start : p.end]))
    return roles


_TWO_GROUPS = re.compile(
    r"\b(?:two|rival|opposing)\s+(?:\w+\s+){0,2}(?:groups|factions|sides|camps|gangs|communities|families|villages)\b|"
    r"\b(?:with|against)\s+(?:each\s+other|one\s+another)\b",
    re.IGNORECASE,
)
_COMMUNAL = re.compile(
    r"^(?:(?:two|rival|armed|local|unknown|several)\s+)*(?:families|family|clans|clan\s+members|young\s+men|"
    r"youths|locals|residents|villagers|relatives|gunmen|armed\s+group|armed\s+men|fighters)$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"\b(?:in|near|at|of|from)\s+(?:the\s+)?(?:(?:town|city|village|area|neighbou?rhood|suburb|district)\s+of\s+)?"
    r"((?:al-|Al-|el-|as-|As-|ad-|ar-|Ar-)?[A-Z][\w'’-]*(?:\s+(?:al|el|Al|[A-Z][\w'’-]*))?)"
)


def _communal(mention: ActorMention, text: str, span: tuple[int, int], country: str | None) -> ActorMention:
    """Armed locals or families fighting in a battle are a communal militia named after their place."""
    if mention.inter not in (_CIVILIANS, 3) or not _COMMUNAL.match(mention.text.strip()):
        return mention
    if mention.inter == 3 and not re.search(
        r"\b(?:local|locals|families|family|residents|villagers|young)\b", mention.text, re.IGNORECASE
    ):
        return mention
    place = _PLACE_AFTER.search(text, mention.end, span[1]) or _PLACE_AFTER.search(
        text, span[0], mention.start
    )
    if place is None:
        return mention
    name = place.group(1)
    if ActorDictionary.default().country_of(name):
        return mention
    return replace(
        mention,
        canonical=f"{name} Communal Militia ({country or UNLOCALIZED})",
        inter=4,
        country=country,
        generic=False,
    )


_VICTIM = re.compile(
    r"\b(?:killed|killing|kills|injured|injuring|wounded|wounding|hit|hitting|died|dead|"
    r"targeted|targeting|struck|casualties|victims?|shot)\b",
    re.IGNORECASE,
)


def _victim(text: str, mention: ActorMention, span: tuple[int, int]) -> bool:
    """Civilians named near a harm word are the victims of a remote attack, not bystanders."""
    return bool(_VICTIM.search(text, max(span[0], mention.start - 60), min(span[1], mention.end + 60)))


def _conflict_default(
    dictionary: ActorDictionary, country: str | None, event_type: str | None, on: dt.date | None
) -> tuple[tuple[str, int | None], tuple[str, int | None]] | None:
    """The two parties ACLED assumes for unattributed fire in some conflicts (Donbas before 2022)."""
    if country is None or on is None:
        return None
    for rule in dictionary.conflict_defaults:
        if rule.get("country") != country or event_type not in (rule.get("event_types") or ()):
            continue
        begin, until = rule.get("from"), rule.get("until")
        if (begin and on < begin) or (until and on > until):
            continue
        names = []
        for key in ("actor1", "actor2"):
            entry = dictionary.lookup(rule[key])
            names.append(
                (entry.canonical(on, country) if entry else rule[key], entry.inter if entry else None)
            )
        return names[0], names[1]
    return None


def _absorb(dictionary: ActorDictionary, mentions: list[ActorMention]) -> list[ActorMention]:
    """An operation named with its members codes them all ("JWS, operating under Peace Spring")."""
    for umbrella in mentions:
        entry = dictionary.lookup(umbrella.canonical)
        if entry is None or not entry.absorbs:
            continue
        return [
            ActorMention(
                text=m.text,
                start=m.start,
                end=m.end,
                canonical=umbrella.canonical,
                inter=umbrella.inter,
                country=umbrella.country,
                generic=m.generic,
            )
            if any(m.canonical.startswith(prefix) for prefix in entry.absorbs)
            else m
            for m in mentions
        ]
    return mentions


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


_PAIR_AFTER = re.compile(
    r"\s*(?:(?:members|fighters|militants|forces|militiamen)\s+)?and\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
)
_PAIR_BEFORE = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    r"(?:\s+(?:members|fighters|militants|forces|militiamen))?\s+and\s+(?:the\s+)?$"
)
_NOT_GROUP_WORDS = frozenset({"Syrian", "Iraqi", "Turkish", "Russian", "Clashes", "No", "The", "On"})


def _other_named(
    text: str, span: tuple[int, int], mention: ActorMention, mentions: list[ActorMention]
) -> str | None:
    """The other conjunct of "between X and Y" when it is a capitalised name no mention covers."""
    start, end = span
    head = text[max(start, mention.start - 80) : mention.start]
    if not _BETWEEN_WORD.search(head) and not _BETWEEN_WORD.search(text, start, mention.start):
        return None
    found = _PAIR_BEFORE.search(head)
    if found is not None:
        s = mention.start - len(head) + found.start("name")
        name = found.group("name")
    else:
        if not _BETWEEN_WORD.search(head[-40:]):
            return None
        found = _PAIR_AFTER.match(text, mention.end, end)
        if found is None:
            return None
        s = found.start("name")
        name = found.group("name")
    if name.split()[0] in _NOT_GROUP_WORDS or any(m.start <= s < m.end for m in mentions):
        return None
    return name


_VICTIM_AFTER = re.compile(
    r"[^.;]{0,45}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|shot|assassinated|sniped|executed|beheaded|found|targeted|ambushed|wounded|injured|"
    r"kidnapped|abducted|stabbed|strangled|murdered)\b",
    re.IGNORECASE,
)
_VICTIM_BEFORE = re.compile(
    r"\b(?:body|bodies|corpse|corpses|remains|killing|assassination|murder|death)\s+of\s+"
    r"(?:(?:a|an|the|one|two|three|four|five|\d+)\s+)?(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_ACTIVE_AFTER = re.compile(r"^[^.;]{0,60}?\bby\b", re.IGNORECASE)


def _victim_only(
    text: str, span: tuple[int, int], side: list[ActorMention], armed: list[ActorMention]
) -> bool:
    """True when the only named side is the one that lost someone and nobody is said to have done it."""
    start, end = span
    first = side[0]
    if any(m.canonical != first.canonical for m in (*side, *armed)):
        return False
    head = text[max(start, first.start - 50) : first.start]
    after = _VICTIM_AFTER.match(text, first.end, end)
    if after is None and _VICTIM_BEFORE.search(head) is None:
        return False
    if after is not None and _ACTIVE_AFTER.match(text[after.end() : end]) is not None:
        return False  # "… were killed by X": the attacker is named, even if the dictionary lacks it
    # the group itself does something in the sentence ("X fighters attacked … and one was killed")
    return not re.match(
        r"\s+(?:(?!(?:was|were|been)\b)\w+\s+){0,2}"
        r"(?:attacked|clashed|fought|shelled|targeted|ambushed|stormed|captured|killed)\b",
        text[first.end : end],
    )


def _dedupe_adjacent(mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop repeats of the same actor that follow each other ("HTS … HTS fighters")."""
    out: list[ActorMention] = []
    for mention in mentions:
        if out and out[-1].canonical == mention.canonical:
            continue
        out.append(mention)
    return out


def _is_target(text: str, span: tuple[int, int], mention: ActorMention) -> bool:
    """In an IED/suicide/grenade sentence, is the one named side the target (not the bomber)?"""
    before = text[span[0] : mention.start]
    after = text[mention.end : span[1]][:40]
    if _SUBJECT_HINT.match(after.strip()) or re.match(
        r"^\s*(?:members?|fighters?)?\s*(?:planted|detonated|"
        r"threw|claimed)",
        after,
        re.IGNORECASE,
    ):
        return False
    return bool(_EXPLOSIVE.search(before)) or not before.strip()


def _assoc(side: list[ActorMention], exclude: set[str | None]) -> str | None:
    names: list[str] = []
    for mention in side:
        if mention.canonical in exclude or mention.canonical in names or mention.inter == _CIVILIANS:
            continue
        if mention.inter in (_PROTESTERS, _RIOTERS):
            continue
        if mention.generic and any(not m.generic and m.canonical == mention.canonical for m in side):
            continue
        names.append(mention.canonical)
    return "; ".join(names) if names else None


def localize(event: Event, country: str | None, dictionary: ActorDictionary | None = None) -> None:
    """Fill "(X)" / "of X" in an event's generic actors once its country is known; fix inter 8.

    With no country (geocoding off and nothing in the report names one) the placeholder becomes an
    honest "(country unknown)" label, so a literal "(X)" never reaches output.
    """
    dictionary = dictionary or ActorDictionary.default()
    on = event.event_date

    def one(part: str) -> str:
        if not dictionary.is_unlocalized(part):
            return part
        if country:
            return dictionary.localize_name(part, country, on)
        return dictionary.unknown_country_name(part)

    def fill(name: str | None) -> str | None:
        if not name:
            return name
        return "; ".join(one(part) for part in name.split("; "))

    event.actor1 = fill(event.actor1)
    event.actor2 = fill(event.actor2)
    event.assoc_actor_1 = fill(event.assoc_actor_1)
    event.assoc_actor_2 = fill(event.assoc_actor_2)
    abroad = False
    for attr in ("inter1", "inter2"):
        name = event.actor1 if attr == "inter1" else event.actor2
        if country and getattr(event, attr) == 1 and name:
            entry = dictionary.lookup(name)
            if entry is not None and entry.country and entry.country != country:
                setattr(event, attr, 8)
                abroad = True
    if abroad or (event.interaction is None and (event.inter1 is not None or event.inter2 is not None)):
        event.interaction = interaction_code(event.inter1, event.inter2)
    for claim in event.claims:
        claim.side = fill(claim.side)
