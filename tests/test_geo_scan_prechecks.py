"""The geocoder's text scan runs its patterns only after cheap literal pre-checks (session 7): each
shortcut must give exactly what the pattern alone gives. The references below are the plain versions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.geo import scan
from eventdesk.geo.normalize import fold, tokens_of

# words and separators the patterns care about, mixed with odd characters (× starts a word, ſ/ı/K fold
# under IGNORECASE, newlines meet "$")
_PIECES = [
    "in ", "In ", "IN ", "ın ", "of ", "at ", "near ", "the ", "The ", "village of ", "town ", "towns in ",
    "Aleppo", "Idlib", "Al", "al-", "Tal ", "Khan ", "Deir ", "Jabal ", "Kafr ", "Sweida", " - ", "-", " ",
    "  ", "\n", "\t", ", ", ".", "(", "'s ", "’s ", "Turkey", "-backed ", " backed ", "pro-", "anti-",
    " funded ", "province", " Province", " governorate", " county", " state", " countryside", " rural ",
    "north ", "south-eastern ", "southwestern ", "central ", "the outskirts of ", "near the ", "axis",
    " front", " area", " road", "×", "÷", "ñ", "É", "ſ", "K", "1", "_", "Forces", " Army", "Qorret Tashli ",
    "Syria", "Syrian", "from ", "a ", "an ", "towards ", "toward ", "around ", "hamlet of ",
    "Tell ", "Tel-", "Jebel ", "Dayr ", "Khan al-", "Umm el ", "Abou ", "(Kfar ", "xTal ", "1Tal ", "Tall_",
    " Brigades", "Hamza ", " Division ", "Shield ", "Free ", "Lions", "A" * 90 + " ", " Legionnaire",
]

texts = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def _old_spans(text: str) -> list[tuple[int, int, str]]:
    words = [(m.start(), m.end(), m.group()) for m in scan._WORD.finditer(text)]
    caps = [w[0] in scan._UPPER_FIRST for _s, _e, w in words]
    spans: list[tuple[int, int, str]] = []
    n, i = len(words), 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        j = run_end = i
        while j + 1 < n and j - i < 6:
            gap = text[words[j][1] : words[j + 1][0]]
            if gap != " " and gap.strip(" -") != "":
                break
            if caps[j + 1]:
                j += 1
                run_end = j
            elif (
                words[j + 1][2].lower() in scan._CONNECT
                and j + 2 < n
                and (caps[j + 2] or (words[j + 2][2].lower() in scan._CONNECT and j + 3 < n and caps[j + 3]))
            ):
                j += 1
            else:
                break
        adjective = [bool(scan._ADJ_AFTER.match(text, words[b][1])) for b in range(i, run_end + 1)]
        for a in range(i, run_end + 1):
            if not caps[a] or scan._ADJ_BEFORE.search(text[max(0, words[a][0] - 6) : words[a][0]]):
                continue
            for b in range(a, min(run_end, a + 5) + 1):
                if not adjective[b - i]:
                    spans.append((words[a][0], words[b][1], text[words[a][0] : words[b][1]]))
        i = run_end + 1
    return spans


# the patterns as they were before sessions 7 and 9 (session 9: possessive _RUN_BEFORE, _list_before)
_RUN_BEFORE_PLAIN = re.compile(r"(?:\b(\w+)\s+)(?:[A-Z][\w'’]*[\s-]+){0,3}$")
_LIST_BEFORE_PLAIN = re.compile(r"[A-Za-z]\s*,\s*$")


def _old_placey(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    run = _RUN_BEFORE_PLAIN.search(before)
    if run and run.group(1) and run.group(1).lower() in scan._CUES_1:
        return True
    listed = before.rstrip().endswith(",") and _LIST_BEFORE_PLAIN.search(before)
    return bool(listed or scan._PLACE_NOUN_AFTER.match(text, end))


def _old_relation(text: str, start: int, end: int) -> tuple[str, bool]:
    before = text[max(0, start - 40) : start].lower().rstrip()
    before = scan._TRAILING_ARTICLE.sub("", before)
    after = text[end : end + 25].lower().lstrip()
    if before.endswith(scan._REGION_BEFORE_ENDS) or after.startswith(scan._REGION_AFTER):
        return "region", True
    raw_before = text[max(0, start - 60) : start].rstrip()
    if scan._REGION_DIRECTION.search(before) or scan._OF_A_PLACE.search(raw_before):
        return "region", True
    if before.endswith(scan._NEAR_BEFORE_ENDS) or after.startswith(scan._NEAR_AFTER):
        return "near", True
    words = before.split()
    last = words[-1] if words else ""
    if last == "the" and len(words) > 1:
        last = words[-2]
    return "in", last in scan._CUES_1


def _check(text: str) -> None:
    assert scan._candidate_spans(text) == _old_spans(text)
    for start in range(len(text) + 1):
        for end in {start, min(len(text), start + 6)}:
            assert scan._placey(text, start, end) == _old_placey(text, start, end), (text, start, end)
            assert scan._relation(text, start, end) == _old_relation(text, start, end), (text, start, end)
            assert scan._unit_word_after(text, end) == bool(scan._UNIT_WORD_AFTER.match(text, end))
            assert scan._group_word_after(text, end) == bool(scan._GROUP_WORD_AFTER.match(text, end))
            old_locative = bool(scan._LOCATIVE_BEFORE.search(text[max(0, start - 24) : start]))
            assert scan._locative_before(text, start) == old_locative, (text, start)
        prev = scan._PREV_WORD.search(text[max(0, start - 30) : start])
        old_generic = bool(prev and fold(prev.group(1)) in scan.GENERIC_HEADS)
        assert scan._after_generic_head(text, start) == old_generic, (text, start)
    for chunk in (text, text + "'s", text + "’s", text + "'"):
        old_key = fold(re.sub(r"['’]s$", "", chunk).strip("'’‘"))
        assert "\n" in chunk or scan._span_key(chunk) == old_key


def test_prechecks_on_written_examples() -> None:
    for text in [
        "Clashes in Sweida - Qorret Tashli town in Aleppo countryside, in addition",
        "Turkey-backed factions shelled the village of Kafr Nabl near the outskirts of Idlib.",
        "pro-\nGovernment forces in southern rural Deir ez-Zor, X village in Aleppo province",
        "Fighting near Tal Rifaat axis and in the town of Al-Bab; IN  Raqqa, ın Hama\nnorth\nHama",
        "Iran backed militias; Russia funded units; the Free Idlib Army at Khan Tuman front in Idlib",
        "Qalamoun Shield Forces and the Hamza Division near Sultan Murad Brigades, the Idlib province Army",
        "A×B ÷C Ñandú's and O'Brien's men at Saint-Denis, in Santa Cruz de la Sierra state",
    ]:
        _check(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_prechecks_agree_with_the_plain_patterns(text: str) -> None:
    _check(text)


_NAME_PIECES = [*"aAbB -‐'’ʿ`×ñÉ1_,.\n", "al-", "Tell ", "Jebel "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=30).map("".join))
def test_fold_is_the_fold_of_its_pieces(text: str) -> None:
    """fold builds a name's tokens from its space- and hyphen-separated pieces: the same tokens."""
    from eventdesk.geo.normalize import ARTICLES

    toks = tokens_of(text)
    kept = [t for t in toks if t not in ARTICLES]
    assert fold(text) == " ".join(kept or toks)
    assert re.sub(r"\s+", " ", fold(text)) == fold(text)
