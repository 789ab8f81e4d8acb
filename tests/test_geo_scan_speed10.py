"""Session 10's shortcuts in the geocoder's text scan: each must give exactly what the code it replaced
gave. The references below are the replaced versions (or the plain code they stand for)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.geo import scan

_PIECES = [
    "Al", "al", "Pro", "pro", "ex", "Ex", "anti", "non", "post", "-", "-", " ", " ", "  ", "\n", "\t", "Iran",
    "led", "born", "Held", "backed", " backed ", "affiliated", " sponsored\n", "Turkey", "de", "la", "Santa",
    "Cruz", "Sierra", "Aleppo", "Idlib", "3", "‘", "'s", "’", "Mc", "Donald", "x", "×", "É", "Ülke", "Tal",
    "Khan", "Tuman", "of", ",", ".", "A", "B", "Deir", "ez", "Zor", "Syria", "Forces", "the", "The", "in",
    "In", "Ras", "Ain", "Bani", "\u00a0",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _plain_candidates(text: str) -> list[tuple[int, int, str, str]]:
    """scan's candidates as session 9 made them: every span of the whole text, keyed, filtered."""
    out: list[tuple[int, int, str, str]] = []
    for start, end, chunk in scan._candidate_spans(text):
        key = scan._span_key(chunk)
        if len(key) >= 3 and key not in scan.STOPWORDS:
            out.append((start, end, chunk, key))
    return out


def test_region_memo_on_written_examples() -> None:
    # the same regions in contexts whose adjective tests differ: the memo must not mix them up
    for text in [
        "pro-Turkey Syrian National Army fighters and Turkey-backed Syrian National Army",
        "Iran-led Coalition forces near Deir ez-Zor; Iran led forces; an Iran backed militia",
        "ex-Aleppo governor, Aleppo-born, Aleppo born, Al-Pro-Assad, 3Pro-Assad, ‘Pro-Assad",
        "Santa Cruz de la Sierra and Santa Cruz de la, Khan Tuman-affiliated, Khan Tuman affiliated ",
        "Non-Idlib, non-Idlib, Post-Idlib", "A-Idlib", "Aleppo", "-Aleppo", "pro-Aleppo-backed",
    ]:
        assert scan._candidates(text) == _plain_candidates(text), text
        assert scan._candidates(text) == _plain_candidates(text), text  # (from the memo)


@settings(max_examples=400, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_region_memo_is_the_plain_split(batch: list[str]) -> None:
    # several texts in a row: a region memoised in one context is then read in another
    for text in batch:
        assert scan._candidates(text) == _plain_candidates(text), text
