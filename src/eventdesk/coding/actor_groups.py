"""Actors named by pattern: "Shammar tribe", "Fulani herders", "the Habar Gidir clan militia"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import ActorMention
from .actor_text import _NOT_NAMES

if TYPE_CHECKING:
    from .actor_dictionary import ActorDictionary


def group_mentions(
    self: ActorDictionary,
    text: str,
    start: int,
    window: str,
    matches: list[re.Match[str]],
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
                    first = _name_run(window, matches, low, i)
                if first == i:
                    continue
                if low[first] in ("the", "a", "an") or low[first] in self._places:
                    continue
                if names is None and low[first] in _NOT_NAMES and first == i - 1:
                    continue
                if template == "{phrase}":
                    # an unlisted named group ("Northern Hawks Brigade", "Valley Operations Room")
                    if not window[matches[i].start()].isupper() or low[first] in _NOT_NAMES:
                        continue
                    s = start + matches[first].start()
                    e = start + matches[i + n - 1].end()
                    phrase = " ".join(
                        window[matches[k].start() : matches[k].end()] for k in range(first, i + n)
                    )
                    found.append((s, e, ActorMention(text[s:e], s, e, phrase, inter, country)))
                    break
                groups = [(first, i)]
                # "the Bani Khalid and Al Naim tribal militias": two groups
                last = low[i + n - 1]
                plural = (last.endswith("s") and not last.endswith("ss")) or last.endswith(("men", "youth"))
                if names is None and plural and first >= 2 and low[first - 1] == "and":
                    other = _name_run(window, matches, low, first - 1)
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
                        window[matches[k].start() : matches[k].end()] for k in range(g_start, g_end)
                    )
                    s = start + matches[g_start].start()
                    e = start + matches[i + n - 1].end() if g_end == i else start + matches[g_end - 1].end()
                    canonical = template.format(name=name.title() if name.isupper() else name)
                    if country:
                        canonical = self.localize_name(canonical, country)
                    found.append((s, e, ActorMention(text[s:e], s, e, canonical, inter, country)))
                break
            break
    return found


def _name_run(window: str, matches: list[re.Match[str]], low: list[str], i: int) -> int:
    """Index of the first token of the capitalised name that ends just before token ``i``."""
    first = i
    k = i - 1
    while k >= 0 and (
        window[matches[k].start()].isupper()
        or (low[k] in ("al", "el", "bin", "ibn") and k < i - 1)
        or re.fullmatch(r"\d+(?:st|nd|rd|th)", low[k]) is not None
    ):
        gap = window[matches[k].end() : matches[k + 1].start()]
        # a spaced dash ends a name: "HAMA, SANA – Army units" is no "SANA Army"
        if gap.strip(" ") and gap != "-":
            break
        first = k
        k -= 1
    return first
