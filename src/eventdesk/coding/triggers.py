"""The trigger lexicon: loader, schema check and matcher for data/event_triggers.yaml."""

from __future__ import annotations

import re

# Python ≥ 3.11 (the package's floor) keeps the regex parser in these private modules
import re._constants as _sc
import re._parser as _sp
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from ..errors import ConfigError

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


@dataclass(frozen=True, slots=True)
class Hit:
    """One trigger match: the group it belongs to and its span in the document text."""

    group: str
    start: int
    end: int
    text: str


class TriggerLexicon:
    """Compiled trigger groups; ``scan`` finds all hits of every group in a text."""

    def __init__(
        self,
        version: str,
        groups: dict[str, list[str]],
        source: str = "<memory>",
        derived: dict[str, tuple[Any, ...]] | None = None,
        scanner: tuple[str, tuple[Any, ...]] | None = None,
    ) -> None:
        """``derived`` is ``derive(groups)`` from an earlier run (the start-up cache), ``scanner`` the
        word-start pattern and its compiled code (``scanner_code``); they save parsing and compiling
        every pattern again."""
        from ..nlp.lexcache import from_code, pattern_code

        self.version = version
        self.source = source
        self.patterns: dict[str, re.Pattern[str]] = {}
        # literal prefixes: a group runs only when one of them occurs in the text (None: always run)
        self.gates: dict[str, frozenset[str] | None] = {}
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
        # head -> the gated groups a word starting with it may start: the groups of every head that
        # is a prefix of it (the scanner finds the longest head a word starts with)
        by_head: dict[str, set[str]] = {}
        for name, heads in self._heads.items():
            for head in heads:
                by_head.setdefault(head, set()).add(name)
        self._head_groups: dict[str, tuple[str, ...]] = {}
        for head in by_head:
            names: set[str] = set()
            for k in range(1, len(head) + 1):
                names.update(by_head.get(head[:k], ()))
            self._head_groups[head] = tuple(sorted(names))
        pattern = _scanner_pattern(by_head)
        if scanner is None or scanner[0] != pattern:
            scanner = (pattern, pattern_code(pattern))
        # one pass finds the words that start a gated group's head, and the longest such head
        self._scanner = from_code(pattern, scanner[1])

    def scan(self, text: str, groups: tuple[str, ...] | None = None) -> dict[str, list[Hit]]:
        """Hits per group (only groups that fire) for ``text`` (any case; offsets into ``text``)."""
        text = text.lower()
        wanted = set(groups) if groups is not None else None
        found: dict[str, list[Hit]] = {}
        # Gated groups are tried only where a word starts with one of their heads (anchored matches
        # instead of a scan of the whole text per group): several times faster. The scanner finds
        # those words, and the longest head each starts with, in one pass of the regex engine.
        head_groups = self._head_groups
        patterns = self.patterns
        last_end: dict[str, int] = {}
        for word in self._scanner.finditer(text):
            start = word.start()
            for name in head_groups[word.group()]:
                if start < last_end.get(name, 0) or (wanted is not None and name not in wanted):
                    continue
                m = patterns[name].match(text, start)
                if m is not None:
                    end = m.end()
                    if end > start:
                        found.setdefault(name, []).append(Hit(name, start, end, m.group()))
                        last_end[name] = end
        for name in self._ungated:
            if wanted is not None and name not in wanted:
                continue
            hits = [Hit(name, m.start(), m.end(), m.group()) for m in self.patterns[name].finditer(text)]
            if hits:
                found[name] = hits
        return found

    def first(self, group: str, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first match of one group inside ``text[start:end]``; ``text`` must be lower-cased."""
        return self.patterns[group].search(text, start, len(text) if end is None else end)


_WORD: Final = re.compile(r"[a-z0-9]+")


_FREQUENT: Final = "tasoicpwbfmhdrelngyuvkjqzx"  # a-z by how many English words they start, roughly


def _scanner_pattern(heads: Iterable[str]) -> str:
    """A pattern that matches at each start of a word (a run of a-z0-9) that begins with one of
    ``heads``, and matches the longest such head."""
    return r"(?<![a-z0-9])" + trie_alternation(heads)


def trie_alternation(words: Iterable[str]) -> str:
    """An alternation of literal ``words`` written as a trie ("kill(?:ed|ing)?"): it matches at the
    positions an alternation of the words matches at, always the longest word there, and the regex
    engine reads each position once instead of trying every word. Empty when there are no words."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternation(node: dict[str, Any]) -> str:
        # the engine tries a node's branches in turn: the letters that start most English words first
        order = sorted((c for c in node if c), key=lambda c: (_FREQUENT.find(c) if c in _FREQUENT else 99, c))
        branches = [re.escape(char) + alternation(node[char]) for char in order]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        single = len(branches) == 1 and len(branches[0]) == 1
        body = branches[0] if single else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body  # greedy: the longest word first

    return alternation(trie)


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


def _prefixes(seq: list[Any], depth: int) -> set[str] | None:
    """Possible literal starts of a parsed pattern, or None when one path has none (or too many)."""
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
        tail = _prefixes(seq[i:], depth + 1)
        if tail is None:
            return {head} if len(head) >= 2 else None
        return {head + t for t in tail}
    if op is _sc.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, depth + 1)
    if op is _sc.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _prefixes(list(branch) + rest, depth + 1)
            if sub is None:
                return None
            out |= sub
        return out if len(out) <= 64 else None
    if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
        low, _high, body = av
        with_body = _prefixes(list(body) + rest, depth + 1)
        if low >= 1:
            return with_body
        without = _prefixes(rest, depth + 1)
        body_items = list(body)
        if without is not None and body_items and body_items[-1] == (_sc.LITERAL, ord(" ")):
            # an optional leading word ("(?:the )?army"): every match also contains the word after it
            return without
        if with_body is None or without is None:
            return None
        return with_body | without
    if op in (_sc.ASSERT_NOT, _sc.ASSERT, _sc.AT):  # assertions consume nothing
        return _prefixes(rest, depth + 1)
    if op is _sc.IN and len(av) <= 4 and all(kind is _sc.LITERAL for kind, _ in av):
        out = set()
        for _kind, char in av:
            sub = _prefixes([(_sc.LITERAL, char), *rest], depth + 1)
            if sub is None:
                return None
            out |= sub
        return out
    return None


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

    def build() -> tuple[str, dict[str, list[str]], dict[str, tuple[Any, ...]], tuple[str, tuple[Any, ...]]]:
        import yaml

        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        version, groups = _validate(data, "event_triggers.yaml")
        derived = derive(groups, "event_triggers.yaml")
        return version, groups, derived, scanner_code(derived)

    # keyed by the lexicon's text and this module's own code (which decides what is derived)
    version, groups, derived, scanner = cached("event_triggers", (text, source_of(__file__)), build)
    return TriggerLexicon(version, groups, "event_triggers.yaml", derived, scanner)


def scanner_code(derived: dict[str, tuple[Any, ...]]) -> tuple[str, tuple[Any, ...]]:
    """The word-start scanner's pattern and compiled code for ``derive``'s output (plain data)."""
    from ..nlp.lexcache import pattern_code

    heads = {head for _gate, _pattern, _code, group_heads in derived.values() for head in group_heads or ()}
    pattern = _scanner_pattern(heads)
    return pattern, pattern_code(pattern)
