"""Claims and sources: who says what about an event, through which outlet, and for which side.

``find_claims(doc, span, mentions=...)`` reads the event's sentence(s) for attributions ("the
Syrian Defense Ministry said", "according to HTS sources", "Syrian state media SANA reported",
"activists said") and returns ``Claim`` records with the claimant, the outlet (``via``), the side
the claimant speaks for, whether that side is in the fight (``partisan``), a short quote and the
claimant's own death figure. ``source_fields(doc, claims)`` fills ACLED's ``source`` and
``source_scale`` columns. Outlets and known claimants are data: ``data/outlets.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar, Final

from ..errors import ConfigError
from ..nlp.lexcache import PatternCache
from ..nlp.values import FrozenValueRecord, ValueRecord
from ..records import ActorMention, Claim, Document, Evidence
from .actor_dictionary import ActorDictionary

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

if TYPE_CHECKING:
    from .actors import ActorRoles

__all__ = ["Outlet", "OutletDirectory", "find_claims", "load_outlet_data", "source_fields"]

_SCALES: Final = (
    "Local partner",
    "New media",
    "Local",
    "Subnational",
    "National",
    "Regional",
    "International",
    "Other",
)
_OUTLET_KEYS: Final = {"name", "aliases", "scale", "kind", "country", "affiliation", "side"}


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Outlet(FrozenValueRecord):
    """A news outlet or other source, with ACLED's source_scale and its affiliation."""

    name: str
    scale: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    country: str | None = None
    affiliation: str | None = None
    side: str | None = None  # the actor the outlet speaks for, when it is partisan

    def __init__(
        self,
        name: str,
        scale: str,
        aliases: tuple[str, ...] = (),
        kind: str | None = None,
        country: str | None = None,
        affiliation: str | None = None,
        side: str | None = None,
    ) -> None:
        # written out, as the dataclass's would be (nlp.values)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "scale", scale)
        object.__setattr__(self, "aliases", aliases)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "affiliation", affiliation)
        object.__setattr__(self, "side", side)


@dataclass(slots=True, init=False, repr=False, eq=False)
class _Claimant(ValueRecord):
    name: str
    side: str | None = None
    kind: str | None = None

    def __init__(self, name: str, side: str | None = None, kind: str | None = None) -> None:
        self.name = name
        self.side = side
        self.kind = kind


def load_outlet_data(text: str | None = None) -> dict[str, Any]:
    """Parse and schema-check outlets.yaml (the packaged file unless ``text`` is given)."""
    import yaml

    if text is None:
        text = resources.files("eventdesk").joinpath("data/outlets.yaml").read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ConfigError(f"outlets.yaml: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise ConfigError("outlets.yaml: top level: needs a string 'version'")
    scales = data.get("scales") or list(_SCALES)
    names: set[str] = set()
    for i, spec in enumerate(data.get("outlets") or []):
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise ConfigError(f"outlets.yaml: outlets[{i}]: needs a name")
        where = f"outlets.yaml: outlet {spec['name']!r}"
        unknown = set(spec) - _OUTLET_KEYS
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        if spec.get("scale") not in scales:
            raise ConfigError(f"{where}: scale must be one of {', '.join(scales)}, got {spec.get('scale')!r}")
        if spec["name"] in names:
            raise ConfigError(f"{where}: duplicate name")
        names.add(spec["name"])
        aliases = spec.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise ConfigError(f"{where}: aliases must be a list of strings")
    for i, spec in enumerate(data.get("claimants") or []):
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise ConfigError(f"outlets.yaml: claimants[{i}]: needs a name")
    return data


def _packaged_outlet_data() -> dict[str, Any]:
    """The packaged outlets.yaml, parsed and checked; from the start-up cache (nlp.lexcache) after
    the first run, keyed by the file's text."""
    from ..nlp.lexcache import cached, source_of

    text = resources.files("eventdesk").joinpath("data/outlets.yaml").read_text(encoding="utf-8")
    return cached("outlets", (text, source_of(__file__)), lambda: load_outlet_data(text))


class OutletDirectory:
    """Outlets and known claimants, with a compiled matcher over their aliases."""

    _default: ClassVar[OutletDirectory | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.version: str = data["version"]
        self.scales: tuple[str, ...] = tuple(data.get("scales") or _SCALES)
        self.outlets: dict[str, Outlet] = {}
        self._by_alias: dict[str, Outlet] = {}
        self._cs_alias: dict[str, Outlet] = {}
        for spec in data.get("outlets") or []:
            outlet = Outlet(
                name=spec["name"],
                scale=spec["scale"],
                aliases=tuple(spec.get("aliases") or ()),
                kind=spec.get("kind"),
                country=spec.get("country"),
                affiliation=spec.get("affiliation"),
                side=spec.get("side"),
            )
            self.outlets[outlet.name] = outlet
            for alias in (outlet.name, *outlet.aliases):
                if _acronym(alias):
                    self._cs_alias.setdefault(alias, outlet)
                else:
                    self._by_alias.setdefault(alias.lower(), outlet)
        self.claimants: dict[str, _Claimant] = {}
        self._claimant_alias: dict[str, _Claimant] = {}
        for spec in data.get("claimants") or []:
            claimant = _Claimant(spec["name"], spec.get("side"), spec.get("kind"))
            self.claimants[claimant.name] = claimant
            for alias in (claimant.name, *(spec.get("aliases") or ())):
                self._claimant_alias.setdefault(alias.lower(), claimant)
        # outlets are matched token by token (one dict lookup per word), like actors
        self._keys: dict[str, Outlet] = {}
        self._cs_keys: dict[str, Outlet] = {}
        for alias, outlet in self._by_alias.items():
            self._keys.setdefault(_key(alias.lower()), outlet)
        for alias, outlet in self._cs_alias.items():
            self._cs_keys.setdefault(_key(alias), outlet)
        self._lengths = _first_lengths(self._keys)
        self._cs_lengths = _first_lengths(self._cs_keys)
        self._claimant_regex = _alternation(self._claimant_alias, re.IGNORECASE)

    @classmethod
    def default(cls) -> OutletDirectory:
        """The packaged outlet list, loaded once per process."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls(_packaged_outlet_data())
        return cls._default

    def lookup(self, name: str | None) -> Outlet | None:
        """An outlet by name or alias ("Syrian Arab News Agency" → SANA)."""
        if not name:
            return None
        name = name.strip()
        return (
            self.outlets.get(name)
            or self._cs_alias.get(name)
            or self._by_alias.get(name.lower())
            or (self._find_in(name))
        )

    def _find_in(self, text: str) -> Outlet | None:
        found = self.outlets_in(text)
        return found[0][2] if found else None

    def outlets_in(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Outlet]]:
        """(start, end, outlet) for every outlet named in ``text[start:end]``."""
        end = len(text) if end is None else end
        words = _words(text, start, end)
        low = [w[2].lower() for w in words]
        out: list[tuple[int, int, Outlet]] = []
        i, count = 0, len(words)
        while i < count:
            found: tuple[int, Outlet] | None = None
            for n in self._cs_lengths.get(words[i][2], ()):
                outlet = (
                    self._cs_keys.get(" ".join(w[2] for w in words[i : i + n])) if i + n <= count else None
                )
                if outlet is not None:
                    found = (n, outlet)
                    break
            for n in self._lengths.get(low[i], ()):
                if found is not None and n <= found[0]:
                    break
                outlet = self._keys.get(" ".join(low[i : i + n])) if i + n <= count else None
                if outlet is not None:
                    found = (n, outlet)
                    break
            if found is None:
                i += 1
                continue
            n, outlet = found
            out.append((words[i][0], words[i + n - 1][1], outlet))
            i += n
        return out

    def claimant_in(self, text: str) -> _Claimant | None:
        if self._claimant_regex is None:
            return None
        m = self._claimant_regex.search(text)
        return self._claimant_alias[m.group().lower()] if m else None


_WORD: Final = _rx(r"[^\W_]+(?:['’][^\W_]+)*|[()/.&]")
# bytes: ASCII letters and digits and the one-character words of _WORD kept, every other byte a space
_WORD_BYTES: Final = bytes(
    c if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "()/.&") else 32 for c in range(256)
)


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``[(m.start(), m.end(), m.group() without apostrophes) for m in _WORD.finditer(text, start, end)]``.
    In ASCII text without an apostrophe, a word is a run of letters and digits or one of "()/.&": the span,
    as bytes with every other character made a space, is split in C, a piece of letters and digits is one
    word, and only a piece that also holds one of "()/.&" goes through the pattern (no match object and
    three method calls per word)."""
    if not text.isascii() or text.find("'", start, end) >= 0:
        return [
            (m.start(), m.end(), m.group().replace("'", "").replace("’", ""))
            for m in _WORD.finditer(text, start, end)
        ]
    words: list[tuple[int, int, str]] = []
    offset = start
    for piece in text[start:end].encode("ascii").translate(_WORD_BYTES).split(b" "):
        size = len(piece)
        if size:
            if piece.isalnum():
                words.append((offset, offset + size, text[offset : offset + size]))
            else:
                for m in _WORD.finditer(text, offset, offset + size):
                    words.append((m.start(), m.end(), m.group()))
        offset += size + 1
    return words


def _key(alias: str) -> str:
    return " ".join(m.group().replace("'", "").replace("’", "") for m in _WORD.finditer(alias))


def _first_lengths(keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in keys:
        parts = key.split(" ")
        lengths.setdefault(parts[0], set()).add(len(parts))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}


def _acronym(alias: str) -> bool:
    """Acronyms and one-word names ("Dawn", "Punch") must match as written."""
    return " " not in alias.strip()


def _alternation(aliases: Iterable[str], flags: int) -> re.Pattern[str] | None:
    words = sorted(set(aliases), key=lambda w: (-len(w), w))
    if not words:
        return None
    body = "|".join(re.escape(w) for w in words)
    return _rx(rf"(?<![\w])(?:{body})(?![\w])", flags)  # compiled once, then from the start-up cache


# --- finding claims ---------------------------------------------------------------------------------

_VERBS: Final = (
    r"(?:said|says|reported|reports|claimed|claims|announced|announces|stated|states|confirmed|confirms|"
    r"added|noted|denied|denies|alleged|alleges|accused|accuses|published|posted|tweeted|wrote|"
    r"documented|recorded|told|declared|indicated|revealed)"
)
_VERB_WORDS: Final = frozenset(re.findall(r"[a-z]+", _VERBS))
_PASSIVE: Final = frozenset({"was", "were", "been", "be", "is", "are", "being"})
# words are the runs of a-z in lower-cased text: as bytes, every other character made a space, then split
# (in C, without a regex pass and a string object per match)
_NOT_A_TO_Z: Final = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_VERB_BYTES: Final = frozenset(w.encode() for w in _VERB_WORDS)
_PASSIVE_BYTES: Final = frozenset(w.encode() for w in _PASSIVE)
_ATTRIBUTION_WORDS: Final = _VERB_BYTES | {b"according"}
# what every _SAID match ends with: a reporting verb after a space (a fast pre-check per sentence)
_SPACE_VERB: Final = _rx(rf"\s{_VERBS}\b")
# per-call patterns, compiled once
_LEAD_CONJUNCTION: Final = _rx(r"^(?:that|and|but|while|as|when)\s+", re.IGNORECASE)
_TRAILING_ADVERB: Final = _rx(r"\s+(?:in\s+a\s+statement|on\s+\w+|also|later|then)$", re.IGNORECASE)
_LEAD_ARTICLE: Final = _rx(r"^(?:the|a|an)\s+", re.IGNORECASE)
_ATTRIBUTION: Final = _rx(rf"\b{_VERBS}\b|according\s+to", re.IGNORECASE)
_PRONOUN: Final = _rx(r"(?:it|he|she|they|this|that|which|who)", re.IGNORECASE)
# (precompiled: a module-level re.search goes through re's interpreted cache)
_OFFICIAL_WORD: Final = _rx(r"\b(?:ministry|army|military|command|spokes\w*|source)\b", re.IGNORECASE)
_ERA_TAIL: Final = _rx(r"\s*\(\d{4}-(?:\d{4})?\).*$")


def _has_attribution(text: str) -> bool:
    """A reporting verb that is not passive ("were reported") or "according to" (fast pre-check)."""
    # the runs of a-z of the lower-cased text (a character outside ASCII becomes "?", a space after)
    words = text.lower().encode("ascii", "replace").translate(_NOT_A_TO_Z).split()
    if _ATTRIBUTION_WORDS.isdisjoint(words):
        return False  # (no reporting verb and no "according": the loop below finds nothing)
    for index, word in enumerate(words):
        if word in _VERB_BYTES and (index == 0 or words[index - 1] not in _PASSIVE_BYTES):
            return True
        if word == b"according" and words[index + 1 : index + 2] == [b"to"]:
            return True
    return False


# a character no _SAID match has outside its parenthesis ("Reuters (AFP) said"), and the last of them
# before the first reporting verb of a sentence: where the scan for claimants may begin (_said_from)
_OUTSIDE_SAID: Final = _rx(r".*[^\w\s’'.\-]", re.DOTALL)


def _said_from(sentence: str, verb: int, pos: int = 0) -> int:
    """Where ``_SAID.finditer(sentence, pos)`` can find its first match: after the last character before
    the first reporting verb from ``pos`` (at ``verb``, the space before it) that no match has outside a
    parenthesis. A match contains a verb, hence the text from where it begins to the first verb; without
    a "(" in that text nothing there is in a parenthesis. Only a shortcut (the same matches)."""
    if "(" in sentence[pos:verb]:
        return pos
    m = _OUTSIDE_SAID.match(sentence, pos, verb)
    return pos if m is None else m.end()


def _said_matches(sentence: str, verb: re.Match[str]) -> list[re.Match[str]]:
    """``list(_SAID.finditer(sentence))``, given the first reporting verb (``_SPACE_VERB``): each search
    begins at ``_said_from``, and none runs where no verb follows (every match ends with one)."""
    found: list[re.Match[str]] = []
    # every match ends with a reporting verb, at most at the last one: the scan stops one character
    # after it (the one its \b reads), so no start after it is tried (where the name-word loop, with
    # no verb to reach, can backtrack for milliseconds)
    last = verb
    while True:
        after = _SPACE_VERB.search(sentence, last.end())
        if after is None:
            break
        last = after
    stop = last.end() + 1
    pos = 0
    next_verb: re.Match[str] | None = verb
    while next_verb is not None:
        m = _SAID.search(sentence, _said_from(sentence, next_verb.start(), pos), stop)
        if m is None:
            break
        found.append(m)
        pos = m.end()
        next_verb = _SPACE_VERB.search(sentence, pos)
    return found


_SENTENCE: Final = _rx(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)")
_ACCORDING: Final = _rx(
    r"\baccording\s+to\s+(?P<who>[^,.;:\"“”()]{2,90}?)(?=\s*(?:[,.;:)\"“”]|$|\bwho\b|\bwhich\b))",
    re.IGNORECASE,
)
# a word of a name: capitalised, or an Arabic article joined to one ("al-Sham", "ad-Din")
_NAME_WORD: Final = r"(?:[A-Z][\w’'\-]*|(?:al|el|ad|ar|as|ash|at|az|an|ed|ez|es)-[A-Z][\w’'\-]*)"
_SAID: Final = _rx(
    rf"(?P<who>(?:(?:the|a|an|its|their|local|several|some)\s+)?"
    rf"(?:{_NAME_WORD}\.?\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){{0,7}}"
    rf"(?:(?:defen[cs]e|interior|foreign|state|military|war|health|security|media|news|press|information)\s+){{0,2}}"
    rf"(?:{_NAME_WORD}|activists?|sources?|residents?|monitors?|witnesses|officials?|spokes(?:man|woman|person)|"
    rf"ministry|army|military|media|agency|observatory|group|militants|commander|statement|police|correspondents?|"
    rf"reporters?|volunteers|journalists?|doctors|medics|paramedics|wing|office)"
    # "Hayat Tahrir al-Sham's military wing", "the group's media office"
    rf"(?:['’]s\s+(?:[a-z]+\s+){{0,2}}(?:wing|office|spokes(?:man|woman|person)|command|arm|channel|agency|"
    rf"leadership|department|room|sources?|officials?|statement))?)"
    rf"(?:\s+\([^)]{{1,30}}\))?(?:\s+(?:has|have|had|also|later|then))?\s+{_VERBS}\b"
)
_SAID_AFTER: Final = _rx(rf"(?:,|\"|”)\s*{_VERBS}\s+(?P<who>(?:the\s+|a\s+)?[^,.;\"“”]{{2,60}}?)(?=[,.;]|$)")
_GENERIC_CLAIMANTS: Final = _rx(
    r"^(?:(?:local|several|some|informed|military|security|medical|field|opposition|government|official|"
    r"tribal|media|humanitarian|hospital|\w+n|\w+i|\w+ish)\s+)*(?:activists?|sources?|residents?|witnesses|"
    r"officials?|monitors?|media(?:\s+outlets)?|news\s+outlets|reports|correspondents?|journalists?)$",
    re.IGNORECASE,
)
_OUTLET_INTRO: Final = _rx(
    r"(?:state\s+(?:media|news\s+agency|television|TV)|news\s+agency|media\s+outlet|outlet|"
    r"channel|broadcaster|newspaper|website|television|TV)\s*$",
    re.IGNORECASE,
)
_DEFENSE_MINISTRY: Final = _rx(r"^(?:the\s+)?(\w+)\s+(?:Defen[cs]e|Interior)\s+Ministry$", re.IGNORECASE)
_NUMBER_WORDS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a hundred": 100,
    "hundred": 100,
}
# a count, not a year ("On 5 June 2022, the army said it killed …" counts no 2,022 dead)
_NUM: Final = r"((?!(?:19|20)\d\d\b)\d[\d,]*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_KILLED: Final = _rx(
    rf"\b(?:killing|killed|kills|left|leaving|claimed\s+the\s+lives\s+of)\s+(?:at\s+least\s+|more\s+than\s+|"
    rf"about\s+|around\s+|some\s+|nearly\s+|over\s+)?{_NUM}\b"
    # not a casualty total ("left 15 killed and wounded", "leaving 15 wounded"); "killed 5 soldiers and
    # wounded 7 others" counts 5 dead
    rf"(?![\w\s]{{0,30}}?\b(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured))"
    rf"(?!\s+(?:people\s+|persons\s+)?(?:wounded|injured|injuries|casualties))|\b(?:at\s+least\s+|more\s+than\s+|about\s+|around\s+|some\s+|nearly\s+|over\s+)?{_NUM}"
    rf"\s+(?:[\w-]+\s+){{0,4}}(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?:killed|dead|died|deaths|"
    rf"fatalities)\b(?!\s+(?:and|or)\s+(?:wounded|injured))",
    re.IGNORECASE,
)


@dataclass(slots=True, init=False, repr=False, eq=False)
class _Found(ValueRecord):
    claimant: str
    start: int
    end: int
    sentence: tuple[int, int]
    side: str | None = None
    via: str | None = None
    via_span: tuple[int, int] | None = None
    extra: list[Evidence] = field(default_factory=list)

    def __init__(
        self,
        claimant: str,
        start: int,
        end: int,
        sentence: tuple[int, int],
        side: str | None = None,
        via: str | None = None,
        via_span: tuple[int, int] | None = None,
        extra: list[Evidence] | None = None,
    ) -> None:
        # written out, as the dataclass's would be (nlp.values)
        self.claimant = claimant
        self.start = start
        self.end = end
        self.sentence = sentence
        self.side = side
        self.via = via
        self.via_span = via_span
        self.extra = [] if extra is None else extra


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for m in _SENTENCE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            spans.append((s, e))
    return spans


def _clean_who(who: str) -> str:
    who = _LEAD_CONJUNCTION.sub("", who.strip())
    who = _TRAILING_ADVERB.sub("", who)
    return who.strip(" ,;:\"“”'’")


_ANAPHOR: Final = _rx(
    r"^(?:the|this|that)\s+(ministry|army|military|group|observatory|monitor|movement|"
    r"organi[sz]ation|agency|command|spokes(?:man|woman|person)|statement|militants|"
    r"forces|coalition|faction)$",
    re.IGNORECASE,
)


def _antecedent(text: str, before: int, anaphor: str) -> str | None:
    """ "the ministry" → the last capitalised phrase before it with that head ("Syrian Defense Ministry")."""
    head = _ANAPHOR.match(anaphor)
    if head is None:
        return None
    noun = head.group(1)
    lo = max(0, before - 3000)
    if not re.compile(re.escape(noun), re.IGNORECASE).search(text, lo, before):
        return None  # every phrase the pattern finds contains the noun: skip the slow scan
    pattern = re.compile(
        rf"((?:[A-Z][\w’'\-]*[ \t]+){{1,5}}{noun}|{noun}[ \t]+of[ \t]+(?:[A-Z][\w’'\-]*[ \t]*){{1,4}})",
        re.IGNORECASE,
    )
    last = None
    for m in pattern.finditer(text, lo, before):
        phrase = m.group(1).strip()
        if phrase[0].isupper() and phrase.lower() != anaphor.lower():
            last = phrase
    return last


def _normalise_claimant(who: str) -> str:
    """ "The Syrian Defense Ministry" → "Syrian Ministry of Defense"; drop leading articles."""
    who = _LEAD_ARTICLE.sub("", who)
    m = _DEFENSE_MINISTRY.match(who)
    if m:
        body = "Interior" if "interior" in who.lower() else "Defense"
        return f"{m.group(1)} Ministry of {body}"
    return who


def find_claims(
    doc: Document,
    span: tuple[int, int],
    *,
    mentions: list[ActorMention] | None,
    roles: ActorRoles | None = None,
    on: dt.date | None = None,
    outlets: OutletDirectory | None = None,
    dictionary: ActorDictionary | None = None,
) -> list[Claim]:
    """The claims made about the event in ``span`` (its sentence(s), or the next one when empty)."""
    outlets = outlets or OutletDirectory.default()
    dictionary = dictionary or ActorDictionary.default()
    text = doc.text
    start, end = span
    on = on or doc.reference_date
    claims = _claims_in(doc, text, start, end, mentions, roles, on, outlets, dictionary)
    if not claims:
        # "The ministry said in a statement: …" often follows the event sentence
        following = _sentences(text, end, min(len(text), end + 600))[:1]
        for s, e in following:
            if _ATTRIBUTION.search(text[s:e]):
                claims = _claims_in(doc, text, s, e, mentions, roles, on, outlets, dictionary)
    return claims


def _claims_in(
    doc: Document,
    text: str,
    start: int,
    end: int,
    mentions: list[ActorMention] | None,
    roles: ActorRoles | None,
    on: dt.date | None,
    outlets: OutletDirectory,
    dictionary: ActorDictionary,
) -> list[Claim]:
    found: list[_Found] = []
    if not _has_attribution(text[start:end]):
        return []
    for s, e in _sentences(text, start, end):
        sentence = text[s:e]
        # (IGNORECASE folds no other character to the letters of "accord": a cheap exact pre-check)
        for m in _ACCORDING.finditer(sentence) if "accord" in sentence.lower() else ():
            who = _clean_who(m.group("who"))
            if who:
                found.append(_Found(who, s + m.start("who"), s + m.start("who") + len(who), (s, e)))
        verb = _SPACE_VERB.search(sentence)
        for m in _said_matches(sentence, verb) if verb is not None else ():
            who = _clean_who(m.group("who"))
            if who and not _PRONOUN.fullmatch(who):
                offset = s + m.start("who") + m.group("who").find(who)
                found.append(_Found(who, offset, offset + len(who), (s, e)))
        for m in _SAID_AFTER.finditer(sentence):
            who = _clean_who(m.group("who"))
            if who:
                offset = s + m.start("who") + m.group("who").find(who)
                found.append(_Found(who, offset, offset + len(who), (s, e)))
    # one claim per claimant phrase; drop phrases inside another
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    unique: list[_Found] = []
    for item in found:
        if unique and item.start < unique[-1].end:
            continue
        unique.append(item)
    claims: list[Claim] = []
    if not unique:
        return claims
    outlet_hits = outlets.outlets_in(text, start, end)  # (only read for a claimant found)
    in_fight = _fighting_sides(roles, mentions, start, end)
    for item in unique:
        claimant_text = text[item.start : item.end]
        outlet_here = [h for h in outlet_hits if h[0] >= item.start and h[1] <= item.end]
        outlet_near = [h for h in outlet_hits if item.sentence[0] <= h[0] < item.sentence[1]]
        claimant_outlet = None
        if outlet_here and len({h[2].name for h in outlet_here}) == 1:
            covered = sum(h[1] - h[0] for h in outlet_here)
            last = outlet_here[-1]
            if covered >= len(claimant_text.strip()) - 4 or _OUTLET_INTRO.search(text[item.start : last[0]]):
                # "Syrian state media SANA reported": the outlet speaks
                claimant_outlet = last[2]
        known = outlets.claimant_in(claimant_text)
        via: str | None
        via_span: tuple[int, int] | None
        if claimant_outlet is not None:
            # "Syrian state media SANA reported": the outlet is the source, the claimant is the outlet
            name, via = claimant_outlet.name, claimant_outlet.name
            side = claimant_outlet.side
            via_span = (outlet_here[-1][0], outlet_here[-1][1])
        else:
            if known is None and _ANAPHOR.match(claimant_text):
                antecedent = _antecedent(text, item.start, claimant_text)
                if antecedent is not None:
                    claimant_text = antecedent
            name = known.name if known else _normalise_claimant(claimant_text)
            side = known.side if known else None
            other = [h for h in outlet_near if not (item.start <= h[0] < item.end)]
            via = other[0][2].name if other else None
            via_span = (other[0][0], other[0][1]) if other else None
            if via is None and doc.publisher:
                publisher = outlets.lookup(doc.publisher)
                via = publisher.name if publisher else None
        if side is None:
            actors = dictionary.find(claimant_text, on=on)
            named = [a for a in actors if not a.generic] or [a for a in actors if a.inter == 1]
            if named:
                side = named[0].canonical
        if (
            side is None
            and via is not None
            and _OFFICIAL_WORD.search(claimant_text)
        ):
            outlet = outlets.lookup(via)
            side = outlet.side if outlet else None
        if side is not None:
            side = _canonical_side(dictionary, side, on)
        if side is not None and not _same_side(side, in_fight):
            # "the Ministry of Defense" gives "Military Forces of X": the country's forces in the fight
            side = _placed_side(dictionary, side, in_fight, on) or side
        partisan = side is not None and _same_side(side, in_fight)
        if _GENERIC_CLAIMANTS.match(name) and side is None:
            partisan = False
        sentence = text[item.sentence[0] : item.sentence[1]].strip()
        claim_text = sentence if len(sentence) <= 300 else sentence[:297].rsplit(" ", 1)[0] + "…"
        evidence = [Evidence("claimant", doc.id, item.start, item.end, text[item.start : item.end])]
        if via_span is not None:
            evidence.append(
                Evidence("via", doc.id, via_span[0], via_span[1], text[via_span[0] : via_span[1]])
            )
        qs = item.sentence[0]
        evidence.append(
            Evidence(
                "claim",
                doc.id,
                qs,
                qs + len(claim_text.rstrip("…")),
                text[qs : qs + len(claim_text.rstrip("…"))],
            )
        )
        claims.append(
            Claim(
                claimant=name,
                via=via,
                partisan=partisan,
                side=side,
                claim=claim_text,
                fatalities=_claimed_deaths(sentence),
                document_id=doc.id,
                evidence=evidence,
            )
        )
    return _merge_same_source(claims)


def _merge_same_source(claims: list[Claim]) -> list[Claim]:
    """One claim per claimant; "SANA reported that the ministry said" is the ministry's claim via SANA."""
    out: list[Claim] = []
    by_name: dict[str, Claim] = {}
    for claim in claims:
        if claim.claimant == claim.via and any(
            other.via == claim.via and other.claimant != claim.claimant for other in claims
        ):
            continue
        first = by_name.get(claim.claimant)
        if first is None:
            by_name[claim.claimant] = claim
            out.append(claim)
            continue
        first.via = first.via or claim.via
        first.side = first.side or claim.side
        first.partisan = first.partisan or claim.partisan
        if first.fatalities is None:
            first.fatalities = claim.fatalities
        first.evidence.extend(claim.evidence)
    return out


def _canonical_side(dictionary: ActorDictionary, side: str, on: dt.date | None) -> str:
    entry = dictionary.lookup(side)
    if entry is not None and entry.kind in ("military", "police") and entry.country:
        return dictionary.state_forces(entry.kind, entry.country, on) + (
            f" {entry.unit}" if entry.unit else ""
        )
    if entry is not None and entry.kind == "named":
        return entry.canonical(on)
    return side


def _base(name: str) -> str:
    """ "Military Forces of Syria (2000-) Republican Guard" → "Military Forces of Syria"."""
    return _ERA_TAIL.sub("", name)


def _fighting_sides(
    roles: ActorRoles | None, mentions: list[ActorMention] | None, start: int, end: int
) -> set[str]:
    names: set[str] = set()
    if roles is not None:
        for value in (roles.actor1, roles.actor2, roles.assoc_actor_1, roles.assoc_actor_2):
            if value:
                names.update(value.split("; "))
    elif mentions:
        names.update(m.canonical for m in mentions if start <= m.start < end and m.inter not in (6, 7))
    return {_base(n) for n in names}


_PLACEHOLDER: Final = _rx(r"^(?P<head>.+?)(?: of X| \(X\))$")


def _placed_side(dictionary: ActorDictionary, side: str, sides: set[str], on: dt.date | None) -> str | None:
    """The fighting side a country-less generic side stands for ("Military Forces of X" in a fight of
    the Military Forces of Syria), when exactly one side has its head."""
    m = _PLACEHOLDER.match(side)
    if m is None:
        return None
    head = m.group("head")
    found = {s for s in sides if s.startswith((f"{head} of ", f"{head} ("))}
    return _canonical_side(dictionary, found.pop(), on) if len(found) == 1 else None


def _same_side(side: str, sides: set[str]) -> bool:
    return _base(side) in sides


def _claimed_deaths(sentence: str) -> int | None:
    """The dead a claim counts: "killed 2 commanders and 7 fighters" is 9 (the counts joined to the
    first add up, as in the event's own count), "killing 4" is 4."""
    m = _KILLED.search(sentence)
    if not m:
        return None
    nums = [g for g in m.groups() if g]
    if not nums:
        return None
    total = _number(nums[0])
    if total is None:
        return None
    pos = m.end()
    while (more := _AND_COUNT.match(sentence, pos)) is not None:
        n = _number(more.group(1))
        if n is None or _HURT_AFTER.match(sentence, more.end()):
            break
        total += n
        pos = more.end()
    return total


def _number(raw: str) -> int | None:
    raw = raw.lower().replace(",", "")
    return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)


# "… killed 2 HTS commanders and 7 fighters": a further count joined to the one before it
_AND_COUNT: Final = _rx(
    rf"(?:\s+[\w'-]+){{0,4}}?(?:\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+)(?:at\s+least\s+)?{_NUM}\b"
    r"(?!\s+of\s+(?:them|whom|the)\b)",  # "4 militants, 3 of them foreigners": part of the 4
    re.IGNORECASE,
)
_HURT_AFTER: Final = _rx(r"[\w\s-]{0,30}?\b(?:wounded|injured|injuries|hurt)\b", re.IGNORECASE)


# --- ACLED source columns ---------------------------------------------------------------------------


def source_fields(
    doc: Document, claims: Iterable[Claim], *, outlets: OutletDirectory | None = None
) -> tuple[str | None, str | None]:
    """ACLED ``source`` ("SANA; SOHR") and ``source_scale`` ("National-Other") for an event."""
    outlets = outlets or OutletDirectory.default()
    names: list[str] = []
    scales: list[str] = []

    def add(name: str | None) -> None:
        if not name:
            return
        outlet = outlets.lookup(name)
        label = outlet.name if outlet else name
        if label not in names:
            names.append(label)
            if outlet is not None and outlet.scale not in scales:
                scales.append(outlet.scale)

    for claim in claims:
        add(claim.via)
        if claim.via is None and outlets.lookup(claim.claimant) is not None:
            add(claim.claimant)
    publisher = outlets.lookup(doc.publisher) if doc.publisher else None
    if publisher is not None or not names:
        add(publisher.name if publisher else doc.publisher)
    if not names:
        return None, None
    order = {scale: i for i, scale in enumerate(outlets.scales)}
    scales.sort(key=lambda s: order.get(s, len(order)))
    return "; ".join(names), ("-".join(scales) if scales else None)
