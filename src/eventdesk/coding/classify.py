"""Event typing: from the trigger groups that fire in an event's sentences to ACLED's
event_type / sub_event_type, applying the codebook's collapse rules.

The order of the checks *is* the hierarchy: protests and riots are read first (their vocabulary
is distinctive and they often mention police force, which must not become a battle); then
chemical and suicide attacks; interceptions; a ground engagement (a battle absorbs air strikes
and shelling between the same sides, and civilians hit in a battle); remote violence; violence
against civilians (the victims decide between Attack and Armed clash); strategic developments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ..nlp.lexcache import PatternCache
from ..nlp.sentences import first_word_at
from ..nlp.values import FrozenValueRecord
from ..records import Event, Evidence
from .triggers import Hit

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["DISORDER", "Typing", "classify", "victim_kind"]

DISORDER: Final = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# groups that can make a sentence an event sentence on their own
EVENT_GROUPS: Final = (
    "clash", "ground_attack", "control_gain", "chemical", "suicide", "airstrike", "shelling", "ied",
    "grenade", "sexual", "abduction", "vac_attack", "protest", "violent_demo", "mob", "agreement",
    "arrests", "change_group", "disrupted", "hq", "looting", "transfer",
)  # fmt: skip
# weak triggers: they make an event only together with a victim or a stronger trigger
WEAK: Final = frozenset({"change_group", "disrupted", "arrests", "transfer", "hq"})

_INTERCEPT: Final = _rx(
    r"intercept|shot down|downed|defus|dismantl|disarm|seized|found|discovered|uncovered|confiscat|recover|"
    r"captured|cache|depot|accident|prematur|while|foiled|thwarted|controlled|destroyed|neutrali"
)
# a ministry's own forces ("our forces arrested …")
_OUR_FORCES: Final = _rx(r"\bour (?:forces|troops|units|security forces|police|men)\b")
_STORE_END: Final = _rx(r"(?:cache|depot|store)s?$")
_SEIZURE: Final = _rx(r"(?:seized|found|discovered|uncovered|confiscated|captured|recovered)\b")
_VICTIM_AFTER: Final = _rx(
    r"\b(?:kill(?:ed|ing|s)?|shot|shooting|attack(?:ed|ing)?|abduct(?:ed|ing)|kidnapp(?:ed|ing)|"
    r"injur(?:ed|ing)|wound(?:ed|ing)|target(?:ed|ing)|stabb(?:ed|ing)|beat(?:ing)?|murder(?:ed|ing)|"
    r"execut(?:ed|ing)|behead(?:ed|ing)|assault(?:ed|ing)|raped|hit|struck|tortur(?:ed|ing)|"
    r"opened fire (?:on|at)|arrest(?:ed|ing)|detain(?:ed|ing)|captur(?:ed|ing)|assassinat(?:ed|ing)|"
    r"martyr(?:ed|ing))\b"
)
_CROWD: Final = _rx(
    r"\b(?:residents|villagers|crowds?|locals|youths|students|workers|demonstrators|protesters|supporters)\b"
)
# people who gathered: a plural noun ("supporters", "teachers", "crowds") or "people" before the verb
_GATHERING: Final = _rx(
    r"\b(?:[a-z]+s|people|crowd)(?: of \w+)? (?:who )?(?:had )?(?:gathered|assembled|congregated)\b"
)
_MUTUAL_CLASH: Final = _rx(r"clash|brawl|scuffle|fought")
# a demand or grievance makes a violent crowd a demonstration rather than a mob
_GRIEVANCE: Final = _rx(
    r"\b(?:demand(?:ed|ing|s)?|denounc(?:ed|ing)|in protest|to protest|against the|angry (?:at|over)|"
    r"over the|calling for|to demand)\b"
)
_AGENT: Final = _rx(r"\bby\b|[.;]")
# fighting between two sides, as opposed to one side's ambush, raid or attack
_MUTUAL: Final = _rx(
    r"clash|fight|fought|battl|exchang|shoot-?out|skirmish|both|mutual|back|repel|repuls|confront|infiltrat|thwart"
)
_VICTIM_BEFORE: Final = _rx(
    r"\b(?:was|were|been|being|got|is|are)\s+(?:\w+\s+){0,2}(?:killed|shot|found|abducted|kidnapped|"
    r"injured|wounded|stabbed|beaten|murdered|executed|beheaded|assaulted|raped|attacked|targeted|"
    r"hit|tortured|lynched|martyred)\b|\b(?:died|lost (?:their|his|her) li(?:fe|ves))\b"
)


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Typing(FrozenValueRecord):
    """The types of one event and the trigger that decided them."""

    event_type: str
    sub_event_type: str
    trigger: Hit
    score: float  # 0-1: how sure the rule is

    def __init__(self, event_type: str, sub_event_type: str, trigger: Hit, score: float) -> None:
        # the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md)
        object.__setattr__(self, "event_type", event_type)
        object.__setattr__(self, "sub_event_type", sub_event_type)
        object.__setattr__(self, "trigger", trigger)
        object.__setattr__(self, "score", score)


    @property
    def disorder_type(self) -> str:
        if self.sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        return DISORDER[self.event_type]


def _in(hits: dict[str, list[Hit]], group: str) -> list[Hit]:
    return hits.get(group, [])


_CLASHED_WITH_FORCES: Final = _rx(
    r"\bclash(?:ed|es)?\s+with\s+(?:the\s+)?(?:riot\s+)?(?:police|policemen|security\s+forces|troops|soldiers)\b"
)
_SURRENDER: Final = _rx(r"surrender|handed (?:themselves|himself)")
# forces moving in, not taking a place by fighting
_INCURSION: Final = _rx(r"(?:(?:advanced|pushed|moved)(?: deep)? into|entered|incursion)")
_BOMB_GROUPS: Final = ("suicide", "ied", "grenade", "airstrike", "shelling")
_VIOLENCE_GROUPS: Final = (
    "clash", "killed", "injured", "casualties", "airstrike", "shelling", "ied", "suicide", "grenade",
    "vac_attack", "sexual", "abduction", "looting", "protest", "violent_demo",
)  # fmt: skip


_PRONOUN_START: Final = _rx(r"\s*(?:he|she|they|it)\s")


def _pronoun_sentence(text: str, at: int) -> int:
    """The start of ``at``'s sentence when the sentence opens with a pronoun, else 0: "gunmen shot a trader.
    He died": the one who died is no one named before in the window (not the gunmen)."""
    start = text.rfind(". ", 0, at) + 1
    return start if start and _PRONOUN_START.match(text, start) else 0


# the words (runs of a-z0-9) _VICTIM_AFTER's matches begin with start with one of these (each alternative
# is a whole word: \b before and after it, or a space after "opened"); _VICTIM_BEFORE's are these words
_VICTIM_AFTER_HEADS: Final = frozenset(
    w.encode()
    for w in (
        "kil", "sho", "att", "abd", "kid", "inj", "wou", "tar", "sta", "bea", "mur", "exe", "beh", "ass",
        "rap", "hit", "str", "tor", "ope", "arr", "det", "cap", "mar",
    )
)  # fmt: skip
_VICTIM_BEFORE_WORDS: Final = frozenset(
    w.encode() for w in ("was", "were", "been", "being", "got", "is", "are", "died", "lost")
)

# (the lower-cased ASCII text of the report being coded, its sentences.ascii_words): share_words
_DOC_WORDS: list[tuple[str, list[tuple[int, bytes]]]] = []


def share_words(low: str, words: list[tuple[int, bytes]]) -> None:
    """Give the classifier ``sentences.ascii_words(low)`` of the lower-cased ASCII text of the report the
    coder is reading (``victim_kind`` then tries its patterns only at the words they can begin with)."""
    _DOC_WORDS[:] = [(low, words)]


def _shared_words(text: str) -> list[tuple[int, bytes]] | None:
    """The shared words when ``text`` is the very text they are of (else None: scan as before)."""
    if _DOC_WORDS:
        shared = _DOC_WORDS[0]
        if shared[0] is text:
            return shared[1]
    return None


def _matches_at(
    pattern: re.Pattern[str],
    text: str,
    start: int,
    end: int,
    until: int,
    words: list[tuple[int, bytes]],
    firsts: frozenset[bytes],
    head: int,
) -> list[re.Match[str]]:
    """``pattern.finditer(text, start, end)``'s matches that begin at or before ``until`` (the caller
    stops at the first one after it), for a pattern whose matches begin a run of a-z0-9 of the
    lower-cased ASCII ``text`` (a \\b, then a letter) whose first ``head`` bytes (the whole word when
    ``head`` is 0) are in ``firsts``: the pattern is tried only at those of ``words`` (its ascii_words)
    from ``start`` on. A word that begins after "_" is tried in vain (no \\b there), as finditer would
    find nothing there either; tries are in order, each after the last match's end."""
    found: list[re.Match[str]] = []
    resume = start
    for k in range(first_word_at(words, start), len(words)):
        at, word = words[k]
        if at >= end or at > until:
            break  # (a match from here on begins after ``until``: the caller would stop at it)
        if at < resume or (word[:head] if head else word) not in firsts:
            continue
        m = pattern.match(text, at, end)
        if m is not None:
            found.append(m)
            resume = m.end()
    return found


def victim_kind(text: str, hits: dict[str, list[Hit]], start: int = 0, end: int | None = None) -> str | None:
    """ "civilian", "armed" or None: who the harmed people are, read from the words next to
    harm verbs ("killed three villagers", "a soldier was shot")."""
    end = len(text) if end is None else end
    # the last victim noun in start..end (the windows below lie in start..end: none there, no answer)
    last = -1
    for group in ("civilian", "armed"):
        for h in _in(hits, group):
            if start <= h.start < end and h.start > last:
                last = h.start
    if last < 0:
        return None
    # a window that begins after the last noun holds none and is not the first window when two kinds
    # are in windows: the scans stop at the first match whose window would (the same answers)
    windows: list[tuple[int, int]] = []
    words = _shared_words(text)
    for m in (
        _VICTIM_AFTER.finditer(text, start, end)
        if words is None
        else _matches_at(_VICTIM_AFTER, text, start, end, last, words, _VICTIM_AFTER_HEADS, 3)
    ):
        if m.start() > last:
            break  # (its window begins at its end)
        stop = min(end, m.end() + 60)
        agent = _AGENT.search(text, m.end(), stop)  # "killed by gunmen": the gunmen are not victims
        windows.append((m.end(), agent.start() if agent else stop))
    for m in (
        _VICTIM_BEFORE.finditer(text, start, end)
        if words is None
        else _matches_at(_VICTIM_BEFORE, text, start, end, last + 60, words, _VICTIM_BEFORE_WORDS, 0)
    ):
        if m.start() - 60 > last:
            break  # (its window begins 60 characters before it)
        windows.append((max(start, m.start() - 60, _pronoun_sentence(text, m.start())), m.start()))
    if not windows:
        return None

    def inside(group: str) -> int:
        return sum(1 for h in _in(hits, group) for a, b in windows if a <= h.start < b)

    civ, arm = inside("civilian"), inside("armed")
    if civ and not arm:
        return "civilian"
    if arm and not civ:
        return "armed"
    if civ and arm:
        # the nearest noun after the first harm verb decides
        first = min(windows)
        best: tuple[int, str] | None = None
        for group, kind in (("civilian", "civilian"), ("armed", "armed")):
            for h in _in(hits, group):
                if first[0] <= h.start < first[1] and (best is None or h.start < best[0]):
                    best = (h.start, kind)
        return best[1] if best else None
    return None


_NOT_GAIN_BEFORE: Final = _rx(
    r"(?:attempt(?:ed|ing|s)?|tried|trying|tries|failed|fails|sought|seeking|aim(?:ed|ing)?)"
    r"(?: by [\w' -]{1,40}?)? to\s*$"
)
_NOT_GAIN_AFTER: Final = _rx(
    r"\s+(?:an? |one |two |three |four |five |several |\d+ )?(?:[\w'-]+ )?(?:members?|fighters?|soldiers?|"
    r"militants?|prisoners?|him|her|them|persons?|people|civilians?|commanders?|weapons|vehicles?)\b"
)


# heavy direct-fire weapons (the shelling group's heavy machine guns, anti-aircraft guns, IFVs): fired at
# positions or areas they are shelling; aimed at a vehicle, a patrol or people they are a firefight
_HEAVY_GUN: Final = _rx(r"heavy machine|\d ?mm$|anti-aircraft|ifv|bmp|infantry fighting")
_AT_TARGET: Final = _rx(
    r"\b(?:shot|opened fire|fired|shooting) (?:at|on) (?:\S+ ){0,6}?(?:vehicles?|patrols?|convoys?|cars?|"
    r"soldiers|fighters|troops|members|personnel|officers?)\b"
)


_CONTEXT_BEFORE: Final = _rx(r"\b(?:after|following|since|recent|previous|earlier|last|past)\b[^.;]{0,40}$")


def _drop_led(
    text: str,
    hits: dict[str, list[Hit]],
    group: str,
    lead: re.Pattern[str],
    reach: int,
    words: tuple[str, ...] = (),
) -> dict[str, list[Hit]]:
    """``hits`` without the ``group`` hits whose ``reach`` characters before match ``lead`` (only the hits
    whose text is one of ``words``, when given)."""
    items = hits.get(group)
    if not items or (words and not any(h.text in words for h in items)):
        return hits
    kept = [
        h
        for h in items
        if (words and h.text not in words) or not lead.search(text[max(0, h.start - reach) : h.start])
    ]
    return hits if len(kept) == len(items) else _with_group(hits, group, kept)


def _with_group(hits: dict[str, list[Hit]], group: str, kept: list[Hit]) -> dict[str, list[Hit]]:
    """``hits`` with ``group``'s hits replaced by ``kept`` (the group left out when none is kept)."""
    out = dict(hits)
    if kept:
        out[group] = kept
    else:
        out.pop(group)
    return out


# fighting said not to have happened: "no clashes were reported", "without fighting", "did not clash"
_DENIED_BEFORE: Final = _rx(r"\b(?:no|without|never|not|nor)\s+(?:further\s+|major\s+|armed\s+|any\s+)?$")
# what a deal between governments is about when it is no conflict's: trade, energy, money, transport
_ECONOMIC_DEAL: Final = _rx(
    r"\b(?:exports?|imports?|trade|tariffs?|electricity|energy|power|gas|oil|investments?|loans?|"
    r"rail(?:way)?s?|roads?|ports?|infrastructure|tourism|visas?|fisheries|water sharing|customs|debt|"
    r"economic|commercial|free[- ]trade|megawatts?|pipelines?)\b"
)
# what makes a deal a conflict's (codebook: agreements between conflict actors)
_CONFLICT_DEAL: Final = _rx(
    r"\b(?:ceasefire|cease-fire|truce|armistice|peace|prisoners?|detainees?|hostages?|captives?|surrender\w*|"
    r"disarm\w*|demobili[sz]\w*|fighters?|rebels?|militias?|armed|security|withdraw\w*|evacuat\w*|"
    r"reconciliation|hostilities|war)\b"
)


def _drop_economic_deals(text: str, hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """``hits`` without the agreements that are about trade, energy or money and name nothing of a conflict
    in their sentence ("signed an agreement under which Nepal will export electricity to India"): ACLED's
    Agreement is a deal between conflict actors."""
    items = hits.get("agreement")
    if not items:
        return hits
    kept = []
    for h in items:
        start = text.rfind(". ", 0, h.start) + 1
        stop = text.find(". ", h.end)
        sentence = text[start : len(text) if stop == -1 else stop]
        if _ECONOMIC_DEAL.search(sentence) is None or _CONFLICT_DEAL.search(sentence) is not None:
            kept.append(h)
    return hits if len(kept) == len(items) else _with_group(hits, "agreement", kept)


# a deal only talked about, sought or proposed: no agreement ("ministers met to discuss a prisoner
# exchange and a possible truce", "called for a ceasefire")
_TALKS_BEFORE: Final = _rx(
    r"\b(?:discuss(?:ed|es|ing)?|talks?\s+(?:on|about|over)|negotiat\w*|possible|proposed|potential|"
    r"prospective|call(?:ed|ing|s)?\s+for|push(?:ed|es|ing)?\s+for|seek(?:s|ing)?|sought|hop(?:e|es|ed|ing)\s+for|"
    r"demand(?:ed|ing|s)?|urg(?:e|ed|es|ing))\b[^.;]{0,30}$"
)


def _drop_context(text: str, hits: dict[str, list[Hit]], group: str) -> dict[str, list[Hit]]:
    """Drop hits that name an earlier happening as the cause or background ("protested after
    the riots in prisons"): they do not describe this event."""
    return _drop_led(text, hits, group, _CONTEXT_BEFORE, 50)


# a weapon named as the object of a seizure ("seized a pistol and a hand grenade from his house",
# "recovered grenades and ammunition"): the weapon was found, not used
_SEIZED_BEFORE: Final = _rx(
    r"\b(?:seiz(?:ed|ing|ure of)|confiscat(?:ed|ing)|recover(?:ed|ing)|found|possession of|cache of|"
    r"stash of|haul of|smuggl(?:ed|ing))\b[^.;:]{0,60}$"
)


# the attacks a response follows: "the army deployed troops to Zamfara after bandit attacks"
_CAUSE_BEFORE: Final = _rx(r"\b(?:after|following|amid|in response to|in the wake of)\s+(?:[\w'-]+\s+){0,3}$")


def _drop_cause_attacks(text: str, hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """Drop "attacks" named as the cause of what the sentence reports ("deployed troops after bandit
    attacks"): earlier, unnamed attacks, not this event (an attack reported with its verb stays)."""
    return _drop_led(text, hits, "vac_attack", _CAUSE_BEFORE, 60, ("attacks", "attack"))


def _drop_seized(text: str, hits: dict[str, list[Hit]], group: str) -> dict[str, list[Hit]]:
    """Drop ``group`` hits that name a weapon seized or found rather than used."""
    return _drop_led(text, hits, group, _SEIZED_BEFORE, 70)


_ENDED_FIGHTING_BEFORE: Final = _rx(
    r"\b(?:ending|ended|end|halting|halted|halt|stopping|stopped|stop)\s+(?:the\s+)?(?:(?:days|weeks|months|"
    r"hours|years)\s+of\s+)?(?:fighting|clashes|hostilities|violence|battles|war)\s+(?:that|which)\s+(?:had\s+)?"
    r"(?:[\w'-]+\s+){0,2}$"
)
_ARMS: Final = frozenset(
    {"rifles", "machine guns", "machineguns", "machine gun", "machinegun", "automatic weapons"}
)


def _drop_seized_arms(text: str, hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """Drop the ground-attack hits that are only arms seized ("arrested a gang leader in a raid,
    seizing rifles and cash"): weapons taken are no fighting."""
    found = hits.get("ground_attack")
    if not found or not any(h.text in _ARMS for h in found):
        return hits
    kept = [
        h
        for h in found
        if not (h.text in _ARMS and _SEIZED_BEFORE.search(text, max(0, h.start - 70), h.start))
    ]
    if len(kept) == len(found):
        return hits
    out = dict(hits)
    if kept:
        out["ground_attack"] = kept
    else:
        del out["ground_attack"]
    return out


# a violent act named as a charge or a reason for wanting someone ("arrested a man wanted for
# kidnapping", "accused of killing his neighbour"): the arrest is the event, not the charge
_CHARGE_BEFORE: Final = _rx(
    r"\b(?:wanted for|charged with|accused of|suspected of|convicted of|sentenced for|on charges? of|"
    r"involvement in|involved in|responsible for|in connection with|"
    # an attack they had only planned: "arrested three men who were planning attacks on hotels"
    r"plann(?:ing|ed)|plotting|plotted|preparing|prepared|intending|intended|planning to carry out)\s+"
    r"(?:[\w'-]+\s+){0,2}$"
)
_CHARGED: Final = ("abduction", "sexual", "vac_attack", "killed")


def _drop_within(hits: dict[str, list[Hit]], outer: str, inner: tuple[str, ...]) -> dict[str, list[Hit]]:
    """Drop ``inner`` groups' hits that lie inside a hit of ``outer`` (one phrase read twice)."""
    spans = [(h.start, h.end) for h in hits.get(outer, [])]
    if not spans:
        return hits
    out = dict(hits)
    for group in inner:
        kept = [h for h in hits.get(group, []) if not any(a <= h.start and h.end <= b for a, b in spans)]
        if kept:
            out[group] = kept
        else:
            out.pop(group, None)
    return out


def _drop_charges(text: str, hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """With an arrest among the hits, drop violent words that only name the charge."""
    if not hits.get("arrests"):
        return hits
    for group in _CHARGED:
        hits = _drop_led(text, hits, group, _CHARGE_BEFORE, 60)
    return hits


# people or things captured, in the passive: "3 militants were killed, injured or captured", "Vehicles
# were captured", "2 other rebels captured." (not "rebels captured the town")
_CAPTURED_NOUN: Final = (
    r"\b(?:members?|fighters?|soldiers?|militants?|rebels?|insurgents?|jihadists?|prisoners?|persons?|"
    r"people|civilians?|commanders?|troops|gunmen|weapons|vehicles?|ammunition|arms|equipment|trucks?|cars?)"
)
_PASSIVE_BEFORE: Final = _rx(
    _CAPTURED_NOUN + r" (?:were|was|had been|have been|been|being)(?:[ ,]+(?:killed|injured|wounded|arrested|"
    r"detained|or|and|later|also))*\s*$"
)
_BARE_BEFORE: Final = _rx(_CAPTURED_NOUN + r"\s*$")
_CLAUSE_END: Final = _rx(r"\s*(?:[.,;]|by\b|during\b|in\b|and\b|$)")


def _passive_capture(text: str, hit: Hit) -> bool:
    if not hit.text.endswith(("captured", "seized")):
        return False
    before = text[max(0, hit.start - 60) : hit.start]
    return bool(
        _PASSIVE_BEFORE.search(before) or (_BARE_BEFORE.search(before) and _CLAUSE_END.match(text, hit.end))
    )


def _real_control_gains(text: str, hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """Drop control-change words that are only attempts ("attempted to recapture") or captures of
    people or things ("captured two fighters")."""
    gains = hits.get("control_gain")
    if not gains:
        return hits
    kept = [
        h
        for h in gains
        if not _NOT_GAIN_BEFORE.search(text[max(0, h.start - 60) : h.start])
        and not (h.text.endswith(("captured", "capture", "seized")) and _NOT_GAIN_AFTER.match(text, h.end))
        and not _passive_capture(text, h)
    ]
    return hits if len(kept) == len(gains) else _with_group(hits, "control_gain", kept)


# the attack words that harm no one by themselves ("raided a village", "stormed the market")
_RAID_ONLY: Final = _rx(r"(?:raided|storm(?:ed|ing)|carried out|conducted|launched)\b")
# the mob cues that name a crowd (not "stormed a mosque", which gunmen do too)
_MOB_CROWD: Final = _rx(
    r"mob|lynch|angry|enraged|irate|furious|vigilante|residents|villagers|locals|crowd|youths|relatives|"
    r"communal|supporters|muslims|christians|hindus|sikhs|jews|migrants|foreign|minorit"
)
# a strike that landed: "a drone strike hit a grain store", "missiles struck the port"
_IMPACT: Final = _rx(r"\b(?:hit|hits|struck|damag(?:ed|ing)|destroy(?:ed|ing))\b(?!\s+by\b)")


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), 0)


def _crowd_named(text: str, hit: Hit, bombed: bool) -> bool:
    """Whether a crowd is named as the doer of a violent-demonstration hit: anywhere in the report, or,
    beside a bombing or strike, in the hit's own sentence ("residents said they heard the explosions"
    after "gunmen attacked the police station with drones": the residents only heard it)."""
    if not bombed:
        return _CROWD.search(text) is not None
    start = _sentence_start(text, hit.start)
    stop = text.find(". ", hit.end)
    return _CROWD.search(text, start, len(text) if stop == -1 else stop) is not None


def _state_before(text: str, hits: dict[str, list[Hit]], at: int) -> bool:
    """Whether state forces are named before ``at`` in its sentence (the ones who arrest)."""
    start = _sentence_start(text, at)
    return any(start <= h.start < at for h in _in(hits, "state"))


_ANSWER: Final = _rx(r"\b(?:respond(?:ed|ing)|retaliat(?:ed|ing)|answered|replied|returned fire)\b")


def _answered_later(text: str, first: Hit, later: Hit) -> bool:
    """Whether ``later`` lies in a sentence after ``first``'s and says it answers it."""
    if later.start < first.start:
        return False
    stop = text.find(". ", first.end)
    if stop == -1 or later.start < stop:
        return False
    start = text.rfind(". ", 0, later.start) + 1
    return _ANSWER.search(text, start, later.start + 40) is not None


def _struck_first(text: str, hits: dict[str, list[Hit]], intercept: Hit) -> bool:
    """True when the report leads with an air or artillery strike that landed, in a sentence before
    the one that tells of interceptions ("a drone strike hit a grain store in Izmail … air defence shot
    down 13 of 17 drones"): the strike is the event (codebook: disrupted weapons use is a weapon stopped
    before it does harm)."""
    sentence = text.rfind(". ", 0, intercept.start)
    for group in ("airstrike", "shelling"):
        for h in _in(hits, group):
            if h.start < sentence:
                stop = text.find(". ", h.end)
                if _IMPACT.search(text, h.end, stop if stop != -1 else len(text)):
                    return True
    return False


def classify(text: str, hits: dict[str, list[Hit]], *, state_actor1: bool | None = None) -> Typing | None:
    """ACLED types for an event whose sentences produced ``hits`` (offsets into ``text``,
    which is the lower-cased document). ``state_actor1`` says whether the side gaining ground is
    a state force (None: guess from the words before the trigger)."""

    hits = _real_control_gains(text, hits)
    hits = _drop_context(text, hits, "violent_demo")
    hits = _drop_seized(text, hits, "grenade")
    hits = _drop_seized_arms(text, hits)
    hits = _drop_charges(text, hits)
    hits = _drop_led(text, hits, "agreement", _TALKS_BEFORE, 50)  # "met to discuss a possible truce"
    hits = _drop_led(text, hits, "clash", _DENIED_BEFORE, 30)  # "no clashes were reported"
    hits = _drop_economic_deals(text, hits)
    if "agreement" in hits:
        # "agreed a truce …, ending fighting that killed 55 people": the fighting the deal ends is context
        for group in ("killed", "vac_attack", "clash"):
            hits = _drop_led(text, hits, group, _ENDED_FIGHTING_BEFORE, 60)
    hits = _drop_within(hits, "sexual", ("ground_attack", "vac_attack"))  # "sexually assaulted": not a raid
    hits = _drop_cause_attacks(text, hits)

    def pick(group: str) -> Hit:
        return _in(hits, group)[0]

    def has(group: str) -> bool:
        return bool(hits.get(group))

    if has("suicide") and has("protest"):
        # a suicide bombing of a rally is the bombing (an attack on a protest is coded as the violence)
        return Typing("Explosions/Remote violence", "Suicide bomb", pick("suicide"), 0.8)
    if has("protest"):
        if has("violent_demo"):
            # lethal force against a crowd that burned or stormed is a violent demonstration's (codebook:
            # excessive force is against peaceful protesters)
            return Typing("Riots", "Violent demonstration", pick("violent_demo"), 0.75)
        if has("excessive_force"):
            return Typing("Protests", "Excessive force against protesters", pick("excessive_force"), 0.8)
        if any(_MUTUAL_CLASH.search(h.text) for h in _in(hits, "clash")):
            # protesters clashing (with police, with rivals) turn a protest into a riot
            return Typing("Riots", "Violent demonstration", pick("clash"), 0.6)
        if has("intervention"):
            return Typing("Protests", "Protest with intervention", pick("intervention"), 0.75)
        return Typing("Protests", "Peaceful protest", pick("protest"), 0.85)
    if (
        has("intervention")
        and _GATHERING.search(text)
        and not any(
            has(g) for g in ("clash", "airstrike", "shelling", "ied", "suicide", "killed", "violent_demo")
        )
    ):
        # a crowd gathered and broken up by the police is a protest even without a protest word
        return Typing("Protests", "Protest with intervention", pick("intervention"), 0.55)
    if has("violent_demo") and any(h.text.startswith("riot") for h in _in(hits, "violent_demo")):
        if has("mob") and not _GRIEVANCE.search(text):
            # rioters attacking a community's people or places with no demand: mob violence
            return Typing("Riots", "Mob violence", pick("mob"), 0.7)
        return Typing("Riots", "Violent demonstration", pick("violent_demo"), 0.75)
    mob = _in(hits, "mob")
    if mob and has("clash") and all(h.text.startswith("vigilante") for h in mob):
        # vigilantes fighting off bandits or militants: an organised local force in a battle
        return Typing("Battles", "Armed clash", pick("clash"), 0.6)
    if (
        has("agreement")
        and any(_SURRENDER.search(h.text) for h in _in(hits, "agreement"))
        and not any(has(g) for g in _VIOLENCE_GROUPS)
    ):
        # fighters surrendering, handing over their rifles: an agreement (codebook), not a fight
        return Typing("Strategic developments", "Agreement", pick("agreement"), 0.7)
    if mob and all(h.text.startswith("supporters") for h in mob) and _CLASHED_WITH_FORCES.search(text):
        # a party's supporters clashing with the police (after their leader's arrest): a demonstration
        return Typing("Riots", "Violent demonstration", mob[0], 0.65)
    bombed = any(has(g) for g in _BOMB_GROUPS)
    if has("mob") and (
        # (vigilantes beside a bombing, a shelling or an air strike are its witnesses or victims: "a member of
        # the vigilante force said"; a mob does not bomb)
        any(_MOB_CROWD.search(h.text) and not (bombed and h.text.startswith("vigilante")) for h in mob)
        or not (has("perpetrator") or bombed)
    ):
        # (a place of worship stormed by gunmen, or attacked by suicide bombers, with no crowd named, is
        # an armed group's attack)
        return Typing("Riots", "Mob violence", pick("mob"), 0.7)
    if has("violent_demo") and _crowd_named(text, pick("violent_demo"), bombed):
        # a crowd burning, stoning or storming without protest words is still a violent demonstration
        return Typing("Riots", "Violent demonstration", pick("violent_demo"), 0.6)
    if has("crowd_size"):
        # ACLED notes tag crowd events with [size=…]; without protest words a violent crowd is a mob
        violent_groups = ("violent_demo", "clash", "vac_attack", "killed", "looting")
        violent = next((g for g in violent_groups if has(g)), None)
        if violent is not None:
            if _GRIEVANCE.search(text):
                return Typing("Riots", "Violent demonstration", pick(violent), 0.55)
            return Typing("Riots", "Mob violence", pick(violent), 0.6)
        return Typing("Protests", "Peaceful protest", pick("crowd_size"), 0.6)
    if has("chemical"):
        return Typing("Explosions/Remote violence", "Chemical weapon", pick("chemical"), 0.8)
    if has("suicide"):
        return Typing("Explosions/Remote violence", "Suicide bomb", pick("suicide"), 0.85)
    intercepts = [h for h in _in(hits, "disrupted") if _INTERCEPT.search(h.text)]
    if intercepts and (has("airstrike") or has("shelling")):
        # "aircraft struck a Hezbollah weapons depot": the strike is the event; a store is disrupted only
        # when it is found or seized
        intercepts = [h for h in intercepts if _SEIZURE.match(h.text) or not _STORE_END.search(h.text)]
    if (
        intercepts
        and has("arrests")
        and pick("arrests").start < intercepts[0].start
        and all(_SEIZURE.match(h.text) for h in intercepts)
    ):
        # "our forces arrested six members … and seized explosives from them": the state's arrests lead,
        # the weapons seized with the suspects come with them (a cache found first stays a seizure)
        arrest = pick("arrests")
        if _state_before(text, hits, arrest.start) or _OUR_FORCES.search(
            text, _sentence_start(text, arrest.start), arrest.start
        ):
            return Typing("Strategic developments", "Arrests", arrest, 0.7)
    if intercepts and not (has("clash") or has("killed")) and not _struck_first(text, hits, intercepts[0]):
        return Typing("Strategic developments", "Disrupted weapons use", intercepts[0], 0.75)
    remote = next((g for g in ("airstrike", "shelling", "ied", "grenade") if has(g)), None)
    if remote == "airstrike" and has("shelling") and _answered_later(text, pick("shelling"), pick(remote)):
        # "… shelled SDF positions, killing 3 fighters. The SDF responded with drones": the shelling is the
        # event, the other side's drones in a later sentence its answer
        remote = "shelling"
    if remote == "shelling" and all(_HEAVY_GUN.search(h.text) for h in _in(hits, "shelling")):
        spans = [h for hs in hits.values() for h in hs]
        lo, hi = min(h.start for h in spans), max(h.end for h in spans)
        if _AT_TARGET.search(text, lo, hi):
            remote = None  # heavy machine guns fired at a vehicle or at fighters: a ground engagement
    if has("control_gain") and has("transfer") and remote is None and not any(
        has(g) for g in ("clash", "ground_attack", "killed", "casualties", "injured")
    ):
        # "took control of the town after the troops withdrew (without a fight)": no fighting reported
        return Typing("Strategic developments", "Non-violent transfer of territory", pick("transfer"), 0.6)
    if (
        (has("ground_attack") or any(_INCURSION.match(h.text) for h in _in(hits, "control_gain")))
        and has("arrests")
        and remote is None
        and not any(has(g) for g in ("clash", "killed", "casualties", "injured", "sexual"))
        and all(_INCURSION.match(h.text) for h in _in(hits, "control_gain"))
    ):
        # "Israeli forces raided the Jenin camp, arresting 15 Palestinians", "advanced into the village and
        # arrested three young men": a raid or incursion with arrests and no fighting reported is the
        # state's arrests (an operation that takes fighters stays a battle)
        arrest = pick("arrests")
        if victim_kind(text, hits, arrest.start) != "armed" and _state_before(text, hits, arrest.start):
            return Typing("Strategic developments", "Arrests", arrest, 0.6)
    # control changing hands through fighting outranks the air and artillery fire that came with it
    if has("clash") or has("control_gain") or (has("ground_attack") and remote is None):
        trigger = pick("clash") if has("clash") else pick("ground_attack") if has("ground_attack") else None
        if has("control_gain"):
            gain = pick("control_gain")
            state = state_actor1
            if state is None:
                # the side that gains ground is named before the verb in news and ACLED notes
                state = _state_before(text, hits, gain.start)
            sub = "Government regains territory" if state else "Non-state actor overtakes territory"
            return Typing("Battles", sub, gain, 0.7)
        assert trigger is not None
        mutual = any(_MUTUAL.search(h.text) for h in _in(hits, "clash"))
        # (the harm told before the raid word counts too: "shot dead a farmer … during an incursion")
        harmed = min([trigger.start] + [h.start for g in ("vac_attack", "killed") for h in _in(hits, g)])
        if not mutual and victim_kind(text, hits, harmed) == "civilian":
            # an ambush or raid on unarmed people is violence against civilians, not a battle
            return Typing("Violence against civilians", "Attack", trigger, 0.6)
        return Typing("Battles", "Armed clash", trigger, 0.8 if has("clash") else 0.65)
    if remote is not None:
        sub = {
            "airstrike": "Air/drone strike",
            "shelling": "Shelling/artillery/missile attack",
            "ied": "Remote explosive/landmine/IED",
            "grenade": "Grenade",
        }[remote]
        # "explosion"/"detonated" alone is weak evidence of an IED next to a named weapon
        return Typing("Explosions/Remote violence", sub, pick(remote), 0.8)
    if has("sexual"):
        return Typing("Violence against civilians", "Sexual violence", pick("sexual"), 0.75)
    if has("abduction"):
        # an abduction is people taken with no further violence (codebook); killings in the same
        # event make it an Attack
        if has("killed") and has("vac_attack") and not has("no_fatalities"):
            return Typing("Violence against civilians", "Attack", pick("vac_attack"), 0.65)
        return Typing("Violence against civilians", "Abduction/forced disappearance", pick("abduction"), 0.75)
    if (
        has("vac_attack")
        and has("looting")
        and all(_RAID_ONLY.match(h.text) for h in _in(hits, "vac_attack"))
        and not (has("killed") or has("injured") or (has("casualties") and not has("no_fatalities")))
    ):
        # "troops raided a village and torched 150 houses after the villagers had fled; no casualties": the
        # property is what was harmed (codebook: looting/property destruction when no one is hurt)
        return Typing("Strategic developments", "Looting/property destruction", pick("looting"), 0.6)
    if has("vac_attack"):
        victims = victim_kind(text, hits, min(h.start for hs in hits.values() for h in hs))
        if victims == "armed":
            return Typing("Battles", "Armed clash", pick("vac_attack"), 0.6)
        if victims == "civilian" or has("perpetrator") or has("killed"):
            return Typing("Violence against civilians", "Attack", pick("vac_attack"), 0.65)
    if has("agreement"):
        return Typing("Strategic developments", "Agreement", pick("agreement"), 0.75)
    if has("arrests") and not (has("looting") and pick("looting").start < pick("arrests").start):
        # (a seizure reported before the arrests that came with it is the event: property first)
        arrest = pick("arrests")
        if _state_before(text, hits, arrest.start):
            return Typing("Strategic developments", "Arrests", arrest, 0.7)
        # a non-state group "arresting" people: fighters of another group make it a clash,
        # anyone else an abduction (codebook §2)
        if victim_kind(text, hits, arrest.start) == "armed":
            return Typing("Battles", "Armed clash", arrest, 0.5)
        if has("perpetrator") or has("armed"):
            return Typing("Violence against civilians", "Abduction/forced disappearance", arrest, 0.5)
        return Typing("Strategic developments", "Arrests", arrest, 0.5)
    if has("looting"):
        return Typing("Strategic developments", "Looting/property destruction", pick("looting"), 0.7)
    if has("transfer"):
        return Typing("Strategic developments", "Non-violent transfer of territory", pick("transfer"), 0.6)
    if has("hq"):
        return Typing("Strategic developments", "Headquarters or base established", pick("hq"), 0.6)
    if intercepts:
        return Typing("Strategic developments", "Disrupted weapons use", intercepts[0], 0.6)
    if has("change_group"):
        return Typing("Strategic developments", "Change to group/activity", pick("change_group"), 0.5)
    if has("vac_attack"):
        return Typing("Violence against civilians", "Attack", pick("vac_attack"), 0.4)
    return None


# territory changes by the gaining side's actor type (True: the state's own forces)
_TERRITORY: Final = {True: "Government regains territory", False: "Non-state actor overtakes territory"}


def territory_by_gainer(event: Event) -> bool:
    """Set a territory change's sub-event type by who gained ground, actor1 (the codebook's split):
    the state's own forces (inter 1) regain territory; rebels, militias and foreign armies (inter 8)
    overtake it. Returns whether the type changed (the caller then rewrites the notes)."""
    if event.sub_event_type not in _TERRITORY.values() or not event.actor1 or event.inter1 is None:
        return False
    sub = _TERRITORY[event.inter1 == 1]
    if sub == event.sub_event_type:
        return False
    event.sub_event_type = sub
    return True


def arrests_by_state(
    event: Event,
    trigger: Hit,
    text: str,
    evidence: list[Evidence],
    hits: dict[str, list[Hit]] | None = None,
) -> bool:
    """An arrest the words could not tie to the state ("the Taliban arrested a former army officer"), typed
    as a clash or an abduction, is an arrest once actor1 turns out to be state forces (inter 1): the
    codebook's Arrests. So is a raid with arrests and no harm reported ("Taliban fighters raided a house
    and arrested …"; ``hits``: the event's). Returns whether the type changed."""
    if (
        trigger.group in ("ground_attack", "vac_attack")
        and hits
        and hits.get("arrests")
        and not any(hits.get(g) for g in ("killed", "injured", "casualties", "clash", "sexual"))
        and victim_kind(text, hits, hits["arrests"][0].start) != "armed"
    ):
        trigger = hits["arrests"][0]
    if trigger.group != "arrests" or event.inter1 != 1 or event.sub_event_type == "Arrests":
        return False
    if event.event_type not in ("Battles", "Violence against civilians"):
        return False
    # the state forces must be the ones who arrest: named before the verb, in its sentence
    subject = next((e for e in evidence if e.field == "actor1"), None)
    if subject is None or subject.end > trigger.start or ". " in text[subject.end : trigger.start]:
        return False
    event.event_type, event.sub_event_type = "Strategic developments", "Arrests"
    event.disorder_type = DISORDER[event.event_type]
    return True
