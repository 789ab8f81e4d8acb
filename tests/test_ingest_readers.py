"""Readers: every input shape, bad input, encodings, folders and stdin."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from eventdesk.errors import InputError
from eventdesk.ingest import iter_files, read_file, read_paths, read_text
from eventdesk.records import Document, document_id_for

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def docs_of(path: Path | str) -> list[Document]:
    items = list(read_paths([str(path)]))
    assert all(isinstance(item, Document) for item in items), items
    return [item for item in items if isinstance(item, Document)]


def test_blog_scrape_shape() -> None:
    (doc,) = docs_of(FIXTURES / "blog-scrape.txt")
    assert doc.published_at == dt.date(2022, 11, 3)
    assert doc.dateline == dt.date(2022, 11, 2)
    assert doc.reference_date == dt.date(2022, 11, 2)
    assert doc.title is not None and doc.title.startswith("Clashes flare on the Deir ez-Zor front")
    assert doc.author == "Field Correspondent"
    assert not doc.text.startswith("date ")  # the scrape's post line is metadata, not report text
    assert "Thiban" in doc.text
    assert doc.id == document_id_for(doc.text)
    assert doc.language == "en"
    assert doc.source_file == str(FIXTURES / "blog-scrape.txt")
    assert doc.ingested_at is not None


def test_blog_scrape_without_byline_uses_poster() -> None:
    text = (
        "date 2023-01-02 Posted on by poster99\n\nJAN 01, 2023\n\n"
        "A long first paragraph that reads like a title.\n\nBody sentence."
    )
    doc = read_text(text)
    assert doc.author == "poster99"
    assert doc.dateline == dt.date(2023, 1, 1)


def test_header_file() -> None:
    (doc,) = docs_of(FIXTURES / "header.txt")
    assert doc.url == "https://example.net/2021/06/strike"
    assert doc.publisher == "Desert Wire"
    assert doc.published_at == dt.date(2021, 6, 8)
    assert doc.title == "Drone strike hits vehicle near Raqqa"
    assert doc.text.startswith("A drone struck a vehicle")
    assert "publisher:" not in doc.text


def test_header_unknown_published_keeps_events_date() -> None:
    (doc,) = docs_of(FIXTURES / "header-unknown-date.txt")
    assert doc.published_at is None
    assert doc.dateline == dt.date(2021, 1, 15)
    assert doc.title == "Mortar fire kills farmer near Jisr al-Shughur"
    assert any("unknown" in note for note in doc.notes)


def test_header_month_only_is_not_guessed() -> None:
    (doc,) = docs_of(FIXTURES / "header-month-only.txt")
    assert doc.published_at is None
    assert doc.dateline is None
    assert any("not a full date" in note for note in doc.notes)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-09-14 (from URL)", dt.date(2020, 9, 14)),
        ("2020-10 (from URL)", None),
        ("unknown (reports events of Tuesday 2019-09-24)", None),
        ("next week", None),
        ("", None),
    ],
)
def test_header_published_values_never_crash(value: str, expected: dt.date | None) -> None:
    doc = read_text(f"url: https://example.org/x\npublished: {value}\n\nShelling hit the town.")
    assert doc.published_at == expected


def test_plain_text_without_header() -> None:
    doc = read_text("Gunmen attacked a checkpoint.\nTwo soldiers were killed.", source_file="x.txt")
    assert doc.title is None or doc.title == "Gunmen attacked a checkpoint."
    assert doc.text.startswith("Gunmen attacked")
    assert doc.published_at is None and doc.url is None


def test_plain_text_with_capital_dateline() -> None:
    doc = read_text("Title line\n\nHOMS, May 3, 2022 — Shelling hit the city.")
    assert doc.dateline == dt.date(2022, 5, 3)


def test_html_page() -> None:
    (doc,) = docs_of(FIXTURES / "page.html")
    assert doc.title == "Airstrike hits market town"
    assert doc.published_at == dt.date(2022, 4, 9)
    assert doc.author == "Lena Haddad"
    assert "Maarat Misrin" in doc.text
    assert "Home" not in doc.text.split("\n")[0]
    assert "<p>" not in doc.text


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    (error,) = list(read_paths([str(page)]))
    assert isinstance(error, InputError)
    assert str(error) == f"{page}: no main text found in HTML page"


def test_jsonl_keeps_ids_and_skips_blank_lines() -> None:
    docs = docs_of(FIXTURES / "notes.jsonl")
    assert docs[0].id == "n-1"
    assert docs[1].id == document_id_for(docs[1].text)
    assert docs[2].id == "42"
    assert [d.source_line for d in docs] == [1, 2, 4]
    assert docs[0].publisher == "Horan Free League"
    assert docs[0].published_at == dt.date(2023, 5, 6)
    assert docs[2].title == "Protest in As-Sweida"


def test_jsonl_bad_lines_are_reported_and_the_rest_is_kept() -> None:
    path = FIXTURES / "bad-lines.jsonl"
    items = list(read_paths([str(path)]))
    assert [d.id for d in items if isinstance(d, Document)] == ["ok-1", "ok-2"]
    errors = [str(e) for e in items if isinstance(e, InputError)]
    assert errors == [
        f"{path}:2: invalid JSON: Expecting ',' delimiter (column 53)",
        f"{path}:3: JSON line is not an object",
        f'{path}:4: missing or empty "text"',
    ]


def test_binary_and_empty_files(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02 binary")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    good = tmp_path / "good.txt"
    good.write_text("Shelling hit the village of Kafr Ruma.", encoding="utf-8")
    items = list(read_paths([str(binary), str(empty), str(good)]))
    assert [str(i) for i in items[:2]] == [
        f"{binary}: binary file, not a text report",
        f"{empty}: empty file",
    ]
    assert isinstance(items[2], Document)


def test_missing_path(tmp_path: Path) -> None:
    (error,) = list(read_file(tmp_path / "nope.txt"))
    assert str(error) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_cp1252_fallback_is_noted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Shelling hit the caf\xe9 \u2014 two killed.".encode("cp1252"))
    with caplog.at_level("WARNING"):
        (doc,) = docs_of(path)
    assert "café — two killed" in doc.text
    assert doc.notes and "decoded as cp1252" in doc.notes[0]
    assert "decoded as cp1252" in caplog.text


def test_latin1_fallback_when_cp1252_fails(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Clashes near the village \x81 reported by residents.")  # 0x81 is undefined in cp1252
    (doc,) = docs_of(path)
    assert "decoded as latin-1" in doc.notes[0]


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffurl: https://example.org/a\npublished: 2020-01-02\n\nText.".encode())
    (doc,) = docs_of(path)
    assert doc.url == "https://example.org/a"
    assert doc.notes == []


def test_folder_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Report z.", encoding="utf-8")
    (tmp_path / "b" / "a.txt").write_text("Report a.", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><body><article><p>" + "Report c. " * 20 + "</p></article></body></html>"
    )
    (tmp_path / "a.jsonl").write_text('{"id": "j1", "text": "Report j."}\n', encoding="utf-8")
    (tmp_path / "INDEX.tsv").write_text("file\tdate\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    files = [Path(p).relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)]
    assert files == ["a.jsonl", "b/a.txt", "b/z.txt", "c.html"]
    docs = docs_of(tmp_path)
    assert docs[0].id == "j1"
    assert docs[1].text == "Report a."
    assert [d.id for d in docs] == [d.id for d in docs_of(tmp_path)]


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(
        io.BytesIO(b"url: https://example.org/s\n\nShelling near Ariha."), encoding="utf-8"
    )
    monkeypatch.setattr(sys, "stdin", fake)
    (doc,) = docs_of("-")
    assert doc.url == "https://example.org/s"
    assert doc.source_file == "<stdin>"
    fake = io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "A."}\n{"id": "s2", "text": "B."}\n'))
    monkeypatch.setattr(sys, "stdin", fake)
    assert [d.id for d in docs_of("-")] == ["s1", "s2"]


def test_read_text_empty_raises() -> None:
    with pytest.raises(InputError, match="empty"):
        read_text("   \n", source_file="x.txt")


def test_same_text_same_id_whatever_the_whitespace() -> None:
    a = read_text("Shelling hit  the town.\n")
    b = read_text("Shelling hit the town.")
    assert a.id == b.id


def test_jsonl_file_is_streamed_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = '{"id": "u1", "text": "Shelling near the caf\u00e9."}\n'.encode()
    legacy = '{"id": "c1", "text": "Clashes near the caf\u00e9."}\n'.encode("cp1252")
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + legacy + b"not json\n")
    items = list(read_paths([str(path)]))
    assert [type(item).__name__ for item in items] == ["Document", "Document", "InputError"]
    first, second, error = items
    assert isinstance(first, Document) and first.id == "u1" and first.notes == []
    assert isinstance(second, Document) and "café" in second.text and "cp1252" in second.notes[0]
    assert second.source_line == 3
    assert str(error).startswith(f"{path}:4: invalid JSON")


def test_empty_and_binary_jsonl(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n  \n")
    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(b"PK\x03\x04zipped")
    assert [str(e) for e in read_paths([str(empty), str(binary)])] == [
        f"{empty}: empty file",
        f"{binary}: binary file, not a text report",
    ]


@pytest.mark.parametrize(
    "raw",
    [b"plain", b"\xef\xbb\xbfwith bom", b"\xef\xbb\xbf\xef\xbb\xbftwo boms", b"caf\xc3\xa9",
     b"\xef\xbb\xbfbad \x81 byte", b"bad \xe9 byte", b"\xef\xbb", b"x\xef\xbb\xbf"],
)  # fmt: skip
def test_decode_is_utf8_sig(raw: bytes) -> None:
    from eventdesk.ingest.readers import decode

    try:
        expected = raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        for encoding in ("cp1252", "latin-1"):
            try:
                note = f"not valid UTF-8 (byte {exc.start}); decoded as {encoding}"
                expected = raw.decode(encoding), [note]
                break
            except UnicodeDecodeError:
                continue
    assert decode(raw, "p") == expected


def test_language_guess() -> None:
    from eventdesk.ingest.readers import _language

    assert _language("Clashes took place in the town and two were killed by shelling.") == "en"
    assert _language("اشتباكات عنيفة في ريف حلب الشمالي") == "ar"
    assert _language("Zusammenstöße zwischen Truppen, zwei Tote.") is None  # not ASCII, no Arabic
    assert _language("Report: clashes in the area, قتلى") == "en"  # a few Arabic words in English
    assert _language("1234 -- 5678") is None
