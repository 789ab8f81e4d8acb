"""Actors: find them in a report and give them their ACLED roles in an event.

``ActorDictionary.default().find(text, ...)`` returns ``ActorMention`` records; ``assign_actors``
turns the mentions of an event's sentence(s) into actor1 / assoc_actor_1 / actor2 / assoc_actor_2,
inter codes and the interaction code, following the codebook (civilians are actor2 in violence
against civilians, protesters and rioters are actor1 of their events, allies go to the assoc
columns, a state's forces abroad are inter 8). ``localize`` fills "(X)" in generic actor names once
the geocoder knows the country.

Country inference and renaming by country/date live in ``actor_country``; grouping mentions into
sides and the role heuristics live in ``actor_sides``. Their names stay importable from here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Final

from ..nlp.lexcache import PatternCache
from ..nlp.sentences import sentence_start
from ..records import ActorMention, Document, Event, Evidence
from .actor_country import (
    _SPEAKS,
    _abroad,
    _as_police,
    _bound_country,
    _conflict_default,
    _home_country,
    _inter_for,
    _named_country,
    _outvoted,
    _place_many,
    _redate,
    _relocalize,
    _speaker_forces,
    _text_date,
    _unit_country,
    _war_speaker,
    infer_country,
)
from .actor_dictionary import UNLOCALIZED, ActorDictionary, ActorEntry, load_actor_data
from .actor_names import at_home
from .actor_sides import (
    _AMONG,
    _BETWEEN_WORD,
    _CIVILIANS,
    _COLLECTIVE_ONLY,
    _PROTESTERS,
    _RECIPROCAL,
    _REPORTING,
    _RESPONDS_AFTER,
    _RIOTERS,
    _absorb,
    _assoc,
    _attach_units,
    _claim_sentence_end,
    _claimed_author,
    _communal,
    _credit_author,
    _dedupe_adjacent,
    _drop_accused_links,
    _drop_claimants,
    _drop_descriptions,
    _former,
    _former_main,
    _harmed_or_responding,
    _is_target,
    _other_named,
    _resolve_partisan,
    _same_locals,
    _Side,
    _slash_members,
    _split_sides,
    _two_groups,
    _umbrella_names,
    _unally,
    _victim,
    _victim_only,
    former_state_force,
)
from .classify import territory_by_gainer
from .summary import summarise

_rx = PatternCache(__file__)

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorRoles",
    "assign_actors",
    "infer_country",
    "interaction_code",
    "load_actor_data",
    "localize",
    "relocalize",
]


@dataclass(slots=True, init=False)  # __init__ written out
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

    def __init__(
        self,
        actor1: str | None = None,
        assoc_actor_1: str | None = None,
        inter1: int | None = None,
        actor2: str | None = None,
        assoc_actor_2: str | None = None,
        inter2: int | None = None,
        interaction: int | None = None,
        evidence: list[Evidence] | None = None,
        country: str | None = None,
    ) -> None:
        # written out: the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md); an
        # evidence list left out is a new empty one, as its default_factory
        self.actor1 = actor1
        self.assoc_actor_1 = assoc_actor_1
        self.inter1 = inter1
        self.actor2 = actor2
        self.assoc_actor_2 = assoc_actor_2
        self.inter2 = inter2
        self.interaction = interaction
        self.evidence = [] if evidence is None else evidence
        self.country = country

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
        one = inter1 or inter2
        if one is not None and 0 <= one <= 9:
            return one * 10  # (the digits written one after the other, without a string made and read)
        return int(f"{one}0")
    low, high = (inter1, inter2) if inter1 <= inter2 else (inter2, inter1)
    if 0 <= low <= 9 and 0 <= high <= 9:
        return low * 10 + high
    return int(f"{low}{high}")


# words that name the military itself: soldiers at a riot are still the military, not the police
_MILITARY_WORD: Final = _rx(
    r"\b(?:soldiers?|troops|army|military|armed\s+forces|servicemen)\b", re.IGNORECASE
)

# a sentence that refers back to the one before it: "The gunman was killed as a result."
_BACK_REFERENCE: Final = _rx(
    r"\s*(?:the|this|these|those|during\s+the|in\s+the|as\s+a\s+result|following\s+the|after\s+the|"
    r"both|he|she|they|his|her|their|one\s+of\s+them)\b",
    re.IGNORECASE,
)


def _lead_in(text: str, start: int, end: int, mentions: list[ActorMention], battle: bool = True) -> int:
    """The start of an event's span, moved back over the sentence before it when the span refers back to
    that sentence and names at most one side of a battle ("An unidentified gunman tried to assassinate a
    fighter of an Islamist faction. The gunman was killed as a result.") or no armed actor at all for
    other violence ("Soldiers fired at two farmers. Both were wounded.")."""
    if start <= 0 or not _BACK_REFERENCE.match(text, start):
        return start
    own = {m.canonical for m in mentions if start <= m.start < end and m.inter != _CIVILIANS}
    if len(own) >= (2 if battle else 1):
        return start
    before = text.rfind(". ", 0, max(0, start - 2))
    if "\n\n" in text[max(0, before) : start]:
        return start  # not across paragraphs
    new_start = before + 2 if before >= 0 else 0
    earlier = {m.canonical for m in mentions if new_start <= m.start < start and m.inter != _CIVILIANS}
    return new_start if earlier - own else start


# Disrupted weapons use: actor1 intercepts, actor2 owns the weapon. A weapon's owner is named as its
# launcher ("drones launched by the Houthis", "Russian Shahed drones"); the interceptor by its system
# or its verb ("Saudi air defences", "the coalition said it intercepted")
_LAUNCHED_BY: Final = _rx(
    r"\b(?:launched|fired|sent|flown|operated|lobbed)\b[^.;]{0,40}?\b(?:by|from)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_WEAPON_HEAD: Final = (
    _rx(r"\b(?:drones?|missiles?|rockets?|shells?|projectiles?|UAVs?|mortars?)$", re.IGNORECASE)
)
_INTERCEPTOR: Final = _rx(
    r"\b(?:air\s+defen[cs]es?|iron\s+dome|arrow|david's\s+sling|c-ram|destroyers?|warships?|frigates?|"
    r"patriot)\b",
    re.IGNORECASE,
)
_INTERCEPTS_AFTER: Final = _rx(
    r"^(?:[\s,]+[\w'’-]+){0,5}?\s+(?:intercepted|intercepts|shot\s+down|shoots\s+down|downed|thwarted|"
    r"foiled|jammed|neutrali[sz]ed|repelled)\b",
    re.IGNORECASE,
)
# a clash claimed by one side: "our fighters repelled an attack by X": X attacked, X is actor1 (only
# where the repel verb governs the attack; "an infiltration by X, which was repelled by Y" keeps the
# report's order)
_REPELLED_BY: Final = _rx(
    r"\b(?:repel\w*|repuls\w*|thwart\w*|foil\w*|pushed\s+back|beat\s+back|fended\s+off|fought\s+off)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:attacks?|assaults?|attempts?|advances?|offensives?|incursions?|"
    r"infiltrations?|raids?)\b(?:\s+[\w'’-]+){0,4}?\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)

_ETHNIC_MILITIA: Final = " Ethnic Militia ("
# the people of a group pattern who are no fighters ("Fulani herders", "Dogon farmers")
_CIVILIAN_HEAD: Final = _rx(
    r"\b(?:herders|herdsmen|farmers|villagers|civilians|women|children|traders|residents|community members)$",
    re.IGNORECASE,
)

# a pattern of a single use, precompiled (a module-level re.search goes through re's interpreted cache;
# "between": actor_sides._BETWEEN_WORD, the same pattern)
_CLASHED_WITH_BEFORE: Final = _rx(
    r"\bclash(?:ed|es)?\s+with\s+(?:the\s+|a\s+group\s+of\s+|some\s+)?$", re.IGNORECASE
)
# words every _REPELLED_BY match holds, lower-cased ("pushed back", "beat back": "back")
_REPELLED_WORDS: Final = ("repel", "repuls", "thwart", "foil", "back", "fended", "fought")


def _repelled_by(text: str, start: int, end: int) -> bool:
    """``_REPELLED_BY.search(text, start, end) is not None``; an ASCII window (where IGNORECASE matches
    only the letters' two cases) without "by" and one of _REPELLED_WORDS in its lower case has none."""
    window = text[start:end]
    if window.isascii():
        low = window.lower()
        if "by" not in low or not any(word in low for word in _REPELLED_WORDS):
            return False
    return _REPELLED_BY.search(text, start, end) is not None


def _launcher(text: str, mention: ActorMention) -> bool:
    return bool(
        _LAUNCHED_BY.search(text, max(0, mention.start - 80), mention.start)
        or _WEAPON_HEAD.search(mention.text)
    )


_INTERCEPTED_BY: Final = _rx(
    r"\b(?:intercepted|shot\s+down|downed|destroyed|thwarted|jammed|neutrali[sz]ed)\s+by\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _interceptor(text: str, mention: ActorMention) -> bool:
    after = text[mention.end : mention.end + 60]
    return bool(
        _INTERCEPTOR.search(mention.text)
        or _INTERCEPTS_AFTER.match(after)
        or _INTERCEPTED_BY.search(text, max(0, mention.start - 60), mention.start)
    )


def _second_leads(
    text: str,
    span: tuple[int, int],
    sub_event_type: str | None,
    side1: list[ActorMention],
    side2: list[ActorMention],
    pool: list[ActorMention],
) -> bool:
    """True when side2 is ACLED's actor1: the interceptor in a Disrupted weapons use event, the
    attacker whose attack the other side says it repelled in a battle."""
    main1 = _Side(side1).main() or side1[0]
    main2 = _Side(side2).main() or side2[0]
    if sub_event_type == "Disrupted weapons use":
        launch1, launch2 = _launcher(text, main1), _launcher(text, main2)
        if launch1 != launch2:
            return launch1
        stop1, stop2 = _interceptor(text, main1), _interceptor(text, main2)
        return stop2 and not stop1
    if sub_event_type == "Armed clash":
        # any mention of the side's actor counts (a repeated or merged name keeps only one mention)
        by1, by2 = (
            any(
                _repelled_by(text, max(span[0], m.start - 100), m.start)
                for m in pool
                if m.canonical == main.canonical
            )
            for main in (main1, main2)
        )
        if by2 and not by1:
            return True
        first1 = min(side1, key=lambda m: m.start)
        first2m = min(side2, key=lambda m: m.start)
        # "the ministry said that X opened fire on our units": the side named first only as the one that
        # speaks is named as a side again only after the other; the other attacked ("the ministry said a
        # unit of our army confronted X" keeps the speaker's side first)
        first2 = first2m.start
        return (
            first1.start < first2
            # "… said that", or a statement's header: "Armenian Ministry of Defence: On 13 February …"
            and (_SPEAKS.match(text, first1.end) is not None or text[first1.end : first1.end + 1] == ":")
            and not any(first1.start < m.start < first2 for m in side1)
            and any(m.start > first2 for m in side1)
        )
    return False


def _war_opponent(
    dictionary: ActorDictionary,
    country: str | None,
    event_type: str | None,
    on: dt.date | None,
    name1: str,
) -> tuple[str, int | None] | None:
    """The other party of the country's war (``conflict_defaults``) when actor1 is one of the two."""
    pair = _conflict_default(dictionary, country, event_type, on)
    if pair is None:
        return None
    if pair[0][0] == name1:
        return pair[1]
    if pair[1][0] == name1:
        return pair[0]
    return None


_ARRESTED: Final = _rx(r"\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|apprehend(?:ed|ing)?|rounded\s+up)\b", re.I)
_ARMED_TAKEN: Final = _rx(
    r"\b(?:militants?|fighters?|members?|insurgents?|rebels?|jihadists?|terrorists?|gunmen|gunman|bandits?|"
    r"soldiers?|officers?|policem[ae]n|commanders?|leaders?|cell|operatives?|kidnappers?|smugglers?|"
    r"traffickers?|gang|gangsters?|criminals?|suspects?|protesters|demonstrators|rioters)\b",
    re.IGNORECASE,
)


def _civilians_arrested(text: str, span: tuple[int, int]) -> bool:
    """True when the people an arrest takes are named and are no fighters, officials of a force,
    suspects or crowd ("arrested 12 Palestinians", "detained a journalist and two lawyers")."""
    verb = _ARRESTED.search(text, span[0], span[1])
    if verb is None:
        return False
    stop = min(span[1], verb.end() + 60)
    clause = _CLAUSE_END.search(text, verb.end(), stop)
    taken = text[verb.end() : clause.start() if clause else stop]
    return bool(taken.strip()) and not _ARMED_TAKEN.search(taken) and not _AGENT_BY.match(taken)


_CLAUSE_END: Final = _rx(r"[.;,]|\b(?:in|at|near|during|after|for|on|who|from)\b")
_AGENT_BY: Final = _rx(r"\s*by\b")


# what parties do to an agreement: "the army and the RSF agreed to a truce", "X and Y signed a deal"
_AGREED: Final = _rx(
    r"\b(?:agreed|agree|signed|sign|reached|concluded|struck|accepted|announced|declared)\b", re.IGNORECASE
)


def _agreement_parties(
    text: str, armed: list[ActorMention], end: int
) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """The two parties of an agreement named as one subject ("the army and the RSF agreed to a truce"):
    the first named against the others named before the verb. Actors named after it (mediators,
    places of signing) keep their roles."""
    verb = _AGREED.search(text, armed[0].end, end)
    if verb is None:
        return None
    before = [m for m in armed if m.end <= verb.start()]
    if len(before) < 2 or len({m.canonical for m in before}) < 2:
        return None
    if _AND_ONLY.fullmatch(text, before[0].end, before[1].start) is None:
        return None
    return before[:1], before[1:]


_AND_ONLY: Final = _rx(
    r"[\s,]*(?:and|&)\s+(?:the\s+)?(?:representatives\s+of\s+(?:the\s+)?)?", re.IGNORECASE
)


# a country named as the one who fires: "Russia launched a missile attack on Odesa", "Israel struck …"
# (``\b[A-Z]`` written ``[A-Z](?<!\w[A-Z])``: the same matches, found by skipping to the capitals)
# ("the US and UK carried out airstrikes": an initialism too, and a second country joined by "and")
_COUNTRY_FIRES: Final = _rx(
    r"([A-Z](?<!\w[A-Z])(?:[a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{1,2}(?![\w-])))"
    r"(?:\s+and\s+(?:the\s+)?(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,3}))?"
    r"\s+(?:(?:has|had|have|also|again|reportedly|then|later)\s+)*"
    r"(?:launched|fired|struck|shelled|bombed|bombarded|pounded|attacked|targeted|hit|carried\s+out)\b"
)

# the verbs of _COUNTRY_FIRES, each of which its matches hold (keep in step; tests/test_coding_speed9.py)
_FIRE_VERBS: Final = (
    "launched", "fired", "struck", "shelled", "bombed", "bombarded", "pounded", "attacked", "targeted", "hit",
    "carried",
)  # fmt: skip


def _country_as_subject(
    dictionary: ActorDictionary,
    text: str,
    span: tuple[int, int],
    mentions: list[ActorMention],
    on: dt.date | None,
) -> ActorMention | None:
    """The military of a country the event's sentence names as the one who fires or strikes, when no
    actor mention covers the name ("Russia launched a missile attack": Russia's forces)."""
    # (every match holds one of the verbs as written: a span without any has none)
    segment = text[span[0] : span[1]]
    if not any(verb in segment for verb in _FIRE_VERBS):
        return None
    if not dictionary.may_name_country(text, span[0], span[1]):
        return None  # (no word that begins a country's name: no match could name a state)
    for found in _COUNTRY_FIRES.finditer(text, span[0], span[1]):
        s, e = found.span(1)
        if any(m.start < e and s < m.end for m in mentions):
            continue
        state = _state_mention(dictionary, found.group(1), s, e, on)
        if state is not None:
            return state
    return None


def _state_mention(
    dictionary: ActorDictionary, name: str, start: int, end: int, on: dt.date | None
) -> ActorMention | None:
    """The military of the country ``name`` names (a country's name, not a demonym: "a Syrian fired")."""
    country = dictionary.country_named(name)
    if country is None:
        return None
    return ActorMention(name, start, end, dictionary.state_forces("military", country, on), 1, country)


_SURRENDERED_TO: Final = _rx(
    r"\b(?:surrender(?:ed|ing)?|handed\s+(?:themselves|himself|herself)\s+(?:over|in))\s+to\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_COUNTRIES_AGREE: Final = _rx(
    r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+and\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:have\s+|had\s+)?"
    r"(?:exchanged|swapped|agreed|signed|reached|concluded|announced)\b"
)


def _countries_agreeing(
    dictionary: ActorDictionary,
    text: str,
    span: tuple[int, int],
    mentions: list[ActorMention],
    on: dt.date | None,
) -> list[ActorMention]:
    """The forces of two countries named as the parties of an agreement ("Russia and Ukraine exchanged
    prisoners"), where no actor mention covers the names."""
    found = _COUNTRIES_AGREE.search(text, span[0], span[1])
    if found is None:
        return []
    out: list[ActorMention] = []
    for group in (1, 2):
        s, e = found.span(group)
        state = _state_mention(dictionary, found.group(group), s, e, on)
        if state is None or any(m.start < e and s < m.end for m in mentions):
            return []
        out.append(state)
    return out


# the other party's name in a warring state's own statements: "the enemy", "the occupiers" (Ukraine)
_WAR_ENEMY_WORDS: Final = ("enemy", "occupier", "invader")


def _war_enemy(
    dictionary: ActorDictionary,
    mention: ActorMention,
    others: list[ActorMention],
    country: str | None,
    on: dt.date | None,
    text: str = "",
) -> ActorMention:
    """"The enemy" ("the occupiers") in a report of a war with a known pair of parties (Ukraine since
    2022): the party that is not the other side named, or, with neither named, the home country's
    opponent (a report of the country's own side: "the enemy shelled Nikopol")."""
    if not (
        mention.generic
        and "Unidentified" in mention.canonical
        and any(word in mention.text.lower() for word in _WAR_ENEMY_WORDS)
    ):
        return mention
    pair = _conflict_default(dictionary, country, "Battles", on)
    if pair is None:
        return mention
    speaker = _war_speaker(dictionary, country, on, text.lower())
    if speaker is not None:
        # a side's own officials: "the enemy" is the other side ("Russian troops attacked Kherson region
        # … The enemy shelled …", the governor said)
        name, inter = pair[1 - speaker]
        return replace(mention, canonical=name, inter=inter, generic=False)
    named = {m.canonical for m in others if m is not mention}
    sides = [name for name, _inter in pair if name in named]
    if len(sides) == 2:
        return mention
    opponent = _war_opponent(dictionary, country, "Battles", on, sides[0]) if sides else pair[1]
    if opponent is None:
        return mention
    name, inter = opponent
    return replace(mention, canonical=name, inter=inter, generic=False)


# "two vigilantes were among the dead": a part of a wider toll
_AMONG_VICTIMS: Final = _rx(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:was|were)\s+(?:also\s+)?among\s+(?:the\s+)?"
    r"(?:dead|killed|victims|casualties|wounded|injured)\b",
    re.IGNORECASE,
)
_SUSPECTED_BEFORE: Final = _rx(
    r"\b(?:suspected|alleged|accused|presumed|would-be)\s+(?:[\w'-]+\s+)?$", re.IGNORECASE
)
_CONTROLLER_BEFORE: Final = _rx(
    r"\b(?:controlled|held|run|occupied|administered|dominated)\s+by\s+(?:the\s+)?$|"
    r"\bunder\s+(?:the\s+)?(?:control|rule)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# a literal of each alternative of _CONTROLLER_BEFORE ("dominated" as "nated", "occupied" as "occup")
_CONTROL_WORDS: Final = ("control", "held", "run", "occup", "adm", "nated")


def _may_control(head: str) -> bool:
    """False when the lower-cased ``head`` cannot hold a match of _CONTROLLER_BEFORE."""
    if "by" in head and any(word in head for word in _CONTROL_WORDS):
        return True
    return "under" in head and "of" in head


def _by_and_of(window: str) -> bool:
    """False when the lower-cased ``window`` cannot hold a match of _GRIEVANCE_AGENT ("… of X by")."""
    return "by" in window and "of" in window


_RUN_BY_AFTER: Final = _rx(r"-(?:run|controlled)\s")
_ACTIVE_AFTER: Final = _rx(
    r"\s+(?:is|are|has been|have been|remains?)\s+(?:\w+\s+){0,2}?(?:active|present|operating)\b"
)
_ATTEMPT_BY_BEFORE: Final = _rx(
    r"\b(?:attempts?|attacks?|strikes?|raids?)\s+(?:\w+\s+)?by\s+(?:the\s+)?$", re.IGNORECASE
)


# the words that may stand between a state's name and the generic noun of its forces ("US-British
# aggression warplanes", "Israeli occupation soldiers"): no conjunction or preposition
_HEAD_GAP: Final = _rx(
    r"[\s-]*(?:(?!(?:and|or|with|against|by|of|on|at|in|to|from|for|the)\b)(?![a-z]+(?:ed|ly|ing)\b)[a-z]+[\s-]+)?"
)


def _drop_generic_heads(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A generic noun of state forces right after a named state ("US-British aggression warplanes") is
    that state's forces, not another side (the country's own army, once localised)."""
    out: list[ActorMention] = []
    previous: ActorMention | None = None
    for m in mentions:
        if (
            previous is not None
            and m.generic
            and m.inter == 1
            and not previous.generic
            and previous.inter == 1
            and previous.end <= m.start
            and _HEAD_GAP.fullmatch(text, previous.end, m.start)
        ):
            continue
        out.append(m)
        previous = m
    return out


def _attempt_by(text: str, mention: ActorMention | None) -> bool:
    """ "an attempt by X to …", "attacks by X": X is the attacker."""
    if mention is None:
        return False
    return _ATTEMPT_BY_BEFORE.search(text[max(0, mention.start - 40) : mention.start]) is not None


_UNIDENTIFIED: Final = "Unidentified Armed Group"
# a named unit of a group: "the SNA's Sultan Murad Division", "Hamza Division fighters"
_UNIT_NAME: Final = _rx(r"\b(?:division|brigades?|legion|battalion|regiment|corps|faction)\b", re.IGNORECASE)


def _unit_name(dictionary: ActorDictionary, mention: ActorMention) -> str | None:
    """The named unit a mention writes ("sultan murad division" in "the SNA's Sultan Murad Division",
    "amshat" in "the Amshat"), None for a generic mention or the group's own name."""
    if mention.generic:
        return None
    found = _UNIT_NAME.search(mention.text)
    if found:
        return mention.text[: found.end()].lower().removeprefix("the ")
    return mention.text.lower().removeprefix("the ") if dictionary.names_subunit(mention.text) else None


def _group_of(dictionary: ActorDictionary, name: str) -> str:
    """The group a named unit belongs to ("JWS: Syrian National Army" for the Sultan Murad Division), else
    the name itself."""
    entry = dictionary.entries.get(name)
    return entry.member_of if entry is not None and entry.member_of else name


def _rival_units(dictionary: ActorDictionary, side1: list[ActorMention], side2: list[ActorMention]) -> bool:
    """Whether the two sides name two different units of one group ("the Sultan Murad Division clashed
    with the Hamza Division"): infighting, not one side unknown."""
    one = {n for m in side1 if (n := _unit_name(dictionary, m))}
    two = {n for m in side2 if (n := _unit_name(dictionary, m))}
    return bool(one) and bool(two) and not one & two
_UNKNOWN_AIRCRAFT: Final = _rx(
    r"\bof\s+unknown\s+(?:origin|affiliation|provenance)\b|"
    r"\b(?:unidentified|unknown)\s+(?:\w+\s+)?(?:drones?|aircraft|warplanes?|planes?|jets?|helicopters?)\b",
    re.IGNORECASE,
)
# what a protest is against: the words before an actor named as its object
_PROTESTED_OBJECT: Final = _rx(
    r"\b(?:against|over|denounc\w*|condemn\w*|protest(?:ing|ed)?\s+(?:the|at)|in\s+protest\s+(?:at|of)|"
    r"demand\w*|calling\s+for)\b",
    re.IGNORECASE,
)


_TERRORIST_THING: Final = _rx(
    r"\s+(?:attacks?|acts?|activit(?:y|ies)|threats?|plots?|operations?|incidents?|strikes?|bombings?|crimes?)\b"
)
_CLOTHING_AFTER: Final = _rx(
    r"[ \t]+(?:fatigues|uniforms?|attire|clothing|clothes|camouflage)\b", re.IGNORECASE
)
_FOUND_BODIES_AFTER: Final = _rx(
    r"\s+(?:[a-z]+\s+){0,2}?(?:found|discovered|recovered|retrieved)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:bod(?:y|ies)|corpses?|remains)\b"
)
# (the words as reports write them: a plain substring test, far cheaper than a case-blind search)
_CLOTHING_WORDS: Final = ("fatigues", "uniform", "attire", "cloth", "camouflage")
_ADMINISTRATION_AFTER: Final = _rx(r"[ \t]+(?:-?civil(?:ian)?[ \t]+)?administrations?\b", re.IGNORECASE)
def _security_as_police(
    dictionary: ActorDictionary, mentions: list[ActorMention], country: str | None, on: dt.date | None
) -> list[ActorMention]:
    """"Security personnel" are the police the report names ("a vehicle carrying security personnel …,
    killing eight policemen"), unless it names soldiers too."""

    def named(prefix: str) -> bool:
        security = dictionary.is_security_term
        return any(m.canonical.startswith(prefix) and not security(m.text) for m in mentions)

    if not named("Police Forces") or named("Military Forces"):
        return mentions
    out: list[ActorMention] = []
    for m in mentions:
        where = m.country or country
        if where and m.canonical.startswith("Military Forces") and dictionary.is_security_term(m.text):
            m = _as_police(dictionary, m, where, on)
        out.append(m)
    return out


# "armed youths from the Murle community": an unnamed armed group named by its community
_COMMUNITY_AFTER: Final = _rx(
    r"\s+(?:from|of)\s+the\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+(community|communities|tribe|clan|sub-clan|"
    r"ethnic\s+group|people)\b"
)


_COMMUNITY_NOUN: Final = {"tribe": "tribe", "clan": "clan militia", "sub-clan": "clan militia"}


def _community_militia(
    dictionary: ActorDictionary, text: str, mention: ActorMention, country: str | None, on: dt.date | None
) -> ActorMention:
    """An unidentified armed group named by the community it comes from is that community's militia,
    as the dictionary names it ("Murle Ethnic Militia", "… Clan Militia", "… Tribal Militia")."""
    if not (mention.generic and mention.canonical.startswith("Unidentified")):
        return mention
    found = _COMMUNITY_AFTER.match(text, mention.end)
    if found is None:
        return mention
    noun = _COMMUNITY_NOUN.get(found.group(2), "militia")
    named = dictionary.resolve_cached(f"{found.group(1)} {noun}", country, on)
    if named is None or named.inter != 4:
        return mention
    end = found.end()
    return replace(mention, end=end, text=text[mention.start : end], canonical=named.canonical, inter=4)


# police who "tried to stop the crowd" or "were outnumbered" by a mob are no side of its attack
_TRIED_TO_STOP_AFTER: Final = _rx(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:(?:tried|attempted|failed|struggled)\s+(?:in\s+vain\s+)?to\s+(?:stop|save|rescue|"
    r"protect|disperse|calm|control|hold\s+back|intervene)|were\s+(?:outnumbered|overpowered|overwhelmed))\b",
    re.IGNORECASE,
)
_LANDMARK_BEFORE: Final = _rx(
    r"\b(?:near|outside|close\s+to|next\s+to|in\s+front\s+of|behind|opposite|beside)\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_PLACE_OF_FORCES: Final = _rx(r"\b(?:station|post|checkpoint|barracks|headquarters|base)s?$", re.IGNORECASE)
_GRIEVANCE_AGENT: Final = _rx(
    r"\b(?:protest(?:ing|ed)?|against|over|condemn\w*|denounc\w*|justice\s+for)\s+(?:the\s+)?(?:alleged\s+)?"
    r"(?:killings?|deaths?|arrests?|detention|shooting|beating|murder|abduction|disappearance|torture|assault|"
    r"rape)\s+of\s+(?:[\w'’-]+\s+){0,4}?by\s+(?:the\s+)?(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
_CIVILIAN_PROPERTY: Final = _rx(
    r"\b(?:shops?|homes?|houses?|markets?|stores?|businesses|livestock|cattle|goats|crops|harvests?|"
    r"belongings|valuables|property|properties)\b",
    re.IGNORECASE,
)
_HIT_IN: Final = _rx(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:(?:was|were|had\s+been|have\s+been|has\s+been)\s+)?(?:killed|wounded|injured|"
    r"hit|targeted|died)\s+(?:in|by)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?$",
    re.IGNORECASE,
)
_REMOTE_WEAPON: Final = _rx(
    r"\b(?:strikes?|airstrikes?|air\s+strikes?|drones?|missiles?|rockets?|shelling|shells?|artillery|"
    r"bombardment|raids?|warplanes?|jets?)\b",
    re.IGNORECASE,
)


def _struck_by(
    text: str, event_type: str | None, side1: list[ActorMention], side2: list[ActorMention]
) -> bool:
    """"X was killed in a Y drone strike": in remote violence, Y's weapon hit X (Y, named after X, is
    the striker)."""
    if event_type != "Explosions/Remote violence" or not side1 or not side2:
        return False
    victim, striker = side1[0], side2[0]
    if striker.start < victim.end or not _HIT_IN.fullmatch(text, victim.end, striker.start):
        return False
    weapon_after = _REMOTE_WEAPON.search(text, striker.end, striker.end + 16)  # "Israeli [drone strike]"
    return bool(_REMOTE_WEAPON.search(striker.text) or weapon_after)


# explosions whose unnamed author is an unidentified armed group
_UNSEEN_ATTACKER_TYPES: Final = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
# event types with an author who may claim the event as its own
_AUTHORED_TYPES: Final = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})


# (text, start, end, answer) of ``_infighting``'s last event span (one tuple, replaced whole: safe between
# threads): a battle asks it twice
_INFIGHTING_LAST: Final[list[tuple[str, int, int, bool] | None]] = [None]


def _infighting(text: str, start: int, end: int) -> bool:
    """Whether the span has words of infighting or of two groups of one kind ("clashes among members of
    …", "two families"): ``_AMONG`` or ``_two_groups``, searched once per span."""
    last = _INFIGHTING_LAST[0]
    if last is not None and last[0] is text and last[1] == start and last[2] == end:
        return last[3]
    found = _AMONG.search(text, start, end) is not None or _two_groups(text, start, end)
    _INFIGHTING_LAST[0] = (text, start, end, found)
    return found


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
    if event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence"):
        start = _lead_in(text, start, end, mentions, battle=event_type == "Battles")
        span = (start, end)
    if event_type in _AUTHORED_TYPES:
        end = _claim_sentence_end(text, end, mentions)
        span = (start, end)
    in_span = [m for m in mentions if start <= m.start < end]
    if any(in_span[k].start < in_span[k - 1].start for k in range(1, len(in_span))):
        in_span.sort(key=lambda m: m.start)  # (find's mentions come in order: sorted only when not)
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
    elif not any(
        m.country == country or dictionary.operates_in(m.canonical, country) for m in in_span if not m.generic
    ):
        # no named actor is of the guessed country: the actors' home (they fight at home), else the
        # country that country-bound words ("regime forces", "rebels") name, renames them
        elsewhere = home if home not in (None, country) else _bound_country(dictionary, text, start, end, on)
        if elsewhere is not None and elsewhere != country:
            country = elsewhere
            in_span = dictionary.find(text, start, end, country=country, on=on)
    if country is not None:
        outvoted = _outvoted(dictionary, in_span, country)
        if outvoted is not None:  # the named actors belong elsewhere than the place guess
            country = outvoted
            in_span = dictionary.find(text, start, end, country=country, on=on)
    if event_type in ("Battles", "Explosions/Remote violence"):
        state = _country_as_subject(dictionary, text, (start, end), in_span, on)
        if state is not None:
            in_span = sorted([*in_span, state], key=lambda m: m.start)
    elif sub_event_type == "Agreement":
        # "Russia and Ukraine exchanged prisoners": two countries named as the parties are their forces
        agreeing = _countries_agreeing(dictionary, text, (start, end), in_span, on)
        in_span = sorted([*in_span, *agreeing], key=lambda m: m.start)
    # "the regional military administration" (a governor's office) is no armed force
    # (the literal pre-checks below use words without i, k and s, the letters a non-ASCII character
    # matches under IGNORECASE: a lower-cased text or window without them cannot match)
    if "adm" in text.lower():
        in_span = [m for m in in_span if not _ADMINISTRATION_AFTER.match(text, m.end)]
    # (each filter's word check after the cheaper test that a mention it could drop is there at all)
    if any(m.inter == 1 for m in in_span) and ("bod" in text or "corpse" in text or "remains" in text):
        # "police found the bodies of three men": who found the dead is no side of their killing
        in_span = [m for m in in_span if not (m.inter == 1 and _FOUND_BODIES_AFTER.match(text, m.end))]
    if any(m.generic for m in in_span) and any(word in text for word in _CLOTHING_WORDS):
        # "men in military fatigues", "gunmen wearing police uniforms": dress, not the force itself
        in_span = [m for m in in_span if not (m.generic and _CLOTHING_AFTER.match(text, m.end))]
    if any(m.inter == _CIVILIANS for m in in_span):
        # "a bomb exploded near a police checkpoint, killing two civilians": the post is a landmark
        in_span = [
            m
            for m in in_span
            if not (
                _PLACE_OF_FORCES.search(m.text)
                and _LANDMARK_BEFORE.search(text, max(0, m.start - 24), m.start)
            )
        ]
    if len(in_span) > 1 and ("-run " in text or "-controlled " in text):
        # "the Hamas-run police": one actor, the police (who runs them is no second side)
        in_span = [
            m
            for m in in_span
            if not (
                _RUN_BY_AFTER.match(text, m.end)
                and any(o is not m and m.end < o.start <= m.end + 16 for o in in_span)
            )
        ]
    if in_span and ("active" in text or "operat" in text or "present" in text):
        # "No group has claimed the attack, but JNIM is active in the area": a suspect named for context,
        # not a party to the event
        in_span = [m for m in in_span if not _ACTIVE_AFTER.match(text, m.end)]
    if "terrorist " in text:
        # "an attempt by the Kyiv regime to carry out a terrorist attack": a word for the attack, no actor
        in_span = [
            m for m in in_span if not (m.text.lower() == "terrorist" and _TERRORIST_THING.match(text, m.end))
        ]
    if any(m.inter == _CIVILIANS for m in in_span):
        # "an air raid on a neighbourhood controlled by the RSF killed nine civilians": who holds the place
        # hit is not who was hit when civilians were
        in_span = [
            m
            for m in in_span
            if not (
                _may_control(text[max(0, m.start - 40) : m.start].lower())
                and _CONTROLLER_BEFORE.search(text, max(0, m.start - 40), m.start)
            )
        ]
    in_span = _drop_generic_heads(text, in_span)
    if event_type == "Protests":
        # "residents protested against the government's failure to stop the M23 advance": the armed group
        # a crowd protests about is no side of the protest
        in_span = [
            m
            for m in in_span
            if not (
                m.inter in (2, 3)
                and _PROTESTED_OBJECT.search(text, max(start, sentence_start(text, m.start)), m.start)
            )
        ]
    in_span = [_speaker_forces(m, mentions, text, dictionary, on) for m in in_span]
    in_span = [_redate(dictionary, _relocalize(dictionary, m, country, on), country, on) for m in in_span]
    in_span = _drop_claimants(
        text,
        in_span,
        remote=event_type in ("Explosions/Remote violence", "Violence against civilians")
        or sub_event_type == "Mob violence",
    )
    in_span = _drop_descriptions(text, _drop_accused_links(text, in_span))
    in_span = _attach_units(text, in_span, dictionary, country, on)
    in_span = _slash_members(dictionary, text, in_span)
    in_span = _umbrella_names(mentions, in_span)
    in_span = [_former(dictionary, m, text) for m in in_span]
    in_span = [_resolve_partisan(m, mentions, span) for m in in_span]
    in_span = [_war_enemy(dictionary, m, in_span, country, on, text) for m in in_span]
    in_span = _absorb(dictionary, in_span, text)
    in_span = [_abroad(dictionary, m, country) for m in in_span]
    if event_type in ("Protests", "Riots"):
        # "… to protest the killing of a trader by police": the force a crowd protests is no side unless
        # it acts again ("police fired tear gas")
        in_span = [
            m
            for m in in_span
            if not (
                _by_and_of(text[max(start, m.start - 90) : m.start].lower())
                and _GRIEVANCE_AGENT.search(text, max(start, m.start - 90), m.start)
            )
        ]
    security_police = event_type in ("Protests", "Riots") or sub_event_type == "Arrests"
    if security_police and country:
        in_span = [
            _as_police(dictionary, m, country, on)
            # (a group's own "security forces" stay the group's: "HTS security forces")
            if (dictionary.is_security_term(m.text) and (m.generic or m.inter == 1))
            or (
                m.inter == 1
                and m.generic
                and "Military Forces" in m.canonical
                and not _MILITARY_WORD.search(m.text)
            )
            else m
            for m in in_span
        ]
    in_span = _security_as_police(dictionary, in_span, country, on)
    in_span = [_community_militia(dictionary, text, m, country, on) for m in in_span]
    if event_type == "Battles":
        in_span = _same_locals([_communal(m, text, span, country) for m in in_span])
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
            # a named rebel force that rules a town polices it too ("dispersed by the RSF")
            forces = [m for m in armed if m.inter in (1, 3, 8) or (m.inter == 2 and not m.generic)]
            # the police who detain or disperse protesters intervene, not the soldiers protesters speak of
            # ("relatives of mobilised soldiers … police detained 12")
            forces.sort(key=lambda m: not m.canonical.startswith("Police Forces"))
            if forces:
                side2 = [forces[0]]
        side1 += [m for m in armed if m.inter in (2, 3, 4) and m not in side2]
    elif event_type == "Riots":
        name1, inter1 = generic_name("Rioters"), _RIOTERS
        side1 = [m for m in in_span if m.inter in (_RIOTERS, _PROTESTERS)][:1]
        forces = [m for m in armed if m.inter in (1, 8)]
        if sub_event_type == "Mob violence" and civilians:
            # "dragged a man out of a police station and beat him to death": the station is a place
            # and the police who only report it ("…, police said") are no side either
            forces = [
                m
                for m in forces
                if not (_PLACE_OF_FORCES.search(m.text) or _REPORTING.match(text[m.end : m.end + 40]))
            ]
        if sub_event_type == "Mob violence":
            # the police who came afterwards ("he died before police arrived", "police rushed to the scene")
            # are no side of the mob's attack
            forces = [
                m
                for m in forces
                if not _RESPONDS_AFTER.match(text, m.end, min(len(text), m.end + 40))
                and not _TRIED_TO_STOP_AFTER.match(text, m.end, min(len(text), m.end + 60))
            ]
        if _two_groups(text, start, end):
            # "two groups of villagers clashed (with each other)": rioters on both sides, even when the
            # police came later
            name2, inter2 = name1, _RIOTERS
        elif forces:
            side2 = [forces[0]]
        elif sub_event_type == "Mob violence" and any(
            _CLASHED_WITH_BEFORE.search(text[max(start, c.start - 30) : c.start])
            for c in civilians
        ):
            name2, inter2 = name1, _RIOTERS  # "youths clashed with residents": both sides fought
        elif sub_event_type == "Mob violence":
            name2, inter2 = generic_name("Civilians"), _CIVILIANS
            side2 = civilians[:1]
        groups = [m for m in armed if m.inter in (2, 3, 4)]
        if sub_event_type == "Mob violence":
            # "lynched two suspected kidnappers": the people a mob punishes are its victims, not its allies
            groups = [
                m for m in groups if not _SUSPECTED_BEFORE.search(text, max(start, m.start - 30), m.start)
            ]
        if name2 == name1 and len(groups) >= 2 and not side2:
            # two mobs, each behind its party ("BJP and TMC supporters clashed")
            side2 = groups[1:2]
            groups = groups[:1] + groups[2:]
        side1 += groups
    else:
        sides = _split_sides(text, armed, span)
        armed = _dedupe_adjacent(armed)
        side1, side2 = sides[0].mentions, sides[1].mentions
        if len(armed) >= 2 and not side2:
            verb = _RECIPROCAL.search(text, armed[-1].end, end)
            if (
                verb
                and not _BETWEEN_WORD.search(text[start : armed[0].start])
                and verb.start() - armed[-1].end < 40
            ):
                # "SDF and regime forces exchanged fire": the first named against the rest
                side1, side2 = armed[:1], armed[1:]
        if sub_event_type == "Agreement" and len(armed) >= 2 and not side2:
            parties = _agreement_parties(text, armed, end)
            if parties is not None:
                side1, side2 = parties
            else:
                # "43 ISWAP fighters surrendered to troops": the side surrendered to is the other party
                taker = next(
                    (m for m in side1[1:] if _SURRENDERED_TO.search(text, max(start, m.start - 40), m.start)),
                    None,
                )
                if taker is not None:
                    side1, side2 = [m for m in side1 if m is not taker], [taker]
        side1, side2 = _unally(dictionary, text, side1, side2, armed, on)
        named = [*armed, *(m for m in mentions if start <= m.start < end)]
        if side1 and side2 and _second_leads(text, span, sub_event_type, side1, side2, named):
            side1, side2 = side2, side1
        elif _struck_by(text, event_type, side1, side2):
            # "a Hezbollah commander was killed in an Israeli drone strike": the striker is actor1
            side1, side2 = side2, side1
        author = _claimed_author(text, span, armed) if event_type in _AUTHORED_TYPES else None
        if author is not None:
            side1, side2 = _credit_author(author, side1, side2)
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
                _infighting(text, start, end)
                or _BETWEEN_WORD.search(text, start, side1[0].start)
            )
        ):
            side2 = side1[:1]  # infighting: "clashes among members of …", "between two families"
        elif (
            event_type == "Battles"
            and len(side1) >= 2
            and not side2
            and other is None
            and len({_group_of(dictionary, m.canonical) for m in side1}) == 1
            and _rival_units(dictionary, side1[:-1], side1[-1:])
        ):
            # "the Sultan Murad Division clashed with the Hamza Division": two units of one group
            side1, side2 = side1[:-1], side1[-1:]
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
            # keep the two armed sides rather than invent civilians (ACLED codes this as a battle), except
            # the herders or farmers of a people ("killed three Fulani herders"): civilians, the people
            # their associate (ACLED's "Fulani Ethnic Group (X)")
            if all(
                m.inter == 4 and _ETHNIC_MILITIA in m.canonical and _CIVILIAN_HEAD.search(m.text)
                for m in side2
            ):
                side2 = [
                    replace(m, canonical=m.canonical.replace(_ETHNIC_MILITIA, " Ethnic Group ("))
                    for m in side2
                ]
                name2, inter2 = generic_name("Civilians"), _CIVILIANS
        elif event_type == "Violence against civilians":
            # the sides split are one perpetrator, except an armed side harmed with the civilians ("killed a
            # health worker and the police officer guarding her") or one that fought the attackers off
            # ("security forces ended the siege"): not the attackers' ally
            side1 = side1 + [m for m in side2 if not _harmed_or_responding(text, m, span)]
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
                among = _AMONG_VICTIMS.match(text, side2[0].end)
                if among and any(_victim(text, c, span) for c in civilians):
                    # "killing 11 people … two vigilantes were among the dead": the people are the target,
                    # the group a part of the toll (assoc_actor_2)
                    name2, inter2 = generic_name("Civilians"), _CIVILIANS
            elif (
                side1
                and not side2
                and sub_event_type == "Air/drone strike"
                and _UNKNOWN_AIRCRAFT.search(text, start, end)
            ):
                # "a drone of unknown origin targeted a car, killing two SDF members": the group named is the
                # one hit; who sent the drone is unknown
                side2 = side1
                side1 = []
                name1, inter1 = generic_name("Unidentified Armed Group"), 3
            if not side2 and any(_victim(text, c, span) for c in civilians):
                name2, inter2 = generic_name("Civilians"), _CIVILIANS
            if not side1 and name1 is None and sub_event_type in _UNSEEN_ATTACKER_TYPES:
                # "a grenade was thrown at a house", "a suicide bomber rammed a convoy": whoever planted,
                # threw or sent it is unidentified
                name1, inter1 = generic_name("Unidentified Armed Group"), 3
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
            # in a war with a known pair of parties, one party's unnamed opponent is the other
            # ("Ukrainian defenders repelled 90 enemy attacks near Bakhmut")
            lead = _Side(side1).main()
            opponent = _war_opponent(dictionary, country, event_type, on, lead.canonical) if lead else None
            name2, inter2 = opponent or (generic_name("Unidentified Armed Group"), 3)
        elif (
            sub_event_type == "Disrupted weapons use"
            and side1
            and side2
            and name1 is None
            and name2 is None
            and _attempt_by(text, _Side(side1).main())
        ):
            # "an attempt by the Kyiv regime to strike … was foiled, the Russian ministry said": the one
            # whose weapons were stopped is actor2
            side1, side2 = side2, side1
        elif sub_event_type == "Disrupted weapons use" and side1 and not side2 and name2 is None:
            # in a war with a known pair of parties, the drones and missiles one party shoots down are the
            # other's ("Ukrainian air defence shot down 12 Shahed drones")
            lead = _Side(side1).main()
            opponent = _war_opponent(dictionary, country, "Battles", on, lead.canonical) if lead else None
            if opponent is not None and _attempt_by(text, lead):
                # "an attempt by the Kyiv regime to strike … was thwarted": the one named is the attacker
                # whose weapons were stopped (actor2); its war's other party stopped them
                name1, inter1 = opponent
                side1, side2 = [], side1
            elif opponent is not None:
                name2, inter2 = opponent
        elif (
            side1
            and side2
            and sub_event_type == "Looting/property destruction"
            and _CIVILIAN_PROPERTY.search(text, start, end)
            and not any(_victim(text, m, span) for m in side2)
        ):
            # "soldiers looted shops after the RSF withdrew": the owners of shops and homes are civilians
            name2, inter2 = generic_name("Civilians"), _CIVILIANS
            side2 = [c for c in civilians if _victim(text, c, span)][:1]
        elif (
            side1
            and not side2
            and (
                # ACLED codes the owners of looted or destroyed property; by default they are civilians
                sub_event_type == "Looting/property destruction"
                # "forces arrested 12 Palestinians", "police detained a journalist": the people taken
                # are civilians, as in an abduction; arrested fighters are their group, named or not
                or (sub_event_type == "Arrests" and _civilians_arrested(text, span))
            )
        ):
            name2, inter2 = generic_name("Civilians"), _CIVILIANS
            side2 = [c for c in civilians if _victim(text, c, span)][:1]
        elif event_type == "Battles" and not side1 and not side2:
            # a battle has two sides: with none named, both are unidentified ("a shoot-out took place")
            name1, inter1 = generic_name("Unidentified Armed Group"), 3
            name2, inter2 = name1, 3
    unidentified = generic_name("Unidentified Armed Group")
    if (
        # no side named, or only "the enemy", "militants" (the other side in a statement of a known war)
        all(m.generic and m.canonical.startswith("Unidentified Armed Group") for m in side1 + side2)
        and name1 in (None, unidentified)
        and name2 in (None, unidentified)
    ):
        pair = _conflict_default(dictionary, country, event_type, on)
        if pair is not None:
            (name1, inter1), (name2, inter2) = pair
            side1, side2 = [], []
    if sub_event_type == "Headquarters or base established" and side1:
        # one actor sets up its base; the forces a checkpoint or base is named after ("a new military
        # checkpoint") are no second side (codebook: no violence, no opponent)
        side2, name2, inter2 = [], None, None
    main1 = _Side(side1).main() if side1 else None
    main2 = _Side(side2).main() if side2 else None
    if side1 and main1 is None and name1 is None:  # only former affiliations named
        base, inter1 = _former_main(dictionary, side1)
        name1 = generic_name(base)
    if side2 and main2 is None and name2 is None:
        base, inter2 = _former_main(dictionary, side2, target=event_type != "Battles")
        name2 = generic_name(base)
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
        and not _infighting(text, start, end)
        and not (side1 and side2 and side1[0] is side2[0])
        and not (side2 and main2 is None)  # "gunmen killed a former rebel": both unidentified
        and not name2.startswith("Unidentified Armed Group")  # two unknown groups may fight
        and not _rival_units(dictionary, side1, side2)
    ):
        # the same actor on both sides without infighting words: one side is unknown
        name2, inter2, main2, side2 = None, None, None, []
    if inter2 == _CIVILIANS and main1 is not None:
        # "the Taliban arrested a former army officer": the old affiliation named after the
        # perpetrator is the victims' (assoc_actor_2), not the perpetrator's ally
        old = [m for m in side1 if m.start > main1.start and former_state_force(dictionary, m)]
        if old:
            side1 = [m for m in side1 if m not in old]
            side2 = [*side2, *old]
    if any(
        name is not None and inter in (2, 3) and not name.startswith(_UNIDENTIFIED)
        for name, inter in ((name1, inter1), (name2, inter2))
    ):
        # "soldiers were ambushed by Sinaloa Cartel members; two soldiers and five attackers were killed":
        # beside a named armed group, "the attackers", "gunmen" are its men, no associate of either side
        side1 = [m for m in side1 if not (m.generic and m.canonical.startswith(_UNIDENTIFIED))]
        side2 = [m for m in side2 if not (m.generic and m.canonical.startswith(_UNIDENTIFIED))]
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
    _drop_repeated_associates(event)
    abroad = False
    for attr in ("inter1", "inter2"):
        name = event.actor1 if attr == "inter1" else event.actor2
        if country and getattr(event, attr) == 1 and name:
            entry = dictionary.lookup(name)
            if entry is not None and entry.country and not at_home(entry.country, country):
                setattr(event, attr, 8)
                abroad = True
    if abroad or (event.interaction is None and (event.inter1 is not None or event.inter2 is not None)):
        event.interaction = interaction_code(event.inter1, event.inter2)
    for claim in event.claims:
        claim.side = fill(claim.side)


def _drop_repeated_associates(event: Event) -> None:
    """An associate that localising made the same as its side's actor ("Islamic State (X)" beside
    "Islamic State (Mozambique)") is that actor: named once."""
    # (each field by name, not with getattr/setattr: a generic attribute call each compiled)
    if event.assoc_actor_1 and event.actor1:
        event.assoc_actor_1 = _without_part(event.assoc_actor_1, event.actor1)
    if event.assoc_actor_2 and event.actor2:
        event.assoc_actor_2 = _without_part(event.assoc_actor_2, event.actor2)


def _without_part(names: str, actor: str) -> str | None:
    """``names`` ("A; B") without ``actor`` and without repeats, or None when nothing is left."""
    kept = [part for part in names.split("; ") if part != actor]
    return "; ".join(dict.fromkeys(kept)) or None


_NON_STATE_GENERIC: Final = (
    "Unidentified Armed Group (X)",
    "Unidentified Gang (X)",
    "Protesters (X)",
    "Rioters (X)",
    "Unidentified Clan Militia (X)",
    "Unidentified Communal Militia (X)",
    "Civilians (X)",
    "Islamist Militia (X)",
)
_GROUP_SUFFIX: Final = _rx(r"^(?P<head>.+ (?:Communal|Tribal|Ethnic|Clan) Militia) \((?P<country>[^()]+)\)$")
# what every match of _GENERIC_BRACKET begins with: a generic name's head and its bracket
_GENERIC_STARTS: Final = tuple(t[:-2] for t in _NON_STATE_GENERIC)


_GENERIC_BRACKET: Final = _rx(
    r"^(?P<head>" + "|".join(re.escape(t[:-4]) for t in _NON_STATE_GENERIC) + r") \((?P<country>[^()]+)\)$"
)
# (``\b[A-Z]…`` written as ``[A-Z](?<!\w[A-Z])…``: the same matches, but a search that starts with a
# character class skips to the capitals instead of trying the pattern at every position)
_CAPITALISED: Final = _rx(r"[A-Z](?<!\w[A-Z])[a-z]+(?:\s[A-Z][a-z]+)?\b")


def _countries_named(dictionary: ActorDictionary, text: str) -> set[str]:
    """Countries a report names itself (country names and demonyms: "Venezuelan migrants")."""
    words = [m.group(0) for m in _CAPITALISED.finditer(text[:3000])]
    found = {dictionary.country_of(w) for w in words}
    found |= {dictionary.country_of(part) for w in words for part in w.split()}
    return {c for c in found if c}


# a capitalised word's country (``ActorDictionary.country_of``), memoised per word for the dictionary it
# was read from: the countries a report names are read for every geocoded report
_WORD_COUNTRY: Final[dict[str, str | None]] = {}
_WORD_COUNTRY_OWNER: Final[list[ActorDictionary]] = []


def _word_country(dictionary: ActorDictionary, word: str) -> str | None:
    if not _WORD_COUNTRY_OWNER or _WORD_COUNTRY_OWNER[0] is not dictionary:
        _WORD_COUNTRY.clear()
        _WORD_COUNTRY_OWNER[:] = [dictionary]
    if word in _WORD_COUNTRY:
        return _WORD_COUNTRY[word]
    if len(_WORD_COUNTRY) > 50000:
        _WORD_COUNTRY.clear()
    found = _WORD_COUNTRY[word] = dictionary.country_of(word)
    return found


def countries_named(dictionary: ActorDictionary, text: str) -> set[str]:
    """Countries a report names itself (``_countries_named``: the same set), each word's country
    memoised across reports."""
    found: set[str] = set()
    for m in _CAPITALISED.finditer(text[:3000]):
        word = m.group(0)
        c = _word_country(dictionary, word)
        if c:
            found.add(c)
        parts = word.split()
        if len(parts) > 1:  # "Bogota Venezuelan": each word too (a single word is its own part)
            for part in parts:
                c = _word_country(dictionary, part)
                if c:
                    found.add(c)
    return found


def _may_change_forces(event: Event, country: str, dictionary: ActorDictionary) -> bool:
    """Whether ``_external_forces`` could change the event (with or without ``powers``): an actor1/actor2
    of interaction 1 or 8 that the dictionary knows as a state's forces (interaction 1, a country) and
    whose interaction is not yet the one its country gives it (1 at home, 8 abroad)."""
    for inter, name in ((event.inter1, event.actor1), (event.inter2, event.actor2)):
        if inter not in (1, 8) or not name:
            continue
        entry = dictionary.lookup(name)
        if entry is None or entry.inter != 1 or not entry.country:
            continue
        if (1 if at_home(entry.country, country) else 8) != inter:
            return True
    return False


class _Mover:
    """``relocalize``'s reading of one event's generic names (module functions and a small state, not
    closures: compiled, a closure call goes through a generic call)."""

    def __init__(
        self,
        guess: str | None,
        country: str,
        named_in_text: Callable[[], set[str]] | None,
        civilians_placed: bool,
    ) -> None:
        self.guess = guess
        self.country = country
        self.named_in_text = named_in_text
        self.civilians_placed = civilians_placed
        self.named: set[str] | None = None  # the countries the report names, read when first asked
        self.matched: dict[str, re.Match[str] | None] = {}
        self.others: list[str] = []  # the parts of the event's names that are no generic name

    def named_countries(self) -> set[str]:
        named = self.named
        if named is None:
            assert self.named_in_text is not None
            named = self.named = self.named_in_text()
        return named

    def group_of(self, part: str) -> re.Match[str] | None:
        """A generic name's head and country ("Protesters (Peru)"), each part read once (both
        patterns end in a closing bracket)."""
        matched = self.matched
        if part in matched:
            return matched[part]
        found = None
        if part.endswith((")", ")\n")):
            # (each pattern only where its literal start or middle is: most parts are state forces' names)
            if part.startswith(_GENERIC_STARTS):
                found = _GENERIC_BRACKET.match(part)
            if found is None and " Militia (" in part:
                found = _GROUP_SUFFIX.match(part)
        matched[part] = found
        return found

    def movable(self, old_country: str) -> bool:
        country = self.country
        if old_country == country:
            return False
        if any(f"of {old_country}" in part for part in self.others):
            # "regime forces … unidentified gunmen": the state forces say where it is, unless the
            # report itself names the final country ("Ukrainian shelling of Shebekino, the Russian
            # governor said": Ukraine's forces abroad, Russia's civilians)
            if self.named_in_text is None:
                return False
            return country in self.named_countries()
        if old_country == self.guess:
            return True  # the guess came from a place name; the geocoder settled it
        if self.named_in_text is None:
            return False
        return old_country not in self.named_countries() and old_country != "country unknown"

    def one(self, part: str) -> str:
        group = self.group_of(part)
        if group is None:
            return part
        country = self.country
        old = group.group("country")
        head = group.group("head")
        if self.movable(old) or (self.civilians_placed and head == "Civilians" and old != country):
            return f"{head} ({country})"
        return part

    def fill(self, name: str | None) -> str | None:
        if not name:
            return name
        if "; " not in name:
            return self.one(name)
        return "; ".join([self.one(part) for part in name.split("; ")])


def relocalize(
    event: Event,
    guess: str | None,
    country: str | None,
    text: str | None = None,
    dictionary: ActorDictionary | None = None,
    *,
    named_in_text: Callable[[], set[str]] | None = None,
) -> None:
    """Generic names the coder localised before the event's country was settled, moved to that country.

    The coder runs with the geocoder's first guess; when geocoding then places the event elsewhere,
    "Protesters (Peru)" in a Venezuelan town becomes "Protesters (Venezuela)". With the report's
    ``text``, a generic name whose country the report never names (it came from an actor's home, or
    the Syria fallback) follows the event's country too, unless the report names that country itself
    ("Venezuelan migrants protested in Bogota": "Protesters (Venezuela)" in Colombia, when Venezuela was
    not the guess). State forces move only when a generic word named them ("police officers").
    ``named_in_text``: the countries ``text`` names (``countries_named``), when the caller reads them
    once for all of a report's events.
    """
    if not country or (guess == country and text is None):
        return
    dictionary = dictionary or ActorDictionary.default()
    if named_in_text is None and text is not None:
        named_in_text = _lazy_countries_named(dictionary, text)
    if text is not None:
        _relocalize_generic_forces(event, country, dictionary, text)
        _relocalize_branches(event, country, dictionary)
        _relocalize_country_words(event, country, dictionary, text)
    # civilians are the people of the place hit: a town the geocoder placed to the town or district
    # ("a missile attack on Odesa"), or a district or province it placed them in ("citizens' homes in
    # Maqbanah district"), says their country, whoever fired from where
    placed = event.latitude is not None and event.geo_precision in (1, 2)
    civilians_placed = placed or (
        event.latitude is not None and event.geo_precision == 3 and event.admin1 is not None
    )
    mover = _Mover(guess, country, named_in_text, civilians_placed)
    for name in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2):
        if name:
            for part in name.split("; "):
                if part and not mover.group_of(part):
                    mover.others.append(part)
    event.actor1 = mover.fill(event.actor1)
    event.actor2 = mover.fill(event.actor2)
    event.assoc_actor_1 = mover.fill(event.assoc_actor_1)
    event.assoc_actor_2 = mover.fill(event.assoc_actor_2)
    _drop_repeated_associates(event)
    if not _may_change_forces(event, country, dictionary):
        return  # no state's forces to move home or abroad
    if named_in_text is not None and mover.named_countries() & {country}:
        _external_forces(event, country, dictionary)
    elif placed:
        # a town placed precisely in another country than a power's forces: they strike abroad ("Russia
        # launched a missile attack on Odesa"); only powers that do, so that a namesake town across a
        # border does not make a state's own forces foreign
        _external_forces(event, country, dictionary, powers=_ABROAD_POWERS)


def relocalize_events(events: list[Event], guess: str | None, text: str) -> None:
    """``relocalize`` for each event of one report once it is geocoded (``pipeline``), the countries the
    report names read once for all of them, and only when asked; an event whose state's forces are found
    abroad has its summary written again (``territory_by_gainer``: they overtake, not regain)."""
    dictionary = ActorDictionary.default()
    named_in_text = _lazy_countries_named(dictionary, text)
    for event in events:
        relocalize(event, guess, event.country, text, dictionary, named_in_text=named_in_text)
        if territory_by_gainer(event):
            event.notes = summarise(event)


def _lazy_countries_named(dictionary: ActorDictionary, text: str) -> Callable[[], set[str]]:
    """``countries_named(dictionary, text)``, read on the first call only."""
    memo: list[set[str]] = []

    def named() -> set[str]:
        if not memo:
            memo.append(countries_named(dictionary, text))
        return memo[0]

    return named


# states whose forces often strike or fight outside their borders
_ABROAD_POWERS: Final = frozenset(
    {"Russia", "United States", "Israel", "Turkey", "Iran", "France", "United Kingdom", "Saudi Arabia",
     "United Arab Emirates", "Ukraine"}
)  # fmt: skip


def _external_forces(
    event: Event, country: str, dictionary: ActorDictionary, powers: frozenset[str] | None = None
) -> None:
    """State forces found abroad once the event's final country is known are external forces (8),
    and those at home are state forces (1) again. Called when the report names that country itself (a
    geocoder's guess alone does not move a state's forces abroad), or with ``powers`` when the event's
    town was placed precisely: then only those powers' forces, and only abroad."""
    changed = False
    for attr, name in (("inter1", event.actor1), ("inter2", event.actor2)):
        if getattr(event, attr) not in (1, 8) or not name:
            continue
        entry = dictionary.lookup(name)
        if entry is None or entry.inter != 1 or not entry.country:
            continue
        if powers is not None and (entry.country not in powers or at_home(entry.country, country)):
            continue
        inter = 1 if at_home(entry.country, country) else 8  # and back home when the guess was wrong
        if inter != getattr(event, attr):
            setattr(event, attr, inter)
            changed = True
    if changed:
        event.interaction = interaction_code(event.inter1, event.inter2)


def _relocalize_branches(event: Event, country: str, dictionary: ActorDictionary) -> None:
    """A group ACLED names per country ("Islamic State (Syria)", "… (Afghanistan)") takes the branch of
    the event's final country when the words that named it resolve to that branch there: "an Islamic
    State suicide bomber" in Kandahar is Islamic State (Afghanistan); "ISWAP" stays ISWAP anywhere."""
    for field_name in ("actor1", "actor2"):
        name = getattr(event, field_name)
        entry = dictionary.lookup(name) if name else None
        if entry is None or not entry.by_country or entry.by_country.get(country, name) == name:
            continue
        quote = next((e.quote for e in event.evidence if e.field == field_name and e.quote), None)
        fresh = dictionary.resolve_cached(quote.strip(), country, event.event_date) if quote else None
        if fresh is not None and fresh.canonical == entry.by_country[country]:
            setattr(event, field_name, fresh.canonical)


def _relocalize_country_words(event: Event, country: str, dictionary: ActorDictionary, text: str) -> None:
    """A generic word one country's label owns ("rebels", "the factions": Opposition Rebels (Syria)) names
    an unidentified armed group in another country ("Tuareg rebels attacked a base near Kidal"), unless
    the report names that country itself."""
    changed = False
    named: set[str] | None = None

    def named_here() -> set[str]:  # the countries the report names, read once and only when asked
        nonlocal named
        if named is None:
            named = _countries_named(dictionary, text)
        return named

    # (the fields read and written by name, not with getattr/setattr: a generic attribute call each compiled)
    if event.assoc_actor_1:
        kept = _without_foreign(dictionary, event.assoc_actor_1, country, named_here)
        if kept is not None:
            event.assoc_actor_1 = kept or None
    if event.assoc_actor_2:
        kept = _without_foreign(dictionary, event.assoc_actor_2, country, named_here)
        if kept is not None:
            event.assoc_actor_2 = kept or None
    others = (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
    if event.actor1 and _foreign_word(dictionary, event.actor1, country, named_here, others):
        event.actor1 = f"Unidentified Armed Group ({country})"
        event.inter1 = 3
        changed = True
    others = (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
    if event.actor2 and _foreign_word(dictionary, event.actor2, country, named_here, others):
        event.actor2 = f"Unidentified Armed Group ({country})"
        event.inter2 = 3
        changed = True
    if changed:
        event.interaction = interaction_code(event.inter1, event.inter2)


def _without_foreign(
    dictionary: ActorDictionary, names: str, country: str, named: Callable[[], set[str]]
) -> str | None:
    """``names`` ("A; B") without the parts ``_foreign_word`` drops, joined again; None when none is."""
    parts = [p for p in names.split("; ") if p]
    kept = [p for p in parts if not _foreign_word(dictionary, p, country, named)]
    return "; ".join(kept) if len(kept) != len(parts) else None


def _foreign_word(
    dictionary: ActorDictionary,
    name: str,
    country: str,
    named: Callable[[], set[str]],
    others: tuple[str | None, ...] = (),
) -> bool:
    """A side named only by a word another country's label owns ("opposition supporters" in Harare are
    no Opposition Rebels (Syria)), when neither the report (``named()``: the countries it names) nor
    another side (``others``: "regime forces … rebel factions") names that country."""
    entry = dictionary.lookup(name)
    if entry is None or not entry.generic or entry.kind != "named" or entry.country in (None, country):
        return False
    if any(o and o != name and entry.country in o for o in others):
        return False
    return entry.country not in named()


_STATE_PREFIXES: Final = ("Military Forces of ", "Police Forces of ", "Security Forces of ")


def _relocalize_generic_forces(event: Event, country: str, dictionary: ActorDictionary, text: str) -> None:
    """actor1/actor2 state forces named by a generic word ("police officers", "soldiers") follow the
    event's final country; forces the report names by country or demonym ("Somali police") stay, and so
    do the forces of a state whose ministry or army speaks in the report ("troops repelled an attack by
    Ukrainian forces near Avdiivka, the Russian Defence Ministry said")."""
    speaking: set[str] | None = None
    for field_name in ("actor1", "actor2"):
        name = getattr(event, field_name)
        if not name or not name.startswith(("Military Forces of ", "Police Forces of ")):
            continue
        entry = dictionary.lookup(name)
        if entry is None or entry.country in (None, country) or entry.kind not in ("military", "police"):
            continue
        quote = next((e.quote for e in event.evidence if e.field == field_name and e.quote), None)
        if quote is None:
            continue
        fresh = dictionary.resolve_cached(quote.strip(), country, event.event_date)
        if fresh is None or not fresh.generic or fresh.country not in (None, country):
            continue
        if not fresh.canonical.startswith(_STATE_PREFIXES):
            continue  # a word for another actor ("the enemy" read as the war's other party) stays
        if speaking is None:
            speaking = {
                m.country
                for m in dictionary.find(text, on=event.event_date)
                if m.inter == 1 and not m.generic and m.country and _SPEAKS.match(text, m.end)
            }
        if entry.country in speaking:
            continue
        unit = name.split(") ", 1)[1] if ") " in name else ""
        new = dictionary.state_forces(entry.kind, country, event.event_date)
        setattr(event, field_name, f"{new} {unit}".strip())
