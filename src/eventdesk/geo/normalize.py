"""Name folding: one key for the many transliterations of a place name.

``fold("Jisr ash-Shughur") == fold("Jisr al-Shughur") == "jisr shughur"``. Folding removes
diacritics, apostrophes and ayn/hamza marks, hyphens, the Arabic article in all its assimilated
forms (al-/el-/ad-/ash-/as-/at-/az-/an-/ar-…) and unifies common generic words (Tall/Tal/Tell,
Jabal/Jebel, Deir/Dayr, Kafr/Kfar, Ain/Ayn/Ein …). ``skeleton`` goes further, to a consonant
skeleton (Kabanah/Kabani → "kbn", Idlib/Idleb → "idlb"), and is only used to find candidates that
a fuzzy score then ranks.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Final

from ..nlp.lexcache import PatternCache

__all__ = [
    "ARTICLES", "fold", "is_latin", "ratios", "ratios_at_least", "skeleton", "tokens_of", "word_spellings"
]

# Arabic article and its sun-letter assimilations, as written in English transliteration.
ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ed",
        "ash",
        "esh",
        "as",
        "es",
        "at",
        "et",
        "az",
        "ez",
        "an",
        "en",
        "ar",
        "er",
        "ath",
        "eth",
        "adh",
        "edh",
        "al-",
        "l",
    ]
)

# Generic words with many spellings → one spelling.
_GENERIC = {
    "tall": "tal",
    "tell": "tal",
    "tel": "tal",
    "til": "tal",
    "tul": "tal",
    "jabal": "jabal",
    "jebel": "jabal",
    "jabel": "jabal",
    "jbel": "jabal",
    "jebal": "jabal",
    "jbal": "jabal",
    "djebel": "jabal",
    "mount": "jabal",
    "mt": "jabal",
    "deir": "deir",
    "dayr": "deir",
    "dair": "deir",
    "deyr": "deir",
    "der": "deir",
    "dier": "deir",
    "kafr": "kafr",
    "kfar": "kafr",
    "kafar": "kafr",
    "kfr": "kafr",
    "kefr": "kafr",
    "kufr": "kafr",
    "ain": "ain",
    "ayn": "ain",
    "ein": "ain",
    "aïn": "ain",
    "ayin": "ain",
    "ayyn": "ain",
    "abu": "abu",
    "abou": "abu",
    "abo": "abu",
    "umm": "umm",
    "um": "umm",
    "om": "umm",
    "omm": "umm",
    "khirbet": "khirba",
    "khirbat": "khirba",
    "kherbet": "khirba",
    "khirba": "khirba",
    "kherbat": "khirba",
    "khirbit": "khirba",
    "beit": "beit",
    "bayt": "beit",
    "bait": "beit",
    "bet": "beit",
    "sheikh": "sheikh",
    "shaykh": "sheikh",
    "shaikh": "sheikh",
    "sheik": "sheikh",
    "cheikh": "sheikh",
    "shaik": "sheikh",
    "shekh": "sheikh",
    "qasr": "qasr",
    "kasr": "qasr",
    "wadi": "wadi",
    "oued": "wadi",
    "ouadi": "wadi",
    "ras": "ras",
    "raas": "ras",
    "tal'at": "talat",
    "saint": "st",
    "st.": "st",
    "sankt": "st",
}



def word_spellings(folded: frozenset[str]) -> frozenset[str]:
    """Every lower-case ASCII word whose fold is one of ``folded`` (one-word keys): the keys themselves
    when no generic spelling maps them elsewhere, and the generic words' other spellings ("tell" → "tal")."""
    return frozenset(
        {w for w in folded if _GENERIC.get(w, w) in folded} | {w for w, g in _GENERIC.items() if g in folded}
    )


_rx = PatternCache(__file__)
_DROP = _rx(r"['’‘`´ʿʾʻʼ\"“”]")
_SPLIT = _rx(r"[^a-z0-9]+")
_VOWELS = _rx(r"[aeiouyw]")


# unidecode and rapidfuzz load on first use (they are not needed to import geo). A function-local
# `from unidecode import unidecode` costs about 2 µs per call, several times the work it guards: for a
# package, every such import runs importlib's fromlist handling in Python. These hold the functions once
# imported.
_UNIDECODE: list[Callable[[str], str]] = []
_RATIO: list[Callable[[str, str], float]] = []
_EXTRACT: list[Callable[..., list[tuple[str, float, int]]]] = []


def unidecode_function() -> Callable[[str], str]:
    """``unidecode.unidecode``, imported on the first call."""
    if not _UNIDECODE:
        from unidecode import unidecode

        _UNIDECODE.append(unidecode)
    return _UNIDECODE[0]


def ratio_function() -> Callable[[str, str], float]:
    """``rapidfuzz.fuzz.ratio``, imported on the first call."""
    if not _RATIO:
        from rapidfuzz import fuzz

        _RATIO.append(fuzz.ratio)
    return _RATIO[0]


def ratios(key: str, others: list[str]) -> list[float]:
    """``fuzz.ratio(key, other)`` for each of ``others``, in order, from one rapidfuzz call (the same
    scores: a call per pair costs several times more in call overhead than the comparison itself)."""
    if not _EXTRACT:
        from rapidfuzz import process

        _EXTRACT.append(process.extract)
    scores = [0.0] * len(others)
    for _other, score, i in _EXTRACT[0](key, others, scorer=ratio_function(), limit=None):
        scores[i] = score
    return scores


def ratios_at_least(key: str, others: list[str], cutoff: float) -> list[tuple[int, float]]:
    """(index, score) of each of ``others`` whose ``fuzz.ratio`` with ``key`` is at least ``cutoff`` (best
    first), from one rapidfuzz call."""
    if not _EXTRACT:
        from rapidfuzz import process

        _EXTRACT.append(process.extract)
    found = _EXTRACT[0](key, others, scorer=ratio_function(), limit=None, score_cutoff=cutoff)
    return [(i, score) for _other, score, i in found]


@lru_cache(maxsize=65536)
def _ascii(text: str) -> str:
    return unidecode_function()(text)


def is_latin(text: str) -> bool:
    """True when the name is written in Latin script (diacritics allowed)."""
    return all(not (ch.isalpha() and ord(ch) > 591 and not 7680 <= ord(ch) <= 7935) for ch in text)


def tokens_of(text: str) -> list[str]:
    """Lower-case ASCII tokens of a name, apostrophes dropped, generic words unified."""
    text = _DROP.sub("", _ascii(text).lower())
    out = []
    for token in _SPLIT.split(text):
        if token:
            out.append(_GENERIC.get(token, token))
    return out


# tokens_of per space- or hyphen-separated piece of a name: both are separators before and after
# transliteration (which is per character), so a name's tokens are its pieces' tokens in order, and the
# pieces ("Jisr", "Shughur", "Province") repeat across names far more than whole names do
_PIECE_TOKENS: dict[str, list[str]] = {}


def _piece_tokens(piece: str) -> list[str]:
    hit = _PIECE_TOKENS.get(piece)
    if hit is None:
        if piece.isascii() and piece.isalnum():  # one token: the piece in lower case (tokens_of's shortcut)
            token = piece.lower()
            hit = [_GENERIC.get(token, token)]
        else:
            hit = tokens_of(piece)
        if len(_PIECE_TOKENS) > 100000:
            _PIECE_TOKENS.clear()
        _PIECE_TOKENS[piece] = hit
    return hit


# fold's and skeleton's memos: plain dicts, emptied when full (an lru_cache wrapper is a Python-level call
# from compiled callers, several times a dict lookup; the values are the same either way)
_FOLDS: dict[str, str] = {}
_SKELETONS: dict[str, str] = {}
_MEMO_SIZE: Final = 262144


def fold(text: str) -> str:
    """The folded key of a place name (articles, diacritics and punctuation removed)."""
    hit = _FOLDS.get(text)
    if hit is None:
        hit = _fold(text)
        if len(_FOLDS) >= _MEMO_SIZE:
            _FOLDS.clear()
        _FOLDS[text] = hit
    return hit


def _fold(text: str) -> str:
    return fold_pieces([piece for piece in text.replace("-", " ").split(" ") if piece])


def fold_pieces(pieces: list[str]) -> str:
    """``fold`` of a name given as its pieces (non-empty, no space or hyphen: the name cut at its spaces
    and hyphens, as fold cuts it), not memoised: scan joins the keys of a region's sub-runs so."""
    toks: list[str] = []
    for piece in pieces:
        toks.extend(_piece_tokens(piece))  # (the shared lists are only read)
    kept = [t for t in toks if t not in ARTICLES]
    if not kept:  # a name that is only an article-like word ("As", "El")
        kept = toks
    # "Alhasakah": an article glued on (only for longer words, so "Alep"/"Alma" stay).
    return " ".join(kept)


_SKEL_TOKENS: dict[str, str] = {}  # _skel_token's memo: tokens repeat across names far more than names do


def _skel_token(token: str) -> str:
    hit = _SKEL_TOKENS.get(token)
    if hit is None:
        hit = _skel_token_uncached(token)
        if len(_SKEL_TOKENS) >= _MEMO_SIZE:
            _SKEL_TOKENS.clear()
        _SKEL_TOKENS[token] = hit
    return hit


def _skel_token_uncached(token: str) -> str:
    if token.isdigit():
        return token
    t = token.replace("kh", "k").replace("gh", "g").replace("dh", "z").replace("th", "t")
    t = t.replace("q", "k").replace("ph", "f").replace("ou", "u").replace("c", "k")
    head, rest = t[0], _VOWELS.sub("", t[1:])
    out = head
    for ch in rest:
        if ch != out[-1]:
            out += ch
    if len(out) > 2 and out.endswith("h"):
        out = out[:-1]
    return out


def skeleton(text: str) -> str:
    """A consonant skeleton of the folded name, for candidate search only."""
    hit = _SKELETONS.get(text)
    if hit is None:
        hit = _skeleton(text)
        if len(_SKELETONS) >= _MEMO_SIZE:
            _SKELETONS.clear()
        _SKELETONS[text] = hit
    return hit


def _skeleton(text: str) -> str:
    key = fold(text)
    return " ".join(_skel_token(t) for t in key.split())
