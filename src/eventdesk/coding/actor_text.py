"""Text normalisation for actor matching: tokens, alias keys, transliteration variants, word lists."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

from ..nlp.lexcache import PatternCache
from ..records import ActorMention
from .actor_names import _QUOTES, ActorEntry

_rx = PatternCache(__file__)

# --- matching ---------------------------------------------------------------------------------------

# Tokens: words (an apostrophe inside a word is dropped, so Hay'at = Hayat and Assad's = Assads) and
# the punctuation that can be part of a name. Hyphens and spaces separate tokens alike.
_ODD_CHARS: Final = _rx("[’‘ʼʿ`´‐‑‒–—\u00a0]")


def _plain_char(match: re.Match[str]) -> str:
    return _PLAIN[match.group()]


_PLAIN: Final = {chr(k): v for k, v in _QUOTES.items()}
_TOKEN: Final = _rx(r"[^\W_]+(?:'(?!s\b)[^\W_]+)*|[()/.]")


def _tokens(text: str) -> list[str]:
    if text.isascii() and "`" not in text:
        # (no character ``_QUOTES`` maps: ``_token_spans`` finds the pattern's tokens without a regex step)
        words = _token_spans(text)[0]
        return [t.replace("'", "") for t in words] if "'" in text else words
    return [t.replace("'", "") for t in _TOKEN.findall(text.translate(_QUOTES))]


# bytes: the ASCII characters a token can hold or be (letters, digits, the apostrophe, "()/."), and the
# underscore (a word character for ``\b``), kept; every other byte a space
_TOKEN_BYTES: Final = bytes(
    c if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 or chr(c) in "'()/._") else 32 for c in range(128)
) + b" " * 128


def _token_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """(tokens, starts, ends) of ``_TOKEN.finditer(text)``: ``[m.group() for m in …]``,
    ``[m.start() …]``, ``[m.end() …]``, found without a regex step and match object per token when the
    text is ASCII.

    The text is cut at every character that is neither in a token nor a word character (``\b`` and
    ``(?!s\b)`` read those as the end of the text), so each piece is matched alone; most pieces are
    one word ("forces") or a word and a full stop ("town."), the rest go through the pattern."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    if not text.isascii():
        for m in _TOKEN.finditer(text):
            words.append(m.group())
            starts.append(m.start())
            ends.append(m.end())
        return words, starts, ends
    offset = 0
    for piece in text.encode("ascii").translate(_TOKEN_BYTES).decode("ascii").split(" "):
        n = len(piece)
        if n:
            if piece.isalnum():
                words.append(piece)
                starts.append(offset)
                ends.append(offset + n)
            elif n > 1 and piece[n - 1] == "." and piece[: n - 1].isalnum():
                words.append(piece[: n - 1])
                starts.append(offset)
                ends.append(offset + n - 1)
                words.append(".")
                starts.append(offset + n - 1)
                ends.append(offset + n)
            else:
                # "(sdf)", "(hts", "forces)", "(sna).": a word of letters and digits in brackets (either
                # or both), a full stop after: each bracket and the stop are tokens of their own
                a = 1 if piece[0] == "(" else 0
                b = n - 1 if piece[n - 1] == "." else n
                close = b > a and piece[b - 1] == ")"
                c = b - 1 if close else b
                if c > a and piece[a:c].isalnum():
                    if a:
                        words.append("(")
                        starts.append(offset)
                        ends.append(offset + 1)
                    words.append(piece[a:c])
                    starts.append(offset + a)
                    ends.append(offset + c)
                    if close:
                        words.append(")")
                        starts.append(offset + c)
                        ends.append(offset + b)
                    if b < n:
                        words.append(".")
                        starts.append(offset + b)
                        ends.append(offset + n)
                else:
                    for m in _TOKEN.finditer(piece):
                        words.append(m.group())
                        starts.append(offset + m.start())
                        ends.append(offset + m.end())
        offset += n + 1
    return words, starts, ends


def _norm_alias(alias: str) -> str:
    return " ".join(_tokens(alias.lower()))


_TRANSLIT_SETS: Final = (
    ("jaysh", "jaish", "jeish", "jaych"),
    ("al", "el"),
    ("ibn", "bin", "ibin"),
    ("muhammad", "mohammed", "mohammad", "muhammed"),
    ("liwa", "liwaa"),
    ("faylaq", "failaq", "feylaq"),
    ("harakat", "harakah", "haraka"),
)
_TRANSLIT_ENDINGS: Final = (
    ("iyah", "iya", "iyya", "iyyah"),
    ("ah", "a"),
    ("een", "in"),
    ("eed", "id"),
    ("oud", "ud"),
)
_TRANSLIT_INNER: Final = (("ee", "i"), ("oo", "u"), ("ou", "u"))
_TRANSLIT_INDEX: Final = {word: group for group in _TRANSLIT_SETS for word in group}


def _translit_variants(alias: str, limit: int = 128) -> list[str]:
    """Spelling variants of an Arabic-derived name: Jaysh/Jaish, al/el, -iyah/-iya, Deen/Din.

    The variants do not depend on set order (``PYTHONHASHSEED``): each token's forms are sorted, the
    written form first. The limit is above the largest product in the dictionary (96), so every
    variant of a listed alias is matched; with 24 the cut fell at a hash-dependent place and
    "Jaish Usud al-Sharqiyah" was matched whole under one seed and as "Usud al-Sharqiyah" under another."""
    if _case_sensitive(alias):
        return [alias]
    tokens = _tokens(alias.lower())
    if not tokens:
        return [alias]
    options: list[list[str]] = []
    for token in tokens:
        forms = {token}
        if token in _TRANSLIT_INDEX:
            forms.update(_TRANSLIT_INDEX[token])
        elif len(token) > 3:
            for group in _TRANSLIT_ENDINGS:
                hit = next((end for end in group if token.endswith(end)), None)
                if hit:
                    forms.update(token[: -len(hit)] + end for end in group)
                    break
            for a, b in _TRANSLIT_INNER:
                for form in list(forms):
                    if a in form:
                        forms.add(form.replace(a, b))
        options.append(sorted(forms, key=lambda f: (f != token, f)))
    variants = [alias]
    combos: list[list[str]] = [[]]
    for choices in options:
        combos = [[*c, f] for c in combos for f in choices][: limit * 4]
    for combo in combos:
        variant = " ".join(combo)
        if variant != " ".join(tokens) and len(variants) < limit:
            variants.append(variant)
    return variants


def _case_sensitive(alias: str) -> bool:
    """Acronyms ("IS", "SNA", "LeT", "FAMa") only match in capitals."""
    if len(_tokens(alias)) != 1 and not re.fullmatch(r"[A-Z]+(?:-[A-Z]+)+", alias.strip()):
        return False
    return sum(ch.isupper() for ch in alias) >= 2 or (alias.isupper() and len(alias) <= 3)


@dataclass(slots=True, init=False)  # __init__ written out
class _Candidate:
    entry: ActorEntry
    bound: bool  # valid only in the entry's own country (or when the country is unknown)
    security: bool = False  # "security forces": police or military by context
    local: bool = False  # bound to its country even as a fallback ("Rangers": Pakistan's only there)

    def __init__(self, entry: ActorEntry, bound: bool, security: bool = False, local: bool = False) -> None:
        # written out: the dataclass's own __init__ stays interpreted under mypyc (docs/speed.md)
        self.entry = entry
        self.bound = bound
        self.security = security
        self.local = local


def _first_token_lengths(table: Mapping[str, Any]) -> dict[str, tuple[int, ...]]:
    """First token of each key -> the token counts of the keys it starts, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in table:  # (the first token and the count without splitting the whole key: start-up)
        first = key.partition(" ")[0]
        known = lengths.get(first)
        if known is None:
            lengths[first] = {key.count(" ") + 1}
        else:
            known.add(key.count(" ") + 1)
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}


def _entry_fields(entry: ActorEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in ActorEntry.__dataclass_fields__}


# "HTS militants", "fighters from HTS", "Hayat Tahrir al-Sham (HTS)": one mention, not two
_NOT_NAMES = frozenset(
    {
        "on",
        "in",
        "at",
        "clashes",
        "clash",
        "fighters",
        "members",
        "forces",
        "after",
        "during",
        "while",
        "amid",
        "when",
        "unidentified",
        "unknown",
        "islamist",
        "islamic",
        "rebel",
        "opposition",
        "regime",
        "government",
        "pro",
        "local",
        "former",
        "suspected",
        "several",
        "two",
        "three",
        "special",
        "military",
        "police",
        "security",
        "coalition",
        "international",
        "global",
        "allied",
        "turkish",
        "russian",
        "syrian",
        "iranian",
        "kurdish",
    }
)
_NOT_NAMES = _NOT_NAMES | {
    "assad",
    "erdogan",
    "putin",
    "haftar",
    "hadi",
    "shia",
    "shiite",
    "sunni",
    "christian",
    "druze",
    "alawite",
    "jihadist",
    "salafist",
}
_END: Final = ""  # marks a complete alias in the token trie
_STATE_MODIFIERS: Final = frozenset(
    {"government", "regime", "state", "federal", "armed", "occupation",
     # weapon kinds: "Russian Shahed drones", "Iranian cruise missiles", "Ukrainian attack drones"
     "shahed", "cruise", "ballistic", "kamikaze", "attack",
     # loitering munitions and reconnaissance drones by model: "a Russian Lancet drone", "Orlan drones"
     "lancet", "orlan", "geran", "fpv", "loitering", "bayraktar", "reconnaissance", "combat",
     # weapons by model: "an Israeli Merkava tank", "a Russian Grad rocket", "Ukrainian HIMARS rockets"
     "merkava", "apache", "sukhoi", "hermes", "heron", "predator", "reaper", "grad", "uragan", "smerch",
     "himars", "iskander", "kalibr", "kinzhal", "tochka", "leopard", "abrams", "bradley", "mohajer"}
)  # fmt: skip
_STATE_NOUNS: Final[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = (
    (
        "army",
        "armed forces",
        "forces",
        "force",
        "troops",
        "soldiers",
        "soldier",
        "military",
        "regime forces",
        "government forces",
        "government troops",
        "regime",
        "air force",
        "air forces",
        "warplanes",
        "warplane",
        "jets",
        "fighter jets",
        "aircraft",
        "military aircraft",
        "helicopters",
        "helicopter",
        "drones",
        "drone",
        "uavs",
        "uav",
        "unmanned aerial vehicles",
        "artillery",
        "navy",
        "marines",
        "special forces",
        "army units",
        "military units",
        "units",
        "border guards",
        "defense ministry",
        "defence ministry",
        "ministry of defense",
        "ministry of defence",
        "ministry of national defense",
        "ministry of national defence",
        "national defense ministry",
        "national defence ministry",
        "general staff",
        # the attacks a state's forces make: "14 Russian assaults near Pokrovsk", "a Russian attack on …"
        "attack",
        "attacks",
        "assault",
        "assaults",
        "offensive",
        "airstrikes",
        "air strikes",
        "airstrike",
        "air strike",
        "strikes",
        "strike",
        "shelling",
        "bombardment",
        "missiles",
        "missile",
        # bombs a state's aircraft drop: "a Russian guided aerial bomb struck …", "Syrian barrel bombs"
        "glide bomb",
        "glide bombs",
        # a state's snipers and air operations ("a Russian sniper killed a civilian")
        "sniper",
        "snipers",
        "air operation",
        "air operations",
        "guided bomb",
        "guided bombs",
        "aerial bomb",
        "aerial bombs",
        "guided aerial bomb",
        "guided aerial bombs",
        "barrel bomb",
        "barrel bombs",
        # a state's guns and stores hit by the other side: "a Ukrainian howitzer", "a Russian ammo depot"
        "howitzer",
        "howitzers",
        "artillery system",
        "artillery systems",
        "ammunition depot",
        "ammunition depots",
        "arms depot",
        "weapons depot",
        "military depot",
        "cluster bombs",
        "shells",
        "artillery shells",
        "rockets",
        "rocket fire",
        "raids",
        "air raids",
        "drone strike",
        "drone strikes",
        "artillery fire",
        "positions",
        "checkpoint",
        "patrol",
        "convoy",
        "base",
        "military base",
        "bombers",
        "gunships",
        # partisan names of a state's forces: "Russian invaders", "the Israeli occupation", "the
        # American-British aggression" (a ministry's or an armed group's own wording)
        "invaders",
        "occupiers",
        "occupation forces",
        "occupation army",
        "occupation",
        "aggression",
        "aggressors",
        # "an Israeli tank fired at a UNIFIL position", "Russian warships shelled …"
        "tank",
        "tanks",
        "armoured vehicles",
        "armored vehicles",
        "warships",
        "gunboats",
        "army forces",
        "army troops",
        "army soldiers",
        "ground forces",
        "commandos",
        "paratroopers",
        "rangers",  # "Thai rangers" (paramilitary rangers of a state's army)
        "gendarmes",
        "gendarmerie",
        "occupation forces",
        "occupation army",
        "defence forces",
        "defense forces",
        "war planes",
        "jet",
        "fighter",
        "air defense",
        "air defences",
        "air defenses",
        "air defence",
        "national guard",
        "coast guard",
        "border guard",
        "border forces",
        "border troops",
        "border police",
        "army personnel",
        # a state's own statements: "Ukrainian defenders repelled …", "Russian servicemen"
        "defenders",
        "servicemen",
        # ships and air-defence units (the interceptor in a Disrupted weapons use event)
        "destroyer",
        "warship",
        "warships",
        "frigate",
        "air defence systems",
        "air defense systems",
        "air defence units",
        "air defense units",
        "air defence forces",
        "air defense forces",
    ),
    (
        "police",
        "police forces",
        "police force",
        "policemen",
        "policeman",
        "police officers",
        "police officer",
        "riot police",
        "police patrol",
        "police station",
        "interior ministry",
        "ministry of interior",
        # "the Colombian National Police", "Haitian national police"
        "national police",
        "national police force",
    ),
    (
        "security forces",
        "security force",
        "security personnel",
        "security services",
        "intelligence",
        "intelligence services",
        "authorities",
    ),
)


def standing_for(
    mention: ActorMention, actor: ActorMention, *, inter: int | None = None, generic: bool = False
) -> ActorMention:
    """``mention`` (its words and offsets) read as ``actor``: "our forces" as the speaking ministry's
    state, "the terrorists" as the group the report names."""
    return replace(
        mention,
        canonical=actor.canonical,
        inter=actor.inter if inter is None else inter,
        country=actor.country,
        generic=generic,
    )
