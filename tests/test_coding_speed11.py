"""Session 11's shortcuts in the coder, the reader and the CLI, each compared with the code it replaces (the
same answers; docs/speed.md, "Session 11"). Texts written for these tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.coding import places
from eventdesk.ingest import readers
from eventdesk.nlp.sentences import ascii_words
from eventdesk.records import Document

TEXTS = [
    "On 3 May 2021, gunmen attacked a checkpoint in the northern countryside of Idlib, activists said.",
    "Troops shelled the outskirts of al-Bab and 5 km north of Marea; 2020, 12 km south of Azaz.",
    "Air defences shot down 12 drones over Belgorod region and downed two more over the Kursk area.",
    "The army took full control of Kafr Nabl and took over the village of Hass near Maarat.",
    "Police fired tear gas in the city of Lagos, close to the Ikeja front line of the protest.",
    "Fighting on the edge of the Sokhneh desert, in the vicinity of Palmyra, near Tadmur town.",
    "in-Chief 30 April, 2020, 10km east of Kadawa, the front lines of Bakhmut, front of the march.",
    "Residents of the area of Gao said that in the morning they heard 4 km, then 4 kms and 3rd blasts.",
    "the destroyed -- over Kherson; recaptured the Territory of Luhansk, seized the territory of Donetsk.",
    "struck at Mosul, stormed Al-Qaim, entered de-Gaulle square, besieged ad-Dali, liberated Y-Town.",
    "The ministry said, and the group's media office reported; police were reported to have said.",
    "According to local sources, 4 people died. Witnesses2said nothing; 3according to none.",
    "the spokesman said9 and the army denied it while residents were told to leave.",
    "Crowds marched in\tSanaa and at\nAden; near\r\nTaiz, around  Ibb.",
    "",
    "in",
    "the north",
    "5",
]

_VOCABULARY = (
    "in near at outside around on nearby shot down downed intercepted destroyed over recaptured captured "
    "seized stormed shelled struck bombarded entered besieged liberated took full control of over "
    "controlling close to the territory skies airspace north northern southeast central countryside "
    "outskirts suburbs area areas village town city district province region axis vicinity front line "
    "lines frontline entrance desert km 5 12km 3rd 2020 al el ad bin said reported according was were "
    "denied told police army Aleppo Idlib Al-Bab de Gaulle Kafr Nabl edge"
)
_WORDS = tuple(_VOCABULARY.split(" "))
_SEPS = (" ", " ", " ", "  ", ", ", ". ", "-", "\n", "\t", " (", ") ", "; ", " -- ", "'s ")


def _random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 40)):
        word = rng.choice(_WORDS)
        if rng.random() < 0.3:
            word = word.capitalize()
        parts.append(word + rng.choice(_SEPS))
    return "".join(parts)


def _texts() -> list[str]:
    rng = random.Random(11)
    return TEXTS + [_random_text(rng) for _ in range(3000)]


# --- place leads: the regex runs only where the word after a lead word allows a match ----------------


def _leads_everywhere(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in places._LEAD.finditer(text, start, end)]


def _gated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    places.share_words(text, ascii_words(text.lower()))
    return [m.span() for m in places._leads(text, start, end)]


def test_place_leads_are_the_regex_scans_on_written_and_random_texts() -> None:
    for text in _texts():
        if not text.isascii():
            continue
        assert _gated(text, 0, len(text)) == _leads_everywhere(text, 0, len(text)), text
        for start, end in ((3, len(text) - 4), (len(text) // 3, len(text) // 2 + 7)):
            if 0 <= start <= end <= len(text):
                assert _gated(text, start, end) == _leads_everywhere(text, start, end), (text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.lists(st.sampled_from(_SEPS), max_size=30))
def test_place_leads_hypothesis(words: list[str], seps: list[str]) -> None:
    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    assert _gated(text, 0, len(text)) == _leads_everywhere(text, 0, len(text))


def test_every_lead_word_but_three_is_gated() -> None:
    # a lead word the gate does not know runs the regex as before; these three take any words before
    # "over" ("destroyed 14 Ukrainian drones over")
    assert sorted(w for w in places._LEAD_WORDS if w not in places._LEAD_NEXT) == [
        b"destroyed",
        b"downed",
        b"intercepted",
    ]


# --- the reader: no language guess for `eventdesk code`, Documents built positionally ----------------


def test_reader_without_the_language_guess_differs_only_in_language(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    lines = [
        {"id": "a", "text": "On 3 May 2021, the army shelled the village of Hass."},
        {"id": 7, "text": "Les manifestants ont défilé à Paris.", "published_at": "2021-05-04"},
        {"text": "  Protesters marched in Lagos.  ", "language": "en", "title": "T", "extra": 1},
        {"id": "d", "text": "الجيش قصف القرية", "url": "u", "publisher": "p", "author": "x",
         "dateline": "2021-05-03"},
    ]
    body = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
    path.write_text(body, encoding="utf-8")
    text_path = tmp_path / "report.txt"
    text_path.write_text("title: A report\n\nGunmen killed two farmers near Kadawa.\n", encoding="utf-8")
    guessed = list(readers.read_paths([str(path), str(text_path)]))
    plain = list(readers.read_paths([str(path), str(text_path)], guess_language=False))
    assert len(guessed) == len(plain) == 5
    given = [None, None, "en", None, None]  # the languages the input names
    for a, b, language in zip(guessed, plain, given, strict=True):
        assert isinstance(a, Document) and isinstance(b, Document)
        assert b.language == language
        b.language = a.language
        b.ingested_at = a.ingested_at
        assert a == b
    assert plain[2].language == "en" and plain[2].notes == ["ignored keys: extra"]


def test_positional_document_is_the_keyword_one() -> None:
    obj = {"id": "x1", "text": "Police dispersed protesters in Kampala.", "title": "T", "url": "u",
           "publisher": "p", "author": "a", "language": "en", "published_at": "2021-05-04"}
    doc = readers._object_document(obj, "f.jsonl", 3)
    expected = Document(
        id="x1",
        text=obj["text"],
        title="T",
        url="u",
        publisher="p",
        author="a",
        published_at=doc.published_at,
        dateline=doc.dateline,
        language="en",
        source_file="f.jsonl",
        source_line=3,
        ingested_at=doc.ingested_at,
        notes=[],
    )
    assert doc == expected and doc.repost_of is None and doc.published_at is not None


# --- dates: a kind's pattern runs only where the word after its first word allows a match -------------

_DATE_VOCABULARY = (
    "on in during since until by of before after the this last earlier early late between from to and "
    "past day days week weeks ago today tonight yesterday overnight night morning evening month one two "
    "a an seven monday friday sunday may march sept sep. jan. december mar 3 03 3rd 21st 31 39 40 7th "
    "2020 1999 2020s 12 5to7 45 099 4-5 1and2 km people percent mid end beginning start 15km"
)
_DATE_WORDS = tuple(_DATE_VOCABULARY.split(" "))
_DATE_SEPS = (" ", " ", "  ", ", ", ". ", ".", "-", " - ", "\n", "\t", ",")


def _date_texts() -> list[str]:
    rng = random.Random(7)
    written = [
        "On 3 May 2020, and on 4 of June, 2021; between 3 and 5 May; May 5, 2020; Sept. 21st, 1999.",
        "In May 2020 two days ago, the day before yesterday, this morning, last night, earlier this week.",
        "On Monday, this past Friday, late Sunday, in 2020 and since 1999s; 15km in 2020s, 7 weeks ago.",
        "3-5 may; 30 to 31 march 2020; 12 45 099 mar. 3 jan.5 dec 40 of may",
    ]
    out = []
    for _ in range(4000):
        size = rng.randint(0, 25)
        out.append("".join(rng.choice(_DATE_WORDS) + rng.choice(_DATE_SEPS) for _ in range(size)))
    return written + [t.lower() for t in written] + out


def test_date_kinds_gated_by_the_next_word_are_the_regex_scans() -> None:
    from eventdesk.nlp import dates

    for text in _date_texts():
        low = text.lower()
        if not low.isascii():
            continue
        words = ascii_words(low)
        spans = [(0, len(low)), (2, len(low) - 3), (len(low) // 3, len(low))]
        for a, b in spans:
            if not 0 <= a <= b <= len(low):
                continue
            within = dates.words_within(words, a, b)
            for kind, pattern in dates._PATTERNS:
                got = [m.span() for m in dates._kind_matches(kind, pattern, low, a, b, within)]
                assert got == [m.span() for m in pattern.finditer(low, a, b)], (kind, text, a, b)
