"""Actors named by pattern: "Shammar tribe", "Fulani herders", "the Habar Gidir clan militia"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..records import ActorMention
from .actor_text import _NOT_NAMES

if TYPE_CHECKING:
    from .actor_dictionary import ActorDictionary


def group_mentions(
    self: ActorDictionary,
    text: str,
    start: int,
    window: str,
    starts: list[int],
    ends: list[int],
    low: list[str],
    country: str | None,
    hits: list[int],
) -> list[tuple[int, int, ActorMention]]:
    """ "Shammar tribe", "Fulani herders", "the Habar Gidir clan militia"."""
    found: list[tuple[int, int, ActorMention]] = []
    count = len(low)
    for i in hits:
        lengths = self._group_lengths[low[i]]
        if i == 0:
            continue
        for n in lengths:
            specs = self._group_nouns.get(" ".join(low[i : i + n])) if i + n <= count else None
            if not specs:
                continue
            for template, inter, names in specs:
                first = i
                if names is not None:
                    if low[i - 1] in names:
                        first = i - 1
                else:
                    first = _name_run(window, starts, ends, low, i)
                if first == i:
                    continue
                if names is None and low[first] == "the" and first + 1 < i:
                    first += 1  # "(AFP) - The Kuki National Army": the capitalised article is no name
                if low[first] in ("the", "a", "an") or low[first] in self._places:
                    continue
                if names is None and low[first] in _NOT_NAMES and first == i - 1:
                    continue
                if template == "{phrase}":
                    # an unlisted named group ("Northern Hawks Brigade", "Valley Operations Room")
                    if not window[starts[i]].isupper() or low[first] in _NOT_NAMES:
                        continue
                    s = start + starts[first]
                    e = start + ends[i + n - 1]
                    phrase = " ".join(
                        window[starts[k] : ends[k]] for k in range(first, i + n)
                    )
                    found.append((s, e, ActorMention(text[s:e], s, e, phrase, inter, country)))
                    break
                groups = [(first, i)]
                # "the Bani Khalid and Al Naim tribal militias": two groups
                last = low[i + n - 1]
                plural = (last.endswith("s") and not last.endswith("ss")) or last.endswith(("men", "youth"))
                if names is None and plural and first >= 2 and low[first - 1] == "and":
                    other = _name_run(window, starts, ends, low, first - 1)
                    if other < first - 1 and low[other] not in ("the", "a", "an"):
                        groups.insert(0, (other, first - 1))
                elif (
                    names is not None
                    and plural
                    and first >= 2
                    and low[first - 1] == "and"
                    and low[first - 2] in names
                ):
                    # "Fellata and Rizeigat communal militias": two listed ethnic groups
                    groups.insert(0, (first - 2, first - 1))
                for g_start, g_end in groups:
                    name = " ".join(
                        window[starts[k] : ends[k]] for k in range(g_start, g_end)
                    )
                    s = start + starts[g_start]
                    e = start + ends[i + n - 1] if g_end == i else start + ends[g_end - 1]
                    canonical = template.format(name=name.title() if name.isupper() else name)
                    if country:
                        canonical = self.localize_name(canonical, country)
                    found.append((s, e, ActorMention(text[s:e], s, e, canonical, inter, country)))
                break
            break
    return found


_ORDINAL: Final = re.compile(r"\d+(?:st|nd|rd|th)")


def _name_run(window: str, starts: list[int], ends: list[int], low: list[str], i: int) -> int:
    """Index of the first token of the capitalised name that ends just before token ``i``."""
    first = i
    k = i - 1
    while k >= 0 and (
        window[starts[k]].isupper()
        or (low[k] in ("al", "el", "bin", "ibn") and k < i - 1)
        or _ORDINAL.fullmatch(low[k]) is not None
    ):
        gap = window[ends[k] : starts[k + 1]]
        # a spaced dash ends a name: "HAMA, SANA – Army units" is no "SANA Army"
        if gap.strip(" ") and gap != "-":
            break
        first = k
        k -= 1
    return first
