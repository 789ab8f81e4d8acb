"""Joining adjacent actor mentions ("HTS-affiliated fighters", "the 25th Division of the army")."""

from __future__ import annotations

import re
from typing import Final

from ..nlp.lexcache import PatternCache
from ..records import ActorMention

_rx = PatternCache(__file__)

_JOIN_GENERIC_AFTER: Final = _rx(r"^\s*$")
_JOIN_OF: Final = _rx(
    r"^\s+(?:(?:vehicles?|posts?|checkpoints?|positions?|points?|convoys?|patrols?|units?)\s+)?"
    r"(?:of|from|belonging\s+to|(?:that|which|who)\s+belongs?\s+to|affiliated\s+(?:to|with)|linked\s+to|of\s+the|"
    r"from\s+the)\s+$",
    re.IGNORECASE,
)
_JOIN_SAME: Final = _rx(r"^\s*[(\[]?\s*$")
_JOIN_POSSESSIVE: Final = _rx(r"^(?:['’]s)?\s*$")
_JOIN_BELIEVED: Final = _rx(
    r"^,?\s*(?:(?:on|in|riding|with|from|driving)\s+(?:a\s+|an\s+|the\s+|two\s+)?[\w-]+\s+){0,2}"
    r"(?:who\s+(?:are|were|is|was)\s+)?(?:believed|belived|beleived|suspected|thought|said|reported|likely|"
    r"presumed|understood)\s+to\s+(?:be\s+|belong\s+to\s+|have\s+been\s+)?(?:an?\s+|the\s+)?"
    r"(?:members?\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_JOIN_OPERATES: Final = _rx(
    # "X, which operates under Y", "X - Aleppo fighter, which operates under Y" (a place-qualified name)
    r"^(?:\s*-\s*[A-Z][\w'’-]*)?\s*(?:(?:fighters?|forces|members?)\s*)?,?\s*(?:(?:who|which|that)\s+)?"
    r"(?:operating|operate|operates|operated)\s+"
    r"(?:under|as\s+part\s+of|within)\s+(?:the\s+)?(?:umbrella\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_ORDINAL_UNIT: Final = _rx(
    r"^\d+(?:st|nd|rd|th)\s+(?:Armou?red\s+|Infantry\s+|Mechanised\s+|Mechanized\s+)?"
    r"(?:Division|Brigade|Corps|Regiment|Battalion)$"
)
_OPERATIONS: Final = _rx(r"\bOperations?\b")
_JOIN_UNDER: Final = _rx(
    r"^\s+(?:fighters\s+|forces\s+|members\s+)?(?:(?:operating|operate|operates|fighting|working)\s+)?"
    r"(?:under|as\s+part\s+of|within|in|with)\s+(?:the\s+)?(?:umbrella\s+of\s+(?:the\s+)?)?(?:former\s+)?$",
    re.IGNORECASE,
)
_JOIN_HYPHEN: Final = _rx(r"^-(?:affiliated|aligned|allied|linked|supported|led|loyal)\s+$", re.IGNORECASE)
_JOIN_AFFILIATE: Final = _rx(
    r"^\s+(?:affiliates?|affiliated\s+group|offshoot|branch)\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE
)


def _merge_adjacent(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    merged: list[ActorMention] = []
    for mention in mentions:
        if merged:
            prev = merged[-1]
            gap = text[prev.end : mention.start]
            if (
                prev.inter == 1
                and prev.country
                and _JOIN_POSSESSIVE.match(gap)
                and _ORDINAL_UNIT.match(mention.canonical)
                and ") " not in prev.canonical
            ):
                # "regime 17th Division": a numbered unit of those state forces
                merged[-1] = _joined(
                    prev, mention, text, f"{prev.canonical} {mention.canonical}", 1, prev.country
                )
                continue
            if (
                gap == " ("
                and not mention.generic
                and mention.canonical != prev.canonical
                and text[mention.end : mention.end + 1] == ")"
                and (prev.generic or prev.inter == 1)
                and mention.inter in (2, 3, 4)
            ):
                # "the Internal Security Forces (Asayish)": the name in brackets says which force
                merged[-1] = _joined(prev, mention, text, mention.canonical, mention.inter, mention.country)
                continue
            # (both joins begin with a hyphen: most gaps are spared the lower-casing and the pattern)
            hyphen = gap[:1] == "-"
            if hyphen and gap.lower() == "-led " and mention.generic and not prev.generic:
                # "HTS-led factions" are HTS's (ACLED names the leading group; its allies are associates)
                merged[-1] = _extend(prev, mention.end, text)
                continue
            if hyphen and _JOIN_HYPHEN.match(gap):
                # "Islah-aligned army brigades" are the brigades, not Islah
                merged[-1] = mention
                continue
            if (
                mention.generic
                and not prev.generic
                and (_JOIN_GENERIC_AFTER.match(gap) or (_JOIN_POSSESSIVE.match(gap) and gap.strip()))
                and (mention.inter in (3, None) or (mention.inter == 1 and prev.inter in (2, 3, 4, 8)))
                and prev.inter in (1, 2, 3, 4, 8)
            ):
                # "HTS militants", "the Coalition's warplanes", "a QSD military post": the named actor's own
                merged[-1] = _extend(prev, mention.end, text)
                continue
            if (
                (prev.generic and not mention.generic and prev.inter in (3, 1) and _JOIN_OF.match(gap))
                or (prev.inter == 3 and "Unidentified" in prev.canonical and _JOIN_BELIEVED.match(gap))
                or (prev.inter == 1 and prev.generic and not mention.generic and _JOIN_BELIEVED.match(gap))
                or (not prev.generic and not mention.generic and _JOIN_AFFILIATE.match(gap))
                or (
                    prev.inter in (2, 3, 4)
                    and "Operation" in mention.canonical  # (in every match of _OPERATIONS)
                    and _JOIN_UNDER.match(gap)
                    and _OPERATIONS.search(mention.canonical) is not None
                )
                or (
                    prev.inter in (2, 3, 4)
                    and not mention.generic
                    and "operat" in gap.lower()  # (in every match; none of i, k, s, which IGNORECASE folds)
                    and _JOIN_OPERATES.match(gap)
                )
            ):
                merged[-1] = _joined(prev, mention, text, mention.canonical, mention.inter, mention.country)
                continue
            if (
                prev.inter == 1
                and mention.inter == 1
                and prev.country == mention.country
                and _JOIN_POSSESSIVE.match(gap)
                and mention.canonical.startswith(("Military Forces", "Police Forces"))
                and ") " in mention.canonical
                and ") " not in prev.canonical
            ):
                # "regime Political Security": the more specific unit
                merged[-1] = _joined(prev, mention, text, mention.canonical, 1, mention.country)
                continue
            if mention.canonical == prev.canonical and _JOIN_SAME.match(gap):
                end = mention.end
                if text[end : end + 1] in (")", "]"):
                    end += 1
                merged[-1] = _extend(prev, end, text)
                continue
        merged.append(mention)
    return merged


def _joined(
    prev: ActorMention,
    mention: ActorMention,
    text: str,
    canonical: str,
    inter: int | None,
    country: str | None,
) -> ActorMention:
    """One named mention spanning ``prev`` and ``mention`` (the join decides its name)."""
    end = mention.end
    return ActorMention(text[prev.start : end], prev.start, end, canonical, inter, country, generic=False)


def _extend(mention: ActorMention, end: int, text: str) -> ActorMention:
    # (built directly, not with dataclasses.replace: the same record, without its interpreted field loop;
    # tests/test_actors_speed.py pins the record's fields)
    m = mention
    return ActorMention(text[m.start : end], m.start, end, m.canonical, m.inter, m.country, m.generic)
