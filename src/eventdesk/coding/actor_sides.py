"""Actor sides: group an event's actor mentions into actor1's and actor2's sides.

The words between mentions decide alliance ("X, backed by Y") or opposition ("between X and Y",
"Y were killed by X"); helpers here also drop claimants, resolve partisan words to the named
enemy, absorb operation members into their umbrella, code armed locals as communal militias and
spot victim-only mentions. Used by ``coding.actors.assign_actors``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Final

from ..nlp.lexcache import PatternCache
from ..nlp.sentences import ascii_words, matches_at_words
from ..records import ActorMention
from .actor_dictionary import UNLOCALIZED, ActorDictionary
from .actor_text import standing_for

_rx = PatternCache(__file__)

_CIVILIANS: Final = 7
_PROTESTERS: Final = 6
_RIOTERS: Final = 5

# Between two actor mentions: the second is an ally of the first ("X, backed by Y", "X and Y").
_ALLY_GAP: Final = _rx(
    r"^[\s,]*(?:and|&|as\s+well\s+as|along\s+with|alongside|together\s+with|backed\s+by|supported\s+by|"
    r"with\s+the\s+support\s+of|with\s+support\s+from|in\s+coordination\s+with|assisted\s+by|aided\s+by|"
    r"and\s+(?:their|its)\s+allies?,?|including|with\s+(?:the\s+)?help\s+of|reinforced\s+by|"
    r"accompanied\s+by|joined\s+by|and\s+allied|of|of\s+the|,|['’]s)?[\s,]*(?:the\s+|its\s+|their\s+|allied\s+)?$"
    r"|^-$",  # "US-British airstrikes": two states' forces in one phrase
    re.IGNORECASE,
)
# Between two mentions, the second is the agent: "Y were killed by X", "an attack by X". Checked on the
# last words of the gap (a regex with look-behinds is ten times slower on every gap).
_AGENT_NOT_AFTER: Final = frozenset(
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
_GAP_WORDS: Final = _rx(r"[a-z]+")


# one of them is in every match of _SUPPORTED (its verbs, and the nouns of "with the support of")
_SUPPORTED_WORDS: Final = (
    "backed", "support", "accompan", "assist", "aided", "reinforc", "cover", "backing", "help"
)


def _may_be_supported(gap: str) -> bool:
    """False when ``gap`` cannot hold a match of _SUPPORTED (ASCII only: outside ASCII "ı", "ſ" and "K"
    match i, s and k under IGNORECASE, and the pattern is always searched)."""
    if not gap.isascii():
        return True
    low = gap.lower()
    return any(word in low for word in _SUPPORTED_WORDS)


_AGENT_OF: Final = ("hands", "side", "hallmarks", "hallmark")
# bytes: a-z kept, every other byte a space (``_gap_words``)
_AZ_BYTES: Final = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _gap_words(low: str) -> list[str]:
    """``_GAP_WORDS.findall(low)``: an ASCII text's runs of a-z split in C (no regex step per word)."""
    if not low.isascii():
        return _GAP_WORDS.findall(low)
    return low.encode("ascii").translate(_AZ_BYTES).decode("ascii").split()


_REPULSED_AFTER: Final = _rx(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:repulsed|repelled|foiled|thwarted|fought\s+off|beat\s+back|responded|"
    r"returned\s+fire|retaliated|counter-?attacked)\b",
    re.IGNORECASE,
)
_BE_WORDS: Final = frozenset({"was", "were", "been", "being", "is", "are"})
_HARMED_WORDS: Final = frozenset({"killed", "wounded", "injured", "hurt"})


def _passive_harm(words: list[str]) -> bool:
    """ "… were killed (on Wednesday)", "… died": the words before the agent tell a harm suffered."""
    return "died" in words or any(
        word in _HARMED_WORDS and index > 0 and words[index - 1] in ("were", "was")
        for index, word in enumerate(words)
    )


def _agent_gap(gap: str) -> bool:
    if _may_be_supported(gap) and _SUPPORTED.search(gap):
        return False  # "supported by an airdrop by Coalition forces": an ally, not the agent
    words = _gap_words(gap.lower())
    tail = len(words) - 4
    for index in range(max(0, tail - 1), len(words)):
        word = words[index]
        if word == "by" and index >= tail and (index == 0 or words[index - 1] not in _AGENT_NOT_AFTER):
            # ("troops rescued 16 passengers abducted by bandits": the agent of the object's own clause,
            # after an active verb, is no agent of the sentence's)
            before = words[:index]
            active = before[0].endswith("ed") or any(
                w in ("have", "has", "had") and before[k + 1].endswith("ed")
                for k, w in enumerate(before[:-2])
            )
            return not (
                active
                and index >= 3
                and words[index - 1].endswith("ed")
                and not any(w in _BE_WORDS for w in before)
            )
        if word in ("blamed", "accused") and index >= tail:
            return True
        # "at the hands of X"; "the attack bore the hallmarks of X": X is the suspected perpetrator
        if word == "of" and index > 0 and words[index - 1] in _AGENT_OF and index >= tail:
            return True
        # "three SDF fighters were killed when a Turkish drone targeted …": the harm's agent follows
        if word in ("when", "after", "as") and index >= len(words) - 3 and _passive_harm(words[:index]):
            return True
    return "attributed" in words and words[-1:] == ["to"]


_BETWEEN: Final = _rx(r"\bbetween\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_OPPONENT_FIRST: Final = _rx(
    r"\b(?:following|after|amid|during|in)\s+(?:\w+\s+){0,2}(?:clashes|fighting|battles|confrontations|"
    r"an\s+attack|attacks)\s+(?:with|against|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "with the air support of X": shared by the two ally patterns
_SUPPORT_OF: Final = (
    r"\bwith\s+(?:the\s+)?(?:air\s+|aerial\s+|artillery\s+)?(?:support|cover|backing|help)\s+(?:of|from)\b"
)
_SUPPORTED: Final = _rx(
    r"\b(?:backed|supported|accompanied|assisted|aided|reinforced|covered)\s+(?:up\s+)?(?:by|with)\b|"
    + _SUPPORT_OF,
    re.IGNORECASE,
)
_AND: Final = _rx(r"\band\b", re.IGNORECASE)
_BETWEEN_WORD: Final = _rx(r"\bbetween\b", re.IGNORECASE)
# "between Nabatieh and Kfar Roummane", "between the towns of X and Y": two places joined after "between"
_BETWEEN_PLACES: Final = _rx(
    r"\s+(?:the\s+)?(?:(?:towns|villages|cities|areas)\s+of\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+and\s+"
    r"(?:the\s+)?[A-Z][\w'’-]*"
)


def _between_places(text: str, at: int, first_actor: int) -> bool:
    """Whether "between" at ``at`` joins two places before the first actor named after it."""
    m = _BETWEEN_PLACES.match(text, at)
    return m is not None and m.end() <= first_actor


_AGAINST: Final = _rx(r"\b(?:against|versus|vs\.?)\s", re.IGNORECASE)
_ALLY_ANYWHERE: Final = _rx(
    r"\b(?:backed|supported|accompanied|assisted|aided|reinforced|joined|led|advised|commanded|covered)\s+"
    r"(?:up\s+)?(?:by|with)\b|" + _SUPPORT_OF + r"|"
    r"\b(?:alongside|along\s+with|together\s+with|in\s+(?:coordination|cooperation|conjunction)\s+with|"
    r"jointly\s+with|allied\s+with|loyal\s+to|who\s+(?:had\s+|later\s+)?joined|"
    r"and\s+(?:its\s+|their\s+)?affiliates|coded\s+as|"
    r"(?:under|with)\s+(?:the\s+)?(?:air\s+)?cover\s+of|"
    r"(?:operating|operates|operated|fighting|working|serving|deployed)\s+(?:as\s+part\s+of|under|within|with)|"
    r"as\s+part\s+of|"
    r"under\s+the\s+(?:umbrella|banner|command)\s+of|affiliated\s+(?:with|to))\b",
    re.IGNORECASE,
)
# patterns of single uses, precompiled (a module-level re.match goes through re's interpreted cache);
# the same patterns and flags as written at their use before
_UNIT_BASE_AFTER: Final = _rx(
    r"\s+(?:army\s+|military\s+)?(?:base|headquarters|HQ|camp|barracks|airport)\b", re.IGNORECASE
)
_CLAUSE_STOP: Final = _rx(r"[.;:!?]")
_LOCALS: Final = _rx(r"\b(?:local|locals|families|family|residents|villagers|young)\b", re.IGNORECASE)
_GROUP_ACTS_AFTER: Final = _rx(
    r"\s+(?:(?!(?:was|were|been)\b)\w+\s+){0,2}"
    r"(?:attacked|clashed|fought|shelled|targeted|ambushed|stormed|captured|killed)\b"
)
_DEVICE_VERB_AFTER: Final = _rx(
    r"^\s*(?:(?:later|also|has|have|had|subsequently|reportedly|quickly|swiftly)\s+)?"
    r"(?:members?|fighters?)?\s*(?:planted|detonated|threw|claimed)",
    re.IGNORECASE,
)
# the words (runs of a-z0-9, lower-cased) an _ALLY_ANYWHERE match begins with: each stands whole (white
# space follows it in the pattern). Keep in step with _ALLY_ANYWHERE (tests/test_coding_speed9.py).
_ALLY_FIRSTS: Final = frozenset(
    word.encode()
    for word in (
        "backed", "supported", "accompanied", "assisted", "aided", "reinforced", "joined", "led", "advised",
        "commanded", "covered", "with", "alongside", "along", "together", "in", "jointly", "allied", "loyal",
        "who", "and", "coded", "under", "operating", "operates", "operated", "fighting", "working",
        "serving", "deployed", "as", "affiliated",
    )
)  # fmt: skip


def _ally_matches(gap: str) -> list[re.Match[str]]:
    """``list(_ALLY_ANYWHERE.finditer(gap))``, with the pattern tried only at the words that can begin a
    match: in ASCII text a match begins (\\b) a word of _ALLY_FIRSTS, in any case (IGNORECASE); the
    words are found in C on the lower-cased gap (sentences.ascii_words). The pattern, case-folding
    and all, still decides at each of them."""
    if not gap.isascii():
        return list(_ALLY_ANYWHERE.finditer(gap))
    return matches_at_words(_ALLY_ANYWHERE, gap, 0, len(gap), ascii_words(gap.lower()), _ALLY_FIRSTS, False)


_OPPOSE: Final = _rx(
    r"\b(?:against|clash\w*|attack\w*|fought|fight(?:s|ing)?|target\w*|shell\w*|ambush\w*|advanc\w*|repel\w*|"
    r"killed|kill\w*|captur\w*|seiz\w*|took|struck|hit|raid\w*|battl\w*|stormed|assault\w*|confront\w*|"
    r"engag\w*|exchang\w*|between|versus|vs|on\s+(?:the\s+)?one\s+hand|on\s+the\s+other|shot|shoot\w*|wound\w*|"
    r"injur\w*|assassinat\w*|detain\w*|arrest\w*|abduct\w*|kidnap\w*|foil\w*|thwart\w*|infiltrat\w*|repuls\w*|"
    r"bomb\w*|fired|fire|execut\w*|murder\w*|stabb\w*|beat\w*|opened|pushed|expelled|seized|"
    r"confronted|downed|intercepted|responded|recaptur\w*|retook|retak\w*|regain\w*|liberat\w*|wrest\w*|"
    r"ousted|drove)\b",
    re.IGNORECASE,
)
_RECIPROCAL_AFTER: Final = _rx(
    r"^\s*(?:fighters|forces|troops|members|militants|militiamen|groups|factions)?\s*"
    r"(?:have\s+|had\s+)?(?:clashed|fought|exchanged|engaged|battled|skirmished|traded)\b"
    r"(?!\s+(?:\w+ly\s+)?(?:with|against))",
    re.IGNORECASE,
)
_EXPLOSIVE: Final = _rx(
    r"\b(?:IED|IEDs|explosive|explosives|bomb|bombs|landmine|landmines|mine|mines|blast|explosion|exploded|"
    r"detonated|booby-trapped|booby\s+trapped|car\s+bomb|VBIED|roadside|grenade|suicide)\b",
    re.IGNORECASE,
)
_SUBJECT_HINT: Final = _rx(r"\b(?:planted|detonated|threw|hurled|launched|fired|claimed)\b", re.IGNORECASE)
_ENEMY_WORDS: Final = (
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
_COLLECTIVE_ONLY: Final = _rx(r"^(?:the\s+)?(?:factions|enemy)$", re.IGNORECASE)
_AMONG: Final = _rx(
    r"\b(?:among|amongst|between\s+(?:two|rival|members|factions)|internal|infighting|"
    r"in-fighting|within|inter-?(?:clan|communal|ethnic|tribal|factional)|"
    r"(?:its|their)\s+own\s+(?:members|fighters|ranks|personnel|men)|"
    r"members\s+of\s+the\s+(?:same\s+)?(?:group|faction|movement))\b",
    re.IGNORECASE,
)
_RECIPROCAL: Final = _rx(
    r"\b(?:clashed|clashes|fought|exchanged\s+(?:fire|gunfire|shelling)|battled|skirmished)"
    r"\b(?!\s+(?:\w+ly\s+)?(?:with|against|broke|erupted|took|between))",
    re.IGNORECASE,
)


# Named with a bigger side, these are its associates, not its main actor ("rebel and Islamist factions").
_SECONDARY: Final = ("Islamist Militia (",)


# ACLED lists a former affiliation only as an associated actor ("Former Opposition Rebels (Syria)")
FORMER: Final = "Former "
_FORMER_BEFORE: Final = _rx(
    r"\b(?:(?:former|ex-?|retired)\s*(?:(?:fighters?|members?|commanders?|officers?|soldiers?|captains?|colonels?|"
    r"generals?|lieutenants?|sergeants?)\s+of\s+(?:the\s+)?)?"
    # "a member of the previous government's security forces": forces of a government that has fallen
    r"|(?:previous|former|ousted|deposed|toppled|fallen)\s+(?:government|regime|republic|administration)(?:'s|’s)\s+)$",
    re.IGNORECASE,
)
# the words one of _FORMER_BEFORE's or _FORMER_START's matches must hold ("ex" also stands for "ex-")
_FORMER_WORDS: Final = (
    "former", "ex", "once", "retired", "previous", "ousted", "deposed", "toppled", "fallen"
)  # fmt: skip


# joined mentions: "an opposition faction under former Operation Olive Branch", "factions once under X"
_ONCE_UNDER_BEFORE: Final = _rx(r"\bonce\s+(?:under|part\s+of|with)\s+(?:the\s+)?$", re.IGNORECASE)
_FORMER_UMBRELLA: Final = _rx(r"\b(?:under|within|of)\s+(?:the\s+)?former\s+|\bonce\s+under\b", re.IGNORECASE)


_FORMER_START: Final = _rx(r"(?i)(?:former|ex-)\s")


def _former(dictionary: ActorDictionary, mention: ActorMention, text: str) -> ActorMention:
    """ "a former X commander", "factions once under former Operation Y": the mention is "Former X"."""
    if mention.canonical.startswith(FORMER) or mention.inter in (_CIVILIANS, _PROTESTERS, _RIOTERS):
        return mention
    head = text[max(0, mention.start - 48) : mention.start]
    # every pattern below needs one of _FORMER_WORDS (letters no non-ASCII character matches under
    # IGNORECASE) in the head or the mention: most have none, and skip the four searches
    low = head.lower() + "|" + mention.text.lower()
    if not any(word in low for word in _FORMER_WORDS):
        return mention
    if (
        not _FORMER_BEFORE.search(head)
        and not _ONCE_UNDER_BEFORE.search(head)
        and not _FORMER_START.match(mention.text)
        and not _FORMER_UMBRELLA.search(mention.text)
    ):
        return mention
    return replace(mention, canonical=FORMER + mention.canonical)


def former_state_force(dictionary: ActorDictionary, mention: ActorMention) -> bool:
    """ "a former police officer": a mention of a state's forces someone has left."""
    if not mention.canonical.startswith(FORMER):
        return False
    entry = dictionary.lookup(mention.canonical.removeprefix(FORMER))
    return entry is not None and entry.kind in ("military", "police")


def _former_main(
    dictionary: ActorDictionary, side: list[ActorMention], *, target: bool = False
) -> tuple[str, int]:
    """The main actor of a side named only by former affiliations: the factions of a former operation
    are still rebels; people who left an armed group are an unidentified armed group; a former soldier
    or police officer who is the ``target`` of a one-sided event (arrested, attacked) is a civilian."""
    for mention in side:
        entry = dictionary.lookup(mention.canonical.removeprefix(FORMER))
        if entry is not None and entry.absorbs:
            return "Opposition Rebels", 2
    if target and all(former_state_force(dictionary, m) for m in side):
        return "Civilians", 7
    return "Unidentified Armed Group", 3


_GENERIC_FACTIONS: Final = ("Opposition Rebels (", "Islamist Militia (", "Islamist Rebels (")


@dataclass(slots=True, init=False)  # __init__ written out
class _Side:
    mentions: list[ActorMention] = field(default_factory=list)

    def __init__(self, mentions: list[ActorMention] | None = None) -> None:
        # written out: the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md)
        self.mentions = [] if mentions is None else mentions

    def main(self) -> ActorMention | None:
        pool = [m for m in self.mentions if m.inter != _CIVILIANS] or self.mentions
        pool = [m for m in pool if not m.canonical.startswith(FORMER)]
        if any(m.canonical.startswith(_SECONDARY) for m in pool):
            stronger = [
                m
                for m in pool
                if not m.canonical.startswith(_SECONDARY) and (not m.generic or "Rebels" in m.canonical)
            ]
            pool = stronger or pool
        if pool and pool[0].generic and pool[0].canonical.startswith(_GENERIC_FACTIONS):
            # "Islamist and rebel factions and HTS": the named group leads, the generic factions assist
            named = [m for m in pool if not m.generic and m.inter in (2, 3)]
            if named:
                return named[0]
        return pool[0] if pool else None


_REPORTING: Final = _rx(
    r"^\s*(?:\([^)]{1,20}\)\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|reported|reports|announced|"
    r"stated|added|published|posted|denied|confirmed)\b",
    re.IGNORECASE,
)
# "according to the army", "according to a member of the local People's Defence Force", "according to a
# spokesman for the", "according to sources in the"
_ACCORDING_BEFORE: Final = _rx(
    r"\baccording\s+to\s+(?:(?:a|an|the|two|three|several)\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:of|for|from|in|with|within|close\s+to)\s+)?(?:(?:the|its|their|local)\s+){0,2}$",
    re.IGNORECASE,
)
# a side's name that only qualifies the speaker or outlet: "the Houthi-run Al-Masirah channel",
# "the Taliban-appointed police spokesman"
_OUTLET_OF: Final = _rx(
    r"^-(?:run|owned|controlled|appointed|affiliated|aligned|backed)\s+(?:[\w'’.-]+\s+){0,3}?"
    r"(?:channels?|tv|television|radio|agency|news|media|outlets?|newspapers?|daily|websites?|"
    r"spokes(?:man|woman|person)|officials?|governor|authorities|ministry)\b",
    re.IGNORECASE,
)
# "police spokesman Ahmed Ali said", "army officials told reporters"
_SPOKESMAN: Final = _rx(
    # (the speaker may be a body of the party's: "the British military's Maritime Trade Operations centre")
    r"^(?:['’]s(?:\s+[A-Z][\w'’-]*){1,6}\s+(?:cent(?:er|re)|office|agency|unit|cell|department|directorate)\s+"
    r"(?:said|says|reported|stated|confirmed|announced|added)\b|"
    r"\s+(?:spokes(?:man|woman|person)|press\s+office|media\s+(?:office|cent(?:er|re))|officials?|"
    r"(?:general\s+)?command|leadership|(?:military\s+)?wing)\b[^.;]{0,40}?"
    r"\b(?:said|says|told|reported|stated|confirmed|announced|added)\b)",
    re.IGNORECASE,
)


_KILLED_AFTER: Final = _rx(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:were|was|have\s+been|had\s+been)\s+(?:killed|neutrali[sz]ed|eliminated)\b",
    re.IGNORECASE,
)


def _drop_claimants(text: str, mentions: list[ActorMention], remote: bool = False) -> list[ActorMention]:
    """A party named only as the source ("the group's media office reported that …") is not a side.
    ``remote``: an explosion or an attack on civilians, where state forces as speaker ("police said the
    death toll had risen to 15", "the army said") are no side even when the only one named (an armed
    group that reports a strike is its target: "HPG reported that Turkish forces conducted airstrikes")."""
    # a name that only qualifies the outlet or the speaker is no side at all
    # (the pattern begins with a hyphen: "-run", "-appointed")
    mentions = [
        m
        for m in mentions
        if not (text.startswith("-", m.end) and _OUTLET_OF.match(text[m.end : m.end + 80]))
    ]
    # a claimant is dropped only beside two other parties (an armed side and its civilian victims
    # count: "gunmen wounded 12 civilians, police said"): with fewer, nothing to read
    parties = len(mentions)
    state_may_speak = remote and any(m.inter == 1 for m in mentions)
    if (
        state_may_speak
        and all(m.inter in (1, 2, 3, 4) for m in mentions)
        and len({m.canonical for m in mentions if m.inter == 1}) == 1
        and any(m.inter != 1 and _KILLED_AFTER.match(text, m.end, m.end + 60) for m in mentions)
    ):
        # a state's ministry on its own strike: "the Turkish Defence Ministry said 12 PKK militants were
        # neutralized in air strikes" (no civilians, no other force): the speaker's forces struck
        return list(mentions)
    if not state_may_speak and parties < 3 and sum(1 for m in mentions if m.inter != _CIVILIANS) < 2:
        return list(mentions)
    out = []
    for mention in mentions:
        too_few = parties - 1 < 2 and not (state_may_speak and mention.inter == 1)
        if too_few:
            out.append(mention)
            continue
        named_again = any(m is not mention and m.canonical == mention.canonical for m in mentions)
        # state forces named again where they may only speak ("gunmen … killed five, police said; a
        # police spokesman said officers were deployed"): each mention that speaks is dropped
        if (named_again and not state_may_speak) or not _speaks(text, mention):
            out.append(mention)
    return out


def _speaks(text: str, mention: ActorMention) -> bool:
    """``mention`` is the source of the report's words ("police said", "according to the army")."""
    before = text[max(0, mention.start - 64) : mention.start]
    speaking = (
        _REPORTING.match(text[mention.end : mention.end + 40])
        or _SPOKESMAN.match(text[mention.end : mention.end + 60])
        or ("ccording" in before and _ACCORDING_BEFORE.search(before))
    )
    return bool(speaking) and not _OWN.match(text[mention.end : mention.end + 40])


# "X said (on Thursday) (that) its fighters …": the speaker reports its own action and stays a side
_OWN: Final = _rx(
    r"^\W*\w+\s+(?:(?:on|late|early)\s+(?:on\s+)?\w+\s+)?(?:that\s+)?(?:its|their|our|it|they|we)\b"
)


_ACCUSATION: Final = _rx(
    r"\b(?:accus\w*|charg\w*|allegation\w*|alleged\w*|suspicion|suspected\s+of|on\s+suspicion)\b",
    re.IGNORECASE,
)
_DEALINGS_BEFORE: Final = _rx(
    r"\b(?:collaborat\w*|communicat\w*|cooperat\w*|dealing|dealings|deal|contact\w*|spy\w*|spied|"
    r"work\w*|links?|ties|connections?|affiliation|loyalty|belonging|joining|join)\s+(?:with|for|to)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)

# the word stems ``_DEALINGS_BEFORE`` begins with (one is inside every match's first word)
_DEALING_STEMS: Final = (
    "collaborat", "communicat", "cooperat", "deal", "contact", "spy", "spied", "work", "link", "ties",
    "connection", "affiliation", "loyalty", "belonging", "join",
)


_DESCRIPTION_BEFORE: Final = _rx(
    r"(?:,\s+an?\s+pro-|\b(?:swore|sworn|swearing|pledged|pledging|declared)\s+(?:its\s+|their\s+)?"
    r"(?:allegiance|loyalty|bay'?ah)\s+to\s+(?:the\s+)?['\"‘“]?|"
    # a person's past: "a former commander who had reconciled with the regime", "settled his status with"
    r"\b(?:reconciled|reconciliation\s+(?:agreement|deal|settlement)s?|settled\s+(?:his|her|their)\s+"
    r"(?:status|statuses|situation)|settlement\s+(?:agreement|deal)s?|defected|deserted)\s+(?:with|from)\s+"
    r"(?:the\s+)?)$",
    re.IGNORECASE,
)


_SLASH: Final = _rx(r"^\s*/\s*$")


def _slash_members(
    dictionary: ActorDictionary, text: str, mentions: list[ActorMention]
) -> list[ActorMention]:
    """ "QSD/YPG forces", "YPG/SDF": a coalition written together with one of its members names the
    member (the more specific actor), whichever comes first."""
    out: list[ActorMention] = []
    skip = -1
    for i, mention in enumerate(mentions):
        if i == skip:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and _SLASH.match(text[mention.end : nxt.start]):
            first, second = dictionary.lookup(mention.canonical), dictionary.lookup(nxt.canonical)
            member = None
            if first is not None and first.member_of and first.member_of == nxt.canonical:
                member = mention
            elif second is not None and second.member_of and second.member_of == mention.canonical:
                member = nxt
            if member is not None:
                joined = text[mention.start : nxt.end]
                out.append(replace(member, start=mention.start, end=nxt.end, text=joined))
                skip = i + 1
                continue
        out.append(mention)
    return out


_NOTABLE_OF_BEFORE: Final = _rx(
    r"\b(?:head|leader|chief|sheikh|shaykh|elder|notable|dignitary|emir|mukhtar)s?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_OPERATES_IN: Final = _rx(
    r"^(?P<name>.+?)(?:\s*-\s*[A-Z][\w'’-]*)?\s*(?:(?:fighters?|forces|members?)\s*)?,?\s*"
    r"(?:(?:who|which|that)\s+)?(?:operating|operate|operates|operated)\s+(?:under|as\s+part\s+of|within)\b",
    re.IGNORECASE,
)


def _umbrella_names(mentions: list[ActorMention], in_span: list[ActorMention]) -> list[ActorMention]:
    """ "Hamza Division members, who operate under the SLF, clashed …, killing a Hamza Division member":
    once the report says whom a unit operates under, its later mentions are coded as that umbrella."""
    umbrellas: dict[str, ActorMention] = {}
    for mention in mentions:
        # (the pattern needs "operat…": no i, k or s, so the lower-cased text shows it whatever the script)
        if "operat" not in mention.text.lower():
            continue
        found = _OPERATES_IN.match(mention.text)
        if found is not None:
            umbrellas[found.group("name").strip().lower()] = mention
    if not umbrellas:
        return in_span
    out = []
    for mention in in_span:
        umbrella = umbrellas.get(mention.text.strip().lower())
        if umbrella is not None and umbrella.canonical != mention.canonical:
            mention = replace(
                mention, canonical=umbrella.canonical, inter=umbrella.inter, country=umbrella.country
            )
        out.append(mention)
    return out


def _drop_descriptions(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "X, a pro-Islamic State army,", "which swore allegiance to the Islamic State": the group named only
    to describe another is not a side ("pro-Houthi forces" are the Houthis: only the apposition counts)."""
    if len(mentions) < 2:
        return mentions
    out = []
    for m in mentions:
        head = text[max(0, m.start - 45) : m.start]
        if not (_may_describe(head.lower()) and _DESCRIPTION_BEFORE.search(head)):
            out.append(m)
    if len(out) < 3:
        return out
    # "(the head of the X tribe)": a tribe or clan named to say who a person is, beside two other parties
    return [m for m in out if not (m.inter == 4 and _notable_of(text, m))]


# A literal each alternative of _DESCRIPTION_BEFORE holds, without the letters i, k and s (a non-ASCII
# character matches those under IGNORECASE: "ı", "K", "ſ"), so a lower-cased head without any of them
# cannot match (the search tries every start position of the head: most heads have none)
_DESCRIPTION_WORDS: Final = ("pro-", "lleg", "loyalty", "bay", "reconc", "ettle", "defected", "erted")


def _may_describe(head: str) -> bool:
    return any(word in head for word in _DESCRIPTION_WORDS)


def _notable_of(text: str, mention: ActorMention) -> bool:
    return bool(_NOTABLE_OF_BEFORE.search(text, max(0, mention.start - 30), mention.start))


def _drop_accused_links(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "detained members on charges of communicating with X": X is what they are accused of, not a side."""
    out = []
    # the pattern ends "with|for|to (the) " at the end of the head: in ASCII text a head whose last word is
    # none of those cannot match (outside ASCII, "ı" matches "i" under IGNORECASE: always searched)
    ascii_text = text.isascii()
    for mention in mentions:
        head = text[max(0, mention.start - 40) : mention.start]
        if ascii_text:
            last = head.rstrip().lower()
            if not (
                last.endswith("with") or last.endswith("for") or last.endswith("to") or last.endswith("the")
            ):
                out.append(mention)
                continue
            # a match is "<dealing word> with|for|to [the]" at the end: whole words (white space around
            # them), the dealing word's stem inside the word before "with" (its start may follow "-")
            words = last.split()
            if words and words[-1] == "the":
                words.pop()
            if not (
                len(words) >= 2
                and words[-1] in ("with", "for", "to")
                and any(stem in words[-2] for stem in _DEALING_STEMS)
            ):
                out.append(mention)
                continue
        if _DEALINGS_BEFORE.search(head):
            sentence_start = max(text.rfind(".", 0, mention.start), text.rfind(";", 0, mention.start)) + 1
            if _ACCUSATION.search(text, sentence_start, mention.start):
                continue
        out.append(mention)
    return out


_PLAIN_GUNMEN: Final = _rx(r"(?:\d+\s+|armed\s+|the\s+)*(?:gunmen|armed\s+men)", re.IGNORECASE)


def _same_locals(mentions: list[ActorMention]) -> list[ActorMention]:
    """In a communal clash, plain "gunmen" are the communal militia's own men, and "families from the X
    tribe" are the X tribal militia."""
    communal = [m for m in mentions if m.inter == 4 and m.canonical.endswith(")") and not m.generic]
    if not communal:
        return mentions
    out = []
    for mention in mentions:
        if (
            mention.generic
            and mention.inter == 3
            and mention.canonical.startswith("Unidentified Armed Group")
            and _PLAIN_GUNMEN.fullmatch(mention.text.strip())
        ):
            mention = replace(mention, canonical=communal[0].canonical, inter=4, generic=False)
        elif " Communal Militia (" in mention.canonical:
            place = mention.canonical.split(" Communal Militia (")[0]
            tribe = next(
                (
                    m
                    for m in communal
                    if m.canonical.startswith(place + " ") and " Communal Militia (" not in m.canonical
                ),
                None,
            )
            if tribe is not None:
                mention = replace(mention, canonical=tribe.canonical)
        out.append(mention)
    return out


_ARMY_UNIT_KIND: Final = _rx(r"\b(?:Infantry|Mechani[sz]ed|Armou?red|Marine|Airborne|Assault|Artillery)\b")
_NUMBERED_UNIT: Final = _rx(
    r"^(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:Armou?red\s+|Infantry\s+|Mechani[sz]ed\s+|Assault\s+)?"
    r"(?:Division|Brigade|Corps|Regiment|Battalion)$",
    re.IGNORECASE,
)


def _attach_units(
    text: str,
    mentions: list[ActorMention],
    dictionary: ActorDictionary | None = None,
    country: str | None = None,
    on: dt.date | None = None,
) -> list[ActorMention]:
    """ "a regime post manned by the 17th Division": a numbered unit the dictionary does not know, named in
    the sentence of one state's forces, is a unit of those forces (and not a separate group). Named
    before another state's forces ("the 47th Brigade repelled a Russian assault"), or with no state
    named ("the 61st Infantry Battalion clashed with NPA rebels"), it is the country's own military
    (``country``, the event's, when ``dictionary`` knows its forces)."""
    units = [m for m in mentions if m.inter != 1 and not m.generic and _NUMBERED_UNIT.match(m.canonical)]
    if not units:
        return mentions
    out = list(mentions)
    for unit in units:
        sentence_start = text.rfind(".", 0, unit.start) + 1
        stop = text.find(".", unit.end)
        sentence_end = stop if stop != -1 else len(text)
        if _UNIT_BASE_AFTER.match(text[unit.end : unit.end + 30]):
            out = [m for m in out if m is not unit]
            continue  # "the 47th Brigade army base" is a place
        states = [
            m
            for m in out
            if m.inter == 1
            and m.country
            and m.canonical.startswith(("Military Forces of", "Police Forces of"))
            and sentence_start <= m.start < sentence_end
        ]
        home = country if dictionary is not None and country in dictionary.countries else None
        if home is not None and dictionary is not None and (
            # (with no state named, only an army's kind of unit: a rebel "9th Division" is a faction)
            (not states and _ARMY_UNIT_KIND.search(unit.canonical) is not None)
            or (states and all(m.country != home and m.start > unit.end for m in states))
        ):
            # (the army's plain name: ACLED does not name an army's numbered battalions and brigades)
            own = dictionary.state_forces("military", home, on)
            out = [replace(m, canonical=own, inter=1, country=home) if m is unit else m for m in out]
            continue
        if len({m.country for m in states}) != 1:
            continue
        states = [m for m in states if ") " not in m.canonical]
        if not states:
            continue
        name = unit.canonical
        state = states[0]
        out = [
            replace(m, canonical=f"{m.canonical} {name}") if m is state else m for m in out if m is not unit
        ]
    return out


_DEFINITE_ENEMY: Final = _rx(r"^the\s+(?:attackers|assailants|militants|gunmen|insurgents|fighters)$")


def _resolve_partisan(
    mention: ActorMention,
    doc_mentions: list[ActorMention],
    span: tuple[int, int],
) -> ActorMention:
    """ "terrorists", "the enemy", "militants" → the opposing armed group named in the report."""
    if not mention.generic or mention.inter != 3 or "Unidentified" not in mention.canonical:
        return mention
    words = mention.text.lower()
    definite = _DEFINITE_ENEMY.match(words)
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
    return standing_for(mention, best, generic=True)


def _is_ally_gap(gap: str) -> bool:
    if len(gap) < 60 and _ALLY_GAP.match(gap):
        return True
    if len(gap) < 40 and _AND.search(gap) and not _OPPOSE.search(gap):
        return True  # "regime forces and Syrian and non-Syrian allied militias"
    allies = [m.end() for m in _ally_matches(gap)]
    if not allies:
        return False
    hostile = [m.end() for m in _OPPOSE.finditer(gap)]
    if hostile:
        allies = [m.end() for m in _SUPPORTED.finditer(gap)]
        if not allies:
            return False
    # "amid shelling and supported by Coalition airstrikes": the alliance word is the last word that counts
    return not hostile or allies[-1] > hostile[-1]


_ONE_HAND: Final = _rx(r"\bon\s+(?:the\s+)?one\s+(?:hand|side)\b", re.IGNORECASE)
_OTHER_HAND: Final = _rx(r"\bon\s+the\s+other(?:\s+(?:hand|side))?\b", re.IGNORECASE)


_ALLY_HEAD: Final = _rx(
    r"\b(?:militias?|militiamen|forces|fighters|troops|groups|factions|units|members|gunmen|allies|"
    r"jets|warplanes|planes|aircraft|helicopters|drones|artillery|airstrikes|air\s+strikes)\b",
    re.IGNORECASE,
)


_AND_WORD: Final = _rx(r"\b(?:and|&)\b", re.IGNORECASE)
_ALLY_OBJECT_WORD: Final = _rx(r"[\w'’-]+")
_COMMA_AND: Final = _rx(r",\s*(?:and|&)\s")
_COMMA_AND_WORD: Final = _rx(r",\s*(?:and|&)\b")


def _separating_and(gap: str) -> bool:
    """Does an "and" in the gap separate two sides ("between A and B"), rather than join allies?"""
    first_and = _AND_WORD.search(gap)
    if first_and is None:
        return False
    ally = _ALLY_ANYWHERE.search(gap)
    if ally is not None and ally.start() < first_and.start():
        # ", supported by Syrian and international militias": the "and" joins adjectives inside the
        # ally phrase; "supported by foreign militias and opposition forces": the phrase ended first
        ally_object = gap[ally.end() : first_and.start()]
        if _ALLY_HEAD.search(ally_object):
            return True
        dictionary = ActorDictionary.default()
        if any(
            word[0].isupper() and dictionary.country_of(word) is None
            for word in _ALLY_OBJECT_WORD.findall(ally_object)
            if word.lower() not in ("the", "a", "an")
        ):
            return True  # a name the dictionary does not know ("supported by KLMN and QSD")
        return bool(_COMMA_AND.search(gap[ally.end() :]))
    return True


def _friendly(side: list[ActorMention], mention: ActorMention) -> bool:
    """A pro-government militia is on the side of its government's own forces (by definition)."""
    if not mention.canonical.startswith("Militia (Pro-Government)"):
        return False
    state = ("Military Forces of", "Police Forces of")
    return any(m.inter == 1 or m.canonical.startswith(state) for m in side)


def _partner_of(side: list[ActorMention], mention: ActorMention) -> bool:
    """Is the mention a known partner of someone on the side (actors.yaml alliances)?"""
    dictionary = ActorDictionary.default()
    return any(dictionary.allied(m.canonical, mention.canonical) for m in side)


def _hand_split(text: str, mentions: list[ActorMention], span: tuple[int, int]) -> list[_Side] | None:
    """ "A and B on one hand, and C on the other": the phrase, not the first "and", parts the sides."""
    start, end = span
    # (the phrase holds "one", letters no non-ASCII character matches under IGNORECASE: a span without
    # it is not searched)
    if "one" not in text[start:end].lower():
        return None
    one = _ONE_HAND.search(text, start, end)
    if one is None:
        return None
    other = _OTHER_HAND.search(text, one.end(), end)
    before = [m for m in mentions if m.end <= one.start()]
    after = [m for m in mentions if m.start >= one.end() and (other is None or m.start < other.start())]
    if not before or not after:
        return None
    between = _BETWEEN_WORD.search(text, start, one.start())
    if between is not None:
        inside = [m for m in before if m.start >= between.end()]
        before = inside + [m for m in before if m.start < between.end()] if inside else before
    return [_Side(list(before)), _Side(list(after))]


# one of them is in every match of _OPPONENT_FIRST (clashes, fighting, battles, confrontations, attack(s)):
# an ASCII head without any cannot match (outside ASCII "ı", "ſ" and "K" match i, s and k: searched)
_OPPONENT_FIRST_WORDS: Final = ("clash", "fight", "battle", "confront", "attack")


def _may_oppose_first(head: str) -> bool:
    if not head.isascii():
        return True
    low = head.lower()
    return any(word in low for word in _OPPONENT_FIRST_WORDS)


def _split_sides(text: str, mentions: list[ActorMention], span: tuple[int, int]) -> list[_Side]:
    """Group the event's mentions into sides using the words between them; side 0 is actor1's."""
    sides = [_Side(), _Side()]
    if not mentions:
        return sides
    start, end = span
    by_hand = _hand_split(text, mentions, span)
    if by_hand is not None:
        return by_hand
    order, prefix = mentions, []
    # ("between": letters no non-ASCII character matches under IGNORECASE, so the lower-cased span shows it)
    between = _BETWEEN_WORD.search(text, start, end) if "between" in text[start:end].lower() else None
    against = False
    if between is not None:
        after = [m for m in mentions if m.start >= between.end()]
        # (not "on the road between Nabatieh and Kfar Roummane": two places, no actor, follow the word)
        if len(after) >= 2 and not _between_places(text, between.end(), after[0].start):
            # "shelling and clashes between A and B": A and B are the sides; earlier ones back them
            order = after
            prefix = [m for m in mentions if m.start < between.end()]
            against = bool(_AGAINST.search(text, between.end(), end))
    between_open = between is not None and order is not mentions
    ally_list = False  # inside "backed by B, C and D"
    current = 0
    # "After fighting with HTS, the army retook the village": the first named is the opponent
    head = text[max(start, order[0].start - 80) : order[0].start]
    opponent_first = _may_oppose_first(head) and _OPPONENT_FIRST.search(head) is not None
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
        if (
            _agent_gap(gap)
            and not _ALLY_GAP.match(gap)
            # ("… were killed when ANDSF forces repulsed their attack": the dead were the attackers)
            and not _REPULSED_AFTER.match(text, mention.end, min(end, mention.end + 40))
        ):
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
            conj_and = _separating_and(gap) and not _friendly(sides[current].mentions, mention)
            if (
                ally_list
                and conj_and
                and not _COMMA_AND_WORD.search(gap)
                and _partner_of(sides[current].mentions, mention)
            ):
                conj_and = False  # "backed by B and C, and D": a bare "and" goes on listing allies
            ally_list = _ALLY_ANYWHERE.search(gap) is not None or (ally_list and not conj_and)
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


def _state_base(name: str) -> str:
    """ "Military Forces of Turkey (2016-) Gendarmerie" -> "Turkey (2016-)": the state and its era."""
    for prefix in ("Military Forces of ", "Police Forces of "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    return name.split(")")[0] + ")" if ")" in name else name


def _air(text: str, mention: ActorMention, before: int = 40) -> bool:
    return bool(_AIR.search(text, max(0, mention.start - before), min(len(text), mention.end + 20)))


def _ground_first(
    dictionary: ActorDictionary, text: str, side: list[ActorMention], on: dt.date | None
) -> list[ActorMention]:
    """ "Under Coalition air cover, the SDF clashed with IS": a partner named by its aircraft yields the
    lead of its side to the ground force it supports."""
    if len(side) < 2 or side[0].inter != 8 or not _air(text, side[0]):
        return side  # only a coalition's air power (inter 8) yields: home air defences stay
    ground = next(
        (
            m
            for m in side[1:]
            if dictionary.allied(side[0].canonical, m.canonical, on) and not _air(text, m, before=0)
        ),
        None,
    )
    if ground is None:
        return side
    return [ground, *(m for m in side if m is not ground)]


def _unally(
    dictionary: ActorDictionary,
    text: str,
    side1: list[ActorMention],
    side2: list[ActorMention],
    armed: list[ActorMention],
    on: dt.date | None,
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Partners found on opposite sides while the report names a third party: the partners are one side
    (in text order) and the third party is the other ("Coalition jets struck while the SDF fought IS")."""
    side1, side2 = _ground_first(dictionary, text, side1, on), _ground_first(dictionary, text, side2, on)
    main1, main2 = _Side(side1).main(), _Side(side2).main()
    if main1 is None or main2 is None or main1.canonical == main2.canonical:
        return side1, side2

    def same_state(a: ActorMention, b: ActorMention) -> bool:
        """ "Turkish army and border guards", "soldiers and police"; not rival governments of one country
        ("Military Forces of Yemen (2016-) Supreme Political Council"), whose era differs."""
        if a.inter != 1 or b.inter != 1 or a.country is None or a.country != b.country:
            return False
        return _state_base(a.canonical) == _state_base(b.canonical)

    if not (dictionary.allied(main1.canonical, main2.canonical, on) or same_state(main1, main2)):
        return side1, side2
    partners = {main1.canonical, main2.canonical}

    def partner(m: ActorMention) -> bool:
        return (
            m.canonical in partners
            or any(dictionary.allied(p, m.canonical, on) for p in partners)
            or same_state(m, main1)
        )

    third = [m for m in armed if not partner(m) and m.inter != _CIVILIANS and not m.generic]
    if not third:
        third = [m for m in armed if not partner(m) and m.inter != _CIVILIANS]
    if not third:
        return side1, side2
    # the ground force leads; a partner named by its aircraft is its associate
    joined = sorted(
        (m for m in (*side1, *side2) if partner(m)),
        key=lambda m: (_air(text, m), m.start),
    )
    return joined, [m for m in third if m.canonical == third[0].canonical]


_AIR: Final = _rx(
    r"\b(?:warplanes?|jets?|aircraft|air\s*strikes?|airstrikes|air\s+raids?|helicopters?|drones?|aerial|"
    r"air\s+(?:support|cover|force|forces))\b",
    re.IGNORECASE,
)


def _reciprocal_run(text: str, order: list[ActorMention], index: int) -> bool:
    """ "A and B (and C) clashed/exchanged fire" with no object: the first "and" separates the sides."""
    j = index
    while j + 1 < len(order) and _is_ally_gap(text[order[j].end : order[j + 1].start]):
        j += 1
    verb = _RECIPROCAL_AFTER.match(text[order[j].end : order[j].end + 60])
    if verb is None:
        return False
    # "A, B and C battled regime forces": the verb has an object, so the list is one side
    after = order[j].end + verb.end()
    return not any(
        after <= m.start <= after + 12 and not _CLAUSE_STOP.search(text[after : m.start])
        for m in order[j + 1 :]
    )


def _dedupe(mentions: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        if mention.canonical not in seen:
            seen.add(mention.canonical)
            out.append(mention)
    return out


# (two parts: without "clashed" in an ASCII span only the first can match; ``_two_groups``)
_TWO_GROUPS_NAMED: Final = (
    r"\b(?:two|rival|opposing)\s+(?:\w+\s+){0,2}(?:groups|factions|sides|camps|gangs|communities|families|villages|"
    r"candidates|parties|politicians|clans|tribes|teams|quarters|neighbou?rhoods|fans|supporters|ultras)\b|"
    r"\b(?:each[\s-]+other|one[\s-]+another)\b|\bwith\s+another\s+(?:group|mob|gang|family|clan)\b"
)
_TWO_GROUPS_CLASHED: Final = (
    # "BJP and TMC supporters clashed", "ruling party supporters clashed with opposition supporters"
    r"\b\w+\s+and\s+\w+\s+(?:supporters|activists|workers)\s+clashed\b|"
    # "fans of Boca Juniors and River Plate clashed"
    r"\b(?:fans|supporters)\s+of\s+(?:\w+\s+){1,3}and\s+(?:\w+\s+){1,3}clashed\b|"
    r"\b(?:supporters|activists)\b[^.;]{0,60}\bclashed\s+with\b[^.;]{0,40}\b(?:supporters|activists)\b"
)
_TWO_GROUPS: Final = _rx(_TWO_GROUPS_NAMED + "|" + _TWO_GROUPS_CLASHED, re.IGNORECASE)
_TWO_GROUPS_UNCLASHED: Final = _rx(_TWO_GROUPS_NAMED, re.IGNORECASE)
# a literal inside every ``_TWO_GROUPS`` match ("two", "rival", "opposing", "each other", "another",
# "clashed"), without the letters i, k and s (a non-ASCII character matches those under IGNORECASE)
_TWO_GROUPS_WORDS: Final = ("two", "val", "oppo", "each", "another", "cla")


def _two_groups(text: str, start: int, end: int) -> bool:
    """``_TWO_GROUPS.search(text, start, end)``, searched only where one of its literals is; an ASCII
    span without "clashed" is searched for the first part only (the second's "<word> and <word>", tried
    at every word, made a search ~70 K instructions)."""
    low = text[start:end].lower()
    if not any(word in low for word in _TWO_GROUPS_WORDS):
        return False
    if "clashed" not in low and low.isascii():
        return _TWO_GROUPS_UNCLASHED.search(text, start, end) is not None
    return _TWO_GROUPS.search(text, start, end) is not None


_COMMUNAL: Final = _rx(
    r"^(?:(?:two|rival|armed|local|unknown|several)\s+)*(?:families|family|clans|clan\s+members|young\s+men|"
    r"youths|locals|residents|villagers|relatives|gunmen|armed\s+groups?|armed\s+men|fighters)$",
    re.IGNORECASE,
)
_PLACE_AFTER: Final = _rx(
    r"\b(?:in|near|at|of|from)\s+(?:the\s+)?(?:(?:town|city|village|area|neighbou?rhood|suburb|district)\s+of\s+)?"
    r"((?:al-|Al-|el-|as-|As-|ad-|ar-|Ar-)?[A-Z][\w'’-]*(?:\s+(?:al|el|Al|[A-Z][\w'’-]*))?)"
)


def _communal(mention: ActorMention, text: str, span: tuple[int, int], country: str | None) -> ActorMention:
    """Armed locals or families fighting in a battle are a communal militia named after their place."""
    if mention.inter not in (_CIVILIANS, 3) or not _COMMUNAL.match(mention.text.strip()):
        return mention
    if mention.inter == 3 and not _LOCALS.search(text[max(span[0], mention.start - 14) : mention.end]):
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


_VICTIM: Final = _rx(
    r"\b(?:killed|killing|kills|injured|injuring|wounded|wounding|hit|hitting|died|dead|"
    r"targeted|targeting|struck|casualties|victims?|shot|martyred|martyring|deaths?\s+of|"
    # "a landmine exploded on a shepherd"
    r"exploded\s+(?:on|under)|went\s+off\s+(?:on|under))\b",
    re.IGNORECASE,
)


def _victim(text: str, mention: ActorMention, span: tuple[int, int]) -> bool:
    """Civilians named near a harm word are the victims of a remote attack, not bystanders."""
    return bool(_VICTIM.search(text, max(span[0], mention.start - 60), min(span[1], mention.end + 60)))


# the operation named as the frame its members act in: "factions operating under Operation X",
# "fighters operating as part of X", "under the umbrella of X", "in conjunction with X"
_UMBRELLA_BEFORE: Final = _rx(
    r"\b(?:(?:operating|operate|operates|operated|fighting|working)\s+(?:under|as\s+part\s+of|within)|"
    r"umbrella\s+of|in\s+conjunction\s+with)\s+(?:the\s+)?(?:former\s+)?$",
    re.IGNORECASE,
)
_UMBRELLA_WITHIN: Final = _rx(
    r"\b(?:operating|operate|operates|operated|fighting|working)\s+(?:under|as\s+part\s+of|within)\b|"
    r"\bumbrella\s+of\b",
    re.IGNORECASE,
)


def _leads(text: str | None, mention: ActorMention, umbrella: ActorMention) -> bool:
    """State ground forces named before an operation that is not named as their frame."""
    return (
        text is not None
        and mention.inter == 1
        and not mention.generic
        and mention.end <= umbrella.start
        and not _air(text, mention, before=0)
    )


def _absorb(
    dictionary: ActorDictionary, mentions: list[ActorMention], text: str | None = None
) -> list[ActorMention]:
    """An operation named with its members codes them all ("JWS, operating under Peace Spring").

    A state's ground forces named before the operation, when the operation is not named as the frame
    the others operate under, lead their side themselves: "Turkish forces supported by Olive Branch
    factions captured X" is Turkey with the operation as its associate; "Turkish forces and factions
    operating under Operation Peace Spring" stays the operation."""
    for umbrella in mentions:
        entry = dictionary.lookup(umbrella.canonical)
        if entry is None or not entry.absorbs:
            continue
        framed = (
            text is None
            or bool(_UMBRELLA_BEFORE.search(text[max(0, umbrella.start - 40) : umbrella.start]))
            or bool(_UMBRELLA_WITHIN.search(umbrella.text))  # joined: "factions operating under X"
        )
        return [
            replace(m, canonical=umbrella.canonical, inter=umbrella.inter, country=umbrella.country)
            if any(m.canonical.startswith(prefix) for prefix in entry.absorbs)
            and (framed or not _leads(text, m, umbrella))
            else m
            for m in mentions
        ]
    return mentions


_PAIR_AFTER: Final = _rx(
    r"\s*(?:(?:members|fighters|militants|forces|militiamen)\s+)?and\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
)
_PAIR_BEFORE: Final = _rx(
    r"\bbetween\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    r"(?:\s+(?:members|fighters|militants|forces|militiamen))?\s+and\s+(?:the\s+)?$"
)
_NOT_GROUP_WORDS: Final = frozenset({"Syrian", "Iraqi", "Turkish", "Russian", "Clashes", "No", "The", "On"})


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
    from .actor_dictionary import ActorDictionary

    if " " not in name and ActorDictionary.default().country_of(name) is not None:
        return None  # a demonym alone ("between the Taliban and Pakistani border forces") is no group's name
    return name


_VICTIM_AFTER: Final = _rx(
    r"[^.;]{0,45}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|shot|assassinated|sniped|executed|beheaded|found|targeted|ambushed|wounded|injured|"
    r"kidnapped|abducted|stabbed|strangled|murdered)\b",
    re.IGNORECASE,
)
_VICTIM_BEFORE: Final = _rx(
    r"\b(?:body|bodies|corpse|corpses|remains|killing|assassination|murder|death)\s+of\s+"
    r"(?:(?:a|an|the|one|two|three|four|five|\d+)\s+)?(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_ACTIVE_AFTER: Final = _rx(r"^[^.;]{0,60}?\bby\b", re.IGNORECASE)


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
    return not _GROUP_ACTS_AFTER.match(text[first.end : end])


def _dedupe_adjacent(mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop repeats of the same actor that follow each other ("HTS … HTS fighters")."""
    out: list[ActorMention] = []
    for mention in mentions:
        if out and out[-1].canonical == mention.canonical:
            continue
        out.append(mention)
    return out


_HARMED_AFTER: Final = _rx(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hurt|hit|struck|maimed)\b",
    re.IGNORECASE,
)
_DEVICE_AGENT_BEFORE: Final = _rx(
    r"\b(?:planted|placed|laid|detonated|thrown|hurled|set\s+off|triggered)\s+by\s+(?:the\s+)?$"
)


def _is_target(text: str, span: tuple[int, int], mention: ActorMention) -> bool:
    """In an IED/suicide/grenade sentence, is the one named side the target (not the bomber)?"""
    before = text[span[0] : mention.start]
    after = text[mention.end : span[1]][:40]
    if _CLAIMS_AFTER.match(text, mention.end, min(span[1], mention.end + 120)):
        return False  # "Al Shabaab said it carried out the attack": the group that owns the bombing
    if _DEVICE_AGENT_BEFORE.search(before):
        return False  # "explosives planted by ELN guerrillas": the agent of the device
    if _agent_gap(before[-60:]):
        return False  # "the attack bore the hallmarks of Boko Haram", "was blamed on X": the suspect
    if _HARMED_AFTER.match(after):
        return True  # "a Malian soldier was killed when their vehicle struck a landmine": the one hit
    if _SUBJECT_HINT.match(after.strip()) or _DEVICE_VERB_AFTER.match(after):
        return False
    return bool(_EXPLOSIVE.search(before)) or not before.strip()


# "Al Shabaab claimed responsibility", "ISWAP later claimed the attack", "an attack claimed by JNIM", "X said
# it was behind the bombing": the group that owns the attack is its author (actor1), wherever the attack
# sentence put it or whoever it named as the attacker ("unidentified gunmen")
_CLAIMS_AFTER: Final = _rx(
    r"(?:\s*\([^()]{1,40}\))?[\s,]+(?:(?:later|also|has|have|had|subsequently|reportedly|quickly|swiftly|"
    r"officially|publicly|then)\s+)*(?:claimed\s+(?:(?:full\s+)?responsibility|credit|(?:the|this|that|its)\s+"
    r"(?:\w+\s+){0,2}?(?:attacks?|bombings?|killings?|ambush|blast|explosion|assault|abduction|kidnapping|"
    r"assassination|murder|raid|operation|shooting|beheading)\b(?=\s*(?:[.,;]|$|on\b|in\b|via\b|through\b|"
    r"and\b|as\b|saying\b|hours\b|shortly\b|later\b)))|took\s+(?:responsibility|credit)|"
    r"said\s+(?:it|they)\s+(?:was|were|had\s+been)\s+behind\b|said\s+(?:it|they)\s+(?:had\s+)?carried\s+out\b)",
    re.IGNORECASE,
)
_CLAIMED_BY_BEFORE: Final = _rx(
    r"\b(?:claimed|was\s+claimed|were\s+claimed|responsibility)\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _claimed_author(text: str, span: tuple[int, int], armed: list[ActorMention]) -> ActorMention | None:
    """The named armed group that claims the event as its own, if the span says one does."""
    # (every match of _CLAIMED_BY_BEFORE holds "claimed" or "responsibility" as written, lower-cased: an
    # ASCII span without either is spared its search before each mention; outside ASCII "ſ" and "ı" match
    # s and i under IGNORECASE, and the search always runs)
    low = text[span[0] : span[1]].lower()
    may_be_claimed = not low.isascii() or "claimed" in low or "responsibility" in low
    for mention in armed:
        if mention.generic or mention.inter in (_CIVILIANS, _PROTESTERS, _RIOTERS):
            continue
        after = _CLAIMS_AFTER.match(text, mention.end, min(span[1], mention.end + 120))
        if after or (
            may_be_claimed
            and _CLAIMED_BY_BEFORE.search(text, max(span[0], mention.start - 60), mention.start)
        ):
            return mention
    return None


_SENTENCE_END: Final = _rx(r"[.!?](?=\s|$)|$")


def _claim_sentence_end(text: str, end: int, mentions: list[ActorMention]) -> int:
    """Where the event's text ends once the sentence right after it, a group's claim of the event
    ("… killing three soldiers. Al Shabaab claimed responsibility."), is counted in."""
    found = _SENTENCE_END.search(text, min(len(text), end + 1))
    stop = found.end() if found is not None else len(text)
    if stop - end > 200:
        return end
    for mention in mentions:
        if end <= mention.start < stop and _claimed_author(text, (end, stop), [mention]) is not None:
            return stop
    return end


# an armed side harmed in an attack on civilians, or one that answered it
_HARMED_BEFORE: Final = _rx(
    r"\b(?:killed|killing|kills|shot|shooting|wounded|wounding|injured|injuring|abducted|kidnapped|"
    r"beheaded|executed)\b[^.;]{0,60}?\band\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_RESPONDS_AFTER: Final = _rx(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:ended|lifted|broke|repelled|responded|intervened|arrived|rushed|"
    r"regained|freed|rescued|cordoned|deployed|dispatched|pursued|chased|launched\s+a\s+manhunt|"
    r"engaged\s+the\s+(?:attackers|assailants|gunmen|kidnappers|abductors|bandits)|"
    r"arrested\s+(?:\w+\s+)?suspects|killed\s+the\s+(?:attackers|assailants|gunmen))\b",
    re.IGNORECASE,
)


def _harmed_or_responding(text: str, mention: ActorMention, span: tuple[int, int]) -> bool:
    """An armed side named in an attack on civilians as harmed with them or as answering the attack."""
    return bool(
        _HARMED_BEFORE.search(text, max(span[0], mention.start - 90), mention.start)
        or _RESPONDS_AFTER.match(text, mention.end, min(span[1], mention.end + 40))
    )


def _credit_author(
    author: ActorMention, side1: list[ActorMention], side2: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Sides once ``author`` claims the event: the author leads side 1; an unidentified attacker was the
    author all along; a named party that led side 1 (the police whose station was bombed) was the target."""
    others = [
        m
        for m in side1 + side2
        if m.canonical != author.canonical and not (m.generic and m.canonical.startswith("Unidentified"))
    ]
    return [author], others


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
