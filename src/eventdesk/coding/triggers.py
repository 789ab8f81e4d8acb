"""The trigger lexicon: loader, schema check and matcher for data/event_triggers.yaml."""

from __future__ import annotations

import re

# Python ≥ 3.11 (the package's floor) keeps the regex parser in these private modules
import re._constants as _sc
import re._parser as _sp
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from ..errors import ConfigError
from ..nlp.sentences import ascii_words
from ..nlp.values import FrozenValueRecord

__all__ = ["REQUIRED_GROUPS", "Hit", "TriggerLexicon", "load_triggers"]

# Groups the coder reads; a lexicon missing one is rejected at load time.
REQUIRED_GROUPS: Final = (
    "clash", "ground_attack", "control_gain", "chemical", "suicide", "airstrike", "shelling", "ied",
    "grenade",
    "sexual", "abduction", "vac_attack", "protest", "intervention", "excessive_force",
    "violent_demo", "mob", "crowd_size", "agreement", "arrests", "change_group", "disrupted", "hq", "looting",
    "transfer", "killed", "casualties", "injured", "no_fatalities", "heavy", "state", "civilian",
    "armed", "perpetrator", "background", "no_event", "non_conflict", "court_verdict", "figurative",
)  # fmt: skip


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Hit(FrozenValueRecord):
    """One trigger match: the group it belongs to and its span in the document text."""

    group: str
    start: int
    end: int
    text: str

    def __init__(self, group: str, start: int, end: int, text: str) -> None:
        # the same as the __init__ dataclass would write, but compiled by mypyc (the generated one
        # stays interpreted; a scan makes several Hits per report)
        object.__setattr__(self, "group", group)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)


# head (as bytes) -> the gated groups a word starting with it may start, or None for the first three
# characters of a longer head that are no head themselves (word_groups)
_HeadGroups = dict[bytes, tuple[str, ...] | None]
# (word starts, whole words) of a group's items that may match beyond their first word (outer_word_heads)
_Outer = tuple[tuple[str, ...], tuple[str, ...]]
# what a text must begin with at a word: per length, the literal starts of that length (_needs)
_Needs = tuple[tuple[int, tuple[str, ...]], ...]
# one group a word may start: (group, verdict from the word alone, what a match there needs or None)
_Step = tuple[str, int, _Needs | None]
# a group's literal starts for _needs: (the starts of a-z0-9 only, {word: the _Needs of the starts that
# go on past that word with another character}, the lengths of the starts of a-z0-9 only, ascending)
_StartIndex = tuple[frozenset[str], dict[str, _Needs], tuple[int, ...]]


class TriggerLexicon:
    """Compiled trigger groups; ``scan`` finds all hits of every group in a text."""

    def __init__(
        self,
        version: str,
        groups: dict[str, list[str]],
        source: str = "<memory>",
        derived: dict[str, tuple[Any, ...]] | None = None,
        head_groups: _HeadGroups | None = None,
        outer_heads: dict[str, _Outer | None] | None = None,
        start_index: dict[str, _StartIndex | None] | None = None,
    ) -> None:
        """``derived`` is ``derive(groups)`` from an earlier run (the start-up cache), ``head_groups``
        ``word_groups(derived)`` likewise, ``outer_heads`` and ``start_index`` the groups'
        ``outer_word_heads`` and ``start_index_of``; they save parsing and compiling every pattern
        again."""
        from ..nlp.lexcache import from_code

        self.version = version
        self.source = source
        self.patterns: dict[str, re.Pattern[str]] = {}
        # literal prefixes: a group runs only when one of them occurs in the text (None: always run)
        self.gates: dict[str, frozenset[str] | None] = {}
        given = derived
        if derived is None or set(derived) != set(groups) or any(len(v) != 4 for v in derived.values()):
            derived = derive(groups, source)
        # per gated group, the leading letters one of which the word a match starts in begins with
        # (the gate's word starts, untruncated): a word's groups are the ones it can really start
        self._heads: dict[str, frozenset[str]] = {}
        for name in groups:
            gate, pattern, code, heads = derived[name]
            self.patterns[name] = from_code(pattern, code)
            self.gates[name] = gate
            if heads is not None:
                self._heads[name] = frozenset(heads)
        # word start (1-4 characters) -> the gated groups a match could begin there
        self._by_start: dict[str, tuple[str, ...]] = {}
        index: dict[str, list[str]] = {}
        for name, gate in self.gates.items():
            for prefix in gate or ():
                index.setdefault(prefix, []).append(name)
        self._by_start = {k: tuple(v) for k, v in index.items()}
        self._ungated = tuple(name for name, gate in self.gates.items() if gate is None)
        if head_groups is None or derived is not given:  # a fresh derivation: fresh head groups
            head_groups = word_groups(derived)
        self._head_groups: _HeadGroups = head_groups
        self._longest_head = max((len(head) for head in head_groups), default=0)
        # per group, how the items that may match beyond the word they begin in begin (outer_word_heads;
        # None: not known); a word none of them can begin decides the group's match on its own (_plan_of)
        if outer_heads is None or set(outer_heads) != set(groups) or derived is not given:
            outer_heads = {name: outer_word_heads(items) for name, items in groups.items()}
        self._outer_starts: dict[str, tuple[str, ...]] = {}
        self._outer_words: dict[str, frozenset[str]] = {}
        for name, outer in outer_heads.items():
            if outer is not None:
                self._outer_starts[name] = outer[0]
                self._outer_words[name] = frozenset(outer[1])
        # per group, the literal text one of which every match begins with, indexed by word
        # (start_index_of; None: not known): where the word a pattern would run at is followed by none
        # of them, it need not run
        if start_index is None or set(start_index) != set(groups) or derived is not given:
            start_index = {name: start_index_of(items) for name, items in groups.items()}
        self._starts: dict[str, _StartIndex | None] = dict(start_index)
        # word (as bytes) -> its groups, each with what the word alone says of its match and which
        # text after it a match needs (_plan_of): words repeat across reports
        self._word_groups: dict[bytes, tuple[_Step, ...]] = {}

    def scan(
        self, text: str, groups: tuple[str, ...] | None = None, words: list[tuple[int, bytes]] | None = None
    ) -> dict[str, list[Hit]]:
        """Hits per group (only groups that fire) for ``text`` (any case; offsets into ``text``).
        ``words``: ``nlp.sentences.ascii_words(text)`` when the caller has them (read only when
        ``text`` is lower-cased already)."""
        lowered = text.lower()
        if words is None or lowered != text:
            words = ascii_words(lowered)
        text = lowered
        wanted = set(groups) if groups is not None else None
        found: dict[str, list[Hit]] = {}
        # Gated groups are tried only where a word (a run of a-z0-9) starts with one of their heads
        # (anchored matches instead of a scan of the whole text per group): several times faster.
        patterns = self.patterns
        memo = self._word_groups
        if len(memo) > 100_000:  # a bounded memo
            memo.clear()
        last_end: dict[str, int] = {}
        # in ASCII text without "_" a word (a run of a-z0-9) is bounded by characters that are not \w,
        # as when it stands alone: a group whose items that begin it stay inside it matches there
        # exactly when it matches the word alone (_plan_of), and its pattern need not run
        alone = text.isascii() and "_" not in text
        for start, word in words:
            plan = memo.get(word)
            if plan is None:
                plan = memo[word] = self._plan_of(word)
            for name, verdict, needs in plan:
                if start < last_end.get(name, 0) or (wanted is not None and name not in wanted):
                    continue
                if alone and verdict != 0:
                    if verdict > 0:
                        stop = start + len(word)
                        found.setdefault(name, []).append(Hit(name, start, stop, text[start:stop]))
                        last_end[name] = stop
                    continue
                if needs is not None and not _followed_by(text, start, needs):
                    continue  # no item's literal start is here: the pattern cannot match
                m = patterns[name].match(text, start)
                if m is not None:
                    stop = m.end()
                    if stop > start:
                        found.setdefault(name, []).append(Hit(name, start, stop, m.group()))
                        last_end[name] = stop
        for name in self._ungated:
            if wanted is not None and name not in wanted:
                continue
            hits = [Hit(name, m.start(), m.end(), m.group()) for m in self.patterns[name].finditer(text)]
            if hits:
                found[name] = hits
        return found

    def _plan_of(self, word: bytes) -> tuple[_Step, ...]:
        """The gated groups a word may start, each with 1 when the word alone (bounded by characters
        that are not \\w) is a match of the group, -1 when nothing matches from its start, 0 when
        the text after the word may decide (the pattern must run), and what a match there needs the
        text to begin with (``_needs``)."""
        plan: list[_Step] = []
        alone = word.decode("ascii")
        for name in self._groups_of(word):
            starts = self._outer_starts.get(name)
            verdict = 0
            if starts is not None and not alone.startswith(starts) and alone not in self._outer_words[name]:
                m = self.patterns[name].match(alone)
                if m is None or m.end() == 0:
                    verdict = -1  # (an empty match makes no hit)
                elif m.end() == len(alone):
                    verdict = 1
            plan.append((name, verdict, _needs(alone, self._starts.get(name))))
        return tuple(plan)

    def _groups_of(self, word: bytes) -> tuple[str, ...]:
        """The gated groups a word may start: those of the longest head it begins with (only heads of
        one or two characters are tried when the word's first three begin none: ``_head_groups`` holds
        the first three of every longer head, word_groups)."""
        longest = self._longest_head if word[:3] in self._head_groups else 2
        for k in range(min(len(word), longest), 0, -1):
            names = self._head_groups.get(word[:k])
            if names is not None:
                return names
        return ()

    def first(self, group: str, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first match of one group inside ``text[start:end]``; ``text`` must be lower-cased."""
        return self.patterns[group].search(text, start, len(text) if end is None else end)


_WORD: Final = re.compile(r"[a-z0-9]+")


def derive(groups: dict[str, list[str]], source: str = "<memory>") -> dict[str, tuple[Any, ...]]:
    """Per group: its gate (word starts ≤ 4 characters), its combined pattern, that pattern's
    compiled code and its heads (the word starts untruncated); plain data, so the start-up cache can
    keep it (nlp.lexcache)."""
    from ..nlp.lexcache import pattern_code

    derived: dict[str, tuple[Any, ...]] = {}
    for name, items in groups.items():
        try:
            # patterns run on lower-cased text without IGNORECASE: about twice as fast
            lowered = [_lower_pattern(p) for p in items]
            pattern = r"\b(?:" + "|".join(f"(?:{p})" for p in lowered) + r")\b"
            heads = _heads(lowered)
            gate = None if heads is None else frozenset(h[:4] for h in heads)
            derived[name] = (gate, pattern, pattern_code(pattern), heads)
        except re.error as exc:
            raise ConfigError(f"{source}: group {name!r}: bad pattern: {exc}") from exc
    return derived


def _gate(patterns: list[str]) -> frozenset[str] | None:
    """Word starts (≤ 4 characters) one of which every match of the patterns begins with."""
    heads = _heads(patterns)
    return None if heads is None else frozenset(h[:4] for h in heads)


def _heads(patterns: list[str]) -> frozenset[str] | None:
    """The literal leading letters (as far as the patterns spell them out) one of which every match
    of the patterns begins with: the word a match starts in begins with one of them."""
    found: set[str] = set()
    for pattern in patterns:
        try:
            prefixes = _prefixes(list(_sp.parse(pattern)), 0)
        except Exception:
            return None
        if prefixes is None:
            return None
        for prefix in prefixes:
            head = _WORD.match(prefix)
            if head is None:
                return None
            found.add(head.group())
    return frozenset(found)


def _prefixes(seq: list[Any], depth: int, exact: bool = False) -> set[str] | None:
    """Possible literal starts of a parsed pattern, or None when one path has none (or too many).
    ``exact``: starts one of which every match begins with (an optional leading word counts as a start,
    no cap on their number, no character class), for the word-alone verdicts."""
    if depth > 6 or not seq:
        return None
    op, av = seq[0]
    rest = seq[1:]
    if op is _sc.LITERAL:
        head = ""
        i = 0
        while i < len(seq) and seq[i][0] is _sc.LITERAL:
            head += chr(seq[i][1])
            i += 1
        if len(head) >= 3 or i == len(seq):
            return {head} if len(head) >= 2 else None
        tail = _prefixes(seq[i:], depth + 1, exact)
        if tail is None:
            return {head} if len(head) >= 2 else None
        return {head + t for t in tail}
    if op is _sc.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, depth + 1, exact)
    if op is _sc.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _prefixes(list(branch) + rest, depth + 1, exact)
            if sub is None:
                return None
            out |= sub
        return out if exact or len(out) <= 64 else None
    if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
        low, _high, body = av
        with_body = _prefixes(list(body) + rest, depth + 1, exact)
        if low >= 1:
            return with_body
        without = _prefixes(rest, depth + 1, exact)
        body_items = list(body)
        if not exact and without is not None and body_items and body_items[-1] == (_sc.LITERAL, ord(" ")):
            # an optional leading word ("(?:the )?army"): every match also contains the word after it
            return without
        if with_body is None or without is None:
            return None
        return with_body | without
    if op in (_sc.ASSERT_NOT, _sc.ASSERT, _sc.AT):  # assertions consume nothing
        return _prefixes(rest, depth + 1, exact)
    if not exact and op is _sc.IN and len(av) <= 4 and all(kind is _sc.LITERAL for kind, _ in av):
        out = set()
        for _kind, char in av:
            sub = _prefixes([(_sc.LITERAL, char), *rest], depth + 1)
            if sub is None:
                return None
            out |= sub
        return out
    return None


_ALNUM: Final = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")


def outer_word_heads(items: list[str]) -> _Outer | None:
    """How the group's items that may match beyond the word they begin in begin (an item that stays
    inside a word, such as ``kill(?:ed|ing)``, is left out): (word starts, whole words) such that the
    word such a match begins in starts with one of the starts or is one of the whole words ("shot
    dead" begins in the word "shot"); None when an item's start is not known. Plain data, for the
    start-up cache."""
    starts: set[str] = set()
    words: set[str] = set()
    for item in items:
        try:
            parsed = list(_sp.parse(_lower_pattern(item)))
        except Exception:
            return None
        if _inside_word(parsed):
            continue
        prefixes = _prefixes(parsed, 0, exact=True)
        if prefixes is None:
            return None
        for prefix in prefixes:
            head = _WORD.match(prefix)
            if head is None:
                return None
            if head.end() == len(prefix):
                starts.add(prefix)
            else:  # the word ends inside the literal start: the match begins in exactly that word
                words.add(head.group())
    return tuple(sorted(starts)), tuple(sorted(words))


# a group's literal starts are cut to this length and, when more than _MAX_STARTS, shorter still
_START_LEN: Final = 16
_MAX_STARTS: Final = 256


def literal_starts_of(items: list[str]) -> tuple[str, ...] | None:
    """The literal texts one of which every match of the group's items (lower-cased) begins with,
    spelled out as far as the patterns do (through groups, alternatives and optional parts, up to
    ``_START_LEN`` characters; "" where a match may begin with any character); None when a pattern
    cannot be read or ignores case. Plain data, for the start-up cache."""
    found: set[str] = set()
    for item in items:
        try:
            parsed = _sp.parse(_lower_pattern(item))
        except Exception:
            return None
        if parsed.state.flags & re.IGNORECASE:
            return None
        starts = _seq_starts(list(parsed))
        if starts is None:
            return None
        found.update(text for text, _whole in starts)
    return tuple(sorted(text for text, _whole in _capped({(text, False) for text in found})))


# (text, whole): a match begins with ``text``; with ``whole``, the match is exactly ``text`` (what
# follows in the pattern goes on after it)
_Starts = set[tuple[str, bool]]


def _capped(starts: _Starts) -> _Starts:
    """The same starts cut to _START_LEN characters and, while more than _MAX_STARTS remain, shorter
    still (a shorter start is as true; a cut one is no longer whole)."""
    length = _START_LEN
    while True:
        starts = {(t, w) if len(t) < length else (t[:length], False) for t, w in starts}
        if len(starts) <= _MAX_STARTS or length <= 0:
            return starts
        length -= 4


def _seq_starts(seq: list[Any]) -> _Starts | None:
    """The starts of a parsed sequence: its items' starts joined while they are whole; None where a
    part sets its own flags to ignore case."""
    current: _Starts = {("", True)}
    for op, av in seq:
        open_ = [t for t, whole in current if whole and len(t) < _START_LEN]
        if not open_:
            break
        item = _item_starts(op, av)
        if item is None:
            return None
        joined: _Starts = {(t, False) for t, w in current if not w or len(t) >= _START_LEN}
        for t in open_:
            joined.update((t + u, v) for u, v in item)
        current = _capped(joined) if len(joined) > _MAX_STARTS else joined
    return _capped(current)


def _item_starts(op: Any, av: Any) -> _Starts | None:
    if op is _sc.LITERAL:
        return {(chr(av), True)}
    if op is _sc.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _seq_starts(list(av[-1]))
    if op is _sc.BRANCH:
        out: _Starts = set()
        for branch in av[1]:
            sub = _seq_starts(list(branch))
            if sub is None:
                return None
            out |= sub
        return out
    if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
        low, high, body = av
        body_starts = _seq_starts(list(body))
        if body_starts is None:
            return None
        # once: the body's starts; more often: a body's match, then something not known
        once = body_starts if high == 1 else {(t, False) for t, _w in body_starts}
        return once if low >= 1 else once | {("", True)}
    if op in (_sc.ASSERT_NOT, _sc.ASSERT, _sc.AT):  # assertions consume nothing
        return {("", True)}
    return {("", False)}  # a class, any character, a back reference …: nothing more is known


_ALNUM_STR: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def start_index_of(items: list[str]) -> _StartIndex | None:
    """``literal_starts_of(items)`` indexed for ``_needs``. Plain data, for the start-up cache."""
    starts = literal_starts_of(items)
    if starts is None:
        return None
    whole: set[str] = set()
    longer: dict[str, dict[int, set[str]]] = {}
    for start in starts:
        run = _RUN.match(start)
        size = run.end() if run is not None else 0
        if size == len(start):
            whole.add(start)
        else:  # the word such a start begins with, then a character that is not a-z0-9
            longer.setdefault(start[:size], {}).setdefault(len(start), set()).add(start)
    needs = {word: tuple((n, tuple(sorted(v))) for n, v in sorted(by.items())) for word, by in longer.items()}
    return frozenset(whole), needs, tuple(sorted({len(start) for start in whole}))


_RUN: Final = re.compile(r"[a-z0-9]*")


def _needs(word: str, index: _StartIndex | None) -> _Needs | None:
    """For a group's literal starts (``start_index_of``), what the text must begin with where ``word``
    (a whole run of a-z0-9) begins for the group to match there: the starts that begin with the word
    and go on with another character (the character after the word is not a-z0-9), by length; ()
    when none, so nothing can match; None when a start of a-z0-9 only is the word or a prefix of it
    (a match may end inside the word: the pattern must run). Only the word's leading parts as long as
    such starts are looked up."""
    if index is None:
        return None
    whole, longer, lengths = index
    size = len(word)
    for k in lengths:
        if k > size:
            break
        if word[:k] in whole:
            return None
    return longer.get(word, ())


def _followed_by(text: str, start: int, needs: _Needs) -> bool:
    """Whether ``text`` at ``start`` begins with one of the starts in ``needs``. (A loop, not any() over a
    generator: in pure Python each call would make a generator object; docs/speed.md, "Session 12".)"""
    for size, options in needs:  # noqa: SIM110
        if text[start : start + size] in options:
            return True
    return False


def _inside_word(seq: list[Any]) -> bool:
    """Every character the parsed pattern matches is one of a-z0-9 (and it asserts nothing but \\b):
    a match stays inside the run of a-z0-9 it begins in."""
    for op, av in seq:
        if op is _sc.LITERAL:
            if av not in _ALNUM:
                return False
        elif op is _sc.IN:
            for kind, value in av:
                if kind is _sc.LITERAL and value in _ALNUM:
                    continue
                if kind is _sc.RANGE and all(c in _ALNUM for c in range(value[0], value[1] + 1)):
                    continue
                return False
        elif op is _sc.BRANCH:
            if not all(_inside_word(list(branch)) for branch in av[1]):
                return False
        elif op is _sc.SUBPATTERN:
            if not _inside_word(list(av[-1])):
                return False
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
            if not _inside_word(list(av[2])):
                return False
        elif not (op is _sc.AT and av is _sc.AT_BOUNDARY):
            return False
    return True


def _lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literals, keeping escapes such as ``\\S`` intact."""
    return re.sub(r"(\\.)|([A-Z]+)", lambda m: m.group(1) or m.group(2).lower(), pattern)


def lexicon_version(data: Any, source: str) -> str:
    """A lexicon file's mapping must carry a non-empty ``version``; a ConfigError names the file."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: top level must be a mapping")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise ConfigError(f"{source}: 'version' must be a non-empty string")
    return version


def pattern_heads(patterns: list[str]) -> frozenset[str] | None:
    """``_heads`` of case-folded patterns: the word starts one of which every match begins with."""
    return _heads([_lower_pattern(p) for p in patterns])


def _validate(data: Any, source: str) -> tuple[str, dict[str, list[str]]]:
    version = lexicon_version(data, source)
    groups = data.get("groups")
    if not isinstance(groups, dict):
        raise ConfigError(f"{source}: 'groups' must be a mapping of name -> list of patterns")
    for name, items in groups.items():
        if not isinstance(items, list) or not items or not all(isinstance(p, str) and p for p in items):
            raise ConfigError(f"{source}: group {name!r} must be a non-empty list of strings")
    missing = [g for g in REQUIRED_GROUPS if g not in groups]
    if missing:
        raise ConfigError(f"{source}: missing trigger group(s): {', '.join(missing)}")
    return version, groups


def read_yaml(path: str | Path, what: str) -> Any:
    """A lexicon file's YAML; an unreadable file is a ConfigError naming the file and ``what`` it is."""
    import yaml

    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read {what}: {exc}") from exc


def load_triggers(path: str | Path | None = None) -> TriggerLexicon:
    """Load and check a trigger lexicon (the packaged one by default)."""
    if path is None:
        return _default()
    source = str(path)
    data = read_yaml(path, "trigger lexicon")
    version, groups = _validate(data, source)
    return TriggerLexicon(version, groups, source)


@lru_cache(maxsize=1)
def _default() -> TriggerLexicon:
    from ..nlp.lexcache import cached, source_of

    text = resources.files("eventdesk").joinpath("data/event_triggers.yaml").read_text(encoding="utf-8")

    def build() -> tuple[
        str, dict[str, list[str]], dict[str, tuple[Any, ...]], _HeadGroups, dict[str, Any], dict[str, Any]
    ]:
        import yaml

        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        version, groups = _validate(data, "event_triggers.yaml")
        derived = derive(groups, "event_triggers.yaml")
        outer = {name: outer_word_heads(items) for name, items in groups.items()}
        starts = {name: start_index_of(items) for name, items in groups.items()}
        return version, groups, derived, word_groups(derived), outer, starts

    # keyed by the lexicon's text and this module's own code (which decides what is derived)
    version, groups, derived, head_groups, outer, starts = cached(
        "event_triggers", (text, source_of(__file__)), build
    )
    return TriggerLexicon(version, groups, "event_triggers.yaml", derived, head_groups, outer, starts)


def word_groups(derived: dict[str, tuple[Any, ...]]) -> _HeadGroups:
    """For ``derive``'s output: per head (as bytes), the gated groups a word starting with it may
    start, the groups of every head that is a prefix of it (a word's groups are then those of the
    longest head it begins with); and None for the first three characters of a longer head that are
    no head themselves. Plain data, for the start-up cache."""
    by_head: dict[str, set[str]] = {}
    for name, (_gate, _pattern, _code, heads) in derived.items():
        for head in heads or ():
            by_head.setdefault(head, set()).add(name)
    head_groups: _HeadGroups = {}
    for head in sorted(by_head):
        names: set[str] = set()
        for k in range(1, len(head) + 1):
            names.update(by_head.get(head[:k], ()))
        head_groups[head.encode()] = tuple(sorted(names))
    # the first three characters of each longer head, None where they are no head (_groups_of)
    for head in sorted(by_head):
        head_groups.setdefault(head[:3].encode(), None)
    return head_groups
