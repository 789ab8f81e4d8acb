"""The actor dictionary: loading and checking actors.yaml, and finding actor mentions in text.

Matching is one compiled character-trie regex over normalised aliases (case-insensitive), one for
acronyms that must appear in capitals, and a compositional pattern for state forces named by
demonym or country ("Turkish drones", "Iraq's army", "Military Forces of Syria"). All three run in C;
the matches are merged leftmost-longest. The public entry points are re-exported by
``eventdesk.coding.actors``.

The parts live beside it: ``actor_names`` (entries, eras, state-force names), ``actor_schema``
(loading and checking actors.yaml), ``actor_text`` (tokens, alias keys, word lists), ``actor_groups``
(pattern-named groups: tribes, clans, ethnic militias) and ``actor_merge`` (joining adjacent mentions).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from bisect import bisect_left
from collections.abc import Mapping
from typing import Any, ClassVar, Final

from ..errors import ConfigError
from ..records import ActorMention

__all__ = ["ActorDictionary", "ActorEntry", "Era", "load_actor_data"]

from .actor_groups import group_mentions
from .actor_merge import _merge_adjacent
from .actor_names import (
    _PARTISAN_WORDS,
    _VINTAGE,
    _WITH_ARTICLE,
    TERRITORY_OF,
    UNKNOWN_COUNTRY,
    UNLOCALIZED,
    ActorEntry,
    DatedName,
    Era,
    state_name,
)
from .actor_schema import _country_names, _date, _pycountry_names, _strings, load_actor_data
from .actor_text import (
    _END,
    _ODD_CHARS,
    _STATE_MODIFIERS,
    _STATE_NOUNS,
    _TOKEN_BYTES,
    _Candidate,
    _case_sensitive,
    _entry_fields,
    _first_token_lengths,
    _norm_alias,
    _plain_char,
    _token_spans,
    _tokens,
    _translit_variants,
)

# lower-case words allowed inside "Turkish and allied rebel and Islamist … forces"
_CONJUNCT_MODIFIERS: Final = frozenset(
    {"and", "allied", "rebel", "rebels", "islamist", "opposition", "loyalist", "government", "regime",
     "special", "ground", "armed", "partner", "coalition", "national", "their", "its", "the", "militia",
     "faction", "affiliated", "proxy", "local", "tribal", "kurdish", "arab", "syrian", "air", "naval",
     "security", "border", "elite", "military", "army", "marine", "police"}
)


# any partisan word inside a lower-cased alias: one search, not a substring test per word (start-up)
_PARTISAN: Final = re.compile("|".join(re.escape(word) for word in _PARTISAN_WORDS))
# ACLED's acronym prefix of a name ("JWS" of "JWS: Syrian National Army")
_ACRONYM_PREFIX: Final = re.compile(r"^([^:]{2,24}): ")


def _alias_key(alias: str) -> str:
    """The table key of an alias: its tokens as written for acronyms, lower-cased otherwise."""
    return " ".join(_tokens(alias)) if _case_sensitive(alias) else _norm_alias(alias)


# What building the dictionary derives from each alias string (pure functions of the string), kept in
# the start-up cache by ``ActorDictionary.default``: (case-sensitive?, table key, partisan wording?), the
# lower-cased key and the transliteration variants.
_MEMO_KEYS: Final[dict[str, tuple[bool, str, bool]]] = {}
_MEMO_NORM: Final[dict[str, str]] = {}
_MEMO_VARIANTS: Final[dict[str, list[str]]] = {}


def _keyed(alias: str) -> tuple[bool, str, bool]:
    """(``_case_sensitive(alias)``, ``_alias_key(alias)``, ``_PARTISAN.search(alias.lower()) is not
    None``), memoised while building (the partisan search ran once per alias at every start-up)."""
    known = _MEMO_KEYS.get(alias)
    if known is None:
        sensitive = _case_sensitive(alias)
        known = _MEMO_KEYS[alias] = (
            sensitive,
            " ".join(_tokens(alias)) if sensitive else _norm_alias(alias),
            _PARTISAN.search(alias.lower()) is not None,
        )
    return known


def _norm(alias: str) -> str:
    """``_norm_alias(alias)``, memoised while building."""
    known = _MEMO_NORM.get(alias)
    if known is None:
        known = _MEMO_NORM[alias] = _norm_alias(alias)
    return known


def _variants(alias: str) -> list[str]:
    """``_translit_variants(alias)``, memoised while building (callers do not change the list)."""
    known = _MEMO_VARIANTS.get(alias)
    if known is None:
        known = _MEMO_VARIANTS[alias] = _translit_variants(alias)
    return known


# a window's tokens: (plain window, lower-cased tokens, starter hits, group-noun hits, token starts and ends)
_Tokens = tuple[str, list[str], list[int], list[int], list[int], list[int]]

# resolve_cached: (phrase, country, date)
_ResolveKey = tuple[str, str | None, dt.date | None]

# words that make up some groups' proper names ("Southern Front", "National Army") and ordinary phrases
# too ("fighting on the southern front"): in lower case they are the phrase
_ORDINARY_WORDS: Final = frozenset(
    {
        "southern", "northern", "eastern", "western", "central", "front", "storm", "national", "popular",
        "liberation", "resistance", "army", "forces", "force", "brigade", "brigades", "movement", "defence",
        "defense", "rapid", "support", "people's", "peoples", "new", "the", "of", "and", "guard", "guards",
        "shield", "unit", "units", "council", "transitional", "group", "mobilization", "mobilisation",
        "coalition", "state", "islamic",
    }
)


# ``_lookup``'s patterns: a state-force name, a bracket at the end, a name with a bracketed suffix
_STATE_FORCES_NAME: Final = re.compile(
    r"(Military|Police) Forces of (?:the )?(.+?)(?: \(\d{4}-(?:\d{4})?\))?(?: (.+))?"
)
_STATE_FORCES_STARTS: Final = ("Military Forces of ", "Police Forces of ")
_BRACKET_AT_END: Final = re.compile(r"\s*\([^)]*\)\s*$")
_BRACKETED_SUFFIX: Final = re.compile(r"(.+) \((.+)\)")

# " security forces", " security services"…: the ends of a key ``is_security_term`` accepts
_SECURITY_SUFFIXES: Final = tuple(" " + word for word in _STATE_NOUNS[2])

# "X-linked", "X-affiliated": a tie to X, not X ("an al-Qaeda-linked group")
_LINK_WORDS: Final = frozenset({"linked", "affiliated", "aligned", "inspired", "allied", "leaning"})

_ALONG_THE: Final = re.compile(r"\b(?:on|along|across|at|to|from|towards?|near)\s+the\s+$")


def _env_vintage() -> dt.date | None:
    """``EVENTDESK_ACTOR_VINTAGE`` as a date (None when unset); ConfigError when it is not an ISO date."""
    if not os.environ.get("EVENTDESK_ACTOR_VINTAGE"):
        return None
    try:
        return dt.date.fromisoformat(os.environ["EVENTDESK_ACTOR_VINTAGE"])
    except ValueError as exc:
        raise ConfigError(f"EVENTDESK_ACTOR_VINTAGE: not an ISO date: {exc}") from exc


def _ordinal(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def _day(ordinal: int | None) -> dt.date | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal)


# the built dictionary's tables that are plain data as they are (``_frozen`` / ``_thaw``), in this order
_PLAIN_TABLES: Final = (
    "version", "_with_article", "_territory_of", "_iso_names", "countries", "_country_alias", "_demonyms",
    "_security_words", "abroad", "_former_keys", "_state_nouns", "_group_nouns", "_group_lengths",
    "_places", "_place_lengths", "_noun_lengths", "_pending_branches", "_cs_lengths", "_cs_first",
    "_place_first", "_starters", "_token_marks", "_subunit_keys", "_binding_words", "_country_firsts",
)


def _thawed_candidates(table: dict[str, list[int]], entries: list[ActorEntry]) -> dict[str, list[_Candidate]]:
    """``ActorDictionary._frozen``'s candidate table made again (two ints a candidate: entry, flags)."""
    thawed: dict[str, list[_Candidate]] = {}
    for key, specs in table.items():
        made: list[_Candidate] = []
        for j in range(0, len(specs), 2):
            flags = specs[j + 1]
            made.append(_Candidate(entries[specs[j]], bool(flags & 1), bool(flags & 2), bool(flags & 4)))
        thawed[key] = made
    return thawed


def _lower_case_alias(entry: ActorEntry, key: str) -> bool:
    """Whether the entry lists ``key`` as a lower-case alias ("resistance forces"): a common noun phrase
    the dictionary means to match as written."""
    return any(a == a.lower() and _norm_alias(a) == key for a in (entry.name, *entry.aliases))


class ActorDictionary:
    """Canonical ACLED actor names and a fast matcher over their aliases."""

    _default: ClassVar[ActorDictionary | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        data: Mapping[str, Any],
        *,
        vintage: dt.date | None = None,
        _state: tuple[Any, ...] | None = None,
    ) -> None:
        """The dictionary of ``data`` (``load_actor_data``'s); ``_state``: a built dictionary's ``_frozen()``
        tables instead (``default``: read from the start-up cache, ``data`` is then not read)."""
        if vintage is None:
            vintage = _env_vintage()
        _VINTAGE[0] = vintage
        self.vintage = vintage
        # resolve_cached's and lookup's memos: plain dicts cleared when full (a stored None is a value),
        # read without making a closure per call (a BoundedMemo's compute function)
        self._resolved: dict[_ResolveKey, ActorMention | None] = {}
        # resolve_cached's phrases whose answer holds on every date (no entry read had a dated name or
        # an era): (phrase, country, vintage, article count) -> mention, shared by reports of any date
        self._resolved_any_date: dict[tuple[str, str | None, dt.date | None, int], ActorMention | None] = {}
        self._looked_up: dict[str, ActorEntry | None] = {}
        # memos other modules keep per dictionary (actor_country's), by name: they live and die with it
        # (not a WeakKeyDictionary elsewhere: compiled by mypyc, the class takes no weak references)
        self.memos: dict[str, dict[Any, Any]] = {}
        self._named: dict[tuple[Any, ...], tuple[ActorEntry, str, int, str | None, bool]] = {}
        # word -> _norm_alias(word), and word -> country_of(word) ("" for none), asked again and again
        # for the same words across reports (bounded: cleared when full)
        self._keys: dict[str, str] = {}
        self._country_words: dict[str, str] = {}
        self._last_tokens: tuple[str, _Tokens] | None = None
        # the tokens of the last whole text ``find`` read (a report) and whether it is plain ASCII: the
        # text read again (an event that spans the report) or a window of it (an event's span) takes its
        # tokens from them (``_window_tokens``)
        self._doc_tokens: tuple[str, _Tokens, bool] | None = None
        if _state is not None:
            self._thaw(_state)
            return
        self.version: str = data["version"]
        self._with_article = tuple((data.get("countries") or {}).get("with_article") or ())
        _WITH_ARTICLE.update(self._with_article)
        self._territory_of: dict[str, str] = {}
        self._iso_names = _country_names(data)
        self.countries: set[str] = set(self._iso_names.values())
        self._country_alias: dict[str, str] = {}
        for name in self.countries:
            self._country_alias[_norm(name)] = name
        for iso3, other in _pycountry_names().items():
            if iso3 in self._iso_names:
                for alias in other:
                    self._country_alias.setdefault(_norm(alias), self._iso_names[iso3])
        for name, aliases in ((data.get("countries") or {}).get("aliases") or {}).items():
            for alias in aliases:
                self._country_alias[_norm(alias)] = name
        self.entries: dict[str, ActorEntry] = {}
        self._candidates: dict[str, list[_Candidate]] = {}
        self._cs_candidates: dict[str, list[_Candidate]] = {}
        self._eras: dict[str, tuple[Era, ...]] = {}
        self._demonyms: dict[str, str] = {}
        self._security_words: set[str] = set()
        self._generic_by_name: dict[str, ActorEntry] = {}
        self.abroad: dict[tuple[str, str], str] = {}  # (state, country of action) -> actor name
        # a former name as written ("Jabhat Fateh al-Sham") -> that name, for reports with no date
        self._former_keys: dict[str, str] = {}
        self._subunit_keys: set[str] = set()  # the named units of a group ("hamza division"), normalised
        self._load_actors(data["actors"])
        self._load_state_forces(data["state_forces"])
        self._load_generic(data["generic"])
        self._load_group_patterns(data.get("group_patterns") or [])
        self.conflict_defaults: list[dict[str, Any]] = list(data.get("conflict_defaults") or [])
        self.alliances: list[tuple[tuple[str, ...], dt.date | None, dt.date | None]] = [
            (tuple(a["members"]), _date(a.get("from"), a["name"]), _date(a.get("until"), a["name"]))
            for a in data.get("alliances") or []
        ]
        self._compile()
        self._binding_words = self._binding_tokens()
        self._looked_up.clear()  # (filled by _binding_tokens' lookups: a built dictionary starts empty)

    # construction ---------------------------------------------------------------------------------

    @classmethod
    def default(cls) -> ActorDictionary:
        """The packaged dictionary, loaded and compiled once per process."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    from importlib import resources

                    # (not `from . import actor_names`: under mypyc that binds None; docs/speed.md)
                    import eventdesk.coding.actor_names as actor_names
                    import eventdesk.coding.actor_schema as actor_schema
                    import eventdesk.coding.actor_text as actor_text
                    import eventdesk.iso3166 as iso3166

                    from ..nlp.lexcache import cached, source_of

                    packaged = resources.files("eventdesk").joinpath("data/actors.yaml")
                    text = packaged.read_text(encoding="utf-8")
                    sources = [source_of(str(module.__file__)) for module in (actor_text, actor_names)]
                    sources.append(source_of(__file__))
                    vintage = _env_vintage()
                    built: list[ActorDictionary] = []

                    def build() -> tuple[Any, ...]:
                        data = load_actor_data(text)

                        def derive() -> list[dict[str, Any]]:
                            built.append(cls(data, vintage=vintage))
                            return [_MEMO_KEYS, _MEMO_NORM, _MEMO_VARIANTS]

                        # the alias derivations of this data file, from an earlier run when there was one
                        memo = cached("actor-aliases", [text, *sources], derive)
                        if not built:
                            _MEMO_KEYS.update(memo[0])
                            _MEMO_NORM.update(memo[1])
                            _MEMO_VARIANTS.update(memo[2])
                            built.append(cls(data, vintage=vintage))
                        return built[0]._frozen()

                    # the whole built dictionary from an earlier run when there was one (~60 M instructions
                    # of a start-up to build from the checked data; its tables read back and its entries
                    # and candidates made again cost a fraction): keyed by the data file, the modules that
                    # build it, pycountry's country data it reads (iso3166) and the vintage, which the
                    # state forces' names depend on
                    parts = [
                        text,
                        *sources,
                        source_of(str(actor_schema.__file__)),
                        source_of(str(iso3166.__file__)),
                        iso3166.stamp(),
                        repr(vintage),
                    ]
                    state = cached("actor-dictionary", parts, build)
                    cls._default = built[0] if built else cls({}, vintage=vintage, _state=state)
        return cls._default

    def _add(self, alias: str, candidate: _Candidate) -> None:
        if not alias.strip():
            return
        self._add_keyed(_keyed(alias), candidate)

    def _add_keyed(self, keyed: tuple[bool, str, bool], candidate: _Candidate) -> None:
        """``_add`` of an alias whose ``_keyed`` is known (and that is not blank)."""
        sensitive, key, _ = keyed
        table = self._cs_candidates if sensitive else self._candidates
        if not key:
            return
        bucket = table.setdefault(key, [])
        if all(c.entry is not candidate.entry for c in bucket):
            bucket.append(candidate)

    def _load_actors(self, actors: list[dict[str, Any]]) -> None:
        for spec in actors:
            names: list[DatedName] = []
            start: dt.date | None = None
            for former in spec.get("former") or []:
                end = _date(former.get("until"), spec["name"])
                names.append(DatedName(former["name"], start, end))
                start = end + dt.timedelta(days=1) if end else None
            if names:
                names.append(DatedName(spec["name"], start, None))
            for later in spec.get("since_names") or []:
                begin = _date(later.get("from"), spec["name"])
                if not names:
                    names.append(
                        DatedName(spec["name"], None, begin - dt.timedelta(days=1) if begin else None)
                    )
                names.append(DatedName(later["name"], begin, None, later.get("inter")))
            for later in spec.get("former_of") or []:
                begin = _date(later.get("from"), spec["name"])
                names.append(DatedName(spec["name"], None, begin - dt.timedelta(days=1) if begin else None))
                names.append(DatedName(later["name"], begin, None))
            entry = ActorEntry(
                name=spec.get("template") or spec["name"],
                inter=spec["inter"],
                country=spec.get("country"),
                aliases=_strings(spec.get("aliases"), spec["name"]),
                names=tuple(names),
                by_country=dict(spec.get("by_country") or {}),
                by_place={k: tuple(v) for k, v in (spec.get("by_place") or {}).items()},
                member_of=spec.get("member_of"),
                absorbs=_strings(spec.get("absorbs"), spec["name"]),
                conflicts=_strings(spec.get("conflicts"), spec["name"]),
                operates_in=_strings(spec.get("operates_in"), spec["name"]),
                generic=bool(spec.get("generic")),
            )
            if spec.get("template") and entry.country:
                entry.by_country.setdefault(entry.country, spec["name"])
            self.entries[spec["name"]] = entry
            for dated in names:
                self.entries.setdefault(dated.name, entry)
            aliases = list(entry.aliases) + [spec["name"]] + [d.name for d in names]
            for former in spec.get("former") or []:
                aliases += list(_strings(former.get("aliases"), spec["name"]))
                for alias in [former["name"], *_strings(former.get("aliases"), spec["name"])]:
                    for variant in _variants(alias):
                        self._former_keys[_keyed(variant)[1]] = former["name"]
            for later in spec.get("former_of") or []:
                aliases += list(later.get("aliases") or [])
            subunits = list(_strings(spec.get("subunits"), spec["name"]))
            aliases += subunits
            self._subunit_keys.update(_norm_alias(v) for unit in subunits for v in _variants(unit))
            for name in [spec["name"], *(d.name for d in names)]:
                prefix = _ACRONYM_PREFIX.match(name) if ": " in name else None
                if prefix:  # ACLED's acronym prefix ("JWS" of "JWS: Syrian National Army")
                    aliases.append(prefix.group(1))
            if not entry.generic:
                aliases = [v for alias in aliases for v in _variants(alias)]
            for alias in aliases:
                if not alias.strip():
                    continue  # (what _add skips)
                keyed = _keyed(alias)
                if not entry.generic and keyed[2]:
                    # partisan wording for a named actor ("Turkish-backed mercenaries")
                    sub = ActorEntry(**{**_entry_fields(entry), "partisan": False, "generic": True})
                    # (bound when in lower case: "mercenaries" are the SNA in Syria, not Wagner in Mali)
                    self._add_keyed(keyed, _Candidate(sub, bound=alias.islower()))
                else:
                    bound = entry.generic or (alias.islower() and entry.country is not None)
                    self._add_keyed(keyed, _Candidate(entry, bound=bound))

    def _load_state_forces(self, forces: Mapping[str, Any]) -> None:
        nouns_mil, nouns_pol, nouns_sec = _STATE_NOUNS
        for country, spec in forces.items():
            self.countries.add(country)
            if spec.get("territory_of"):
                # a de facto state inside a country ACLED reports under (Artsakh in Azerbaijan) is at home
                # there: its forces are not external (inter 8) in that country
                TERRITORY_OF[country] = spec["territory_of"]
                self._territory_of[country] = spec["territory_of"]
            for kind in ("military", "police"):
                eras = tuple(
                    Era(e["label"], _date(e.get("from"), country), _date(e.get("until"), country))
                    for e in spec.get(kind) or []
                )
                self._eras[f"{kind}:{country}"] = eras
                entry = ActorEntry(
                    name=state_name(kind, country, eras, None), inter=1, country=country, kind=kind, eras=eras
                )
                self.entries[f"{kind}:{country}"] = entry
                self.entries.setdefault(entry.name, entry)
                for alias in spec.get(f"{kind}_aliases") or []:
                    self._add(alias, _Candidate(entry, bound=alias.islower()))
                for alias in spec.get(f"local_{kind}_aliases") or []:
                    # a word for these forces in a report about their country only, whatever its case
                    self._add(alias, _Candidate(entry, bound=True, local=True))
                for unit, aliases in (
                    spec.get(f"{'police_' if kind == 'police' else ''}subunits") or {}
                ).items():
                    sub = ActorEntry(
                        name=state_name(kind, country, eras, None, unit),
                        inter=1,
                        country=country,
                        kind=kind,
                        eras=eras,
                        unit=unit,
                    )
                    self.entries.setdefault(sub.name, sub)
                    self.entries.setdefault(f"{kind}:{country}:{unit}", sub)
                    for alias in aliases:
                        self._add(alias, _Candidate(sub, bound=alias.islower()))
                        for dem in spec.get("demonyms") or []:
                            self._add(f"{dem} {alias}", _Candidate(sub, bound=False))
            for dem in spec.get("demonyms") or []:
                self._demonyms[_norm(dem)] = country
            for where, actor in (spec.get("abroad") or {}).items():
                self.abroad[(country, where)] = actor
            for name in spec.get("names") or []:
                self._country_alias[_norm(name)] = country
        for country in self.countries:
            for kind in ("military", "police"):
                key = f"{kind}:{country}"
                if key not in self.entries:
                    self.entries[key] = ActorEntry(
                        name=state_name(kind, country, (), None), inter=1, country=country, kind=kind
                    )
        self._state_nouns = {n: "military" for n in nouns_mil}
        self._state_nouns.update({n: "police" for n in nouns_pol})
        self._state_nouns.update({n: "security" for n in nouns_sec})

    def _load_generic(self, generic: list[dict[str, Any]]) -> None:
        for spec in generic:
            canonical = spec["canonical"]
            if canonical.startswith("Military Forces of"):
                suffix = re.match(r"^Military Forces of X (.+)$", canonical)
                unit = suffix.group(1) if suffix else None
                entry = ActorEntry(name=canonical, inter=1, kind="military", generic=True, unit=unit)
            elif canonical.startswith(("Police Forces of", "Security Forces of")):
                kind = "police" if canonical.startswith("Police") else "military"
                suffix = re.match(r"^\w+ Forces of X (.+)$", canonical)
                unit = suffix.group(1) if suffix else None
                entry = ActorEntry(name=canonical, inter=1, kind=kind, generic=True, unit=unit)
            else:
                entry = ActorEntry(
                    name=canonical,
                    inter=spec["inter"],
                    kind="generic",
                    generic=True,
                    partisan=bool(spec.get("partisan")),
                )
            entry.partisan = bool(spec.get("partisan"))
            self._generic_by_name.setdefault(canonical, entry)
            security = canonical.startswith("Security Forces of")
            for alias in _strings(spec.get("aliases"), canonical):
                if security:
                    self._security_words.add(_norm(alias))
                self._add(alias, _Candidate(entry, bound=False, security=security))

    def _load_group_patterns(self, patterns: list[dict[str, Any]]) -> None:
        # noun phrase -> (canonical template, inter, closed list of names or None for capitalised names)
        self._group_nouns: dict[str, list[tuple[str, int, frozenset[str] | None]]] = {}
        for spec in patterns:
            names = frozenset(n.lower() for n in spec["names"]) if spec.get("names") else None
            for noun in _strings(spec.get("nouns"), f"group_patterns.{spec.get('kind')}"):
                self._group_nouns.setdefault(_norm(noun), []).append(
                    (spec["canonical"], spec["inter"], names)
                )
        self._group_lengths = _first_token_lengths(self._group_nouns)

    def _compile(self) -> None:
        # State forces named by demonym or country ("Turkish drones", "Iraqi security forces",
        # "Syria's army") are matched compositionally in find(): place word + optional modifier + noun.
        self._places: dict[str, str] = {}
        for alias, country in self._country_alias.items():
            self._places[alias] = country
            if alias.startswith("the "):
                self._places[alias[4:]] = country
        self._places.update(self._demonyms)
        self._place_lengths = _first_token_lengths(self._places)
        self._noun_lengths = _first_token_lengths(self._state_nouns)
        # the alias trie (token -> child, ``_END`` -> candidates), one branch per first token, built when
        # ``find`` first meets that token (``_branch``): a run reads a few hundred of the ~2,500 branches,
        # and building them all cost ~12 M instructions of every start-up
        self._trie: dict[str, Any] = {}
        pending: dict[str, list[str]] = {}
        for key in self._candidates:
            first = key.split(" ", 1)[0]
            keys = pending.get(first)
            if keys is None:
                pending[first] = [key]
            else:
                keys.append(key)
        self._pending_branches = pending
        self._cs_lengths: dict[str, tuple[int, ...]] = _first_token_lengths(self._cs_candidates)
        self._cs_first = {first.lower() for first in self._cs_lengths}
        self._place_first = set(self._place_lengths) | {"military", "police"}
        # (the trie's own keys are the first tokens of the aliases: no table of their lengths is read)
        self._starters = frozenset(pending) | self._cs_first | self._place_first
        # token -> 1 (a starter), 2 (a group noun's first token), 3 (both): ``_tokens`` asks one dict per
        # token instead of a set and a dict (a new token's hash is computed once either way; the second
        # probe was ~120 instructions a token)
        marks: dict[str, int] = dict.fromkeys(self._starters, 1)
        for first in self._group_lengths:
            marks[first] = marks.get(first, 0) | 2
        self._token_marks = marks
        # the first token of every country name's key ("south" of "south sudan"; "gambia" of "the gambia"):
        # a text without one names no country (``may_name_country``)
        self._country_firsts = frozenset(
            parts[1] if parts[0] == "the" and len(parts) > 1 else parts[0]
            for parts in (key.split(" ") for key in self._country_alias)
        )

    def _binding_tokens(self) -> frozenset[str] | None:
        """A word of each alias that can name a country-bound generic actor ("rebels": an entry that is
        generic and of one country, not named per country), whose mentions ``actor_country._bound_country``
        counts; None when the tables allow no such shortcut.

        A mention found without a country has a country only from its entry (``_mention``), and its name
        (the entry's name, a dated name or a state-forces name) is what ``lookup`` reads back. The entries
        whose names read back as a bound actor are collected, and one token of every alias key with one of
        them among its candidates: a trie key's rarest token (``find`` matches every token of the key), a
        case-sensitive key's first token lower-cased (as ``find`` tests it against ``_cs_first``). None (no
        shortcut) when a state's forces are bound actors themselves, a former name reads back as one, or a
        bound actor has an alias that a state-forces name could read back as.
        """
        bound = {id(e) for e in self.entries.values() if e.generic and e.country and not e.by_country}
        entries = list(self.entries.values()) + list(self._generic_by_name.values())
        if any(e.kind in ("military", "police") and id(e) in bound for e in entries):
            return None

        def binds(name: str) -> bool:
            entry = self.lookup(name)
            return entry is not None and id(entry) in bound

        if any(binds(name) for name in self._former_keys.values()):
            return None
        state_starts = ("military forces", "police forces")
        for table in (self._candidates, self._cs_candidates):
            for key, cands in table.items():
                if key.lower().startswith(state_starts) and any(id(c.entry) in bound for c in cands):
                    return None
        if any(
            name.lower().startswith(state_starts) and id(entry) in bound
            for name, entry in self._generic_by_name.items()
        ):
            return None
        reach = {
            id(e)
            for e in entries
            if e.country
            and e.kind not in ("military", "police")
            and any(binds(name) for name in (e.name, *(d.name for d in e.names)))
        }
        # (the token of a key fewest keys share, the last on a tie: "opposition" of "opposition forces")
        shared: dict[str, int] = {}
        for key in self._candidates:
            for token in key.split(" "):
                shared[token] = shared.get(token, 0) + 1
        words: set[str] = set()
        for key, cands in self._candidates.items():
            if any(id(c.entry) in reach for c in cands):
                tokens = key.split(" ")
                words.add(min(reversed(tokens), key=shared.__getitem__))
        for key, cands in self._cs_candidates.items():
            if any(id(c.entry) in reach for c in cands):
                words.add(key.split(" ", 1)[0].lower())
        return frozenset(words)

    def may_bind(self, text: str, start: int, end: int) -> bool:
        """False when ``find(text, start, end)`` without a country finds no mention that
        ``actor_country._bound_country`` counts: the window names no "regime" (a mention's text never
        reaches past the window but for a closing bracket) and holds none of the words of bound actors'
        aliases (``_binding_tokens``). True means: search. The window's tokens are read as ``find`` reads
        them (and kept for it)."""
        words = self._binding_words
        if words is None or "regime" in text[start : end + 1].lower():
            return True
        # (one C loop over the tokens, hashes kept by the strings: not a compiled loop of probes)
        return not words.isdisjoint(self._tokens_of(text, start, end, True)[1])

    def may_name_country(self, text: str, start: int, end: int) -> bool:
        """False when ``text[start:end]`` names no country by a capitalised word or two that
        ``country_named`` reads (``actors._country_as_subject``'s candidates): a plain ASCII span without
        an apostrophe (each such word is then one of its tokens, lower-cased) none of whose tokens begins a
        country's name. True (search) for any other span, or one whose tokens are not at hand (the
        report's own, or cut from them)."""
        if not text.isascii() or text.find("'", start, end) >= 0 or text.find("`", start, end) >= 0:
            return True
        doc = self._doc_tokens
        if start == 0 and end == len(text) and doc is not None and doc[0] is text:
            low = doc[1][1]
        else:
            tokens = self._window_tokens(text, start, end)
            if tokens is None:
                return True
            low = tokens[1]
        firsts = self._country_firsts
        return not firsts.isdisjoint(low)

    def _frozen(self) -> tuple[Any, ...]:
        """The built tables as plain data (marshal-able) for ``ActorDictionary(…, _state=…)``: every entry
        once (tables refer to it by position, so entries shared by several keys stay shared), dates as
        ordinals. Only right for a dictionary as built, before any ``find`` (its trie is still empty)."""
        order: dict[int, int] = {}
        entries: list[ActorEntry] = []

        def ref(entry: ActorEntry) -> int:
            at = order.get(id(entry))
            if at is None:
                at = order[id(entry)] = len(entries)
                entries.append(entry)
            return at

        def candidates(table: dict[str, list[_Candidate]]) -> dict[str, list[int]]:
            # a candidate is two ints: its entry's position and its flags (bound 1, security 2, local 4)
            flat: dict[str, list[int]] = {}
            for key, cands in table.items():
                specs: list[int] = []
                for c in cands:
                    specs.append(ref(c.entry))
                    specs.append(int(c.bound) | int(c.security) << 1 | int(c.local) << 2)
                flat[key] = specs
            return flat

        keyed = {key: ref(entry) for key, entry in self.entries.items()}
        cands = candidates(self._candidates)
        cs_cands = candidates(self._cs_candidates)
        generic = {name: ref(entry) for name, entry in self._generic_by_name.items()}
        frozen_entries = [
            (
                e.name, e.inter, e.country, e.kind, e.aliases,
                tuple((d.name, _ordinal(d.start), _ordinal(d.end), d.inter) for d in e.names),
                tuple((era.label, _ordinal(era.start), _ordinal(era.end)) for era in e.eras),
                e.unit, e.by_country, e.by_place, e.member_of, e.absorbs, e.conflicts, e.operates_in,
                e.generic, e.partisan,
            )
            for e in entries
        ]
        eras = {
            key: tuple((era.label, _ordinal(era.start), _ordinal(era.end)) for era in value)
            for key, value in self._eras.items()
        }
        alliances = [(members, _ordinal(start), _ordinal(end)) for members, start, end in self.alliances]
        from .actor_schema import _freeze

        plain = tuple(getattr(self, name) for name in _PLAIN_TABLES)
        return (
            plain, frozen_entries, keyed, cands, cs_cands, generic, eras, alliances,
            _freeze(self.conflict_defaults),
        )

    def _thaw(self, state: tuple[Any, ...]) -> None:
        """The tables of ``_frozen``'s ``state`` (``__init__``'s other half)."""
        from .actor_schema import _thaw as thaw_data

        plain: tuple[Any, ...] = state[0]
        frozen_entries: list[tuple[Any, ...]] = state[1]
        keyed: dict[str, int] = state[2]
        cands: dict[str, list[int]] = state[3]
        cs_cands: dict[str, list[int]] = state[4]
        generic: dict[str, int] = state[5]
        eras: dict[str, tuple[tuple[str, int | None, int | None], ...]] = state[6]
        alliances: list[tuple[tuple[str, ...], int | None, int | None]] = state[7]
        conflict_defaults = state[8]
        (
            self.version, self._with_article, self._territory_of, self._iso_names, self.countries,
            self._country_alias, self._demonyms, self._security_words, self.abroad, self._former_keys,
            self._state_nouns, self._group_nouns, self._group_lengths, self._places, self._place_lengths,
            self._noun_lengths, self._pending_branches, self._cs_lengths, self._cs_first, self._place_first,
            self._starters, self._token_marks, self._subunit_keys, self._binding_words, self._country_firsts,
        ) = plain
        _WITH_ARTICLE.update(self._with_article)
        TERRITORY_OF.update(self._territory_of)
        made_eras: dict[tuple[str, int | None, int | None], Era] = {}

        def era_of(spec: tuple[str, int | None, int | None]) -> Era:
            era = made_eras.get(spec)
            if era is None:
                era = made_eras[spec] = Era(spec[0], _day(spec[1]), _day(spec[2]))
            return era

        entries: list[ActorEntry] = []
        for (
            name, inter, country, kind, aliases, names, entry_eras, unit, by_country, by_place, member_of,
            absorbs, conflicts, operates_in, is_generic, partisan,
        ) in frozen_entries:
            entries.append(
                ActorEntry(
                    name, inter, country, kind, aliases,
                    tuple(DatedName(n, _day(a), _day(b), i) for n, a, b, i in names),
                    tuple(era_of(spec) for spec in entry_eras),
                    unit, by_country, by_place, member_of, absorbs, conflicts, operates_in, is_generic,
                    partisan,
                )
            )
        self.entries = {key: entries[at] for key, at in keyed.items()}
        self._candidates = _thawed_candidates(cands, entries)
        self._cs_candidates = _thawed_candidates(cs_cands, entries)
        self._generic_by_name = {name: entries[at] for name, at in generic.items()}
        self._eras = {key: tuple(era_of(spec) for spec in value) for key, value in eras.items()}
        self.alliances = [(members, _day(start), _day(end)) for members, start, end in alliances]
        self.conflict_defaults = thaw_data(conflict_defaults)
        self._trie = {}

    def _branch(self, first: str) -> dict[str, Any] | None:
        """The trie's branch for the aliases that begin with the token ``first`` (None: no alias does),
        built on first use from the keys ``_compile`` grouped by first token."""
        keys = self._pending_branches.get(first)
        if keys is None:
            return self._trie.get(first)  # (built already, or no alias begins with ``first``)
        branch: dict[str, Any] = {}
        candidates = self._candidates
        for key in keys:
            node = branch
            parts = key.split(" ")
            for k in range(1, len(parts)):
                # (not ``setdefault(part, {})``: a new dict for every token, most of them thrown away)
                child = node.get(parts[k])
                if child is None:
                    child = node[parts[k]] = {}
                node = child
            node[_END] = candidates[key]
        # (built whole before it is stored: a thread that meets the token meanwhile builds its own copy)
        self._trie[first] = branch
        self._pending_branches.pop(first, None)
        return branch

    def _state_at(self, low: list[str], i: int) -> tuple[int, str, str] | None:
        """(tokens used, kind, country) for a state-forces phrase starting at token ``i``."""
        count = len(low)
        if (
            low[i] in ("military", "police")
            and i + 3 < count
            and low[i + 1] == "forces"
            and low[i + 2] == "of"
        ):
            j = i + 3 + (low[i + 3] == "the")
            for n in self._place_lengths.get(low[j], ()) if j < count else ():
                country = self._places.get(" ".join(low[j : j + n])) if j + n <= count else None
                if country:
                    return j + n - i, low[i], country
            return None
        for n in self._place_lengths.get(low[i], ()):
            if n == 1:
                country = self._places.get(low[i])
            else:
                country = self._places.get(" ".join(low[i : i + n])) if i + n <= count else None
            if not country:
                continue
            j = i + n
            if j < count and low[j] == "s":  # "Iraq's army"
                j += 1
            modifier = j < count and low[j] in _STATE_MODIFIERS
            for k in (j + 1, j) if modifier else (j,):
                # "Ukrainian attack drones"; else the modifier as the noun: "a Russian attack on Kharkiv"
                for m in self._noun_lengths.get(low[k], ()) if k < count else ():
                    kind = self._state_nouns.get(" ".join(low[k : k + m])) if k + m <= count else None
                    if kind:
                        return k + m - i, kind, country
            return None
        return None

    def _shared_noun(
        self, window: str, starts: list[int], ends: list[int], low: list[str], i: int
    ) -> str | None:
        """ "military" when a capitalised demonym at ``i`` is the first conjunct of a noun phrase whose
        head is a force word: "Turkish and allied rebel forces", "Turkish and JWS forces"; the kind of
        the state phrase a hyphen joins it to ("US-British airstrikes"). Not before a patron ("Syrian
        and Turkish-backed factions", "pro-Turkish") or across punctuation."""
        if (
            i + 1 < len(low)
            and window[ends[i] : starts[i + 1]] == "-"
            and window[starts[i]].isupper()
            and low[i + 1] in self._places
            and (joint := self._state_at(low, i + 1)) is not None
        ):
            return joint[1]  # "US-British airstrikes": both states' forces
        if i + 2 >= len(low) or low[i + 1] != "and" or not window[starts[i]].isupper():
            return None
        if i > 0 and low[i - 1] in ("pro", "anti"):
            return None
        for k in range(i + 2, min(len(low), i + 9)):
            word = low[k]
            if word in ("backed", "led", "supported", "pro", "anti", "or", "(", ")", ".", "/"):
                return None
            gap = window[ends[k - 1] : starts[k]]
            if any(ch in gap for ch in ",;:."):
                return None
            if word in ("forces", "troops", "factions", "fighters", "soldiers", "army"):
                return "military"
            if not window[starts[k]].isupper() and word not in _CONJUNCT_MODIFIERS:
                return None  # "Turkish and Qatari officials discussed …": not one noun phrase
        return None

    # lookup ---------------------------------------------------------------------------------------

    def lookup(self, name: str) -> ActorEntry | None:
        """The entry for a canonical name, a former name or an alias."""
        known = self._looked_up
        if name in known:
            return known[name]
        entry = self._lookup(name)
        if len(known) > 20000:
            known.clear()
        known[name] = entry
        return entry

    def _lookup(self, name: str) -> ActorEntry | None:
        if name in self.entries and self.entries[name].kind != "named":
            return self.entries[name]
        # a state-force name is the state's entry, even when a group later became that state's forces
        # ("Military Forces of Afghanistan (2021-)" is also a later name of the Taliban)
        # (each pattern only where its literal start or end can match: precompiled, not `re.fullmatch`)
        match = _STATE_FORCES_NAME.fullmatch(name) if name.startswith(_STATE_FORCES_STARTS) else None
        if match:
            kind = match.group(1).lower()
            if match.group(3):
                unit = self.entries.get(f"{kind}:{match.group(2)}:{match.group(3)}")
                if unit is not None:
                    return unit
            state = self.entries.get(f"{kind}:{match.group(2)}")
            if state is not None and not match.group(3):
                return state
        if name in self.entries:
            return self.entries[name]
        if match and self.entries.get(f"{match.group(1).lower()}:{match.group(2)}") is not None:
            return self.entries[f"{match.group(1).lower()}:{match.group(2)}"]
        base = _BRACKET_AT_END.sub("", name) if ")" in name else name
        for key in (name, base):
            cands = self._cs_candidates.get(key) or self._candidates.get(_norm_alias(key))
            if cands:
                return cands[0].entry
        if name in self._generic_by_name:
            return self._generic_by_name[name]
        generic = _BRACKETED_SUFFIX.fullmatch(name) if name.endswith(")") else None
        if generic and f"{generic.group(1)} (X)" in self._generic_by_name:
            return self._generic_by_name[f"{generic.group(1)} (X)"]
        return None

    def state_forces(self, kind: str, country: str, on: dt.date | None = None) -> str:
        """ACLED name of a country's military or police on a date."""
        return state_name(kind, country, self._eras.get(f"{kind}:{country}", ()), on)

    def allied(self, first: str, second: str, on: dt.date | None = None) -> bool:
        """True when two different actors are partners in one of the dictionary's alliances on ``on``."""
        if first == second:
            return False
        for members, start, end in self.alliances:
            if on is not None and ((start and on < start) or (end and on > end)):
                continue
            one = next((m for m in members if first.startswith(m)), None)
            other = next((m for m in members if second.startswith(m)), None)
            if one is not None and other is not None and one != other:
                return True  # two units of one state are not partners: they may clash
        return False

    def _key(self, word: str) -> str:
        """``_norm_alias(word)``, memoised per word."""
        keys = self._keys
        key = keys.get(word)
        if key is None:
            # one ASCII word of letters and digits is its own lower-cased token (no pattern needed)
            key = word.lower() if word.isalnum() and word.isascii() else _norm_alias(word)
            if len(keys) > 20000:
                keys.clear()
            keys[word] = key
        return key

    def country_of(self, word: str) -> str | None:
        """The ACLED country for a country name, alias or demonym ("Turkiye", "Syrian")."""
        known = self._country_words.get(word)
        if known is None:
            key = self._key(word)
            known = self._country_alias.get(key) or self._demonyms.get(key) or ""
            if len(self._country_words) > 20000:
                self._country_words.clear()
            self._country_words[word] = known
        return known or None

    def operates_in(self, name: str, country: str) -> bool:
        """Whether a named actor fights in ``country`` too, beyond its home (Al Shabaab in Kenya)."""
        entry = self.lookup(name)
        return entry is not None and country in entry.operates_in

    def country_named(self, word: str) -> str | None:
        """The ACLED country a country name or alias stands for ("Turkiye"), demonyms excluded."""
        return self._country_alias.get(self._key(word))

    def names_subunit(self, text: str) -> bool:
        """Whether ``text`` begins with (or is) a named unit of a group ("Hamza Division fighters", "the
        Amshat"), not the group's own name."""
        words = self._key(text).split()
        if words and words[0] == "the":
            words = words[1:]
        return any(" ".join(words[:n]) in self._subunit_keys for n in range(1, len(words) + 1))

    def is_security_term(self, text: str) -> bool:
        """True for "security forces" style words (police at protests, military elsewhere)."""
        key = self._key(text)
        return key in self._security_words or key.endswith(_SECURITY_SUFFIXES)

    def is_unlocalized(self, name: str | None) -> bool:
        if not name:
            return False
        return (
            name.endswith(f"({UNLOCALIZED})")
            or name.endswith(f" of {UNLOCALIZED}")
            or f" of {UNLOCALIZED} " in name
        )

    def localize_name(self, name: str, country: str, on: dt.date | None = None) -> str:
        """Fill the country of a generic name ("Civilians (X)" → "Civilians (Syria)")."""
        if name.endswith(f"({UNLOCALIZED})"):
            return name[: -len(UNLOCALIZED) - 1] + f"{country})"
        for kind, base in (
            ("military", "Military Forces of X"),
            ("police", "Police Forces of X"),
            ("military", "Security Forces of X"),
        ):
            if name == base:
                return self.state_forces(kind, country, on)
            if name.startswith(base + " "):  # "Police Forces of X Prison Guards"
                return f"{self.state_forces(kind, country, on)} {name[len(base) + 1 :]}"
        return name

    def unknown_country_name(self, name: str) -> str:
        """An honest name when no country is known ("Civilians (X)" → "Civilians (country unknown)").

        "Military Forces of X" / "Police Forces of X Prison Guards" become "Military Forces (country
        unknown)" / "Police Forces (country unknown) Prison Guards": the placeholder never reaches output.
        """
        if name.endswith(f"({UNLOCALIZED})"):
            return name[: -len(UNLOCALIZED) - 1] + f"{UNKNOWN_COUNTRY})"
        for base in ("Military Forces", "Police Forces", "Security Forces"):
            placeholder = f"{base} of {UNLOCALIZED}"
            if name == placeholder or name.startswith(placeholder + " "):
                return f"{base} ({UNKNOWN_COUNTRY}){name[len(placeholder) :]}"
        return name

    # matching -------------------------------------------------------------------------------------

    def resolve_cached(self, text: str, country: str | None, on: dt.date | None) -> ActorMention | None:
        """``find`` on a short phrase, memoised (role assignment re-resolves the same words often)."""
        key = (text, country, on)
        known = self._resolved
        if key in known:
            return known[key]
        any_date = self._resolved_any_date
        free_key = (text, country, _VINTAGE[0], len(_WITH_ARTICLE))
        if free_key in any_date:
            return any_date[free_key]
        made: list[ActorEntry] = []
        found = self._find(text, 0, len(text), country, on, False, made)
        mention = found[0] if len(found) == 1 and found[0].end - found[0].start == len(text) else None
        if any(self._dated(entry, country) for entry in made):
            if len(known) > 20000:
                known.clear()
            known[key] = mention
        else:
            # (only ``_mention`` reads the date in ``find``: with no dated entry the answer is the same
            # on every date, None included)
            if len(any_date) > 20000:
                any_date.clear()
            any_date[free_key] = mention
        return mention

    def _dated(self, entry: ActorEntry, country: str | None) -> bool:
        """Whether ``_mention``'s name, inter code or former name for ``entry`` may change with the date:
        an entry with dated names, or state forces of a country with eras (``state_name``)."""
        if entry.names:
            return True
        if entry.kind in ("military", "police"):
            where = entry.country or country
            return bool(where) and bool(entry.eras or self._eras.get(f"{entry.kind}:{where}"))
        return False

    def resolve(
        self,
        text: str,
        *,
        country: str | None = None,
        on: dt.date | None = None,
    ) -> ActorMention | None:
        """Resolve one alias (the whole string) to a mention with offsets 0..len(text)."""
        found = self._find(text, 0, len(text), country, on, False)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.rstrip()):
            return found[0]
        return None

    def _pick(self, cands: list[_Candidate], country: str | None) -> _Candidate | None:
        best: _Candidate | None = None
        best_score = -1.0
        for cand in cands:
            entry = cand.entry
            if entry.kind == "generic" or (entry.generic and entry.country is None):
                score = 0.5
            elif cand.bound:
                if country is None:
                    score = 1.0
                elif entry.country == country:
                    score = 4.0
                elif entry.kind in ("military", "police") and not entry.unit and not cand.local:
                    # only when nothing else fits ("regime forces" in a misplaced report); a unit name
                    # bound to one country ("military police" in Brazil) is not that unit elsewhere
                    score = 0.25
                else:
                    continue
            else:
                score = 3.0 if country is not None and entry.country == country else 2.0
            if score > best_score:
                best, best_score = cand, score
        return best

    def _mention(
        self, cand: _Candidate, text: str, start: int, end: int, country: str | None, on: dt.date | None
    ) -> ActorMention:
        entry = cand.entry
        # name, inter and country of an entry in a country on a date, memoised (the entry is kept in
        # the value, so its id is not reused; the key holds the module settings state_name reads); an
        # entry whose name and inter code cannot change with the date (``_dated``) is kept for every date
        when = on if self._dated(entry, country) else None
        key = (id(entry), country, when, _VINTAGE[0], len(_WITH_ARTICLE))
        named = self._named.get(key)
        if named is None or named[0] is not entry:
            named = (
                entry,
                entry.canonical(on, country, self._eras),
                entry.inter_on(on),
                entry.country or (country if entry.generic else None),
                entry.generic or entry.partisan,
            )
            if len(self._named) > 20000:
                self._named.clear()
            self._named[key] = named
        _, name, inter, where, generic = named
        if on is None and entry.names and self._former_keys:
            # an undated report that names a group by a former name was written in that name's time
            former = self._former_keys.get(_alias_key(text[start:end]))
            if former is not None:
                name = former
        return ActorMention(text[start:end], start, end, name, inter, where, generic)

    def _tokens(self, raw: str) -> _Tokens:
        """(plain window, lower-cased tokens, starter hits, group-noun hits, token starts, token ends) of a
        window.

        The last window is remembered: the coder reads the same words again for the event span
        (without a country, or with a corrected one), and only the matching depends on the country."""
        last = self._last_tokens
        if last is not None and last[0] == raw:
            return last[1]
        window = raw
        # (of the odd characters only the backtick is ASCII: an ASCII window without one has none)
        if (not window.isascii() or "`" in window) and _ODD_CHARS.search(window):
            window = _ODD_CHARS.sub(_plain_char, window)
        lowered = window.lower()
        if len(lowered) != len(window):
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in window)
        # the tokens and their offsets, found in C for ASCII text (no regex step and match object per
        # token; ``_token_spans``)
        low, starts, ends = _token_spans(lowered)
        if "'" in lowered:
            low = [t.replace("'", "") for t in low]
        marks = self._token_marks
        # starter and group-noun positions in one compiled loop (one native dict probe per token)
        hits: list[int] = []
        group_hits: list[int] = []
        for k in range(len(low)):
            mark = marks.get(low[k], 0)
            if mark:
                if mark & 1:
                    hits.append(k)
                if mark & 2:
                    group_hits.append(k)
        result = (window, low, hits, group_hits, starts, ends)
        self._last_tokens = (raw, result)
        return result

    def find(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        country: str | None = None,
        on: dt.date | None = None,
    ) -> list[ActorMention]:
        """Actor mentions in ``text[start:end]``: non-overlapping, longest first, offsets into ``text``."""
        return self._find(text, start, len(text) if end is None else end, country, on, True)

    def _window_tokens(self, text: str, start: int, end: int) -> _Tokens | None:
        """``_tokens(text[start:end])`` cut from the tokens of the whole ``text`` read before, or None.

        Exact when the text is plain ASCII (no character is replaced, lower-casing keeps every offset)
        and both ends of the window fall on a character no token holds (or the text's ends): the
        ASCII tokenizer cuts the text at those characters and reads each piece alone
        (``actor_text._token_spans``), so the window's pieces and tokens are the text's that lie in it.
        """
        doc = self._doc_tokens
        if doc is None or doc[0] is not text or not doc[2] or not 0 <= start < end <= len(text):
            return None
        if start > 0 and _TOKEN_BYTES[ord(text[start - 1])] != 32:
            return None
        if end < len(text) and _TOKEN_BYTES[ord(text[end])] != 32:
            return None
        _, low, hits, group_hits, starts, ends = doc[1]
        a = bisect_left(starts, start)
        b = bisect_left(starts, end, a)
        h0 = bisect_left(hits, a)
        h1 = bisect_left(hits, b, h0)
        g0 = bisect_left(group_hits, a)
        g1 = bisect_left(group_hits, b, g0)
        return (
            text[start:end],
            low[a:b],
            [k - a for k in hits[h0:h1]],
            [k - a for k in group_hits[g0:g1]],
            [s - start for s in starts[a:b]],
            [e - start for e in ends[a:b]],
        )

    def _tokens_of(self, text: str, start: int, end: int, keep: bool) -> _Tokens:
        """The tokens of ``text[start:end]`` for ``_find`` (``keep``: remember a whole text's)."""
        if start == 0 and end == len(text):
            doc = self._doc_tokens
            if doc is not None and doc[0] is text:
                return doc[1]
            tokens = self._tokens(text)
            if keep:
                self._doc_tokens = (text, tokens, text.isascii() and "`" not in text)
            return tokens
        return self._window_tokens(text, start, end) or self._tokens(text[start:end])

    def _find(
        self,
        text: str,
        start: int,
        end: int,
        country: str | None,
        on: dt.date | None,
        keep: bool,
        made: list[ActorEntry] | None = None,
    ) -> list[ActorMention]:
        """``find``; ``keep``: remember a whole text's tokens for windows of it (not a phrase's);
        ``made``: collects the entries ``_mention`` names (resolve_cached's date check)."""
        window, low, hits, group_hits, starts, ends = self._tokens_of(text, start, end, keep)
        if not hits and not group_hits:
            return []
        spans: list[tuple[int, int, ActorMention]] = []
        count = len(low)
        next_free = 0
        trie = self._trie
        for i in hits:
            if i < next_free:
                continue
            token = low[i]
            best: tuple[int, list[_Candidate]] | None = None
            node = trie.get(token)
            if node is None:
                # (its branch not built yet; or built by another thread since: _branch reads the trie again)
                node = self._branch(token)
            k = i + 1
            while node is not None:
                if _END in node:
                    best = (k - i, node[_END])
                if k >= count:
                    break
                node = node.get(low[k])
                k += 1
            if token in self._cs_first:
                for n in self._cs_lengths.get(
                    window[starts[i] : ends[i]].replace("'", ""), ()
                ):
                    if best is not None and n <= best[0]:
                        break
                    if i + n <= count:
                        key = " ".join(
                            window[starts[k] : ends[k]].replace("'", "") for k in range(i, i + n)
                        )
                        cands = self._cs_candidates.get(key)
                        if cands:
                            best = (n, cands)
                            break
            state = self._state_at(low, i) if token in self._place_first else None
            if state is not None and (best is None or state[0] > best[0]):
                n, kind, where = state
                security = kind == "security"
                cand: _Candidate | None = _Candidate(
                    self.entries[f"{'police' if kind == 'police' else 'military'}:{where}"],
                    bound=False,
                    security=security,
                )
            elif best is not None:
                n, cands = best
                if (
                    country is not None
                    and window[starts[i] : ends[i + n - 1]].islower()
                    and all(low[k] in _ORDINARY_WORDS for k in range(i, i + n))
                ):
                    # "the national army" in lower case describes the country's own army, not a force
                    # of another country called so (Syria's SNA, Yemen's "National Army")
                    own = [c for c in cands if c.entry.generic or c.entry.country in (None, country)]
                    cands = own or cands
                cand = self._pick(cands, country)
            elif token in self._places and (shared := self._shared_noun(window, starts, ends, low, i)):
                # "Turkish and JWS forces", "Turkish and allied Olive Branch factions": the demonym
                # shares the noun of the conjunct after it
                n, cand = 1, _Candidate(self.entries[f"{shared}:{self._places[token]}"], bound=False)
            else:
                continue
            if cand is None:
                continue
            if i > 0 and low[i - 1] == "anti" and window[ends[i - 1] : starts[i]] == "-":
                continue  # "anti-Houthi forces" are not the Houthis
            if (
                cand.entry.country is None
                and not cand.entry.generic
                and i + n < count
                and low[i + n] in _LINK_WORDS
                and window[ends[i + n - 1] : starts[i + n]] == "-"
            ):
                continue  # "an al-Qaeda-linked group": tied to a network of no country, not the network
            if (
                not cand.entry.generic
                and n > 1
                and all(low[k] in _ORDINARY_WORDS for k in range(i, i + n))
                and window[starts[i] : ends[i + n - 1]].islower()
                and _ALONG_THE.search(window, max(0, starts[i] - 20), starts[i])
                and not _lower_case_alias(cand.entry, " ".join(low[i : i + n]))
            ):
                continue  # "on the southern front": a proper name's ordinary words as a place, in lower case
            if (
                # a generic word, or a named group's alias of ordinary words only ("National Army"),
                # after a capitalised word that is no country's: a longer name ("Kuki National Army")
                (
                    cand.entry.generic
                    or (
                        n > 1
                        and i > 0
                        and window[starts[i - 1]].isupper()
                        and low[i - 1] not in self._places
                        # (an article is no part of the name: "(Reuters) - The Rapid Support Forces")
                        and low[i - 1] != "the"
                        and all(low[k] in _ORDINARY_WORDS for k in range(i, i + n))
                    )
                )
                and i > 0
                and window[starts[i]].isupper()
                and window[starts[i + n - 1]].isupper()
                and window[starts[i - 1]].isupper()
                and window[ends[i - 1] : starts[i]] == " "
                and (
                    i > 1
                    and window[ends[i - 2] : starts[i - 1]].strip() not in (".", "!", "?")
                )
                # "the pro-Iran Fatemiyoun": the capitalised word before is a patron, not part of a name
                and not (low[i - 2] in ("pro", "anti") and window[ends[i - 2]] == "-")
            ):
                continue  # "Northern Hawks Army", "Central Police Station": a generic word in a proper name
            if (
                cand.entry.generic
                and n > 1
                and any(
                    low[k] in self._place_first and (self._state_at(low, k) or (0,))[0] > i + n - k
                    for k in range(i + 1, i + n)
                )
            ):
                continue  # "the Military Forces of Syria": the longer name that starts inside wins
            j = i + n
            # "Military Forces of Syria (2000-)": take the bracketed era along
            if (
                cand.entry.kind in ("military", "police")
                and j + 2 < count
                and low[j] == "("
                and low[j + 1].isdigit()
                and low[j + 2] == ")"
            ):
                j += 3
            s = start + starts[i]
            e = start + ends[j - 1]
            spans.append((s, e, self._mention(cand, text, s, e, country, on)))
            if made is not None:
                made.append(cand.entry)
            next_free = j
            if state is not None and j + 1 < count and low[j] == "and" and low[i] in ("military", "police"):
                # "military forces of India and Pakistan": the second state's forces too
                for m in self._place_lengths.get(low[j + 1], ()):
                    other = self._places.get(" ".join(low[j + 1 : j + 1 + m])) if j + 1 + m <= count else None
                    if other:
                        entry = self.entries[f"{low[i]}:{other}"]
                        s2 = start + starts[j + 1]
                        e2 = start + ends[j + m]
                        spans.append(
                            (s2, e2, self._mention(_Candidate(entry, bound=False), text, s2, e2, country, on))
                        )
                        if made is not None:
                            made.append(entry)
                        next_free = j + 1 + m
                        break
        if group_hits:
            for group in group_mentions(self, text, start, window, starts, ends, low, country, group_hits):
                # a listed actor wins over a pattern ("Hezbollah militia", "Islamist militias")
                # and a pattern wins over a generic word inside it ("Fulani herders")
                if not any(
                    s < group[1] and group[0] < e and (not m.generic or s <= group[0]) for s, e, m in spans
                ):
                    spans = [sp for sp in spans if not (sp[0] < group[1] and group[0] < sp[1])]
                    spans.append(group)
        if len(spans) > 1:
            spans.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        result: list[ActorMention] = []
        last_end = -1
        for s, e, mention in spans:
            if s >= last_end:
                result.append(mention)
                last_end = e
        return _merge_adjacent(result, text)
