"""Country cues: a report's own words for one country's institutions, currency, administrative units
or national forces (data/country_cues.yaml), read when nothing else places the report.

``country_from_cues(text)`` → "Israel" for a report on a protest outside the Knesset, None when no cue
fires or cues of two countries fire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from ..errors import ConfigError
from ..nlp.values import FrozenValueRecord

__all__ = ["CountryCues", "country_from_cues", "load_country_cues"]


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class CountryCues(FrozenValueRecord):
    """Compiled cues: one pattern per country."""

    version: str
    patterns: dict[str, re.Pattern[str]]
    # a cheap gate: the lower-cased literal first words of all cues
    words: frozenset[str]
    # per country: lower-cased leading letters one of which every match of its pattern begins with
    # (triggers.pattern_heads; None: not known, always searched). Only a shortcut: a country none of whose
    # heads occurs in the lower-cased text cannot match, so its pattern is not run
    gates: dict[str, frozenset[str] | None] | None = None
    # ``head_index(gates)``: the gates' heads by their first two letters, as bytes, with their country
    index: dict[bytes, tuple[tuple[bytes, str], ...]] | None = None

    def __init__(
        self,
        version: str,
        patterns: dict[str, re.Pattern[str]],
        words: frozenset[str],
        gates: dict[str, frozenset[str] | None] | None = None,
        index: dict[bytes, tuple[tuple[bytes, str], ...]] | None = None,
    ) -> None:
        # written out, as the dataclass's would be (nlp.values)
        object.__setattr__(self, "version", version)
        object.__setattr__(self, "patterns", patterns)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "gates", gates)
        object.__setattr__(self, "index", index)


    def country(self, text: str, words: list[tuple[int, bytes]] | None = None) -> str | None:
        """The one country whose cues occur in ``text``, else None. ``words``: the caller's
        ``sentences.ascii_words`` of ``text.lower()`` when it has them (read only when lower-casing
        keeps the text's length, as it then is the same list as the split below)."""
        low = text.lower()
        gates = self.gates
        index = self.index
        if index is not None and gates is not None and len(low) == len(text) and not _FOLDED.search(low):
            # A match begins a word (\b) with one of its country's heads, or has the head begin a word
            # after an optional leading word: only countries with a head at the start of a word (a run
            # of a-z0-9) can match. The words, as bytes, in C: every other character made a space.
            # Each word's countries come from a memo (words repeat across reports): _heads_of.
            candidates: set[str] = set()
            memo = _word_memo(index)
            if words is None:
                pieces = low.encode("ascii", "replace").translate(_NOT_ALNUM).split()
            else:
                pieces = [word for _offset, word in words]
            for word in pieces:
                names = memo.get(word)
                if names is None:
                    names = _heads_of(index, word)
                    if len(memo) > 100_000:  # a bounded memo
                        memo.clear()
                    memo[word] = names
                if names:
                    candidates.update(names)
            if not candidates:
                return None
            found = {
                name
                for name, pattern in self.patterns.items()
                if (name in candidates or gates.get(name) is None) and pattern.search(text)
            }
            if found and not any(w in low for w in self.words):  # the cheap gate below, as before
                return None
            return next(iter(found)) if len(found) == 1 else None
        if not any(w in low for w in self.words):
            return None
        if gates is None or len(low) != len(text) or _FOLDED.search(low):
            found = {name for name, pattern in self.patterns.items() if pattern.search(text)}
        else:
            found = {
                name
                for name, pattern in self.patterns.items()
                if ((gate := gates.get(name)) is None or any(w in low for w in gate)) and pattern.search(text)
            }
        return next(iter(found)) if len(found) == 1 else None


# Characters that IGNORECASE matches to an ASCII letter although lower() does not make them one
# (dotted and dotless i, long s, the Kelvin sign): where one occurs, every pattern is searched.
_FOLDED: Final = re.compile("[\u0130\u0131\u017f\u212a]")
_NOT_ALNUM: Final = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


# per head index (kept alive beside its memo, so an id is never reused): word -> _heads_of(index, word)
_WORD_MEMOS: Final[dict[int, tuple[Any, dict[bytes, tuple[str, ...]]]]] = {}


def _word_memo(index: dict[bytes, tuple[tuple[bytes, str], ...]]) -> dict[bytes, tuple[str, ...]]:
    """The word memo of one head index."""
    entry = _WORD_MEMOS.get(id(index))
    if entry is None or entry[0] is not index:
        if len(_WORD_MEMOS) > 64:  # indexes made by tests: keep a few
            _WORD_MEMOS.clear()
        entry = _WORD_MEMOS[id(index)] = (index, {})
    memo: dict[bytes, tuple[str, ...]] = entry[1]
    return memo


def _heads_of(index: dict[bytes, tuple[tuple[bytes, str], ...]], word: bytes) -> tuple[str, ...]:
    """The countries one of whose heads ``word`` begins with (in the index's order, repeats kept)."""
    return tuple(name for head, name in index.get(word[:2], ()) if word.startswith(head))


def head_index(gates: dict[str, frozenset[str] | None]) -> dict[bytes, tuple[tuple[bytes, str], ...]] | None:
    """The gates' heads by their first two letters, as bytes: (head, country). None when a head is
    shorter than two letters or not ASCII (``country`` then tests every gate as a substring)."""
    index: dict[bytes, list[tuple[bytes, str]]] = {}
    for name, heads in gates.items():
        for head in sorted(heads or ()):
            if len(head) < 2 or not head.isascii():
                return None
            index.setdefault(head[:2].encode(), []).append((head.encode(), name))
    return {key: tuple(items) for key, items in index.items()}


def _validate(data: Any, source: str) -> CountryCues:
    from .triggers import lexicon_version, pattern_heads

    version = lexicon_version(data, source)
    countries = data.get("countries")
    if not isinstance(countries, dict) or not countries:
        raise ConfigError(f"{source}: 'countries' must be a mapping of country -> list of patterns")
    patterns: dict[str, re.Pattern[str]] = {}
    gates: dict[str, frozenset[str] | None] = {}
    words: set[str] = set()
    for name, items in countries.items():
        if not isinstance(name, str) or not isinstance(items, list) or not items:
            raise ConfigError(f"{source}: country {name!r} must have a non-empty list of patterns")
        if not all(isinstance(p, str) and p for p in items):
            raise ConfigError(f"{source}: country {name!r}: patterns must be non-empty strings")
        try:
            patterns[name] = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in items) + r")\b", re.I)
        except re.error as exc:
            raise ConfigError(f"{source}: country {name!r}: bad pattern: {exc}") from exc
        for p in items:
            head = re.match(r"[A-Za-z]{3,}", p)
            if head is None:
                raise ConfigError(f"{source}: country {name!r}: pattern {p!r} must start with a word")
            words.add(head.group().lower()[:4])
        gates[name] = pattern_heads(items)
    return CountryCues(version, patterns, frozenset(words), gates, head_index(gates))


def load_country_cues(path: str | Path | None = None) -> CountryCues:
    """Load and check a cue file (the packaged one by default)."""
    from .triggers import read_yaml

    if path is None:
        return _default()
    return _validate(read_yaml(path, "country cues"), str(path))


@lru_cache(maxsize=1)
def _default() -> CountryCues:
    from ..nlp.lexcache import cached, from_code, pattern_code, source_of

    text = resources.files("eventdesk").joinpath("data/country_cues.yaml").read_text(encoding="utf-8")

    def build() -> tuple[str, dict[str, tuple[str, Any]], frozenset[str], dict[str, Any]]:
        import yaml

        cues = _validate(yaml.safe_load(text), "country_cues.yaml")
        codes = {name: (p.pattern, pattern_code(p.pattern, re.I)) for name, p in cues.patterns.items()}
        return cues.version, codes, cues.words, cues.gates or {}

    # the checked, compiled cues come from the start-up cache (nlp.lexcache) after the first run
    # (the key includes triggers.py, whose pattern_heads derives the gates)
    import eventdesk.coding.triggers as triggers  # (not `from . import triggers`: under mypyc that is None)

    parts = (text, source_of(__file__), source_of(triggers.__file__))
    version, codes, words, gates = cached("country_cues", parts, build)
    patterns = {name: from_code(pattern, code) for name, (pattern, code) in codes.items()}
    return CountryCues(version, patterns, frozenset(words), dict(gates), head_index(gates))


def country_from_cues(text: str, words: list[tuple[int, bytes]] | None = None) -> str | None:
    """The country the packaged cues point to in ``text`` (None: none, or more than one). ``words``:
    ``sentences.ascii_words(text.lower())`` when the caller has them."""
    return _default().country(text, words)
