"""Admin context written beside a place name in the report itself.

News and ACLED-style notes place a town by the units that contain it: "Bafoussam town (Mifi, Ouest)",
"the LoC in Naushera sector area (Rajouri district, J&K)", "in Goday, Shabelle Zone (Somali region)",
"in Cartagena, Bolivar department, 13 people were arrested". The coder hands the geocoder the hints it
read; ``text_hints`` reads the same context again around every occurrence of the head, so that a unit
the coder missed (a lowercase word between the head and the brackets, "J&K", a comma list) still
places the head. ``admin1_abbreviations`` gives the short state names used in such brackets
("(Salem, TN)", "(Wana, KPK)"), which are only ever read inside a hint, never from running text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import GazetteerError
from ..nlp.lexcache import PatternCache

__all__ = ["admin1_abbreviations", "text_hints"]

_GENERIC_WORDS = (
    r"district|districts|state|province|region|department|municipality|county|zone|sub-?division|"
    r"sub-?district|governorate|prefecture|commune|division|tehsil|taluka?|block|lga|oblast|raion|rayon|"
    r"parish|circle|sector|locality|area"
)
_rx = PatternCache(__file__)
_GENERIC_TAIL = _rx(rf"(?:\s+(?:{_GENERIC_WORDS}))+$", re.IGNORECASE)
_TOKEN = r"(?:[A-Z][\w'’.&-]*|(?:de|del|do|da|dos|das|di|du|des|la|le|el|al|y|and|of|ed|ad|ash|as)\b)"
_NAME = rf"[A-Z][\w'’.&-]*(?:[ -]{_TOKEN}){{0,4}}"
# between the head and its brackets: a few lowercase words ("town", "sector area", "refugee camp") or
# "on the outskirts of Suri"
_GAP = _rx(r"(?:\s+(?:[a-z][a-z-]*|of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)){0,6}\s*(?=\()")
_PAREN = _rx(r"\(([^()\n]{2,90})\)")
_COMMA = _rx(rf",\s+({_NAME})((?:\s+(?:{_GENERIC_WORDS}))*)(?=\s*(?:[,.;:()]|$))")
_FEATURE_GAP = _rx(r"(?:\s+(?:town|city|village|municipality|district|area|camp|neighbou?rhood)\b)?")
_DIGIT = _rx(r"\d|=")
_NOT_HINT = frozenset({"no party", "as reported", "size", "coded"})


def _clean(piece: str) -> str | None:
    piece = piece.strip().strip(".;:")
    if not piece or _DIGIT.search(piece) or not piece[0].isupper():
        return None
    piece = _GENERIC_TAIL.sub("", piece).strip()
    if len(piece) < 2 or piece.lower() in _NOT_HINT or len(piece.split()) > 5:
        return None
    return piece


def _after(text: str, end: int) -> list[str]:
    """Hints written right after a head that ends at ``end``."""
    out: list[str] = []
    pos = end
    for _ in range(3):
        # (a gap ends before a bracket at most 60 characters on; a comma hint starts with its comma)
        gap = _GAP.match(text, pos) if text.find("(", pos, pos + 61) >= 0 else None
        if gap and gap.end() - pos <= 60:
            paren = _PAREN.match(text, gap.end())
            if paren:
                out.extend(h for h in (_clean(p) for p in paren.group(1).split(",")) if h)
                pos = paren.end()
                continue
        # "Tulcan city, Carchi"
        words = _FEATURE_GAP.match(text, pos) if text[pos : pos + 1].isspace() else None
        start = words.end() if words else pos
        comma = _COMMA.match(text, start) if text.startswith(",", start) else None
        if comma:
            hint = _clean(comma.group(1))
            if hint is None:
                break
            out.append(hint)
            pos = comma.end()
            continue
        break
    return out


def text_hints(text: str, head: str) -> list[str]:
    """Units the text writes beside every occurrence of ``head``, in order, without duplicates."""
    if not head or len(head) < 2:
        return []
    out: list[str] = []
    for end in _occurrences(text, head):
        for hint in _after(text, end):
            if hint != head and hint not in out:
                out.append(hint)
    return out


def _occurrences(text: str, head: str) -> list[int]:
    """Ends of ``head`` written as a whole word (no letter, digit, underscore or hyphen either side):
    the matches of the lookaround regex this replaced, without compiling a pattern per head."""
    ends: list[int] = []
    pos, size = 0, len(head)
    while (i := text.find(head, pos)) >= 0:
        j = i + size
        if (i == 0 or not _wordish(text[i - 1])) and (j >= len(text) or not _wordish(text[j])):
            ends.append(j)
            pos = j
        else:
            pos = i + 1
    return ends


def _wordish(char: str) -> bool:
    return char.isalnum() or char in "_-"


@lru_cache(maxsize=1)
def admin1_abbreviations() -> dict[str, list[tuple[str, str]]]:
    """Upper-case short name → [(country, GeoNames admin1 code)] from ``admin1_abbrev.tsv``."""
    from .gazetteer import _read_tsv, data_path

    out: dict[str, list[tuple[str, str]]] = {}
    path = data_path("admin1_abbrev.tsv")
    for line, row in enumerate(_read_tsv(path), start=2):
        cc, code, abbrev = (row.get("country") or "", row.get("code") or "", row.get("abbrev") or "")
        if len(cc) != 2 or not code or not 2 <= len(abbrev) <= 5 or abbrev.upper() != abbrev:
            raise GazetteerError(f"{path}: row {line}: needs country (2 letters), code and a 2-5 letter "
                                 "upper-case abbreviation")
        out.setdefault(abbrev, []).append((cc, code))
    return out
